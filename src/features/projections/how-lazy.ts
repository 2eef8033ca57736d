import { retryableLazy } from '../../lib/retryable-lazy';

/**
 * "How is this calculated?" content: its formula builders load when a how view first opens.
 * One lazy component per attempt, for ChunkBoundary's Retry.
 */
export const howContent = retryableLazy(() => import('./how'), (m) => m.default);
