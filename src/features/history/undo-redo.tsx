import { useEffect } from 'react';
import { usePlanActions, useUndoState } from '../../store/plan-store';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const UNDO_KEYS = IS_MAC ? '⌘Z' : 'Ctrl+Z';
const REDO_KEYS = IS_MAC ? '⇧⌘Z' : 'Ctrl+Y';

/** Whether a key press is undo (Ctrl/⌘+Z) or redo (Ctrl/⌘+Shift+Z, Ctrl+Y), as editors have them. */
function historyKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !IS_MAC) return 'redo';
  return null;
}

/**
 * Undo and Redo for every edit of the open plan, as buttons and as the usual shortcuts. The
 * shortcuts work in text fields too: every field is the plan's, so the plan's history is the one
 * that matters (a field's own undo would lose sync with the plan).
 */
export function UndoRedo() {
  const { canUndo, canRedo } = useUndoState();
  const actions = usePlanActions();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const which = historyKey(e);
      if (!which || e.defaultPrevented) return;
      e.preventDefault();
      actions[which]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return (
    <div className="undo-redo" role="group" aria-label="Edit history">
      <button type="button" className="button button--small" onClick={actions.undo} disabled={!canUndo} aria-keyshortcuts={IS_MAC ? 'Meta+Z' : 'Control+Z'} title={`Undo (${UNDO_KEYS})`}>
        <span aria-hidden="true">↶ </span>Undo
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={actions.redo}
        disabled={!canRedo}
        aria-keyshortcuts={IS_MAC ? 'Meta+Shift+Z' : 'Control+Y Control+Shift+Z'}
        title={`Redo (${REDO_KEYS})`}
      >
        <span aria-hidden="true">↷ </span>Redo
      </button>
    </div>
  );
}
