import { bench, describe } from 'vitest';
import { PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../src/domain/csv';
import { project } from '../src/domain/projection';
import { validatePlan } from '../src/domain/validation';
import { AD_FORMATS, ASSUMPTIONS, included, plan100 } from './plan-100';

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
