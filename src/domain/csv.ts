import Papa from 'papaparse';
import { format as formatDate } from 'date-fns';
import type { Plan } from './plan';
import type { LineResult, Projection, Totals } from './projection';
import { roundFor, type Quantity } from './rounding';
import type { PlanCheck } from './validation';

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
    budget: num(r.spend, 'money'),
    impressions: num(r.impressions, 'count'),
    reach: num(r.reach, 'count'),
    video_views: num(r.videoViews, 'count'),
    engagements: num(r.engagements, 'count'),
    engagement_rate: num(r.engagementRate, 'rate'),
    conversions: num(r.conversions, 'count'),
    revenue: num(r.revenue, 'money'),
    cpm: num(r.cpm, 'money'),
    roi: num(r.roi, 'rate'),
    clicks: num(r.clicks, 'count'),
    video_submissions: num(r.submissions, 'count'),
  };
}

/** The rows of a plan export: one per line item, then the total. */
export function planCsvRows(plan: Plan, check: PlanCheck, projection: Projection): Record<PlanCsvColumn, Cell>[] {
  const common = {
    plan_name: plan.name.trim(),
    start_date: plan.startDate,
    end_date: plan.endDate,
    currency: plan.currency,
    goal: plan.goal,
  };
  const quantities = [
    ...check.input.formats.map((l) => (l.days !== null ? { q: l.days, unit: 'days' } : { q: '', unit: '' })),
    ...check.input.creators.map((l) => ({ q: l.posts, unit: 'posts' })),
  ];
  const row = (cells: Partial<Record<PlanCsvColumn, Cell>>) =>
    Object.fromEntries(PLAN_CSV_COLUMNS.map((c) => [c, cells[c] ?? ''])) as Record<PlanCsvColumn, Cell>;
  return [
    ...projection.items.map((item, i) =>
      row({
        ...common,
        item_type: item.kind,
        item_name: item.kind === 'creator' ? item.name.replace(/^@/, '') : item.name,
        ...metricCells(item),
        quantity: quantities[i]?.q ?? '',
        quantity_unit: quantities[i]?.unit ?? '',
      }),
    ),
    row({ ...common, item_type: 'total', item_name: 'Total', ...metricCells(projection.totals) }),
  ];
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
