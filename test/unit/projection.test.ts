import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_KPI, type Plan } from '../../src/domain/plan';
import {
  combineReach,
  creatorEngagementRate,
  eventDays,
  project,
  reachFromImpressions,
  viewsPerPost,
  type LineResult,
  type Projection,
} from '../../src/domain/projection';
import { GOALS, TIERS, type AssumptionKey, type Tier } from '../../src/domain/types';
import { check, creatorLine, defaultAssumptions, DEFAULT_FLIGHT_DAYS, DEFAULT_START, formatLine, planWith } from './plan-fixtures';

const A = defaultAssumptions();
const UNIVERSE = A.audienceUniverse;

function projectPlan(plan: Plan): Projection {
  const result = check(plan);
  expect(result.errors).toEqual({});
  return project(result.input);
}

function onlyItem(projection: Projection): LineResult {
  expect(projection.items).toHaveLength(1);
  const [item] = projection.items;
  if (!item) throw new Error('no line item');
  return item;
}

function lastDay(projection: Projection) {
  const last = projection.daily.at(-1);
  if (!last) throw new Error('no daily series');
  return last;
}

const QUANTITIES = [
  'spend',
  'impressions',
  'paidImpressions',
  'earnedViews',
  'reach',
  'videoViews',
  'engagements',
  'clicks',
  'conversions',
  'submissions',
  'revenue',
] as const;

describe('project: the guide figures', () => {
  it('buys exactly 6,000,000 In-Feed impressions with $60,000 at a $10 CPM', () => {
    const item = onlyItem(projectPlan(planWith({ formats: [formatLine('in-feed', '$60,000')] })));
    expect(item).toMatchObject({ id: 'in-feed', kind: 'format', name: 'In-Feed Ads', spend: 60_000 });
    expect(item.paidImpressions).toBe(6_000_000);
    expect(item.impressions).toBe(6_000_000);
    expect(item.earnedViews).toBe(0);
    expect(item.submissions).toBe(0);
    expect(item.cpm).toBe(10);
    expect(item.clicks).toBeCloseTo(54_000, 6);
    expect(item.conversions).toBeCloseTo(1_080, 6);
    expect(item.revenue).toBeCloseTo(43_200, 6);
    expect(item.engagements).toBeCloseTo(248_400, 6);
    expect(item.engagementRate).toBeCloseTo(0.0414, 12);
    // Negative-binomial curve with k = 1: I / (1 + I/U).
    expect(item.reach).toBeCloseTo(6_000_000 / (1 + 6_000_000 / UNIVERSE), 4);
  });

  it('guarantees 10,000,000 impressions for $100,000 with 2 Brand Takeover days', () => {
    const item = onlyItem(projectPlan(planWith({ formats: [formatLine('brand-takeover', '2')] })));
    expect(item.paidImpressions).toBe(10_000_000);
    expect(item.impressions).toBe(10_000_000);
    expect(item.spend).toBe(100_000);
    expect(item.cpm).toBe(10);
  });

  it('adds participants’ videos to a hashtag challenge: submissions and earned views', () => {
    const item = onlyItem(
      projectPlan(planWith({ totalBudget: '150000', formats: [formatLine('hashtag-challenge', '150,000')] })),
    );
    expect(item.paidImpressions).toBe(7_500_000);
    const submissions = 7_500_000 * (250_000 / 430_000_000);
    expect(item.submissions).toBeCloseTo(submissions, 6);
    // Each participant's video: a 5,000-follower account x the 14.49% view rate = 724.5 views.
    const earned = submissions * 724.5;
    expect(item.earnedViews).toBeCloseTo(earned, 4);
    // Earned views are their own estimate, not a copy of the paid impressions.
    expect(item.earnedViews / item.paidImpressions).toBeCloseTo(0.4212, 3);
    expect(item.impressions).toBeCloseTo(7_500_000 + earned, 4);
    expect(item.engagements).toBeCloseTo(7_500_000 * 0.0414 + earned * 0.115, 4);
  });
});

describe('project: creators', () => {
  it('uses the catalog average views when there is one', () => {
    const item = onlyItem(projectPlan(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '3', fee: '500' })] })));
    expect(item).toMatchObject({ id: 'creator:maya.fit', kind: 'creator', name: '@maya.fit', spend: 1_500 });
    expect(item.videoViews).toBe(24_000);
    expect(item.impressions).toBe(24_000);
    expect(item.paidImpressions).toBe(0);
  });

  it('falls back to fans x creator view rate when avgViews is null', () => {
    const line = creatorLine({ avgViews: null, fans: 50_000, posts: '2' });
    expect(viewsPerPost(line, A)).toBeCloseTo(50_000 * 0.1449, 9);
    const item = onlyItem(projectPlan(planWith({ creators: [line] })));
    expect(item.videoViews).toBeCloseTo(2 * 50_000 * 0.1449, 9);
  });

  it('follows an overridden creator view rate', () => {
    const line = creatorLine({ avgViews: null, fans: 50_000, posts: '1' });
    const item = onlyItem(projectPlan(planWith({ creators: [line], assumptionOverrides: { creatorViewRate: '20' } })));
    expect(item.videoViews).toBeCloseTo(10_000, 9);
  });

  it.each([
    ['nano', 'engagementRateNano', 0.115],
    ['micro', 'engagementRateMicro', 0.0596],
    ['mid', 'engagementRateMid', 0.045],
    ['macro', 'engagementRateMacro', 0.0264],
    ['mega', 'engagementRateMega', 0.02],
  ] as const satisfies readonly (readonly [Tier, AssumptionKey, number])[])(
    'a %s creator without a measured rate uses %s (%d)',
    (tier, key, rate) => {
      const line = creatorLine({ tier, engagementRate: null, avgViews: 10_000, posts: '1' });
      expect(creatorEngagementRate(line, A)).toBe(A[key]);
      const item = onlyItem(projectPlan(planWith({ creators: [line] })));
      expect(item.engagements).toBeCloseTo(10_000 * rate, 9);
      expect(item.engagementRate).toBeCloseTo(rate, 12);
    },
  );

  it('uses the creator’s measured engagement rate over the tier benchmark', () => {
    const item = onlyItem(
      projectPlan(planWith({ creators: [creatorLine({ tier: 'mega', engagementRate: 0.08, avgViews: 10_000, posts: '2' })] })),
    );
    expect(item.engagements).toBeCloseTo(20_000 * 0.08, 9);
  });

  it('engagements are views x rate for any creator (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.integer({ min: 1, max: 100 }),
        (tier, fans, avgViews, engagementRate, posts) => {
          const line = creatorLine({ tier, fans, avgViews, engagementRate, posts: String(posts) });
          const item = onlyItem(project(check(planWith({ creators: [line] })).input));
          const views = posts * (avgViews ?? fans * A.creatorViewRate);
          expect(item.videoViews).toBeCloseTo(views, 6);
          expect(item.engagements).toBeCloseTo(views * (engagementRate ?? creatorEngagementRate(line, A)), 6);
        },
      ),
    );
  });
});

describe('project: ROI', () => {
  it('is (revenue - spend) / spend, negative when revenue is below spend', () => {
    const item = onlyItem(projectPlan(planWith({ formats: [formatLine('in-feed', '60000')] })));
    expect(item.roi).toBeCloseTo((43_200 - 60_000) / 60_000, 12);
    expect(item.roi).toBeLessThan(0);
  });

  it('is positive when revenue beats spend', () => {
    const item = onlyItem(
      projectPlan(planWith({ formats: [formatLine('in-feed', '60000')], assumptionOverrides: { averageOrderValue: '100' } })),
    );
    expect(item.revenue).toBeCloseTo(108_000, 6);
    expect(item.roi).toBeCloseTo(0.8, 12);
  });

  it('is null with nothing spent (a $0 creator)', () => {
    const projection = projectPlan(planWith({ creators: [creatorLine({ fee: '0' })] }));
    expect(onlyItem(projection).roi).toBeNull();
    expect(projection.totals.roi).toBeNull();
    expect(projection.totals.costPerResult).toBe(0);
  });
});

const formatAmounts = fc.record({
  inFeed: fc.option(fc.integer({ min: 6_000, max: 5_000_000 }), { nil: null }),
  takeoverDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  challenge: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
  effects: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: null }),
});
const creatorLines = fc.array(
  fc.record({
    tier: fc.constantFrom(...TIERS),
    fans: fc.integer({ min: 0, max: 50_000_000 }),
    avgViews: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
    engagementRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    posts: fc.integer({ min: 1, max: 100 }),
    fee: fc.integer({ min: 0, max: 200_000 }),
  }),
  { maxLength: 4 },
);

/** A random valid plan: any mix of formats and creators on a flight of 10-60 days. */
const validPlans = fc
  .record({ amounts: formatAmounts, creators: creatorLines, flightDays: fc.integer({ min: 10, max: 60 }), goal: fc.constantFrom(...GOALS) })
  .map(({ amounts, creators, flightDays, goal }) => {
    const end = new Date(2024, 0, 8 + flightDays - 1);
    const endDate = `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
    const formats = [
      amounts.inFeed === null ? null : formatLine('in-feed', String(amounts.inFeed)),
      amounts.takeoverDays === null ? null : formatLine('brand-takeover', String(amounts.takeoverDays)),
      amounts.challenge === null ? null : formatLine('hashtag-challenge', String(amounts.challenge)),
      amounts.effects === null ? null : formatLine('branded-effects', String(amounts.effects)),
    ].filter((l) => l !== null);
    return planWith({
      goal,
      startDate: DEFAULT_START,
      endDate,
      totalBudget: '100,000,000',
      formats,
      creators: creators.map((c, i) =>
        creatorLine({ ...c, handle: `creator${i}`, posts: String(c.posts), fee: String(c.fee) }),
      ),
    });
  });

describe('project: totals', () => {
  it('sums line items, de-duplicates reach, and derives the ratios', () => {
    const projection = projectPlan(
      planWith({
        totalBudget: '1,000,000',
        formats: [formatLine('in-feed', '60000'), formatLine('brand-takeover', '2')],
        creators: [creatorLine()],
      }),
    );
    const { items, totals } = projection;
    expect(items.map((i) => i.id)).toEqual(['in-feed', 'brand-takeover', 'creator:maya.fit']);
    expect(totals.spend).toBe(60_000 + 100_000 + 1_600);
    expect(totals.impressions).toBe(6_000_000 + 10_000_000 + 16_000);
    expect(totals.reach).toBeCloseTo(combineReach(items.map((i) => i.reach), UNIVERSE), 6);
    expect(totals.reach).toBeLessThan(items.reduce((s, i) => s + i.reach, 0));
    expect(totals.frequency).toBeCloseTo(totals.impressions / totals.reach, 12);
    expect(totals.cpm).toBeCloseTo((totals.spend / totals.impressions) * 1000, 12);
    expect(totals.costPerEngagement).toBeCloseTo(totals.spend / totals.engagements, 12);
    expect(totals.costPerResult).toBeCloseTo(totals.spend / totals.reach, 12);
  });

  it('never projects a negative quantity (property)', () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        const projection = project(check(plan).input);
        for (const row of [...projection.items, projection.totals]) {
          for (const key of QUANTITIES) {
            expect(Number.isFinite(row[key])).toBe(true);
            expect(row[key]).toBeGreaterThanOrEqual(0);
          }
          expect(row.reach).toBeLessThanOrEqual(UNIVERSE);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives zeros and null ratios for an empty plan', () => {
    const projection = projectPlan(planWith());
    expect(projection.items).toEqual([]);
    for (const key of QUANTITIES) expect(projection.totals[key]).toBe(0);
    expect(projection.totals).toMatchObject({
      frequency: null,
      cpm: null,
      engagementRate: null,
      costPerEngagement: null,
      roi: null,
      costPerResult: null,
    });
    expect(projection.kpi).toEqual({ metric: 'reach', label: 'reach', actual: 0, target: null, met: null });
    expect(projection.daily).toHaveLength(DEFAULT_FLIGHT_DAYS);
    for (const day of projection.daily) {
      expect(day).toMatchObject({ spend: 0, cumulativeSpend: 0, cumulativeImpressions: 0, cumulativeReach: 0 });
    }
  });
});

describe('reachFromImpressions', () => {
  it.each([
    [0, UNIVERSE, 1],
    [-5, UNIVERSE, 1],
    [Number.NaN, UNIVERSE, 1],
    [1_000, 0, 1],
    [1_000, UNIVERSE, 0],
    [1_000, UNIVERSE, Number.NaN],
  ])('is 0 for impressions %d, universe %d, shape %d', (impressions, universe, shape) => {
    expect(reachFromImpressions(impressions, universe, shape)).toBe(0);
  });

  it('follows U x (1 - (1 + m/k)^-k)', () => {
    expect(reachFromImpressions(26_500_000, UNIVERSE, 1)).toBeCloseTo(UNIVERSE / 2, 4);
    expect(reachFromImpressions(26_500_000, UNIVERSE, 2)).toBeCloseTo(UNIVERSE * (1 - 1.5 ** -2), 4);
  });

  const impressions = fc.double({ min: 0, max: 1e12, noNaN: true });
  const universes = fc.double({ min: 1, max: 1e10, noNaN: true });
  const shapes = fc.double({ min: 0.05, max: 20, noNaN: true });

  it('never exceeds the impressions nor the universe (property)', () => {
    fc.assert(
      fc.property(impressions, universes, shapes, (i, u, k) => {
        const reach = reachFromImpressions(i, u, k);
        expect(reach).toBeGreaterThanOrEqual(0);
        expect(reach).toBeLessThanOrEqual(i);
        expect(reach).toBeLessThanOrEqual(u);
      }),
    );
  });

  it('is non-decreasing in impressions (property)', () => {
    fc.assert(
      fc.property(impressions, impressions, universes, shapes, (x, y, u, k) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(reachFromImpressions(lo, u, k)).toBeLessThanOrEqual(reachFromImpressions(hi, u, k));
      }),
    );
  });
});

describe('combineReach (Sainsbury)', () => {
  it('is 0 with no vehicles or no universe', () => {
    expect(combineReach([], UNIVERSE)).toBe(0);
    expect(combineReach([1_000], 0)).toBe(0);
  });

  it('de-duplicates two half-universe vehicles to three quarters', () => {
    expect(combineReach([50, 50], 100)).toBeCloseTo(75, 12);
    expect(combineReach([100, 30], 100)).toBe(100);
  });

  it('clamps negative and over-universe reaches', () => {
    expect(combineReach([-50], 100)).toBe(0);
    expect(combineReach([500], 100)).toBe(100);
  });

  it('is never above the sum, below the largest, or above the universe (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e10, noNaN: true }).chain((u) =>
          fc.tuple(fc.constant(u), fc.array(fc.double({ min: 0, max: u, noNaN: true }), { minLength: 1, maxLength: 8 })),
        ),
        ([u, reaches]) => {
          const combined = combineReach(reaches, u);
          // Tolerance: one rounding of u x (1 - product) is a few ulps of u.
          const eps = u * 1e-12;
          expect(combined).toBeLessThanOrEqual(reaches.reduce((s, r) => s + r, 0) + eps);
          expect(combined).toBeGreaterThanOrEqual(Math.max(...reaches) - eps);
          expect(combined).toBeLessThanOrEqual(u);
          expect(combined).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('eventDays', () => {
  it.each([
    [4, 28, [0, 7, 14, 21]],
    [1, 28, [0]],
    [3, 3, [0, 1, 2]],
    [5, 3, [0, 0, 1, 1, 2]],
    [0, 10, []],
  ])('%d events over %d days land on %j', (count, days, expected) => {
    expect(eventDays(count, days)).toEqual(expected);
  });

  it('spreads events within the flight, in order, one a day when they fit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 366 }), (count, days) => {
        const result = eventDays(count, days);
        expect(result).toHaveLength(count);
        result.forEach((d, i) => {
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(days);
          if (i > 0) expect(d).toBeGreaterThanOrEqual(result[i - 1] ?? 0);
        });
        if (count <= days) expect(new Set(result).size).toBe(count);
      }),
    );
  });
});

describe('project: daily series', () => {
  const mixed = planWith({
    totalBudget: '1,000,000',
    formats: [formatLine('in-feed', '60000'), formatLine('brand-takeover', '2'), formatLine('hashtag-challenge', '150000')],
    creators: [creatorLine({ posts: '4', fee: '800' }), creatorLine({ handle: 'leo.eats', avgViews: null, posts: '3', fee: '250' })],
  });

  it('has one point per flight day, from the start date', () => {
    const { daily } = projectPlan(mixed);
    expect(daily).toHaveLength(DEFAULT_FLIGHT_DAYS);
    expect(daily[0]?.date).toBe('2024-01-08');
    expect(daily[1]?.date).toBe('2024-01-09');
    expect(daily.at(-1)?.date).toBe('2024-02-04');
  });

  it('books takeover days and creator posts on their days, In-Feed evenly', () => {
    const { daily } = projectPlan(mixed);
    const inFeedPerDay = 60_000 / 28;
    const challengePerDay = 150_000 / 28;
    // Day 0: first takeover day, first post of each creator.
    expect(daily[0]?.spend).toBeCloseTo(inFeedPerDay + challengePerDay + 50_000 + 800 + 250, 6);
    // Day 14: second takeover day, third post of maya.fit (posts on 0, 7, 14, 21).
    expect(daily[14]?.spend).toBeCloseTo(inFeedPerDay + challengePerDay + 50_000 + 800, 6);
    // Day 1: only the evenly paced formats.
    expect(daily[1]?.spend).toBeCloseTo(inFeedPerDay + challengePerDay, 6);
  });

  it('ends on the totals: reach, spend and impressions', () => {
    const projection = projectPlan(mixed);
    const last = lastDay(projection);
    expect(last.cumulativeReach).toBeCloseTo(projection.totals.reach, 4);
    expect(last.cumulativeSpend).toBeCloseTo(projection.totals.spend, 6);
    expect(last.cumulativeImpressions).toBeCloseTo(projection.totals.impressions, 4);
  });

  it('is empty without a valid flight', () => {
    const input = check(planWith({ endDate: '2023-01-01', formats: [formatLine('in-feed', '60000')] })).input;
    expect(input.flightDays).toBeNull();
    expect(project(input).daily).toEqual([]);
  });

  it('never loses reach from one day to the next and ends on the totals (property)', () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        const projection = project(check(plan).input);
        const { daily, totals } = projection;
        daily.forEach((day, i) => {
          const previous = daily[i - 1];
          if (previous) {
            expect(day.cumulativeReach).toBeGreaterThanOrEqual(previous.cumulativeReach);
            expect(day.cumulativeSpend).toBeGreaterThanOrEqual(previous.cumulativeSpend);
          }
          expect(day.cumulativeReach).toBeLessThanOrEqual(UNIVERSE);
        });
        const last = lastDay(projection);
        expect(last.cumulativeReach).toBeCloseTo(totals.reach, 2);
        expect(Math.abs(last.cumulativeSpend - totals.spend)).toBeLessThanOrEqual(totals.spend * 1e-12 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('project: KPI', () => {
  const plan = planWith({
    totalBudget: '1,000,000',
    formats: [formatLine('in-feed', '60000'), formatLine('hashtag-challenge', '150000')],
    creators: [creatorLine()],
  });

  it.each(GOALS)('%s is measured by its GOAL_KPI metric, met at the target and missed above it', (goal) => {
    const { metric, metricLabel } = GOAL_KPI[goal];
    const base = projectPlan({ ...plan, goal });
    const actual = metric === 'reach' ? base.totals.reach : base.totals[metric];
    expect(actual).toBeGreaterThan(0);
    expect(base.kpi).toEqual({ metric, label: metricLabel, actual, target: null, met: null });

    const met = projectPlan({ ...plan, goal, kpiTarget: String(Math.floor(actual)) });
    expect(met.kpi).toMatchObject({ target: Math.floor(actual), met: true });

    const missed = projectPlan({ ...plan, goal, kpiTarget: String(Math.ceil(actual) + 1) });
    expect(missed.kpi).toMatchObject({ target: Math.ceil(actual) + 1, met: false });
    expect(missed.totals.costPerResult).toBeCloseTo(missed.totals.spend / actual, 12);
  });

  it('maps goals to the metrics the guide measures', () => {
    expect(Object.fromEntries(GOALS.map((g) => [g, GOAL_KPI[g].metric]))).toEqual({
      awareness: 'reach',
      engagement: 'engagements',
      ugc: 'submissions',
      'app-installs': 'conversions',
      sales: 'revenue',
    });
  });

  it('misses any positive target with an empty plan', () => {
    expect(projectPlan(planWith({ goal: 'ugc', kpiTarget: '1' })).kpi).toMatchObject({ actual: 0, met: false });
  });
});
