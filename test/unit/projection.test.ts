/**
 * The projection model, second edition, by example: each line model, how line items combine,
 * the central scenario and its ranges, the KPI, the daily series, the budget curve, the format
 * comparison, markets by flight year and the trace. Every expected value is computed here by hand
 * from the stated formulas and the ledger's assumptions, never by the model's own functions.
 */
import { describe, expect, it } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import { creatorLineFrom, GOAL_KPI, type Plan, type Targeting } from '../../src/domain/plan';
import {
  COST_METRICS,
  project,
  SUMMED_METRICS,
  viewsPerPost,
  creatorEngagementRate,
  type Figures,
  type LineResult,
  type Projection,
  type ProjectOptions,
  type Range,
  type SummedMetric,
  type TraceKey,
  type TraceStep,
} from '../../src/domain/projection';
import { SAMPLE_SIZE } from '../../src/domain/stats';
import {
  AGE_BANDS,
  GOALS,
  TIERS,
  marketKey,
  type AgeBand,
  type AssumptionKey,
  type Assumptions,
  type AudienceProfile,
  type Country,
  type FormatId,
  type Tier,
} from '../../src/domain/types';
import { check, creatorLine, dayAfter, defaultAssumptions, DEFAULT_FLIGHT_DAYS, DEFAULT_START, formatLine, planWith, takeoverLine, validInput } from './plan-fixtures';

/** The default plan flies in January 2024: it reads the 2024 market figures. */
const A = defaultAssumptions(2024);
const U = A.universeUS;

// ---------------------------------------------------------------------------------------
// Plans and projections.

function projectPlan(plan: Plan, options: ProjectOptions = {}): Projection {
  return project(validInput(plan), options);
}

const figuresOf = (plan: Plan) => projectPlan(plan, { figuresOnly: true });

function onlyItem(projection: Projection): LineResult {
  expect(projection.items).toHaveLength(1);
  const [only] = projection.items;
  if (!only) throw new Error('no line item');
  return only;
}

const item = (plan: Plan) => onlyItem(figuresOf(plan));
/** A plan with room for any purchase. */
const big = (changes: Partial<Plan> = {}) => planWith({ totalBudget: '100,000,000', ...changes });
const targeting = (changes: Partial<Targeting>): Targeting => ({ countries: ['US'], ageBands: [...AGE_BANDS], gender: 'all', ...changes });

function lastDay(projection: Projection) {
  const last = projection.daily.at(-1);
  if (!last) throw new Error('no daily series');
  return last;
}

// ---------------------------------------------------------------------------------------
// Closeness.

/** Equal to a hand-computed value up to floating-point rounding (relative). */
function expectClose(actual: number | null | undefined, expected: number, relative = 1e-9) {
  if (actual === null || actual === undefined) throw new Error(`expected ${expected}, got ${String(actual)}`);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-9);
}

/** A range with no spread: the same number at P10, central and P90 (to the last digits a curve's arithmetic rounds). */
function expectPoint(range: Range | null | undefined, value: number) {
  if (!range) throw new Error('no range');
  expect(range.high - range.low).toBeLessThanOrEqual(1e-9 * Math.abs(range.mid));
  expectClose(range.mid, value);
}

function expectSpread(range: Range | null | undefined) {
  if (!range) throw new Error('no range');
  expect(range.low).toBeLessThan(range.mid);
  expect(range.mid).toBeLessThan(range.high);
}

function expectContains(range: Range | null | undefined) {
  if (!range) return;
  expect(range.low).toBeLessThanOrEqual(range.mid);
  expect(range.mid).toBeLessThanOrEqual(range.high);
}

// ---------------------------------------------------------------------------------------
// The stated formulas, written out.

/** Negative-binomial reach of I in-target impressions: U × (1 − (1 + I ÷ (k × U))^−k). */
const nbdReach = (impressions: number, universe = U, k = A.reachCurveShape) => universe * (1 - (1 + impressions / (k * universe)) ** -k);

/**
 * Beta-binomial reach of n whole units (posts, takeover days), each reaching `perUnit` people, a
 * share `repeat` of a unit's audience having seen the one before: a ÷ (a + b) = r1,
 * (a + 1) ÷ (a + b + 1) = repeat, reach = U × (1 − Π_{j<n} (b + j) ÷ (a + b + j)).
 */
function unitsReach(perUnit: number, n: number, repeat: number, universe = U): number {
  const r1 = perUnit / universe;
  if (n <= 0 || r1 <= 0) return 0;
  if (repeat >= 1) return perUnit;
  if (repeat <= r1) return universe * (1 - (1 - r1) ** n);
  const s = (1 - repeat) / (repeat - r1);
  const a = r1 * s;
  const b = (1 - r1) * s;
  let unreached = 1;
  for (let j = 0; j < n; j++) unreached *= (b + j) / (a + b + j);
  return universe * (1 - unreached);
}

const sainsburyOf = (reaches: readonly number[], universe = U) => universe * (1 - reaches.reduce((q, r) => q * (1 - r / universe), 1));
/** Vehicles combined: largest + D × (Sainsbury − largest). */
function combined(reaches: readonly number[], universe = U, D = A.duplicationFactor): number {
  const largest = Math.max(0, ...reaches);
  return largest + D * (sainsburyOf(reaches, universe) - largest);
}

/** A market's share of users in the targeted ages (its split normalised) and gender. */
function shareIn(c: Country, t: Pick<Targeting, 'ageBands' | 'gender'>, a: Assumptions = A): number {
  const age = (band: AgeBand) => a[marketKey.ageShare(band, c)];
  const ages = t.ageBands.reduce((s, band) => s + age(band), 0) / AGE_BANDS.reduce((s, band) => s + age(band), 0);
  const female = a[marketKey.femaleShare(c)];
  return ages * (t.gender === 'all' ? 1 : t.gender === 'female' ? female : 1 - female);
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

// ---------------------------------------------------------------------------------------
// In-Feed Ads.

const IN_FEED = [
  {
    model: 'CPM',
    budget: 60_000,
    unit: 'impressions',
    bought: 'paidImpressions',
    quantity: (60_000 / A.inFeedCpm) * 1000,
    impressions: (60_000 / A.inFeedCpm) * 1000,
  },
  { model: 'CPC', budget: 8_000, unit: 'clicks', bought: 'clicks', quantity: 8_000 / A.inFeedCpc, impressions: 8_000 / A.inFeedCpc / A.clickThroughRate },
  {
    model: 'CPV',
    budget: 8_000,
    unit: '6-second views',
    bought: 'sixSecondViews',
    quantity: 8_000 / A.inFeedCpv,
    impressions: 8_000 / A.inFeedCpv / A.sixSecondViewRate,
  },
] as const;

const inFeedLine = (model: 'CPM' | 'CPC' | 'CPV', budget: number) => formatLine('in-feed', String(budget), { buyingModel: model });

describe('In-Feed Ads: CPM, CPC and CPV', () => {
  it('reads the guide’s prices: $10 CPM, $0.80 CPC, $0.05 CPV', () => {
    expect([A.inFeedCpm, A.inFeedCpc, A.inFeedCpv]).toEqual([10, 0.8, 0.05]);
  });

  it.each(IN_FEED.map((c) => [c.model, c] as const))('%s: the budget buys exactly budget ÷ price, with no spread', (_, { model, budget, unit, bought, quantity }) => {
    const line = item(planWith({ formats: [inFeedLine(model, budget)] }));
    expect(line).toMatchObject({ id: 'in-feed', kind: 'format', name: 'In-Feed Ads', formatId: 'in-feed', spend: budget });
    expect(line.bought.unit).toBe(unit);
    expectClose(line.bought.quantity, quantity);
    expectPoint(line.ranges[bought], quantity);
  });

  it.each(IN_FEED.map((c) => [c.model, c] as const))('%s: impressions and video views are the plays delivery takes, exact only where they are bought', (_, { model, budget, impressions }) => {
    const line = item(planWith({ formats: [inFeedLine(model, budget)] }));
    for (const metric of ['paidImpressions', 'impressions', 'videoViews'] as const) {
      expectClose(line[metric], impressions);
      if (model === 'CPM') expectPoint(line.ranges[metric], impressions);
      // Clicks ÷ CTR and views ÷ the 6-second view rate move with the rate.
      else expectSpread(line.ranges[metric]);
    }
    expectClose(line.cpm, (budget / impressions) * 1000);
  });

  it.each(IN_FEED.map((c) => [c.model, c] as const))('%s: 6-second views, clicks, engagements, conversions and revenue follow at the stated rates', (_, { model, budget, impressions }) => {
    const line = item(planWith({ formats: [inFeedLine(model, budget)] }));
    const sixSecond = model === 'CPV' ? budget / A.inFeedCpv : impressions * A.sixSecondViewRate;
    const clicks = model === 'CPC' ? budget / A.inFeedCpc : impressions * A.clickThroughRate;
    expectClose(line.sixSecondViews, sixSecond);
    expectClose(line.clicks, clicks);
    expectClose(line.engagements, impressions * A.paidEngagementRate);
    expectClose(line.conversions, clicks * A.conversionRate);
    expectClose(line.revenue, clicks * A.conversionRate * A.averageOrderValue);
    expectClose(line.engagementRate?.mid, A.paidEngagementRate);
    expectClose(line.roi?.mid, (clicks * A.conversionRate * A.averageOrderValue) / budget - 1);
  });

  it.each(IN_FEED.map((c) => [c.model, c] as const))('%s: every impression is on target, reaching U × (1 − (1 + I ÷ (k U))^−k)', (_, { model, budget, impressions }) => {
    const { items, totals } = figuresOf(planWith({ formats: [inFeedLine(model, budget)] }));
    const line = items[0];
    expectClose(line?.reach, nbdReach(impressions));
    expectClose(line?.frequency, impressions / nbdReach(impressions));
    expectClose(totals.targetImpressions.mid, impressions);
    // The reach-curve shape has a published spread.
    expectSpread(line?.ranges.reach);
  });

  it.each(IN_FEED.map((c) => [c.model, c] as const))('%s: earns nothing: no submissions, earned views, earned reach or earned media value', (_, { model, budget }) => {
    const line = item(planWith({ formats: [inFeedLine(model, budget)] }));
    for (const metric of ['submissions', 'earnedViews', 'earnedEngagements', 'earnedReach', 'emv'] as const) expectPoint(line.ranges[metric], 0);
  });

  it('targets ages and gender: the universe narrows, every impression stays on target', () => {
    const t = targeting({ ageBands: ['18-24'], gender: 'female' });
    const { items, audience } = figuresOf(planWith({ targeting: t, formats: [inFeedLine('CPM', 60_000)] }));
    const universe = U * shareIn('US', t);
    expectClose(audience.universe, universe);
    expectClose(items[0]?.impressions, 6_000_000);
    expectClose(items[0]?.reach, nbdReach(6_000_000, universe));
  });

  it.each([
    ['CPM', 'inFeedCpm', '20', 'impressions', (60_000 / 20) * 1000],
    ['CPC', 'inFeedCpc', '1.50', 'clicks', 60_000 / 1.5],
    ['CPV', 'inFeedCpv', '0.10', '6-second views', 60_000 / 0.1],
  ] as const)('%s follows an overridden %s of %s', (buyingModel, key, value, unit, quantity) => {
    const line = item(planWith({ formats: [formatLine('in-feed', '60000', { buyingModel })], assumptionOverrides: { [key]: value } }));
    expect(line.bought.unit).toBe(unit);
    expectClose(line.bought.quantity, quantity);
  });

  it('follows an overridden reach-curve shape', () => {
    const line = item(planWith({ formats: [inFeedLine('CPM', 60_000)], assumptionOverrides: { reachCurveShape: '2' } }));
    expectClose(line.reach, nbdReach(6_000_000, U, 2));
  });
});

// ---------------------------------------------------------------------------------------
// Brand Takeover.

describe('Brand Takeover: whole days, a day in each targeted market', () => {
  const dayImpressions = A.takeoverImpressionsPerDayUS;
  const dayPrice = A.takeoverPricePerDayUS;

  it('reads the guide’s U.S. rate: $50,000 and 5,000,000 impressions a day', () => {
    expect([dayPrice, dayImpressions]).toEqual([50_000, 5_000_000]);
  });

  it.each([1, 2, 5, 28])('a %d-day takeover in the U.S.: spend and guaranteed impressions are days × the day’s rate, with no spread', (days) => {
    const line = item(big({ formats: [takeoverLine(String(days))] }));
    expect(line.spend).toBe(days * dayPrice);
    expect(line.bought).toEqual({ quantity: days, unit: 'days' });
    for (const metric of ['paidImpressions', 'impressions', 'videoViews'] as const) expectPoint(line.ranges[metric], days * dayImpressions);
    expectClose(line.cpm, (dayPrice / dayImpressions) * 1000);
  });

  it.each([1, 2, 5, 28])('a %d-day takeover has no engagements and no 6-second views (a full-screen splash of at most 5 seconds); clicks at the paid CTR', (days) => {
    const line = item(big({ formats: [takeoverLine(String(days))] }));
    expectPoint(line.ranges.engagements, 0);
    expectPoint(line.ranges.sixSecondViews, 0);
    expectClose(line.clicks, days * dayImpressions * A.clickThroughRate);
    expectClose(line.conversions, days * dayImpressions * A.clickThroughRate * A.conversionRate);
    for (const metric of ['submissions', 'earnedViews', 'earnedReach', 'emv'] as const) expectPoint(line.ranges[metric], 0);
  });

  it.each([1, 2, 5, 28])('a %d-day takeover reaches on the beta-binomial over its days, its frequency at most the days', (days) => {
    const line = item(big({ formats: [takeoverLine(String(days))] }));
    const reach = unitsReach(dayImpressions, days, A.takeoverRepeatShare);
    expectClose(line.reach, reach);
    expectClose(line.frequency, (days * dayImpressions) / reach);
    expect(line.frequency).toBeLessThanOrEqual(days + 1e-9);
  });

  it.each([1, 2, 3, 4])('a %d-day takeover: nobody sees it more often than its days, in any scenario', (days) => {
    const { totals } = figuresOf(big({ formats: [takeoverLine(String(days))] }));
    expect(totals.reachAtLeast).toHaveLength(5);
    expectClose(totals.reachAtLeast[0]?.mid, totals.reach);
    totals.reachAtLeast.forEach((bin, k) => {
      if (k + 1 <= days) expect(bin.mid).toBeGreaterThan(0);
      // Above the days: nobody, in every scenario.
      else expect([bin.low, bin.mid, bin.high]).toEqual([0, 0, 0]);
    });
  });

  it('a 1-day takeover reaches the day’s in-target impressions exactly, once each, whatever the repeat share', () => {
    const line = item(big({ formats: [takeoverLine('1')] }));
    expectPoint(line.ranges.reach, dayImpressions);
    expectClose(line.frequency, 1);
  });

  it('a 2-day takeover reaches the day’s audience × (2 − repeat), and the day’s audience × repeat see it twice', () => {
    const { totals } = figuresOf(big({ formats: [takeoverLine('2')] }));
    expectClose(totals.reach, dayImpressions * (2 - A.takeoverRepeatShare));
    expectClose(totals.reachAtLeast[1]?.mid, dayImpressions * A.takeoverRepeatShare);
  });

  it('a day in each targeted market: spend and impressions sum the markets’ rates, reach the markets’ audiences', () => {
    const countries: Country[] = ['US', 'KR', 'JP'];
    const days = 3;
    const price = countries.reduce((s, c) => s + A[marketKey.takeoverPrice(c)], 0);
    const perDay = countries.reduce((s, c) => s + A[marketKey.takeoverImpressions(c)], 0);
    const universe = countries.reduce((s, c) => s + A[marketKey.universe(c)], 0);
    const { items, audience } = figuresOf(big({ targeting: targeting({ countries }), formats: [takeoverLine(String(days))] }));
    const line = items[0];
    expect(line?.spend).toBe(days * price);
    expectPoint(line?.ranges.impressions, days * perDay);
    expectClose(audience.universe, universe);
    expectClose(line?.reach, unitsReach(perDay, days, A.takeoverRepeatShare, universe));
  });

  it('shows to everyone opening the app: only the targeted ages and gender count toward reach', () => {
    const t = targeting({ countries: ['US', 'JP'], ageBands: ['18-24', '25-34'], gender: 'female' });
    const markets: Country[] = ['US', 'JP'];
    const perDay = markets.reduce((s, c) => s + A[marketKey.takeoverImpressions(c)], 0);
    const inTarget = markets.reduce((s, c) => s + A[marketKey.takeoverImpressions(c)] * shareIn(c, t), 0);
    const universe = markets.reduce((s, c) => s + A[marketKey.universe(c)] * shareIn(c, t), 0);
    const one = figuresOf(big({ targeting: t, formats: [takeoverLine('1')] }));
    expectClose(one.audience.universe, universe);
    expectPoint(one.items[0]?.ranges.impressions, perDay);
    expectPoint(one.items[0]?.ranges.reach, inTarget);
    const four = item(big({ targeting: t, formats: [takeoverLine('4')] }));
    expectClose(four.reach, unitsReach(inTarget, 4, A.takeoverRepeatShare, universe));
  });

  it('follows overridden market rates', () => {
    const line = item(big({ formats: [takeoverLine('2')], assumptionOverrides: { takeoverPricePerDayUS: '60,000', takeoverImpressionsPerDayUS: '4,000,000' } }));
    expect(line.spend).toBe(120_000);
    expectPoint(line.ranges.paidImpressions, 8_000_000);
    expectClose(line.reach, unitsReach(4_000_000, 2, A.takeoverRepeatShare));
  });
});

// ---------------------------------------------------------------------------------------
// Packages.

const PACKAGES = [
  { formatId: 'hashtag-challenge', name: 'Hashtag Challenge', days: 6, priceValue: 150_000, price: 'challengePackagePrice', cpm: 'challengeCpm', rate: 'ugcSubmissionRate', shoppable: false },
  {
    formatId: 'hashtag-challenge-plus',
    name: 'Hashtag Challenge Plus',
    days: 6,
    priceValue: 200_000,
    price: 'challengePlusPackagePrice',
    cpm: 'challengePlusCpm',
    rate: 'challengePlusSubmissionRate',
    shoppable: true,
  },
  { formatId: 'branded-effects', name: 'Branded Effects', days: 10, priceValue: 100_000, price: 'effectsPackagePrice', cpm: 'effectsCpm', rate: 'effectsCreationRate', shoppable: false },
] as const;

/** What a package line's money buys, by hand: whole days at the package's price per day. */
function packageBuys(p: (typeof PACKAGES)[number], budget: number) {
  const dayPrice = A[p.price] / p.days;
  const days = Math.floor(budget / dayPrice + 1e-9);
  // Money is whole cents.
  const spend = Math.round(days * dayPrice * 100) / 100;
  const paid = (spend / A[p.cpm]) * 1000;
  const cap = A.maxParticipationShare * U;
  const submissions = cap * (1 - Math.exp((-A[p.rate] * paid) / cap));
  const earnedViews = submissions * A.viewsPerSubmission;
  return { dayPrice, days, spend, paid, submissions, earnedViews, earnedEngagements: earnedViews * A.engagementRateNano, emv: (earnedViews * A.emvCpm) / 1000 };
}

describe('packages: Hashtag Challenge, Hashtag Challenge Plus, Branded Effects', () => {
  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: one package of its days, at its price assumption', (_, { formatId, days, price, priceValue }) => {
    expect(A[price]).toBe(priceValue);
    const line = item(big({ formats: [formatLine(formatId, String(priceValue))] }));
    expect(line.bought).toEqual({ quantity: days, unit: 'days' });
    expect(line.spend).toBe(priceValue);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: a budget below the package is an error, and the line is left out', (_, { formatId, name, priceValue }) => {
    const result = check(big({ formats: [formatLine(formatId, String(priceValue - 1))] }));
    expect(result.errors[`format:${formatId}`]).toMatch(/package/);
    expect(result.input.formats).toEqual([]);
    expect(result.excluded).toContain(name);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: the budget buys floor(budget ÷ day price) whole days; money left over is named in a warning', (_, p) => {
    const dayPrice = p.priceValue / p.days;
    const budget = p.priceValue + 1.5 * dayPrice;
    const result = check(big({ formats: [formatLine(p.formatId, budget.toFixed(2))] }));
    expect(result.errors).toEqual({});
    expect(result.warnings[`format:${p.formatId}`]).toMatch(/buys nothing/);
    const line = onlyItem(project(result.input, { figuresOnly: true }));
    expect(line.bought).toEqual({ quantity: p.days + 1, unit: 'days' });
    // Spend is whole cents.
    expectClose(line.spend, (p.days + 1) * dayPrice, 1e-7);
    expect(check(big({ formats: [formatLine(p.formatId, String(p.priceValue))] })).warnings[`format:${p.formatId}`]).toBeUndefined();
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: days beyond the flight are an error, and so is a flight shorter than the package', (_, p) => {
    const dayPrice = p.priceValue / p.days;
    const tooMany = check(big({ formats: [formatLine(p.formatId, String(Math.ceil((DEFAULT_FLIGHT_DAYS + 1) * dayPrice)))] }));
    expect(tooMany.errors[`format:${p.formatId}`]).toMatch(/flight/);
    const short = check(big({ endDate: dayAfter(DEFAULT_START, p.days - 2), formats: [formatLine(p.formatId, String(p.priceValue))] }));
    expect(short.errors[`format:${p.formatId}`]).toMatch(/doesn’t fit/);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: paid impressions = spend ÷ effective CPM × 1,000, with no spread', (_, p) => {
    const budget = p.priceValue + 2 * (p.priceValue / p.days);
    const line = item(big({ formats: [formatLine(p.formatId, budget.toFixed(2))] }));
    const expected = packageBuys(p, budget);
    expectPoint(line.ranges.paidImpressions, expected.paid);
    expectClose(line.cpm, A[p.cpm]);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: submissions = cap × (1 − e^(−rate × paid ÷ cap)), cap = the participation share of the market’s users', (_, p) => {
    const line = item(big({ formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const expected = packageBuys(p, p.priceValue);
    expectClose(line.submissions, expected.submissions);
    expect(line.submissions).toBeLessThan(A.maxParticipationShare * U);
    // The participation rate and ceiling have published spreads.
    expectSpread(line.ranges.submissions);
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: earned views = submissions × views per video; earned engagements at the nano rate; EMV on earned views', (_, p) => {
    const line = item(big({ formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const expected = packageBuys(p, p.priceValue);
    expectClose(line.earnedViews, expected.earnedViews);
    expectClose(line.earnedEngagements, expected.earnedEngagements);
    expectClose(line.emv, expected.emv);
    for (const metric of ['earnedViews', 'earnedEngagements', 'emv'] as const) {
      expectContains(line.ranges[metric]);
      expectSpread(line.ranges[metric]);
    }
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: clicks only where shoppable (Challenge Plus: Shop Now)', (_, p) => {
    const line = item(big({ formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const { paid } = packageBuys(p, p.priceValue);
    if (p.shoppable) {
      expectClose(line.clicks, paid * A.clickThroughRate);
      expectClose(line.conversions, paid * A.clickThroughRate * A.conversionRate);
      expectClose(line.revenue, paid * A.clickThroughRate * A.conversionRate * A.averageOrderValue);
    } else {
      for (const metric of ['clicks', 'conversions', 'revenue'] as const) expectPoint(line.ranges[metric], 0);
      expect(line.costs.cpc).toBeNull();
    }
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: participants’ videos are kept out of reach, impressions, views and engagements by default', (_, p) => {
    const line = item(big({ formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const { paid, earnedViews } = packageBuys(p, p.priceValue);
    expectPoint(line.ranges.impressions, paid);
    expectPoint(line.ranges.videoViews, paid);
    expectPoint(line.ranges.sixSecondViews, 0);
    expectClose(line.engagements, paid * A.paidEngagementRate);
    expectClose(line.reach, nbdReach(paid));
    expectClose(line.frequency, paid / nbdReach(paid));
    expectClose(line.earnedReach, nbdReach(earnedViews));
  });

  it.each(PACKAGES.map((p) => [p.name, p] as const))('%s: counting participants’ videos adds them to reach, impressions, views and engagements, not to the earned figures', (_, p) => {
    const apart = item(big({ formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const counted = item(big({ earnedInReach: true, formats: [formatLine(p.formatId, String(p.priceValue))] }));
    const { paid, earnedViews, earnedEngagements } = packageBuys(p, p.priceValue);
    expectClose(counted.impressions, paid + earnedViews);
    expectClose(counted.videoViews, paid + earnedViews);
    expectClose(counted.engagements, paid * A.paidEngagementRate + earnedEngagements);
    const reach = combined([nbdReach(paid), nbdReach(earnedViews)]);
    expectClose(counted.reach, reach);
    expectClose(counted.frequency, (paid + earnedViews) / reach);
    for (const metric of ['submissions', 'earnedViews', 'earnedEngagements', 'earnedReach', 'emv', 'paidImpressions', 'clicks'] as const) {
      expect(counted.ranges[metric]).toEqual(apart.ranges[metric]);
    }
  });

  it('the plan’s earned reach combines the packages’ earned reach by the same rule as reach', () => {
    const { items, totals } = figuresOf(big({ formats: [formatLine('hashtag-challenge', '150000'), formatLine('branded-effects', '100000')] }));
    const earned = items.map((i) => i.earnedReach);
    expectClose(items[0]?.earnedReach, nbdReach(packageBuys(PACKAGES[0], 150_000).earnedViews));
    expectClose(items[1]?.earnedReach, nbdReach(packageBuys(PACKAGES[2], 100_000).earnedViews));
    expectClose(totals.earnedReach, combined(earned));
    expectClose(totals.reach, combined(items.map((i) => i.reach)));
  });

  it('can’t target ages or gender: paid impressions and participants’ videos are seen across the market, only the target’s share counts', () => {
    const t = targeting({ ageBands: ['18-24'] });
    const share = shareIn('US', t);
    const all = item(big({ formats: [formatLine('hashtag-challenge', '150000')] }));
    const { audience, items } = figuresOf(big({ targeting: t, formats: [formatLine('hashtag-challenge', '150000')] }));
    const line = items[0];
    const { paid, earnedViews } = packageBuys(PACKAGES[0], 150_000);
    expectClose(audience.universe, U * share);
    expectPoint(line?.ranges.impressions, paid);
    expectClose(line?.reach, nbdReach(paid * share, U * share));
    expectClose(line?.earnedReach, nbdReach(earnedViews * share, U * share));
    // Participation is capped on all of the market's users, whatever the ages targeted.
    expect(line?.ranges.submissions).toEqual(all.ranges.submissions);
  });

  it('several markets: the participation cap is on all their users, the in-target share weighted by their users', () => {
    const countries: Country[] = ['US', 'GB'];
    const t = targeting({ countries, gender: 'male' });
    const users = A.universeUS + A.universeGB;
    const share = (A.universeUS * shareIn('US', t) + A.universeGB * shareIn('GB', t)) / users;
    const line = item(big({ targeting: t, formats: [formatLine('branded-effects', '100000')] }));
    const paid = (100_000 / A.effectsCpm) * 1000;
    const cap = A.maxParticipationShare * users;
    expectClose(line.submissions, cap * (1 - Math.exp((-A.effectsCreationRate * paid) / cap)));
    expectClose(line.reach, nbdReach(paid * share, users * share));
  });
});

// ---------------------------------------------------------------------------------------
// Creators.

const PROFILE: AudienceProfile = {
  ageShares: { '13-17': 0.1, '18-24': 0.3, '25-34': 0.4, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.7,
  topCountries: [
    { country: 'US', share: 0.6 },
    { country: 'GB', share: 0.2 },
    { country: 'BR', share: 0.1 },
  ],
};

/** The creator's audience in the target: countries × ages × gender of their own profile. */
function profileShare(p: AudienceProfile, t: Targeting): number {
  const countries = p.topCountries.filter((c) => (t.countries as readonly string[]).includes(c.country)).reduce((s, c) => s + c.share, 0);
  const ages = t.ageBands.reduce((s, band) => s + p.ageShares[band], 0);
  const gender = t.gender === 'all' ? 1 : t.gender === 'female' ? p.femaleShare : 1 - p.femaleShare;
  return countries * ages * gender;
}

/** The universe of a targeting, by hand. */
const universeOf = (t: Targeting) => t.countries.reduce((s, c) => s + A[marketKey.universe(c)] * shareIn(c, t), 0);

describe('creators', () => {
  it('views per post: the catalog’s average views, with no spread', () => {
    const line = item(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '3', fee: '500' })] }));
    expect(line).toMatchObject({ id: 'creator:maya.fit', kind: 'creator', name: '@maya.fit', formatId: null, spend: 1_500 });
    expect(line.bought).toEqual({ quantity: 3, unit: 'posts' });
    expectPoint(line.ranges.videoViews, 24_000);
    expectPoint(line.ranges.impressions, 24_000);
    expectPoint(line.ranges.paidImpressions, 0);
    expectPoint(line.ranges.sixSecondViews, 0);
  });

  it.each([
    [0.8, 0.8],
    [0.55, 0.55],
    [null, 1],
  ] as const)('without measured views: fans × credibility (%s: counts %d of the fans) × the creator view rate', (credibility, counted) => {
    const creator = creatorLine({ avgViews: null, fans: 50_000, credibility, posts: '2' });
    const perPost = 50_000 * counted * A.creatorViewRate;
    expectClose(viewsPerPost(creator, A), perPost);
    const line = item(planWith({ creators: [creator] }));
    expectClose(line.videoViews, 2 * perPost);
    expectSpread(line.ranges.videoViews);
  });

  it.each([
    ['the U.S.', 0.6, targeting({})],
    ['the U.S. and the UK', 0.8, targeting({ countries: ['US', 'GB'] })],
    ['18-34 in the U.S.', 0.6 * 0.7, targeting({ ageBands: ['18-24', '25-34'] })],
    ['women in the U.S.', 0.6 * 0.7, targeting({ gender: 'female' })],
    ['men 18-24 in the U.S. and the UK', 0.8 * 0.3 * 0.3, targeting({ countries: ['US', 'GB'], ageBands: ['18-24'], gender: 'male' })],
    ['South Korea', 0, targeting({ countries: ['KR'] })],
  ] as const)('with an audience profile, targeting %s: a share of %s of the views is on target', (_, share, t) => {
    expectClose(profileShare(PROFILE, t), share);
    const { items, audience } = figuresOf(big({ targeting: t, creators: [creatorLine({ avgViews: 10_000, posts: '1', audience: PROFILE })] }));
    const line = items[0];
    expectClose(audience.universe, universeOf(t));
    expectPoint(line?.ranges.impressions, 10_000);
    // One post reaches its in-target views exactly.
    expectPoint(line?.ranges.reach, 10_000 * share);
    expect(line?.trace.find((s) => s.key === 'targetShare')?.value).toBeCloseTo(share, 12);
  });

  it.each([
    ['a U.S. creator, women 25-34 in the U.S. and the UK', 'US', targeting({ countries: ['US', 'GB'], ageBands: ['25-34'], gender: 'female' })],
    ['a UK creator, men in the U.S. and the UK', 'GB', targeting({ countries: ['US', 'GB'], gender: 'male' })],
    ['a Japanese creator, 13-24 in Japan', 'JP', targeting({ countries: ['JP'], ageBands: ['13-17', '18-24'] })],
  ] as const)('without audience data, %s: the platform’s split in their country', (_, country, t) => {
    const line = item(big({ targeting: t, creators: [creatorLine({ country, avgViews: 10_000, posts: '1', audience: null })] }));
    expectPoint(line.ranges.reach, 10_000 * shareIn(country, t));
  });

  it('without audience data, outside the targeted countries: views count as impressions, not reach, and the plan is warned', () => {
    const plan = big({ targeting: targeting({ countries: ['KR'] }), creators: [creatorLine({ country: 'US', posts: '2' })] });
    const result = check(plan);
    expect(result.warnings['creator:maya.fit:posts']).toMatch(/outside the targeted countries/);
    const line = onlyItem(project(result.input, { figuresOnly: true }));
    expectPoint(line.ranges.impressions, 16_000);
    expectPoint(line.ranges.reach, 0);
    expect(Object.is(line.reach, 0)).toBe(true);
    expect(line.frequency).toBeNull();
  });

  it.each([
    ['one post', 1],
    ['two posts', 2],
    ['three posts', 3],
    ['six posts', 6],
  ] as const)('%s reach on the beta-binomial over posts', (_, posts) => {
    const line = item(big({ creators: [creatorLine({ avgViews: 8_000, posts: String(posts) })] }));
    expectClose(line.reach, unitsReach(8_000, posts, A.creatorRepeatOverlap));
    expectClose(line.frequency, (posts * 8_000) / unitsReach(8_000, posts, A.creatorRepeatOverlap));
  });

  it('2 posts reach one post’s audience × (2 − the repeat share)', () => {
    expectClose(item(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '2' })] })).reach, 8_000 * (2 - A.creatorRepeatOverlap));
  });

  it('engagements at the creator’s measured rate, with no spread', () => {
    const line = item(planWith({ creators: [creatorLine({ tier: 'mega', engagementRate: 0.08, avgViews: 10_000, posts: '2' })] }));
    expectPoint(line.ranges.engagements, 20_000 * 0.08);
    expectClose(line.engagementRate?.mid, 0.08);
  });

  it.each(TIERS.map((tier) => [tier] as const))('a %s creator without a measured rate engages at the tier’s benchmark', (tier: Tier) => {
    const key = (
      { nano: 'engagementRateNano', micro: 'engagementRateMicro', mid: 'engagementRateMid', macro: 'engagementRateMacro', mega: 'engagementRateMega' } as const
    )[tier];
    const creator = creatorLine({ tier, engagementRate: null, avgViews: 10_000, posts: '1' });
    expect(creatorEngagementRate(creator, A)).toBe(A[key]);
    const line = item(planWith({ creators: [creator] }));
    expectClose(line.engagements, 10_000 * A[key]);
    expectClose(line.engagementRate?.mid, A[key]);
    expectSpread(line.ranges.engagements);
  });

  it('organic clicks = views × the organic click rate, then conversions and revenue', () => {
    const line = item(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '3' })] }));
    const clicks = 24_000 * A.organicClickRate;
    expect(A.organicClickRate).toBe(0.0005);
    expectClose(line.clicks, clicks);
    expectClose(line.conversions, clicks * A.conversionRate);
    expectClose(line.revenue, clicks * A.conversionRate * A.averageOrderValue);
    expectSpread(line.ranges.clicks);
  });

  it('Spark Ads: impressions = budget ÷ Spark CPM × 1,000, targeted, engaging at the paid rate × (1 + lift), clicked at the CTR', () => {
    const line = item(planWith({ creators: [creatorLine({ avgViews: 8_000, engagementRate: 0.06, posts: '2', fee: '800', sparkBudget: '6,500' })] }));
    const spark = (6_500 / A.sparkCpm) * 1000;
    const views = 16_000;
    expect(line.spend).toBe(2 * 800 + 6_500);
    expectClose(line.paidImpressions, spark);
    expectSpread(line.ranges.paidImpressions);
    expectClose(line.impressions, views + spark);
    expectClose(line.videoViews, views + spark);
    expectClose(line.sixSecondViews, spark * A.sixSecondViewRate);
    expectClose(line.engagements, views * 0.06 + spark * A.paidEngagementRate * (1 + A.sparkEngagementLift));
    const clicks = views * A.organicClickRate + spark * A.clickThroughRate;
    expectClose(line.clicks, clicks);
    expectClose(line.revenue, clicks * A.conversionRate * A.averageOrderValue);
    const reach = combined([unitsReach(8_000, 2, A.creatorRepeatOverlap), nbdReach(spark)]);
    expectClose(line.reach, reach);
    expectClose(line.frequency, (views + spark) / reach);
  });

  it.each([
    ['posts alone', creatorLine({ posts: '3' })],
    ['with Spark Ads', creatorLine({ posts: '3', sparkBudget: '5,000' })],
    ['estimated from fans', creatorLine({ avgViews: null, posts: '3' })],
  ])('earns no media value (%s): creator posts are paid, not earned', (_, creator) => {
    const line = item(planWith({ creators: [creator] }));
    for (const metric of ['emv', 'earnedViews', 'earnedEngagements', 'earnedReach', 'submissions'] as const) expectPoint(line.ranges[metric], 0);
  });

  it('a catalog creator, one post: views from their average, on target by their own audience', () => {
    const catalog = CREATORS.find((c) => c.country === 'US' && c.audience !== null && c.avgViews !== null);
    if (!catalog?.audience || catalog.avgViews === null) throw new Error('no U.S. catalog creator with audience data');
    const t = targeting({ countries: ['US', 'CA'], ageBands: ['18-24', '25-34'] });
    const result = item(big({ targeting: t, creators: [creatorLineFrom(catalog)] }));
    expectClose(result.videoViews, catalog.avgViews);
    expectClose(result.reach, catalog.avgViews * profileShare(catalog.audience, t));
  });
});

// ---------------------------------------------------------------------------------------
// Combining line items.

describe('combining line items: largest + D × (Sainsbury − largest)', () => {
  const inFeed = nbdReach(6_000_000);
  const takeover = unitsReach(A.takeoverImpressionsPerDayUS, 2, A.takeoverRepeatShare);
  const twoLines = big({ formats: [inFeedLine('CPM', 60_000), takeoverLine('2')] });

  it('two line items combine by hand from each one’s reach', () => {
    const { items, totals } = figuresOf(twoLines);
    expectClose(items[0]?.reach, inFeed);
    expectClose(items[1]?.reach, takeover);
    expectClose(totals.reach, combined([inFeed, takeover]));
    expect(A.duplicationFactor).toBe(0.85);
  });

  it('the reach trace shows the universe, each line item, Sainsbury, the largest and D', () => {
    const { totals } = figuresOf(twoLines);
    const trace = totals.reachTrace;
    expect(trace.universe).toBe(U);
    expect(trace.items.map((i) => i.name)).toEqual(['In-Feed Ads', 'Brand Takeover']);
    expectClose(trace.items[0]?.reach, inFeed);
    expectClose(trace.items[1]?.reach, takeover);
    expectClose(trace.sainsbury, sainsburyOf([inFeed, takeover]));
    expectClose(trace.largest, Math.max(inFeed, takeover));
    expect(trace.independentShare).toBe(A.duplicationFactor);
    expect(trace.reach).toBe(totals.reach);
  });

  it('a tiny line item still adds reach while people are left unreached', () => {
    const alone = figuresOf(big({ formats: [inFeedLine('CPM', 600_000)] })).totals.reach;
    const { items, totals } = figuresOf(big({ formats: [inFeedLine('CPM', 600_000)], creators: [creatorLine({ avgViews: 50, posts: '1' })] }));
    expectClose(items[1]?.reach, 50);
    expect(totals.reach).toBeGreaterThan(alone);
    expectClose(totals.reach - alone, A.duplicationFactor * 50 * (1 - alone / U), 1e-6);
  });

  it('never reaches more than Sainsbury: exactly Sainsbury at D = 100%, barely more than the largest at D = 1%', () => {
    const at = (d: string) => figuresOf({ ...twoLines, assumptionOverrides: { duplicationFactor: d } }).totals.reach;
    expect(figuresOf(twoLines).totals.reach).toBeLessThan(sainsburyOf([inFeed, takeover]));
    expectClose(at('100'), sainsburyOf([inFeed, takeover]));
    expectClose(at('1'), combined([inFeed, takeover], U, 0.01));
    expect(at('1')).toBeGreaterThan(Math.max(inFeed, takeover));
  });

  it('a single line item is the plan’s reach, with no discount', () => {
    const { items, totals } = figuresOf(planWith({ formats: [inFeedLine('CPM', 60_000)] }));
    expect(totals.ranges.reach).toEqual(items[0]?.ranges.reach);
    expect(totals.reachTrace.sainsbury).toBeCloseTo(totals.reach, 6);
  });

  it('reach at 1+ … 5+: 1+ is the reach, each bin at most the one before, the bins adding up to at most the in-target impressions', () => {
    const { totals } = figuresOf(big({ formats: [inFeedLine('CPM', 600_000), takeoverLine('3')], creators: [creatorLine({ posts: '4' })] }));
    expectClose(totals.reachAtLeast[0]?.mid, totals.reach);
    for (let k = 1; k < 5; k++) expect(totals.reachAtLeast[k]?.mid).toBeLessThanOrEqual(totals.reachAtLeast[k - 1]?.mid ?? 0);
    expect(totals.reachAtLeast.reduce((s, r) => s + r.mid, 0)).toBeLessThanOrEqual(totals.targetImpressions.mid * (1 + 1e-12));
    expectClose(totals.frequency, totals.targetImpressions.mid / totals.reach);
  });
});

// ---------------------------------------------------------------------------------------
// The central scenario.

/** A plan with every kind of line item and cost lines. */
const MIXED = big({
  earnedInReach: true,
  formats: [inFeedLine('CPC', 60_000), takeoverLine('2'), formatLine('hashtag-challenge', '175000')],
  creators: [
    creatorLine({ posts: '4', fee: '800' }),
    creatorLine({ handle: 'leo.eats', avgViews: null, credibility: 0.8, posts: '3', fee: '250', sparkBudget: '2,000', audience: PROFILE }),
  ],
  costs: { agencyCommission: '15', usageRights: '', whitelisting: '', production: '10,000', tax: '8' },
});

/** Every range a row carries. */
function rangesOf(row: Figures): (Range | null)[] {
  return [...Object.values(row.ranges), ...Object.values(row.costs), row.engagementRate, row.roi, row.roas];
}

describe('the central scenario: every figure recomputes from the stated assumptions', () => {
  it('the additive columns of the line items sum to the plan’s: every row is the same scenario', () => {
    const { items, totals } = figuresOf(MIXED);
    for (const metric of SUMMED_METRICS) {
      expectClose(
        items.reduce((s, i) => s + i[metric], 0),
        totals[metric],
      );
    }
    expect(items.reduce((s, i) => s + i.spend, 0)).toBe(totals.spend);
  });

  it('each row recomputes from its own figures: engagement rate, CPM, costs, ROI, ROAS, frequency', () => {
    const { items, totals } = figuresOf(MIXED);
    for (const row of [...items, totals]) {
      expectClose(row.engagementRate?.mid, row.engagements / row.videoViews);
      expectClose(row.cpm, (row.spend / row.impressions) * 1000);
      const perResult = (cost: Range | null, result: number) => {
        if (result > 0) expectClose(cost?.mid, row.spend / result);
        else expect(cost).toBeNull();
      };
      perResult(row.costs.cpc, row.clicks);
      perResult(row.costs.cpe, row.engagements);
      perResult(row.costs.cpa, row.conversions);
      perResult(row.costs.costPerSubmission, row.submissions);
      perResult(row.costs.costPerReach, row.reach);
    }
    for (const row of items) expectClose(row.roi?.mid, (row.revenue - row.spend) / row.spend);
    // The plan's return is on its gross cost: media + fees + 15% commission on media + production, + 8% tax.
    const media = 60_000 + 100_000 + 175_000 + 2_000;
    const fees = 4 * 800 + 3 * 250;
    const gross = (media + fees + 0.15 * media + 10_000) * 1.08;
    expectClose(totals.fullCost.gross, gross);
    expectClose(totals.roi?.mid, (totals.revenue - gross) / gross);
    expectClose(totals.roas?.mid, totals.revenue / gross);
    expectClose(totals.frequency, totals.targetImpressions.mid / totals.reach);
    expectClose(totals.costPerResult?.mid, (totals.spend / totals.reach) * 1000);
  });

  it('every range contains its central figure, and the plain figure is the central one', () => {
    const { items, totals } = figuresOf(MIXED);
    for (const row of [...items, totals]) {
      for (const range of rangesOf(row)) expectContains(range);
      for (const [metric, range] of Object.entries(row.ranges)) expect(row[metric as SummedMetric]).toBe(range.mid);
    }
    for (const range of [...totals.reachAtLeast, totals.frequencyRange, totals.targetImpressions, totals.costPerResult]) expectContains(range);
  });

  it('follows overrides exactly in the headline: clicks, engagements and revenue at the typed rates', () => {
    const line = item(
      planWith({
        formats: [inFeedLine('CPM', 60_000)],
        assumptionOverrides: { clickThroughRate: '1.5', paidEngagementRate: '5', conversionRate: '3', averageOrderValue: '55', sixSecondViewRate: '25' },
      }),
    );
    expectClose(line.clicks, 6_000_000 * 0.015);
    expectClose(line.engagements, 6_000_000 * 0.05);
    expectClose(line.sixSecondViews, 6_000_000 * 0.25);
    expectClose(line.revenue, 6_000_000 * 0.015 * 0.03 * 55);
    // An override keeps the published relative spread.
    expectSpread(line.ranges.clicks);
  });

  it.each([
    ['In-Feed CPM impressions', () => item(planWith({ formats: [inFeedLine('CPM', 60_000)] })), 'impressions', 6_000_000],
    ['In-Feed CPC clicks', () => item(planWith({ formats: [inFeedLine('CPC', 8_000)] })), 'clicks', 10_000],
    ['a 1-day takeover’s reach', () => item(big({ formats: [takeoverLine('1')] })), 'reach', 5_000_000],
    ['a package’s paid impressions', () => item(big({ formats: [formatLine('branded-effects', '100000')] })), 'paidImpressions', 5_000_000],
    ['measured views', () => item(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '2' })] })), 'videoViews', 16_000],
    ['engagements at a measured rate', () => item(planWith({ creators: [creatorLine({ avgViews: 8_000, engagementRate: 0.06, posts: '2' })] })), 'engagements', 960],
  ] as const)('%s: none of its inputs varies, so it has no spread', (_, line, metric, value) => {
    expectPoint(line().ranges[metric], value);
  });

  it.each([
    ['In-Feed reach (the reach-curve shape)', () => item(planWith({ formats: [inFeedLine('CPM', 60_000)] })), 'reach'],
    ['In-Feed clicks (the CTR)', () => item(planWith({ formats: [inFeedLine('CPM', 60_000)] })), 'clicks'],
    ['a 3-day takeover’s reach (the repeat share)', () => item(big({ formats: [takeoverLine('3')] })), 'reach'],
    ['a creator’s clicks (the organic click rate)', () => item(planWith({ creators: [creatorLine({ posts: '2' })] })), 'clicks'],
    ['a package’s submissions (participation)', () => item(big({ formats: [formatLine('branded-effects', '100000')] })), 'submissions'],
  ] as const)('%s: an input varies, so it has a spread around the central figure', (_, line, metric) => {
    expectSpread(line().ranges[metric]);
  });

  it.each([
    ['In-Feed CPC', planWith({ formats: [inFeedLine('CPC', 8_000)] })],
    ['a takeover', big({ formats: [takeoverLine('3')] })],
    ['a package with its videos counted', big({ earnedInReach: true, formats: [formatLine('hashtag-challenge-plus', '200000')] })],
    ['a creator with Spark Ads', planWith({ creators: [creatorLine({ avgViews: null, posts: '3', sparkBudget: '3,000' })] })],
  ])('a plan of one line item (%s) has that line item’s figures and ranges', (_, plan) => {
    const { items, totals } = figuresOf(plan);
    const [line] = items;
    if (!line) throw new Error('no line item');
    for (const [metric, range] of Object.entries(line.ranges)) {
      const total = totals.ranges[metric as SummedMetric];
      for (const end of ['low', 'mid', 'high'] as const) expectClose(total[end], range[end]);
    }
    expect(totals.spend).toBe(line.spend);
    expectClose(totals.frequency, line.frequency ?? Number.NaN);
  });

  it('reports the sample the ranges come from', () => {
    expect(figuresOf(planWith()).sample).toEqual({ size: SAMPLE_SIZE, seed: 20_201 });
    expect(projectPlan(planWith(), { seed: 7, figuresOnly: true }).sample).toEqual({ size: SAMPLE_SIZE, seed: 7 });
  });

  it('gives the same central figures whatever the seed: only the ranges move', () => {
    const a = figuresOf(MIXED).totals;
    const b = projectPlan(MIXED, { seed: 7, figuresOnly: true }).totals;
    for (const metric of [...SUMMED_METRICS, 'reach', 'earnedReach'] as const) expectClose(b[metric], a[metric], 1e-12);
  });

  it('gives zeros and no ratios for an empty plan', () => {
    const projection = projectPlan(planWith());
    expect(projection.items).toEqual([]);
    for (const metric of SUMMED_METRICS) expectPoint(projection.totals.ranges[metric], 0);
    expect(Object.is(projection.totals.reach, 0)).toBe(true);
    expect(projection.totals).toMatchObject({ spend: 0, frequency: null, frequencyRange: null, cpm: null, engagementRate: null, roi: null, roas: null, costPerResult: null });
    for (const cost of COST_METRICS) expect(projection.totals.costs[cost]).toBeNull();
    expect(projection.budgetCurve).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// KPI.

describe('KPI: met from the central figure, its chance from the 81 scenarios', () => {
  const plan = big({ formats: [inFeedLine('CPC', 60_000), formatLine('hashtag-challenge-plus', '200000')], creators: [creatorLine({ posts: '3' })] });
  const figureOf = { reach: 'reach', engagements: 'engagements', submissions: 'submissions', conversions: 'conversions', revenue: 'revenue' } as const;

  it.each(GOALS)('%s: the KPI is the goal’s figure with its range', (goal) => {
    const { kpi, totals } = figuresOf({ ...plan, goal });
    const metric = GOAL_KPI[goal].metric;
    expect(kpi).toMatchObject({ metric, label: GOAL_KPI[goal].metricLabel, target: null, met: null, chanceMet: null });
    expect(kpi.actual).toBe(totals[figureOf[metric]]);
    expect(kpi.range).toEqual(totals.ranges[figureOf[metric]]);
  });

  it.each(GOALS)('%s: met when the central figure reaches the target; the chance is the share of scenarios at or above it', (goal) => {
    const range = figuresOf({ ...plan, goal }).kpi.range;
    expectSpread(range);
    const at = (target: number) => figuresOf({ ...plan, goal, kpiTarget: String(target) }).kpi;
    const low = at(Math.max(1, Math.floor(range.low)));
    expect(low.met).toBe(true);
    // The draws from P10 up: at least 73 of 81.
    expect(low.chanceMet).toBeGreaterThanOrEqual(73 / 81);
    expect(at(Math.floor(range.mid)).met).toBe(true);
    expect(at(Math.ceil(range.mid) + 1).met).toBe(false);
    const high = at(Math.ceil(range.high) + 1);
    expect(high.met).toBe(false);
    // Only draws above P90: at most 8 of 81.
    expect(high.chanceMet).toBeLessThanOrEqual(8 / 81);
    expect(at(Math.ceil(range.high * 10) + 1).chanceMet).toBe(0);
    // A count of scenarios out of 81.
    for (const kpi of [low, high]) {
      const count = (kpi.chanceMet ?? Number.NaN) * SAMPLE_SIZE;
      expect(count).toBeCloseTo(Math.round(count), 9);
    }
  });

  it.each([
    ['awareness', 'reach', 1000],
    ['engagement', 'engagements', 1],
    ['ugc', 'submissions', 1],
    ['app-installs', 'conversions', 1],
    ['sales', 'conversions', 1],
  ] as const)('%s: the cost per result is spend ÷ %s (× %d), the low cost at the high result', (goal, metric, per) => {
    const { totals } = figuresOf({ ...plan, goal });
    const result = totals.ranges[metric];
    expectClose(totals.costPerResult?.mid, (totals.spend / result.mid) * per);
    expectClose(totals.costPerResult?.low, (totals.spend / result.high) * per);
    expectClose(totals.costPerResult?.high, (totals.spend / result.low) * per);
  });

  it('misses any target with an empty plan', () => {
    expect(figuresOf(planWith({ goal: 'ugc', kpiTarget: '1' })).kpi).toMatchObject({ actual: 0, met: false, chanceMet: 0 });
  });
});

// ---------------------------------------------------------------------------------------
// Daily series.

describe('daily series', () => {
  const T = DEFAULT_FLIGHT_DAYS;

  it('has one point per flight day, from the start date', () => {
    const { daily } = projectPlan(planWith({ formats: [inFeedLine('CPM', 60_000)] }));
    expect(daily).toHaveLength(T);
    expect(daily[0]?.date).toBe('2024-01-08');
    expect(daily.at(-1)?.date).toBe('2024-02-04');
  });

  it.each([false, true])('ends on every headline (participants’ videos counted: %s)', (earnedInReach) => {
    const projection = projectPlan({ ...MIXED, earnedInReach });
    const { totals } = projection;
    const last = lastDay(projection);
    for (const metric of SUMMED_METRICS) expect(last.cumulative[metric]).toBe(totals[metric]);
    expect(last.cumulativeImpressions).toBe(totals.impressions);
    expect(last.cumulativeSpend).toBe(totals.spend);
    expect([last.cumulativeReachLow, last.cumulativeReach, last.cumulativeReachHigh]).toEqual([totals.ranges.reach.low, totals.reach, totals.ranges.reach.high]);
    projection.daily.forEach((day, d) => {
      expect(day.cumulativeReachLow).toBeLessThanOrEqual(day.cumulativeReach);
      expect(day.cumulativeReach).toBeLessThanOrEqual(day.cumulativeReachHigh);
      const before = projection.daily[d - 1];
      if (before) {
        expect(day.cumulativeReach).toBeGreaterThanOrEqual(before.cumulativeReach);
        for (const metric of SUMMED_METRICS) expect(day.cumulative[metric]).toBeGreaterThanOrEqual(before.cumulative[metric] - 1e-9);
      }
    });
  });

  it('already shows every headline on the day of the last delivery (nothing is delivered after it)', () => {
    const plan = big({ formats: [takeoverLine('4')], creators: [creatorLine({ posts: '2', postDates: ['2024-01-10', '2024-01-20'] })] });
    const projection = projectPlan(plan);
    // Takeover days on 0, 7, 14, 21; posts on days 2 and 12.
    for (const day of projection.daily.slice(21)) {
      for (const metric of SUMMED_METRICS) expectClose(day.cumulative[metric], projection.totals[metric]);
      expectClose(day.cumulativeReach, projection.totals.reach);
      expectClose(day.cumulativeSpend, projection.totals.spend);
    }
  });

  it.each([
    ['even', [0, 7, 14, 21]],
    ['front-loaded', [0, 1, 2, 3]],
  ] as const)('takeover days placed %s: spend, impressions and reach step on those days', (pacing, placed) => {
    const days: readonly number[] = placed;
    const projection = projectPlan(big({ formats: [takeoverLine('4', { pacing })] }));
    const perDay = A.takeoverImpressionsPerDayUS;
    projection.daily.forEach((point, d) => {
      const done = days.filter((day) => day <= d).length;
      expect(point.spend).toBe(days.includes(d) ? A.takeoverPricePerDayUS : 0);
      expectClose(point.cumulativeImpressions, done * perDay);
      expectClose(point.cumulativeReach, unitsReach(perDay, done, A.takeoverRepeatShare));
    });
  });

  it('posts land on their dates, undated posts spread evenly', () => {
    const creator = creatorLine({ avgViews: 8_000, posts: '3', fee: '800', postDates: ['2024-01-10', '', '2024-01-30'] });
    const projection = projectPlan(planWith({ creators: [creator] }));
    // Dated posts on days 2 and 22; the undated second post on day floor(1 × 28 ÷ 3) = 9.
    const postDays = [2, 9, 22];
    projection.daily.forEach((point, d) => {
      const done = postDays.filter((day) => day <= d).length;
      expect(point.spend).toBe(postDays.includes(d) ? 800 : 0);
      expectClose(point.cumulative.videoViews, done * 8_000);
      expectClose(point.cumulativeReach, unitsReach(8_000, done, A.creatorRepeatOverlap));
    });
  });

  it('Spark Ads are delivered evenly from the first post to the end of the flight', () => {
    const creator = creatorLine({ avgViews: 8_000, posts: '1', fee: '800', postDates: ['2024-01-18'], sparkBudget: '1,800' });
    const projection = projectPlan(planWith({ creators: [creator] }));
    const first = 10;
    const spark = (1_800 / A.sparkCpm) * 1000;
    projection.daily.forEach((point, d) => {
      const share = d < first ? 0 : (d - first + 1) / (T - first);
      expect(point.spend).toBeCloseTo((d === first ? 800 : 0) + (d < first ? 0 : 1_800 / (T - first)), 9);
      expectClose(point.cumulative.paidImpressions, spark * share);
      expectClose(point.cumulative.videoViews, (d < first ? 0 : 8_000) + spark * share);
    });
  });

  it.each([
    ['even', (d: number) => (d + 1) / T],
    ['front-loaded', (d: number) => ((d + 1) * (2 * T - d)) / 2 / ((T * (T + 1)) / 2)],
  ] as const)('an In-Feed budget paced %s: spend and impressions follow the pacing day by day', (pacing, share) => {
    const projection = projectPlan(planWith({ formats: [formatLine('in-feed', '60000', { pacing })] }));
    projection.daily.forEach((point, d) => {
      expectClose(point.cumulativeSpend, 60_000 * share(d));
      expectClose(point.cumulativeImpressions, 6_000_000 * share(d));
      expectClose(point.cumulativeReach, nbdReach(6_000_000 * share(d)));
    });
  });

  it('has no series without valid flight dates', () => {
    const result = check(planWith({ formats: [inFeedLine('CPM', 60_000)], endDate: 'soon' }));
    expect(project(result.input).daily).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Budget curve.

describe('budget curve: purchases scaled in whole units', () => {
  const step = (s: number) => s / 12;
  const whole = (units: number, x: number) => Math.floor(units * x + 1e-9);

  it('has 25 points from 0 to 2× the plan, the plan’s own point exact', () => {
    const projection = projectPlan(MIXED);
    const curve = projection.budgetCurve;
    expect(curve).toHaveLength(25);
    expect(curve.filter((p) => p.isPlan)).toHaveLength(1);
    expect(curve[12]).toEqual({ spend: projection.totals.spend, reach: projection.totals.reach, isPlan: true });
    expect(curve[0]).toEqual({ spend: 0, reach: 0, isPlan: false });
  });

  it('each point’s spend is what its whole purchases cost: days, a package and its days, posts, In-Feed above its minimum', () => {
    const plan = big({ formats: [inFeedLine('CPM', 60_000), takeoverLine('3'), formatLine('hashtag-challenge', '175000')], creators: [creatorLine({ posts: '4', fee: '800' })] });
    const curve = projectPlan(plan).budgetCurve;
    curve.forEach((point, s) => {
      const x = step(s);
      const inFeed = 60_000 * x >= 6_000 ? 60_000 * x : 0;
      const takeover = whole(3, x) * A.takeoverPricePerDayUS;
      const challengeDays = whole(7, x);
      const challenge = challengeDays >= 6 ? challengeDays * 25_000 : 0;
      const posts = whole(4, x) * 800;
      expectClose(point.spend, inFeed + takeover + challenge + posts);
    });
  });

  it('a takeover’s curve: reach of its whole days at each point', () => {
    const curve = projectPlan(big({ formats: [takeoverLine('3')] })).budgetCurve;
    curve.forEach((point, s) => {
      const days = whole(3, step(s));
      expect(point.spend).toBe(days * A.takeoverPricePerDayUS);
      expectClose(point.reach, unitsReach(A.takeoverImpressionsPerDayUS, days, A.takeoverRepeatShare));
    });
  });

  it('an In-Feed curve: nothing below the $6,000 minimum, then the reach of the scaled budget', () => {
    const curve = projectPlan(planWith({ formats: [inFeedLine('CPM', 60_000)] })).budgetCurve;
    curve.forEach((point, s) => {
      const budget = 60_000 * step(s);
      const bought = budget >= 6_000 ? budget : 0;
      expectClose(point.spend, bought);
      expectClose(point.reach, nbdReach((bought / A.inFeedCpm) * 1000));
    });
  });

  it('a creator’s curve: whole posts', () => {
    const curve = projectPlan(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '5', fee: '800' })] })).budgetCurve;
    curve.forEach((point, s) => {
      const posts = whole(5, step(s));
      expect(point.spend).toBe(posts * 800);
      expectClose(point.reach, unitsReach(8_000, posts, A.creatorRepeatOverlap));
    });
  });

  it.each([false, true])('a package’s curve: the package and its whole days, participants saturating at each quantity (counted in reach: %s)', (earnedInReach) => {
    const curve = projectPlan(big({ earnedInReach, formats: [formatLine('hashtag-challenge', '175000')] })).budgetCurve;
    curve.forEach((point, s) => {
      const days = whole(7, step(s));
      if (days < 6) {
        expect(point).toMatchObject({ spend: 0, reach: 0 });
        return;
      }
      const bought = packageBuys(PACKAGES[0], days * 25_000);
      expectClose(point.spend, bought.spend);
      const paid = nbdReach(bought.paid);
      expectClose(point.reach, earnedInReach ? combined([paid, nbdReach(bought.earnedViews)]) : paid);
    });
  });

  it('a creator with Spark Ads: whole posts, and the Spark budget scaled with them', () => {
    const curve = projectPlan(planWith({ creators: [creatorLine({ avgViews: 8_000, posts: '3', fee: '800', sparkBudget: '3,000' })] })).budgetCurve;
    curve.forEach((point, s) => {
      const x = step(s);
      const posts = whole(3, x);
      if (posts < 1) {
        expect(point).toMatchObject({ spend: 0, reach: 0 });
        return;
      }
      expectClose(point.spend, posts * 800 + 3_000 * x);
      expectClose(point.reach, combined([unitsReach(8_000, posts, A.creatorRepeatOverlap), nbdReach(((3_000 * x) / A.sparkCpm) * 1000)]));
    });
  });

  it.each([
    ['a 20-day takeover', big({ formats: [takeoverLine('20')] }), DEFAULT_FLIGHT_DAYS * A.takeoverPricePerDayUS],
    ['a 20-day Branded Effects package', big({ formats: [formatLine('branded-effects', '200000')] }), DEFAULT_FLIGHT_DAYS * (A.effectsPackagePrice / 10)],
    ['80 posts', big({ creators: [creatorLine({ posts: '80', fee: '800' })] }), 100 * 800],
  ] as const)('never buys what can’t be bought: %s scaled up tops out at the flight’s days or 100 posts', (_, plan, most) => {
    const curve = projectPlan(plan).budgetCurve;
    for (const point of curve) expect(point.spend).toBeLessThanOrEqual(most);
  });

  it('never falls, in spend or reach', () => {
    const curve = projectPlan(MIXED).budgetCurve;
    for (let s = 1; s < curve.length; s++) {
      expect(curve[s]?.spend).toBeGreaterThanOrEqual(curve[s - 1]?.spend ?? Infinity);
      expect(curve[s]?.reach).toBeGreaterThanOrEqual((curve[s - 1]?.reach ?? Infinity) - 1e-6);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Format comparison.

describe('format comparison: each format alone on the plan’s planned spend', () => {
  const formatOf = (projection: Projection, id: FormatId) => {
    const found = projection.comparison.formats.find((f) => f.formatId === id);
    if (!found) throw new Error(`no ${id} in the comparison`);
    return found;
  };
  const plan = planWith({ totalBudget: '1,000,000', formats: [inFeedLine('CPM', 120_000)] });

  it('compares on the planned spend, not the budget cap', () => {
    const projection = projectPlan(plan);
    expect(projection.comparison.budget).toBe(120_000);
    expect(projection.comparison.formats.map((f) => f.formatId)).toEqual(['in-feed', 'brand-takeover', 'hashtag-challenge', 'hashtag-challenge-plus', 'branded-effects']);
  });

  it('buys each format as it is sold: the budget, whole takeover days, a package and its whole days, or nothing', () => {
    const projection = projectPlan(plan);
    const inFeed = formatOf(projection, 'in-feed');
    expect(inFeed).toMatchObject({ spend: 120_000, unavailable: null });
    expectClose(inFeed.figures?.paidImpressions, 12_000_000);
    const takeover = formatOf(projection, 'brand-takeover');
    expect(takeover).toMatchObject({ spend: 2 * A.takeoverPricePerDayUS, unavailable: null });
    expectClose(takeover.figures?.paidImpressions, 2 * A.takeoverImpressionsPerDayUS);
    expect(formatOf(projection, 'hashtag-challenge')).toMatchObject({ spend: 0, unavailable: `The 6-day package costs ${usd(150_000)}.`, figures: null, costPerResult: null });
    expect(formatOf(projection, 'hashtag-challenge-plus')).toMatchObject({ spend: 0, unavailable: `The 6-day package costs ${usd(200_000)}.`, figures: null });
    const effects = formatOf(projection, 'branded-effects');
    // 12 days at $10,000 a day.
    expect(effects).toMatchObject({ spend: 120_000, unavailable: null });
    expectClose(effects.figures?.paidImpressions, (120_000 / A.effectsCpm) * 1000);
  });

  it('gives each format the figures of projecting it alone, and the goal’s cost per result', () => {
    const projection = projectPlan(plan);
    const effects = formatOf(projection, 'branded-effects');
    const alone = figuresOf(big({ formats: [formatLine('branded-effects', '120000')] })).totals;
    expect(effects.figures?.reach).toBe(alone.reach);
    expect(effects.figures?.ranges).toEqual(alone.ranges);
    expectClose(effects.costPerResult?.mid, (120_000 / alone.reach) * 1000);
    expect(formatOf(projection, 'in-feed').figures?.reach).toBe(projection.totals.reach);
  });

  it('caps takeover days at the flight', () => {
    const projection = projectPlan(big({ formats: [inFeedLine('CPM', 2_000_000)] }));
    expect(formatOf(projection, 'brand-takeover').spend).toBe(DEFAULT_FLIGHT_DAYS * A.takeoverPricePerDayUS);
  });

  it('names why a format can’t be bought: below the In-Feed minimum, a day’s price, a package’s price or length', () => {
    const small = projectPlan(planWith({ creators: [creatorLine({ posts: '2', fee: '800' })] }));
    expect(small.comparison.budget).toBe(1_600);
    expect(formatOf(small, 'in-feed').unavailable).toBe(`Minimum spend is ${usd(6_000)}.`);
    expect(formatOf(small, 'brand-takeover').unavailable).toBe(`A day costs ${usd(50_000)}.`);
    const short = projectPlan(big({ endDate: dayAfter(DEFAULT_START, 4), formats: [inFeedLine('CPM', 500_000)] }));
    expect(formatOf(short, 'hashtag-challenge').unavailable).toBe('A 6-day package doesn’t fit in a 5-day flight.');
    expect(formatOf(short, 'branded-effects').unavailable).toBe('A 10-day package doesn’t fit in a 5-day flight.');
    expect(formatOf(short, 'brand-takeover').spend).toBe(5 * A.takeoverPricePerDayUS);
  });

  it('compares on the budget cap while nothing is planned, else on $100,000', () => {
    expect(projectPlan(planWith({ totalBudget: '250,000' })).comparison.budget).toBe(250_000);
    expect(project(check(planWith({ totalBudget: '' })).input).comparison.budget).toBe(100_000);
  });
});

// ---------------------------------------------------------------------------------------
// Markets by flight year.

describe('markets by flight year', () => {
  const flying = (start: string, changes: Partial<Plan> = {}) => big({ startDate: start, endDate: dayAfter(start, 27), ...changes });

  it('a 2020 plan reads the guide’s 26.5M U.S. users and its young age split', () => {
    const result = check(flying('2020-03-02'));
    expect(result.input.assumptions.universeUS).toBe(26_500_000);
    expect(result.ledger.find((a) => a.key === 'universeUS')?.value).toBe(26_500_000);
    expectClose(result.input.assumptions.ageShare13to17US, 0.2);
    expectClose(result.input.assumptions.ageShare18to24US, 0.5);
    const { audience } = project(check(flying('2020-03-02', { targeting: targeting({ ageBands: ['18-24'] }) })).input, { figuresOnly: true });
    expectClose(audience.universe, 26_500_000 * 0.5);
  });

  it.each([
    ['2024-01-08', 161_869_565],
    ['2023-06-05', Math.round(113_250_000 * (1 + 12 / 138))],
    ['2025-03-03', Math.round(135_790_000 * (1 + 12 / 138))],
    ['2019-06-03', 26_500_000],
  ])('a plan flying from %s reads %d U.S. users: the latest figure at or before its year, else the earliest', (start, users) => {
    const result = check(flying(start));
    expect(result.input.assumptions.universeUS).toBe(users);
    expect(project(result.input, { figuresOnly: true }).audience.universe).toBe(users);
  });

  it('the 2024 U.S. figure: DataReportal’s 148.92M adults plus teens at TikTok’s U.S. ratio', () => {
    expect(U).toBe(161_869_565);
    expect(A.ageShare13to17US).toBeCloseTo(12 / 150, 12);
    expect(A.ageShare18to24US).toBeCloseTo((1 - 12 / 150) * 0.307, 12);
  });

  it.each([
    ['KR', '2024-01-08', 4_898_510],
    ['KR', '2025-03-03', 4_898_510],
    ['JP', '2020-03-02', Math.round(13_000_000 * (1 + 12 / 138))],
    ['JP', '2024-01-08', Math.round(13_000_000 * (1 + 12 / 138))],
    ['JP', '2025-03-03', 42_000_000],
  ] as const)('%s from %s: %d users', (country, start, users) => {
    const result = check(flying(start, { targeting: targeting({ countries: [country] }) }));
    expect(result.input.assumptions[marketKey.universe(country)]).toBe(users);
    expect(project(result.input, { figuresOnly: true }).audience.universe).toBe(users);
  });

  it('narrows each market by its own age and gender shares', () => {
    const t = targeting({ countries: ['US', 'JP', 'GB'], ageBands: ['25-34'], gender: 'female' });
    expect([A.femaleShareUS, A.femaleShareJP, A.femaleShareGB]).toEqual([0.443, 0.6, 0.597]);
    const { audience } = figuresOf(big({ targeting: t }));
    const countries: Country[] = ['US', 'JP', 'GB'];
    expect(audience.byCountry.map((c) => c.country)).toEqual(countries);
    audience.byCountry.forEach((market, i) => {
      const c = countries[i] ?? 'US';
      expect(market.users).toBe(A[marketKey.universe(c)]);
      expectClose(market.share, shareIn(c, t));
      expectClose(market.universe, A[marketKey.universe(c)] * shareIn(c, t));
      expectClose(market.dailyUsers, A[marketKey.universe(c)] * A.dailyActiveShare);
    });
    expectClose(audience.universe, universeOf(t));
    expect(audience.market).toBe(A.universeUS + A.universeJP + A.universeGB);
  });

  it('caps a takeover guarantee at the market’s daily users: Indonesia’s rate card is above them', () => {
    const daily = Math.floor(A.universeID * A.dailyActiveShare);
    expect(A.takeoverImpressionsPerDayID).toBe(daily);
    expect(daily).toBeLessThan(94_605_000);
    expect(A.takeoverPricePerDayID).toBe(69_500);
    const line = item(big({ targeting: targeting({ countries: ['ID'] }), formats: [takeoverLine('1')] }));
    expectPoint(line.ranges.impressions, daily);
    expect(line.spend).toBe(69_500);
  });

  it('a 2020 takeover day reaches its 5,000,000 of the guide’s 26.5M users', () => {
    const result = check(flying('2020-03-02', { formats: [takeoverLine('2')] }));
    const line = onlyItem(project(result.input, { figuresOnly: true }));
    expectPoint(line.ranges.paidImpressions, 10_000_000);
    expectClose(line.reach, unitsReach(5_000_000, 2, A.takeoverRepeatShare, 26_500_000));
  });
});

// ---------------------------------------------------------------------------------------
// The trace.

/** Every line kind, alone in a plan. */
const TRACED: readonly { name: string; plan: Plan; keys: readonly TraceKey[] }[] = [
  { name: 'In-Feed CPM', plan: planWith({ formats: [inFeedLine('CPM', 60_000)] }), keys: ['budget', 'cpm', 'paidImpressions', 'sixSecondViews'] },
  { name: 'In-Feed CPC', plan: planWith({ formats: [inFeedLine('CPC', 8_000)] }), keys: ['budget', 'cpc', 'clicksBought', 'paidImpressions', 'sixSecondViews'] },
  { name: 'In-Feed CPV', plan: planWith({ formats: [inFeedLine('CPV', 8_000)] }), keys: ['budget', 'cpv', 'sixSecondViewsBought', 'paidImpressions', 'sixSecondViews'] },
  {
    name: 'Brand Takeover in two markets, narrowed',
    plan: big({ targeting: targeting({ countries: ['US', 'GB'], ageBands: ['18-24'] }), formats: [takeoverLine('3')] }),
    keys: ['days', 'pricePerDay', 'impressionsPerDay', 'paidImpressions', 'targetShare', 'dailyTargetReach', 'repeatShare', 'daysReach'],
  },
  {
    name: 'Hashtag Challenge with an extra day',
    plan: big({ formats: [formatLine('hashtag-challenge', '180000')] }),
    keys: ['budget', 'packagePrice', 'packageDays', 'dayPrice', 'days', 'extraDays', 'paidImpressions', 'submissions', 'earnedViews', 'earnedEngagements', 'emv', 'earnedReach', 'paidReach'],
  },
  {
    name: 'Hashtag Challenge Plus',
    plan: big({ formats: [formatLine('hashtag-challenge-plus', '250000')] }),
    keys: ['days', 'dayPrice', 'paidImpressions', 'submissions', 'earnedViews', 'emv', 'earnedReach'],
  },
  {
    name: 'Branded Effects counted in reach',
    plan: big({ earnedInReach: true, formats: [formatLine('branded-effects', '100000')] }),
    keys: ['days', 'paidImpressions', 'submissions', 'earnedViews', 'earnedTargetViews', 'emv', 'earnedReach', 'paidReach', 'independentShare'],
  },
  { name: 'a creator with measured views', plan: planWith({ creators: [creatorLine({ posts: '3' })] }), keys: ['posts', 'fee', 'viewsPerPost', 'views', 'targetShare', 'postsReach'] },
  {
    name: 'a creator estimated from fans, with an audience profile and Spark Ads',
    plan: big({ creators: [creatorLine({ avgViews: null, credibility: 0.8, audience: PROFILE, posts: '2', sparkBudget: '2,000' })] }),
    keys: ['fans', 'credibility', 'realFans', 'viewsPerPost', 'views', 'targetShare', 'sparkImpressions', 'sixSecondViews', 'postsReach', 'sparkReach', 'independentShare'],
  },
];

/** The figures every line item's trace names, and where the line item keeps them. */
const TRACED_FIGURES = [
  'spend',
  'impressions',
  'videoViews',
  'engagements',
  'clicks',
  'conversions',
  'revenue',
  'reach',
  'frequency',
  'universe',
  'targetImpressions',
] as const satisfies readonly TraceKey[];
const OPTIONAL_FIGURES = ['paidImpressions', 'sixSecondViews', 'submissions', 'earnedViews', 'earnedEngagements', 'emv', 'earnedReach'] as const satisfies readonly TraceKey[];

/** A computed step's value from the steps it names, by its rule; null for inputs, assumptions and audience shares. */
function byRule(step: TraceStep, value: (key: TraceKey) => number): number | null {
  const v = step.from.map(value);
  const [x = Number.NaN, y = Number.NaN, z = Number.NaN, w = Number.NaN] = v;
  switch (step.rule) {
    case 'product':
      return v.reduce((p, n) => p * n, 1);
    case 'quotient':
      return x / y;
    case 'perThousand':
      return (x / y) * 1000;
    case 'thousandths':
      return (x * y) / 1000;
    case 'sum':
      return v.reduce((s, n) => s + n, 0);
    case 'difference':
      return x - y;
    case 'wholeDays':
      return Math.floor(x / y + 1e-9);
    case 'saturation':
      return z * (1 - Math.exp((-y * x) / z));
    case 'nbd':
      return nbdReach(x, y, z);
    case 'units':
      return unitsReach(x, y, z, w);
    case 'combine':
      return combined(v.slice(0, -1), value('universe'), v.at(-1));
    default:
      return null;
  }
}

describe('the trace: the quantities every figure comes from', () => {
  it.each(TRACED.map((t) => [t.name, t] as const))('%s: holds the quantities its figures come from', (_, { plan, keys }) => {
    const line = item(plan);
    const traced = new Set(line.trace.map((s) => s.key));
    for (const key of [...TRACED_FIGURES, ...keys]) expect(traced, key).toContain(key);
  });

  it.each(TRACED.map((t) => [t.name, t] as const))('%s: every figure it names equals the line item’s figure', (_, { plan }) => {
    const { items, audience } = figuresOf(plan);
    const line = items[0];
    if (!line) throw new Error('no line item');
    const at = (key: TraceKey) => line.trace.find((s) => s.key === key)?.value;
    for (const key of [...TRACED_FIGURES, ...OPTIONAL_FIGURES]) {
      const value = at(key);
      if (value === undefined) continue;
      const figure = key === 'universe' ? audience.universe : key === 'targetImpressions' ? (line.frequency ?? 0) * line.reach : line[key];
      expectClose(value, figure ?? Number.NaN, 1e-9);
    }
    if (line.kind === 'creator') expectClose(at('sparkImpressions') ?? 0, line.paidImpressions);
  });

  it.each(TRACED.map((t) => [t.name, t] as const))('%s: every computed step recomputes from the steps it names, by its rule', (_, { plan }) => {
    const line = item(plan);
    const value = (key: TraceKey) => line.trace.find((s) => s.key === key)?.value ?? Number.NaN;
    const wrong: string[] = [];
    for (const step of line.trace) {
      const expected = byRule(step, value);
      if (expected === null) continue;
      if (!(Math.abs(step.value - expected) <= 1e-7 * Math.abs(expected) + 1e-9)) {
        wrong.push(`${step.key} = ${step.value}, but ${step.rule} of [${step.from.join(', ')}] = ${expected}`);
      }
      if (step.rule === 'combine' && step.detail) {
        const parts = step.from.filter((k) => k !== 'independentShare').map(value);
        expectClose(step.detail.largest, Math.max(...parts));
        expectClose(step.detail.sainsbury, sainsburyOf(parts, value('universe')));
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(TRACED.map((t) => [t.name, t] as const))('%s: every step comes from steps computed before it', (_, { plan }) => {
    const line = item(plan);
    const seen = new Set<TraceKey>();
    for (const step of line.trace) {
      for (const from of step.from) expect(seen, `${step.key} from ${from}`).toContain(from);
      seen.add(step.key);
    }
    expect(seen.size).toBe(line.trace.length);
  });

  it.each(TRACED.map((t) => [t.name, t] as const))('%s: every assumption it reads shows the ledger’s value', (_, { plan }) => {
    const input = validInput(plan);
    const line = onlyItem(project(input, { figuresOnly: true }));
    const single = line.trace.filter((s) => s.rule === 'assumption' && s.uses.length === 1);
    expect(single.length).toBeGreaterThan(0);
    for (const step of single) {
      const key = step.uses[0] as AssumptionKey;
      expect(step.value, step.key).toBe(input.assumptions[key]);
    }
  });

  it('shows an overridden assumption at its typed value', () => {
    const line = item(planWith({ formats: [inFeedLine('CPM', 60_000)], assumptionOverrides: { inFeedCpm: '12', clickThroughRate: '1.2' } }));
    const at = (key: TraceKey) => line.trace.find((s) => s.key === key)?.value;
    expect(at('cpm')).toBe(12);
    expect(at('clickThroughRate')).toBe(0.012);
    expectClose(at('paidImpressions'), 5_000_000);
    expectClose(at('clicks'), 60_000);
  });

  it('keeps participants’ videos out of the in-target impressions unless they are counted', () => {
    const at = (plan: Plan, key: TraceKey) => item(plan).trace.find((s) => s.key === key)?.value ?? Number.NaN;
    const apart = big({ formats: [formatLine('branded-effects', '100000')] });
    const counted = { ...apart, earnedInReach: true };
    expectClose(at(apart, 'targetImpressions'), at(apart, 'paidTargetImpressions'));
    expectClose(at(counted, 'targetImpressions'), at(counted, 'paidTargetImpressions') + at(counted, 'earnedTargetViews'));
    expectClose(at(counted, 'impressions'), at(counted, 'paidImpressions') + at(counted, 'earnedViews'));
  });
});
