import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { createCatalogService } from './catalog-service';
import { createHandlers } from './handlers';
import { setRealisticLatency } from './latency';
import { restartScenarios, scenarioFromUrl } from './scenarios';

/**
 * Serves the mocked API from the preview server (Node), with the same handlers as the
 * browser worker and the tests, so the production bundle carries no MSW code.
 */
export function mockApiMiddleware() {
  // REACHPLAN_API_LATENCY=0 turns the simulated 120-400 ms off (scripts/perf/creators.mjs measures the app, not the wait).
  setRealisticLatency(process.env.REACHPLAN_API_LATENCY !== '0');
  // The full catalog, generated on the first creator request.
  const handlers = createHandlers(createCatalogService());
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!url.pathname.startsWith('/api/')) {
      // Loading a page with ?scenario= starts its fault scenario over, as the browser worker does.
      if (scenarioFromUrl(url.href)) restartScenarios();
      return next();
    }
    try {
      const headers = new Headers();
      if (req.headers.referer) headers.set('referer', req.headers.referer);
      const response = await getResponse(handlers, new Request(url, { method: req.method ?? 'GET', headers }));
      if (response?.type === 'error') {
        // A simulated network failure: the connection drops mid-answer. (Dropping it before any
        // byte makes browsers silently resend the request on a new connection.)
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{', () => res.destroy());
        return;
      }
      if (!response) {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ message: `No mocked endpoint for ${req.method} ${url.pathname}.` }));
        return;
      }
      res.statusCode = response.status;
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ message: error instanceof Error ? error.message : 'Mock server error' }));
    }
  };
}
