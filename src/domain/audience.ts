import { audienceOverlap } from './audience-match';
import type { PlanCreatorLine, Targeting } from './plan';
import { AGE_BANDS, marketKey, type Assumptions, type Country } from './types';

/** One targeted market's part of the audience. */
export interface MarketAudience {
  country: Country;
  /** TikTok users in the market (13+). */
  users: number;
  /** Share of them in the targeted ages and gender. */
  share: number;
  /** People the plan can reach there: users × share. */
  universe: number;
  /** Users who open the app on a given day: users × the daily active share. */
  dailyUsers: number;
}

/** The audience a plan is measured against. */
export interface Audience {
  /** TikTok users of the targeted countries. */
  market: number;
  /** Share of them in the targeted age groups and gender (their weighted share over the markets). */
  demographicShare: number;
  /** People the plan can reach: Σ users × share per market. Every reach figure is out of this. */
  universe: number;
  /** Users of the targeted countries who open the app on a given day. */
  dailyUsers: number;
  byCountry: MarketAudience[];
}

/**
 * The share of market `c`'s users in the targeted age groups (its own split, normalised to sum
 * to 1 so an edited split stays a split) and gender.
 */
export function demographicShareIn(c: Country, targeting: Pick<Targeting, 'ageBands' | 'gender'>, a: Assumptions): number {
  const allAges = AGE_BANDS.reduce((s, band) => s + a[marketKey.ageShare(band, c)], 0);
  const selected = [...new Set(targeting.ageBands)].reduce((s, band) => s + a[marketKey.ageShare(band, c)], 0);
  const ageShare = allAges > 0 ? selected / allAges : 0;
  const female = a[marketKey.femaleShare(c)];
  const genderShare = targeting.gender === 'all' ? 1 : targeting.gender === 'female' ? female : Math.max(0, 1 - female);
  return Math.min(1, Math.max(0, ageShare * genderShare));
}

/** The targeted universe: each targeted market's users narrowed by its own age and gender split. */
export function audienceOf(targeting: Targeting, a: Assumptions): Audience {
  const byCountry = [...new Set(targeting.countries)].map((country): MarketAudience => {
    const users = a[marketKey.universe(country)];
    const share = demographicShareIn(country, targeting, a);
    return { country, users, share, universe: users * share, dailyUsers: users * a.dailyActiveShare };
  });
  const market = byCountry.reduce((s, c) => s + c.users, 0);
  const universe = byCountry.reduce((s, c) => s + c.universe, 0);
  const dailyUsers = byCountry.reduce((s, c) => s + c.dailyUsers, 0);
  return { market, demographicShare: market > 0 ? universe / market : 0, universe, dailyUsers, byCountry };
}

/**
 * The share of a creator's views in the plan's target: their own audience's share in the
 * targeted countries × ages × gender (the catalog's audience data, treated as independent, as
 * platforms report them); for a creator without audience data, the platform's split in the
 * creator's country, or none outside the targeted countries.
 */
export function creatorTargetShare(line: Pick<PlanCreatorLine, 'audience' | 'country'>, targeting: Targeting, a: Assumptions): number {
  if (line.audience) return audienceOverlap(line.audience, targeting);
  const country = targeting.countries.find((c) => c === line.country);
  return country ? demographicShareIn(country, targeting, a) : 0;
}
