import { Section } from '../../components/ui/section';
import { CheckboxGroup, NumberField, RadioGroup, SelectField, TextField } from '../../components/ui/field';
import { GOAL_KPI } from '../../domain/plan';
import { AGE_BANDS, COUNTRIES, COUNTRY_NAMES, GENDERS, GOALS, type Gender, type Goal } from '../../domain/types';
import { fieldId, flightLength } from '../../domain/validation';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money } from '../../lib/format';
import { usePlanActions } from '../../store/plan-store';

const GOAL_OPTIONS = GOALS.map((g) => ({ value: g, label: GOAL_KPI[g].goalLabel }));
const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c, label: COUNTRY_NAMES[c] }));
const AGE_OPTIONS = AGE_BANDS.map((a) => ({ value: a, label: a }));
const GENDER_LABEL: Record<Gender, string> = { all: 'All', female: 'Women', male: 'Men' };
const GENDER_OPTIONS = GENDERS.map((g) => ({ value: g, label: GENDER_LABEL[g] }));

/** Plan name, flight dates, goal with its KPI target, the budget cap and the target audience. */
export function GoalsBudgetSection() {
  const model = usePlanCheck();
  const { plan } = model;
  const actions = usePlanActions();
  const check = model.status === 'ready' ? model.check : null;
  const error = (id: string) => check?.errors[id];
  const kpi = GOAL_KPI[plan.goal];
  // Known without the API, so the hint is there from the first frame and nothing below moves.
  const days = flightLength(plan.startDate, plan.endDate);

  return (
    <Section id="goals-budget" title="Goals & budget" step={1} intro="Name the plan, set the flight, the goal and what it may spend.">
      <div className="form-grid">
        <TextField
          fieldClassName="span-2"
          label="Plan name"
          value={plan.name}
          onValueChange={actions.renamePlan}
          error={error(fieldId.name)}
          maxLength={200}
        />
        <TextField
          label="Start date"
          type="date"
          value={plan.startDate}
          onValueChange={actions.setStartDate}
          error={error(fieldId.startDate)}
        />
        <TextField
          label="End date"
          type="date"
          value={plan.endDate}
          onValueChange={actions.setEndDate}
          error={error(fieldId.endDate)}
          hint={days === null ? 'Flight length appears here' : `${days}-day flight`}
        />
        <SelectField
          label="Campaign goal"
          value={plan.goal}
          onValueChange={(g) => actions.chooseGoal(g as Goal)}
          options={GOAL_OPTIONS}
        />
        <NumberField
          label={`KPI target (${kpi.metricLabel})`}
          value={plan.kpiTarget}
          onValueChange={actions.setKpiTarget}
          error={error(fieldId.kpiTarget)}
          placeholder="Optional"
          prefix={kpi.metric === 'revenue' ? '$' : undefined}
          hint={`The plan is checked against this ${kpi.metricLabel} target.`}
        />
        <NumberField
          label="Total budget"
          value={plan.totalBudget}
          onValueChange={actions.setTotalBudget}
          error={error(fieldId.totalBudget)}
          prefix="$"
          hint="A cap: line items may not spend more."
        />
        {/* Drawn before the data arrives too (with dashes), so the sections below don't move. */}
        <dl className="budget-meter span-2" aria-label="Budget">
          <div>
            <dt>Planned spend</dt>
            <dd>{check ? money(check.spend) : '—'}</dd>
          </div>
          <div>
            <dt>{check?.unallocated != null && check.unallocated < 0 ? 'Over budget' : 'Unallocated'}</dt>
            <dd className={check?.unallocated != null && check.unallocated < 0 ? 'text-bad' : ''}>
              {check?.unallocated == null ? '—' : money(Math.abs(check.unallocated))}
            </dd>
          </div>
          <div className="budget-meter__bar" aria-hidden="true">
            {check && check.cap !== null && check.cap > 0 && (
              <span style={{ width: `${Math.min(100, (check.spend / check.cap) * 100)}%` }} className={check.spend > check.cap ? 'over' : ''} />
            )}
          </div>
        </dl>
        <fieldset className="audience span-2" aria-describedby="audience-hint">
          <legend className="audience__legend">Target audience</legend>
          <p id="audience-hint" className="field__hint">
            Targeting narrows the audience universe that reach is measured against.
          </p>
          <CheckboxGroup
            legend="Countries"
            options={COUNTRY_OPTIONS}
            value={plan.targeting.countries}
            onValueChange={(countries) => actions.setTargeting({ countries })}
            error={error(fieldId.countries)}
          />
          <CheckboxGroup
            legend="Age groups"
            options={AGE_OPTIONS}
            value={plan.targeting.ageBands}
            onValueChange={(ageBands) => actions.setTargeting({ ageBands })}
            error={error(fieldId.ageBands)}
          />
          <RadioGroup
            legend="Gender"
            options={GENDER_OPTIONS}
            value={plan.targeting.gender}
            onValueChange={(gender) => actions.setTargeting({ gender })}
          />
        </fieldset>
      </div>
    </Section>
  );
}
