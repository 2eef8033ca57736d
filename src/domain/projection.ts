import { addDays, format as formatDate } from 'date-fns';
import { GOAL_KPI, type KpiMetric } from './plan';
import { parseIsoDate, type ProjectionInput, type ValidCreatorLine, type ValidFormatLine } from './validation';
import type { Assumptions, Tier } from './types';

/** Results of one line item. All quantities are unrounded; rounding happens at display and export. */
export interface LineResult {
  id: string;
  kind: 'format' | 'creator';
  name: string;
  spend: number;
  impressions: number;
  /** Impressions bought or guaranteed (no spread). */
  paidImpressions: number;
  /** Views of participants' own videos (hashtag challenges, effects). */
  earnedViews: number;
  reach: number;
  videoViews: number;
  engagements: number;
  clicks: number;
  conversions: number;
  submissions: number;
  revenue: number;
  /** Cost per 1,000 impressions; null when there are none. */
  cpm: number | null;
  engagementRate: number | null;
  /** (revenue - spend) / spend; null when nothing is spent. */
  roi: number | null;
}

export interface Totals extends Omit<LineResult, 'id' | 'kind' | 'name'> {
  frequency: number | null;
  costPerEngagement: number | null;
  costPerResult: number | null;
}

export interface DailyPoint {
  date: string;
  spend: number;
  cumulativeSpend: number;
  cumulativeImpressions: number;
  cumulativeReach: number;
}

export interface KpiStatus {
  metric: KpiMetric;
  label: string;
  actual: number;
  target: number | null;
  met: boolean | null;
}

export interface Projection {
  items: LineResult[];
  totals: Totals;
  daily: DailyPoint[];
  kpi: KpiStatus;
}

const TIER_RATE: Record<Tier, keyof Assumptions> = {
  nano: 'engagementRateNano',
  micro: 'engagementRateMicro',
  mid: 'engagementRateMid',
  macro: 'engagementRateMacro',
  mega: 'engagementRateMega',
};

/**
 * Reach of one vehicle from its impressions against an audience universe, with the
 * negative-binomial exposure curve: U x (1 - (1 + m/k)^-k), m = impressions / U.
 * Never more than the impressions nor the universe; never decreasing in impressions.
 */
export function reachFromImpressions(impressions: number, universe: number, shape: number): number {
  if (!(impressions > 0) || !(universe > 0) || !(shape > 0)) return 0;
  const m = impressions / universe;
  const reach = universe * (1 - Math.pow(1 + m / shape, -shape));
  return Math.min(reach, impressions, universe);
}

/**
 * Sainsbury de-duplication: U x (1 - product of (1 - r_i / U)). Assumes independent
 * exposure across vehicles, so the total is never above the sum nor below the largest.
 */
export function combineReach(reaches: readonly number[], universe: number): number {
  if (!(universe > 0)) return 0;
  const unreached = reaches.reduce((p, r) => p * (1 - Math.min(Math.max(r, 0), universe) / universe), 1);
  return universe * (1 - unreached);
}

/** Views per post: the catalog's average, else fans x the view-rate benchmark. */
export function viewsPerPost(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.avgViews ?? line.fans * a.creatorViewRate;
}

/** Engagements per view: the catalog's rate, else the creator's tier benchmark. */
export function creatorEngagementRate(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.engagementRate ?? a[TIER_RATE[line.tier]];
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

function finish(base: Omit<LineResult, 'reach' | 'cpm' | 'engagementRate' | 'roi'>, a: Assumptions): LineResult {
  return {
    ...base,
    reach: reachFromImpressions(base.impressions, a.audienceUniverse, a.reachCurveShape),
    cpm: base.impressions > 0 ? (base.spend / base.impressions) * 1000 : null,
    engagementRate: ratio(base.engagements, base.videoViews),
    roi: base.spend > 0 ? (base.revenue - base.spend) / base.spend : null,
  };
}

/** A paid format line: bought impressions, then the funnel, plus participants' videos for UGC formats. */
export function projectFormat(l: ValidFormatLine, a: Assumptions): LineResult {
  const { format } = l;
  const paidImpressions =
    l.days !== null ? l.days * (format.guaranteedImpressionsPerDay ?? 0) : (l.spend / format.cpm) * 1000;
  const submissions = format.drivesUgc ? paidImpressions * a.ugcSubmissionRate : 0;
  const earnedViews = submissions * a.viewsPerSubmission;
  const clicks = paidImpressions * a.clickThroughRate;
  const conversions = clicks * a.conversionRate;
  return finish(
    {
      id: format.id,
      kind: 'format',
      name: format.name,
      spend: l.spend,
      paidImpressions,
      earnedViews,
      impressions: paidImpressions + earnedViews,
      videoViews: paidImpressions + earnedViews,
      engagements: paidImpressions * a.paidEngagementRate + earnedViews * a.engagementRateNano,
      clicks,
      conversions,
      submissions,
      revenue: conversions * a.averageOrderValue,
    },
    a,
  );
}

/** A creator line: posts x views per post, engagements at the creator's per-view rate. */
export function projectCreator(l: ValidCreatorLine, a: Assumptions): LineResult {
  const views = l.posts * viewsPerPost(l.line, a);
  const clicks = views * a.clickThroughRate;
  const conversions = clicks * a.conversionRate;
  return finish(
    {
      id: `creator:${l.line.handle}`,
      kind: 'creator',
      name: `@${l.line.handle}`,
      spend: l.spend,
      paidImpressions: 0,
      earnedViews: 0,
      impressions: views,
      videoViews: views,
      engagements: views * creatorEngagementRate(l.line, a),
      clicks,
      conversions,
      submissions: 0,
      revenue: conversions * a.averageOrderValue,
    },
    a,
  );
}

const SUMMED = [
  'spend',
  'impressions',
  'paidImpressions',
  'earnedViews',
  'videoViews',
  'engagements',
  'clicks',
  'conversions',
  'submissions',
  'revenue',
] as const;

/** Spreads `count` events over `days` days as evenly as possible: event k lands on day floor(k x days / count). */
export function eventDays(count: number, days: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.floor((k * days) / count));
}

/**
 * The daily series over the flight: budget-bought formats paced evenly, takeover days
 * and creator posts spread evenly, each post's views counted on its posting day.
 */
export function dailySeries(input: ProjectionInput, items: readonly LineResult[]): DailyPoint[] {
  const { flightDays, startDate } = input;
  const start = startDate ? parseIsoDate(startDate) : null;
  if (flightDays === null || !start) return [];
  const a = input.assumptions;
  // Per line item: impressions and spend landing on each day.
  const schedules: { impressions: number[]; spend: number[] }[] = [];
  input.formats.forEach((l, i) => {
    const item = items[i];
    if (!item) return;
    const impressions = new Array<number>(flightDays).fill(0);
    const spend = new Array<number>(flightDays).fill(0);
    if (l.days !== null) {
      for (const d of eventDays(l.days, flightDays)) {
        impressions[d] = (impressions[d] ?? 0) + item.impressions / l.days;
        spend[d] = (spend[d] ?? 0) + item.spend / l.days;
      }
    } else {
      impressions.fill(item.impressions / flightDays);
      spend.fill(item.spend / flightDays);
    }
    schedules.push({ impressions, spend });
  });
  input.creators.forEach((l, i) => {
    const item = items[input.formats.length + i];
    if (!item) return;
    const impressions = new Array<number>(flightDays).fill(0);
    const spend = new Array<number>(flightDays).fill(0);
    for (const d of eventDays(l.posts, flightDays)) {
      impressions[d] = (impressions[d] ?? 0) + item.impressions / l.posts;
      spend[d] = (spend[d] ?? 0) + l.fee;
    }
    schedules.push({ impressions, spend });
  });

  const cumulative = schedules.map(() => 0);
  let cumulativeSpend = 0;
  const points: DailyPoint[] = [];
  for (let d = 0; d < flightDays; d++) {
    let daySpend = 0;
    schedules.forEach((s, i) => {
      cumulative[i] = (cumulative[i] ?? 0) + (s.impressions[d] ?? 0);
      daySpend += s.spend[d] ?? 0;
    });
    cumulativeSpend += daySpend;
    const reaches = cumulative.map((imp) => reachFromImpressions(imp, a.audienceUniverse, a.reachCurveShape));
    points.push({
      date: formatDate(addDays(start, d), 'yyyy-MM-dd'),
      spend: daySpend,
      cumulativeSpend,
      cumulativeImpressions: cumulative.reduce((x, y) => x + y, 0),
      cumulativeReach: combineReach(reaches, a.audienceUniverse),
    });
  }
  return points;
}

/** Projects a validated plan: per line item, totals, the daily series and the goal's KPI. */
export function project(input: ProjectionInput): Projection {
  const a = input.assumptions;
  const items = [
    ...input.formats.map((l) => projectFormat(l, a)),
    ...input.creators.map((l) => projectCreator(l, a)),
  ];
  const summed = Object.fromEntries(SUMMED.map((k) => [k, items.reduce((s, it) => s + it[k], 0)])) as Record<
    (typeof SUMMED)[number],
    number
  >;
  const reach = combineReach(
    items.map((it) => it.reach),
    a.audienceUniverse,
  );
  const kpiInfo = GOAL_KPI[input.goal];
  const totals: Totals = {
    ...summed,
    reach,
    frequency: ratio(summed.impressions, reach),
    cpm: summed.impressions > 0 ? (summed.spend / summed.impressions) * 1000 : null,
    engagementRate: ratio(summed.engagements, summed.videoViews),
    costPerEngagement: ratio(summed.spend, summed.engagements),
    roi: summed.spend > 0 ? (summed.revenue - summed.spend) / summed.spend : null,
    costPerResult: null,
  };
  const actual = kpiInfo.metric === 'reach' ? reach : summed[kpiInfo.metric];
  totals.costPerResult = ratio(summed.spend, actual);
  return {
    items,
    totals,
    daily: dailySeries(input, items),
    kpi: {
      metric: kpiInfo.metric,
      label: kpiInfo.metricLabel,
      actual,
      target: input.kpiTarget,
      met: input.kpiTarget === null ? null : actual >= input.kpiTarget,
    },
  };
}
