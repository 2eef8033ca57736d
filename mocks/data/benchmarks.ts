import type { AdultAgeBand, Assumption, Benchmarks, CaseStudy, Country, Market, MarketUsers, Source } from '../../src/domain/types';
import { AD_FORMATS } from './ad-formats';
import { SOURCES } from './sources';

const CHIPOTLE_SUBMISSIONS = 250_000;
/** Stackmatix's price of a six-day challenge and the challenge's effective CPM: the paid impressions Chipotle bought. */
const CHALLENGE_PACKAGE = 150_000;
const CHALLENGE_CPM = 20;
const CHIPOTLE_PAID_IMPRESSIONS = (CHALLENGE_PACKAGE / CHALLENGE_CPM) * 1000;
/** The default participation ceiling: the most of a market's users who make a video for one brand. */
const MAX_PARTICIPATION = 0.02;
/** The guide's 2020 U.S. users: the market Chipotle's challenge ran in. */
const GUIDE_US_USERS = 26_500_000;
/**
 * Chipotle's participation rate, read through the saturating curve it is used in: the rate at which
 * the 7.5M paid impressions its package bought make 250,000 videos under the default ceiling (2% of
 * 26.5M users: 530,000). The best U.S. challenge of its time, so the top of the range.
 */
const CHIPOTLE_CAP = MAX_PARTICIPATION * GUIDE_US_USERS;
const CHIPOTLE_RATE = (-Math.log1p(-CHIPOTLE_SUBMISSIONS / CHIPOTLE_CAP) * CHIPOTLE_CAP) / CHIPOTLE_PAID_IMPRESSIONS;

const inFeed = AD_FORMATS.find((f) => f.id === 'in-feed');
const takeover = AD_FORMATS.find((f) => f.id === 'brand-takeover');
const challenge = AD_FORMATS.find((f) => f.id === 'hashtag-challenge');
const challengePlus = AD_FORMATS.find((f) => f.id === 'hashtag-challenge-plus');
const effects = AD_FORMATS.find((f) => f.id === 'branded-effects');
if (!inFeed || !takeover || !challenge || !challengePlus || !effects) throw new Error('ad format data is incomplete');

function packagePrice(format: NonNullable<typeof challenge>): number {
  if (format.minimumSpend === null || !format.package) throw new Error(`${format.id} is not sold as a package`);
  return format.minimumSpend;
}

// ---------------------------------------------------------------------------------------------
// Markets.

/** The share of daily users among monthly users: about 50 million of 100 million U.S. users (TikTok, 2020). */
const DAILY_ACTIVE_SHARE = 0.5;

/** TikTok's U.S. figure: about 12 million of its 150 million users are under 18 (2023). */
const TEEN_SHARE = 12 / 150;
/** Teens per user aged 18+: for figures that count users 18+ only (ad reach), the same U.S. ratio. */
const TEENS_PER_ADULT = 12 / (150 - 12);

/** The worldwide split of TikTok's ad audience aged 18+ (DataReportal, Jan 2025), each market's start. */
const WORLD_ADULT_AGES: Record<AdultAgeBand, number> = { '18-24': 0.307, '25-34': 0.353, '35-44': 0.164, '45-54': 0.092, '55+': 0.084 };
const WORLD_FEMALE = 0.443;

/**
 * The guide's 2020 U.S. audience read as the guide describes it (6 in 10 users are 16-24 and
 * two-thirds are under 30): 20% aged 13-17, then 18-24 50%, 25-34 17%, 35-44 8%, 45-54 3%, 55+ 2%
 * of all users, a team reading matching both figures.
 */
const GUIDE_TEEN_SHARE = 0.2;
const GUIDE_ADULT_AGES: Record<AdultAgeBand, number> = { '18-24': 0.5, '25-34': 0.17, '35-44': 0.08, '45-54': 0.03, '55+': 0.02 };

const teenNote = 'Users aged 13-17 are estimated at TikTok’s U.S. ratio (about 12 million of 150 million users in 2023): TikTok’s ad tools publish nothing under 18.';

/** A figure that counts users aged 18+ (ad reach): teens added at the U.S. ratio. */
function adults(year: number, reach: number, source: Source, what: string): MarketUsers {
  const users = Math.round(reach * (1 + TEENS_PER_ADULT));
  return {
    year,
    users,
    teenShare: TEEN_SHARE,
    adultAgeShares: null,
    definition: `${what}: ${(reach / 1e6).toFixed(2)}M people aged 18+ reachable with TikTok ads, plus users aged 13-17 at TikTok’s U.S. ratio (${(TEENS_PER_ADULT * 100).toFixed(1)}% of adults).`,
    source: { ...source, note: [source.note, teenNote].filter(Boolean).join(' ') },
  };
}

/** A figure that counts monthly users of every age. */
function allAges(year: number, users: number, source: Source, what: string): MarketUsers {
  return {
    year,
    users,
    teenShare: TEEN_SHARE,
    adultAgeShares: null,
    definition: `${what}: ${(users / 1e6).toFixed(2)}M monthly users of every age, ${(TEEN_SHARE * 100).toFixed(0)}% of them taken to be 13-17 (TikTok’s U.S. share).`,
    source: { ...source, note: [source.note, teenNote].filter(Boolean).join(' ') },
  };
}

/** Takeover rate from the guide: $50,000 and 5,000,000 impressions a day for 26.5M U.S. users, a $10 CPM reaching 18.9% of users a day. */
const GUIDE_TAKEOVER_DAILY_SHARE = 5_000_000 / 26_500_000;
const GUIDE_TAKEOVER_CPM = 50_000 / 5_000;

/** A market without a published rate card: the guide's U.S. rate applied to its latest users. */
function guideRateTakeover(users: number): Market['takeover'] {
  const impressionsPerDay = Math.round((users * GUIDE_TAKEOVER_DAILY_SHARE) / 1000) * 1000;
  return {
    pricePerDay: Math.round((impressionsPerDay / 1000) * GUIDE_TAKEOVER_CPM),
    impressionsPerDay,
    source: {
      ...SOURCES.teamAssumption,
      note: `No published rate card for this market: the guide’s U.S. takeover (5,000,000 impressions a day for 26.5M users, $50,000 a day: ${(GUIDE_TAKEOVER_DAILY_SHARE * 100).toFixed(1)}% of users a day at a $10 CPM) applied to the market’s latest users.`,
    },
  };
}

/** A market on TikTok's 2021 Southeast Asian rate card: a Brand Takeover day at 100% share of voice. */
function rateCardTakeover(pricePerDay: number, impressionsPerDay: number): Market['takeover'] {
  return { pricePerDay, impressionsPerDay, source: SOURCES.seaRateCard2021 };
}

const worldAges = { value: WORLD_ADULT_AGES, source: SOURCES.dataReportalAudience2025 };
const worldFemale = {
  value: WORLD_FEMALE,
  source: { ...SOURCES.dataReportalAudience2025, note: 'Worldwide: no current figure for this market. 44.3% of TikTok’s ad audience 18+ was female in Jan 2025 (57% in 2022).' },
};

const US_2020: MarketUsers = {
  year: 2020,
  users: 26_500_000,
  teenShare: GUIDE_TEEN_SHARE,
  adultAgeShares: GUIDE_ADULT_AGES,
  definition:
    'The guide’s U.S. monthly active users (26.5M), split by age as the guide describes them (6 in 10 are 16-24; two-thirds are under 30).',
  source: { ...SOURCES.platformFigures, note: 'The age split is a team reading of the guide’s two figures.' },
};

const ca2024Adults = Math.round(0.38 * 33_000_000);

/** Every market the model serves, with dated user figures (a plan reads its flight year's), its audience and its takeover rate card. */
export const MARKETS: Market[] = [
  {
    country: 'US',
    users: [
      US_2020,
      adults(2023, 113_250_000, SOURCES.dataReportal2023, 'DataReportal, Jan 2023'),
      adults(2024, 148_920_000, SOURCES.dataReportal2024, 'DataReportal, Jan 2024'),
      adults(2025, 135_790_000, SOURCES.dataReportal2025, 'DataReportal, Feb 2025'),
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: { pricePerDay: 50_000, impressionsPerDay: 5_000_000, source: SOURCES.guide },
  },
  {
    country: 'KR',
    users: [allAges(2025, 4_898_510, SOURCES.igaworks2025, 'IGAWorks Mobile Index, Jan 2025 (the TikTok app)')],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: guideRateTakeover(4_898_510),
  },
  {
    country: 'JP',
    users: [
      adults(2021, 13_000_000, SOURCES.hachienJapan2021, 'TikTok’s ad tool as read by Hachien, Jul 2021'),
      allAges(2025, 42_000_000, SOURCES.tiktokJapan2025, 'TikTok Japan, Nov 2025 (TikTok and TikTok Lite)'),
    ],
    adultAgeShares: worldAges,
    femaleShare: { value: 0.6, source: SOURCES.hachienJapan2021 },
    takeover: guideRateTakeover(42_000_000),
  },
  {
    country: 'GB',
    users: [
      adults(2022, 21_800_000, SOURCES.dataReportal2022Uk, 'DataReportal, Jan 2022'),
      adults(2023, 20_300_000, SOURCES.dataReportalApr2023, 'DataReportal, Apr 2023'),
    ],
    adultAgeShares: worldAges,
    femaleShare: { value: 0.597, source: { ...SOURCES.dataReportal2022Uk, note: '59.7% of the UK’s TikTok ad audience was female in Jan 2022.' } },
    takeover: guideRateTakeover(Math.round(20_300_000 * (1 + TEENS_PER_ADULT))),
  },
  {
    country: 'CA',
    users: [
      {
        ...adults(2024, ca2024Adults, SOURCES.vividata2024, 'Vividata, Spring 2024'),
        definition: `Vividata, Spring 2024: TikTok reaches 38% of Canadian adults a month, of about 33 million adults (Statistics Canada, 2024: 41.3M people, about 80% aged 18+), ${(ca2024Adults / 1e6).toFixed(2)}M adults; plus users aged 13-17 at TikTok’s U.S. ratio.`,
      },
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: guideRateTakeover(Math.round(ca2024Adults * (1 + TEENS_PER_ADULT))),
  },
  {
    country: 'ID',
    users: [
      adults(2023, 109_900_000, SOURCES.dataReportal2023, 'DataReportal, Jan 2023'),
      adults(2024, 126_800_000, SOURCES.dataReportal2024, 'DataReportal, Jan 2024'),
      adults(2025, 107_000_000, SOURCES.dataReportal2025, 'DataReportal, early 2025'),
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: rateCardTakeover(69_500, 94_605_000),
  },
  {
    country: 'TH',
    users: [
      adults(2023, 40_270_000, SOURCES.dataReportal2023, 'DataReportal, Jan 2023'),
      adults(2024, 44_300_000, SOURCES.dataReportal2024, 'DataReportal, Jan 2024'),
      allAges(2025, 50_000_000, SOURCES.tiktokSea2025, 'TikTok, Oct 2025'),
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: rateCardTakeover(57_000, 38_240_000),
  },
  {
    country: 'VN',
    users: [
      adults(2023, 49_860_000, SOURCES.dataReportal2023, 'DataReportal, Jan 2023'),
      adults(2024, 69_670_000, SOURCES.dataReportalApr2024, 'DataReportal, Apr 2024'),
      allAges(2025, 70_000_000, SOURCES.tiktokSea2025, 'TikTok, Oct 2025'),
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: rateCardTakeover(41_500, 41_130_000),
  },
  {
    country: 'PH',
    users: [
      adults(2023, 43_400_000, SOURCES.dataReportal2023, 'DataReportal, early 2023'),
      adults(2024, 49_090_000, SOURCES.dataReportal2024, 'DataReportal, early 2024'),
    ],
    adultAgeShares: worldAges,
    femaleShare: worldFemale,
    takeover: rateCardTakeover(28_500, 35_695_000),
  },
  {
    country: 'MY',
    users: [
      adults(2022, 14_000_000, SOURCES.dataReportal2022, 'DataReportal, early 2022'),
      adults(2023, 20_070_000, SOURCES.dataReportalApr2023, 'DataReportal, Apr 2023'),
    ],
    adultAgeShares: worldAges,
    femaleShare: { value: 0.568, source: SOURCES.digitalBusinessLabMy2022 },
    takeover: rateCardTakeover(14_800, 10_130_000),
  },
] satisfies (Market & { country: Country })[];

// ---------------------------------------------------------------------------------------------
// Assumptions.

/** Every rate the projection uses beyond the markets' own figures, with its unit, definition, market, spread and source. */
export const ASSUMPTIONS: Assumption[] = [
  {
    key: 'dailyActiveShare',
    label: 'Daily users as a share of monthly users',
    value: DAILY_ACTIVE_SHARE,
    unit: 'fraction',
    group: 'audience',
    definition:
      'Share of a market’s monthly users who open TikTok on a given day: the most people a Brand Takeover, shown once a day to people opening the app, can reach in a day.',
    market: 'US',
    range: null,
    source: SOURCES.tiktokUsFiling2020,
  },
  {
    key: 'reachCurveShape',
    label: 'Reach curve shape',
    value: 1,
    unit: 'number',
    group: 'reach',
    definition:
      'Shape k of the negative-binomial reach curve of paid delivery, reach = U × (1 − (1 + impressions ÷ (k × U))^−k). Lower k is more uneven exposure (the same heavy users see the ad again) and less reach for the same impressions. Planners use 0.5-2; the range drives the reach ranges.',
    market: 'Global',
    range: [0.5, 2],
    source: { ...SOURCES.reachMethods, note: 'Negative-binomial exposure distribution; the shape and its range are a team assumption (no published TikTok figure).' },
  },
  {
    key: 'duplicationFactor',
    label: 'Independence of line items (D)',
    value: 0.85,
    unit: 'fraction',
    group: 'reach',
    definition:
      'How much of the extra reach independent line items would add over the largest one the plan actually gets: combined reach = largest + D × (Sainsbury − largest). 100% is Sainsbury (no more overlap than chance), 0% full overlap (the largest line item alone). TikTok line items share the same heavy users, so D is below 100%. A creator’s posts and their Spark Ads combine the same way.',
    market: 'Global',
    range: [0.6, 1],
    source: {
      ...SOURCES.esomarDuplication2005,
      note: 'Combined reach lies between the largest vehicle and random duplication (ESOMAR 2005); the Telmar reading of Sainsbury is about 5% below random duplication. D and its range are a team assumption between them.',
    },
  },
  {
    key: 'creatorRepeatOverlap',
    label: 'Repeat viewers of a creator’s posts',
    value: 0.5,
    unit: 'fraction',
    group: 'reach',
    definition:
      'Share of the people reached by a creator’s post who also saw the previous one. Fits the beta-binomial curve that gives each further post less new reach.',
    market: 'Global',
    range: [0.3, 0.7],
    source: { ...SOURCES.teamAssumption, note: 'The beta-binomial method is standard; the overlap and its range are not published.' },
  },
  {
    key: 'takeoverRepeatShare',
    label: 'Repeat viewers of takeover days',
    value: 0.6,
    unit: 'fraction',
    group: 'reach',
    definition:
      'Share of the people who see a Brand Takeover on one day who also saw it on the previous takeover day: people who open the app daily see it every day, once a day. Fits the beta-binomial curve over the days.',
    market: 'Global',
    range: [0.4, 0.8],
    source: { ...SOURCES.teamAssumption, note: 'Half of monthly users open the app on a given day (TikTok, 2020), and they are much the same people from day to day.' },
  },
  {
    key: 'inFeedCpm',
    label: 'In-Feed Ads CPM',
    value: inFeed.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Price of 1,000 In-Feed impressions bought on CPM.',
    market: 'US',
    range: null,
    source: { ...SOURCES.guide, note: 'A 2020 U.S. price; calculatecreator.com reports $6.50-10 today.' },
  },  {
    key: 'inFeedCpc',
    label: 'In-Feed Ads CPC',
    value: 0.8,
    unit: 'usd',
    group: 'prices',
    definition: 'Price of a click when In-Feed Ads are bought on CPC. The clicks are bought; impressions follow from the click-through rate.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.calculateCreatorAds, note: 'About $0.80 (range $0.30-2.50).' },
  },  {
    key: 'inFeedCpv',
    label: 'In-Feed Ads CPV',
    value: Number(((inFeed.cpm / 1000) / 0.2).toFixed(3)),
    unit: 'usd',
    group: 'prices',
    definition: 'Price of a 6-second view when In-Feed Ads are bought on CPV. The views are bought; impressions follow from the 6-second view rate.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'No published CPV: the guide’s $10 CPM ÷ 1,000 ÷ the 20% 6-second view rate, so CPV and CPM buys cost the same per impression.' },
  },  {
    key: 'challengePackagePrice',
    label: 'Hashtag Challenge package price',
    value: packagePrice(challenge),
    unit: 'usd',
    group: 'prices',
    definition: `Price of the ${challenge.package?.days ?? 6}-day Hashtag Challenge package. A line buys one package; its budget beyond the package buys extra days at the package’s price per day.`,
    market: 'US',
    range: null,
    source: { ...SOURCES.stackmatixChallenge, note: 'About $150,000 for 6 days; no official price.' },
  },
  {
    key: 'challengePlusPackagePrice',
    label: 'Hashtag Challenge Plus package price',
    value: packagePrice(challengePlus),
    unit: 'usd',
    group: 'prices',
    definition: `Price of the ${challengePlus.package?.days ?? 6}-day Hashtag Challenge Plus package (challenge and shopping tabs). Extra days at the package’s price per day.`,
    market: 'US',
    range: null,
    source: { ...SOURCES.stackmatixChallenge, note: '$200,000+ for 6 days; no official price.' },
  },
  {
    key: 'effectsPackagePrice',
    label: 'Branded Effects package price',
    value: packagePrice(effects),
    unit: 'usd',
    group: 'prices',
    definition: `Price of a ${effects.package?.days ?? 10}-day Branded Effect package (the effect and its promotion). Extra days at the package’s price per day.`,
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'No public price or length for Branded Effects (TikTok Effect House).' },
  },
  {
    key: 'challengeCpm',
    label: 'Hashtag Challenge effective CPM',
    value: challenge.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Package price ÷ paid impressions × 1,000 of a Hashtag Challenge (Discover banner and promoted placements).',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: challenge.priceNote },
  },  {
    key: 'challengePlusCpm',
    label: 'Hashtag Challenge Plus effective CPM',
    value: challengePlus.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Package price ÷ paid impressions × 1,000 of a Hashtag Challenge Plus.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: challengePlus.priceNote },
  },  {
    key: 'effectsCpm',
    label: 'Branded Effects effective CPM',
    value: effects.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Package price ÷ paid impressions × 1,000 of a Branded Effect’s promotion.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: effects.priceNote },
  },  {
    key: 'sparkCpm',
    label: 'Spark Ads CPM',
    value: 6.5,
    unit: 'usd',
    group: 'prices',
    definition: 'Auction price of 1,000 impressions of a creator’s post promoted with Spark Ads. Auction prices vary: the range is the published spread.',
    market: 'Global',
    range: [5, 8],
    source: { ...SOURCES.calculateCreatorAds, note: 'Spark Ads CPM $5-8; the default is the middle.' },
  },  {
    key: 'sixSecondViewRate',
    label: '6-second view rate',
    value: 0.2,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Share of paid video impressions watched for 6 seconds or more. Turns CPV-bought 6-second views into impressions (video plays), and gives the 6-second views of other paid video. A Brand Takeover lasts at most 5 seconds: it has none.',
    market: 'Global',
    range: [0.1, 0.4],
    source: {
      ...SOURCES.tiktokAdsHelp,
      note: 'TikTok publishes no average. Vendors quote 35-50% for well-made creative; the default and its range are a team assumption for the typical ad.',
    },
  },
  {
    key: 'creatorViewRate',
    label: 'Creator view rate',
    value: 0.1449,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Views per post ÷ real followers (fans × the catalog’s share of real followers). Used for creators the catalog has no average views for.',
    market: 'Global',
    range: [0.1449, 0.1623],
    source: { ...SOURCES.socialinsider, note: '14.49% in 2023, 16.23% in 2022.' },
  },
  {
    key: 'paidEngagementRate',
    label: 'Paid engagement rate',
    value: 0.0414,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements (likes, comments, shares) per view of a paid placement: the brand-account rate.',
    market: 'Global',
    range: [0.0414, 0.0538],
    source: { ...SOURCES.rivaliq, note: 'Brand accounts 4.14%; all accounts 5.38% (Socialinsider).' },
  },  {
    key: 'sparkEngagementLift',
    label: 'Spark Ads engagement lift',
    value: 0.43,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Extra engagements per view of a Spark Ad over an In-Feed ad: Spark engagement rate = paid rate × (1 + lift).',
    market: 'Global',
    range: null,
    source: SOURCES.benly,
  },  {
    key: 'engagementRateNano',
    label: 'Engagement rate, nano creators',
    value: 0.115,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Engagements per view for creators under 10K fans without a measured rate; also used for challenge and effect participants’ videos (reported apart, as earned engagements).',
    market: 'Global',
    range: [0.08, 0.15],
    source: SOURCES.calculateCreatorEr,
  },  {
    key: 'engagementRateMicro',
    label: 'Engagement rate, micro creators',
    value: 0.0596,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements per view for creators with 10K-100K fans without a measured rate.',
    market: 'Global',
    range: [0.05, 0.1],
    source: SOURCES.calculateCreatorEr,
  },  {
    key: 'engagementRateMid',
    label: 'Engagement rate, mid-tier creators',
    value: 0.045,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements per view for creators with 100K-500K fans without a measured rate.',
    market: 'Global',
    range: [0.03, 0.06],
    source: SOURCES.calculateCreatorEr,
  },  {
    key: 'engagementRateMacro',
    label: 'Engagement rate, macro creators',
    value: 0.0264,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements per view for creators with 500K-1M fans without a measured rate.',
    market: 'Global',
    range: [0.02, 0.03],
    source: {
      ...SOURCES.calculateCreatorEr,
      note: 'The source gives one figure (2.64%); the range runs from the mega-tier default to the mid tier’s low (team reading).',
    },
  },  {
    key: 'engagementRateMega',
    label: 'Engagement rate, mega creators',
    value: 0.02,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Engagements per view for creators with 1M+ fans without a measured rate. No source gives a per-view figure; this continues the fall with tier below the macro figure (2.64%).',
    market: 'Global',
    range: [0.0111, 0.0264],
    source: {
      ...SOURCES.teamAssumption,
      note: 'Range: Influencer Hero’s 1.11% for 1M+ accounts (Jan 2024, per follower, so a floor) to the macro tier’s 2.64%.',
    },
  },  {
    key: 'clickThroughRate',
    label: 'Click-through rate',
    value: 0.009,
    unit: 'fraction',
    group: 'funnel',
    definition:
      'Clicks per impression of a paid placement’s call to action: In-Feed Ads, Brand Takeover, Hashtag Challenge Plus (Shop Now) and Spark Ads. Hashtag Challenge and Branded Effects promotions have no link; creators’ own posts use the organic click rate.',
    market: 'Global',
    range: [0.006, 0.012],
    source: { ...SOURCES.affectgroup, note: 'In-Feed CTR about 0.9% (0.6-1.2%); calculatecreator.com agrees.' },
  },
  {
    key: 'organicClickRate',
    label: 'Click rate of creators’ own posts',
    value: 0.0005,
    unit: 'fraction',
    group: 'funnel',
    definition:
      'Clicks per view of a creator’s organic post, which carries no clickable link: a tap through to the creator’s profile and their link in bio, or a TikTok Shop product link. Much lower than a paid call to action.',
    market: 'Global',
    range: [0.0001, 0.002],
    source: {
      ...SOURCES.linkInBio,
      note: 'No source publishes clicks per view of an organic post; vendors put link-in-bio clicks at 1-3% of profile visits, themselves a small share of views. The default and its range are a team assumption.',
    },
  },
  {
    key: 'conversionRate',
    label: 'Conversion rate',
    value: 0.02,
    unit: 'fraction',
    group: 'funnel',
    definition: 'Conversions (purchases, installs, sign-ups) per click.',
    market: 'Global',
    range: [0.01, 0.03],
    source: SOURCES.dashthis,
  },  {
    key: 'averageOrderValue',
    label: 'Average order value',
    value: 40,
    unit: 'usd',
    group: 'funnel',
    definition: 'Revenue per conversion (an order, or the value of an install). Set it to your product’s.',
    market: 'Global',
    range: null,
    source: SOURCES.teamAssumption,
  },  {
    key: 'ugcSubmissionRate',
    label: 'Hashtag Challenge participation rate',
    value: CHIPOTLE_RATE / 3,
    unit: 'fraction',
    group: 'ugc',
    definition:
      `Videos participants make per paid impression of a Hashtag Challenge before the market saturates: submissions = cap × (1 − e^(−rate × paid impressions ÷ cap)), the cap being the most of the market’s users who take part. Chipotle #GuacDance, the best U.S. challenge of its time, made 250,000 videos from the 7.5M paid impressions a $150,000 package buys at a $20 CPM: ${(CHIPOTLE_RATE * 100).toFixed(2)}% read through that curve (2% of the guide’s 26.5M users as the cap), the top of the range; the typical challenge is taken as a third of it.`,
    market: 'US',
    range: [CHIPOTLE_RATE / 10, CHIPOTLE_RATE],
    source: { ...SOURCES.guide, note: 'Chipotle #GuacDance (guide) with the Stackmatix package price; the typical rate and the range are a team reading of it.' },
  },
  {
    key: 'challengePlusSubmissionRate',
    label: 'Hashtag Challenge Plus participation rate',
    value: CHIPOTLE_RATE / 3,
    unit: 'fraction',
    group: 'ugc',
    definition:
      'Videos participants make per paid impression of a Hashtag Challenge Plus before the market saturates (as for Hashtag Challenge). No campaign publishes its own: the shopping tabs don’t change what it takes to make a video, so the challenge’s rate and range are used.',
    market: 'US',
    range: [CHIPOTLE_RATE / 10, CHIPOTLE_RATE],
    source: { ...SOURCES.teamAssumption, note: 'Kroger #TransformUrDorm (guide: 800M+ hashtag views) and Ralph Lauren #WinningRL publish no video counts.' },
  },
  {
    key: 'effectsCreationRate',
    label: 'Branded Effects creation rate',
    value: 0.005,
    unit: 'fraction',
    group: 'ugc',
    definition:
      'Videos made with a branded effect per paid impression of its promotion, before the market saturates. An effect asks less of people than a challenge’s routine but has no challenge page pulling them in: no published figure, so a team assumption below the challenge’s.',
    market: 'Global',
    range: [0.001, 0.02],
    source: { ...SOURCES.teamAssumption, note: 'No public usage figures for Branded Effects (TikTok Effect House).' },
  },
  {
    key: 'viewsPerSubmission',
    label: 'Views per submitted video',
    value: (430_000_000 - CHIPOTLE_PAID_IMPRESSIONS) / CHIPOTLE_SUBMISSIONS,
    unit: 'views',
    group: 'ugc',
    definition:
      'Earned views of each participant’s video. Chipotle #GuacDance: 430M video starts, less the 7.5M paid impressions, ÷ 250,000 videos (1,690). GT’s Kombucha reached about 18,300 a video with 13 influencers seeding it, so the range reaches well above.',
    market: 'US',
    range: [1_000, 5_000],
    source: { ...SOURCES.guide, note: 'Case study: Chipotle #GuacDance; range a team reading with GT’s Kombucha (Marketing Dive, 2020).' },
  },
  {
    key: 'maxParticipationShare',
    label: 'Most of a market that takes part',
    value: MAX_PARTICIPATION,
    unit: 'fraction',
    group: 'ugc',
    definition:
      'The ceiling of participation: the most of a market’s users (all of them: challenges and effects can’t be targeted by age or gender) who make a video for one brand’s challenge or effect. Chipotle’s 250,000 videos were 0.9% of the guide’s 26.5M U.S. users.',
    market: 'Global',
    range: [0.01, 0.05],
    source: {
      ...SOURCES.mediakix2021,
      note: 'TikTok says over 35% of users take part in hashtag challenges of any kind; for one brand’s, the ceiling and its range are a team assumption above Chipotle’s record.',
    },
  },
  {
    key: 'emvCpm',
    label: 'Earned media value per 1,000 views',
    value: 8,
    unit: 'usd',
    group: 'value',
    definition:
      'What 1,000 earned views (participants’ videos, which the brand doesn’t pay for) would cost as paid impressions: the median TikTok auction CPM. Earned media value = earned views × this ÷ 1,000. Creators’ sponsored posts are paid media, not earned.',
    market: 'Global',
    range: [4, 15],
    source: { ...SOURCES.calculateCreatorAds, note: 'Median paid CPM $8 (range $4-15).' },
  },];

export const CASE_STUDIES: CaseStudy[] = [
  {
    id: 'spiderman-zachking',
    campaign: 'Spider-Man: Far From Home × @zachking',
    what: 'One sponsored video, watch-party concept',
    results: '134,000+ likes, 371 comments',
    source: SOURCES.guide,
  },
  {
    id: 'gymshark66',
    campaign: 'Gymshark “66 Day Change Your Life” (#gymshark66)',
    what: '6 fitness creators, each with more than 1M fans',
    results: '19.8M fans reached (creators’ combined fans), 11.11% engagement rate, 122M+ hashtag views',
    source: SOURCES.guide,
  },
  {
    id: 'chipotle-guacdance',
    campaign: 'Chipotle #GuacDance (National Guacamole Day)',
    what: 'Branded hashtag challenge with @lorengray and @brentrivera',
    results: '250,000+ video submissions, 430M video starts in 6 days',
    source: SOURCES.guide,
  },
  {
    id: 'ralphlauren-winningrl',
    campaign: 'Ralph Lauren #WinningRL (U.S. Open)',
    what: 'First Hashtag Challenge Plus (shoppable)',
    results: 'Creators with a combined reach of 11M+ fans',
    source: SOURCES.guide,
  },
  {
    id: 'kroger-transformurdorm',
    campaign: 'Kroger #TransformUrDorm (back to school)',
    what: '4 college creators, shoppable hashtag challenge',
    results: '800M+ total hashtag views',
    source: SOURCES.guide,
  },
];

export const BENCHMARKS: Benchmarks = { assumptions: ASSUMPTIONS, caseStudies: CASE_STUDIES, markets: MARKETS };
