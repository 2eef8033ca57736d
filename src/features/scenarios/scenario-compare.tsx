import { memo, useMemo } from 'react';
import { useAdFormats } from '../../api/ad-formats';
import { useBenchmarks } from '../../api/benchmarks';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { GOAL_KPI, type Plan, type PlanStatus } from '../../domain/plan';
import { diffPlans, type DiffLabels } from '../../domain/plan-diff';
import { ledgerFor, yearOf } from '../../domain/markets';
import type { AdFormat, Assumption } from '../../domain/types';
import {
  compareColumns,
  differentGoals,
  editedText,
  fieldsToFixText,
  MAX_COMPARED,
  planStyle,
  totalsRows,
  type Column,
  type TotalsCell,
} from './compare-data';
import { PlanKey } from './plan-key';
import ScenarioCharts from './scenario-charts';
import { ScenarioDiff } from './scenario-diff';
import './scenario-compare.css';

export interface ScenarioCompareProps {
  /** Two to four plans; the first is the base the others are compared with. */
  plans: Plan[];
  onClose(): void;
  onOpen(planId: string): void;
}

const STATUS_TEXT: Record<PlanStatus, string> = { draft: 'Draft', proposed: 'Proposed', approved: 'Approved' };

/**
 * Scenarios side by side: each plan's totals with their ranges, charts on the same axes, and
 * what changed from the base. Each plan is checked and projected as the planner does it.
 */
export default function ScenarioCompare({ plans, onClose, onOpen }: ScenarioCompareProps) {
  const formats = useAdFormats();
  const benchmarks = useBenchmarks();
  const formatList = formats.data;
  const benchmarkData = benchmarks.data;
  // Labels and defaults of every assumption a diff may name: the base plan's ledger, market figures of its flight's year.
  const baseStart = plans[0]?.startDate ?? '';
  const assumptionList = useMemo(
    () => (benchmarkData ? ledgerFor(benchmarkData.assumptions, benchmarkData.markets, yearOf(baseStart)) : undefined),
    [benchmarkData, baseStart],
  );
  // Keyed by each plan, not the array: a parent passing a new array of the same plans projects nothing again.
  const [p0, p1, p2, p3] = plans;
  const compared = useMemo(() => [p0, p1, p2, p3].filter((p): p is Plan => p !== undefined), [p0, p1, p2, p3]);
  const columns = useMemo(
    () => (formatList && benchmarkData ? compareColumns(compared, formatList, benchmarkData) : null),
    [compared, formatList, benchmarkData],
  );
  const error = formats.error ?? benchmarks.error;

  return (
    <section className="scenario-compare" aria-labelledby="scenario-compare-heading">
      <header className="scenario-compare__header">
        <h2 id="scenario-compare-heading" tabIndex={-1}>
          Compare scenarios
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close comparison
        </button>
      </header>
      {compared.length < 2 && <p className="notice">Choose at least two plans to compare.</p>}
      {plans.length > MAX_COMPARED && (
        <p className="notice">
          Up to {MAX_COMPARED} plans are compared at once: showing the first {MAX_COMPARED} of {plans.length}.
        </p>
      )}
      <PlanCards plans={compared} columns={columns} onOpen={onOpen} />
      {compared.length < 2 ? null : columns ? (
        <Comparison columns={columns} />
      ) : error ? (
        <ErrorState
          title="The comparison needs the ad formats and benchmarks, which couldn’t load."
          error={error}
          onRetry={() => {
            if (formats.error) void formats.refetch();
            if (benchmarks.error) void benchmarks.refetch();
          }}
        />
      ) : (
        <LoadingState label="Loading formats and benchmarks…" />
      )}
      {(columns || error) && compared.length > 1 && <Diffs plans={compared} formats={formatList} assumptions={assumptionList} />}
    </section>
  );
}

/** Each plan as a column head: number, name, status, last edit, and Open. */
const PlanCards = memo(function PlanCards({
  plans,
  columns,
  onOpen,
}: {
  plans: readonly Plan[];
  columns: readonly Column[] | null;
  onOpen: (planId: string) => void;
}) {
  const base = plans[0];
  return (
    <ol className="scenario-compare__plans" aria-label="Plans compared">
      {plans.map((plan, i) => {
        const result = columns?.[i]?.result;
        return (
          <li key={plan.id} className="scenario-plan card">
            <p className="scenario-plan__name">
              <PlanKey style={planStyle(i)} />
              <strong>{plan.name.trim() || 'Untitled plan'}</strong>
            </p>
            <p className="scenario-plan__role">
              {i === 0 ? 'Base' : plan.scenarioOf !== null && plan.scenarioOf === base?.id ? 'Scenario of the base' : 'Compared with the base'}
              {' · '}
              {GOAL_KPI[plan.goal].goalLabel} goal
            </p>
            <dl className="scenario-plan__facts">
              <div>
                <dt>Status</dt>
                <dd>{STATUS_TEXT[plan.status]}</dd>
              </div>
              <div>
                <dt>Last edited</dt>
                <dd>{editedText(plan.updatedAt)}</dd>
              </div>
            </dl>
            {result?.kind === 'invalid' && <p className="scenario-plan__invalid">{fieldsToFixText(result.fieldsToFix)}.</p>}
            <button type="button" className="button button--small" onClick={() => onOpen(plan.id)}>
              Open <span className="visually-hidden">{plan.name.trim() || 'Untitled plan'}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
});

function CellContent({ cell }: { cell: TotalsCell }) {
  return (
    <>
      <span className="scenario-cell__value">{cell.value}</span>
      {cell.range && (
        <span className="scenario-cell__range">
          <span className="visually-hidden">, range </span>
          {cell.range}
        </span>
      )}
      {cell.note && (
        <span className="scenario-cell__note">
          <span className="visually-hidden">, </span>
          {cell.note}
        </span>
      )}
      {cell.delta && (
        <span className="scenario-cell__delta">
          <span className="visually-hidden">, </span>
          {cell.delta === 'Same' ? 'Same as base' : `${cell.delta} vs base`}
        </span>
      )}
      {cell.best && (
        <span className="scenario-best">
          <span className="visually-hidden">, </span>
          <span aria-hidden="true">★ </span>Best
        </span>
      )}
    </>
  );
}

const Comparison = memo(function Comparison({ columns }: { columns: readonly Column[] }) {
  const rows = useMemo(() => totalsRows(columns), [columns]);
  const goals = differentGoals(columns);
  const sample = columns.find((c) => c.result.kind === 'ready');
  const sampleSize = sample?.result.kind === 'ready' ? sample.result.projection.sample.size : null;
  return (
    <>
      <p className="ranges-note">
        Each figure is the central estimate, with its P10–P90 range{sampleSize !== null && ` over ${sampleSize} scenarios`} below it and its
        change from the base (plan 1). The best value of each row is marked “Best”.
      </p>
      {columns[0]?.result.kind === 'invalid' && (
        <p className="notice notice--warn">The base has fields to fix: the other plans’ changes from it are shown once it is fixed.</p>
      )}
      {goals && (
        <p className="notice notice--warn">
          The plans have different goals ({goals}): each cost per result is per its own plan’s goal, so those costs aren’t ranked.
        </p>
      )}
      <div className="table-scroll scenario-table" role="region" aria-label="Totals by plan" tabIndex={0}>
        <table className="table table--numbers">
          <caption>Totals by plan</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {columns.map((c) => (
                <th scope="col" key={c.plan.id}>
                  <PlanKey style={c.style} /> {c.plan.name.trim() || 'Untitled plan'}
                  {c.index === 0 && <span className="scenario-table__base"> (base)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label}{' '}
                  {row.bestMeans && <span className="visually-hidden">(best: {row.bestMeans})</span>}
                </th>
                {row.cells.map((cell, i) => {
                  const column = columns[i];
                  if (cell) {
                    return (
                      <td key={column?.plan.id ?? i} className={cell.best ? 'is-best' : undefined}>
                        <CellContent cell={cell} />
                      </td>
                    );
                  }
                  // A plan with fields to fix: one cell down the whole column says so, instead of numbers.
                  if (r > 0 || column?.result.kind !== 'invalid') return null;
                  return (
                    <td key={column.plan.id} rowSpan={rows.length} className="scenario-table__invalid">
                      {fieldsToFixText(column.result.fieldsToFix)}. Open it to fix them.
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScenarioCharts columns={columns} />
    </>
  );
});

const Diffs = memo(function Diffs({
  plans,
  formats,
  assumptions,
}: {
  plans: readonly Plan[];
  formats: readonly AdFormat[] | undefined;
  assumptions: readonly Assumption[] | undefined;
}) {
  const base = plans[0];
  const diffs = useMemo(() => {
    if (!base) return [];
    const labels: DiffLabels = {};
    if (formats) labels.formats = formats;
    if (assumptions) labels.assumptions = assumptions;
    return plans.slice(1).map((plan) => diffPlans(base, plan, labels));
  }, [base, plans, formats, assumptions]);
  if (!base) return null;
  return (
    <div className="scenario-diffs">
      <h3>What changed from the base</h3>
      {plans.slice(1).map((plan, i) => (
        <ScenarioDiff key={plan.id} plan={plan} style={planStyle(i + 1)} base={base} baseStyle={planStyle(0)} changes={diffs[i] ?? []} />
      ))}
    </div>
  );
});
