import { memo, useMemo, useState } from 'react';
import { Section } from '../../components/ui/section';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { GOAL_KPI, MODEL_EDITION, type Plan } from '../../domain/plan';
import type { Projection } from '../../domain/projection';
import type { Assumption, Assumptions, Goal } from '../../domain/types';
import { useHydrated } from '../../hooks/use-hydrated';
import { usePlanModel } from '../../hooks/use-plan-model';
import { useSharedPlan } from '../../store/plan-store';
import { approx, approxMoney, lowHigh, money, pct, whole } from '../../lib/format';
import type { ExplainContext } from './explain';
import { howContent } from './how-lazy';
import { LazyPart } from '../../components/ui/chunk-boundary';
import { retryableLazy } from '../../lib/retryable-lazy';
import { PROJECTIONS_INTRO } from './intro';
import { EarnedInReach } from './earned-in-reach';
import { costRows, headlineMetrics } from './metrics';
import { COST_BASIS, FULL_COST_HEIGHT } from './cost-basis';

const charts = retryableLazy(() => import('./charts'), (m) => m.default);
// Below the charts, and loaded after the first paint like them: the initial JavaScript is at its budget.
const lineItemTable = retryableLazy(() => import('./line-item-table'), (m) => m.LineItemTable);
const assumptionsPanel = retryableLazy(() => import('./assumptions-panel'), (m) => m.AssumptionsPanel);
const fullCost = retryableLazy(() => import('./full-cost'), (m) => m.default);
// Shown once to a plan saved before the model's current edition: loaded only for such a plan.
const modelNotice = retryableLazy(() => import('./model-notice'), (m) => m.ModelNotice);

/** What the plan is projected to deliver, and the assumptions behind every number. */
export function ProjectionsSection() {
  const model = usePlanModel();
  const shared = useSharedPlan() !== null;
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
      {hydrated && model.status === 'ready' && !shared && model.projected.plan.modelEdition < MODEL_EDITION && (
        <LazyPart
          what="The note on the model’s new edition"
          load={modelNotice}
          fallback={null}
          props={{ plan: model.projected.plan, projection: model.projection }}
        />
      )}
      {hydrated && model.status === 'ready' && (
        <ProjectionBody
          projection={model.projection}
          excluded={model.projected.check.excluded}
          plan={model.projected.plan}
          values={model.projected.check.input.assumptions}
          assumptions={model.assumptions}
        />
      )}
    </Section>
  );
}

function kpiNumber(metric: Projection['kpi']['metric'], n: number): string {
  return metric === 'revenue' ? money(n) : whole(n);
}

/**
 * Everything here is of the projected plan, so it re-renders when the projection catches up
 * with a keystroke, not on the keystroke itself.
 */
const ProjectionBody = memo(function ProjectionBody({
  projection,
  excluded,
  plan,
  values,
  assumptions,
}: {
  projection: Projection;
  excluded: string[];
  plan: Plan;
  values: Assumptions;
  assumptions: Assumption[];
}) {
  const goal: Goal = plan.goal;
  const targeting = plan.targeting;
  const context = useMemo<ExplainContext>(
    () => ({
      values,
      assumptions,
      audience: projection.audience,
      targeting,
      goal,
      sampleSize: projection.sample.size,
    }),
    [values, assumptions, projection.audience, projection.sample.size, targeting, goal],
  );
  const { kpi, totals } = projection;
  const empty = projection.items.length === 0;
  const earnedIn = plan.earnedInReach;
  const cards = useMemo(() => headlineMetrics(projection, goal, earnedIn), [projection, goal, earnedIn]);
  const costs = useMemo(() => costRows(totals.costs), [totals.costs]);
  const kpiRange = lowHigh(kpi.range, kpi.metric === 'revenue' ? (n, d) => approxMoney(n, d) : (n, d) => approx(n, d));

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
          {kpiNumber(kpi.metric, kpi.actual)} {kpi.label}
          {kpiRange && (
            <span className="kpi-status__range">
              <span className="visually-hidden">, range </span>
              {kpiRange}
            </span>
          )}
        </p>
        <p className="kpi-status__verdict">
          {kpi.target === null
            ? 'No KPI target set: add one in Goals & budget to check the plan against it.'
            : kpi.met
              ? `Meets the target of ${kpiNumber(kpi.metric, kpi.target)} ${kpi.label}.`
              : `Misses the target of ${kpiNumber(kpi.metric, kpi.target)} ${kpi.label} by ${kpiNumber(kpi.metric, kpi.target - kpi.actual)}.`}
        </p>
        {kpi.target !== null && kpi.chanceMet !== null && !empty && (
          <p className="kpi-status__chance">
            Chance of meeting it: {Math.round(kpi.chanceMet * 100)}% ({Math.round(kpi.chanceMet * projection.sample.size)} of {projection.sample.size} scenarios reach the target).
          </p>
        )}
      </div>

      {empty ? (
        <p className="notice">Add an ad format or a creator to see projected results.</p>
      ) : (
        <>
          <p className="ranges-note">
            The smaller figures beside each number are its P10–P90 over {projection.sample.size} scenarios in which the rates and
            the model’s own assumptions vary over their ranges. No range means none of its inputs varies.
          </p>
          <EarnedInReach projection={projection} counted={earnedIn} />
          <dl className="metrics">
            {cards.map((m) => (
              <div className={`metric ${m.key === 'spend' ? 'metric--spend' : ''}`} key={m.key}>
                <dt>{m.label}</dt>
                <dd className="metric__value">{m.value}</dd>
                {m.range && (
                  <dd className="metric__range">
                    <span className="visually-hidden">Range </span>
                    {m.range}
                  </dd>
                )}
                <dd className="metric__how">{m.short}</dd>
              </div>
            ))}
          </dl>
          <div className="table-scroll cost-table" role="region" aria-label="Cost per result" tabIndex={0}>
            <table className="table table--numbers table--compact">
              <caption>Cost per result</caption>
              <thead>
                <tr>
                  <th scope="col">Cost</th>
                  <th scope="col">Per</th>
                  <th scope="col">Central</th>
                  <th scope="col">P10–P90</th>
                </tr>
              </thead>
              <tbody>
                {costs.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{c.per}</td>
                    <td>{c.value}</td>
                    <td>{c.range ?? (c.value === '—' ? '' : 'no range')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="footnote">{COST_BASIS}</p>
          <LazyPart
            what="The full cost"
            load={fullCost}
            fallback={<div style={{ minHeight: FULL_COST_HEIGHT }} aria-busy="true" />}
            props={{ cost: totals.fullCost }}
          />
          <HowDetails projection={projection} context={context} />
          <LazyPart what="The charts" load={charts} fallback={<LoadingState label="Loading charts…" />} props={{ projection, goal }} />
          <LazyPart
            what="The line items"
            load={lineItemTable}
            fallback={<LoadingState label="Loading the line items…" />}
            props={{ projection, goal, context }}
          />
        </>
      )}
      <LazyPart what="The assumptions" load={assumptionsPanel} fallback={<LoadingState label="Loading the assumptions…" />} props={{ assumptions }} />
      <p className="footnote">
        ROI on full cost (gross, incl. tax): {pct(totals.roi?.mid ?? null)}. In the results table the total’s ROI is on the full cost too;
        each line item’s is on its own spend.
      </p>
    </div>
  );
});

/**
 * "How each number is calculated": every headline figure's formula with this plan's inputs,
 * built only while open (it sums every line item's explanation).
 */
const HowDetails = memo(function HowDetails({ projection, context }: { projection: Projection; context: ExplainContext }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="how" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>How each number is calculated</summary>
      {open && (
        <>
          <p className="how__intro">
            Each formula with this plan’s inputs written in, every assumption at the value the ledger shows (the central scenario);
            then the range, and the assumptions used with
            their source. Open a line item’s “How?” in the results table for its own figures.
          </p>
          <LazyPart
            what="The calculations"
            load={howContent}
            fallback={<p className="how__intro">Loading the calculations…</p>}
            props={{ subject: { kind: 'totals', projection }, context }}
          />
        </>
      )}
    </details>
  );
});
