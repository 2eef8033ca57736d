import { downloadFile } from '../../lib/download';
import { usePlanActions, useRecovery, useSaveError } from '../../store/plan-store';

/** Tells the user when a saved plan couldn't be used or when saving fails, and what was kept. */
export function PlanSafetyBanners() {
  const recovery = useRecovery();
  const saveError = useSaveError();
  const actions = usePlanActions();
  return (
    <>
      {recovery && (
        <div className="banner banner--warn" role="alert">
          <div>
            <p className="banner__title">{recovery.reason} Reachplan started a new plan.</p>
            <p>
              {recovery.backupKey
                ? 'The saved data was kept in a backup in this browser. Download it to keep a copy or send it to support.'
                : 'The saved data could not be copied to a backup: download it now to keep it.'}
            </p>
          </div>
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => downloadFile('reachplan-backup.json', recovery.raw, 'application/json')}>
              Download backup
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                document.getElementById('goals-budget-heading')?.focus();
                actions.dismissRecovery();
              }}
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
      {saveError && (
        <div className="banner banner--error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
    </>
  );
}
