/**
 * Core domain types. Framework-free: no React, no fetch, no store.
 * API schemas in `src/api/schemas.ts` produce values assignable to these.
 */

export const FORMAT_IDS = [
  'in-feed',
  'brand-takeover',
  'hashtag-challenge',
  'hashtag-challenge-plus',
  'branded-effects',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const GOALS = ['awareness', 'engagement', 'ugc', 'app-installs', 'sales'] as const;
export type Goal = (typeof GOALS)[number];

export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof TIERS)[number];

export const NICHES = [
  'fitness',
  'fashion',
  'food',
  'beauty',
  'gaming',
  'comedy',
  'dance',
  'education',
  'technology',
  'travel',
  'family',
  'music',
  'sports',
  'entertainment',
] as const;
export type Niche = (typeof NICHES)[number];

export type SourceKind = 'guide' | 'benchmark' | 'team-assumption';

/** Where a number comes from. Every default the model uses carries one. */
export interface Source {
  kind: SourceKind;
  /** Human-readable name of the publication, e.g. the guide or a vendor report. */
  name: string;
  /** Publication or data date, free text ("2020", "2023", "Jan 2024"). */
  date: string;
  url?: string | undefined;
  note?: string | undefined;
}

export type FunnelStage = 'awareness' | 'consideration' | 'conversion';
export type BuyingModel = 'CPM' | 'CPC' | 'CPV' | 'per-day' | 'package';

/** An ad format as the API describes it. */
export interface AdFormat {
  id: FormatId;
  name: string;
  summary: string;
  /** What a purchase of this format delivers, in one sentence. */
  buys: string;
  buyingModels: BuyingModel[];
  /** `budget`: bought with a money amount; `days`: bought in whole days. */
  purchaseUnit: 'budget' | 'days';
  /** Cost per 1,000 paid impressions (for day-bought formats, price per day / guaranteed impressions). */
  cpm: number;
  pricePerDay: number | null;
  guaranteedImpressionsPerDay: number | null;
  /** Smallest spend the platform sells; null where no source gives one. */
  minimumSpend: number | null;
  funnelStage: FunnelStage;
  targeting: string[];
  /** True when the guide gives no price and the price is a cited estimate or a team assumption. */
  priceIsEstimate: boolean;
  priceNote: string;
  /** Participants make their own videos (hashtag challenges, effects). */
  drivesUgc: boolean;
  /** Shoppable: product clicks lead to a store. */
  shoppable: boolean;
  sources: Source[];
}

/** A creator as the catalog describes it. `id` is the handle without `@`. */
export interface Creator {
  id: string;
  handle: string;
  displayName: string;
  niche: Niche;
  country: string;
  tier: Tier;
  fans: number;
  /** Average views per post; null when the catalog has no measurement. */
  avgViews: number | null;
  /** Engagements per view (likes + comments + shares) / views; null when unknown. */
  engagementRate: number | null;
  feePerPost: number;
  bio: string;
  source: Source;
}

export type AssumptionUnit = 'fraction' | 'usd' | 'people' | 'views' | 'number';

/** Markets the plan can target; each has its own audience universe. */
export const COUNTRIES = ['US', 'KR', 'GB', 'CA', 'JP'] as const;
export type Country = (typeof COUNTRIES)[number];
export const COUNTRY_NAMES: Record<Country, string> = {
  US: 'United States',
  KR: 'South Korea',
  GB: 'United Kingdom',
  CA: 'Canada',
  JP: 'Japan',
};

/** TikTok Ads Manager's age groups. */
export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['all', 'female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

export const ASSUMPTION_KEYS = [
  // Audience
  'universeUS',
  'universeKR',
  'universeGB',
  'universeCA',
  'universeJP',
  'ageShare13to17',
  'ageShare18to24',
  'ageShare25to34',
  'ageShare35to44',
  'ageShare45to54',
  'ageShare55plus',
  'femaleShare',
  // Reach
  'reachCurveShape',
  'duplicationFactor',
  'creatorRepeatOverlap',
  // Prices
  'inFeedCpm',
  'inFeedCpc',
  'inFeedCpv',
  'takeoverPricePerDay',
  'takeoverImpressionsPerDay',
  'challengeCpm',
  'challengePlusCpm',
  'effectsCpm',
  'sparkCpm',
  // Delivery and engagement
  'sixSecondViewRate',
  'creatorViewRate',
  'paidEngagementRate',
  'sparkEngagementLift',
  'engagementRateNano',
  'engagementRateMicro',
  'engagementRateMid',
  'engagementRateMacro',
  'engagementRateMega',
  // Funnel
  'clickThroughRate',
  'conversionRate',
  'averageOrderValue',
  // User-generated content
  'ugcSubmissionRate',
  'viewsPerSubmission',
  // Value
  'emvCpm',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export const ASSUMPTION_GROUPS = ['audience', 'reach', 'prices', 'engagement', 'funnel', 'ugc', 'value'] as const;
export type AssumptionGroup = (typeof ASSUMPTION_GROUPS)[number];

/** One rate or quantity the projection uses, with its provenance. */
export interface Assumption {
  key: AssumptionKey;
  label: string;
  value: number;
  unit: AssumptionUnit;
  group: AssumptionGroup;
  /** What the number means, including its denominator (per view, per follower, per impression). */
  definition: string;
  /** Where the figure was measured or priced: a country code, or "Global". */
  market: string;
  /**
   * Published low and high. When set, the projection treats them as the P10 and P90 of
   * the rate (the default is the P50) and the figures that use it get ranges.
   */
  range: [number, number] | null;
  source: Source;
}

export type Assumptions = Record<AssumptionKey, number>;

export interface CaseStudy {
  id: string;
  campaign: string;
  what: string;
  results: string;
  source: Source;
}

export interface Benchmarks {
  assumptions: Assumption[];
  caseStudies: CaseStudy[];
}
