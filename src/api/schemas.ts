import { z } from '../lib/zod';
import { ADULT_AGE_BANDS, AGE_BANDS, ASSUMPTION_GROUPS, ASSUMPTION_KEYS, BASE_ASSUMPTION_KEYS, COUNTRIES, FORMAT_IDS, NICHES, TIERS } from '../domain/types';
import type { AdFormat, Assumption, AudienceProfile, Benchmarks, CaseStudy, Creator, Market, Source } from '../domain/types';

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
  package: z.nullable(z.object({ days: z.number().check(z.int(), z.gte(1), z.lte(366)) })),
  frequencyCap: z.nullable(
    z.object({ exposures: z.number().check(z.int(), z.gte(1)), days: z.number().check(z.int(), z.gte(1)), note: z.string() }),
  ),
  sources: z.array(sourceSchema).check(z.minLength(1)),
}) satisfies z.ZodMiniType<AdFormat>;

export const adFormatsResponseSchema = z.object({ items: z.array(adFormatSchema) });

export const share = z.number().check(z.gte(0), z.lte(1));

/** Who follows a creator: shares by age band (all six), female share and top countries. */
export const audienceProfileSchema = z.object({
  // A record keyed by an enum is exhaustive in zod 4: every age band must be present.
  ageShares: z.record(z.enum(AGE_BANDS), share),
  femaleShare: share,
  topCountries: z.array(z.object({ country: z.string().check(z.length(2)), share })).check(z.maxLength(20)),
}) satisfies z.ZodMiniType<AudienceProfile>;

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
  audience: z.nullable(audienceProfileSchema),
  credibility: z.nullable(share),
}) satisfies z.ZodMiniType<Creator>;


export const CREATOR_SORTS = ['fans', 'engagement', 'fee', 'name', 'reach-per-dollar', 'fit'] as const;
export type CreatorSort = (typeof CREATOR_SORTS)[number];
export const MAX_PAGE_SIZE = 100;

/** A catalog row: the creator and their fit score (0-100) for the plan's target. */
export const catalogCreatorSchema = z.extend(creatorSchema, {
  fitScore: z.number().check(z.gte(0), z.lte(100)),
  audience: audienceProfileSchema,
  credibility: share,
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
  country: z.optional(z.enum(COUNTRIES)),
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

const people = z.number().check(z.nonnegative());
const adultAgeShares = z.record(z.enum(ADULT_AGE_BANDS), share);

export const marketSchema = z.object({
  country: z.enum(COUNTRIES),
  users: z
    .array(
      z.object({
        year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
        users: people,
        teenShare: share,
        adultAgeShares: z.nullable(adultAgeShares),
        definition: z.string(),
        source: sourceSchema,
      }),
    )
    .check(z.minLength(1)),
  adultAgeShares: z.object({ value: adultAgeShares, source: sourceSchema }),
  femaleShare: z.object({ value: share, source: sourceSchema }),
  takeover: z.object({ pricePerDay: money, impressionsPerDay: people, source: sourceSchema }),
}) satisfies z.ZodMiniType<Market>;

export const benchmarksSchema = z
  .object({ assumptions: z.array(assumptionSchema), caseStudies: z.array(caseStudySchema), markets: z.array(marketSchema) })
  .check(
    z.refine((b) => BASE_ASSUMPTION_KEYS.every((k) => b.assumptions.some((a) => a.key === k)), {
      message: 'benchmarks must define every assumption the model uses',
    }),
    z.refine((b) => COUNTRIES.every((c) => b.markets.some((m) => m.country === c)), {
      message: 'benchmarks must describe every market the model serves',
    }),
  ) satisfies z.ZodMiniType<Benchmarks>;

export const apiErrorSchema = z.object({ message: z.string() });
