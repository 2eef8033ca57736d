import { describe, expect, it, vi } from 'vitest';
import { emptyContract } from '../../src/domain/contract';
import { newPlan } from '../../src/domain/plan';
import type { KeyValueStorage } from '../../src/lib/storage';
import {
  BACKUP_PREFIX,
  backUp,
  guardedStorage,
  migratePlanState,
  migrateV1toV2,
  migrateV2toV3,
  PLAN_STORAGE_KEY,
  PLAN_STORAGE_VERSION,
} from '../../src/store/persistence';
import { persistedPlanStateSchema, type PersistedPlanState } from '../../src/store/plan-schema';
import { CREATORS } from '../../mocks/data/creators';
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
    formats: [
      formatLine('in-feed', '60,000', { buyingModel: 'CPC' }),
      formatLine('brand-takeover', '2', { included: false, pacing: 'front-loaded', category: 'Travel' }),
    ],
    creators: [creatorLine({ postDates: ['', '2024-01-20'], sparkBudget: '$5,000' })],
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

  it('leaves state of a version it cannot read for validation to refuse', () => {
    const old = { plan: { name: 'old shape' } };
    expect(persistedPlanStateSchema.safeParse(migratePlanState(old, 0)).success).toBe(false);
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

  it('turns a realistic version-1 plan into a valid current plan that plans as before (through every step)', () => {
    const before = structuredClone(V1_STATE);
    const migrated = migratePlanState(V1_STATE, 1);
    // The stored object is not changed in place.
    expect(V1_STATE).toEqual(before);

    const parsed = persistedPlanStateSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    const plan = parsed.data?.plan;
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
    expect(plan?.creators).toEqual([{ ...V1_STATE.plan.creators[0], postDates: [], sparkBudget: '', contract: emptyContract() }]);
    expect(plan?.shortlist).toEqual([]);
    // Version 1 planned the U.S. only: its audience universe is the U.S. universe.
    expect(plan?.assumptionOverrides).toEqual({ universeUS: '30,000,000', averageOrderValue: '45' });
    // Everything else is kept as typed.
    expect(plan).toMatchObject({
      name: 'Spring launch',
      goal: 'engagement',
      kpiTarget: '250,000',
      otherKpiTargets: { awareness: '1000000' },
      totalBudget: '$150,000',
      updatedAt: '2024-02-20T09:30:00.000Z',
    });
  });

  it('loads through the guarded storage as a page load would, without a backup', async () => {
    const raw = envelope(V1_STATE, 1);
    const { storage, guarded } = setUp(raw);
    const hydrated = await guarded.getItem(PLAN_STORAGE_KEY);
    expect(hydrated).toEqual({ state: V1_STATE, version: 1 });
    const checked = guarded.check(migratePlanState(hydrated?.state, hydrated?.version ?? 0));
    expect(checked).toMatchObject({ ok: true, state: { plan: { assumptionOverrides: { universeUS: '30,000,000' } } } });
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

  it('adds an empty shortlist and an empty contract to every creator line, keeping the rest', () => {
    const before = structuredClone(V2_STATE);
    const migrated = migratePlanState(V2_STATE, 2);
    expect(V2_STATE).toEqual(before);
    const parsed = persistedPlanStateSchema.safeParse(migrated);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.plan).toEqual({
      ...V2_STATE.plan,
      shortlist: [],
      retiredContracts: {},
      creators: V2_STATE.plan.creators.map((c) => ({ ...c, contract: emptyContract() })),
    });
  });

  it('loads through the guarded storage as a page load would, without a backup', async () => {
    const { storage, guarded } = setUp(envelope(V2_STATE, 2));
    const hydrated = await guarded.getItem(PLAN_STORAGE_KEY);
    expect(hydrated).toEqual({ state: V2_STATE, version: 2 });
    const checked = guarded.check(migratePlanState(hydrated?.state, hydrated?.version ?? 0));
    expect(checked).toMatchObject({ ok: true, state: { plan: { name: 'Summer drop', shortlist: [] } } });
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
    expect(persistedPlanStateSchema.safeParse(migrated).success).toBe(false);
  });
});

describe('plan schema: version 3 fields', () => {
  const valid = () => structuredClone(VALID_STATE);

  it('stores at version 3', () => {
    expect(PLAN_STORAGE_VERSION).toBe(3);
  });

  it.each<[string, (s: PersistedPlanState) => unknown]>([
    ['an eighth contract term', (s) => {
      const line = s.plan.creators[0]!;
      return { plan: { ...s.plan, creators: [{ ...line, contract: { ...line.contract, terms: { ...line.contract.terms, bonus: { agreed: true, note: '' } } } }] } };
    }],
    ['a note over 2,000 characters', (s) => {
      const line = s.plan.creators[0]!;
      const terms = { ...line.contract.terms, ownership: { agreed: false, note: 'x'.repeat(2001) } };
      return { plan: { ...s.plan, creators: [{ ...line, contract: { ...line.contract, terms } }] } };
    }],
    ['a day count that is a number', (s) => {
      const line = s.plan.creators[0]!;
      return { plan: { ...s.plan, creators: [{ ...line, contract: { ...line.contract, usageRightsDays: 90 } }] } };
    }],
    ['a creator shortlisted twice', (s) => ({ plan: { ...s.plan, shortlist: [CREATORS[0], CREATORS[0]] } })],
    ['a shortlist over 200', (s) => ({ plan: { ...s.plan, shortlist: Array.from({ length: 201 }, (_, i) => ({ ...CREATORS[0]!, id: `c${i}`, handle: `c${i}` })) } })],
    ['a shortlisted creator without a handle', (s) => ({ plan: { ...s.plan, shortlist: [{ ...CREATORS[0]!, handle: '' }] } })],
  ])('refuses %s', (_, change) => {
    expect(persistedPlanStateSchema.safeParse(change(valid())).success).toBe(false);
  });

  it('accepts a filled-in contract and a full shortlist of catalog snapshots', () => {
    const s = valid();
    const line = s.plan.creators[0]!;
    const contract = {
      terms: { ...line.contract.terms, deadlines: { agreed: true, note: 'Drafts by the 15th' } },
      usageRightsDays: 'ninety',
      exclusivityDays: '30',
      contentDueDate: '2024-01-15',
    };
    const shortlist = Array.from({ length: 200 }, (_, i) => ({ ...CREATORS[i % CREATORS.length]!, id: `c${i}`, handle: `c${i}` }));
    const state = { plan: { ...s.plan, creators: [{ ...line, contract }], shortlist } };
    expect(persistedPlanStateSchema.safeParse(state)).toMatchObject({ success: true, data: state });
  });
});
