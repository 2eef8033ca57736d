import { MAX_NAME_LENGTH } from './validation';
import type { Plan, PlanStatus } from './plan';

/** The most plans a workspace keeps (about 40 full 100-line plans fill a browser's 5 MB). */
export const MAX_PLANS = 200;

export const STATUS_LABEL: Record<PlanStatus, string> = { draft: 'Draft', proposed: 'Proposed', approved: 'Approved' };

/** `base` made unique among `taken` by a counter: "Q3 (copy)", "Q3 (copy 2)", … */
function unique(base: string, taken: ReadonlySet<string>, numbered: (n: number) => string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(n);
    if (!taken.has(candidate)) return candidate;
  }
}

const clip = (name: string, suffixLength: number) => name.slice(0, Math.max(0, MAX_NAME_LENGTH - suffixLength)).trimEnd();

/**
 * The name of a copy of `name`: "<name> (copy)", or for a scenario "<name> · scenario B" (C, D, …
 * after the letters the workspace already has), never longer than a plan name may be.
 */
export function duplicateName(name: string, kind: 'copy' | 'scenario', existing: readonly string[]): string {
  const trimmed = name.trim() || 'Untitled plan';
  const taken = new Set(existing.map((n) => n.trim()));
  if (kind === 'copy') {
    const stem = clip(trimmed, ' (copy 999)'.length);
    return unique(`${stem} (copy)`, taken, (n) => `${stem} (copy ${n})`);
  }
  // "Launch · scenario B" duplicated again is "Launch · scenario C", not "… · scenario B · scenario B".
  const stem = clip(trimmed.replace(/ · scenario [A-Z]\d*$/, ''), ' · scenario Z999'.length);
  for (let i = 1; i < 26; i++) {
    const candidate = `${stem} · scenario ${String.fromCharCode(65 + i)}`;
    if (!taken.has(candidate)) return candidate;
  }
  return unique(`${stem} · scenario Z`, taken, (n) => `${stem} · scenario Z${n}`);
}

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
