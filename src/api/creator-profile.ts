import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from '../lib/zod';
import { BRAND_SAFETY_FLAGS, PLATFORMS, type CreatorProfile, type RecentPost } from '../domain/creator-profile';
import { creatorQueries } from './creators';
import { apiUrl, getJson } from './http';
import { audienceProfileSchema, creatorSchema, money, share } from './schemas';

/**
 * GET /api/creators/:id, for the profile panel. Kept apart from the list's schemas: the panel
 * is loaded on demand, and these schemas travel with it, not in the first download.
 */

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a yyyy-MM-dd date'));
const count = z.number().check(z.int(), z.nonnegative());

/** A creator's full profile, as GET /api/creators/:id sends it. */
export const creatorProfileSchema = z.extend(creatorSchema, {
  languages: z.array(z.string().check(z.minLength(1))),
  engagementRatePerFollower: z.number().check(z.nonnegative()),
  postsPerWeek: z.number().check(z.nonnegative()),
  audience: audienceProfileSchema,
  credibility: share,
  sponsoredPosts90d: count,
  adDisclosureRate: z.nullable(share),
  brandSafetyFlags: z.array(z.enum(BRAND_SAFETY_FLAGS)),
  platforms: z.array(z.object({ platform: z.enum(PLATFORMS), followers: count })),
  agency: z.nullable(z.string().check(z.minLength(1))),
  feeRange: z.tuple([money, money]),
  dataDate: day,
}) satisfies z.ZodMiniType<CreatorProfile>;

export const recentPostSchema = z.object({
  id: z.string().check(z.minLength(1)),
  postedOn: day,
  views: count,
  likes: count,
  comments: count,
  shares: count,
  sponsored: z.boolean(),
  disclosed: z.boolean(),
}) satisfies z.ZodMiniType<RecentPost>;

export const creatorProfileResponseSchema = z.object({
  creator: creatorProfileSchema,
  recentPosts: z.array(recentPostSchema),
});
export type CreatorProfileResponse = z.infer<typeof creatorProfileResponseSchema>;

export const creatorProfileQueries = {
  details: () => [...creatorQueries.all(), 'detail'] as const,
  /** The full profile and recent posts. */
  profile: (id: string) =>
    queryOptions({
      queryKey: [...creatorProfileQueries.details(), id] as const,
      queryFn: ({ signal }) => getJson(apiUrl(`/api/creators/${encodeURIComponent(id)}`), creatorProfileResponseSchema, signal),
      staleTime: 5 * 60 * 1000,
    }),
};

/** One creator's profile; idle while `id` is null (no panel open). */
export function useCreatorProfile(id: string | null) {
  return useQuery({ ...creatorProfileQueries.profile(id ?? ''), enabled: id !== null });
}
