import { delay } from 'msw';
import { scenarioFault } from './scenarios';

/**
 * Simulated server latency. Off by default (tests); the browser worker and the
 * preview server switch it on so loading states are seen as users would see them.
 */
let realistic = false;

export function setRealisticLatency(on: boolean): void {
  realistic = on;
}

async function latency(): Promise<void> {
  if (realistic) await delay(120 + Math.floor(Math.random() * 280));
}

/**
 * What every handler does first: wait as a server would, then answer with the page's
 * fault scenario if it has one (null: answer normally).
 */
export async function serverConditions(request: Request): Promise<Response | null> {
  await latency();
  return scenarioFault(request);
}
