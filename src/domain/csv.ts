import Papa from 'papaparse';
import { format as formatDate } from 'date-fns';
import { emptyContract } from './contract';
import { parseNumber } from './parse';
import { copyAudience, MODEL_EDITION, TAKEOVER_CATEGORIES, type CostField, type Plan, type PlanCosts, type PlanCreatorLine, type PlanFormatLine } from './plan';
import type { LineResult, Projection, Totals } from './projection';
import { roundFor, type Quantity } from './rounding';
import { AGE_BANDS, ASSUMPTION_KEYS, type Assumption, type AssumptionKey, type Assumptions, type AudienceProfile } from './types';
import { MAX_POSTS } from './validation';

/**
 * The plan CSV's columns 27 to 56: what rebuilds the plan (`importPlanCsv`), after the
 * projected figures.
 */
export const PLAN_INPUT_COLUMNS = [
  // The inputs of each line item, as the app reads them...
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
  // ...and the plan's own settings, repeated on every row like plan_name.
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
] as const;

/**
 * Columns 57 to 68, added with the projection model's second edition: figures it reports apart
 * (in-target impressions, 6-second views, what participants earn, the cost ROI is on) and the
 * inputs it reads (whether participants count in reach, each creator's audience and real followers).
 */
export const MODEL_2_COLUMNS = [
  'target_impressions',
  'six_second_views',
  'earned_reach',
  'earned_views',
  'earned_engagements',
  'earned_media_value',
  'roi_cost',
  'earned_in_reach',
  'audience_countries',
  'audience_ages',
  'audience_female_share',
  'credibility',
] as const;

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
  ...PLAN_INPUT_COLUMNS,
  ...MODEL_2_COLUMNS,
] as const;
export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];
export type Cell = string | number;

/** The column each cost line is written to: percentages end in `_pct`, amounts in USD in `_fee`. */
export const COST_COLUMNS = {
  agencyCommission: 'agency_commission_pct',
  usageRights: 'usage_rights_fee',
  whitelisting: 'whitelisting_fee',
  production: 'production_fee',
  tax: 'tax_pct',
} as const satisfies Record<CostField, PlanCsvColumn>;

/** Cells starting with one of these are read as formulas by spreadsheets. */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Cells the export neutralises: formula triggers, and text that already starts with `'`s
 * before a trigger, so the one `'` the import removes always is the export's own.
 */
export const NEUTRALISED = /^'*[=+\-@\t\r]/;

/** Neutralises a text cell that a spreadsheet would run as a formula, by a leading `'`. */
export function neutralise(text: string): string {
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

/** Undoes `neutralise`: drops the leading `'` of a cell that starts with `'`s and a formula trigger; any other `'` stays. */
export function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * A number as typed in the plan ("60,000", "$60,000.50", "15%") as the CSV carries it: its
 * value, which the app reads the same way as the typed text. Empty stays empty; text the app
 * can't read as a number is kept, trimmed (such a plan is invalid and isn't exported).
 */
export function typedNumberCell(text: string): Cell {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  for (const unit of ['usd', 'percent'] as const) {
    const parsed = parseNumber(trimmed, { label: '', max: Number.POSITIVE_INFINITY, unit });
    if (parsed.ok && parsed.value !== null) return parsed.value;
  }
  return trimmed;
}

function typedNumberText(text: string): string {
  return String(typedNumberCell(text));
}

/** A Brand Takeover category typed in any case as the app's spelling of it; other text as it is. */
export function takeoverCategory(text: string): string {
  const key = text.trim().toLowerCase();
  return TAKEOVER_CATEGORIES.find((c) => c.toLowerCase() === key) ?? text;
}

/**
 * A creator's post dates as the CSV carries them: one entry per post (`''` for a post spread
 * evenly), trimmed; entries past the number of posts, which the app ignores, are dropped.
 */
function postDateEntries(line: PlanCreatorLine): string[] {
  const dates = line.postDates.map((d) => d.trim());
  const posts = parseNumber(line.posts, { label: '', max: MAX_POSTS, unit: 'count', integer: true, min: 1 });
  if (!posts.ok || posts.value === null) return dates;
  return Array.from({ length: posts.value }, (_, i) => dates[i] ?? '');
}

/** The plan's assumption overrides as the CSV carries them: non-empty ones, as numbers, in the ledger's order. */
function overridesOf(plan: Plan): [AssumptionKey, string][] {
  return ASSUMPTION_KEYS.flatMap((key): [AssumptionKey, string][] => {
    const text = plan.assumptionOverrides[key];
    return text === undefined || text.trim() === '' ? [] : [[key, typedNumberText(text)]];
  });
}

function uniqueInOrder<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * `plan` reduced to what its CSV carries, which is what `importPlanCsv` gives back for it
 * (with the same `id` and `now`): numbers typed as text become their values ("60,000" →
 * "60000"), text is kept except the trimmed name, a category typed in another case takes the
 * app's spelling. Not carried: unticked formats, scenario link, targets typed for other goals,
 * shortlist, contracts and retired contracts (the JSON backup carries those).
 */
export function normalisePlanForCsv(plan: Plan, options: { id: string; now: Date }): Plan {
  const costs = {} as PlanCosts;
  for (const field of Object.keys(COST_COLUMNS) as CostField[]) costs[field] = typedNumberText(plan.costs[field]);
  return {
    id: options.id,
    name: plan.name.trim(),
    status: plan.status,
    scenarioOf: null,
    startDate: plan.startDate,
    endDate: plan.endDate,
    goal: plan.goal,
    kpiTarget: typedNumberText(plan.kpiTarget),
    otherKpiTargets: {},
    totalBudget: typedNumberText(plan.totalBudget),
    currency: 'USD',
    targeting: {
      countries: uniqueInOrder(plan.targeting.countries),
      ageBands: uniqueInOrder(plan.targeting.ageBands),
      gender: plan.targeting.gender,
    },
    formats: plan.formats
      .filter((f) => f.included)
      .map(
        (f): PlanFormatLine => ({
          formatId: f.formatId,
          amount: typedNumberText(f.amount),
          included: true,
          buyingModel: f.buyingModel,
          pacing: f.pacing,
          category: takeoverCategory(f.category),
        }),
      ),
    creators: plan.creators.map(
      (c): PlanCreatorLine => ({
        handle: c.handle,
        displayName: c.displayName,
        niche: c.niche,
        country: c.country,
        tier: c.tier,
        fans: c.fans,
        avgViews: c.avgViews,
        engagementRate: c.engagementRate,
        audience: copyAudience(c.audience),
        credibility: c.credibility,
        catalogFee: c.catalogFee,
        posts: typedNumberText(c.posts),
        fee: typedNumberText(c.fee),
        postDates: postDateEntries(c),
        sparkBudget: typedNumberText(c.sparkBudget),
        contract: emptyContract(),
      }),
    ),
    shortlist: [],
    retiredContracts: {},
    assumptionOverrides: Object.fromEntries(overridesOf(plan)),
    costs,
    excludeWeekends: plan.excludeWeekends,
    earnedInReach: plan.earnedInReach,
    modelEdition: MODEL_EDITION,
    updatedAt: options.now.toISOString(),
  };
}

/** A creator's audience countries as the CSV carries them: `US:0.62 CA:0.1`, largest first. */
export function audienceCountriesCell(a: AudienceProfile | null): string {
  return a ? a.topCountries.map((c) => `${c.country}:${c.share}`).join(' ') : '';
}

/** A creator's audience by age as the CSV carries it: `13-17:0.2 18-24:0.4 …`, every band. */
export function audienceAgesCell(a: AudienceProfile | null): string {
  return a ? AGE_BANDS.map((band) => `${band}:${a.ageShares[band]}`).join(' ') : '';
}

/** A number as a spreadsheet reads it: no separators, no symbols; empty when undefined. */
function num(value: number | null, kind: Quantity): Cell {
  if (value === null || !Number.isFinite(value)) return '';
  return roundFor(kind, value);
}

function metricCells(r: LineResult | Totals, roiCost: number): Partial<Record<PlanCsvColumn, Cell>> {
  return {
    target_impressions: num('trace' in r ? targetOf(r) : r.targetImpressions.mid, 'count'),
    six_second_views: num(r.sixSecondViews, 'count'),
    earned_reach: num(r.earnedReach, 'count'),
    earned_views: num(r.earnedViews, 'count'),
    earned_engagements: num(r.earnedEngagements, 'count'),
    earned_media_value: num(r.emv, 'money'),
    roi_cost: num(roiCost, 'money'),
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

/** A line item's in-target impressions (its reach curves' input), from its trace. */
function targetOf(r: LineResult): number | null {
  return r.trace.find((s) => s.key === 'targetImpressions')?.value ?? null;
}

/** The plan's settings, written on every row. */
function planCells(plan: Plan): Partial<Record<PlanCsvColumn, Cell>> {
  const cells: Partial<Record<PlanCsvColumn, Cell>> = {
    earned_in_reach: plan.earnedInReach ? 'yes' : 'no',
    plan_name: plan.name.trim(),
    start_date: plan.startDate,
    end_date: plan.endDate,
    currency: plan.currency,
    goal: plan.goal,
    status: plan.status,
    total_budget: typedNumberCell(plan.totalBudget),
    kpi_target: typedNumberCell(plan.kpiTarget),
    countries: uniqueInOrder(plan.targeting.countries).join(' '),
    age_bands: uniqueInOrder(plan.targeting.ageBands).join(' '),
    gender: plan.targeting.gender,
    exclude_weekends: plan.excludeWeekends ? 'yes' : 'no',
    // One `key=value` a line: a spreadsheet shows them stacked in one cell.
    assumption_overrides: overridesOf(plan)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  };
  for (const [field, column] of Object.entries(COST_COLUMNS) as [CostField, PlanCsvColumn][]) {
    cells[column] = typedNumberCell(plan.costs[field]);
  }
  return cells;
}

/** A plan's line items by the id the projection gives them: looked up once per row, not searched (export stays linear). */
interface LinesById {
  formats: ReadonlyMap<string, PlanFormatLine>;
  creators: ReadonlyMap<string, PlanCreatorLine>;
}

function linesById(plan: Plan): LinesById {
  return {
    formats: new Map(plan.formats.filter((l) => l.included).map((l) => [l.formatId, l])),
    // The projection names a creator's line item `creator:<handle>`.
    creators: new Map(plan.creators.map((l) => [`creator:${l.handle}`, l])),
  };
}

/** The inputs of one line item, as the import reads them back. */
function inputCells(lines: LinesById, item: LineResult): Partial<Record<PlanCsvColumn, Cell>> {
  if (item.kind === 'format') {
    const f = item.formatId === null ? undefined : lines.formats.get(item.formatId);
    if (!f) return {};
    return {
      item_id: f.formatId,
      amount: typedNumberCell(f.amount),
      buying_model: f.buyingModel,
      pacing: f.pacing,
      category: takeoverCategory(f.category),
    };
  }
  const c = lines.creators.get(item.id);
  if (!c) return {};
  return {
    item_id: c.handle,
    posts: typedNumberCell(c.posts),
    fee_per_post: typedNumberCell(c.fee),
    post_dates: postDateEntries(c)
      .map((d) => (d === '' ? 'auto' : d))
      .join(' '),
    spark_budget: typedNumberCell(c.sparkBudget),
    display_name: c.displayName,
    niche: c.niche,
    creator_country: c.country,
    tier: c.tier,
    fans: c.fans,
    avg_views: c.avgViews ?? '',
    catalog_engagement_rate: c.engagementRate ?? '',
    catalog_fee: c.catalogFee,
    audience_countries: audienceCountriesCell(c.audience),
    audience_ages: audienceAgesCell(c.audience),
    audience_female_share: c.audience?.femaleShare ?? '',
    credibility: c.credibility ?? '',
  };
}

/** A plan CSV row with every cell empty, in column order. */
const BLANK_ROW = Object.fromEntries(PLAN_CSV_COLUMNS.map((c) => [c, ''])) as Record<PlanCsvColumn, Cell>;

/**
 * The rows of a plan export: one per line item, then the total. Each row carries the plan's
 * settings and each line item its inputs, so `importPlanCsv` rebuilds the plan from the file.
 */
export function planCsvRows(plan: Plan, projection: Projection): Record<PlanCsvColumn, Cell>[] {
  const common = planCells(plan);
  const lines = linesById(plan);
  // Every row starts as a copy of one blank row (one shape for all rows, in column order) and
  // takes its cells from each part in turn: no merged objects of 68 keys to build per row.
  const row = (...parts: Partial<Record<PlanCsvColumn, Cell>>[]) => {
    const r = { ...BLANK_ROW };
    for (const part of parts) {
      for (const c of Object.keys(part) as PlanCsvColumn[]) {
        const v = part[c];
        if (v !== undefined && c in BLANK_ROW) r[c] = v;
      }
    }
    return r;
  };
  return [
    ...projection.items.map((item) =>
      row(
        common,
        { item_type: item.kind, item_name: item.kind === 'creator' ? item.name.replace(/^@/, '') : item.name },
        metricCells(item, item.spend),
        // What the money buys, exactly: impressions, clicks, 6-second views, days or posts.
        { quantity: num(item.bought.quantity, 'count'), quantity_unit: item.bought.unit },
        inputCells(lines, item),
      ),
    ),
    // The plan's ROI is on its gross cost, which `roi_cost` says; a line item's on its own spend.
    row(common, { item_type: 'total', item_name: 'Total' }, metricCells(projection.totals, projection.totals.fullCost.gross)),
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
    { newline: '\r\n', escapeFormulae: NEUTRALISED, quotes: false },
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
