import type { CatalogService, ServiceResponse } from './catalog-service';
import type { CatalogReply, CatalogRequest } from './catalog.worker';

/**
 * The catalog service, answered by a Web Worker: what the browser's mocked API uses, so the
 * catalog is built and searched off the main thread. The worker starts on the first request.
 */
export function createWorkerCatalogService(): CatalogService {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, (reply: ServiceResponse) => void>();

  const ask = (kind: CatalogRequest['kind'], arg: string): Promise<ServiceResponse> => {
    if (!worker) {
      worker = new Worker(new URL('./catalog.worker.ts', import.meta.url), { type: 'module', name: 'creator-catalog' });
      worker.onmessage = ({ data }: MessageEvent<CatalogReply>) => {
        const { id, ...reply } = data;
        pending.get(id)?.(reply);
        pending.delete(id);
      };
      // A worker that fails (to load, or later) answers every waiting request with a server error.
      worker.onerror = (event) => {
        for (const resolve of pending.values()) resolve({ status: 500, body: { message: `The creator catalog failed: ${event.message}` } });
        pending.clear();
        worker = null;
      };
    }
    const id = next++;
    const message: CatalogRequest = { id, kind, arg };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker?.postMessage(message);
    });
  };

  return { search: (search) => ask('search', search), profile: (id) => ask('profile', id) };
}
