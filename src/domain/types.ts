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
  /**
   * Sold as a package (hashtag challenges, effects): its length in days. The package price is an
   * assumption (`…PackagePrice`); a line buys one package, and its budget beyond the package buys
   * extra days at the package's price per day. Null for formats bought by budget or by the day.
   */
  package: { days: number } | null;
  /** The most times one person sees the format: `exposures` per `days`; null where none is stated. */
  frequencyCap: { exposures: number; days: number; note: string } | null;
  sources: Source[];
}

/** Who follows a creator, as a discovery platform measures it. */
export interface AudienceProfile {
  /** Share of the audience in each age band; the shares sum to 1. */
  ageShares: Record<AgeBand, number>;
  /** Share of the audience that is female, 0-1 (the rest male or undisclosed). */
  femaleShare: number;
  /**
   * The audience's top countries (ISO 3166-1 alpha-2, not only the planner's markets), largest
   * first; the shares sum to at most 1 (the rest is spread over other countries).
   */
  topCountries: { country: string; share: number }[];
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
  /** Who follows them; null where the catalog has no audience data. */
  audience: AudienceProfile | null;
  /** Share of followers judged real (not bots or inactive), 0-1; null where unmeasured. */
  credibility: number | null;
}

export type AssumptionUnit = 'fraction' | 'usd' | 'people' | 'views' | 'number';

/**
 * Markets the plan can target; each has its own audience universe by age and gender, its own
 * daily users and its own Brand Takeover rate card. The U.S., Korea, Japan, the UK and Canada,
 * and the Southeast Asian markets of TikTok's published rate card.
 */
export const COUNTRIES = ['US', 'KR', 'JP', 'GB', 'CA', 'ID', 'TH', 'VN', 'PH', 'MY'] as const;
export type Country = (typeof COUNTRIES)[number];
export const COUNTRY_NAMES: Record<Country, string> = {
  US: 'United States',
  KR: 'South Korea',
  JP: 'Japan',
  GB: 'United Kingdom',
  CA: 'Canada',
  ID: 'Indonesia',
  TH: 'Thailand',
  VN: 'Vietnam',
  PH: 'Philippines',
  MY: 'Malaysia',
};

/** TikTok Ads Manager's age groups. */
export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['all', 'female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** An age band as it is spelled inside an assumption key: `18to24`, `55plus`. */
export const AGE_KEY_PART = {
  '13-17': '13to17',
  '18-24': '18to24',
  '25-34': '25to34',
  '35-44': '35to44',
  '45-54': '45to54',
  '55+': '55plus',
} as const satisfies Record<AgeBand, string>;
type AgeKeyPart = (typeof AGE_KEY_PART)[AgeBand];

/** The assumptions every plan uses, whatever its markets. */
export const BASE_ASSUMPTION_KEYS = [
  // Audience
  'dailyActiveShare',
  // Reach
  'reachCurveShape',
  'duplicationFactor',
  'creatorRepeatOverlap',
  'takeoverRepeatShare',
  // Prices
  'inFeedCpm',
  'inFeedCpc',
  'inFeedCpv',
  'challengePackagePrice',
  'challengePlusPackagePrice',
  'effectsPackagePrice',
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
  'organicClickRate',
  'conversionRate',
  'averageOrderValue',
  // User-generated content
  'ugcSubmissionRate',
  'challengePlusSubmissionRate',
  'effectsCreationRate',
  'viewsPerSubmission',
  'maxParticipationShare',
  // Value
  'emvCpm',
] as const;
export type BaseAssumptionKey = (typeof BASE_ASSUMPTION_KEYS)[number];

/** The assumptions of one market: its universe, its audience by age and gender, its takeover rate card. */
export type MarketAssumptionKey =
  | `universe${Country}`
  | `femaleShare${Country}`
  | `ageShare${AgeKeyPart}${Country}`
  | `takeoverPricePerDay${Country}`
  | `takeoverImpressionsPerDay${Country}`;

/** The assumption keys of market `c`, in the ledger's order. */
export function marketAssumptionKeys(c: Country): MarketAssumptionKey[] {
  return [
    `universe${c}`,
    ...AGE_BANDS.map((band): MarketAssumptionKey => `ageShare${AGE_KEY_PART[band]}${c}`),
    `femaleShare${c}`,
    `takeoverPricePerDay${c}`,
    `takeoverImpressionsPerDay${c}`,
  ];
}

export const MARKET_ASSUMPTION_KEYS: readonly MarketAssumptionKey[] = COUNTRIES.flatMap(marketAssumptionKeys);

export type AssumptionKey = BaseAssumptionKey | MarketAssumptionKey;
export const ASSUMPTION_KEYS: readonly [AssumptionKey, ...AssumptionKey[]] = [...BASE_ASSUMPTION_KEYS, ...MARKET_ASSUMPTION_KEYS];

/** Typed lookups of one market's keys. */
export const marketKey = {
  universe: (c: Country) => `universe${c}` as const,
  femaleShare: (c: Country) => `femaleShare${c}` as const,
  ageShare: (band: AgeBand, c: Country) => `ageShare${AGE_KEY_PART[band]}${c}` as const,
  takeoverPrice: (c: Country) => `takeoverPricePerDay${c}` as const,
  takeoverImpressions: (c: Country) => `takeoverImpressionsPerDay${c}` as const,
};

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
  /** Set on a market's own assumptions (its universe, audience, rate card): the ledger lists them for targeted markets only. */
  country?: Country | undefined;
}

export type Assumptions = Record<AssumptionKey, number>;

export interface CaseStudy {
  id: string;
  campaign: string;
  what: string;
  results: string;
  source: Source;
}

/** The age bands of users aged 18 and over, whose split the published ad-audience figures give. */
export const ADULT_AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const satisfies readonly AgeBand[];
export type AdultAgeBand = (typeof ADULT_AGE_BANDS)[number];

/** One dated figure of a market's TikTok users. */
export interface MarketUsers {
  /** The year the figure describes: a plan uses the latest figure at or before its flight's year. */
  year: number;
  /** TikTok users aged 13 and over the plan can reach in the market. */
  users: number;
  /** Share of them aged 13-17. */
  teenShare: number;
  /** The split of the users aged 18+ for this figure; null for the market's split. */
  adultAgeShares: Record<AdultAgeBand, number> | null;
  /** How the figure was built from its sources, in one or two sentences. */
  definition: string;
  source: Source;
}

/** What the model knows of one market: dated user figures, the audience's age and gender, its takeover rate card. */
export interface Market {
  country: Country;
  /** Dated figures, oldest first. */
  users: MarketUsers[];
  adultAgeShares: { value: Record<AdultAgeBand, number>; source: Source };
  femaleShare: { value: number; source: Source };
  /** A Brand Takeover day in this market: its price and guaranteed impressions (at most the market's daily users). */
  takeover: { pricePerDay: number; impressionsPerDay: number; source: Source };
}

export interface Benchmarks {
  assumptions: Assumption[];
  caseStudies: CaseStudy[];
  markets: Market[];
}
