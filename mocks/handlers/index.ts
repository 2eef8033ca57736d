import type { CatalogService } from '../catalog-service';
import { adFormatHandlers } from './ad-formats';
import { benchmarkHandlers } from './benchmarks';
import { creatorHandlers } from './creators';

/** Every happy-path handler, shared by the browser worker, the preview server and tests; the creator catalog is theirs to choose. */
export function createHandlers(catalog: CatalogService) {
  return [...adFormatHandlers, ...creatorHandlers(catalog), ...benchmarkHandlers];
}
