import { createCatalogService, type ServiceResponse } from './catalog-service';

/**
 * The browser's mocked API answers creator requests from this worker: the 100,000-creator
 * catalog is generated, indexed and queried here, off the page's main thread.
 */

export type CatalogRequest = { id: number; kind: 'search' | 'profile'; arg: string };
export type CatalogReply = ServiceResponse & { id: number };

interface WorkerScope {
  onmessage: ((event: MessageEvent<CatalogRequest>) => void) | null;
  postMessage(message: CatalogReply): void;
}

const scope = self as unknown as WorkerScope;
const service = createCatalogService();

scope.onmessage = ({ data }) => {
  const { id, kind, arg } = data;
  const answer = kind === 'search' ? service.search(arg) : service.profile(arg);
  answer.then(
    (reply) => scope.postMessage({ id, ...reply }),
    (error: unknown) =>
      scope.postMessage({ id, status: 500, body: { message: error instanceof Error ? error.message : 'The catalog failed to answer.' } }),
  );
};
