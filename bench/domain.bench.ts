import { bench, describe } from 'vitest';
import { PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../src/domain/csv';
import { project } from '../src/domain/projection';
import { validatePlan } from '../src/domain/validation';
import { queryCreators, type CreatorQuery } from '../mocks/handlers/creators';
import { AD_FORMATS, ASSUMPTIONS, CREATORS, included, plan100 } from './plan-100';

const plan = plan100();
const check = validatePlan(included(plan), AD_FORMATS, ASSUMPTIONS);
const projection = project(check.input);
// A plan that edits the In-Feed budget, as one key press does.
const edited = { ...plan, formats: plan.formats.map((f) => (f.formatId === 'in-feed' ? { ...f, amount: `${f.amount}0` } : f)) };

// The benchmarks must measure a valid 100-line-item plan, not an error path.
if (!check.isValid) throw new Error(`bench plan is invalid: ${JSON.stringify(check.errors)}`);
if (projection.items.length !== 100) throw new Error(`bench plan projects ${projection.items.length} line items, not 100`);

describe('plan model (100 line items)', () => {
  bench('validatePlan', () => {
    validatePlan(included(plan), AD_FORMATS, ASSUMPTIONS);
  });
  bench('project', () => {
    project(check.input);
  });
  bench('validatePlan + project (one budget edit)', () => {
    project(validatePlan(included(edited), AD_FORMATS, ASSUMPTIONS).input);
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

describe(`queryCreators (${CREATORS.length} creators)`, () => {
  const query = (q: Partial<CreatorQuery>): CreatorQuery => ({ q: '', niche: null, tier: null, sort: 'fans', page: 1, pageSize: 20, ...q });
  bench('first page, by fans', () => {
    queryCreators(CREATORS, query({}));
  });
  bench('text search "fit", by engagement', () => {
    queryCreators(CREATORS, query({ q: 'fit', sort: 'engagement' }));
  });
  bench('niche + tier filter, by fee', () => {
    queryCreators(CREATORS, query({ niche: 'beauty', tier: 'micro', sort: 'fee' }));
  });
  bench('all, by handle (localeCompare), page of 100', () => {
    queryCreators(CREATORS, query({ sort: 'name', pageSize: 100 }));
  });
});
