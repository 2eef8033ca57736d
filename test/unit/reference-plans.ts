/**
 * Six reference plans: the briefs the second edition was written against, projected by the
 * first edition (frozen in src/domain/legacy-v1) and by the second, side by side. Rendered into
 * docs/model.md; reference-plans.test.ts keeps the page and the models in step.
 */
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import { CREATORS } from '../../mocks/data/creators';
import { headlineOfPlan } from '../../src/domain/legacy-v1/projection';
import { creatorLineFrom, GOAL_KPI, newPlan, type Plan, type PlanCreatorLine } from '../../src/domain/plan';
import { project, type Projection } from '../../src/domain/projection';
import type { Country } from '../../src/domain/types';
import { validatePlan } from '../../src/domain/validation';
import { formatLine, takeoverLine } from './plan-fixtures';

const ALL_AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;

function plan(id: string, name: string, changes: Partial<Plan>): Plan {
  return {
    ...newPlan(id, new Date(2020, 8, 1, 12)),
    name,
    // Flown in 2020: both editions read the guide's 26.5M U.S. users, so what moved is the model.
    startDate: '2020-09-07',
    endDate: '2020-10-04',
    totalBudget: '10,000,000',
    modelEdition: 1,
    ...changes,
  };
}

function creator(handle: string, changes: Partial<PlanCreatorLine> = {}): PlanCreatorLine {
  const found = CREATORS.find((c) => c.handle === handle);
  if (!found) throw new Error(`@${handle} is not in the catalog`);
  return { ...creatorLineFrom(found), ...changes };
}

const markets = (countries: Country[]) => ({ countries, ageBands: [...ALL_AGES], gender: 'all' as const });

export interface ReferencePlan {
  key: string;
  plan: Plan;
  /** Why the headline moved, in a sentence or two. */
  why: string;
}

export const REFERENCE_PLANS: ReferencePlan[] = [
  {
    key: 'in-feed',
    plan: plan('ref-1', 'In-Feed Ads, $60,000, U.S., four weeks', { formats: [formatLine('in-feed', '60000')] }),
    why: 'Unchanged: one paid line item on the same audience is computed the same way. What is new is its range: the reach curve’s shape now varies (k 0.5-2), where the first edition showed 4,892,308 to 4,892,308.',
  },
  {
    key: 'challenge-and-in-feed',
    plan: plan('ref-2', 'Hashtag Challenge + $3M In-Feed, U.S.', {
      formats: [formatLine('hashtag-challenge', '150000'), formatLine('in-feed', '3000000')],
    }),
    why: 'The first edition counted participants’ videos as brand exposures, so the challenge alone reached 95% of users and the $3M In-Feed buy added nothing (0.95 × Sainsbury, floored at the largest line item). Now participants’ videos are earned (22.0M earned reach, reported apart), the challenge reaches 5.8M with its paid placements, the In-Feed buy 24.3M, and together they reach more than either.',
  },
  {
    key: 'micro-creator',
    plan: plan('ref-3', 'In-Feed $60,000 + a micro creator, 10 posts', {
      formats: [formatLine('in-feed', '60000')],
      creators: [creator('noahdances', { posts: '10' })],
    }),
    why: 'The creator’s 10 posts added exactly 0 to the first edition’s reach (a line item below about 0.05·L/(1−L) of the universe added nothing). Now they add 3,906 people: their own 5,636 less the overlap, by largest + D × (Sainsbury − largest).',
  },
  {
    key: 'takeover-korea',
    plan: plan('ref-4', 'Brand Takeover, 2 days, South Korea', {
      startDate: '2020-09-07',
      endDate: '2020-09-08',
      targeting: markets(['KR']),
      formats: [takeoverLine('2')],
    }),
    why: 'The first edition bought the U.S. day (5M impressions for $50,000) in a Korea it sized as U.S. penetration × population (4.1M): frequency 3.4 in two days. Now Korea is its own market (IGAWorks: 4.9M users), its day is sized to it (924,000 impressions for $9,240, a stated team rate), and a person sees the takeover at most once a day: frequency 1.43, nobody 3 times.',
  },
  {
    key: 'zach-king',
    plan: plan('ref-5', '@zachking, one post, engagement goal', { goal: 'engagement', creators: [creator('zachking')] }),
    why: 'Each figure’s P50 was taken on its own, so the row didn’t recompute: 58,900 engagements against 3,173,310 views × 2%. Now every figure is the central scenario: 63,466 = views × the engagement rate.',
  },
  {
    key: 'multi-market',
    plan: plan('ref-6', 'U.S. + Japan + Korea: In-Feed, Branded Effects, four creators', {
      goal: 'app-installs',
      targeting: markets(['US', 'JP', 'KR']),
      formats: [formatLine('in-feed', '200000', { buyingModel: 'CPC' }), formatLine('branded-effects', '100000')],
      creators: [creator('lorengray'), creator('brentrivera'), creator('kairuns', { posts: '3' }), creator('taeyoon.dances', { posts: '2' })],
    }),
    why: 'The effect’s participants were counted as brand reach, Japan and Korea were U.S. penetration × population, and creators’ organic posts clicked at the In-Feed rate. Now participants are earned (21.8M earned reach, apart), each market has its own users and rate card, the effect is a ten-day package, and organic posts click at the organic rate (installs from creators fall).',
  },
];

export interface ReferenceRow {
  key: string;
  name: string;
  goal: string;
  oldReach: number;
  newReach: number;
  kpiLabel: string | null;
  oldKpi: number | null;
  newKpi: number | null;
  projection: Projection;
  why: string;
}

/** Each reference plan's first- and second-edition headline. */
export function referenceRows(): ReferenceRow[] {
  return REFERENCE_PLANS.map(({ key, plan: p, why }) => {
    const check = validatePlan(p, AD_FORMATS, BENCHMARKS);
    if (!check.isValid) throw new Error(`reference plan ${key} is invalid: ${JSON.stringify(check.errors)}`);
    const projection = project(check.input);
    const old = headlineOfPlan(p);
    if (!old) throw new Error(`the first edition can't project ${key}`);
    const kpi = GOAL_KPI[p.goal];
    const hasKpi = kpi.metric !== 'reach';
    return {
      key,
      name: p.name,
      goal: kpi.goalLabel,
      oldReach: old.reach.mid,
      newReach: projection.totals.reach,
      kpiLabel: hasKpi ? kpi.metricLabel : null,
      oldKpi: hasKpi ? old.kpi.range.mid : null,
      newKpi: hasKpi ? projection.kpi.actual : null,
      projection,
      why,
    };
  });
}

const n = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));

/** The table docs/model.md holds between its markers. */
export function renderReferenceTable(rows: readonly ReferenceRow[]): string {
  const lines = [
    '| plan | goal | reach, first edition | reach, second edition | KPI, first edition | KPI, second edition | why it moved |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.goal} | ${n(r.oldReach)} | ${n(r.newReach)} | ${r.kpiLabel ? `${n(r.oldKpi)} ${r.kpiLabel}` : '—'} | ${r.kpiLabel ? `${n(r.newKpi)} ${r.kpiLabel}` : '—'} | ${r.why} |`,
    ),
  ];
  return lines.join('\n');
}
