import { STORAGE_UNAVAILABLE } from '../../src/lib/storage';
import { describe, expect, it, vi } from 'vitest';
import { emptyContract } from '../../src/domain/contract';
import { emptyCosts, MODEL_EDITION, newPlan, type Plan } from '../../src/domain/plan';
import type { KeyValueStorage } from '../../src/lib/storage';
import {
  BACKUP_PREFIX,
  backUp,
  guardedStorage,
  migratePlanState,
  migrateV1toV2,
  migrateV2toV3,
  migrateV3toV4,
  migrateV4toV5,
  migrateV5toV6,
  PLAN_STORAGE_KEY,
  PLAN_STORAGE_VERSION,
  planKey,
  WORKSPACE_STORAGE_KEY,
  type CheckedWorkspace,
  type PersistedWorkspace,
  type WorkspaceStorage,
} from '../../src/store/persistence';
import { persistedWorkspaceSchema, planSchema } from '../../src/lib/plan-schema';
import { CREATORS } from '../../mocks/data/creators';
import { creatorLine, formatLine, TODAY } from './plan-fixtures';

const NOW = new Date('2024-05-01T10:00:00.000Z');
const BACKUP_KEY = `${BACKUP_PREFIX}2024-05-01T10:00:00.000Z`;

/** localStorage in a Map, listing its keys like the real one; reads, writes and removes can be made to fail. */
class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  /** Every write and remove, in order: `set <key>` or `remove <key>`. */
  readonly log: string[] = [];
  failWrites: ((key: string) => Error | null) | null = null;
  failReads = false;
  failRemoves = false;

  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    if (this.failReads) throw new DOMException('blocked', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    const error = this.failWrites?.(key) ?? null;
    if (error) throw error;
    this.log.push(`set ${key}`);
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failRemoves) throw new DOMException('blocked', 'SecurityError');
    this.log.push(`remove ${key}`);
    this.data.delete(key);
  }
  /** How many times `key` was written. */
  writesTo(key: string): number {
    return this.log.filter((entry) => entry === `set ${key}`).length;
  }
}

const envelope = (state: unknown, version: unknown = PLAN_STORAGE_VERSION) => JSON.stringify({ state, version });
const indexJson = (planIds: readonly string[], openPlanId = planIds[0] ?? '') => envelope({ openPlanId, planIds });

/** A guarded storage over `entries` (key → raw text), reporting to mocks. */
function setUp(entries: Record<string, string> = {}) {
  const storage = new MemoryStorage();
  for (const [key, value] of Object.entries(entries)) storage.data.set(key, value);
  const onSaveError = vi.fn<(message: string | null) => void>();
  const onConflict = vi.fn<(id: string, theirs: string) => void>();
  const onNewerVersion = vi.fn<(version: number) => void>();
  const guarded = guardedStorage(storage, { onSaveError, now: () => NOW, onConflict, onNewerVersion });
  return { storage, onSaveError, onConflict, onNewerVersion, guarded };
}

/** Raw text under the key versions 1 to 4 used, and no workspace yet. */
const setUpLegacy = (raw: string) => setUp({ [PLAN_STORAGE_KEY]: raw });

/** A workspace as this version saves it: `plans` (raw text by id) listed in the index in that order. */
function setUpWorkspace(plans: Record<string, string>, openPlanId?: string) {
  const entries: Record<string, string> = { [WORKSPACE_STORAGE_KEY]: indexJson(Object.keys(plans), openPlanId) };
  for (const [id, raw] of Object.entries(plans)) entries[planKey(id)] = raw;
  return setUp(entries);
}

/** What `persist` hydrates from: `getItem` is synchronous. */
function hydrated(guarded: WorkspaceStorage) {
  const value = guarded.getItem(WORKSPACE_STORAGE_KEY);
  if (value !== null && 'then' in value) throw new Error('getItem is expected to be synchronous');
  return value;
}

/** A page load as `persist` does it: read, migrate an older version, check. */
function load(guarded: WorkspaceStorage): CheckedWorkspace {
  const value = hydrated(guarded);
  // As persist: a numeric version other than the current one is migrated; anything else is taken as it is.
  const version = value?.version;
  const state = typeof version === 'number' && version !== PLAN_STORAGE_VERSION ? migratePlanState(value?.state, version) : value?.state;
  return guarded.check(state);
}

/** What `persist` writes after each store update. */
function save(guarded: WorkspaceStorage, plans: Plan[], openPlanId = plans[0]?.id ?? '') {
  guarded.setItem(WORKSPACE_STORAGE_KEY, { state: { plans, openPlanId }, version: PLAN_STORAGE_VERSION });
}

const VALID_PLAN: Plan = {
  ...newPlan('plan-1', TODAY),
  name: 'Q3 launch',
  formats: [
    formatLine('in-feed', '60,000', { buyingModel: 'CPC' }),
    formatLine('brand-takeover', '2', { included: false, pacing: 'front-loaded', category: 'Travel' }),
  ],
  creators: [creatorLine({ postDates: ['', '2024-01-20'], sparkBudget: '$5,000' })],
  assumptionOverrides: { averageOrderValue: '45' },
};
/** What version 4 stored under the old key: one plan. */
const VALID_STATE = { plan: VALID_PLAN };
const PLAN_A: Plan = { ...VALID_PLAN, id: 'plan-a', name: 'Plan A' };
const PLAN_B: Plan = { ...VALID_PLAN, id: 'plan-b', name: 'Plan B', status: 'proposed' };
const PLAN_C: Plan = { ...VALID_PLAN, id: 'plan-c', name: 'Plan C', scenarioOf: 'plan-a' };
const json = (plan: Plan) => JSON.stringify(plan);

describe('guardedStorage: an unreadable plan under the version 1–4 key', () => {
  it.each([['{"state":'], ['not json at all'], ['']])('corrupt JSON %j is backed up, then removed, and reported', (raw) => {
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(BACKUP_KEY.startsWith(BACKUP_PREFIX)).toBe(true);
    // Backed up before anything else is written; moved, not copied, so the next load starts clean.
    expect(storage.log).toEqual([`set ${BACKUP_KEY}`, `remove ${PLAN_STORAGE_KEY}`]);
    expect(guarded.check(undefined)).toEqual({
      plans: [],
      openPlanId: null,
      recovery: { raw, reason: 'The saved plan could not be read (the stored data is damaged).', backupKey: BACKUP_KEY, startedClean: true },
    });
  });

  it('reports a recovery once', () => {
    const { guarded } = setUpLegacy('{{{');
    expect(load(guarded)).toMatchObject({ plans: [], recovery: { raw: '{{{' } });
    expect(guarded.check(undefined)).toEqual({ plans: [], openPlanId: null, recovery: null });
  });

  it.each([
    ['null', 'null'],
    ['a list', '[]'],
    ['a number', '42'],
    ['a string', '"a string"'],
    ['an empty object', '{}'],
    ['no version', JSON.stringify({ state: VALID_STATE })],
    ['no state', JSON.stringify({ version: 1 })],
    ['a version that is text', JSON.stringify({ state: VALID_STATE, version: '1' })],
    ['a version that is null', JSON.stringify({ state: VALID_STATE, version: null })],
  ])('an envelope that is not {state, version:number} (%s) is backed up and reported', (_, raw) => {
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);
    expect(guarded.check(undefined)).toEqual({
      plans: [],
      openPlanId: null,
      recovery: { raw, reason: 'The saved plan is not in a format Reachplan knows.', backupKey: BACKUP_KEY, startedClean: true },
    });
  });

  it.each([[PLAN_STORAGE_VERSION + 1], [99]])('data from a newer version (%d) is backed up, not used', (version) => {
    const raw = envelope(VALID_STATE, version);
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toBeNull();
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(guarded.check(undefined)).toEqual({
      plans: [],
      openPlanId: null,
      recovery: { raw, reason: 'The saved plan was made by a newer version of Reachplan.', backupKey: BACKUP_KEY, startedClean: true },
    });
  });

  it('still reports the recovery, without a backup key, when the backup cannot be written (and keeps the data)', () => {
    const { storage, guarded } = setUpLegacy('{broken');
    storage.failWrites = (key) => (key.startsWith(BACKUP_PREFIX) ? new DOMException('full', 'QuotaExceededError') : null);
    expect(hydrated(guarded)).toBeNull();
    expect([...storage.data.keys()]).toEqual([PLAN_STORAGE_KEY]);
    expect(guarded.check(undefined)).toMatchObject({ plans: [], recovery: { raw: '{broken', backupKey: null, startedClean: true } });
  });
});

describe('guardedStorage: a version 1–4 plan that fails the schema', () => {
  const invalidStates: [string, unknown][] = [
    ['an empty object', {}],
    ['null', null],
    ['no plan id', { plan: { ...VALID_PLAN, id: '' } }],
    ['an unknown goal', { plan: { ...VALID_PLAN, goal: 'fame' } }],
    ['a number where text is kept', { plan: { ...VALID_PLAN, totalBudget: 100000 } }],
    ['an unknown format', { plan: { ...VALID_PLAN, formats: [{ formatId: 'tv-spot', amount: '1', included: true }] } }],
    ['an engagement rate above 1', { plan: { ...VALID_PLAN, creators: [creatorLine({ engagementRate: 4.2 })] } }],
    ['another currency', { plan: { ...VALID_PLAN, currency: 'EUR' } }],
    ['an unknown assumption', { plan: { ...VALID_PLAN, assumptionOverrides: { vibes: '1' } } }],
  ];

  it.each(invalidStates)('a valid version-4 envelope with %s: check backs the raw text up, removes it and reports it', (_, state) => {
    const raw = envelope(state, 4);
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toEqual({ state, version: 4 });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
    expect(guarded.check(migratePlanState(state, 4))).toMatchObject({
      plans: [],
      recovery: { raw, reason: 'The saved plan has missing or invalid fields.', backupKey: BACKUP_KEY, startedClean: true },
    });
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);
  });
});

describe('guardedStorage: an unreadable workspace index', () => {
  const plans = { 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B) };
  const withIndex = (raw: string) => {
    const set = setUpWorkspace(plans);
    set.storage.data.set(WORKSPACE_STORAGE_KEY, raw);
    return set;
  };

  it.each<[string, string, RegExp]>([
    ['damaged JSON', '{"state":{"openPlanId"', /could not be read \(the stored data is damaged\)\.$/],
    ['not an envelope', JSON.stringify({ planIds: ['plan-a'] }), /not in a format Reachplan knows\.$/],
    ['a version that is text', JSON.stringify({ state: {}, version: '5' }), /not in a format Reachplan knows\.$/],
  ])('%s is backed up, then removed, and reported; the plans’ own keys are left alone', (_, raw, reason) => {
    const { storage, guarded } = withIndex(raw);
    expect(hydrated(guarded)).toBeNull();
    expect(storage.log).toEqual([`set ${BACKUP_KEY}`, `remove ${WORKSPACE_STORAGE_KEY}`]);
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
    const checked = guarded.check(undefined);
    expect(checked.recovery).toEqual({ raw, reason: expect.stringMatching(reason), backupKey: BACKUP_KEY, startedClean: true });
    expect(storage.data.get(planKey('plan-a'))).toBe(plans['plan-a']);
    expect(storage.data.get(planKey('plan-b'))).toBe(plans['plan-b']);
  });

  it('loses no plan: the next load finds them by their keys, with the plan made meanwhile', () => {
    const { storage, guarded } = withIndex('{broken');
    load(guarded);
    const fresh = { ...VALID_PLAN, id: 'fresh', name: 'Untitled plan' };
    save(guarded, [fresh]);
    const nextLoad = guardedStorage(storage, { onSaveError: () => {}, now: () => NOW });
    const checked = load(nextLoad);
    expect(checked.plans.map((p) => p.id).sort()).toEqual(['fresh', 'plan-a', 'plan-b']);
    expect(checked).toMatchObject({ openPlanId: 'fresh', recovery: null });
  });

  it('still reports the recovery, without a backup key, when the backup cannot be written', () => {
    const { storage, guarded } = withIndex('{broken');
    storage.failWrites = (key) => (key.startsWith(BACKUP_PREFIX) ? new DOMException('full', 'QuotaExceededError') : null);
    expect(load(guarded).recovery).toMatchObject({ raw: '{broken', backupKey: null, startedClean: true });
    expect(storage.data.get(WORKSPACE_STORAGE_KEY)).toBe('{broken');
  });
});

describe('guardedStorage: one damaged or invalid plan among good ones', () => {
  it('one plan of three damaged: the other two load, and the recovery says one could not be used', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': '{"id":"plan-b",', 'plan-c': json(PLAN_C) }, 'plan-c');
    const index = storage.data.get(WORKSPACE_STORAGE_KEY);
    expect(load(guarded)).toEqual({
      plans: [PLAN_A, PLAN_C],
      openPlanId: 'plan-c',
      recovery: {
        raw: '{"id":"plan-b",',
        reason: 'A saved plan could not be read (the stored data is damaged).',
        backupKey: BACKUP_KEY,
        startedClean: false,
      },
    });
    expect(storage.log).toEqual([`set ${BACKUP_KEY}`, `remove ${planKey('plan-b')}`]);
    expect(storage.data.get(BACKUP_KEY)).toBe('{"id":"plan-b",');
    expect(storage.data.get(planKey('plan-a'))).toBe(json(PLAN_A));
    expect(storage.data.get(planKey('plan-c'))).toBe(json(PLAN_C));
    expect(storage.data.get(WORKSPACE_STORAGE_KEY)).toBe(index);
  });

  const invalidPlans: [string, unknown][] = [
    ['an unknown goal', { ...PLAN_B, goal: 'fame' }],
    ['a number where text is kept', { ...PLAN_B, totalBudget: 100000 }],
    ['an unknown format', { ...PLAN_B, formats: [{ formatId: 'tv-spot', amount: '1', included: true }] }],
    ['an engagement rate above 1', { ...PLAN_B, creators: [creatorLine({ engagementRate: 4.2 })] }],
    ['another currency', { ...PLAN_B, currency: 'EUR' }],
    ['an unknown status', { ...PLAN_B, status: 'signed' }],
    ['a format listed twice', { ...PLAN_B, formats: [formatLine('in-feed', '1'), formatLine('in-feed', '2')] }],
    ['no cost lines', { ...PLAN_B, costs: undefined }],
  ];

  it.each(invalidPlans)('a plan with %s is backed up by check, then removed; the others load', (_, invalid) => {
    const raw = JSON.stringify(invalid);
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': raw, 'plan-c': json(PLAN_C) });
    const value = hydrated(guarded);
    expect(value?.state.plans).toHaveLength(3);
    expect(storage.log).toEqual([]);
    expect(guarded.check(value?.state)).toEqual({
      plans: [PLAN_A, PLAN_C],
      openPlanId: 'plan-a',
      recovery: { raw, reason: 'A saved plan has missing or invalid fields.', backupKey: BACKUP_KEY, startedClean: false },
    });
    expect(storage.log).toEqual([`set ${BACKUP_KEY}`, `remove ${planKey('plan-b')}`]);
    expect(storage.data.get(BACKUP_KEY)).toBe(raw);
  });

  it('starts clean when no plan could be used', () => {
    const { guarded } = setUpWorkspace({ 'plan-a': '{broken' });
    expect(load(guarded)).toEqual({
      plans: [],
      openPlanId: 'plan-a',
      recovery: { raw: '{broken', reason: 'A saved plan could not be read (the stored data is damaged).', backupKey: BACKUP_KEY, startedClean: true },
    });
  });

  // Every backup of one load is made in the same millisecond: each needs a key of its own, or it overwrites the one before.
  it('gives each unusable plan a backup of its own, and one notice for all of them', () => {
    const invalid = JSON.stringify({ ...PLAN_C, goal: 'fame' });
    const { storage, guarded } = setUpWorkspace({ 'plan-a': '{damaged a', 'plan-b': '{damaged b', 'plan-c': invalid, 'plan-d': json({ ...PLAN_A, id: 'plan-d' }) });
    const checked = load(guarded);
    expect(checked.plans.map((p) => p.id)).toEqual(['plan-d']);
    expect(checked.recovery).toMatchObject({
      reason: '3 saved plans could not be used (missing, invalid or damaged data).',
      backupKey: BACKUP_KEY,
      startedClean: false,
    });
    expect(JSON.parse(checked.recovery?.raw ?? '[]')).toEqual([
      expect.objectContaining({ raw: '{damaged a' }),
      expect.objectContaining({ raw: '{damaged b' }),
      expect.objectContaining({ raw: invalid }),
    ]);
    const backups = [...storage.data.entries()].filter(([key]) => key.startsWith(BACKUP_PREFIX)).map(([, raw]) => raw);
    expect(backups.sort()).toEqual(['{damaged a', '{damaged b', invalid].sort());
  });

  it('ignores a failing remove: the backup exists and the plan is not used', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': '{broken' });
    storage.failRemoves = true;
    expect(load(guarded)).toMatchObject({ plans: [PLAN_A], recovery: { raw: '{broken', backupKey: BACKUP_KEY } });
    expect(storage.data.get(BACKUP_KEY)).toBe('{broken');
  });
});

describe('guardedStorage: valid data', () => {
  it('loads a version-4 plan from the old key as a workspace of that one plan, open, without a backup', () => {
    const raw = envelope(VALID_STATE, 4);
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toEqual({ state: VALID_STATE, version: 4 });
    expect(load(guarded)).toEqual({ plans: [VALID_PLAN], openPlanId: VALID_PLAN.id, recovery: null });
    expect(storage.log).toEqual([]);
    // Removed only once the workspace is saved.
    expect(storage.data.get(PLAN_STORAGE_KEY)).toBe(raw);
  });

  it('round-trips a workspace: every plan, in order, and the open one', () => {
    const { storage, guarded, onSaveError } = setUp();
    save(guarded, [PLAN_A, PLAN_B, PLAN_C], 'plan-b');
    expect(storage.data.get(WORKSPACE_STORAGE_KEY)).toBe(indexJson(['plan-a', 'plan-b', 'plan-c'], 'plan-b'));
    expect(storage.data.get(planKey('plan-b'))).toBe(json(PLAN_B));
    const value = hydrated(guardedStorage(storage, { onSaveError: () => {}, now: () => NOW }));
    expect(value).toEqual({ state: { plans: [PLAN_A, PLAN_B, PLAN_C], openPlanId: 'plan-b' }, version: PLAN_STORAGE_VERSION });
    expect(persistedWorkspaceSchema.safeParse(value?.state).success).toBe(true);
    expect(load(guardedStorage(storage, { onSaveError: () => {}, now: () => NOW }))).toEqual({ plans: [PLAN_A, PLAN_B, PLAN_C], openPlanId: 'plan-b', recovery: null });
    // Only changes are reported: nothing had failed, so there is nothing to clear.
    expect(onSaveError).not.toHaveBeenCalled();
  });

  it('finds plans whose keys are missing from the index (another tab’s index write was overtaken), after the listed ones', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-b': json(PLAN_B) });
    storage.data.set(planKey('plan-c'), json(PLAN_C));
    storage.data.set(planKey('plan-a'), json(PLAN_A));
    storage.data.set('reachplan.other', 'not a plan');
    const checked = load(guarded);
    expect(checked.plans.map((p) => p.id)).toEqual(['plan-b', 'plan-c', 'plan-a']);
    expect(checked.recovery).toBeNull();
  });

  it('skips a listed plan whose key is gone, and loads a plan listed twice once', () => {
    const { storage, guarded } = setUp({
      [WORKSPACE_STORAGE_KEY]: indexJson(['plan-a', 'gone', 'plan-a', 'plan-b'], 'gone'),
      [planKey('plan-a')]: json(PLAN_A),
      [planKey('plan-b')]: json(PLAN_B),
    });
    expect(load(guarded)).toEqual({ plans: [PLAN_A, PLAN_B], openPlanId: 'gone', recovery: null });
    expect(storage.log).toEqual([]);
  });

  it('keeps aside the second of two keys holding one plan id: backed up, reported, and neither copy lost on the next save', () => {
    const copy = { ...PLAN_A, name: 'Spring, copied by hand' };
    const { storage, guarded } = setUp({
      [WORKSPACE_STORAGE_KEY]: indexJson(['plan-a', 'copy-of-a', 'plan-b'], 'plan-a'),
      [planKey('plan-a')]: json(PLAN_A),
      [planKey('copy-of-a')]: json(copy),
      [planKey('plan-b')]: json(PLAN_B),
    });
    const checked = load(guarded);
    expect(checked.plans).toEqual([PLAN_A, PLAN_B]);
    expect(checked.recovery).toMatchObject({ backupKey: BACKUP_KEY, raw: json(copy), startedClean: false });
    expect(checked.recovery?.reason).toBe(`Two saved plans had the same id: “${PLAN_A.name}” opened, the other copy was kept in a backup.`);
    expect(storage.data.get(BACKUP_KEY)).toBe(json(copy));
    save(guarded, checked.plans, 'plan-a');
    expect(storage.data.get(planKey('plan-a'))).toBe(json(PLAN_A));
    expect(storage.data.get(BACKUP_KEY)).toBe(json(copy));
  });

  it('loads a plan saved before otherKpiTargets existed (version 1, through every migration)', () => {
    // Exactly what the first release stored: its Plan had no otherKpiTargets field.
    const firstReleasePlan: Record<string, unknown> = { ...VALID_PLAN };
    delete firstReleasePlan.otherKpiTargets;
    const state = { plan: firstReleasePlan };
    const { storage, guarded } = setUpLegacy(envelope(state, 1));
    expect(hydrated(guarded)).toEqual({ state, version: 1 });
    expect(load(guarded)).toMatchObject({ plans: [{ name: 'Q3 launch', kpiTarget: '', otherKpiTargets: {} }], recovery: null });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('has nothing to restore and nothing to report on a first visit', () => {
    const { guarded } = setUp();
    expect(hydrated(guarded)).toBeNull();
    expect(guarded.check(undefined)).toEqual({ plans: [], openPlanId: null, recovery: null });
  });

  it('accepts a brand-new plan', () => {
    expect(planSchema.safeParse(newPlan('p', TODAY)).success).toBe(true);
    expect(persistedWorkspaceSchema.safeParse({ plans: [newPlan('p', TODAY)], openPlanId: 'p' }).success).toBe(true);
  });
});

describe('guardedStorage: saving', () => {
  it('writes each plan under its own key and an index of their ids, at version 6', () => {
    const { storage, guarded } = setUp();
    save(guarded, [PLAN_A, PLAN_B], 'plan-b');
    expect(JSON.parse(storage.data.get(WORKSPACE_STORAGE_KEY) ?? 'null')).toEqual({
      state: { openPlanId: 'plan-b', planIds: ['plan-a', 'plan-b'] },
      version: 6,
    });
    expect(JSON.parse(storage.data.get(planKey('plan-a')) ?? 'null')).toEqual(PLAN_A);
    expect(PLAN_STORAGE_VERSION).toBe(6);
  });

  it('writes only the plans whose JSON changed, and the index only when it changed', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B), 'plan-c': json(PLAN_C) });
    load(guarded);
    // Equal plans, as new objects: nothing to write.
    save(guarded, [{ ...PLAN_A }, { ...PLAN_B }, { ...PLAN_C }]);
    expect(storage.log).toEqual([]);

    const editedB = { ...PLAN_B, totalBudget: '5000' };
    save(guarded, [PLAN_A, editedB, PLAN_C]);
    save(guarded, [PLAN_A, editedB, PLAN_C]);
    expect(storage.log).toEqual([`set ${planKey('plan-b')}`]);
    expect(storage.data.get(planKey('plan-b'))).toBe(json(editedB));

    // Opening another plan changes the index alone.
    save(guarded, [PLAN_A, editedB, PLAN_C], 'plan-c');
    expect(storage.log.slice(1)).toEqual([`set ${WORKSPACE_STORAGE_KEY}`]);
    expect([planKey('plan-a'), planKey('plan-b'), planKey('plan-c'), WORKSPACE_STORAGE_KEY].map((k) => storage.writesTo(k))).toEqual([0, 1, 0, 1]);
  });

  it('removes the key of a deleted plan, once, and leaves plans it never knew alone', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B) });
    load(guarded);
    // Another tab's new plan, not seen here yet.
    storage.data.set(planKey('plan-c'), json(PLAN_C));
    save(guarded, [PLAN_A]);
    expect(storage.data.has(planKey('plan-b'))).toBe(false);
    expect(storage.data.get(planKey('plan-c'))).toBe(json(PLAN_C));
    expect(storage.log).toEqual([`remove ${planKey('plan-b')}`, `set ${WORKSPACE_STORAGE_KEY}`]);
    save(guarded, [PLAN_A, { ...PLAN_A, id: 'plan-d' }]);
    expect(storage.log.filter((entry) => entry.startsWith('remove'))).toEqual([`remove ${planKey('plan-b')}`]);
  });

  it('removes the version 1–4 key once the workspace holding its plan is written', () => {
    const { storage, guarded } = setUpLegacy(envelope(VALID_STATE, 4));
    const { plans, openPlanId } = load(guarded);
    save(guarded, plans, openPlanId ?? '');
    expect(storage.log).toEqual([`set ${planKey(VALID_PLAN.id)}`, `set ${WORKSPACE_STORAGE_KEY}`, `remove ${PLAN_STORAGE_KEY}`]);
    expect(JSON.parse(storage.data.get(planKey(VALID_PLAN.id)) ?? 'null')).toEqual(VALID_PLAN);
  });

  it.each<[string, (key: string) => Error | null]>([
    ['storage is full', () => new DOMException('full', 'QuotaExceededError')],
    ['only the index cannot be written', (key) => (key === WORKSPACE_STORAGE_KEY ? new DOMException('full', 'QuotaExceededError') : null)],
    ['only the plan cannot be written', (key) => (key.startsWith('reachplan.plans.') ? new DOMException('full', 'QuotaExceededError') : null)],
  ])('keeps the version 1–4 key when the workspace write fails (%s), and removes it after the next good write', (_, failWrites) => {
    const raw = envelope(VALID_STATE, 4);
    const { storage, guarded, onSaveError } = setUpLegacy(raw);
    const { plans } = load(guarded);
    storage.failWrites = failWrites;
    save(guarded, plans);
    expect(storage.data.get(PLAN_STORAGE_KEY)).toBe(raw);
    expect(onSaveError).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/storage is full/i));
    storage.failWrites = null;
    save(guarded, plans);
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);
    expect(storage.data.get(planKey(VALID_PLAN.id))).toBe(json(VALID_PLAN));
    expect(storage.data.has(WORKSPACE_STORAGE_KEY)).toBe(true);
    expect(onSaveError).toHaveBeenLastCalledWith(null);
  });

  it('ignores the version 1–4 key once there is a workspace', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    storage.data.set(PLAN_STORAGE_KEY, envelope(VALID_STATE, 4));
    expect(load(guarded)).toEqual({ plans: [PLAN_A], openPlanId: 'plan-a', recovery: null });
  });

  it('writes the index again when it went missing (site data cleared elsewhere)', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    storage.data.delete(WORKSPACE_STORAGE_KEY);
    save(guarded, [PLAN_A]);
    expect(storage.data.get(WORKSPACE_STORAGE_KEY)).toBe(indexJson(['plan-a']));
  });
});

describe('guardedStorage: another writer', () => {
  const theirs = json({ ...PLAN_A, name: 'Renamed in another tab', updatedAt: '2024-06-01T00:00:00.000Z' });
  const mine = { ...PLAN_A, name: 'Renamed here' };

  it('reports a conflict instead of overwriting a plan another tab saved after this page read it', () => {
    const { storage, guarded, onConflict, onSaveError } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B) });
    load(guarded);
    storage.data.set(planKey('plan-a'), theirs);
    const editedB = { ...PLAN_B, name: 'B edited here' };
    save(guarded, [mine, editedB]);
    expect(onConflict).toHaveBeenCalledExactlyOnceWith('plan-a', theirs);
    expect(storage.data.get(planKey('plan-a'))).toBe(theirs);
    // The other plans are saved as usual, and a conflict is not a failed save.
    expect(storage.data.get(planKey('plan-b'))).toBe(json(editedB));
    expect(onSaveError).not.toHaveBeenCalled();
  });

  it('reports a conflict on a plan this page last wrote itself', () => {
    const { storage, guarded, onConflict } = setUp();
    save(guarded, [PLAN_A]);
    storage.data.set(planKey('plan-a'), theirs);
    save(guarded, [mine]);
    expect(onConflict).toHaveBeenCalledExactlyOnceWith('plan-a', theirs);
    expect(storage.data.get(planKey('plan-a'))).toBe(theirs);
  });

  it('takes their text as read once reported, and takes an adopted plan as saved', () => {
    const { storage, guarded, onConflict } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    storage.data.set(planKey('plan-a'), theirs);
    save(guarded, [mine]);
    // The store answers a conflict with their plan under its id (adopted) and this page's as a copy.
    const adopted = planSchema.parse(JSON.parse(theirs));
    guarded.adopt(adopted, theirs);
    const copy = { ...mine, id: 'plan-a-copy' };
    save(guarded, [adopted, copy]);
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(storage.data.get(planKey('plan-a'))).toBe(theirs);
    expect(storage.data.get(planKey('plan-a-copy'))).toBe(json(copy));
    expect(storage.writesTo(planKey('plan-a'))).toBe(0);
  });

  it('is no conflict when the other writer deleted the plan or wrote what this page knows', () => {
    const { storage, guarded, onConflict } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B) });
    load(guarded);
    storage.data.delete(planKey('plan-a'));
    storage.data.set(planKey('plan-b'), json(PLAN_B));
    const editedB = { ...PLAN_B, name: 'B edited' };
    save(guarded, [mine, editedB]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(storage.data.get(planKey('plan-a'))).toBe(json(mine));
    expect(storage.data.get(planKey('plan-b'))).toBe(json(editedB));
  });

  it('forgets a plan deleted elsewhere: it is written again, without a conflict', () => {
    const { storage, guarded, onConflict } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    storage.data.set(planKey('plan-a'), theirs);
    guarded.forget('plan-a');
    save(guarded, [mine]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(storage.data.get(planKey('plan-a'))).toBe(json(mine));
  });

  it('starts over after reset, as a new page load', () => {
    const { storage, guarded, onConflict } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    guarded.reset();
    storage.data.set(planKey('plan-a'), theirs);
    save(guarded, [mine]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(storage.data.get(planKey('plan-a'))).toBe(json(mine));
  });
});

describe('guardedStorage: a workspace saved by a newer version', () => {
  const NEWER = PLAN_STORAGE_VERSION + 1;
  const newerIndex = envelope({ openPlanId: 'plan-a', planIds: ['plan-a', 'plan-b'] }, NEWER);
  /** What a newer version saved: its index, its plans (in a shape this version can't read) and a backup of its own. */
  const newerEntries = () => ({
    [WORKSPACE_STORAGE_KEY]: newerIndex,
    [planKey('plan-a')]: JSON.stringify({ id: 'plan-a', title: 'Plan A, next version', lines: [] }),
    [planKey('plan-b')]: json(PLAN_B),
    [BACKUP_KEY]: 'an older backup',
  });

  it('is left exactly as it is at load: nothing is read into the workspace, written, backed up or removed; the version is reported once', () => {
    const entries = newerEntries();
    const { storage, guarded, onNewerVersion, onSaveError } = setUp(entries);
    expect(hydrated(guarded)).toBeNull();
    expect(guarded.check(undefined)).toEqual({ plans: [], openPlanId: null, recovery: null });
    expect(guarded.stopped).toBe(true);
    // The page works on in memory: every save after that writes nothing.
    save(guarded, [PLAN_A]);
    save(guarded, [PLAN_A, { ...PLAN_C, name: 'made here' }], 'plan-c');
    guarded.removeItem(WORKSPACE_STORAGE_KEY);
    expect(storage.log).toEqual([]);
    expect(Object.fromEntries(storage.data)).toEqual(entries);
    expect(onNewerVersion).toHaveBeenCalledExactlyOnceWith(NEWER);
    expect(onSaveError).not.toHaveBeenCalled();
  });

  it('is found before a write: a page of this version stops once another tab saved the index at a newer version', () => {
    const { storage, guarded, onNewerVersion } = setUpWorkspace({ 'plan-a': json(PLAN_A), 'plan-b': json(PLAN_B) });
    load(guarded);
    save(guarded, [{ ...PLAN_A, name: 'saved before' }, PLAN_B]);
    expect(guarded.stopped).toBe(false);
    // Another tab, updated, saved the workspace; no storage event reached this page.
    const theirs = newerEntries();
    for (const [key, value] of Object.entries(theirs)) storage.data.set(key, value);
    const writes = storage.log.length;
    save(guarded, [{ ...PLAN_A, name: 'edited here' }, PLAN_B, PLAN_C]);
    save(guarded, [PLAN_A]);
    expect(storage.log.slice(writes)).toEqual([]);
    expect(Object.fromEntries(storage.data)).toEqual(theirs);
    expect(onNewerVersion).toHaveBeenCalledExactlyOnceWith(NEWER);
    expect(guarded.stopped).toBe(true);
  });

  it('is heard of from the storage event (indexChanged): writing stops without waiting for the next read', () => {
    const { storage, guarded, onNewerVersion } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    const before = Object.fromEntries(storage.data);
    guarded.indexChanged(newerIndex);
    expect(guarded.stopped).toBe(true);
    expect(onNewerVersion).toHaveBeenCalledExactlyOnceWith(NEWER);
    save(guarded, [{ ...PLAN_A, name: 'edited here' }]);
    expect(storage.log).toEqual([]);
    expect(Object.fromEntries(storage.data)).toEqual(before);
    guarded.indexChanged(newerIndex);
    expect(onNewerVersion).toHaveBeenCalledTimes(1);
  });

  it('stays stopped for the page’s life, whatever the index is then; a new page load reads afresh', () => {
    const { storage, guarded, onNewerVersion } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    guarded.indexChanged(newerIndex);
    storage.data.set(WORKSPACE_STORAGE_KEY, indexJson(['plan-a']));
    save(guarded, [{ ...PLAN_A, name: 'edited here' }]);
    // Gone (site data cleared in another tab): still nothing is written.
    storage.data.delete(WORKSPACE_STORAGE_KEY);
    save(guarded, [{ ...PLAN_A, name: 'edited again' }]);
    expect(storage.log).toEqual([]);
    storage.data.set(WORKSPACE_STORAGE_KEY, indexJson(['plan-a']));
    guarded.reset();
    expect(guarded.stopped).toBe(false);
    expect(load(guarded)).toEqual({ plans: [PLAN_A], openPlanId: 'plan-a', recovery: null });
    save(guarded, [{ ...PLAN_A, name: 'edited after the reload' }]);
    expect(storage.log).toEqual([`set ${planKey('plan-a')}`]);
    expect(onNewerVersion).toHaveBeenCalledTimes(1);
  });

  it.each<[string, string | null]>([
    ['a removed index', null],
    ['an index of this version', indexJson(['plan-a'])],
    ['an index of an older version', envelope({ openPlanId: 'plan-a', planIds: ['plan-a'] }, PLAN_STORAGE_VERSION - 1)],
    ['damaged text', '{"state":'],
    ['a version that is text', JSON.stringify({ state: {}, version: String(NEWER) })],
  ])('is not what %s from the storage event says: saving goes on', (_, raw) => {
    const { storage, guarded, onNewerVersion } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    load(guarded);
    guarded.indexChanged(raw);
    const edited = { ...PLAN_A, name: 'edited here' };
    save(guarded, [edited]);
    expect(guarded.stopped).toBe(false);
    expect(onNewerVersion).not.toHaveBeenCalled();
    expect(storage.data.get(planKey('plan-a'))).toBe(json(edited));
  });
});

describe('guardedStorage: failed writes', () => {
  it('reports a full storage, then clears the report after a successful write', () => {
    const { storage, guarded, onSaveError } = setUp();
    storage.failWrites = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(() => save(guarded, [PLAN_A])).not.toThrow();
    expect(onSaveError).toHaveBeenCalledTimes(1);
    expect(onSaveError.mock.calls[0]?.[0]).toMatch(/storage is full/i);
    expect(storage.data.size).toBe(0);

    storage.failWrites = null;
    save(guarded, [PLAN_A]);
    expect(onSaveError).toHaveBeenCalledTimes(2);
    expect(onSaveError).toHaveBeenLastCalledWith(null);
    expect(storage.data.get(planKey('plan-a'))).toBe(json(PLAN_A));
    expect(storage.data.get(WORKSPACE_STORAGE_KEY)).toBe(indexJson(['plan-a']));
  });

  it('reports one failed plan of several, and writes the others', () => {
    const { storage, guarded, onSaveError } = setUp();
    storage.failWrites = (key) => (key === planKey('plan-b') ? new DOMException('full', 'QuotaExceededError') : null);
    save(guarded, [PLAN_A, PLAN_B, PLAN_C]);
    expect(onSaveError).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/storage is full/i));
    expect([...storage.data.keys()].sort()).toEqual([planKey('plan-a'), planKey('plan-c'), WORKSPACE_STORAGE_KEY].sort());
    // Tried again on the next save, as it was never written.
    storage.failWrites = null;
    save(guarded, [PLAN_A, PLAN_B, PLAN_C]);
    expect(storage.data.get(planKey('plan-b'))).toBe(json(PLAN_B));
    expect(onSaveError).toHaveBeenLastCalledWith(null);
  });

  it('reports each change of save status once, not every write', () => {
    const { storage, guarded, onSaveError } = setUp();
    storage.failWrites = () => new DOMException('full', 'QuotaExceededError');
    save(guarded, [PLAN_A]);
    save(guarded, [PLAN_A]);
    save(guarded, [PLAN_A]);
    expect(onSaveError).toHaveBeenCalledTimes(1);
    storage.failWrites = null;
    save(guarded, [PLAN_A]);
    save(guarded, [PLAN_A]);
    expect(onSaveError.mock.calls.map(([m]) => m === null)).toEqual([false, true]);
    storage.failWrites = () => new DOMException('denied', 'SecurityError');
    save(guarded, [{ ...PLAN_A, name: 'changed' }]);
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
    save(guarded, [PLAN_A, PLAN_B]);
    expect(onSaveError).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(expected));
  });

  it('treats unreadable storage as empty, and never clears the workspace as a whole', () => {
    const { storage, guarded } = setUpWorkspace({ 'plan-a': json(PLAN_A) });
    storage.failReads = true;
    expect(hydrated(guarded)).toBeNull();
    expect(guarded.check(undefined)).toEqual({ plans: [], openPlanId: null, recovery: null });
    storage.failReads = false;
    guarded.removeItem(WORKSPACE_STORAGE_KEY);
    expect(storage.log).toEqual([]);
    expect(storage.data.has(planKey('plan-a'))).toBe(true);
  });

  it('works without any storage at all, and says at once (once) that nothing is saved', () => {
    const onSaveError = vi.fn<(message: string | null) => void>();
    const guarded = guardedStorage(null, { onSaveError, now: () => NOW });
    expect(hydrated(guarded)).toBeNull();
    expect(onSaveError.mock.calls).toEqual([[STORAGE_UNAVAILABLE]]);
    save(guarded, [PLAN_A]);
    guarded.removeItem(WORKSPACE_STORAGE_KEY);
    expect(onSaveError).toHaveBeenCalledTimes(1);
    const state: PersistedWorkspace = { plans: [PLAN_A], openPlanId: 'plan-a' };
    expect(guarded.check(state)).toEqual({ plans: [PLAN_A], openPlanId: 'plan-a', recovery: null });
    expect(guarded.check({})).toEqual({
      plans: [],
      openPlanId: null,
      recovery: { raw: '', reason: 'The saved plans are not in a format Reachplan knows.', backupKey: null, startedClean: true },
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
    const state: PersistedWorkspace = { plans: [VALID_PLAN], openPlanId: VALID_PLAN.id };
    expect(migratePlanState(state, PLAN_STORAGE_VERSION)).toBe(state);
  });

  it('leaves state of a version it cannot read for validation to refuse', () => {
    const old = { plan: { name: 'old shape' } };
    expect(persistedWorkspaceSchema.safeParse(migratePlanState(old, 0)).success).toBe(false);
    expect(migratePlanState('not a state', 1)).toBe('not a state');
  });
});

describe('migrateV1toV2', () => {
  /** A plan exactly as version 1 stored it: no targeting, buying model, pacing, category, dates or Spark Ads. */
  const V1_STATE = {
    plan: {
      id: '6f1c2a4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f',
      name: 'Spring launch',
      startDate: '2024-03-04',
      endDate: '2024-03-31',
      goal: 'engagement',
      kpiTarget: '250,000',
      otherKpiTargets: { awareness: '1000000' },
      totalBudget: '$150,000',
      currency: 'USD',
      formats: [
        { formatId: 'in-feed', amount: '60,000', included: true },
        { formatId: 'brand-takeover', amount: '1', included: true },
        { formatId: 'branded-effects', amount: '100000', included: false },
      ],
      creators: [
        {
          handle: 'maya.fit',
          displayName: 'Maya Park',
          niche: 'fitness',
          country: 'US',
          tier: 'micro',
          fans: 50_000,
          avgViews: 8_000,
          engagementRate: 0.06,
          catalogFee: 800,
          posts: '2',
          fee: '800',
        },
      ],
      assumptionOverrides: { audienceUniverse: '30,000,000', averageOrderValue: '45' },
      updatedAt: '2024-02-20T09:30:00.000Z',
    },
  };

  it('turns a realistic version-1 plan into a valid current workspace that plans as before (through every step)', () => {
    const before = structuredClone(V1_STATE);
    const migrated = migratePlanState(V1_STATE, 1);
    // The stored object is not changed in place.
    expect(V1_STATE).toEqual(before);

    const parsed = persistedWorkspaceSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.plans).toHaveLength(1);
    expect(parsed.data?.openPlanId).toBe(V1_STATE.plan.id);
    const plan = parsed.data?.plans[0];
    expect(plan?.targeting).toEqual({
      countries: ['US'],
      ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'],
      gender: 'all',
    });
    expect(plan?.formats).toEqual([
      { formatId: 'in-feed', amount: '60,000', included: true, buyingModel: 'CPM', pacing: 'even', category: '' },
      { formatId: 'brand-takeover', amount: '1', included: true, buyingModel: 'CPM', pacing: 'even', category: '' },
      { formatId: 'branded-effects', amount: '100000', included: false, buyingModel: 'CPM', pacing: 'even', category: '' },
    ]);
    expect(plan?.creators).toEqual([
      { ...V1_STATE.plan.creators[0], postDates: [], sparkBudget: '', contract: emptyContract(), audience: null, credibility: null },
    ]);
    expect(plan?.shortlist).toEqual([]);
    // Version 1 planned the U.S. only: its audience universe is the U.S. universe.
    expect(plan?.assumptionOverrides).toEqual({ universeUS: '30,000,000', averageOrderValue: '45' });
    // Later versions' fields, with values that change nothing; the plan says once how the second edition moved its figures.
    expect(plan).toMatchObject({
      status: 'draft',
      scenarioOf: null,
      costs: emptyCosts(),
      excludeWeekends: false,
      retiredContracts: {},
      earnedInReach: false,
      modelEdition: 1,
    });
    // Everything else is kept as typed.
    expect(plan).toMatchObject({
      id: V1_STATE.plan.id,
      name: 'Spring launch',
      goal: 'engagement',
      kpiTarget: '250,000',
      otherKpiTargets: { awareness: '1000000' },
      totalBudget: '$150,000',
      updatedAt: '2024-02-20T09:30:00.000Z',
    });
  });

  it('loads through the guarded storage as a page load would, without a backup', () => {
    const raw = envelope(V1_STATE, 1);
    const { storage, guarded } = setUpLegacy(raw);
    expect(hydrated(guarded)).toEqual({ state: V1_STATE, version: 1 });
    const checked = load(guarded);
    expect(checked).toMatchObject({
      plans: [{ id: V1_STATE.plan.id, assumptionOverrides: { universeUS: '30,000,000' } }],
      openPlanId: V1_STATE.plan.id,
      recovery: null,
    });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('keeps fields a plan already has', () => {
    const state = {
      plan: {
        ...V1_STATE.plan,
        formats: [{ formatId: 'in-feed', amount: '1', included: true, buyingModel: 'CPV', pacing: 'front-loaded', category: '' }],
        assumptionOverrides: { audienceUniverse: '1', universeUS: '2' },
      },
    };
    const migrated = migrateV1toV2(state) as typeof state;
    expect(migrated.plan.formats[0]).toMatchObject({ buyingModel: 'CPV', pacing: 'front-loaded' });
    expect(migrated.plan.assumptionOverrides).toEqual({ universeUS: '2' });
  });
});

describe('migrateV2toV3', () => {
  /** A plan exactly as version 2 stored it: no shortlist, no contract on its creator lines. */
  const V2_STATE = {
    plan: {
      id: '0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e',
      name: 'Summer drop',
      startDate: '2024-06-03',
      endDate: '2024-06-30',
      goal: 'awareness',
      kpiTarget: '',
      otherKpiTargets: {},
      totalBudget: '200000',
      currency: 'USD',
      targeting: { countries: ['US', 'GB'], ageBands: ['18-24', '25-34'], gender: 'female' },
      formats: [{ formatId: 'in-feed', amount: '60000', included: true, buyingModel: 'CPV', pacing: 'front-loaded', category: '' }],
      creators: [
        {
          handle: 'maya.fit',
          displayName: 'Maya Park',
          niche: 'fitness',
          country: 'US',
          tier: 'micro',
          fans: 50_000,
          avgViews: 8_000,
          engagementRate: 0.06,
          catalogFee: 800,
          posts: '2',
          fee: '800',
          postDates: ['2024-06-10'],
          sparkBudget: '5000',
        },
        {
          handle: 'zachking',
          displayName: 'Zach King',
          niche: 'entertainment',
          country: 'US',
          tier: 'mega',
          fans: 21_900_000,
          avgViews: null,
          engagementRate: null,
          catalogFee: 62_500,
          posts: '1',
          fee: '62500',
          postDates: [],
          sparkBudget: '',
        },
      ],
      assumptionOverrides: { universeUS: '30,000,000' },
      updatedAt: '2024-05-20T09:30:00.000Z',
    },
  };

  it('adds an empty shortlist and an empty contract to every creator line, keeping the rest (through to version 6)', () => {
    const before = structuredClone(V2_STATE);
    const migrated = migratePlanState(V2_STATE, 2);
    expect(V2_STATE).toEqual(before);
    const parsed = persistedWorkspaceSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.openPlanId).toBe(V2_STATE.plan.id);
    expect(parsed.data?.plans).toEqual([
      {
        ...V2_STATE.plan,
        shortlist: [],
        retiredContracts: {},
        creators: V2_STATE.plan.creators.map((c) => ({ ...c, contract: emptyContract(), audience: null, credibility: null })),
        // Version 4's fields, added by a later step.
        status: 'draft',
        scenarioOf: null,
        costs: emptyCosts(),
        excludeWeekends: false,
        // Version 6's.
        earnedInReach: false,
        modelEdition: 1,
      },
    ]);
  });

  it('loads through the guarded storage as a page load would, without a backup', () => {
    const { storage, guarded } = setUpLegacy(envelope(V2_STATE, 2));
    expect(hydrated(guarded)).toEqual({ state: V2_STATE, version: 2 });
    expect(load(guarded)).toMatchObject({ plans: [{ name: 'Summer drop', shortlist: [] }], openPlanId: V2_STATE.plan.id, recovery: null });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('keeps a contract or shortlist a plan already has', () => {
    const contract = { ...emptyContract(), usageRightsDays: '90' };
    const state = {
      plan: {
        ...V2_STATE.plan,
        shortlist: ['kept as it is'],
        creators: [{ ...V2_STATE.plan.creators[0], contract }],
      },
    };
    const migrated = migrateV2toV3(state) as typeof state;
    expect(migrated.plan.shortlist).toEqual(['kept as it is']);
    expect(migrated.plan.creators[0]?.contract).toEqual(contract);
  });

  it('gives each creator line its own contract object', () => {
    const migrated = migrateV2toV3(V2_STATE) as { plan: { creators: { contract: unknown }[] } };
    expect(migrated.plan.creators[0]?.contract).not.toBe(migrated.plan.creators[1]?.contract);
  });

  it.each<[string, unknown]>([
    ['not an object', 'nonsense'],
    ['null', null],
    ['no plan', { something: 'else' }],
    ['a plan that is an array', { plan: [] }],
  ])('passes %s through untouched', (_, state) => {
    expect(migrateV2toV3(state)).toBe(state);
  });

  it.each<[string, unknown]>([
    ['creators that are not a list', { plan: { ...V2_STATE.plan, creators: 'maya.fit' } }],
    ['a creator line that is not an object', { plan: { ...V2_STATE.plan, creators: [42] } }],
    ['a shortlist that is not a list', { plan: { ...V2_STATE.plan, shortlist: 'zachking' } }],
    ['a contract with a term missing', {
      plan: {
        ...V2_STATE.plan,
        creators: [{ ...V2_STATE.plan.creators[0], contract: { ...emptyContract(), terms: { creativeFreedom: { agreed: true, note: '' } } } }],
      },
    }],
    ['a contract term that is not a boolean', {
      plan: {
        ...V2_STATE.plan,
        creators: [
          {
            ...V2_STATE.plan.creators[0],
            contract: { ...emptyContract(), terms: { ...emptyContract().terms, disclosure: { agreed: 'yes', note: '' } } },
          },
        ],
      },
    }],
  ])('leaves malformed data (%s) for validation to refuse', (_, state) => {
    const migrated = migratePlanState(state, 2);
    expect(persistedWorkspaceSchema.safeParse(migrated).success).toBe(false);
  });
});

describe('migrateV3toV4', () => {
  /** A plan exactly as version 3 stored it: no status, scenario link, cost lines or weekend rule. */
  const V3_STATE = {
    plan: {
      id: '5c1e2d3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f',
      name: 'Holiday push',
      startDate: '2024-11-04',
      endDate: '2024-12-01',
      goal: 'sales',
      kpiTarget: '400000',
      otherKpiTargets: { awareness: '2000000' },
      totalBudget: '300000',
      currency: 'USD',
      targeting: { countries: ['KR'], ageBands: ['18-24', '25-34'], gender: 'all' },
      formats: [{ formatId: 'in-feed', amount: '90000', included: true, buyingModel: 'CPC', pacing: 'even', category: '' }],
      creators: [
        {
          handle: 'maya.fit',
          displayName: 'Maya Park',
          niche: 'fitness',
          country: 'US',
          tier: 'micro',
          fans: 50_000,
          avgViews: 8_000,
          engagementRate: 0.06,
          catalogFee: 800,
          posts: '2',
          fee: '800',
          postDates: ['2024-11-10'],
          sparkBudget: '',
          contract: { ...emptyContract(), usageRightsDays: '90', contentDueDate: '2024-11-06' },
        },
      ],
      shortlist: [],
      retiredContracts: {},
      assumptionOverrides: { averageOrderValue: '45' },
      updatedAt: '2024-10-20T09:30:00.000Z',
    },
  };

  it('adds a draft status, no scenario link, empty cost lines and weekends allowed, keeping the rest (through to version 6)', () => {
    const before = structuredClone(V3_STATE);
    const migrated = migratePlanState(V3_STATE, 3);
    expect(V3_STATE).toEqual(before);
    const parsed = persistedWorkspaceSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      plans: [
        {
          ...V3_STATE.plan,
          status: 'draft',
          scenarioOf: null,
          costs: emptyCosts(),
          excludeWeekends: false,
          // Version 6's fields, added by a later step.
          creators: V3_STATE.plan.creators.map((c) => ({ ...c, audience: null, credibility: null })),
          earnedInReach: false,
          modelEdition: 1,
        },
      ],
      openPlanId: V3_STATE.plan.id,
    });
  });

  it('loads through the guarded storage as a page load would, without a backup', () => {
    const { storage, guarded } = setUpLegacy(envelope(V3_STATE, 3));
    expect(load(guarded)).toMatchObject({ plans: [{ name: 'Holiday push', status: 'draft' }], recovery: null });
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
  });

  it('keeps fields a plan already has', () => {
    const costs = { ...emptyCosts(), tax: '10' };
    const state = { plan: { ...V3_STATE.plan, status: 'approved', costs, excludeWeekends: true } };
    expect(migrateV3toV4(state)).toMatchObject({ plan: { status: 'approved', costs, excludeWeekends: true } });
  });

  it.each<[string, unknown]>([
    ['not an object', 'nonsense'],
    ['null', null],
    ['no plan', { something: 'else' }],
    ['a plan that is an array', { plan: [] }],
  ])('passes %s through untouched', (_, state) => {
    expect(migrateV3toV4(state)).toBe(state);
  });

  it.each<[string, unknown]>([
    ['an unknown status', { plan: { ...V3_STATE.plan, status: 'signed' } }],
    ['cost lines that are numbers', { plan: { ...V3_STATE.plan, costs: { ...emptyCosts(), tax: 10 } } }],
    ['a cost line the app does not know', { plan: { ...V3_STATE.plan, costs: { ...emptyCosts(), travel: '500' } } }],
    ['a weekend rule that is text', { plan: { ...V3_STATE.plan, excludeWeekends: 'yes' } }],
  ])('leaves malformed data (%s) for validation to refuse', (_, state) => {
    expect(persistedWorkspaceSchema.safeParse(migratePlanState(state, 3)).success).toBe(false);
  });
});

describe('migrateV4toV5', () => {
  /** A plan exactly as version 4 stored it under 'reachplan.plan': the only plan, before workspaces. */
  const V4_STATE = {
    plan: {
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      name: 'Back to school',
      status: 'proposed',
      scenarioOf: null,
      startDate: '2025-08-04',
      endDate: '2025-08-31',
      goal: 'app-installs',
      kpiTarget: '40000',
      otherKpiTargets: { awareness: '3000000' },
      totalBudget: '250000',
      currency: 'USD',
      targeting: { countries: ['US', 'CA'], ageBands: ['13-17', '18-24'], gender: 'all' },
      formats: [
        { formatId: 'in-feed', amount: '120000', included: true, buyingModel: 'CPC', pacing: 'front-loaded', category: '' },
        { formatId: 'brand-takeover', amount: '1', included: false, buyingModel: 'CPM', pacing: 'even', category: 'Education' },
      ],
      creators: [
        {
          handle: 'maya.fit',
          displayName: 'Maya Park',
          niche: 'fitness',
          country: 'US',
          tier: 'micro',
          fans: 50_000,
          avgViews: 8_000,
          engagementRate: 0.06,
          catalogFee: 800,
          posts: '3',
          fee: '900',
          postDates: ['2025-08-06', '', '2025-08-20'],
          sparkBudget: '2500',
          contract: {
            terms: {
              creativeFreedom: { agreed: true, note: '' },
              ownership: { agreed: false, note: 'Reuse in paid ads' },
              messaging: { agreed: false, note: '' },
              deliverables: { agreed: true, note: '3 videos' },
              deadlines: { agreed: false, note: '' },
              exclusivity: { agreed: false, note: '' },
              disclosure: { agreed: true, note: '#ad' },
            },
            usageRightsDays: '90',
            exclusivityDays: '',
            contentDueDate: '2025-08-01',
          },
        },
      ],
      shortlist: [],
      retiredContracts: {},
      assumptionOverrides: { inFeedCpc: '0.9' },
      costs: { agencyCommission: '15', usageRights: '', whitelisting: '2000', production: '', tax: '8.5' },
      excludeWeekends: true,
      updatedAt: '2025-07-15T08:00:00.000Z',
    },
  };

  it('makes the plan the workspace’s only plan, and open', () => {
    expect(migrateV4toV5(V4_STATE)).toEqual({ plans: [V4_STATE.plan], openPlanId: V4_STATE.plan.id });
  });

  /** The version-4 plan as version 6 keeps it: version 6's fields added, nothing else changed. */
  const V4_PLAN_NOW = {
    ...V4_STATE.plan,
    creators: V4_STATE.plan.creators.map((c) => ({ ...c, audience: null, credibility: null })),
    earnedInReach: false,
    modelEdition: 1,
  };

  it('turns a realistic version-4 plan into a valid workspace, every field kept, without changing the stored object', () => {
    const before = structuredClone(V4_STATE);
    const migrated = migratePlanState(V4_STATE, 4);
    expect(V4_STATE).toEqual(before);
    const parsed = persistedWorkspaceSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ plans: [V4_PLAN_NOW], openPlanId: V4_STATE.plan.id });
    expect(planSchema.safeParse(parsed.data?.plans[0])).toEqual({ success: true, data: V4_PLAN_NOW });
  });

  it('loads through the guarded storage as a page load would, and the old key goes with the first save', () => {
    const raw = envelope(V4_STATE, 4);
    const { storage, guarded } = setUpLegacy(raw);
    const checked = load(guarded);
    expect(checked).toEqual({ plans: [V4_PLAN_NOW], openPlanId: V4_STATE.plan.id, recovery: null });
    save(guarded, checked.plans, checked.openPlanId ?? '');
    expect(storage.data.has(PLAN_STORAGE_KEY)).toBe(false);
    expect(storage.data.has(BACKUP_KEY)).toBe(false);
    expect(JSON.parse(storage.data.get(planKey(V4_STATE.plan.id)) ?? 'null')).toEqual(V4_PLAN_NOW);
    expect(JSON.parse(storage.data.get(WORKSPACE_STORAGE_KEY) ?? 'null')).toEqual({
      state: { openPlanId: V4_STATE.plan.id, planIds: [V4_STATE.plan.id] },
      version: 6,
    });
  });

  it('keeps whatever else the state held, and opens nothing for a plan without an id', () => {
    expect(migrateV4toV5({ plan: { name: 'no id' }, extra: 1 })).toEqual({ plans: [{ name: 'no id' }], openPlanId: '', extra: 1 });
  });

  it.each<[string, unknown]>([
    ['not an object', 'nonsense'],
    ['null', null],
    ['no plan', { something: 'else' }],
    ['a plan that is an array', { plan: [] }],
  ])('passes %s through untouched', (_, state) => {
    expect(migrateV4toV5(state)).toBe(state);
  });

  it.each<[string, unknown]>([
    ['an unknown status', { plan: { ...V4_STATE.plan, status: 'signed' } }],
    ['no plan id', { plan: { ...V4_STATE.plan, id: '' } }],
    ['a scenario link that is empty', { plan: { ...V4_STATE.plan, scenarioOf: '' } }],
  ])('leaves malformed data (%s) for validation to refuse', (_, state) => {
    expect(persistedWorkspaceSchema.safeParse(migratePlanState(state, 4)).success).toBe(false);
  });
});

describe('migrateV5toV6', () => {
  /**
   * A workspace exactly as version 5 stored it (the index and each plan's key, as `getItem` reads
   * them back): the first edition's single female share, age split and takeover rate overridden;
   * creator lines and shortlisted creators without audience data or credibility; no
   * `earnedInReach`, no `modelEdition`.
   */
  const V5_STATE = {
    openPlanId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    plans: [
      {
        id: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
        name: 'Holiday 2025',
        status: 'proposed',
        scenarioOf: null,
        startDate: '2025-11-03',
        endDate: '2025-11-30',
        goal: 'sales',
        kpiTarget: '500000',
        otherKpiTargets: { awareness: '4000000' },
        totalBudget: '600000',
        currency: 'USD',
        targeting: { countries: ['US', 'GB'], ageBands: ['18-24', '25-34'], gender: 'female' },
        formats: [
          { formatId: 'in-feed', amount: '150000', included: true, buyingModel: 'CPC', pacing: 'front-loaded', category: '' },
          { formatId: 'brand-takeover', amount: '2', included: true, buyingModel: 'CPM', pacing: 'even', category: 'Retail' },
          { formatId: 'hashtag-challenge', amount: '150000', included: false, buyingModel: 'CPM', pacing: 'even', category: '' },
        ],
        creators: [
          {
            handle: 'maya.fit',
            displayName: 'Maya Park',
            niche: 'fitness',
            country: 'US',
            tier: 'micro',
            fans: 50_000,
            avgViews: 8_000,
            engagementRate: 0.06,
            catalogFee: 800,
            posts: '3',
            fee: '900',
            postDates: ['2025-11-05', '', '2025-11-20'],
            sparkBudget: '2500',
            contract: {
              terms: {
                creativeFreedom: { agreed: true, note: '' },
                ownership: { agreed: false, note: 'Reuse in paid ads' },
                messaging: { agreed: false, note: '' },
                deliverables: { agreed: true, note: '3 videos' },
                deadlines: { agreed: false, note: '' },
                exclusivity: { agreed: false, note: '' },
                disclosure: { agreed: true, note: '#ad' },
              },
              usageRightsDays: '90',
              exclusivityDays: '',
              contentDueDate: '2025-11-01',
            },
          },
        ],
        shortlist: [
          {
            id: 'zachking',
            handle: 'zachking',
            displayName: 'Zach King',
            niche: 'entertainment',
            country: 'US',
            tier: 'mega',
            fans: 21_900_000,
            avgViews: null,
            engagementRate: null,
            feePerPost: 62_500,
            bio: 'One of the guide’s top TikTok creators by fans (entertainment).',
            source: { kind: 'guide', name: 'TikTok marketing guide', date: '2020-06-01' },
          },
        ],
        retiredContracts: {},
        assumptionOverrides: {
          femaleShare: '55',
          ageShare18to24: '30',
          takeoverPricePerDay: '$45,000',
          takeoverImpressionsPerDay: '4,000,000',
          universeUS: '150,000,000',
          averageOrderValue: '45',
        },
        costs: { agencyCommission: '15', usageRights: '', whitelisting: '2000', production: '', tax: '8.5' },
        excludeWeekends: true,
        updatedAt: '2025-10-20T08:00:00.000Z',
      },
      {
        id: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
        name: 'Seoul pop-up',
        status: 'draft',
        scenarioOf: null,
        startDate: '2025-09-01',
        endDate: '2025-09-14',
        goal: 'awareness',
        kpiTarget: '',
        otherKpiTargets: {},
        totalBudget: '80000',
        currency: 'USD',
        targeting: { countries: ['KR'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' },
        formats: [{ formatId: 'in-feed', amount: '60000', included: true, buyingModel: 'CPM', pacing: 'even', category: '' }],
        creators: [],
        shortlist: [],
        retiredContracts: {},
        assumptionOverrides: {},
        costs: { agencyCommission: '', usageRights: '', whitelisting: '', production: '', tax: '' },
        excludeWeekends: false,
        updatedAt: '2025-08-15T08:00:00.000Z',
      },
    ],
  };
  const [HOLIDAY, SEOUL] = V5_STATE.plans as [(typeof V5_STATE.plans)[0], (typeof V5_STATE.plans)[1]];

  /** The version-5 workspace as version 6 keeps it. */
  const V5_NOW = {
    openPlanId: V5_STATE.openPlanId,
    plans: [
      {
        ...HOLIDAY,
        // Each first-edition override, set for each market the plan targets; the rest as typed.
        assumptionOverrides: {
          femaleShareUS: '55',
          femaleShareGB: '55',
          ageShare18to24US: '30',
          ageShare18to24GB: '30',
          takeoverPricePerDayUS: '$45,000',
          takeoverPricePerDayGB: '$45,000',
          takeoverImpressionsPerDayUS: '4,000,000',
          takeoverImpressionsPerDayGB: '4,000,000',
          universeUS: '150,000,000',
          averageOrderValue: '45',
        },
        creators: HOLIDAY.creators.map((c) => ({ ...c, audience: null, credibility: null })),
        shortlist: HOLIDAY.shortlist.map((c) => ({ ...c, audience: null, credibility: null })),
        earnedInReach: false,
        modelEdition: 1,
      },
      { ...SEOUL, earnedInReach: false, modelEdition: 1 },
    ],
  };

  it('sets each first-edition override for every targeted market, gives creators no audience data, keeps participants out of reach', () => {
    expect(migrateV5toV6(V5_STATE)).toEqual(V5_NOW);
  });

  it('is the last step from version 5, and its result is a valid workspace of valid plans', () => {
    const migrated = migratePlanState(V5_STATE, 5);
    expect(migrated).toEqual(V5_NOW);
    expect(persistedWorkspaceSchema.safeParse(migrated)).toEqual({ success: true, data: V5_NOW });
    for (const plan of V5_NOW.plans) expect(planSchema.safeParse(plan)).toEqual({ success: true, data: plan });
  });

  it('leaves the stored object as it was', () => {
    const before = structuredClone(V5_STATE);
    migrateV5toV6(V5_STATE);
    expect(V5_STATE).toEqual(before);
  });

  it('changes nothing the second time (a version-5 tab may have saved the index again after a version-6 tab)', () => {
    const once = migrateV5toV6(V5_STATE);
    expect(migrateV5toV6(once)).toEqual(once);
    expect(migrateV5toV6(structuredClone(V5_NOW))).toEqual(V5_NOW);
  });

  it('keeps what a version-6 plan already has: its per-market overrides win, its edition and audience data stay', () => {
    const audience = { ageShares: { '13-17': 0.1, '18-24': 0.4, '25-34': 0.3, '35-44': 0.1, '45-54': 0.05, '55+': 0.05 }, femaleShare: 0.6, topCountries: [{ country: 'US', share: 0.8 }] };
    const plan = {
      ...HOLIDAY,
      assumptionOverrides: { femaleShare: '55', femaleShareGB: '61' },
      creators: [{ ...HOLIDAY.creators[0], audience, credibility: 0.92 }],
      earnedInReach: true,
      modelEdition: MODEL_EDITION,
    };
    expect(migrateV5toV6({ openPlanId: plan.id, plans: [plan] })).toEqual({
      openPlanId: plan.id,
      plans: [
        {
          ...plan,
          assumptionOverrides: { femaleShareUS: '55', femaleShareGB: '61' },
          shortlist: HOLIDAY.shortlist.map((c) => ({ ...c, audience: null, credibility: null })),
        },
      ],
    });
  });

  it.each([
    ['femaleShare', ['JP'], ['femaleShareJP']],
    ['ageShare13to17', ['CA', 'KR'], ['ageShare13to17CA', 'ageShare13to17KR']],
    ['ageShare55plus', ['US'], ['ageShare55plusUS']],
    ['takeoverPricePerDay', ['GB', 'JP', 'CA'], ['takeoverPricePerDayGB', 'takeoverPricePerDayJP', 'takeoverPricePerDayCA']],
    // No market targeted: version 5 planned the U.S. unless told otherwise.
    ['takeoverImpressionsPerDay', [], ['takeoverImpressionsPerDayUS']],
  ])('turns an override of %s for %j into %j', (key, countries, keys) => {
    const plan = { ...SEOUL, targeting: { ...SEOUL.targeting, countries }, assumptionOverrides: { [key]: '12' } };
    const migrated = migrateV5toV6({ openPlanId: plan.id, plans: [plan] }) as { plans: { assumptionOverrides: Record<string, string> }[] };
    expect(migrated.plans[0]?.assumptionOverrides).toEqual(Object.fromEntries(keys.map((k) => [k, '12'])));
  });

  it('loads a version-5 workspace through the guarded storage as a page load would; the first save writes it at version 6', () => {
    const entries: Record<string, string> = {
      [WORKSPACE_STORAGE_KEY]: envelope({ openPlanId: V5_STATE.openPlanId, planIds: V5_STATE.plans.map((p) => p.id) }, 5),
    };
    for (const plan of V5_STATE.plans) entries[planKey(plan.id)] = JSON.stringify(plan);
    const { storage, guarded } = setUp(entries);
    const checked = load(guarded);
    expect(checked).toEqual({ plans: V5_NOW.plans, openPlanId: V5_STATE.openPlanId, recovery: null });
    save(guarded, checked.plans, checked.openPlanId ?? '');
    expect([...storage.data.keys()].filter((k) => k.startsWith(BACKUP_PREFIX))).toEqual([]);
    for (const plan of V5_NOW.plans) expect(JSON.parse(storage.data.get(planKey(plan.id)) ?? 'null')).toEqual(plan);
    expect(JSON.parse(storage.data.get(WORKSPACE_STORAGE_KEY) ?? 'null')).toMatchObject({ version: 6 });
  });

  it.each<[string, unknown]>([
    ['not an object', 'nonsense'],
    ['null', null],
    ['no plans', { openPlanId: 'x' }],
    ['plans that are not a list', { plans: { a: 1 }, openPlanId: 'a' }],
  ])('passes %s through untouched', (_, state) => {
    expect(migrateV5toV6(state)).toBe(state);
  });

  it.each<[string, unknown]>([
    ['a plan that is not an object', { ...V5_STATE, plans: ['plan'] }],
    ['an override that is a number', { ...V5_STATE, plans: [{ ...SEOUL, assumptionOverrides: { femaleShare: 55 } }] }],
    ['creators that are not a list', { ...V5_STATE, plans: [{ ...SEOUL, creators: 'maya.fit' }] }],
    ['a creator line that is not an object', { ...V5_STATE, plans: [{ ...SEOUL, creators: [42] }] }],
    ['a shortlisted creator without a handle', { ...V5_STATE, plans: [{ ...SEOUL, shortlist: [{ ...HOLIDAY.shortlist[0], handle: '' }] }] }],
  ])('leaves malformed data (%s) for validation to refuse', (_, state) => {
    expect(persistedWorkspaceSchema.safeParse(migratePlanState(state, 5)).success).toBe(false);
  });
});

describe('plan schema', () => {
  const valid = () => structuredClone(VALID_PLAN);

  it('stores at version 6', () => {
    expect(PLAN_STORAGE_VERSION).toBe(6);
  });

  it.each<[string, (p: Plan) => unknown]>([
    ['an eighth contract term', (p) => {
      const line = p.creators[0]!;
      return { ...p, creators: [{ ...line, contract: { ...line.contract, terms: { ...line.contract.terms, bonus: { agreed: true, note: '' } } } }] };
    }],
    ['a note over 2,000 characters', (p) => {
      const line = p.creators[0]!;
      const terms = { ...line.contract.terms, ownership: { agreed: false, note: 'x'.repeat(2001) } };
      return { ...p, creators: [{ ...line, contract: { ...line.contract, terms } }] };
    }],
    ['a day count that is a number', (p) => {
      const line = p.creators[0]!;
      return { ...p, creators: [{ ...line, contract: { ...line.contract, usageRightsDays: 90 } }] };
    }],
    ['a creator shortlisted twice', (p) => ({ ...p, shortlist: [CREATORS[0], CREATORS[0]] })],
    ['a shortlist over 200', (p) => ({ ...p, shortlist: Array.from({ length: 201 }, (_, i) => ({ ...CREATORS[0]!, id: `c${i}`, handle: `c${i}` })) })],
    ['a shortlisted creator without a handle', (p) => ({ ...p, shortlist: [{ ...CREATORS[0]!, handle: '' }] })],
    ['a creator listed twice', (p) => ({ ...p, creators: [p.creators[0], p.creators[0]] })],
  ])('refuses %s', (_, change) => {
    expect(planSchema.safeParse(change(valid())).success).toBe(false);
  });

  it('refuses a workspace without plans', () => {
    expect(persistedWorkspaceSchema.safeParse({ plans: [], openPlanId: '' }).success).toBe(false);
  });

  it('accepts a filled-in contract and a full shortlist of catalog snapshots', () => {
    const p = valid();
    const line = p.creators[0]!;
    const contract = {
      terms: { ...line.contract.terms, deadlines: { agreed: true, note: 'Drafts by the 15th' } },
      usageRightsDays: 'ninety',
      exclusivityDays: '30',
      contentDueDate: '2024-01-15',
    };
    const shortlist = Array.from({ length: 200 }, (_, i) => ({ ...CREATORS[i % CREATORS.length]!, id: `c${i}`, handle: `c${i}` }));
    const plan = { ...p, creators: [{ ...line, contract }], shortlist };
    expect(planSchema.safeParse(plan)).toMatchObject({ success: true, data: plan });
  });
});
