// The browser's storage as the app saves it, for tests that run with the store (jsdom).
import type { Plan } from '../../src/domain/plan';
import { STORAGE_QUOTA_CHARS, storageUsed } from '../../src/lib/storage';
import { PLAN_STORAGE_KEY, PLAN_STORAGE_VERSION, planKey, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';
import { reloadPlanStore } from '../../src/store/plan-store';

/** Removes everything Reachplan saved, backups aside. */
function clearWorkspace(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('reachplan.') && !key.startsWith('reachplan.backup.')) localStorage.removeItem(key);
  }
}

/**
 * Puts raw text where a version-1-to-4 plan was saved, alone (no workspace yet), and reloads the
 * store, as a page load would read it.
 */
export function seedStorage(raw: string): void {
  clearWorkspace();
  localStorage.setItem(PLAN_STORAGE_KEY, raw);
  reloadPlanStore();
}

/** Saves `plans` as the app would (a workspace, the first open) and reloads the store from it. */
export function seedWorkspace(plans: readonly Plan[], openPlanId = plans[0]?.id ?? ''): void {
  clearWorkspace();
  for (const plan of plans) localStorage.setItem(planKey(plan.id), JSON.stringify(plan));
  localStorage.setItem(
    WORKSPACE_STORAGE_KEY,
    JSON.stringify({ state: { openPlanId, planIds: plans.map((p) => p.id) }, version: PLAN_STORAGE_VERSION }),
  );
  reloadPlanStore();
}

/** Saves `plan` as the app would and reloads the store from it. */
export function seedPlan(plan: Plan): void {
  seedWorkspace([plan]);
}

/** The workspace index saved in localStorage, parsed. */
export function savedIndex(): { state: { openPlanId: string; planIds: string[] }; version: number } {
  const raw = localStorage.getItem(WORKSPACE_STORAGE_KEY);
  if (raw === null) throw new Error(`Nothing saved under ${WORKSPACE_STORAGE_KEY}`);
  return JSON.parse(raw) as { state: { openPlanId: string; planIds: string[] }; version: number };
}

/** A plan saved in localStorage (the open one by default), parsed. */
export function savedPlan(id = savedIndex().state.openPlanId): Plan {
  const raw = localStorage.getItem(planKey(id));
  if (raw === null) throw new Error(`Nothing saved under ${planKey(id)}`);
  return JSON.parse(raw) as Plan;
}

/** Keys of backups the app made of unreadable saved data. */
export function backupKeys(): string[] {
  const keys: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith('reachplan.backup.')) keys.push(key);
  }
  return keys;
}

/**
 * Fills the browser's storage (jsdom's, 5 million characters like Chromium's) with another
 * key until about `leave` characters are left, and reloads the store, which measures what is used at load.
 */
export function fillStorage(leave: number): void {
  const used = storageUsed(localStorage) ?? 0;
  const key = 'someone.else';
  localStorage.setItem(key, 'x'.repeat(STORAGE_QUOTA_CHARS - used - leave - key.length));
  reloadPlanStore();
}
