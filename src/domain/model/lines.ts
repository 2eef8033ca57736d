import type { Audience } from '../audience';
import { creatorTargetShare, demographicShareIn } from '../audience';
import type { Targeting } from '../plan';
import type { ValidCreatorLine, ValidFormatLine } from '../validation';
import { eventDays, takeoverDayImpressions, takeoverDayPrice } from '../validation';
import { CENTRAL, DRAWS } from '../stats';
import { AGE_BANDS, marketKey, type AssumptionKey, type Assumptions, type Country, type FormatId, type Tier } from '../types';
import { TraceBuilder, type Trace, type TraceKey } from './trace';
import type { Scenarios, Term } from './terms';

/**
 * The line models: what each line item's money buys, who it reaches and what follows, as sums
 * of terms (see terms.ts) per component, each component with its own reach curve and its own
 * schedule over the flight, and the trace of named quantities the explanation renders.
 */

export const SUMMED_METRICS = [
  'impressions',
  'paidImpressions',
  'videoViews',
  'sixSecondViews',
  'engagements',
  'clicks',
  'conversions',
  'revenue',
  'submissions',
  'earnedViews',
  'earnedEngagements',
  'emv',
] as const;
export type SummedMetric = (typeof SUMMED_METRICS)[number];

export type BoughtUnit = 'impressions' | 'clicks' | '6-second views' | 'days' | 'posts';

/** How a component's delivery accrues over the flight. */
export type Schedule =
  | { kind: 'fraction'; cumulative: Float64Array }
  | { kind: 'units'; days: readonly number[] };

/** A component's reach curve. */
export type Curve =
  /** Paid delivery on the negative-binomial curve: `target` in-target impressions over the flight. */
  | { kind: 'nbd'; target: Term }
  /** Whole units (posts, takeover days), each reaching `perUnit` in-target people, on the beta-binomial curve. */
  | { kind: 'units'; perUnit: Term; units: number; repeat: 'creatorRepeatOverlap' | 'takeoverRepeatShare' };

export interface Component {
  curve: Curve;
  /** Participants' videos: earned, counted in reach and frequency only when the plan opts in. */
  earned: boolean;
  metrics: Record<SummedMetric, Term[]>;
  spend: number;
  schedule: Schedule | null;
}

export interface LineModel {
  id: string;
  kind: 'format' | 'creator';
  name: string;
  formatId: FormatId | null;
  spend: number;
  /** What the money buys, exactly: impressions, clicks, 6-second views, days or posts. */
  bought: { quantity: number; unit: BoughtUnit };
  components: Component[];
  trace: Trace;
}

export interface LineContext {
  a: Assumptions;
  s: Scenarios;
  audience: Audience;
  targeting: Targeting;
  flightDays: number | null;
  /** Count participants' videos in reach, frequency, impressions, views and engagements. */
  earnedInReach: boolean;
  /** Build the trace (the budget curve and marginal gains don't need it). */
  trace: boolean;
}

export const TIER_RATE: Record<Tier, AssumptionKey> = {
  nano: 'engagementRateNano',
  micro: 'engagementRateMicro',
  mid: 'engagementRateMid',
  macro: 'engagementRateMacro',
  mega: 'engagementRateMega',
};

/** The effective CPM, package price and participation rate of each format sold as a package. */
export const PACKAGE_KEYS: Partial<Record<FormatId, { cpm: AssumptionKey; price: AssumptionKey; rate: AssumptionKey }>> = {
  'hashtag-challenge': { cpm: 'challengeCpm', price: 'challengePackagePrice', rate: 'ugcSubmissionRate' },
  'hashtag-challenge-plus': { cpm: 'challengePlusCpm', price: 'challengePlusPackagePrice', rate: 'challengePlusSubmissionRate' },
  'branded-effects': { cpm: 'effectsCpm', price: 'effectsPackagePrice', rate: 'effectsCreationRate' },
};

export function emptyMetrics(): Record<SummedMetric, Term[]> {
  return {
    impressions: [],
    paidImpressions: [],
    videoViews: [],
    sixSecondViews: [],
    engagements: [],
    clicks: [],
    conversions: [],
    revenue: [],
    submissions: [],
    earnedViews: [],
    earnedEngagements: [],
    emv: [],
  };
}

/** Adds terms, leaving out zeros (they would only cost time). */
function put(metrics: Record<SummedMetric, Term[]>, metric: SummedMetric, ...terms: Term[]) {
  for (const t of terms) if (t.coef !== 0 || t.sample) metrics[metric].push(t);
}

/** Conversions and revenue from clicks, into `m`. */
function funnel(m: Record<SummedMetric, Term[]>, clicks: readonly Term[], c: LineContext) {
  const { a, s } = c;
  for (const t of clicks) {
    const conv = s.times(t, a.conversionRate, ['conversionRate']);
    put(m, 'conversions', conv);
    put(m, 'revenue', s.times(conv, a.averageOrderValue));
  }
}

/** Cumulative share of delivery by day: even, or front-loaded (daily weights falling linearly to the end). */
export function pacedSchedule(days: number, pacing: ValidFormatLine['pacing'], from = 0): Schedule {
  const cumulative = new Float64Array(days);
  const span = days - from;
  const total = pacing === 'even' ? span : (span * (span + 1)) / 2;
  let acc = 0;
  for (let d = 0; d < days; d++) {
    if (d >= from) acc += pacing === 'even' ? 1 : span - (d - from);
    cumulative[d] = span > 0 ? acc / total : 1;
  }
  return { kind: 'fraction', cumulative };
}

/**
 * A package's delivery: its days run back to back from the flight's first day (a challenge or an
 * effect launches and runs), paced within them; nothing after.
 */
export function packageSchedule(flightDays: number, days: number, pacing: ValidFormatLine['pacing']): Schedule {
  const within = pacedSchedule(Math.min(days, flightDays), pacing);
  const cumulative = new Float64Array(flightDays).fill(1);
  if (within.kind === 'fraction') cumulative.set(within.cumulative);
  return { kind: 'fraction', cumulative };
}

/** Whole days placed over the flight: spread evenly, or on its first days (front-loaded). */
export function dayPlacement(count: number, flightDays: number, pacing: ValidFormatLine['pacing']): number[] {
  return pacing === 'even' ? eventDays(count, flightDays) : Array.from({ length: count }, (_, i) => Math.min(i, flightDays - 1));
}

/** The share of a component's delivery done by the end of day `d`. */
export function doneBy(schedule: Schedule, d: number, units: number): number {
  if (schedule.kind === 'fraction') return schedule.cumulative[d] ?? (schedule.cumulative.length > 0 ? 1 : 0);
  let n = 0;
  for (const day of schedule.days) if (day <= d) n++;
  return units > 0 ? n / units : 0;
}

// ---------------------------------------------------------------------------------------
// Ad formats.

function inFeedModel(l: ValidFormatLine, c: LineContext, t: TraceBuilder | null) {
  const { a, s } = c;
  const budget = l.spend;
  t?.add('budget', budget, 'usd', 'input');
  t?.add('spend', budget, 'usd', 'sum', ['budget'], [], 'what the budget buys');
  let paid: Term;
  let clicks: Term;
  let sixSecond: Term;
  let bought: LineModel['bought'];
  if (l.buyingModel === 'CPC') {
    const bClicks = budget / a.inFeedCpc;
    t?.add('cpc', a.inFeedCpc, 'usd', 'assumption', [], ['inFeedCpc']);
    t?.add('clicksBought', bClicks, 'count', 'quotient', ['budget', 'cpc']);
    t?.add('clickThroughRate', a.clickThroughRate, 'share', 'assumption', [], ['clickThroughRate']);
    paid = s.term(bClicks / a.clickThroughRate, [], ['clickThroughRate']);
    t?.add('paidImpressions', paid.coef, 'count', 'quotient', ['clicksBought', 'clickThroughRate']);
    clicks = s.term(bClicks);
    t?.add('clicks', bClicks, 'count', 'sum', ['clicksBought'], [], 'bought on CPC');
    sixSecond = s.times(paid, a.sixSecondViewRate, ['sixSecondViewRate']);
    bought = { quantity: bClicks, unit: 'clicks' };
  } else if (l.buyingModel === 'CPV') {
    const views = budget / a.inFeedCpv;
    t?.add('cpv', a.inFeedCpv, 'usd', 'assumption', [], ['inFeedCpv']);
    t?.add('sixSecondViewsBought', views, 'count', 'quotient', ['budget', 'cpv']);
    t?.add('sixSecondViewRate', a.sixSecondViewRate, 'share', 'assumption', [], ['sixSecondViewRate']);
    paid = s.term(views / a.sixSecondViewRate, [], ['sixSecondViewRate']);
    t?.add('paidImpressions', paid.coef, 'count', 'quotient', ['sixSecondViewsBought', 'sixSecondViewRate'], [], 'video plays');
    sixSecond = s.term(views);
    t?.add('sixSecondViews', views, 'count', 'sum', ['sixSecondViewsBought'], [], 'bought on CPV');
    clicks = s.times(paid, a.clickThroughRate, ['clickThroughRate']);
    bought = { quantity: views, unit: '6-second views' };
  } else {
    const n = (budget / a.inFeedCpm) * 1000;
    t?.add('cpm', a.inFeedCpm, 'usd', 'assumption', [], ['inFeedCpm']);
    paid = s.term(n);
    t?.add('paidImpressions', n, 'count', 'perThousand', ['budget', 'cpm']);
    clicks = s.times(paid, a.clickThroughRate, ['clickThroughRate']);
    sixSecond = s.times(paid, a.sixSecondViewRate, ['sixSecondViewRate']);
    bought = { quantity: n, unit: 'impressions' };
  }
  if (t && !t.has('sixSecondViews')) {
    t.add('sixSecondViewRate', a.sixSecondViewRate, 'share', 'assumption', [], ['sixSecondViewRate']);
    t.add('sixSecondViews', sixSecond.coef, 'count', 'product', ['paidImpressions', 'sixSecondViewRate']);
  }
  if (t && !t.has('clicks')) {
    t.add('clickThroughRate', a.clickThroughRate, 'share', 'assumption', [], ['clickThroughRate']);
    t.add('clicks', clicks.coef, 'count', 'product', ['paidImpressions', 'clickThroughRate'], [], 'the ad’s call to action');
  }
  // In-Feed Ads target ages and gender: every impression is in the target audience.
  t?.add('targetShare', 1, 'share', 'audience', [], [], 'In-Feed Ads target the ages and gender');
  return { paid, clicks: [clicks], sixSecond, bought, targetShare: 1 };
}

/** In-target share of an untargetable format's impressions (shown to everyone in the targeted markets), weighting each market by `weight`. */
function marketTargetShare(c: LineContext, weight: (country: Country) => number): number {
  let total = 0;
  let onTarget = 0;
  for (const m of c.audience.byCountry) {
    const w = weight(m.country);
    total += w;
    onTarget += w * demographicShareIn(m.country, c.targeting, c.a);
  }
  return total > 0 ? onTarget / total : 0;
}

function formatModel(l: ValidFormatLine, c: LineContext): LineModel {
  const { a, s } = c;
  const f = l.format;
  const t = c.trace ? new TraceBuilder() : null;
  const m = emptyMetrics();
  const components: Component[] = [];
  let bought: LineModel['bought'];
  let paidClicks: Term[] = [];

  if (f.id === 'in-feed') {
    const r = inFeedModel(l, c, t);
    bought = r.bought;
    paidClicks = r.clicks;
    put(m, 'paidImpressions', r.paid);
    put(m, 'impressions', r.paid);
    put(m, 'videoViews', r.paid);
    put(m, 'sixSecondViews', r.sixSecond);
    put(m, 'engagements', s.times(r.paid, a.paidEngagementRate, ['paidEngagementRate']));
    put(m, 'clicks', ...r.clicks);
    t?.add('targetImpressions', r.paid.coef, 'count', 'product', ['paidImpressions', 'targetShare']);
    components.push({
      curve: { kind: 'nbd', target: r.paid },
      earned: false,
      metrics: m,
      spend: l.spend,
      schedule: c.flightDays === null ? null : pacedSchedule(c.flightDays, l.pacing),
    });
  } else if (f.id === 'brand-takeover') {
    // A takeover day is a day in each targeted market, at that market's price and guarantee.
    const days = l.days ?? 0;
    const markets = c.audience.byCountry;
    const perDay = takeoverDayImpressions(c.targeting.countries, a);
    const price = takeoverDayPrice(c.targeting.countries, a);
    const share = marketTargetShare(c, (country) => a[marketKey.takeoverImpressions(country)]);
    const priceUses = markets.map((mk) => marketKey.takeoverPrice(mk.country));
    const impressionUses = markets.map((mk) => marketKey.takeoverImpressions(mk.country));
    t?.add('days', days, 'count', 'input');
    t?.add('pricePerDay', price, 'usd', 'assumption', [], priceUses);
    t?.add('spend', days * price, 'usd', 'product', ['days', 'pricePerDay']);
    t?.add('impressionsPerDay', perDay, 'count', 'assumption', [], impressionUses, 'guaranteed, once a day per person');
    const paid = s.term(days * perDay);
    t?.add('paidImpressions', paid.coef, 'count', 'product', ['days', 'impressionsPerDay']);
    t?.add('targetShare', share, 'share', 'audience', [], marketDemographicKeys(c), 'shown to everyone opening the app: the targeted ages and gender’s share');
    const perUnit = s.term(perDay * share);
    t?.add('dailyTargetReach', perUnit.coef, 'people', 'product', ['impressionsPerDay', 'targetShare']);
    t?.add('targetImpressions', perUnit.coef * days, 'count', 'product', ['days', 'dailyTargetReach']);
    const clicks = s.times(paid, a.clickThroughRate, ['clickThroughRate']);
    t?.add('sixSecondViews', 0, 'count', 'sum', [], [], 'a takeover lasts at most 5 seconds');
    t?.add('clickThroughRate', a.clickThroughRate, 'share', 'assumption', [], ['clickThroughRate']);
    t?.add('clicks', clicks.coef, 'count', 'product', ['paidImpressions', 'clickThroughRate'], [], 'taps on its call to action');
    paidClicks = [clicks];
    put(m, 'paidImpressions', paid);
    put(m, 'impressions', paid);
    put(m, 'videoViews', paid);
    put(m, 'clicks', clicks);
    bought = { quantity: days, unit: 'days' };
    components.push({
      curve: { kind: 'units', perUnit, units: days, repeat: 'takeoverRepeatShare' },
      earned: false,
      metrics: m,
      spend: l.spend,
      schedule: c.flightDays === null ? null : { kind: 'units', days: dayPlacement(days, c.flightDays, l.pacing) },
    });
  } else {
    // Sold as a package: its days (the package's length and any extra days) at the package's price per day.
    const keys = PACKAGE_KEYS[f.id];
    if (!keys) throw new Error(`no package keys for ${f.id}`);
    const packageDays = f.package?.days ?? 1;
    const days = l.days ?? packageDays;
    const dayPrice = a[keys.price] / packageDays;
    t?.add('budget', l.budget ?? l.spend, 'usd', 'input');
    t?.add('packagePrice', a[keys.price], 'usd', 'assumption', [], [keys.price]);
    t?.add('packageDays', packageDays, 'count', 'catalog', [], [], 'the package’s length');
    t?.add('dayPrice', dayPrice, 'usd', 'quotient', ['packagePrice', 'packageDays']);
    t?.add('days', days, 'count', 'wholeDays', ['budget', 'dayPrice']);
    t?.add('extraDays', days - packageDays, 'count', 'difference', ['days', 'packageDays']);
    t?.add('spend', l.spend, 'usd', 'product', ['days', 'dayPrice']);
    t?.add('cpm', a[keys.cpm], 'usd', 'assumption', [], [keys.cpm], 'effective CPM of the package’s promoted placements');
    const n = (l.spend / a[keys.cpm]) * 1000;
    const paid = s.term(n);
    t?.add('paidImpressions', n, 'count', 'perThousand', ['spend', 'cpm']);
    const share = marketTargetShare(c, (country) => c.audience.byCountry.find((mk) => mk.country === country)?.users ?? 0);
    t?.add('targetShare', share, 'share', 'audience', [], marketDemographicKeys(c), 'challenges and effects can’t be targeted by age or gender');
    t?.add('paidTargetImpressions', n * share, 'count', 'product', ['paidImpressions', 'targetShare']);
    t?.add('sixSecondViews', 0, 'count', 'sum', [], [], 'a banner and placements with no published 6-second view figure');
    put(m, 'paidImpressions', paid);
    put(m, 'impressions', paid);
    put(m, 'videoViews', paid);
    put(m, 'engagements', s.times(paid, a.paidEngagementRate, ['paidEngagementRate']));
    if (f.shoppable) {
      const clicks = s.times(paid, a.clickThroughRate, ['clickThroughRate']);
      t?.add('clickThroughRate', a.clickThroughRate, 'share', 'assumption', [], ['clickThroughRate']);
      t?.add('clicks', clicks.coef, 'count', 'product', ['paidImpressions', 'clickThroughRate'], [], 'Shop Now clicks');
      paidClicks = [clicks];
      put(m, 'clicks', clicks);
    }
    bought = { quantity: days, unit: 'days' };
    const schedule = c.flightDays === null ? null : packageSchedule(c.flightDays, days, l.pacing);
    components.push({ curve: { kind: 'nbd', target: s.times(paid, share) }, earned: false, metrics: m, spend: l.spend, schedule });

    // Participants: a saturating share of the whole market (challenges can't be targeted by age or gender).
    const market = c.audience.market;
    const subSample = new Float64Array(DRAWS);
    for (let d = 0; d < DRAWS; d++) {
      const cap = s.rate(a, 'maxParticipationShare', d) * market;
      const rate = s.rate(a, keys.rate, d);
      subSample[d] = cap > 0 ? cap * -Math.expm1((-rate * n) / cap) : 0;
    }
    const submissions = s.sampled(subSample);
    t?.add('marketUsers', market, 'people', 'audience', [], c.audience.byCountry.map((mk) => marketKey.universe(mk.country)), 'every user of the targeted markets');
    t?.add('maxParticipationShare', a.maxParticipationShare, 'share', 'assumption', [], ['maxParticipationShare']);
    t?.add('participationCap', a.maxParticipationShare * market, 'people', 'product', ['marketUsers', 'maxParticipationShare']);
    t?.add('submissionRate', a[keys.rate], 'share', 'assumption', [], [keys.rate]);
    t?.add('submissions', submissions.coef, 'count', 'saturation', ['paidImpressions', 'submissionRate', 'participationCap']);
    const viewsSample = new Float64Array(DRAWS);
    for (let d = 0; d < DRAWS; d++) viewsSample[d] = (subSample[d] ?? 0) * s.rate(a, 'viewsPerSubmission', d);
    const earned = s.sampled(viewsSample);
    t?.add('viewsPerSubmission', a.viewsPerSubmission, 'count', 'assumption', [], ['viewsPerSubmission']);
    t?.add('earnedViews', earned.coef, 'count', 'product', ['submissions', 'viewsPerSubmission']);
    const earnedEngagements = s.times(earned, a.engagementRateNano, ['engagementRateNano']);
    t?.add('participantEngagementRate', a.engagementRateNano, 'share', 'assumption', [], ['engagementRateNano']);
    t?.add('earnedEngagements', earnedEngagements.coef, 'count', 'product', ['earnedViews', 'participantEngagementRate']);
    const emv = s.times(earned, a.emvCpm / 1000, ['emvCpm']);
    t?.add('emvCpm', a.emvCpm, 'usd', 'assumption', [], ['emvCpm']);
    t?.add('emv', emv.coef, 'usd', 'thousandths', ['earnedViews', 'emvCpm']);
    const earnedShare = c.audience.demographicShare;
    t?.add('earnedTargetViews', earned.coef * earnedShare, 'count', 'product', ['earnedViews', 'targetShare'], [], 'participants’ videos are seen across the market');
    const em = emptyMetrics();
    put(em, 'submissions', submissions);
    put(em, 'earnedViews', earned);
    put(em, 'earnedEngagements', earnedEngagements);
    put(em, 'emv', emv);
    if (c.earnedInReach) {
      put(em, 'impressions', earned);
      put(em, 'videoViews', earned);
      put(em, 'engagements', earnedEngagements);
    }
    components.push({ curve: { kind: 'nbd', target: s.times(earned, earnedShare) }, earned: true, metrics: em, spend: 0, schedule });
    if (t) {
      const counted: TraceKey[] = c.earnedInReach ? ['paidTargetImpressions', 'earnedTargetViews'] : ['paidTargetImpressions'];
      t.add('targetImpressions', sumOf(t, counted), 'count', 'sum', counted, [], c.earnedInReach ? 'participants’ videos counted' : 'participants’ videos kept apart');
    }
  }

  const first = components[0];
  if (first) funnel(first.metrics, paidClicks, c);
  if (t) {
    // Impressions and video plays: the paid ones, and participants' videos where the plan counts them.
    const seen: TraceKey[] = c.earnedInReach && t.has('earnedViews') ? ['paidImpressions', 'earnedViews'] : ['paidImpressions'];
    const total = seen.reduce((sum, k) => sum + t.value(k), 0);
    t.add('impressions', total, 'count', 'sum', seen);
    t.add('videoViews', total, 'count', 'sum', ['impressions'], [], f.id === 'brand-takeover' ? 'a view counts when it starts' : 'a view counts when playback starts');
  }
  if (t) traceFunnel(t, paidClicks.length > 0, c);
  if (t) traceEngagements(t, f.id, c);
  return {
    id: f.id,
    kind: 'format',
    name: f.name,
    formatId: f.id,
    spend: l.spend,
    bought,
    components,
    trace: t?.build() ?? [],
  };
}

/** The trace's engagement steps of an ad format (a takeover has nothing to like or share). */
function traceEngagements(t: TraceBuilder, formatId: FormatId, c: LineContext) {
  if (formatId === 'brand-takeover') {
    t.add('engagements', 0, 'count', 'sum', [], [], 'a takeover is a full-screen splash with a tap, nothing to like, comment on or share');
    return;
  }
  const paid = t.value('paidImpressions');
  t.add('engagementRate', c.a.paidEngagementRate, 'share', 'assumption', [], ['paidEngagementRate']);
  t.add('paidEngagements', paid * c.a.paidEngagementRate, 'count', 'product', ['paidImpressions', 'engagementRate']);
  const parts: ('paidEngagements' | 'earnedEngagements')[] = ['paidEngagements'];
  if (c.earnedInReach && t.has('earnedEngagements')) parts.push('earnedEngagements');
  const total = parts.reduce((sum, k) => sum + t.value(k), 0);
  t.add('engagements', total, 'count', 'sum', parts);
}

/** The trace's conversion and revenue steps from its clicks. */
function traceFunnel(t: TraceBuilder, hasClicks: boolean, c: LineContext) {
  const { a } = c;
  if (!hasClicks) {
    t.add('clicks', 0, 'count', 'sum', [], [], 'no link to click');
    t.add('conversions', 0, 'count', 'sum', ['clicks']);
    t.add('revenue', 0, 'usd', 'sum', ['conversions']);
    return;
  }
  const clicks = t.value('clicks');
  t.add('conversionRate', a.conversionRate, 'share', 'assumption', [], ['conversionRate']);
  t.add('conversions', clicks * a.conversionRate, 'count', 'product', ['clicks', 'conversionRate']);
  t.add('averageOrderValue', a.averageOrderValue, 'usd', 'assumption', [], ['averageOrderValue']);
  t.add('revenue', clicks * a.conversionRate * a.averageOrderValue, 'usd', 'product', ['conversions', 'averageOrderValue']);
}

// ---------------------------------------------------------------------------------------
// Creators.

/** Views per post: the catalog's average, else the creator's real followers (fans × credibility) × the view-rate benchmark. */
export function viewsPerPost(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.avgViews ?? line.fans * (line.credibility ?? 1) * a.creatorViewRate;
}

/** Engagements per view: the catalog's rate, else the creator's tier benchmark. */
export function creatorEngagementRate(line: ValidCreatorLine['line'], a: Assumptions): number {
  return line.engagementRate ?? a[TIER_RATE[line.tier]];
}


function creatorModel(l: ValidCreatorLine, c: LineContext): LineModel {
  const { a, s } = c;
  const line = l.line;
  const t = c.trace ? new TraceBuilder() : null;
  const m = emptyMetrics();
  t?.add('posts', l.posts, 'count', 'input');
  t?.add('fee', l.fee, 'usd', 'input');
  let perPost: Term;
  if (line.avgViews !== null) {
    perPost = s.term(line.avgViews);
    t?.add('viewsPerPost', line.avgViews, 'count', 'catalog', [], [], 'the catalog’s measured average');
  } else {
    const real = line.fans * (line.credibility ?? 1);
    perPost = s.term(real * a.creatorViewRate, ['creatorViewRate']);
    t?.add('fans', line.fans, 'count', 'catalog');
    t?.add('credibility', line.credibility ?? 1, 'share', 'catalog', [], [], line.credibility === null ? 'not measured: every fan counted' : 'real followers');
    t?.add('realFans', real, 'count', 'product', ['fans', 'credibility']);
    t?.add('creatorViewRate', a.creatorViewRate, 'share', 'assumption', [], ['creatorViewRate']);
    t?.add('viewsPerPost', perPost.coef, 'count', 'product', ['realFans', 'creatorViewRate']);
  }
  const views = s.times(perPost, l.posts);
  t?.add('views', views.coef, 'count', 'product', ['posts', 'viewsPerPost']);
  const tierKey = TIER_RATE[line.tier];
  const er: [number, AssumptionKey[]] = line.engagementRate !== null ? [line.engagementRate, []] : [a[tierKey], [tierKey]];
  const targetShare = creatorTargetShare(line, c.targeting, a);
  t?.add(
    'targetShare',
    targetShare,
    'share',
    'audience',
    [],
    line.audience ? [] : targetedCountry(line.country, c.targeting) ? demographicKeys(line.country as Country, c.targeting) : [],
    line.audience ? 'their own audience in the targeted countries, ages and gender' : 'no audience data: the platform’s split in their country',
  );
  const postEngagements = s.times(views, er[0], er[1]);
  const postClicks = s.times(views, a.organicClickRate, ['organicClickRate']);
  put(m, 'impressions', views);
  put(m, 'videoViews', views);
  put(m, 'engagements', postEngagements);
  put(m, 'clicks', postClicks);
  funnel(m, [postClicks], c);
  const components: Component[] = [
    {
      curve: { kind: 'units', perUnit: s.times(perPost, targetShare), units: l.posts, repeat: 'creatorRepeatOverlap' },
      earned: false,
      metrics: m,
      spend: l.posts * l.fee,
      schedule: c.flightDays === null ? null : { kind: 'units', days: l.postDays },
    },
  ];
  t?.add('targetViewsPerPost', perPost.coef * targetShare, 'count', 'product', ['viewsPerPost', 'targetShare']);
  t?.add('targetViews', perPost.coef * targetShare * l.posts, 'count', 'product', ['posts', 'targetViewsPerPost']);
  t?.add('engagementRate', er[0], 'share', line.engagementRate !== null ? 'catalog' : 'assumption', [], er[1], line.engagementRate !== null ? 'their measured rate' : `the ${line.tier}-tier benchmark`);
  t?.add('postEngagements', postEngagements.coef, 'count', 'product', ['views', 'engagementRate']);
  t?.add('organicClickRate', a.organicClickRate, 'share', 'assumption', [], ['organicClickRate']);
  t?.add('postClicks', postClicks.coef, 'count', 'product', ['views', 'organicClickRate'], [], 'link in bio or a product link');

  const engagementParts: ('postEngagements' | 'sparkEngagements')[] = ['postEngagements'];
  const clickParts: ('postClicks' | 'paidClicks')[] = ['postClicks'];
  const impressionParts: ('views' | 'sparkImpressions')[] = ['views'];
  if (l.sparkBudget > 0) {
    const sm = emptyMetrics();
    const spark = s.term((l.sparkBudget / a.sparkCpm) * 1000, [], ['sparkCpm']);
    const sparkRate = a.paidEngagementRate * (1 + a.sparkEngagementLift);
    const sparkEngagements = s.times(spark, sparkRate, ['paidEngagementRate']);
    const sparkClicks = s.times(spark, a.clickThroughRate, ['clickThroughRate']);
    put(sm, 'impressions', spark);
    put(sm, 'paidImpressions', spark);
    put(sm, 'videoViews', spark);
    put(sm, 'sixSecondViews', s.times(spark, a.sixSecondViewRate, ['sixSecondViewRate']));
    put(sm, 'engagements', sparkEngagements);
    put(sm, 'clicks', sparkClicks);
    funnel(sm, [sparkClicks], c);
    const first = l.postDays[0] ?? 0;
    components.push({
      curve: { kind: 'nbd', target: spark },
      earned: false,
      metrics: sm,
      spend: l.sparkBudget,
      schedule: c.flightDays === null ? null : pacedSchedule(c.flightDays, 'even', Math.min(first, c.flightDays - 1)),
    });
    if (t) {
      t.add('sparkBudget', l.sparkBudget, 'usd', 'input');
      t.add('sparkCpm', a.sparkCpm, 'usd', 'assumption', [], ['sparkCpm']);
      t.add('sparkImpressions', spark.coef, 'count', 'perThousand', ['sparkBudget', 'sparkCpm'], [], 'Spark Ads target the ages and gender');
      t.add('sparkEngagementRate', sparkRate, 'share', 'assumption', [], ['paidEngagementRate', 'sparkEngagementLift'], 'the paid rate × (1 + the Spark lift)');
      t.add('sparkEngagements', sparkEngagements.coef, 'count', 'product', ['sparkImpressions', 'sparkEngagementRate']);
      t.add('clickThroughRate', a.clickThroughRate, 'share', 'assumption', [], ['clickThroughRate']);
      t.add('paidClicks', sparkClicks.coef, 'count', 'product', ['sparkImpressions', 'clickThroughRate'], [], 'the Spark Ad’s call to action');
      t.add('sixSecondViewRate', a.sixSecondViewRate, 'share', 'assumption', [], ['sixSecondViewRate']);
      t.add('sixSecondViews', spark.coef * a.sixSecondViewRate, 'count', 'product', ['sparkImpressions', 'sixSecondViewRate']);
    }
    engagementParts.push('sparkEngagements');
    clickParts.push('paidClicks');
    impressionParts.push('sparkImpressions');
  }
  if (t) {
    t.add('fees', l.posts * l.fee, 'usd', 'product', ['posts', 'fee']);
    t.add('spend', l.spend, 'usd', 'sum', l.sparkBudget > 0 ? ['fees', 'sparkBudget'] : ['fees']);
    t.add('impressions', sumOf(t, impressionParts), 'count', 'sum', impressionParts);
    t.add('videoViews', sumOf(t, impressionParts), 'count', 'sum', ['impressions'], [], 'every view is a play');
    const targetParts: TraceKey[] = l.sparkBudget > 0 ? ['targetViews', 'sparkImpressions'] : ['targetViews'];
    t.add('targetImpressions', sumOf(t, targetParts), 'count', 'sum', targetParts, [], l.sparkBudget > 0 ? 'Spark Ads target the ages and gender' : undefined);
    t.add('engagements', sumOf(t, engagementParts), 'count', 'sum', engagementParts);
    t.add('clicks', sumOf(t, clickParts), 'count', 'sum', clickParts);
    traceFunnel(t, true, c);
  }
  return {
    id: `creator:${line.handle}`,
    kind: 'creator',
    name: `@${line.handle}`,
    formatId: null,
    spend: l.spend,
    bought: { quantity: l.posts, unit: 'posts' },
    components,
    trace: t?.build() ?? [],
  };
}

function sumOf(t: TraceBuilder, keys: readonly TraceKey[]): number {
  return keys.reduce((sum, k) => sum + t.value(k), 0);
}

/** The assumptions behind every targeted market's share in the targeted ages and gender. */
function marketDemographicKeys(c: LineContext): AssumptionKey[] {
  return [...new Set(c.audience.byCountry.flatMap((mk) => demographicKeys(mk.country, c.targeting)))];
}

function targetedCountry(country: string, targeting: Targeting): boolean {
  return (targeting.countries as readonly string[]).includes(country);
}

/** The assumptions behind one market's share in the targeted ages and gender. */
export function demographicKeys(country: Country, targeting: Pick<Targeting, 'ageBands' | 'gender'>): AssumptionKey[] {
  const keys: AssumptionKey[] = [];
  if (new Set(targeting.ageBands).size < AGE_BANDS.length) keys.push(...AGE_BANDS.map((band) => marketKey.ageShare(band, country)));
  if (targeting.gender !== 'all') keys.push(marketKey.femaleShare(country));
  return keys;
}

/** Every line model of a plan, formats first. */
export function lineModels(formats: readonly ValidFormatLine[], creators: readonly ValidCreatorLine[], c: LineContext): LineModel[] {
  return [...formats.map((l) => formatModel(l, c)), ...creators.map((l) => creatorModel(l, c))];
}

export { formatModel, creatorModel };

/** A component's in-target delivery in draw `d`: impressions (nbd) or reach per unit (units). */
export function componentTarget(comp: Component, s: Scenarios, d: number): number {
  return comp.curve.kind === 'nbd' ? s.valueOf(comp.curve.target, d) : s.valueOf(comp.curve.perUnit, d);
}

/** The central scenario's index, re-exported for the line models' users. */
export { CENTRAL };
