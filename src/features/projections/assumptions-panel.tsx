import { memo } from 'react';
import { NumberField } from '../../components/ui/field';
import { ASSUMPTION_GROUPS, type Assumption, type AssumptionGroup, type AssumptionKey, type Assumptions } from '../../domain/types';
import { fieldId } from '../../domain/validation';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { downloadFile } from '../../lib/download';
import { usePlanActions } from '../../store/plan-store';
import { formatAssumption, overriddenKeys } from './format-assumption';

const GROUP_TITLES: Record<AssumptionGroup, string> = {
  audience: 'Audience',
  reach: 'Reach and overlap',
  prices: 'Prices',
  engagement: 'Delivery and engagement',
  funnel: 'Clicks, conversions and order value',
  ugc: 'User-generated content',
  value: 'Earned media value',
};

const UNIT_NAMES: Record<Assumption['unit'], string> = {
  fraction: 'percent',
  usd: 'US dollars',
  people: 'people',
  views: 'views',
  number: 'number',
};

const SOURCE_KIND: Record<Assumption['source']['kind'], string> = {
  guide: 'Guide',
  benchmark: 'Benchmark',
  'team-assumption': 'Team assumption',
};

function unitSuffix(a: Assumption): string {
  return a.unit === 'fraction' ? ' (%)' : a.unit === 'usd' ? ' ($)' : '';
}

/**
 * The assumptions ledger: every rate the model uses, grouped, with its value in use, unit,
 * definition, market, source and published range; each can be overridden for this plan
 * (saved with it) and the ledger exported as CSV.
 */
export const AssumptionsPanel = memo(function AssumptionsPanel({ assumptions }: { assumptions: Assumption[] }) {
  const model = usePlanCheck();
  const actions = usePlanActions();
  const overrides = model.plan.assumptionOverrides;
  const errors = model.status === 'ready' ? model.check.errors : {};
  const values: Assumptions | null = model.status === 'ready' ? model.check.input.assumptions : null;
  // A market's own figures are listed while the plan targets it.
  const countries = model.plan.targeting.countries;
  const shown = assumptions.filter((a) => a.country === undefined || countries.includes(a.country));
  const groups = ASSUMPTION_GROUPS.map((group) => ({ group, list: shown.filter((a) => a.group === group) })).filter((g) => g.list.length > 0);
  const overridden = overriddenKeys(overrides, errors);

  const onExport = async () => {
    if (!values) return;
    // The CSV code (and papaparse) load when a file is asked for, not with the page.
    const { ASSUMPTIONS_CSV_COLUMNS, assumptionsCsvFileName, assumptionsCsvRows, toCsv } = await import('../../domain/csv');
    const csv = toCsv(assumptionsCsvRows(shown, values, overridden), ASSUMPTIONS_CSV_COLUMNS);
    downloadFile(assumptionsCsvFileName(model.plan.name, new Date()), csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="assumptions" id="assumptions">
      <div className="assumptions__head">
        <h3>Assumptions</h3>
        <button type="button" className="button button--small" onClick={() => void onExport()} disabled={!values}>
          Export assumptions CSV
        </button>
      </div>
      <p className="section__intro">
        Every rate the projection uses, with the targeted markets’ own for the flight’s year. Sources are cited; a team
        assumption says so. A low–high is read as the P10–P90. Overrides are saved with this plan
        {overridden.size > 0 ? ` (${overridden.size} in use)` : ''}.
      </p>
      {groups.map(({ group, list }) => (
        <section key={group} className="assumption-group" aria-labelledby={`assumptions-${group}`}>
          <h4 id={`assumptions-${group}`}>{GROUP_TITLES[group]}</h4>
          <ul className="assumption-list">
            {list.map((a) => (
              <AssumptionRow
                key={a.key}
                assumption={a}
                override={overrides[a.key] ?? ''}
                error={errors[fieldId.assumption(a.key)]}
                inUse={values ? values[a.key] : a.value}
                onOverride={actions.overrideAssumption}
                onReset={actions.resetAssumption}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
});

/** One assumption: re-renders only when its own override, message or value in use changes. */
const AssumptionRow = memo(function AssumptionRow({
  assumption: a,
  override,
  error,
  inUse,
  onOverride,
  onReset,
}: {
  assumption: Assumption;
  override: string;
  error: string | undefined;
  inUse: number;
  onOverride: (key: AssumptionKey, text: string) => void;
  onReset: (key: AssumptionKey) => void;
}) {
  const overridden = override.trim() !== '';
  const defaultText = formatAssumption(a, a.value);
  return (
    <li className={`assumption ${overridden ? 'is-overridden' : ''}`}>
      <div className="assumption__value">
        <NumberField
          label={`${a.label}${unitSuffix(a)}`}
          value={override}
          placeholder={defaultText.replace(/[%$]/g, '')}
          onValueChange={(v) => onOverride(a.key, v)}
          error={error}
          hint={overridden && !error ? `Default ${defaultText}; this plan uses ${formatAssumption(a, inUse)}` : `Default in use: ${defaultText}`}
        />
        {overridden && (
          <button type="button" className="button button--ghost button--small" onClick={() => onReset(a.key)}>
            Reset {a.label}
          </button>
        )}
      </div>
      <div className="assumption__about">
        <p className="assumption__definition">{a.definition}</p>
        <dl className="assumption__facts">
          <div>
            <dt>Unit</dt>
            <dd>{UNIT_NAMES[a.unit]}</dd>
          </div>
          <div>
            <dt>Market</dt>
            <dd>{a.market}</dd>
          </div>
          <div>
            <dt>Source</dt>
            <dd>
              <span className={`badge badge--${a.source.kind}`}>{SOURCE_KIND[a.source.kind]}</span> {a.source.name} ({a.source.date})
            </dd>
          </div>
          <div>
            <dt>Range</dt>
            <dd>
              {a.range
                ? `${formatAssumption(a, a.range[0])}–${formatAssumption(a, a.range[1])} published; read as P10–P90, it drives the ranges`
                : 'None published: no spread from this rate'}
            </dd>
          </div>
        </dl>
        {a.source.note && <p className="assumption__source">{a.source.note}</p>}
      </div>
    </li>
  );
});
