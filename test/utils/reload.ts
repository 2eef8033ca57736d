import { reloadPlanStore, resetPlanStoreInMemory } from '../../src/store/plan-store';

/**
 * What a page reload does to the store: memory starts over and the workspace is read
 * back from localStorage. Call after unmounting the app, then render it again.
 */
export function simulateReload(): void {
  const saved = { ...localStorage };
  // Forget the in-memory workspace (this saves a fresh one, so put the saved data back as it was).
  resetPlanStoreInMemory();
  localStorage.clear();
  for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, String(value));
  reloadPlanStore();
}
