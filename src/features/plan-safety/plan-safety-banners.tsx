import { downloadFile } from '../../lib/download';
import { useNotices, usePlanActions, useRecovery, useSaveError } from '../../store/plan-store';

/**
 * Tells the user when saved plans couldn't be used, when saving fails, and what another tab
 * changed, and what was kept.
 */
export function PlanSafetyBanners() {
  const recovery = useRecovery();
  const saveError = useSaveError();
  const notices = useNotices();
  const actions = usePlanActions();
  return (
    <>
      {notices.map((n) => (
        <div key={n.id} className="banner banner--info" role="status">
          <p>{n.text}</p>
          <div className="banner__actions">
            <button type="button" className="button button--ghost" onClick={() => actions.dismissNotice(n.id)}>
              OK
            </button>
          </div>
        </div>
      ))}
      {recovery && (
        <div className="banner banner--warn" role="alert">
          <div>
            <p className="banner__title">
              {recovery.reason} {recovery.startedClean ? 'Reachplan started a new plan.' : 'Your other plans opened as saved.'}
            </p>
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
