import { z } from 'zod';
import { AGE_BANDS, ASSUMPTION_KEYS, COUNTRIES, FORMAT_IDS, GENDERS, GOALS, NICHES, TIERS } from '../domain/types';
import { CONTRACT_TERMS, MAX_CONTRACT_FIELD_LENGTH, MAX_CONTRACT_NOTE_LENGTH, type CreatorContract } from '../domain/contract';
import { IN_FEED_BUYING_MODELS, MAX_SHORTLIST, PACINGS } from '../domain/plan';
import type { Plan, ShortlistedCreator } from '../domain/plan';

/** A creator's contract checklist: all seven terms, nothing else. */
const contractSchema = z.object({
  terms: z.record(
    z.enum(CONTRACT_TERMS),
    z.object({ agreed: z.boolean(), note: z.string().max(MAX_CONTRACT_NOTE_LENGTH) }),
  ),
  usageRightsDays: z.string().max(MAX_CONTRACT_FIELD_LENGTH),
  exclusivityDays: z.string().max(MAX_CONTRACT_FIELD_LENGTH),
  contentDueDate: z.string().max(MAX_CONTRACT_FIELD_LENGTH),
}) satisfies z.ZodType<CreatorContract>;

/** The catalog's facts the plan copies in, on creator lines and shortlist entries alike. */
const catalogFacts = {
  handle: z.string().min(1),
  displayName: z.string(),
  niche: z.enum(NICHES),
  country: z.string(),
  tier: z.enum(TIERS),
  fans: z.number().nonnegative(),
  avgViews: z.number().nonnegative().nullable(),
  engagementRate: z.number().min(0).max(1).nullable(),
};

/**
 * A shortlisted creator as the catalog described it when shortlisted. Kept as loose as the
 * plan's creator lines (no API-only limits), so a snapshot the app took always loads again.
 */
const shortlistedCreatorSchema = z.object({
  id: z.string().min(1),
  ...catalogFacts,
  feePerPost: z.number().nonnegative(),
  bio: z.string(),
  source: z.object({
    kind: z.enum(['guide', 'benchmark', 'team-assumption']),
    name: z.string(),
    date: z.string(),
    url: z.string().optional(),
    note: z.string().optional(),
  }),
}) satisfies z.ZodType<ShortlistedCreator>;

/** The shape of a stored plan. Stored data is checked against it before the app trusts it. */
export const planSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  goal: z.enum(GOALS),
  kpiTarget: z.string(),
  // Absent in plans saved before per-goal targets existed.
  otherKpiTargets: z.partialRecord(z.enum(GOALS), z.string()).default({}),
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
      catalogFee: z.number().nonnegative(),
      posts: z.string(),
      fee: z.string(),
      postDates: z.array(z.string()).max(100),
      sparkBudget: z.string(),
      contract: contractSchema,
    }),
  ),
  shortlist: z.array(shortlistedCreatorSchema).max(MAX_SHORTLIST),
  // Absent in version-3 plans saved before it existed.
  retiredContracts: z
    .record(z.string().min(1), contractSchema)
    .refine((r) => Object.keys(r).length <= MAX_SHORTLIST, 'too many retired contracts')
    .default({}),
  assumptionOverrides: z.partialRecord(z.enum(ASSUMPTION_KEYS), z.string()),
  updatedAt: z.string(),
})
  // The app never lists a format or a creator twice; damaged data that does would double-count spend.
  .refine((p) => new Set(p.formats.map((f) => f.formatId)).size === p.formats.length, {
    message: 'a format is listed twice',
  })
  .refine((p) => new Set(p.creators.map((c) => c.handle)).size === p.creators.length, {
    message: 'a creator is listed twice',
  })
  .refine((p) => new Set(p.shortlist.map((c) => c.handle)).size === p.shortlist.length, {
    message: 'a creator is shortlisted twice',
  }) satisfies z.ZodType<Plan>;

export const persistedPlanStateSchema = z.object({ plan: planSchema });
export type PersistedPlanState = z.infer<typeof persistedPlanStateSchema>;
