import { addDays, format, nextMonday } from 'date-fns';
import { emptyContract, type CreatorContract } from './contract';
import { AGE_BANDS, type AgeBand, type AssumptionKey, type AudienceProfile, type Country, type Creator, type FormatId, type Gender, type Goal, type Niche, type Tier } from './types';

/**
 * A plan as the user edits it. Every numeric field keeps the text the user typed,
 * so invalid input is never dropped: validation turns it into numbers or reasons.
 */
export interface PlanFormatLine {
  formatId: FormatId;
  /** Budget in USD, or whole days for day-bought formats (Brand Takeover). */
  amount: string;
  /** Unticking a format keeps what was typed, so ticking it again restores it. */
  included: boolean;
  /** How In-Feed Ads are bought; other formats are sold one way and ignore it. */
  buyingModel: InFeedBuyingModel;
  /** How budget-bought delivery spreads over the flight; Brand Takeover days are placed the same way. */
  pacing: Pacing;
  /** Brand Takeover's category (one brand per category per day); empty until chosen. */
  category: string;
}

export const IN_FEED_BUYING_MODELS = ['CPM', 'CPC', 'CPV'] as const;
export type InFeedBuyingModel = (typeof IN_FEED_BUYING_MODELS)[number];

export const PACINGS = ['even', 'front-loaded'] as const;
export type Pacing = (typeof PACINGS)[number];

/** Categories TikTok sells Brand Takeover by: one brand per category per day. */
export const TAKEOVER_CATEGORIES = [
  'Apparel & fashion',
  'Beauty & personal care',
  'Entertainment & media',
  'Financial services',
  'Fitness & sports',
  'Food & beverage',
  'Games & apps',
  'Retail & e-commerce',
  'Technology & electronics',
  'Travel',
] as const;

/** Who the plan is for. Narrows the audience universe every reach figure is measured against. */
export interface Targeting {
  countries: Country[];
  ageBands: AgeBand[];
  gender: Gender;
}

export const DEFAULT_TARGETING: Targeting = { countries: ['US'], ageBands: [...AGE_BANDS], gender: 'all' };

/** A new format line with the defaults a planner starts from. */
export function formatLine(formatId: FormatId, amount: string): PlanFormatLine {
  return { formatId, amount, included: true, buyingModel: 'CPM', pacing: 'even', category: '' };
}

/** A creator in the plan. Catalog facts are copied in, so a plan stands on its own. */
export interface PlanCreatorLine {
  handle: string;
  displayName: string;
  niche: Niche;
  country: string;
  tier: Tier;
  fans: number;
  avgViews: number | null;
  engagementRate: number | null;
  /** Who follows them (the catalog's audience data); null where the catalog had none. */
  audience: AudienceProfile | null;
  /** Share of their followers judged real; null where unmeasured. */
  credibility: number | null;
  catalogFee: number;
  posts: string;
  fee: string;
  /**
   * Posting date of each post (yyyy-MM-dd), by index; an empty or missing entry means
   * "spread evenly over the flight".
   */
  postDates: string[];
  /** Spark Ads budget that promotes this creator's posts as paid impressions; empty for none. */
  sparkBudget: string;
  /** The contract checklist; it lives on the line, so removing the creator drops it. Never projected. */
  contract: CreatorContract;
}

/** The catalog's facts about a creator that the plan copies in: who they are, their reach and their audience. */
type CatalogFacts = Pick<
  Creator,
  'handle' | 'displayName' | 'niche' | 'country' | 'tier' | 'fans' | 'avgViews' | 'engagementRate' | 'audience' | 'credibility'
>;

function catalogFactsOf(c: Creator): CatalogFacts {
  const { handle, displayName, niche, country, tier, fans, avgViews, engagementRate, audience, credibility } = c;
  return { handle, displayName, niche, country, tier, fans, avgViews, engagementRate, audience: copyAudience(audience), credibility };
}

/** A copy of an audience profile holding only its own fields (a catalog row may carry more). */
export function copyAudience(a: AudienceProfile | null): AudienceProfile | null {
  if (!a) return null;
  return {
    ageShares: { ...a.ageShares },
    femaleShare: a.femaleShare,
    topCountries: a.topCountries.map((c) => ({ country: c.country, share: c.share })),
  };
}

/** A catalog creator as a plan line: one post at the catalog's fee, its facts copied in. */
export function creatorLineFrom(c: Creator): PlanCreatorLine {
  return {
    ...catalogFactsOf(c),
    catalogFee: c.feePerPost,
    posts: '1',
    fee: String(c.feePerPost),
    postDates: [],
    sparkBudget: '',
    contract: emptyContract(),
  };
}

/**
 * A catalog creator kept on the plan's shortlist: a snapshot, so the shortlist shows and
 * can be added to the plan without the catalog.
 */
export type ShortlistedCreator = Creator;

/** The most creators a shortlist keeps; adds past it are ignored. */
export const MAX_SHORTLIST = 200;

/** The catalog facts of `c` alone: a catalog row may carry more (fit score), which the plan doesn't keep. */
export function shortlistEntryFrom(c: Creator): ShortlistedCreator {
  return {
    id: c.id,
    ...catalogFactsOf(c),
    feePerPost: c.feePerPost,
    bio: c.bio,
    source: { ...c.source },
  };
}

/** Where a plan stands with the client. */
export const PLAN_STATUSES = ['draft', 'proposed', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * Costs beyond media and creator fees, as typed: agency commission and tax are percentages
 * (of media, and of the net cost), the others are amounts in USD. Empty means none.
 */
export const COST_FIELDS = ['agencyCommission', 'usageRights', 'whitelisting', 'production', 'tax'] as const;
export type CostField = (typeof COST_FIELDS)[number];
export type PlanCosts = Record<CostField, string>;

/** Longer than any amount or percentage anyone types; keeps damaged data from growing the plan. */
export const MAX_COST_LENGTH = 40;

export function emptyCosts(): PlanCosts {
  return { agencyCommission: '', usageRights: '', whitelisting: '', production: '', tax: '' };
}

export interface Plan {
  id: string;
  name: string;
  status: PlanStatus;
  /** The plan this one was duplicated from as a scenario (a variant to compare); null for none. */
  scenarioOf: string | null;
  startDate: string;
  endDate: string;
  goal: Goal;
  /** The KPI target of the current goal, as typed. */
  kpiTarget: string;
  /** Targets typed for other goals, restored when the user switches back. */
  otherKpiTargets: Partial<Record<Goal, string>>;
  totalBudget: string;
  currency: 'USD';
  targeting: Targeting;
  formats: PlanFormatLine[];
  creators: PlanCreatorLine[];
  /** Creators set aside while vetting, unique by handle, at most MAX_SHORTLIST. */
  shortlist: ShortlistedCreator[];
  /**
   * Contracts of creators taken out of the plan, by handle (at most MAX_SHORTLIST): a creator
   * unticked by mistake comes back with what was agreed.
   */
  retiredContracts: Record<string, CreatorContract>;
  assumptionOverrides: Partial<Record<AssumptionKey, string>>;
  costs: PlanCosts;
  /** The flight timeline warns of deadlines and posts that fall on a Saturday or Sunday. */
  excludeWeekends: boolean;
  /**
   * Count challenge and effect participants' videos as brand exposures: in reach, frequency,
   * impressions, video views and engagements. Off: they are reported apart as earned.
   */
  earnedInReach: boolean;
  /**
   * The edition of the projection model this plan's figures were last shown with. A plan saved
   * before the current edition says once, when opened, how its headline moved.
   */
  modelEdition: number;
  updatedAt: string;
}

/** The projection model's current edition (2: line items combine by their duplication, packages, caps, markets). */
export const MODEL_EDITION = 2;

/** The KPI each goal is measured by. */
export const GOAL_KPI: Record<Goal, { goalLabel: string; metricLabel: string; metric: KpiMetric }> = {
  awareness: { goalLabel: 'Awareness', metricLabel: 'reach', metric: 'reach' },
  engagement: { goalLabel: 'Engagement', metricLabel: 'engagements', metric: 'engagements' },
  ugc: { goalLabel: 'UGC', metricLabel: 'video submissions', metric: 'submissions' },
  'app-installs': { goalLabel: 'App installs', metricLabel: 'installs', metric: 'conversions' },
  sales: { goalLabel: 'Sales', metricLabel: 'revenue', metric: 'revenue' },
};
export type KpiMetric = 'reach' | 'engagements' | 'submissions' | 'conversions' | 'revenue';

/**
 * The name of the goal's unit cost, wherever a plan's results are shown (table, comparison,
 * print). Sales read the cost of a conversion (CPA): spend ÷ revenue would be 1 ÷ ROAS.
 */
export const COST_LABEL: Record<KpiMetric, string> = {
  reach: 'Cost per 1,000 reached',
  engagements: 'Cost per engagement',
  submissions: 'Cost per video submission',
  conversions: 'Cost per install',
  revenue: 'Cost per conversion (CPA)',
};

/** A new plan: a four-week flight from the Monday after `today`. */
export function newPlan(id: string, today: Date): Plan {
  const start = nextMonday(today);
  return {
    id,
    name: 'Untitled plan',
    status: 'draft',
    scenarioOf: null,
    startDate: format(start, 'yyyy-MM-dd'),
    endDate: format(addDays(start, 27), 'yyyy-MM-dd'),
    goal: 'awareness',
    kpiTarget: '',
    otherKpiTargets: {},
    totalBudget: '100000',
    currency: 'USD',
    targeting: { ...DEFAULT_TARGETING, countries: [...DEFAULT_TARGETING.countries], ageBands: [...DEFAULT_TARGETING.ageBands] },
    formats: [],
    creators: [],
    shortlist: [],
    retiredContracts: {},
    assumptionOverrides: {},
    costs: emptyCosts(),
    excludeWeekends: false,
    earnedInReach: false,
    modelEdition: MODEL_EDITION,
    updatedAt: today.toISOString(),
  };
}
