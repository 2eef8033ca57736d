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
    const url = requestUrl(req);
    if (!url) {
      // A malformed request (an invalid Host header or path) is the client's fault: answered, never thrown.
      badRequest(res, 'The request URL or Host header is malformed.');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      // Loading a page with ?scenario= starts its fault scenario over, as the browser worker does.
      if (scenarioFromUrl(url.href)) restartScenarios();
      return next();
    }
    let request: Request;
    try {
      const headers = new Headers();
      if (req.headers.referer) headers.set('referer', req.headers.referer);
      request = new Request(url, { method: req.method ?? 'GET', headers });
    } catch {
      badRequest(res, 'The request has a malformed method or header.');
      return;
    }
    try {
      const response = await getResponse(handlers, request);
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

/**
 * The request's URL, or null for a malformed request: a target that is not a path ("/path?query"),
 * or a Host header that is not a host (RFC 9112: such a request gets 400). Routing needs only the
 * path, so the URL is built on a fixed origin, never on what the client sent.
 */
export function requestUrl(req: Pick<IncomingMessage, 'url' | 'headers'>): URL | null {
  const path = req.url ?? '/';
  const { host } = req.headers;
  if (host !== undefined && !isHost(host)) return null;
  // "//host/x" or an absolute URL would move the origin.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  try {
    return new URL(path, 'http://localhost');
  } catch {
    return null;
  }
}

/** A host with an optional port, as the Host header carries it, and nothing else. */
function isHost(value: string): boolean {
  try {
    const url = new URL(`http://${value}`);
    return url.host === value.toLowerCase() || `${url.hostname}:${url.port}` === value.toLowerCase() || url.hostname === value.toLowerCase();
  } catch {
    return false;
  }
}

function badRequest(res: ServerResponse, message: string): void {
  res.statusCode = 400;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ message }));
}
