import { delay, HttpResponse } from 'msw';
import { REQUEST_TIMEOUT_MS } from '../src/api/timeouts';

/**
 * Fault scenarios for the running app: open the page with `?scenario=<name>` (in `npm start`
 * and `npm run preview`) and the mocked API misbehaves that way. Tests use per-test handlers instead.
 *
 * Each endpoint fails its first few requests after a page load (enough to exhaust the app's own
 * retry), then recovers, so the user's "Retry" is seen to work.
 */
export const SCENARIOS = ['error', 'slow', 'timeout', 'malformed', 'invalid', 'offline'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** Failing requests per endpoint; `offline` lets the first one through, as a session that starts online. */
const PLAN: Record<Scenario, { pass: number; fail: number }> = {
  error: { pass: 0, fail: 2 },
  timeout: { pass: 0, fail: 2 },
  malformed: { pass: 0, fail: 1 },
  invalid: { pass: 0, fail: 1 },
  offline: { pass: 1, fail: 2 },
  slow: { pass: 0, fail: 0 },
};
export const SLOW_MS = 3_000;

const counts = new Map<string, number>();

export function scenarioFromUrl(url: string | null | undefined): Scenario | null {
  if (!url) return null;
  try {
    const name = new URL(url).searchParams.get('scenario');
    return (SCENARIOS as readonly string[]).includes(name ?? '') ? (name as Scenario) : null;
  } catch {
    return null;
  }
}

/** The scenario of the page that sent `request`: its Referer, else (in the browser worker) the page itself. */
export function scenarioOf(request: Request): Scenario | null {
  return (
    scenarioFromUrl(request.headers.get('referer')) ??
    scenarioFromUrl(request.referrer) ??
    scenarioFromUrl(typeof window === 'undefined' ? null : window.location.href)
  );
}

/** A new page load starts the scenario over. */
export function restartScenarios(): void {
  counts.clear();
}

/** The faulty answer for `request` under its page's scenario, or null to answer normally. */
export async function scenarioFault(request: Request): Promise<Response | null> {
  const scenario = scenarioOf(request);
  if (!scenario) return null;
  if (scenario === 'slow') {
    await delay(SLOW_MS);
    return null;
  }
  const key = `${scenario} ${new URL(request.url).pathname}`;
  const n = counts.get(key) ?? 0;
  counts.set(key, n + 1);
  const { pass, fail } = PLAN[scenario];
  if (n < pass || n >= pass + fail) return null;
  switch (scenario) {
    case 'error':
      return HttpResponse.json({ message: 'The server had a problem (simulated).' }, { status: 500 });
    case 'timeout':
      // Longer than the app waits: the app gives up first, as it would with a hung server.
      await delay(REQUEST_TIMEOUT_MS + 2_000);
      return HttpResponse.json({ message: 'Gateway timeout (simulated).' }, { status: 504 });
    case 'malformed':
      return new HttpResponse('{"items": [', { headers: { 'content-type': 'application/json' } });
    case 'invalid':
      return HttpResponse.json({ items: 'not a list', note: 'simulated contract break' });
    case 'offline':
      return HttpResponse.error();
  }
}
