import { bench, describe } from 'vitest';
import { generateCreators } from '../mocks/data/creators';
import { PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../src/domain/csv';
import { creatorCandidate, marginalBase, marginalGains, type Candidate } from '../src/domain/marginal';
import { creatorLineFrom } from '../src/domain/plan';
import { project } from '../src/domain/projection';
import { validatePlan } from '../src/domain/validation';
import { AD_FORMATS, BENCHMARKS, included, plan100, planOf } from './plan-100';

const plan = plan100();
const check = validatePlan(included(plan), AD_FORMATS, BENCHMARKS);
const projection = project(check.input);
// A plan that edits the In-Feed budget, as one key press does.
const edited = { ...plan, formats: plan.formats.map((f) => (f.formatId === 'in-feed' ? { ...f, amount: `${f.amount}0` } : f)) };

// The benchmarks must measure a valid 100-line-item plan, not an error path.
if (!check.isValid) throw new Error(`bench plan is invalid: ${JSON.stringify(check.errors)}`);
if (projection.items.length !== 100) throw new Error(`bench plan projects ${projection.items.length} line items, not 100`);

describe('plan model (100 line items)', () => {
  bench('validatePlan', () => {
    validatePlan(included(plan), AD_FORMATS, BENCHMARKS);
  });
  bench('project', () => {
    project(check.input);
  });
  bench('validatePlan + project (one budget edit)', () => {
    project(validatePlan(included(edited), AD_FORMATS, BENCHMARKS).input);
  });
});

/**
 * The marginal-gains target: 2,000 candidate creators (seeded, with audience data and
 * credibility, as the catalog serves them) against the 100-line plan, the plan prepared once and
 * every candidate's first post then measured. Target: ≤ 20 ms (median) for both together.
 */
const CANDIDATES = 2000;
const candidates: Candidate[] = generateCreators(CANDIDATES, 4242).map((c) => {
  const l = creatorLineFrom(c);
  // Handles apart from the plan's, so no candidate is turned away as already in the plan.
  return creatorCandidate({ ...l, handle: `candidate.${l.handle}` }, c.feePerPost);
});
const base = marginalBase(check.input);
const gains = marginalGains(base, candidates);
if (gains.length !== CANDIDATES || gains.some((g) => !g.ok)) throw new Error('every candidate creator must have a gain');
if (!gains.some((g) => g.ok && g.reach > 0)) throw new Error('no candidate adds reach: the bench measures an empty path');

describe(`marginal gains (100-line plan, ${CANDIDATES.toLocaleString('en-US')} candidate creators)`, () => {
  bench('marginalBase', () => {
    marginalBase(check.input);
  });
  bench(`marginalGains of ${CANDIDATES.toLocaleString('en-US')} creators`, () => {
    marginalGains(base, candidates);
  });
  bench(`marginalBase + marginalGains of ${CANDIDATES.toLocaleString('en-US')} creators`, () => {
    marginalGains(marginalBase(check.input), candidates);
  });
});

describe('CSV export (100 line items)', () => {
  bench('planCsvRows', () => {
    planCsvRows(plan, projection);
  });
  bench('toCsv(planCsvRows)', () => {
    toCsv(planCsvRows(plan, projection), PLAN_CSV_COLUMNS);
  });
});

/** Export is linear in line items: 1,000 rows take about ten times 100 (it was quadratic: 10,000 creators took ~10 s). */
const plan1000 = planOf(1000, 90);
const projection1000 = project(validatePlan(included(plan1000), AD_FORMATS, BENCHMARKS).input);
if (projection1000.items.length !== 1000) throw new Error(`bench plan projects ${projection1000.items.length} line items, not 1,000`);

describe('CSV export (1,000 line items)', () => {
  bench('toCsv(planCsvRows)', () => {
    toCsv(planCsvRows(plan1000, projection1000), PLAN_CSV_COLUMNS);
  });
});
