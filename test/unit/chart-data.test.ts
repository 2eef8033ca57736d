import { describe, expect, it } from 'vitest';
import type { DailyPoint, LineResult } from '../../src/domain/projection';
import { budgetSplit, dateTicks, MAX_SERIES, reachOverFlight, resultsByItem, topWithOther } from '../../src/features/projections/chart-data';

function item(name: string, spend: number, reach: number, engagements = reach / 10): LineResult {
  return {
    id: name,
    kind: 'creator',
    name,
    spend,
    impressions: reach * 1.2,
    paidImpressions: 0,
    earnedViews: 0,
    reach,
    videoViews: reach * 1.2,
    engagements,
    clicks: 0,
    conversions: 0,
    submissions: 0,
    revenue: 0,
    cpm: null,
    engagementRate: null,
    roi: null,
  };
}

function day(i: number): DailyPoint {
  return { date: `2027-01-${String(i + 1).padStart(2, '0')}`, spend: 10, cumulativeSpend: 10 * (i + 1), cumulativeImpressions: 100 * (i + 1), cumulativeReach: 90 * (i + 1) };
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
  it('shows each line item when there are few', () => {
    const bars = resultsByItem([item('@a', 100, 500, 40), item('In-Feed Ads', 6000, 5_000_000, 200_000)]);
    expect(bars).toEqual([
      { name: 'In-Feed Ads', reach: 5_000_000, engagements: 200_000 },
      { name: '@a', reach: 500, engagements: 40 },
    ]);
  });

  it('caps a 100-line plan at MAX_SERIES bars without losing totals', () => {
    const items = Array.from({ length: 100 }, (_, i) => item(`@c${i}`, 100 + i, 1000 + i));
    const bars = resultsByItem(items);
    expect(bars).toHaveLength(MAX_SERIES);
    expect(bars.at(-1)?.name).toBe(`Other (${100 - MAX_SERIES + 1})`);
    expect(bars.reduce((s, b) => s + b.reach, 0)).toBeCloseTo(items.reduce((s, i) => s + i.reach, 0), 6);
  });
});

describe('budgetSplit', () => {
  it('gives shares of the plan’s spend that add up to 1, leaving out items without spend', () => {
    const slices = budgetSplit([item('In-Feed Ads', 60_000, 1), item('@free', 0, 1), item('@zachking', 40_000, 1)]);
    expect(slices.map((s) => [s.name, s.share])).toEqual([
      ['In-Feed Ads', 0.6],
      ['@zachking', 0.4],
    ]);
    expect(new Set(slices.map((s) => s.color)).size).toBe(2);
  });

  it('is empty when nothing is spent', () => {
    expect(budgetSplit([item('@free', 0, 1)])).toEqual([]);
  });

  it('groups the small slices of a 100-line plan into a grey "Other"', () => {
    const slices = budgetSplit(Array.from({ length: 100 }, (_, i) => item(`@c${i}`, 1000 + i, 1)));
    expect(slices).toHaveLength(MAX_SERIES);
    const other = slices.at(-1);
    expect(other?.name).toBe('Other (93)');
    expect(other?.color).toBe('#98a2b3');
    expect(slices.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('reachOverFlight', () => {
  it('has one point a day for flights up to 120 days, ending on the last day', () => {
    const daily = Array.from({ length: 28 }, (_, i) => day(i));
    const points = reachOverFlight(daily);
    expect(points).toHaveLength(28);
    expect(points.at(-1)).toEqual({ date: daily[27]?.date, reach: 90 * 28, impressions: 100 * 28, spend: 280 });
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
  });
});

describe('dateTicks', () => {
  it('keeps all dates when there are few', () => {
    expect(dateTicks(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('spreads about five ticks over a long flight, first and last included', () => {
    const dates = Array.from({ length: 28 }, (_, i) => `d${i}`);
    expect(dateTicks(dates)).toEqual(['d0', 'd7', 'd14', 'd20', 'd27']);
  });
});
