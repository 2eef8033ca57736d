import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { formatLine, newPlan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { validatePlan } from '../../src/domain/validation';
import { costRows, headlineMetrics } from '../../src/features/projections/metrics';
import { boughtText, rowCells } from '../../src/features/projections/rows';
import { approx, approxMoney, lowHigh, pctApprox, pctRound, times, unitApprox } from '../../src/lib/format';

describe('compact numbers for ranges', () => {
  it.each([
    [1761.4, '1,761'],
    [9_999, '9,999'],
    [192_231, '192K'],
    [4_892_308, '4.89M'],
    [25_280_976, '25.3M'],
    [1_430_000_000, '1.43B'],
  ])('approx(%d) is %s', (n, text) => {
    expect(approx(n)).toBe(text);
  });

  it.each([
    [0.349, '$0.35'],
    [41_230, '$41.2K'],
    [9_960, '$9,960'],
    [-18_783, '-$18.8K'],
  ])('approxMoney(%d) is %s', (n, text) => {
    expect(approxMoney(n)).toBe(text);
  });

  it.each([
    [0.013254, '$0.0133'],
    [12.97, '$12.97'],
    [174.2, '$174.20'],
    [2_500, '$2,500'],
  ])('unitApprox(%d) is %s', (n, text) => {
    expect(unitApprox(n)).toBe(text);
  });

  it('reads percentages and frequencies as people write them', () => {
    expect(pctApprox(0.0284)).toBe('2.84%');
    expect(pctApprox(-0.7706)).toBe('-77.1%');
    expect(pctRound(0.4305)).toBe('43%');
    expect(pctRound(0.0588)).toBe('5.9%');
    expect(times(1.5888)).toBe('1.59×');
    expect(times(55.31)).toBe('55.3×');
  });
});

describe('lowHigh', () => {
  const fmt = (n: number, d: 3 | 4) => approx(n, d);

  it('writes low–high, or nothing when there is no spread', () => {
    expect(lowHigh({ low: 4_260_063, high: 5_318_527 }, fmt)).toBe('4.26M–5.32M');
    expect(lowHigh({ low: 6_000_000, high: 6_000_000 }, fmt)).toBeNull();
    expect(lowHigh(null, fmt)).toBeNull();
  });

  it('adds a digit when both ends would read the same', () => {
    expect(lowHigh({ low: 25_120_000, high: 25_140_000 }, fmt)).toBe('25.12M–25.14M');
  });

  it('reads "to" around negative ends, with a sign on a positive high', () => {
    expect(lowHigh({ low: -0.687, high: 0.174 }, (n) => pctApprox(n))).toBe('-68.7% to +17.4%');
    expect(lowHigh({ low: -0.84, high: -0.38 }, (n) => pctApprox(n))).toBe('-84% to -38%');
  });
});

describe('headline metrics and the results table', () => {
  const plan = { ...newPlan('m', new Date(2027, 0, 1)), formats: [formatLine('in-feed', '60000'), formatLine('hashtag-challenge', '150000')], totalBudget: '500000' };
  const check = validatePlan(plan, AD_FORMATS, ASSUMPTIONS);
  const projection = project(check.input);

  it('shows each headline figure with its range where it has one, and the audience reach is out of', () => {
    const cards = headlineMetrics(projection, 'awareness');
    const reach = cards.find((c) => c.key === 'reach');
    expect(reach?.label).toBe('Reach (de-duplicated)');
    expect(reach?.short).toMatch(/^of 26\.5M people in the target audience \(\d+(\.\d)?%\)$/);
    expect(cards.find((c) => c.key === 'spend')).toMatchObject({ value: '$210,000', range: null });
    expect(cards.find((c) => c.key === 'engagements')?.range).toMatch(/^[\d.]+[KM]–[\d.]+[KM]$/);
    expect(cards.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Impressions', 'Average frequency', 'Video views', 'Engagement rate', 'Video submissions (UGC)', 'Clicks', 'Conversions', 'Revenue', 'Earned media value', 'CPM', 'Cost per 1,000 reached', 'ROAS', 'ROI']),
    );
  });

  it('names the goal’s unit cost, and leaves out UGC figures a plan without challenges has none of', () => {
    const only = validatePlan({ ...plan, goal: 'engagement', formats: [formatLine('in-feed', '60000')] }, AD_FORMATS, ASSUMPTIONS);
    const cards = headlineMetrics(project(only.input), 'engagement');
    expect(cards.map((c) => c.label)).toContain('Cost per engagement');
    expect(cards.map((c) => c.key)).not.toContain('submissions');
    expect(cards.map((c) => c.key)).not.toContain('emv');
    expect(cards.find((c) => c.key === 'impressions')?.range).toBeNull();
  });

  it('lists every unit cost, per 1,000 reached scaled from per person', () => {
    const rows = costRows(projection.totals.costs);
    expect(rows.map((r) => r.label)).toEqual(['CPM', 'Cost per 1,000 reached', 'CPV', 'CPE', 'CPC', 'CPA', 'Cost per submission']);
    const perReach = projection.totals.costs.costPerReach?.mid ?? 0;
    expect(rows[1]?.value).toBe(unitApprox(perReach * 1000));
  });

  it('says what each line item buys and gives its cells with ranges', () => {
    const [inFeed, challenge] = projection.items;
    expect(boughtText(inFeed!)).toBe('6,000,000 impressions');
    expect(boughtText({ bought: { quantity: 1, unit: 'days' } })).toBe('1 day');
    expect(boughtText({ bought: { quantity: 2, unit: 'posts' } })).toBe('2 posts');
    const cells = rowCells(challenge!, 'awareness', boughtText(challenge!));
    expect(cells.map((c) => c.value).slice(0, 2)).toEqual(['$150,000', '7,500,000 impressions']);
    expect(cells[2]?.range).toMatch(/–/);
  });
});
