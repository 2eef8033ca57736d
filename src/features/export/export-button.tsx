import { csvFileName, PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../../domain/csv';
import { projectionOf, usePlanCheck } from '../../hooks/use-plan-model';
import { downloadFile } from '../../lib/download';

/** "Export CSV": the plan as a spreadsheet file, or the reason it can't be exported yet. */
export function ExportButton() {
  // The check alone: the button needn't re-render when the projection catches up.
  const model = usePlanCheck();
  let reason: string | null = null;
  if (model.status === 'pending') reason = 'Waiting for formats and benchmarks to load.';
  else if (model.status === 'error') reason = 'Formats or benchmarks couldn’t load.';
  else if (!model.check.isValid) {
    const count = Object.keys(model.check.errors).length;
    reason = `Fix ${count} ${count === 1 ? 'field' : 'fields'} to export: ${Object.values(model.check.errors)[0] ?? ''}`;
  } else if (model.check.input.formats.length + model.check.input.creators.length === 0) reason = 'Add an ad format or a creator to export.';

  const onExport = () => {
    if (model.status !== 'ready' || reason) return;
    const projection = projectionOf(model.plan, model.formats, model.assumptions);
    const csv = toCsv(planCsvRows(model.plan, projection), PLAN_CSV_COLUMNS);
    downloadFile(csvFileName(model.plan.name, new Date()), csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="export">
      <button type="button" className="button button--primary" onClick={onExport} disabled={reason !== null} aria-describedby={reason ? 'export-reason' : undefined}>
        Export CSV
      </button>
      {reason && (
        <p id="export-reason" className="export__reason" title={reason}>
          {reason}
        </p>
      )}
    </div>
  );
}
