import { useState } from 'react';
import { downloadFile } from '../lib/download';
import { projectionOf, usePlanCheck } from './use-plan-model';

/** The CSV code (and papaparse) load when a file is asked for, not with the page. */
const csvModules = () => Promise.all([import('../domain/csv'), import('../domain/flight-csv')]);

export interface PlanExport {
  /** Why the open plan can't be exported right now, or null. */
  reason: string | null;
  /** True after the export code failed to load (offline): retry. */
  failed: boolean;
  /** What to tell the user beside the export: why it failed to load, else why it can't run yet; null when it can. */
  message: string | null;
  /** Downloads the plan CSV ("plan") or the flight table ("daily"); does nothing while `reason` holds. */
  download(kind: 'plan' | 'daily'): Promise<void>;
}

/**
 * Exporting the open plan as CSV, wherever it is offered (the toolbar, the banner that says
 * changes are not being saved): the plan as it is now, with its own projection.
 */
export function usePlanExport(): PlanExport {
  // The check alone: what offers the export needn't re-render when the projection catches up.
  const model = usePlanCheck();
  const [failed, setFailed] = useState(false);
  let reason: string | null = null;
  if (model.status === 'pending') reason = 'Waiting for formats and benchmarks to load.';
  else if (model.status === 'error') reason = 'Formats or benchmarks couldn’t load.';
  else if (!model.check.isValid) {
    const count = Object.keys(model.check.errors).length;
    reason = `Fix ${count} ${count === 1 ? 'field' : 'fields'} to export: ${Object.values(model.check.errors)[0] ?? ''}`;
  } else if (model.check.input.formats.length + model.check.input.creators.length === 0) reason = 'Add an ad format or a creator to export.';

  const download = async (kind: 'plan' | 'daily') => {
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
  return { reason, failed, message, download };
}
