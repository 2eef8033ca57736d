import { PLAN_STORAGE_KEY } from '../../src/store/persistence';
import { reloadPlanStore, resetPlanStoreInMemory } from '../../src/store/plan-store';

/**
 * What a page reload does to the store: memory starts over and the plan is read
 * back from localStorage. Call after unmounting the app, then render it again.
 */
export function simulateReload(): void {
  const saved = localStorage.getItem(PLAN_STORAGE_KEY);
  // Forget the in-memory plan (this writes a fresh plan to storage, so put the saved text back).
  resetPlanStoreInMemory();
  if (saved === null) localStorage.removeItem(PLAN_STORAGE_KEY);
  else localStorage.setItem(PLAN_STORAGE_KEY, saved);
  reloadPlanStore();
}
