/**
 * "How is this calculated?": the explanations render the model's trace (each line item's
 * `trace`, the plan's `reachTrace`) and the projection's figures, and compute nothing. The key
 * checks: every number an explanation writes is a number the trace, the projection or the
 * ledger holds, formatted as the explanation formats it; each explanation's value is the
 * figure shown; and its `uses` lists every assumption that moves the figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import { creatorLineFrom, IN_FEED_BUYING_MODELS, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../../src/domain/plan';
import { goalCost, project, SUMMED_METRICS, type Figures, type LineResult, type Projection, type Range, type RangedMetric } from '../../src/domain/projection';
import { nbdLogUnreached, reachShare, unitsLogUnreached } from '../../src/domain/reach';
import { traced, type TraceKey } from '../../src/domain/model/trace';
import { AGE_BANDS, COUNTRIES, GENDERS, GOALS, type Assumption, type AssumptionKey, type Goal } from '../../src/domain/types';
import type { PlanCheck } from '../../src/domain/validation';
import { assumptionUses, explainItem, explainTotals, rate, universeLine, type ExplainContext, type Explanation } from '../../src/features/projections/explain';
import { costPerResult, goalResult, type FigureKey } from '../../src/features/projections/goal';
import { headlineMetrics } from '../../src/features/projections/metrics';
import { rowCells, boughtText } from '../../src/features/projections/rows';
import { money, pct, times, unitCost, whole } from '../../src/lib/format';
import { check, creatorLine, defaultAssumptions, formatLine, planWith, takeoverLine } from './plan-fixtures';

const A = defaultAssumptions(2024);
const U = A.universeUS;

interface Explained {
  plan: Plan;
  check: PlanCheck;
  projection: Projection;
  context: ExplainContext;
}

/** `figuresOnly`: without the daily series, budget curve and format comparison, which no explanation reads. */
function explained(overrides: Partial<Plan>, figuresOnly = false): Explained {
  const plan = planWith({ totalBudget: '50000000', ...overrides });
  const result = check(plan);
  if (!result.isValid) throw new Error(`plan is invalid: ${JSON.stringify(result.errors)}`);
  const projection = project(result.input, { figuresOnly });
  const context: ExplainContext = {
    values: result.input.assumptions,
    assumptions: result.ledger,
    audience: projection.audience,
    targeting: plan.targeting,
    goal: plan.goal,
    sampleSize: projection.sample.size,
  };
  return { plan, check: result, projection, context };
}

function itemOf(p: Projection, name: string): LineResult {
  const found = p.items.find((i) => i.name === name);
  if (!found) throw new Error(`no line item ${name}`);
  return found;
}

function figure(list: readonly Explanation[], key: FigureKey): Explanation {
  const e = list.find((x) => x.key === key);
  if (!e) throw new Error(`no explanation of ${key}`);
  return e;
}

const keysOf = (list: readonly Explanation[]) => list.map((e) => e.key);

// ---------------------------------------------------------------------------------------
// Numbers in the text, and the numbers an explanation may write.

/** Formula text and labels whose digits are part of the wording, not figures. */
const FORMULAS = [
  'U × (1 − (1 + I ÷ (k × U))^−k)',
  'ceiling × (1 − e^(−rate × I ÷ ceiling))',
  'U × (1 − Π(1 − rᵢ ÷ U))',
  '× 1,000',
  '÷ 1,000',
  '6-second',
];

/** A number as the formats write it: 1,234,567.89 (a comma only between groups of three, so a sentence's comma isn't one). */
const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const TOKEN = new RegExp(`(-?\\$${NUMBER})|(-?${NUMBER}%)|(-?${NUMBER}×)|(-?${NUMBER})`, 'g');

type TokenKind = 'money' | 'percent' | 'times' | 'count';

/** The numbers written in a text, each with its kind. `notes` (words the trace and the plan hold) are taken out first. */
function numbersIn(text: string, notes: readonly string[]): { kind: TokenKind; text: string }[] {
  let rest = text;
  for (const n of [...notes].sort((a, b) => b.length - a.length)) rest = rest.split(n).join(' ');
  for (const f of FORMULAS) rest = rest.split(f).join(' ');
  // "+ 3 more": how many line items a sum doesn't name (checked on its own).
  rest = rest.replace(/\+ \d+ more/g, ' ');
  const out: { kind: TokenKind; text: string }[] = [];
  for (const m of rest.matchAll(TOKEN)) {
    const kind: TokenKind = m[1] ? 'money' : m[2] ? 'percent' : m[3] ? 'times' : 'count';
    out.push({ kind, text: m[0] });
  }
  return out;
}

/** The formats an explanation writes numbers in (see explain.ts and lib/format). */
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const FORMATS: Record<TokenKind, ((v: number) => string)[]> = {
  money: [(v) => money(v), (v) => unitCost(v)],
  percent: [(v) => rate(v), (v) => pct(v)],
  times: [(v) => times(v)],
  count: [(v) => whole(v), (v) => twoDecimals.format(v)],
};

type Allowed = Record<TokenKind, Set<string>>;

function formatted(values: Iterable<number>): Allowed {
  const out = { money: new Set<string>(), percent: new Set<string>(), times: new Set<string>(), count: new Set<string>() };
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    for (const kind of Object.keys(FORMATS) as TokenKind[]) for (const f of FORMATS[kind]) out[kind].add(f(v));
  }
  return out;
}

const RANGED: readonly RangedMetric[] = [...SUMMED_METRICS, 'reach', 'earnedReach'];
const rangeMid = (r: Range | null | undefined) => (r ? [r.mid] : []);

/** A line item's own numbers: its trace (with a combination's bounds) and its figures. */
function itemNumbers(item: LineResult, p: Projection, c: ExplainContext): number[] {
  return [
    ...item.trace.flatMap((s) => [s.value, ...(s.detail ? [s.detail.largest, s.detail.sainsbury] : [])]),
    item.spend,
    ...RANGED.map((k) => item[k]),
    ...(item.frequency === null ? [] : [item.frequency]),
    ...rangeMid(item.roi),
    ...rangeMid(item.roas),
    ...rangeMid(goalCost(item.spend, item.ranges, c.goal)),
    ...audienceNumbers(p),
  ];
}

function audienceNumbers(p: Projection): number[] {
  const a = p.audience;
  return [a.market, a.universe, a.demographicShare, ...a.byCountry.flatMap((m) => [m.users, m.share, m.universe])];
}

/** The plan's numbers: every line item's figures, the totals, how reach de-duplicates and the full cost. */
function totalsNumbers(p: Projection): number[] {
  const t = p.totals;
  const rt = t.reachTrace;
  const f = t.fullCost;
  return [
    ...p.items.flatMap((i) => [i.spend, ...RANGED.map((k) => i[k])]),
    t.spend,
    ...RANGED.map((k) => t[k]),
    ...(t.frequency === null ? [] : [t.frequency]),
    t.targetImpressions.mid,
    ...(t.cpm === null ? [] : [t.cpm]),
    ...rangeMid(t.engagementRate),
    ...rangeMid(t.costPerResult),
    ...rangeMid(t.roas),
    ...rangeMid(t.roi),
    rt.universe,
    rt.sainsbury,
    rt.largest,
    rt.independentShare,
    rt.reach,
    rt.share,
    rt.earnedShare,
    ...rt.items.map((i) => i.reach),
    f.media,
    f.creatorFees,
    f.agencyCommission,
    f.agencyCommissionRate,
    f.usageRights,
    f.whitelisting,
    f.production,
    f.net,
    f.tax,
    f.taxRate,
    f.gross,
    ...audienceNumbers(p),
  ];
}

/** Numbers written in an explanation's steps that are none of the `allowed` numbers as the explanation formats them. */
function strayNumbers(e: Explanation, allowed: Allowed, notes: readonly string[]): string[] {
  const stray: string[] = [];
  for (const step of e.steps) for (const n of numbersIn(step, notes)) if (!allowed[n.kind].has(n.text)) stray.push(`${n.text} in “${step}”`);
  return stray;
}

/** Every number each explanation of a projection writes that the trace, the projection and the ledger don't hold. */
function strayIn(p: Projection, c: ExplainContext): string[] {
  const values = Object.values(c.values);
  // The trace's own words (its notes) and the line items' names (handles may hold digits).
  const notes = [...new Set([...p.items.flatMap((i) => i.trace.flatMap((s) => (s.note ? [s.note] : []))), ...p.items.map((i) => i.name)])];
  const stray: string[] = [];
  for (const item of p.items) {
    const allowed = formatted([...itemNumbers(item, p, c), ...values]);
    for (const e of explainItem(item, c)) stray.push(...strayNumbers(e, allowed, notes).map((s) => `${item.name} ${e.key}: ${s}`));
  }
  const allowed = formatted([...totalsNumbers(p), ...values]);
  for (const e of explainTotals(p, c)) stray.push(...strayNumbers(e, allowed, notes).map((s) => `totals ${e.key}: ${s}`));
  return stray;
}

// ---------------------------------------------------------------------------------------
// Plans.

const inFeed = (budget: string, overrides: Partial<PlanFormatLine> = {}) => formatLine('in-feed', budget, overrides);
const zach = CREATORS.find((c) => c.handle === 'zachking');
if (!zach) throw new Error('@zachking is missing from the mock catalog');
/** A creator without measured views: views per post are fans × credibility × the creator view rate. */
const unmeasured = creatorLine({ handle: 'big', fans: 2_000_000, tier: 'mega', avgViews: null, engagementRate: null, credibility: 0.8, fee: '40000' });

/** Every kind of line item at once: In-Feed on CPM, a takeover, a package with an extra day, creators with and without measured views, Spark Ads. */
const rich = () =>
  explained({
    formats: [inFeed('250000'), takeoverLine('2'), formatLine('hashtag-challenge', '175000')],
    creators: [creatorLine(), { ...unmeasured, sparkBudget: '6500' }],
  });

// ---------------------------------------------------------------------------------------

const ITEM_KEYS: FigureKey[] = ['spend', 'impressions', 'reach', 'frequency', 'videoViews', 'sixSecondViews', 'engagements', 'clicks', 'conversions', 'revenue', 'roi', 'costPerResult'];
const EARNED_KEYS: FigureKey[] = ['submissions', 'earnedViews', 'earnedReach', 'earnedEngagements', 'emv'];

describe('which figures are explained', () => {
  const { projection, context } = rich();

  it.each([
    ['In-Feed Ads', ITEM_KEYS],
    ['Brand Takeover', ITEM_KEYS],
    // A creator's own posts have no 6-second view figure; Spark Ads (paid video) do.
    ['@maya.fit', ITEM_KEYS.filter((k) => k !== 'sixSecondViews')],
    ['@big', ITEM_KEYS],
    ['Hashtag Challenge', [...ITEM_KEYS.slice(0, 7), ...EARNED_KEYS, ...ITEM_KEYS.slice(7)]],
  ] as const)('%s: every figure of its row, and earned ones only for a package', (name, keys) => {
    expect(keysOf(explainItem(itemOf(projection, name), context)).sort()).toEqual([...keys].sort());
  });

  it('explains every headline figure of a plan with a package, earned ones included', () => {
    const cards = headlineMetrics(projection, context.goal).map((c) => c.key);
    expect(keysOf(explainTotals(projection, context)).sort()).toEqual([...cards].sort());
    expect(cards).toEqual(expect.arrayContaining([...EARNED_KEYS, 'sixSecondViews']));
  });

  it.each<[string, Partial<Plan>, FigureKey[], FigureKey[]]>([
    ['In-Feed Ads alone', { formats: [inFeed('60000')] }, ['sixSecondViews'], EARNED_KEYS],
    ['a takeover alone (no 6-second views)', { formats: [takeoverLine('2')] }, [], ['sixSecondViews', ...EARNED_KEYS]],
    ['creators alone', { creators: [creatorLine(), unmeasured] }, [], ['sixSecondViews', ...EARNED_KEYS]],
    ['a Branded Effects package', { formats: [formatLine('branded-effects', '100000')] }, EARNED_KEYS, ['sixSecondViews']],
  ])('%s: the plan’s figures, and only those', (_, overrides, shown, hidden) => {
    const e = explained(overrides);
    const keys = keysOf(explainTotals(e.projection, e.context));
    for (const k of shown) expect(keys).toContain(k);
    for (const k of hidden) expect(keys).not.toContain(k);
    expect(keys.sort()).toEqual(headlineMetrics(e.projection, e.context.goal).map((c) => c.key).sort());
  });
});

describe('what the steps say', () => {
  const { projection, context } = rich();
  const items = Object.fromEntries(projection.items.map((i) => [i.name, explainItem(i, context)]));
  const steps = (name: string, key: FigureKey) => figure(items[name] ?? [], key).steps;

  it('In-Feed on CPM: budget ÷ CPM × 1,000 = paid impressions', () => {
    expect(steps('In-Feed Ads', 'impressions')[0]).toBe('$250,000 budget ÷ $10.00 CPM × 1,000 = 25,000,000 paid impressions.');
  });

  it.each([
    [
      'CPC',
      [
        '$80,000 budget ÷ $0.80 CPC = 100,000 clicks bought.',
        '100,000 clicks bought ÷ 0.9% click-through rate = 11,111,111 paid impressions.',
        '11,111,111 impressions.',
      ],
    ],
    [
      'CPV',
      [
        '$80,000 budget ÷ $0.05 CPV = 1,600,000 6-second views bought.',
        '1,600,000 6-second views bought ÷ 20% 6-second view rate = 8,000,000 paid impressions (video plays).',
        '8,000,000 impressions.',
      ],
    ],
  ] as const)('In-Feed on %s: what the budget buys, then the impressions that deliver it', (buyingModel, expected) => {
    const e = explained({ formats: [inFeed('80000', { buyingModel })] });
    expect(figure(explainItem(e.projection.items[0] as LineResult, e.context), 'impressions').steps).toEqual([...expected]);
  });

  it('reach on the negative-binomial curve, with I, U and k written in', () => {
    const reach = steps('In-Feed Ads', 'reach');
    const expected = reachShare(nbdLogUnreached(25_000_000, U, A.reachCurveShape)) * U;
    expect(reach[0]).toBe(universeLine(projection.audience));
    expect(reach).toContain(
      `On the negative-binomial curve, U × (1 − (1 + I ÷ (k × U))^−k) with I = 25,000,000 in-target impressions, U = ${whole(U)}, k = 1: ${whole(expected)} people reached by the paid delivery.`,
    );
    expect(itemOf(projection, 'In-Feed Ads').reach).toBeCloseTo(expected, 3);
  });

  it('Brand Takeover: days × the day’s price, days × the day’s guaranteed impressions', () => {
    expect(steps('Brand Takeover', 'spend')).toEqual(['2 days × $50,000 a day = $100,000 spend.']);
    expect(steps('Brand Takeover', 'impressions')[0]).toBe('2 days × 5,000,000 impressions a day = 10,000,000 paid impressions.');
  });

  it('Brand Takeover reach: beta-binomial over its days, each day’s in-target people, the repeat share', () => {
    const expected = reachShare(unitsLogUnreached(5_000_000 / U, 2, A.takeoverRepeatShare)) * U;
    expect(steps('Brand Takeover', 'reach')).toContain(
      `Beta-binomial over 2 days: each reaches 5,000,000 in-target people a day, and 60% of its viewers saw the one before, so each adds fewer new people: ${whole(expected)} people reached over the days.`,
    );
    expect(itemOf(projection, 'Brand Takeover').reach).toBeCloseTo(expected, 3);
  });

  it('a package: the package’s day price, budget ÷ day price = whole days, days × day price = spend', () => {
    expect(steps('Hashtag Challenge', 'spend')).toEqual([
      '$150,000 package ÷ 6 package days = $25,000 a day.',
      '$175,000 budget ÷ $25,000 a day = 7 whole days.',
      '7 days × $25,000 a day = $175,000 spend.',
    ]);
    expect(steps('Hashtag Challenge', 'impressions')).toContain('$175,000 spend ÷ $20.00 CPM × 1,000 = 8,750,000 paid impressions.');
  });

  it('a package’s submissions saturate toward the ceiling of the targeted markets’ users', () => {
    const cap = A.maxParticipationShare * U;
    const submissions = cap * -Math.expm1((-A.ugcSubmissionRate * 8_750_000) / cap);
    const s = steps('Hashtag Challenge', 'submissions');
    expect(s).toContain(`${whole(U)} users in the targeted markets × 2% at most taking part = ${whole(cap)} participation ceiling.`);
    expect(s.at(-1)).toBe(
      `Participation saturates: ceiling × (1 − e^(−rate × I ÷ ceiling)) with I = 8,750,000 paid impressions, rate ${rate(A.ugcSubmissionRate)}, ceiling ${whole(cap)} people: ${whole(submissions)} videos made.`,
    );
    expect(itemOf(projection, 'Hashtag Challenge').submissions).toBeCloseTo(submissions, 6);
    expect(steps('Hashtag Challenge', 'earnedViews').at(-1)).toBe(
      `${whole(submissions)} videos made × 1,690 views a video = ${whole(submissions * A.viewsPerSubmission)} earned views.`,
    );
  });

  it('a creator without measured views: fans × credibility × the creator view rate', () => {
    expect(steps('@big', 'impressions').slice(0, 3)).toEqual([
      '2,000,000 fans × 80% real followers = 1,600,000 real followers.',
      `1,600,000 real followers × ${rate(A.creatorViewRate)} creator view rate = ${whole(1_600_000 * A.creatorViewRate)} views a post.`,
      `2 posts × ${whole(1_600_000 * A.creatorViewRate)} views a post = ${whole(3_200_000 * A.creatorViewRate)} views.`,
    ]);
  });

  it('a creator’s reach: beta-binomial over the posts', () => {
    const expected = reachShare(unitsLogUnreached(8_000 / U, 2, A.creatorRepeatOverlap)) * U;
    expect(steps('@maya.fit', 'reach')).toContain(
      `Beta-binomial over 2 posts: each reaches 8,000 in-target viewers a post, and 50% of its viewers saw the one before, so each adds fewer new people: ${whole(expected)} people reached by the posts.`,
    );
  });

  it('combines a creator’s posts and Spark Ads: the largest + D × (as if independent − the largest)', () => {
    const item = itemOf(projection, '@big');
    const perPost = 1_600_000 * A.creatorViewRate;
    const posts = reachShare(unitsLogUnreached(perPost / U, 2, A.creatorRepeatOverlap)) * U;
    const spark = reachShare(nbdLogUnreached((6500 / A.sparkCpm) * 1000, U, A.reachCurveShape)) * U;
    const largest = Math.max(posts, spark);
    const sainsbury = U * (1 - (1 - posts / U) * (1 - spark / U));
    const combined = largest + A.duplicationFactor * (sainsbury - largest);
    expect(steps('@big', 'reach').at(-1)).toBe(
      `${whole(posts)} people reached by the posts and ${whole(spark)} people reached by Spark Ads combined: the largest (${whole(largest)}) + 85% × (${whole(sainsbury)} as if independent − the largest) = ${whole(combined)} people reached.`,
    );
    expect(item.reach).toBeCloseTo(combined, 3);
  });

  it('combines the line items the same way for the plan’s reach', () => {
    const reach = figure(explainTotals(projection, context), 'reach');
    const rt = projection.totals.reachTrace;
    const reaches = projection.items.map((i) => i.reach);
    const largest = Math.max(...reaches);
    const sainsbury = U * (1 - reaches.reduce((acc, r) => acc * (1 - r / U), 1));
    expect(rt.largest).toBe(largest);
    expect(rt.sainsbury).toBeCloseTo(sainsbury, 3);
    expect(projection.totals.reach).toBeCloseTo(largest + A.duplicationFactor * (sainsbury - largest), 3);
    expect(reach.steps).toContain(
      `Line items share heavy users, so the plan gets 85% of the difference: ${whole(largest)} + 85% × (${whole(rt.sainsbury)} − ${whole(largest)}) = ${whole(projection.totals.reach)} people, ${rate(projection.totals.reach / U)} of the audience.`,
    );
  });

  it('a creator’s spend is posts × fee (+ Spark Ads)', () => {
    expect(steps('@maya.fit', 'spend')).toEqual(['2 posts × $800 fee a post = $1,600 creator fees.', '$1,600 spend.']);
    expect(steps('@big', 'spend')).toEqual([
      '2 posts × $40,000 fee a post = $80,000 creator fees.',
      '$80,000 creator fees + $6,500 Spark Ads budget = $86,500 spend.',
    ]);
  });

  it('with participants’ videos counted, a package’s reach combines its paid delivery and its earned reach', () => {
    const counted = explained({ formats: [formatLine('hashtag-challenge', '150000')], earnedInReach: true });
    const item = counted.projection.items[0] as LineResult;
    const last = figure(explainItem(item, counted.context), 'reach').steps.at(-1);
    expect(last).toMatch(/^[\d,]+ people reached by the paid delivery and [\d,]+ people reached by participants’ videos combined: the largest \([\d,]+\) \+ 85% × \([\d,]+ as if independent − the largest\) = [\d,]+ people reached\.$/);
    expect(last?.endsWith(`= ${whole(item.reach)} people reached.`)).toBe(true);
  });

  it('lists each line item for the totals, largest first, four named and the rest counted', () => {
    const many = explained({ formats: [inFeed('60000')], creators: CREATORS.slice(0, 6).map((c) => creatorLineFrom(c)) });
    const spend = figure(explainTotals(many.projection, many.context), 'spend');
    const sorted = [...many.projection.items].sort((a, b) => b.spend - a.spend);
    expect(spend.steps).toEqual([
      `Sum of the line items: ${sorted
        .slice(0, 4)
        .map((i) => `${i.name} ${money(i.spend)}`)
        .join(' + ')} + 3 more = ${money(many.projection.totals.spend)}.`,
    ]);
  });

  it('puts every step after the steps it is computed from (the trace is in the order the model computes)', () => {
    for (const item of projection.items) {
      const seen = new Set<TraceKey>();
      const late: string[] = [];
      for (const s of item.trace) {
        for (const from of s.from) if (!seen.has(from)) late.push(`${s.key} before ${from}`);
        seen.add(s.key);
      }
      expect(late, item.name).toEqual([]);
    }
  });
});

describe('each explanation’s value is the figure shown', () => {
  const { projection, context } = rich();
  const cards = headlineMetrics(projection, context.goal);

  it.each(cards.map((c) => [c.key, c.value] as const))('totals %s: the headline card’s %s', (key, value) => {
    expect(figure(explainTotals(projection, context), key).value).toBe(value);
  });

  const TRACED: { key: FigureKey & TraceKey & ('spend' | 'frequency' | RangedMetric); format: (n: number) => string }[] = [
    { key: 'spend', format: money },
    { key: 'revenue', format: money },
    { key: 'emv', format: money },
    { key: 'frequency', format: times },
    ...(['impressions', 'reach', 'videoViews', 'sixSecondViews', 'engagements', 'submissions', 'earnedViews', 'earnedReach', 'earnedEngagements', 'clicks', 'conversions'] as const).map((key) => ({ key, format: whole })),
  ];

  it.each(projection.items.map((i) => [i.name, i] as const))('%s: the row’s figures, the trace’s value, the last step’s result', (_, item) => {
    const list = explainItem(item, context);
    for (const { key, format } of TRACED) {
      const e = list.find((x) => x.key === key);
      if (!e) continue;
      const shown = key === 'frequency' ? (item.frequency ?? 0) : item[key];
      expect(e.value, key).toBe(format(shown));
      // What the steps compute is the figure: the trace's own value.
      expect(traced(item.trace, key), key).toBeCloseTo(shown, 6);
      if (format === whole) expect(e.steps.at(-1), key).toContain(e.value);
    }
    // The row's cells: spend, reach, impressions, engagements, conversions.
    const cells = rowCells(item, context.goal, boughtText(item));
    expect([cells[0], cells[2], cells[3], cells[4], cells[5]].map((c) => c?.value)).toEqual(
      (['spend', 'reach', 'impressions', 'engagements', 'conversions'] as const).map((k) => figure(list, k).value),
    );
    expect(figure(list, 'roi').value).toBe(pct(item.roi?.mid ?? null));
    expect(figure(list, 'costPerResult').value).toBe(unitCost(costPerResult(item, context.goal)?.mid ?? null));
  });
});

describe('the assumptions each figure uses', () => {
  it.each([
    ['In-Feed Ads', 'reach', ['inFeedCpm', 'universeUS', 'reachCurveShape']],
    ['In-Feed Ads', 'impressions', ['inFeedCpm']],
    ['In-Feed Ads', 'clicks', ['inFeedCpm', 'clickThroughRate']],
    ['In-Feed Ads', 'revenue', ['inFeedCpm', 'clickThroughRate', 'conversionRate', 'averageOrderValue']],
    ['Brand Takeover', 'spend', ['takeoverPricePerDayUS']],
    ['Brand Takeover', 'reach', ['takeoverImpressionsPerDayUS', 'universeUS', 'takeoverRepeatShare']],
    ['Hashtag Challenge', 'submissions', ['challengePackagePrice', 'challengeCpm', 'universeUS', 'maxParticipationShare', 'ugcSubmissionRate']],
    ['Hashtag Challenge', 'emv', ['challengePackagePrice', 'challengeCpm', 'universeUS', 'maxParticipationShare', 'ugcSubmissionRate', 'viewsPerSubmission', 'emvCpm']],
    ['@big', 'videoViews', ['creatorViewRate', 'sparkCpm']],
    ['@maya.fit', 'impressions', []],
    ['@maya.fit', 'engagements', []],
  ] as const)('%s %s uses %j', (name, key, uses) => {
    const { projection, context } = rich();
    expect(figure(explainItem(itemOf(projection, name), context), key).uses).toEqual([...uses]);
  });

  it('a creator without measured views uses the creator view rate, and the tier’s rate without a measured one', () => {
    const { projection, context } = explained({ creators: [unmeasured] });
    const list = explainItem(projection.items[0] as LineResult, context);
    expect(figure(list, 'impressions').uses).toEqual(['creatorViewRate']);
    expect(figure(list, 'engagements').uses).toEqual(['creatorViewRate', 'engagementRateMega']);
  });

  /** The figure an explanation is about, as a number (its central value). */
  const figureValue = (f: Figures, key: FigureKey, goal: Goal): number | null => {
    switch (key) {
      case 'engagementRate':
      case 'roas':
      case 'roi':
        return f[key]?.mid ?? null;
      case 'costPerResult':
        return goalCost(f.spend, f.ranges, goal)?.mid ?? null;
      default:
        return f[key];
    }
  };

  /** An assumption's value as the user types an override (percent for shares). */
  const typed = (a: Assumption, value: number) => (a.unit === 'fraction' ? (value * 100).toFixed(10) : value.toFixed(6));

  // A narrowed audience too, so the age and gender assumptions are in play.
  const base = explained({
    targeting: { countries: ['US', 'GB'], ageBands: ['18-24', '25-34'], gender: 'female' },
    formats: [inFeed('250000'), takeoverLine('2'), formatLine('hashtag-challenge', '175000')],
    creators: [creatorLine(), { ...unmeasured, sparkBudget: '6500' }],
  });
  const moved = base.check.ledger
    .filter((a) => a.value > 0 && (a.country === undefined || base.plan.targeting.countries.includes(a.country)))
    .map((a) => {
      const m = explained({ ...base.plan, assumptionOverrides: { [a.key]: typed(a, a.value * 0.8) } }, true);
      return { key: a.key, projection: m.projection, context: m.context };
    });
  const movers = (value: (p: Projection) => number | null): AssumptionKey[] => {
    const at = value(base.projection) ?? 0;
    return moved.filter((m) => Math.abs((value(m.projection) ?? 0) - at) > 1e-9 * Math.max(1, Math.abs(at))).map((m) => m.key);
  };

  const itemFigures = base.projection.items.flatMap((item, i) =>
    explainItem(item, base.context).map((e) => [item.name, e.key, i, e.uses] as const),
  );
  it.each(itemFigures)('%s %s lists every assumption that moves it', (_, key, i, uses) => {
    const read = (p: Projection) => {
      const item = p.items[i];
      return item ? figureValue(item, key, base.plan.goal) : null;
    };
    expect(movers(read).filter((k) => !uses.includes(k))).toEqual([]);
  });

  const totalsFigures = explainTotals(base.projection, base.context).map((e) => [e.key, e.uses] as const);
  it.each(totalsFigures)('totals %s lists every assumption that moves it', (key, uses) => {
    const read = (p: Projection) => figureValue(p.totals, key, base.plan.goal);
    expect(movers(read).filter((k) => !uses.includes(k))).toEqual([]);
  });

  it('lists each with its value in use, source and published range; marks overrides', () => {
    const { context } = explained({ assumptionOverrides: { clickThroughRate: '1.8' } });
    const uses = assumptionUses(['clickThroughRate', 'averageOrderValue', 'universeUS'], context);
    const ctr = context.assumptions.find((a) => a.key === 'clickThroughRate');
    expect(uses[0]).toEqual({
      key: 'clickThroughRate',
      label: ctr?.label,
      value: '1.8%',
      source: `${ctr?.source.name} (${ctr?.source.date})`,
      range: '0.6%–1.2%',
      overridden: true,
    });
    expect(uses[1]).toMatchObject({ key: 'averageOrderValue', value: `$${A.averageOrderValue}`, overridden: false, range: null });
    expect(uses[2]).toMatchObject({ key: 'universeUS', overridden: false });
  });
});

describe('an explanation writes only numbers the trace, the projection and the ledger hold', () => {
  it('for a plan with every kind of line item', () => {
    const { projection, context } = rich();
    expect(strayIn(projection, context)).toEqual([]);
  });

  it('for a narrowed audience in two markets, with participants’ videos counted and a sales goal', () => {
    const { projection, context } = explained({
      goal: 'sales',
      earnedInReach: true,
      targeting: { countries: ['US', 'KR'], ageBands: ['18-24', '25-34'], gender: 'female' },
      formats: [inFeed('60000', { buyingModel: 'CPC' }), takeoverLine('3'), formatLine('hashtag-challenge-plus', '240000')],
      creators: [creatorLineFrom(zach), { ...unmeasured, sparkBudget: '5000' }],
      costs: { agencyCommission: '15', usageRights: '2000', whitelisting: '', production: '5000', tax: '8.25' },
    });
    expect(strayIn(projection, context)).toEqual([]);
  });

  it('catches a number an explanation would compute itself', () => {
    const { projection, context } = rich();
    const item = itemOf(projection, 'In-Feed Ads');
    const allowed = formatted([...itemNumbers(item, projection, context), ...Object.values(context.values)]);
    const made: Explanation = { ...figure(explainItem(item, context), 'clicks'), steps: ['25,000,000 paid impressions × 0.9% click-through rate = 225,001 clicks.'] };
    expect(strayNumbers(made, allowed, [])).toEqual(['225,001 in “25,000,000 paid impressions × 0.9% click-through rate = 225,001 clicks.”']);
  });

  const creatorArb = fc.record({
    index: fc.integer({ min: 0, max: CREATORS.length - 1 }),
    posts: fc.integer({ min: 1, max: 4 }),
    spark: fc.option(fc.integer({ min: 100, max: 20_000 }), { nil: null, freq: 3 }),
  });
  const planArb = fc.record({
    countries: fc.subarray([...COUNTRIES], { minLength: 1, maxLength: 3 }),
    ageBands: fc.subarray([...AGE_BANDS], { minLength: 1 }),
    gender: fc.constantFrom(...GENDERS),
    goal: fc.constantFrom(...GOALS),
    earnedInReach: fc.boolean(),
    inFeed: fc.option(fc.record({ budget: fc.integer({ min: 6_000, max: 500_000 }), model: fc.constantFrom(...IN_FEED_BUYING_MODELS) }), { nil: null }),
    takeover: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    challenge: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    plus: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    effects: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    creators: fc.uniqueArray(creatorArb, { maxLength: 4, selector: (c) => c.index }),
  });

  it('for random plans (property)', () => {
    fc.assert(
      fc.property(planArb, (r) => {
        const formats: PlanFormatLine[] = [];
        if (r.inFeed) formats.push(inFeed(String(r.inFeed.budget), { buyingModel: r.inFeed.model }));
        if (r.takeover !== null) formats.push(takeoverLine(String(r.takeover)));
        if (r.challenge !== null) formats.push(formatLine('hashtag-challenge', String(150_000 + r.challenge)));
        if (r.plus !== null) formats.push(formatLine('hashtag-challenge-plus', String(200_000 + r.plus)));
        if (r.effects !== null) formats.push(formatLine('branded-effects', String(100_000 + r.effects)));
        const creators: PlanCreatorLine[] = r.creators.map((c) => {
          const from = CREATORS[c.index];
          if (!from) throw new Error('no creator');
          return { ...creatorLineFrom(from), posts: String(c.posts), sparkBudget: c.spark === null ? '' : String(c.spark) };
        });
        fc.pre(formats.length + creators.length > 0);
        const targeting = { countries: r.countries, ageBands: r.ageBands, gender: r.gender };
        const { projection, context } = explained({ goal: r.goal, earnedInReach: r.earnedInReach, targeting, formats, creators }, true);
        expect(strayIn(projection, context)).toEqual([]);
        // Each headline card is explained, at the value it shows.
        const totals = explainTotals(projection, context);
        for (const card of headlineMetrics(projection, r.goal, r.earnedInReach)) {
          const has = card.key !== 'submissions' || projection.totals.ranges.submissions.high > 0;
          if (has) expect(figure(totals, card.key).value, card.key).toBe(card.value);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('goal results', () => {
  it.each([
    ['awareness', 'Cost per 1,000 reached', 1000],
    ['engagement', 'Cost per engagement', 1],
    ['ugc', 'Cost per video submission', 1],
    ['app-installs', 'Cost per install', 1],
    ['sales', 'Cost per conversion (CPA)', 1],
  ] as const)('%s is costed as "%s"', (goal, label, per) => {
    expect(goalResult(goal)).toMatchObject({ costLabel: label, per });
  });

  it('costs spend ÷ result, the low cost from the high result; none without a result', () => {
    const withEngagements = (engagements: Range) => ({
      spend: 1000,
      ranges: { ...(Object.fromEntries(RANGED.map((k) => [k, { low: 0, mid: 0, high: 0 }])) as Record<RangedMetric, Range>), engagements },
    });
    expect(costPerResult(withEngagements({ low: 50, mid: 100, high: 200 }), 'engagement')).toEqual({ low: 5, mid: 10, high: 20 });
    expect(costPerResult(withEngagements({ low: 0, mid: 0, high: 0 }), 'engagement')).toBeNull();
  });
});
