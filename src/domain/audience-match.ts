import { AGE_BANDS, type AgeBand, type AudienceProfile, type Country, type Gender } from './types';

/**
 * How much of a creator's measured audience a plan targets. Shared by the fit score (vetting)
 * and the projection (a creator's in-target views), so the two agree; small, so the projection
 * needn't load the fit score's code.
 */

export interface AudienceTarget {
  countries: readonly Country[];
  ageBands: readonly AgeBand[];
  gender: Gender;
}

/** 0-1; NaN (a broken input) scores 0 so a score is never NaN. */
export function clamp01(x: number): number {
  return x > 0 ? (x < 1 ? x : 1) : 0;
}

/** Share of the audience in the targeted countries; a country listed twice counts once. */
export function countryShare(audience: AudienceProfile, countries: readonly Country[]): number {
  let sum = 0;
  for (const entry of audience.topCountries) {
    for (const c of countries) {
      if (c === entry.country) {
        sum += entry.share;
        break;
      }
    }
  }
  return clamp01(sum);
}

export function ageShare(audience: AudienceProfile, ageBands: readonly AgeBand[]): number {
  let sum = 0;
  for (const band of AGE_BANDS) if (ageBands.includes(band)) sum += audience.ageShares[band];
  return clamp01(sum);
}

/** The rest of `femaleShare` is male or undisclosed, so the male share is an upper bound. */
export function genderShare(audience: AudienceProfile, gender: Gender): number {
  return gender === 'all' ? 1 : gender === 'female' ? clamp01(audience.femaleShare) : clamp01(1 - audience.femaleShare);
}

/**
 * Audience match: countries × age groups × gender, each the creator's share in the
 * targeting, treated as independent (platforms report them separately). Scored as is: a
 * 0.62 match scores 0.62. Only listed top countries count, so the match is a floor.
 */
export function audienceOverlap(audience: AudienceProfile, target: AudienceTarget): number {
  return countryShare(audience, target.countries) * ageShare(audience, target.ageBands) * genderShare(audience, target.gender);
}

