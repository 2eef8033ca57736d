import { usePlanExport } from '../../hooks/use-plan-export';

/**
 * "Export CSV" (the plan: a row per line item and the total) and "Export daily CSV" (the flight
 * table: a row per day and line item), or the reason they can't be exported yet.
 */
export function ExportButton() {
  const { reason, failed, message, download: onExport } = usePlanExport();

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
