import type { AgeBand, Creator, Niche, Tier } from '../../src/domain/types';
import { tierForFans } from '../../src/domain/tiers';
import { SOURCES } from './sources';

/**
 * A small, fixed set of creators for unit tests and benchmarks: the guide's top creators (fans
 * as published; the guide gives no views, engagement or fees, so those come from tier
 * benchmarks), the Kroger case-study creators, and a seeded set across niches and markets.
 * The API serves the generated 100,000-creator catalog (catalog-generator.ts), which starts
 * with the same named creators; the fee ranges by tier here are shared by both.
 */

/** Fee ranges per post by tier (USD). Nano to macro: 2026 creator-rate guides; mega: team assumption. */
export const FEE_RANGE: Record<Tier, [number, number]> = {
  nano: [50, 500],
  micro: [250, 1_200],
  mid: [1_200, 5_000],
  macro: [5_000, 25_000],
  mega: [25_000, 100_000],
};

/** Per-view engagement by tier (see benchmarks), the centre of each generated creator's rate. */
const TIER_ER: Record<Tier, number> = { nano: 0.115, micro: 0.0596, mid: 0.045, macro: 0.0264, mega: 0.02 };

/** A creator the guide names, with the figures the catalogs start from. */
export interface NamedCreator {
  handle: string;
  displayName: string;
  fans: number;
  niche: Niche;
  /** Kroger's creators: the guide names them without figures, so fans and fee are illustrative. */
  fee?: number;
}

/** The guide's top creators by fans (as published), in both catalogs. */
export const GUIDE_TOP: readonly NamedCreator[] = [
  { handle: 'lorengray', displayName: 'Loren Gray', fans: 33_800_000, niche: 'music' },
  { handle: 'babyariel', displayName: 'Ariel Martin', fans: 29_800_000, niche: 'music' },
  { handle: 'zachking', displayName: 'Zach King', fans: 21_900_000, niche: 'entertainment' },
  { handle: 'gilmhercroes', displayName: 'Gilmher Croes', fans: 19_700_000, niche: 'comedy' },
  { handle: 'dobretwins', displayName: 'Dobre Twins', fans: 17_500_000, niche: 'dance' },
  { handle: 'jojosiwa', displayName: 'JoJo Siwa', fans: 17_300_000, niche: 'entertainment' },
  { handle: 'jaydencroes', displayName: 'Jayden Croes', fans: 16_800_000, niche: 'comedy' },
  { handle: 'lizzza', displayName: 'Lizzza', fans: 14_100_000, niche: 'comedy' },
  { handle: 'savvsoutas', displayName: 'Savannah Soutas', fans: 15_000_000, niche: 'dance' },
  { handle: 'annieleblanc', displayName: 'Annie LeBlanc', fans: 13_800_000, niche: 'music' },
  { handle: 'mackenzieziegler', displayName: 'Mackenzie Ziegler', fans: 12_700_000, niche: 'dance' },
  { handle: 'brentrivera', displayName: 'Brent Rivera', fans: 12_700_000, niche: 'comedy' },
  { handle: 'cash.baker', displayName: 'Cash Baker', fans: 12_200_000, niche: 'comedy' },
  { handle: 'laurengodwin', displayName: 'Lauren Godwin', fans: 15_800_000, niche: 'comedy' },
  { handle: 'rebeccazamolo', displayName: 'Rebecca Zamolo', fans: 11_500_000, niche: 'family' },
  { handle: 'twinmelody', displayName: 'Twin Melody', fans: 9_000_000, niche: 'music' },
  { handle: 'dominictoliver', displayName: 'Dominic Toliver', fans: 7_800_000, niche: 'comedy' },
  { handle: 'jaydenbartels', displayName: 'Jayden Bartels', fans: 7_500_000, niche: 'dance' },
];

function guideCreator(c: NamedCreator): Creator {
  const tier = tierForFans(c.fans);
  return {
    id: c.handle,
    handle: c.handle,
    displayName: c.displayName,
    niche: c.niche,
    country: 'US',
    tier,
    fans: c.fans,
    avgViews: null,
    engagementRate: null,
    feePerPost: (FEE_RANGE[tier][0] + FEE_RANGE[tier][1]) / 2,
    bio: `One of the guide's top TikTok creators by fans (${c.niche}).`,
    source: {
      ...SOURCES.guide,
      note: 'Fans from the guide’s top-creator list. Views and engagement come from benchmarks; the fee is the middle of the tier’s range (estimate).',
    },
    audience: null,
    credibility: null,
  };
}

/** Kroger #TransformUrDorm's college creators: the guide names them but gives no figures. */
export const KROGER: readonly NamedCreator[] = [
  { handle: 'joeyklaasen', displayName: 'Joey Klaasen', fans: 420_000, niche: 'family', fee: 3_000 },
  { handle: 'miafinney', displayName: 'Mia Finney', fans: 310_000, niche: 'family', fee: 3_000 },
  { handle: 'victoriabachlet', displayName: 'Victoria Bachlet', fans: 260_000, niche: 'family', fee: 3_000 },
  { handle: 'cosette', displayName: 'Cosette Rinab', fans: 380_000, niche: 'family', fee: 3_000 },
];

/** Deterministic PRNG (mulberry32) so every run serves the same catalog. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const EN_FIRST = ['maya', 'leo', 'ava', 'noah', 'zoe', 'eli', 'ivy', 'max', 'nina', 'owen', 'ruby', 'jack', 'lena', 'sam', 'tess', 'kai'];
const EN_WORD: Record<Niche, string[]> = {
  fitness: ['lifts', 'fit', 'gains', 'moves', 'runs'],
  fashion: ['style', 'fits', 'closet', 'threads', 'wears'],
  food: ['eats', 'bakes', 'kitchen', 'cooks', 'snacks'],
  beauty: ['glow', 'glam', 'skin', 'beauty', 'makeup'],
  gaming: ['plays', 'gg', 'gaming', 'clutch', 'pixel'],
  comedy: ['lol', 'jokes', 'funny', 'skits', 'bits'],
  dance: ['dances', 'moves', 'grooves', 'steps', 'choreo'],
  education: ['explains', 'learns', 'teaches', 'facts', 'study'],
  technology: ['tech', 'gadgets', 'codes', 'builds', 'unboxes'],
  travel: ['travels', 'roams', 'abroad', 'trips', 'wander'],
  family: ['family', 'mom', 'dad', 'vlogs', 'daily'],
  music: ['sings', 'music', 'beats', 'covers', 'tunes'],
  sports: ['hoops', 'kicks', 'sports', 'court', 'field'],
  entertainment: ['tv', 'show', 'reacts', 'magic', 'daily'],
};
const KR_NAMES = ['김서연', '이민준', '박지우', '최하은', '정도윤', '강서준', '조예린', '윤시우', '장하린', '임지호', '한유나', '오태윤'];
const KR_ROMAN = ['seoyeon', 'minjun', 'jiwoo', 'haeun', 'doyoon', 'seojun', 'yerin', 'siwoo', 'harin', 'jiho', 'yuna', 'taeyoon'];
const NICHES_IN_CATALOG: Niche[] = Object.keys(EN_WORD) as Niche[];
const COUNTRIES = ['US', 'US', 'US', 'KR', 'KR', 'GB', 'CA', 'JP'];

/** Fans drawn log-uniformly inside a tier, so every tier is populated. */
const TIER_FANS: Record<Tier, [number, number]> = {
  nano: [2_000, 9_999],
  micro: [10_000, 99_999],
  mid: [100_000, 499_999],
  macro: [500_000, 999_999],
  mega: [1_000_000, 6_000_000],
};
const TIER_SHARE: [Tier, number][] = [
  ['nano', 0.25],
  ['micro', 0.35],
  ['mid', 0.22],
  ['macro', 0.1],
  ['mega', 0.08],
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickTier(rand: () => number): Tier {
  let x = rand();
  for (const [tier, share] of TIER_SHARE) {
    if (x < share) return tier;
    x -= share;
  }
  return 'micro';
}

const round = (n: number, step: number) => Math.round(n / step) * step;

/** Generates `count` catalog creators from `seed`. */
export function generateCreators(count: number, seed = 2020): Creator[] {
  const rand = seededRandom(seed);
  const audienceRand = seededRandom(seed + 1);
  const taken = new Set<string>();
  const out: Creator[] = [];
  while (out.length < count) {
    const niche = pick(rand, NICHES_IN_CATALOG);
    const country = pick(rand, COUNTRIES);
    const korean = country === 'KR';
    const i = Math.floor(rand() * KR_NAMES.length);
    const first = korean ? (KR_ROMAN[i] ?? 'seoyeon') : pick(rand, EN_FIRST);
    const base = `${first}${korean ? '.' : ''}${pick(rand, EN_WORD[niche])}`;
    let handle = base;
    for (let n = 2; taken.has(handle); n++) handle = `${base}${n}`;
    taken.add(handle);
    const tier = pickTier(rand);
    const [lo, hi] = TIER_FANS[tier];
    const fans = Math.round(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));
    // Views per post around 15% of fans (Socialinsider), spread 0.5x-1.5x.
    const avgViews = round(fans * 0.1449 * (0.5 + rand()), 10);
    // Engagement per view around the tier benchmark, spread 0.6x-1.4x.
    const engagementRate = Math.round(TIER_ER[tier] * (0.6 + rand() * 0.8) * 10_000) / 10_000;
    const [feeLo, feeHi] = FEE_RANGE[tier];
    const feePerPost = round(feeLo + rand() * (feeHi - feeLo), tier === 'nano' ? 10 : 50);
    const displayName = korean
      ? (KR_NAMES[i] ?? '김서연')
      : `${first[0]?.toUpperCase() ?? ''}${first.slice(1)} ${pick(rand, ['Park', 'Reyes', 'Cole', 'Nguyen', 'Shah', 'Brooks', 'Ito', 'Moreau'])}`;
    out.push({
      id: handle,
      handle,
      displayName,
      niche,
      country,
      tier: tierForFans(fans),
      fans,
      avgViews,
      engagementRate,
      feePerPost,
      bio: korean ? `${niche} 크리에이터 · ${niche} creator in Korea` : `${niche} creator in ${country}`,
      source: {
        ...SOURCES.teamAssumption,
        name: 'Reachplan demo catalog (seeded, generated from the cited benchmarks)',
      },
      ...audienceOf(audienceRand, country),
    });
  }
  return out;
}

const AGES: readonly AgeBand[] = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'];
const OTHER_COUNTRY: Record<string, string> = { US: 'CA', KR: 'US', GB: 'US', CA: 'US', JP: 'US' };

/**
 * A generated creator's audience (team assumption): 55-90% in their own country and most of the
 * rest in one other (the U.S., or Canada for a U.S. creator), ages weighted young, 35-75% women;
 * 75-97% of followers real. From its own seeded sequence, so the other fields stay as they were.
 */
function audienceOf(rand: () => number, country: string): Pick<Creator, 'audience' | 'credibility'> {
  const home = 0.55 + 0.35 * rand();
  const other = (1 - home) * (0.5 + 0.4 * rand());
  const weights = [0.8 + rand(), 1.6 + rand(), 1 + rand(), 0.4 + rand() * 0.5, 0.2 + rand() * 0.3, 0.1 + rand() * 0.2];
  const total = weights.reduce((a, b) => a + b, 0);
  const ageShares = Object.fromEntries(AGES.map((band, i) => [band, Math.round(((weights[i] ?? 0) / total) * 1000) / 1000])) as Record<AgeBand, number>;
  return {
    audience: {
      ageShares,
      femaleShare: Math.round((0.35 + 0.4 * rand()) * 100) / 100,
      topCountries: [
        { country, share: Math.round(home * 1000) / 1000 },
        { country: OTHER_COUNTRY[country] ?? 'US', share: Math.round(other * 1000) / 1000 },
      ],
    },
    credibility: Math.round((0.75 + 0.22 * rand()) * 100) / 100,
  };
}

/** The catalog the mocked API serves. */
export function buildCatalog(generated = 240): Creator[] {
  const guide = GUIDE_TOP.map(guideCreator);
  const kroger = KROGER.map(
    (k): Creator => ({
      id: k.handle,
      handle: k.handle,
      displayName: k.displayName,
      niche: k.niche,
      country: 'US',
      tier: tierForFans(k.fans),
      fans: k.fans,
      avgViews: null,
      engagementRate: null,
      feePerPost: k.fee ?? 3_000,
      bio: 'College creator in Kroger #TransformUrDorm (guide case study).',
      source: {
        ...SOURCES.guide,
        note: 'Named in the Kroger case study; the guide gives no figures, so fans and fee are illustrative (team assumption).',
      },
      audience: null,
      credibility: null,
    }),
  );
  return [...guide, ...kroger, ...generateCreators(generated)];
}

export const CREATORS: Creator[] = buildCatalog();
