import { z } from 'zod';
import { AGE_BANDS, ASSUMPTION_KEYS, COUNTRIES, FORMAT_IDS, GENDERS, GOALS, NICHES, TIERS } from '../domain/types';
import { IN_FEED_BUYING_MODELS, PACINGS } from '../domain/plan';
import type { Plan } from '../domain/plan';

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
      handle: z.string().min(1),
      displayName: z.string(),
      niche: z.enum(NICHES),
      country: z.string(),
      tier: z.enum(TIERS),
      fans: z.number().nonnegative(),
      avgViews: z.number().nonnegative().nullable(),
      engagementRate: z.number().min(0).max(1).nullable(),
      catalogFee: z.number().nonnegative(),
      posts: z.string(),
      fee: z.string(),
      postDates: z.array(z.string()).max(100),
      sparkBudget: z.string(),
    }),
  ),
  assumptionOverrides: z.partialRecord(z.enum(ASSUMPTION_KEYS), z.string()),
  updatedAt: z.string(),
})
  // The app never lists a format or a creator twice; damaged data that does would double-count spend.
  .refine((p) => new Set(p.formats.map((f) => f.formatId)).size === p.formats.length, {
    message: 'a format is listed twice',
  })
  .refine((p) => new Set(p.creators.map((c) => c.handle)).size === p.creators.length, {
    message: 'a creator is listed twice',
  }) satisfies z.ZodType<Plan>;

export const persistedPlanStateSchema = z.object({ plan: planSchema });
export type PersistedPlanState = z.infer<typeof persistedPlanStateSchema>;
