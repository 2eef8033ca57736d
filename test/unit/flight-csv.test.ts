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
import { project } from '../../src/domain/projection';
import { roundFor } from '../../src/domain/rounding';
import type { Range } from '../../src/domain/stats';
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
    expect(takeover?.days[0]?.impressions).toBeCloseTo(defaultAssumptions().takeoverImpressionsPerDay, 6);
  });

  it('ends each line item without spread on its reach', () => {
    const { table, projection } = tableAndProjection(mixed);
    for (const id of ['brand-takeover', 'creator:maya.fit']) {
      const result = projection.items.find((i) => i.id === id);
      // No spread: the same reach in every scenario.
      expect([result?.ranges.reach.low, result?.ranges.reach.high]).toEqual([result?.reach, result?.reach]);
      expect(table.items.find((i) => i.id === id)?.days.at(-1)?.cumulativeReach).toBe(result?.reach);
    }
  });

  it('ends every line item on its P50 reach when they all vary with the same one rate (the plan’s median scenario is theirs)', () => {
    // Two creators without measured views: both vary with the creator view rate alone.
    const plan = big({
      creators: [creatorLine({ handle: 'a.one', avgViews: null, fans: 200_000 }), creatorLine({ handle: 'b.two', avgViews: null, fans: 90_000, posts: '5' })],
    });
    const { table, projection } = tableAndProjection(plan);
    for (const result of projection.items) {
      expectSpread(result.ranges.reach);
      expect(table.items.find((i) => i.id === result.id)?.days.at(-1)?.cumulativeReach).toBe(result.reach);
    }
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
    for (const date of dates) {
      const dayRows = rows.filter((r) => r.date === date);
      const items = dayRows.filter((r) => r.item_type !== 'total');
      const total = dayRows.find((r) => r.item_type === 'total');
      const sum = (col: FlightCsvColumn) => items.reduce((s, r) => s + Number(r[col]), 0);
      // Each of the 3 line items is rounded on its own: at most half a unit off each.
      expect(Math.abs(sum('spend') - Number(total?.spend))).toBeLessThanOrEqual(0.015 + 1e-9);
      expect(Math.abs(sum('impressions') - Number(total?.impressions))).toBeLessThanOrEqual(1.5);
      expect(Math.abs(sum('cumulative_impressions') - Number(total?.cumulative_impressions))).toBeLessThanOrEqual(1.5);
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
