import { useState } from 'react';
import { projectionOf, usePlanCheck } from '../../hooks/use-plan-model';
import { downloadFile } from '../../lib/download';

/** The CSV code (and papaparse) load when a file is asked for, not with the page. */
const csvModules = () => Promise.all([import('../../domain/csv'), import('../../domain/flight-csv')]);

/**
 * "Export CSV" (the plan: a row per line item and the total) and "Export daily CSV" (the flight
 * table: a row per day and line item), or the reason they can't be exported yet.
 */
export function ExportButton() {
  // The check alone: the buttons needn't re-render when the projection catches up.
  const model = usePlanCheck();
  const [failed, setFailed] = useState(false);
  let reason: string | null = null;
  if (model.status === 'pending') reason = 'Waiting for formats and benchmarks to load.';
  else if (model.status === 'error') reason = 'Formats or benchmarks couldn’t load.';
  else if (!model.check.isValid) {
    const count = Object.keys(model.check.errors).length;
    reason = `Fix ${count} ${count === 1 ? 'field' : 'fields'} to export: ${Object.values(model.check.errors)[0] ?? ''}`;
  } else if (model.check.input.formats.length + model.check.input.creators.length === 0) reason = 'Add an ad format or a creator to export.';

  const onExport = async (kind: 'plan' | 'daily') => {
    if (model.status !== 'ready' || reason) return;
    // The plan as it is now, paired with its own projection (never the one a keystroke behind).
    const { plan, formats, benchmarks, check } = model;
    let modules: Awaited<ReturnType<typeof csvModules>>;
    try {
      modules = await csvModules();
      setFailed(false);
    } catch {
      setFailed(true);
      return;
    }
    const [csv, flight] = modules;
    const now = new Date();
    if (kind === 'plan') {
      const projection = projectionOf(plan, formats, benchmarks);
      downloadFile(csv.csvFileName(plan.name, now), csv.toCsv(csv.planCsvRows(plan, projection), csv.PLAN_CSV_COLUMNS), 'text/csv;charset=utf-8');
    } else {
      downloadFile(flight.flightCsvFileName(plan.name, now), flight.flightCsv(check.input), 'text/csv;charset=utf-8');
    }
  };

  const message = failed ? 'The export couldn’t load. Check your connection and try again.' : reason;
  return (
    <div className="export">
      <div className="export__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void onExport('plan')}
          disabled={reason !== null}
          aria-describedby={message ? 'export-reason' : undefined}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void onExport('daily')}
          disabled={reason !== null}
          aria-describedby={message ? 'export-reason' : undefined}
          title="A row per day and line item: spend, impressions and cumulative reach"
        >
          Export daily CSV
        </button>
      </div>
      {message && (
        <p id="export-reason" className="export__reason" title={message} role={failed ? 'alert' : undefined}>
          {message}
        </p>
      )}
    </div>
  );
}
