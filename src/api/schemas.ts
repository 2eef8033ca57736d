import { z } from '../lib/zod';
import { ASSUMPTION_GROUPS, ASSUMPTION_KEYS, FORMAT_IDS, NICHES, TIERS } from '../domain/types';
import type { AdFormat, Assumption, Benchmarks, CaseStudy, Creator, Source } from '../domain/types';

/** Response schemas: every API response is parsed with one of these before the UI sees it. */

export const sourceSchema = z.object({
  kind: z.enum(['guide', 'benchmark', 'team-assumption']),
  name: z.string().check(z.minLength(1)),
  date: z.string(),
  url: z.optional(z.string()),
  note: z.optional(z.string()),
}) satisfies z.ZodMiniType<Source>;

// z.number() already refuses Infinity and NaN: it is finite.
export const money = z.number().check(z.nonnegative());

export const adFormatSchema = z.object({
  id: z.enum(FORMAT_IDS),
  name: z.string().check(z.minLength(1)),
  summary: z.string(),
  buys: z.string(),
  buyingModels: z.array(z.enum(['CPM', 'CPC', 'CPV', 'per-day', 'package'])).check(z.minLength(1)),
  purchaseUnit: z.enum(['budget', 'days']),
  cpm: z.number().check(z.positive()),
  pricePerDay: z.nullable(money),
  guaranteedImpressionsPerDay: z.nullable(money),
  minimumSpend: z.nullable(money),
  funnelStage: z.enum(['awareness', 'consideration', 'conversion']),
  targeting: z.array(z.string()),
  priceIsEstimate: z.boolean(),
  priceNote: z.string(),
  drivesUgc: z.boolean(),
  shoppable: z.boolean(),
  sources: z.array(sourceSchema).check(z.minLength(1)),
}) satisfies z.ZodMiniType<AdFormat>;

export const adFormatsResponseSchema = z.object({ items: z.array(adFormatSchema) });

export const creatorSchema = z.object({
  id: z.string().check(z.minLength(1)),
  handle: z.string().check(z.minLength(1)),
  displayName: z.string(),
  niche: z.enum(NICHES),
  country: z.string().check(z.length(2)),
  tier: z.enum(TIERS),
  fans: z.number().check(z.int(), z.nonnegative()),
  avgViews: z.nullable(z.number().check(z.nonnegative())),
  engagementRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  feePerPost: money,
  bio: z.string(),
  source: sourceSchema,
}) satisfies z.ZodMiniType<Creator>;


export const CREATOR_SORTS = ['fans', 'engagement', 'fee', 'name', 'reach-per-dollar', 'fit'] as const;
export type CreatorSort = (typeof CREATOR_SORTS)[number];
export const MAX_PAGE_SIZE = 100;

/** A catalog row: the creator and their fit score (0-100) for the plan's target. */
export const catalogCreatorSchema = z.extend(creatorSchema, {
  fitScore: z.number().check(z.gte(0), z.lte(100)),
  credibility: z.number().check(z.gte(0), z.lte(1)),
});
export type CatalogCreator = z.infer<typeof catalogCreatorSchema>;

export const creatorPageSchema = z.object({
  items: z.array(catalogCreatorSchema),
  total: z.number().check(z.int(), z.nonnegative()),
  page: z.number().check(z.int(), z.gte(1)),
  pageSize: z.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE)),
});
export type CreatorPage = z.infer<typeof creatorPageSchema>;

export const assumptionSchema = z.object({
  key: z.enum(ASSUMPTION_KEYS),
  label: z.string(),
  value: z.number(),
  unit: z.enum(['fraction', 'usd', 'people', 'views', 'number']),
  group: z.enum(ASSUMPTION_GROUPS),
  definition: z.string(),
  market: z.string().check(z.minLength(1)),
  // A spread is read as P10-P90 around the value, so it must contain it.
  range: z.nullable(
    z
      .tuple([z.number().check(z.positive()), z.number().check(z.positive())])
      .check(z.refine(([lo, hi]) => lo <= hi, 'range low must not exceed range high')),
  ),
  source: sourceSchema,
}).check(
  z.refine((a) => a.range === null || (a.range[0] <= a.value && a.value <= a.range[1]), {
    message: 'an assumption’s value must lie within its range',
  }),
) satisfies z.ZodMiniType<Assumption>;

export const caseStudySchema = z.object({
  id: z.string(),
  campaign: z.string(),
  what: z.string(),
  results: z.string(),
  source: sourceSchema,
}) satisfies z.ZodMiniType<CaseStudy>;

export const benchmarksSchema = z
  .object({ assumptions: z.array(assumptionSchema), caseStudies: z.array(caseStudySchema) })
  .check(
    z.refine((b) => ASSUMPTION_KEYS.every((k) => b.assumptions.some((a) => a.key === k)), {
      message: 'benchmarks must define every assumption the model uses',
    }),
  ) satisfies z.ZodMiniType<Benchmarks>;

export const apiErrorSchema = z.object({ message: z.string() });
