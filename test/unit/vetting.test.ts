import { describe, expect, it } from 'vitest';
import type { BrandSafetyFlag } from '../../src/domain/creator-profile';
import { engagementVsTier, redFlags, type VettedProfile } from '../../src/domain/vetting';

const TODAY = new Date(2026, 2, 31); // Mar 31, 2026, local time
const CLEAN: VettedProfile = {
  credibility: 0.9,
  sponsoredPosts90d: 5,
  adDisclosureRate: 1,
  brandSafetyFlags: [],
  dataDate: '2026-03-20',
};

const messages = (patch: Partial<VettedProfile>) => redFlags({ ...CLEAN, ...patch }, TODAY).map((f) => f.message);

describe('redFlags', () => {
  it('finds none on a clean, recent profile', () => {
    expect(redFlags(CLEAN, TODAY)).toEqual([]);
  });

  it.each([
    [0.54, ['Only 54% of followers look real']],
    [0.3, ['Only 30% of followers look real']],
    [0.599, ['Only under 60% of followers look real']],
    [0.6, []],
    [0.61, []],
  ])('credibility %s', (credibility, expected) => {
    expect(messages({ credibility })).toEqual(expected);
  });

  it.each([
    [5, 0.4, ['3 of 5 sponsored posts in 90 days were not disclosed with #ad']],
    [4, 0.75, ['1 of 4 sponsored posts in 90 days was not disclosed with #ad']],
    [1, 0, ['1 of 1 sponsored post in 90 days was not disclosed with #ad']],
    [5, 0.8, []],
    [5, 1, []],
    [0, null, []],
    [100, 0.799, ['20 of 100 sponsored posts in 90 days were not disclosed with #ad']],
    // Not a count over the posts: said as a share rather than "0 of 1".
    [1, 0.79, ['Only 79% of sponsored posts in 90 days were disclosed with #ad']],
  ])('%i sponsored posts, %s disclosed', (sponsoredPosts90d, adDisclosureRate, expected) => {
    expect(messages({ sponsoredPosts90d, adDisclosureRate })).toEqual(expected);
  });

  it('lists each brand-safety flag', () => {
    const flags: BrandSafetyFlag[] = ['gambling', 'profanity'];
    expect(messages({ brandSafetyFlags: flags })).toEqual([
      'Brand safety: recent posts feature gambling',
      'Brand safety: recent posts contain profanity',
    ]);
  });

  it.each([
    ['2026-03-01', 30, false],
    ['2026-02-28', 31, true],
    ['2026-03-31', 0, false],
    ['2025-12-31', 90, true],
  ])('data measured %s (%i days before today): flagged %s', (dataDate, days, flagged) => {
    const flags = redFlags({ ...CLEAN, dataDate }, TODAY);
    expect(flags.map((f) => f.kind)).toEqual(flagged ? ['stale-data'] : []);
    if (flagged) expect(flags[0]?.message).toMatch(new RegExp(`^The data is ${days} days old \\(measured `));
  });

  it('counts calendar days, whatever the hour today is', () => {
    const lateEvening = new Date(2026, 2, 31, 23, 59);
    expect(redFlags({ ...CLEAN, dataDate: '2026-03-01' }, lateEvening)).toEqual([]);
    expect(redFlags({ ...CLEAN, dataDate: '2026-02-28' }, new Date(2026, 2, 31, 0, 1))).toHaveLength(1);
  });

  it('flags a missing or impossible data date', () => {
    expect(messages({ dataDate: '' })).toEqual(['The data has no valid measurement date: treat every figure as unverified']);
    expect(messages({ dataDate: '2026-02-30' })).toHaveLength(1);
  });

  it('lists every flag in a fixed order', () => {
    const flags = redFlags(
      { credibility: 0.5, sponsoredPosts90d: 2, adDisclosureRate: 0.5, brandSafetyFlags: ['alcohol'], dataDate: '2026-01-01' },
      TODAY,
    );
    expect(flags.map((f) => f.kind)).toEqual(['credibility', 'disclosure', 'brand-safety', 'stale-data']);
  });
});

describe('engagementVsTier', () => {
  it.each([
    [0.09, 0.05, 'micro', 1.8, '1.8 times the micro-tier median'],
    [0.03, 0.05, 'micro', 0.6, '40% below the micro-tier median'],
    [0.051, 0.05, 'mid', 1.02, 'About the same as the mid-tier median'],
  ] as const)('%s vs %s', (rate, median, tier, ratio, words) => {
    const result = engagementVsTier(rate, median, tier);
    expect(result.ratio).toBeCloseTo(ratio, 10);
    expect(result.words).toBe(words);
  });

  it('says when there is nothing to compare', () => {
    expect(engagementVsTier(null, 0.05, 'nano')).toEqual({ ratio: null, words: 'Not measured: plans use the nano-tier median' });
    expect(engagementVsTier(0.05, 0, 'mega')).toEqual({ ratio: null, words: 'No mega-tier median to compare with' });
  });
});
