/** Reading plan CSVs back: file variants, the export's `'`, rejected rows with their lines, files that are not plans. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import { ASSUMPTIONS_CSV_COLUMNS, assumptionsCsvRows, normalisePlanForCsv, PLAN_CSV_COLUMNS, planCsvRows, toCsv, type PlanCsvColumn } from '../../src/domain/csv';
import {
  detectSeparator,
  importPlanCsv,
  slashedDateOrder,
  type DateOrder,
  MAX_CSV_BYTES,
  MAX_CSV_LINE_ITEMS,
  readCsvDate,
  readCsvNumber,
  readCsvRecords,
  type ImportPlanCsvOptions,
  type PlanCsvImport,
  type PlanSchemaCheck,
} from '../../src/domain/csv-import';
import { MODEL_EDITION, type Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { AGE_BANDS, type AudienceProfile } from '../../src/domain/types';
import { planSchema } from '../../src/lib/plan-schema';
import { check, creatorLine, defaultAssumptions, formatLine, planWith, takeoverLine } from './plan-fixtures';

const ID = 'imported-plan';
const NOW = new Date(2024, 4, 2, 10, 0);
const CATALOG = { formats: AD_FORMATS, benchmarks: BENCHMARKS };

/** A creator's measured audience, as the catalog gives it. */
const AUDIENCE: AudienceProfile = {
  ageShares: { '13-17': 0.2, '18-24': 0.4, '25-34': 0.2, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.45,
  topCountries: [
    { country: 'US', share: 0.62 },
    { country: 'CA', share: 0.1 },
  ],
};

/**
 * In-Feed Ads, a Brand Takeover and a creator with dated and spread posts and audience data, participants counted
 * in reach: rows on lines 2, 3 and 4, the total on 5.
 */
const PLAN = planWith({
  name: 'Q3 launch',
  goal: 'sales',
  status: 'approved',
  totalBudget: '1,000,000',
  kpiTarget: '250,000',
  targeting: { countries: ['US', 'KR'], ageBands: ['18-24', '25-34'], gender: 'all' },
  formats: [formatLine('in-feed', '60,000', { buyingModel: 'CPV', pacing: 'front-loaded' }), takeoverLine('2')],
  creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800', postDates: ['', '2024-01-20'], sparkBudget: '500', audience: AUDIENCE, credibility: 0.9 })],
  assumptionOverrides: { averageOrderValue: '45' },
  costs: { agencyCommission: '15', usageRights: '1,000', whitelisting: '', production: '2,500', tax: '8.5' },
  excludeWeekends: true,
  earnedInReach: true,
});
const EXPECTED = normalisePlanForCsv(PLAN, { id: ID, now: NOW });

function exportCsv(plan: Plan = PLAN): string {
  const result = check(plan);
  expect(result.errors).toEqual({});
  return toCsv(planCsvRows(plan, project(result.input)), PLAN_CSV_COLUMNS);
}

type Table = string[][];

/** The exported file as a table of cells (header first), as any CSV reader gives it. */
function tableOf(csv: string): Table {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function writeCsv(table: Table, options: { separator?: ',' | ';'; newline?: string; bom?: boolean } = {}): string {
  const newline = options.newline ?? '\r\n';
  const body = Papa.unparse(table, { delimiter: options.separator ?? ',', newline, quotes: false, escapeFormulae: false });
  return `${options.bom === false ? '' : '\uFEFF'}${body}${newline}`;
}

const at = (column: PlanCsvColumn) => PLAN_CSV_COLUMNS.indexOf(column);

/** A copy of `row` with some cells changed. */
function edit(row: readonly string[] | undefined, cells: Partial<Record<PlanCsvColumn, string>>): string[] {
  if (!row) throw new Error('no row');
  const copy = [...row];
  for (const [column, value] of Object.entries(cells)) copy[at(column as PlanCsvColumn)] = value;
  return copy;
}

/** Every cell of one column changed by `change`. */
function mapColumn(table: Table, column: PlanCsvColumn, change: (cell: string) => string): Table {
  return table.map((row, i) => (i === 0 ? row : row.map((cell, j) => (j === at(column) ? change(cell) : cell))));
}

function importCsv(text: string, options: Partial<ImportPlanCsvOptions> = {}): PlanCsvImport {
  return importPlanCsv(text, { id: ID, now: NOW, schema: planSchema, ...options });
}

/** Imports a file that must give a plan that passes the stored-plan schema. */
function importPlan(text: string, options: Partial<ImportPlanCsvOptions> = {}): { plan: Plan } & PlanCsvImport {
  const result = importCsv(text, options);
  if (!result.plan) throw new Error(`no plan: ${JSON.stringify(result.problems)}`);
  expect(planSchema.safeParse(result.plan).success).toBe(true);
  return { ...result, plan: result.plan };
}

const BASE = tableOf(exportCsv());
const [HEADER = [], IN_FEED, TAKEOVER, CREATOR, TOTAL] = BASE;

describe('importPlanCsv: the export read back', () => {
  it('gives the plan as the CSV carries it, with a new id, updatedAt = now, no scenario link and nothing else', () => {
    const result = importPlan(exportCsv(), { catalog: CATALOG });
    expect(result).toMatchObject({ problems: [], notes: [], separator: ',' });
    expect(result.plan).toEqual(EXPECTED);
    expect(result.plan).toMatchObject({ id: ID, updatedAt: NOW.toISOString(), scenarioOf: null, shortlist: [], retiredContracts: {}, otherKpiTargets: {} });
    expect(result.plan.formats.map((f) => [f.formatId, f.amount, f.buyingModel, f.pacing, f.category])).toEqual([
      ['in-feed', '60000', 'CPV', 'front-loaded', ''],
      ['brand-takeover', '2', 'CPM', 'even', 'Food & beverage'],
    ]);
    expect(result.plan.creators[0]).toMatchObject({ handle: 'maya.fit', posts: '2', fee: '800', postDates: ['', '2024-01-20'], sparkBudget: '500' });
    expect(result.plan.creators[0]).toMatchObject({ audience: AUDIENCE, credibility: 0.9 });
    expect(result.plan).toMatchObject({ earnedInReach: true, modelEdition: MODEL_EDITION });
    expect(project(check(result.plan).input)).toEqual(project(check(PLAN).input));
  });
});

describe('importPlanCsv: files as spreadsheets save them', () => {
  // Number cells with a decimal comma; the audience's text cells as the export wrote them.
  const semicolonTable = (['tax_pct', 'audience_female_share', 'credibility'] as const).reduce(
    (table, c) => mapColumn(table, c, (cell) => cell.replace('.', ',')),
    mapColumn(BASE, 'amount', (c) => c.replace('60000', '60.000')),
  );

  it.each<[string, string]>([
    ['without a BOM', writeCsv(BASE, { bom: false })],
    ['with LF line ends', writeCsv(BASE, { newline: '\n' })],
    ['with CR line ends (classic Mac)', writeCsv(BASE, { newline: '\r' })],
    ['with a mix of line ends', `\uFEFF${BASE.map((r) => Papa.unparse([r])).join('\n').replace('\n', '\r\n')}\n`],
    ['with every cell quoted', `\uFEFF${Papa.unparse(BASE, { quotes: true, newline: '\r\n' })}\r\n`],
    ['separated by semicolons, with decimal commas and dots grouping thousands', writeCsv(semicolonTable, { separator: ';' })],
    ['with a sep=; line first', `sep=;\r\n${writeCsv(semicolonTable, { separator: ';', bom: false })}`],
    ['with blank lines and empty rows between and after the rows', writeCsv([HEADER, [], IN_FEED ?? [], HEADER.map(() => ''), TAKEOVER ?? [], CREATOR ?? [], [], TOTAL ?? [], HEADER.map(() => ' ')])],
    ['with blank lines before the header', `\r\n\r\n${writeCsv(BASE, { bom: false })}`],
  ])('reads the plan %s', (_, text) => {
    const result = importPlan(text);
    expect(result.problems).toEqual([]);
    expect(result.plan).toEqual(EXPECTED);
  });

  it('detects the separator from the header, quotes included', () => {
    expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
    expect(detectSeparator('"x,y";b;c')).toBe(';');
    expect(importCsv(writeCsv(semicolonTable, { separator: ';' })).separator).toBe(';');
  });

  it('reads columns in any order, by header name in any case and spacing, ignoring unknown columns', () => {
    const order = HEADER.map((_, i) => i).reverse();
    const header = HEADER.map((h) => (h === 'plan_name' ? ' Plan Name ' : h === 'item_type' ? 'ITEM-TYPE' : h === 'fee_per_post' ? 'Fee per post' : h));
    const table = [
      ['Owner', ...order.map((i) => header[i] ?? ''), 'notes'],
      ...BASE.slice(1).map((row, r) => [`owner ${r}`, ...order.map((i) => row[i] ?? ''), '=not read']),
    ];
    const result = importPlan(writeCsv(table));
    expect(result.problems).toEqual([]);
    expect(result.plan).toEqual(EXPECTED);
  });

  it('reads dates as Excel reformats them: M/d/yyyy in comma files, d.M.yyyy and d/M/yyyy in semicolon files, yyyy/M/d', () => {
    const us = mapColumn(mapColumn(mapColumn(BASE, 'start_date', () => '1/8/2024'), 'end_date', () => '2/4/2024'), 'post_dates', (c) => (c === '' ? c : c.replace('2024-01-20', '1/20/2024')));
    const german = mapColumn(mapColumn(mapColumn(semicolonTable, 'start_date', () => '8.1.2024'), 'end_date', () => '04.02.2024'), 'post_dates', (c) => c.replace('2024-01-20', '20.1.2024'));
    const french = mapColumn(mapColumn(semicolonTable, 'start_date', () => '08/01/2024'), 'end_date', () => '4/2/2024');
    const korean = mapColumn(mapColumn(BASE, 'start_date', () => '2024/1/8'), 'end_date', () => '2024/02/04');
    for (const text of [writeCsv(us), writeCsv(german, { separator: ';' }), writeCsv(french, { separator: ';' }), writeCsv(korean)]) {
      const result = importPlan(text);
      expect(result.problems).toEqual([]);
      expect(result.plan).toEqual(EXPECTED);
    }
  });

  it('reads numbers a spreadsheet formatted: grouped, with $, with %, padded', () => {
    const table = BASE.map((row, i) =>
      i === 0
        ? row
        : edit(row, {
            total_budget: '$1,000,000.00',
            kpi_target: ' 250,000 ',
            agency_commission_pct: '15%',
            usage_rights_fee: '$1,000',
            production_fee: '2,500.00',
            tax_pct: '8.50%',
            ...(i === 1 ? { amount: '$60,000.00' } : {}),
            ...(i === 3
              ? { fee_per_post: '$800.00', spark_budget: '$500', fans: '50,000', avg_views: '8,000', catalog_engagement_rate: '6%', catalog_fee: '$800', audience_female_share: '45%', credibility: '90%' }
              : {}),
          }),
    );
    const result = importPlan(writeCsv(table));
    expect(result.problems).toEqual([]);
    expect(result.plan).toEqual(EXPECTED);
  });
});

describe('readCsvRecords', () => {
  it('counts physical lines: a line break inside quotes moves the next record down', () => {
    const { records, unclosed } = readCsvRecords('a,b\r\n"x\r\ny\nz",1\r\n\r\nlast,"q""uote"', ',');
    expect(unclosed).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny\nz', '1'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['last', 'q"uote'] },
    ]);
  });

  it('keeps a lone CR inside quotes, and reports a quote never closed with the line it opens on', () => {
    expect(readCsvRecords('"\rX",b\n', ',').records).toEqual([{ line: 1, cells: ['\rX', 'b'] }]);
    expect(readCsvRecords('a,b\nc,"open\nd,e\n', ',')).toEqual({ records: [{ line: 1, cells: ['a', 'b'] }], unclosed: 2, stoppedAt: null });
  });

  it('stops reading once there are more filled records than asked for (blank lines don’t count)', () => {
    const text = 'h\n\n1\n2\n3\n4\n5\n'.repeat(1000);
    const read = readCsvRecords(text, ',', 3);
    expect(read.stoppedAt).toBe(5);
    expect(read.records.filter((r) => r.cells.some((c) => c !== ''))).toHaveLength(4);
  });
});

describe('readCsvNumber', () => {
  it.each<[string, ',' | ';', Parameters<typeof readCsvNumber>[2], number | null]>([
    ['60000', ',', {}, 60000],
    ['60,000', ',', {}, 60000],
    ['60,000.5', ',', {}, 60000.5],
    ['$60,000.50', ',', { dollar: true }, 60000.5],
    ['$60,000.50', ',', {}, null],
    [' 1 234 567 ', ',', {}, 1234567],
    ['1,5', ',', {}, null],
    ['1,23,456', ',', {}, null],
    ['1.234', ',', {}, 1.234],
    ['-0.19', ',', {}, -0.19],
    ['1.5E-07', ',', {}, 1.5e-7],
    ['60.000,5', ';', {}, 60000.5],
    ['60000,5', ';', {}, 60000.5],
    ['1.500', ';', {}, 1500],
    ['1.500', ';', { inText: true }, 1.5],
    ['1.500.000', ';', { inText: true }, 1500000],
    ['0.06', ';', {}, 0.06],
    ['1\u00a0234,5', ';', {}, 1234.5],
    ['1,5E-07', ';', {}, 1.5e-7],
    ['1.234E-07', ';', {}, 1.234e-7],
    ['-2,5', ';', {}, -2.5],
    ['12,5%', ';', { percent: true }, 12.5],
    ['12%', ',', {}, null],
    ['60k', ',', {}, null],
    ['', ',', {}, null],
    ['1,2,3', ';', {}, null],
    ['abc', ';', {}, null],
  ])('"%s" in a "%s" file (%o) reads as %s', (cell, separator, options, value) => {
    expect(readCsvNumber(cell, separator, options)?.value ?? null).toBe(value);
  });

  it('says whether the number carried a %', () => {
    expect(readCsvNumber('6%', ',', { percent: true })).toEqual({ value: 6, percent: true });
    expect(readCsvNumber('0.06', ',', { percent: true })).toEqual({ value: 0.06, percent: false });
  });
});

describe('readCsvDate', () => {
  it.each<[string, DateOrder, string | null]>([
    ['2024-06-20', 'month-first', '2024-06-20'],
    ['2024-6-2', 'day-first', '2024-06-02'],
    [' 2024-06-20 ', 'month-first', '2024-06-20'],
    ['6/20/2024', 'month-first', '2024-06-20'],
    ['06/02/2024', 'month-first', '2024-06-02'],
    ['06/02/2024', 'day-first', '2024-02-06'],
    ['20/6/2024', 'day-first', '2024-06-20'],
    ['20/6/2024', 'month-first', null],
    ['20.6.2024', 'day-first', '2024-06-20'],
    ['2024/6/20', 'month-first', '2024-06-20'],
    ['2024/6/20', 'day-first', '2024-06-20'],
    ['2024-02-30', 'month-first', null],
    ['2/29/2023', 'month-first', null],
    ['6/20/24', 'month-first', null],
    ['June 20, 2024', 'month-first', null],
    ['', 'month-first', null],
  ])('"%s" read %s is %s', (cell, order, date) => {
    expect(readCsvDate(cell, order)).toBe(date);
  });
});

describe('slashedDateOrder', () => {
  it.each<[string[], ReturnType<typeof slashedDateOrder>]>([
    [['2024-08-01', 'auto'], { kind: 'none' }],
    [['1/1/2024', '12/12/2024'], { kind: 'none' }],
    [['08/01/2024', '31/08/2024'], { kind: 'settled', order: 'day-first', by: '31/08/2024' }],
    [['08/01/2024', '08/31/2024'], { kind: 'settled', order: 'month-first', by: '08/31/2024' }],
    // A first part above 12 settles it even against a second part above 12 (that date is then unreadable).
    [['08/31/2024', '31/08/2024'], { kind: 'settled', order: 'day-first', by: '31/08/2024' }],
    [[' 08/01/2024 ', '09/01/2024'], { kind: 'ambiguous', example: '08/01/2024', monthFirst: '2024-08-01', dayFirst: '2024-01-08' }],
  ])('%j: %j', (cells, evidence) => {
    expect(slashedDateOrder(cells)).toEqual(evidence);
  });
});

describe('importPlanCsv: slashed dates, read from the whole file', () => {
  const withDates = (start: string, end: string, postDates?: string) =>
    writeCsv(
      BASE.map((row, i) =>
        i === 0 ? row : edit(row, { start_date: start, end_date: end, ...(postDates !== undefined && row[at('item_type')] === 'creator' ? { post_dates: postDates } : {}) }),
      ),
    );

  it('reads a comma file day first when any date’s first part is above 12 (as UK Excel writes it), and says so', () => {
    const result = importPlan(withDates('08/01/2024', '31/01/2024', '15/01/2024'));
    expect(result.plan).toMatchObject({ startDate: '2024-01-08', endDate: '2024-01-31' });
    expect(result.plan.creators[0]?.postDates).toEqual(['2024-01-15']);
    expect(result.dateQuestion).toBeUndefined();
    expect(result.dateOrder).toBe('day-first');
    expect(result.notes).toContainEqual({ line: null, reason: 'Dates like “31/01/2024” are day first, so every slashed date was read that way (“31/01/2024” is 2024-01-31).' });
  });

  it('reads month first when a second part is above 12, without a note in a comma file', () => {
    const result = importPlan(withDates('08/01/2024', '08/28/2024'));
    expect(result.plan).toMatchObject({ startDate: '2024-08-01', endDate: '2024-08-28' });
    expect(result.dateQuestion).toBeUndefined();
    expect(result.notes.filter((n) => n.reason.startsWith('Dates like'))).toEqual([]);
  });

  it('asks when every slashed date reads both ways, showing both readings of one, and reads the answer', () => {
    const text = withDates('08/01/2024', '09/01/2024');
    const asked = importCsv(text);
    expect(asked.dateQuestion).toEqual({ example: '08/01/2024', monthFirst: '2024-08-01', dayFirst: '2024-01-08' });
    expect(asked.dateOrder).toBe('month-first');
    const dayFirst = importPlan(text, { dateOrder: 'day-first' });
    expect(dayFirst.plan).toMatchObject({ startDate: '2024-01-08', endDate: '2024-01-09' });
    // Still a question of the file, now answered.
    expect(dayFirst).toMatchObject({ dateQuestion: asked.dateQuestion, dateOrder: 'day-first' });
    expect(importPlan(text, { dateOrder: 'month-first' }).plan).toMatchObject({ startDate: '2024-08-01', endDate: '2024-09-01' });
  });

  it('never asks about ISO dates, or slashed dates that read the same both ways', () => {
    expect(importCsv(exportCsv()).dateQuestion).toBeUndefined();
    expect(importCsv(withDates('1/1/2025', '12/12/2025')).dateQuestion).toBeUndefined();
  });
});

describe('importPlanCsv: the export’s neutralising apostrophe', () => {
  it.each([
    ["'=SUM(A1:A9)", '=SUM(A1:A9)'],
    ["'+1", '+1'],
    ["'-2+3", '-2+3'],
    ["'@handle", '@handle'],
    ["'\tTabbed", '\tTabbed'],
    ["'\rCR", '\rCR'],
    ["''=x", "'=x"],
    ["'Quoted", "'Quoted"],
    ["It's", "It's"],
    ["'5", "'5"],
    ["'", "'"],
    ["'\n=x", "'\n=x"],
    ["a'=b", "a'=b"],
  ])('a display name written %j is read as %j', (cell, expected) => {
    const result = importPlan(writeCsv([HEADER, edit(CREATOR, { display_name: cell })]));
    expect(result.plan.creators[0]?.displayName).toBe(expected);
  });

  it('is removed from the plan name, a handle and the category too, and a neutralised number is read', () => {
    const rows = BASE.slice(1).map((row) => edit(row, { plan_name: "'=Launch" }));
    const table = [HEADER, edit(rows[0], { amount: "'-5" }), edit(rows[1], { category: "'@Travel" }), edit(rows[2], { item_id: "'-maya" }), rows[3] ?? []];
    const { plan, problems } = importPlan(writeCsv(table));
    expect(plan.name).toBe('=Launch');
    // Read as -5, and refused as the planner's field refuses it.
    expect(problems).toEqual([{ line: 2, reason: "Format in-feed was not imported: amount “-5”: Amount can't be negative." }]);
    expect(plan.formats.map((f) => [f.amount, f.category])).toEqual([['2', '@Travel']]);
    expect(plan.creators[0]?.handle).toBe('-maya');
  });
});

describe('importPlanCsv: rows that can’t be read, with their lines', () => {
  // The plan name holds a line break, so every row takes two lines of the file: row n starts on line 2n.
  const named = (row: readonly string[] | undefined, cells: Partial<Record<PlanCsvColumn, string>> = {}) => edit(row, { plan_name: 'Q3\nlaunch', ...cells });
  const table: Table = [
    HEADER,
    named(IN_FEED), // 2
    named(IN_FEED, { item_type: 'banner' }), // 4
    named(IN_FEED, { item_id: 'topview' }), // 6
    named(IN_FEED, { item_id: ' ' }), // 8
    named(CREATOR, { item_id: '' }), // 10
    named(IN_FEED, { amount: '70000' }), // 12
    named(CREATOR, { item_id: 'ana', fee_per_post: '800 dollars' }), // 14
    named(CREATOR, { item_id: 'bo', post_dates: 'auto next-tuesday 2024-01-20' }), // 16
    named(TAKEOVER, { amount: '2 days' }), // 18
    named(CREATOR, { item_id: 'cy', niche: 'yoga', tier: 'giga' }), // 20
    named(CREATOR, { item_id: 'di', fans: 'lots' }), // 22
    named(TAKEOVER, { buying_model: 'CPA', pacing: 'asap' }), // 24
    named(CREATOR, { item_id: '@maya.fit' }), // 26: the handle, typed with its @
    named(CREATOR, { item_id: 'ed', catalog_engagement_rate: '1.5' }), // 28
    named(CREATOR, { item_id: 'fay', catalog_fee: '-5', avg_views: 'n/a' }), // 30
    named(CREATOR), // 32
    named(CREATOR, { item_type: '' }), // 34
    named(TOTAL), // 36
  ];
  const result = importCsv(writeCsv(table));

  it('lists each with its line (header = 1, lines inside quoted cells counted) and a reason a marketer reads', () => {
    expect(result.problems).toEqual([
      { line: 4, reason: '“banner” isn’t an item type Reachplan knows (format, creator or total): this row was not imported.' },
      { line: 6, reason: 'Format topview was not imported: “topview” isn’t a format id Reachplan knows (in-feed, brand-takeover, hashtag-challenge, hashtag-challenge-plus or branded-effects).' },
      { line: 8, reason: 'This format row was not imported: a format row needs its format id in item_id.' },
      { line: 10, reason: 'This creator row was not imported: a creator row needs the creator’s handle in item_id.' },
      { line: 12, reason: 'Format in-feed is listed twice (first on line 2): this row was not imported.' },
      { line: 14, reason: 'Creator @ana was not imported: fee_per_post “800 dollars” isn’t a number (write it like 60000 or 60,000.50).' },
      {
        line: 16,
        reason: 'Creator @bo was not imported: post_dates: “next-tuesday” isn’t a date (write yyyy-MM-dd or M/d/yyyy, or auto to spread a post evenly).',
      },
      { line: 18, reason: 'Format brand-takeover was not imported: amount “2 days” isn’t a number (write it like 60000 or 60,000.50).' },
      {
        line: 20,
        reason: `Creator @cy was not imported: niche “yoga” isn’t a niche Reachplan knows (fitness, fashion, food, beauty, gaming, comedy, dance, education, technology, travel, family, music, sports, entertainment); tier “giga” isn’t nano, micro, mid, macro or mega.`,
      },
      { line: 22, reason: 'Creator @di was not imported: fans “lots” isn’t a number.' },
      { line: 24, reason: 'Format brand-takeover was not imported: buying_model “CPA” isn’t CPM, CPC or CPV; pacing “asap” isn’t even or front-loaded.' },
      { line: 28, reason: 'Creator @ed was not imported: catalog_engagement_rate “1.5” must be a share from 0 to 1 (0.06 for 6%).' },
      { line: 30, reason: 'Creator @fay was not imported: avg_views “n/a” isn’t a number; catalog_fee can’t be negative.' },
      { line: 32, reason: 'Creator @maya.fit is listed twice (first on line 26): this row was not imported.' },
      { line: 34, reason: 'This row has no item_type: it should be format, creator or total. It was not imported.' },
    ]);
  });

  it('counts the lines of a multi-line overrides cell (LF inside, CRLF between rows)', () => {
    const twoOverrides = tableOf(exportCsv({ ...PLAN, assumptionOverrides: { averageOrderValue: '45', clickThroughRate: '1.2', conversionRate: '2' } }));
    const [header = [], inFeed, takeover, creator, total] = twoOverrides;
    expect(inFeed?.[at('assumption_overrides')]).toBe('clickThroughRate=1.2\nconversionRate=2\naverageOrderValue=45');
    const text = writeCsv([header, inFeed ?? [], edit(takeover, { item_id: 'topview' }), creator ?? [], edit(creator, { item_type: 'influencer' }), total ?? []]);
    expect(importCsv(text).problems.map((p) => p.line)).toEqual([5, 11]);
  });

  it('imports every other row, and takes the plan’s settings from the total row', () => {
    expect(result.plan?.name).toBe('Q3\nlaunch');
    expect(result.plan?.formats.map((f) => f.formatId)).toEqual(['in-feed']);
    expect(result.plan?.creators.map((c) => c.handle)).toEqual(['maya.fit']);
    expect(result.notes).toEqual([]);
  });
});

describe('importPlanCsv: numbers the planner would refuse are row errors, with the field’s own rule', () => {
  it.each<[string, Partial<Record<PlanCsvColumn, string>>, string]>([
    ['a negative budget', { amount: '-60000' }, 'amount “-60000”: Amount can\'t be negative'],
    ['a budget beyond the planner’s limit', { amount: '1e308' }, 'amount “1e308”: Amount is too large: the most Reachplan accepts is $100,000,000'],
    ['an exponent that overflows', { amount: '1e999' }, 'amount “1e999” isn’t a number'],
  ])('a format row with %s is not imported', (_, cells, reason) => {
    const { plan, problems } = importPlan(writeCsv([HEADER, edit(IN_FEED, cells), CREATOR ?? [], TOTAL ?? []]));
    expect(plan.formats).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toContain(reason);
  });

  it.each<[string, Partial<Record<PlanCsvColumn, string>>, string]>([
    ['zero posts', { posts: '0' }, 'posts “0”: @maya.fit posts must be at least 1'],
    ['a fraction of a post', { posts: '2.5' }, 'posts “2.5”: @maya.fit posts must be a whole number'],
    ['more posts than a plan takes', { posts: '101' }, 'posts “101”: @maya.fit posts is too large: the most Reachplan accepts is 100'],
    ['a negative fee', { fee_per_post: '-800' }, 'fee_per_post “-800”: @maya.fit fee can\'t be negative'],
    ['a Spark Ads budget in exponent form beyond the limit', { spark_budget: '2E9' }, 'spark_budget “2E9”: @maya.fit Spark Ads budget is too large'],
  ])('a creator row with %s is not imported', (_, cells, reason) => {
    const handle = tableOf(exportCsv())[3]?.[at('item_id')];
    expect(handle).toBe('maya.fit');
    const { plan, problems } = importPlan(writeCsv([HEADER, IN_FEED ?? [], edit(CREATOR, cells), TOTAL ?? []]));
    expect(plan.creators).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toContain(reason);
  });

  it('checks a format bought by the day as days, once the formats are known', () => {
    const { plan, problems } = importPlan(writeCsv([HEADER, edit(TAKEOVER, { amount: '1.5' }), TOTAL ?? []]), { catalog: CATALOG });
    expect(plan.formats).toEqual([]);
    expect(problems[0]?.reason).toMatch(/amount “1\.5”: Brand Takeover days must be a whole number/);
  });

  it.each<[PlanCsvColumn, string, RegExp]>([
    ['total_budget', '0', /total_budget “0”: Total budget must be at least \$1; it is left empty/i],
    ['total_budget', '-5', /total_budget “-5”: Total budget can't be negative; it is left empty/i],
    ['kpi_target', '0', /kpi_target “0”: KPI target must be more than 0, or leave it empty; it is left empty/i],
    ['tax_pct', '150', /tax_pct “150”: Tax rate is too large: the most Reachplan accepts is 100%; it is left empty/i],
  ])('a plan setting %s of %s is reported and left empty for the planner to ask', (column, cell, reason) => {
    const { plan, problems } = importPlan(writeCsv([HEADER, ...BASE.slice(1, -1), edit(TOTAL, { [column]: cell })]));
    expect(problems.map((p) => p.reason)).toEqual([expect.stringMatching(reason)]);
    expect(plan.totalBudget === '' || plan.kpiTarget === '' || plan.costs.tax === '').toBe(true);
  });

  it('writes a tiny amount as plain digits the planner reads back, never as an exponent', () => {
    const { plan } = importPlan(writeCsv([HEADER, IN_FEED ?? [], edit(CREATOR, { fee_per_post: '1e-7' }), TOTAL ?? []]));
    expect(plan.creators[0]?.fee).toBe('0.0000001');
  });
});

describe('importPlanCsv: the plan’s settings', () => {
  it('lists a setting it can’t read on the row it came from and uses the app’s default', () => {
    const total = edit(TOTAL, {
      start_date: '31/31/2024',
      goal: 'reach',
      status: 'won',
      total_budget: 'a million',
      countries: 'US FR KR de',
      age_bands: '18–24 25-34 40-50',
      gender: 'both',
      tax_pct: '8.5 percent',
      exclude_weekends: 'sometimes',
      assumption_overrides: 'averageOrderValue=45\nmagicRate=3\nclickThroughRate=lots\nconversionRate=',
    });
    const rows = BASE.slice(1, -1).map((row) => edit(row, { start_date: '31/31/2024' }));
    const result = importCsv(writeCsv([HEADER, ...rows, total]));
    expect(result.problems).toEqual(
      [
            'Start_date “31/31/2024” isn’t a date (write it like yyyy-MM-dd, d.M.yyyy or d/M/yyyy); the plan’s start date is left empty.',
        'Goal “reach” isn’t a goal Reachplan knows (awareness, engagement, ugc, app-installs or sales); the plan’s goal is awareness.',
        'Status “won” isn’t draft, proposed or approved; the plan is a draft.',
        'Total_budget “a million” isn’t a number (write it like 60000 or 60,000.50); it is left empty.',
        'Tax_pct “8.5 percent” isn’t a number (write it like 60000 or 60,000.50); it is left empty.',
        'Countries: “FR” and “de” aren’t a country Reachplan knows (US, KR, JP, GB, CA, ID, TH, VN, PH, MY) and were left out.',
        'Age_bands: “40-50” isn’t an age group Reachplan knows (13-17, 18-24, 25-34, 35-44, 45-54, 55+) and was left out.',
        'Gender “both” isn’t all, female or male; the plan targets all.',
        'Exclude_weekends “sometimes” isn’t yes or no; weekends are not excluded.',
        'Assumption_overrides: “magicRate” isn’t an assumption Reachplan knows and was left out.',
        'Assumption_overrides: clickThroughRate “lots” isn’t a number and was left out.',
      ].map((reason) => ({ line: 5, reason })),
    );
    expect(result.plan).toMatchObject({
      startDate: '',
      goal: 'awareness',
      status: 'draft',
      totalBudget: '',
      targeting: { countries: ['US', 'KR'], ageBands: ['18-24', '25-34'], gender: 'all' },
      excludeWeekends: false,
      assumptionOverrides: { averageOrderValue: '45' },
    });
    expect(result.plan?.costs.tax).toBe('');
  });

  it('accepts a goal by its label, any case, and defaults for empty settings', () => {
    const rows = BASE.slice(1).map((row) => edit(row, { goal: 'App installs', status: '', gender: '', exclude_weekends: '', countries: 'us, kr', assumption_overrides: '' }));
    const { plan, problems } = importPlan(writeCsv([HEADER, ...rows]));
    expect(problems).toEqual([]);
    expect(plan).toMatchObject({ goal: 'app-installs', status: 'draft', excludeWeekends: false, assumptionOverrides: {}, targeting: { countries: ['US', 'KR'], gender: 'all' } });
  });

  it('notes line items whose settings differ from the total row, and uses the total row’s', () => {
    const table = [HEADER, edit(IN_FEED, { plan_name: 'Old name', total_budget: '900,000' }), edit(TAKEOVER, { total_budget: '1,000,000.00', goal: 'SALES' }), CREATOR ?? [], edit(TOTAL, {})];
    const result = importPlan(writeCsv(table));
    expect(result.notes).toEqual([{ line: 2, reason: 'plan_name and total_budget differ from the total row (line 5), whose values were used for the plan.' }]);
    expect(result.plan).toMatchObject({ name: 'Q3 launch', totalBudget: '1000000' });
  });

  it('reads the settings from the first line item when there is no total row', () => {
    const table = [HEADER, edit(IN_FEED, { plan_name: 'First' }), TAKEOVER ?? [], CREATOR ?? []];
    const result = importPlan(writeCsv(table));
    expect(result.plan).toEqual({ ...EXPECTED, name: 'First' });
    expect(result.notes).toEqual([
      { line: 3, reason: 'plan_name differs from line 2, whose value was used for the plan.' },
      { line: 4, reason: 'plan_name differs from line 2, whose value was used for the plan.' },
    ]);
  });

  it('reads them from the first line item that was imported when the first one wasn’t', () => {
    const table = [HEADER, edit(IN_FEED, { item_id: 'topview', plan_name: 'Misaligned', goal: '60000' }), edit(TAKEOVER, { plan_name: 'Second' }), CREATOR ?? []];
    const result = importPlan(writeCsv(table));
    expect(result.problems.map((p) => p.line)).toEqual([2]);
    expect(result.plan).toMatchObject({ name: 'Second', goal: 'sales' });
    expect(result.notes).toEqual([{ line: 4, reason: 'plan_name differs from line 3, whose value was used for the plan.' }]);
  });

  it('reads a second total row as a problem and ignores it', () => {
    const result = importPlan(writeCsv([...BASE, edit(TOTAL, { plan_name: 'Other' })]));
    expect(result.problems).toEqual([{ line: 6, reason: 'A second total row (the first is on line 5): it was not read.' }]);
    expect(result.plan.name).toBe('Q3 launch');
  });
});

describe('importPlanCsv: notes', () => {
  it('uses the inputs when a row’s exported budget disagrees with them (given the catalog)', () => {
    const table = [HEADER, edit(IN_FEED, { budget: '50000' }), edit(TAKEOVER, { budget: '1' }), edit(CREATOR, { budget: '$1,600' }), TOTAL ?? []];
    const withCatalog = importPlan(writeCsv(table), { catalog: CATALOG });
    expect(withCatalog.plan).toEqual(EXPECTED);
    // A takeover day is a day in each targeted market: the U.S. and Korea.
    const a = defaultAssumptions(2024);
    const price = a.takeoverPricePerDayUS + a.takeoverPricePerDayKR;
    expect(withCatalog.notes).toEqual([
      { line: 2, reason: 'Format in-feed: budget says $50,000 but amount gives $60,000. The plan follows the input columns; budget is worked out from them on export.' },
      {
        line: 3,
        reason: `Format brand-takeover: budget says $1 but amount gives 2 days at $${price.toLocaleString('en-US')} a day, or $${(2 * price).toLocaleString('en-US')}. The plan follows the input columns; budget is worked out from them on export.`,
      },
      { line: 4, reason: 'Creator @maya.fit: budget says $1,600 but posts × fee_per_post + spark_budget give $2,100. The plan follows the input columns; budget is worked out from them on export.' },
    ]);
    expect(importPlan(writeCsv(table)).notes).toEqual([]);
  });

  it('notes more post dates than posts, a currency other than USD, cells past the header and a repeated column', () => {
    const header = [...HEADER, 'plan_name'];
    const table = [header, edit(IN_FEED, { currency: 'EUR' }), TAKEOVER ?? [], [...edit(CREATOR, { post_dates: '2024-01-10 auto 2024-01-12' }), 'Other', 'x', 'y'], TOTAL ?? []];
    const result = importPlan(writeCsv(table));
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      { line: 1, reason: 'The column plan_name appears twice: the first one was read.' },
      { line: 2, reason: 'currency “EUR”: Reachplan plans are in USD, so amounts were read as USD.' },
      { line: 4, reason: 'This row has more cells than the header; the last 2 were ignored. A value with a “,” in it needs quotes.' },
      { line: 4, reason: 'Creator @maya.fit: post_dates has 3 dates for 2 posts: the plan uses the first 2.' },
    ]);
    expect(result.plan.creators[0]?.postDates).toEqual(['2024-01-10', '', '2024-01-12']);
    expect(result.plan.name).toBe('Q3 launch');
  });

  it('notes text that wasn’t UTF-8', () => {
    const result = importPlan(writeCsv(BASE.map((row, i) => (i === 0 ? row : edit(row, { plan_name: 'Caf\uFFFD launch' })))));
    expect(result.notes).toEqual([{ line: null, reason: 'Some characters couldn’t be read, so names may show “�”: the file isn’t UTF-8. In Excel, save as “CSV UTF-8”.' }]);
  });
});

describe('importPlanCsv: files that are not a plan CSV', () => {
  const assumptionsCsv = toCsv(assumptionsCsvRows(BENCHMARKS.assumptions, defaultAssumptions(), new Set()), ASSUMPTIONS_CSV_COLUMNS);
  const firstExport = writeCsv(BASE.map((row) => row.slice(0, 26)));

  const BINARY = 'This file isn’t a CSV: it looks like a workbook or another binary file. In Excel or Google Sheets, save or download it as CSV (UTF-8) and import that.';
  it.each<[string, string, number | null, ',' | ';' | null, string]>([
    ['an empty file', '', null, null, 'The file is empty: there is no plan in it.'],
    ['a BOM and blank lines', '\uFEFF\r\n  \r\n', null, null, 'The file is empty: there is no plan in it.'],
    ['an .xlsx workbook', 'PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', 1, ',', BINARY],
    ['a UTF-16 text file read as UTF-8', '\uFFFD\uFFFDp\u0000l\u0000a\u0000n\u0000;\u0000', 1, ';', BINARY],
    ['the assumptions CSV', assumptionsCsv, 1, ',', 'This is an assumptions CSV, not a plan: import a file made with “Export CSV”.'],
    [
      'a plan CSV from before the import',
      firstExport,
      1,
      ',',
      'This plan CSV comes from an earlier Reachplan, which didn’t write what rebuilds a plan: it has no item_id, amount, buying_model, pacing, category, posts or 24 other columns. Export the plan again from Reachplan.',
    ],
    [
      'another CSV',
      'name;email\nAna;ana@example.com\n',
      1,
      ';',
      'This isn’t a Reachplan plan CSV: it has no plan_name, item_type, start_date, end_date, goal, item_id or 29 other columns. Import a file made with “Export CSV”.',
    ],
  ])('%s gets one problem and no plan', (_, text, line, separator, reason) => {
    expect(importCsv(text)).toEqual({ plan: null, problems: [{ line, reason }], notes: [], separator });
  });

  it.each<[PlanCsvColumn[], string]>([
    [['fans'], 'it has no fans column'],
    [['fans', 'tier'], 'it has no tier or fans columns'],
  ])('names the columns missing (%j)', (columns, words) => {
    const result = importCsv(writeCsv(BASE.map((row) => row.filter((_, i) => !columns.map(at).includes(i)))));
    expect(result.plan).toBeNull();
    expect(result.problems).toEqual([{ line: 1, reason: `This isn’t a Reachplan plan CSV: ${words}. Import a file made with “Export CSV”.` }]);
  });

  it('refuses a header without rows', () => {
    expect(importCsv(writeCsv([HEADER]))).toEqual({
      plan: null,
      problems: [{ line: 1, reason: 'The file has a header but no rows: there is no plan in it.' }],
      notes: [],
      separator: ',',
    });
  });

  it('refuses a file over the size limit before reading it', () => {
    const result = importCsv(`${exportCsv()}${' '.repeat(MAX_CSV_BYTES)}`);
    expect(result.plan).toBeNull();
    expect(result.problems).toEqual([{ line: null, reason: 'The file is larger than 10 MB: a Reachplan plan CSV is far smaller. Check that it is the right file.' }]);
  });

  it('refuses more line items than the limit, and reads the limit', () => {
    const creators = (n: number) => Array.from({ length: n }, (_, i) => edit(CREATOR, { item_id: `creator${i}`, posts: '1', fee_per_post: '1', spark_budget: '', post_dates: '' }));
    const over = importCsv(writeCsv([HEADER, ...creators(MAX_CSV_LINE_ITEMS + 1), TOTAL ?? []]));
    expect(over).toMatchObject({ plan: null, problems: [{ line: null, reason: 'The file has 1,001 line-item rows: Reachplan imports at most 1,000. Check that it is the right file.' }] });
    const limit = importPlan(writeCsv([HEADER, ...creators(MAX_CSV_LINE_ITEMS), TOTAL ?? []]));
    expect(limit.plan.creators).toHaveLength(MAX_CSV_LINE_ITEMS);
    // Far over: reading stops at the limit instead of going through the whole file.
    const far = importCsv(writeCsv([HEADER, ...creators(MAX_CSV_LINE_ITEMS * 5), TOTAL ?? []]));
    expect(far).toMatchObject({
      plan: null,
      problems: [{ line: 1_004, reason: 'The file has more than 1,000 line-item rows: a plan holds at most 1,000, so reading stopped at line 1,004. Check that it is the right file.' }],
    });
  });

  it('refuses a plan past a limit with the limit it passes (a name of two million characters)', () => {
    const result = importCsv(writeCsv(mapColumn(BASE, 'plan_name', () => 'x'.repeat(2_000_000))));
    expect(result.plan).toBeNull();
    expect(result.problems.map((p) => p.reason)).toEqual([
      'The plan in this file is larger than Reachplan allows, so nothing was imported. Its name is 2,000,000 characters long: a plan name has at most 200.',
    ]);
  });

  it('reports a quote never closed, and keeps the rows before it', () => {
    const text = `${writeCsv([HEADER, IN_FEED ?? []], { bom: false })}format,"never closed\r\n${Papa.unparse([TAKEOVER ?? []])}\r\n`;
    const result = importCsv(text);
    expect(result.problems).toEqual([
      { line: 3, reason: 'A quoted cell that starts on this line is never closed (a " is missing), so this line and the rest of the file were not read.' },
    ]);
    expect(result.plan?.formats.map((f) => f.formatId)).toEqual(['in-feed']);
  });

  it('returns no plan when the stored-plan schema refuses it', () => {
    const refusing: PlanSchemaCheck = { safeParse: () => ({ success: false, error: { issues: [{ path: ['creators', 0, 'fans'], message: 'Too big' }] } }) };
    expect(importCsv(exportCsv(), { schema: refusing })).toEqual({
      plan: null,
      problems: [{ line: null, reason: 'The plan read from this file didn’t pass Reachplan’s checks (creators.0.fans: Too big), so nothing was imported.' }],
      notes: [],
      separator: ',',
    });
  });
});

describe('importPlanCsv: the second edition’s columns', () => {
  it('ignores the computed columns 57–63, as it does the other projected figures', () => {
    const computed = ['target_impressions', 'six_second_views', 'earned_reach', 'earned_views', 'earned_engagements', 'earned_media_value', 'roi_cost'] as const;
    const table = BASE.map((row, i) => (i === 0 ? row : edit(row, Object.fromEntries(computed.map((c) => [c, 'not read'])))));
    const result = importPlan(writeCsv(table), { catalog: CATALOG });
    expect(result).toMatchObject({ problems: [], notes: [] });
    expect(result.plan).toEqual(EXPECTED);
  });

  it.each<[string, boolean]>([
    ['yes', true],
    ['YES', true],
    ['y', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['No', false],
    ['false', false],
    ['0', false],
    ['', false],
  ])('reads earned_in_reach “%s” as %s', (cell, value) => {
    const result = importPlan(writeCsv(mapColumn(BASE, 'earned_in_reach', () => cell)));
    expect(result.problems).toEqual([]);
    expect(result.plan.earnedInReach).toBe(value);
  });

  it('lists an earned_in_reach it can’t read and keeps participants out of reach; notes a row that differs', () => {
    const unreadable = importCsv(writeCsv([HEADER, IN_FEED ?? [], TAKEOVER ?? [], CREATOR ?? [], edit(TOTAL, { earned_in_reach: 'sometimes' })]));
    expect(unreadable.problems).toEqual([{ line: 5, reason: 'Earned_in_reach “sometimes” isn’t yes or no; participants’ videos are kept out of reach.' }]);
    expect(unreadable.plan?.earnedInReach).toBe(false);
    const differing = importPlan(writeCsv([HEADER, edit(IN_FEED, { earned_in_reach: 'no' }), TAKEOVER ?? [], CREATOR ?? [], TOTAL ?? []]));
    expect(differing.notes).toEqual([{ line: 2, reason: 'earned_in_reach differs from the total row (line 5), whose value was used for the plan.' }]);
    expect(differing.plan.earnedInReach).toBe(true);
  });

  const forms: [string, Partial<Record<PlanCsvColumn, string>>, AudienceProfile | null, number | null][] = [
    ['as exported', {}, AUDIENCE, 0.9],
    [
      'in percent',
      {
        audience_countries: 'US:62% CA:10%',
        audience_ages: '13-17:20% 18-24:40% 25-34:20% 35-44:10% 45-54:6% 55+:4%',
        audience_female_share: '45%',
        credibility: '90%',
      },
      AUDIENCE,
      0.9,
    ],
    [
      'with lower-case countries, en dashes, bands in another order and extra spaces',
      { audience_countries: ' us:0.62   ca:0.1 ', audience_ages: '55+:0.04 45–54:0.06 35–44:0.1\t25–34:0.2 18–24:0.4 13–17:0.2' },
      AUDIENCE,
      0.9,
    ],
    [
      'with a country outside the planner’s markets and shares in scientific notation',
      { audience_countries: 'BR:1e-7 US:0.5' },
      { ...AUDIENCE, topCountries: [{ country: 'BR', share: 1e-7 }, { country: 'US', share: 0.5 }] },
      0.9,
    ],
    ['without audience data', { audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '' }, null, null],
    ['with credibility alone', { audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '0.75' }, null, 0.75],
  ];
  it.each(forms)('reads a creator’s audience and credibility %s', (_, cells, audience, credibility) => {
    const result = importPlan(writeCsv([HEADER, edit(CREATOR, cells)]));
    expect(result.problems).toEqual([]);
    expect(result.plan.creators[0]?.audience ?? null).toEqual(audience);
    expect(result.plan.creators[0]?.credibility).toBe(credibility);
  });

  const pairs = 'must list country:share pairs, like US:0.62 CA:0.1';
  const ages = `must give every age group (${AGE_BANDS.join(', ')}) a share, like 18-24:0.4`;
  const share = 'must be a share from 0 to 1 (0.62 for 62%)';
  it.each<[Partial<Record<PlanCsvColumn, string>>, string]>([
    [{ audience_countries: 'US=0.62 CA=0.1' }, `audience_countries “US=0.62 CA=0.1” ${pairs}`],
    [{ audience_countries: 'USA:0.62' }, `audience_countries “USA:0.62” ${pairs}`],
    [{ audience_countries: 'US:1.5 CA:0.1' }, `audience_countries “US:1.5 CA:0.1” ${pairs}`],
    [{ audience_countries: 'US:lots' }, `audience_countries “US:lots” ${pairs}`],
    [{ audience_countries: 'US:-0.1' }, `audience_countries “US:-0.1” ${pairs}`],
    [{ audience_countries: ':0.62' }, `audience_countries “:0.62” ${pairs}`],
    [{ audience_ages: '18-24:0.4 25-34:0.6' }, `audience_ages “18-24:0.4 25-34:0.6” ${ages}`],
    [{ audience_ages: 'teens:0.2 18-24:0.8' }, `audience_ages “teens:0.2 18-24:0.8” ${ages}`],
    [{ audience_ages: '13-17:0.2 18-24:2' }, `audience_ages “13-17:0.2 18-24:2” ${ages}`],
    // A long cell is quoted in part, so the message stays readable.
    [{ audience_ages: '13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1 45-54:0.06 55+:1.04' }, `audience_ages “13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1…” ${ages}`],
    [{ audience_ages: '' }, `audience_ages “” ${ages}`],
    [{ audience_female_share: '1.2' }, `audience_female_share “1.2” ${share}`],
    [{ audience_female_share: 'half' }, `audience_female_share “half” ${share}`],
    [{ audience_female_share: '' }, 'audience_female_share is empty while the creator has audience countries and ages'],
    [{ audience_countries: '', audience_ages: '' }, `audience_ages “” ${ages}`],
    [{ credibility: 'high' }, `credibility “high” ${share}`],
    [{ credibility: '120%' }, `credibility “120%” ${share}`],
    [{ audience_countries: 'US', credibility: '-1' }, `audience_countries “US” ${pairs}; credibility “-1” ${share}`],
  ])('reports a creator row whose audience columns are %j, with the reason, and imports the rest', (cells, reason) => {
    const result = importCsv(writeCsv([HEADER, IN_FEED ?? [], TAKEOVER ?? [], edit(CREATOR, cells), TOTAL ?? []]));
    expect(result.problems).toEqual([{ line: 4, reason: `Creator @maya.fit was not imported: ${reason}.` }]);
    expect(result.plan?.creators).toEqual([]);
    expect(result.plan?.formats.map((f) => f.formatId)).toEqual(['in-feed', 'brand-takeover']);
  });

  it('reads audience shares with three decimals in a semicolon file: text cells keep the export’s decimal point', () => {
    // The demo catalog rounds its audiences to three decimals. A spreadsheet re-saving the file
    // with `;` rewrites number cells, not the audience's text cells, which keep `0.625`.
    const audience: AudienceProfile = {
      ageShares: { '13-17': 0.125, '18-24': 0.375, '25-34': 0.25, '35-44': 0.125, '45-54': 0.075, '55+': 0.05 },
      femaleShare: 0.55,
      topCountries: [
        { country: 'US', share: 0.625 },
        { country: 'CA', share: 0.125 },
      ],
    };
    const plan = { ...PLAN, creators: [creatorLine({ handle: 'maya.fit', audience })] };
    const table = tableOf(exportCsv(plan));
    expect(table[3]?.[at('audience_countries')]).toBe('US:0.625 CA:0.125');
    const result = importPlan(writeCsv(mapColumn(table, 'audience_female_share', (c) => c.replace('.', ',')), { separator: ';' }));
    expect(result.problems).toEqual([]);
    expect(result.plan.creators[0]?.audience).toEqual(audience);
  });

  it('reads a 0.001 age share in a semicolon file as 0.001, not as 1', () => {
    const audience: AudienceProfile = { ...AUDIENCE, ageShares: { ...AUDIENCE.ageShares, '55+': 0.001 } };
    const plan = { ...PLAN, creators: [creatorLine({ handle: 'maya.fit', audience })] };
    const table = tableOf(exportCsv(plan));
    expect(table[3]?.[at('audience_ages')]).toContain('55+:0.001');
    const result = importPlan(writeCsv(mapColumn(table, 'audience_female_share', (c) => c.replace('.', ',')), { separator: ';' }));
    expect(result.problems).toEqual([]);
    expect(result.plan.creators[0]?.audience?.ageShares['55+']).toBe(0.001);
  });

  it('reads the same three-decimal shares in a comma file', () => {
    const audience: AudienceProfile = { ...AUDIENCE, topCountries: [{ country: 'US', share: 0.625 }] };
    const plan = { ...PLAN, creators: [creatorLine({ handle: 'maya.fit', audience })] };
    const result = importPlan(exportCsv(plan));
    expect(result.problems).toEqual([]);
    expect(result.plan.creators[0]?.audience).toEqual(audience);
  });
});

describe('importPlanCsv: a CSV from the first edition of the model', () => {
  /**
   * The file the first edition exported: 56 columns, no audience data, one female share and one takeover
   * price for every market (`femaleShare=45`, `takeoverPricePerDay=40000`), whose 2 takeover days cost $80,000.
   */
  const firstEdition = (overrides: string) =>
    BASE.map((row, i) =>
      (i === 0 ? row : edit(row, { assumption_overrides: overrides, ...(i === 2 ? { budget: '80000' } : {}) })).slice(0, 56),
    );
  const legacy = 'averageOrderValue=45\nfemaleShare=45\ntakeoverPricePerDay=40000';

  it('has the 56 columns of the first edition', () => {
    expect(firstEdition(legacy)[0]).toEqual(PLAN_CSV_COLUMNS.slice(0, 56));
  });

  it('imports with no audience data and participants out of reach, its overrides applied to each targeted market', () => {
    const result = importPlan(writeCsv(firstEdition(legacy)));
    expect(result).toMatchObject({ problems: [], notes: [] });
    expect(result.plan.targeting.countries).toEqual(['US', 'KR']);
    expect(result.plan.assumptionOverrides).toEqual({
      averageOrderValue: '45',
      femaleShareUS: '45',
      femaleShareKR: '45',
      takeoverPricePerDayUS: '40000',
      takeoverPricePerDayKR: '40000',
    });
    expect(result.plan.creators.map((c) => [c.handle, c.audience, c.credibility])).toEqual([['maya.fit', null, null]]);
    expect(result.plan).toMatchObject({ earnedInReach: false, modelEdition: MODEL_EDITION });
    expect(result.plan).toEqual({
      ...EXPECTED,
      earnedInReach: false,
      assumptionOverrides: result.plan.assumptionOverrides,
      creators: EXPECTED.creators.map((c) => ({ ...c, audience: null, credibility: null })),
    });
  });

  it('projects: a takeover day is now a day in each targeted market, at the price the file gave every market', () => {
    const { plan } = importPlan(writeCsv(firstEdition(legacy)));
    const result = check(plan);
    expect(result.errors).toEqual({});
    expect(result.input.assumptions).toMatchObject({ femaleShareUS: 0.45, femaleShareKR: 0.45, takeoverPricePerDayUS: 40_000, takeoverPricePerDayKR: 40_000 });
    expect(result.input.formats.find((l) => l.format.id === 'brand-takeover')?.spend).toBe(160_000);
    const projection = project(result.input);
    expect(projection.items.map((i) => i.id)).toEqual(['in-feed', 'brand-takeover', 'creator:maya.fit']);
    expect(projection.totals.reach).toBeGreaterThan(0);
    expect(projection.totals.spend).toBe(result.spend);
    // Given the catalog, the import says why the takeover's budget changed (each row takes 3 lines: the overrides cell holds 3).
    expect(importPlan(writeCsv(firstEdition(legacy)), { catalog: CATALOG }).notes).toEqual([
      {
        line: 5,
        reason:
          'Format brand-takeover: budget says $80,000 but amount gives 2 days at $80,000 a day, or $160,000. The plan follows the input columns; budget is worked out from them on export.',
      },
    ]);
  });

  it.each<[string, Record<string, string>]>([
    ['femaleShare=45\nfemaleShareKR=50', { femaleShareUS: '45', femaleShareKR: '50' }],
    ['femaleShareKR=50\nfemaleShare=45', { femaleShareUS: '45', femaleShareKR: '50' }],
    ['FemaleShare=45%', { femaleShareUS: '45', femaleShareKR: '45' }],
    ['ageShare13to17=10\nageShare55plus=5', { ageShare13to17US: '10', ageShare13to17KR: '10', ageShare55plusUS: '5', ageShare55plusKR: '5' }],
    ['takeoverImpressionsPerDay=1,000,000', { takeoverImpressionsPerDayUS: '1000000', takeoverImpressionsPerDayKR: '1000000' }],
    ['takeoverPricePerDay=$40,000.50', { takeoverPricePerDayUS: '40000.5', takeoverPricePerDayKR: '40000.5' }],
  ])('reads the first-edition overrides %j as each targeted market’s, a market’s own key winning', (cell, overrides) => {
    const result = importPlan(writeCsv(firstEdition(cell)));
    expect(result.problems).toEqual([]);
    expect(result.plan.assumptionOverrides).toEqual(overrides);
  });

  it('reads the first-edition overrides with the plan’s markets in a semicolon file', () => {
    const table = mapColumn(firstEdition('femaleShare=44,5'), 'countries', () => 'JP GB');
    const result = importPlan(writeCsv(table, { separator: ';' }));
    expect(result.problems).toEqual([]);
    expect(result.plan.assumptionOverrides).toEqual({ femaleShareJP: '44.5', femaleShareGB: '44.5' });
  });

  it('lists a first-edition override whose value isn’t a number, as it lists any other', () => {
    const result = importCsv(writeCsv(firstEdition('femaleShare=lots\nclickThroughRate=lots')));
    // Each row takes two lines (the overrides cell holds two): the total row is on line 8.
    expect(result.problems).toEqual([
      { line: 8, reason: 'Assumption_overrides: femaleShare “lots” isn’t a number and was left out.' },
      { line: 8, reason: 'Assumption_overrides: clickThroughRate “lots” isn’t a number and was left out.' },
    ]);
    expect(result.plan?.assumptionOverrides).toEqual({});
  });
});
