import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import {
  ASSUMPTIONS_CSV_COLUMNS,
  assumptionsCsvFileName,
  assumptionsCsvRows,
  csvFileName,
  MAX_STEM_BYTES,
  neutralise,
  PLAN_CSV_COLUMNS,
  planCsvRows,
  safeFileStem,
  toCsv,
  unneutralise,
  type PlanCsvColumn,
} from '../../src/domain/csv';
import type { Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { roundFor } from '../../src/domain/rounding';
import type { Assumption, AssumptionKey } from '../../src/domain/types';
import { check, creatorLine, defaultAssumptions, formatLine, planWith, takeoverLine } from './plan-fixtures';

const BOM = '\uFEFF';

/** A plan with formats and a creator; at a $45 order value In-Feed Ads lose money (negative ROI). */
const PLAN = planWith({
  name: 'Q3 launch',
  goal: 'sales',
  totalBudget: '1,000,000',
  formats: [formatLine('in-feed', '60,000'), takeoverLine('2')],
  creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800' })],
  assumptionOverrides: { averageOrderValue: '45' },
});

/** The app's export: unticked formats are left out before the plan is checked and projected. */
function exportPlan(plan: Plan) {
  const result = check({ ...plan, formats: plan.formats.filter((f) => f.included) });
  expect(result.isValid).toBe(true);
  const projection = project(result.input);
  const rows = planCsvRows(plan, projection);
  return { result, projection, rows, csv: toCsv(rows, PLAN_CSV_COLUMNS) };
}

/** Parses our CSV with papaparse, without the BOM and the final line break. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1, -2), { header: false, newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function column(row: readonly string[] | undefined, name: (typeof PLAN_CSV_COLUMNS)[number]): string | undefined {
  return row?.[PLAN_CSV_COLUMNS.indexOf(name)];
}

describe('toCsv(planCsvRows(...)): layout', () => {
  const { csv, rows, result, projection } = exportPlan(PLAN);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 BOM and the header in contract order: the first 26 columns unchanged, the plan’s inputs after them', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(PLAN_CSV_COLUMNS.join(','));
    expect(PLAN_CSV_COLUMNS.slice(0, 26)).toEqual([
      'plan_name',
      'item_type',
      'item_name',
      'start_date',
      'end_date',
      'budget',
      'currency',
      'impressions',
      'reach',
      'video_views',
      'engagements',
      'engagement_rate',
      'conversions',
      'revenue',
      'cpm',
      'roi',
      'goal',
      'quantity',
      'quantity_unit',
      'clicks',
      'video_submissions',
      'reach_low',
      'reach_high',
      'conversions_low',
      'conversions_high',
      'frequency',
    ]);
    expect(PLAN_CSV_COLUMNS.slice(26)).toEqual([
      'item_id',
      'amount',
      'buying_model',
      'pacing',
      'category',
      'posts',
      'fee_per_post',
      'post_dates',
      'spark_budget',
      'display_name',
      'niche',
      'creator_country',
      'tier',
      'fans',
      'avg_views',
      'catalog_engagement_rate',
      'catalog_fee',
      'status',
      'total_budget',
      'kpi_target',
      'countries',
      'age_bands',
      'gender',
      'agency_commission_pct',
      'usage_rights_fee',
      'whitelisting_fee',
      'production_fee',
      'tax_pct',
      'exclude_weekends',
      'assumption_overrides',
    ]);
    expect(new Set(PLAN_CSV_COLUMNS).size).toBe(PLAN_CSV_COLUMNS.length);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.at(-1)).toBe('');
  });

  it('has one row per line item, then a total row whose budget is the plan’s spend', () => {
    expect(lines).toHaveLength(1 + projection.items.length + 1 + 1);
    expect(rows.map((r) => [r.item_type, r.item_name])).toEqual([
      ['format', 'In-Feed Ads'],
      ['format', 'Brand Takeover'],
      ['creator', 'maya.fit'],
      ['total', 'Total'],
    ]);
    const total = parseCsv(csv).at(-1);
    expect(column(total, 'item_type')).toBe('total');
    expect(column(total, 'budget')).toBe(String(result.spend));
    expect(result.spend).toBe(161_600);
  });

  it('writes the de-duplicated reach on the total row, not the sum of the items', () => {
    const parsed = parseCsv(csv);
    const itemReach = parsed.slice(1, -1).reduce((sum, row) => sum + Number(column(row, 'reach')), 0);
    const totalReach = Number(column(parsed.at(-1), 'reach'));
    expect(totalReach).toBe(Math.round(projection.totals.reach));
    expect(totalReach).toBeLessThan(itemReach);
  });

  it('repeats the plan facts on every row', () => {
    for (const row of parseCsv(csv).slice(1)) {
      expect(column(row, 'plan_name')).toBe('Q3 launch');
      expect(column(row, 'start_date')).toBe('2024-01-08');
      expect(column(row, 'end_date')).toBe('2024-02-04');
      expect(column(row, 'currency')).toBe('USD');
      expect(column(row, 'goal')).toBe('sales');
    }
  });

  it('writes plain numbers: no separators, no symbols, no quotes', () => {
    const [, inFeed, takeover, creator] = lines;
    expect(rows[0]?.impressions).toBe(6_000_000);
    expect(inFeed).toContain(',6000000,');
    expect(inFeed).toContain(',60000,USD,');
    expect(takeover).toContain(',10000000,');
    expect(creator).toContain(',1600,USD,');
    expect(csv).not.toContain('$');
    const text: readonly PlanCsvColumn[] = [
      ...['plan_name', 'item_type', 'item_name', 'start_date', 'end_date', 'currency', 'goal', 'quantity_unit'] as const,
      ...['item_id', 'buying_model', 'pacing', 'category', 'post_dates', 'display_name', 'niche', 'creator_country', 'tier'] as const,
      ...['status', 'countries', 'age_bands', 'gender', 'exclude_weekends', 'assumption_overrides'] as const,
    ];
    const numeric = PLAN_CSV_COLUMNS.filter((c) => !text.includes(c));
    for (const row of parseCsv(csv).slice(1)) {
      for (const name of numeric) expect(column(row, name)).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
  });

  it('keeps a negative ROI as a plain, unquoted, un-neutralised number', () => {
    const roi = projection.items[0]?.roi?.mid ?? Number.NaN;
    expect(roi).toBeLessThan(0);
    const cell = String(roundFor('rate', roi));
    expect(rows[0]?.roi).toBe(roundFor('rate', roi));
    expect(cell.startsWith('-')).toBe(true);
    expect(lines[1]).toContain(`,${cell},`);
    expect(lines[1]).not.toContain(`'${cell}`);
    expect(lines[1]).not.toContain(`"${cell}"`);
  });

  it('rounds counts to whole numbers, money to cents, rates to 4 decimals', () => {
    const creator = parseCsv(csv)[3];
    const item = projection.items[2];
    if (!item) throw new Error('no creator item');
    expect(column(creator, 'impressions')).toBe('16000');
    expect(column(creator, 'engagement_rate')).toBe('0.06');
    expect(column(creator, 'clicks')).toBe('144');
    expect(column(creator, 'conversions')).toBe(String(Math.round(item.conversions)));
    expect(column(creator, 'revenue')).toBe(String(Math.round(item.revenue * 100) / 100));
    expect(column(creator, 'revenue')).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(column(creator, 'cpm')).toBe('100');
    expect(column(creator, 'frequency')).toMatch(/^\d+(\.\d{1,4})?$/);
  });

  it('names creators by handle without @ and gives what each line buys, with its unit', () => {
    const parsed = parseCsv(csv);
    expect(parsed.slice(1).map((r) => [column(r, 'item_name'), column(r, 'quantity'), column(r, 'quantity_unit')])).toEqual([
      ['In-Feed Ads', '6000000', 'impressions'],
      ['Brand Takeover', '2', 'days'],
      ['maya.fit', '2', 'posts'],
      ['Total', '', ''],
    ]);
  });

  it('writes the P10 and P90 of reach and conversions, and the frequency, on every row', () => {
    const parsed = parseCsv(csv).slice(1);
    const sources = [...projection.items, projection.totals];
    parsed.forEach((row, i) => {
      const r = sources[i];
      if (!r) throw new Error('no row source');
      expect(column(row, 'reach_low')).toBe(String(roundFor('count', r.ranges.reach.low)));
      expect(column(row, 'reach')).toBe(String(roundFor('count', r.ranges.reach.mid)));
      expect(column(row, 'reach_high')).toBe(String(roundFor('count', r.ranges.reach.high)));
      expect(column(row, 'conversions_low')).toBe(String(roundFor('count', r.ranges.conversions.low)));
      expect(column(row, 'conversions_high')).toBe(String(roundFor('count', r.ranges.conversions.high)));
      expect(column(row, 'frequency')).toBe(r.frequency === null ? '' : String(roundFor('rate', r.frequency)));
      expect(Number(column(row, 'reach_low'))).toBeLessThanOrEqual(Number(column(row, 'reach')));
      expect(Number(column(row, 'reach'))).toBeLessThanOrEqual(Number(column(row, 'reach_high')));
      expect(Number(column(row, 'conversions_low'))).toBeLessThanOrEqual(Number(column(row, 'conversions')));
      expect(Number(column(row, 'conversions'))).toBeLessThanOrEqual(Number(column(row, 'conversions_high')));
    });
  });

  it('gives bought impressions no reach spread, and sampled conversions a spread', () => {
    const inFeed = parseCsv(csv)[1];
    // 6,000,000 impressions all on target: reach has no spread; conversions follow CTR and conversion rate.
    expect(column(inFeed, 'reach_low')).toBe(column(inFeed, 'reach'));
    expect(column(inFeed, 'reach_high')).toBe(column(inFeed, 'reach'));
    expect(Number(column(inFeed, 'conversions_low'))).toBeLessThan(Number(column(inFeed, 'conversions_high')));
    expect(column(inFeed, 'frequency')).toBe(String(roundFor('rate', 6_000_000 / Number(projection.items[0]?.reach))));
  });

  it('leaves frequency and cost cells empty where there is nothing to divide by', () => {
    const { rows: emptyRows } = exportPlan({ ...PLAN, formats: [], creators: [] });
    expect(emptyRows).toHaveLength(1);
    expect(emptyRows[0]).toMatchObject({ item_type: 'total', frequency: '', cpm: '', roi: '', engagement_rate: '' });
    expect(emptyRows[0]?.reach).toBe(0);
    expect(Object.is(emptyRows[0]?.reach, 0)).toBe(true);
  });
});

describe('neutralise', () => {
  it.each([['=SUM(A1:A9)'], ['+1'], ['-1'], ['@cmd'], ['\tcell'], ['\rcell'], ['=HYPERLINK("http://x")']])(
    '"%s" gets a leading apostrophe',
    (text) => {
      expect(neutralise(text)).toBe(`'${text}`);
    },
  );

  it.each([['Q3 launch'], [''], ['a=b'], ['1+1'], ['여름 캠페인'], [" 'quoted"], ['100%'], ["'quoted"], ["it's"], ["'"]])('"%s" is left alone', (text) => {
    expect(neutralise(text)).toBe(text);
  });

  it.each([["'=x"], ["''+1"], ["'@h"]])('"%s", which starts with apostrophes before a trigger, gets one more, so the import gives it back whole', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
    expect(unneutralise(neutralise(text))).toBe(text);
  });

  it('is undone by unneutralise for any text (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'x', ' '), fc.string()).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        expect(unneutralise(neutralise(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('planCsvRows: what rebuilds the plan', () => {
  const plan = planWith({
    name: 'Inputs',
    status: 'proposed',
    totalBudget: '$1,000,000',
    kpiTarget: '2,500,000',
    targeting: { countries: ['KR', 'US'], ageBands: ['18-24', '25-34', '55+'], gender: 'female' },
    formats: [
      formatLine('in-feed', '$60,000.50', { buyingModel: 'CPC', pacing: 'front-loaded' }),
      formatLine('branded-effects', '100000', { included: false }),
      takeoverLine('2', { category: 'travel' }),
    ],
    creators: [
      creatorLine({ handle: 'maya.fit', displayName: '=Maya "M"', posts: '3', fee: '1,200', postDates: ['', '2024-01-20', ''], sparkBudget: '$500' }),
      creatorLine({ handle: 'jun', displayName: '박준', avgViews: null, engagementRate: null, posts: '1', fee: '300', postDates: ['2024-01-10', '2024-01-11'] }),
    ],
    assumptionOverrides: { averageOrderValue: '$45.50', clickThroughRate: '1.5%', conversionRate: ' ' },
    costs: { agencyCommission: '15%', usageRights: '2,000', whitelisting: '', production: '$3,500.25', tax: '10' },
    excludeWeekends: true,
  });
  const { rows, csv } = exportPlan(plan);
  const [inFeed, takeover, maya, jun, total] = rows;

  it('writes a format’s id and inputs, the typed amount as its value', () => {
    expect(inFeed).toMatchObject({ item_id: 'in-feed', amount: 60000.5, buying_model: 'CPC', pacing: 'front-loaded', category: '', posts: '', display_name: '' });
    expect(takeover).toMatchObject({ item_id: 'brand-takeover', amount: 2, buying_model: 'CPM', pacing: 'even', category: 'Travel' });
  });

  it('writes a creator’s handle, inputs and catalog facts; one post date a post, auto for a spread post', () => {
    expect(maya).toMatchObject({
      item_id: 'maya.fit',
      amount: '',
      posts: 3,
      fee_per_post: 1200,
      post_dates: 'auto 2024-01-20 auto',
      spark_budget: 500,
      display_name: '=Maya "M"',
      niche: 'fitness',
      creator_country: 'US',
      tier: 'micro',
      fans: 50_000,
      avg_views: 8_000,
      catalog_engagement_rate: 0.06,
      catalog_fee: 800,
    });
    // A date past the last post is one the app ignores: it isn't written.
    expect(jun).toMatchObject({ item_id: 'jun', post_dates: '2024-01-10', spark_budget: '', avg_views: '', catalog_engagement_rate: '' });
  });

  it('leaves unticked formats out', () => {
    expect(rows.map((r) => r.item_id)).toEqual(['in-feed', 'brand-takeover', 'maya.fit', 'jun', '']);
  });

  it('repeats the plan’s settings on every row, typed numbers as values, overrides one a line', () => {
    const settings = {
      status: 'proposed',
      total_budget: 1_000_000,
      kpi_target: 2_500_000,
      countries: 'KR US',
      age_bands: '18-24 25-34 55+',
      gender: 'female',
      agency_commission_pct: 15,
      usage_rights_fee: 2000,
      whitelisting_fee: '',
      production_fee: 3500.25,
      tax_pct: 10,
      exclude_weekends: 'yes',
      assumption_overrides: 'clickThroughRate=1.5\naverageOrderValue=45.5',
    };
    for (const row of rows) expect(row).toMatchObject(settings);
    expect(total).toMatchObject({ item_type: 'total', item_id: '', amount: '', posts: '', fans: '' });
  });

  it('neutralises a display name that starts with a formula trigger, and quotes the override cell', () => {
    const parsed = parseCsv(csv);
    expect(column(parsed[3], 'display_name')).toBe('\'=Maya "M"');
    expect(csv).toContain('"clickThroughRate=1.5\naverageOrderValue=45.5"');
    expect(column(parsed[5], 'exclude_weekends')).toBe('yes');
  });
});

describe('toCsv: text cells', () => {
  it.each([['=cmd|calc'], ['+SUM(1)'], ['-2+3'], ['@handle']])('neutralises a plan named "%s"', (name) => {
    const parsed = parseCsv(exportPlan({ ...PLAN, name }).csv);
    for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(`'${name}`);
  });

  it('neutralises cells that start with a tab or a carriage return', () => {
    const csv = toCsv(
      [
        { a: '\t=1+1', b: 'x' },
        { a: '\rX', b: 'y' },
      ],
      ['a', 'b'],
    );
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ["'\t=1+1", 'x'],
      ["'\rX", 'y'],
    ]);
  });

  it('quotes commas, quotes and newlines per RFC 4180 and keeps Korean text', () => {
    const name = 'Launch, "Q3"\nSeoul 여름 캠페인';
    const { csv } = exportPlan({ ...PLAN, name });
    expect(csv).toContain('"Launch, ""Q3""\nSeoul 여름 캠페인"');
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(5);
    for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(name);
  });

  it('writes Korean text unquoted when nothing needs quoting', () => {
    const { csv } = exportPlan({ ...PLAN, name: '여름 캠페인' });
    expect(csv.split('\r\n')[1]?.startsWith('여름 캠페인,format,')).toBe(true);
  });

  it('trims the plan name', () => {
    const parsed = parseCsv(exportPlan({ ...PLAN, name: '  Q3 launch  ' }).csv);
    expect(column(parsed[1], 'plan_name')).toBe('Q3 launch');
  });

  it('round-trips any plan name through papaparse (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const name = raw.trim() === '' ? `x${raw}` : raw;
        const parsed = parseCsv(exportPlan({ ...PLAN, name }).csv);
        expect(parsed).toHaveLength(5);
        for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(neutralise(name.trim()));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips any text cells through papaparse (property)', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1', '-', '@', '\t', '\r\n', '"', ',', ' x '));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), (cells) => {
        const rows = cells.map(([a, b, c]) => ({ a, b, c }));
        const parsed = parseCsv(toCsv(rows, ['a', 'b', 'c']));
        expect(parsed).toEqual([['a', 'b', 'c'], ...cells.map((r) => r.map(neutralise))]);
      }),
    );
  });
});

describe('toCsv: read by an independent parser (Python csv)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reachplan-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function readWithPython(csv: string): string[][] {
    const file = join(dir, 'plan.csv');
    writeFileSync(file, csv, 'utf8');
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    print(json.dumps(list(csv.reader(f))))',
    ].join('\n');
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[][];
  }

  it('reads the header and the total row', () => {
    const { csv, result } = exportPlan(PLAN);
    const table = readWithPython(csv);
    expect(table[0]).toEqual([...PLAN_CSV_COLUMNS]);
    expect(table).toHaveLength(5);
    const total = table.at(-1);
    expect(column(total, 'item_type')).toBe('total');
    expect(column(total, 'item_name')).toBe('Total');
    expect(Number(column(total, 'budget'))).toBe(result.spend);
  });

  it('reads the ranges as numbers in order, P10 ≤ P50 ≤ P90 on every row', () => {
    const { csv } = exportPlan(PLAN);
    const file = join(dir, 'ranges.csv');
    writeFileSync(file, csv, 'utf8');
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    rows = list(csv.DictReader(f))',
      "ok = all(float(r['reach_low']) <= float(r['reach']) <= float(r['reach_high']) and float(r['conversions_low']) <= float(r['conversions']) <= float(r['conversions_high']) for r in rows)",
      "print(json.dumps({'rows': len(rows), 'ok': ok, 'frequency': [r['frequency'] for r in rows]}))",
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { rows: number; ok: boolean; frequency: string[] };
    expect(out.rows).toBe(4);
    expect(out.ok).toBe(true);
    for (const f of out.frequency) expect(Number(f)).toBeGreaterThanOrEqual(1);
  });

  it('reads the assumptions CSV, with a formula-like label neutralised', () => {
    const list = ASSUMPTIONS.map((a) => (a.key === 'averageOrderValue' ? { ...a, label: '=1+1' } : a));
    const csv = toCsv(assumptionsCsvRows(list, defaultAssumptions(), new Set()), ASSUMPTIONS_CSV_COLUMNS);
    const table = readWithPython(csv);
    expect(table[0]).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    expect(table).toHaveLength(1 + ASSUMPTIONS.length);
    expect(table.find((r) => r[0] === "'=1+1")?.slice(1, 3)).toEqual(['40', 'USD']);
  });

  it('reads awkward names exactly, with the BOM removed', () => {
    const name = '=Launch, "Q3"\r\nSeoul 여름 캠페인';
    const table = readWithPython(exportPlan({ ...PLAN, name }).csv);
    expect(table[0]?.[0]).toBe('plan_name');
    expect(table.slice(1).map((r) => column(r, 'plan_name'))).toEqual(Array(4).fill(`'${name}`));
  });
});

describe('safeFileStem and csvFileName', () => {
  const MAY_1 = new Date(2024, 4, 1, 23, 59);

  it('names the file <name>-<yyyy-MM-dd>.csv by the export day', () => {
    expect(csvFileName('Q3 launch', MAY_1)).toBe('Q3 launch-2024-05-01.csv');
    expect(csvFileName('여름 캠페인', new Date(2024, 11, 31))).toBe('여름 캠페인-2024-12-31.csv');
  });

  it.each([
    ['Q3: launch/plan?', 'Q3- launch-plan-'],
    ['a\\b*c"d<e>f|g', 'a-b-c-d-e-f-g'],
    ['tab\there\u0000nul\u001fend\u007f', 'tab-here-nul-end-'],
    ['line\nbreak', 'line-break'],
    ['  spaced   out  ', 'spaced out'],
    ['..hidden', 'hidden'],
    ['ends with dots...', 'ends with dots'],
    ['--flag', 'flag'],
    ['여름 캠페인', '여름 캠페인'],
    ['여름'.normalize('NFD'), '여름'],
    ['', 'reachplan'],
    ['   ', 'reachplan'],
    ['///', 'reachplan'],
    ['CON', 'plan-CON'],
    ['con', 'plan-con'],
    ['CON.', 'plan-CON'],
    [' nul ', 'plan-nul'],
    ['Aux', 'plan-Aux'],
    ['PRN', 'plan-PRN'],
    ['COM1', 'plan-COM1'],
    ['lpt9', 'plan-lpt9'],
    ['CONSOLE', 'CONSOLE'],
    ['Content plan', 'Content plan'],
  ])('"%s" becomes "%s"', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
    expect(csvFileName(name, MAY_1)).toBe(`${stem}-2024-05-01.csv`);
  });

  it('keeps at most MAX_STEM_BYTES bytes of UTF-8', () => {
    expect(safeFileStem('x'.repeat(200))).toBe('x'.repeat(MAX_STEM_BYTES));
    // Hangul takes 3 bytes a syllable: 150 bytes hold 50 of them.
    expect(safeFileStem('캠'.repeat(80))).toBe('캠'.repeat(50));
  });

  it('does not split an emoji at the byte cut', () => {
    const stem = safeFileStem(`a${'😀'.repeat(50)}`);
    // A `u`-flag class of surrogates matches only unpaired ones.
    expect(stem).not.toMatch(/[\uD800-\uDFFF]/u);
    // 1 byte + 37 four-byte emoji = 149 bytes; a 38th would pass 150.
    expect(stem).toBe(`a${'😀'.repeat(37)}`);
  });

  it('always gives a short, non-empty, portable stem (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const stem = safeFileStem(name);
        expect(stem.length).toBeGreaterThan(0);
        expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(MAX_STEM_BYTES + 'plan-'.length);
        // eslint-disable-next-line no-control-regex
        expect(stem).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/);
        expect(stem).not.toMatch(/^[.\s-]/);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe('assumptionsCsvRows', () => {
  const values = defaultAssumptions();
  const rows = assumptionsCsvRows(ASSUMPTIONS, values, new Set());
  const byKey = (key: AssumptionKey) => {
    const index = ASSUMPTIONS.findIndex((a) => a.key === key);
    const row = rows[index];
    if (!row) throw new Error(`no row for ${key}`);
    return row;
  };

  it('has six columns in order and one row per assumption, in the ledger’s order', () => {
    expect(ASSUMPTIONS_CSV_COLUMNS).toEqual(['name', 'value', 'unit', 'market', 'source', 'overridden']);
    expect(rows).toHaveLength(ASSUMPTIONS.length);
    for (const row of rows) expect(Object.keys(row)).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    expect(rows.map((r) => r.name)).toEqual(ASSUMPTIONS.map((a) => a.label));
  });

  it.each([
    ['creatorViewRate', 14.49, '%'],
    ['clickThroughRate', 0.9, '%'],
    ['paidEngagementRate', 4.14, '%'],
    ['duplicationFactor', 95, '%'],
    ['ugcSubmissionRate', 3.3333, '%'],
    ['inFeedCpm', 10, 'USD'],
    ['inFeedCpc', 0.8, 'USD'],
    ['inFeedCpv', 0.05, 'USD'],
    ['takeoverPricePerDay', 50_000, 'USD'],
    ['universeUS', 26_500_000, 'people'],
    ['reachCurveShape', 1, 'number'],
    ['takeoverImpressionsPerDay', 5_000_000, 'number'],
  ] as const)('%s is written as %d %s (fractions as percentages)', (key, value, unit) => {
    expect(byKey(key)).toMatchObject({ value, unit });
  });

  it('writes views per submission in views', () => {
    expect(byKey('viewsPerSubmission')).toMatchObject({ value: roundFor('rate', values.viewsPerSubmission), unit: 'views' });
  });

  it('gives each row its market and source (name and date)', () => {
    ASSUMPTIONS.forEach((a: Assumption, i) => {
      expect(rows[i]?.market).toBe(a.market);
      expect(rows[i]?.source).toBe(`${a.source.name} (${a.source.date})`);
    });
    expect(byKey('universeKR').market).toBe('KR');
  });

  it('writes the plan’s values and marks overridden ones', () => {
    const result = check(planWith({ assumptionOverrides: { clickThroughRate: '1.5', averageOrderValue: '$55.50' } }));
    const overridden = new Set<AssumptionKey>(['clickThroughRate', 'averageOrderValue']);
    const planRows = assumptionsCsvRows(ASSUMPTIONS, result.input.assumptions, overridden);
    const row = (key: AssumptionKey) => planRows[ASSUMPTIONS.findIndex((a) => a.key === key)];
    expect(row('clickThroughRate')).toMatchObject({ value: 1.5, overridden: 'yes' });
    expect(row('averageOrderValue')).toMatchObject({ value: 55.5, overridden: 'yes' });
    expect(planRows.filter((r) => r.overridden === 'yes')).toHaveLength(2);
    expect(new Set(planRows.map((r) => r.overridden))).toEqual(new Set(['yes', 'no']));
  });

  it('neutralises formula-like text through toCsv, and leaves numbers alone', () => {
    const list = ASSUMPTIONS.map((a) =>
      a.key === 'inFeedCpm' ? { ...a, label: '=HYPERLINK("http://evil.example","x")', market: '@US', source: { ...a.source, name: '+cmd' } } : a,
    );
    const csv = toCsv(assumptionsCsvRows(list, values, new Set(['inFeedCpm'])), ASSUMPTIONS_CSV_COLUMNS);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    const evil = parsed.find((r) => r[0]?.includes('HYPERLINK'));
    const date = ASSUMPTIONS.find((a) => a.key === 'inFeedCpm')?.source.date ?? '';
    expect(evil).toEqual(['\'=HYPERLINK("http://evil.example","x")', '10', 'USD', "'@US", `'+cmd (${date})`, 'yes']);
    for (const row of parsed.slice(1)) expect(row[1]).toMatch(/^\d+(\.\d+)?$/);
  });

  it('names the file <name>-assumptions-<yyyy-MM-dd>.csv', () => {
    expect(assumptionsCsvFileName('Q3: launch', new Date(2024, 4, 1))).toBe('Q3- launch-assumptions-2024-05-01.csv');
  });
});
