import { beforeAll, describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { CATALOG_SEED, CATALOG_SIZE, generateCatalog, recentPosts } from '../../mocks/data/catalog-generator';
import { FEE_RANGE } from '../../mocks/data/creators';
import { creatorSchema } from '../../src/api/schemas';
import { BRAND_SAFETY_FLAGS, PLATFORMS, type CreatorProfile } from '../../src/domain/creator-profile';
import { tierForFans } from '../../src/domain/tiers';
import { AGE_BANDS, TIERS, type AssumptionKey, type Niche, type Tier } from '../../src/domain/types';

const AS_OF = '2026-03-01';
const DAY_MS = 86_400_000;
const HANGUL = /[\uac00-\ud7a3]/;
const KANA_OR_KANJI = /[\u3040-\u30ff\u4e00-\u9fff]/;

let catalog: CreatorProfile[] = [];
let generated: CreatorProfile[] = [];
let named = 0;

beforeAll(() => {
  const start = performance.now();
  catalog = generateCatalog({ asOf: AS_OF });
  const ms = performance.now() - start;
  console.info(`generateCatalog: ${catalog.length.toLocaleString('en-US')} creators in ${ms.toFixed(0)} ms`);
  named = catalog.length - CATALOG_SIZE;
  generated = catalog.slice(named);
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const shareOf = (list: readonly CreatorProfile[], test: (c: CreatorProfile) => boolean) => list.filter(test).length / list.length;
const ofTier = (tier: Tier) => generated.filter((c) => c.tier === tier);
const daysBefore = (later: string, earlier: string) => (Date.parse(later) - Date.parse(earlier)) / DAY_MS;

function erAssumption(tier: Tier) {
  const key = `engagementRate${tier.charAt(0).toUpperCase()}${tier.slice(1)}` as AssumptionKey;
  const assumption = ASSUMPTIONS.find((a) => a.key === key);
  if (!assumption?.range) throw new Error(`no cited range for ${key}`);
  return assumption;
}

describe('generateCatalog: determinism', () => {
  it('lists the guide and Kroger creators first, then CATALOG_SIZE generated creators', () => {
    expect(named).toBe(22);
    expect(catalog[0]?.handle).toBe('lorengray');
    expect(catalog.slice(0, named).map((c) => c.source.kind)).toEqual(Array(named).fill('guide'));
    expect(catalog.slice(0, named).map((c) => c.handle)).toContain('cosette');
    expect(generated.every((c) => c.source.kind === 'team-assumption')).toBe(true);
    expect(CATALOG_SEED).toBe(2020);
  });

  it('gives the same catalog for the same seed and day', () => {
    const again = generateCatalog({ seed: CATALOG_SEED, asOf: AS_OF });
    expect(again.length).toBe(catalog.length);
    expect(again.slice(0, 1_000)).toEqual(catalog.slice(0, 1_000));
    for (let i = 1_000; i < catalog.length; i += 4_999) expect(again[i]).toEqual(catalog[i]);
    expect(again.at(-1)).toEqual(catalog.at(-1));
  });

  it('gives a different catalog for another seed', () => {
    const other = generateCatalog({ seed: CATALOG_SEED + 1, size: 200, asOf: AS_OF });
    const same = other.slice(named).filter((c, i) => c.handle === generated[i]?.handle).length;
    expect(same).toBeLessThan(10);
  });

  it('makes a small catalog a prefix of the big one (creator #i does not depend on the size)', () => {
    const small = generateCatalog({ size: 2_000, asOf: AS_OF });
    expect(small).toHaveLength(named + 2_000);
    expect(small).toEqual(catalog.slice(0, named + 2_000));
  });

  it('moves only the data dates when asOf moves', () => {
    const later = generateCatalog({ size: 500, asOf: '2026-03-11' });
    later.forEach((c, i) => {
      const base = catalog[i];
      if (!base) throw new Error(`no creator #${i}`);
      expect(daysBefore(c.dataDate, base.dataDate)).toBe(10);
      expect({ ...c, dataDate: base.dataDate }).toEqual(base);
    });
  });

  it('rejects an asOf that is not a yyyy-MM-dd date', () => {
    expect(() => generateCatalog({ size: 1, asOf: '1 March 2026' })).toThrow(RangeError);
  });
});

describe('generateCatalog: identity', () => {
  it('has unique ids and handles across 100,000 creators, id = handle', () => {
    expect(new Set(catalog.map((c) => c.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((c) => c.handle)).size).toBe(catalog.length);
    expect(catalog.every((c) => c.id === c.handle)).toBe(true);
  });

  it('writes handles as TikTok allows: lowercase letters, digits, dots and underscores, at most 24', () => {
    const bad = generated.filter((c) => !/^[a-z0-9][a-z0-9._]{0,22}[a-z0-9_]$/.test(c.handle));
    expect(bad.map((c) => c.handle)).toEqual([]);
    const withNumber = shareOf(generated, (c) => /\d/.test(c.handle));
    expect(withNumber).toBeGreaterThan(0.1);
    expect(withNumber).toBeLessThan(0.6);
  });

  it('gives Korean creators Hangul names, Japanese creators kana or kanji, and a meaningful Korean share', () => {
    const kr = generated.filter((c) => c.country === 'KR');
    expect(kr.length / generated.length).toBeGreaterThan(0.12);
    expect(kr.length / generated.length).toBeLessThan(0.18);
    expect(kr.filter((c) => !HANGUL.test(c.displayName)).map((c) => c.displayName)).toEqual([]);
    expect(kr.every((c) => HANGUL.test(c.bio))).toBe(true);
    const jp = generated.filter((c) => c.country === 'JP');
    expect(jp.filter((c) => !KANA_OR_KANJI.test(c.displayName)).map((c) => c.displayName)).toEqual([]);
    const us = generated.filter((c) => c.country === 'US');
    expect(us.some((c) => HANGUL.test(c.displayName) || KANA_OR_KANJI.test(c.displayName))).toBe(false);
  });

  it.each([
    ['KR', 'ko'],
    ['JP', 'ja'],
    ['US', 'en'],
    ['GB', 'en'],
    ['DE', 'de'],
    ['FR', 'fr'],
    ['BR', 'pt'],
    ['MX', 'es'],
    ['ID', 'id'],
  ])('speaks the language of %s first (%s)', (country, language) => {
    const creators = generated.filter((c) => c.country === country);
    expect(creators.length).toBeGreaterThan(1_000);
    expect(creators.every((c) => c.languages[0] === language && new Set(c.languages).size === c.languages.length)).toBe(true);
  });

  it('adds English for about a third of Korean creators', () => {
    const share = shareOf(
      generated.filter((c) => c.country === 'KR'),
      (c) => c.languages.includes('en'),
    );
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
  });

  it('serves rows the creators API schema accepts', () => {
    for (let i = 0; i < catalog.length; i += 997) expect(() => creatorSchema.parse(catalog[i])).not.toThrow();
  });
});

describe('generateCatalog: reach, engagement and fees follow the cited benchmarks', () => {
  it('assigns every creator the tier of its fans, mostly nano and micro, few mega, up to 50M fans', () => {
    expect(catalog.filter((c) => c.tier !== tierForFans(c.fans)).map((c) => c.handle)).toEqual([]);
    expect(generated.every((c) => Number.isInteger(c.fans) && c.fans >= 1_000 && c.fans < 50_000_000)).toBe(true);
    expect(shareOf(generated, (c) => c.tier === 'nano' || c.tier === 'micro')).toBeGreaterThan(0.75);
    expect(shareOf(generated, (c) => c.tier === 'mega')).toBeLessThan(0.03);
    expect(ofTier('mega').length).toBeGreaterThan(1_000);
  });

  it('puts median views per post at about 14.49% of fans, with about 8% unmeasured', () => {
    const measured = generated.filter((c) => c.avgViews !== null);
    expect(median(measured.map((c) => (c.avgViews ?? 0) / c.fans))).toBeGreaterThan(0.1);
    expect(median(measured.map((c) => (c.avgViews ?? 0) / c.fans))).toBeLessThan(0.2);
    expect(1 - measured.length / generated.length).toBeGreaterThan(0.06);
    expect(1 - measured.length / generated.length).toBeLessThan(0.1);
  });

  it('gives mega creators a heavy tail: most just above 1M, few over 10M, so the guide’s named creators rank near the top', () => {
    const mega = ofTier('mega').map((c) => c.fans).sort((a, b) => a - b);
    const median = mega[Math.floor(mega.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(1_200_000);
    expect(median).toBeLessThan(1_700_000);
    const over10M = mega.filter((f) => f > 10_000_000).length / mega.length;
    expect(over10M).toBeGreaterThan(0.004);
    expect(over10M).toBeLessThan(0.02);
    // @lorengray (33.8M, the guide's largest listed) is in the top 10 of the whole catalog.
    const rank = catalog.filter((c) => c.fans > 33_800_000).length;
    expect(rank).toBeLessThan(10);
  });

  it('lets the median per-view engagement fall with tier: nano > micro > mid > macro >= mega', () => {
    const medians = TIERS.map((tier) => median(ofTier(tier).flatMap((c) => (c.engagementRate === null ? [] : [c.engagementRate]))));
    const [nano = 0, micro = 0, mid = 0, macro = 0, mega = 0] = medians;
    expect(nano).toBeGreaterThan(micro);
    expect(micro).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(macro);
    expect(macro).toBeGreaterThanOrEqual(mega);
    const unmeasured = shareOf(generated, (c) => c.engagementRate === null);
    expect(unmeasured).toBeGreaterThan(0.03);
    expect(unmeasured).toBeLessThan(0.07);
  });

  it.each(TIERS)('keeps the %s median per-view engagement inside its cited range', (tier) => {
    const [lo, hi] = erAssumption(tier).range ?? [0, 0];
    const m = median(ofTier(tier).flatMap((c) => (c.engagementRate === null ? [] : [c.engagementRate])));
    expect(m).toBeGreaterThanOrEqual(lo);
    expect(m).toBeLessThanOrEqual(hi);
  });

  it('derives the per-follower rate from the per-view rate and views, falling with tier', () => {
    const both = generated.filter((c) => c.engagementRate !== null && c.avgViews !== null);
    const worst = Math.max(...both.map((c) => Math.abs(c.engagementRatePerFollower - ((c.engagementRate ?? 0) * (c.avgViews ?? 0)) / c.fans)));
    expect(worst).toBeLessThanOrEqual(5e-6 + 1e-12);
    const medians = TIERS.map((tier) => median(ofTier(tier).map((c) => c.engagementRatePerFollower)));
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
    expect(catalog.every((c) => c.engagementRatePerFollower > 0 && c.engagementRatePerFollower < 1)).toBe(true);
  });

  it.each(TIERS)('keeps the %s median fee inside FEE_RANGE and the range around the fee', (tier) => {
    const creators = ofTier(tier);
    const [lo, hi] = FEE_RANGE[tier];
    const m = median(creators.map((c) => c.feePerPost));
    expect(m).toBeGreaterThanOrEqual(lo);
    expect(m).toBeLessThanOrEqual(hi);
    expect(creators.filter((c) => !(c.feeRange[0] < c.feePerPost && c.feePerPost < c.feeRange[1])).map((c) => c.handle)).toEqual([]);
    // Bigger is pricier within the tier.
    const byFans = [...creators].sort((a, b) => a.fans - b.fans);
    const half = Math.floor(byFans.length / 2);
    expect(median(byFans.slice(half).map((c) => c.feePerPost))).toBeGreaterThan(median(byFans.slice(0, half).map((c) => c.feePerPost)));
  });

  it('quotes fees and ranges in $5 steps, $50 from $1,000', () => {
    const offStep = (n: number) => (n < 1_000 ? n % 5 !== 0 : n % 50 !== 0);
    expect(generated.filter((c) => offStep(c.feePerPost) || offStep(c.feeRange[0]) || offStep(c.feeRange[1])).map((c) => c.handle)).toEqual([]);
  });
});

describe('generateCatalog: audience, vetting and sponsorship', () => {
  it('splits every audience over the age bands summing to 1, younger for gaming than for family', () => {
    const bands = [...AGE_BANDS].sort().join();
    const bad = catalog.filter((c) => {
      const shares = c.audience.ageShares;
      const sum = AGE_BANDS.reduce((s, band) => s + shares[band], 0);
      return Math.abs(sum - 1) > 1e-9 || AGE_BANDS.some((band) => !(shares[band] >= 0)) || Object.keys(shares).sort().join() !== bands;
    });
    expect(bad.map((c) => c.handle)).toEqual([]);
    const under25 = (niche: Niche) =>
      median(generated.filter((c) => c.niche === niche).map((c) => c.audience.ageShares['13-17'] + c.audience.ageShares['18-24']));
    expect(under25('gaming')).toBeGreaterThan(under25('education'));
    expect(under25('dance')).toBeGreaterThan(under25('family'));
  });

  it('skews the female share by niche', () => {
    const female = (niche: Niche) => median(generated.filter((c) => c.niche === niche).map((c) => c.audience.femaleShare));
    expect(female('beauty')).toBeGreaterThan(0.7);
    expect(female('fashion')).toBeGreaterThan(0.65);
    expect(female('gaming')).toBeLessThan(0.35);
    expect(female('sports')).toBeLessThan(0.35);
    expect(catalog.every((c) => c.audience.femaleShare >= 0 && c.audience.femaleShare <= 1)).toBe(true);
  });

  it('lists 3-5 distinct top countries, largest first, shares summing to at most 1, mostly led by home', () => {
    for (const c of catalog) {
      const top = c.audience.topCountries;
      const sum = top.reduce((s, t) => s + t.share, 0);
      const ok =
        top.length >= 3 &&
        top.length <= 5 &&
        new Set(top.map((t) => t.country)).size === top.length &&
        top.every((t, i) => t.share > 0 && /^[A-Z]{2}$/.test(t.country) && t.share <= (top[i - 1]?.share ?? 1)) &&
        sum <= 1 &&
        top.some((t) => t.country === c.country);
      if (!ok) throw new Error(`${c.handle}: ${JSON.stringify(top)}`);
    }
    const homeLeads = shareOf(generated, (c) => c.audience.topCountries[0]?.country === c.country);
    expect(homeLeads).toBeGreaterThan(0.8);
    expect(homeLeads).toBeLessThan(0.95);
  });

  it('keeps credibility mostly 0.75-0.97, with about 7% below 0.6', () => {
    expect(catalog.every((c) => c.credibility >= 0 && c.credibility <= 1)).toBe(true);
    const low = shareOf(generated, (c) => c.credibility < 0.6);
    expect(low).toBeGreaterThan(0.05);
    expect(low).toBeLessThan(0.09);
    expect(shareOf(generated, (c) => c.credibility >= 0.75 && c.credibility <= 0.97)).toBeGreaterThan(0.9);
    expect(catalog.slice(0, named).every((c) => c.credibility >= 0.75)).toBe(true);
  });

  it('has a #ad disclosure rate exactly when there were sponsored posts, as a share of them', () => {
    const bad = catalog.filter(
      (c) =>
        !Number.isInteger(c.sponsoredPosts90d) ||
        c.sponsoredPosts90d < 0 ||
        c.sponsoredPosts90d > 12 ||
        (c.adDisclosureRate === null) !== (c.sponsoredPosts90d === 0) ||
        (c.adDisclosureRate !== null &&
          (c.adDisclosureRate < 0 ||
            c.adDisclosureRate > 1 ||
            Math.abs(c.adDisclosureRate * c.sponsoredPosts90d - Math.round(c.adDisclosureRate * c.sponsoredPosts90d)) > 1e-9)),
    );
    expect(bad.map((c) => c.handle)).toEqual([]);
    const sponsoring = generated.filter((c) => c.adDisclosureRate !== null);
    const poor = shareOf(sponsoring, (c) => (c.adDisclosureRate ?? 1) < 0.5);
    expect(poor).toBeGreaterThan(0.09);
    expect(poor).toBeLessThan(0.15);
    expect(median(sponsoring.map((c) => c.adDisclosureRate ?? 0))).toBeGreaterThan(0.8);
  });

  it('sells more sponsored posts as the tier rises', () => {
    const means = TIERS.map((tier) => {
      const creators = ofTier(tier);
      return creators.reduce((s, c) => s + c.sponsoredPosts90d, 0) / creators.length;
    });
    expect(means).toEqual([...means].sort((a, b) => a - b));
    expect(means[0]).toBeLessThan(means[4] ?? 0);
  });

  it('flags about 8% for brand safety, with one or two known flags', () => {
    expect(catalog.every((c) => c.brandSafetyFlags.length <= 2 && new Set(c.brandSafetyFlags).size === c.brandSafetyFlags.length)).toBe(true);
    expect(catalog.every((c) => c.brandSafetyFlags.every((f) => BRAND_SAFETY_FLAGS.includes(f)))).toBe(true);
    const flagged = shareOf(generated, (c) => c.brandSafetyFlags.length > 0);
    expect(flagged).toBeGreaterThan(0.06);
    expect(flagged).toBeLessThan(0.1);
  });

  it('puts about 70% on Instagram and 40% on YouTube, followers growing with TikTok fans', () => {
    const on = (platform: string) => shareOf(generated, (c) => c.platforms.some((p) => p.platform === platform));
    expect(on('instagram')).toBeGreaterThan(0.65);
    expect(on('instagram')).toBeLessThan(0.75);
    expect(on('youtube')).toBeGreaterThan(0.35);
    expect(on('youtube')).toBeLessThan(0.45);
    expect(catalog.every((c) => c.platforms.every((p) => PLATFORMS.includes(p.platform) && Number.isInteger(p.followers) && p.followers > 0))).toBe(true);
    const igFollowers = (tier: Tier) => median(ofTier(tier).flatMap((c) => c.platforms.filter((p) => p.platform === 'instagram').map((p) => p.followers)));
    expect(igFollowers('mega')).toBeGreaterThan(igFollowers('mid'));
    expect(igFollowers('mid')).toBeGreaterThan(igFollowers('nano'));
  });

  it('leaves about 65% without an agency', () => {
    const independent = shareOf(generated, (c) => c.agency === null);
    expect(independent).toBeGreaterThan(0.6);
    expect(independent).toBeLessThan(0.7);
    expect(new Set(generated.flatMap((c) => (c.agency === null ? [] : [c.agency]))).size).toBeGreaterThan(5);
  });

  it('posts 1-14 times a week and dates data 0-75 days before asOf, about 15% older than 30 days', () => {
    expect(catalog.every((c) => c.postsPerWeek >= 1 && c.postsPerWeek <= 14)).toBe(true);
    const ages = catalog.map((c) => daysBefore(AS_OF, c.dataDate));
    expect(ages.every((d) => Number.isInteger(d) && d >= 0 && d <= 75)).toBe(true);
    const stale = ages.filter((d) => d > 30).length / ages.length;
    expect(stale).toBeGreaterThan(0.12);
    expect(stale).toBeLessThan(0.18);
  });

  it('writes varied, niche-flavoured bios', () => {
    expect(new Set(generated.map((c) => c.bio)).size).toBeGreaterThan(1_000);
    expect(generated.filter((c) => c.niche === 'food').some((c) => /recipes/i.test(c.bio))).toBe(true);
    expect(generated.filter((c) => c.niche === 'beauty').some((c) => /skincare/i.test(c.bio))).toBe(true);
  });
});

describe('recentPosts', () => {
  const sample = () => generated.filter((_, i) => i % 97 === 0);

  it('is the same for the same creator, whatever object carries it', () => {
    for (const c of sample().slice(0, 50)) {
      expect(recentPosts(c)).toEqual(recentPosts(structuredClone(c)));
    }
    const [a, b] = generated;
    if (!a || !b) throw new Error('catalog too small');
    expect(recentPosts(a)).not.toEqual(recentPosts(b));
    expect(recentPosts(a, 30).slice(0, 12)).toEqual(recentPosts(a));
  });

  it('lists the latest posts first, going back from the data date', () => {
    for (const c of sample()) {
      const posts = recentPosts(c);
      expect(posts).toHaveLength(12);
      expect(new Set(posts.map((p) => p.id)).size).toBe(12);
      expect(posts.every((p, i) => p.postedOn <= (posts[i - 1]?.postedOn ?? c.dataDate))).toBe(true);
    }
  });

  it.each([12, 60])('keeps sponsored and #ad flags of %i posts consistent with the 90-day counts and disclosure rate', (count) => {
    let shown = 0;
    let expected = 0;
    for (const c of sample()) {
      const posts = recentPosts(c, count);
      const inWindow = posts.filter((p) => daysBefore(c.dataDate, p.postedOn) < 90);
      const sponsored = inWindow.filter((p) => p.sponsored).length;
      const disclosed = inWindow.filter((p) => p.disclosed).length;
      const disclosable = Math.round((c.adDisclosureRate ?? 0) * c.sponsoredPosts90d);
      expect(posts.every((p) => p.sponsored || !p.disclosed)).toBe(true);
      expect(sponsored).toBeLessThanOrEqual(c.sponsoredPosts90d);
      expect(disclosed).toBeLessThanOrEqual(disclosable);
      if (c.sponsoredPosts90d === 0) expect(posts.some((p) => p.sponsored)).toBe(false);
      if (c.adDisclosureRate === 1) expect(posts.every((p) => p.disclosed === p.sponsored)).toBe(true);
      shown += sponsored;
      expected += (c.sponsoredPosts90d * Math.min(inWindow.length, Math.round(c.postsPerWeek * (90 / 7)))) / Math.round(c.postsPerWeek * (90 / 7));
    }
    expect(shown / expected).toBeGreaterThan(0.8);
    expect(shown / expected).toBeLessThan(1.2);
  });

  it('spreads views around the average and splits views × engagement rate, mostly into likes', () => {
    const viewRatios: number[] = [];
    const erRatios: number[] = [];
    for (const c of sample()) {
      const posts = recentPosts(c);
      const base = c.avgViews ?? c.fans * 0.1449;
      viewRatios.push(posts.reduce((s, p) => s + p.views, 0) / posts.length / base);
      for (const p of posts) {
        expect(Number.isInteger(p.views) && p.likes >= 0 && p.comments >= 0 && p.shares >= 0).toBe(true);
        const engagements = p.likes + p.comments + p.shares;
        expect(p.likes).toBeGreaterThanOrEqual(p.comments + p.shares);
        if (c.engagementRate !== null && p.views >= 1_000) erRatios.push(engagements / p.views / c.engagementRate);
      }
    }
    expect(median(viewRatios)).toBeGreaterThan(0.8);
    expect(median(viewRatios)).toBeLessThan(1.2);
    expect(median(erRatios)).toBeGreaterThan(0.9);
    expect(median(erRatios)).toBeLessThan(1.1);
  });
});
