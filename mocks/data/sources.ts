import type { Source } from '../../src/domain/types';

/** The publications every default cites. One object each, so a citation can't drift. */
export const SOURCES = {
  guide: {
    kind: 'guide',
    name: "TikTok influencer marketing guide for marketers (agency guide)",
    date: '2020',
  },
  socialinsider: {
    kind: 'benchmark',
    name: 'Socialinsider, TikTok benchmarks',
    date: '2023',
    url: 'https://www.socialinsider.io/blog/tiktok-benchmarks',
  },
  rivaliq: {
    kind: 'benchmark',
    name: 'Rival IQ, TikTok benchmark report (brand accounts)',
    date: '2023',
    url: 'https://www.rivaliq.com/blog/tiktok-benchmark-report',
  },
  influencerHero: {
    kind: 'benchmark',
    name: 'Influencer Hero, TikTok engagement rate calculator (150M+ profiles)',
    date: 'Jan 2024',
  },
  calculateCreatorEr: {
    kind: 'benchmark',
    name: 'calculatecreator.com, engagement rate by followers; micro vs macro',
    date: '2025',
    note: 'The page does not state the denominator; Reachplan reads it per view, as TikTok reports engagement.',
  },
  calculateCreatorAds: {
    kind: 'benchmark',
    name: 'calculatecreator.com, TikTok advertising rates benchmarks',
    date: '2025',
  },
  affectgroup: {
    kind: 'benchmark',
    name: 'Affect Group, TikTok ads CTR and CPC',
    date: '2025',
  },
  dashthis: {
    kind: 'benchmark',
    name: 'DashThis, TikTok ads conversion rate',
    date: '2025',
  },
  influenceflow: {
    kind: 'benchmark',
    name: 'InfluenceFlow and calculatecreator.com, creator rates (2026 guides)',
    date: '2026',
  },
  stackmatixChallenge: {
    kind: 'benchmark',
    name: 'Stackmatix, branded hashtag challenge guide',
    date: '2025',
  },
  platformFigures: {
    kind: 'guide',
    name: 'TikTok influencer marketing guide: platform figures',
    date: '2019-2020',
  },
  reachMethods: {
    kind: 'benchmark',
    name: 'Standard media-planning reach methods (negative binomial, beta-binomial, Sainsbury); WFA Halo sanity rules',
    date: '2021',
  },
  benly: {
    kind: 'benchmark',
    name: 'benly.ai, Spark Ads guide (TikTok data, second-hand)',
    date: '2025',
    note: '+142% 6-second view-through and +43% engagement over In-Feed.',
  },
  teamAssumption: {
    kind: 'team-assumption',
    name: 'Reachplan team assumption',
    date: '2026',
  },
} as const satisfies Record<string, Source>;
