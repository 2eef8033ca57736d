import type { Audience } from '../../domain/audience';
import type { FullCost } from '../../domain/costs';
import type { Targeting } from '../../domain/plan';
import type { LineResult, Projection, Range, RangedMetric, Trace, TraceKey, TraceStep } from '../../domain/projection';
import { chainOf, usesOf } from '../../domain/model/trace';
import type { Assumption, AssumptionKey, Assumptions, Goal } from '../../domain/types';
import { approx, approxMoney, lowHigh, money, pct, pctApprox, times, unitApprox, unitCost, whole } from '../../lib/format';
import { formatAssumption } from './format-assumption';
import { COST_BASIS } from './cost-basis';
import { costPerResult, goalResult, resultRange, type FigureKey } from './goal';

/**
 * "How is this calculated?": each figure's formula with the plan's own numbers written in, the
 * range behind it and the assumptions it uses. It renders the model's trace (the named
 * quantities every figure is computed from) and the projection's figures: it computes nothing,
 * so what it says and what the plan shows can't drift apart.
 */

export interface Explanation {
  key: FigureKey;
  /** What is explained, e.g. "Reach". */
  label: string;
  /** The figure as shown. */
  value: string;
  /** The formula with the inputs substituted, one step a line; the last line gives the result. */
  steps: string[];
  /** "P10–P90 of 81 scenarios: 4.26M–5.32M", or why there is no range. */
  range: string;
  /** A word on the figure where the formula alone doesn't say it; null otherwise. */
  note: string | null;
  /** Assumptions the figure uses, in the order they appear in the formula. */
  uses: AssumptionKey[];
}

export interface ExplainContext {
  /** Assumption values in use (defaults or this plan's overrides). */
  values: Assumptions;
  /** The plan's assumptions ledger, for names, units and published ranges. */
  assumptions: readonly Assumption[];
  audience: Audience;
  targeting: Targeting;
  goal: Goal;
  /** Scenarios behind every range. */
  sampleSize: number;
}

// ---------------------------------------------------------------------------------------
// Numbers as the formulas show them: whole numbers in full, rates as the user types them.

/** A rate as a percentage with up to 4 significant digits, as the assumptions list shows it: "0.9%", "14.49%". */
export function rate(v: number): string {
  return `${Number((v * 100).toPrecision(4))}%`;
}
const price = (v: number) => (v < 100 ? unitCost(v) : money(v));

/** What each traced quantity is called in a formula. */
const LABEL: Record<TraceKey, string> = {
  budget: 'budget',
  buyingModel: 'buying model',
  cpm: 'CPM',
  cpc: 'CPC',
  cpv: 'CPV',
  clicksBought: 'clicks bought',
  sixSecondViewsBought: '6-second views bought',
  days: 'days',
  pricePerDay: 'a day',
  packagePrice: 'package',
  packageDays: 'package days',
  dayPrice: 'a day',
  extraDays: 'extra days',
  impressionsPerDay: 'impressions a day',
  posts: 'posts',
  fee: 'fee a post',
  sparkBudget: 'Spark Ads budget',
  sparkCpm: 'Spark Ads CPM',
  fees: 'creator fees',
  spend: 'spend',
  paidImpressions: 'paid impressions',
  sparkImpressions: 'Spark Ads impressions',
  fans: 'fans',
  credibility: 'real followers',
  realFans: 'real followers',
  creatorViewRate: 'creator view rate',
  viewsPerPost: 'views a post',
  views: 'views',
  impressions: 'impressions',
  videoViews: 'video views',
  sixSecondViewRate: '6-second view rate',
  sixSecondViews: '6-second views',
  universe: 'people in the target audience (U)',
  targetShare: 'in the target audience',
  paidTargetImpressions: 'in-target paid impressions',
  targetViews: 'in-target views',
  targetImpressions: 'in-target impressions',
  targetViewsPerPost: 'in-target viewers a post',
  dailyTargetReach: 'in-target people a day',
  curveShape: 'curve shape k',
  repeatShare: 'repeat viewers',
  paidReach: 'people reached by the paid delivery',
  postsReach: 'people reached by the posts',
  daysReach: 'people reached over the days',
  sparkReach: 'people reached by Spark Ads',
  independentShare: 'independence D',
  reach: 'people reached',
  frequency: 'average frequency',
  marketUsers: 'users in the targeted markets',
  maxParticipationShare: 'at most taking part',
  participationCap: 'participation ceiling',
  submissionRate: 'participation rate',
  submissions: 'videos made',
  viewsPerSubmission: 'views a video',
  earnedViews: 'earned views',
  earnedTargetViews: 'in-target earned views',
  earnedReach: 'people reached by participants’ videos',
  participantEngagementRate: 'participants’ engagement rate',
  earnedEngagements: 'earned engagements',
  emvCpm: 'earned-media CPM',
  emv: 'earned media value',
  engagementRate: 'engagement rate',
  sparkEngagementRate: 'Spark Ads engagement rate',
  paidEngagements: 'paid engagements',
  postEngagements: 'engagements on the posts',
  sparkEngagements: 'Spark Ads engagements',
  engagements: 'engagements',
  clickThroughRate: 'click-through rate',
  organicClickRate: 'organic click rate',
  postClicks: 'clicks from the posts',
  paidClicks: 'clicks from Spark Ads',
  clicks: 'clicks',
  conversionRate: 'conversion rate',
  conversions: 'conversions',
  averageOrderValue: 'average order value',
  revenue: 'revenue',
};

/** A traced quantity's value as a formula shows it. */
function valueText(step: Pick<TraceStep, 'value' | 'unit'>): string {
  switch (step.unit) {
    case 'usd':
      return price(step.value);
    case 'count':
    case 'people':
      return whole(step.value);
    case 'share':
      return rate(step.value);
    case 'times':
      return times(step.value);
    case 'number':
    case 'text':
      return step.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

/** "6,000,000 paid impressions", "$10.00 CPM", "0.9% click-through rate". */
function named(step: TraceStep): string {
  return `${valueText(step)} ${LABEL[step.key]}`;
}

/** One computed step as a sentence, with every number taken from the trace. */
function sentence(step: TraceStep, at: (key: TraceKey) => TraceStep | undefined): string | null {
  const ins = step.from.map(at).filter((s): s is TraceStep => s !== undefined);
  const [x, y, z] = ins;
  const result = named(step);
  const note = step.note ? ` (${step.note})` : '';
  switch (step.rule) {
    case 'input':
    case 'assumption':
    case 'catalog':
      return null;
    case 'product':
      return `${ins.map(named).join(' × ')} = ${result}${note}.`;
    case 'quotient':
      return x && y ? `${named(x)} ÷ ${named(y)} = ${result}${note}.` : null;
    case 'perThousand':
      return x && y ? `${named(x)} ÷ ${named(y)} × 1,000 = ${result}${note}.` : null;
    case 'thousandths':
      return x && y ? `${named(x)} × ${named(y)} ÷ 1,000 = ${result}${note}.` : null;
    case 'difference':
      return x && y ? `${named(x)} − ${named(y)} = ${result}.` : null;
    case 'sum':
      if (ins.length > 1) return `${ins.map(named).join(' + ')} = ${result}${note}.`;
      return `${result}${step.note ? `: ${step.note}` : ''}.`;
    case 'audience':
      return `${valueText(step)} ${LABEL[step.key]}${step.note ? `: ${step.note}` : ''}.`;
    case 'wholeDays':
      return x && y ? `${named(x)} ÷ ${valueText(y)} ${LABEL[y.key]} = ${valueText(step)} whole days.` : null;
    case 'nbd':
      return x && y && z
        ? `On the negative-binomial curve, U × (1 − (1 + I ÷ (k × U))^−k) with I = ${named(x)}, U = ${valueText(y)}, k = ${valueText(z)}: ${result}.`
        : null;
    case 'units': {
      if (!x || !y || !z) return null;
      const unit = y.key === 'posts' ? (y.value === 1 ? 'post' : 'posts') : y.value === 1 ? 'day' : 'days';
      return `Beta-binomial over ${valueText(y)} ${unit}: each reaches ${named(x)}, and ${valueText(z)} of its viewers saw the one before, so each adds fewer new people: ${result}.`;
    }
    case 'combine': {
      const parts = ins.filter((s) => s.key !== 'independentShare');
      const d = ins.find((s) => s.key === 'independentShare');
      if (!d || !step.detail) return `${parts.map(named).join(' and ')} combined: ${result}.`;
      return `${parts.map(named).join(' and ')} combined: the largest (${whole(step.detail.largest)}) + ${valueText(d)} × (${whole(step.detail.sainsbury)} as if independent − the largest) = ${result}.`;
    }
    case 'saturation':
      return x && y && z
        ? `Participation saturates: ceiling × (1 − e^(−rate × I ÷ ceiling)) with I = ${named(x)}, rate ${valueText(y)}, ceiling ${valueText(z)} people: ${result}.`
        : null;
  }
}

/** The steps behind a traced figure, as sentences: where the inputs come from, then each computation. */
export function traceSentences(trace: Trace, key: TraceKey): string[] {
  const chain = chainOf(trace, key);
  const byKey = new Map(trace.map((s) => [s.key, s]));
  const lines: string[] = [];
  for (const step of chain) {
    const line = sentence(step, (k) => byKey.get(k));
    if (line) lines.push(line);
  }
  // A figure that is an input or a catalog fact itself.
  if (lines.length === 0) {
    const own = byKey.get(key);
    if (own) lines.push(`${named(own)}${own.note ? ` (${own.note})` : ''}.`);
  }
  return lines;
}

/** The range line: spread, or why a figure has none. */
function rangeLine(r: Range | null, format: (n: number, digits: 3 | 4) => string, size: number, bought = false): string {
  const text = lowHigh(r, format);
  if (text) return `Range (P10–P90 of ${size} scenarios): ${text}.`;
  return bought ? 'Exact: bought at a fixed price, no range.' : 'No range: none of its inputs varies.';
}

const countFmt = (n: number, digits: 3 | 4) => approx(n, digits);
const moneyFmt = (n: number, digits: 3 | 4) => approxMoney(n, digits);
const pctFmt = (n: number) => pctApprox(n);
const unitFmt = (n: number, digits: 3 | 4) => unitApprox(n, digits);
const timesFmt = (n: number) => times(n);

/** "U = United States 147,790,000 × 28.3% + … = 41,800,000 people in the targeted ages and gender." */
export function universeLine(audience: Audience): string {
  const parts = audience.byCountry.map((c) => `${c.country} ${whole(c.users)} users × ${rate(c.share)}`).join(' + ');
  return `Audience universe U = ${parts || '0'} in the targeted ages and gender = ${whole(audience.universe)} people.`;
}

// ---------------------------------------------------------------------------------------
// Line items.

/** A line item's figure and the trace quantity it is. */
type ItemFigure = FigureKey & TraceKey & ('spend' | 'frequency' | RangedMetric);
const ITEM_FIGURES: { key: ItemFigure; label: string; money?: boolean }[] = [
  { key: 'spend', label: 'Spend', money: true },
  { key: 'impressions', label: 'Impressions' },
  { key: 'reach', label: 'Reach' },
  { key: 'frequency', label: 'Average frequency' },
  { key: 'videoViews', label: 'Video views' },
  { key: 'sixSecondViews', label: '6-second views' },
  { key: 'engagements', label: 'Engagements' },
  { key: 'submissions', label: 'Video submissions' },
  { key: 'earnedViews', label: 'Earned views (participants’ videos)' },
  { key: 'earnedReach', label: 'Earned reach' },
  { key: 'earnedEngagements', label: 'Earned engagements' },
  { key: 'clicks', label: 'Clicks' },
  { key: 'conversions', label: 'Conversions' },
  { key: 'revenue', label: 'Revenue', money: true },
  { key: 'emv', label: 'Earned media value', money: true },
];

const OPTIONAL_ITEM_FIGURES: ReadonlySet<ItemFigure> = new Set(['submissions', 'earnedViews', 'earnedReach', 'earnedEngagements', 'emv']);

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Every figure of one line item, explained from its trace. */
export function explainItem(item: LineResult, c: ExplainContext): Explanation[] {
  const size = c.sampleSize;
  const has = (key: TraceKey) => item.trace.some((s) => s.key === key);
  const out: Explanation[] = [];
  for (const f of ITEM_FIGURES) {
    if (!has(f.key)) continue;
    const isFrequency = f.key === 'frequency';
    const range: Range | null = f.key === 'frequency' || f.key === 'spend' ? null : item.ranges[f.key];
    // Figures the line item has none of (UGC and earned ones on most) are left out.
    if (OPTIONAL_ITEM_FIGURES.has(f.key) && !((range?.high ?? 0) > 0)) continue;
    const steps = traceSentences(item.trace, f.key);
    if (f.key === 'reach') steps.unshift(universeLine(c.audience));
    out.push({
      key: f.key,
      label: f.label,
      value: f.money ? money(f.key === 'spend' ? item.spend : (range?.mid ?? 0)) : isFrequency ? times(item.frequency) : whole(range?.mid ?? 0),
      steps,
      range: f.key === 'spend' ? 'Exact: what the plan pays, no range.' : isFrequency ? 'At the central scenario.' : rangeLine(range, f.money ? moneyFmt : countFmt, size),
      note: null,
      uses: usesOf(item.trace, f.key),
    });
  }
  out.push(...returnExplanations(item, c));
  return out;
}

/** ROI and the goal's unit cost of a line item, from its figures. */
function returnExplanations(item: LineResult, c: ExplainContext): Explanation[] {
  const g = goalResult(c.goal);
  const cost = costPerResult(item, c.goal);
  const result = resultRange(item, g);
  const size = c.sampleSize;
  return [
    {
      key: 'roi',
      label: 'ROI',
      value: pct(item.roi?.mid ?? null),
      steps:
        item.roi === null
          ? ['No spend, so no ROI.']
          : [
              `(Revenue − spend) ÷ spend = (${money(item.revenue)} − ${money(item.spend)}) ÷ ${money(item.spend)} = ${pct(item.roi.mid)}.`,
              `ROAS (revenue ÷ spend) = ${times(item.roas?.mid ?? null)}; on this line item’s own spend (the plan’s ROI is on the full cost).`,
            ],
      range: rangeLine(item.roi, pctFmt, size),
      note: null,
      uses: dedupe([...usesOf(item.trace, 'revenue'), ...usesOf(item.trace, 'spend')]),
    },
    {
      key: 'costPerResult',
      label: g.costLabel,
      value: cost ? unitCost(cost.mid) : '—',
      steps: cost
        ? [`${money(item.spend)} ÷ ${whole(result.mid)} ${g.label}${g.per === 1000 ? ' × 1,000' : ''} = ${unitCost(cost.mid)}.`]
        : [`No ${g.label}, so no cost per result.`],
      range: rangeLine(cost, unitFmt, size),
      note: null,
      uses: dedupe([...usesOf(item.trace, 'spend'), ...usesOf(item.trace, resultKey(g))]),
    },
  ];
}

/** The traced figure a goal's unit cost divides by (sales: conversions). */
function resultKey(g: ReturnType<typeof goalResult>): TraceKey {
  return g.metric === 'revenue' ? 'conversions' : g.metric;
}

// ---------------------------------------------------------------------------------------
// Plan totals (the headline figures).

/** "In-Feed Ads 6,000,000 + Brand Takeover 5,000,000 + 3 more 1,234" (largest first). */
function sumLine(items: readonly LineResult[], value: (i: LineResult) => number, format: (n: number) => string, total: string, max = 4): string {
  const nonzero = items.filter((i) => value(i) !== 0).sort((x, y) => value(y) - value(x));
  const shown = nonzero.slice(0, max).map((i) => `${i.name} ${format(value(i))}`);
  const rest = nonzero.slice(max);
  if (rest.length > 0) shown.push(`${rest.length} more`);
  return `Sum of the line items: ${shown.join(' + ') || format(0)} = ${total}.`;
}

/** Assumptions each line item's figure uses, combined for the plan. */
function usesAcross(items: readonly LineResult[], key: TraceKey): AssumptionKey[] {
  return dedupe(items.flatMap((i) => usesOf(i.trace, key)));
}

/**
 * Every headline figure, explained: sums of the line items (listed, largest first) with the
 * plan's own formulas for reach, frequency and the ratios, in the projection's own numbers.
 */
export function explainTotals(projection: Projection, c: ExplainContext): Explanation[] {
  const { items, totals, audience } = projection;
  const size = c.sampleSize;
  const g = goalResult(c.goal);

  const summed = (
    key: FigureKey &
      ('impressions' | 'videoViews' | 'sixSecondViews' | 'engagements' | 'submissions' | 'clicks' | 'conversions' | 'revenue' | 'emv' | 'earnedViews' | 'earnedEngagements'),
    label: string,
    isMoney = false,
  ): Explanation => {
    const format = isMoney ? money : whole;
    return {
      key,
      label,
      value: format(totals[key]),
      steps: [sumLine(items, (i) => i[key], format, format(totals[key]))],
      range: rangeLine(totals.ranges[key], isMoney ? moneyFmt : countFmt, size),
      note: null,
      uses: usesAcross(items, key),
    };
  };

  const rt = totals.reachTrace;
  const reachSteps = [universeLine(audience), `Line items’ reach: ${rt.items.map((i) => `${i.name} ${whole(i.reach)}`).join(', ') || 'none'}.`];
  if (rt.items.length > 1) {
    reachSteps.push(
      `As if they reached people independently (Sainsbury): U × (1 − Π(1 − rᵢ ÷ U)) = ${whole(rt.sainsbury)} people. The largest line item alone: ${whole(rt.largest)}.`,
      `Line items share heavy users, so the plan gets ${rate(rt.independentShare)} of the difference: ${whole(rt.largest)} + ${rate(rt.independentShare)} × (${whole(rt.sainsbury)} − ${whole(rt.largest)}) = ${whole(rt.reach)} people${audience.universe > 0 ? `, ${rate(rt.share)} of the audience` : ''}.`,
    );
  } else {
    reachSteps.push(`${whole(rt.reach)} people${audience.universe > 0 ? `, ${rate(rt.share)} of the audience` : ''}.`);
  }

  const cost = costPerResult(totals, c.goal);
  const result = resultRange(totals, g);
  const gross = totals.fullCost.gross;

  const all: Explanation[] = [
    {
      key: 'spend',
      label: 'Spend',
      value: money(totals.spend),
      steps: [sumLine(items, (i) => i.spend, money, money(totals.spend))],
      range: 'Exact: what the plan pays, no range.',
      note: null,
      uses: usesAcross(items, 'spend'),
    },
    {
      key: 'reach',
      label: 'Reach (de-duplicated)',
      value: whole(totals.reach),
      steps: reachSteps,
      range: rangeLine(totals.ranges.reach, countFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'reach'), ...(items.length > 1 ? (['duplicationFactor'] as const) : [])]),
    },
    summed('impressions', 'Impressions'),
    {
      key: 'frequency',
      label: 'Average frequency',
      value: times(totals.frequency),
      steps: [`In-target impressions ÷ reach = ${whole(totals.targetImpressions.mid)} ÷ ${whole(totals.reach)} = ${times(totals.frequency)}.`],
      range: rangeLine(totals.frequencyRange, timesFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'targetImpressions'), ...usesAcross(items, 'reach'), ...(items.length > 1 ? (['duplicationFactor'] as const) : [])]),
    },
    summed('videoViews', 'Video views'),
    summed('sixSecondViews', '6-second views'),
    summed('engagements', 'Engagements'),
    {
      key: 'engagementRate',
      label: 'Engagement rate',
      value: pct(totals.engagementRate?.mid ?? null),
      steps: [`Engagements ÷ video views = ${whole(totals.engagements)} ÷ ${whole(totals.videoViews)} = ${pct(totals.engagementRate?.mid ?? null)} a view.`],
      range: rangeLine(totals.engagementRate, pctFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'engagements'), ...usesAcross(items, 'videoViews')]),
    },
    summed('submissions', 'Video submissions (UGC)'),
    summed('earnedViews', 'Earned views (participants’ videos)'),
    {
      key: 'earnedReach',
      label: 'Earned reach',
      value: whole(totals.earnedReach),
      steps: [`Participants’ videos of every line item, combined as line items are: ${whole(totals.earnedReach)} people${totals.earnedReach > 0 && audience.universe > 0 ? `, ${rate(rt.earnedShare)} of the audience` : ''}.`],
      range: rangeLine(totals.ranges.earnedReach, countFmt, size),
      note: 'Participants’ videos are earned: they are in reach and frequency only when the plan counts them (the switch under the figures).',
      uses: usesAcross(items, 'earnedReach'),
    },
    summed('earnedEngagements', 'Earned engagements'),
    summed('clicks', 'Clicks'),
    summed('conversions', 'Conversions'),
    summed('revenue', 'Revenue', true),
    summed('emv', 'Earned media value', true),
    {
      key: 'cpm',
      label: 'CPM',
      value: unitCost(totals.cpm),
      steps: [`Spend ÷ impressions × 1,000 = ${money(totals.spend)} ÷ ${whole(totals.impressions)} × 1,000 = ${unitCost(totals.cpm)}.`],
      range: rangeLine(totals.costs.cpm, unitFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'spend'), ...usesAcross(items, 'impressions')]),
    },
    {
      key: 'costPerResult',
      label: g.costLabel,
      value: cost ? unitCost(cost.mid) : '—',
      steps: cost
        ? [
            `Spend ÷ ${g.label}${g.per === 1000 ? ' × 1,000' : ''} = ${money(totals.spend)} ÷ ${whole(result.mid)}${g.per === 1000 ? ' × 1,000' : ''} = ${unitCost(cost.mid)}.`,
            COST_BASIS,
          ]
        : [`No ${g.label} yet, so no cost per result.`],
      range: rangeLine(cost, unitFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'spend'), ...usesAcross(items, resultKey(g)), ...(g.metric === 'reach' && items.length > 1 ? (['duplicationFactor'] as const) : [])]),
    },
    {
      key: 'roas',
      label: 'ROAS',
      value: times(totals.roas?.mid ?? null),
      steps: [`Revenue ÷ gross cost = ${money(totals.revenue)} ÷ ${money(gross)} = ${times(totals.roas?.mid ?? null)}.`],
      range: rangeLine(totals.roas, timesFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'revenue'), ...usesAcross(items, 'spend')]),
    },
    {
      key: 'roi',
      label: 'ROI',
      value: pct(totals.roi?.mid ?? null),
      steps:
        totals.roi === null
          ? ['No cost, so no ROI.']
          : [
              ...fullCostSteps(totals.fullCost),
              `ROI on full cost (gross, incl. tax): (revenue − gross) ÷ gross = (${money(totals.revenue)} − ${money(gross)}) ÷ ${money(gross)} = ${pct(totals.roi.mid)}.`,
            ],
      range: rangeLine(totals.roi, pctFmt, size),
      note: null,
      uses: dedupe([...usesAcross(items, 'revenue'), ...usesAcross(items, 'spend')]),
    },
  ];
  // Figures a plan has none of are left out (UGC, earned, 6-second views).
  const optional: FigureKey[] = ['submissions', 'earnedViews', 'earnedReach', 'earnedEngagements', 'emv', 'sixSecondViews'];
  return all.filter((e) => !optional.includes(e.key) || (totals.ranges[e.key as 'emv'].high ?? 0) > 0);
}

/** How the gross cost adds up, in the plan's numbers: the lines it has, net, tax and gross. */
function fullCostSteps(f: FullCost): string[] {
  const lines: [string, number][] = [
    ['media', f.media],
    ['creator fees', f.creatorFees],
    [`agency commission (${rate(f.agencyCommissionRate)} of media)`, f.agencyCommission],
    ['usage rights', f.usageRights],
    ['whitelisting', f.whitelisting],
    ['production', f.production],
  ];
  // Media and creator fees always; the cost lines the plan has.
  const shown = lines.filter(([, v], i) => i < 2 || v !== 0);
  return [
    `Net cost = ${shown.map(([name, v]) => `${money(v)} ${name}`).join(' + ')} = ${money(f.net)}.`,
    `Gross cost = net cost + tax (${rate(f.taxRate)} of net) = ${money(f.net)} + ${money(f.tax)} = ${money(f.gross)}.`,
  ];
}

/** An assumption as the how view lists it: "Paid engagement rate 4.14% · Rival IQ (2023) · published range 4.14%–5.38%". */
export interface AssumptionUse {
  key: AssumptionKey;
  label: string;
  value: string;
  source: string;
  range: string | null;
  overridden: boolean;
}

export function assumptionUses(keys: readonly AssumptionKey[], c: Pick<ExplainContext, 'assumptions' | 'values'>): AssumptionUse[] {
  const byKey = new Map(c.assumptions.map((a) => [a.key, a]));
  return keys.flatMap((key) => {
    const a = byKey.get(key);
    if (!a) return [];
    const value = c.values[key];
    return [
      {
        key,
        label: a.label,
        value: formatAssumption(a, value),
        source: `${a.source.name} (${a.source.date})`,
        range: a.range ? `${formatAssumption(a, a.range[0])}–${formatAssumption(a, a.range[1])}` : null,
        overridden: Math.abs(value - a.value) > 1e-12 * Math.max(1, Math.abs(a.value)),
      },
    ];
  });
}
