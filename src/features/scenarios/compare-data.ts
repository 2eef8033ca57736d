import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { COST_LABEL, GOAL_KPI, type Plan } from '../../domain/plan';
import { project, type Projection, type Range } from '../../domain/projection';
import type { AdFormat, Benchmarks, Goal } from '../../domain/types';
import { validatePlan } from '../../domain/validation';
import { approx, approxMoney, lowHigh, money, pctApprox, pctRound, unitApprox, unitCost, whole } from '../../lib/format';
import { dateTicks, niceTicks } from '../../lib/scale';

/** Pure shaping of the comparison: projections per plan, the totals table and the chart series. */

export const MAX_COMPARED = 4;

/** Each plan's number, colour and dash pattern: the same in the table, the charts and their keys. */
export const PLAN_STYLES = [
  { mark: '1', color: '#d6003c', dash: '' },
  { mark: '2', color: '#007a87', dash: '8 4' },
  { mark: '3', color: '#6941c6', dash: '2 3' },
  { mark: '4', color: '#b54708', dash: '12 4 3 4' },
] as const;
export type PlanStyle = (typeof PLAN_STYLES)[number];

export function planStyle(index: number): PlanStyle {
  return PLAN_STYLES[index % PLAN_STYLES.length] ?? PLAN_STYLES[0];
}

export type ColumnResult = { kind: 'invalid'; fieldsToFix: number } | { kind: 'ready'; projection: Projection };

export interface Column {
  plan: Plan;
  index: number;
  style: PlanStyle;
  result: ColumnResult;
}

/** One result per plan object and catalog: a plan left as it was isn't projected again when another changes. */
const results = new WeakMap<Plan, { formats: readonly AdFormat[]; benchmarks: Benchmarks; result: ColumnResult }>();

/**
 * A plan checked and projected as the planner does it (unticked formats left out); a plan
 * with fields to fix gets their count instead of figures.
 */
export function columnResult(plan: Plan, formats: readonly AdFormat[], benchmarks: Benchmarks): ColumnResult {
  const hit = results.get(plan);
  if (hit && hit.formats === formats && hit.benchmarks === benchmarks) return hit.result;
  const check = validatePlan({ ...plan, formats: plan.formats.filter((f) => f.included) }, formats, benchmarks);
  const fieldsToFix = Object.keys(check.errors).length;
  const result: ColumnResult = fieldsToFix > 0 ? { kind: 'invalid', fieldsToFix } : { kind: 'ready', projection: project(check.input) };
  results.set(plan, { formats, benchmarks, result });
  return result;
}

export function compareColumns(plans: readonly Plan[], formats: readonly AdFormat[], benchmarks: Benchmarks): Column[] {
  return plans.slice(0, MAX_COMPARED).map((plan, index) => ({ plan, index, style: planStyle(index), result: columnResult(plan, formats, benchmarks) }));
}

export function fieldsToFixText(n: number): string {
  return `This plan has ${n} ${n === 1 ? 'field' : 'fields'} to fix`;
}

// ---------------------------------------------------------------------------------------
// The totals table.

/** The goal's unit cost as the projections name it. */
export function costLabel(goal: Goal): string {
  return COST_LABEL[GOAL_KPI[goal].metric];
}

/** What the goal's unit cost is per, for a cell that has to say it ("per 1,000 reached"). */
function costPer(goal: Goal): string {
  switch (GOAL_KPI[goal].metric) {
    case 'reach':
      return 'per 1,000 reached';
    case 'engagements':
      return 'per engagement';
    case 'submissions':
      return 'per video submission';
    case 'conversions':
      return 'per install';
    case 'revenue':
      return 'per conversion';
  }
}

export interface TotalsCell {
  value: string;
  /** P10–P90, or null when the figure has no spread. */
  range: string | null;
  /** Against the base: "+12%", "−3.5 pts", "Same"; null in the base column or when it can't be said. */
  delta: string | null;
  /** A line under the value (the KPI's verdict). */
  note: string | null;
  /** The best value of the row (ties share it). */
  best: boolean;
}

export interface TotalsRow {
  key: string;
  label: string;
  /** What "best" means in this row, for the reader; null when the row has no best. */
  bestMeans: string | null;
  /** One per column; null for a plan with fields to fix. */
  cells: (TotalsCell | null)[];
}

interface RowSpec {
  key: string;
  label: string;
  /** The P50 compared for best and delta, its range, and its text. */
  read: (p: Projection, goal: Goal) => { mid: number | null; range: Range | null; value: string; rangeText: string | null; note?: string };
  better: 'higher' | 'lower' | null;
  delta: 'relative' | 'points' | null;
}

const countRange = (r: Range | null) => lowHigh(r, (n, d) => approx(n, d));
const moneyRange = (r: Range | null) => lowHigh(r, (n, d) => approxMoney(n, d));

function countRow(key: 'reach' | 'impressions' | 'videoViews' | 'engagements' | 'conversions', label: string): RowSpec {
  return {
    key,
    label,
    read: (p) => {
      const r = p.totals.ranges[key];
      return { mid: r.mid, range: r, value: whole(r.mid), rangeText: countRange(r) };
    },
    better: 'higher',
    delta: 'relative',
  };
}

const SPEND: RowSpec = {
  key: 'spend',
  label: 'Spend (media and creator fees)',
  read: (p) => ({ mid: p.totals.spend, range: null, value: money(p.totals.spend), rangeText: null }),
  // What a plan spends is a choice, not a result: no best.
  better: null,
  delta: 'relative',
};

const REVENUE: RowSpec = {
  key: 'revenue',
  label: 'Revenue',
  read: (p) => ({ mid: p.totals.revenue, range: p.totals.ranges.revenue, value: money(p.totals.revenue), rangeText: moneyRange(p.totals.ranges.revenue) }),
  better: 'higher',
  delta: 'relative',
};

const ROI: RowSpec = {
  key: 'roi',
  label: 'ROI',
  read: (p) => {
    const r = p.totals.roi;
    return { mid: r?.mid ?? null, range: r, value: pctApprox(r?.mid ?? null), rangeText: lowHigh(r, (n) => pctApprox(n)) };
  },
  better: 'higher',
  delta: 'points',
};

function costRow(goals: readonly Goal[]): RowSpec {
  const same = goals.every((g) => g === goals[0]);
  const first = goals[0] ?? 'awareness';
  return {
    key: 'costPerResult',
    label: same ? costLabel(first) : 'Cost per result (each plan’s own goal)',
    read: (p, goal) => {
      const r = p.totals.costPerResult;
      const value = unitCost(r?.mid ?? null);
      return { mid: r?.mid ?? null, range: r, value: same || r === null ? value : `${value} ${costPer(goal)}`, rangeText: lowHigh(r, (n, d) => unitApprox(n, d)) };
    },
    // Costs of different results can't be ranked against each other.
    better: same ? 'lower' : null,
    delta: same ? 'relative' : null,
  };
}

function kpiRow(columns: readonly Column[]): RowSpec {
  const ready = columns.flatMap((c) => (c.result.kind === 'ready' ? [c] : []));
  const goals = ready.map((c) => c.plan.goal);
  const sameGoal = goals.every((g) => g === goals[0]);
  const allTargets = ready.every((c) => c.result.kind === 'ready' && c.result.projection.kpi.target !== null);
  return {
    key: 'kpi',
    label: 'KPI vs target',
    read: (p) => {
      const k = p.kpi;
      const isMoney = k.metric === 'revenue';
      const n = (v: number) => (isMoney ? money(v) : whole(v));
      const note =
        k.target === null
          ? 'No target set'
          : `${k.met ? 'Meets' : 'Misses'} the target of ${n(k.target)} (${pctRound(k.chanceMet ?? 0)} chance)`;
      return {
        // Ranked by the chance of meeting the target.
        mid: k.chanceMet,
        range: k.range,
        value: `${n(k.actual)} ${k.label}`,
        rangeText: isMoney ? moneyRange(k.range) : countRange(k.range),
        note,
      };
    },
    better: sameGoal && allTargets ? 'higher' : null,
    delta: null,
  };
}

/** "+12%", "−3.4%", "Same": the change from the base, relative; null when the base is 0. */
export function relativeDelta(base: number, value: number): string | null {
  if (!Number.isFinite(base) || !Number.isFinite(value)) return null;
  if (base === value) return 'Same';
  if (base === 0) return null;
  const change = (value - base) / Math.abs(base);
  const size = Math.abs(change);
  if (size < 0.0005) return 'Same';
  const text = size >= 0.1 ? `${Math.round(size * 100).toLocaleString('en-US')}%` : `${Number((size * 100).toFixed(1))}%`;
  return `${change > 0 ? '+' : '−'}${text}`;
}

/** "+4.1 pts": the change of a percentage, in percentage points. */
export function pointsDelta(base: number, value: number): string | null {
  if (!Number.isFinite(base) || !Number.isFinite(value)) return null;
  const points = (value - base) * 100;
  if (Math.abs(points) < 0.05) return 'Same';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`;
}

/** Indexes holding the best value, or none when fewer than two plans have one or all are equal. */
export function bestOf(values: readonly (number | null)[], better: 'higher' | 'lower'): Set<number> {
  const present = values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [{ v, i }] : []));
  if (present.length < 2) return new Set();
  const target = better === 'higher' ? Math.max(...present.map((p) => p.v)) : Math.min(...present.map((p) => p.v));
  const close = (v: number) => Math.abs(v - target) <= 1e-9 * Math.max(1, Math.abs(target));
  const best = present.filter((p) => close(p.v));
  return best.length === present.length ? new Set() : new Set(best.map((p) => p.i));
}

/** The totals of every plan, row by row, with the best value marked and the change from the base. */
export function totalsRows(columns: readonly Column[]): TotalsRow[] {
  const goals = columns.flatMap((c) => (c.result.kind === 'ready' ? [c.plan.goal] : []));
  const specs: RowSpec[] = [
    SPEND,
    countRow('reach', 'Reach (de-duplicated)'),
    countRow('impressions', 'Impressions'),
    countRow('videoViews', 'Video views'),
    countRow('engagements', 'Engagements'),
    countRow('conversions', 'Conversions'),
    REVENUE,
    ROI,
    costRow(goals),
    kpiRow(columns),
  ];
  return specs.map((spec) => {
    const read = columns.map((c) => (c.result.kind === 'ready' ? spec.read(c.result.projection, c.plan.goal) : null));
    const best = spec.better ? bestOf(read.map((r) => r?.mid ?? null), spec.better) : new Set<number>();
    const base = read[0];
    return {
      key: spec.key,
      label: spec.label,
      bestMeans: spec.better === null ? null : spec.key === 'kpi' ? 'highest chance of meeting the target' : spec.better === 'higher' ? 'highest' : 'lowest',
      cells: read.map((r, i) => {
        if (!r) return null;
        let delta: string | null = null;
        if (i > 0 && base && base.mid !== null && r.mid !== null && spec.delta !== null) {
          delta = spec.delta === 'points' ? pointsDelta(base.mid, r.mid) : relativeDelta(base.mid, r.mid);
        }
        return { value: r.value, range: r.rangeText, delta, note: r.note ?? null, best: best.has(i) };
      }),
    };
  });
}

/** The goals of the plans, when they differ ("Awareness, Sales"); null when they are the same. */
export function differentGoals(columns: readonly Column[]): string | null {
  const goals = [...new Set(columns.map((c) => c.plan.goal))];
  return goals.length > 1 ? goals.map((g) => GOAL_KPI[g].goalLabel).join(', ') : null;
}

// ---------------------------------------------------------------------------------------
// Charts: every plan on the same axes.

/** Round ticks from 0 to at least `max`; an empty chart keeps an axis from 0 to 1 (every plan at 0 still draws). */
export function axisTicks(max: number): number[] {
  const ticks = niceTicks(max);
  return ticks.length > 1 ? ticks : [0, 1];
}

export interface FlightRow {
  date: string;
  /** Cumulative reach (P50) of each column on this date; null outside its flight or for a plan not charted. */
  values: (number | null)[];
}

export interface FlightChartData {
  rows: FlightRow[];
  /** Shared by every plan: 0 to a round number at or above the largest reach of any. */
  ticks: number[];
  dateTicks: string[];
  /** Whole weeks per point on long spans (the last day of each week and of each flight kept). */
  weekly: boolean;
}

/** Days shown one by one up to this span; past it, a point per week. */
const MAX_DAILY_POINTS = 120;

/**
 * Cumulative reach of every plan on one calendar: from the earliest start to the latest end,
 * each plan's line running over its own flight.
 */
export function flightChartData(columns: readonly Column[]): FlightChartData {
  const series = columns.map((c) =>
    c.result.kind === 'ready' ? new Map(c.result.projection.daily.map((d) => [d.date, d.cumulativeReach])) : null,
  );
  const dates = series.flatMap((s) => (s ? [...s.keys()] : [])).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return { rows: [], ticks: [0, 1], dateTicks: [], weekly: false };
  const start = parseISO(first);
  const span = differenceInCalendarDays(parseISO(last), start) + 1;
  const weekly = span > MAX_DAILY_POINTS;
  const ends = new Set(
    columns.flatMap((c) => {
      const d = c.result.kind === 'ready' ? c.result.projection.daily : [];
      const a = d[0]?.date;
      const b = d[d.length - 1]?.date;
      return a && b ? [a, b] : [];
    }),
  );
  const rows: FlightRow[] = [];
  for (let day = 0; day < span; day++) {
    const date = format(addDays(start, day), 'yyyy-MM-dd');
    if (weekly && day % 7 !== 6 && day !== 0 && day !== span - 1 && !ends.has(date)) continue;
    rows.push({ date, values: series.map((s) => s?.get(date) ?? null) });
  }
  const max = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  return { rows, ticks: axisTicks(max), dateTicks: dateTicks(rows.map((r) => r.date)), weekly };
}

export interface TotalBar {
  mark: string;
  name: string;
  color: string;
  dash: string;
  mid: number;
  low: number;
  high: number;
  /** Below and above the P50: what the whisker draws. */
  error: [number, number];
}

export interface TotalsPanel {
  key: 'reach' | 'impressions' | 'videoViews' | 'engagements' | 'conversions' | 'revenue';
  label: string;
  isMoney: boolean;
  bars: TotalBar[];
  /** 0 to a round number at or above the largest P90 of any plan: every plan on the same scale. */
  ticks: number[];
}

const PANELS: { key: TotalsPanel['key']; label: string }[] = [
  { key: 'reach', label: 'Reach' },
  { key: 'impressions', label: 'Impressions' },
  { key: 'videoViews', label: 'Video views' },
  { key: 'engagements', label: 'Engagements' },
  { key: 'conversions', label: 'Conversions' },
  { key: 'revenue', label: 'Revenue' },
];

/** The key totals of the plans that have figures, one panel per total, each with its P10–P90. */
export function totalsPanels(columns: readonly Column[]): TotalsPanel[] {
  return PANELS.map(({ key, label }) => {
    const bars = columns.flatMap((c): TotalBar[] => {
      if (c.result.kind !== 'ready') return [];
      const r = c.result.projection.totals.ranges[key];
      return [
        {
          mark: c.style.mark,
          name: c.plan.name,
          color: c.style.color,
          dash: c.style.dash,
          mid: r.mid,
          low: r.low,
          high: r.high,
          error: [Math.max(0, r.mid - r.low), Math.max(0, r.high - r.mid)],
        },
      ];
    });
    return { key, label, isMoney: key === 'revenue', bars, ticks: axisTicks(Math.max(0, ...bars.map((b) => b.high))) };
  });
}

/** When a plan was last edited, as people read it ("Mar 3, 2025, 2:05 PM"); "Unknown" when unreadable. */
export function editedText(updatedAt: string): string {
  const d = parseISO(updatedAt);
  return Number.isNaN(d.getTime()) ? 'Unknown' : format(d, 'MMM d, yyyy, h:mm a');
}
