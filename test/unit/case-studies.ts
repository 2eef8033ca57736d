/**
 * The guide's case studies replayed as real plans with the second edition of the model
 * (validated against the mocked API's formats and benchmarks, projected by the model), and the
 * report that compares the model's range with each published figure. Rendered into
 * docs/case-studies.md; model-case-studies.test.ts keeps the two in step. Nothing here widens
 * a band: every range is the model's own P10-P90 of its sampled scenarios (widened by the model
 * only to take in its central scenario).
 */
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS, CASE_STUDIES } from '../../mocks/data/benchmarks';
import { CREATORS, FEE_RANGE } from '../../mocks/data/creators';
import { emptyContract } from '../../src/domain/contract';
import { creatorLineFrom, DEFAULT_TARGETING, formatLine, newPlan, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../../src/domain/plan';
import { project, type Projection, type Range } from '../../src/domain/projection';
import { tierForFans } from '../../src/domain/tiers';
import type { CaseStudy, Goal } from '../../src/domain/types';
import { validatePlan, type PlanCheck } from '../../src/domain/validation';

// ---------------------------------------------------------------------------------------
// Published figures (the guide's case studies; see CASE_STUDIES in mocks/data/benchmarks.ts).

export const PUBLISHED = {
  zachKingLikes: 134_000,
  zachKingComments: 371,
  gymsharkCombinedFans: 19_800_000,
  gymsharkEngagementRate: 0.1111,
  gymsharkHashtagViews: 122_000_000,
  gymsharkFlightDays: 66,
  chipotleSubmissions: 250_000,
  chipotleVideoStarts: 430_000_000,
  chipotleDays: 6,
  ralphLaurenCombinedFans: 11_000_000,
  krogerHashtagViews: 800_000_000,
} as const;

/** The guide's U.S. audience (2020): every plan below flies in 2019 or 2020, so it reads this figure. */
export const GUIDE_US_USERS = 26_500_000;

/** Stackmatix's package prices (the benchmarks' package price assumptions): each plan buys exactly one package. */
export const CHALLENGE_PRICE = 150_000;
export const CHALLENGE_PLUS_PRICE = 200_000;

/** Six creators "each with more than 1M fans" and 19.8M combined: the guide names none, so six equal lines. */
export const GYMSHARK_CREATORS = 6;
export const GYMSHARK_FANS_EACH = PUBLISHED.gymsharkCombinedFans / GYMSHARK_CREATORS;

export const KROGER_HANDLES = ['joeyklaasen', 'miafinney', 'victoriabachlet', 'cosette'] as const;

// ---------------------------------------------------------------------------------------
// Plans, dated in the years the campaigns ran.

/** A fixed "today" before every case, so plans are stable. */
const TODAY = new Date(2019, 0, 1, 12, 0, 0);

function catalogLine(handle: string): PlanCreatorLine {
  const creator = CREATORS.find((c) => c.handle === handle);
  if (!creator) throw new Error(`@${handle} is not in the creator catalog`);
  return creatorLineFrom(creator);
}

/** A mega-tier fitness creator the guide doesn't name: fans given, no measured views, engagement, audience or credibility, the middle of the tier's fee range (as the catalog prices the guide's creators). */
function unnamedFitnessCreator(n: number, fans: number): PlanCreatorLine {
  const tier = tierForFans(fans);
  const fee = (FEE_RANGE[tier][0] + FEE_RANGE[tier][1]) / 2;
  return {
    handle: `gymshark66.creator${n}`,
    displayName: `Gymshark #gymshark66 creator ${n} (unnamed in the guide)`,
    niche: 'fitness',
    country: 'US',
    tier,
    fans,
    avgViews: null,
    engagementRate: null,
    audience: null,
    credibility: null,
    catalogFee: fee,
    posts: '1',
    fee: String(fee),
    postDates: [],
    sparkBudget: '',
    contract: emptyContract(),
  };
}

function casePlan(
  id: string,
  name: string,
  dates: { start: string; end: string },
  goal: Goal,
  formats: PlanFormatLine[],
  creators: PlanCreatorLine[],
): Plan {
  const spend =
    formats.reduce((s, f) => s + Number(f.amount), 0) + creators.reduce((s, c) => s + Number(c.fee) * Number(c.posts), 0);
  return {
    ...newPlan(id, TODAY),
    name,
    startDate: dates.start,
    endDate: dates.end,
    goal,
    totalBudget: String(spend),
    targeting: { ...DEFAULT_TARGETING, countries: [...DEFAULT_TARGETING.countries], ageBands: [...DEFAULT_TARGETING.ageBands] },
    formats,
    creators,
  };
}

/** Spider-Man: Far From Home × @zachking (the film opened on 2 July 2019): one sponsored post by the catalog's @zachking (21.9M fans, mega tier). */
export function zachKingPlan(): Plan {
  return casePlan('case-zachking', 'Spider-Man: Far From Home × @zachking', { start: '2019-06-27', end: '2019-07-03' }, 'engagement', [], [
    catalogLine('zachking'),
  ]);
}

/** Gymshark #gymshark66 (New Year 2019-20): six mega-tier fitness creators of 3.3M fans each (19.8M combined), one post each, a 66-day flight. */
export function gymsharkPlan(): Plan {
  const creators = Array.from({ length: GYMSHARK_CREATORS }, (_, i) => unnamedFitnessCreator(i + 1, GYMSHARK_FANS_EACH));
  return casePlan('case-gymshark66', 'Gymshark “66 Day Change Your Life” (#gymshark66)', { start: '2019-12-31', end: '2020-03-05' }, 'engagement', [], creators);
}

/** Chipotle #GuacDance (National Guacamole Day, 31 July 2019): the $150,000 six-day Hashtag Challenge package and one post each by @lorengray and @brentrivera. */
export function chipotlePlan(): Plan {
  return casePlan(
    'case-chipotle',
    'Chipotle #GuacDance',
    { start: '2019-07-31', end: '2019-08-05' },
    'ugc',
    [formatLine('hashtag-challenge', String(CHALLENGE_PRICE))],
    [catalogLine('lorengray'), catalogLine('brentrivera')],
  );
}

/** Kroger #TransformUrDorm (back to school, August 2019): the $200,000 six-day Hashtag Challenge Plus package and the four college creators. */
export function krogerPlan(): Plan {
  return casePlan(
    'case-kroger',
    'Kroger #TransformUrDorm',
    { start: '2019-08-12', end: '2019-08-17' },
    'sales',
    [formatLine('hashtag-challenge-plus', String(CHALLENGE_PLUS_PRICE))],
    KROGER_HANDLES.map(catalogLine),
  );
}

export interface ReplayedCase {
  plan: Plan;
  check: PlanCheck;
  /** The plan as planners see it: participants' videos kept apart, as earned. */
  projection: Projection;
  /**
   * The same plan with participants' videos counted as the brand's views: its video views are
   * paid + creators' + participants' views, scenario by scenario, the closest the model comes
   * to a hashtag's view counter.
   */
  counted: Projection;
}

export function replay(plan: Plan): ReplayedCase {
  const check = validatePlan(plan, AD_FORMATS, BENCHMARKS);
  const counted = validatePlan({ ...plan, earnedInReach: true }, AD_FORMATS, BENCHMARKS);
  return { plan, check, projection: project(check.input), counted: project(counted.input) };
}

// ---------------------------------------------------------------------------------------
// The report.

/** Where the published figure sits against the model's P10-P90; input rows are not checks. */
export type Verdict = 'inside' | 'below-range' | 'above-range' | 'not-a-check';

export interface CaseRow {
  /** Stable key of the row (the test's expectations and the doc's "why" sections use it). */
  key: string;
  caseId: CaseStudy['id'];
  caseName: string;
  /** What is compared, and how like-for-like it is. */
  compared: string;
  unit: 'count' | 'percent';
  /** The model's central value and P10-P90 of the compared figure; null where the model is not checked. */
  model: Range | null;
  /** Replaces the model cell where it isn't a range (input rows). */
  modelText?: string;
  /** The published figure; null when there is nothing to compare. */
  published: number | null;
  publishedText: string;
  verdict: Verdict;
}

/** Relative tolerance of the range test: a figure on the band's edge up to float error is inside. */
const EDGE = 1e-9;

export function verdictOf(published: number, range: Range): Exclude<Verdict, 'not-a-check'> {
  if (published < range.low * (1 - EDGE)) return 'below-range';
  if (published > range.high * (1 + EDGE)) return 'above-range';
  return 'inside';
}

const scale = (r: Range, k: number): Range => ({ low: r.low * k, mid: r.mid * k, high: r.high * k });

function caseName(id: CaseStudy['id']): string {
  const found = CASE_STUDIES.find((c) => c.id === id);
  if (!found) throw new Error(`no case study ${id}`);
  return found.campaign;
}

function row(r: Omit<CaseRow, 'verdict' | 'caseName'>): CaseRow {
  const verdict = r.model && r.published !== null ? verdictOf(r.published, r.model) : 'not-a-check';
  return { ...r, caseName: caseName(r.caseId), verdict };
}

export interface CaseReport {
  zachKing: ReplayedCase;
  gymshark: ReplayedCase;
  chipotle: ReplayedCase;
  kroger: ReplayedCase;
  rows: CaseRow[];
}

/** Replays every case and builds the report's rows. */
export function caseStudyReport(): CaseReport {
  const zachKing = replay(zachKingPlan());
  const gymshark = replay(gymsharkPlan());
  const chipotle = replay(chipotlePlan());
  const kroger = replay(krogerPlan());
  const zk = zachKing.projection.totals;
  const gs = gymshark.projection.totals;
  const ch = chipotle.projection.totals;
  const combinedFans = gymshark.plan.creators.reduce((s, c) => s + c.fans, 0);
  const zachKingFloor = PUBLISHED.zachKingLikes + PUBLISHED.zachKingComments;

  const rows: CaseRow[] = [
    row({
      key: 'zachking-engagements',
      caseId: 'spiderman-zachking',
      compared: 'Engagements of the one post (published likes + comments are a subset: a lower bound)',
      unit: 'count',
      model: zk.ranges.engagements,
      published: zachKingFloor,
      publishedText: `≥ ${zachKingFloor.toLocaleString('en-US')} (134,000+ likes + 371 comments)`,
    }),
    row({
      key: 'gymshark-combined-fans',
      caseId: 'gymshark66',
      compared: 'Creators’ combined fans: the plan’s input, not reach (model reach and views beside it)',
      unit: 'count',
      model: null,
      modelText: `${fmtCount(combinedFans)} fans (input); reach ${fmtRange(gs.ranges.reach, 'count')}; views ${fmtRange(gs.ranges.videoViews, 'count')}`,
      published: PUBLISHED.gymsharkCombinedFans,
      publishedText: `${fmtCount(PUBLISHED.gymsharkCombinedFans)} “fans reached”`,
    }),
    row({
      key: 'gymshark-er-per-view',
      caseId: 'gymshark66',
      compared: 'Engagement rate, read per view (the guide gives no denominator)',
      unit: 'percent',
      model: gs.engagementRate,
      published: PUBLISHED.gymsharkEngagementRate,
      publishedText: fmtPercent(PUBLISHED.gymsharkEngagementRate),
    }),
    row({
      key: 'gymshark-er-per-fan',
      caseId: 'gymshark66',
      compared: 'Engagement rate, read as engagements ÷ combined fans',
      unit: 'percent',
      model: scale(gs.ranges.engagements, 1 / combinedFans),
      published: PUBLISHED.gymsharkEngagementRate,
      publishedText: fmtPercent(PUBLISHED.gymsharkEngagementRate),
    }),
    row({
      key: 'gymshark-hashtag-views',
      caseId: 'gymshark66',
      compared: 'Hashtag views vs participants’ + paid + creators’ views: no package, so the creators’ posts alone (users’ own videos have no line to come from)',
      unit: 'count',
      model: gymshark.counted.totals.ranges.videoViews,
      published: PUBLISHED.gymsharkHashtagViews,
      publishedText: `${fmtCount(PUBLISHED.gymsharkHashtagViews)}+ hashtag views`,
    }),
    row({
      key: 'chipotle-submissions',
      caseId: 'chipotle-guacdance',
      compared: 'Video submissions of the six-day package (participation rate: a third of Chipotle’s at the centre, Chipotle’s at P90; saturating)',
      unit: 'count',
      model: ch.ranges.submissions,
      published: PUBLISHED.chipotleSubmissions,
      publishedText: `${fmtCount(PUBLISHED.chipotleSubmissions)}+`,
    }),
    row({
      key: 'chipotle-video-starts',
      caseId: 'chipotle-guacdance',
      compared: 'Video starts vs participants’ + paid + the two creators’ views',
      unit: 'count',
      model: chipotle.counted.totals.ranges.videoViews,
      published: PUBLISHED.chipotleVideoStarts,
      publishedText: `${fmtCount(PUBLISHED.chipotleVideoStarts)} video starts`,
    }),
    row({
      key: 'kroger-hashtag-views',
      caseId: 'kroger-transformurdorm',
      compared: 'Total hashtag views vs participants’ + paid + the four creators’ views',
      unit: 'count',
      model: kroger.counted.totals.ranges.videoViews,
      published: PUBLISHED.krogerHashtagViews,
      publishedText: `${fmtCount(PUBLISHED.krogerHashtagViews)}+ hashtag views`,
    }),
    row({
      key: 'ralphlauren-combined-fans',
      caseId: 'ralphlauren-winningrl',
      compared: 'Creators’ combined fans (no creators, budget or result to replay)',
      unit: 'count',
      model: null,
      modelText: '— (not replayed)',
      published: PUBLISHED.ralphLaurenCombinedFans,
      publishedText: `${fmtCount(PUBLISHED.ralphLaurenCombinedFans)}+ fans`,
    }),
  ];
  return { zachKing, gymshark, chipotle, kroger, rows };
}

// ---------------------------------------------------------------------------------------
// Rendering.

/** 4.9M, 19.8M, 122M, 134.4K, 250K, 7.5M, 1.2B: one decimal under 100 units, none above. */
export function fmtCount(n: number): string {
  const abs = Math.abs(n);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
  const x = n / div;
  const text = div === 1 ? Math.round(x).toString() : x.toFixed(Math.abs(x) >= 99.95 ? 0 : 1);
  return `${text.replace(/\.0$/, '')}${suffix}`;
}

export function fmtPercent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** "4.9M (4.1M–5.8M)": the central value, then the P10–P90. */
export function fmtRange(r: Range, unit: CaseRow['unit']): string {
  const f = unit === 'percent' ? fmtPercent : fmtCount;
  return `${f(r.mid)} (${f(r.low)}–${f(r.high)})`;
}

const VERDICT_TEXT: Record<Verdict, string> = {
  inside: 'inside',
  'below-range': 'below range',
  'above-range': 'above range',
  'not-a-check': 'not a check (input)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The report as a markdown table: model central (P10–P90), published figure and verdict per row. */
export function renderCaseStudyTable(rows: readonly CaseRow[]): string {
  const lines = [
    '| Case | Compared | Model central (P10–P90) | Published | Verdict |',
    '|---|---|---|---|---|',
    ...rows.map((r) => {
      const model = r.modelText ?? (r.model ? fmtRange(r.model, r.unit) : '—');
      return `| ${cell(r.caseName)} | ${cell(r.compared)} | ${cell(model)} | ${cell(r.publishedText)} | ${VERDICT_TEXT[r.verdict]} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
