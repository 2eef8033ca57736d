import { setupServer } from 'msw/node';
import { createCatalogService } from './catalog-service';
import { createHandlers } from './handlers';

/** Tests get a small catalog: the guide's creators and the first generated ones (the same as in the full catalog). */
export const TEST_CATALOG_SIZE = 2_000;

export const server = setupServer(...createHandlers(createCatalogService({ size: TEST_CATALOG_SIZE })));
