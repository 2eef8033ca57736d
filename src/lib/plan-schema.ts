import { z } from './zod';
import { AGE_BANDS, ASSUMPTION_KEYS, COUNTRIES, FORMAT_IDS, GENDERS, GOALS, NICHES, TIERS } from '../domain/types';
import { CONTRACT_TERMS, MAX_CONTRACT_FIELD_LENGTH, MAX_CONTRACT_NOTE_LENGTH, type CreatorContract } from '../domain/contract';
import { COST_FIELDS, IN_FEED_BUYING_MODELS, MAX_COST_LENGTH, MAX_SHORTLIST, PACINGS, PLAN_STATUSES } from '../domain/plan';
import type { Plan, ShortlistedCreator } from '../domain/plan';
import type { AudienceProfile } from '../domain/types';

/** A creator's contract checklist: all seven terms, nothing else. */
const contractSchema = z.object({
  terms: z.record(
    z.enum(CONTRACT_TERMS),
    z.object({ agreed: z.boolean(), note: z.string().check(z.maxLength(MAX_CONTRACT_NOTE_LENGTH)) }),
  ),
  usageRightsDays: z.string().check(z.maxLength(MAX_CONTRACT_FIELD_LENGTH)),
  exclusivityDays: z.string().check(z.maxLength(MAX_CONTRACT_FIELD_LENGTH)),
  contentDueDate: z.string().check(z.maxLength(MAX_CONTRACT_FIELD_LENGTH)),
}) satisfies z.ZodMiniType<CreatorContract>;

const share = z.number().check(z.gte(0), z.lte(1));

/** A creator's audience as the catalog measured it. */
const audienceSchema = z.object({
  ageShares: z.record(z.enum(AGE_BANDS), share),
  femaleShare: share,
  topCountries: z.array(z.object({ country: z.string().check(z.maxLength(8)), share })).check(z.maxLength(20)),
}) satisfies z.ZodMiniType<AudienceProfile>;

/**
 * The catalog's facts the plan copies in, on creator lines and shortlist entries alike. Audience
 * and credibility came with the model's second edition: a plan saved before has none (null).
 */
const catalogFacts = {
  handle: z.string().check(z.minLength(1)),
  displayName: z.string(),
  niche: z.enum(NICHES),
  country: z.string(),
  tier: z.enum(TIERS),
  fans: z.number().check(z.nonnegative()),
  avgViews: z.nullable(z.number().check(z.nonnegative())),
  engagementRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  audience: z._default(z.nullable(audienceSchema), null),
  credibility: z._default(z.nullable(share), null),
};

/**
 * A shortlisted creator as the catalog described it when shortlisted. Kept as loose as the
 * plan's creator lines (no API-only limits), so a snapshot the app took always loads again.
 */
const shortlistedCreatorSchema = z.object({
  id: z.string().check(z.minLength(1)),
  ...catalogFacts,
  feePerPost: z.number().check(z.nonnegative()),
  bio: z.string(),
  source: z.object({
    kind: z.enum(['guide', 'benchmark', 'team-assumption']),
    name: z.string(),
    date: z.string(),
    url: z.optional(z.string()),
    note: z.optional(z.string()),
  }),
}) satisfies z.ZodMiniType<ShortlistedCreator>;

/** The shape of a stored plan. Stored data is checked against it before the app trusts it. */
export const planSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  status: z.enum(PLAN_STATUSES),
  scenarioOf: z.nullable(z.string().check(z.minLength(1))),
  startDate: z.string(),
  endDate: z.string(),
  goal: z.enum(GOALS),
  kpiTarget: z.string(),
  // Absent in plans saved before per-goal targets existed.
  otherKpiTargets: z._default(z.partialRecord(z.enum(GOALS), z.string()), {}),
  totalBudget: z.string(),
  currency: z.literal('USD'),
  targeting: z.object({
    countries: z.array(z.enum(COUNTRIES)),
    ageBands: z.array(z.enum(AGE_BANDS)),
    gender: z.enum(GENDERS),
  }),
  formats: z.array(
    z.object({
      formatId: z.enum(FORMAT_IDS),
      amount: z.string(),
      included: z.boolean(),
      buyingModel: z.enum(IN_FEED_BUYING_MODELS),
      pacing: z.enum(PACINGS),
      category: z.string(),
    }),
  ),
  creators: z.array(
    z.object({
      ...catalogFacts,
      catalogFee: z.number().check(z.nonnegative()),
      posts: z.string(),
      fee: z.string(),
      postDates: z.array(z.string()).check(z.maxLength(100)),
      sparkBudget: z.string(),
      contract: contractSchema,
    }),
  ),
  shortlist: z.array(shortlistedCreatorSchema).check(z.maxLength(MAX_SHORTLIST)),
  // Absent in version-3 plans saved before it existed.
  retiredContracts: z._default(
    z
      .record(z.string().check(z.minLength(1)), contractSchema)
      .check(z.refine((r) => Object.keys(r).length <= MAX_SHORTLIST, 'too many retired contracts')),
    {},
  ),
  assumptionOverrides: z.partialRecord(z.enum(ASSUMPTION_KEYS), z.string()),
  costs: z.record(z.enum(COST_FIELDS), z.string().check(z.maxLength(MAX_COST_LENGTH))),
  excludeWeekends: z.boolean(),
  // Absent in plans saved before the model's second edition: participants' videos stayed out
  // of reach unless asked, and the figures were the first edition's.
  earnedInReach: z._default(z.boolean(), false),
  modelEdition: z._default(z.number().check(z.int(), z.gte(1)), 1),
  updatedAt: z.string(),
})
  // The app never lists a format or a creator twice; damaged data that does would double-count spend.
  .check(
    z.refine((p) => new Set(p.formats.map((f) => f.formatId)).size === p.formats.length, {
      message: 'a format is listed twice',
    }),
    z.refine((p) => new Set(p.creators.map((c) => c.handle)).size === p.creators.length, {
      message: 'a creator is listed twice',
    }),
    z.refine((p) => new Set(p.shortlist.map((c) => c.handle)).size === p.shortlist.length, {
      message: 'a creator is shortlisted twice',
    }),
  ) satisfies z.ZodMiniType<Plan>;

/** The workspace as version 5 stores it (each plan under its own key, gathered here). */
export const persistedWorkspaceSchema = z.object({ plans: z.array(planSchema).check(z.minLength(1)), openPlanId: z.string() });
