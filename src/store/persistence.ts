import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { emptyContract } from '../domain/contract';
import { emptyCosts, type Plan } from '../domain/plan';
import { upgradeOverrideKeys } from '../domain/legacy-keys';
import type { PlanVault } from '../lib/plan-vault';
import { describeStorageError, STORAGE_QUOTA_CHARS, STORAGE_UNAVAILABLE, type KeyValueStorage } from '../lib/storage';
import { planSchema } from '../lib/plan-schema';

/** Where versions 1 to 4 kept their single plan; read once and migrated into the workspace. */
export const PLAN_STORAGE_KEY = 'reachplan.plan';
/** The workspace's index (version, open plan, plan ids in order); each plan has a key of its own. */
export const WORKSPACE_STORAGE_KEY = 'reachplan.workspace';
export const PLAN_KEY_PREFIX = 'reachplan.plans.';
export const PLAN_STORAGE_VERSION = 6;
export const BACKUP_PREFIX = 'reachplan.backup.';
/** The last delete and the last replace by an import, kept so they can be undone after a reload. */
export const UNDO_STORAGE_KEY = 'reachplan.undo';
/** The ids of the plans kept in the browser's larger storage (IndexedDB), as a JSON array. */
export const VAULT_STORAGE_KEY = 'reachplan.vault';

/** The storage key of one plan of the workspace. */
export const planKey = (id: string) => `${PLAN_KEY_PREFIX}${id}`;

/** What the user is told when stored data could not be used. */
export interface Recovery {
  reason: string;
  backupKey: string | null;
  raw: string;
  /** True when nothing could be used and the app started with a new plan. */
  startedClean: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 to 2: the projection model gained targeting, In-Feed buying models, pacing,
 * the takeover category, posting dates and Spark Ads. Every new field gets the value that
 * projects a version-1 plan exactly as before; the single audience-universe override
 * becomes the U.S. universe's (version 1 planned the U.S. only).
 * Anything that is not the shape version 1 wrote passes through untouched, for validation to refuse.
 */
export function migrateV1toV2(state: unknown): unknown {
  if (!isRecord(state) || !isRecord(state.plan)) return state;
  const plan = state.plan;
  const overrides = isRecord(plan.assumptionOverrides) ? { ...plan.assumptionOverrides } : plan.assumptionOverrides;
  if (isRecord(overrides) && 'audienceUniverse' in overrides) {
    const { audienceUniverse, ...rest } = overrides;
    if (!('universeUS' in rest)) rest.universeUS = audienceUniverse;
    Object.assign(overrides, rest);
    delete overrides.audienceUniverse;
  }
  return {
    ...state,
    plan: {
      ...plan,
      targeting: plan.targeting ?? { countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' },
      formats: Array.isArray(plan.formats)
        ? plan.formats.map((f: unknown) =>
            isRecord(f) ? { buyingModel: 'CPM', pacing: 'even', category: '', ...f } : f,
          )
        : plan.formats,
      creators: Array.isArray(plan.creators)
        ? plan.creators.map((c: unknown) => (isRecord(c) ? { postDates: [], sparkBudget: '', ...c } : c))
        : plan.creators,
      assumptionOverrides: overrides,
    },
  };
}

/**
 * Version 2 to 3: the plan gained a shortlist (empty) and each creator line a contract
 * checklist (nothing agreed). Neither changes a projection. Anything that is not the shape
 * version 2 wrote passes through untouched, for validation to refuse.
 */
export function migrateV2toV3(state: unknown): unknown {
  if (!isRecord(state) || !isRecord(state.plan)) return state;
  const plan = state.plan;
  return {
    ...state,
    plan: {
      ...plan,
      shortlist: plan.shortlist === undefined ? [] : plan.shortlist,
      retiredContracts: plan.retiredContracts === undefined ? {} : plan.retiredContracts,
      creators: Array.isArray(plan.creators)
        ? plan.creators.map((c: unknown) => (isRecord(c) && !('contract' in c) ? { ...c, contract: emptyContract() } : c))
        : plan.creators,
    },
  };
}

/**
 * Version 3 to 4: the plan gained a status (draft), a scenario link (none), cost lines
 * beyond media and fees (none) and the weekend rule of the flight timeline (weekends allowed).
 * None of them changes a projection. Anything that is not the shape version 3 wrote passes
 * through untouched, for validation to refuse.
 */
export function migrateV3toV4(state: unknown): unknown {
  if (!isRecord(state) || !isRecord(state.plan)) return state;
  return {
    ...state,
    plan: { status: 'draft', scenarioOf: null, costs: emptyCosts(), excludeWeekends: false, ...state.plan },
  };
}

/**
 * Version 4 to 5: one plan became a workspace of plans. The plan is its only plan, and open.
 * Anything that is not the shape version 4 wrote passes through untouched, for validation to refuse.
 */
export function migrateV4toV5(state: unknown): unknown {
  if (!isRecord(state) || !isRecord(state.plan)) return state;
  const { plan, ...rest } = state;
  return { ...rest, plans: [plan], openPlanId: typeof plan.id === 'string' ? plan.id : '' };
}

/**
 * Version 5 to 6: the projection model's second edition. Overrides of the first edition's
 * single female share, age split and takeover rate become the same overrides for each market
 * the plan targets; creators and shortlisted creators get no audience data and no credibility
 * (their figures are the platform's split in their country, as before); participants' videos
 * stay out of reach; the plan remembers it was last shown with the first edition's figures, so
 * it says once how they moved. Safe to run twice (a version-5 tab may have re-saved the index).
 * Anything that is not the shape version 5 wrote passes through untouched, for validation to refuse.
 */
export function migrateV5toV6(state: unknown): unknown {
  if (!isRecord(state) || !Array.isArray(state.plans)) return state;
  const facts = (c: unknown) => (isRecord(c) ? { audience: null, credibility: null, ...c } : c);
  return {
    ...state,
    plans: state.plans.map((plan: unknown) => {
      if (!isRecord(plan)) return plan;
      const countries = isRecord(plan.targeting) ? plan.targeting.countries : undefined;
      return {
        earnedInReach: false,
        modelEdition: 1,
        ...plan,
        assumptionOverrides: upgradeOverrideKeys(plan.assumptionOverrides, countries),
        creators: Array.isArray(plan.creators) ? plan.creators.map(facts) : plan.creators,
        shortlist: Array.isArray(plan.shortlist) ? plan.shortlist.map(facts) : plan.shortlist,
      };
    }),
  };
}

/** Migrations from each earlier stored version to the next, applied in order. */
const MIGRATIONS: Record<number, (state: unknown) => unknown> = {
  1: migrateV1toV2,
  2: migrateV2toV3,
  3: migrateV3toV4,
  4: migrateV4toV5,
  5: migrateV5toV6,
};

/** Brings stored state of `version` to the current version; unknown versions pass through to validation. */
export function migratePlanState(state: unknown, version: number): unknown {
  // No version before 1 was ever stored: such data goes to validation as it is.
  if (version < 1) return state;
  let current = state;
  for (let v = version; v < PLAN_STORAGE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) current = step(current);
  }
  return current;
}

/** Copies unusable raw data to a fresh backup key before anything overwrites it. */
export function backUp(storage: KeyValueStorage, raw: string, now: Date): string | null {
  const stamp = `${BACKUP_PREFIX}${now.toISOString()}`;
  try {
    // Several plans can be backed up in the same millisecond: each gets a key of its own.
    let key = stamp;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${stamp}-${n}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

/** The workspace as it is saved: every plan, and the one that was open. */
export interface PersistedWorkspace {
  plans: Plan[];
  openPlanId: string;
}

/** What a page load made of the stored workspace. */
export interface CheckedWorkspace {
  /** The plans that could be used, in their saved order. */
  plans: Plan[];
  openPlanId: string | null;
  /** What could not be used, and where it was kept; null when everything loaded. */
  recovery: Recovery | null;
}

export interface WorkspaceStorage extends PersistStorage<PersistedWorkspace> {
  /** Validates what `persist` hydrated (after migration), plan by plan: unusable ones are backed up. */
  check(state: unknown): CheckedWorkspace;
  /** A plan another tab saved as `raw`: remembered, so it is neither written back nor taken for a conflict. */
  adopt(plan: Plan, raw: string): void;
  /** A plan another tab deleted. */
  forget(id: string): void;
  /** Copies `raw` to a fresh backup key; the key, or null when it could not be written. */
  keepAside(raw: string): string | null;
  /** What can be undone after a reload (the last delete, the last replace), as saved; null when none. */
  readUndo(): string | null;
  /** Saves it (null: nothing to undo). Nothing is written once a newer version was seen. */
  writeUndo(raw: string | null): void;
  /** Forgets what this page wrote, as a new page load would start. */
  reset(): void;
  /**
   * The larger storage (IndexedDB) for plans that don't fit in localStorage, and what it held when
   * the page loaded (read before the plans load). `unreachable`: plans said to be there that could
   * not be read; they stay listed and untouched. Without a vault, a plan that doesn't fit is not saved.
   */
  useVault(vault: PlanVault | null, held: ReadonlyMap<string, string>, unreachable?: readonly string[]): void;
  /** The plans kept in the larger storage, and their size in characters. */
  vaultUsage(): { plans: number; chars: number };
  /**
   * Another tab removed plan `id`'s localStorage key: true when it moved the plan to the larger
   * storage (it lists it there first), which this page then uses for it; false when it was deleted.
   */
  movedToVault(id: string): boolean;
  /** Resolves once the writes to the larger storage started so far have finished (or failed, which is reported). */
  whenWritten(): Promise<void>;
  /** About how many more characters localStorage takes; null when there is no limit to announce (a vault takes what doesn't fit). */
  room(): number | null;
  /**
   * Another tab wrote the workspace's index: when a newer version of Reachplan wrote it, this
   * tab stops writing (its schema can't read what the newer one saved, so a write would lose it).
   */
  indexChanged(raw: string | null): void;
  /** True once a newer version's data was seen: nothing is written any more. */
  readonly stopped: boolean;
}

/** The version a stored `{ state, version }` envelope declares, or null. */
export function storedVersion(raw: string | null): number | null {
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) && typeof parsed.version === 'number' ? parsed.version : null;
  } catch {
    return null;
  }
}

const READ_FAILED = Symbol('read failed');

/** True when `store` can list its keys, as localStorage can. */
function listable(store: KeyValueStorage): store is KeyValueStorage & Pick<Storage, 'key' | 'length'> {
  const listing = store as Partial<Pick<Storage, 'key' | 'length'>>;
  return typeof listing.key === 'function' && typeof listing.length === 'number';
}

/** True when a write failed because the storage is full. */
function isQuotaError(error: unknown): boolean {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Every key in `storage` that starts with `prefix`, when the storage can list its keys. */
function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const listing = storage as Partial<Pick<Storage, 'key' | 'length'>>;
  if (typeof listing.key !== 'function' || typeof listing.length !== 'number') return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < listing.length; i++) {
      const key = listing.key.call(storage, i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    return keys;
  }
  return keys;
}

interface Problem {
  reason: string;
  backupKey: string | null;
  raw: string;
}

/** One notice for everything that could not be used at start-up. */
function recoveryOf(problems: readonly Problem[], startedClean: boolean): Recovery | null {
  const [first] = problems;
  if (!first) return null;
  if (problems.length === 1) return { ...first, startedClean };
  return {
    reason: `${problems.length} saved plans could not be used (missing, invalid or damaged data).`,
    backupKey: first.backupKey,
    raw: JSON.stringify(problems.map((p) => ({ reason: p.reason, backupKey: p.backupKey, raw: p.raw })), null, 2),
    startedClean,
  };
}

/** The ids a stored JSON array names (the vault's list), or none. */
function idList(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The plans said to be kept in the larger storage (IndexedDB): listed there by this version, or
 * listed in the index with no key of their own. When there are any, the vault is read before
 * the plans load; when there are none (nearly always), it is not opened at all.
 */
export function plansInVault(storage: KeyValueStorage | null): string[] {
  if (!storage) return [];
  try {
    const ids = new Set(idList(storage.getItem(VAULT_STORAGE_KEY)));
    const index = storage.getItem(WORKSPACE_STORAGE_KEY);
    if (index !== null) {
      const parsed: unknown = JSON.parse(index);
      const state = isRecord(parsed) && isRecord(parsed.state) ? parsed.state : {};
      const listed = Array.isArray(state.planIds) ? state.planIds.filter((id): id is string => typeof id === 'string') : [];
      // By the keys' names where the storage lists them: reading every plan twice at start-up would cost time.
      const keys = listable(storage) ? new Set(keysWithPrefix(storage, PLAN_KEY_PREFIX)) : null;
      for (const id of listed) if (keys ? !keys.has(planKey(id)) : storage.getItem(planKey(id)) === null) ids.add(id);
    }
    return [...ids];
  } catch {
    return [];
  }
}

export interface GuardedStorageOptions {
  /** A save failed (the message to show), or saves work again (null). */
  onSaveError: (message: string | null) => void;
  now?: () => Date;
  /** Another tab saved plan `id` as `theirs` after this page last read it. */
  onConflict?: (id: string, theirs: string) => void;
  /** A newer version of Reachplan wrote the workspace: this page stops writing. */
  onNewerVersion?: (version: number) => void;
}

/**
 * The workspace's storage: an index (open plan, plan ids) and a key per plan, so an edit writes
 * only the plan it changed, and two tabs see each other's plans one by one. It never loses data:
 * unreadable or invalid stored data is moved to a backup key before anything is written; a plan
 * another tab saved since this tab last read it is reported as a conflict, not overwritten; failed
 * writes are reported, not thrown. Versions 1 to 4 kept one plan under `PLAN_STORAGE_KEY`: it is
 * read when there is no workspace yet, and removed once the workspace is saved.
 *
 * A plan that no longer fits in localStorage moves to the larger storage (`useVault`): written
 * there first, then its localStorage copy removed, and listed under `VAULT_STORAGE_KEY`.
 */
export function guardedStorage(storage: KeyValueStorage | null, options: GuardedStorageOptions): WorkspaceStorage {
  const { onSaveError, now = () => new Date(), onConflict = () => {}, onNewerVersion = () => {} } = options;
  // Per page load.
  let stopped = false;
  const stop = (version: number) => {
    if (stopped) return;
    stopped = true;
    onNewerVersion(version);
  };
  /** True (and writing stops) when the index in storage was written by a newer version. */
  const newerInStorage = (raw: string | null): boolean => {
    const version = storedVersion(raw);
    if (version !== null && version > PLAN_STORAGE_VERSION) stop(version);
    return stopped;
  };
  let problems: Problem[] = [];
  let wholeFailure: Recovery | null = null;
  let legacyPending = false;
  /** What this page last wrote (or read) under each plan's key. */
  let written = new Map<string, string>();
  let writtenIndex: string | null = null;
  /** Plans are immutable: each object's JSON is computed once. */
  let jsonOf = new WeakMap<Plan, string>();
  let vault: PlanVault | null = null;
  /** What the vault held at load. */
  let held: ReadonlyMap<string, string> = new Map();
  /** The plans kept in the vault (their localStorage keys are gone or going). */
  let inVault = new Set<string>();
  /** Plans said to be in the vault that could not be read this page: listed, never touched. */
  let unreachable: readonly string[] = [];
  /** Vault writes not finished yet, and the index that could not be written until they free room. */
  let moving = 0;
  let indexWaiting: string | null = null;
  /** Characters this site keeps in localStorage: measured at load, then kept up to date by this page's writes. */
  let used: number | null = null;
  const charsAt = new Map<string, number>();
  const measured = (key: string, value: string | null) => {
    if (used === null) return;
    used += (value === null ? 0 : key.length + value.length) - (charsAt.get(key) ?? 0);
    if (value === null) charsAt.delete(key);
    else charsAt.set(key, key.length + value.length);
  };

  // Report changes only: reporting goes through the store, whose every update writes again.
  let lastSaveError: string | null = null;
  const report = (message: string | null) => {
    if (message === lastSaveError) return;
    lastSaveError = message;
    onSaveError(message);
  };

  const read = (key: string): string | null | typeof READ_FAILED => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return READ_FAILED;
    }
  };
  const remove = (key: string) => {
    try {
      storage?.removeItem(key);
      measured(key, null);
    } catch {
      // The backup exists; the damaged copy is overwritten or ignored later.
    }
  };
  // Moves unusable data out of its key: backed up first, then removed, so the next load starts
  // clean instead of reporting (and backing up) the same damage again.
  const fail = (keys: readonly string[], raw: string, reason: string): Problem => {
    const backupKey = storage ? backUp(storage, raw, now()) : null;
    if (backupKey) for (const key of keys) remove(key);
    return { raw, reason, backupKey };
  };
  const failWhole = (keys: readonly string[], raw: string, reason: string) => {
    wholeFailure = { ...fail(keys, raw, reason), startedClean: true };
    return null;
  };

  let indexError: unknown = null;
  /** Writes the index; false (the error kept in `indexError`) when localStorage refuses it. */
  const writeIndex = (index: string): boolean => {
    try {
      storage?.setItem(WORKSPACE_STORAGE_KEY, index);
      measured(WORKSPACE_STORAGE_KEY, index);
      writtenIndex = index;
      return true;
    } catch (error) {
      indexError = error;
      return false;
    }
  };
  const measureAll = (store: KeyValueStorage) => {
    charsAt.clear();
    used = null;
    if (!listable(store)) return;
    try {
      let total = 0;
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key === null) continue;
        const chars = key.length + (store.getItem(key)?.length ?? 0);
        charsAt.set(key, chars);
        total += chars;
      }
      used = total;
    } catch {
      charsAt.clear();
    }
  };

  /** The failure of this page's last write to localStorage, and of a vault write since the last report. */
  let localFailure: unknown = null;
  let vaultFailure: unknown = null;
  /** Lists the vault's plans where a load looks first. The index lists them too: this is a second way to find them. */
  const writeVaultList = () => {
    try {
      if (inVault.size === 0) storage?.removeItem(VAULT_STORAGE_KEY);
      else storage?.setItem(VAULT_STORAGE_KEY, JSON.stringify([...inVault]));
    } catch {
      // No room even for the list: the index still names every plan, and those without a key are looked for in the vault.
    }
  };
  /** Once no vault write is pending: the index they were holding up, and what to report. */
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (moving > 0) return;
    let failure = vaultFailure ?? localFailure;
    const vaultFailed = vaultFailure !== null;
    vaultFailure = null;
    if (indexWaiting !== null) {
      if (writeIndex(indexWaiting)) indexWaiting = null;
      // Still no room for the index: another plan makes room, and this runs again when it has moved.
      else if (!vaultFailed && isQuotaError(indexError) && makeRoom()) return;
      else {
        failure ??= indexError;
        indexWaiting = null;
      }
    }
    for (const done of waiters) done();
    waiters = [];
    report(failure === null ? null : describeStorageError(failure));
  };
  /** Moves the largest plan still in localStorage to the vault, to free room for the index; false when there is none. */
  const makeRoom = (): boolean => {
    if (!vault) return false;
    let largest: { id: string; json: string } | null = null;
    for (const [id, json] of written) if (!inVault.has(id) && json.length > (largest?.json.length ?? 0)) largest = { id, json };
    if (!largest) return false;
    toVault(largest.id, largest.json, null, largest.json);
    return true;
  };
  /**
   * Saves plan `id` in the vault, checked against `expected` (what this page last knew there, null
   * for a plan arriving). A plan arriving has its localStorage copy removed once the vault has it:
   * after a backup when another tab changed that copy since `localKnown`.
   */
  const toVault = (id: string, json: string, expected: string | null, localKnown?: string) => {
    if (!vault) return;
    const arriving = !inVault.has(id);
    inVault.add(id);
    written.set(id, json);
    moving++;
    vault
      .put(id, json, expected)
      .then(
        (result) => {
          if (!result.ok) {
            // Another tab saved it there since this page read it (only the latest write of this page's speaks).
            if (written.get(id) === json) {
              written.set(id, result.current);
              onConflict(id, result.current);
            }
            return;
          }
          if (!arriving) return;
          writeVaultList();
          const local = read(planKey(id));
          if (typeof local !== 'string') return;
          if (localKnown !== undefined && local !== localKnown && storage) backUp(storage, local, now());
          remove(planKey(id));
        },
        (error: unknown) => {
          vaultFailure ??= error;
          if (written.get(id) !== json) return;
          // Not saved anywhere: the next edit tries again.
          if (arriving) inVault.delete(id);
          if (localKnown === undefined) written.delete(id);
          else written.set(id, localKnown);
        },
      )
      .finally(() => {
        moving--;
        settle();
      });
  };
  /** Deletes plan `id` from the vault, unless another tab saved it there since (then it is found again at the next load). */
  const dropFromVault = (id: string, expected: string | null) => {
    inVault.delete(id);
    writeVaultList();
    if (!vault) return;
    moving++;
    vault
      .remove(id, expected)
      .then(
        () => {},
        (error: unknown) => {
          vaultFailure ??= error;
        },
      )
      .finally(() => {
        moving--;
        settle();
      });
  };

  /** A stored `{ state, version }` envelope, or null (and a recovery) when it is unusable. */
  const envelope = (raw: string, keys: readonly string[], what: string): { state: unknown; version: number } | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return failWhole(keys, raw, `The saved ${what} could not be read (the stored data is damaged).`);
    }
    if (!isRecord(parsed) || !('state' in parsed) || typeof parsed.version !== 'number') {
      return failWhole(keys, raw, `The saved ${what} is not in a format Reachplan knows.`);
    }
    if (parsed.version > PLAN_STORAGE_VERSION) {
      // A newer Reachplan saved this workspace: leave it as it is and write nothing (see `stopped`).
      if (keys.includes(WORKSPACE_STORAGE_KEY)) {
        stop(parsed.version);
        return null;
      }
      return failWhole(keys, raw, `The saved ${what} was made by a newer version of Reachplan.`);
    }
    return { state: parsed.state, version: parsed.version };
  };

  return {
    getItem() {
      problems = [];
      wholeFailure = null;
      if (!storage) {
        // No storage at all: nothing loads, and the user is told at once, not at the first edit.
        report(STORAGE_UNAVAILABLE);
        return null;
      }
      measureAll(storage);
      const indexRaw = read(WORKSPACE_STORAGE_KEY);
      if (indexRaw === READ_FAILED) return null;
      if (indexRaw === null) {
        // Before workspaces: one plan under the old key.
        const legacy = read(PLAN_STORAGE_KEY);
        if (legacy === null || legacy === READ_FAILED) return null;
        legacyPending = true;
        // Unchecked until `check`, after migration: the type says what migration makes of it.
        return envelope(legacy, [PLAN_STORAGE_KEY], 'plan') as StorageValue<PersistedWorkspace> | null;
      }

      const index = envelope(indexRaw, [WORKSPACE_STORAGE_KEY], 'list of plans');
      if (!index) return null;
      const state = isRecord(index.state) ? index.state : {};
      const listed = Array.isArray(state.planIds) ? state.planIds.filter((id): id is string => typeof id === 'string') : [];
      // Plans saved by another tab whose index write this tab's overtook are still found.
      const found = keysWithPrefix(storage, PLAN_KEY_PREFIX).map((key) => key.slice(PLAN_KEY_PREFIX.length));
      const ids = [...new Set([...listed, ...found, ...held.keys()])];
      const plans: unknown[] = [];
      /** The plan ids found inside the stored plans, and the name of the first plan with each. */
      const seen = new Map<string, string>();
      for (const id of ids) {
        const local = read(planKey(id));
        const kept = held.get(id);
        if (kept !== undefined) {
          inVault.add(id);
          // A move to the vault that stopped before its localStorage copy was removed: the vault's is the later one.
          if (typeof local === 'string') remove(planKey(id));
        }
        const raw = kept ?? local;
        // Deleted, or unreadable right now: nothing to keep or back up.
        if (raw === null || raw === READ_FAILED) continue;
        /** Backs up a copy that can't be used, and moves the vault's out once it is backed up. */
        const failHere = (reason: string): Problem => {
          const problem = fail(kept === undefined ? [planKey(id)] : [], raw, reason);
          if (kept !== undefined && problem.backupKey) dropFromVault(id, kept);
          return problem;
        };
        let plan: unknown;
        try {
          plan = JSON.parse(raw);
        } catch {
          problems.push(failHere('A saved plan could not be read (the stored data is damaged).'));
          continue;
        }
        const inner = isRecord(plan) && typeof plan.id === 'string' ? plan.id : null;
        const first = inner === null ? undefined : seen.get(inner);
        if (first !== undefined) {
          // Two keys hold one plan (copied by hand, or a tool): only one can load, the other is kept aside.
          problems.push(failHere(`Two saved plans had the same id: “${first}” opened, the other copy was kept in a backup.`));
          continue;
        }
        if (inner !== null) seen.set(inner, isRecord(plan) && typeof plan.name === 'string' ? plan.name.trim().slice(0, 80) || 'Untitled plan' : 'Untitled plan');
        plans.push(plan);
        written.set(id, raw);
      }
      writtenIndex = indexRaw;
      return { state: { openPlanId: state.openPlanId, plans } as PersistedWorkspace, version: index.version };
    },

    setItem(_name, value) {
      if (!storage) {
        report(STORAGE_UNAVAILABLE);
        return;
      }
      if (stopped) return;
      // Another tab of a newer version may have written since: check before every write.
      const current = read(WORKSPACE_STORAGE_KEY);
      if (typeof current === 'string' && newerInStorage(current)) return;
      const { plans, openPlanId } = value.state;
      let failure: unknown = null;
      const ids: string[] = [];
      for (const plan of plans) {
        ids.push(plan.id);
        let json = jsonOf.get(plan);
        if (json === undefined) {
          json = JSON.stringify(plan);
          jsonOf.set(plan, json);
        }
        const known = written.get(plan.id);
        if (known === json) continue;
        if (inVault.has(plan.id)) {
          toVault(plan.id, json, known ?? null);
          continue;
        }
        const key = planKey(plan.id);
        if (known !== undefined) {
          const current = read(key);
          if (typeof current === 'string' && current !== known) {
            // Another tab saved this plan after this page last read it: never overwrite that silently.
            written.set(plan.id, current);
            onConflict(plan.id, current);
            continue;
          }
        }
        try {
          storage.setItem(key, json);
          measured(key, json);
          written.set(plan.id, json);
        } catch (error) {
          // No room left in localStorage: the plan moves to the larger storage, where there is one.
          if (vault && isQuotaError(error)) toVault(plan.id, json, null, known);
          else failure ??= error;
        }
      }
      const kept = new Set(ids);
      for (const id of [...written.keys()]) {
        if (kept.has(id)) continue;
        const known = written.get(id) ?? null;
        written.delete(id);
        if (inVault.has(id)) {
          dropFromVault(id, known);
          continue;
        }
        // Deleted here; but what another tab saved since this page last read it is backed up first.
        const current = read(planKey(id));
        if (typeof current === 'string' && current !== known) backUp(storage, current, now());
        remove(planKey(id));
      }
      // Plans in a vault this page could not read stay listed, so they are found again.
      const index = JSON.stringify({ state: { openPlanId, planIds: [...ids, ...unreachable.filter((id) => !kept.has(id))] }, version: value.version });
      // Written again if it went missing (site data cleared elsewhere): plans are found without it, the open one isn't.
      if (index !== writtenIndex || read(WORKSPACE_STORAGE_KEY) === null) {
        if (!writeIndex(index)) {
          // A plan moving to the vault frees room when it lands (one is moved for it if none is): the index is written then.
          if (moving > 0 || (isQuotaError(indexError) && makeRoom())) indexWaiting = index;
          else failure ??= indexError;
        }
      }
      if (failure === null && legacyPending) {
        // The workspace holds the old plan now.
        remove(PLAN_STORAGE_KEY);
        legacyPending = false;
      }
      localFailure = failure;
      // While a plan is on its way to the vault, a full localStorage is not yet a failure.
      if (moving === 0 || failure !== null) report(failure === null ? null : describeStorageError(failure));
    },

    removeItem() {
      // The workspace is never cleared as a whole: plans are deleted one by one.
    },

    check(state) {
      if (wholeFailure) {
        const recovery = wholeFailure;
        wholeFailure = null;
        legacyPending = false;
        return { plans: [], openPlanId: null, recovery };
      }
      const pending = problems;
      problems = [];
      const fromLegacy = legacyPending;
      const rawAt = (key: string) => {
        const raw = read(key);
        return typeof raw === 'string' ? raw : '';
      };
      if (state === undefined) {
        legacyPending = false;
        return { plans: [], openPlanId: null, recovery: recoveryOf(pending, true) };
      }
      if (!isRecord(state) || !Array.isArray(state.plans)) {
        legacyPending = false;
        const key = fromLegacy ? PLAN_STORAGE_KEY : WORKSPACE_STORAGE_KEY;
        const problem = fail([key], rawAt(key), fromLegacy ? 'The saved plan has missing or invalid fields.' : 'The saved plans are not in a format Reachplan knows.');
        return { plans: [], openPlanId: null, recovery: recoveryOf([...pending, problem], true) };
      }
      const plans: Plan[] = [];
      for (const candidate of state.plans) {
        const parsed = planSchema.safeParse(candidate);
        if (parsed.success) {
          if (!plans.some((p) => p.id === parsed.data.id)) plans.push(parsed.data);
          continue;
        }
        if (fromLegacy) {
          legacyPending = false;
          pending.push(fail([PLAN_STORAGE_KEY], rawAt(PLAN_STORAGE_KEY), 'The saved plan has missing or invalid fields.'));
          continue;
        }
        const id = isRecord(candidate) && typeof candidate.id === 'string' ? candidate.id : null;
        const raw = id === null ? JSON.stringify(candidate) : rawAt(planKey(id)) || JSON.stringify(candidate);
        pending.push(fail(id === null ? [] : [planKey(id)], raw, 'A saved plan has missing or invalid fields.'));
        if (id !== null) written.delete(id);
      }
      const openPlanId = typeof state.openPlanId === 'string' ? state.openPlanId : null;
      return { plans, openPlanId, recovery: recoveryOf(pending, plans.length === 0) };
    },

    adopt(plan, raw) {
      written.set(plan.id, raw);
      jsonOf.set(plan, raw);
    },

    forget(id) {
      written.delete(id);
    },

    keepAside(raw) {
      return storage ? backUp(storage, raw, now()) : null;
    },

    readUndo() {
      const raw = read(UNDO_STORAGE_KEY);
      return typeof raw === 'string' ? raw : null;
    },

    writeUndo(raw) {
      if (!storage || stopped) return;
      try {
        if (raw === null) storage.removeItem(UNDO_STORAGE_KEY);
        else storage.setItem(UNDO_STORAGE_KEY, raw);
        measured(UNDO_STORAGE_KEY, raw);
      } catch {
        // Undo after a reload is a convenience: a full storage reports itself on the plan's own save.
      }
    },

    indexChanged(raw) {
      newerInStorage(raw);
    },

    get stopped() {
      return stopped;
    },

    useVault(larger, contents, notRead = []) {
      vault = larger;
      held = contents;
      unreachable = notRead;
    },

    movedToVault(id) {
      const listed = read(VAULT_STORAGE_KEY);
      if (!vault || typeof listed !== 'string' || !idList(listed).includes(id)) return false;
      inVault.add(id);
      return true;
    },

    vaultUsage() {
      let chars = 0;
      for (const id of inVault) chars += written.get(id)?.length ?? 0;
      return { plans: inVault.size, chars };
    },

    whenWritten() {
      return moving === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },

    room() {

      return vault || used === null ? null : Math.max(0, STORAGE_QUOTA_CHARS - used);
    },

    reset() {
      stopped = false;
      problems = [];
      wholeFailure = null;
      legacyPending = false;
      written = new Map();
      writtenIndex = null;
      jsonOf = new WeakMap();
      lastSaveError = null;
      inVault = new Set();
      moving = 0;
      indexWaiting = null;
      localFailure = null;
      vaultFailure = null;
      used = null;
      charsAt.clear();
    },
  };
}
