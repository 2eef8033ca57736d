import Papa from 'papaparse';
import { format as formatDate } from 'date-fns';
import type { Plan } from './plan';
import type { LineResult, Projection, Totals } from './projection';
import { roundFor, type Quantity } from './rounding';
import type { Assumption, AssumptionKey, Assumptions } from './types';

/** Column names and order of the plan CSV: a contract with users' spreadsheets. */
export const PLAN_CSV_COLUMNS = [
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
] as const;
export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];
type Cell = string | number;

/** Cells starting with one of these are read as formulas by spreadsheets. */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would run as a formula, by a leading `'`. */
export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** A number as a spreadsheet reads it: no separators, no symbols; empty when undefined. */
function num(value: number | null, kind: Quantity): Cell {
  if (value === null || !Number.isFinite(value)) return '';
  return roundFor(kind, value);
}

function metricCells(r: LineResult | Totals): Partial<Record<PlanCsvColumn, Cell>> {
  return {
    reach_low: num(r.ranges.reach.low, 'count'),
    reach_high: num(r.ranges.reach.high, 'count'),
    conversions_low: num(r.ranges.conversions.low, 'count'),
    conversions_high: num(r.ranges.conversions.high, 'count'),
    frequency: num(r.frequency, 'rate'),
    budget: num(r.spend, 'money'),
    impressions: num(r.impressions, 'count'),
    reach: num(r.reach, 'count'),
    video_views: num(r.videoViews, 'count'),
    engagements: num(r.engagements, 'count'),
    engagement_rate: num(r.engagementRate?.mid ?? null, 'rate'),
    conversions: num(r.conversions, 'count'),
    revenue: num(r.revenue, 'money'),
    cpm: num(r.cpm, 'money'),
    roi: num(r.roi?.mid ?? null, 'rate'),
    clicks: num(r.clicks, 'count'),
    video_submissions: num(r.submissions, 'count'),
  };
}

/** The rows of a plan export: one per line item, then the total. */
export function planCsvRows(plan: Plan, projection: Projection): Record<PlanCsvColumn, Cell>[] {
  const common = {
    plan_name: plan.name.trim(),
    start_date: plan.startDate,
    end_date: plan.endDate,
    currency: plan.currency,
    goal: plan.goal,
  };
  const row = (cells: Partial<Record<PlanCsvColumn, Cell>>) =>
    Object.fromEntries(PLAN_CSV_COLUMNS.map((c) => [c, cells[c] ?? ''])) as Record<PlanCsvColumn, Cell>;
  return [
    ...projection.items.map((item) =>
      row({
        ...common,
        item_type: item.kind,
        item_name: item.kind === 'creator' ? item.name.replace(/^@/, '') : item.name,
        ...metricCells(item),
        // What the money buys, exactly: impressions, clicks, 6-second views, days or posts.
        quantity: num(item.bought.quantity, 'count'),
        quantity_unit: item.bought.unit,
      }),
    ),
    row({ ...common, item_type: 'total', item_name: 'Total', ...metricCells(projection.totals) }),
  ];
}

/** Column names and order of the assumptions CSV ("Export assumptions CSV"). */
export const ASSUMPTIONS_CSV_COLUMNS = ['name', 'value', 'unit', 'market', 'source', 'overridden'] as const;
export type AssumptionsCsvColumn = (typeof ASSUMPTIONS_CSV_COLUMNS)[number];

const UNIT_LABEL: Record<Assumption['unit'], string> = { fraction: '%', usd: 'USD', people: 'people', views: 'views', number: 'number' };

/**
 * The assumptions ledger as rows: each rate the plan uses, in the unit the app shows
 * (percentages for shares and rates), with its market and source (name and date);
 * `overridden` is "yes" where the plan overrides the default.
 */
export function assumptionsCsvRows(
  list: readonly Assumption[],
  values: Assumptions,
  overridden: ReadonlySet<AssumptionKey>,
): Record<AssumptionsCsvColumn, Cell>[] {
  return list.map((a) => {
    const value = values[a.key];
    return {
      name: a.label,
      value: a.unit === 'fraction' ? roundFor('rate', value * 100) : roundFor(a.unit === 'usd' ? 'money' : 'rate', value),
      unit: UNIT_LABEL[a.unit],
      market: a.market,
      source: `${a.source.name} (${a.source.date})`,
      overridden: overridden.has(a.key) ? 'yes' : 'no',
    };
  });
}

/** `<plan name>-assumptions-<yyyy-MM-dd>.csv`. */
export function assumptionsCsvFileName(planName: string, exportedOn: Date): string {
  return `${safeFileStem(planName)}-assumptions-${formatDate(exportedOn, 'yyyy-MM-dd')}.csv`;
}

/**
 * Serialises rows as RFC 4180 CSV (CRLF, quotes doubled) with a UTF-8 BOM so Excel
 * reads Korean text; text cells that would run as formulas are neutralised.
 */
export function toCsv(rows: readonly Record<string, Cell>[], columns: readonly string[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
    { newline: '\r\n', escapeFormulae: FORMULA_TRIGGER, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** File systems limit names to 255 bytes; the stem leaves room for the date and extension. */
export const MAX_STEM_BYTES = 150;

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between code points (never inside an emoji). */
function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += encoder.encode(char).length;
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

/** A plan name made safe as a file name on Windows, macOS and Linux (Unicode kept). */
export function safeFileStem(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  const stem = truncateUtf8(cleaned, MAX_STEM_BYTES).trim();
  if (stem === '') return 'reachplan';
  return RESERVED.test(stem) ? `plan-${stem}` : stem;
}

/** `<plan name>-<yyyy-MM-dd>.csv`, dated by the export day. */
export function csvFileName(planName: string, exportedOn: Date): string {
  return `${safeFileStem(planName)}-${formatDate(exportedOn, 'yyyy-MM-dd')}.csv`;
}
