import type { Assumption, Benchmarks, CaseStudy } from '../../src/domain/types';
import { SOURCES } from './sources';

const CHIPOTLE_SUBMISSIONS = 250_000;
const CHIPOTLE_VIDEO_STARTS = 430_000_000;
/** A typical challenge participant: the middle of the nano tier (under 10K followers). */
const PARTICIPANT_FOLLOWERS = 5_000;

/** Every rate the projection uses, with its unit, definition, spread and source. */
export const ASSUMPTIONS: Assumption[] = [
  {
    key: 'audienceUniverse',
    label: 'Audience universe',
    value: 26_500_000,
    unit: 'people',
    definition: 'People the plan can reach: TikTok monthly active users in the U.S.',
    range: null,
    source: SOURCES.platformFigures,
  },
  {
    key: 'reachCurveShape',
    label: 'Reach curve shape',
    value: 1,
    unit: 'number',
    definition:
      'Shape k of the negative-binomial reach curve, reach = U × (1 − (1 + impressions/(k·U))^−k). Lower k means more uneven exposure and less reach for the same impressions; k = 1 is a common planning default.',
    range: [0.5, 2],
    source: SOURCES.teamAssumption,
  },
  {
    key: 'creatorViewRate',
    label: 'Creator view rate',
    value: 0.1449,
    unit: 'fraction',
    definition: 'Views per post ÷ followers, used when the catalog has no average views for a creator.',
    range: [0.1449, 0.1623],
    source: { ...SOURCES.socialinsider, note: '14.49% in 2023, 16.23% in 2022.' },
  },
  {
    key: 'paidEngagementRate',
    label: 'Paid engagement rate',
    value: 0.0414,
    unit: 'fraction',
    definition: 'Engagements (likes, comments, shares) per view of a paid placement: the brand-account rate.',
    range: [0.0414, 0.0538],
    source: { ...SOURCES.rivaliq, note: 'Brand accounts 4.14%; all accounts 5.38% (Socialinsider).' },
  },
  {
    key: 'engagementRateNano',
    label: 'Engagement rate, nano creators',
    value: 0.115,
    unit: 'fraction',
    definition: 'Engagements per view for creators under 10K fans without a measured rate; also used for challenge participants’ videos.',
    range: [0.08, 0.15],
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMicro',
    label: 'Engagement rate, micro creators',
    value: 0.0596,
    unit: 'fraction',
    definition: 'Engagements per view for creators with 10K-100K fans without a measured rate.',
    range: [0.05, 0.1],
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMid',
    label: 'Engagement rate, mid-tier creators',
    value: 0.045,
    unit: 'fraction',
    definition: 'Engagements per view for creators with 100K-500K fans without a measured rate.',
    range: [0.03, 0.06],
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMacro',
    label: 'Engagement rate, macro creators',
    value: 0.0264,
    unit: 'fraction',
    definition: 'Engagements per view for creators with 500K-1M fans without a measured rate.',
    range: null,
    source: SOURCES.calculateCreatorEr,
  },
  {
    key: 'engagementRateMega',
    label: 'Engagement rate, mega creators',
    value: 0.02,
    unit: 'fraction',
    definition:
      'Engagements per view for creators with 1M+ fans without a measured rate. No source gives one; this continues the fall with tier below the macro figure (2.64%).',
    range: null,
    source: SOURCES.teamAssumption,
  },
  {
    key: 'clickThroughRate',
    label: 'Click-through rate',
    value: 0.009,
    unit: 'fraction',
    definition: 'Clicks per impression (In-Feed CTR), applied to paid impressions and to creator post views.',
    range: [0.006, 0.012],
    source: { ...SOURCES.affectgroup, note: 'In-Feed CTR about 0.9% (0.6-1.2%); calculatecreator.com agrees.' },
  },
  {
    key: 'conversionRate',
    label: 'Conversion rate',
    value: 0.02,
    unit: 'fraction',
    definition: 'Conversions (purchases, installs, sign-ups) per click.',
    range: [0.01, 0.03],
    source: SOURCES.dashthis,
  },
  {
    key: 'averageOrderValue',
    label: 'Average order value',
    value: 40,
    unit: 'usd',
    definition: 'Revenue per conversion (an order, or the value of an install). Set it to your product’s.',
    range: null,
    source: SOURCES.teamAssumption,
  },
  {
    key: 'ugcSubmissionRate',
    label: 'UGC submission rate',
    value: CHIPOTLE_SUBMISSIONS / CHIPOTLE_VIDEO_STARTS,
    unit: 'fraction',
    definition:
      'Video submissions per paid impression of a hashtag challenge or branded effect: Chipotle #GuacDance’s 250,000 submissions over 430M video starts.',
    range: null,
    source: { ...SOURCES.guide, note: 'Case study: Chipotle #GuacDance.' },
  },
  {
    key: 'viewsPerSubmission',
    label: 'Views per submitted video',
    value: PARTICIPANT_FOLLOWERS * 0.1449,
    unit: 'views',
    definition:
      'Earned views each participant’s video gets. Participants are mostly small accounts: a nano-size account (about 5,000 followers, the middle of the nano tier) × the 14.49% creator view rate. (Chipotle’s 1,720 views per submission can’t be used with a submission rate taken from the same campaign: together they would always double the paid impressions.)',
    range: [0.1449 * 1_000, 0.1449 * 10_000],
    source: { ...SOURCES.teamAssumption, note: 'Built on the Socialinsider view rate (2023) and the nano tier bounds.' },
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
