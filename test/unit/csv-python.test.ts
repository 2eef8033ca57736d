/**
 * The plan CSV read and written by an independent CSV implementation, Python's `csv` module.
 * CI installs python3; without it these tests fail (they never skip).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neutralise, normalisePlanForCsv, PLAN_CSV_COLUMNS, planCsvRows, toCsv, type PlanCsvColumn } from '../../src/domain/csv';
import { importPlanCsv } from '../../src/domain/csv-import';
import type { Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { planSchema } from '../../src/lib/plan-schema';
import type { AudienceProfile } from '../../src/domain/types';
import { check, creatorLine, formatLine, planWith, takeoverLine } from './plan-fixtures';

const NAME = '=Launch, "Q3"\r\n여름 캠페인; 2nd';

const AUDIENCE: AudienceProfile = {
  ageShares: { '13-17': 0.2, '18-24': 0.4, '25-34': 0.2, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.45,
  topCountries: [
    { country: 'US', share: 0.62 },
    { country: 'CA', share: 0.1 },
  ],
};

/** Text that trips CSV writers: quotes, separators, line breaks, Korean, formula triggers, apostrophes. */
const PLAN: Plan = planWith({
  name: NAME,
  totalBudget: '1,000,000',
  formats: [formatLine('in-feed', '$60,000.50', { buyingModel: 'CPC' }), takeoverLine('3', { category: 'Food & beverage' })],
  creators: [
    creatorLine({
      handle: 'maya.fit',
      displayName: '@Maya "M" Park, Jr.\n둘째 줄',
      posts: '3',
      fee: '1,200',
      postDates: ['', '2024-01-20', ''],
      sparkBudget: '250.5',
      audience: AUDIENCE,
      credibility: 0.9,
    }),
    creatorLine({ handle: 'jun_kr', displayName: "'=already quoted", country: 'KR', avgViews: null, engagementRate: null, posts: '1', fee: '300' }),
    creatorLine({ handle: 'tab', displayName: '\tleading tab', posts: '1', fee: '0' }),
  ],
  assumptionOverrides: { averageOrderValue: '$45.50', clickThroughRate: '1.5%', universeKR: '12,000,000' },
  costs: { agencyCommission: '15%', usageRights: '', whitelisting: '1,000', production: '', tax: '10' },
  excludeWeekends: true,
  earnedInReach: true,
});

function exported(plan: Plan) {
  const result = check(plan);
  expect(result.errors).toEqual({});
  const rows = planCsvRows(plan, project(result.input));
  return { rows, csv: toCsv(rows, PLAN_CSV_COLUMNS) };
}

/** The cells we mean to write: numbers as JavaScript prints them, text neutralised. */
function meant(rows: readonly Record<PlanCsvColumn, string | number>[]): string[][] {
  return rows.map((row) => PLAN_CSV_COLUMNS.map((c) => (typeof row[c] === 'number' ? String(row[c]) : neutralise(String(row[c])))));
}

describe('the plan CSV through Python’s csv module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reachplan-csv-python-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { rows, csv } = exported(PLAN);
  const file = join(dir, 'plan.csv');
  writeFileSync(file, csv, 'utf8');

  function python(script: string, ...args: string[]): string {
    return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  }

  it('reads every row and cell as we meant them, neutralised cells with their apostrophe', () => {
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    print(json.dumps(list(csv.reader(f))))',
    ].join('\n');
    const table = JSON.parse(python(script, file)) as string[][];
    expect(table[0]).toEqual([...PLAN_CSV_COLUMNS]);
    expect(table[0]).toHaveLength(68);
    expect(table.slice(1)).toEqual(meant(rows));
    expect(table).toHaveLength(1 + 5 + 1);
    for (const row of table) expect(row).toHaveLength(68);
  });

  it('reads the awkward cells by name', () => {
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    rows = list(csv.DictReader(f))',
      "keys = ('plan_name', 'item_type', 'item_id', 'display_name', 'post_dates', 'amount', 'assumption_overrides', 'countries', 'earned_in_reach', 'audience_countries', 'audience_ages', 'audience_female_share', 'credibility', 'budget', 'roi_cost')",
      'print(json.dumps([{k: r[k] for k in keys} for r in rows]))',
    ].join('\n');
    const read = JSON.parse(python(script, file)) as Record<string, string>[];
    expect(read.map((r) => r.plan_name)).toEqual(Array(6).fill(`'${NAME}`));
    expect(read.map((r) => [r.item_type, r.item_id, r.display_name, r.post_dates, r.amount])).toEqual([
      ['format', 'in-feed', '', '', '60000.5'],
      ['format', 'brand-takeover', '', '', '3'],
      ['creator', 'maya.fit', '\'@Maya "M" Park, Jr.\n둘째 줄', 'auto 2024-01-20 auto', ''],
      ['creator', 'jun_kr', "''=already quoted", 'auto', ''],
      ['creator', 'tab', "'\tleading tab", 'auto', ''],
      ['total', '', '', '', ''],
    ]);
    // Overrides in the ledger's order: the model's own assumptions, then each market's.
    for (const r of read) {
      expect(r.assumption_overrides).toBe('clickThroughRate=1.5\naverageOrderValue=45.5\nuniverseKR=12000000');
      expect(r.countries).toBe('US');
      expect(r.earned_in_reach).toBe('yes');
    }
    expect(read.map((r) => [r.item_id, r.audience_countries, r.audience_ages, r.audience_female_share, r.credibility])).toEqual([
      ['in-feed', '', '', '', ''],
      ['brand-takeover', '', '', '', ''],
      ['maya.fit', 'US:0.62 CA:0.1', '13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1 45-54:0.06 55+:0.04', '0.45', '0.9'],
      ['jun_kr', '', '', '', ''],
      ['tab', '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    // A line item's ROI is on its spend; the plan's on its gross cost, commission and tax included.
    for (const r of read.slice(0, -1)) expect(r.roi_cost).toBe(r.budget);
    expect(Number(read.at(-1)?.roi_cost)).toBeGreaterThan(Number(read.at(-1)?.budget));
  });

  it('writes a file our import reads back: semicolons, decimal commas, LF, no BOM', () => {
    const out = join(dir, 'resaved.csv');
    // Numbers in number columns get a decimal comma, as a European spreadsheet writes them; text is kept.
    const numeric = PLAN_CSV_COLUMNS.filter((c) => rows.some((r) => typeof r[c] === 'number'));
    const script = [
      'import csv, json, re, sys',
      'numeric = set(json.loads(sys.argv[3]))',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    table = list(csv.reader(f))',
      'header = table[0]',
      "out = [header] + [[re.sub(r'^(-?\\d+)\\.(\\d+)$', r'\\1,\\2', c) if header[i] in numeric else c for i, c in enumerate(r)] for r in table[1:]]",
      "with open(sys.argv[2], 'w', encoding='utf-8', newline='') as f:",
      "    csv.writer(f, delimiter=';', lineterminator='\\n').writerows(out)",
    ].join('\n');
    python(script, file, out, JSON.stringify(numeric));
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('plan_name;item_type;')).toBe(true);
    expect(text).toContain(';60000,5;');
    // Rows end in LF: the only CRLFs are inside the quoted plan name, one on each of the 6 rows.
    expect(text.split('\r\n')).toHaveLength(6 + 1);
    const now = new Date(2024, 0, 5);
    const result = importPlanCsv(text, { id: 'from-python', now, schema: planSchema });
    expect(text).toContain(';0,45;0,9\n');
    expect(result.problems).toEqual([]);
    expect(result.separator).toBe(';');
    expect(result.plan).toEqual(normalisePlanForCsv(PLAN, { id: 'from-python', now }));
    expect(result.plan?.creators[0]).toMatchObject({ audience: AUDIENCE, credibility: 0.9 });
    expect(result.plan?.earnedInReach).toBe(true);
  });
});
