import { format as formatDate, isValid, parse } from 'date-fns';
import { emptyContract } from './contract';
import { COST_COLUMNS, PLAN_CSV_COLUMNS, PLAN_INPUT_COLUMNS, takeoverCategory, unneutralise, type PlanCsvColumn } from './csv';
import { describeLimit, plainDecimal, ruleBreak, type NumberRule } from './parse';
import { parseCost } from './costs';
import { PLAN_LIMITS, planOverLimits } from './limits';
import { isLegacyAssumptionKey, upgradeOverrideKeys } from './legacy-keys';
import {
  emptyCosts,
  GOAL_KPI,
  IN_FEED_BUYING_MODELS,
  MODEL_EDITION,
  PACINGS,
  PLAN_STATUSES,
  type CostField,
  type Plan,
  type PlanCreatorLine,
  type PlanFormatLine,
  type PlanStatus,
} from './plan';
import { roundFor } from './rounding';
import {
  AGE_BANDS,
  ASSUMPTION_KEYS,
  COUNTRIES,
  FORMAT_IDS,
  GENDERS,
  GOALS,
  NICHES,
  TIERS,
  type AdFormat,
  type AgeBand,
  type AssumptionKey,
  type AudienceProfile,
  type Benchmarks,
  type Country,
  type Gender,
  type Goal,
} from './types';
import { FIELD_RULES, formatAmountLabel, KPI_TARGET_ZERO, MAX_MONEY, MAX_POSTS, validatePlan } from './validation';

/**
 * Reads a plan CSV back into a plan: the file Reachplan exports, or that file after Excel or
 * Google Sheets saved it again. Pure and total: every input gives a plan or the reason there
 * is none, and each row or value that could not be read is listed with its line in the file.
 */

/**
 * The largest file read: a plan of MAX_CSV_LINE_ITEMS line items is about 1 MB. The import
 * counts characters (each at least a byte); a caller holding the file checks its bytes first.
 */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
/** The most line-item rows read: as many as a plan holds. */
export const MAX_CSV_LINE_ITEMS = PLAN_LIMITS.lineItems;

/** Something the reader could not use or used differently; `line` counts the file's lines from 1, null for the whole file. */
export interface CsvMessage {
  line: number | null;
  reason: string;
}

/**
 * What `planSchema` (src/lib/plan-schema.ts) offers: the import checks its plan with it. It is
 * passed in because the domain depends on nothing else in src.
 */
export interface PlanSchemaCheck {
  safeParse(value: unknown):
    | { success: true; data: Plan }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface ImportPlanCsvOptions {
  /** Id of the imported plan. */
  id: string;
  /** Its `updatedAt`. */
  now: Date;
  /** The app's stored-plan schema; the plan is returned only when it passes. */
  schema: PlanSchemaCheck;
  /**
   * How to read slashed dates the file itself leaves open (08/01/2024 with no date like 31/08 or
   * 08/31 to settle it): the user's answer to `dateQuestion`.
   */
  dateOrder?: DateOrder | undefined;
  /** Told how far reading has gone, as a share of the file from 0 to 1 (for a progress bar). */
  onProgress?: ((share: number) => void) | undefined;
  /** Formats and benchmarks the app uses: with them, each row's `budget` is checked against its inputs. */
  catalog?: { formats: readonly AdFormat[]; benchmarks: Pick<Benchmarks, 'assumptions' | 'markets'> } | undefined;
}

export interface PlanCsvImport {
  /** The plan the file describes; null when the file is not a plan CSV (`problems` says why). */
  plan: Plan | null;
  /** Rows and values not imported, in the order of the file. */
  problems: CsvMessage[];
  /** Values imported differently from what the file says (a disagreeing row, a computed column), in file order. */
  notes: CsvMessage[];
  /** The separator read from the header; null when there was no header. */
  separator: Separator | null;
  /**
   * Set when every slashed date in the file reads two ways: without `dateOrder` the plan was read
   * month first in a `,` file and day first in a `;` file, and must not be used until the user
   * chooses (import again with `dateOrder`, which `dateOrder` here then reports).
   */
  dateQuestion?: { example: string; monthFirst: string; dayFirst: string };
  /** How the slashed dates were read, when the file has any that read differently each way. */
  dateOrder?: DateOrder;
}

export type Separator = ',' | ';';

/** Every column the import reads: a file without one of them is not a complete plan CSV. */
export const IMPORT_COLUMNS = [
  'plan_name',
  'item_type',
  'start_date',
  'end_date',
  'goal',
  ...PLAN_INPUT_COLUMNS,
] as const satisfies readonly PlanCsvColumn[];
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * Columns the import reads but needn't find: the exported budget (checked against the inputs),
 * currency, and the model's second-edition inputs (a file exported before them has none: no
 * audience data, participants out of reach, as such a plan was).
 */
type OptionalColumn = 'budget' | 'currency' | 'earned_in_reach' | 'audience_countries' | 'audience_ages' | 'audience_female_share' | 'credibility';

/** The columns of the plan CSV before it carried the plan's inputs. */
const FIRST_EXPORT_COLUMNS = PLAN_CSV_COLUMNS.slice(0, PLAN_CSV_COLUMNS.indexOf('frequency') + 1);

/** The first edition's assumption keys an older file may carry (see legacy-keys.ts). */
const LEGACY_KEY_NAMES = [
  'femaleShare',
  'ageShare13to17',
  'ageShare18to24',
  'ageShare25to34',
  'ageShare35to44',
  'ageShare45to54',
  'ageShare55plus',
  'takeoverPricePerDay',
  'takeoverImpressionsPerDay',
].filter(isLegacyAssumptionKey);

// ---------------------------------------------------------------------------------------
// Reading the file: records with the line each starts on.

interface CsvRecord {
  /** Line of the file the record starts on, from 1. */
  line: number;
  cells: string[];
}

/** The separator the header uses: `;` when it has more of them than commas (outside quotes). */
export function detectSeparator(text: string): Separator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Splits CSV text into records (RFC 4180, read leniently as spreadsheets write it): quoted
 * fields may hold separators, `""` and line breaks; CRLF, LF and CR all end a line. Each record
 * says the physical line it starts on, so a line break inside quotes moves later records' lines.
 * `unclosed` is the line of a quote never closed (its record then runs to the end and is dropped).
 */
export function readCsvRecords(
  text: string,
  separator: Separator,
  maxRecords: number = Number.POSITIVE_INFINITY,
  onProgress?: (charsRead: number) => void,
): { records: CsvRecord[]; unclosed: number | null; stoppedAt: number | null } {
  const records: CsvRecord[] = [];
  // Records that hold something: reading stops once there are more than `maxRecords` of them,
  // so a file of millions of tiny rows costs no more than the limit.
  let filled = 0;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    const record = { line: recordLine, cells };
    records.push(record);
    if (!isBlank(record)) filled++;
    cells = [];
    cell = '';
  };
  while (i < n) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (char === '\r' || char === '\n') {
        const crlf = char === '\r' && text[i + 1] === '\n';
        cell += crlf ? '\r\n' : char;
        line++;
        i += crlf ? 2 : 1;
        continue;
      }
      cell += char;
      i++;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (char === separator) {
      cells.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      if (filled > maxRecords) return { records, unclosed: null, stoppedAt: recordLine };
      if (onProgress && records.length % 256 === 0) onProgress(i);
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += char;
    i++;
  }
  if (quoted) return { records, unclosed: recordLine, stoppedAt: null };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, unclosed: null, stoppedAt: null };
}

/** A header cell as a column name: case, spaces, hyphens and underscores don't matter. */
function columnKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

function isBlank(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

// ---------------------------------------------------------------------------------------
// Reading values.

/**
 * A number as a spreadsheet writes it. `,` files: `.` is the decimal point and `,` groups
 * thousands (`60,000.5`). `;` files (European Excel): `,` is the decimal comma and `.` groups
 * thousands (`60.000,5`); a `.` that can't be grouping (`0.06`) is a decimal point, and inside a
 * text cell (`inText`), which no spreadsheet rewrites, `1.500` is the 1.5 the export wrote.
 * Spaces, a leading `$` (`dollar`), a trailing `%` (`percent`) and an exponent are allowed.
 * Null when unreadable.
 */
export function readCsvNumber(
  cell: string,
  separator: Separator,
  options: { dollar?: boolean; percent?: boolean; inText?: boolean } = {},
): { value: number; percent: boolean } | null {
  let body = cell.replace(/[\s\u00a0\u202f]+/g, '');
  let negative = false;
  if (body.startsWith('-')) {
    negative = true;
    body = body.slice(1);
  }
  if (options.dollar && body.startsWith('$')) body = body.slice(1);
  if (!negative && body.startsWith('-')) {
    negative = true;
    body = body.slice(1);
  }
  const percent = options.percent === true && body.endsWith('%');
  if (percent) body = body.slice(0, -1);
  const exponent = /[eE]([+-]?\d{1,3})$/.exec(body);
  if (exponent) body = body.slice(0, exponent.index);
  // No one groups thousands in scientific notation: its mark is the decimal one, whichever it is.
  const plain = exponent
    ? /^\d+([.,]\d+)?$/.test(body)
      ? body.replace(',', '.')
      : null
    : separator === ','
      ? commaFileDecimal(body)
      : semicolonFileDecimal(body, options.inText === true);
  if (plain === null) return null;
  const value = Number(`${negative ? '-' : ''}${plain}${exponent ? `e${exponent[1]}` : ''}`);
  return Number.isFinite(value) ? { value: Object.is(value, -0) ? 0 : value, percent } : null;
}

/** `body` (digits and separators) as `123.45`, read the `,`-file way; null when it isn't a number. */
function commaFileDecimal(body: string): string | null {
  if (/^\d+(\.\d+)?$/.test(body)) return body;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return body.replace(/,/g, '');
  return null;
}

/** `body` as `123.45`, read the `;`-file way; null when it isn't a number. */
function semicolonFileDecimal(body: string, inText: boolean): string | null {
  if (/^\d+(,\d+)?$/.test(body)) return body.replace(',', '.');
  if (inText && /^\d+\.\d+$/.test(body)) return body;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) return body.replace(/\./g, '').replace(',', '.');
  if (/^\d+\.\d+$/.test(body)) return body;
  return null;
}

/** How a file writes slashed dates: 08/01/2024 is August 1 month first (U.S.), January 8 day first (UK, Europe). */
export type DateOrder = 'month-first' | 'day-first';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/;

/**
 * A date as `yyyy-MM-dd`, from `yyyy-MM-dd` or what Excel writes when it reformats one:
 * `M/d/yyyy` or `d/M/yyyy` (as `order` says), `d.M.yyyy`, `yyyy/M/d` (Korea). Null when it isn't
 * a real calendar date in one of those forms.
 */
export function readCsvDate(cell: string, order: DateOrder): string | null {
  const text = cell.trim();
  let pattern: string | null = null;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) pattern = 'yyyy-M-d';
  else if (/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(text)) pattern = 'yyyy/M/d';
  else if (SLASHED.test(text)) pattern = order === 'month-first' ? 'M/d/yyyy' : 'd/M/yyyy';
  else if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text)) pattern = 'd.M.yyyy';
  if (pattern === null) return null;
  const date = parse(text, pattern, new Date(2000, 0, 1));
  return isValid(date) ? formatDate(date, 'yyyy-MM-dd') : null;
}

/** What a file's slashed dates say about their order. */
export type DateEvidence =
  /** No slashed date, or none that reads differently either way (1/1/2024). */
  | { kind: 'none' }
  /** Settled by a date that reads one way only: a first part above 12 is a day, a second part above 12 is a day. */
  | { kind: 'settled'; order: DateOrder; by: string }
  /** Every slashed date reads both ways: `example` is one of them, with both its readings. */
  | { kind: 'ambiguous'; example: string; monthFirst: string; dayFirst: string };

/**
 * Reads the order of a file's slashed dates from all of them at once: any first part above 12
 * settles it as day first (the file can't be month first); else any second part above 12 as
 * month first; else, when a date would read differently each way, it is ambiguous and the user
 * is asked. Never from the plan's market: a U.S. agency plans UK campaigns in U.S. Excel.
 */
export function slashedDateOrder(cells: Iterable<string>): DateEvidence {
  let ambiguous: string | null = null;
  let monthFirst: string | null = null;
  for (const cell of cells) {
    const match = SLASHED.exec(cell.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12) return { kind: 'settled', order: 'day-first', by: cell.trim() };
    if (second > 12) monthFirst ??= cell.trim();
    else if (first !== second && first >= 1 && second >= 1) ambiguous ??= cell.trim();
  }
  if (monthFirst !== null) return { kind: 'settled', order: 'month-first', by: monthFirst };
  if (ambiguous === null) return { kind: 'none' };
  return {
    kind: 'ambiguous',
    example: ambiguous,
    monthFirst: readCsvDate(ambiguous, 'month-first') ?? '',
    dayFirst: readCsvDate(ambiguous, 'day-first') ?? '',
  };
}

/** A cell quoted in a message: trimmed, at most 40 characters, on one line. */
function quote(cell: string): string {
  const text = cell.trim().replace(/\s+/g, ' ');
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

/** "a, b or c" (or "a, b and c"). */
function listOf(values: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values.at(-1) ?? ''}`;
}

function numberExample(separator: Separator): string {
  return separator === ',' ? '60000 or 60,000.50' : '60000 or 60.000,50';
}

function dateExample(order: DateOrder): string {
  return order === 'month-first' ? 'yyyy-MM-dd or M/d/yyyy' : 'yyyy-MM-dd, d.M.yyyy or d/M/yyyy';
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One row of the file: its line and its cells by column, each with the export's `'` removed. */
class Row {
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  cell(column: ImportColumn | OptionalColumn): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : unneutralise(this.cells[index] ?? '');
  }

  get type(): string {
    return this.cell('item_type').trim().toLowerCase();
  }
}

/**
 * A number typed as text in the app (amounts, fees, targets), as the plain value the planner's
 * field reads back ("0.0000001", never "1e-7"), checked with that field's own `rule` (sign,
 * whole number, limits); '' stays ''.
 */
function textNumber(
  row: Row,
  column: ImportColumn,
  separator: Separator,
  rule: NumberRule | null,
  options: { dollar?: boolean; percent?: boolean } = {},
): Read<string> {
  const cell = row.cell(column);
  if (cell.trim() === '') return { ok: true, value: '' };
  const read = readCsvNumber(cell, separator, options);
  if (!read) return { ok: false, reason: `${column} ${quote(cell)} isn’t a number (write it like ${numberExample(separator)})` };
  const broken = rule === null ? null : ruleBreak(read.value, rule);
  if (broken !== null) return { ok: false, reason: `${column} ${quote(cell)}: ${broken.replace(/\.$/, '')}` };
  return { ok: true, value: plainDecimal(read.value) };
}


/** A catalog figure: a number of at least 0, or null when empty and `optional`. */
function catalogNumber(row: Row, column: ImportColumn, separator: Separator, optional: boolean): Read<number | null> {
  const cell = row.cell(column);
  if (cell.trim() === '') return optional ? { ok: true, value: null } : { ok: false, reason: `${column} is empty` };
  const read = readCsvNumber(cell, separator, { dollar: column === 'catalog_fee' });
  if (!read) return { ok: false, reason: `${column} ${quote(cell)} isn’t a number` };
  if (read.value < 0) return { ok: false, reason: `${column} can’t be negative` };
  return { ok: true, value: read.value };
}

function oneOf<T extends string>(values: readonly T[], text: string): T | null {
  return values.find((v) => v.toLowerCase() === text.trim().toLowerCase()) ?? null;
}

// ---------------------------------------------------------------------------------------
// Plan settings: read from one row, compared on the others.

interface PlanSettings {
  name: string;
  startDate: string;
  endDate: string;
  goal: Goal;
  status: PlanStatus;
  totalBudget: string;
  kpiTarget: string;
  countries: Country[];
  ageBands: AgeBand[];
  gender: Gender;
  costs: Record<CostField, string>;
  excludeWeekends: boolean;
  earnedInReach: boolean;
  assumptionOverrides: Partial<Record<AssumptionKey, string>>;
}

/** Plan columns in the order their values are reported. */
const PLAN_COLUMNS = [
  'plan_name',
  'start_date',
  'end_date',
  'goal',
  'status',
  'total_budget',
  'kpi_target',
  'countries',
  'age_bands',
  'gender',
  ...Object.values(COST_COLUMNS),
  'exclude_weekends',
  'earned_in_reach',
  'assumption_overrides',
] as const satisfies readonly (ImportColumn | OptionalColumn)[];
type PlanColumn = (typeof PLAN_COLUMNS)[number];

/** Splits a list cell ("US KR", "18-24 25-34") at spaces, commas and semicolons. */
function listCell(cell: string): string[] {
  return cell.split(/[\s,;]+/).filter((v) => v !== '');
}

/**
 * Reads the plan's settings from one row. Every value gets a result: an unreadable one is
 * reported and replaced by the app's default. `canon` holds each column's value as read, to
 * compare rows by.
 */
function readPlanSettings(row: Row, separator: Separator, order: DateOrder): { settings: PlanSettings; problems: string[]; canon: Record<PlanColumn, string> } {
  const problems: string[] = [];
  const canon = {} as Record<PlanColumn, string>;

  const name = row.cell('plan_name').trim();
  canon.plan_name = name;

  const date = (column: 'start_date' | 'end_date', label: string): string => {
    const cell = row.cell(column);
    if (cell.trim() === '') return (canon[column] = '');
    const read = readCsvDate(cell, order);
    canon[column] = read ?? `?${cell.trim()}`;
    if (read === null) problems.push(`${column} ${quote(cell)} isn’t a date (write it like ${dateExample(order)}); the plan’s ${label} is left empty`);
    return read ?? '';
  };
  const startDate = date('start_date', 'start date');
  const endDate = date('end_date', 'end date');

  const goalCell = row.cell('goal');
  const goal =
    oneOf(GOALS, goalCell) ?? GOALS.find((g) => GOAL_KPI[g].goalLabel.toLowerCase() === goalCell.trim().toLowerCase()) ?? null;
  canon.goal = goal ?? `?${goalCell.trim()}`;
  if (goal === null) {
    problems.push(`goal ${quote(goalCell)} isn’t a goal Reachplan knows (${listOf(GOALS)}); the plan’s goal is awareness`);
  }

  const statusCell = row.cell('status');
  const status = statusCell.trim() === '' ? 'draft' : oneOf(PLAN_STATUSES, statusCell);
  canon.status = status ?? `?${statusCell.trim()}`;
  if (status === null) problems.push(`status ${quote(statusCell)} isn’t ${listOf(PLAN_STATUSES)}; the plan is a draft`);

  const number = (column: 'total_budget' | 'kpi_target' | (typeof COST_COLUMNS)[CostField], percent: boolean, rule: NumberRule | null, check?: (value: string) => string | null): string => {
    let read = textNumber(row, column, separator, rule, percent ? { percent: true } : { dollar: true });
    const refused = read.ok && read.value !== '' && check ? check(read.value) : null;
    if (refused !== null) read = { ok: false, reason: `${column} ${quote(row.cell(column))}: ${refused.replace(/\.$/, '')}` };
    canon[column] = read.ok ? read.value : `?${row.cell(column).trim()}`;
    if (read.ok) return read.value;
    problems.push(`${read.reason}; it is left empty`);
    return '';
  };
  const totalBudget = number('total_budget', false, FIELD_RULES.totalBudget);
  const kpiTarget = number('kpi_target', false, FIELD_RULES.kpiTarget(GOAL_KPI[goal ?? 'awareness'].metric === 'revenue' ? 'usd' : 'plain'), (v) =>
    Number(v) === 0 ? KPI_TARGET_ZERO : null,
  );
  const costs = emptyCosts();
  for (const [field, column] of Object.entries(COST_COLUMNS) as [CostField, (typeof COST_COLUMNS)[CostField]][]) {
    costs[field] = number(column, column.endsWith('_pct'), null, (v) => {
      const parsed = parseCost(field, v, MAX_MONEY);
      return parsed.ok ? null : parsed.reason;
    });
  }

  const codes = (column: 'countries' | 'age_bands', known: readonly string[], what: string): string[] => {
    // Age bands typed with an en dash ("18–24") are the same bands.
    const values = listCell(row.cell(column).replace(/[\u2012-\u2015]/g, '-'));
    const found = [...new Set(values.map((v) => oneOf(known, v)).filter((v): v is string => v !== null))];
    const unknown = values.filter((v) => oneOf(known, v) === null);
    canon[column] = [...found, ...unknown.map((v) => `?${v}`)].join(' ');
    if (unknown.length > 0) {
      problems.push(`${column}: ${listOf(unknown.map(quote), 'and')} ${unknown.length === 1 ? 'isn’t' : 'aren’t'} ${what} Reachplan knows (${known.join(', ')}) and ${unknown.length === 1 ? 'was' : 'were'} left out`);
    }
    return found;
  };
  const countries = codes('countries', COUNTRIES, 'a country') as Country[];
  const ageBands = codes('age_bands', AGE_BANDS, 'an age group') as AgeBand[];

  const genderCell = row.cell('gender');
  const gender = genderCell.trim() === '' ? 'all' : oneOf(GENDERS, genderCell);
  canon.gender = gender ?? `?${genderCell.trim()}`;
  if (gender === null) problems.push(`gender ${quote(genderCell)} isn’t ${listOf(GENDERS)}; the plan targets all`);

  const yesNo = (column: 'exclude_weekends' | 'earned_in_reach', otherwise: string): boolean => {
    const cell = row.cell(column).trim().toLowerCase();
    const value = ['yes', 'y', 'true', '1'].includes(cell) ? true : ['no', 'n', 'false', '0', ''].includes(cell) ? false : null;
    canon[column] = value === null ? `?${cell}` : String(value);
    if (value === null) problems.push(`${column} ${quote(cell)} isn’t yes or no; ${otherwise}`);
    return value ?? false;
  };
  const excludeWeekends = yesNo('exclude_weekends', 'weekends are not excluded');
  const earnedInReach = yesNo('earned_in_reach', 'participants’ videos are kept out of reach');

  const assumptionOverrides: Partial<Record<AssumptionKey, string>> = {};
  const legacyOverrides: Record<string, string> = {};
  const overrideCanon: string[] = [];
  for (const entry of row.cell('assumption_overrides').split(/\r\n|\r|\n/)) {
    if (entry.trim() === '') continue;
    const at = entry.indexOf('=');
    const name = (at < 0 ? entry : entry.slice(0, at)).trim();
    // A first-edition key (one female share, age split or takeover rate for every market) applies to each targeted market.
    const legacy = LEGACY_KEY_NAMES.find((k) => k.toLowerCase() === name.toLowerCase());
    if (legacy) {
      const legacyText = at < 0 ? '' : entry.slice(at + 1);
      if (legacyText.trim() === '') continue;
      const read = readCsvNumber(legacyText, separator, { dollar: true, percent: true, inText: true });
      if (read) legacyOverrides[legacy] = String(read.value);
      else problems.push(`assumption_overrides: ${legacy} ${quote(legacyText)} isn’t a number and was left out`);
      overrideCanon.push(read ? `${legacy}=${read.value}` : `?${entry.trim()}`);
      continue;
    }
    const key = oneOf(ASSUMPTION_KEYS, at < 0 ? entry : entry.slice(0, at));
    const valueText = at < 0 ? '' : entry.slice(at + 1);
    const read = readCsvNumber(valueText, separator, { dollar: true, percent: true, inText: true });
    if (key === null) {
      problems.push(`assumption_overrides: ${quote(at < 0 ? entry : entry.slice(0, at))} isn’t an assumption Reachplan knows and was left out`);
    } else if (valueText.trim() === '') {
      continue;
    } else if (read === null) {
      problems.push(`assumption_overrides: ${key} ${quote(valueText)} isn’t a number and was left out`);
    } else {
      assumptionOverrides[key] = String(read.value);
    }
    overrideCanon.push(key === null || read === null ? `?${entry.trim()}` : `${key}=${read.value}`);
  }
  canon.assumption_overrides = overrideCanon.join('\n');
  const upgraded = upgradeOverrideKeys(legacyOverrides, countries) as Partial<Record<AssumptionKey, string>>;
  for (const [key, value] of Object.entries(upgraded) as [AssumptionKey, string][]) if (!(key in assumptionOverrides)) assumptionOverrides[key] = value;

  return {
    settings: {
      name,
      startDate,
      endDate,
      goal: goal ?? 'awareness',
      status: status ?? 'draft',
      totalBudget,
      kpiTarget,
      countries,
      ageBands,
      gender: gender ?? 'all',
      costs,
      excludeWeekends,
      earnedInReach,
      assumptionOverrides,
    },
    problems,
    canon,
  };
}

// ---------------------------------------------------------------------------------------
// Line items.

type LineRead<T> = { ok: true; line: T; notes: string[] } | { ok: false; reasons: string[] };

function readFormatRow(row: Row, separator: Separator, formats: readonly AdFormat[] | undefined): LineRead<PlanFormatLine> {
  const reasons: string[] = [];
  const idCell = row.cell('item_id').trim();
  const formatId = oneOf(FORMAT_IDS, idCell);
  if (idCell === '') reasons.push('a format row needs its format id in item_id');
  else if (formatId === null) reasons.push(`${quote(idCell)} isn’t a format id Reachplan knows (${listOf(FORMAT_IDS)})`);
  // The planner's rule for the amount: days for a format bought by the day, else dollars (and
  // dollars' limits when the formats aren't known).
  const format = formats?.find((f) => f.id === formatId);
  const label = format ? formatAmountLabel(format) : 'Amount';
  const rule = format?.purchaseUnit === 'days' ? FIELD_RULES.formatDays(label) : FIELD_RULES.formatBudget(label);
  const amount = textNumber(row, 'amount', separator, rule, { dollar: true });
  if (!amount.ok) reasons.push(amount.reason);
  const modelCell = row.cell('buying_model');
  const buyingModel = modelCell.trim() === '' ? 'CPM' : oneOf(IN_FEED_BUYING_MODELS, modelCell);
  if (buyingModel === null) reasons.push(`buying_model ${quote(modelCell)} isn’t ${listOf(IN_FEED_BUYING_MODELS)}`);
  const pacingCell = row.cell('pacing');
  const pacing = pacingCell.trim() === '' ? 'even' : oneOf(PACINGS, pacingCell);
  if (pacing === null) reasons.push(`pacing ${quote(pacingCell)} isn’t ${listOf(PACINGS)}`);
  if (formatId === null || !amount.ok || buyingModel === null || pacing === null) return { ok: false, reasons };
  return {
    ok: true,
    line: { formatId, amount: amount.value, included: true, buyingModel, pacing, category: takeoverCategory(row.cell('category')) },
    notes: [],
  };
}

function readCreatorRow(row: Row, separator: Separator, order: DateOrder): LineRead<PlanCreatorLine> {
  const reasons: string[] = [];
  const notes: string[] = [];
  // Handles are kept without `@`, as the export writes them; one typed with it is the same creator.
  const handle = row.cell('item_id').trim().replace(/^@/, '');
  if (handle === '') reasons.push('a creator row needs the creator’s handle in item_id');
  const niche = oneOf(NICHES, row.cell('niche'));
  if (niche === null) reasons.push(`niche ${quote(row.cell('niche'))} isn’t a niche Reachplan knows (${NICHES.join(', ')})`);
  const tier = oneOf(TIERS, row.cell('tier'));
  if (tier === null) reasons.push(`tier ${quote(row.cell('tier'))} isn’t ${listOf(TIERS)}`);
  const fans = catalogNumber(row, 'fans', separator, false);
  const avgViews = catalogNumber(row, 'avg_views', separator, true);
  const catalogFee = catalogNumber(row, 'catalog_fee', separator, false);
  for (const read of [fans, avgViews, catalogFee]) if (!read.ok) reasons.push(read.reason);

  let engagementRate: number | null = null;
  const rateCell = row.cell('catalog_engagement_rate');
  if (rateCell.trim() !== '') {
    const read = readCsvNumber(rateCell, separator, { percent: true });
    const rate = read === null ? null : read.percent ? read.value / 100 : read.value;
    if (rate === null) reasons.push(`catalog_engagement_rate ${quote(rateCell)} isn’t a number`);
    else if (rate < 0 || rate > 1) reasons.push(`catalog_engagement_rate ${quote(rateCell)} must be a share from 0 to 1 (0.06 for 6%)`);
    else engagementRate = rate;
  }

  const who = handle === '' ? 'Creator' : `@${handle}`;
  const posts = textNumber(row, 'posts', separator, FIELD_RULES.posts(who));
  const fee = textNumber(row, 'fee_per_post', separator, FIELD_RULES.fee(who), { dollar: true });
  const spark = textNumber(row, 'spark_budget', separator, FIELD_RULES.sparkBudget(who), { dollar: true });
  for (const read of [posts, fee, spark]) if (!read.ok) reasons.push(read.reason);
  const audience = readAudience(row, separator);
  if (!audience.ok) reasons.push(audience.reason);
  const credibility = readShare(row, 'credibility', separator);
  if (!credibility.ok) reasons.push(credibility.reason);

  const postDates: string[] = [];
  const unreadable: string[] = [];
  const entries = listCell(row.cell('post_dates'));
  for (const entry of entries) {
    if (entry.toLowerCase() === 'auto') {
      postDates.push('');
      continue;
    }
    const date = readCsvDate(entry, order);
    if (date === null) unreadable.push(entry);
    else postDates.push(date);
  }
  if (unreadable.length > 0) {
    reasons.push(`post_dates: ${listOf(unreadable.map(quote))} ${unreadable.length === 1 ? 'isn’t a date' : 'aren’t dates'} (write ${dateExample(order)}, or auto to spread a post evenly)`);
  } else if (entries.length > MAX_POSTS) {
    reasons.push(`post_dates has ${entries.length} entries: a creator has at most ${MAX_POSTS} posts`);
  }
  const postCount = posts.ok ? Number(posts.value) : Number.NaN;
  if (posts.ok && Number.isInteger(postCount) && postCount >= 1 && postDates.length > postCount) {
    notes.push(`post_dates has ${postDates.length} dates for ${postCount} ${postCount === 1 ? 'post' : 'posts'}: the plan uses the first ${postCount}`);
  }

  if (
    reasons.length > 0 ||
    niche === null ||
    tier === null ||
    !fans.ok ||
    !avgViews.ok ||
    !catalogFee.ok ||
    !posts.ok ||
    !fee.ok ||
    !spark.ok ||
    !audience.ok ||
    !credibility.ok
  ) {
    return { ok: false, reasons };
  }
  return {
    ok: true,
    line: {
      handle,
      displayName: row.cell('display_name'),
      niche,
      country: row.cell('creator_country'),
      tier,
      fans: fans.value ?? 0,
      avgViews: avgViews.value,
      engagementRate,
      audience: audience.value,
      credibility: credibility.value,
      catalogFee: catalogFee.value ?? 0,
      posts: posts.value,
      fee: fee.value,
      postDates,
      sparkBudget: spark.value,
      contract: emptyContract(),
    },
    notes,
  };
}

/** A share from 0 to 1 (`0.62`, `62%`), or null when empty. */
function readShare(row: Row, column: OptionalColumn, separator: Separator): Read<number | null> {
  const cell = row.cell(column);
  if (cell.trim() === '') return { ok: true, value: null };
  const read = readCsvNumber(cell, separator, { percent: true });
  const value = read === null ? null : read.percent ? read.value / 100 : read.value;
  if (value === null || value < 0 || value > 1) return { ok: false, reason: `${column} ${quote(cell)} must be a share from 0 to 1 (0.62 for 62%)` };
  return { ok: true, value };
}

/** `code:share` pairs (`US:0.62 CA:0.1`), each share from 0 to 1. */
function sharePairs(cell: string, separator: Separator): { key: string; share: number }[] | null {
  const out: { key: string; share: number }[] = [];
  for (const entry of cell.split(/\s+/).filter((e) => e !== '')) {
    const at = entry.lastIndexOf(':');
    if (at <= 0) return null;
    // A share inside a text cell: in a `;` file its `.` is still the decimal point.
    const read = readCsvNumber(entry.slice(at + 1), separator, { percent: true, inText: true });
    const share = read === null ? null : read.percent ? read.value / 100 : read.value;
    if (share === null || share < 0 || share > 1) return null;
    out.push({ key: entry.slice(0, at), share });
  }
  return out;
}

/** A creator's audience from its three columns; null when all are empty (a creator without audience data). */
function readAudience(row: Row, separator: Separator): Read<AudienceProfile | null> {
  const countriesCell = row.cell('audience_countries');
  const agesCell = row.cell('audience_ages');
  const female = readShare(row, 'audience_female_share', separator);
  if (countriesCell.trim() === '' && agesCell.trim() === '' && female.ok && female.value === null) return { ok: true, value: null };
  if (!female.ok) return female;
  // No top countries is a measured audience too (the catalog may list none): an empty cell reads as that.
  const countries = sharePairs(countriesCell, separator);
  if (countries === null || countries.some((c) => !/^[A-Za-z]{2}$/.test(c.key))) {
    return { ok: false, reason: `audience_countries ${quote(countriesCell)} must list country:share pairs, like US:0.62 CA:0.1` };
  }
  const ages = sharePairs(agesCell, separator);
  const ageShares = {} as Record<AgeBand, number>;
  for (const band of AGE_BANDS) {
    const found = ages?.find((a) => a.key.replace(/[\u2012-\u2015]/g, '-') === band);
    if (!found) return { ok: false, reason: `audience_ages ${quote(agesCell)} must give every age group (${AGE_BANDS.join(', ')}) a share, like 18-24:0.4` };
    ageShares[band] = found.share;
  }
  if (female.value === null) return { ok: false, reason: 'audience_female_share is empty while the creator has audience countries and ages' };
  return {
    ok: true,
    value: { ageShares, femaleShare: female.value, topCountries: countries.map((c) => ({ country: c.key.toUpperCase(), share: c.share })) },
  };
}

// ---------------------------------------------------------------------------------------
// The import.

function fileFailure(reason: string, separator: Separator | null = null, line: number | null = null): PlanCsvImport {
  return { plan: null, problems: [{ line, reason }], notes: [], separator };
}

/** Why a file whose header lacks columns is not a plan CSV, in the words of what it looks like. */
function missingColumnsReason(text: string, found: ReadonlySet<string>, missing: readonly string[]): string {
  const head = text.slice(0, 8192);
  // A NUL or an undecodable byte: an .xlsx workbook (a zip), a PDF, a UTF-16 text file.
  if (head.includes('\u0000') || head.includes('\uFFFD') || head.startsWith('PK\u0003\u0004')) {
    return 'This file isn’t a CSV: it looks like a workbook or another binary file. In Excel or Google Sheets, save or download it as CSV (UTF-8) and import that.';
  }
  if (['name', 'value', 'unit', 'market', 'source', 'overridden'].every((c) => found.has(c))) {
    return 'This is an assumptions CSV, not a plan: import a file made with “Export CSV”.';
  }
  const shown = missing.slice(0, 6);
  const more = missing.length - shown.length;
  const columns = `${more > 0 ? `${shown.join(', ')} or ${more} other` : listOf(shown)} ${missing.length === 1 ? 'column' : 'columns'}`;
  if (FIRST_EXPORT_COLUMNS.every((c) => found.has(c)) && !found.has('item_id')) {
    return `This plan CSV comes from an earlier Reachplan, which didn’t write what rebuilds a plan: it has no ${columns}. Export the plan again from Reachplan.`;
  }
  return `This isn’t a Reachplan plan CSV: it has no ${columns}. Import a file made with “Export CSV”.`;
}

function byLine(a: CsvMessage, b: CsvMessage): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/** "Format in-feed", "Creator @maya.fit", or the row's type: how a message names a row. */
function rowName(row: Row): string {
  const id = row.cell('item_id').trim();
  if (row.type === 'format') return id === '' ? 'This format row' : `Format ${id}`;
  return id === '' ? 'This creator row' : `Creator @${id.replace(/^@/, '')}`;
}

/**
 * Reads a plan CSV (see the module comment) into a new plan with `options.id`, `updatedAt`
 * = `options.now`, no scenario link and an empty shortlist and contracts. Rows and values that
 * can't be read are listed in `problems` with their line (the header is line 1; lines inside
 * quoted cells count); nothing else is dropped. Computed columns are ignored. The plan's
 * settings come from the total row, or the first line item when there is none.
 */
export function importPlanCsv(text: string, options: ImportPlanCsvOptions): PlanCsvImport {
  if (text.length > MAX_CSV_BYTES) {
    return fileFailure(`The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: a Reachplan plan CSV is far smaller. Check that it is the right file.`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fileFailure('The file is empty: there is no plan in it.');

  // Excel honours a first line `sep=;` naming the separator; some tools write one.
  const hint = /^\s*sep=([,;])\s*(\r\n|\r|\n)/i.exec(body);
  const separator = hint ? (hint[1] as Separator) : detectSeparator(body.replace(/^(\s*[\r\n])+/, ''));
  // The header, a `sep=` line, the total row and line items up to the limit: one record more means too many.
  const onProgress = options.onProgress;
  const { records, unclosed, stoppedAt } = readCsvRecords(
    body,
    separator,
    MAX_CSV_LINE_ITEMS + 3,
    onProgress && ((chars) => onProgress((0.8 * chars) / Math.max(1, body.length))),
  );
  if (stoppedAt !== null) {
    return fileFailure(
      `The file has more than ${MAX_CSV_LINE_ITEMS.toLocaleString('en-US')} line-item rows: a plan holds at most ${MAX_CSV_LINE_ITEMS.toLocaleString('en-US')}, so reading stopped at line ${stoppedAt.toLocaleString('en-US')}. Check that it is the right file.`,
      separator,
      stoppedAt,
    );
  }
  const firstIndex = records.findIndex((r) => !isBlank(r));
  const headerIndex = hint ? records.findIndex((r, i) => i > firstIndex && !isBlank(r)) : firstIndex;
  const header = records[headerIndex];
  if (!header) return fileFailure('The file is empty: there is no plan in it.');

  const notes: CsvMessage[] = [];
  const problems: CsvMessage[] = [];
  const columns = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    const key = columnKey(cell);
    if (key === '') return;
    if (columns.has(key)) notes.push({ line: header.line, reason: `The column ${key} appears twice: the first one was read.` });
    else columns.set(key, index);
  });
  const missing = IMPORT_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return fileFailure(missingColumnsReason(body, new Set(columns.keys()), missing), separator, header.line);
  }

  const rows = records
    .slice(headerIndex + 1)
    .filter((r) => !isBlank(r))
    .map((r) => {
      const extra = r.cells.slice(header.cells.length).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        notes.push({
          line: r.line,
          reason: `This row has more cells than the header; the ${extra.length === 1 ? 'last one was' : `last ${extra.length} were`} ignored. A value with a “${separator}” in it needs quotes.`,
        });
      }
      return new Row(r.line, r.cells, columns);
    });
  if (unclosed !== null) {
    problems.push({ line: unclosed, reason: 'A quoted cell that starts on this line is never closed (a " is missing), so this line and the rest of the file were not read.' });
  }
  const itemRows = rows.filter((r) => r.type !== 'total');
  if (itemRows.length > MAX_CSV_LINE_ITEMS) {
    return fileFailure(
      `The file has ${itemRows.length.toLocaleString('en-US')} line-item rows: Reachplan imports at most ${MAX_CSV_LINE_ITEMS.toLocaleString('en-US')}. Check that it is the right file.`,
      separator,
    );
  }
  const firstRow = rows[0];
  if (!firstRow) {
    problems.unshift({ line: header.line, reason: 'The file has a header but no rows: there is no plan in it.' });
    return { plan: null, problems, notes, separator };
  }

  // Slashed dates: their order from the whole file, or the user's answer, never from a market.
  const evidence = slashedDateOrder(
    rows.flatMap((r) => [r.cell('start_date'), r.cell('end_date'), ...listCell(r.cell('post_dates'))]),
  );
  const fallbackOrder: DateOrder = separator === ',' ? 'month-first' : 'day-first';
  const order: DateOrder = evidence.kind === 'settled' ? evidence.order : (options.dateOrder ?? fallbackOrder);
  if (evidence.kind === 'settled' && evidence.order !== fallbackOrder) {
    notes.push({
      line: null,
      reason: `Dates like ${quote(evidence.by)} are ${evidence.order === 'day-first' ? 'day first' : 'month first'}, so every slashed date was read that way (${quote(evidence.by)} is ${readCsvDate(evidence.by, evidence.order) ?? ''}).`,
    });
  }

  // Line items first: the plan's settings come from the first one read when there is no total row.
  const formats: { line: PlanFormatLine; row: Row }[] = [];
  const creators: { line: PlanCreatorLine; row: Row }[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    if (row.type === 'total') continue;
    if (row.type !== 'format' && row.type !== 'creator') {
      const cell = row.cell('item_type').trim();
      problems.push({
        line: row.line,
        reason:
          cell === ''
            ? 'This row has no item_type: it should be format, creator or total. It was not imported.'
            : `${quote(cell)} isn’t an item type Reachplan knows (format, creator or total): this row was not imported.`,
      });
      continue;
    }
    const read = row.type === 'format' ? readFormatRow(row, separator, options.catalog?.formats) : readCreatorRow(row, separator, order);
    if (!read.ok) {
      problems.push({ line: row.line, reason: `${rowName(row)} was not imported: ${read.reasons.join('; ')}.` });
      continue;
    }
    const key = 'formatId' in read.line ? `format:${read.line.formatId}` : `creator:${read.line.handle}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      problems.push({ line: row.line, reason: `${rowName(row)} is listed twice (first on line ${first}): this row was not imported.` });
      continue;
    }
    firstLine.set(key, row.line);
    for (const note of read.notes) notes.push({ line: row.line, reason: `${rowName(row)}: ${note}.` });
    if ('formatId' in read.line) formats.push({ line: read.line, row });
    else creators.push({ line: read.line, row });
  }
  const imported = [...formats, ...creators].map((l) => l.row).sort((a, b) => a.line - b.line);

  // The plan's settings: from the total row, else the first line item read, else the first row.
  const totals = rows.filter((r) => r.type === 'total');
  const source = totals[0] ?? imported[0] ?? rows.find((r) => r.type === 'format' || r.type === 'creator') ?? firstRow;
  const sourceName = source.type === 'total' ? `the total row (line ${source.line})` : `line ${source.line}`;
  const planRead = readPlanSettings(source, separator, order);
  for (const reason of planRead.problems) problems.push({ line: source.line, reason: `${capitalise(reason)}.` });
  for (const extraTotal of totals.slice(1)) {
    problems.push({ line: extraTotal.line, reason: `A second total row (the first is on line ${source.line}): it was not read.` });
  }
  for (const row of imported) {
    if (row === source) continue;
    const canon = readPlanSettings(row, separator, order).canon;
    const differing = PLAN_COLUMNS.filter((c) => canon[c] !== planRead.canon[c]);
    if (differing.length > 0) {
      notes.push({
        line: row.line,
        reason: `${listOf(differing, 'and')} ${differing.length === 1 ? 'differs' : 'differ'} from ${sourceName}, whose ${differing.length === 1 ? 'value was' : 'values were'} used for the plan.`,
      });
    }
  }

  const currency = rows.find((r) => !['', 'usd'].includes(r.cell('currency').trim().toLowerCase()));
  if (currency) {
    notes.push({ line: currency.line, reason: `currency ${quote(currency.cell('currency'))}: Reachplan plans are in USD, so amounts were read as USD.` });
  }
  if (body.includes('\uFFFD')) {
    notes.push({
      line: null,
      reason: 'Some characters couldn’t be read, so names may show “�”: the file isn’t UTF-8. In Excel, save as “CSV UTF-8”.',
    });
  }

  const s = planRead.settings;
  const plan: Plan = {
    id: options.id,
    name: s.name,
    status: s.status,
    scenarioOf: null,
    startDate: s.startDate,
    endDate: s.endDate,
    goal: s.goal,
    kpiTarget: s.kpiTarget,
    otherKpiTargets: {},
    totalBudget: s.totalBudget,
    currency: 'USD',
    targeting: { countries: s.countries, ageBands: s.ageBands, gender: s.gender },
    formats: formats.map((f) => f.line),
    creators: creators.map((c) => c.line),
    shortlist: [],
    retiredContracts: {},
    assumptionOverrides: s.assumptionOverrides,
    costs: s.costs,
    excludeWeekends: s.excludeWeekends,
    earnedInReach: s.earnedInReach,
    modelEdition: MODEL_EDITION,
    updatedAt: options.now.toISOString(),
  };

  if (options.catalog) notes.push(...budgetNotes(plan, formats, creators, options.catalog, separator));

  const over = planOverLimits(plan);
  if (over !== null) {
    return {
      plan: null,
      problems: [...problems, { line: null, reason: `The plan in this file is larger than Reachplan allows, so nothing was imported. ${over}` }].sort(byLine),
      notes: notes.sort(byLine),
      separator,
    };
  }
  const checked = options.schema.safeParse(plan);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'unknown';
    return {
      plan: null,
      problems: [...problems, { line: null, reason: `The plan read from this file didn’t pass Reachplan’s checks (${where}), so nothing was imported.` }].sort(byLine),
      notes: notes.sort(byLine),
      separator,
    };
  }
  const dates =
    evidence.kind === 'ambiguous'
      ? { dateOrder: order, dateQuestion: { example: evidence.example, monthFirst: evidence.monthFirst, dayFirst: evidence.dayFirst } }
      : evidence.kind === 'settled'
        ? { dateOrder: order }
        : {};
  return { plan: checked.data, problems: problems.sort(byLine), notes: notes.sort(byLine), separator, ...dates };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Notes where a row's exported `budget` disagrees with what its input columns give: the
 * import uses the inputs (`budget` is worked out from them on export).
 */
function budgetNotes(
  plan: Plan,
  formats: readonly { line: PlanFormatLine; row: Row }[],
  creators: readonly { line: PlanCreatorLine; row: Row }[],
  catalog: NonNullable<ImportPlanCsvOptions['catalog']>,
  separator: Separator,
): CsvMessage[] {
  const check = validatePlan(plan, catalog.formats, catalog.benchmarks);
  const notes: CsvMessage[] = [];
  const compare = (row: Row, spend: number, inputs: string) => {
    const cell = row.cell('budget');
    const exported = cell.trim() === '' ? null : readCsvNumber(cell, separator, { dollar: true });
    if (exported === null || Math.abs(exported.value - roundFor('money', spend)) < 0.005) return;
    notes.push({
      line: row.line,
      reason: `${rowName(row)}: budget says ${describeLimit(exported.value, 'usd')} but ${inputs} ${describeLimit(spend, 'usd')}. The plan follows the input columns; budget is worked out from them on export.`,
    });
  };
  for (const { line, row } of formats) {
    const valid = check.input.formats.find((l) => l.format.id === line.formatId);
    if (!valid) continue;
    const days = valid.days;
    compare(row, valid.spend, days === null ? 'amount gives' : `amount gives ${days} ${days === 1 ? 'day' : 'days'} at ${describeLimit(valid.spend / days, 'usd')} a day, or`);
  }
  for (const { line, row } of creators) {
    const valid = check.input.creators.find((l) => l.line.handle === line.handle);
    if (!valid) continue;
    compare(row, valid.spend, valid.sparkBudget > 0 ? 'posts × fee_per_post + spark_budget give' : 'posts × fee_per_post give');
  }
  return notes;
}
