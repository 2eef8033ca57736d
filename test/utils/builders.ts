import { CREATORS } from '../../mocks/data/creators';
import { creatorLineFrom, formatLine as newFormatLine, newPlan, type Plan, type PlanCreatorLine } from '../../src/domain/plan';
import type { FormatId } from '../../src/domain/types';
import { PLAN_STORAGE_KEY, PLAN_STORAGE_VERSION } from '../../src/store/persistence';
import { reloadPlanStore } from '../../src/store/plan-store';

/** A new plan as the app makes one, with `overrides` applied. */
export function buildPlan(overrides: Partial<Plan> = {}): Plan {
  return { ...newPlan('plan-under-test', new Date()), ...overrides };
}

/** A plan line for a catalog creator, as "Add @handle to plan" makes it. */
export function creatorLine(handle: string, overrides: Partial<PlanCreatorLine> = {}): PlanCreatorLine {
  const c = CREATORS.find((x) => x.handle === handle);
  if (!c) throw new Error(`No creator @${handle} in the mock catalog`);
  return {
    ...creatorLineFrom(c),
    ...overrides,
  };
}

/** A format line as ticking the format makes it (CPM, even pacing, no category), with `overrides` applied. */
export function formatLine(
  formatId: FormatId,
  amount: string,
  included = true,
  overrides: Partial<Plan['formats'][number]> = {},
): Plan['formats'][number] {
  return { ...newFormatLine(formatId, amount), included, ...overrides };
}

/** The JSON the store writes under 'reachplan.plan'. */
export function storedPlanJson(plan: Plan, version = PLAN_STORAGE_VERSION): string {
  return JSON.stringify({ state: { plan }, version });
}

/** Puts raw text in the plan's storage key and reloads the store, as a page load would read it. */
export function seedStorage(raw: string): void {
  localStorage.setItem(PLAN_STORAGE_KEY, raw);
  reloadPlanStore();
}

/** Saves `plan` as the app would and reloads the store from it. */
export function seedPlan(plan: Plan): void {
  seedStorage(storedPlanJson(plan));
}

/** The plan currently saved in localStorage, parsed. */
export function savedPlan(): Plan {
  const raw = localStorage.getItem(PLAN_STORAGE_KEY);
  if (raw === null) throw new Error('Nothing saved under reachplan.plan');
  const parsed = JSON.parse(raw) as { state: { plan: Plan } };
  return parsed.state.plan;
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
