import type { AudienceProfile, CreatorProfile } from './creator-profile';
import { ageShare, audienceOverlap, clamp01, countryShare, genderShare } from './audience-match';
import type { AgeBand, Assumptions, Country, Gender, Goal, Tier } from './types';

/**
 * Fit score: how well a creator suits one plan's audience and goal, 0-100, with its breakdown.
 *
 * The guide's vetting step asks for "engagement, audience fit, values; not follower counts
 * alone", so nothing here rewards size: a creator scores on who watches (audience match), how
 * they engage against creators of their own size (engagement vs tier median), how genuine the
 * following is (credibility), how they handle sponsorships (disclosure) and what an engagement
 * in the plan's audience costs. A smaller creator with a better audience can rank above a
 * bigger one.
 *
 * The same maths runs two ways: `fitScoreValue` returns only the unrounded number (for
 * sorting a whole catalog: no allocation per creator) and `fitScore` returns the rounded
 * score with its components (for a profile panel). Both call the same helpers in the same
 * order, so `fitScore(...).value === fitScoreValue(...)` exactly.
 */

/** Who the plan is for and what it is for: a plan's `targeting` plus its `goal`. */
export interface FitTarget {
  countries: readonly Country[];
  ageBands: readonly AgeBand[];
  gender: Gender;
  goal: Goal;
}

/**
 * The published rates the score compares a creator with. Passed in (never imported), so
 * the user's edited assumptions apply; `fitBenchmarksFrom` builds it from the assumptions.
 */
export interface FitBenchmarks {
  /**
   * Median engagements per view by tier. Defaults: nano 11.5% (middle of 8-15%), micro 5.96%,
   * mid 4.5% (middle of 3-6%), macro 2.64% (calculatecreator.com, engagement rate by
   * followers; micro vs macro); mega 2% (team assumption below the macro figure).
   */
  tierEngagement: Record<Tier, number>;
  /** Views per post ÷ followers. Default 14.49% (Socialinsider, TikTok benchmarks, 2023). */
  viewRate: number;
}

export interface FitOptions {
  /** Cost per expected in-target engagement that scores 0.5 (USD). Default `DEFAULT_REFERENCE_CPE`. */
  referenceCpe?: number;
}

/** The creator fields the score reads; a whole `CreatorProfile` fits. */
export type FitCreator = Pick<
  CreatorProfile,
  'tier' | 'fans' | 'avgViews' | 'engagementRate' | 'feePerPost' | 'credibility' | 'sponsoredPosts90d' | 'adDisclosureRate' | 'audience'
>;

export const FIT_COMPONENT_KEYS = ['audience', 'engagement', 'credibility', 'disclosure', 'cost'] as const;
export type FitComponentKey = (typeof FIT_COMPONENT_KEYS)[number];

export const FIT_COMPONENT_LABELS: Record<FitComponentKey, string> = {
  audience: 'Audience match',
  engagement: 'Engagement vs tier',
  credibility: 'Real followers',
  disclosure: 'Ad disclosure',
  cost: 'Cost per engagement',
};

/** One line of the breakdown. */
export interface FitComponent {
  key: FitComponentKey;
  label: string;
  /** 0-1, unrounded. */
  score: number;
  /** This component's weight for the plan's goal; `100 × weight × score` points of the total. */
  weight: number;
  /**
   * The measured value the score maps: audience share in the targeting (0-1); engagement
   * rate ÷ tier median; share of real followers; disclosure rate (null: no sponsored posts);
   * cost per expected in-target engagement in USD (null: no expected engagements).
   */
  raw: number | null;
  /** One plain-English line for the marketer. */
  detail: string;
}

export interface FitResult {
  /** 0-100, rounded to one decimal (the only rounding in this module). */
  score: number;
  /** 0-100, unrounded: what `fitScoreValue` returns and what a sort should use. */
  value: number;
  /** In `FIT_COMPONENT_KEYS` order. */
  components: FitComponent[];
}

/**
 * Reference cost per expected in-target engagement, USD (team assumption). No source
 * publishes a target cost per engagement for creator posts, so the default is a typical
 * creator's: a micro creator in the middle of the tier (55K fans) at the middle of the 2026
 * fee range ($250-1,200, so $725; influenceflow.io, calculatecreator.com), with 14.49% views
 * per follower (Socialinsider 2023) and 5.96% engagements per view (calculatecreator.com),
 * costs $725 ÷ (55,000 × 0.1449 × 0.0596) ≈ $1.53 per engagement. A mid-tier creator works
 * out the same. Paid media is far cheaper ($8 median CPM ÷ (1,000 × 4.14%) ≈ $0.19), but a
 * reference that low would score every creator 0 and the component would not rank anyone.
 */
export const DEFAULT_REFERENCE_CPE = 1.5;

/** Disclosure score of a creator with no sponsored posts in 90 days: no evidence either way (team assumption). */
export const NEUTRAL_DISCLOSURE_SCORE = 0.75;

/** Credibility below this share of real followers is called poor in the detail (team assumption). */
export const POOR_CREDIBILITY = 0.6;

/**
 * Weights of the components by goal (team assumption; no source publishes them). Each row
 * sums to 1. Awareness buys reach in the right audience, so it leans on audience match and
 * cost. Engagement and UGC need an audience that acts, so they lean on engagement vs tier.
 * App installs and sales need real people in the market who click, so they lean on audience
 * match and credibility. Disclosure keeps a steady share: the guide makes #ad a campaign step
 * (FTC compliance) and sales, where a brand's claims are most exposed, weigh it a little more.
 */
export const FIT_WEIGHTS: Record<Goal, Record<FitComponentKey, number>> = {
  awareness: { audience: 0.35, engagement: 0.1, credibility: 0.15, disclosure: 0.1, cost: 0.3 },
  engagement: { audience: 0.2, engagement: 0.4, credibility: 0.15, disclosure: 0.1, cost: 0.15 },
  ugc: { audience: 0.2, engagement: 0.35, credibility: 0.15, disclosure: 0.1, cost: 0.2 },
  'app-installs': { audience: 0.35, engagement: 0.1, credibility: 0.3, disclosure: 0.1, cost: 0.15 },
  sales: { audience: 0.35, engagement: 0.1, credibility: 0.3, disclosure: 0.15, cost: 0.1 },
};

/** The benchmarks from the planner's assumptions (defaults or the user's edits). */
export function fitBenchmarksFrom(a: Assumptions): FitBenchmarks {
  return {
    tierEngagement: {
      nano: a.engagementRateNano,
      micro: a.engagementRateMicro,
      mid: a.engagementRateMid,
      macro: a.engagementRateMacro,
      mega: a.engagementRateMega,
    },
    viewRate: a.creatorViewRate,
  };
}

/**
 * Engagement vs tier: ratio r = engagement rate ÷ tier median, on a clamped log scale:
 * 0 at r ≤ 0.25, 0.5 at the median, 1 at r ≥ 2. Doubling above the median is worth 0.5 and
 * each halving below it 0.25, because per-view rates spread widely by niche: falling short
 * of the median is common, beating it twofold is rare. Comparing within the tier keeps
 * small creators' naturally higher rates from ranking them on size alone.
 */
export function scoreEngagementRatio(ratio: number): number {
  const doublings = Math.log2(ratio);
  return clamp01(0.5 + (doublings >= 0 ? 0.5 : 0.25) * doublings);
}

/**
 * Credibility: share of real followers, linear from 0 at 50% to 1 at 95% (team assumption:
 * half bots or inactive accounts is worthless, and no large following is fully clean).
 * 60% scores 0.22; the detail calls anything under 60% poor.
 */
export function scoreCredibility(realShare: number): number {
  return clamp01((realShare - 0.5) / 0.45);
}

/**
 * Disclosure: share of the last 90 days' sponsored posts that carried #ad, scored as is
 * (the guide makes disclosure a campaign step; every undisclosed post is a compliance risk).
 * No sponsored posts is no evidence: `NEUTRAL_DISCLOSURE_SCORE`.
 */
export function scoreDisclosure(rate: number | null): number {
  return rate === null ? NEUTRAL_DISCLOSURE_SCORE : clamp01(rate);
}

/**
 * Cost: cost per expected in-target engagement on a clamped log scale around the reference:
 * 1 at ≤ reference ÷ 4, 0.5 at the reference, 0 at ≥ reference × 4 (0.25 per doubling).
 * No expected engagements (null) scores 0.
 */
export function scoreCostPerEngagement(cpe: number | null, referenceCpe: number): number {
  if (cpe === null) return 0;
  return clamp01(0.5 - Math.log2(cpe / referenceCpe) / 4);
}

function referenceOf(options: FitOptions | undefined): number {
  const ref = options?.referenceCpe;
  return ref !== undefined && ref > 0 && Number.isFinite(ref) ? ref : DEFAULT_REFERENCE_CPE;
}

/** A tier median that is not a positive number is treated as missing. */
function tierMedian(creator: FitCreator, benchmarks: FitBenchmarks): number | null {
  const m = benchmarks.tierEngagement[creator.tier];
  return m > 0 && Number.isFinite(m) ? m : null;
}

/** Ratio to the tier median; 1 (neutral) when the rate or the median is missing. */
function engagementRatio(rate: number | null, median: number | null): number {
  return rate === null || median === null ? 1 : rate / median;
}

/** Views a post can expect: measured average views, else fans × the benchmark view rate. */
function expectedViews(creator: FitCreator, benchmarks: FitBenchmarks): number {
  return creator.avgViews ?? creator.fans * benchmarks.viewRate;
}

/** Engagements a post can expect from the plan's audience: views × rate (or tier median) × audience match. */
function expectedEngagements(views: number, rate: number | null, median: number | null, overlap: number): number {
  return views * (rate ?? median ?? 0) * overlap;
}

/** Fee ÷ expected in-target engagements; null when none are expected. */
function costPerEngagement(fee: number, engagements: number): number | null {
  return engagements > 0 && Number.isFinite(engagements) ? fee / engagements : null;
}

/** 100 × the weighted sum, unrounded. The one place the components are combined. */
function combine(w: Record<FitComponentKey, number>, audience: number, engagement: number, credibility: number, disclosure: number, cost: number): number {
  return 100 * (w.audience * audience + w.engagement * engagement + w.credibility * credibility + w.disclosure * disclosure + w.cost * cost);
}

/**
 * The fit score only, unrounded (0-100): the sort key for a whole catalog. Allocates
 * nothing per creator; equal to `fitScore(...).value`.
 */
export function fitScoreValue(creator: FitCreator, target: FitTarget, benchmarks: FitBenchmarks, options?: FitOptions): number {
  const overlap = audienceOverlap(creator.audience, target);
  const median = tierMedian(creator, benchmarks);
  const engagements = expectedEngagements(expectedViews(creator, benchmarks), creator.engagementRate, median, overlap);
  return combine(
    FIT_WEIGHTS[target.goal],
    overlap,
    scoreEngagementRatio(engagementRatio(creator.engagementRate, median)),
    scoreCredibility(creator.credibility),
    scoreDisclosure(creator.adDisclosureRate),
    scoreCostPerEngagement(costPerEngagement(creator.feePerPost, engagements), referenceOf(options)),
  );
}

/* Formatters built once: a new one per call would make a full breakdown ~100× slower. */
const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const RATIO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Whole percent, for shares of an audience or of posts; a share that rounds to 0 but isn't reads "under 1%". */
function percent(x: number): string {
  return x > 0 && x < 0.005 ? 'under 1%' : `${Math.round(x * 100)}%`;
}

/** Up to two decimals of a percent, for engagement rates (5.96%). */
function ratePercent(x: number): string {
  return `${RATE.format(x * 100)}%`;
}

function audienceDetail(audience: AudienceProfile, target: FitTarget, overlap: number): string {
  const parts = [`${percent(countryShare(audience, target.countries))} in your countries`, `${percent(ageShare(audience, target.ageBands))} in your age groups`];
  if (target.gender !== 'all') parts.push(`${percent(genderShare(audience, target.gender))} ${target.gender}`);
  const what = target.gender === 'all' ? 'your countries and age groups' : 'your countries, age groups and gender';
  const share = percent(overlap);
  return `${share.charAt(0).toUpperCase()}${share.slice(1)} of the audience is in ${what} (${parts.join(', ')})`;
}

function engagementDetail(creator: FitCreator, median: number | null, ratio: number): string {
  if (median === null) return `No ${creator.tier}-tier benchmark to compare with: scored neutral`;
  const benchmark = `the ${creator.tier}-tier median (${ratePercent(median)} per view)`;
  if (creator.engagementRate === null) return `No measured engagement rate: scored at ${benchmark}`;
  return `${ratePercent(creator.engagementRate)} engagement per view, ${RATIO.format(ratio)}× ${benchmark}`;
}

function credibilityDetail(realShare: number): string {
  const line = `${percent(realShare)} of followers look real`;
  return realShare < POOR_CREDIBILITY ? `${line}: poor (under ${percent(POOR_CREDIBILITY)})` : line;
}

function disclosureDetail(creator: FitCreator): string {
  const rate = creator.adDisclosureRate;
  if (rate === null) return 'No sponsored posts in 90 days: scored neutral';
  const n = creator.sponsoredPosts90d;
  const posts = n === 1 ? '1 sponsored post' : n > 1 ? `${n} sponsored posts` : 'sponsored posts';
  return `${percent(rate)} of ${posts} in 90 days disclosed with #ad`;
}

function costDetail(
  creator: FitCreator,
  views: number,
  median: number | null,
  overlap: number,
  engagements: number,
  cpe: number | null,
  referenceCpe: number,
): string {
  if (cpe === null) {
    const why = !(overlap > 0)
      ? 'none of the audience is in your targeting'
      : !(views > 0)
        ? 'no views expected'
        : creator.engagementRate === null && median === null
          ? 'no engagement rate and no tier benchmark'
          : 'an engagement rate of 0%';
    return `No expected engagements in your audience (${why}), so the fee buys nothing measurable`;
  }
  const count = engagements < 1 ? 'under 1 engagement' : `${WHOLE.format(engagements)} engagements`;
  return `${CENTS.format(cpe)} per expected engagement in your audience (${DOLLARS.format(creator.feePerPost)} fee ÷ ${count} a post); ${CENTS.format(referenceCpe)} scores half`;
}

/**
 * The fit score with its breakdown, for a profile panel. `score` is rounded to one decimal;
 * `value` is the unrounded score `fitScoreValue` gives (sort by that).
 */
export function fitScore(creator: FitCreator, target: FitTarget, benchmarks: FitBenchmarks, options?: FitOptions): FitResult {
  const w = FIT_WEIGHTS[target.goal];
  const referenceCpe = referenceOf(options);
  const overlap = audienceOverlap(creator.audience, target);
  const median = tierMedian(creator, benchmarks);
  const views = expectedViews(creator, benchmarks);
  const engagements = expectedEngagements(views, creator.engagementRate, median, overlap);
  const ratio = engagementRatio(creator.engagementRate, median);
  const cpe = costPerEngagement(creator.feePerPost, engagements);

  const scores: Record<FitComponentKey, number> = {
    audience: overlap,
    engagement: scoreEngagementRatio(ratio),
    credibility: scoreCredibility(creator.credibility),
    disclosure: scoreDisclosure(creator.adDisclosureRate),
    cost: scoreCostPerEngagement(cpe, referenceCpe),
  };
  const raws: Record<FitComponentKey, number | null> = {
    audience: overlap,
    engagement: ratio,
    credibility: creator.credibility,
    disclosure: creator.adDisclosureRate,
    cost: cpe,
  };
  const details: Record<FitComponentKey, string> = {
    audience: audienceDetail(creator.audience, target, overlap),
    engagement: engagementDetail(creator, median, ratio),
    credibility: credibilityDetail(creator.credibility),
    disclosure: disclosureDetail(creator),
    cost: costDetail(creator, views, median, overlap, engagements, cpe, referenceCpe),
  };

  const value = combine(w, scores.audience, scores.engagement, scores.credibility, scores.disclosure, scores.cost);
  return {
    score: Math.round(value * 10) / 10,
    value,
    components: FIT_COMPONENT_KEYS.map((key) => ({
      key,
      label: FIT_COMPONENT_LABELS[key],
      score: scores[key],
      weight: w[key],
      raw: raws[key],
      detail: details[key],
    })),
  };
}

export { audienceOverlap };
