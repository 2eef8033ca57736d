import { describe, expect, it } from 'vitest';
import { COST_METRICS, project, SUMMED_METRICS, type BudgetPoint, type DailyPoint, type LineResult, type Projection, type Range, type RangedMetric, type Totals } from '../../src/domain/projection';
import {
  budgetCurveData,
  dayReaching,
  errorSpan,
  formatsCompared,
  frequencyBars,
  funnelSteps,
  MAX_SERIES,
  reachOverFlight,
  resultsByItem,
  sameRows,
  topWithOther,
} from '../../src/features/projections/chart-data';
import { creatorLine, DEFAULT_END, DEFAULT_FLIGHT_DAYS, formatLine, planWith, takeoverLine, validInput } from './plan-fixtures';

const point = (v: number): Range => ({ low: v, mid: v, high: v });
const RANGED: readonly RangedMetric[] = [...SUMMED_METRICS, 'reach', 'earnedReach'];
const spread = (mid: number, share: number): Range => ({ low: mid * (1 - share), mid, high: mid * (1 + share) });

/** A line item's figures: reach ±10%, conversions ±50%, everything else exact (and 0 unless set). */
function item(name: string, spend: number, reach: number, conversions = reach / 1000): LineResult {
  const ranges = Object.fromEntries(RANGED.map((m) => [m, point(0)])) as LineResult['ranges'];
  ranges.impressions = point(reach * 1.2);
  ranges.videoViews = point(reach * 1.2);
  ranges.engagements = point(reach / 10);
  ranges.conversions = spread(conversions, 0.5);
  ranges.reach = spread(reach, 0.1);
  const central = Object.fromEntries(RANGED.map((m) => [m, ranges[m].mid])) as Record<RangedMetric, number>;
  return {
    id: name,
    kind: 'creator',
    name,
    formatId: null,
    bought: { quantity: 1, unit: 'posts' },
    trace: [],
    spend,
    ...central,
    ranges,
    costs: Object.fromEntries(COST_METRICS.map((m) => [m, null])) as LineResult['costs'],
    engagementRate: null,
    roi: null,
    roas: null,
    cpm: null,
    frequency: null,
  };
}

function day(i: number): DailyPoint {
  const cumulative = Object.fromEntries(SUMMED_METRICS.map((m) => [m, 0])) as DailyPoint['cumulative'];
  cumulative.impressions = 100 * (i + 1);
  return {
    date: `2027-01-${String(i + 1).padStart(2, '0')}`,
    spend: 10,
    cumulativeSpend: 10 * (i + 1),
    cumulativeImpressions: 100 * (i + 1),
    cumulativeReach: 90 * (i + 1),
    cumulativeReachLow: 80 * (i + 1),
    cumulativeReachHigh: 95 * (i + 1),
    cumulative,
  };
}

describe('topWithOther', () => {
  const size = (x: { name: string; v: number }) => x.v;
  const merge = (rest: readonly { name: string; v: number }[], name: string) => ({ name, v: rest.reduce((s, r) => s + r.v, 0) });

  it('keeps every item, largest first, when there are at most `max`', () => {
    expect(topWithOther([{ name: 'a', v: 1 }, { name: 'b', v: 3 }], size, merge, 3).map((x) => x.name)).toEqual(['b', 'a']);
  });

  it('groups everything past the largest max - 1 into one "Other (n)" item that sums them', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ name: `i${i}`, v: i + 1 }));
    const out = topWithOther(items, size, merge, 4);
    expect(out.map((x) => x.name)).toEqual(['i9', 'i8', 'i7', 'Other (7)']);
    expect(out[3]?.v).toBe(1 + 2 + 3 + 4 + 5 + 6 + 7);
    expect(out.reduce((s, x) => s + x.v, 0)).toBe(items.reduce((s, x) => s + x.v, 0));
  });
});

describe('resultsByItem', () => {
  it('shows the goal’s result of each line item, largest first, with its range and cost per result', () => {
    const bars = resultsByItem([item('@a', 100, 500), item('In-Feed Ads', 6000, 5_000_000)], 'awareness');
    expect(bars.map((b) => b.name)).toEqual(['In-Feed Ads', '@a']);
    const [inFeed] = bars;
    expect(inFeed).toMatchObject({ result: 5_000_000, low: 4_500_000, high: 5_500_000, spend: 6000, isOther: false });
    expect(inFeed?.error[0]).toBeCloseTo(500_000, 6);
    expect(inFeed?.error[1]).toBeCloseTo(500_000, 6);
    // Awareness: cost per 1,000 people reached.
    expect(inFeed?.cost).toBeCloseTo((6000 / 5_000_000) * 1000, 12);
  });

  it('counts conversions for app installs, and has no cost where there is no result', () => {
    const bars = resultsByItem([item('@a', 100, 500, 4), item('@none', 50, 10, 0)], 'app-installs');
    expect(bars[0]).toMatchObject({ name: '@a', result: 4, low: 2, high: 6, cost: 25 });
    expect(bars[1]).toMatchObject({ name: '@none', result: 0, cost: null });
  });

  it('caps a 100-line plan at MAX_SERIES bars without losing totals; "Other" has no range', () => {
    const items = Array.from({ length: 100 }, (_, i) => item(`@c${i}`, 100 + i, 1000 + i));
    const bars = resultsByItem(items, 'awareness');
    expect(bars).toHaveLength(MAX_SERIES);
    const other = bars.at(-1);
    expect(other?.name).toBe(`Other (${100 - MAX_SERIES + 1})`);
    expect(other).toMatchObject({ isOther: true, error: [0, 0] });
    expect(other?.low).toBe(other?.result);
    expect(bars.reduce((s, b) => s + b.result, 0)).toBeCloseTo(items.reduce((s, i) => s + i.reach, 0), 6);
    expect(bars.reduce((s, b) => s + b.spend, 0)).toBeCloseTo(items.reduce((s, i) => s + i.spend, 0), 6);
  });
});

describe('reachOverFlight', () => {
  it('has one point a day for flights up to 120 days, with the P10-P90 band, ending on the last day', () => {
    const daily = Array.from({ length: 28 }, (_, i) => day(i));
    const points = reachOverFlight(daily);
    expect(points).toHaveLength(28);
    expect(points.at(-1)).toEqual({ date: daily[27]?.date, reach: 90 * 28, band: [80 * 28, 95 * 28], impressions: 100 * 28, spend: 280 });
  });

  it('buckets long flights into weeks, read at each week’s end, still ending on the last day', () => {
    const daily = Array.from({ length: 366 }, (_, i) => ({ ...day(i), date: `d${i}` }));
    const points = reachOverFlight(daily);
    expect(points).toHaveLength(Math.ceil(366 / 7));
    expect(points[0]?.date).toBe('d6');
    expect(points.at(-1)?.date).toBe('d365');
    for (let i = 1; i < points.length; i++) expect(points[i]!.reach).toBeGreaterThanOrEqual(points[i - 1]!.reach);
  });

  it('is empty without a valid flight', () => {
    expect(reachOverFlight([])).toEqual([]);
    expect(dayReaching([], 0.5)).toBeNull();
  });

  it('finds the day half the final reach is in', () => {
    const points = reachOverFlight(Array.from({ length: 10 }, (_, i) => day(i)));
    expect(dayReaching(points, 0.5)?.date).toBe('2027-01-05');
  });
});

describe('budgetCurveData', () => {
  const curve: BudgetPoint[] = Array.from({ length: 25 }, (_, step) => ({
    spend: 10_000 * step,
    reach: 1_000_000 * (1 - Math.exp(-step / 6)),
    isPlan: step === 12,
  }));

  it('marks the plan and the points at half and one and a half times its budget', () => {
    const data = budgetCurveData(curve);
    expect(data.points).toHaveLength(25);
    expect(data.plan).toMatchObject({ spend: 120_000, isPlan: true });
    expect(data.half?.spend).toBe(60_000);
    expect(data.more?.spend).toBe(180_000);
    // Diminishing returns: the second half of the budget adds less than the first.
    const { plan, half } = data;
    expect(plan!.reach - half!.reach).toBeLessThan(half!.reach);
  });

  it('is empty without spend', () => {
    expect(budgetCurveData([])).toEqual({ points: [], plan: null, half: null, more: null });
  });
});

describe('frequencyBars', () => {
  it('labels 1+ to 5+ with their ranges as error spans and their share of the audience', () => {
    const bars = frequencyBars([spread(10_000, 0.1), spread(6_000, 0.2), point(3_000)], 20_000);
    expect(bars.map((b) => b.label)).toEqual(['1+', '2+', '3+']);
    expect(bars[0]).toMatchObject({ times: 1, people: 10_000, low: 9_000, high: 11_000, share: 0.5 });
    expect(bars[1]?.error[0]).toBeCloseTo(1_200, 9);
    expect(bars[2]?.error).toEqual([0, 0]);
    expect(frequencyBars([point(5)], 0)[0]?.share).toBe(0);
  });
});

describe('errorSpan', () => {
  it('is the distance below and above the P50, never negative', () => {
    expect(errorSpan({ low: 8, mid: 10, high: 15 })).toEqual([2, 5]);
    expect(errorSpan({ low: 11, mid: 10, high: 9 })).toEqual([0, 0]);
  });
});

describe('funnelSteps', () => {
  const ranges = (submissions: number): Pick<Totals, 'ranges'> => {
    const r = Object.fromEntries(RANGED.map((m) => [m, point(0)])) as Totals['ranges'];
    return {
      ranges: {
        ...r,
        impressions: point(1_000_000),
        paidImpressions: point(1_000_000),
        videoViews: point(1_000_000),
        engagements: spread(41_400, 0.2),
        clicks: spread(9_000, 0.3),
        conversions: spread(180, 0.5),
        submissions: point(submissions),
        reach: point(500_000),
      },
    };
  };

  it('runs impressions → views → engagements → clicks → conversions with each step’s rate', () => {
    const steps = funnelSteps(ranges(0));
    expect(steps.map((s) => s.stage)).toEqual(['Impressions', 'Video views', 'Engagements', 'Clicks', 'Conversions']);
    expect(steps.map((s) => s.rate)).toEqual([null, 1, 0.0414, 9_000 / 41_400, 0.02]);
    expect(steps[4]).toMatchObject({ value: 180, low: 90, high: 270, error: [90, 90] });
  });

  it('adds video submissions when there are any, as a rate per impression', () => {
    const steps = funnelSteps(ranges(250));
    expect(steps.at(-1)).toMatchObject({ stage: 'Video submissions', value: 250, rate: 250 / 1_000_000 });
  });
});

describe('formatsCompared', () => {
  // A line item's figures are all a comparison reads of a plan's totals.
  const totals = (reach: number, conversions: number) => item('x', 0, reach, conversions) as unknown as Totals;
  const comparison: Projection['comparison'] = {
    budget: 40_000,
    formats: [
      { formatId: 'in-feed', name: 'In-Feed Ads', spend: 40_000, unavailable: null, figures: totals(3_000_000, 700), costPerResult: null },
      { formatId: 'brand-takeover', name: 'Brand Takeover', spend: 0, unavailable: 'A day costs $50,000.', figures: null, costPerResult: null },
    ],
  };

  it('gives each format’s KPI with its range and cost per result, and unavailable formats with their reason', () => {
    const bars = formatsCompared(comparison, 'awareness');
    expect(bars[0]).toMatchObject({ name: 'In-Feed Ads', value: 3_000_000, spend: 40_000, unavailable: null });
    expect(bars[0]?.low).toBeCloseTo(2_700_000, 6);
    expect(bars[0]?.high).toBeCloseTo(3_300_000, 6);
    expect(bars[0]?.cost).toBeCloseTo((40_000 / 3_000_000) * 1000, 12);
    expect(bars[1]).toEqual({ name: 'Brand Takeover', value: 0, low: 0, high: 0, error: [0, 0], spend: 0, cost: null, unavailable: 'A day costs $50,000.' });
  });

  it('uses conversions for the cost of a sales goal (CPA)', () => {
    const [inFeed] = formatsCompared(comparison, 'sales');
    expect(inFeed?.cost).toBeCloseTo(40_000 / 700, 9);
  });
});

describe('sameRows', () => {
  it('compares flat records and their tuple fields by value', () => {
    expect(sameRows([{ a: 1, b: [1, 2] }], [{ a: 1, b: [1, 2] }])).toBe(true);
    expect(sameRows([{ a: 1, b: [1, 2] }], [{ a: 1, b: [1, 3] }])).toBe(false);
    expect(sameRows([{ a: 1 }], [{ a: 2 }])).toBe(false);
    expect(sameRows([{ a: 1 }], [])).toBe(false);
  });
});

describe('with a projected plan (In-Feed, a 3-day takeover, a 7-day challenge, a creator’s 4 posts)', () => {
  const plan = planWith({
    totalBudget: '2000000',
    formats: [formatLine('in-feed', '60000'), takeoverLine('3'), formatLine('hashtag-challenge', '175000')],
    creators: [creatorLine({ posts: '4', fee: '800' })],
  });
  const projection = project(validInput(plan));
  const { daily, totals, budgetCurve } = projection;

  it('plots the flight day by day, ending on the headline reach, band, impressions and spend', () => {
    const points = reachOverFlight(daily);
    expect(points).toHaveLength(DEFAULT_FLIGHT_DAYS);
    expect(points.at(-1)).toEqual({
      date: DEFAULT_END,
      reach: totals.reach,
      band: [totals.ranges.reach.low, totals.ranges.reach.high],
      impressions: totals.impressions,
      spend: totals.spend,
    });
    for (const p of points) expect(p.band[0]).toBeLessThanOrEqual(p.reach);
    for (const p of points) expect(p.band[1]).toBeGreaterThanOrEqual(p.reach);
  });

  it.each(SUMMED_METRICS)('daily points carry cumulative %s: never falling, the last day the headline', (metric) => {
    expect(daily.at(-1)?.cumulative[metric]).toBe(totals[metric]);
    for (let d = 1; d < daily.length; d++) {
      expect(daily[d]!.cumulative[metric]).toBeGreaterThanOrEqual(daily[d - 1]!.cumulative[metric] - 1e-6);
    }
    // The impressions the flight chart plots are the cumulative impressions.
    for (const p of daily) expect(p.cumulativeImpressions).toBe(p.cumulative.impressions);
  });

  it('steps the budget curve in whole purchases: takeover days, the package and whole extra days, whole posts, In-Feed above its minimum', () => {
    expect(budgetCurve).toHaveLength(25);
    budgetCurve.forEach((p, step) => {
      const x = step / 12;
      const takeoverDays = Math.floor(3 * x + 1e-9);
      const challengeDays = Math.floor(7 * x + 1e-9);
      const inFeed = 60_000 * x;
      const expected =
        (inFeed >= 6_000 ? inFeed : 0) +
        takeoverDays * 50_000 +
        (challengeDays >= 6 ? challengeDays * 25_000 : 0) +
        Math.floor(4 * x + 1e-9) * 800;
      expect(p.spend, `step ${step}`).toBeCloseTo(expected, 6);
      expect(p.isPlan).toBe(step === 12);
    });
  });

  it('marks the plan’s own point exactly, and the points nearest half and one and a half times its spend', () => {
    const data = budgetCurveData(budgetCurve);
    expect(data.plan).toEqual({ spend: totals.spend, reach: totals.reach, isPlan: true });
    expect(totals.spend).toBe(60_000 + 150_000 + 175_000 + 3_200);
    const nearest = (target: number) => Math.min(...data.points.map((p) => Math.abs(p.spend - target)));
    expect(Math.abs((data.half?.spend ?? 0) - totals.spend * 0.5)).toBe(nearest(totals.spend * 0.5));
    expect(Math.abs((data.more?.spend ?? 0) - totals.spend * 1.5)).toBe(nearest(totals.spend * 1.5));
    // More money never buys less reach.
    const sorted = [...data.points].sort((a, b) => a.spend - b.spend);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.reach).toBeGreaterThanOrEqual(sorted[i - 1]!.reach - 1e-6);
  });
});

describe('frequencyBars of a projected takeover', () => {
  it('shows no one reached more times than there are takeover days (once a day per person)', () => {
    const projection = project(validInput(planWith({ formats: [takeoverLine('2')] })));
    const bars = frequencyBars(projection.totals.reachAtLeast, projection.audience.universe);
    expect(bars.map((b) => b.label)).toEqual(['1+', '2+', '3+', '4+', '5+']);
    expect(bars[0]?.people).toBeCloseTo(projection.totals.reach, 3);
    expect(bars[1]?.people).toBeGreaterThan(0);
    for (const bar of bars.slice(2)) expect(bar).toMatchObject({ people: 0, low: 0, high: 0, share: 0 });
  });
});
