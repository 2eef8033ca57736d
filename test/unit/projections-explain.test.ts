import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { CREATORS } from '../../mocks/data/creators';
import { creatorLineFrom, formatLine, newPlan, type Plan } from '../../src/domain/plan';
import { project, SUMMED_METRICS, type LineResult, type Range, type RangedMetric } from '../../src/domain/projection';
import { reachFromImpressions } from '../../src/domain/reach';
import { validatePlan } from '../../src/domain/validation';
import {
  assumptionUses,
  audienceKeys,
  creatorPostReach,
  explainItem,
  explainTotals,
  rate,
  universeLine,
  type ExplainContext,
  type Explanation,
} from '../../src/features/projections/explain';
import { costPerResult, goalResult } from '../../src/features/projections/goal';
import { whole } from '../../src/lib/format';
import { valuesOf } from '../../src/domain/scenarios';

const DEFAULTS = valuesOf(ASSUMPTIONS);

function planWith(overrides: Partial<Plan>): Plan {
  return { ...newPlan('explain', new Date(2027, 0, 1)), totalBudget: '5000000', ...overrides };
}

function run(plan: Plan) {
  const check = validatePlan(plan, AD_FORMATS, ASSUMPTIONS);
  expect(check.errors).toEqual({});
  const projection = project(check.input);
  const context: ExplainContext = {
    values: check.input.assumptions,
    assumptions: ASSUMPTIONS,
    audience: projection.audience,
    targeting: plan.targeting,
    goal: plan.goal,
    sampleSize: projection.sample.size,
    creators: new Map(plan.creators.map((c) => [c.handle, c])),
  };
  return { projection, context };
}

function figure(list: Explanation[], key: Explanation['key']): Explanation {
  const e = list.find((x) => x.key === key);
  if (!e) throw new Error(`no explanation of ${key}`);
  return e;
}

const zach = CREATORS.find((c) => c.handle === 'zachking');
if (!zach) throw new Error('@zachking is missing from the mock catalog');

describe('explainItem: ad formats', () => {
  const { projection, context } = run(planWith({ formats: [formatLine('in-feed', '250000')] }));
  const item = projection.items[0] as LineResult;
  const figures = explainItem(item, context);

  it('writes the CPM purchase out with the plan’s budget and price', () => {
    const impressions = figure(figures, 'impressions');
    expect(impressions.steps).toEqual(['$250,000 ÷ $10.00 CPM × 1,000 = 25,000,000 impressions.']);
    expect(impressions.value).toBe('25,000,000');
    expect(impressions.range).toBe('Exact: bought at a fixed price, no range.');
    expect(impressions.uses).toEqual(['inFeedCpm']);
  });

  it('shows reach on the negative-binomial curve with U, I and k substituted, equal to the figure shown', () => {
    const reach = figure(figures, 'reach');
    const U = DEFAULTS.universeUS;
    const expected = reachFromImpressions(25_000_000, U, DEFAULTS.reachCurveShape);
    expect(reach.steps[0]).toBe(universeLine(projection.audience));
    expect(reach.steps).toContain(
      `Paid: U × (1 − (1 + I ÷ (k × U))^−k) with I = 25,000,000 in-target impressions, k = 1: ${whole(U)} × (1 − (1 + 25,000,000 ÷ (1 × ${whole(U)}))^−1) = ${whole(expected)} people.`,
    );
    expect(item.reach).toBeCloseTo(expected, 3);
    expect(reach.note).toBeNull();
    expect(reach.uses).toEqual(expect.arrayContaining(['inFeedCpm', 'universeUS', 'reachCurveShape']));
  });

  it('chains clicks, conversions and revenue through the default rates', () => {
    const clicks = 25_000_000 * DEFAULTS.clickThroughRate;
    const conversions = clicks * DEFAULTS.conversionRate;
    expect(figure(figures, 'clicks').steps).toEqual([
      `25,000,000 paid impressions × ${rate(DEFAULTS.clickThroughRate)} click-through rate = ${whole(clicks)} clicks.`,
    ]);
    expect(figure(figures, 'conversions').steps).toEqual([
      `${whole(clicks)} clicks × ${rate(DEFAULTS.conversionRate)} conversion rate = ${whole(conversions)} conversions.`,
    ]);
    expect(figure(figures, 'conversions').uses).toEqual(['clickThroughRate', 'conversionRate']);
    expect(figure(figures, 'revenue').uses).toEqual(['clickThroughRate', 'conversionRate', 'averageOrderValue']);
    expect(figure(figures, 'conversions').range).toMatch(/^Range \(P10–P90 of 81 scenarios\): [\d,.]+K?–[\d,.]+K?\.$/);
  });

  it('says why a P50 differs from the formula at the default rates', () => {
    const central = 25_000_000 * DEFAULTS.clickThroughRate * DEFAULTS.conversionRate;
    const lowered = { ...item, conversions: central * 0.9 };
    const note = figure(explainItem(lowered, context), 'conversions').note;
    expect(note).toContain(`Shown: ${whole(central * 0.9)}, the median of 81 scenarios`);
    expect(note).toContain(`It is lower than ${whole(central)} at the default rates`);
    const same = { ...item, conversions: central };
    expect(figure(explainItem(same, context), 'conversions').note).toBeNull();
  });

  it('explains the goal’s cost per result', () => {
    const cost = figure(figures, 'costPerResult');
    expect(cost.label).toBe('Cost per 1,000 reached');
    expect(cost.steps[0]).toMatch(/^\$250,000 ÷ [\d,]+ reach × 1,000 = \$\d+\.\d\d\.$/);
  });

  it('turns CPC clicks and CPV views into impressions', () => {
    const cpc = run(planWith({ formats: [{ ...formatLine('in-feed', '80000'), buyingModel: 'CPC' }] }));
    const cpcSteps = figure(explainItem(cpc.projection.items[0] as LineResult, cpc.context), 'impressions').steps;
    const bought = 80_000 / DEFAULTS.inFeedCpc;
    expect(cpcSteps[0]).toBe(`$80,000 ÷ $${DEFAULTS.inFeedCpc.toFixed(2)} CPC = ${whole(bought)} clicks bought.`);
    expect(cpcSteps[1]).toBe(`${whole(bought)} clicks ÷ ${rate(DEFAULTS.clickThroughRate)} click-through rate = ${whole(bought / DEFAULTS.clickThroughRate)} impressions.`);
    const cpv = run(planWith({ formats: [{ ...formatLine('in-feed', '60000'), buyingModel: 'CPV' }] }));
    const cpvSteps = figure(explainItem(cpv.projection.items[0] as LineResult, cpv.context), 'impressions').steps;
    expect(cpvSteps[1]).toContain(`6-second views ÷ ${rate(DEFAULTS.sixSecondViewRate)} 6-second view rate`);
  });

  it('counts Brand Takeover in days of guaranteed impressions', () => {
    const { projection: p, context: c } = run(planWith({ formats: [{ ...formatLine('brand-takeover', '2'), category: 'Travel' }] }));
    const figures2 = explainItem(p.items[0] as LineResult, c);
    expect(figure(figures2, 'spend').steps).toEqual([`2 days × $${whole(DEFAULTS.takeoverPricePerDay)} a day = $${whole(2 * DEFAULTS.takeoverPricePerDay)}.`]);
    expect(figure(figures2, 'impressions').steps).toEqual([
      `2 days × ${whole(DEFAULTS.takeoverImpressionsPerDay)} guaranteed impressions a day = ${whole(2 * DEFAULTS.takeoverImpressionsPerDay)} impressions.`,
    ]);
  });

  it('adds participants’ videos for a hashtag challenge, with submissions and earned media value', () => {
    const { projection: p, context: c } = run(planWith({ formats: [formatLine('hashtag-challenge', '150000')] }));
    const figures2 = explainItem(p.items[0] as LineResult, c);
    const paid = (150_000 / DEFAULTS.challengeCpm) * 1000;
    const submissions = paid * DEFAULTS.ugcSubmissionRate;
    expect(figure(figures2, 'submissions').steps).toEqual([
      `${whole(paid)} paid impressions × ${rate(DEFAULTS.ugcSubmissionRate)} UGC submission rate = ${whole(submissions)} videos.`,
    ]);
    expect(figure(figures2, 'impressions').steps[1]).toContain(`${whole(submissions)} submissions × ${whole(DEFAULTS.viewsPerSubmission)} views each`);
    expect(figure(figures2, 'reach').steps.at(-1)).toMatch(/^Combined \(as if independent\)/);
    expect(figure(figures2, 'emv').uses[0]).toBe('emvCpm');
    expect(figure(figures2, 'clicks').steps).toEqual(['Hashtag Challenge has no link to click: no clicks.']);
  });
});

describe('explainItem: creators', () => {
  const line = { ...creatorLineFrom(zach), posts: '2', fee: '62500' };
  const { projection, context } = run(planWith({ creators: [line] }));
  const item = projection.items[0] as LineResult;
  const figures = explainItem(item, context);
  const perPost = zach.fans * DEFAULTS.creatorViewRate;

  it('derives views per post from fans when the catalog has no measured views', () => {
    expect(zach.avgViews).toBeNull();
    const impressions = figure(figures, 'impressions');
    expect(impressions.steps).toEqual([
      `${whole(zach.fans)} fans × ${rate(DEFAULTS.creatorViewRate)} creator view rate = ${whole(perPost)} views per post (the catalog has no measured views).`,
      `2 posts × ${whole(perPost)} = ${whole(2 * perPost)} views.`,
    ]);
    expect(impressions.uses).toEqual(['creatorViewRate']);
    expect(figure(figures, 'spend').steps).toEqual(['2 posts × $62,500 fee = $125,000.']);
  });

  it('explains reach over several posts with the beta-binomial curve and the repeat overlap', () => {
    const reach = figure(figures, 'reach');
    const U = projection.audience.universe;
    const one = creatorPostReach(perPost, 1, U, DEFAULTS.creatorRepeatOverlap);
    const two = creatorPostReach(perPost, 2, U, DEFAULTS.creatorRepeatOverlap);
    expect(one).toBeCloseTo(perPost, 0);
    expect(two).toBeLessThan(2 * one);
    expect(reach.steps.join(' ')).toContain(`Beta-binomial over 2 posts: 1 post reaches ${whole(one)} people`);
    expect(reach.steps.join(' ')).toContain(`post 2 +${whole(two - one)}`);
    expect(reach.steps).toContain(`2 posts reach ${whole(two)} people.`);
    expect(item.reach).toBeCloseTo(two, 0);
    expect(reach.uses).toEqual(expect.arrayContaining(['creatorViewRate', 'creatorRepeatOverlap', 'universeUS']));
  });

  it('names the tier benchmark when the creator has no measured engagement rate', () => {
    const engagements = figure(figures, 'engagements');
    expect(engagements.steps[0]).toBe(
      `${whole(2 * perPost)} views × ${rate(DEFAULTS.engagementRateMega)} the mega-tier benchmark (no measured rate) = ${whole(2 * perPost * DEFAULTS.engagementRateMega)}.`,
    );
    expect(engagements.uses).toEqual(['creatorViewRate', 'engagementRateMega']);
  });

  it('adds Spark Ads impressions and reach', () => {
    const { projection: p, context: c } = run(planWith({ creators: [{ ...line, sparkBudget: '6500' }] }));
    const figures2 = explainItem(p.items[0] as LineResult, c);
    const spark = (6500 / DEFAULTS.sparkCpm) * 1000;
    expect(figure(figures2, 'impressions').steps[2]).toBe(`Spark Ads: $6,500 ÷ $${DEFAULTS.sparkCpm.toFixed(2)} CPM × 1,000 = ${whole(spark)} paid impressions.`);
    expect(figure(figures2, 'reach').steps.at(-1)).toMatch(/^Combined: U × \(1 − \(1 − [\d,]+ ÷ U\) × \(1 − [\d,]+ ÷ U\)\) = [\d,]+ people\.$/);
    expect(figure(figures2, 'spend').steps).toEqual(['2 posts × $62,500 fee + $6,500 Spark Ads = $131,500.']);
  });

  it('says when a creator’s country is not targeted', () => {
    const { projection: p, context: c } = run(planWith({ creators: [{ ...line, country: 'KR' }] }));
    expect(figure(explainItem(p.items[0] as LineResult, c), 'reach').steps[1]).toBe(
      '@zachking is based in KR, which the plan doesn’t target: none of their views count toward reach.',
    );
  });
});

describe('explainTotals', () => {
  const many = CREATORS.slice(0, 6).map((c) => creatorLineFrom(c));
  const { projection, context } = run(planWith({ formats: [formatLine('in-feed', '60000')], creators: many }));
  const totals = explainTotals(projection, context);

  it('explains each headline figure, and leaves out submissions and earned media value where there are none', () => {
    const keys = totals.map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['spend', 'reach', 'impressions', 'frequency', 'engagements', 'conversions', 'cpm', 'costPerResult', 'roas', 'roi']));
    expect(keys).not.toContain('submissions');
  });

  it('sums the line items largest first, four named and the rest counted', () => {
    const spend = figure(totals, 'spend');
    expect(spend.steps[0]).toMatch(/^Sum of the line items: .+ \+ 3 more \$[\d,]+ = \$[\d,]+\.$/);
    const largest = [...projection.items].sort((a, b) => b.spend - a.spend)[0];
    expect(spend.steps[0]).toContain(`Sum of the line items: ${largest?.name} $${whole(largest?.spend ?? 0)} + `);
    expect(spend.value).toBe(`$${whole(projection.totals.spend)}`);
  });

  it('de-duplicates reach with Sainsbury and the overlap factor', () => {
    const reach = figure(totals, 'reach');
    expect(reach.steps.join(' ')).toContain('De-duplicated as if independent (Sainsbury)');
    expect(reach.steps.join(' ')).toContain(`× ${rate(DEFAULTS.duplicationFactor)} overlap factor`);
    expect(reach.uses).toContain('duplicationFactor');
    expect(reach.range).toMatch(/^Range \(P10–P90 of 81 scenarios\): /);
  });
});

describe('assumptions used', () => {
  it('lists each with its value in use, source and published range; marks overrides', () => {
    const values = { ...DEFAULTS, clickThroughRate: 0.018 };
    const uses = assumptionUses(['clickThroughRate', 'averageOrderValue', 'reachCurveShape'], { assumptions: ASSUMPTIONS, values });
    const ctr = ASSUMPTIONS.find((a) => a.key === 'clickThroughRate');
    expect(uses[0]).toEqual({
      key: 'clickThroughRate',
      label: ctr?.label,
      value: '1.8%',
      source: `${ctr?.source.name} (${ctr?.source.date})`,
      range: ctr?.range ? `${Number((ctr.range[0] * 100).toPrecision(4))}%–${Number((ctr.range[1] * 100).toPrecision(4))}%` : null,
      overridden: true,
    });
    expect(uses[1]).toMatchObject({ key: 'averageOrderValue', value: `$${DEFAULTS.averageOrderValue}`, overridden: false });
  });

  it('names the universe, age and gender assumptions behind a narrowed audience', () => {
    expect(audienceKeys({ countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' })).toEqual(['universeUS']);
    const narrowed = audienceKeys({ countries: ['US', 'KR'], ageBands: ['18-24'], gender: 'female' });
    expect(narrowed).toEqual(expect.arrayContaining(['universeUS', 'universeKR', 'ageShare18to24', 'femaleShare']));
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
      ranges: {
        ...(Object.fromEntries([...SUMMED_METRICS, 'reach'].map((k) => [k, { low: 0, mid: 0, high: 0 }])) as Record<RangedMetric, Range>),
        engagements,
      },
    });
    expect(costPerResult(withEngagements({ low: 50, mid: 100, high: 200 }), 'engagement')).toEqual({ low: 5, mid: 10, high: 20 });
    expect(costPerResult(withEngagements({ low: 0, mid: 0, high: 0 }), 'engagement')).toBeNull();
  });
});
