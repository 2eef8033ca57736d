import type { Assumption, Benchmarks, CaseStudy } from '../../src/domain/types';
import { AD_FORMATS } from './ad-formats';
import { SOURCES } from './sources';

const CHIPOTLE_SUBMISSIONS = 250_000;
const CHIPOTLE_VIDEO_STARTS = 430_000_000;
/** Stackmatix's price of a six-day challenge and the challenge's effective CPM: the paid impressions Chipotle bought. */
const CHALLENGE_PACKAGE = 150_000;
const CHALLENGE_CPM = 20;
const CHIPOTLE_PAID_IMPRESSIONS = (CHALLENGE_PACKAGE / CHALLENGE_CPM) * 1000;

/** The guide's U.S. penetration: 26.5M monthly active users of 331M people (2020). */
const US_MAU = 26_500_000;
const US_PENETRATION = US_MAU / 331_000_000;
/** Population in millions (UN World Population Prospects, 2020). */
const POPULATION_M = { KR: 51.8, GB: 67.9, CA: 37.7, JP: 126.5 } as const;

const universeNote = (country: string) =>
  `No TikTok user figure for ${country} in the guide: the guide's U.S. penetration (26.5M of 331M people, ${(US_PENETRATION * 100).toFixed(1)}%) × population (UN, 2020). Replace it with your market's figure.`;

const inFeed = AD_FORMATS.find((f) => f.id === 'in-feed');
const takeover = AD_FORMATS.find((f) => f.id === 'brand-takeover');
const challenge = AD_FORMATS.find((f) => f.id === 'hashtag-challenge');
const challengePlus = AD_FORMATS.find((f) => f.id === 'hashtag-challenge-plus');
const effects = AD_FORMATS.find((f) => f.id === 'branded-effects');
if (!inFeed || !takeover || !challenge || !challengePlus || !effects) throw new Error('ad format data is incomplete');

const AGE_NOTE =
  'No age split in the guide beyond two figures; this split matches both: 6 in 10 U.S. users are 16-24 (half of 13-17 plus 18-24) and two-thirds are under 30. Used for every market; shares are normalised if edited.';

function ageShare(key: Assumption['key'], band: string, value: number): Assumption {
  return {
    key,
    label: `Share of users aged ${band}`,
    value,
    unit: 'fraction',
    group: 'audience',
    definition: `Share of TikTok monthly active users aged ${band}. Targeting age groups keeps their share of each country's universe.`,
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: AGE_NOTE },
  };
}

/** Every rate the projection uses, with its unit, definition, market, spread and source. */
export const ASSUMPTIONS: Assumption[] = [
  {
    key: 'universeUS',
    label: 'Audience universe, United States',
    value: US_MAU,
    unit: 'people',
    group: 'audience',
    definition: 'People the plan can reach in the U.S.: TikTok monthly active users.',
    market: 'US',
    range: null,
    source: SOURCES.platformFigures,
  },
  ...(['KR', 'GB', 'CA', 'JP'] as const).map(
    (c): Assumption => ({
      key: `universe${c}`,
      label: `Audience universe, ${{ KR: 'South Korea', GB: 'United Kingdom', CA: 'Canada', JP: 'Japan' }[c]}`,
      value: Math.round(POPULATION_M[c] * 1_000_000 * US_PENETRATION),
      unit: 'people',
      group: 'audience',
      definition: `People the plan can reach in ${c}: estimated TikTok monthly active users.`,
      market: c,
      range: null,
      source: { ...SOURCES.teamAssumption, note: universeNote(c) },
    }),
  ),
  ageShare('ageShare13to17', '13-17', 0.2),
  ageShare('ageShare18to24', '18-24', 0.5),
  ageShare('ageShare25to34', '25-34', 0.17),
  ageShare('ageShare35to44', '35-44', 0.08),
  ageShare('ageShare45to54', '45-54', 0.03),
  ageShare('ageShare55plus', '55+', 0.02),
  {
    key: 'femaleShare',
    label: 'Share of users who are women',
    value: 0.5,
    unit: 'fraction',
    group: 'audience',
    definition: 'Share of TikTok users who are women; targeting one gender keeps that share of the universe.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'No source in the guide: an even split until you enter your market’s.' },
  },
  {
    key: 'reachCurveShape',
    label: 'Reach curve shape',
    value: 1,
    unit: 'number',
    group: 'reach',
    definition:
      'Shape k of the negative-binomial reach curve, reach = U × (1 − (1 + impressions/(k·U))^−k). Lower k means more uneven exposure and less reach for the same impressions; planners use 0.5-2, and k = 1 is the common default.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.reachMethods, note: 'Negative binomial exposure distribution; the shape is a team assumption.' },
  },
  {
    key: 'duplicationFactor',
    label: 'Overlap factor across line items',
    value: 0.95,
    unit: 'fraction',
    group: 'reach',
    definition:
      'Sainsbury de-duplication assumes line items reach people independently; TikTok line items overlap more than that (the same heavy users), so the combined reach is multiplied by this factor (never below the largest line item’s reach).',
    market: 'Global',
    range: null,
    source: SOURCES.reachMethods,
  },
  {
    key: 'creatorRepeatOverlap',
    label: 'Repeat viewers of a creator’s posts',
    value: 0.5,
    unit: 'fraction',
    group: 'reach',
    definition:
      'Share of the people reached by a creator’s second post who also saw the first. Fits the beta-binomial curve that gives each further post less new reach.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'The beta-binomial method is standard; the overlap is not published.' },
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
  },
  {
    key: 'inFeedCpc',
    label: 'In-Feed Ads CPC',
    value: 0.8,
    unit: 'usd',
    group: 'prices',
    definition: 'Price of a click when In-Feed Ads are bought on CPC. The clicks are bought; impressions follow from the click-through rate.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.calculateCreatorAds, note: 'About $0.80 (range $0.30-2.50).' },
  },
  {
    key: 'inFeedCpv',
    label: 'In-Feed Ads CPV',
    value: Number(((inFeed.cpm / 1000) / 0.2).toFixed(3)),
    unit: 'usd',
    group: 'prices',
    definition: 'Price of a 6-second view when In-Feed Ads are bought on CPV. The views are bought; impressions follow from the 6-second view rate.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'No published CPV: the guide’s $10 CPM ÷ 1,000 ÷ the 20% 6-second view rate, so CPV and CPM buys cost the same per impression.' },
  },
  {
    key: 'takeoverPricePerDay',
    label: 'Brand Takeover price per day',
    value: takeover.pricePerDay ?? 0,
    unit: 'usd',
    group: 'prices',
    definition: 'Price of one Brand Takeover day in one category.',
    market: 'US',
    range: null,
    source: SOURCES.guide,
  },
  {
    key: 'takeoverImpressionsPerDay',
    label: 'Brand Takeover impressions per day',
    value: takeover.guaranteedImpressionsPerDay ?? 0,
    unit: 'number',
    group: 'prices',
    definition: 'Impressions TikTok guarantees for one Brand Takeover day. Shown to everyone opening the app in the market: age and gender targeting don’t apply.',
    market: 'US',
    range: null,
    source: SOURCES.guide,
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
  },
  {
    key: 'challengePlusCpm',
    label: 'Hashtag Challenge Plus effective CPM',
    value: challengePlus.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Package price ÷ paid impressions × 1,000 of a Hashtag Challenge Plus.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: challengePlus.priceNote },
  },
  {
    key: 'effectsCpm',
    label: 'Branded Effects effective CPM',
    value: effects.cpm,
    unit: 'usd',
    group: 'prices',
    definition: 'Package price ÷ paid impressions × 1,000 of a Branded Effect’s promotion.',
    market: 'US',
    range: null,
    source: { ...SOURCES.teamAssumption, note: effects.priceNote },
  },
  {
    key: 'sparkCpm',
    label: 'Spark Ads CPM',
    value: 6.5,
    unit: 'usd',
    group: 'prices',
    definition: 'Auction price of 1,000 impressions of a creator’s post promoted with Spark Ads. Auction prices vary: the range is the published spread.',
    market: 'Global',
    range: [5, 8],
    source: { ...SOURCES.calculateCreatorAds, note: 'Spark Ads CPM $5-8; the default is the middle.' },
  },
  {
    key: 'sixSecondViewRate',
    label: '6-second view rate',
    value: 0.2,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Share of In-Feed impressions watched for 6 seconds or more. Turns CPV-bought 6-second views into impressions.',
    market: 'Global',
    range: null,
    source: { ...SOURCES.teamAssumption, note: 'No published rate; Spark Ads report +142% 6-second view-through over In-Feed (benly.ai).' },
  },
  {
    key: 'creatorViewRate',
    label: 'Creator view rate',
    value: 0.1449,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Views per post ÷ followers. Used for creators the catalog has no average views for, and for challenge participants’ videos.',
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
  },
  {
    key: 'sparkEngagementLift',
    label: 'Spark Ads engagement lift',
    value: 0.43,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Extra engagements per view of a Spark Ad over an In-Feed ad: Spark engagement rate = paid rate × (1 + lift).',
    market: 'Global',
    range: null,
    source: SOURCES.benly,
  },
  {
    key: 'engagementRateNano',
    label: 'Engagement rate, nano creators',
    value: 0.115,
    unit: 'fraction',
    group: 'engagement',
    definition:
      'Engagements per view for creators under 10K fans without a measured rate; also used for challenge participants’ videos.',
    market: 'Global',
    range: [0.08, 0.15],
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMicro',
    label: 'Engagement rate, micro creators',
    value: 0.0596,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements per view for creators with 10K-100K fans without a measured rate.',
    market: 'Global',
    range: [0.05, 0.1],
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMid',
    label: 'Engagement rate, mid-tier creators',
    value: 0.045,
    unit: 'fraction',
    group: 'engagement',
    definition: 'Engagements per view for creators with 100K-500K fans without a measured rate.',
    market: 'Global',
    range: [0.03, 0.06],
    source: SOURCES.calculateCreatorEr,
  },
  {
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
  },
  {
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
  },
  {
    key: 'clickThroughRate',
    label: 'Click-through rate',
    value: 0.009,
    unit: 'fraction',
    group: 'funnel',
    definition:
      'Clicks per impression (In-Feed CTR). Applies to In-Feed, Brand Takeover, Hashtag Challenge Plus (shopping clicks), Spark Ads and creator posts (tracked links); Hashtag Challenge and Branded Effects have no link to click.',
    market: 'Global',
    range: [0.006, 0.012],
    source: { ...SOURCES.affectgroup, note: 'In-Feed CTR about 0.9% (0.6-1.2%); calculatecreator.com agrees.' },
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
  },
  {
    key: 'averageOrderValue',
    label: 'Average order value',
    value: 40,
    unit: 'usd',
    group: 'funnel',
    definition: 'Revenue per conversion (an order, or the value of an install). Set it to your product’s.',
    market: 'Global',
    range: null,
    source: SOURCES.teamAssumption,
  },
  {
    key: 'ugcSubmissionRate',
    label: 'UGC submission rate',
    value: CHIPOTLE_SUBMISSIONS / CHIPOTLE_PAID_IMPRESSIONS,
    unit: 'fraction',
    group: 'ugc',
    definition:
      'Videos made by participants per paid impression of a hashtag challenge (or videos made with a branded effect per paid impression). Calibrated on Chipotle #GuacDance: 250,000 submissions from the 7.5M paid impressions a $150,000 six-day package buys at a $20 effective CPM. Chipotle was the best U.S. challenge of its time, so treat this as an upper figure.',
    market: 'US',
    range: null,
    source: { ...SOURCES.guide, note: 'Chipotle #GuacDance (guide) with the Stackmatix package price.' },
  },
  {
    key: 'viewsPerSubmission',
    label: 'Views per submitted video',
    value: (CHIPOTLE_VIDEO_STARTS - CHIPOTLE_PAID_IMPRESSIONS) / CHIPOTLE_SUBMISSIONS,
    unit: 'views',
    group: 'ugc',
    definition:
      'Earned views of each participant’s video: Chipotle #GuacDance’s 430M video starts, less the 7.5M paid impressions, ÷ 250,000 submissions (1,690). Varies with the creator view rate.',
    market: 'US',
    range: null,
    source: { ...SOURCES.guide, note: 'Case study: Chipotle #GuacDance.' },
  },
  {
    key: 'emvCpm',
    label: 'Earned media value per 1,000 views',
    value: 8,
    unit: 'usd',
    group: 'value',
    definition:
      'What 1,000 earned views (creator posts and participants’ videos) would cost as paid impressions: the median TikTok auction CPM. Earned media value = earned views × this ÷ 1,000.',
    market: 'Global',
    range: [4, 15],
    source: { ...SOURCES.calculateCreatorAds, note: 'Median paid CPM $8 (range $4-15).' },
  },
];

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

export const BENCHMARKS: Benchmarks = { assumptions: ASSUMPTIONS, caseStudies: CASE_STUDIES };
