/**
 * Case-study check: the guide's case studies replayed as plans in the years they ran, each
 * published figure set against the model's P10-P90 of the most like-for-like figure. Every row
 * states the verdict that docs/case-studies.md explains; if the model moves a figure across its
 * band, the verdict flips, this fails, and the doc has to be revisited. Bands are the model's
 * own (the benchmarks' spread): nothing here widens one to make a case fit. Writes nothing to disk.
 */
import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import { traced } from '../../src/domain/model/trace';
import { project } from '../../src/domain/projection';
import type { AssumptionKey } from '../../src/domain/types';
import { validatePlan } from '../../src/domain/validation';
import {
  caseStudyReport,
  CHALLENGE_PLUS_PRICE,
  CHALLENGE_PRICE,
  fmtCount,
  fmtRange,
  GUIDE_US_USERS,
  GYMSHARK_CREATORS,
  KROGER_HANDLES,
  PUBLISHED,
  renderCaseStudyTable,
  verdictOf,
  type CaseRow,
  type ReplayedCase,
  type Verdict,
} from './case-studies';

interface Expectation {
  key: string;
  expected: Verdict;
  /** Why, in one line; docs/case-studies.md has the paragraph under a heading naming the key. */
  reason: string;
}

/** The documented verdict of each row: where the published figure sits against the model's P10-P90. */
const EXPECTED: Expectation[] = [
  {
    key: 'zachking-engagements',
    expected: 'above-range',
    reason:
      'No measured views or engagement for @zachking: views are fans × the creator view rate and engagements a tier guess (mega 2%, 1.11–2.64%); likes + comments alone need 4.2% per modelled view, above the P90.',
  },
  {
    key: 'gymshark-combined-fans',
    expected: 'not-a-check',
    reason: 'The 19.8M are the creators’ combined fans: the plan’s input by construction, not reach.',
  },
  {
    key: 'gymshark-er-per-view',
    expected: 'above-range',
    reason: 'The mega-tier rate is a team assumption whose range tops out at 2.64%; fitness creators in 2019-20 engaged over four times the P90.',
  },
  {
    key: 'gymshark-er-per-fan',
    expected: 'above-range',
    reason: 'Per-fan reading of the same rate: one post each is seen by about 14.5% of fans, so no per-view rate in the range reaches 11.11% per fan.',
  },
  {
    key: 'gymshark-hashtag-views',
    expected: 'above-range',
    reason: 'No package: the hashtag’s 122M+ are mostly users’ own videos, which the model only counts for challenges and effects it sells.',
  },
  {
    key: 'chipotle-submissions',
    expected: 'above-range',
    reason:
      'Chipotle’s rate (read through the saturating curve) is the rate’s P90 and the centre a third of it; with the ceiling varying too, the P90 of submissions (244K) is just below the record.',
  },
  {
    key: 'chipotle-video-starts',
    expected: 'inside',
    reason:
      'Participants’ + paid + creators’ views: 145M central for a typical challenge; the band (participation rate, ceiling, views per video 1,000–5,000) is wide enough to hold Chipotle’s 430M.',
  },
  {
    key: 'kroger-hashtag-views',
    expected: 'inside',
    reason: 'The same reading for the Challenge Plus: 800M+ sits near the P90 (views per video toward 5,000), not at the typical challenge.',
  },
  {
    key: 'ralphlauren-combined-fans',
    expected: 'not-a-check',
    reason: 'The guide gives only the creators’ combined fans: no creators, budget or result to replay.',
  },
];

/** The committed doc, read at import time by Vite (no fs); empty when the file is missing, so the table test still prints the table. */
const docs = import.meta.glob<string>('../../docs/case-studies.md', { query: '?raw', import: 'default', eager: true });
const doc = docs['../../docs/case-studies.md'] ?? '';

const report = caseStudyReport();
const table = renderCaseStudyTable(report.rows);
const CASES = [
  ['zachKing', report.zachKing],
  ['gymshark', report.gymshark],
  ['chipotle', report.chipotle],
  ['kroger', report.kroger],
] as const;

function rowOf(key: string): CaseRow {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no report row ${key}`);
  return found;
}

function ledgerValue(c: ReplayedCase, key: AssumptionKey): number {
  const found = c.check.ledger.find((a) => a.key === key);
  if (!found) throw new Error(`no assumption ${key}`);
  return found.value;
}

function ledgerRange(c: ReplayedCase, key: AssumptionKey): [number, number] {
  const range = c.check.ledger.find((a) => a.key === key)?.range;
  if (!range) throw new Error(`${key} has no published range`);
  return range;
}

/** The saturating participation curve, as the benchmarks define it: cap × (1 − e^(−rate × paid ÷ cap)). */
const saturated = (cap: number, rate: number, paid: number) => cap * -Math.expm1((-rate * paid) / cap);

describe('case studies replayed as plans', () => {
  it.each(CASES)('%s is a valid plan against the mocked formats and benchmarks, with nothing left out', (_, c) => {
    expect(c.check.errors).toEqual({});
    expect(c.check.warnings).toEqual({});
    expect(c.check.excluded).toEqual([]);
    expect(c.check.input.formats).toHaveLength(c.plan.formats.length);
    expect(c.check.input.creators).toHaveLength(c.plan.creators.length);
    // Participants' videos are kept apart, as a planner sees the plan.
    expect(c.plan.earnedInReach).toBe(false);
  });

  it.each(CASES)('%s flies in 2019, so it reads the guide’s 2020 U.S. audience (26.5M, all ages)', (_, c) => {
    expect(c.plan.startDate.slice(0, 4)).toBe('2019');
    expect(ledgerValue(c, 'universeUS')).toBe(GUIDE_US_USERS);
    expect(c.projection.audience.universe).toBe(GUIDE_US_USERS);
    expect(c.counted.audience.universe).toBe(GUIDE_US_USERS);
  });

  it('Zach King: one post by the catalog’s @zachking, 21.9M fans, mega tier, no measured views, rate, audience or credibility', () => {
    const { plan, check, projection } = report.zachKing;
    expect(plan.formats).toEqual([]);
    expect(plan.creators).toHaveLength(1);
    expect(plan.creators[0]).toMatchObject({ handle: 'zachking', fans: 21_900_000, tier: 'mega', avgViews: null, engagementRate: null, audience: null, credibility: null, posts: '1' });
    expect(check.input.flightDays).toBe(7);
    // Central: views = fans × the creator view rate, engagements = views × the mega-tier rate.
    const views = 21_900_000 * ledgerValue(report.zachKing, 'creatorViewRate');
    expect(projection.totals.videoViews).toBeCloseTo(views, 3);
    expect(projection.totals.engagements).toBeCloseTo(views * ledgerValue(report.zachKing, 'engagementRateMega'), 6);
    // Likes + comments are a subset of engagements: the published figure is a floor on them.
    expect(rowOf('zachking-engagements').published).toBe(PUBLISHED.zachKingLikes + PUBLISHED.zachKingComments);
    expect(rowOf('zachking-engagements').model).toEqual(projection.totals.ranges.engagements);
    // The floor needs more engagements per modelled view than the top of the mega-tier range.
    const [, megaHigh] = ledgerRange(report.zachKing, 'engagementRateMega');
    expect((PUBLISHED.zachKingLikes + PUBLISHED.zachKingComments) / views).toBeGreaterThan(megaHigh);
  });

  it('Gymshark: six mega-tier fitness creators over 1M fans each, 19.8M combined (input, not reach), a 66-day flight over New Year 2019-20', () => {
    const { plan, check, projection, counted } = report.gymshark;
    expect(plan.creators).toHaveLength(GYMSHARK_CREATORS);
    for (const c of plan.creators) {
      expect(c.fans).toBeGreaterThan(1_000_000);
      expect(c).toMatchObject({ tier: 'mega', niche: 'fitness', avgViews: null, engagementRate: null, audience: null, credibility: null, posts: '1' });
    }
    const combined = plan.creators.reduce((s, c) => s + c.fans, 0);
    expect(combined).toBe(PUBLISHED.gymsharkCombinedFans);
    expect([plan.startDate.slice(0, 4), plan.endDate.slice(0, 4)]).toEqual(['2019', '2020']);
    expect(check.input.flightDays).toBe(PUBLISHED.gymsharkFlightDays);
    // Fans are not reach: the model's de-duplicated reach and views are a fraction of them.
    expect(projection.totals.ranges.reach.high).toBeLessThan(combined / 5);
    expect(projection.totals.ranges.videoViews.high).toBeLessThan(combined / 5);
    // The per-fan reading is engagements ÷ the combined fans; the per-view reading the model's own rate.
    const perFan = rowOf('gymshark-er-per-fan').model;
    expect(perFan?.mid).toBeCloseTo(projection.totals.engagements / combined, 12);
    expect(rowOf('gymshark-er-per-view').model).toEqual(projection.totals.engagementRate);
    // No package: no participants' views and no paid ones, so the hashtag row is the creators' views alone.
    expect(projection.totals.ranges.earnedViews.high).toBe(0);
    expect(projection.totals.ranges.paidImpressions.high).toBe(0);
    expect(counted.totals.ranges.videoViews).toEqual(projection.totals.ranges.videoViews);
    expect(rowOf('gymshark-hashtag-views').model).toEqual(projection.totals.ranges.videoViews);
  });

  it('Chipotle: the $150,000 package buys six days and 7.5M paid impressions exactly, with @lorengray and @brentrivera', () => {
    const { plan, check, projection } = report.chipotle;
    expect(ledgerValue(report.chipotle, 'challengePackagePrice')).toBe(CHALLENGE_PRICE);
    expect(check.input.flightDays).toBe(PUBLISHED.chipotleDays);
    expect(plan.formats).toMatchObject([{ formatId: 'hashtag-challenge', amount: String(CHALLENGE_PRICE) }]);
    expect(check.input.formats[0]).toMatchObject({ days: PUBLISHED.chipotleDays, spend: CHALLENGE_PRICE, budget: CHALLENGE_PRICE });
    expect(plan.creators.map((c) => [c.handle, c.posts])).toEqual([
      ['lorengray', '1'],
      ['brentrivera', '1'],
    ]);
    const challenge = projection.items.find((i) => i.formatId === 'hashtag-challenge');
    expect(challenge?.bought).toEqual({ quantity: 6, unit: 'days' });
    expect(traced(challenge?.trace ?? [], 'extraDays')).toBe(0);
    expect(projection.totals.ranges.paidImpressions).toEqual({ low: 7_500_000, mid: 7_500_000, high: 7_500_000 });
  });

  it('Chipotle: its 250,000 videos, read through the saturating curve, are the top of the participation rate’s range', () => {
    const c = report.chipotle;
    const paid = 7_500_000;
    const rate = ledgerValue(c, 'ugcSubmissionRate');
    const [rateLow, rateHigh] = ledgerRange(c, 'ugcSubmissionRate');
    // The central scenario: the ceiling is 2% of every U.S. user (26.5M), and participation saturates toward it.
    const cap = ledgerValue(c, 'maxParticipationShare') * GUIDE_US_USERS;
    expect(cap).toBeCloseTo(530_000, 6);
    // The record rate is the one at which the package's paid impressions make Chipotle's videos under that ceiling.
    const record = (-Math.log1p(-PUBLISHED.chipotleSubmissions / cap) * cap) / paid;
    expect(rateHigh).toBeCloseTo(record, 12);
    expect(saturated(cap, rateHigh, paid)).toBeCloseTo(PUBLISHED.chipotleSubmissions, 3);
    // The typical challenge: a third of the record, a tenth at the range's low.
    expect(rate).toBeCloseTo(record / 3, 12);
    expect(rateLow).toBeCloseTo(record / 10, 12);
    const { submissions, earnedViews } = c.projection.totals.ranges;
    expect(submissions.mid).toBeCloseTo(saturated(cap, rate, paid), 6);
    expect(submissions.mid).toBeLessThan(PUBLISHED.chipotleSubmissions);
    expect(earnedViews.mid).toBeCloseTo(submissions.mid * ledgerValue(c, 'viewsPerSubmission'), 3);
  });

  it('Chipotle and Kroger: video starts count participants’ + paid + creators’ views, scenario by scenario; the plan keeps participants’ apart', () => {
    for (const c of [report.chipotle, report.kroger]) {
      const base = c.projection.totals;
      const counted = c.counted.totals;
      // Kept apart: the brand's own views are the paid impressions and the creators' posts.
      const creatorViews = c.projection.items.filter((i) => i.kind === 'creator').reduce((s, i) => s + i.videoViews, 0);
      expect(base.videoViews).toBeCloseTo(base.paidImpressions + creatorViews, 3);
      // Counted: the participants' views come on top, and the earned figures themselves don't move.
      expect(counted.videoViews).toBeCloseTo(base.videoViews + base.earnedViews, 3);
      expect(counted.ranges.earnedViews).toEqual(base.ranges.earnedViews);
      expect(counted.ranges.submissions).toEqual(base.ranges.submissions);
    }
    expect(rowOf('chipotle-video-starts').model).toEqual(report.chipotle.counted.totals.ranges.videoViews);
    expect(rowOf('kroger-hashtag-views').model).toEqual(report.kroger.counted.totals.ranges.videoViews);
  });

  it('Kroger: the $200,000 Hashtag Challenge Plus package (six days, 10M paid impressions) and the four catalog college creators; views don’t depend on the flight', () => {
    const { plan, check, projection, counted } = report.kroger;
    expect(ledgerValue(report.kroger, 'challengePlusPackagePrice')).toBe(CHALLENGE_PLUS_PRICE);
    expect(plan.formats).toMatchObject([{ formatId: 'hashtag-challenge-plus', amount: String(CHALLENGE_PLUS_PRICE) }]);
    expect(plan.creators.map((c) => c.handle)).toEqual([...KROGER_HANDLES]);
    expect(check.input.flightDays).toBe(6);
    expect(check.input.formats[0]).toMatchObject({ days: 6, spend: CHALLENGE_PLUS_PRICE });
    expect(projection.totals.ranges.paidImpressions.mid).toBe(10_000_000);
    // The doc says the chosen six-day flight doesn't move the compared figure: a 30-day flight buys the same package and views.
    const longer = validatePlan({ ...plan, endDate: '2019-09-10', earnedInReach: true }, AD_FORMATS, BENCHMARKS);
    expect(longer.input.flightDays).toBe(30);
    expect(longer.input.formats[0]).toMatchObject({ days: 6, spend: CHALLENGE_PLUS_PRICE });
    expect(project(longer.input).totals.ranges.videoViews).toEqual(counted.totals.ranges.videoViews);
  });
});

describe('case-study verdicts (published figure against the model’s P10-P90)', () => {
  it('every row of the report has a documented verdict, and no more', () => {
    expect(report.rows.map((r) => r.key)).toEqual(EXPECTED.map((e) => e.key));
  });

  it.each(EXPECTED)('$key: $expected', ({ key, expected, reason }) => {
    const row = rowOf(key);
    expect(reason).not.toBe('');
    // Every verdict is explained in the doc, under a heading naming the row.
    expect(doc).toMatch(new RegExp(`^#{2,4} .*\`${key}\``, 'm'));
    if (expected === 'not-a-check') {
      expect(row.model).toBeNull();
      expect(row.verdict).toBe('not-a-check');
      return;
    }
    const model = row.model;
    const published = row.published;
    if (!model || published === null) throw new Error(`${key} has no model range or published figure`);
    expect(model.low).toBeLessThanOrEqual(model.mid);
    expect(model.mid).toBeLessThanOrEqual(model.high);
    // If this fails, the model moved the figure across its band: revisit docs/case-studies.md.
    expect(verdictOf(published, model), `${key}: published ${published} vs model ${fmtRange(model, row.unit)} (${reason})`).toBe(expected);
    expect(row.verdict).toBe(expected);
  });

  it.each([
    [99, { low: 100, mid: 150, high: 200 }, 'below-range'],
    [100, { low: 100, mid: 150, high: 200 }, 'inside'],
    [200, { low: 100, mid: 150, high: 200 }, 'inside'],
    [201, { low: 100, mid: 150, high: 200 }, 'above-range'],
  ] as const)('verdictOf(%d, %o) is %s', (published, range, verdict) => {
    expect(verdictOf(published, range)).toBe(verdict);
  });

  it('formats figures as central (P10–P90)', () => {
    expect(fmtRange({ low: 4_100_000, mid: 4_900_000, high: 5_800_000 }, 'count')).toBe('4.9M (4.1M–5.8M)');
    expect(fmtCount(134_371)).toBe('134K');
    expect(fmtCount(58_900)).toBe('58.9K');
    expect(fmtCount(37_960)).toBe('38K');
    expect(fmtCount(7_500_000)).toBe('7.5M');
    expect(fmtCount(430_000_000)).toBe('430M');
    expect(fmtCount(1_230_000_000)).toBe('1.2B');
    expect(fmtRange({ low: 0.011_24, mid: 0.02, high: 0.026_24 }, 'percent')).toBe('2.00% (1.12%–2.62%)');
  });
});

describe('docs/case-studies.md', () => {
  it('holds exactly the table the model renders today, between its markers', () => {
    const between = /<!-- case-studies-table:start -->\n([\s\S]*?)<!-- case-studies-table:end -->/.exec(doc)?.[1];
    expect(between, `docs/case-studies.md is out of date with the model. Paste this table between the markers:\n\n${table}`).toBe(table);
  });

  it('speaks of the second edition: the central scenario (no P50), packages, saturation and earned views kept apart', () => {
    expect(doc).not.toMatch(/\bP50\b/);
    for (const phrase of ['central scenario', 'package', 'saturat', 'kept apart', 'earned views']) expect(doc).toContain(phrase);
  });
});
