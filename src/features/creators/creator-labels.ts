import type { CreatorSort } from '../../api/schemas';

export const SORT_LABEL: Record<CreatorSort, string> = {
  fans: 'Most fans',
  engagement: 'Highest engagement',
  fee: 'Lowest fee',
  name: 'Handle (A-Z)',
  'reach-per-dollar': 'Most views per dollar',
  fit: 'Best fit for this plan',
};
/** Sorts that put the smallest value first; the others put the largest first. */
export const ASCENDING: ReadonlySet<CreatorSort> = new Set(['fee', 'name']);

export const viewButtonId = (id: string) => `view-${id}`;


/** A planned creator's contract checklist (on their card): the profile panel opens it from there. */
export const contractChecklistId = (handle: string) => `contract-${handle}`;
