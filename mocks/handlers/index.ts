import { adFormatHandlers } from './ad-formats';
import { benchmarkHandlers } from './benchmarks';
import { creatorHandlers } from './creators';

/** Every happy-path handler, shared by the browser worker, the preview server and tests. */
export const handlers = [...adFormatHandlers, ...creatorHandlers, ...benchmarkHandlers];
