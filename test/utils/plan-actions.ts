import { renderHook } from '@testing-library/react';
import {
  useLastDeleted,
  useNotices,
  useOpenPlanId,
  useOutdatedBy,
  usePlan,
  usePlanActions,
  usePlans,
  useSharedPlan,
  useUndoState,
} from '../../src/store/plan-store';

/** The store's actions outside a component (they are stable, so one render is enough). */
export function planActions() {
  return renderHook(() => usePlanActions()).result.current;
}

/** The workspace as components read it, right now. */
export function workspaceState() {
  const { result, unmount } = renderHook(() => ({
    plans: usePlans(),
    openPlanId: useOpenPlanId(),
    plan: usePlan(),
    shared: useSharedPlan(),
    deleted: useLastDeleted(),
    notices: useNotices(),
    undoState: useUndoState(),
    outdatedBy: useOutdatedBy(),
  }));
  const value = result.current;
  unmount();
  return value;
}
