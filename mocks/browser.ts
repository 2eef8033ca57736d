import { setupWorker } from 'msw/browser';
import { createWorkerCatalogService } from './catalog-client';
import { createHandlers } from './handlers';
import { setRealisticLatency } from './latency';

setRealisticLatency(true);
// The 100,000-creator catalog lives in a Web Worker: MSW's handlers run on the page's thread.
export const worker = setupWorker(...createHandlers(createWorkerCatalogService()));
