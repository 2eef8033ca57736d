/** Fit score: each component's mapping, the goal weights, and invariants over random profiles (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AudienceProfile } from '../../src/domain/creator-profile';
import {
  DEFAULT_REFERENCE_CPE,
  FIT_COMPONENT_KEYS,
  FIT_WEIGHTS,
  fitBenchmarksFrom,
  fitScore,
  fitScoreValue,
  NEUTRAL_DISCLOSURE_SCORE,
  scoreCostPerEngagement,
  scoreCredibility,
  scoreDisclosure,
  scoreEngagementRatio,
  type FitComponent,
  type FitComponentKey,
  type FitCreator,
  type FitTarget,
} from '../../src/domain/fit';
import { AGE_BANDS, COUNTRIES, GENDERS, GOALS, TIERS, type AgeBand } from '../../src/domain/types';
import { defaultAssumptions } from './plan-fixtures';

/** The published benchmarks the planner ships with (tier medians, 14.49% views per follower). */
const B = fitBenchmarksFrom(defaultAssumptions());
const RUNS = { numRuns: 200 };

const EVEN_AGES: Record<AgeBand, number> = { '13-17': 0.1, '18-24': 0.4, '25-34': 0.3, '35-44': 0.1, '45-54': 0.05, '55+': 0.05 };

function audience(overrides: Partial<AudienceProfile> = {}): AudienceProfile {
  return { ageShares: EVEN_AGES, femaleShare: 0.5, topCountries: [{ country: 'US', share: 1 }], ...overrides };
}

/** A micro creator at the tier median with a fully matched audience, unless overridden. */
function creator(overrides: Partial<FitCreator> = {}): FitCreator {
  return {
    tier: 'micro',
    fans: 50_000,
    avgViews: 10_000,
    engagementRate: B.tierEngagement.micro,
    feePerPost: 500,
    credibility: 0.9,
    sponsoredPosts90d: 4,
    adDisclosureRate: 1,
    audience: audience(),
    ...overrides,
  };
}

const ALL: FitTarget = { countries: ['US'], ageBands: [...AGE_BANDS], gender: 'all', goal: 'awareness' };

function component(c: FitCreator, target: FitTarget, key: FitComponentKey, referenceCpe?: number): FitComponent {
  const result = fitScore(c, target, B, referenceCpe === undefined ? undefined : { referenceCpe });
  const found = result.components.find((x) => x.key === key);
  if (!found) throw new Error(`no ${key} component`);
  return found;
}

describe('component mappings at their anchor points', () => {
  it.each([
    [0, 0],
    [0.1, 0],
    [0.25, 0],
    [0.5, 0.25],
    [1, 0.5],
    [Math.SQRT2, 0.75],
    [2, 1],
    [5, 1],
  ])('engagement ratio %s to the tier median scores %s', (ratio, expected) => {
    expect(scoreEngagementRatio(ratio)).toBeCloseTo(expected, 12);
  });

  it.each([
    [0.3, 0],
    [0.5, 0],
    [0.6, 0.1 / 0.45],
    [0.725, 0.5],
    [0.95, 1],
    [1, 1],
  ])('credibility %s scores %s', (real, expected) => {
    expect(scoreCredibility(real)).toBeCloseTo(expected, 12);
  });

  it.each([
    [null, 0.75],
    [0, 0],
    [0.5, 0.5],
    [1, 1],
  ])('disclosure rate %s scores %s', (rate, expected) => {
    expect(scoreDisclosure(rate)).toBeCloseTo(expected, 12);
  });

  it.each([
    [0, 1],
    [0.01, 1],
    [0.025, 1],
    [0.05, 0.75],
    [0.1, 0.5],
    [0.2, 0.25],
    [0.4, 0],
    [1, 0],
    [null, 0],
  ])('cost per engagement $%s against a $0.10 reference scores %s', (cpe, expected) => {
    expect(scoreCostPerEngagement(cpe, 0.1)).toBeCloseTo(expected, 12);
  });

  it.each([
    [DEFAULT_REFERENCE_CPE / 4, 1],
    [DEFAULT_REFERENCE_CPE, 0.5],
    [DEFAULT_REFERENCE_CPE * 4, 0],
  ])('with the default reference, a creator costing $%s per in-target engagement scores %s on cost', (cpe, expected) => {
    // 10,000 views × 5.96% × full match = 596 engagements a post.
    const c = creator({ feePerPost: cpe * 10_000 * B.tierEngagement.micro });
    const cost = component(c, ALL, 'cost');
    expect(cost.raw).toBeCloseTo(cpe, 9);
    expect(cost.score).toBeCloseTo(expected, 9);
  });

  it('the default reference is $1.50 per in-target engagement', () => {
    expect(DEFAULT_REFERENCE_CPE).toBe(1.5);
  });

  it('the reference option moves the cost anchors', () => {
    const c = creator({ feePerPost: 0.1 * 10_000 * B.tierEngagement.micro });
    expect(component(c, ALL, 'cost', 0.1).score).toBeCloseTo(0.5, 9);
    expect(component(c, ALL, 'cost', 0.4).score).toBeCloseTo(1, 9);
  });
});

describe('audience match', () => {
  const a = audience({
    topCountries: [
      { country: 'US', share: 0.5 },
      { country: 'GB', share: 0.2 },
      { country: 'FR', share: 0.1 },
    ],
    femaleShare: 0.6,
  });
  it.each<[string, FitTarget, number]>([
    ['two countries, all ages, all genders', { ...ALL, countries: ['US', 'GB'] }, 0.7],
    ['a country listed twice counts once', { ...ALL, countries: ['US', 'US'] }, 0.5],
    ['a country outside the audience adds nothing', { ...ALL, countries: ['US', 'JP'] }, 0.5],
    ['one age band', { ...ALL, countries: ['US', 'GB'], ageBands: ['18-24'] }, 0.7 * 0.4],
    ['female uses femaleShare', { ...ALL, countries: ['US', 'GB'], ageBands: ['18-24'], gender: 'female' }, 0.7 * 0.4 * 0.6],
    ['male uses 1 - femaleShare', { ...ALL, countries: ['US', 'GB'], ageBands: ['18-24'], gender: 'male' }, 0.7 * 0.4 * 0.4],
    ['no targeted country in the audience', { ...ALL, countries: ['KR'] }, 0],
  ])('%s', (_, target, expected) => {
    const match = component(creator({ audience: a }), target, 'audience');
    expect(match.raw).toBeCloseTo(expected, 12);
    expect(match.score).toBeCloseTo(expected, 12);
  });

  it('says in plain English how much of the audience is in the targeting', () => {
    const c = creator({ audience: audience({ topCountries: [{ country: 'US', share: 0.78 }], ageShares: { ...EVEN_AGES, '18-24': 0.5, '25-34': 0.3, '13-17': 0.05 } }) });
    expect(component(c, { ...ALL, ageBands: ['18-24', '25-34'] }, 'audience').detail).toMatch(/^62% of the audience is in your countries and age groups/);
    expect(component(c, { ...ALL, gender: 'female' }, 'audience').detail).toMatch(/in your countries, age groups and gender .*50% female/);
    const tiny = creator({ audience: audience({ topCountries: [{ country: 'US', share: 0.004 }] }) });
    expect(component(tiny, ALL, 'audience').detail).toMatch(/^Under 1% of the audience/);
  });
});

describe('engagement vs tier median', () => {
  it.each(TIERS)('a %s creator with no measured rate is scored at the tier median (0.5) and told so', (tier) => {
    const c = creator({ tier, engagementRate: null });
    const e = component(c, ALL, 'engagement');
    expect(e.score).toBe(0.5);
    expect(e.raw).toBe(1);
    expect(e.detail).toMatch(new RegExp(`No measured engagement rate: scored at the ${tier}-tier median`));
  });

  it('a missing rate uses the tier median for expected engagements too', () => {
    const c = creator({ tier: 'mid', engagementRate: null, avgViews: 20_000, feePerPost: 1_000 });
    expect(component(c, ALL, 'cost').raw).toBeCloseTo(1_000 / (20_000 * B.tierEngagement.mid), 12);
  });

  it('compares with the creator’s own tier', () => {
    const rate = 0.05;
    expect(component(creator({ tier: 'mega', engagementRate: rate }), ALL, 'engagement').raw).toBeCloseTo(rate / B.tierEngagement.mega, 12);
    expect(component(creator({ tier: 'nano', engagementRate: rate }), ALL, 'engagement').raw).toBeCloseTo(rate / B.tierEngagement.nano, 12);
  });
});

describe('credibility and disclosure', () => {
  it('calls credibility under 60% poor', () => {
    expect(component(creator({ credibility: 0.55 }), ALL, 'credibility').detail).toMatch(/poor/);
    expect(component(creator({ credibility: 0.6 }), ALL, 'credibility').detail).not.toMatch(/poor/);
  });

  it('no sponsored posts is neutral and says so', () => {
    const d = component(creator({ sponsoredPosts90d: 0, adDisclosureRate: null }), ALL, 'disclosure');
    expect(d.score).toBe(NEUTRAL_DISCLOSURE_SCORE);
    expect(d.raw).toBeNull();
    expect(d.detail).toMatch(/no sponsored posts in 90 days/i);
  });

  it.each<[number, number, string]>([
    [1, 1, '100% of 1 sponsored post in 90 days disclosed with #ad'],
    [0.8, 10, '80% of 10 sponsored posts in 90 days disclosed with #ad'],
  ])('disclosure %s of %s posts reads "%s"', (rate, posts, detail) => {
    expect(component(creator({ adDisclosureRate: rate, sponsoredPosts90d: posts }), ALL, 'disclosure').detail).toBe(detail);
  });
});

describe('cost per expected engagement', () => {
  it('falls back to fans × the 14.49% view rate without measured views', () => {
    const c = creator({ avgViews: null, fans: 100_000, feePerPost: 1_000 });
    expect(B.viewRate).toBe(0.1449);
    expect(component(c, ALL, 'cost').raw).toBeCloseTo(1_000 / (100_000 * 0.1449 * B.tierEngagement.micro), 12);
  });

  it('states the cost, the fee, the engagements and the reference', () => {
    // 10,000 views × 5% × full match = 500 engagements; $600 ÷ 500 = $1.20.
    expect(component(creator({ engagementRate: 0.05, feePerPost: 600 }), ALL, 'cost').detail).toBe(
      '$1.20 per expected engagement in your audience ($600 fee ÷ 500 engagements a post); $1.50 scores half',
    );
  });

  it('counts only engagements in the targeting', () => {
    const c = creator({ audience: audience({ topCountries: [{ country: 'US', share: 0.25 }] }), feePerPost: 600 });
    expect(component(c, ALL, 'cost').raw).toBeCloseTo(600 / (10_000 * B.tierEngagement.micro * 0.25), 12);
  });

  it.each<[string, Partial<FitCreator>, FitTarget, RegExp]>([
    ['no audience in the targeting', {}, { ...ALL, countries: ['KR'] }, /none of the audience is in your targeting/],
    ['no views', { avgViews: 0 }, ALL, /no views expected/],
    ['a 0% engagement rate', { engagementRate: 0 }, ALL, /engagement rate of 0%/],
  ])('zero expected engagements (%s) scores 0 and says why', (_, overrides, target, why) => {
    const cost = component(creator(overrides), target, 'cost');
    expect(cost.score).toBe(0);
    expect(cost.raw).toBeNull();
    expect(cost.detail).toMatch(why);
  });
});

describe('goal weights', () => {
  it.each(GOALS)('the %s row has every component, none negative, and sums to 1', (goal) => {
    const row = FIT_WEIGHTS[goal];
    expect(Object.keys(row).sort()).toEqual([...FIT_COMPONENT_KEYS].sort());
    for (const key of FIT_COMPONENT_KEYS) expect(row[key]).toBeGreaterThanOrEqual(0);
    expect(FIT_COMPONENT_KEYS.reduce((s, k) => s + row[k], 0)).toBeCloseTo(1, 12);
  });

  const topTwo = (goal: (typeof GOALS)[number]) =>
    [...FIT_COMPONENT_KEYS].sort((x, y) => FIT_WEIGHTS[goal][y] - FIT_WEIGHTS[goal][x]).slice(0, 2).sort();
  it.each<[(typeof GOALS)[number], FitComponentKey[]]>([
    ['awareness', ['audience', 'cost']],
    ['app-installs', ['audience', 'credibility']],
    ['sales', ['audience', 'credibility']],
  ])('%s leans on %j', (goal, expected) => {
    expect(topTwo(goal)).toEqual(expected);
  });
  it.each(['engagement', 'ugc'] as const)('%s leans on engagement vs tier', (goal) => {
    expect(topTwo(goal)[0] === 'engagement' || topTwo(goal)[1] === 'engagement').toBe(true);
    expect(Math.max(...FIT_COMPONENT_KEYS.map((k) => FIT_WEIGHTS[goal][k]))).toBe(FIT_WEIGHTS[goal].engagement);
  });

  it('the goal changes the score through its weights', () => {
    const c = creator({ credibility: 0.5, engagementRate: 2 * B.tierEngagement.micro });
    const byGoal = GOALS.map((goal) => fitScore(c, { ...ALL, goal }, B));
    expect(byGoal.find((_, i) => GOALS[i] === 'engagement')?.value).toBeGreaterThan(byGoal.find((_, i) => GOALS[i] === 'sales')?.value ?? Infinity);
  });
});

describe('the total', () => {
  it.each(GOALS)('a creator perfect on every component scores 100 for %s; one at 0 on all scores 0', (goal) => {
    const perfect = creator({ engagementRate: 1, credibility: 1, adDisclosureRate: 1, feePerPost: 0 });
    expect(fitScore(perfect, { ...ALL, goal }, B).score).toBe(100);
    const worst = creator({ engagementRate: 0, credibility: 0, adDisclosureRate: 0, audience: audience({ topCountries: [] }) });
    expect(fitScore(worst, { ...ALL, goal }, B).score).toBe(0);
  });

  it('is 100 × the weighted component scores, rounded to one decimal', () => {
    const c = creator({ credibility: 0.8, adDisclosureRate: 0.5, feePerPost: 777, engagementRate: 0.07 });
    const r = fitScore(c, { ...ALL, goal: 'sales' }, B);
    const sum = r.components.reduce((s, x) => s + x.weight * x.score, 0);
    expect(r.value).toBeCloseTo(100 * sum, 10);
    expect(r.score).toBe(Math.round(r.value * 10) / 10);
    expect(r.components.map((x) => x.key)).toEqual([...FIT_COMPONENT_KEYS]);
  });

  it.each(GOALS)('for %s, a micro creator with a matched, genuine audience outranks a mega creator whose audience is elsewhere', (goal) => {
    const target: FitTarget = { countries: ['US'], ageBands: ['18-24', '25-34'], gender: 'all', goal };
    const small = creator({
      fans: 60_000,
      avgViews: 9_000,
      engagementRate: 0.08,
      feePerPost: 600,
      credibility: 0.93,
      audience: audience({
        topCountries: [{ country: 'US', share: 0.78 }, { country: 'CA', share: 0.08 }],
        ageShares: { '13-17': 0.1, '18-24': 0.55, '25-34': 0.25, '35-44': 0.06, '45-54': 0.03, '55+': 0.01 },
      }),
    });
    const mega = creator({
      tier: 'mega',
      fans: 8_000_000,
      avgViews: 1_200_000,
      engagementRate: 0.02,
      feePerPost: 60_000,
      credibility: 0.72,
      sponsoredPosts90d: 10,
      adDisclosureRate: 0.5,
      audience: audience({
        topCountries: [{ country: 'BR', share: 0.45 }, { country: 'MX', share: 0.2 }, { country: 'US', share: 0.05 }],
        ageShares: { '13-17': 0.45, '18-24': 0.35, '25-34': 0.12, '35-44': 0.05, '45-54': 0.02, '55+': 0.01 },
      }),
    });
    expect(fitScoreValue(small, target, B)).toBeGreaterThan(fitScoreValue(mega, target, B));
    expect(fitScore(small, target, B).score).toBeGreaterThan(fitScore(mega, target, B).score);
  });
});

describe('totality: inputs outside the contract still give a score in range', () => {
  it.each<[string, Partial<FitCreator>]>([
    ['country shares summing above 1', { audience: audience({ topCountries: [{ country: 'US', share: 0.9 }, { country: 'US', share: 0.9 }] }) }],
    ['a NaN credibility', { credibility: Number.NaN }],
    ['a NaN engagement rate', { engagementRate: Number.NaN }],
    ['a negative fee', { feePerPost: -100 }],
  ])('%s', (_, overrides) => {
    const r = fitScore(creator(overrides), ALL, B);
    expect(r.value).toBeGreaterThanOrEqual(0);
    expect(r.value).toBeLessThanOrEqual(100);
    for (const x of r.components) expect(x.score >= 0 && x.score <= 1).toBe(true);
  });

  it('a tier without a positive benchmark is scored neutral on engagement and says so', () => {
    const broken = { ...B, tierEngagement: { ...B.tierEngagement, micro: 0 } };
    const e = fitScore(creator({ engagementRate: 0.2 }), ALL, broken).components.find((x) => x.key === 'engagement');
    expect(e?.score).toBe(0.5);
    expect(e?.detail).toMatch(/No micro-tier benchmark/);
  });
});

/*
 * Built from integers: fc.double draws evenly over the float encodings, so most of its values
 * would be vanishingly small and every audience match and cost score would sit at 0.
 */
const share = fc.integer({ min: 0, max: 1_000 }).map((n) => n / 1_000);
/** 0, or log-uniform from 1 to 10^maxPower, so every order of magnitude (and every cost score) turns up. */
const magnitude = (maxPower: number) =>
  fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 0, max: maxPower * 100 }).map((p) => 10 ** (p / 100)), weight: 9 },
  );
const profiles = fc
  .record({
    tier: fc.constantFrom(...TIERS),
    fans: magnitude(8).map(Math.round),
    avgViews: fc.option(magnitude(7).map(Math.round), { nil: null }),
    engagementRate: fc.option(share.map((x) => x / 2), { nil: null }),
    feePerPost: magnitude(5.5),
    credibility: share,
    sponsoredPosts90d: fc.integer({ min: 0, max: 30 }),
    adDisclosureRate: fc.option(share, { nil: null }),
    ages: fc.array(share, { minLength: AGE_BANDS.length, maxLength: AGE_BANDS.length }),
    femaleShare: share,
    countries: fc.uniqueArray(fc.record({ country: fc.constantFrom(...COUNTRIES, 'BR', 'MX', 'IN', 'DE'), weight: share }), {
      minLength: 1,
      maxLength: 6,
      selector: (c) => c.country,
    }),
    covered: share,
  })
  .map((r): FitCreator => {
    const ageTotal = r.ages.reduce((s, x) => s + x, 0);
    const ageShares = Object.fromEntries(AGE_BANDS.map((b, i) => [b, ageTotal > 0 ? (r.ages[i] ?? 0) / ageTotal : i === 0 ? 1 : 0])) as Record<AgeBand, number>;
    const countryTotal = r.countries.reduce((s, c) => s + c.weight, 0);
    const topCountries = r.countries.map((c) => ({ country: c.country, share: countryTotal > 0 ? (c.weight / countryTotal) * r.covered : 0 }));
    return {
      tier: r.tier,
      fans: r.fans,
      avgViews: r.avgViews,
      engagementRate: r.engagementRate,
      feePerPost: r.feePerPost,
      credibility: r.credibility,
      sponsoredPosts90d: r.sponsoredPosts90d,
      adDisclosureRate: r.adDisclosureRate,
      audience: { ageShares, femaleShare: r.femaleShare, topCountries },
    };
  });
/** Mostly non-empty targeting (an empty one is valid and must score too). */
const targets = fc.record({
  countries: fc.oneof({ arbitrary: fc.subarray([...COUNTRIES], { minLength: 1 }), weight: 9 }, { arbitrary: fc.constant([]), weight: 1 }),
  ageBands: fc.oneof({ arbitrary: fc.subarray([...AGE_BANDS], { minLength: 1 }), weight: 9 }, { arbitrary: fc.constant([]), weight: 1 }),
  gender: fc.constantFrom(...GENDERS),
  goal: fc.constantFrom(...GOALS),
});
const references = fc.option(fc.integer({ min: 1, max: 2_000 }).map((c) => c / 100), { nil: undefined });

describe('properties over random valid profiles', () => {
  it('fitScoreValue is exactly the unrounded fitScore, and the score is it rounded to one decimal', () => {
    fc.assert(
      fc.property(profiles, targets, references, (c, target, referenceCpe) => {
        const options = referenceCpe === undefined ? undefined : { referenceCpe };
        const result = fitScore(c, target, B, options);
        const value = fitScoreValue(c, target, B, options);
        expect(Object.is(result.value, value)).toBe(true);
        expect(result.score).toBe(Math.round(value * 10) / 10);
      }),
      RUNS,
    );
  });

  it('the score is within 0-100 and never NaN, and every component within 0-1 with a detail', () => {
    fc.assert(
      fc.property(profiles, targets, references, (c, target, referenceCpe) => {
        const result = fitScore(c, target, B, referenceCpe === undefined ? undefined : { referenceCpe });
        expect(Number.isNaN(result.value)).toBe(false);
        expect(result.value).toBeGreaterThanOrEqual(0);
        expect(result.value).toBeLessThanOrEqual(100 + 1e-9);
        for (const x of result.components) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(1);
          expect(x.detail.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('a better audience match never lowers the score', () => {
    fc.assert(
      fc.property(profiles, targets, (c, target) => {
        const all: FitTarget = { ...target, countries: [...COUNTRIES], ageBands: [...AGE_BANDS], gender: 'all' };
        const wider = { ...c, audience: { ...c.audience, topCountries: COUNTRIES.map((country) => ({ country, share: 1 / COUNTRIES.length })) } };
        expect(fitScoreValue(wider, all, B)).toBeGreaterThanOrEqual(fitScoreValue(c, all, B) - 1e-9);
      }),
      RUNS,
    );
  });
});
