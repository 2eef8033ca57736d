import { format as formatDate } from 'date-fns';
import { safeFileStem, toCsv } from './csv';
import { addSpendByDay, flightDates, flightRun, modelled, project, type ItemDays, type LineResult, type ProjectOptions } from './projection';
import { CENTRAL } from './stats';
import { roundFor } from './rounding';
import { DEFAULT_SEED } from './scenarios';
import type { FormatId } from './types';
import type { ProjectionInput } from './validation';

/**
 * The daily flight table and its CSV. It lives here, not in projection.ts, so that its code loads
 * with the export: the initial JavaScript is at its budget. It is made of the daily series' own
 * parts (projection.ts), so its numbers are the projection's.
 */

/** One day of a line item or of the plan in the flight table. */
export interface FlightDay {
  /** Spent that day, and from the start to the end of that day (no spread). */
  spend: number;
  cumulativeSpend: number;
  /** Impressions delivered that day, and from the start to the end of that day. */
  impressions: number;
  cumulativeImpressions: number;
  /** People reached from the start to the end of that day: the plan's de-duplicated across line items. */
  cumulativeReach: number;
}

export interface FlightItem {
  id: string;
  kind: LineResult['kind'];
  /** As in the projection's line items ("In-Feed Ads", "@handle"). */
  name: string;
  formatId: FormatId | null;
  /** One per date of the table. */
  days: FlightDay[];
}

export interface FlightTable {
  /** Each day of the flight (yyyy-MM-dd); empty without valid flight dates. */
  dates: string[];
  /** The line items, in the projection's order. */
  items: FlightItem[];
  /** The plan per day: its spend and impressions (the line items' sums) and its de-duplicated reach. */
  total: FlightDay[];
}

function flightDays(spend: Float64Array, cumulative: Float64Array, reach: (d: number) => number): FlightDay[] {
  let cumulativeSpend = 0;
  return Array.from(spend, (daySpend, d) => {
    const cumulativeImpressions = cumulative[d] ?? 0;
    cumulativeSpend += daySpend;
    return {
      spend: daySpend,
      cumulativeSpend,
      impressions: cumulativeImpressions - (d > 0 ? (cumulative[d - 1] ?? 0) : 0),
      cumulativeImpressions,
      cumulativeReach: reach(d),
    };
  });
}

/**
 * The daily flight table: per day and line item, its spend, impressions (that day and so far)
 * and its own cumulative reach; per day, the plan's. In the central scenario, like the daily
 * series and every headline, so the plan's last day is the headline and every row is one
 * coherent scenario. Computed only when asked (an export), so `project` does no more work for it.
 */
export function flightTable(input: ProjectionInput, options: Pick<ProjectOptions, 'seed'> = {}): FlightTable {
  const dates = flightDates(input);
  if (!dates) return { dates: [], items: [], total: [] };
  const T = dates.length;
  const m = modelled(input, options.seed ?? DEFAULT_SEED, false);
  const U = m.audience.universe;
  const own = new Map<string, ItemDays>();
  const plan = flightRun(m, T, CENTRAL, { items: own });
  const planSpend = new Float64Array(T);
  for (const model of m.models) addSpendByDay(model, planSpend);
  // The last day is the headline exactly, as in the projection's daily series.
  const totals = project(input, { seed: options.seed ?? DEFAULT_SEED, figuresOnly: true, frequency: false }).totals;
  const total = flightDays(planSpend, plan.impressions, (d) => (plan.reach[d] ?? 0) * U);
  const last = total[T - 1];
  if (last) {
    const before = total[T - 2];
    last.cumulativeSpend = totals.spend;
    last.cumulativeImpressions = totals.impressions;
    last.impressions = totals.impressions - (before?.cumulativeImpressions ?? 0);
    last.cumulativeReach = totals.reach;
  }
  return {
    dates,
    items: m.models.map((model) => {
      const spend = new Float64Array(T);
      addSpendByDay(model, spend);
      const days = own.get(model.id);
      return {
        id: model.id,
        kind: model.kind,
        name: model.name,
        formatId: model.formatId,
        days: flightDays(spend, days?.impressions ?? new Float64Array(T), (d) => (days?.reach[d] ?? 0) * U),
      };
    }),
    total,
  };
}

/**
 * Column names and order of the daily flight CSV, a contract with users' spreadsheets. Long
 * format: per date, one row per line item, then the plan's `total` row.
 */
export const FLIGHT_CSV_COLUMNS = [
  'date',
  'item_type',
  'item_name',
  'item_id',
  'spend',
  'impressions',
  'cumulative_impressions',
  'cumulative_reach',
] as const;
export type FlightCsvColumn = (typeof FLIGHT_CSV_COLUMNS)[number];
type Cell = string | number;

type DayCells = Pick<Record<FlightCsvColumn, Cell>, 'spend' | 'impressions' | 'cumulative_impressions' | 'cumulative_reach'>;

/**
 * The number cells of a line item's (or the total's) days, rounded as the plan CSV rounds:
 * money to cents, counts to whole numbers. Cumulative figures are rounded once; a day's spend
 * and impressions are the differences of the rounded cumulative figures, so a column adds up
 * to its cumulative figure exactly, and each day is within a cent (or one impression) of the
 * day's own figure rounded.
 */
function dayCells(days: readonly FlightDay[]): DayCells[] {
  let spentBefore = 0;
  let seenBefore = 0;
  return days.map((day) => {
    const spent = roundFor('money', day.cumulativeSpend);
    const seen = roundFor('count', day.cumulativeImpressions);
    const cells = {
      spend: roundFor('money', spent - spentBefore),
      impressions: seen - seenBefore,
      cumulative_impressions: seen,
      cumulative_reach: roundFor('count', day.cumulativeReach),
    };
    spentBefore = spent;
    seenBefore = seen;
    return cells;
  });
}

/**
 * The rows of the flight CSV: for each date, each line item (type `format` or `creator`, named
 * as in the plan CSV: a creator by handle without the @) and then `total`, the plan: its spend
 * and impressions are the line items' sums, its reach is de-duplicated across them.
 */
export function flightCsvRows(table: FlightTable): Record<FlightCsvColumn, Cell>[] {
  const items = table.items.map((item) => ({
    item_type: item.kind,
    item_name: item.kind === 'creator' ? item.name.replace(/^@/, '') : item.name,
    item_id: item.id,
    cells: dayCells(item.days),
  }));
  const total = { item_type: 'total', item_name: 'Total', item_id: '', cells: dayCells(table.total) };
  const rows: Record<FlightCsvColumn, Cell>[] = [];
  table.dates.forEach((date, d) => {
    for (const { cells, ...names } of [...items, total]) {
      const day = cells[d];
      if (day) rows.push({ date, ...names, ...day });
    }
  });
  return rows;
}

/** The flight CSV of a checked plan (`check.input`), as a file's text (UTF-8 with BOM, CRLF). */
export function flightCsv(input: ProjectionInput): string {
  return toCsv(flightCsvRows(flightTable(input)), FLIGHT_CSV_COLUMNS);
}

/** `<plan name>-daily-<yyyy-MM-dd>.csv`, dated by the export day. */
export function flightCsvFileName(planName: string, exportedOn: Date): string {
  return `${safeFileStem(planName)}-daily-${formatDate(exportedOn, 'yyyy-MM-dd')}.csv`;
}
