import { usePlanExport } from '../../hooks/use-plan-export';
import { downloadFile } from '../../lib/download';
import { currentPlans, useLastReplaced, useNotices, useOutdatedBy, usePlanActions, useRecovery, useSaveError, useSharedPlan } from '../../store/plan-store';

/**
 * Tells the user when saved plans couldn't be used, when saving fails, and what another tab
 * changed, and what was kept.
 */
export function PlanSafetyBanners() {
  const recovery = useRecovery();
  const saveError = useSaveError();
  const notices = useNotices();
  const outdatedBy = useOutdatedBy();
  const replaced = useLastReplaced();
  const shared = useSharedPlan();
  const actions = usePlanActions();
  const downloadOpen = async () => {
    // The backup code loads when asked for, not with the page.
    const { workspaceBackupFileName, workspaceBackupJson } = await import('../../store/workspace-backup');
    const now = new Date();
    downloadFile(workspaceBackupFileName(now), workspaceBackupJson(currentPlans(), now), 'application/json');
  };
  return (
    <>
      {outdatedBy !== null && (
        <div className="banner banner--error" role="alert">
          <div>
            <p className="banner__title">A newer version of Reachplan saved your plans in another tab.</p>
            <p>
              This tab has stopped saving, so it can’t overwrite what the newer version saved. Reload to keep working. If you
              changed anything here since, download this tab’s plans first: the file imports as a backup.
            </p>
          </div>
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload
            </button>
            <button type="button" className="button button--ghost" onClick={() => void downloadOpen()}>
              Download this tab’s plans
            </button>
          </div>
        </div>
      )}
      {replaced && !shared && (
        <div className="banner banner--info" role="status">
          <p>
            “{replaced.before.name.trim() || 'Untitled plan'}” was replaced by “{replaced.importedName.trim() || 'Untitled plan'}” from a CSV. Its earlier
            version can be put back, also after a reload.
          </p>
          <div className="banner__actions">
            <button type="button" className="button" onClick={() => actions.restoreReplaced()}>
              Undo replace
            </button>
            <button type="button" className="button button--ghost" onClick={() => actions.keepReplaced()}>
              Keep the import
            </button>
          </div>
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className="banner banner--info" role="status">
          <p>{n.text}</p>
          <div className="banner__actions">
            {n.copy && (
              <button type="button" className="button" onClick={() => n.copy && downloadFile(n.copy.fileName, n.copy.text, 'application/json')}>
                {n.copy.label}
              </button>
            )}
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
      {saveError && <NotSavingBanner message={saveError} onDownloadAll={() => void downloadOpen()} />}
    </>
  );
}

/**
 * Stays while changes can't be saved (storage refused or full): the two ways to keep the work,
 * every plan as a backup file, and the open plan as CSV.
 */
function NotSavingBanner({ message, onDownloadAll }: { message: string; onDownloadAll: () => void }) {
  const { reason, message: exportNote, download } = usePlanExport();
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <p className="banner__title">Changes are not being saved.</p>
        <p>{message}</p>
        {exportNote && (
          <p id="not-saving-export-reason" className="banner__note">
            Export: {exportNote}
          </p>
        )}
      </div>
      <div className="banner__actions">
        <button type="button" className="button" onClick={onDownloadAll}>
          Download all plans
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => void download('plan')}
          disabled={reason !== null}
          aria-describedby={exportNote ? 'not-saving-export-reason' : undefined}
        >
          Export this plan as CSV
        </button>
      </div>
    </div>
  );
}
