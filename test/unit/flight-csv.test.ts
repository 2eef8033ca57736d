/** The daily flight CSV: one row per date × line item, then the plan's total row. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/csv';
import { FLIGHT_CSV_COLUMNS, flightCsv, flightCsvFileName, flightCsvRows, flightTable, type FlightCsvColumn } from '../../src/domain/flight-csv';
import type { Plan } from '../../src/domain/plan';
import { project, type Projection } from '../../src/domain/projection';
import { roundFor } from '../../src/domain/rounding';
import type { Range } from '../../src/domain/stats';
import { AGE_BANDS, type AudienceProfile } from '../../src/domain/types';
import { eventDays } from '../../src/domain/validation';
import {
  check,
  creatorLine,
  dayAfter,
  DEFAULT_FLIGHT_DAYS,
  DEFAULT_START,
  defaultAssumptions,
  formatLine,
  planWith,
  takeoverLine,
  validInput,
} from './plan-fixtures';

const BOM = '\uFEFF';

/** A plan with room in its budget for anything. */
const big = (changes: Partial<Plan>) => planWith({ totalBudget: '100,000,000', ...changes });

/** A creator's measured audience, as the catalog gives it. */
const AUDIENCE: AudienceProfile = {
  ageShares: { '13-17': 0.2, '18-24': 0.4, '25-34': 0.2, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.45,
  topCountries: [
    { country: 'US', share: 0.62 },
    { country: 'JP', share: 0.1 },
  ],
};

function expectSpread(range: Range) {
  expect(range.low).toBeLessThan(range.mid);
  expect(range.mid).toBeLessThan(range.high);
}

/** Three line items: a paced format, takeover days and a creator with Spark Ads, some with a spread. */
const PLAN = planWith({
  name: 'Q3 launch',
  totalBudget: '1,000,000',
  formats: [formatLine('in-feed', '60,000', { buyingModel: 'CPC' }), takeoverLine('2')],
  creators: [creatorLine({ handle: 'maya.fit', avgViews: null, posts: '3', fee: '800.50', sparkBudget: '1,000' })],
});

function exportOf(plan: Plan) {
  const input = validInput(plan);
  const table = flightTable(input);
  const rows = flightCsvRows(table);
  return { input, table, rows, csv: flightCsv(input), projection: project(input) };
}

/** Parses our CSV as records by header, after checking the BOM, CRLF and that it parses cleanly. */
function records(csv: string): Record<FlightCsvColumn, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(csv.slice(1, -2).split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  const parsed = Papa.parse<Record<FlightCsvColumn, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('flightTable', () => {
  /** Reach with a spread on some line items (CPC In-Feed, a creator without views, Spark Ads), none on others. */
  const mixed = big({
    formats: [formatLine('in-feed', '60000', { buyingModel: 'CPC' }), takeoverLine('2'), formatLine('hashtag-challenge', '150000', { pacing: 'front-loaded' })],
    creators: [
      creatorLine({ posts: '4', fee: '800' }),
      creatorLine({ handle: 'leo.eats', avgViews: null, posts: '3', fee: '250', sparkBudget: '2,000', postDates: ['', dayAfter(DEFAULT_START, 9)] }),
    ],
  });

  function tableAndProjection(plan: Plan) {
    const input = validInput(plan);
    return { table: flightTable(input), projection: project(input) };
  }

  it('has every flight day and every line item, in the projection’s order', () => {
    const { table, projection } = tableAndProjection(mixed);
    expect(table.dates).toEqual(projection.daily.map((d) => d.date));
    expect(table.items.map((i) => [i.id, i.kind, i.name])).toEqual(projection.items.map((i) => [i.id, i.kind, i.name]));
    for (const item of table.items) expect(item.days).toHaveLength(DEFAULT_FLIGHT_DAYS);
    expect(table.total).toHaveLength(DEFAULT_FLIGHT_DAYS);
  });

  it('is the daily series for the plan: spend, cumulative impressions and de-duplicated reach, exactly', () => {
    const { table, projection } = tableAndProjection(mixed);
    projection.daily.forEach((day, d) => {
      expect(table.total[d]?.spend).toBe(day.spend);
      expect(table.total[d]?.cumulativeSpend).toBe(day.cumulativeSpend);
      expect(table.total[d]?.cumulativeImpressions).toBe(day.cumulativeImpressions);
      expect(table.total[d]?.cumulativeReach).toBe(day.cumulativeReach);
    });
  });

  it('splits the plan’s day among its line items: spend and impressions add up, reach is de-duplicated', () => {
    const { table, projection } = tableAndProjection(mixed);
    projection.daily.forEach((day, d) => {
      const sum = (pick: (i: (typeof table.items)[number]) => number) => table.items.reduce((s, i) => s + pick(i), 0);
      expect(sum((i) => i.days[d]?.spend ?? Number.NaN)).toBeCloseTo(day.spend, 6);
      expect(sum((i) => i.days[d]?.cumulativeImpressions ?? Number.NaN)).toBeCloseTo(day.cumulativeImpressions, 4);
      expect(sum((i) => i.days[d]?.impressions ?? Number.NaN)).toBeCloseTo(table.total[d]?.impressions ?? Number.NaN, 4);
      // Line items overlap: the plan reaches fewer people than their sum, and at least the largest.
      const reaches = table.items.map((i) => i.days[d]?.cumulativeReach ?? Number.NaN);
      expect(day.cumulativeReach).toBeLessThanOrEqual(reaches.reduce((a, b) => a + b, 0) + 1e-6);
      expect(day.cumulativeReach).toBeGreaterThanOrEqual(Math.max(...reaches) - 1e-6);
    });
    const total = table.items.reduce((s, i) => s + i.days.reduce((t, day) => t + day.spend, 0), 0);
    expect(Math.round(total * 100)).toBe(Math.round(projection.totals.spend * 100));
  });

  it('gives each day’s impressions, which add up to the cumulative ones, and never loses reach', () => {
    const { table } = tableAndProjection(mixed);
    for (const item of [...table.items, { days: table.total }]) {
      let sum = 0;
      item.days.forEach((day, d) => {
        sum += day.impressions;
        expect(day.impressions).toBeGreaterThanOrEqual(0);
        expect(day.cumulativeImpressions).toBeCloseTo(sum, 4);
        if (d > 0) expect(day.cumulativeReach).toBeGreaterThanOrEqual(item.days[d - 1]?.cumulativeReach ?? Infinity);
      });
    }
  });

  it('puts each line item’s spend and views on its own days', () => {
    const { table } = tableAndProjection(mixed);
    const leo = table.items.find((i) => i.id === 'creator:leo.eats');
    const takeover = table.items.find((i) => i.id === 'brand-takeover');
    // leo.eats posts on days 0 and 9 (dated) and 18 (the even spread of 3 posts over 28 days); Spark Ads from day 0.
    const sparkPerDay = 2_000 / 28;
    expect(leo?.days[9]?.spend).toBeCloseTo(250 + sparkPerDay, 9);
    expect(leo?.days[10]?.spend).toBeCloseTo(sparkPerDay, 9);
    expect(takeover?.days.flatMap((d, i) => (d.spend > 0 ? [i] : []))).toEqual(eventDays(2, 28));
    expect(takeover?.days[0]?.impressions).toBeCloseTo(defaultAssumptions(2024).takeoverImpressionsPerDayUS, 6);
  });

  it('ends each line item on its headline reach and impressions, which have a spread: the table is the central scenario', () => {
    // Two creators without measured views vary with the view rate; takeover days and posts with the repeat share.
    const plan = big({
      formats: [takeoverLine('2'), formatLine('in-feed', '60000')],
      creators: [creatorLine({ handle: 'a.one', avgViews: null, fans: 200_000 }), creatorLine({ handle: 'b.two', avgViews: null, fans: 90_000, posts: '5' })],
    });
    const { table, projection } = tableAndProjection(plan);
    for (const result of projection.items) {
      expectSpread(result.ranges.reach);
      const last = table.items.find((i) => i.id === result.id)?.days.at(-1);
      expect(last?.cumulativeReach).toBeCloseTo(result.reach, 6);
      expect(last?.cumulativeImpressions).toBeCloseTo(result.impressions, 6);
    }
    expect(table.total.at(-1)?.cumulativeReach).toBeCloseTo(projection.totals.reach, 6);
  });

  it('follows the seed like the projection', () => {
    const input = validInput(mixed);
    const table = flightTable(input, { seed: 7 });
    expect(table.total.map((d) => d.cumulativeReach)).toEqual(project(input, { seed: 7 }).daily.map((d) => d.cumulativeReach));
  });

  it('is empty without a valid flight', () => {
    const input = check(planWith({ endDate: '2023-01-01', formats: [formatLine('in-feed', '60000')] })).input;
    expect(flightTable(input)).toEqual({ dates: [], items: [], total: [] });
  });
});

describe('flight CSV: layout', () => {
  it('has the columns in contract order', () => {
    expect(FLIGHT_CSV_COLUMNS).toEqual([
      'date',
      'item_type',
      'item_name',
      'item_id',
      'spend',
      'impressions',
      'cumulative_impressions',
      'cumulative_reach',
    ]);
    const { csv } = exportOf(PLAN);
    expect(csv.slice(1).split('\r\n')[0]).toBe(FLIGHT_CSV_COLUMNS.join(','));
  });

  it('is the flight table serialised like the plan CSV', () => {
    const { csv, rows } = exportOf(PLAN);
    expect(csv).toBe(toCsv(rows, FLIGHT_CSV_COLUMNS));
  });

  it('has, for each date in order, each line item then the total', () => {
    const { csv, projection } = exportOf(PLAN);
    const data = records(csv);
    expect(data).toHaveLength(DEFAULT_FLIGHT_DAYS * 4);
    projection.daily.forEach((day, d) => {
      const block = data.slice(d * 4, d * 4 + 4);
      expect(block.map((r) => r.date)).toEqual([day.date, day.date, day.date, day.date]);
      expect(block.map((r) => [r.item_type, r.item_name, r.item_id])).toEqual([
        ['format', 'In-Feed Ads', 'in-feed'],
        ['format', 'Brand Takeover', 'brand-takeover'],
        ['creator', 'maya.fit', 'creator:maya.fit'],
        ['total', 'Total', ''],
      ]);
    });
  });

  it('writes plain numbers: money to the cent, counts whole, no separators or symbols', () => {
    const { csv, table } = exportOf(PLAN);
    const data = records(csv);
    for (const row of data) {
      expect(row.spend).toMatch(/^\d+(\.\d{1,2})?$/);
      for (const count of [row.impressions, row.cumulative_impressions, row.cumulative_reach]) expect(count).toMatch(/^\d+$/);
    }
    // Cumulative figures are the model's rounded once; a day is the difference of two of them.
    const [before, creator] = [table.items[2]?.days[4], table.items[2]?.days[5]];
    const row = data[5 * 4 + 2];
    expect(row?.cumulative_impressions).toBe(String(roundFor('count', creator?.cumulativeImpressions ?? Number.NaN)));
    expect(row?.cumulative_reach).toBe(String(roundFor('count', creator?.cumulativeReach ?? Number.NaN)));
    const spent = (day: typeof creator) => roundFor('money', day?.cumulativeSpend ?? Number.NaN);
    const seen = (day: typeof creator) => roundFor('count', day?.cumulativeImpressions ?? Number.NaN);
    expect(row?.spend).toBe(String(roundFor('money', spent(creator) - spent(before))));
    expect(row?.impressions).toBe(String(seen(creator) - seen(before)));
  });
});

describe('flight CSV: figures', () => {
  it('gives the total row the plan’s daily series: spend, cumulative impressions, de-duplicated reach', () => {
    const { rows, projection } = exportOf(PLAN);
    const totals = rows.filter((r) => r.item_type === 'total');
    expect(totals).toHaveLength(projection.daily.length);
    projection.daily.forEach((day, d) => {
      const spentBefore = d > 0 ? roundFor('money', projection.daily[d - 1]?.cumulativeSpend ?? Number.NaN) : 0;
      expect(totals[d]).toMatchObject({
        date: day.date,
        spend: roundFor('money', roundFor('money', day.cumulativeSpend) - spentBefore),
        cumulative_impressions: roundFor('count', day.cumulativeImpressions),
        cumulative_reach: roundFor('count', day.cumulativeReach),
      });
    });
  });

  it('adds the line items’ spend and impressions up to the total’s (within rounding), and their reach to more', () => {
    const { rows } = exportOf(PLAN);
    const dates = [...new Set(rows.map((r) => r.date))];
    expect(dates).toHaveLength(DEFAULT_FLIGHT_DAYS);
    const n = 3;
    for (const date of dates) {
      const dayRows = rows.filter((r) => r.date === date);
      const items = dayRows.filter((r) => r.item_type !== 'total');
      expect(items).toHaveLength(n);
      const total = dayRows.find((r) => r.item_type === 'total');
      const sum = (col: FlightCsvColumn) => items.reduce((s, r) => s + Number(r[col]), 0);
      // Cumulative figures are rounded once each: the n line items' and the total's differ by less than
      // (n + 1) halves, a whole number of units, so at most ⌊n ÷ 2⌋. A day's cell is the difference of two
      // cumulative ones: at most twice that.
      const cumulativeOff = Math.floor(n / 2);
      expect(Math.abs(sum('cumulative_impressions') - Number(total?.cumulative_impressions))).toBeLessThanOrEqual(cumulativeOff);
      expect(Math.abs(sum('impressions') - Number(total?.impressions))).toBeLessThanOrEqual(2 * cumulativeOff);
      expect(Math.abs(sum('spend') - Number(total?.spend))).toBeLessThanOrEqual(2 * cumulativeOff * 0.01 + 1e-9);
      expect(sum('cumulative_reach')).toBeGreaterThanOrEqual(Number(total?.cumulative_reach));
    }
  });

  it('adds each line item’s days up exactly: spend to its spend to the cent, impressions to its cumulative impressions', () => {
    const { rows, projection } = exportOf(PLAN);
    for (const item of [...projection.items, { id: '', spend: projection.totals.spend }]) {
      const own = rows.filter((r) => r.item_id === item.id);
      expect(own).toHaveLength(DEFAULT_FLIGHT_DAYS);
      // $60,000 ÷ 28 days is $2,142.857…: rounded day by day, the days would add up to $60,000.08.
      expect(roundFor('money', own.reduce((s, r) => s + Number(r.spend), 0))).toBe(roundFor('money', item.spend));
      let seen = 0;
      for (const r of own) {
        seen += Number(r.impressions);
        expect(seen).toBe(r.cumulative_impressions);
      }
    }
    const takeover = rows.filter((r) => r.item_id === 'brand-takeover');
    expect(takeover.at(-1)?.cumulative_impressions).toBe(roundFor('count', projection.items[1]?.impressions ?? Number.NaN));
    expect(takeover.filter((r) => Number(r.spend) > 0)).toHaveLength(2);
  });

  it('neutralises a name a spreadsheet would run as a formula', () => {
    const { csv } = exportOf(planWith({ creators: [creatorLine({ handle: '-mal.ice', posts: '1' })] }));
    const data = records(csv);
    expect(data[0]?.item_name).toBe("'-mal.ice");
    expect(data[0]?.item_id).toBe('creator:-mal.ice');
  });

  it('has the header and no rows without a valid flight', () => {
    const input = check(planWith({ endDate: '2023-01-01', formats: [formatLine('in-feed', '60000')] })).input;
    const csv = flightCsv(input);
    expect(csv.slice(1).split('\r\n')[0]).toBe(FLIGHT_CSV_COLUMNS.join(','));
    expect(records(csv)).toEqual([]);
  });

  it('keeps each day within a cent, or one impression, of the day’s own figure', () => {
    const { rows, table } = exportOf(PLAN);
    table.items.forEach((item, i) => {
      item.days.forEach((day, d) => {
        const row = rows[d * 4 + i];
        expect(Math.abs(Number(row?.spend) - day.spend)).toBeLessThanOrEqual(0.01 + 1e-9);
        expect(Math.abs(Number(row?.impressions) - day.impressions)).toBeLessThanOrEqual(1);
      });
    });
  });
});

describe('flight CSV: the last day is the headline', () => {
  /** Every kind of line item, participants kept apart or counted, markets with their own takeover rate cards, creators with audience data. */
  const plans: [string, Plan][] = [
    ['In-Feed on CPC, takeover days and a creator with Spark Ads', PLAN],
    [
      'a challenge, participants kept out of reach',
      big({ formats: [formatLine('hashtag-challenge', '175,000'), formatLine('in-feed', '60000', { buyingModel: 'CPV' })] }),
    ],
    [
      'a challenge, participants counted in reach',
      big({ formats: [formatLine('hashtag-challenge', '175,000'), formatLine('in-feed', '60000', { buyingModel: 'CPV' })], earnedInReach: true }),
    ],
    [
      'a takeover, effects and creators in the U.S. and Japan',
      big({
        targeting: { countries: ['US', 'JP'], ageBands: ['18-24', '25-34'], gender: 'female' },
        formats: [takeoverLine('3', { pacing: 'front-loaded' }), formatLine('branded-effects', '100000')],
        creators: [
          creatorLine({ audience: AUDIENCE, credibility: 0.8, sparkBudget: '5,000', postDates: ['', dayAfter(DEFAULT_START, 20)] }),
          creatorLine({ handle: 'yui', country: 'JP', avgViews: null, fans: 400_000, credibility: 0.7, posts: '3' }),
        ],
      }),
    ],
  ];

  function lastRows(rows: readonly Record<FlightCsvColumn, string | number>[], projection: Projection) {
    const last = rows.filter((r) => r.date === rows.at(-1)?.date);
    expect(last).toHaveLength(projection.items.length + 1);
    return last;
  }

  it.each(plans)('%s: the total’s last day is the projection’s reach and impressions, rounded', (_, plan) => {
    const { rows, projection } = exportOf(plan);
    const total = lastRows(rows, projection).at(-1);
    expect(total).toMatchObject({
      item_type: 'total',
      cumulative_reach: roundFor('count', projection.totals.reach),
      cumulative_impressions: roundFor('count', projection.totals.impressions),
    });
  });

  it.each(plans)('%s: each line item’s last day is its reach and impressions, rounded', (_, plan) => {
    const { rows, projection } = exportOf(plan);
    const last = lastRows(rows, projection);
    projection.items.forEach((item, i) => {
      expect(last[i]).toMatchObject({ item_id: item.id, cumulative_reach: roundFor('count', item.reach), cumulative_impressions: roundFor('count', item.impressions) });
    });
  });

  it.each(plans)('%s: spend adds up, for each line item and the plan, to what the plan check says it spends', (_, plan) => {
    const { rows, projection, input } = exportOf(plan);
    const spent = (id: string) => roundFor('money', rows.filter((r) => r.item_id === id).reduce((s, r) => s + Number(r.spend), 0));
    for (const item of projection.items) expect(spent(item.id)).toBe(roundFor('money', item.spend));
    expect(spent('')).toBe(roundFor('money', projection.totals.spend));
    const line = (l: { spend: number }) => l.spend;
    expect(spent('')).toBe(roundFor('money', [...input.formats.map(line), ...input.creators.map(line)].reduce((s, v) => s + v, 0)));
  });

  it('keeps participants’ videos out of impressions unless the plan counts them', () => {
    const apart = exportOf(plans[1]?.[1] ?? PLAN);
    const counted = exportOf(plans[2]?.[1] ?? PLAN);
    const challengeEnd = (e: typeof apart) => e.rows.filter((r) => r.item_id === 'hashtag-challenge').at(-1)?.cumulative_impressions;
    const challenge = apart.projection.items.find((i) => i.id === 'hashtag-challenge');
    expect(challengeEnd(apart)).toBe(roundFor('count', challenge?.paidImpressions ?? Number.NaN));
    expect(challengeEnd(counted)).toBe(roundFor('count', (challenge?.paidImpressions ?? Number.NaN) + (challenge?.earnedViews ?? Number.NaN)));
  });
});

describe('flight CSV: each line item on its days', () => {
  const a = defaultAssumptions(2024);

  it('puts takeover days on their days, each a day in every targeted market: their prices and guarantees added', () => {
    const plan = big({ targeting: { countries: ['US', 'JP'], ageBands: [...AGE_BANDS], gender: 'all' }, formats: [takeoverLine('3')] });
    const { rows } = exportOf(plan);
    const own = rows.filter((r) => r.item_id === 'brand-takeover');
    expect(own).toHaveLength(DEFAULT_FLIGHT_DAYS);
    const on = eventDays(3, DEFAULT_FLIGHT_DAYS);
    expect(own.flatMap((r, d) => (Number(r.spend) > 0 ? [d] : []))).toEqual(on);
    expect(own.flatMap((r, d) => (Number(r.impressions) > 0 ? [d] : []))).toEqual(on);
    for (const d of on) {
      expect(own[d]).toMatchObject({
        date: dayAfter(DEFAULT_START, d),
        spend: a.takeoverPricePerDayUS + a.takeoverPricePerDayJP,
        impressions: a.takeoverImpressionsPerDayUS + a.takeoverImpressionsPerDayJP,
      });
    }
  });

  it('puts front-loaded takeover days on the flight’s first days', () => {
    const { rows } = exportOf(big({ formats: [takeoverLine('3', { pacing: 'front-loaded' })] }));
    expect(rows.filter((r) => r.item_id === 'brand-takeover').flatMap((r, d) => (Number(r.spend) > 0 ? [d] : []))).toEqual([0, 1, 2]);
  });

  it('puts a creator’s fees and views on the days of their posts, Spark Ads every day from the first post', () => {
    const plan = big({
      creators: [
        creatorLine({ handle: 'dated', posts: '2', fee: '800', postDates: [dayAfter(DEFAULT_START, 3), dayAfter(DEFAULT_START, 17)] }),
        creatorLine({ handle: 'spark', posts: '1', fee: '500', postDates: [dayAfter(DEFAULT_START, 7)], sparkBudget: '2,100' }),
      ],
    });
    const { rows } = exportOf(plan);
    const dated = rows.filter((r) => r.item_id === 'creator:dated');
    expect(dated.flatMap((r, d) => (Number(r.spend) > 0 ? [[d, r.spend, r.impressions]] : []))).toEqual([
      [3, 800, 8_000],
      [17, 800, 8_000],
    ]);
    const spark = rows.filter((r) => r.item_id === 'creator:spark');
    // $2,100 over the 21 days from day 7: $100 a day, the fee on the post's day.
    expect(spark.slice(0, 7).every((r) => r.spend === 0 && r.impressions === 0)).toBe(true);
    expect(spark.slice(7).map((r) => r.spend)).toEqual([600, ...Array<number>(20).fill(100)]);
    expect(Number(spark[7]?.impressions)).toBeGreaterThan(Number(spark[8]?.impressions));
  });

  it('puts a package on as many days of the flight as it buys', () => {
    // $175,000 buys the 6-day Hashtag Challenge and one extra day at $25,000.
    const { rows, projection } = exportOf(big({ formats: [formatLine('hashtag-challenge', '175,000')] }));
    const item = projection.items.find((i) => i.id === 'hashtag-challenge');
    expect(item?.bought).toEqual({ quantity: 7, unit: 'days' });
    const own = rows.filter((r) => r.item_id === 'hashtag-challenge');
    expect(own.filter((r) => Number(r.spend) > 0)).toHaveLength(7);
    expect(own.filter((r) => Number(r.impressions) > 0)).toHaveLength(7);
  });
});

describe('flightCsvFileName', () => {
  it.each([
    ['Q3 launch', 'Q3 launch-daily-2026-03-14.csv'],
    ['a/b: c?', 'a-b- c--daily-2026-03-14.csv'],
    ['', 'reachplan-daily-2026-03-14.csv'],
    ['CON', 'plan-CON-daily-2026-03-14.csv'],
  ])('"%s" → %s', (name, file) => {
    expect(flightCsvFileName(name, new Date(2026, 2, 14, 23, 59))).toBe(file);
  });
});

describe('flight CSV: read by an independent parser (Python csv)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reachplan-flight-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every row with the header’s columns, and sums a day’s line-item spend to the total', () => {
    const { csv, projection } = exportOf(PLAN);
    const file = join(dir, 'daily.csv');
    writeFileSync(file, csv, 'utf8');
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    rows = list(csv.DictReader(f))',
      "day = [r for r in rows if r['date'] == rows[0]['date']]",
      "items = sum(float(r['spend']) for r in day if r['item_type'] != 'total')",
      "total = [float(r['spend']) for r in day if r['item_type'] == 'total'][0]",
      "print(json.dumps({'rows': len(rows), 'columns': list(rows[0].keys()), 'items': items, 'total': total}))",
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as {
      rows: number;
      columns: string[];
      items: number;
      total: number;
    };
    expect(out.rows).toBe(DEFAULT_FLIGHT_DAYS * 4);
    expect(out.columns).toEqual([...FLIGHT_CSV_COLUMNS]);
    expect(out.total).toBe(roundFor('money', projection.daily[0]?.spend ?? Number.NaN));
    expect(Math.abs(out.items - out.total)).toBeLessThanOrEqual(0.015 + 1e-9);
  });
});
