import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { project, type Projection } from '../../src/domain/projection';
import type { Goal } from '../../src/domain/types';
import type { FigureKey } from '../../src/features/projections/goal';
import { costRows, headlineMetrics, type MetricCard } from '../../src/features/projections/metrics';
import { boughtText, rowCells } from '../../src/features/projections/rows';
import { approx, approxMoney, lowHigh, money, pct, pctApprox, pctRound, times, unitApprox, unitCost, whole } from '../../src/lib/format';
import { creatorLine, formatLine, planWith, takeoverLine, validInput } from './plan-fixtures';

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

function projected(overrides: Partial<Plan>): Projection {
  return project(validInput(planWith({ totalBudget: '2000000', ...overrides })));
}

function card(cards: MetricCard[], key: FigureKey): MetricCard {
  const found = cards.find((c) => c.key === key);
  if (!found) throw new Error(`no ${key} card`);
  return found;
}

const EARNED_CARDS: FigureKey[] = ['submissions', 'earnedReach', 'earnedViews', 'earnedEngagements', 'emv'];

describe('headline metrics', () => {
  // In-Feed Ads (6-second views), a Hashtag Challenge package (participants' videos) and a creator.
  const plan: Partial<Plan> = { formats: [formatLine('in-feed', '60000'), formatLine('hashtag-challenge', '150000')], creators: [creatorLine()] };
  const projection = projected(plan);
  const cards = headlineMetrics(projection, 'awareness');

  it('shows each headline figure at its central value, with its range where it has one, and the audience reach is out of', () => {
    const t = projection.totals;
    const reach = card(cards, 'reach');
    expect(reach.label).toBe('Reach (de-duplicated)');
    expect(reach.value).toBe(whole(t.reach));
    expect(reach.short).toBe(`of ${approx(projection.audience.universe)} people in the target audience (${pctRound(t.reach / projection.audience.universe)})`);
    expect(reach.short).toMatch(/^of 162M people in the target audience \(\d+(\.\d)?%\)$/);
    expect(card(cards, 'spend')).toMatchObject({ value: '$211,600', range: null });
    expect(card(cards, 'engagements').range).toMatch(/^[\d.]+[KM]–[\d.]+[KM]$/);
    expect(cards.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Impressions', 'Average frequency', 'Video views', 'Engagement rate', 'Clicks', 'Conversions', 'Revenue', 'CPM', 'Cost per 1,000 reached', 'ROAS', 'ROI']),
    );
  });

  it.each([
    ['impressions', (t: Projection['totals']) => whole(t.impressions)],
    ['videoViews', (t: Projection['totals']) => whole(t.videoViews)],
    ['sixSecondViews', (t: Projection['totals']) => whole(t.sixSecondViews)],
    ['engagements', (t: Projection['totals']) => whole(t.engagements)],
    ['submissions', (t: Projection['totals']) => whole(t.submissions)],
    ['earnedReach', (t: Projection['totals']) => whole(t.earnedReach)],
    ['earnedViews', (t: Projection['totals']) => whole(t.earnedViews)],
    ['earnedEngagements', (t: Projection['totals']) => whole(t.earnedEngagements)],
    ['emv', (t: Projection['totals']) => money(t.emv)],
    ['frequency', (t: Projection['totals']) => times(t.frequency)],
    ['engagementRate', (t: Projection['totals']) => pct(t.engagementRate?.mid ?? null)],
    ['cpm', (t: Projection['totals']) => unitCost(t.cpm)],
    ['costPerResult', (t: Projection['totals']) => unitCost(t.costPerResult?.mid ?? null)],
    ['roi', (t: Projection['totals']) => pct(t.roi?.mid ?? null)],
  ] as const)('the %s card shows the central figure', (key, expected) => {
    expect(card(cards, key).value).toBe(expected(projection.totals));
  });

  it('shows 6-second views with their range: In-Feed’s paid plays watched 6 seconds or more', () => {
    const six = card(cards, 'sixSecondViews');
    expect(six.label).toBe('6-second views');
    expect(projection.totals.sixSecondViews).toBeCloseTo(60_000 / 10 * 1000 * 0.2, 6);
    expect(six.range).toMatch(/–/);
  });

  it('shows a package’s earned figures, apart from the brand’s own, and says they are out of reach unless counted', () => {
    expect(cards.map((c) => c.key)).toEqual(expect.arrayContaining(EARNED_CARDS));
    expect(card(cards, 'earnedReach').short).toBe('People reached by participants’ videos (not in reach)');
    expect(card(cards, 'earnedViews')).toMatchObject({ label: 'Earned views', short: 'Views of participants’ videos' });
    expect(card(cards, 'impressions').short).toBe('Paid + guaranteed + creator views');
    expect(card(cards, 'videoViews').short).toBe('Paid plays + creator views');
    // Earned views are not in the brand's impressions or views.
    expect(projection.totals.impressions).toBeLessThan(projection.totals.earnedViews);
  });

  it('with participants’ videos counted (headlineMetrics(projection, goal, earnedIn)), says so on impressions, views and earned reach', () => {
    const counted = projected({ ...plan, earnedInReach: true });
    const withEarned = headlineMetrics(counted, 'awareness', true);
    expect(card(withEarned, 'impressions').short).toBe('Paid + guaranteed + creator views + participants’ videos');
    expect(card(withEarned, 'videoViews').short).toBe('Paid plays + creator views + participants’ videos');
    expect(card(withEarned, 'earnedReach').short).toBe('People reached by participants’ videos (counted in reach)');
    expect(counted.totals.impressions).toBeCloseTo(projection.totals.impressions + projection.totals.earnedViews, 3);
    expect(card(withEarned, 'impressions').value).toBe(whole(counted.totals.impressions));
    expect(counted.totals.reach).toBeGreaterThan(projection.totals.reach);
  });

  it.each<[string, Partial<Plan>, FigureKey[], FigureKey[]]>([
    ['In-Feed Ads alone', { formats: [formatLine('in-feed', '60000')] }, ['sixSecondViews'], [...EARNED_CARDS]],
    ['a Brand Takeover alone (a splash: no 6-second views)', { formats: [takeoverLine('2')] }, [], ['sixSecondViews', ...EARNED_CARDS]],
    ['a creator alone', { creators: [creatorLine()] }, [], ['sixSecondViews', ...EARNED_CARDS]],
    ['a creator with Spark Ads', { creators: [creatorLine({ sparkBudget: '5000' })] }, ['sixSecondViews'], [...EARNED_CARDS]],
    ['a Hashtag Challenge package', { formats: [formatLine('hashtag-challenge', '150000')] }, [...EARNED_CARDS], ['sixSecondViews']],
    ['a Branded Effects package', { formats: [formatLine('branded-effects', '100000')] }, [...EARNED_CARDS], ['sixSecondViews']],
  ])('%s: shows the cards of the figures it has, and none of the others', (_, overrides, shown, hidden) => {
    const keys = headlineMetrics(projected(overrides), 'awareness').map((c) => c.key);
    for (const key of shown) expect(keys).toContain(key);
    for (const key of hidden) expect(keys).not.toContain(key);
  });

  it.each([
    ['awareness', 'Cost per 1,000 reached'],
    ['engagement', 'Cost per engagement'],
    ['ugc', 'Cost per video submission'],
    ['app-installs', 'Cost per install'],
    ['sales', 'Cost per conversion (CPA)'],
  ] as const)('names the %s goal’s unit cost "%s"', (goal: Goal, label) => {
    expect(card(headlineMetrics(projection, goal), 'costPerResult').label).toBe(label);
  });

  it('shows submissions for a UGC goal even when the plan has none yet', () => {
    const none = projected({ goal: 'ugc', formats: [formatLine('in-feed', '60000')] });
    expect(card(headlineMetrics(none, 'ugc'), 'submissions').value).toBe('0');
    expect(headlineMetrics(none, 'awareness').map((c) => c.key)).not.toContain('submissions');
  });

  it('has no range on a figure bought at a fixed price', () => {
    const only = projected({ formats: [formatLine('in-feed', '60000')] });
    expect(card(headlineMetrics(only, 'engagement'), 'impressions').range).toBeNull();
  });
});

describe('the results table', () => {
  const projection = projected({
    formats: [formatLine('in-feed', '60000'), takeoverLine('2'), formatLine('hashtag-challenge', '175000')],
    creators: [creatorLine({ posts: '2' })],
  });

  it('lists every unit cost, per 1,000 reached scaled from per person', () => {
    const rows = costRows(projection.totals.costs);
    expect(rows.map((r) => r.label)).toEqual(['CPM', 'Cost per 1,000 reached', 'CPV', 'CPE', 'CPC', 'CPA', 'Cost per submission']);
    const perReach = projection.totals.costs.costPerReach?.mid ?? 0;
    expect(rows[1]?.value).toBe(unitApprox(perReach * 1000));
  });

  it.each([
    ['In-Feed Ads', '6,000,000 impressions'],
    ['Brand Takeover', '2 days'],
    ['Hashtag Challenge', '7 days'],
    ['@maya.fit', '2 posts'],
  ])('says what %s buys: %s', (name, text) => {
    const item = projection.items.find((i) => i.name === name);
    expect(item && boughtText(item)).toBe(text);
  });

  it.each([
    ['clicks', { quantity: 75_000, unit: 'clicks' }, '75,000 clicks'],
    ['6-second views', { quantity: 12_000, unit: '6-second views' }, '12,000 6-second views'],
    ['one day', { quantity: 1, unit: 'days' }, '1 day'],
    ['one post', { quantity: 1, unit: 'posts' }, '1 post'],
  ] as const)('names %s bought', (_, bought, text) => {
    expect(boughtText({ bought })).toBe(text);
  });

  it('gives each row’s cells at the central figures, with ranges where they have one', () => {
    const challenge = projection.items.find((i) => i.formatId === 'hashtag-challenge');
    if (!challenge) throw new Error('no challenge row');
    const cells = rowCells(challenge, 'awareness', boughtText(challenge));
    expect(cells.map((c) => c.value).slice(0, 4)).toEqual(['$175,000', '7 days', whole(challenge.reach), '8,750,000']);
    expect(cells[0]?.range).toBeNull();
    expect(cells[2]?.range).toMatch(/–/);
    // Paid impressions are bought at a fixed price: no range.
    expect(cells[3]?.range).toBeNull();
  });
});
