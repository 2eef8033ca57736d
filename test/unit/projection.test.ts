/** The projection model, line by line against the guide's prices, then reach, time, budget curve, comparison and KPI. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import { AGE_BANDS, type AgeBand, type Country } from '../../src/domain/types';
import { creatorLineFrom, GOAL_KPI, type Plan, type Targeting } from '../../src/domain/plan';
import {
  COST_METRICS,
  creatorEngagementRate,
  goalCost,
  project,
  SUMMED_METRICS,
  viewsPerPost,
  type LineResult,
  type Projection,
  type ProjectOptions,
  type Range,
} from '../../src/domain/projection';
import { combineLogs, combineReach, nbdLogUnreached, postsLogUnreached, reachFromImpressions } from '../../src/domain/reach';
import { RANK, SAMPLE_SIZE } from '../../src/domain/stats';
import { GOALS, TIERS, type AssumptionKey, type Tier } from '../../src/domain/types';
import { eventDays } from '../../src/domain/validation';
import {
  assumption,
  check,
  creatorLine,
  dayAfter,
  defaultAssumptions,
  DEFAULT_FLIGHT_DAYS,
  DEFAULT_START,
  formatLine,
  planWith,
  takeoverLine,
  validInput,
} from './plan-fixtures';

const A = defaultAssumptions();
const US = A.universeUS;

function projectPlan(plan: Plan, options: ProjectOptions = {}): Projection {
  return project(validInput(plan), options);
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

const item = (plan: Plan) => onlyItem(projectPlan(plan, { figuresOnly: true }));
const big = (changes: Partial<Plan>) => planWith({ totalBudget: '100,000,000', ...changes });
const targeting = (changes: Partial<Targeting>): Targeting => ({ countries: ['US'], ageBands: [...AGE_BANDS], gender: 'all', ...changes });

/** A range with no spread: the same number at P10, P50 and P90, equal to `value` (to rounding). */
function expectPoint(range: Range | undefined, value: number) {
  if (!range) throw new Error('no range');
  // === rather than Object.is: −0 is checked on its own, in one test.
  expect(range.low === range.mid && range.mid === range.high).toBe(true);
  if (value === 0) expect(range.mid === 0).toBe(true);
  else expect(range.mid).toBeCloseTo(value, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(value)))));
}

/**
 * P10 and P90 of an assumption as the model reads its published range: the range's ends,
 * or, where the value is one end, the other side mirrored (value² ÷ the other end).
 */
function publishedP10P90(key: AssumptionKey): [number, number] {
  const a = assumption(key);
  if (!a.range) throw new Error(`${key} has no published range`);
  const [low, high] = a.range;
  return [low < a.value ? low : a.value ** 2 / high, high > a.value ? high : a.value ** 2 / low];
}

function expectSpread(range: Range) {
  expect(range.low).toBeLessThan(range.mid);
  expect(range.mid).toBeLessThan(range.high);
}

/** Relative closeness, for figures read off the sampled P10/P90 (the sample's resolution is about 1%). */
function expectNear(actual: number, expected: number, relative = 0.015) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

/** Negative-binomial reach with shape 1 of `impressions` on target against `universe`: I / (1 + I / U). */
const nbd1 = (impressions: number, universe: number) => impressions / (1 + impressions / universe);

describe('In-Feed Ads: the three buying models', () => {
  it('CPM: $60,000 at a $10 CPM buys exactly 6,000,000 impressions, with no spread', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '$60,000')] }));
    expect(line).toMatchObject({ id: 'in-feed', kind: 'format', name: 'In-Feed Ads', formatId: 'in-feed', spend: 60_000 });
    expect(line.bought).toEqual({ quantity: 6_000_000, unit: 'impressions' });
    expect(line.basis).toMatchObject({ budget: 60_000, price: 10, bought: 6_000_000, targetShare: 1 });
    expectPoint(line.ranges.paidImpressions, 6_000_000);
    expectPoint(line.ranges.impressions, 6_000_000);
    // TikTok counts a view when playback starts: every impression is a view.
    expectPoint(line.ranges.videoViews, 6_000_000);
    expectPoint(line.ranges.earnedViews, 0);
    expectPoint(line.ranges.submissions, 0);
    expect(line.costs.cpm).toEqual({ low: 10, mid: 10, high: 10 });
    expect(line.cpm).toBe(10);
    // Reach: all on target (In-Feed targets age and gender), negative binomial with k = 1.
    expectPoint(line.ranges.reach, nbd1(6_000_000, US));
    expect(line.frequency).toBeCloseTo(6_000_000 / nbd1(6_000_000, US), 12);
  });

  it('CPM: clicks = impressions × CTR 0.9%, with the CTR’s published 0.6-1.2% as P10-P90', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '60000')] }));
    expect(line.clicks).toBeCloseTo(54_000, 6);
    expectSpread(line.ranges.clicks);
    expectNear(line.ranges.clicks.low, 6_000_000 * 0.006);
    expectNear(line.ranges.clicks.high, 6_000_000 * 0.012);
    expect(line.costs.cpc?.mid).toBeCloseTo(60_000 / 54_000, 9);
  });

  it('CPM: engagements = impressions × 4.14% (brand accounts), P90 at 5.38% (all accounts)', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '60000')] }));
    const [p10, p90] = publishedP10P90('paidEngagementRate');
    expect(p90).toBe(0.0538);
    expect(line.engagements).toBeCloseTo(248_400, 6);
    expectNear(line.ranges.engagements.low, 6_000_000 * p10);
    expectNear(line.ranges.engagements.high, 6_000_000 * p90);
    expect(line.engagementRate?.mid).toBeCloseTo(0.0414, 12);
  });

  it('CPC: $8,000 at $0.80 buys exactly 10,000 clicks; impressions = clicks ÷ CTR, with spread', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '8000', { buyingModel: 'CPC' })] }));
    expect(line.spend).toBe(8_000);
    expect(line.bought).toEqual({ quantity: 10_000, unit: 'clicks' });
    expect(line.basis.price).toBe(0.8);
    expectPoint(line.ranges.clicks, 10_000);
    expect(line.costs.cpc).toEqual({ low: 0.8, mid: 0.8, high: 0.8 });
    expect(line.paidImpressions).toBeCloseTo(10_000 / 0.009, 6);
    expectSpread(line.ranges.paidImpressions);
    // A high CTR needs fewer impressions for the same clicks: P10 of impressions at the CTR's P90.
    expectNear(line.ranges.paidImpressions.low, 10_000 / 0.012);
    expectNear(line.ranges.paidImpressions.high, 10_000 / 0.006);
    // Conversions follow the bought clicks: only the conversion rate varies.
    expect(line.conversions).toBeCloseTo(200, 9);
    expect(line.revenue).toBeCloseTo(8_000, 6);
    expect(line.ranges.reach.mid).toBeLessThan(line.paidImpressions);
    expectSpread(line.ranges.reach);
  });

  it('CPV: budget ÷ CPV buys 6-second views; impressions = views ÷ the 6-second view rate, no spread', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '8000', { buyingModel: 'CPV' })] }));
    expect(A.inFeedCpv).toBeCloseTo(0.05, 12);
    expect(line.bought.unit).toBe('6-second views');
    expect(line.bought.quantity).toBeCloseTo(8_000 / A.inFeedCpv, 6);
    expect(line.basis.price).toBe(A.inFeedCpv);
    const impressions = 8_000 / A.inFeedCpv / A.sixSecondViewRate;
    expect(impressions).toBeCloseTo(800_000, 6);
    expectPoint(line.ranges.paidImpressions, impressions);
    expectPoint(line.ranges.videoViews, impressions);
    expect(line.clicks).toBeCloseTo(impressions * 0.009, 6);
  });

  it.each([
    ['CPM', 'inFeedCpm', '20', 'impressions', 60_000 / 20 * 1000],
    ['CPC', 'inFeedCpc', '1.50', 'clicks', 60_000 / 1.5],
    ['CPV', 'inFeedCpv', '0.10', '6-second views', 60_000 / 0.1],
  ] as const)('%s follows an overridden %s of %s', (buyingModel, key, value, unit, quantity) => {
    const line = item(planWith({ formats: [formatLine('in-feed', '60000', { buyingModel })], assumptionOverrides: { [key]: value } }));
    expect(line.bought.unit).toBe(unit);
    expect(line.bought.quantity).toBeCloseTo(quantity, 6);
  });

  it('CPM and CPV at the derived CPV buy the same impressions', () => {
    const cpm = item(planWith({ formats: [formatLine('in-feed', '60000')] }));
    const cpv = item(planWith({ formats: [formatLine('in-feed', '60000', { buyingModel: 'CPV' })] }));
    expect(cpv.paidImpressions).toBeCloseTo(cpm.paidImpressions, 4);
  });
});

describe('Brand Takeover: guaranteed impressions by the day', () => {
  it.each([1, 2, 5, 28])('%d days: days × 5,000,000 guaranteed impressions for days × 50,000 USD, no spread', (days) => {
    const line = item(big({ formats: [takeoverLine(String(days))] }));
    expect(line.spend).toBe(days * 50_000);
    expect(line.bought).toEqual({ quantity: days, unit: 'days' });
    expect(line.basis).toMatchObject({ days, price: 50_000 });
    expectPoint(line.ranges.paidImpressions, days * 5_000_000);
    expectPoint(line.ranges.impressions, days * 5_000_000);
    expect(line.cpm).toBe(10);
    expectPoint(line.ranges.reach, nbd1(days * 5_000_000, US));
  });

  it('prices days with the takeoverPricePerDay assumption and delivers takeoverImpressionsPerDay', () => {
    const line = item(
      big({
        formats: [takeoverLine('2')],
        assumptionOverrides: { takeoverPricePerDay: '60,000', takeoverImpressionsPerDay: '4,000,000' },
      }),
    );
    expect(line.spend).toBe(120_000);
    expectPoint(line.ranges.paidImpressions, 8_000_000);
    expect(line.cpm).toBeCloseTo(15, 12);
  });
});

describe('Hashtag Challenge, Hashtag Challenge Plus, Branded Effects', () => {
  it('Hashtag Challenge: $150,000 at a $20 CPM is 7.5M paid impressions, 250,000 submissions, earned views per submission', () => {
    const line = item(big({ formats: [formatLine('hashtag-challenge', '150,000')] }));
    expect(line.bought).toEqual({ quantity: 7_500_000, unit: 'impressions' });
    expect(line.basis).toMatchObject({ price: 20, viewsPerSubmission: A.viewsPerSubmission });
    expectPoint(line.ranges.paidImpressions, 7_500_000);
    // Chipotle #GuacDance: 250,000 submissions from the 7.5M paid impressions of a $150,000 package.
    expectPoint(line.ranges.submissions, 250_000);
    const earned = 250_000 * A.viewsPerSubmission;
    expect(line.earnedViews).toBeCloseTo(earned, 2);
    // Calibrated so the package reproduces Chipotle's 430M video starts, paid and earned.
    expect(line.impressions).toBeCloseTo(430_000_000, 2);
    // Earned views vary with the creator view rate.
    const [p10, p90] = publishedP10P90('creatorViewRate');
    expectNear(line.ranges.earnedViews.low, (earned * p10) / A.creatorViewRate);
    expectNear(line.ranges.earnedViews.high, (earned * p90) / A.creatorViewRate);
    expect(line.videoViews).toBeCloseTo(line.impressions, 2);
    expect(line.costs.costPerSubmission?.mid).toBeCloseTo(0.6, 12);
    // EMV moves with two rates (view rate and EMV CPM): its P50 is near, not exactly, the product.
    expectNear(line.emv, earned * (A.emvCpm / 1000), 0.05);
  });

  it('participants’ videos engage at the nano rate, paid impressions at the paid rate', () => {
    const line = item(big({ formats: [formatLine('hashtag-challenge', '150,000')] }));
    expect(line.engagements).toBeGreaterThan(0);
    const expected = 7_500_000 * 0.0414 + line.earnedViews * 0.115;
    // The P50 of a sum of two rates that move independently: near the sum of the parts.
    expectNear(line.engagements, expected, 0.05);
  });

  it.each([
    ['hashtag-challenge', '150,000', 7_500_000, false],
    ['hashtag-challenge-plus', '200,000', 10_000_000, true],
    ['branded-effects', '100,000', 5_000_000, false],
  ] as const)('%s: %s buys %d paid impressions; clicks only when shoppable (%s)', (formatId, amount, paid, shoppable) => {
    const line = item(big({ formats: [formatLine(formatId, amount)] }));
    expectPoint(line.ranges.paidImpressions, paid);
    expect(line.submissions).toBeCloseTo(paid / 30, 6);
    if (shoppable) {
      expect(line.clicks).toBeCloseTo(paid * 0.009, 4);
      expect(line.conversions).toBeGreaterThan(0);
      expect(line.revenue).toBeGreaterThan(0);
    } else {
      expectPoint(line.ranges.clicks, 0);
      expectPoint(line.ranges.conversions, 0);
      expectPoint(line.ranges.revenue, 0);
      expect(line.costs.cpc).toBeNull();
      expect(line.costs.cpa).toBeNull();
    }
  });

  it('follows overridden challenge CPMs and UGC rates', () => {
    const line = item(
      big({
        formats: [formatLine('hashtag-challenge', '150,000')],
        assumptionOverrides: { challengeCpm: '25', ugcSubmissionRate: '1', viewsPerSubmission: '500' },
      }),
    );
    expectPoint(line.ranges.paidImpressions, 6_000_000);
    expect(line.submissions).toBeCloseTo(60_000, 6);
    expect(line.earnedViews).toBeCloseTo(30_000_000, 2);
  });
});

describe('creators', () => {
  it('views = posts × the catalog’s average views, no spread', () => {
    const line = item(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '3', fee: '500' })] }));
    expect(line).toMatchObject({ id: 'creator:maya.fit', kind: 'creator', name: '@maya.fit', formatId: null, spend: 1_500 });
    expect(line.bought).toEqual({ quantity: 3, unit: 'posts' });
    expectPoint(line.ranges.videoViews, 24_000);
    expectPoint(line.ranges.impressions, 24_000);
    expectPoint(line.ranges.paidImpressions, 0);
  });

  it('views = fans × 14.49% where the catalog has none, up to the 16.23% of 2022', () => {
    const line = creatorLine({ avgViews: null, fans: 50_000, posts: '2' });
    expect(viewsPerPost(line, A)).toBeCloseTo(50_000 * 0.1449, 9);
    const result = item(planWith({ creators: [line] }));
    expect(result.videoViews).toBeCloseTo(2 * 50_000 * 0.1449, 9);
    const [p10, p90] = publishedP10P90('creatorViewRate');
    expect(p90).toBe(0.1623);
    expectNear(result.ranges.videoViews.low, 2 * 50_000 * p10);
    expectNear(result.ranges.videoViews.high, 2 * 50_000 * p90);
    expect(result.basis.viewsPerPost).toBeCloseTo(50_000 * 0.1449, 9);
  });

  it('follows an overridden creator view rate', () => {
    const line = creatorLine({ avgViews: null, fans: 50_000, posts: '1' });
    expect(item(planWith({ creators: [line], assumptionOverrides: { creatorViewRate: '20' } })).videoViews).toBeCloseTo(10_000, 9);
  });

  it.each([
    ['nano', 'engagementRateNano', 0.115],
    ['micro', 'engagementRateMicro', 0.0596],
    ['mid', 'engagementRateMid', 0.045],
    ['macro', 'engagementRateMacro', 0.0264],
    ['mega', 'engagementRateMega', 0.02],
  ] as const satisfies readonly (readonly [Tier, AssumptionKey, number])[])(
    'a %s creator without a measured rate engages at %s (%d per view)',
    (tier, key, rate) => {
      const line = creatorLine({ tier, engagementRate: null, avgViews: 10_000, posts: '1' });
      expect(creatorEngagementRate(line, A)).toBe(A[key]);
      const result = item(planWith({ creators: [line] }));
      expect(result.engagements).toBeCloseTo(10_000 * rate, 9);
      expect(result.engagementRate?.mid).toBeCloseTo(rate, 12);
      if (assumption(key).range) {
        const [p10, p90] = publishedP10P90(key);
        expectNear(result.ranges.engagements.low, 10_000 * p10);
        expectNear(result.ranges.engagements.high, 10_000 * p90);
      } else {
        expectPoint(result.ranges.engagements, 10_000 * rate);
      }
    },
  );

  it('uses the creator’s measured engagement rate over the tier benchmark, with no spread', () => {
    const result = item(planWith({ creators: [creatorLine({ tier: 'mega', engagementRate: 0.08, avgViews: 10_000, posts: '2' })] }));
    expectPoint(result.ranges.engagements, 20_000 * 0.08);
  });

  it('Spark Ads: impressions = budget ÷ $6.50 × 1,000, with the published $5-8 as the CPM’s P10-P90', () => {
    const result = item(planWith({ creators: [creatorLine({ posts: '2', fee: '800', sparkBudget: '6,500' })] }));
    expect(result.spend).toBe(2 * 800 + 6_500);
    expect(result.basis).toMatchObject({ sparkBudget: 6_500, sparkCpm: 6.5 });
    expect(result.paidImpressions).toBeCloseTo(1_000_000, 4);
    // A high CPM buys fewer impressions: the P10 of impressions is at the $8 end.
    expectNear(result.ranges.paidImpressions.low, (6_500 / 8) * 1000);
    expectNear(result.ranges.paidImpressions.high, (6_500 / 5) * 1000);
    expect(result.impressions).toBeCloseTo(16_000 + 1_000_000, 4);
    // Spark engagement = the paid rate × (1 + 43% lift), plus the organic posts' own rate. The P50 of
    // impressions ÷ CPM × rate is not quite the product of the P50s: near it.
    expectNear(result.engagements, 1_000_000 * 0.0414 * 1.43 + 16_000 * 0.06, 0.05);
  });

  // MODEL BUG: a line item's frequency divides its in-target impressions at the central rates by the
  // P50 of reach sampled over the scenarios; with two uncertain parts (view rate, Spark CPM) the P50
  // reach comes from another scenario and the frequency drops below 1 (0.9983 here), which no plan can have.
  it('never gives a line item an average frequency below 1', () => {
    const result = item(planWith({ creators: [creatorLine({ avgViews: null, fans: 1_000_000, posts: '1', sparkBudget: '100' })] }));
    expect(result.reach).toBeLessThanOrEqual(result.impressions);
    expect(result.frequency).toBeGreaterThanOrEqual(1);
  });

  it('catalog creators: the guide’s top creators have fans only, so views come from the view rate', () => {
    const loren = CREATORS.find((c) => c.handle === 'lorengray');
    if (!loren) throw new Error('no lorengray in the catalog');
    const result = item(big({ creators: [{ ...creatorLineFrom(loren), posts: '1' }] }));
    expect(result.videoViews).toBeCloseTo(33_800_000 * 0.1449, 4);
    expect(result.engagementRate?.mid).toBeCloseTo(A.engagementRateMega, 12);
    expect(result.spend).toBe(loren.feePerPost);
  });
});

describe('targeting narrows the universe', () => {
  const takeoverAndInFeed = (t: Targeting, overrides: Plan['assumptionOverrides'] = {}) =>
    projectPlan(big({ targeting: t, formats: [takeoverLine('1'), formatLine('in-feed', '60000')], assumptionOverrides: overrides }), {
      figuresOnly: true,
    });

  it('sums the targeted countries’ users', () => {
    const countries: Country[] = ['US', 'KR', 'GB'];
    const { audience } = takeoverAndInFeed(targeting({ countries }));
    expect(audience.byCountry).toEqual([
      { country: 'US', users: A.universeUS },
      { country: 'KR', users: A.universeKR },
      { country: 'GB', users: A.universeGB },
    ]);
    expect(audience.market).toBe(A.universeUS + A.universeKR + A.universeGB);
    expect(audience.demographicShare).toBe(1);
    expect(audience.universe).toBe(audience.market);
  });

  it.each([
    [['18-24'], 0.5],
    [['13-17', '18-24'], 0.7],
    [['35-44', '45-54', '55+'], 0.13],
    [[...AGE_BANDS], 1],
  ] as const satisfies readonly (readonly [readonly AgeBand[], number])[])('age groups %j keep %d of the users', (ageBands, share) => {
    const { audience } = takeoverAndInFeed(targeting({ ageBands: [...ageBands] }));
    expect(audience.demographicShare).toBeCloseTo(share, 12);
    expect(audience.universe).toBeCloseTo(US * share, 4);
  });

  it('normalises edited age shares so they stay a split', () => {
    // 18-24 at 100% makes the six shares add up to 150%: 18-24 is then two-thirds of users.
    const { audience } = takeoverAndInFeed(targeting({ ageBands: ['18-24'] }), { ageShare18to24: '100' });
    expect(audience.demographicShare).toBeCloseTo(1 / 1.5, 12);
  });

  it.each([
    ['female', undefined, 0.5],
    ['male', undefined, 0.5],
    ['female', '60', 0.6],
    ['male', '60', 0.4],
    ['all', '60', 1],
  ] as const)('gender %s with a female share of %s keeps %d', (gender, female, share) => {
    const { audience } = takeoverAndInFeed(targeting({ gender }), female === undefined ? {} : { femaleShare: female });
    expect(audience.demographicShare).toBeCloseTo(share, 12);
  });

  it('combines age and gender: women 18-24 are a quarter of U.S. users', () => {
    const { audience } = takeoverAndInFeed(targeting({ ageBands: ['18-24'], gender: 'female' }));
    expect(audience.universe).toBeCloseTo(US * 0.25, 4);
  });

  it('counts all In-Feed impressions on target, and only the demographic share of a Brand Takeover', () => {
    const t = targeting({ ageBands: ['18-24'] });
    const universe = US * 0.5;
    const { items } = takeoverAndInFeed(t);
    const [takeover, inFeed] = items;
    expect(takeover?.basis.targetShare).toBe(0.5);
    expect(takeover?.reach).toBeCloseTo(nbd1(0.5 * 5_000_000, universe), 4);
    expect(takeover?.impressions).toBe(5_000_000);
    expect(inFeed?.basis.targetShare).toBe(1);
    expect(inFeed?.reach).toBeCloseTo(nbd1(6_000_000, universe), 4);
  });

  it('counts only the demographic share of a challenge’s paid and earned views', () => {
    const t = targeting({ gender: 'male' });
    const result = onlyItem(projectPlan(big({ targeting: t, formats: [formatLine('branded-effects', '100000')] }), { figuresOnly: true }));
    const universe = US * 0.5;
    const paid = 5_000_000;
    const earned = result.earnedViews;
    // Two curves combined independently (Sainsbury) within the line item.
    const expected = universe * (1 - (1 / (1 + (0.5 * paid) / universe)) * (1 / (1 + (0.5 * earned) / universe)));
    expect(result.reach).toBeCloseTo(expected, 2);
  });

  it('counts a creator outside the targeted countries in impressions but not in reach', () => {
    const plan = big({
      targeting: targeting({ countries: ['KR'] }),
      creators: [creatorLine({ country: 'US', posts: '2' }), creatorLine({ handle: 'minjun.eats', country: 'KR', posts: '2' })],
    });
    const result = check(plan);
    expect(result.warnings['creator:maya.fit:posts']).toContain('outside the targeted countries');
    const { items, totals, audience } = project(result.input, { figuresOnly: true });
    const [us, kr] = items;
    expect(us?.impressions).toBe(16_000);
    expectPoint(us?.ranges.reach, 0);
    expect(us?.basis.targetShare).toBe(0);
    expect(kr?.reach).toBeGreaterThan(0);
    expect(totals.reach).toBeCloseTo(kr?.reach ?? Number.NaN, 6);
    expect(audience.universe).toBe(A.universeKR);
  });

  it('measures every reach against the narrowed universe', () => {
    const t = targeting({ countries: ['CA'], ageBands: ['55+'], gender: 'female' });
    const { items, totals, audience } = takeoverAndInFeed(t);
    expect(audience.universe).toBeCloseTo(A.universeCA * 0.02 * 0.5, 4);
    for (const row of [...items, totals]) expect(row.ranges.reach.high).toBeLessThanOrEqual(audience.universe);
    expect(totals.reach).toBeGreaterThan(audience.universe * 0.9);
  });
});

describe('reach curves', () => {
  describe('negative binomial (paid delivery)', () => {
    it.each([
      [0, US, 1],
      [-5, US, 1],
      [Number.NaN, US, 1],
      [1_000, 0, 1],
      [1_000, US, 0],
      [1_000, US, Number.NaN],
    ])('is 0 for impressions %d, universe %d, shape %d', (impressions, universe, shape) => {
      expect(reachFromImpressions(impressions, universe, shape) === 0).toBe(true);
      expect(nbdLogUnreached(impressions, universe, shape) === 0).toBe(true);
    });

    it('follows U × (1 − (1 + m/k)^−k)', () => {
      expect(reachFromImpressions(26_500_000, US, 1)).toBeCloseTo(US / 2, 4);
      expect(reachFromImpressions(26_500_000, US, 2)).toBeCloseTo(US * (1 - 1.5 ** -2), 4);
      expect(nbdLogUnreached(26_500_000, US, 1)).toBeCloseTo(-Math.log(2), 12);
    });

    // Subnormal impressions aside (1e-323 rounds too coarsely to compare).
    const impressions = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e12, noNaN: true }));
    const universes = fc.double({ min: 1, max: 1e10, noNaN: true });
    const shapes = fc.double({ min: 0.05, max: 20, noNaN: true });

    it('never exceeds the impressions nor the universe, and grows with impressions (property)', () => {
      fc.assert(
        fc.property(impressions, impressions, universes, shapes, (x, y, u, k) => {
          const reach = reachFromImpressions(x, u, k);
          expect(reach).toBeGreaterThanOrEqual(0);
          expect(reach).toBeLessThanOrEqual(x);
          expect(reach).toBeLessThanOrEqual(u);
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(reachFromImpressions(lo, u, k)).toBeLessThanOrEqual(reachFromImpressions(hi, u, k));
        }),
      );
    });

    it('uses the reach curve shape assumption', () => {
      const at = (shape: string) => item(planWith({ formats: [formatLine('in-feed', '60000')], assumptionOverrides: { reachCurveShape: shape } })).reach;
      expect(at('2')).toBeCloseTo(reachFromImpressions(6_000_000, US, 2), 4);
      expect(at('0.5')).toBeLessThan(at('1'));
      expect(at('1')).toBeLessThan(at('2'));
    });
  });

  describe('beta-binomial (a creator’s repeated posts)', () => {
    const share = (posts: number, r1 = 0.01, overlap = 0.5) => -Math.expm1(postsLogUnreached(r1, posts, overlap));

    it('reaches R1 of the universe with one post, whatever the overlap', () => {
      for (const overlap of [0, 0.3, 0.5, 0.9, 1]) expect(share(1, 0.01, overlap)).toBeCloseTo(0.01, 14);
    });

    it('adds R1 × (1 − overlap) with the second post: the overlap is the share of post 2’s viewers who saw post 1', () => {
      expect(share(2, 0.01, 0.5)).toBeCloseTo(0.01 * (2 - 0.5), 14);
      expect(share(2, 0.2, 0.6)).toBeCloseTo(0.2 * (2 - 0.6), 14);
    });

    it('adds no reach after the first post when the overlap is 1', () => {
      for (const posts of [2, 5, 100, 2.5]) expect(share(posts, 0.05, 1)).toBeCloseTo(0.05, 14);
    });

    it('posts reach people independently (binomial) at an overlap no higher than chance', () => {
      expect(share(3, 0.1, 0.1)).toBeCloseTo(1 - 0.9 ** 3, 14);
      expect(share(3, 0.1, 0)).toBeCloseTo(1 - 0.9 ** 3, 14);
    });

    it('is 0 without posts or reach', () => {
      expect(postsLogUnreached(0, 3, 0.5)).toBe(0);
      expect(postsLogUnreached(0.1, 0, 0.5)).toBe(0);
      expect(postsLogUnreached(Number.NaN, 3, 0.5)).toBe(0);
    });

    it('gives each post less new reach than the one before, and never more than R1 (property)', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1e-7, max: 0.9, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 1, max: 30 }),
          (r1, t, n) => {
            // Above chance: between R1 and 1.
            const overlap = r1 + t * (1 - r1);
            const gain = (k: number) => share(k + 1, r1, overlap) - share(k, r1, overlap);
            const eps = 1e-12;
            expect(gain(n)).toBeLessThanOrEqual(gain(n - 1) + eps);
            expect(gain(n)).toBeGreaterThanOrEqual(-eps);
            expect(gain(n)).toBeLessThanOrEqual(r1 + eps);
            expect(share(n, r1, overlap)).toBeLessThanOrEqual(Math.min(1, n * r1) + eps);
          },
        ),
      );
    });

    it('is continuous between whole posts (the budget curve scales posts fractionally) and past 200 posts', () => {
      for (const n of [1, 2, 3, 10, 200]) {
        expect(share(n + 1e-7, 0.02, 0.5)).toBeCloseTo(share(n, 0.02, 0.5), 8);
        expect(share(n + 0.5, 0.02, 0.5)).toBeGreaterThan(share(n, 0.02, 0.5));
        expect(share(n + 0.5, 0.02, 0.5)).toBeLessThan(share(n + 1, 0.02, 0.5));
      }
      expect(share(201, 0.02, 0.5)).toBeGreaterThan(share(200, 0.02, 0.5));
    });

    it('in a plan: one post reaches its views, each further post adds less', () => {
      const reach = (posts: number, overrides: Plan['assumptionOverrides'] = {}) =>
        item(big({ creators: [creatorLine({ avgViews: 8_000, posts: String(posts) })], assumptionOverrides: overrides })).reach;
      expect(reach(1)).toBeCloseTo(8_000, 6);
      // R1 × U × (2 − overlap) with the default 50% repeat viewers.
      expect(reach(2)).toBeCloseTo(12_000, 4);
      const reaches = [1, 2, 3, 4, 5, 6].map((n) => reach(n));
      for (let n = 2; n < reaches.length; n++) {
        const gain = (reaches[n] ?? 0) - (reaches[n - 1] ?? 0);
        const previous = (reaches[n - 1] ?? 0) - (reaches[n - 2] ?? 0);
        expect(gain).toBeGreaterThan(0);
        expect(gain).toBeLessThan(previous);
      }
      expect(reach(5, { creatorRepeatOverlap: '100' })).toBeCloseTo(8_000, 6);
    });
  });

  describe('Sainsbury with an overlap factor (combining line items)', () => {
    it('is 0 with no vehicles or no universe', () => {
      expect(combineReach([], US)).toBe(0);
      expect(combineReach([1_000], 0)).toBe(0);
      expect(combineLogs(-1, -1, 0, 1)).toBe(0);
    });

    it('de-duplicates two half-universe vehicles to three quarters, times the overlap factor', () => {
      expect(combineReach([50, 50], 100)).toBeCloseTo(75, 12);
      expect(combineReach([50, 50], 100, 0.9)).toBeCloseTo(67.5, 12);
      expect(combineReach([100, 30], 100)).toBe(100);
    });

    it('never goes below the largest vehicle, whatever the factor', () => {
      expect(combineReach([60, 5], 100, 0.5)).toBeCloseTo(60, 12);
      expect(combineReach([50, 50], 100, 0)).toBeCloseTo(50, 12);
    });

    it('clamps negative and over-universe reaches', () => {
      expect(combineReach([-50], 100)).toBe(0);
      expect(combineReach([500], 100)).toBe(100);
    });

    it('is never above the sum or the universe, nor below the largest (property)', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 1, max: 1e10, noNaN: true }).chain((u) =>
            fc.tuple(fc.constant(u), fc.array(fc.double({ min: 0, max: u, noNaN: true }), { minLength: 1, maxLength: 8 })),
          ),
          fc.double({ min: 0, max: 1, noNaN: true }),
          ([u, reaches], factor) => {
            const combined = combineReach(reaches, u, factor);
            const eps = u * 1e-12;
            expect(combined).toBeLessThanOrEqual(reaches.reduce((s, r) => s + r, 0) + eps);
            expect(combined).toBeGreaterThanOrEqual(Math.max(...reaches) - eps);
            expect(combined).toBeLessThanOrEqual(u);
            expect(combined).toBeLessThanOrEqual(combineReach(reaches, u, 1) + eps);
          },
        ),
      );
    });

    it('in a plan: the total is 95% of Sainsbury over the line items, between the largest and the sum', () => {
      const { items, totals } = projectPlan(big({ formats: [formatLine('in-feed', '60000'), takeoverLine('2')] }), { figuresOnly: true });
      const reaches = items.map((i) => i.reach);
      expect(reaches[0]).toBeCloseTo(nbd1(6_000_000, US), 4);
      expect(reaches[1]).toBeCloseTo(nbd1(10_000_000, US), 4);
      expect(totals.reach).toBeCloseTo(combineReach(reaches, US, A.duplicationFactor), 4);
      expect(totals.reach).toBeGreaterThanOrEqual(Math.max(...reaches));
      expect(totals.reach).toBeLessThanOrEqual(reaches.reduce((s, r) => s + r, 0));
    });

    it('in a plan: a single line item is not discounted by the overlap factor', () => {
      const { items, totals } = projectPlan(planWith({ formats: [formatLine('in-feed', '60000')] }), { figuresOnly: true });
      expect(totals.ranges.reach).toEqual(items[0]?.ranges.reach);
    });

    it('follows the overlap factor assumption', () => {
      const at = (factor: string) =>
        projectPlan(big({ formats: [formatLine('in-feed', '60000'), takeoverLine('2')], assumptionOverrides: { duplicationFactor: factor } }), {
          figuresOnly: true,
        }).totals.reach;
      expect(at('100')).toBeCloseTo(combineReach([nbd1(6_000_000, US), nbd1(10_000_000, US)], US), 4);
      expect(at('80')).toBeLessThan(at('100'));
      expect(at('1')).toBeCloseTo(nbd1(10_000_000, US), 4);
    });
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

describe('daily series', () => {
  /** A plan whose reach has a spread: CPC In-Feed (CTR), a creator without views (view rate), Spark (CPM). */
  const mixed = big({
    formats: [formatLine('in-feed', '60000', { buyingModel: 'CPC' }), takeoverLine('2'), formatLine('hashtag-challenge', '150000')],
    creators: [
      creatorLine({ posts: '4', fee: '800' }),
      creatorLine({ handle: 'leo.eats', avgViews: null, posts: '3', fee: '250', sparkBudget: '2,000' }),
    ],
  });

  it('has one point per flight day, from the start date', () => {
    const { daily } = projectPlan(mixed);
    expect(daily).toHaveLength(DEFAULT_FLIGHT_DAYS);
    expect(daily[0]?.date).toBe('2024-01-08');
    expect(daily[1]?.date).toBe('2024-01-09');
    expect(daily.at(-1)?.date).toBe('2024-02-04');
  });

  it('ends on the totals: reach at P10, P50 and P90, spend and impressions', () => {
    const projection = projectPlan(mixed);
    const last = lastDay(projection);
    expectSpread(projection.totals.ranges.reach);
    expect(last.cumulativeReachLow).toBeCloseTo(projection.totals.ranges.reach.low, 4);
    expect(last.cumulativeReach).toBeCloseTo(projection.totals.ranges.reach.mid, 4);
    expect(last.cumulativeReachHigh).toBeCloseTo(projection.totals.ranges.reach.high, 4);
    expect(last.cumulativeSpend).toBeCloseTo(projection.totals.spend, 2);
    // Impressions by day come from the P50-reach scenario: within the impressions' P10-P90.
    expect(last.cumulativeImpressions).toBeGreaterThanOrEqual(projection.totals.ranges.impressions.low);
    expect(last.cumulativeImpressions).toBeLessThanOrEqual(projection.totals.ranges.impressions.high);
    for (const day of projection.daily) expect(day.cumulativeReach).toBeLessThanOrEqual(day.cumulativeImpressions);
  });

  it('ends on the totals’ impressions exactly where impressions have no spread', () => {
    const projection = projectPlan(big({ formats: [formatLine('in-feed', '60000'), takeoverLine('3')], creators: [creatorLine({ posts: '3' })] }));
    expect(lastDay(projection).cumulativeImpressions).toBeCloseTo(projection.totals.impressions, 4);
  });

  it('never loses reach, spend or impressions from one day to the next, in any band', () => {
    const { daily } = projectPlan(mixed);
    for (let d = 1; d < daily.length; d++) {
      const [before, after] = [daily[d - 1], daily[d]];
      if (!before || !after) throw new Error('missing day');
      expect(after.cumulativeReachLow).toBeGreaterThanOrEqual(before.cumulativeReachLow);
      expect(after.cumulativeReach).toBeGreaterThanOrEqual(before.cumulativeReach);
      expect(after.cumulativeReachHigh).toBeGreaterThanOrEqual(before.cumulativeReachHigh);
      expect(after.cumulativeSpend).toBeGreaterThanOrEqual(before.cumulativeSpend);
      expect(after.cumulativeImpressions).toBeGreaterThanOrEqual(before.cumulativeImpressions);
      expect(after.cumulativeReachLow).toBeLessThanOrEqual(after.cumulativeReach);
      expect(after.cumulativeReach).toBeLessThanOrEqual(after.cumulativeReachHigh);
    }
  });

  it('books takeover days and creator posts on their days, budgets evenly', () => {
    const plan = big({
      formats: [formatLine('in-feed', '60000'), takeoverLine('2'), formatLine('hashtag-challenge', '150000')],
      creators: [creatorLine({ posts: '4', fee: '800' }), creatorLine({ handle: 'leo.eats', posts: '3', fee: '250' })],
    });
    const { daily } = projectPlan(plan);
    const paced = 60_000 / 28 + 150_000 / 28;
    // Day 0: first takeover day and each creator's first post.
    expect(daily[0]?.spend).toBeCloseTo(paced + 50_000 + 800 + 250, 6);
    // Day 14: the second takeover day and maya.fit's third post (posts on 0, 7, 14, 21).
    expect(daily[14]?.spend).toBeCloseTo(paced + 50_000 + 800, 6);
    expect(daily[1]?.spend).toBeCloseTo(paced, 6);
  });

  it('sums daily spend to the plan’s spend, to the cent', () => {
    const projection = projectPlan(mixed);
    const sum = projection.daily.reduce((s, d) => s + d.spend, 0);
    expect(Math.round(sum * 100)).toBe(Math.round(projection.totals.spend * 100));
  });

  it('front-loaded pacing reaches half the spend, and more reach, earlier than even pacing', () => {
    const halfDay = (pacing: 'even' | 'front-loaded') => {
      const { daily } = projectPlan(planWith({ formats: [formatLine('in-feed', '60000', { pacing })] }));
      return { half: daily.findIndex((d) => d.cumulativeSpend >= 30_000 - 1e-6), daily };
    };
    const even = halfDay('even');
    const front = halfDay('front-loaded');
    expect(even.half).toBe(13);
    expect(front.half).toBeLessThan(even.half);
    expect(front.daily[0]?.spend).toBeGreaterThan(even.daily[0]?.spend ?? Infinity);
    expect(front.daily[5]?.cumulativeReach).toBeGreaterThan(even.daily[5]?.cumulativeReach ?? Infinity);
    // Both deliver everything by the end.
    expect(front.daily.at(-1)?.cumulativeReach).toBeCloseTo(even.daily.at(-1)?.cumulativeReach ?? Number.NaN, 4);
  });

  it('front-loaded takeover days are the first days of the flight; even ones spread out', () => {
    const days = (pacing: 'even' | 'front-loaded') =>
      projectPlan(big({ formats: [takeoverLine('3', { pacing })] })).daily.flatMap((d, i) => (d.spend > 0 ? [i] : []));
    expect(days('front-loaded')).toEqual([0, 1, 2]);
    expect(days('even')).toEqual(eventDays(3, 28));
  });

  it('puts a creator’s views and fee on its posting dates, and Spark Ads from the first post on', () => {
    const projection = projectPlan(
      planWith({ creators: [creatorLine({ posts: '2', fee: '800', postDates: [dayAfter(DEFAULT_START, 12), dayAfter(DEFAULT_START, 2)] })] }),
    );
    const { daily } = projection;
    expect(daily.map((d) => d.spend).flatMap((s, i) => (s > 0 ? [i] : []))).toEqual([2, 12]);
    expect(daily[1]?.cumulativeImpressions).toBe(0);
    expect(daily[2]?.cumulativeImpressions).toBeCloseTo(8_000, 6);
    expect(daily[11]?.cumulativeImpressions).toBeCloseTo(8_000, 6);
    expect(daily[12]?.cumulativeImpressions).toBeCloseTo(16_000, 6);
    expect(daily[2]?.cumulativeReach).toBeCloseTo(8_000, 6);
    expect(daily[12]?.cumulativeReach).toBeCloseTo(12_000, 4);

    const spark = projectPlan(
      planWith({ creators: [creatorLine({ posts: '1', fee: '800', postDates: [dayAfter(DEFAULT_START, 8)], sparkBudget: '2000' })] }),
    ).daily;
    expect(spark.slice(0, 8).every((d) => d.spend === 0 && d.cumulativeImpressions === 0)).toBe(true);
    expect(spark[8]?.spend).toBeCloseTo(800 + 2_000 / 20, 6);
    expect(spark[27]?.spend).toBeCloseTo(2_000 / 20, 6);
  });

  it('spreads posts without a date evenly and keeps dated ones on their day', () => {
    const { daily } = projectPlan(planWith({ creators: [creatorLine({ posts: '4', fee: '100', postDates: ['', dayAfter(DEFAULT_START, 3)] })] }));
    // Undated posts 1, 3 and 4 take days 0, 14 and 21 of the even spread; post 2 is on day 3.
    expect(daily.flatMap((d, i) => (d.spend > 0 ? [i] : []))).toEqual([0, 3, 14, 21]);
  });

  it('is empty without a valid flight', () => {
    const input = check(planWith({ endDate: '2023-01-01', formats: [formatLine('in-feed', '60000')] })).input;
    expect(input.flightDays).toBeNull();
    const projection = project(input);
    expect(projection.daily).toEqual([]);
    expect(projection.totals.reach).toBeGreaterThan(0);
  });
});

describe('budget curve', () => {
  const plan = big({
    formats: [formatLine('in-feed', '60000'), takeoverLine('1')],
    creators: [creatorLine({ posts: '3', avgViews: null, fee: '500' })],
  });

  it('runs from no spend to twice the plan’s, the plan at its own spend and reach', () => {
    const { budgetCurve, totals } = projectPlan(plan);
    expect(budgetCurve).toHaveLength(25);
    expect(budgetCurve[0]?.spend).toBe(0);
    expect(budgetCurve[0]?.reach === 0).toBe(true);
    expect(budgetCurve[0]?.isPlan).toBe(false);
    expect(budgetCurve.at(-1)?.spend).toBeCloseTo(2 * totals.spend, 6);
    const planPoints = budgetCurve.filter((p) => p.isPlan);
    expect(planPoints).toHaveLength(1);
    expect(planPoints[0]?.spend).toBeCloseTo(totals.spend, 6);
    expect(planPoints[0]?.reach).toBeCloseTo(totals.reach, 4);
  });

  it('rises with spend, with diminishing returns', () => {
    const { budgetCurve, audience } = projectPlan(plan);
    const gains: number[] = [];
    for (let i = 1; i < budgetCurve.length; i++) {
      const [a, b] = [budgetCurve[i - 1], budgetCurve[i]];
      if (!a || !b) throw new Error('missing point');
      expect(b.spend).toBeGreaterThan(a.spend);
      expect(b.reach).toBeGreaterThanOrEqual(a.reach);
      expect(b.reach).toBeLessThanOrEqual(audience.universe);
      gains.push(b.reach - a.reach);
    }
    expect(gains.at(-1)).toBeLessThan(gains[1] ?? 0);
    expect(budgetCurve.at(-1)?.reach).toBeLessThan(2 * (budgetCurve[12]?.reach ?? 0));
  });

  it('is empty for an empty plan', () => {
    expect(projectPlan(planWith()).budgetCurve).toEqual([]);
  });
});

describe('format comparison', () => {
  it('puts every format alone on the plan’s total budget, takeovers in whole days', () => {
    const { comparison } = projectPlan(planWith({ totalBudget: '175,000', formats: [formatLine('in-feed', '60000')] }));
    expect(comparison.budget).toBe(175_000);
    expect(comparison.formats.map((f) => f.formatId)).toEqual(['in-feed', 'brand-takeover', 'hashtag-challenge', 'hashtag-challenge-plus', 'branded-effects']);
    for (const f of comparison.formats) {
      expect(f.unavailable).toBeNull();
      expect(f.spend).toBe(f.formatId === 'brand-takeover' ? 150_000 : 175_000);
      expect(f.figures?.spend).toBe(f.spend);
    }
  });

  it('gives each format the figures of a plan with that format alone', () => {
    const { comparison } = projectPlan(planWith({ totalBudget: '100,000', creators: [creatorLine()] }));
    const inFeed = comparison.formats.find((f) => f.formatId === 'in-feed');
    const alone = projectPlan(planWith({ totalBudget: '100,000', formats: [formatLine('in-feed', '100000')] }), { figuresOnly: true });
    expect(inFeed?.figures?.ranges).toEqual(alone.totals.ranges);
    // Awareness: cost per 1,000 people reached, the P10 cost at the P90 reach.
    const reach = alone.totals.ranges.reach;
    expect(inFeed?.costPerResult?.low).toBeCloseTo((100_000 / reach.high) * 1000, 9);
    expect(inFeed?.costPerResult?.mid).toBeCloseTo((100_000 / reach.mid) * 1000, 9);
    expect(inFeed?.costPerResult?.high).toBeCloseTo((100_000 / reach.low) * 1000, 9);
    expect(inFeed?.costPerResult).toEqual(alone.totals.costPerResult);
  });

  it('limits takeover days to the flight', () => {
    const { comparison } = projectPlan(
      planWith({ startDate: '2024-01-08', endDate: '2024-01-10', totalBudget: '1,000,000', formats: [formatLine('in-feed', '60000')] }),
    );
    const takeover = comparison.formats.find((f) => f.formatId === 'brand-takeover');
    expect(takeover?.spend).toBe(150_000);
    expect(takeover?.figures?.paidImpressions).toBe(15_000_000);
  });

  it('says why a format can’t be bought on a small budget', () => {
    const { comparison } = projectPlan(planWith({ totalBudget: '5,000', creators: [creatorLine({ posts: '1', fee: '500' })] }));
    const byId = Object.fromEntries(comparison.formats.map((f) => [f.formatId, f]));
    expect(byId['in-feed']).toMatchObject({ spend: 0, unavailable: 'Minimum spend is $6,000.', figures: null, costPerResult: null });
    expect(byId['brand-takeover']).toMatchObject({ spend: 0, unavailable: 'A day costs $50,000.', figures: null });
    // Package prices are estimates: the comparison still shows them.
    expect(byId['hashtag-challenge']).toMatchObject({ spend: 5_000, unavailable: null });
  });

  it('compares on the spend when the total budget is invalid, else on $100,000', () => {
    const withSpend = project(check(planWith({ totalBudget: 'x', formats: [formatLine('in-feed', '60000')] })).input);
    expect(withSpend.comparison.budget).toBe(60_000);
    const empty = project(check(planWith({ totalBudget: '' })).input);
    expect(empty.comparison.budget).toBe(100_000);
  });
});

describe('KPI', () => {
  const plan = big({
    formats: [formatLine('in-feed', '60000'), formatLine('hashtag-challenge-plus', '200000')],
    creators: [creatorLine({ avgViews: null })],
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

  it.each(GOALS)('%s: the KPI is its metric’s P50 and range, with no target', (goal) => {
    const { metric, metricLabel } = GOAL_KPI[goal];
    const projection = projectPlan({ ...plan, goal }, { figuresOnly: true });
    const range = projection.totals.ranges[metric];
    expect(range.mid).toBeGreaterThan(0);
    expect(projection.kpi).toEqual({ metric, label: metricLabel, actual: range.mid, range, target: null, met: null, chanceMet: null });
    expect(projection.totals.costPerResult).toEqual(goalCost(projection.totals.spend, projection.totals.ranges, goal));
  });

  // The goal's unit cost: per 1,000 people reached, per engagement, per submission, per
  // install, and per conversion for sales (revenue is judged by ROAS, not a cost).
  it.each([
    ['awareness', 'reach', 1000],
    ['engagement', 'engagements', 1],
    ['ugc', 'submissions', 1],
    ['app-installs', 'conversions', 1],
    ['sales', 'conversions', 1],
  ] as const)('%s: goalCost is spend ÷ %s × %d, the P10 cost at the P90 result', (goal, metric, per) => {
    const { totals } = projectPlan({ ...plan, goal }, { figuresOnly: true });
    const result = totals.ranges[metric];
    expect(result.low).toBeGreaterThan(0);
    const cost = goalCost(totals.spend, totals.ranges, goal);
    expect(cost?.low).toBeCloseTo((totals.spend / result.high) * per, 9);
    expect(cost?.mid).toBeCloseTo((totals.spend / result.mid) * per, 9);
    expect(cost?.high).toBeCloseTo((totals.spend / result.low) * per, 9);
    expect(totals.costPerResult).toEqual(cost);
    // The same as the matching cost metric (per 1,000 reached for awareness, CPA for installs and sales).
    const same = { reach: totals.costs.costPerReach, engagements: totals.costs.cpe, submissions: totals.costs.costPerSubmission, conversions: totals.costs.cpa }[metric];
    expect(cost?.mid).toBeCloseTo((same?.mid ?? Number.NaN) * per, 9);
  });

  it('goalCost with exact numbers: per 1,000 reached, per one otherwise; null without a result', () => {
    const r = (low: number, mid: number, high: number): Range => ({ low, mid, high });
    const ranges = {
      ...(Object.fromEntries(SUMMED_METRICS.map((k) => [k, r(0, 0, 0)])) as Record<(typeof SUMMED_METRICS)[number], Range>),
      reach: r(400_000, 500_000, 800_000),
      engagements: r(10_000, 20_000, 25_000),
      submissions: r(1_000, 1_000, 1_000),
      conversions: r(250, 400, 500),
      revenue: r(10_000, 16_000, 20_000),
    };
    expect(goalCost(100_000, ranges, 'awareness')).toEqual({ low: 125, mid: 200, high: 250 });
    expect(goalCost(100_000, ranges, 'engagement')).toEqual({ low: 4, mid: 5, high: 10 });
    expect(goalCost(100_000, ranges, 'ugc')).toEqual({ low: 100, mid: 100, high: 100 });
    expect(goalCost(100_000, ranges, 'app-installs')).toEqual({ low: 200, mid: 250, high: 400 });
    // Sales: per conversion, not per dollar of revenue.
    expect(goalCost(100_000, ranges, 'sales')).toEqual({ low: 200, mid: 250, high: 400 });
    expect(goalCost(100_000, { ...ranges, conversions: r(0, 10, 20) }, 'sales')).toBeNull();
    expect(goalCost(100_000, { ...ranges, reach: r(0, 0, 0) }, 'awareness')).toBeNull();
    expect(goalCost(0, ranges, 'engagement')).toEqual({ low: 0, mid: 0, high: 0 });
  });

  it.each(GOALS)('%s: met, and how likely, agree with the target', (goal) => {
    const base = projectPlan({ ...plan, goal }, { figuresOnly: true }).kpi.range;
    const at = (target: number) => projectPlan({ ...plan, goal, kpiTarget: String(target) }, { figuresOnly: true }).kpi;
    const atMid = at(Math.floor(base.mid));
    expect(atMid.met).toBe(true);
    // At least the 41 scenarios from the P50 up meet a target at or below the P50.
    expect(atMid.chanceMet).toBeGreaterThanOrEqual((SAMPLE_SIZE - RANK.mid) / SAMPLE_SIZE);
    const low = at(Math.max(1, Math.floor(base.low)));
    expect(low.chanceMet).toBeGreaterThanOrEqual((SAMPLE_SIZE - RANK.low) / SAMPLE_SIZE);
    const above = at(Math.ceil(base.mid) + 1);
    expect(above.met).toBe(false);
    expect(above.chanceMet).toBeLessThanOrEqual(RANK.mid / SAMPLE_SIZE);
    const unreachable = at(Math.ceil(base.high * 10) + 1);
    expect(unreachable.met).toBe(false);
    expect(unreachable.chanceMet).toBe(0);
    for (const kpi of [atMid, low, above, unreachable]) {
      expect(kpi.chanceMet).toBeGreaterThanOrEqual(0);
      expect(kpi.chanceMet).toBeLessThanOrEqual(1);
    }
  });

  it('misses any positive target with an empty plan', () => {
    expect(projectPlan(planWith({ goal: 'ugc', kpiTarget: '1' })).kpi).toMatchObject({ actual: 0, met: false, chanceMet: 0 });
  });
});

describe('ROI and costs', () => {
  it('ROI is (revenue − spend) ÷ spend at each of P10, P50, P90, and may be negative', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '60000')] }));
    const { revenue } = line.ranges;
    expect(line.roi).toEqual({ low: revenue.low / 60_000 - 1, mid: revenue.mid / 60_000 - 1, high: revenue.high / 60_000 - 1 });
    expect(line.roas?.mid).toBeCloseTo(revenue.mid / 60_000, 12);
    expect(line.roi?.mid).toBeLessThan(0);
  });

  it('ROI is positive when revenue beats spend', () => {
    const line = item(planWith({ formats: [formatLine('in-feed', '8000', { buyingModel: 'CPC' })], assumptionOverrides: { averageOrderValue: '100' } }));
    // 10,000 bought clicks × 2% × $100 = $20,000 on $8,000.
    expect(line.revenue).toBeCloseTo(20_000, 6);
    expect(line.roi?.mid).toBeCloseTo(1.5, 12);
  });

  it('is null with nothing spent (a gifted creator)', () => {
    const projection = projectPlan(planWith({ creators: [creatorLine({ fee: '0' })] }), { figuresOnly: true });
    expect(onlyItem(projection).roi).toBeNull();
    expect(projection.totals.roi).toBeNull();
    expect(projection.totals.costs.cpm).toEqual({ low: 0, mid: 0, high: 0 });
  });

  it('costs are spend ÷ each result, the P10 cost at the P90 result', () => {
    const projection = projectPlan(
      big({ formats: [formatLine('in-feed', '60000'), formatLine('hashtag-challenge-plus', '200000')], creators: [creatorLine({ avgViews: null })] }),
      { figuresOnly: true },
    );
    const metricOf = { cpm: 'impressions', cpv: 'videoViews', cpe: 'engagements', cpc: 'clicks', cpa: 'conversions', costPerSubmission: 'submissions', costPerReach: 'reach' } as const;
    expect(Object.keys(metricOf).sort()).toEqual([...COST_METRICS].sort());
    for (const row of [...projection.items, projection.totals]) {
      for (const cost of COST_METRICS) {
        const result = row.ranges[metricOf[cost]];
        const unit = cost === 'cpm' ? 1000 : 1;
        const value = row.costs[cost];
        if (!(result.low > 0)) {
          expect(value).toBeNull();
          continue;
        }
        expect(value?.low).toBeCloseTo((row.spend / result.high) * unit, 9);
        expect(value?.mid).toBeCloseTo((row.spend / result.mid) * unit, 9);
        expect(value?.high).toBeCloseTo((row.spend / result.low) * unit, 9);
      }
      expect(row.cpm).toBe(row.costs.cpm?.mid ?? null);
    }
  });
});

describe('totals', () => {
  it('sum the line items where nothing varies', () => {
    const projection = projectPlan(
      big({ formats: [formatLine('in-feed', '60000'), takeoverLine('2'), formatLine('branded-effects', '100000')], creators: [creatorLine()] }),
      { figuresOnly: true },
    );
    const { items, totals } = projection;
    expect(items.map((i) => i.id)).toEqual(['in-feed', 'brand-takeover', 'branded-effects', 'creator:maya.fit']);
    expect(totals.spend).toBe(60_000 + 100_000 + 100_000 + 1_600);
    expectPoint(totals.ranges.paidImpressions, 6_000_000 + 10_000_000 + 5_000_000);
    expect(totals.submissions).toBeCloseTo(5_000_000 / 30, 6);
    expect(totals.reach).toBeLessThan(items.reduce((s, i) => s + i.reach, 0));
    expect(totals.reach).toBeGreaterThanOrEqual(Math.max(...items.map((i) => i.reach)));
  });

  it('have reach at 1+ to 5+ exposures: 1+ is the reach, each bin at most the one before', () => {
    const { totals } = projectPlan(big({ formats: [formatLine('in-feed', '600000'), takeoverLine('3')] }), { figuresOnly: true });
    expect(totals.reachAtLeast).toHaveLength(5);
    expect(totals.reachAtLeast[0]).toEqual(totals.ranges.reach);
    for (let k = 1; k < 5; k++) expect(totals.reachAtLeast[k]?.mid).toBeLessThanOrEqual(totals.reachAtLeast[k - 1]?.mid ?? 0);
    expect(totals.reachAtLeast.reduce((s, r) => s + r.mid, 0)).toBeLessThanOrEqual(totals.targetImpressions.mid);
    expect(totals.frequency).toBeCloseTo(totals.targetImpressions.mid / totals.reach, 9);
  });

  // MODEL BUG (frequencyAtLeast): one post reaches exactly its views (frequency 1.0), yet the
  // 2+ bin is positive and the bins add up to more than the in-target impressions.
  it('say nobody saw a single post twice, and the k+ bins never add up to more than the impressions', () => {
    const loren = CREATORS.find((c) => c.handle === 'lorengray');
    if (!loren) throw new Error('no lorengray in the catalog');
    const { totals } = projectPlan(big({ creators: [{ ...creatorLineFrom(loren), posts: '1' }] }), { figuresOnly: true });
    expect(totals.frequency).toBeCloseTo(1, 9);
    expect(totals.reachAtLeast[1]?.mid).toBe(0);
    expect(totals.reachAtLeast.reduce((s, r) => s + r.mid, 0)).toBeLessThanOrEqual(totals.targetImpressions.mid);
  });

  it('give zeros and null ratios for an empty plan', () => {
    const projection = projectPlan(planWith());
    expect(projection.items).toEqual([]);
    for (const key of SUMMED_METRICS) expectPoint(projection.totals.ranges[key], 0);
    expectPoint(projection.totals.ranges.reach, 0);
    expect(projection.totals.reach === 0).toBe(true);
    expect(projection.totals).toMatchObject({ spend: 0, frequency: null, frequencyRange: null, cpm: null, engagementRate: null, roi: null, roas: null, costPerResult: null });
    for (const cost of COST_METRICS) expect(projection.totals.costs[cost]).toBeNull();
    expect(projection.kpi).toMatchObject({ metric: 'reach', label: 'reach', target: null, met: null, chanceMet: null });
    expect(projection.kpi.actual === 0).toBe(true);
    expect(projection.daily).toHaveLength(DEFAULT_FLIGHT_DAYS);
    for (const day of projection.daily) {
      for (const value of [day.spend, day.cumulativeSpend, day.cumulativeImpressions, day.cumulativeReach, day.cumulativeReachLow, day.cumulativeReachHigh]) {
        expect(value === 0).toBe(true);
      }
    }
  });

  // MODEL BUG: zero reach comes out as −0 (U × −expm1(0)), and the app's Intl formatting shows
  // "-0" (src/lib/format.ts `whole`) in the line-item table for such a creator and for an empty plan.
  it('give a reach of exactly +0, not −0, where nothing reaches the target', () => {
    const empty = projectPlan(planWith());
    expect(Object.is(empty.totals.reach, 0)).toBe(true);
    const outside = projectPlan(big({ targeting: targeting({ countries: ['KR'] }), creators: [creatorLine({ country: 'US' })] }), { figuresOnly: true });
    expect(Object.is(outside.items[0]?.reach, 0)).toBe(true);
    expect(new Intl.NumberFormat('en-US').format(Math.round(outside.items[0]?.reach ?? Number.NaN))).toBe('0');
  });

  it('report the sample the ranges come from', () => {
    expect(projectPlan(planWith()).sample).toEqual({ size: 81, seed: 20_201 });
    expect(projectPlan(planWith(), { seed: 7 }).sample).toEqual({ size: 81, seed: 7 });
  });

  it('figuresOnly leaves out the daily series, budget curve and comparison', () => {
    const projection = projectPlan(planWith({ formats: [formatLine('in-feed', '60000')] }), { figuresOnly: true });
    expect(projection.daily).toEqual([]);
    expect(projection.budgetCurve).toEqual([]);
    expect(projection.comparison).toEqual({ budget: 0, formats: [] });
  });
});

describe('tiers of the catalog', () => {
  it.each(TIERS)('a %s catalog creator projects finite, positive figures', (tier) => {
    const creator = CREATORS.find((c) => c.tier === tier && c.country === 'US');
    if (!creator) throw new Error(`no US ${tier} creator`);
    const line = item(big({ creators: [creatorLineFrom(creator)] }));
    expect(line.reach).toBeGreaterThan(0);
    expect(Number.isFinite(line.engagements)).toBe(true);
    // Reach equals views for one post, up to floating-point rounding.
    expect(line.reach).toBeLessThanOrEqual(line.impressions * (1 + 1e-9));
  });
});

describe('full cost', () => {
  /** $62,000 of media (In-Feed $60,000 + Spark Ads $2,000) and $1,600 of creator fees (2 posts × $800). */
  const lines = { formats: [formatLine('in-feed', '60000')], creators: [creatorLine({ posts: '2', fee: '800', sparkBudget: '2,000' })] };
  const withCosts = planWith({
    ...lines,
    costs: { agencyCommission: '15', usageRights: '5,000', whitelisting: '2500', production: '$10,000', tax: '8' },
  });

  it('breaks the plan’s cost down line by line: commission on media only, tax on the net', () => {
    const { totals } = projectPlan(withCosts, { figuresOnly: true });
    expect(totals.spend).toBe(63_600);
    expect(totals.fullCost).toEqual({
      media: 62_000,
      creatorFees: 1_600,
      agencyCommissionRate: 0.15,
      agencyCommission: 9_300,
      usageRights: 5_000,
      whitelisting: 2_500,
      production: 10_000,
      net: 90_400,
      taxRate: 0.08,
      tax: 7_232,
      gross: 97_632,
    });
  });

  it('measures the plan’s ROI and ROAS on the gross at each of P10, P50, P90', () => {
    const { totals, items } = projectPlan(withCosts, { figuresOnly: true });
    const revenue = totals.ranges.revenue;
    expectSpread(revenue);
    const gross = 97_632;
    expect(totals.roas).toEqual({ low: revenue.low / gross, mid: revenue.mid / gross, high: revenue.high / gross });
    expect(totals.roi).toEqual({ low: revenue.low / gross - 1, mid: revenue.mid / gross - 1, high: revenue.high / gross - 1 });
    // Line items keep their return on their own spend.
    const inFeed = items.find((i) => i.id === 'in-feed');
    expect(inFeed?.roi?.mid).toBeCloseTo((inFeed?.revenue ?? Number.NaN) / 60_000 - 1, 12);
    const creator = items.find((i) => i.kind === 'creator');
    expect(creator?.roas?.mid).toBeCloseTo((creator?.revenue ?? Number.NaN) / 3_600, 12);
  });

  it('leaves every other figure as it is without cost lines, costs per result included', () => {
    const bare = projectPlan(planWith(lines), { figuresOnly: true }).totals;
    const full = projectPlan(withCosts, { figuresOnly: true }).totals;
    const rest = ({ roi: _roi, roas: _roas, fullCost: _full, ...others }: typeof bare) => others;
    expect(rest(full)).toEqual(rest(bare));
    expect(full.costPerResult).toEqual(bare.costPerResult);
    expect(full.roi?.mid).toBeLessThan(bare.roi?.mid ?? Number.NaN);
  });

  it('is the spend without cost lines, so ROI and ROAS are as on spend', () => {
    const { totals } = projectPlan(planWith(lines), { figuresOnly: true });
    expect(totals.fullCost).toMatchObject({ media: 62_000, creatorFees: 1_600, agencyCommission: 0, tax: 0, net: 63_600, gross: 63_600 });
    expect(totals.roi?.mid).toBeCloseTo(totals.revenue / totals.spend - 1, 12);
    expect(totals.roas?.high).toBeCloseTo(totals.ranges.revenue.high / totals.spend, 12);
  });

  it('gives a plan of fixed costs alone no return (no revenue against a cost) and a gifted creator none without cost lines', () => {
    const fixed = projectPlan(planWith({ costs: { ...planWith().costs, production: '8000', tax: '10' } }), { figuresOnly: true }).totals;
    expect(fixed.spend).toBe(0);
    expect(fixed.fullCost.gross).toBeCloseTo(8_800, 9);
    expect(fixed.roi).toEqual({ low: -1, mid: -1, high: -1 });
    const gifted = projectPlan(planWith({ creators: [creatorLine({ fee: '0' })] }), { figuresOnly: true }).totals;
    expect(gifted.roi).toBeNull();
    expect(gifted.roas).toBeNull();
  });

  it('leaves the cost lines out of the format comparison: each format alone on its own spend', () => {
    // A budget no other test uses, so the comparison is computed here, with the cost lines in the input.
    const projection = projectPlan(planWith({ ...withCosts, totalBudget: '123,457' }));
    expect(projection.comparison.budget).toBe(123_457);
    const inFeed = projection.comparison.formats.find((f) => f.formatId === 'in-feed')?.figures;
    if (!inFeed) throw new Error('no In-Feed Ads in the comparison');
    expect(inFeed.roi?.mid).toBeCloseTo(inFeed.revenue / 123_457 - 1, 12);
  });
});
