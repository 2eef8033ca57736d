import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  csvFileName,
  MAX_STEM_BYTES,
  neutralise,
  PLAN_CSV_COLUMNS,
  planCsvRows,
  safeFileStem,
  toCsv,
} from '../../src/domain/csv';
import type { Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { check, creatorLine, formatLine, planWith } from './plan-fixtures';

const BOM = '\uFEFF';

/** A plan with every kind of line item; AOV $45 makes In-Feed's ROI exactly -0.19. */
const PLAN = planWith({
  name: 'Q3 launch',
  goal: 'sales',
  totalBudget: '1,000,000',
  formats: [formatLine('in-feed', '60,000'), formatLine('brand-takeover', '2')],
  creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800' })],
  assumptionOverrides: { averageOrderValue: '45' },
});

function exportPlan(plan: Plan) {
  const result = check(plan);
  expect(result.isValid).toBe(true);
  const projection = project(result.input);
  const rows = planCsvRows(plan, result, projection);
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

  it('starts with a UTF-8 BOM and the header in contract order', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(PLAN_CSV_COLUMNS.join(','));
    expect(PLAN_CSV_COLUMNS).toHaveLength(21);
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
    const numeric = PLAN_CSV_COLUMNS.filter((c) => !['plan_name', 'item_type', 'item_name', 'start_date', 'end_date', 'currency', 'goal', 'quantity_unit'].includes(c));
    for (const row of parseCsv(csv).slice(1)) {
      for (const name of numeric) expect(column(row, name)).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
  });

  it('keeps a negative ROI as a plain, unquoted, un-neutralised number', () => {
    expect(rows[0]?.roi).toBe(-0.19);
    expect(lines[1]).toContain(',-0.19,');
    expect(lines[1]).not.toContain("'-0.19");
    expect(lines[1]).not.toContain('"-0.19"');
  });

  it('rounds counts to whole numbers, money to cents, rates to 4 decimals', () => {
    const creator = parseCsv(csv)[3];
    expect(column(creator, 'impressions')).toBe('16000');
    expect(column(creator, 'engagement_rate')).toBe('0.06');
    expect(column(creator, 'clicks')).toBe('144');
    expect(column(creator, 'conversions')).toBe('3');
    expect(column(creator, 'revenue')).toBe('129.6');
    expect(column(creator, 'cpm')).toBe('100');
  });

  it('names creators by handle without @ and gives quantities with units', () => {
    const parsed = parseCsv(csv);
    expect(parsed.slice(1).map((r) => [column(r, 'item_name'), column(r, 'quantity'), column(r, 'quantity_unit')])).toEqual([
      ['In-Feed Ads', '', ''],
      ['Brand Takeover', '2', 'days'],
      ['maya.fit', '2', 'posts'],
      ['Total', '', ''],
    ]);
  });
});

describe('neutralise', () => {
  it.each([['=SUM(A1:A9)'], ['+1'], ['-1'], ['@cmd'], ['\tcell'], ['\rcell'], ['=HYPERLINK("http://x")']])(
    '"%s" gets a leading apostrophe',
    (text) => {
      expect(neutralise(text)).toBe(`'${text}`);
    },
  );

  it.each([['Q3 launch'], [''], ['a=b'], ['1+1'], ['여름 캠페인'], [" 'quoted"], ['100%']])('"%s" is left alone', (text) => {
    expect(neutralise(text)).toBe(text);
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
