/** A 100-line-item plan (5 formats, 95 creators) built from the mocked catalog, as `npm run perf` builds it. */
import { AD_FORMATS } from '../mocks/data/ad-formats';
import { BENCHMARKS } from '../mocks/data/benchmarks';
import { CREATORS } from '../mocks/data/creators';
import { creatorLineFrom, DEFAULT_TARGETING, formatLine, MODEL_EDITION, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../src/domain/plan';
import type { FormatId } from '../src/domain/types';

export { AD_FORMATS, BENCHMARKS, CREATORS };

const FORMAT_AMOUNTS: Record<FormatId, string> = {
  'in-feed': '250000',
  'brand-takeover': '3',
  'hashtag-challenge': '150000',
  'hashtag-challenge-plus': '200000',
  'branded-effects': '100000',
};

export function plan100(): Plan {
  // Every line valid: the takeover needs its category.
  const formats: PlanFormatLine[] = AD_FORMATS.map((f) => ({
    ...formatLine(f.id, FORMAT_AMOUNTS[f.id]),
    category: f.id === 'brand-takeover' ? 'Food & beverage' : '',
  }));
  const creators: PlanCreatorLine[] = [...CREATORS]
    .sort((a, b) => b.fans - a.fans || a.handle.localeCompare(b.handle))
    .slice(0, 95)
    .map((c, i) => ({ ...creatorLineFrom(c), posts: String(1 + (i % 3)) }));
  if (creators.length !== 95) throw new Error(`the catalog has ${creators.length} creators, not 95`);
  return {
    id: 'bench-plan-100',
    name: 'Bench: 100 line items',
    status: 'draft',
    scenarioOf: null,
    startDate: '2025-03-03',
    endDate: '2025-03-30',
    goal: 'awareness',
    kpiTarget: '',
    otherKpiTargets: {},
    totalBudget: '20000000',
    currency: 'USD',
    targeting: { ...DEFAULT_TARGETING, countries: [...DEFAULT_TARGETING.countries], ageBands: [...DEFAULT_TARGETING.ageBands] },
    formats,
    creators,
    shortlist: [],
    retiredContracts: {},
    assumptionOverrides: {},
    costs: { agencyCommission: '', usageRights: '', whitelisting: '', production: '', tax: '' },
    excludeWeekends: false,
    earnedInReach: false,
    modelEdition: MODEL_EDITION,
    updatedAt: '2025-02-24T09:00:00.000Z',
  };
}

/** What the app validates: only the included formats. */
export function included(plan: Plan): Plan {
  return { ...plan, formats: plan.formats.filter((f) => f.included) };
}

/**
 * A plan of `size` line items (the five formats plus size − 5 creators; the catalog is cycled
 * with numbered handles past its end) over a `flightDays`-day flight. Every tenth creator has
 * a Spark Ads budget, so the mixed-scenario path is measured too.
 */
export function planOf(size: number, flightDays: number): Plan {
  const base = plan100();
  const sorted = [...CREATORS].sort((a, b) => b.fans - a.fans || a.handle.localeCompare(b.handle));
  const creators: PlanCreatorLine[] = Array.from({ length: size - base.formats.length }, (_, i) => {
    const c = sorted[i % sorted.length];
    if (!c) throw new Error('the catalog is empty');
    const round = Math.floor(i / sorted.length);
    return {
      ...creatorLineFrom(c),
      handle: round === 0 ? c.handle : `${c.handle}.${round}`,
      posts: String(1 + (i % 3)),
      sparkBudget: i % 10 === 9 ? '5000' : '',
    };
  });
  const start = new Date(Date.UTC(2025, 2, 3));
  const end = new Date(start.getTime() + (flightDays - 1) * 86_400_000);
  return {
    ...base,
    id: `bench-plan-${size}`,
    name: `Bench: ${size} line items`,
    startDate: start.toISOString().slice(0, 10),
    endDate: end.toISOString().slice(0, 10),
    totalBudget: '100000000',
    creators,
  };
}
