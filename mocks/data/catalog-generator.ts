import {
  BRAND_SAFETY_FLAGS,
  type BrandSafetyFlag,
  type CreatorProfile,
  type Platform,
  type RecentPost,
} from '../../src/domain/creator-profile';
import { tierForFans } from '../../src/domain/tiers';
import type { AgeBand, Niche, Source, Tier } from '../../src/domain/types';
import { FEE_RANGE, GUIDE_TOP, KROGER, seededRandom, type NamedCreator } from './creators';
import { SOURCES } from './sources';

/**
 * The large creator catalog: the guide's named creators first, then `size` generated creators
 * whose figures follow the published benchmarks. Seeded and generated per index, so every run
 * gives the same catalog and a small catalog is a prefix of the big one. It is meant to be built
 * lazily where the mock handlers run (a worker or Node), never on the page's main thread.
 */

export const CATALOG_SEED = 2020;
export const CATALOG_SIZE = 100_000;

export interface GenerateCatalogOptions {
  seed?: number;
  /** Generated creators after the named ones. */
  size?: number;
  /** yyyy-MM-dd: the day data dates count back from. */
  asOf: string;
}

type Rand = () => number;

// ---------------------------------------------------------------------------------------------
// Benchmarks (published figures) and the team assumptions around them
// ---------------------------------------------------------------------------------------------

/**
 * Views per post ÷ fans: 14.49% (Socialinsider, TikTok benchmarks, 2023). The 2022 figure was
 * 16.23%, so the platform-wide ratio itself moves about 10% a year.
 */
const VIEW_RATE = 0.1449;
/** Creator-to-creator spread of views ÷ fans, lognormal sigma (team assumption: P10-P90 ≈ 0.46×-2.2×). */
const VIEW_SPREAD = 0.6;

/**
 * Per-view engagement rate against log10(fans); log-linear between anchors. Log-uniform fans put
 * each tier's median fans at the tier's geometric middle, so each tier's median rate lands near
 * its anchor (the curve's bend and the spread move it by a few percent):
 * nano 11.5% (range 8-15%), micro 5.96% (5-10%), mid 4.5% (3-6%): calculatecreator.com, engagement
 * rate by followers; macro 2.64%: calculatecreator.com, micro (5.96%) vs macro; mega 2%: the team's
 * continuation of the fall, inside 1.11% (Influencer Hero's 1M+ figure) to 2.64%. The end anchors
 * (1K and 50M fans) are the ends of those ranges: 15% and 1.11%.
 * Times the 14.49% view rate these give about 1.7% (nano) down to 0.3% (mega) per follower;
 * Influencer Hero's per-follower medians (Jan 2024, 150M+ profiles) run 1.79-2.18% at 1-5K
 * followers and 1.11-1.43% at 1M+, so the big tiers here read conservative per follower. The
 * planner's model works per view, so the per-view vendor figures lead.
 */
const ER_ANCHOR_LOG_FANS = [3, 3.5, 4.5, Math.log10(223_607), Math.log10(707_107), Math.log10(7_071_068), Math.log10(50_000_000)];
const ER_ANCHOR_RATE = [0.15, 0.115, 0.0596, 0.045, 0.0264, 0.02, 0.0111];
const ER_ANCHOR_LN_RATE = ER_ANCHOR_RATE.map(Math.log);
/** Creator-to-creator spread around the anchor curve, lognormal sigma (team assumption). */
const ER_SPREAD = 0.3;

/**
 * Fans per tier, drawn log-uniformly within each tier except mega, whose fans follow a Pareto
 * tail (MEGA_TAIL) up to 50M, about the largest accounts.
 */
const TIER_FANS: Record<Tier, [number, number]> = {
  nano: [1_000, 10_000],
  micro: [10_000, 100_000],
  mid: [100_000, 500_000],
  macro: [500_000, 1_000_000],
  mega: [1_000_000, 50_000_000],
};

/**
 * Tier mix (team assumption). Platforms skew much further to small accounts (most have under 1K
 * fans); a discovery catalog lists creators from 1K fans, and 2% mega keeps 2,000 of 100,000 in the
 * mega filter. Shares: nano 45%, micro 36%, mid 13%, macro 4%, mega 2%.
 */
const TIER_SHARE: [Tier, number][] = [
  ['nano', 0.45],
  ['micro', 0.36],
  ['mid', 0.13],
  ['macro', 0.04],
  ['mega', 0.02],
];

/** Share of creators whose view average or per-view rate the catalog has not measured (team assumption). */
const NO_VIEWS_SHARE = 0.08;
const NO_ER_SHARE = 0.05;

/** Bought or inactive followers: 7% of creators below 0.6 credibility, the rest 0.75-0.97 (team assumption). */
const LOW_CREDIBILITY_SHARE = 0.07;

/** Mean sponsored posts in 90 days by tier, Poisson, capped at 12 (team assumption: bigger creators sell more). */
const SPONSORED_MEAN: Record<Tier, number> = { nano: 0.8, micro: 2, mid: 3.5, macro: 5, mega: 6.5 };
/** Creators who disclose under half their sponsored posts with #ad (team assumption). */
const POOR_DISCLOSURE_SHARE = 0.12;

/** Brand-safety flags: 8% of creators have one or two (team assumption), weighted by how often each comes up. */
const FLAGGED_SHARE = 0.08;
const FLAG_WEIGHTS: Record<BrandSafetyFlag, number> = {
  profanity: 0.35,
  alcohol: 0.2,
  gambling: 0.08,
  political: 0.12,
  controversy: 0.25,
};

/** Other platforms (team assumption): Instagram for 70%, YouTube for 40%, followers proportional to TikTok fans. */
const PLATFORM_MODEL: { platform: Platform; share: number; ratio: number; spread: number }[] = [
  { platform: 'instagram', share: 0.7, ratio: 0.35, spread: 0.9 },
  { platform: 'youtube', share: 0.4, ratio: 0.12, spread: 1.1 },
];

/** Represented by an MCN or agency, by tier (team assumption; about 35% overall with the tier mix). */
const AGENCY_SHARE: Record<Tier, number> = { nano: 0.22, micro: 0.38, mid: 0.55, macro: 0.7, mega: 0.8 };
/** Invented, generic MCN names: not real companies. */
const AGENCIES = [
  'Brightloop Talent',
  'Kitefield Creators',
  'Lanternfish Media',
  'Halftone Talent Co.',
  'Paperkite MCN',
  'Tandemfold Creators',
  'Northpeak Creator Network',
  'Glasswing Talent',
  'Mossgate Media',
  'Open Orbit Creators',
];
const KR_AGENCIES = ['Hangang Orbit MCN', 'Bluebell Seoul Creators', 'Daylight Seoul MCN'];
const JP_AGENCIES = ['Sakuramori Creators', 'Tokyo Tilt Talent'];

/** Days between the measurement and `asOf`: 85% within 30 days, 15% 31-75 days (team assumption). */
const STALE_SHARE = 0.15;

const GENERATED_SOURCE: Source = {
  ...SOURCES.teamAssumption,
  name: 'Reachplan generated catalog: a representative profile, not a real account',
  note:
    'Seeded from published benchmarks: views per post ≈ 14.49% of fans (Socialinsider 2023), engagement per view ' +
    'falling with tier (calculatecreator.com), fees by tier (2026 creator-rate guides). Audience, credibility, ' +
    'sponsorship, platform and agency figures are team assumptions.',
};

// ---------------------------------------------------------------------------------------------
// Names, places and words
// ---------------------------------------------------------------------------------------------

interface NamePart {
  display: string;
  /** Lowercase ASCII for handles. */
  ascii: string;
}

type NameStyle = 'western' | 'korean' | 'japanese';

interface CountryProfile {
  code: string;
  weight: number;
  style: NameStyle;
  given: NamePart[];
  family: NamePart[];
  language: string;
  extraLanguage: string;
  extraLanguageShare: number;
  /** The creator's own country's share of the audience when it leads. */
  homeShare: [number, number];
  /** Other audience countries, likeliest first. */
  neighbours: string[];
  cities: string[];
}

/** Handles are ASCII: accents dropped once, when the module loads. */
function toAscii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const names = (list: string): NamePart[] => list.split(',').map((display) => ({ display, ascii: toAscii(display) }));
/** "표기:romanisation" pairs, for scripts without a mechanical ASCII form. */
const romanised = (list: string): NamePart[] =>
  list.split(',').map((pair) => {
    const [display = '', ascii = ''] = pair.split(':');
    return { display, ascii };
  });

const EN_GIVEN = names(
  'Maya,Leo,Ava,Noah,Zoe,Eli,Ivy,Max,Nina,Owen,Ruby,Jack,Lena,Sam,Tess,Kai,Olivia,Liam,Emma,Mason,Chloe,Ethan,Grace,Lucas,' +
    'Harper,Caleb,Aria,Jayden,Madison,Tyler,Bella,Dylan,Sophie,Aiden,Layla,Jordan,Brooke,Marcus,Jasmine,Devon,Priya,Omar,Mia,Ella,Isaac,Hannah',
);
const EN_FAMILY = names(
  'Brooks,Reyes,Cole,Nguyen,Shah,Parker,Carter,Bennett,Hayes,Morgan,Patel,Kim,Walker,Foster,Hughes,Rivera,Murphy,Sullivan,Price,Ward,' +
    'Hall,Turner,Campbell,Mitchell,Bailey,Cooper,Reed,Bell,Kelly,Ross,Chen,Ortiz,Jenkins,Powell,Ellis,Graham,Wallace,Fraser,Evans,Davies,Thompson,Wright',
);

/** Common family names repeat so their shares are closer to real ones (김 about a fifth). */
const KR_FAMILY = romanised(
  '김:kim,김:kim,김:kim,이:lee,이:lee,박:park,박:park,최:choi,정:jung,강:kang,조:cho,윤:yoon,장:jang,임:lim,한:han,오:oh,서:seo,신:shin,' +
    '권:kwon,황:hwang,안:ahn,송:song,전:jeon,홍:hong',
);
const KR_GIVEN = romanised(
  '민준:minjun,서연:seoyeon,지우:jiwoo,하은:haeun,도윤:doyoon,서준:seojun,예린:yerin,시우:siwoo,하린:harin,지호:jiho,유나:yuna,태윤:taeyoon,' +
    '수아:sua,지민:jimin,예준:yejun,주원:juwon,채원:chaewon,은우:eunwoo,지안:jian,현우:hyunwoo,다은:daeun,건우:gunwoo,소율:soyul,우진:woojin,' +
    '서윤:seoyoon,민서:minseo,윤서:yoonseo,준호:junho,하준:hajun,수빈:subin,나연:nayeon,태민:taemin',
);
const JP_FAMILY = romanised(
  '佐藤:sato,鈴木:suzuki,高橋:takahashi,田中:tanaka,伊藤:ito,渡辺:watanabe,山本:yamamoto,中村:nakamura,小林:kobayashi,加藤:kato,' +
    '吉田:yoshida,山田:yamada,佐々木:sasaki,松本:matsumoto,井上:inoue,木村:kimura',
);
const JP_GIVEN = romanised(
  'さくら:sakura,陽翔:haruto,結衣:yui,蓮:ren,美咲:misaki,大翔:hiroto,ひなた:hinata,悠真:yuma,葵:aoi,湊:minato,ゆうな:yuna,陽菜:hina,' +
    '颯太:sota,芽依:mei,りこ:riko,健太:kenta,翔:sho,美優:miyu,拓海:takumi,はると:haruto',
);

/** Country mix (team assumption): the planner's five markets are two-thirds; KR 15%. */
const COUNTRY_PROFILES: CountryProfile[] = [
  {
    code: 'US', weight: 0.3, style: 'western', given: EN_GIVEN, family: EN_FAMILY,
    language: 'en', extraLanguage: 'es', extraLanguageShare: 0.1, homeShare: [0.45, 0.75],
    neighbours: ['CA', 'GB', 'MX', 'PH', 'AU', 'IN', 'BR'],
    cities: ['LA', 'NYC', 'Austin', 'Chicago', 'Miami', 'Atlanta', 'Seattle', 'Nashville'],
  },
  {
    code: 'KR', weight: 0.15, style: 'korean', given: KR_GIVEN, family: KR_FAMILY,
    language: 'ko', extraLanguage: 'en', extraLanguageShare: 0.35, homeShare: [0.55, 0.85],
    neighbours: ['US', 'JP', 'VN', 'PH', 'ID', 'TH', 'TW'],
    cities: ['서울', '부산', '인천', '대구', 'Seoul'],
  },
  {
    code: 'GB', weight: 0.08, style: 'western', given: EN_GIVEN, family: EN_FAMILY,
    language: 'en', extraLanguage: 'cy', extraLanguageShare: 0.02, homeShare: [0.35, 0.65],
    neighbours: ['US', 'IE', 'AU', 'CA', 'DE', 'NG'],
    cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow'],
  },
  {
    code: 'CA', weight: 0.05, style: 'western', given: EN_GIVEN, family: EN_FAMILY,
    language: 'en', extraLanguage: 'fr', extraLanguageShare: 0.2, homeShare: [0.25, 0.5],
    neighbours: ['US', 'GB', 'AU', 'PH', 'IN', 'FR'],
    cities: ['Toronto', 'Vancouver', 'Montréal', 'Calgary'],
  },
  {
    code: 'JP', weight: 0.08, style: 'japanese', given: JP_GIVEN, family: JP_FAMILY,
    language: 'ja', extraLanguage: 'en', extraLanguageShare: 0.15, homeShare: [0.6, 0.88],
    neighbours: ['US', 'KR', 'TW', 'TH', 'PH', 'ID'],
    cities: ['東京', '大阪', '福岡', '札幌', 'Tokyo'],
  },
  {
    code: 'AU', weight: 0.04, style: 'western', given: EN_GIVEN, family: EN_FAMILY,
    language: 'en', extraLanguage: 'en', extraLanguageShare: 0, homeShare: [0.3, 0.6],
    neighbours: ['US', 'GB', 'NZ', 'CA', 'PH'],
    cities: ['Sydney', 'Melbourne', 'Brisbane', 'Perth'],
  },
  {
    code: 'DE', weight: 0.05, style: 'western',
    given: names('Lukas,Lena,Finn,Mia,Jonas,Hannah,Leon,Emilia,Paul,Sophie,Felix,Lea,Luca,Marie,Noah,Clara,Elias,Johanna,Ben,Greta'),
    family: names('Müller,Schmidt,Schneider,Fischer,Weber,Wagner,Becker,Hoffmann,Schulz,Koch,Richter,Wolf,Neumann,Krüger,Braun,Zimmermann'),
    language: 'de', extraLanguage: 'en', extraLanguageShare: 0.5, homeShare: [0.45, 0.75],
    neighbours: ['AT', 'CH', 'US', 'PL', 'NL', 'TR'],
    cities: ['Berlin', 'Hamburg', 'München', 'Köln'],
  },
  {
    code: 'FR', weight: 0.04, style: 'western',
    given: names('Léa,Hugo,Chloé,Louis,Manon,Lucas,Camille,Jules,Inès,Nathan,Jade,Gabriel,Zoé,Arthur,Lina,Théo,Louise,Raphaël,Sarah,Enzo'),
    family: names('Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Moreau,Laurent,Simon,Michel,Lefèvre,Leroy,Roux,Fournier,Girard'),
    language: 'fr', extraLanguage: 'en', extraLanguageShare: 0.3, homeShare: [0.45, 0.75],
    neighbours: ['BE', 'CH', 'CA', 'US', 'MA', 'DZ'],
    cities: ['Paris', 'Lyon', 'Marseille', 'Lille', 'Bordeaux'],
  },
  {
    code: 'BR', weight: 0.07, style: 'western',
    given: names('Ana,João,Beatriz,Pedro,Larissa,Gabriel,Júlia,Lucas,Mariana,Rafael,Letícia,Matheus,Camila,Gustavo,Fernanda,Thiago,Isabela,Bruno,Amanda,Felipe'),
    family: names('Silva,Santos,Oliveira,Souza,Costa,Ferreira,Almeida,Lima,Pereira,Carvalho,Gomes,Ribeiro,Rocha,Barbosa,Araújo,Martins'),
    language: 'pt', extraLanguage: 'en', extraLanguageShare: 0.15, homeShare: [0.6, 0.85],
    neighbours: ['PT', 'US', 'AR', 'MX', 'AO'],
    cities: ['São Paulo', 'Rio', 'Belo Horizonte', 'Recife', 'Curitiba'],
  },
  {
    code: 'MX', weight: 0.05, style: 'western',
    given: names('Sofía,Santiago,Valeria,Mateo,Ximena,Diego,Camila,Emiliano,Regina,Leonardo,Renata,Sebastián,Fernanda,Alejandro,Daniela,Andrés,Mariana,Iker,Paola,Rodrigo'),
    family: names('García,Hernández,López,Martínez,González,Rodríguez,Pérez,Sánchez,Ramírez,Flores,Torres,Rivera,Gómez,Díaz,Cruz,Morales'),
    language: 'es', extraLanguage: 'en', extraLanguageShare: 0.25, homeShare: [0.35, 0.65],
    neighbours: ['US', 'CO', 'AR', 'ES', 'PE', 'CL'],
    cities: ['CDMX', 'Guadalajara', 'Monterrey', 'Puebla'],
  },
  {
    code: 'ID', weight: 0.05, style: 'western',
    given: names('Putri,Rizky,Dewi,Budi,Ayu,Fajar,Siti,Dimas,Nabila,Arif,Intan,Bayu,Sari,Andi,Nurul,Yoga,Indah,Reza,Citra,Eko'),
    family: names('Pratama,Saputra,Wijaya,Santoso,Lestari,Hidayat,Kusuma,Nugroho,Setiawan,Putra,Wibowo,Halim,Siregar,Gunawan,Rahman,Susanto'),
    language: 'id', extraLanguage: 'en', extraLanguageShare: 0.3, homeShare: [0.6, 0.85],
    neighbours: ['MY', 'PH', 'US', 'SG', 'BN'],
    cities: ['Jakarta', 'Bandung', 'Surabaya', 'Bali', 'Yogyakarta'],
  },
  {
    code: 'PH', weight: 0.04, style: 'western',
    given: names('Angel,Paolo,Princess,Mark,Kristine,Jerome,Althea,Carlo,Bea,Miguel,Joshua,Nicole,Gian,Patricia,Rafael,Trisha,Kyle,Jasmine,Bianca,Enzo'),
    family: names('Santos,Reyes,Cruz,Bautista,Ocampo,Garcia,Mendoza,Villanueva,Dela Cruz,Ramos,Aquino,Castillo,Flores,Torres,Navarro,Pascual'),
    language: 'fil', extraLanguage: 'en', extraLanguageShare: 0.8, homeShare: [0.45, 0.75],
    neighbours: ['US', 'SA', 'AE', 'CA', 'ID', 'JP'],
    cities: ['Manila', 'Quezon City', 'Cebu', 'Davao'],
  },
];

/** Niche mix (team assumption: entertainment-led niches are the most common on TikTok). */
const NICHE_WEIGHTS: [Niche, number][] = [
  ['fitness', 8],
  ['fashion', 9],
  ['food', 10],
  ['beauty', 9],
  ['gaming', 9],
  ['comedy', 10],
  ['dance', 8],
  ['education', 6],
  ['technology', 5],
  ['travel', 5],
  ['family', 7],
  ['music', 6],
  ['sports', 4],
  ['entertainment', 4],
];

interface NicheProfile {
  /** Weights per AGE_BANDS entry, before each creator's jitter (team assumption). */
  ages: [number, number, number, number, number, number];
  femaleShare: number;
  handleWords: string[];
  bios: string[];
  koLabel: string;
  jaLabel: string;
}

/**
 * Audience by niche (team assumption): the platform split (20/50/17/8/3/2, see the benchmarks'
 * age shares) tilted younger for gaming and dance, older for education, food, travel and family;
 * beauty and fashion audiences female-heavy, gaming and sports male-heavy.
 */
const NICHE_PROFILES: Record<Niche, NicheProfile> = {
  fitness: {
    ages: [0.12, 0.4, 0.28, 0.12, 0.05, 0.03], femaleShare: 0.5, koLabel: '운동', jaLabel: '筋トレ',
    handleWords: ['fit', 'lifts', 'gains', 'moves', 'runs', 'gym', 'strong', 'reps', 'sweat'],
    bios: ['Home workouts for busy days', 'Strength training, no fluff', 'Marathon training diary', 'Mobility and stretching tips', 'Gym progress and honest supplement reviews', 'Calisthenics in the park'],
  },
  fashion: {
    ages: [0.16, 0.46, 0.24, 0.09, 0.03, 0.02], femaleShare: 0.75, koLabel: '패션', jaLabel: 'ファッション',
    handleWords: ['style', 'fits', 'closet', 'threads', 'wears', 'ootd', 'thrifts', 'drip'],
    bios: ['Thrift flips and styling hacks', 'Everyday outfits under $50', 'Streetwear drops and fit checks', 'Capsule wardrobe tips', 'Sustainable fashion finds', 'One piece styled five ways'],
  },
  food: {
    ages: [0.1, 0.34, 0.3, 0.15, 0.07, 0.04], femaleShare: 0.58, koLabel: '먹방', jaLabel: 'ごはん',
    handleWords: ['eats', 'bakes', 'kitchen', 'cooks', 'snacks', 'foodie', 'chef', 'bites', 'recipes'],
    bios: ['Easy weeknight recipes', 'Street food hunting', 'Baking from scratch', 'Meal prep for the week', 'Trying viral food trends', 'Plant-based comfort food'],
  },
  beauty: {
    ages: [0.16, 0.46, 0.24, 0.09, 0.03, 0.02], femaleShare: 0.82, koLabel: '뷰티', jaLabel: 'コスメ',
    handleWords: ['glow', 'glam', 'skin', 'beauty', 'makeup', 'lashes', 'nails', 'skincare'],
    bios: ['Skincare routines for sensitive skin', 'Drugstore makeup dupes', 'Nail art tutorials', 'Honest product reviews', 'Curly hair care routines', 'Five-minute makeup looks'],
  },
  gaming: {
    ages: [0.3, 0.48, 0.14, 0.05, 0.02, 0.01], femaleShare: 0.25, koLabel: '게임', jaLabel: 'ゲーム',
    handleWords: ['plays', 'gg', 'gaming', 'clutch', 'pixel', 'games', 'live', 'respawn'],
    bios: ['Daily clips and clutch moments', 'Mobile gaming tips', 'Speedruns and glitches', 'Cozy games and chill streams', 'Ranked grind, a tip in every video', 'Indie game finds'],
  },
  comedy: {
    ages: [0.22, 0.46, 0.19, 0.08, 0.03, 0.02], femaleShare: 0.48, koLabel: '개그', jaLabel: 'お笑い',
    handleWords: ['lol', 'jokes', 'funny', 'skits', 'bits', 'laughs', 'pranks', 'memes'],
    bios: ['Sketches about office life', 'POV skits and characters', 'Relatable family moments', 'Pranks (everyone is fine)', 'Stand-up clips', 'Parodies and impressions'],
  },
  dance: {
    ages: [0.3, 0.48, 0.14, 0.05, 0.02, 0.01], femaleShare: 0.62, koLabel: '댄스', jaLabel: 'ダンス',
    handleWords: ['dances', 'grooves', 'steps', 'choreo', 'dance', 'twirls', 'moves'],
    bios: ['Trending choreo every week', 'Dance tutorials, slowed down', 'Hip-hop and K-pop covers', 'Duets welcome', 'Ballet to breaking', 'Learn the dance in 30 seconds'],
  },
  education: {
    ages: [0.14, 0.34, 0.28, 0.14, 0.06, 0.04], femaleShare: 0.5, koLabel: '공부', jaLabel: '勉強',
    handleWords: ['explains', 'learns', 'teaches', 'facts', 'study', 'notes', 'tips', 'explained'],
    bios: ['Science facts in 60 seconds', 'Study tips and exam hacks', 'History stories you never learned', 'Money and budgeting basics', 'Language lessons', 'Math explained simply'],
  },
  technology: {
    ages: [0.1, 0.36, 0.32, 0.14, 0.05, 0.03], femaleShare: 0.3, koLabel: '테크', jaLabel: 'ガジェット',
    handleWords: ['tech', 'gadgets', 'codes', 'builds', 'unboxes', 'setup', 'pc', 'ai'],
    bios: ['Gadget reviews and unboxings', 'Desk setups and PC builds', 'AI tools that save time', 'Phone tips and hidden features', 'Coding for beginners', 'Smart home experiments'],
  },
  travel: {
    ages: [0.06, 0.28, 0.34, 0.18, 0.09, 0.05], femaleShare: 0.56, koLabel: '여행', jaLabel: '旅',
    handleWords: ['travels', 'roams', 'abroad', 'trips', 'wander', 'passport', 'nomad', 'explores'],
    bios: ['Budget travel guides', 'Hidden gems and day trips', 'Vanlife across the country', 'Solo travel tips', 'Food and travel diaries', 'Hotel and flight hacks'],
  },
  family: {
    ages: [0.06, 0.22, 0.34, 0.22, 0.1, 0.06], femaleShare: 0.66, koLabel: '일상', jaLabel: '日常',
    handleWords: ['family', 'mom', 'dad', 'vlogs', 'daily', 'home', 'life', 'twins'],
    bios: ['Daily family vlogs', 'Mom life, the real version', 'Dad jokes and parenting wins', 'Twins, chaos, love', 'Home routines and organising', 'Our little family adventures'],
  },
  music: {
    ages: [0.22, 0.46, 0.19, 0.08, 0.03, 0.02], femaleShare: 0.55, koLabel: '음악', jaLabel: '歌',
    handleWords: ['sings', 'music', 'beats', 'covers', 'tunes', 'vocals', 'guitar', 'piano'],
    bios: ['Covers and originals', 'Singing your requests', 'Guitar tutorials', 'Producer: beats from scratch', 'Piano covers of trending sounds', 'Harmony duets'],
  },
  sports: {
    ages: [0.12, 0.4, 0.28, 0.12, 0.05, 0.03], femaleShare: 0.28, koLabel: '스포츠', jaLabel: 'スポーツ',
    handleWords: ['hoops', 'kicks', 'sports', 'court', 'field', 'football', 'skate', 'golf'],
    bios: ['Basketball drills and highlights', 'Football skills and freestyle', 'Skateboarding clips', 'Golf tips for beginners', 'Game-day reactions', 'Training like a pro athlete'],
  },
  entertainment: {
    ages: [0.22, 0.46, 0.19, 0.08, 0.03, 0.02], femaleShare: 0.5, koLabel: '예능', jaLabel: 'エンタメ',
    handleWords: ['tv', 'show', 'reacts', 'magic', 'stories', 'pop', 'films', 'daily'],
    bios: ['Movie and TV reactions', 'Magic and illusions', 'Pop culture news daily', 'Storytime every night', 'Behind the scenes', 'Challenges and collabs'],
  },
};

const HANDLE_PREFIXES = ['its', 'the', 'hey', 'just', 'iam', 'real', 'official'];
const HANDLE_SEPARATORS = ['.', '_', ''];
const BIO_TAILS = ['New videos daily', 'Collabs: link in bio', 'Business inquiries by email', 'Posting every week', '', '', ''];
/** TikTok's limit on username length. */
const MAX_HANDLE = 24;

// ---------------------------------------------------------------------------------------------
// Random helpers
// ---------------------------------------------------------------------------------------------

/** A 32-bit integer mixer (lowbias32), so neighbouring indices get unrelated streams. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Creator #index's own stream: the same whatever the catalog's size. */
function streamFor(seed: number, index: number, salt: number): Rand {
  return seededRandom((seed ^ mix32(index + salt)) >>> 0);
}

const GENERATED_SALT = 0x9e3779b9;
const NAMED_SALT = 0x7f4a7c15;

function pick<T>(rand: Rand, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Cumulative table for weighted picks. */
function cumulative<T>(pairs: readonly (readonly [T, number])[]): { table: [T, number][]; total: number } {
  let total = 0;
  const table: [T, number][] = [];
  for (const [item, weight] of pairs) {
    total += weight;
    table.push([item, total]);
  }
  return { table, total };
}

function pickWeighted<T>(rand: Rand, weighted: { table: [T, number][]; total: number }): T {
  const x = rand() * weighted.total;
  let last: T | undefined;
  for (const [item, upTo] of weighted.table) {
    if (x < upTo) return item;
    last = item;
  }
  if (last === undefined) throw new Error('pick from an empty table');
  return last;
}

/** Standard normal (Box-Muller, one value per call). */
function normal(rand: Rand): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

function poisson(rand: Rand, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000];
const roundTo = (x: number, decimals: number) => {
  const f = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return Math.round(x * f) / f;
};

/** Fees round to $5 under $1,000, $50 under $10,000, $500 above: how rate cards quote them. */
function roundFee(x: number): number {
  const step = x < 1_000 ? 5 : x < 10_000 ? 50 : 500;
  return Math.max(step, Math.round(x / step) * step);
}

const TIER_TABLE = cumulative(TIER_SHARE);
const COUNTRY_TABLE = cumulative(COUNTRY_PROFILES.map((c) => [c, c.weight] as const));
const NICHE_TABLE = cumulative(NICHE_WEIGHTS);
const FLAG_TABLE = cumulative(BRAND_SAFETY_FLAGS.map((f) => [f, FLAG_WEIGHTS[f]] as const));
function requireProfile(code: string): CountryProfile {
  const profile = COUNTRY_PROFILES.find((c) => c.code === code);
  if (!profile) throw new Error(`no country profile for ${code}`);
  return profile;
}
const US_PROFILE = requireProfile('US');

// ---------------------------------------------------------------------------------------------
// Field models
// ---------------------------------------------------------------------------------------------

/** The anchor curve's per-view rate at `fans` (no spread). */
function erCentre(fans: number): number {
  const x = Math.log10(Math.max(1, fans));
  let lower = 0;
  while (lower < ER_ANCHOR_LOG_FANS.length - 2 && x > (ER_ANCHOR_LOG_FANS[lower + 1] ?? Infinity)) lower++;
  const x0 = ER_ANCHOR_LOG_FANS[lower] ?? 0;
  const x1 = ER_ANCHOR_LOG_FANS[lower + 1] ?? 1;
  const y0 = ER_ANCHOR_LN_RATE[lower] ?? 0;
  const y1 = ER_ANCHOR_LN_RATE[lower + 1] ?? 0;
  const t = clamp((x - x0) / (x1 - x0), 0, 1);
  return Math.exp(y0 + t * (y1 - y0));
}

/**
 * Pareto exponent of mega creators' fans (team assumption). Follower counts are heavy-tailed:
 * most mega creators sit just above 1M and very few near the top. With 2, the median mega
 * creator has 1.4M fans, about 1 in 100 has over 10M and 1 in 500 over 20M, so the guide's
 * named creators (7.5M-33.8M) are among the catalog's largest, as they are on the platform.
 * Log-uniform fans (as in the other tiers) put hundreds of generated creators above 20M.
 */
const MEGA_TAIL = 2;

function drawFans(rand: Rand, tier: Tier): number {
  const [lo, hi] = TIER_FANS[tier];
  const u = rand();
  if (tier === 'mega') {
    // Inverse CDF of the Pareto distribution truncated to [lo, hi).
    const tail = 1 - (lo / hi) ** MEGA_TAIL;
    return Math.min(hi - 1, Math.floor(lo / (1 - u * tail) ** (1 / MEGA_TAIL)));
  }
  return Math.floor(Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))));
}

/**
 * Central fee: the tier's range (FEE_RANGE: 2026 creator-rate guides, mega a team assumption),
 * log-interpolated by where the fans sit in the tier, so bigger is pricier, with noise.
 */
function drawFee(rand: Rand, tier: Tier, fans: number): number {
  const [feeLo, feeHi] = FEE_RANGE[tier];
  const [fansLo, fansHi] = TIER_FANS[tier];
  const t = clamp((Math.log(fans) - Math.log(fansLo)) / (Math.log(fansHi) - Math.log(fansLo)), 0, 1);
  return roundFee(clamp(feeLo * (feeHi / feeLo) ** t * Math.exp(0.25 * normal(rand)), feeLo, feeHi));
}

/** Scratch space for the age weights, reused across creators. */
const ageScratch = new Float64Array(6);

function drawAgeShares(rand: Rand, niche: Niche): Record<AgeBand, number> {
  const base = NICHE_PROFILES[niche].ages;
  let total = 0;
  for (let b = 0; b < 6; b++) {
    const w = (base[b] ?? 0) * Math.exp(0.25 * normal(rand));
    ageScratch[b] = w;
    total += w;
  }
  // Whole basis points that add to exactly 10,000; the largest band takes the rounding rest.
  let sum = 0;
  let largest = 0;
  for (let b = 0; b < 6; b++) {
    const bp = Math.round(((ageScratch[b] ?? 0) / total) * 10_000);
    ageScratch[b] = bp;
    sum += bp;
    if (bp > (ageScratch[largest] ?? 0)) largest = b;
  }
  ageScratch[largest] = (ageScratch[largest] ?? 0) + 10_000 - sum;
  return {
    '13-17': (ageScratch[0] ?? 0) / 10_000,
    '18-24': (ageScratch[1] ?? 0) / 10_000,
    '25-34': (ageScratch[2] ?? 0) / 10_000,
    '35-44': (ageScratch[3] ?? 0) / 10_000,
    '45-54': (ageScratch[4] ?? 0) / 10_000,
    '55+': (ageScratch[5] ?? 0) / 10_000,
  };
}

/**
 * 3-5 audience countries, largest first, led by the creator's own country (97% for U.S. creators,
 * 85% elsewhere; otherwise the U.S. leads, or Canada for a U.S. creator). Team assumption. Shares
 * in whole permille, each a fraction of what is left, so they add to less than 1.
 */
function drawTopCountries(rand: Rand, profile: CountryProfile): { country: string; share: number }[] {
  const count = 3 + Math.floor(rand() * 3);
  const nb = profile.neighbours;
  const homeLeads = rand() < (profile.code === 'US' ? 0.97 : 0.85);
  const [homeLo, homeHi] = profile.homeShare;
  const leader = homeLeads ? profile.code : profile.code === 'US' ? (nb[0] ?? 'CA') : 'US';
  let share = homeLeads ? homeLo + rand() * (homeHi - homeLo) : 0.3 + 0.2 * rand();
  let rest = 1 - share;
  const out = [{ country: leader, share: Math.floor(share * 1000) / 1000 }];
  let step = rand() < 0.6 ? 0 : Math.floor(rand() * nb.length);
  while (out.length < count) {
    const country = homeLeads || out.length > 1 ? (nb[step++ % nb.length] ?? 'US') : profile.code;
    if (country === leader) continue;
    share = Math.min(share, rest * (0.3 + 0.35 * rand()));
    rest -= share;
    out.push({ country, share: Math.max(1, Math.floor(share * 1000)) / 1000 });
  }
  return out;
}

function drawCredibility(rand: Rand, allowLow: boolean): number {
  if (allowLow && rand() < LOW_CREDIBILITY_SHARE) return roundTo(0.3 + 0.29 * rand(), 2);
  return roundTo(0.75 + 0.22 * ((rand() + rand()) / 2), 2);
}

/** Disclosed share is a count over the sponsored posts, so it is one of k/n. */
function drawDisclosure(rand: Rand, sponsored: number): number | null {
  if (sponsored === 0) return null;
  if (rand() < POOR_DISCLOSURE_SHARE) return Math.floor(0.5 * rand() * sponsored) / sponsored;
  return Math.min(sponsored, Math.ceil((0.75 + 0.25 * rand()) * sponsored)) / sponsored;
}

function drawFlags(rand: Rand): BrandSafetyFlag[] {
  if (rand() >= FLAGGED_SHARE) return [];
  const first = pickWeighted(rand, FLAG_TABLE);
  if (rand() >= 0.3) return [first];
  let second = pickWeighted(rand, FLAG_TABLE);
  while (second === first) second = pickWeighted(rand, FLAG_TABLE);
  return [first, second];
}

function drawPlatforms(rand: Rand, fans: number): { platform: Platform; followers: number }[] {
  const out: { platform: Platform; followers: number }[] = [];
  for (const m of PLATFORM_MODEL) {
    if (rand() < m.share) out.push({ platform: m.platform, followers: Math.max(10, Math.round(fans * m.ratio * Math.exp(m.spread * normal(rand)))) });
  }
  return out;
}

function drawAgency(rand: Rand, tier: Tier, country: string): string | null {
  if (rand() >= AGENCY_SHARE[tier]) return null;
  if (country === 'KR' && rand() < 0.7) return pick(rand, KR_AGENCIES);
  if (country === 'JP' && rand() < 0.6) return pick(rand, JP_AGENCIES);
  return pick(rand, AGENCIES);
}

function drawLanguages(rand: Rand, profile: CountryProfile): string[] {
  return rand() < profile.extraLanguageShare ? [profile.language, profile.extraLanguage] : [profile.language];
}

/** Lognormal around 4 a week, 1-14, in half posts (team assumption). */
function drawPostsPerWeek(rand: Rand): number {
  return clamp(Math.round(2 * 4 * Math.exp(0.55 * normal(rand))) / 2, 1, 14);
}

function drawDataAge(rand: Rand): number {
  return rand() < STALE_SHARE ? 31 + Math.floor(rand() * 45) : Math.floor(rand() * 31);
}

function drawBio(rand: Rand, niche: Niche, profile: CountryProfile): string {
  const p = NICHE_PROFILES[niche];
  const line = pick(rand, p.bios);
  const city = pick(rand, profile.cities);
  const tail = pick(rand, BIO_TAILS);
  const head =
    profile.style === 'korean'
      ? `${p.koLabel} 크리에이터 · ${line}`
      : profile.style === 'japanese'
        ? `${p.jaLabel}クリエイター · ${line}`
        : line;
  return tail === '' ? `${head} | ${city}` : `${head} | ${city} | ${tail}`;
}

function drawDisplayName(rand: Rand, profile: CountryProfile, niche: Niche, given: NamePart, family: NamePart): string {
  const style = rand();
  if (profile.style === 'korean') {
    if (style < 0.65) return `${family.display}${given.display}`;
    if (style < 0.85) return `${given.display}의 ${NICHE_PROFILES[niche].koLabel}`;
    return `${given.display} TV`;
  }
  if (profile.style === 'japanese') {
    if (style < 0.7) return `${family.display}${given.display}`;
    if (style < 0.85) return given.display;
    return `${given.display}の${NICHE_PROFILES[niche].jaLabel}`;
  }
  if (style < 0.78) return `${given.display} ${family.display}`;
  if (style < 0.9) return `${given.display} ${family.display.charAt(0)}.`;
  return given.display;
}

function drawHandleBase(rand: Rand, niche: Niche, given: NamePart, family: NamePart): string {
  const word = pick(rand, NICHE_PROFILES[niche].handleWords);
  const sep = pick(rand, HANDLE_SEPARATORS);
  const pattern = rand();
  let base: string;
  if (pattern < 0.35) base = `${given.ascii}${sep}${word}`;
  else if (pattern < 0.55) base = `${given.ascii}${sep}${family.ascii}`;
  else if (pattern < 0.65) base = `${family.ascii}${sep}${given.ascii}`;
  else if (pattern < 0.8) base = `${pick(rand, HANDLE_PREFIXES)}${given.ascii}${sep}${word}`;
  else base = `${word}${sep}${given.ascii}`;
  const number = rand();
  if (number < 0.14) base += String(10 + Math.floor(rand() * 90));
  else if (number < 0.22) base += `${sep === '.' ? '_' : ''}${String(1990 + Math.floor(rand() * 20)).slice(2)}`;
  else if (number < 0.28) base += String(1 + Math.floor(rand() * 9));
  return base.length > MAX_HANDLE - 3 ? base.slice(0, MAX_HANDLE - 3) : base;
}

/** Takes `base`, or `base` plus the first free number (the way a platform suggests one). */
function claimHandle(taken: Set<string>, base: string, index: number): string {
  let handle = base;
  const last = base.charAt(base.length - 1);
  if (last === '.' || last === '_') handle = base.slice(0, -1);
  if (!taken.has(handle)) {
    taken.add(handle);
    return handle;
  }
  const stem = handle;
  for (let n = 2 + (mix32(index) % 97); ; n++) {
    handle = `${stem}${n}`;
    if (!taken.has(handle)) {
      taken.add(handle);
      return handle;
    }
  }
}

/** What sets a creator apart before the profile draws: identity, reach, rates and fee. */
interface Core {
  handle: string;
  displayName: string;
  niche: Niche;
  profile: CountryProfile;
  fans: number;
  avgViews: number | null;
  engagementRate: number | null;
  engagementRatePerFollower: number;
  feePerPost: number;
  feeRange: [number, number];
  bio: string;
  source: Source;
  /** A real, named person: no invented agency, flags, low credibility or second language. */
  named: boolean;
}

/** Draws the profile fields from the creator's stream and builds the object, one shape for all. */
function assemble(rand: Rand, c: Core, dates: string[]): CreatorProfile {
  const tier = tierForFans(c.fans);
  const niche = NICHE_PROFILES[c.niche];
  const languages = c.named ? [c.profile.language] : drawLanguages(rand, c.profile);
  const postsPerWeek = drawPostsPerWeek(rand);
  const ageShares = drawAgeShares(rand, c.niche);
  const femaleShare = roundTo(clamp(niche.femaleShare + 0.07 * normal(rand), 0.03, 0.97), 3);
  const topCountries = drawTopCountries(rand, c.profile);
  const credibility = drawCredibility(rand, !c.named);
  const sponsoredPosts90d = Math.min(12, poisson(rand, SPONSORED_MEAN[tier]));
  const adDisclosureRate = drawDisclosure(rand, sponsoredPosts90d);
  const brandSafetyFlags = c.named ? [] : drawFlags(rand);
  const platforms = drawPlatforms(rand, c.fans);
  const agency = c.named ? null : drawAgency(rand, tier, c.profile.code);
  const dataDate = dates[drawDataAge(rand)] ?? '';
  return {
    id: c.handle,
    handle: c.handle,
    displayName: c.displayName,
    niche: c.niche,
    country: c.profile.code,
    tier,
    fans: c.fans,
    avgViews: c.avgViews,
    engagementRate: c.engagementRate,
    feePerPost: c.feePerPost,
    bio: c.bio,
    source: c.source,
    languages,
    engagementRatePerFollower: c.engagementRatePerFollower,
    postsPerWeek,
    audience: { ageShares, femaleShare, topCountries },
    credibility,
    sponsoredPosts90d,
    adDisclosureRate,
    brandSafetyFlags,
    platforms,
    agency,
    feeRange: c.feeRange,
    dataDate,
  };
}

// ---------------------------------------------------------------------------------------------
// Named creators
// ---------------------------------------------------------------------------------------------

/** The guide's top creators and the Kroger #TransformUrDorm creators, first in the catalog, as in the fixtures. */
const NAMED = [...GUIDE_TOP, ...KROGER];

const ILLUSTRATIVE =
  ' Audience, credibility, sponsorship, platform and data-date figures are illustrative (team assumption), not measured.';
const GUIDE_SOURCE: Source = {
  ...SOURCES.guide,
  note:
    'Fans from the guide’s top-creator list. The guide gives no views or engagement (the planner uses tier benchmarks); the fee is the middle of the tier’s range (estimate).' +
    ILLUSTRATIVE,
};
const KROGER_SOURCE: Source = {
  ...SOURCES.guide,
  note: 'Named in the Kroger case study; the guide gives no figures, so fans and fee are illustrative (team assumption).' + ILLUSTRATIVE,
};

/**
 * A named creator keeps the guide's identity and figures. The guide gives no views or engagement,
 * so those stay null (as in the main catalog) and the per-follower rate is the tier curve's.
 */
function namedCreator(c: NamedCreator, rand: Rand, dates: string[], kroger: boolean): CreatorProfile {
  const [tierLo, tierHi] = FEE_RANGE[tierForFans(c.fans)];
  return assemble(
    rand,
    {
      handle: c.handle,
      displayName: c.displayName,
      niche: c.niche,
      profile: US_PROFILE,
      fans: c.fans,
      avgViews: null,
      engagementRate: null,
      engagementRatePerFollower: roundTo(erCentre(c.fans) * VIEW_RATE, 5),
      feePerPost: c.fee ?? (tierLo + tierHi) / 2,
      feeRange: c.fee === undefined ? [tierLo, tierHi] : [roundFee(c.fee * 0.75), roundFee(c.fee * 1.35)],
      bio: kroger ? 'College creator in Kroger #TransformUrDorm (guide case study).' : `One of the guide's top TikTok creators by fans (${c.niche}).`,
      source: kroger ? KROGER_SOURCE : GUIDE_SOURCE,
      named: true,
    },
    dates,
  );
}

// ---------------------------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function parseDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new RangeError(`expected a yyyy-MM-dd date, got "${day}"`);
  return ms;
}

const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function generatedCreator(seed: number, index: number, taken: Set<string>, dates: string[]): CreatorProfile {
  const rand = streamFor(seed, index, GENERATED_SALT);
  const profile = pickWeighted(rand, COUNTRY_TABLE);
  const niche = pickWeighted(rand, NICHE_TABLE);
  const fans = drawFans(rand, pickWeighted(rand, TIER_TABLE));
  const given = pick(rand, profile.given);
  const family = pick(rand, profile.family);
  const handle = claimHandle(taken, drawHandleBase(rand, niche, given, family), index);
  const displayName = drawDisplayName(rand, profile, niche, given, family);
  const views = Math.max(1, Math.round(fans * VIEW_RATE * Math.exp(VIEW_SPREAD * normal(rand))));
  const er = roundTo(clamp(erCentre(fans) * Math.exp(ER_SPREAD * normal(rand)), 0.002, 0.4), 4);
  const viewsMeasured = rand() >= NO_VIEWS_SHARE;
  const erMeasured = rand() >= NO_ER_SHARE;
  const fee = drawFee(rand, tierForFans(fans), fans);
  return assemble(
    rand,
    {
      handle,
      displayName,
      niche,
      profile,
      fans,
      avgViews: viewsMeasured ? views : null,
      engagementRate: erMeasured ? er : null,
      // Likes, comments and fans are public counts, so the per-follower rate is known even where
      // the catalog has no view average or per-view rate.
      engagementRatePerFollower: roundTo((er * views) / fans, 5),
      feePerPost: fee,
      feeRange: [roundFee(fee * (0.7 + 0.1 * rand())), roundFee(fee * (1.25 + 0.2 * rand()))],
      bio: drawBio(rand, niche, profile),
      source: GENERATED_SOURCE,
      named: false,
    },
    dates,
  );
}

/**
 * The catalog: the guide's named creators and the Kroger creators first, then `size` generated
 * creators (default CATALOG_SIZE). Creator #i depends only on the seed, `asOf` and the creators
 * before it, so a smaller catalog is a prefix of a bigger one.
 */
export function generateCatalog(options: GenerateCatalogOptions): CreatorProfile[] {
  const seed = (options.seed ?? CATALOG_SEED) >>> 0;
  const size = options.size ?? CATALOG_SIZE;
  const asOf = parseDay(options.asOf);
  const dates: string[] = [];
  for (let d = 0; d <= 75; d++) dates.push(formatDay(asOf - d * DAY_MS));

  const out: CreatorProfile[] = [];
  const taken = new Set<string>();
  NAMED.forEach((c, j) => {
    taken.add(c.handle);
    out.push(namedCreator(c, streamFor(seed, j, NAMED_SALT), dates, j >= GUIDE_TOP.length));
  });
  for (let i = 0; i < size; i++) out.push(generatedCreator(seed, i, taken, dates));
  return out;
}

/** Share of a post's engagements that are likes, then comments; shares take the rest. */
const LIKE_SHARE: [number, number] = [0.84, 0.93];
const COMMENT_SHARE: [number, number] = [0.02, 0.05];
/** Post-to-post spread of views (lognormal sigma; mean kept at the average) and of engagement. */
const POST_VIEW_SPREAD = 0.45;
const POST_ER_SPREAD = 0.2;

/**
 * The creator's `count` latest posts, newest first, the same every time for the same creator.
 * Views spread around the average (fans × 14.49% where unmeasured), engagements are views × the
 * per-view rate (the tier benchmark where unmeasured), mostly likes. Posts inside the last 90 days
 * draw their sponsored and #ad flags without replacement from `sponsoredPosts90d` and the
 * disclosed count, so they never contradict the profile.
 */
export function recentPosts(creator: CreatorProfile, count = 12): RecentPost[] {
  const rand = seededRandom((hashString(creator.id) ^ 0x2c1b3c6d) >>> 0);
  const start = parseDay(creator.dataDate);
  const baseViews = creator.avgViews ?? Math.round(creator.fans * VIEW_RATE);
  const er = creator.engagementRate ?? erCentre(creator.fans);
  const gap = 7 / creator.postsPerWeek;

  const sponsoredTotal = creator.sponsoredPosts90d;
  let postsLeft = Math.round(creator.postsPerWeek * (90 / 7));
  let sponsoredLeft = sponsoredTotal;
  let disclosedLeft = Math.round((creator.adDisclosureRate ?? 0) * sponsoredTotal);
  const olderSponsored = postsLeft > 0 ? sponsoredTotal / postsLeft : 0;

  // One pass, post by post, so the first 12 of 30 posts are the 12 posts.
  const posts: RecentPost[] = [];
  let t = rand() * gap;
  for (let j = 0; j < count; j++) {
    const day = Math.floor(t);
    t += gap * (0.5 + rand());
    let sponsored: boolean;
    let disclosed: boolean;
    if (day < 90) {
      // Without replacement from the 90-day counts: never more than the profile says.
      sponsored = postsLeft > 0 && rand() * postsLeft < sponsoredLeft;
      disclosed = sponsored && rand() * sponsoredLeft < disclosedLeft;
      postsLeft--;
      if (sponsored) sponsoredLeft--;
      if (disclosed) disclosedLeft--;
    } else {
      sponsored = rand() < olderSponsored;
      disclosed = sponsored && rand() < (creator.adDisclosureRate ?? 0);
    }
    const views = Math.max(0, Math.round(baseViews * Math.exp(POST_VIEW_SPREAD * normal(rand) - (POST_VIEW_SPREAD * POST_VIEW_SPREAD) / 2)));
    const engagements = Math.round(views * clamp(er * Math.exp(POST_ER_SPREAD * normal(rand)), 0, 1));
    const likes = Math.round(engagements * (LIKE_SHARE[0] + rand() * (LIKE_SHARE[1] - LIKE_SHARE[0])));
    const comments = Math.min(engagements - likes, Math.round(engagements * (COMMENT_SHARE[0] + rand() * (COMMENT_SHARE[1] - COMMENT_SHARE[0]))));
    posts.push({
      id: `${creator.id}-p${j + 1}`,
      postedOn: formatDay(start - day * DAY_MS),
      views,
      likes,
      comments,
      shares: engagements - likes - comments,
      sponsored,
      disclosed,
    });
  }
  return posts;
}
