import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Imports a module by URL (the browser's own `import()`; replaced in tests). */
export type UrlImporter = (url: string) => Promise<unknown>;

const importUrl: UrlImporter = (url) => import(/* @vite-ignore */ url);

/**
 * The module a failed dynamic import names, when the browser says it: Chromium "Failed to fetch
 * dynamically imported module: <url>", Firefox "error loading dynamically imported module: <url>".
 * Safari doesn't name it.
 */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : '';
  const match = /dynamically imported module:?\s+(\S+)/i.exec(message);
  if (!match?.[1]) return null;
  try {
    return new URL(match[1]).href;
  } catch {
    return null;
  }
}

/**
 * A lazy component per attempt: React.lazy keeps a failed import for good, so a Retry needs a
 * new one. Pair it with ChunkBoundary, which counts the attempts.
 *
 * Some browsers also keep a failed module fetch for the page's life (Chromium up to at least
 * 150, Safari): importing the same URL again fails without asking the server. So a retry
 * imports the module the browser named with a query of its own (`?retry=<attempt>`): a new
 * URL is fetched again, and its own imports (React, the store) resolve to the instances the
 * page already has.
 */
export function retryableLazy<M, P extends object>(
  importer: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
  byUrl: UrlImporter = importUrl,
): (attempt: number) => LazyExoticComponent<ComponentType<P>> {
  const byAttempt = new Map<number, LazyExoticComponent<ComponentType<P>>>();
  let failedUrl: string | null = null;
  const load = async (attempt: number): Promise<M> => {
    try {
      if (attempt > 0 && failedUrl !== null) {
        const url = new URL(failedUrl);
        url.searchParams.set('retry', String(attempt));
        // The same module under another URL: the caller's type describes it.
        return (await byUrl(url.href)) as M;
      }
      return await importer();
    } catch (error) {
      failedUrl = failedModuleUrl(error) ?? failedUrl;
      throw error;
    }
  };
  return (attempt) => {
    let component = byAttempt.get(attempt);
    if (!component) {
      component = lazy(() => load(attempt).then((m) => ({ default: pick(m) })));
      byAttempt.set(attempt, component);
    }
    return component;
  };
}
