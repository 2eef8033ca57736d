import { differenceInCalendarDays, format } from 'date-fns';
import type { BrandSafetyFlag, CreatorProfile } from './creator-profile';
import { parseIsoDate } from './validation';

/**
 * Red flags for vetting a creator before adding them to a plan: the guide's "not on vanity
 * metrics" check. Each rule is a threshold a marketer can read in one sentence.
 */

/** Share of real followers below which the following is suspect (team assumption; the fit score calls it poor too). */
export const MIN_CREDIBILITY = 0.6;
/** Share of sponsored posts disclosed with #ad below which disclosure is a compliance risk (team assumption). */
export const MIN_AD_DISCLOSURE = 0.8;
/** Days after which a profile's figures are too old to plan on (the 30 days). */
export const MAX_DATA_AGE_DAYS = 30;

export type RedFlagKind = 'credibility' | 'disclosure' | 'brand-safety' | 'stale-data';

export interface RedFlag {
  kind: RedFlagKind;
  /** One sentence for the marketer. */
  message: string;
}

export type VettedProfile = Pick<CreatorProfile, 'credibility' | 'sponsoredPosts90d' | 'adDisclosureRate' | 'brandSafetyFlags' | 'dataDate'>;

const BRAND_SAFETY_MESSAGES: Record<BrandSafetyFlag, string> = {
  profanity: 'Brand safety: recent posts contain profanity',
  alcohol: 'Brand safety: recent posts feature alcohol',
  gambling: 'Brand safety: recent posts feature gambling',
  political: 'Brand safety: recent posts take political positions',
  controversy: 'Brand safety: the creator was recently part of a public controversy',
};

/** Whole percent that never reads as the threshold it is below ("under 60%", not "60%"). */
function percentBelow(share: number, limit: number): string {
  const whole = Math.round(share * 100);
  return whole >= Math.round(limit * 100) ? `under ${Math.round(limit * 100)}%` : `${whole}%`;
}

function credibilityFlag(p: VettedProfile): RedFlag | null {
  if (!(p.credibility < MIN_CREDIBILITY)) return null;
  return { kind: 'credibility', message: `Only ${percentBelow(p.credibility, MIN_CREDIBILITY)} of followers look real` };
}

function disclosureFlag(p: VettedProfile): RedFlag | null {
  const rate = p.adDisclosureRate;
  const n = p.sponsoredPosts90d;
  if (rate === null || n <= 0 || !(rate < MIN_AD_DISCLOSURE)) return null;
  const undisclosed = n - Math.round(rate * n);
  if (undisclosed <= 0) {
    // A rate that is not a count over the posts: say it as a share.
    return { kind: 'disclosure', message: `Only ${percentBelow(rate, MIN_AD_DISCLOSURE)} of sponsored posts in 90 days were disclosed with #ad` };
  }
  const posts = n === 1 ? 'sponsored post' : 'sponsored posts';
  return { kind: 'disclosure', message: `${undisclosed} of ${n} ${posts} in 90 days ${undisclosed === 1 ? 'was' : 'were'} not disclosed with #ad` };
}

function dataAgeFlag(p: VettedProfile, today: Date): RedFlag | null {
  const measured = parseIsoDate(p.dataDate);
  if (!measured) return { kind: 'stale-data', message: 'The data has no valid measurement date: treat every figure as unverified' };
  const days = differenceInCalendarDays(today, measured);
  if (days <= MAX_DATA_AGE_DAYS) return null;
  return { kind: 'stale-data', message: `The data is ${days} days old (measured ${format(measured, 'MMM d, yyyy')}): check the figures again before booking` };
}

/**
 * The profile's red flags, in a fixed order: credibility below 60%, #ad disclosure below 80%
 * of the last 90 days' sponsored posts, each brand-safety flag, data older than 30 days
 * (calendar days before `today`). An empty list means none found.
 */
export function redFlags(profile: VettedProfile, today: Date): RedFlag[] {
  const flags: RedFlag[] = [];
  const credibility = credibilityFlag(profile);
  if (credibility) flags.push(credibility);
  const disclosure = disclosureFlag(profile);
  if (disclosure) flags.push(disclosure);
  for (const flag of profile.brandSafetyFlags) flags.push({ kind: 'brand-safety', message: BRAND_SAFETY_MESSAGES[flag] });
  const age = dataAgeFlag(profile, today);
  if (age) flags.push(age);
  return flags;
}

/** Within this share of the median, a rate reads "about the same". */
const SAME_AS_MEDIAN = 0.05;

/**
 * The creator's per-view engagement against their tier's median, in words: "1.8 times the
 * micro-tier median", "40% below the micro-tier median", "about the same as …". `ratio` is
 * null when the rate or a positive median is missing.
 */
export function engagementVsTier(
  rate: number | null,
  median: number,
  tier: CreatorProfile['tier'],
): { ratio: number | null; words: string } {
  const benchmark = `the ${tier}-tier median`;
  if (!(median > 0) || !Number.isFinite(median)) return { ratio: null, words: `No ${tier}-tier median to compare with` };
  if (rate === null || !Number.isFinite(rate)) return { ratio: null, words: `Not measured: plans use ${benchmark}` };
  const ratio = rate / median;
  if (Math.abs(ratio - 1) < SAME_AS_MEDIAN) return { ratio, words: `About the same as ${benchmark}` };
  if (ratio > 1) return { ratio, words: `${Number(ratio.toFixed(1))} times ${benchmark}` };
  return { ratio, words: `${Math.round((1 - ratio) * 100)}% below ${benchmark}` };
}
