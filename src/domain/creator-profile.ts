import type { AudienceProfile, Creator } from './types';

/**
 * What a discovery platform knows about a creator beyond the catalog row: who the audience
 * is, how genuine it is, how the creator handles sponsorships, and where else they publish.
 * The vetting the guide asks for ("not on vanity metrics") reads these fields.
 */

export const PLATFORMS = ['instagram', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Brand-safety flags a vetting tool raises from a creator's recent content. */
export const BRAND_SAFETY_FLAGS = ['profanity', 'alcohol', 'gambling', 'political', 'controversy'] as const;
export type BrandSafetyFlag = (typeof BRAND_SAFETY_FLAGS)[number];

export type { AudienceProfile } from './types';

export interface CreatorProfile extends Creator {
  /** ISO 639-1 codes, main language first. */
  languages: string[];
  /** (likes + comments + shares) per post / fans; `engagementRate` is the per-view rate. */
  engagementRatePerFollower: number;
  postsPerWeek: number;
  audience: AudienceProfile;
  /** Share of followers judged real (not bots or inactive), 0-1. */
  credibility: number;
  /** Sponsored posts in the last 90 days. */
  sponsoredPosts90d: number;
  /** Share of those sponsored posts disclosed with #ad; null when there were none. */
  adDisclosureRate: number | null;
  brandSafetyFlags: BrandSafetyFlag[];
  /** Presence on other platforms, with follower counts. */
  platforms: { platform: Platform; followers: number }[];
  /** MCN or talent agency representing the creator; null when independent. */
  agency: string | null;
  /** Estimated fee per post, low and high (USD); `feePerPost` is the central estimate. */
  feeRange: [number, number];
  /** The day these figures were measured (yyyy-MM-dd). */
  dataDate: string;
}

/** One recent post's metrics, for the profile panel. */
export interface RecentPost {
  id: string;
  /** yyyy-MM-dd */
  postedOn: string;
  views: number;
  likes: number;
  comments: number;
  shares: number;
  sponsored: boolean;
  /** Sponsored and carries #ad (always false for unsponsored posts). */
  disclosed: boolean;
}
