import { NumberField } from '../../components/ui/field';
import type { Assumption } from '../../domain/types';
import { fieldId } from '../../domain/validation';
import { usePlanModel } from '../../hooks/use-plan-model';
import { usePlanActions } from '../../store/plan-store';
import { formatAssumption } from './format-assumption';

function unitSuffix(a: Assumption): string {
  return a.unit === 'fraction' ? ' (%)' : a.unit === 'usd' ? ' ($)' : '';
}

/** Every rate the model uses: value, definition, source; each can be overridden for this plan. */
export function AssumptionsPanel({ assumptions }: { assumptions: Assumption[] }) {
  const model = usePlanModel();
  const actions = usePlanActions();
  const overrides = model.plan.assumptionOverrides;
  const errors = model.status === 'ready' ? model.check.errors : {};
  return (
    <div className="assumptions" id="assumptions">
      <h3>Assumptions</h3>
      <p className="section__intro">
        Defaults come from the guide or a cited benchmark; a team assumption is labelled as one. Overrides are saved with this plan.
      </p>
      <ul className="assumption-list">
        {assumptions.map((a) => {
          const override = overrides[a.key];
          const overridden = override !== undefined && override.trim() !== '';
          return (
            <li key={a.key} className={`assumption ${overridden ? 'is-overridden' : ''}`}>
              <div className="assumption__value">
                <NumberField
                  label={`${a.label}${unitSuffix(a)}`}
                  value={override ?? ''}
                  placeholder={formatAssumption(a, a.value).replace(/[%$]/g, '')}
                  onValueChange={(v) => actions.overrideAssumption(a.key, v)}
                  error={errors[fieldId.assumption(a.key)]}
                  hint={overridden ? `Default ${formatAssumption(a, a.value)}` : 'Default in use'}
                />
                {overridden && (
                  <button type="button" className="button button--ghost button--small" onClick={() => actions.resetAssumption(a.key)}>
                    Reset {a.label}
                  </button>
                )}
              </div>
              <div className="assumption__about">
                <p>{a.definition}</p>
                <p className="assumption__source">
                  <span className={`badge badge--${a.source.kind}`}>
                    {a.source.kind === 'guide' ? 'Guide' : a.source.kind === 'benchmark' ? 'Benchmark' : 'Team assumption'}
                  </span>{' '}
                  {a.source.name} ({a.source.date})
                  {a.range && ` · published range ${formatAssumption(a, a.range[0])}–${formatAssumption(a, a.range[1])}`}
                  {a.source.note && ` · ${a.source.note}`}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
