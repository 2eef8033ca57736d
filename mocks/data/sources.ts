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
  // Markets: users, age and gender. DataReportal's figures are TikTok's own ad-tool reach of users
  // aged 18+, as DataReportal (Kepios) publishes them and the press quotes them.
  dataReportal2022Uk: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2022: United Kingdom (TikTok ad reach, 18+)',
    date: 'Jan 2022',
    url: 'https://datareportal.com/reports/digital-2022-united-kingdom',
  },
  dataReportal2022: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2022 (TikTok ad reach, 18+)',
    date: 'Jan 2022',
    url: 'https://datareportal.com/reports/digital-2022-global-overview-report',
  },
  dataReportal2023: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2023 (TikTok ad reach, 18+)',
    date: 'Jan 2023',
    url: 'https://datareportal.com/reports/digital-2023-global-overview-report',
  },
  dataReportalApr2023: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2023 April Global Statshot (TikTok ad reach, 18+)',
    date: 'Apr 2023',
    url: 'https://datareportal.com/reports/digital-2023-april-global-statshot',
  },
  dataReportal2024: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2024 (TikTok ad reach, 18+)',
    date: 'Jan 2024',
    url: 'https://datareportal.com/reports/digital-2024-global-overview-report',
  },
  dataReportalApr2024: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2024 April Global Statshot (TikTok ad reach, 18+)',
    date: 'Apr 2024',
    url: 'https://datareportal.com/reports/digital-2024-april-global-statshot',
  },
  dataReportal2025: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2025 (TikTok ad reach, 18+; as charted by Statista)',
    date: 'Feb 2025',
    url: 'https://datareportal.com/essential-tiktok-stats',
  },
  dataReportalAudience2025: {
    kind: 'benchmark',
    name: 'DataReportal (Kepios), Digital 2025: TikTok’s ad audience by age and gender (worldwide, 18+)',
    date: 'Jan 2025',
    url: 'https://datareportal.com/essential-tiktok-stats',
    note: '18-24 30.7%, 25-34 35.3%, 35-44 16.4%, 45-54 9.2%, 55+ 8.4%; 44.3% female. No market publishes its own split in a form Reachplan could cite, so every market starts from the worldwide split: override it with your market’s figure from TikTok Ads Manager.',
  },
  tiktokUsFiling2020: {
    kind: 'benchmark',
    name: 'TikTok’s court filing against the U.S. government (as reported by CNBC)',
    date: 'Aug 2020',
    note: 'About 100 million monthly and 50 million daily U.S. users.',
  },
  tiktokTeens2023: {
    kind: 'benchmark',
    name: 'TikTok, via NBC News: about 12 million of its 150 million U.S. users are under 18',
    date: 'Mar 2023',
  },
  igaworks2025: {
    kind: 'benchmark',
    name: 'IGAWorks Mobile Index: TikTok monthly users in Korea (Android and iOS)',
    date: 'Jan 2025',
    url: 'https://cm.asiae.co.kr/en/article/2025021910500489231',
    note: 'TikTok 4,898,510; TikTok Lite 4,791,235, largely the same people, so not added.',
  },
  tiktokJapan2025: {
    kind: 'benchmark',
    name: 'TikTok Japan: 42 million monthly users (TikTok and TikTok Lite, de-duplicated)',
    date: 'Nov 2025',
    url: 'https://media-innovation.jp/article/2025/11/29/142942.html',
  },
  hachienJapan2021: {
    kind: 'benchmark',
    name: 'Hachien (8en.jp): TikTok’s ad-tool audience in Japan, 18+',
    date: 'Jul 2021',
    url: 'https://8en.jp/tiktok/tiktok2021data/',
    note: 'About 13 million Japan-resident users aged 18+, about 60% women.',
  },
  vividata2024: {
    kind: 'benchmark',
    name: 'Vividata, Digital Consumer Update: TikTok reaches 38% of Canadian adults monthly',
    date: 'Spring 2024',
    url: 'https://mediaincanada.com/2024/07/19/vividata-releases-its-digital-consumer-update',
  },
  tiktokSea2025: {
    kind: 'benchmark',
    name: 'TikTok at Apps Summit Hanoi: monthly users in Southeast Asia',
    date: 'Oct 2025',
    url: 'https://www.vietnam.vn/en/tiktok-can-moc-460-trieu-nguoi-dung-o-dong-nam-a-viet-nam-70-trieu',
    note: 'Indonesia 160M+, Vietnam 70M, Thailand 50M monthly users.',
  },
  digitalBusinessLabMy2022: {
    kind: 'benchmark',
    name: 'Digital Business Lab: TikTok users in Malaysia by gender',
    date: '2022',
    note: '56.8% women, 43.2% men.',
  },
  seaRateCard2021: {
    kind: 'benchmark',
    name: 'TikTok Ads rate card, Southeast Asia (Q3 2021 prices; Brand Takeover, one day at 100% share of voice)',
    date: 'Jul 2021',
    url: 'https://www.scribd.com/document/608483351/2021-H2-TikTok-Ads-Rate-Card-SEA',
    note: 'Also: at most 2 TopView or Brand Takeover orders a week and 9 a month per market.',
  },
  // Challenges and effects.
  mediakix2021: {
    kind: 'benchmark',
    name: 'Mediakix, study of 100+ branded hashtag challenges (via Mobile Marketing Magazine)',
    date: 'Apr 2021',
    url: 'https://mobilemarketingmagazine.com/samsung-videosnapchallenge-tops-mediakix-tiktok-branded-hashtag-challenge-ratings/',
    note: 'Discover banners run 3-4 days on average; TikTok says over 35% of its users take part in hashtag challenges of any kind.',
  },
  marketingDive2020: {
    kind: 'benchmark',
    name: 'Marketing Dive: e.l.f. and GT’s Kombucha hashtag challenges',
    date: 'Jul 2020',
    url: 'https://marketingdive.com/news/elf-gts-kombucha-drive-5b-views-with-tiktok-hashtag-challenges/582572',
    note: 'GT’s Kombucha #UnitedWeDance: 164,000+ videos and 3B+ views in two weeks with 13 influencers (about 18,300 views a video).',
  },
  // Reach methods.
  esomarDuplication2005: {
    kind: 'benchmark',
    name: 'ESOMAR, Estimation method for media audience duplication',
    date: '2005',
    url: 'https://ana.esomar.org/documents/estimation-method-for-media-audience-duplication',
    note: 'Combined reach lies between the largest vehicle’s reach (full duplication) and random duplication (independence).',
  },
  telmarSainsbury2007: {
    kind: 'benchmark',
    name: 'Telmar Media Guru: Sainsbury is random duplication less about 5%',
    date: 'May 2007',
    url: 'http://www.amic.com/guru/guru_link.asp?words=sainsbury&ID=7475',
  },
  // Funnel.
  linkInBio: {
    kind: 'benchmark',
    name: 'Vendor benchmarks: link-in-bio clicks are 1-3% of profile visits',
    date: '2025',
    note: 'No source publishes clicks per view of an organic TikTok post.',
  },
  tiktokAdsHelp: {
    kind: 'benchmark',
    name: 'TikTok Ads Manager help: 2-second, 6-second and focused views; Reservation Takeover specs',
    date: '2024',
    url: 'https://ads.tiktok.com/help/article/video-views-objective',
    note: 'A 6-second view is a play of 6 seconds or more; a Takeover is an image or a video of at most 5 seconds, so it has no 6-second views.',
  },
} as const satisfies Record<string, Source>;
