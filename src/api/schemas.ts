import { z } from 'zod';
import { ASSUMPTION_GROUPS, ASSUMPTION_KEYS, FORMAT_IDS, NICHES, TIERS } from '../domain/types';
import type { AdFormat, Assumption, Benchmarks, CaseStudy, Creator, Source } from '../domain/types';

/** Response schemas: every API response is parsed with one of these before the UI sees it. */

export const sourceSchema = z.object({
  kind: z.enum(['guide', 'benchmark', 'team-assumption']),
  name: z.string().min(1),
  date: z.string(),
  url: z.string().optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<Source>;

export const money = z.number().finite().nonnegative();

export const adFormatSchema = z.object({
  id: z.enum(FORMAT_IDS),
  name: z.string().min(1),
  summary: z.string(),
  buys: z.string(),
  buyingModels: z.array(z.enum(['CPM', 'CPC', 'CPV', 'per-day', 'package'])).min(1),
  purchaseUnit: z.enum(['budget', 'days']),
  cpm: z.number().finite().positive(),
  pricePerDay: money.nullable(),
  guaranteedImpressionsPerDay: money.nullable(),
  minimumSpend: money.nullable(),
  funnelStage: z.enum(['awareness', 'consideration', 'conversion']),
  targeting: z.array(z.string()),
  priceIsEstimate: z.boolean(),
  priceNote: z.string(),
  drivesUgc: z.boolean(),
  shoppable: z.boolean(),
  sources: z.array(sourceSchema).min(1),
}) satisfies z.ZodType<AdFormat>;

export const adFormatsResponseSchema = z.object({ items: z.array(adFormatSchema) });

export const creatorSchema = z.object({
  id: z.string().min(1),
  handle: z.string().min(1),
  displayName: z.string(),
  niche: z.enum(NICHES),
  country: z.string().length(2),
  tier: z.enum(TIERS),
  fans: z.number().int().nonnegative(),
  avgViews: z.number().nonnegative().nullable(),
  engagementRate: z.number().min(0).max(1).nullable(),
  feePerPost: money,
  bio: z.string(),
  source: sourceSchema,
}) satisfies z.ZodType<Creator>;


export const CREATOR_SORTS = ['fans', 'engagement', 'fee', 'name', 'reach-per-dollar', 'fit'] as const;
export type CreatorSort = (typeof CREATOR_SORTS)[number];
export const MAX_PAGE_SIZE = 100;

/** A catalog row: the creator and their fit score (0-100) for the plan's target. */
export const catalogCreatorSchema = creatorSchema.extend({
  fitScore: z.number().min(0).max(100),
  credibility: z.number().min(0).max(1),
});
export type CatalogCreator = z.infer<typeof catalogCreatorSchema>;

export const creatorPageSchema = z.object({
  items: z.array(catalogCreatorSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
});
export type CreatorPage = z.infer<typeof creatorPageSchema>;

export const assumptionSchema = z.object({
  key: z.enum(ASSUMPTION_KEYS),
  label: z.string(),
  value: z.number().finite(),
  unit: z.enum(['fraction', 'usd', 'people', 'views', 'number']),
  group: z.enum(ASSUMPTION_GROUPS),
  definition: z.string(),
  market: z.string().min(1),
  // A spread is read as P10-P90 around the value, so it must contain it.
  range: z
    .tuple([z.number().finite().positive(), z.number().finite().positive()])
    .refine(([lo, hi]) => lo <= hi, 'range low must not exceed range high')
    .nullable(),
  source: sourceSchema,
})
  .refine((a) => a.range === null || (a.range[0] <= a.value && a.value <= a.range[1]), {
    message: 'an assumption’s value must lie within its range',
  }) satisfies z.ZodType<Assumption>;

export const caseStudySchema = z.object({
  id: z.string(),
  campaign: z.string(),
  what: z.string(),
  results: z.string(),
  source: sourceSchema,
}) satisfies z.ZodType<CaseStudy>;

export const benchmarksSchema = z
  .object({ assumptions: z.array(assumptionSchema), caseStudies: z.array(caseStudySchema) })
  .refine((b) => ASSUMPTION_KEYS.every((k) => b.assumptions.some((a) => a.key === k)), {
    message: 'benchmarks must define every assumption the model uses',
  }) satisfies z.ZodType<Benchmarks>;

export const apiErrorSchema = z.object({ message: z.string() });
