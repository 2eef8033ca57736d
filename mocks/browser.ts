import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { setRealisticLatency } from './latency';

setRealisticLatency(true);
export const worker = setupWorker(...handlers);
