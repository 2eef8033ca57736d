import type { AgeBand } from '../types';
import type { AssumptionKey, Assumptions, Country, ProjectionInput } from './input';

export const UNIVERSE_KEY: Record<Country, AssumptionKey> = {
  US: 'universeUS',
  KR: 'universeKR',
  GB: 'universeGB',
  CA: 'universeCA',
  JP: 'universeJP',
};

export const AGE_SHARE_KEY: Record<AgeBand, AssumptionKey> = {
  '13-17': 'ageShare13to17',
  '18-24': 'ageShare18to24',
  '25-34': 'ageShare25to34',
  '35-44': 'ageShare35to44',
  '45-54': 'ageShare45to54',
  '55+': 'ageShare55plus',
};

/** The audience a plan is measured against. */
export interface Audience {
  /** Monthly active users of the targeted countries. */
  market: number;
  /** Share of them in the targeted age groups and gender. */
  demographicShare: number;
  /** People the plan can reach: market × demographic share. Every reach figure is out of this. */
  universe: number;
  byCountry: { country: Country; users: number }[];
}

/**
 * The targeted universe: the countries' users, narrowed by age groups (shares normalised
 * to sum to 1, so an edited split stays a split) and gender. Age split is the same in every market.
 */
export function audienceOf(targeting: ProjectionInput['targeting'], a: Assumptions): Audience {
  const byCountry = [...new Set(targeting.countries)].map((country) => ({ country, users: a[UNIVERSE_KEY[country]] }));
  const market = byCountry.reduce((s, c) => s + c.users, 0);
  const allAges = Object.values(AGE_SHARE_KEY).reduce((s, k) => s + a[k], 0);
  const selectedAges = [...new Set(targeting.ageBands)].reduce((s, band) => s + a[AGE_SHARE_KEY[band]], 0);
  const ageShare = allAges > 0 ? selectedAges / allAges : 0;
  const genderShare =
    targeting.gender === 'all' ? 1 : targeting.gender === 'female' ? a.femaleShare : Math.max(0, 1 - a.femaleShare);
  const demographicShare = Math.min(1, ageShare * genderShare);
  return { market, demographicShare, universe: market * demographicShare, byCountry };
}
