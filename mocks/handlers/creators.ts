import { http, HttpResponse, type JsonBodyType } from 'msw';
import type { CatalogService } from '../catalog-service';
import { serverConditions } from '../latency';

/**
 * GET /api/creators (search, filters, sort, paging: see `readCatalogQuery`) and
 * GET /api/creators/:id (the full profile with recent posts), answered by a catalog service:
 * in this thread (Node) or in a Web Worker (the browser).
 */
export function creatorHandlers(catalog: CatalogService) {
  return [
    http.get('*/api/creators', async ({ request }) => {
      const fault = await serverConditions(request);
      if (fault) return fault;
      const { status, body } = await catalog.search(new URL(request.url).search);
      return HttpResponse.json(body as JsonBodyType, { status });
    }),
    http.get('*/api/creators/:id', async ({ request, params }) => {
      const fault = await serverConditions(request);
      if (fault) return fault;
      const { status, body } = await catalog.profile(String(params.id));
      return HttpResponse.json(body as JsonBodyType, { status });
    }),
  ];
}
