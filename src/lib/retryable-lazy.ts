import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A lazy component per attempt: React.lazy keeps a failed import for good, so a Retry needs a
 * new one. Pair it with ChunkBoundary, which counts the attempts.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): (attempt: number) => LazyExoticComponent<ComponentType<P>> {
  const byAttempt = new Map<number, LazyExoticComponent<ComponentType<P>>>();
  return (attempt) => {
    let component = byAttempt.get(attempt);
    if (!component) {
      component = lazy(() => load().then((c) => ({ default: c })));
      byAttempt.set(attempt, component);
    }
    return component;
  };
}
