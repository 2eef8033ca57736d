import type { Plan } from './plan';
import { STATUS_LABEL } from './workspace';

// Only the Plans view searches: kept out of workspace.ts, which the first download carries.

/** Folds case, width and composed forms, so "ＳＡＬＥ", "sale" and Korean typed either way match. */
const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/**
 * Plans matching every word of `query` in their name, status, creators or formats, most
 * recently edited first.
 */
export function findPlans(plans: readonly Plan[], query: string): Plan[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches =
    words.length === 0
      ? [...plans]
      : plans.filter((p) => {
          const haystack = fold(
            [
              p.name,
              STATUS_LABEL[p.status],
              ...p.creators.flatMap((c) => [c.handle, `@${c.handle}`, c.displayName]),
              ...p.formats.filter((f) => f.included).map((f) => f.formatId),
            ].join('\n'),
          );
          return words.every((w) => haystack.includes(w));
        });
  return matches.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
