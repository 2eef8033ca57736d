import { describe, expect, it, vi } from 'vitest';
import { newPlan } from '../../src/domain/plan';
import type { KeyValueStorage } from '../../src/lib/storage';
import {
  BACKUP_PREFIX,
  backUp,
  guardedStorage,
  migratePlanState,
  PLAN_STORAGE_KEY,
  PLAN_STORAGE_VERSION,
} from '../../src/store/persistence';
import { persistedPlanStateSchema, type PersistedPlanState } from '../../src/store/plan-schema';
import { creatorLine, formatLine, TODAY } from './plan-fixtures';

const NOW = new Date('2024-05-01T10:00:00.000Z');
const BACKUP_KEY = `${BACKUP_PREFIX}2024-05-01T10:00:00.000Z`;

/** localStorage in a Map; writes can be made to throw. */
class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  failWrites: ((key: string) => Error | null) | null = null;
  failReads = false;

  getItem(key: string): string | null {
    if (this.failReads) throw new DOMException('blocked', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const error = this.failWrites?.(key) ?? null;
    if (error) throw error;
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failWrites) throw new DOMException('blocked', 'SecurityError');
    this.data.delete(key);
  }
}

function setUp(stored?: string) {
  const storage = new MemoryStorage();
  if (stored !== undefined) storage.data.set(PLAN_STORAGE_KEY, stored);
  const onSaveError = vi.fn<(message: string | null) => void>();
  const guarded = guardedStorage(storage, onSaveError, () => NOW);
  return { storage, onSaveError, guarded };
}

const VALID_STATE: PersistedPlanState = {
  plan: {
    ...newPlan('plan-1', TODAY),
    name: 'Q3 launch',
    formats: [formatLine('in-feed', '60,000'), { formatId: 'brand-takeover', amount: '2', included: false }],
    creators: [creatorLine()],
    assumptionOverrides: { averageOrderValue: '45' },
  },
};
const envelope = (state: unknown, version: unknown = PLAN_STORAGE_VERSION) => JSON.stringify({ state, version });

describe('guardedStorage: unreadable stored data', () => {
  it.each([['{"state":'], ['not json at all'], ['']])('corrupt JSON %j is backed up and reported', (raw) => {
    const { storage, guarded } = setUp(raw);
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(BACKUP_KEY.startsWith(BACKUP_PREFIX)).toBe(true);
    // Moved, not copied: the next load starts clean instead of reporting the same damage again.
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);
    expect(guarded.check(undefined)).toEqual({
      ok: false,
      recovery: { raw, reason: 'The saved plan could not be read (the stored data is damaged).', backupKey: BACKUP_KEY },
    });
  });

  it('reports a recovery once', () => {
    const { guarded } = setUp('{{{');
    guarded.getItem(PLAN_STORAGE_KEY);
    expect(guarded.check(undefined)).toMatchObject({ ok: false, recovery: { raw: '{{{' } });
    expect(guarded.check(undefined)).toEqual({ ok: false, recovery: null });
  });

  it.each([
    ['null'],
    ['[]'],
    ['42'],
    ['"a string"'],
    ['{}'],
    [JSON.stringify({ state: VALID_STATE })],
    [JSON.stringify({ version: 1 })],
    [JSON.stringify({ state: VALID_STATE, version: '1' })],
    [JSON.stringify({ state: VALID_STATE, version: null })],
  ])('an envelope that is not {state, version:number} (%s) is backed up and reported', (raw) => {
    const { storage, guarded } = setUp(raw);
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(guarded.check(undefined)).toEqual({
      ok: false,
      recovery: { raw, reason: 'The saved plan is not in a format Reachplan knows.', backupKey: BACKUP_KEY },
    });
  });

  it.each([[PLAN_STORAGE_VERSION + 1], [99]])('data from a newer version (%d) is backed up, not used', (version) => {
    const raw = envelope(VALID_STATE, version);
    const { storage, guarded } = setUp(raw);
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(guarded.check(undefined)).toEqual({
      ok: false,
      recovery: { raw, reason: 'The saved plan was made by a newer version of Reachplan.', backupKey: BACKUP_KEY },
    });
  });

  it('still reports the recovery, without a backup key, when the backup cannot be written', () => {
    const { storage, guarded } = setUp('{broken');
    storage.failWrites = (key) => (key.startsWith(BACKUP_PREFIX) ? new DOMException('full', 'QuotaExceededError') : null);
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    expect([...storage.data.keys()]).toEqual([PLAN_STORAGE_KEY]);
    expect(guarded.check(undefined)).toMatchObject({ ok: false, recovery: { raw: '{broken', backupKey: null } });
  });
});

describe('guardedStorage: stored state that fails the schema', () => {
  const invalidStates: [string, unknown][] = [
    ['an empty object', {}],
    ['null', null],
    ['no plan id', { plan: { ...VALID_STATE.plan, id: '' } }],
    ['an unknown goal', { plan: { ...VALID_STATE.plan, goal: 'fame' } }],
    ['a number where text is kept', { plan: { ...VALID_STATE.plan, totalBudget: 100000 } }],
    ['an unknown format', { plan: { ...VALID_STATE.plan, formats: [{ formatId: 'tv-spot', amount: '1', included: true }] } }],
    ['an engagement rate above 1', { plan: { ...VALID_STATE.plan, creators: [creatorLine({ engagementRate: 4.2 })] } }],
    ['another currency', { plan: { ...VALID_STATE.plan, currency: 'EUR' } }],
    ['an unknown assumption', { plan: { ...VALID_STATE.plan, assumptionOverrides: { vibes: '1' } } }],
  ];

  it.each(invalidStates)('a valid envelope with %s: check returns a recovery and backs the raw text up', (_, state) => {
    const raw = envelope(state);
    const { storage, guarded } = setUp(raw);
    const hydrated = guarded.getItem(PLAN_STORAGE_KEY);
    expect(hydrated).toEqual({ state, version: PLAN_STORAGE_VERSION });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
    expect(guarded.check(state)).toEqual({
      ok: false,
      recovery: { raw, reason: 'The saved plan has missing or invalid fields.', backupKey: BACKUP_KEY },
    });
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
  });
});

describe('guardedStorage: valid data', () => {
  it('hydrates and checks a valid envelope without backing anything up', () => {
    const raw = envelope(VALID_STATE);
    const { storage, guarded } = setUp(raw);
    const hydrated = guarded.getItem(PLAN_STORAGE_KEY);
    expect(hydrated).toEqual({ state: VALID_STATE, version: PLAN_STORAGE_VERSION });
    expect(guarded.check(VALID_STATE)).toEqual({ ok: true, state: VALID_STATE });
    expect([...storage.data.keys()]).toEqual([PLAN_STORAGE_KEY]);
  });

  it('round-trips what it saves', () => {
    const { storage, guarded, onSaveError } = setUp();
    guarded.setItem(PLAN_STORAGE_KEY, { state: VALID_STATE, version: PLAN_STORAGE_VERSION });
    expect(storage.data.get(PLAN_STORAGE_KEY)).toBe(envelope(VALID_STATE));
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toEqual({ state: VALID_STATE, version: PLAN_STORAGE_VERSION });
    // Only changes are reported: nothing had failed, so there is nothing to clear.
    expect(onSaveError).not.toHaveBeenCalled();
  });

  it('loads a plan saved before otherKpiTargets existed (same storage version, no migration)', async () => {
    // Exactly what the first release stored: its Plan had no otherKpiTargets field.
    const firstReleasePlan: Record<string, unknown> = { ...VALID_STATE.plan };
    delete firstReleasePlan.otherKpiTargets;
    const state = { plan: firstReleasePlan };
    const raw = envelope(state, 1);
    const { storage, guarded } = setUp(raw);
    const hydrated = await guarded.getItem(PLAN_STORAGE_KEY);
    expect(hydrated).toEqual({ state, version: 1 });
    const migrated = migratePlanState(hydrated?.state, hydrated?.version ?? 0);
    expect(guarded.check(migrated)).toMatchObject({ ok: true, state: { plan: { name: 'Q3 launch', kpiTarget: '' } } });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('has nothing to restore and nothing to report on a first visit', () => {
    const { guarded } = setUp();
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    expect(guarded.check(undefined)).toEqual({ ok: false, recovery: null });
  });

  it('accepts a brand-new plan', () => {
    expect(persistedPlanStateSchema.safeParse({ plan: newPlan('p', TODAY) }).success).toBe(true);
  });
});

describe('guardedStorage: failed writes', () => {
  it('reports a full storage, then clears the report after a successful write', () => {
    const { storage, guarded, onSaveError } = setUp();
    storage.failWrites = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const value = { state: VALID_STATE, version: PLAN_STORAGE_VERSION };
    expect(() => guarded.setItem(PLAN_STORAGE_KEY, value)).not.toThrow();
    expect(onSaveError).toHaveBeenCalledTimes(1);
    const message = onSaveError.mock.calls[0]?.[0];
    expect(message).toMatch(/storage is full/i);
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);

    storage.failWrites = null;
    guarded.setItem(PLAN_STORAGE_KEY, value);
    expect(onSaveError).toHaveBeenCalledTimes(2);
    expect(onSaveError).toHaveBeenLastCalledWith(null);
    expect(storage.data.get(PLAN_STORAGE_KEY)).toBe(JSON.stringify(value));
  });

  it('reports each change of save status once, not every write', () => {
    const { storage, guarded, onSaveError } = setUp();
    const value = { state: VALID_STATE, version: PLAN_STORAGE_VERSION };
    storage.failWrites = () => new DOMException('full', 'QuotaExceededError');
    guarded.setItem(PLAN_STORAGE_KEY, value);
    guarded.setItem(PLAN_STORAGE_KEY, value);
    guarded.setItem(PLAN_STORAGE_KEY, value);
    expect(onSaveError).toHaveBeenCalledTimes(1);
    storage.failWrites = null;
    guarded.setItem(PLAN_STORAGE_KEY, value);
    guarded.setItem(PLAN_STORAGE_KEY, value);
    expect(onSaveError.mock.calls.map(([m]) => m === null)).toEqual([false, true]);
    storage.failWrites = () => new DOMException('denied', 'SecurityError');
    guarded.setItem(PLAN_STORAGE_KEY, value);
    expect(onSaveError).toHaveBeenCalledTimes(3);
    expect(onSaveError).toHaveBeenLastCalledWith(expect.stringMatching(/refused to save/i));
  });

  it.each([
    ['Firefox quota', new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'), /storage is full/i],
    ['blocked storage', new DOMException('denied', 'SecurityError'), /refused to save/i],
    ['any other error', new Error('boom'), /refused to save/i],
  ])('reports %s with a message the user can act on', (_, error, expected) => {
    const { storage, guarded, onSaveError } = setUp();
    storage.failWrites = () => error;
    guarded.setItem(PLAN_STORAGE_KEY, { state: VALID_STATE, version: PLAN_STORAGE_VERSION });
    expect(onSaveError).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(expected));
  });

  it('treats unreadable storage as empty, and ignores a failing remove', () => {
    const { storage, guarded } = setUp(envelope(VALID_STATE));
    storage.failReads = true;
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    storage.failWrites = () => new DOMException('denied', 'SecurityError');
    expect(() => guarded.removeItem(PLAN_STORAGE_KEY)).not.toThrow();
  });

  it('works without any storage at all', () => {
    const onSaveError = vi.fn<(message: string | null) => void>();
    const guarded = guardedStorage(null, onSaveError, () => NOW);
    expect(guarded.getItem(PLAN_STORAGE_KEY)).toBeNull();
    guarded.setItem(PLAN_STORAGE_KEY, { state: VALID_STATE, version: PLAN_STORAGE_VERSION });
    guarded.removeItem(PLAN_STORAGE_KEY);
    expect(onSaveError).not.toHaveBeenCalled();
    expect(guarded.check(VALID_STATE)).toEqual({ ok: true, state: VALID_STATE });
    expect(guarded.check({})).toEqual({
      ok: false,
      recovery: { raw: '', reason: 'The saved plan has missing or invalid fields.', backupKey: null },
    });
  });
});

describe('backUp', () => {
  it('writes the raw text under a dated backup key', () => {
    const storage = new MemoryStorage();
    expect(backUp(storage, 'raw', NOW)).toBe(BACKUP_KEY);
    expect(storage.data.get(BACKUP_KEY)).toBe('raw');
  });

  it('returns null when the write fails', () => {
    const storage = new MemoryStorage();
    storage.failWrites = () => new DOMException('full', 'QuotaExceededError');
    expect(backUp(storage, 'raw', NOW)).toBeNull();
  });
});

describe('migratePlanState', () => {
  it('passes current-version state through unchanged', () => {
    expect(migratePlanState(VALID_STATE, PLAN_STORAGE_VERSION)).toBe(VALID_STATE);
  });

  it('passes state of a version without migrations through to validation', () => {
    const old = { plan: { name: 'old shape' } };
    expect(migratePlanState(old, 0)).toBe(old);
  });
});
