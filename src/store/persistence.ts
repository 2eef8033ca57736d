import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { emptyContract } from '../domain/contract';
import { describeStorageError, type KeyValueStorage } from '../lib/storage';
import { persistedPlanStateSchema, type PersistedPlanState } from './plan-schema';

export const PLAN_STORAGE_KEY = 'reachplan.plan';
export const PLAN_STORAGE_VERSION = 3;
export const BACKUP_PREFIX = 'reachplan.backup.';

/** What the user is told when stored data could not be used. */
export interface Recovery {
  reason: string;
  backupKey: string | null;
  raw: string;
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

/** Migrations from each earlier stored version to the next, applied in order. */
const MIGRATIONS: Record<number, (state: unknown) => unknown> = { 1: migrateV1toV2, 2: migrateV2toV3 };

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
  const key = `${BACKUP_PREFIX}${now.toISOString()}`;
  try {
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

export interface GuardedStorage extends PersistStorage<PersistedPlanState> {
  /** Validates what `persist` hydrated (after migration); a recovery notice when it is unusable. */
  check(state: unknown): { ok: true; state: PersistedPlanState } | { ok: false; recovery: Recovery | null };
}

/**
 * A `persist` storage that never loses data: unreadable or invalid stored data is moved
 * to a backup key before anything is written, and failed writes are reported, not thrown.
 */
export function guardedStorage(
  storage: KeyValueStorage | null,
  onSaveError: (message: string | null) => void,
  now: () => Date = () => new Date(),
): GuardedStorage {
  let pending: Recovery | null = null;
  // Report changes only: reporting goes through the store, whose every update writes again.
  let lastSaveError: string | null = null;
  const report = (message: string | null) => {
    if (message === lastSaveError) return;
    lastSaveError = message;
    onSaveError(message);
  };

  // Moves unusable data out of the plan's key: backed up first, then removed, so the next
  // load starts clean instead of reporting (and backing up) the same damage again.
  const fail = (raw: string, reason: string): Recovery => {
    const backupKey = storage ? backUp(storage, raw, now()) : null;
    if (backupKey) {
      try {
        storage?.removeItem(PLAN_STORAGE_KEY);
      } catch {
        // The backup exists; the damaged copy is overwritten by the next save.
      }
    }
    return { raw, reason, backupKey };
  };

  return {
    getItem(name) {
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        pending = fail(raw, 'The saved plan could not be read (the stored data is damaged).');
        return null;
      }
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        !('state' in parsed) ||
        !('version' in parsed) ||
        typeof parsed.version !== 'number'
      ) {
        pending = fail(raw, 'The saved plan is not in a format Reachplan knows.');
        return null;
      }
      if (parsed.version > PLAN_STORAGE_VERSION) {
        pending = fail(raw, 'The saved plan was made by a newer version of Reachplan.');
        return null;
      }
      return parsed as StorageValue<PersistedPlanState>;
    },
    setItem(name, value) {
      if (!storage) return;
      try {
        storage.setItem(name, JSON.stringify(value));
        report(null);
      } catch (error) {
        report(describeStorageError(error));
      }
    },
    removeItem(name) {
      try {
        storage?.removeItem(name);
      } catch {
        // Nothing to lose: the key is going away.
      }
    },
    check(state) {
      if (pending) {
        const recovery = pending;
        pending = null;
        return { ok: false, recovery };
      }
      if (state === undefined) return { ok: false, recovery: null };
      const parsed = persistedPlanStateSchema.safeParse(state);
      if (parsed.success) return { ok: true, state: parsed.data };
      let raw = '';
      try {
        raw = storage?.getItem(PLAN_STORAGE_KEY) ?? '';
      } catch {
        // Unreadable now: the recovery notice says so without a backup.
      }
      return { ok: false, recovery: fail(raw, 'The saved plan has missing or invalid fields.') };
    },
  };
}
