import type { Audience } from '../../domain/audience';
import { AGE_SHARE_KEY, UNIVERSE_KEY } from '../../domain/audience';
import type { Targeting } from '../../domain/plan';
import type { FullCost } from '../../domain/costs';
import type { LineResult, Projection, Range } from '../../domain/projection';
import { postsLogUnreached, reachFromImpressions } from '../../domain/reach';
import type { Assumption, AssumptionKey, Assumptions, FormatId, Goal, Tier } from '../../domain/types';
import { approx, approxMoney, lowHigh, money, pct, pctApprox, times, unitApprox, unitCost, whole } from '../../lib/format';
import { formatAssumption } from './format-assumption';
import { COST_BASIS } from './cost-basis';
import { costPerResult, goalResult, resultRange, type FigureKey } from './goal';

/**
 * "How is this calculated?": each figure's formula with the plan's own inputs written in,
 * the range behind it and the assumptions it uses. Pure: text from the projection's `basis`
 * and the assumption values in use, so it is tested without rendering.
 */

export interface Explanation {
  key: FigureKey;
  /** What is explained, e.g. "Reach". */
  label: string;
  /** The figure as shown (its P50). */
  value: string;
  /** The formula with the inputs substituted, one step a line; the last line gives the result. */
  steps: string[];
  /** "P10–P90 of 81 scenarios: 4.26M–5.32M", or why there is no range. */
  range: string;
  /** Set when the shown P50 differs from the formula at the default rates, saying why. */
  note: string | null;
  /** Assumptions the figure uses, in the order they appear in the formula. */
  uses: AssumptionKey[];
}

/** A creator line's facts the explanation needs (from the plan: tier and whether views and rate are measured). */
export interface CreatorFacts {
  tier: Tier;
  country: string;
  avgViews: number | null;
  engagementRate: number | null;
}

export interface ExplainContext {
  /** Assumption values in use (defaults or this plan's overrides). */
  values: Assumptions;
  /** The assumption list, for names, units and published ranges. */
  assumptions: readonly Assumption[];
  audience: Audience;
  targeting: Targeting;
  goal: Goal;
  /** Scenarios behind every range. */
  sampleSize: number;
  /** Plan creators by handle (without @). */
  creators: ReadonlyMap<string, CreatorFacts>;
}

export const TIER_RATE_KEY: Record<Tier, AssumptionKey> = {
  nano: 'engagementRateNano',
  micro: 'engagementRateMicro',
  mid: 'engagementRateMid',
  macro: 'engagementRateMacro',
  mega: 'engagementRateMega',
};

const FORMAT_CPM_KEY: Partial<Record<FormatId, AssumptionKey>> = {
  'hashtag-challenge': 'challengeCpm',
  'hashtag-challenge-plus': 'challengePlusCpm',
  'branded-effects': 'effectsCpm',
};

// ---------------------------------------------------------------------------------------
// Formatting inside formulas: whole numbers in full, rates as the user types them.

/** A rate as a percentage with up to 4 significant digits, as the assumptions list shows it: "0.9%", "14.49%". */
export function rate(v: number): string {
  return `${Number((v * 100).toPrecision(4))}%`;
}
const price = (v: number) => (v < 100 ? unitCost(v) : money(v));
const plural = (n: number, one: string, many: string) => `${whole(n)} ${n === 1 ? one : many}`;

/** The range line: spread, or why a figure has none. */
function rangeLine(r: Range | null, format: (n: number, digits: 3 | 4) => string, size: number, bought = false): string {
  const text = lowHigh(r, format);
  if (text) return `Range (P10–P90 of ${size} scenarios): ${text}.`;
  return bought ? 'Exact: bought at a fixed price, no range.' : 'No range: none of its inputs has a published spread.';
}

/**
 * A note when the P50 shown is off the formula at the default rates (or the sum of the line
 * items' medians) by more than 0.5%: ranges that reach further one way than the other move
 * the median of a product or a sum away from the product of the defaults.
 */
function p50Note(shown: number, central: number, format: (n: number) => string, size: number, why: 'rates' | 'sum' = 'rates'): string | null {
  if (!Number.isFinite(shown) || !Number.isFinite(central)) return null;
  if (Math.abs(shown - central) <= 0.005 * Math.max(Math.abs(shown), Math.abs(central), 1e-12)) return null;
  const lower = shown < central;
  const base = why === 'rates' ? `${format(central)} at the default rates` : `${format(central)}, the sum of the line items’ medians`;
  return `Shown: ${format(shown)}, the median of ${size} scenarios in which the rates vary over their published ranges. It is ${lower ? 'lower' : 'higher'} than ${base}, because those ranges reach further ${lower ? 'below' : 'above'} the defaults than ${lower ? 'above' : 'below'} them.`;
}

const countFmt = (n: number, digits: 3 | 4) => approx(n, digits);
const moneyFmt = (n: number, digits: 3 | 4) => approxMoney(n, digits);
const pctFmt = (n: number) => pctApprox(n);
const unitFmt = (n: number, digits: 3 | 4) => unitApprox(n, digits);
const timesFmt = (n: number) => times(n);

/** The assumption keys behind the audience universe of a plan's targeting. */
export function audienceKeys(t: Targeting): AssumptionKey[] {
  const keys: AssumptionKey[] = t.countries.map((c) => UNIVERSE_KEY[c]);
  const bands = new Set(t.ageBands);
  if (bands.size < Object.keys(AGE_SHARE_KEY).length) keys.push(...Object.values(AGE_SHARE_KEY));
  if (t.gender !== 'all') keys.push('femaleShare');
  return keys;
}

/** "U = 26,500,000 people: United States 26,500,000 × 100% in the targeted ages and gender". */
export function universeLine(audience: Audience): string {
  const countries = audience.byCountry.map((c) => `${c.country} ${whole(c.users)}`).join(' + ');
  const share = audience.demographicShare;
  return `Audience universe U = ${countries || '0'} TikTok users × ${rate(share)} in the targeted ages and gender = ${whole(audience.universe)} people.`;
}

// ---------------------------------------------------------------------------------------
// Line items.

interface FormatCentral {
  paid: number;
  earned: number;
  submissions: number;
  views: number;
  engagements: number;
  clicks: number;
  conversions: number;
  revenue: number;
  emv: number;
}

type BuyingModel = 'CPM' | 'CPC' | 'CPV' | 'days' | 'package';

function buyingModel(item: LineResult): BuyingModel {
  if (item.formatId === 'brand-takeover') return 'days';
  if (item.formatId !== 'in-feed') return 'package';
  return item.bought.unit === 'clicks' ? 'CPC' : item.bought.unit === '6-second views' ? 'CPV' : 'CPM';
}

function formatCentral(item: LineResult, a: Assumptions): FormatCentral {
  const b = item.basis;
  const model = buyingModel(item);
  const bought = b.bought ?? item.bought.quantity;
  const paid =
    model === 'CPC'
      ? bought / a.clickThroughRate
      : model === 'CPV'
        ? bought / a.sixSecondViewRate
        : model === 'days'
          ? (b.days ?? bought) * a.takeoverImpressionsPerDay
          : bought;
  const submissions = b.submissionRate !== undefined ? paid * b.submissionRate : 0;
  const earned = submissions * (b.viewsPerSubmission ?? 0);
  const hasClicks = item.ranges.clicks.high > 0;
  const clicks = !hasClicks ? 0 : model === 'CPC' ? bought : paid * a.clickThroughRate;
  const conversions = clicks * a.conversionRate;
  return {
    paid,
    earned,
    submissions,
    views: paid + earned,
    engagements: paid * a.paidEngagementRate + earned * a.engagementRateNano,
    clicks,
    conversions,
    revenue: conversions * a.averageOrderValue,
    emv: (earned * a.emvCpm) / 1000,
  };
}

interface CreatorCentral {
  views: number;
  spark: number;
  engagements: number;
  clicks: number;
  conversions: number;
  revenue: number;
  emv: number;
}

function creatorCentral(item: LineResult, a: Assumptions): CreatorCentral {
  const b = item.basis;
  const views = (b.posts ?? 0) * (b.viewsPerPost ?? 0);
  const spark = b.sparkBudget && b.sparkCpm ? (b.sparkBudget / b.sparkCpm) * 1000 : 0;
  const clicks = (views + spark) * a.clickThroughRate;
  const conversions = clicks * a.conversionRate;
  return {
    views,
    spark,
    engagements: views * (b.engagementRate ?? 0) + spark * a.paidEngagementRate * (1 + a.sparkEngagementLift),
    clicks,
    conversions,
    revenue: conversions * a.averageOrderValue,
    emv: (views * a.emvCpm) / 1000,
  };
}

/** Conversions, revenue and ROI: the same chain from clicks for every line item. */
function explainMoney(
  item: LineResult,
  c: ExplainContext,
  central: { clicks: number; conversions: number; revenue: number },
  clickUses: AssumptionKey[],
): Explanation[] {
  const a = c.values;
  const size = c.sampleSize;
  const spend = item.spend;
  const convUses: AssumptionKey[] = [...clickUses, 'conversionRate'];
  const revUses: AssumptionKey[] = [...convUses, 'averageOrderValue'];
  const roiCentral = spend > 0 ? (central.revenue - spend) / spend : null;
  return [
    {
      key: 'conversions',
      label: 'Conversions',
      value: whole(item.conversions),
      steps:
        central.clicks > 0
          ? [`${whole(central.clicks)} clicks × ${rate(a.conversionRate)} conversion rate = ${whole(central.conversions)} conversions.`]
          : ['No clicks, so no conversions.'],
      range: rangeLine(item.ranges.conversions, countFmt, size),
      note: p50Note(item.conversions, central.conversions, whole, size),
      uses: convUses,
    },
    {
      key: 'revenue',
      label: 'Revenue',
      value: money(item.revenue),
      steps: [`${whole(central.conversions)} conversions × ${money(a.averageOrderValue)} average order value = ${money(central.revenue)}.`],
      range: rangeLine(item.ranges.revenue, moneyFmt, size),
      note: p50Note(item.revenue, central.revenue, money, size),
      uses: revUses,
    },
    {
      key: 'roi',
      label: 'ROI',
      value: pct(item.roi?.mid ?? null),
      steps:
        roiCentral === null
          ? ['No spend, so no ROI.']
          : [
              `(Revenue − spend) ÷ spend = (${money(central.revenue)} − ${money(spend)}) ÷ ${money(spend)} = ${pct(roiCentral)}.`,
              `ROAS (revenue ÷ spend) = ${times(central.revenue / spend)}; on this line item’s own spend (the plan’s ROI is on the full cost).`,
            ],
      range: rangeLine(item.roi, pctFmt, size),
      note: roiCentral === null || !item.roi ? null : p50Note(item.roi.mid, roiCentral, pct, size),
      uses: revUses,
    },
  ];
}

function reachOfComponents(parts: { impressions: number }[], U: number, k: number): number[] {
  return parts.map((p) => reachFromImpressions(p.impressions, U, k));
}

/** Combined reach of independent components: U × (1 − Π(1 − rᵢ ÷ U)). */
function combine(reaches: readonly number[], U: number): number {
  if (!(U > 0)) return 0;
  return U * (1 - reaches.reduce((p, r) => p * (1 - Math.min(r, U) / U), 1));
}

function explainFormat(item: LineResult, c: ExplainContext): Explanation[] {
  const a = c.values;
  const b = item.basis;
  const size = c.sampleSize;
  const U = c.audience.universe;
  const k = a.reachCurveShape;
  const model = buyingModel(item);
  const central = formatCentral(item, a);
  const cpmKey = item.formatId ? FORMAT_CPM_KEY[item.formatId] : undefined;
  const budget = b.budget ?? item.spend;

  // What the money buys, and the impressions it delivers.
  let spendSteps: string[];
  let impressionSteps: string[];
  let impressionUses: AssumptionKey[];
  switch (model) {
    case 'CPC':
      spendSteps = [`Budget ${money(budget)}.`];
      impressionSteps = [
        `${money(budget)} ÷ ${price(b.price ?? a.inFeedCpc)} CPC = ${whole(item.bought.quantity)} clicks bought.`,
        `${whole(item.bought.quantity)} clicks ÷ ${rate(a.clickThroughRate)} click-through rate = ${whole(central.paid)} impressions.`,
      ];
      impressionUses = ['inFeedCpc', 'clickThroughRate'];
      break;
    case 'CPV':
      spendSteps = [`Budget ${money(budget)}.`];
      impressionSteps = [
        `${money(budget)} ÷ ${unitCost(b.price ?? a.inFeedCpv)} CPV = ${whole(item.bought.quantity)} 6-second views bought.`,
        `${whole(item.bought.quantity)} 6-second views ÷ ${rate(a.sixSecondViewRate)} 6-second view rate = ${whole(central.paid)} impressions.`,
      ];
      impressionUses = ['inFeedCpv', 'sixSecondViewRate'];
      break;
    case 'days': {
      const days = b.days ?? item.bought.quantity;
      spendSteps = [`${plural(days, 'day', 'days')} × ${money(b.price ?? a.takeoverPricePerDay)} a day = ${money(item.spend)}.`];
      impressionSteps = [
        `${plural(days, 'day', 'days')} × ${whole(a.takeoverImpressionsPerDay)} guaranteed impressions a day = ${whole(central.paid)} impressions.`,
      ];
      impressionUses = ['takeoverImpressionsPerDay'];
      break;
    }
    case 'CPM':
      spendSteps = [`Budget ${money(budget)}.`];
      impressionSteps = [`${money(budget)} ÷ ${unitCost(b.price ?? a.inFeedCpm)} CPM × 1,000 = ${whole(central.paid)} impressions.`];
      impressionUses = ['inFeedCpm'];
      break;
    case 'package':
      spendSteps = [`Budget ${money(budget)} (package price estimate).`];
      impressionSteps = [
        `${money(budget)} ÷ ${unitCost(b.price ?? 0)} effective CPM × 1,000 = ${whole(central.paid)} paid impressions.`,
      ];
      impressionUses = cpmKey ? [cpmKey] : [];
      if (central.submissions > 0) {
        impressionSteps.push(
          `Participants’ videos: ${whole(central.submissions)} submissions × ${whole(b.viewsPerSubmission ?? 0)} views each = ${whole(central.earned)} earned views.`,
          `${whole(central.paid)} paid + ${whole(central.earned)} earned = ${whole(central.views)} impressions.`,
        );
        impressionUses = [...impressionUses, 'ugcSubmissionRate', 'viewsPerSubmission', 'creatorViewRate'];
      }
      break;
  }

  // Reach: each component's in-target impressions on the negative-binomial curve.
  const share = b.targetShare ?? 1;
  const earnedShare = c.audience.demographicShare;
  const parts = [{ name: 'paid', impressions: central.paid * share }];
  if (central.earned > 0) parts.push({ name: 'participants’ views', impressions: central.earned * earnedShare });
  const reaches = reachOfComponents(parts, U, k);
  const reachCentral = combine(reaches, U);
  const targetNote =
    item.formatId === 'in-feed'
      ? 'In-Feed Ads target the ages and gender, so every impression is in the target audience.'
      : item.formatId === 'brand-takeover'
        ? `Brand Takeover shows to everyone opening the app: ${rate(share)} of its impressions are in the targeted ages and gender.`
        : `${rate(share)} of the impressions are in the targeted ages and gender.`;
  const reachSteps = [
    universeLine(c.audience),
    targetNote,
    ...parts.map(
      (p, i) =>
        `${p.name === 'paid' ? 'Paid' : 'Participants’ views'}: U × (1 − (1 + I ÷ (k × U))^−k) with I = ${whole(p.impressions)} in-target impressions, k = ${k}: ${whole(U)} × (1 − (1 + ${whole(p.impressions)} ÷ (${k} × ${whole(U)}))^−${k}) = ${whole(reaches[i] ?? 0)} people.`,
    ),
  ];
  if (parts.length > 1) {
    reachSteps.push(`Combined (as if independent): U × (1 − (1 − ${whole(reaches[0] ?? 0)} ÷ U) × (1 − ${whole(reaches[1] ?? 0)} ÷ U)) = ${whole(reachCentral)} people.`);
  }
  const reachUses: AssumptionKey[] = [...impressionUses, ...audienceKeys(c.targeting), 'reachCurveShape'];

  const clickUses: AssumptionKey[] = model === 'CPC' ? ['inFeedCpc'] : ['clickThroughRate'];
  const clickSteps =
    central.clicks === 0 && item.clicks === 0
      ? [`${item.name} has no link to click: no clicks.`]
      : model === 'CPC'
        ? [`${whole(item.bought.quantity)} clicks bought on CPC.`]
        : [`${whole(central.paid)} paid impressions × ${rate(a.clickThroughRate)} click-through rate = ${whole(central.clicks)} clicks.`];

  const engagementSteps = [
    `${whole(central.paid)} paid views × ${rate(a.paidEngagementRate)} paid engagement rate = ${whole(central.paid * a.paidEngagementRate)}.`,
  ];
  const engagementUses: AssumptionKey[] = ['paidEngagementRate'];
  if (central.earned > 0) {
    engagementSteps.push(
      `${whole(central.earned)} participants’ views × ${rate(a.engagementRateNano)} nano-creator rate = ${whole(central.earned * a.engagementRateNano)}.`,
      `Total ${whole(central.engagements)} engagements.`,
    );
    engagementUses.push('engagementRateNano', ...impressionUses);
  }

  const out: Explanation[] = [
    {
      key: 'spend',
      label: 'Spend',
      value: money(item.spend),
      steps: spendSteps,
      range: 'Exact: what the plan pays, no range.',
      note: null,
      uses: model === 'days' ? ['takeoverPricePerDay'] : [],
    },
    {
      key: 'impressions',
      label: 'Impressions',
      value: whole(item.impressions),
      steps: impressionSteps,
      range: rangeLine(item.ranges.impressions, countFmt, size, model === 'CPM' || model === 'days'),
      note: p50Note(item.impressions, central.views, whole, size),
      uses: impressionUses,
    },
    {
      key: 'reach',
      label: 'Reach',
      value: whole(item.reach),
      steps: reachSteps,
      range: rangeLine(item.ranges.reach, countFmt, size),
      note: p50Note(item.reach, reachCentral, whole, size),
      uses: dedupe(reachUses),
    },
    {
      key: 'frequency',
      label: 'Average frequency',
      value: times(item.frequency),
      steps: [
        `In-target impressions ÷ reach = ${whole(parts.reduce((s, p) => s + p.impressions, 0))} ÷ ${whole(item.reach)} = ${times(item.frequency)}.`,
      ],
      range: 'Shown at the P50.',
      note: null,
      uses: [],
    },
    {
      key: 'videoViews',
      label: 'Video views',
      value: whole(item.videoViews),
      steps: [
        central.earned > 0
          ? `Paid impressions count as views (TikTok counts a view when playback starts): ${whole(central.paid)} + ${whole(central.earned)} participants’ views = ${whole(central.views)}.`
          : `Paid impressions count as views (TikTok counts a view when playback starts): ${whole(central.views)}.`,
      ],
      range: rangeLine(item.ranges.videoViews, countFmt, size, model === 'CPM' || model === 'days'),
      note: p50Note(item.videoViews, central.views, whole, size),
      uses: impressionUses,
    },
    {
      key: 'engagements',
      label: 'Engagements',
      value: whole(item.engagements),
      steps: engagementSteps,
      range: rangeLine(item.ranges.engagements, countFmt, size),
      note: p50Note(item.engagements, central.engagements, whole, size),
      uses: dedupe(engagementUses),
    },
  ];
  if (central.submissions > 0 || item.submissions > 0) {
    out.push({
      key: 'submissions',
      label: 'Video submissions',
      value: whole(item.submissions),
      steps: [`${whole(central.paid)} paid impressions × ${rate(b.submissionRate ?? a.ugcSubmissionRate)} UGC submission rate = ${whole(central.submissions)} videos.`],
      range: rangeLine(item.ranges.submissions, countFmt, size),
      note: p50Note(item.submissions, central.submissions, whole, size),
      uses: dedupe([...(cpmKey ? [cpmKey] : []), 'ugcSubmissionRate']),
    });
  }
  out.push({
    key: 'clicks',
    label: 'Clicks',
    value: whole(item.clicks),
    steps: clickSteps,
    range: rangeLine(item.ranges.clicks, countFmt, size, model === 'CPC'),
    note: p50Note(item.clicks, central.clicks, whole, size),
    uses: item.clicks > 0 ? clickUses : [],
  });
  const [conversions, ...rest] = explainMoney(item, c, central, item.clicks > 0 ? clickUses : []);
  if (conversions) out.push(conversions);
  if (central.emv > 0 || item.emv > 0) {
    out.push({
      key: 'emv',
      label: 'Earned media value',
      value: money(item.emv),
      steps: [`${whole(central.earned)} earned views × ${money(a.emvCpm)} ÷ 1,000 = ${money(central.emv)}.`],
      range: rangeLine(item.ranges.emv, moneyFmt, size),
      note: p50Note(item.emv, central.emv, money, size),
      uses: dedupe(['emvCpm', ...impressionUses.filter((u) => u !== cpmKey)]),
    });
  }
  out.push(...rest);
  return out;
}

/** Reach of a creator's first `posts` posts: the beta-binomial curve fitted to one post's reach and the repeat overlap. */
export function creatorPostReach(viewsPerPostInTarget: number, posts: number, U: number, overlap: number): number {
  if (!(U > 0)) return 0;
  return U * -Math.expm1(postsLogUnreached(viewsPerPostInTarget / U, posts, overlap));
}

function explainCreator(item: LineResult, c: ExplainContext): Explanation[] {
  const a = c.values;
  const b = item.basis;
  const size = c.sampleSize;
  const U = c.audience.universe;
  const handle = item.name.replace(/^@/, '');
  const facts = c.creators.get(handle);
  const posts = b.posts ?? item.bought.quantity;
  const fee = b.fee ?? 0;
  const perPost = b.viewsPerPost ?? 0;
  const central = creatorCentral(item, a);
  const measuredViews = facts ? facts.avgViews !== null : Math.abs(perPost - (b.fans ?? 0) * a.creatorViewRate) > 1e-6 * perPost;
  const tierKey = facts ? TIER_RATE_KEY[facts.tier] : null;
  const measuredRate = facts ? facts.engagementRate !== null : true;
  const spark = central.spark;

  const viewUses: AssumptionKey[] = measuredViews ? [] : ['creatorViewRate'];
  const perPostLine = measuredViews
    ? `${whole(perPost)} views per post (the catalog’s average).`
    : `${whole(b.fans ?? 0)} fans × ${rate(a.creatorViewRate)} creator view rate = ${whole(perPost)} views per post (the catalog has no measured views).`;
  const impressionSteps = [perPostLine, `${plural(posts, 'post', 'posts')} × ${whole(perPost)} = ${whole(central.views)} views.`];
  const impressionUses: AssumptionKey[] = [...viewUses];
  if (spark > 0) {
    impressionSteps.push(
      `Spark Ads: ${money(b.sparkBudget ?? 0)} ÷ ${unitCost(b.sparkCpm ?? a.sparkCpm)} CPM × 1,000 = ${whole(spark)} paid impressions.`,
      `${whole(central.views)} + ${whole(spark)} = ${whole(central.views + spark)} impressions.`,
    );
    impressionUses.push('sparkCpm');
  }

  // Reach: beta-binomial over the posts, then Spark Ads on the negative-binomial curve.
  const share = b.targetShare ?? 1;
  const inTarget = perPost * share;
  const overlap = a.creatorRepeatOverlap;
  const reachSteps = [universeLine(c.audience)];
  if (share === 0) {
    reachSteps.push(
      `${item.name} is based in ${facts?.country ?? 'a country'}, which the plan doesn’t target: none of their views count toward reach.`,
    );
  } else {
    reachSteps.push(
      share < 1
        ? `${rate(share)} of their viewers are in the targeted ages and gender (their audience is taken to mirror the platform’s): ${whole(inTarget)} in-target views per post.`
        : `Every view of theirs is in the target audience: ${whole(inTarget)} in-target views per post.`,
    );
    const shown = Math.min(posts, 5);
    const curve = Array.from({ length: shown }, (_, i) => creatorPostReach(inTarget, i + 1, U, overlap));
    reachSteps.push(
      `Beta-binomial over ${plural(posts, 'post', 'posts')}: 1 post reaches ${whole(curve[0] ?? 0)} people (each view a different person); ${rate(overlap)} of a post’s viewers saw the previous one, so each further post adds fewer new people${
        shown > 1
          ? `: ${curve
              .slice(1)
              .map((r, i) => `post ${i + 2} +${whole(r - (curve[i] ?? 0))}`)
              .join(', ')}`
          : ''
      }.`,
    );
  }
  const postReach = share === 0 ? 0 : creatorPostReach(inTarget, posts, U, overlap);
  let reachCentral = postReach;
  if (share > 0) reachSteps.push(`${plural(posts, 'post', 'posts')} reach ${whole(postReach)} people.`);
  const reachUses: AssumptionKey[] = [...viewUses, ...audienceKeys(c.targeting), 'creatorRepeatOverlap'];
  if (spark > 0) {
    const sparkReach = reachFromImpressions(spark, U, a.reachCurveShape);
    reachCentral = combine([postReach, sparkReach], U);
    reachSteps.push(
      `Spark Ads: U × (1 − (1 + ${whole(spark)} ÷ (${a.reachCurveShape} × ${whole(U)}))^−${a.reachCurveShape}) = ${whole(sparkReach)} people.`,
      `Combined: U × (1 − (1 − ${whole(postReach)} ÷ U) × (1 − ${whole(sparkReach)} ÷ U)) = ${whole(reachCentral)} people.`,
    );
    reachUses.push('sparkCpm', 'reachCurveShape');
  }

  const er = b.engagementRate ?? 0;
  const rateSource = measuredRate ? 'their measured engagement rate' : `the ${facts?.tier ?? ''}-tier benchmark (no measured rate)`;
  const engagementSteps = [`${whole(central.views)} views × ${rate(er)} ${rateSource} = ${whole(central.views * er)}.`];
  const engagementUses: AssumptionKey[] = [...viewUses, ...(measuredRate || !tierKey ? [] : [tierKey])];
  if (spark > 0) {
    engagementSteps.push(
      `Spark Ads: ${whole(spark)} × ${rate(a.paidEngagementRate)} paid rate × (1 + ${rate(a.sparkEngagementLift)} Spark lift) = ${whole(spark * a.paidEngagementRate * (1 + a.sparkEngagementLift))}.`,
      `Total ${whole(central.engagements)} engagements.`,
    );
    engagementUses.push('sparkCpm', 'paidEngagementRate', 'sparkEngagementLift');
  }

  const clickUses: AssumptionKey[] = [...impressionUses, 'clickThroughRate'];
  const out: Explanation[] = [
    {
      key: 'spend',
      label: 'Spend',
      value: money(item.spend),
      steps: [
        spark > 0
          ? `${plural(posts, 'post', 'posts')} × ${money(fee)} fee + ${money(b.sparkBudget ?? 0)} Spark Ads = ${money(item.spend)}.`
          : `${plural(posts, 'post', 'posts')} × ${money(fee)} fee = ${money(item.spend)}.`,
      ],
      range: 'Exact: what the plan pays, no range.',
      note: null,
      uses: [],
    },
    {
      key: 'impressions',
      label: 'Impressions (views)',
      value: whole(item.impressions),
      steps: impressionSteps,
      range: rangeLine(item.ranges.impressions, countFmt, size),
      note: p50Note(item.impressions, central.views + spark, whole, size),
      uses: impressionUses,
    },
    {
      key: 'reach',
      label: 'Reach',
      value: whole(item.reach),
      steps: reachSteps,
      range: rangeLine(item.ranges.reach, countFmt, size),
      note: p50Note(item.reach, reachCentral, whole, size),
      uses: dedupe(reachUses),
    },
    {
      key: 'engagements',
      label: 'Engagements',
      value: whole(item.engagements),
      steps: engagementSteps,
      range: rangeLine(item.ranges.engagements, countFmt, size),
      note: p50Note(item.engagements, central.engagements, whole, size),
      uses: dedupe(engagementUses),
    },
    {
      key: 'clicks',
      label: 'Clicks',
      value: whole(item.clicks),
      steps: [`${whole(central.views + spark)} views × ${rate(a.clickThroughRate)} click-through rate (tracked links) = ${whole(central.clicks)} clicks.`],
      range: rangeLine(item.ranges.clicks, countFmt, size),
      note: p50Note(item.clicks, central.clicks, whole, size),
      uses: clickUses,
    },
  ];
  const [conversions, ...rest] = explainMoney(item, c, central, clickUses);
  if (conversions) out.push(conversions);
  out.push({
    key: 'emv',
    label: 'Earned media value',
    value: money(item.emv),
    steps: [`${whole(central.views)} organic views × ${money(a.emvCpm)} ÷ 1,000 (what the views would cost as paid impressions) = ${money(central.emv)}.`],
    range: rangeLine(item.ranges.emv, moneyFmt, size),
    note: p50Note(item.emv, central.emv, money, size),
    uses: dedupe(['emvCpm', ...viewUses]),
  });
  out.push(...rest);
  return out;
}

/** Every figure of one line item, explained. */
export function explainItem(item: LineResult, c: ExplainContext): Explanation[] {
  const figures = item.kind === 'creator' ? explainCreator(item, c) : explainFormat(item, c);
  const g = goalResult(c.goal);
  const result = resultRange(item, g);
  const cost = costPerResult(item, c.goal);
  const resultCentral = result.mid;
  figures.push({
    key: 'costPerResult',
    label: g.costLabel,
    value: cost ? unitCost(cost.mid) : '—',
    steps: cost
      ? [`${money(item.spend)} ÷ ${whole(resultCentral)} ${g.label}${g.per === 1000 ? ' × 1,000' : ''} = ${unitCost(cost.mid)}.`]
      : [`No ${g.label}, so no cost per result.`],
    range: rangeLine(cost, unitFmt, c.sampleSize),
    note: null,
    uses: [],
  });
  return figures;
}

// ---------------------------------------------------------------------------------------
// Plan totals (the headline figures).

/** "In-Feed Ads 6,000,000 + Brand Takeover 5,000,000 + 3 more 1,234" (largest first). */
function sumLine(items: readonly LineResult[], value: (i: LineResult) => number, format: (n: number) => string, max = 4): string {
  const nonzero = items.filter((i) => value(i) !== 0).sort((x, y) => value(y) - value(x));
  const shown = nonzero.slice(0, max).map((i) => `${i.name} ${format(value(i))}`);
  const rest = nonzero.slice(max);
  if (rest.length > 0) shown.push(`${rest.length} more ${format(rest.reduce((s, i) => s + value(i), 0))}`);
  return shown.join(' + ') || format(0);
}

function sumOf(items: readonly LineResult[], value: (i: LineResult) => number): number {
  return items.reduce((s, i) => s + value(i), 0);
}

/** Assumptions each line item's figure uses, combined for the plan. */
function usesAcross(perItem: readonly Explanation[][], key: FigureKey): AssumptionKey[] {
  return dedupe(perItem.flatMap((list) => list.find((e) => e.key === key)?.uses ?? []));
}

function dedupe<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/**
 * Every headline figure, explained: sums of the line items (listed, largest first) with the
 * plan's own formulas for reach, frequency and the ratios.
 */
export function explainTotals(projection: Projection, c: ExplainContext): Explanation[] {
  const { items, totals, audience } = projection;
  const a = c.values;
  const size = c.sampleSize;
  const perItem = items.map((i) => explainItem(i, c));
  const U = audience.universe;
  const g = goalResult(c.goal);

  const summed = (
    key: FigureKey & ('impressions' | 'videoViews' | 'engagements' | 'submissions' | 'clicks' | 'conversions' | 'revenue' | 'emv'),
    label: string,
    isMoney = false,
  ): Explanation => {
    const format = isMoney ? money : whole;
    const value = (i: LineResult) => i[key];
    const sum = sumOf(items, value);
    return {
      key,
      label,
      value: format(totals[key]),
      steps: [`Sum of the line items: ${sumLine(items, value, format)} = ${format(sum)}.`],
      range: rangeLine(totals.ranges[key], isMoney ? moneyFmt : countFmt, size),
      note: p50Note(totals[key], sum, format, size, 'sum'),
      uses: usesAcross(perItem, key),
    };
  };

  const itemReach = items.map((i) => i.reach);
  const sainsbury = combine(itemReach, U);
  const overlap = items.length > 1 ? a.duplicationFactor : 1;
  const largest = Math.max(0, ...itemReach);
  const reachCentral = Math.min(U, Math.max(largest, overlap * sainsbury));
  const reachSteps = [universeLine(audience), `Line items’ reach: ${sumLine(items, (i) => i.reach, whole)}.`];
  if (items.length > 1) {
    reachSteps.push(
      `De-duplicated as if independent (Sainsbury): U × (1 − Π(1 − rᵢ ÷ U)) = ${whole(sainsbury)} people.`,
      `× ${rate(overlap)} overlap factor (line items share heavy users), never below the largest line item (${whole(largest)}) = ${whole(reachCentral)} people, ${rate(reachCentral / (U || 1))} of the audience.`,
    );
  } else {
    reachSteps.push(`${whole(reachCentral)} people, ${rate(reachCentral / (U || 1))} of the audience.`);
  }

  const views = totals.videoViews;
  const spend = totals.spend;
  const result = resultRange(totals, g);
  const cost = costPerResult(totals, c.goal);
  const full = totals.fullCost;
  const gross = full.gross;
  const roiCentral = gross > 0 ? (totals.revenue - gross) / gross : null;
  const target = totals.targetImpressions.mid;

  const all: Explanation[] = [
    {
      key: 'spend',
      label: 'Spend',
      value: money(spend),
      steps: [`Sum of the line items: ${sumLine(items, (i) => i.spend, money)} = ${money(sumOf(items, (i) => i.spend))}.`],
      range: 'Exact: what the plan pays, no range.',
      note: null,
      uses: usesAcross(perItem, 'spend'),
    },
    {
      key: 'reach',
      label: 'Reach (de-duplicated)',
      value: whole(totals.reach),
      steps: reachSteps,
      range: rangeLine(totals.ranges.reach, countFmt, size),
      note: p50Note(totals.reach, reachCentral, whole, size, 'sum'),
      uses: dedupe([...usesAcross(perItem, 'reach'), ...(items.length > 1 ? (['duplicationFactor'] as const) : [])]),
    },
    summed('impressions', 'Impressions'),
    {
      key: 'frequency',
      label: 'Average frequency',
      value: times(totals.frequency),
      steps: [`In-target impressions ÷ reach = ${whole(target)} ÷ ${whole(totals.reach)} = ${times(totals.reach > 0 ? target / totals.reach : null)}.`],
      range: rangeLine(totals.frequencyRange, timesFmt, size),
      note: null,
      uses: [],
    },
    summed('videoViews', 'Video views'),
    summed('engagements', 'Engagements'),
    {
      key: 'engagementRate',
      label: 'Engagement rate',
      value: pct(totals.engagementRate?.mid ?? null),
      steps: [`Engagements ÷ video views = ${whole(totals.engagements)} ÷ ${whole(views)} = ${pct(views > 0 ? totals.engagements / views : null)} per view.`],
      range: rangeLine(totals.engagementRate, pctFmt, size),
      note: null,
      uses: usesAcross(perItem, 'engagements'),
    },
    summed('submissions', 'Video submissions (UGC)'),
    summed('clicks', 'Clicks'),
    summed('conversions', 'Conversions'),
    summed('revenue', 'Revenue', true),
    summed('emv', 'Earned media value', true),
    {
      key: 'cpm',
      label: 'CPM',
      value: unitCost(totals.cpm),
      steps: [`Spend ÷ impressions × 1,000 = ${money(spend)} ÷ ${whole(totals.impressions)} × 1,000 = ${unitCost(totals.cpm)}.`],
      range: rangeLine(totals.costs.cpm, unitFmt, size),
      note: null,
      uses: [],
    },
    {
      key: 'costPerResult',
      label: g.costLabel,
      value: cost ? unitCost(cost.mid) : '—',
      steps: cost
        ? [
            `Spend ÷ ${g.label}${g.per === 1000 ? ' × 1,000' : ''} = ${money(spend)} ÷ ${whole(result.mid)}${g.per === 1000 ? ' × 1,000' : ''} = ${unitCost(cost.mid)}.`,
            COST_BASIS,
          ]
        : [`No ${g.label} yet, so no cost per result.`],
      range: rangeLine(cost, unitFmt, size),
      note: null,
      uses: [],
    },
    {
      key: 'roas',
      label: 'ROAS',
      value: times(totals.roas?.mid ?? null),
      steps: [`Revenue ÷ gross cost = ${money(totals.revenue)} ÷ ${money(gross)} = ${times(gross > 0 ? totals.revenue / gross : null)}.`],
      range: rangeLine(totals.roas, timesFmt, size),
      note: null,
      uses: usesAcross(perItem, 'revenue'),
    },
    {
      key: 'roi',
      label: 'ROI',
      value: pct(totals.roi?.mid ?? null),
      steps:
        roiCentral === null
          ? ['No cost, so no ROI.']
          : [
              ...fullCostSteps(full),
              `ROI on full cost (gross, incl. tax): (revenue − gross) ÷ gross = (${money(totals.revenue)} − ${money(gross)}) ÷ ${money(gross)} = ${pct(roiCentral)}.`,
            ],
      range: rangeLine(totals.roi, pctFmt, size),
      note: null,
      uses: usesAcross(perItem, 'revenue'),
    },
  ];
  // Submissions and earned media value only where the plan has some.
  return all.filter((e) => (e.key === 'submissions' ? totals.ranges.submissions.high > 0 : e.key === 'emv' ? totals.ranges.emv.high > 0 : true));
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
