/**
 * Marginal gains: one more unit of a line item, or the first purchase of a format or creator not
 * in the plan, gains exactly what projecting the changed plan gains (reach, 1+ … 5+ reach, the
 * goal's metric) and costs what the changed plan adds to spend. Speed is the benchmark's business.
 */
import { describe, expect, it } from 'vitest';
import { baseFigures, creatorCandidate, marginalBase, marginalGains, type Candidate, type Gain, type GainUnit } from '../../src/domain/marginal';
import { GOALS, type AudienceProfile, type Goal } from '../../src/domain/types';
import type { Plan, PlanCreatorLine, Targeting } from '../../src/domain/plan';
import { project, type Projection } from '../../src/domain/projection';
import { creatorLine, dayAfter, DEFAULT_START, formatLine, planWith, takeoverLine, validInput } from './plan-fixtures';

const PROFILE: AudienceProfile = {
  ageShares: { '13-17': 0.1, '18-24': 0.3, '25-34': 0.4, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.7,
  topCountries: [
    { country: 'US', share: 0.6 },
    { country: 'KR', share: 0.3 },
  ],
};

/** A plan with one line item of every kind: In-Feed, a takeover, a package with an extra day, creators with and without Spark Ads. */
function basePlan(changes: Partial<Plan> = {}): Plan {
  return planWith({
    totalBudget: '100,000,000',
    formats: [formatLine('in-feed', '60000'), takeoverLine('2'), formatLine('hashtag-challenge', '180000')],
    creators: [
      creatorLine({ posts: '4', fee: '800' }),
      creatorLine({ handle: 'leo.eats', avgViews: null, credibility: 0.8, audience: PROFILE, posts: '2', fee: '250', sparkBudget: '2,000' }),
    ],
    ...changes,
  });
}

/** A creator as a candidate: the catalog facts, one post at `fee`. */
function candidateCreator(line: PlanCreatorLine, fee: number): Candidate {
  const { handle, displayName, niche, country, tier, fans, avgViews, engagementRate, audience, credibility, catalogFee } = line;
  return creatorCandidate({ handle, displayName, niche, country, tier, fans, avgViews, engagementRate, audience, credibility, catalogFee }, fee);
}

const NEW_CREATOR = creatorLine({ handle: 'nina.moves', displayName: 'Nina Moreau', tier: 'mid', fans: 400_000, avgViews: 60_000, engagementRate: 0.05 });

const figures = (plan: Plan): Projection => project(validInput(plan), { figuresOnly: true });

/** Within 1e-6 of the projected change (relative to it, or to one person, unit or dollar where it is smaller). */
function expectMatch(actual: number | undefined, expected: number) {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(expected), 1));
}

function okGain(gain: Gain | undefined): Extract<Gain, { ok: true }> {
  if (!gain?.ok) throw new Error(`expected a gain, got ${JSON.stringify(gain)}`);
  return gain;
}

/** The gain of `candidate` against projecting `changed` instead of `plan`: spend, reach, k+ reach and the goal's metric. */
function expectGainOfProjecting(plan: Plan, candidate: Candidate, changed: Plan, unit: GainUnit, options: { budgetStep?: number } = {}) {
  const gain = okGain(marginalGains(marginalBase(validInput(plan)), [candidate], options)[0]);
  const before = figures(plan);
  const after = figures(changed);
  expect(gain.unit).toBe(unit);
  expectMatch(gain.cost, after.totals.spend - before.totals.spend);
  expectMatch(gain.reach, after.totals.reach - before.totals.reach);
  expect(gain.reachAtLeast).toHaveLength(5);
  gain.reachAtLeast.forEach((g, k) => expectMatch(g, (after.totals.reachAtLeast[k]?.mid ?? Number.NaN) - (before.totals.reachAtLeast[k]?.mid ?? Number.NaN)));
  expectMatch(gain.goal, after.kpi.actual - before.kpi.actual);
  return gain;
}

/** Each candidate on the base plan, and the plan it stands for. */
const CANDIDATES: readonly { name: string; candidate: Candidate; changed: (p: Plan) => Plan; unit: GainUnit }[] = [
  {
    name: 'an In-Feed budget step of $1,000',
    candidate: { kind: 'more', id: 'in-feed' },
    changed: (p) => ({ ...p, formats: p.formats.map((l) => (l.formatId === 'in-feed' ? { ...l, amount: '61000' } : l)) }),
    unit: 'budget step',
  },
  {
    name: 'one more takeover day',
    candidate: { kind: 'more', id: 'brand-takeover' },
    changed: (p) => ({ ...p, formats: p.formats.map((l) => (l.formatId === 'brand-takeover' ? { ...l, amount: '3' } : l)) }),
    unit: 'day',
  },
  {
    name: 'one more day of the package (7 days bought, the rest of the budget left over)',
    candidate: { kind: 'more', id: 'hashtag-challenge' },
    changed: (p) => ({ ...p, formats: p.formats.map((l) => (l.formatId === 'hashtag-challenge' ? { ...l, amount: '200000' } : l)) }),
    unit: 'day',
  },
  {
    name: 'one more post of a creator with measured views',
    candidate: { kind: 'more', id: 'creator:maya.fit' },
    changed: (p) => ({ ...p, creators: p.creators.map((c) => (c.handle === 'maya.fit' ? { ...c, posts: '5' } : c)) }),
    unit: 'post',
  },
  {
    name: 'one more post of a creator with Spark Ads and an audience profile',
    candidate: { kind: 'more', id: 'creator:leo.eats' },
    changed: (p) => ({ ...p, creators: p.creators.map((c) => (c.handle === 'leo.eats' ? { ...c, posts: '3' } : c)) }),
    unit: 'post',
  },
  {
    name: 'a new format: the Branded Effects package',
    candidate: { kind: 'format', formatId: 'branded-effects' },
    changed: (p) => ({ ...p, formats: [...p.formats, formatLine('branded-effects', '100000')] }),
    unit: 'package',
  },
  {
    name: 'a new format: the Hashtag Challenge Plus package',
    candidate: { kind: 'format', formatId: 'hashtag-challenge-plus' },
    changed: (p) => ({ ...p, formats: [...p.formats, formatLine('hashtag-challenge-plus', '200000')] }),
    unit: 'package',
  },
  {
    name: 'a new creator: one post at their fee',
    candidate: candidateCreator(NEW_CREATOR, 1_200),
    changed: (p) => ({ ...p, creators: [...p.creators, { ...NEW_CREATOR, posts: '1', fee: '1200' }] }),
    unit: 'post',
  },
];

describe('marginal gains equal projecting the changed plan', () => {
  it('measures from the plan’s own figures: its reach, k+ reach and goal metric as projected', () => {
    for (const goal of GOALS) {
      const plan = basePlan({ goal });
      const base = baseFigures(marginalBase(validInput(plan)));
      const { totals, kpi } = figures(plan);
      expectMatch(base.reach, totals.reach);
      base.reachAtLeast.forEach((r, k) => expectMatch(r, totals.reachAtLeast[k]?.mid ?? Number.NaN));
      expectMatch(base.goal, kpi.actual);
    }
  });

  describe.each(GOALS.map((goal) => [goal] as const))('goal %s', (goal: Goal) => {
    it.each(CANDIDATES.map((c) => [c.name, c] as const))('%s', (_, { candidate, changed, unit }) => {
      const plan = basePlan({ goal });
      expectGainOfProjecting(plan, candidate, changed(plan), unit);
    });
  });

  it('a budget step of the size asked for', () => {
    const plan = basePlan();
    const changed = { ...plan, formats: plan.formats.map((l) => (l.formatId === 'in-feed' ? { ...l, amount: '65000' } : l)) };
    const gain = expectGainOfProjecting(plan, { kind: 'more', id: 'in-feed' }, changed, 'budget step', { budgetStep: 5_000 });
    expect(gain.cost).toBe(5_000);
  });

  it('an In-Feed budget step bought by CPC or CPV', () => {
    for (const buyingModel of ['CPC', 'CPV'] as const) {
      const plan = planWith({ formats: [formatLine('in-feed', '8000', { buyingModel })], creators: [creatorLine()] });
      const changed = { ...plan, formats: [formatLine('in-feed', '9000', { buyingModel })] };
      expectGainOfProjecting(plan, { kind: 'more', id: 'in-feed' }, changed, 'budget step');
    }
  });

  it.each([
    ['a takeover day', { kind: 'format', formatId: 'brand-takeover' }, takeoverLine('1'), 'day'],
    ['the In-Feed minimum', { kind: 'format', formatId: 'in-feed' }, formatLine('in-feed', '6000'), 'budget step'],
    ['the Hashtag Challenge package', { kind: 'format', formatId: 'hashtag-challenge' }, formatLine('hashtag-challenge', '150000'), 'package'],
  ] as const)('a new format’s first purchase: %s', (_, candidate, line, unit) => {
    const plan = basePlan({ formats: [formatLine('branded-effects', '100000')] });
    expectGainOfProjecting(plan, candidate, { ...plan, formats: [...plan.formats, line] }, unit);
  });

  it('a first purchase in an empty plan gains all its own reach', () => {
    const plan = planWith({ totalBudget: '1,000,000' });
    const gain = expectGainOfProjecting(plan, { kind: 'format', formatId: 'brand-takeover' }, { ...plan, formats: [takeoverLine('1')] }, 'day');
    expectMatch(gain.reach, 5_000_000);
  });

  it('with participants’ videos counted in reach: a package’s extra day, a new package', () => {
    const plan = basePlan({ earnedInReach: true, goal: 'engagement' });
    const changed = { ...plan, formats: plan.formats.map((l) => (l.formatId === 'hashtag-challenge' ? { ...l, amount: '200000' } : l)) };
    expectGainOfProjecting(plan, { kind: 'more', id: 'hashtag-challenge' }, changed, 'day');
    const withEffects = { ...plan, formats: [...plan.formats, formatLine('branded-effects', '100000')] };
    expectGainOfProjecting(plan, { kind: 'format', formatId: 'branded-effects' }, withEffects, 'package');
    expectGainOfProjecting({ ...plan, goal: 'awareness' }, { kind: 'format', formatId: 'branded-effects' }, { ...withEffects, goal: 'awareness' }, 'package');
  });

  it('in several markets, narrowed by age and gender: a takeover day in each market, a new creator by their audience', () => {
    const t: Targeting = { countries: ['US', 'KR'], ageBands: ['18-24', '25-34'], gender: 'female' };
    const plan = basePlan({ targeting: t });
    const moreDays = { ...plan, formats: plan.formats.map((l) => (l.formatId === 'brand-takeover' ? { ...l, amount: '3' } : l)) };
    const gain = expectGainOfProjecting(plan, { kind: 'more', id: 'brand-takeover' }, moreDays, 'day');
    expect(gain.cost).toBeGreaterThan(50_000);
    const creator = { ...NEW_CREATOR, audience: PROFILE };
    expectGainOfProjecting(
      plan,
      candidateCreator(creator, 900),
      { ...plan, creators: [...plan.creators, { ...creator, posts: '1', fee: '900' }] },
      'post',
    );
  });

  it('gains in the central scenario, whatever the seed', () => {
    const input = validInput(basePlan());
    const candidates = CANDIDATES.map((c) => c.candidate);
    const a = marginalGains(marginalBase(input), candidates);
    const b = marginalGains(marginalBase(input, { seed: 7 }), candidates, { seed: 7 });
    a.forEach((gain, i) => {
      const other = b[i];
      if (!gain.ok || !other?.ok) throw new Error('expected gains');
      expectMatch(other.reach, gain.reach);
      expectMatch(other.goal, gain.goal);
    });
  });

  it('answers every candidate in order, the unavailable among them', () => {
    const plan = basePlan();
    const gains = marginalGains(marginalBase(validInput(plan)), [
      { kind: 'more', id: 'creator:maya.fit' },
      { kind: 'format', formatId: 'in-feed' },
      { kind: 'more', id: 'in-feed' },
    ]);
    expect(gains.map((g) => g.ok)).toEqual([true, false, true]);
    expect(okGain(gains[0]).unit).toBe('post');
    expect(okGain(gains[2]).unit).toBe('budget step');
  });
});

describe('marginal gains that can’t be bought say why', () => {
  const reasonOf = (plan: Plan, candidate: Candidate) => {
    const gain = marginalGains(marginalBase(validInput(plan)), [candidate])[0];
    if (!gain || gain.ok) throw new Error(`expected no gain, got ${JSON.stringify(gain)}`);
    return gain.reason;
  };

  it('a takeover already running every day of the flight', () => {
    expect(reasonOf(basePlan({ formats: [takeoverLine('28')] }), { kind: 'more', id: 'brand-takeover' })).toBe('Brand Takeover already runs every day of the flight.');
  });

  it('a package already running every day of the flight', () => {
    expect(reasonOf(basePlan({ formats: [formatLine('branded-effects', '280000')] }), { kind: 'more', id: 'branded-effects' })).toBe(
      'Branded Effects already runs every day of the flight.',
    );
  });

  it('a creator at 100 posts', () => {
    expect(reasonOf(basePlan({ creators: [creatorLine({ posts: '100', fee: '10' })] }), { kind: 'more', id: 'creator:maya.fit' })).toBe('A creator has at most 100 posts.');
  });

  it.each(['in-feed', 'brand-takeover', 'hashtag-challenge'] as const)('a format already in the plan (%s): ask for more of it', (formatId) => {
    expect(reasonOf(basePlan(), { kind: 'format', formatId })).toBe('Already in the plan: ask for more of it.');
  });

  it('a creator already in the plan: ask for more of them', () => {
    expect(reasonOf(basePlan(), candidateCreator(creatorLine(), 800))).toBe('Already in the plan: ask for more of them.');
  });

  it('a line item not in the plan', () => {
    expect(reasonOf(basePlan(), { kind: 'more', id: 'creator:nobody' })).toBe('No line item creator:nobody in the plan.');
    expect(reasonOf(basePlan(), { kind: 'more', id: 'branded-effects' })).toBe('No line item branded-effects in the plan.');
  });

  it('a package longer than the flight', () => {
    const plan = planWith({ endDate: dayAfter(DEFAULT_START, 4), formats: [formatLine('in-feed', '60000')] });
    expect(reasonOf(plan, { kind: 'format', formatId: 'hashtag-challenge' })).toBe('A 6-day package doesn’t fit in a 5-day flight.');
  });
});
