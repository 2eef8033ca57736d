/**
 * Case-study check: the guide's case studies replayed as plans, each published figure set
 * against the model's P10-P90 of the like-for-like figure. Every row states the verdict that
 * docs/case-studies.md explains; if the model moves a figure across its band, the verdict
 * flips, this fails, and the doc has to be revisited. Bands are the model's own (the
 * benchmarks' spread): nothing here widens one to make a case fit. Writes nothing to disk.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { project } from '../../src/domain/projection';
import { validatePlan } from '../../src/domain/validation';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import {
  caseStudyReport,
  CHALLENGE_PLUS_PRICE,
  CHALLENGE_PRICE,
  fmtCount,
  fmtRange,
  GYMSHARK_CREATORS,
  KROGER_HANDLES,
  PUBLISHED,
  renderCaseStudyTable,
  verdictOf,
  type CaseRow,
  type Verdict,
} from './case-studies';

export { renderCaseStudyTable } from './case-studies';

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
      'No measured views or engagement for @zachking: a tier guess (mega rate 2%, team assumption, 1.11–2.64%); likes + comments alone need ~4.2% per modelled view, 1.6× the model’s P90.',
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
    reason: 'Per-fan reading of the same rate: one post each reaches ~14.5% of fans, so even a high per-view rate cannot reach 11.11% per fan.',
  },
  {
    key: 'gymshark-hashtag-views',
    expected: 'above-range',
    reason: 'Different measure: hashtag views include users’ own #gymshark66 videos over 66+ days; the model has no organic-challenge line for creator-led hashtags.',
  },
  {
    key: 'chipotle-submissions',
    expected: 'inside',
    reason: 'Calibration point: the submission rate is 250,000 ÷ the 7.5M paid impressions of this very plan.',
  },
  {
    key: 'chipotle-earned-views',
    expected: 'inside',
    reason:
      'Calibration point: views per submission are (430M − 7.5M paid) ÷ 250,000, so P50 is 422.5M; 430M is inside the creator-view-rate band (378M–472M).',
  },
  {
    key: 'chipotle-video-views',
    expected: 'inside',
    reason:
      'Paid + participants’ views are 430M by calibration; the two creators’ posts add 6.7M on top (437M P50), 1.6% over the published figure, well inside the band.',
  },
  {
    key: 'kroger-video-views',
    expected: 'above-range',
    reason:
      'Lifetime hashtag views accumulate after the flight; the Chipotle-calibrated UGC rates carry no spread of their own (the band is the creator view rate’s).',
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

function rowOf(key: string): CaseRow {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no report row ${key}`);
  return found;
}

describe('case studies replayed as plans', () => {
  it.each([
    ['zachKing', report.zachKing],
    ['gymshark', report.gymshark],
    ['chipotle', report.chipotle],
    ['kroger', report.kroger],
  ] as const)('%s is a valid plan against the mocked formats and benchmarks, with nothing left out', (_, c) => {
    expect(c.check.errors).toEqual({});
    expect(c.check.warnings).toEqual({});
    expect(c.check.excluded).toEqual([]);
    expect(c.check.input.formats).toHaveLength(c.plan.formats.length);
    expect(c.check.input.creators).toHaveLength(c.plan.creators.length);
  });

  it('Zach King: one post by the catalog’s @zachking, 21.9M fans, mega tier, no measured views or rate', () => {
    const { plan, projection } = report.zachKing;
    expect(plan.formats).toEqual([]);
    expect(plan.creators).toHaveLength(1);
    expect(plan.creators[0]).toMatchObject({ handle: 'zachking', fans: 21_900_000, tier: 'mega', avgViews: null, engagementRate: null, posts: '1' });
    // Likes + comments are a subset of engagements: the published figure is a floor on them.
    expect(rowOf('zachking-engagements').published).toBe(PUBLISHED.zachKingLikes + PUBLISHED.zachKingComments);
    expect(projection.totals.ranges.engagements).toEqual(rowOf('zachking-engagements').model);
  });

  it('Gymshark: six mega-tier fitness creators over 1M fans each, 19.8M combined (input, not reach), 66 days', () => {
    const { plan, check, projection } = report.gymshark;
    expect(plan.creators).toHaveLength(GYMSHARK_CREATORS);
    for (const c of plan.creators) {
      expect(c.fans).toBeGreaterThan(1_000_000);
      expect(c).toMatchObject({ tier: 'mega', niche: 'fitness', avgViews: null, engagementRate: null, posts: '1' });
    }
    const combined = plan.creators.reduce((s, c) => s + c.fans, 0);
    expect(combined).toBe(PUBLISHED.gymsharkCombinedFans);
    expect(check.input.flightDays).toBe(PUBLISHED.gymsharkFlightDays);
    // Fans are not reach: the model's de-duplicated reach and views are a fraction of them.
    expect(projection.totals.ranges.reach.high).toBeLessThan(combined / 5);
    expect(projection.totals.ranges.videoViews.high).toBeLessThan(combined / 5);
    // The per-fan reading is engagements ÷ the combined fans, scenario by scenario.
    const perFan = rowOf('gymshark-er-per-fan').model;
    expect(perFan?.mid).toBeCloseTo(projection.totals.ranges.engagements.mid / combined, 12);
    // The per-view reading is the model's own engagement rate.
    expect(rowOf('gymshark-er-per-view').model).toEqual(projection.totals.engagementRate);
    // Creator views only: no paid or participants' views stand in for the hashtag's user videos.
    expect(projection.totals.ranges.earnedViews.high).toBe(0);
    expect(projection.totals.ranges.paidImpressions.high).toBe(0);
  });

  it('Chipotle: the $150,000 six-day challenge buys exactly 7.5M paid impressions, and paid + participants’ views are calibrated to the 430M', () => {
    const { plan, check, projection } = report.chipotle;
    expect(check.input.flightDays).toBe(PUBLISHED.chipotleDays);
    expect(plan.formats).toMatchObject([{ formatId: 'hashtag-challenge', amount: String(CHALLENGE_PRICE) }]);
    expect(plan.creators.map((c) => [c.handle, c.posts])).toEqual([
      ['lorengray', '1'],
      ['brentrivera', '1'],
    ]);
    expect(projection.totals.ranges.paidImpressions).toEqual({ low: 7_500_000, mid: 7_500_000, high: 7_500_000 });
    // The calibration: the model's UGC rates are this campaign's published figures. The 430M
    // starts are the paid impressions plus participants' views: (430M − 7.5M) ÷ 250,000 = 1,690.
    const value = (key: string) => ASSUMPTIONS.find((a) => a.key === key)?.value ?? 0;
    const rate = value('ugcSubmissionRate');
    const perSubmission = value('viewsPerSubmission');
    expect(rate * 7_500_000).toBeCloseTo(PUBLISHED.chipotleSubmissions, 6);
    expect(perSubmission).toBeCloseTo(1_690, 9);
    expect(perSubmission * PUBLISHED.chipotleSubmissions + 7_500_000).toBeCloseTo(PUBLISHED.chipotleVideoStarts, 3);
    const { submissions, paidImpressions, earnedViews, videoViews } = projection.totals.ranges;
    expect(submissions.mid).toBeCloseTo(PUBLISHED.chipotleSubmissions, 6);
    expect(paidImpressions.mid + earnedViews.mid).toBeCloseTo(PUBLISHED.chipotleVideoStarts, 0);
    // The two creators' posts (no measured views: fans × the creator view rate) come on top of the 430M.
    const creatorViews = plan.creators.reduce((s, c) => s + c.fans, 0) * value('creatorViewRate');
    expect(videoViews.mid - PUBLISHED.chipotleVideoStarts).toBeCloseTo(creatorViews, 0);
  });

  it('Kroger: a $200,000 Hashtag Challenge Plus (10M paid impressions) and the four catalog college creators; views don’t depend on the flight', () => {
    const { plan, check, projection } = report.kroger;
    expect(plan.formats).toMatchObject([{ formatId: 'hashtag-challenge-plus', amount: String(CHALLENGE_PLUS_PRICE) }]);
    expect(plan.creators.map((c) => c.handle)).toEqual([...KROGER_HANDLES]);
    expect(check.input.flightDays).toBe(6);
    expect(projection.totals.ranges.paidImpressions.mid).toBe(10_000_000);
    // The doc says the chosen six-day flight doesn't move the compared figure: a 30-day flight projects the same views.
    const longer = validatePlan({ ...plan, endDate: '2019-09-10' }, AD_FORMATS, ASSUMPTIONS);
    expect(longer.input.flightDays).toBe(30);
    expect(project(longer.input).totals.ranges.videoViews).toEqual(projection.totals.ranges.videoViews);
  });
});

describe('case-study verdicts (published figure against the model’s P10-P90)', () => {
  it('every row of the report has a documented verdict, and no more', () => {
    expect(report.rows.map((r) => r.key)).toEqual(EXPECTED.map((e) => e.key));
  });

  it.each(EXPECTED)('$key: $expected', ({ key, expected, reason }) => {
    const row = rowOf(key);
    expect(reason).not.toBe('');
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
    expect(
      verdictOf(published, model),
      `${key}: published ${published} vs model ${fmtRange(model, row.unit)} (${reason})`,
    ).toBe(expected);
    expect(row.verdict).toBe(expected);
    // Each published figure outside the range has its "why" in the doc, under a heading naming the row.
    if (expected !== 'inside') expect(doc).toMatch(new RegExp(`^#{2,4} .*\`${key}\``, 'm'));
  });

  it('formats figures as P50 (P10–P90)', () => {
    expect(fmtRange({ low: 4_100_000, mid: 4_900_000, high: 5_800_000 }, 'count')).toBe('4.9M (4.1M–5.8M)');
    expect(fmtCount(134_371)).toBe('134K');
    expect(fmtCount(58_900)).toBe('58.9K');
    expect(fmtCount(37_960)).toBe('38K');
    expect(fmtCount(7_500_000)).toBe('7.5M');
    expect(fmtCount(430_000_000)).toBe('430M');
    expect(fmtRange({ low: 0.011_24, mid: 0.02, high: 0.026_24 }, 'percent')).toBe('2.00% (1.12%–2.62%)');
  });
});

describe('docs/case-studies.md', () => {
  it('contains exactly the table the model renders today', () => {
    expect(doc.includes(table), `docs/case-studies.md is out of date with the model. Paste this table over the old one:\n\n${table}`).toBe(true);
  });
});
