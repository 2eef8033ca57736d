import { lazy, Suspense, useDeferredValue } from 'react';
import { Section } from '../../components/ui/section';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { GOAL_KPI } from '../../domain/plan';
import type { Projection } from '../../domain/projection';
import type { Assumption, AssumptionKey, Assumptions } from '../../domain/types';
import { useHydrated } from '../../hooks/use-hydrated';
import { usePlanModel } from '../../hooks/use-plan-model';
import { money, pct, whole } from '../../lib/format';
import { AssumptionsPanel } from './assumptions-panel';
import { formatAssumption } from './format-assumption';
import { PROJECTIONS_INTRO } from './intro';
import { LineItemTable } from './line-item-table';
import { METRICS } from './metrics';

const Charts = lazy(() => import('./charts'));

/** What the plan is projected to deliver, and the assumptions behind every number. */
export function ProjectionsSection() {
  const model = usePlanModel();
  const hydrated = useHydrated();
  return (
    <Section id="projections" title="Projections" step={4} intro={PROJECTIONS_INTRO}>
      {!hydrated && <LoadingState label="Loading the planner…" />}
      {hydrated && model.status === 'pending' && <LoadingState label="Loading benchmarks…" />}
      {hydrated && model.status === 'error' && (
        <ErrorState
          title={model.failed.benchmarks ? 'Benchmarks couldn’t load.' : 'Projections need the ad formats, which couldn’t load.'}
          error={model.error}
          onRetry={model.retry}
        />
      )}
      {hydrated && model.status === 'ready' && (
        <ProjectionBody
          projection={model.projection}
          excluded={model.check.excluded}
          goal={model.plan.goal}
          values={model.check.input.assumptions}
          assumptions={model.assumptions}
        />
      )}
    </Section>
  );
}

function ProjectionBody({
  projection,
  excluded,
  goal,
  values,
  assumptions,
}: {
  projection: Projection;
  excluded: string[];
  goal: keyof typeof GOAL_KPI;
  values: Assumptions;
  assumptions: Assumption[];
}) {
  const byKey = new Map(assumptions.map((a) => [a.key, a]));
  const uses = (keys: AssumptionKey[]) =>
    keys
      .map((k) => byKey.get(k))
      .filter((a): a is Assumption => a !== undefined)
      .map((a) => `${a.label} ${formatAssumption(a, values[a.key])}`)
      .join(' · ');
  const { kpi, totals } = projection;
  // Numbers update with the keystroke; charts and the table follow in a render React can interrupt.
  const deferred = useDeferredValue(projection);
  const empty = projection.items.length === 0;
  const kpiText = kpi.metric === 'revenue' ? money(kpi.actual) : whole(kpi.actual);

  return (
    <div className="projections">
      {excluded.length > 0 && (
        <p className="notice notice--warn" role="status">
          Left out of the projection until their fields are fixed: {excluded.join(', ')}.
        </p>
      )}
      <div className={`kpi-status ${kpi.met === true ? 'is-met' : kpi.met === false ? 'is-missed' : ''}`} role="status">
        <p className="kpi-status__goal">{GOAL_KPI[goal].goalLabel} goal</p>
        <p className="kpi-status__value">
          {kpiText} {kpi.label}
        </p>
        <p className="kpi-status__verdict">
          {kpi.target === null
            ? 'No KPI target set: add one in Goals & budget to check the plan against it.'
            : kpi.met
              ? `Meets the target of ${kpi.metric === 'revenue' ? money(kpi.target) : whole(kpi.target)} ${kpi.label}.`
              : `Misses the target of ${kpi.metric === 'revenue' ? money(kpi.target) : whole(kpi.target)} ${kpi.label} by ${kpi.metric === 'revenue' ? money(kpi.target - kpi.actual) : whole(kpi.target - kpi.actual)}.`}
        </p>
      </div>

      {empty ? (
        <p className="notice">Add an ad format or a creator to see projected results.</p>
      ) : (
        <>
          <dl className="metrics">
            <div className="metric metric--spend">
              <dt>Spend</dt>
              <dd>{money(totals.spend)}</dd>
              <dd className="metric__how">Budgets + takeover days × price + creator fee × posts</dd>
            </div>
            {METRICS.map((m) => (
              <div className="metric" key={m.key}>
                <dt>{m.label}</dt>
                <dd>{m.value(totals)}</dd>
                <dd className="metric__how">{m.short}</dd>
              </div>
            ))}
          </dl>
          <details className="how">
            <summary>How each number is calculated</summary>
            <dl className="how__list">
              {METRICS.map((m) => (
                <div key={m.key}>
                  <dt>{m.label}</dt>
                  <dd>
                    {m.formula}
                    {m.uses.length > 0 && <span className="metric__uses"> Uses: {uses(m.uses)}.</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <Charts projection={deferred} />
          </Suspense>
          <LineItemTable projection={deferred} />
        </>
      )}
      <AssumptionsPanel assumptions={assumptions} />
      <p className="footnote">
        ROI {pct(totals.roi)} counts media and creator fees only; agency, production and usage-rights costs are not yet included.
      </p>
    </div>
  );
}
