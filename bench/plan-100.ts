/** A 100-line-item plan (5 formats, 95 creators) built from the mocked catalog, as `npm run perf` builds it. */
import { AD_FORMATS } from '../mocks/data/ad-formats';
import { ASSUMPTIONS } from '../mocks/data/benchmarks';
import { CREATORS } from '../mocks/data/creators';
import { creatorLineFrom, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../src/domain/plan';
import type { FormatId } from '../src/domain/types';

export { AD_FORMATS, ASSUMPTIONS, CREATORS };

const FORMAT_AMOUNTS: Record<FormatId, string> = {
  'in-feed': '250000',
  'brand-takeover': '3',
  'hashtag-challenge': '150000',
  'hashtag-challenge-plus': '200000',
  'branded-effects': '100000',
};

export function plan100(): Plan {
  const formats: PlanFormatLine[] = AD_FORMATS.map((f) => ({ formatId: f.id, amount: FORMAT_AMOUNTS[f.id], included: true }));
  const creators: PlanCreatorLine[] = [...CREATORS]
    .sort((a, b) => b.fans - a.fans || a.handle.localeCompare(b.handle))
    .slice(0, 95)
    .map((c, i) => ({ ...creatorLineFrom(c), posts: String(1 + (i % 3)) }));
  if (creators.length !== 95) throw new Error(`the catalog has ${creators.length} creators, not 95`);
  return {
    id: 'bench-plan-100',
    name: 'Bench: 100 line items',
    startDate: '2025-03-03',
    endDate: '2025-03-30',
    goal: 'awareness',
    kpiTarget: '',
    otherKpiTargets: {},
    totalBudget: '20000000',
    currency: 'USD',
    formats,
    creators,
    assumptionOverrides: {},
    updatedAt: '2025-02-24T09:00:00.000Z',
  };
}

/** What the app validates: only the included formats. */
export function included(plan: Plan): Plan {
  return { ...plan, formats: plan.formats.filter((f) => f.included) };
}
