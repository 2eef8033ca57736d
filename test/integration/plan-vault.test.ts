import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { indexedDbVault, type PlanVault } from '../../src/lib/plan-vault';
import { STORAGE_QUOTA_CHARS, storageUsed, type KeyValueStorage } from '../../src/lib/storage';
import {
  guardedStorage,
  PLAN_STORAGE_VERSION,
  planKey,
  plansInVault,
  VAULT_STORAGE_KEY,
  WORKSPACE_STORAGE_KEY,
  type CheckedWorkspace,
  type WorkspaceStorage,
} from '../../src/store/persistence';
import { buildPlan } from '../utils/builders';

// jsdom's localStorage has the browsers' quota (5 million characters) and throws QuotaExceededError past it.

/** A plan of about `size` characters more than a blank one (a long KPI target stands in for a plan's many lines). */
const plan = (id: string, name = `Plan ${id}`, size = 0): Plan => buildPlan({ id, name, kpiTarget: '1'.repeat(size) });

/** Fills localStorage with another key until about `leave` characters are left. */
function fill(leave: number) {
  const key = 'someone.else';
  localStorage.removeItem(key);
  localStorage.setItem(key, 'x'.repeat(STORAGE_QUOTA_CHARS - (storageUsed(localStorage) ?? 0) - leave - key.length));
}

/** A vault in a fresh IndexedDB of its own. */
const freshVault = () => indexedDbVault(new IDBFactory());


interface Page {
  guarded: WorkspaceStorage;
  onSaveError: ReturnType<typeof vi.fn<(message: string | null) => void>>;
  onConflict: ReturnType<typeof vi.fn<(id: string, theirs: string) => void>>;
  loaded: CheckedWorkspace;
}

/** A page load as the app does it: the vault read first, then the plans from both. */
async function openPage(vault: PlanVault | null, store: KeyValueStorage = localStorage): Promise<Page> {
  const onSaveError = vi.fn<(message: string | null) => void>();
  const onConflict = vi.fn<(id: string, theirs: string) => void>();
  const guarded = guardedStorage(store, { onSaveError, onConflict });
  guarded.useVault(vault, vault ? await vault.readAll() : new Map());
  const value = guarded.getItem(WORKSPACE_STORAGE_KEY);
  if (value !== null && 'then' in value) throw new Error('getItem is synchronous');
  return { guarded, onSaveError, onConflict, loaded: guarded.check(value?.state) };
}

/** The failures the page reported (a null report says saving works again). */
const failuresReported = (page: Page) => page.onSaveError.mock.calls.map(([message]) => message).filter((m) => m !== null);

/** What `persist` writes after a store update; resolves once its writes to the vault have finished. */
function save(page: Page, plans: Plan[], openPlanId = plans[0]?.id ?? ''): Promise<void> {
  page.guarded.setItem(WORKSPACE_STORAGE_KEY, { state: { plans, openPlanId }, version: PLAN_STORAGE_VERSION });
  return page.guarded.whenWritten();
}

describe('the IndexedDB vault', () => {
  it('keeps, lists and deletes plans, in the order they were written', async () => {
    const vault = freshVault();
    const writes = Array.from({ length: 20 }, (_, i) => vault.put('a', `v${i}`, i === 0 ? null : `v${i - 1}`));
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 20 }, () => ({ ok: true })));
    await vault.put('b', 'B', null);
    expect(await vault.readAll()).toEqual(new Map([['a', 'v19'], ['b', 'B']]));
    expect(await vault.remove('b', 'B')).toEqual({ ok: true });
    expect(await vault.readAll()).toEqual(new Map([['a', 'v19']]));
  });

  it('never overwrites or deletes a copy it was not expecting (another tab’s), and says what is there', async () => {
    const vault = freshVault();
    await vault.put('a', 'theirs', null);
    expect(await vault.put('a', 'mine', 'what I read earlier')).toEqual({ ok: false, current: 'theirs' });
    expect(await vault.remove('a', 'what I read earlier')).toEqual({ ok: false, current: 'theirs' });
    expect(await vault.readAll()).toEqual(new Map([['a', 'theirs']]));
    // Nothing stored never refuses: a plan new there, or deleted there since.
    expect(await vault.put('c', 'new', 'anything')).toEqual({ ok: true });
  });
});

describe('plans that no longer fit in localStorage', () => {
  it('move to the vault without a word of failure, and the next page load finds every plan, in order', async () => {
    const vault = freshVault();
    const first = await openPage(vault);
    const small = [plan('a'), plan('b')];
    await save(first, small);
    // Room for a small plan, not for a 30,000-character one.
    fill(5_000);
    const big = plan('big', 'Big plan', 30_000);
    const plans = [...small, big, plan('c')];
    await save(first, plans, 'big');
    expect(first.onSaveError).not.toHaveBeenCalledWith(expect.any(String));
    expect(localStorage.getItem(planKey('big'))).toBeNull();
    expect(localStorage.getItem(planKey('c'))).not.toBeNull();
    expect(JSON.parse(localStorage.getItem(VAULT_STORAGE_KEY) ?? '[]')).toEqual(['big']);
    expect(first.guarded.vaultUsage()).toEqual({ plans: 1, chars: JSON.stringify(big).length });
    expect(plansInVault(localStorage)).toEqual(['big']);

    // Edits of a plan in the vault are saved there.
    const edited = { ...big, name: 'Big plan, edited' };
    await save(first, [small[0] as Plan, small[1] as Plan, edited, plan('c')], 'big');

    const next = await openPage(vault);
    expect(next.loaded.plans.map((p) => p.name)).toEqual(['Plan a', 'Plan b', 'Big plan, edited', 'Plan c']);
    expect(next.loaded.openPlanId).toBe('big');
    expect(next.loaded.recovery).toBeNull();
  });

  it('are not saved, and that is said, where the browser has no vault', async () => {
    fill(5_000);
    const page = await openPage(null);
    await save(page, [plan('a')]);
    await save(page, [plan('a'), plan('big', 'Big plan', 30_000)]);
    expect(page.onSaveError).toHaveBeenLastCalledWith(expect.stringMatching(/^Browser storage is full\./));
    expect(page.guarded.room()).toBeLessThan(5_000);
  });

  it('have no limit to announce where the vault takes them, and one where there is none', async () => {
    fill(5_000);
    expect((await openPage(freshVault())).guarded.room()).toBeNull();
    const without = (await openPage(null)).guarded.room();
    expect(without).toBeGreaterThan(4_900);
    expect(without).toBeLessThanOrEqual(5_000);
  });

  it('a plan another tab saved in the vault since this page read it is a conflict, never overwritten', async () => {
    const vault = freshVault();
    const page = await openPage(vault);
    fill(5_000);
    const big = plan('big', 'Big plan', 30_000);
    await save(page, [big]);
    const theirs = JSON.stringify({ ...big, name: 'Edited in another tab' });
    await vault.put('big', theirs, JSON.stringify(big));
    await save(page, [{ ...big, name: 'Edited here' }]);
    expect(page.onConflict).toHaveBeenCalledWith('big', theirs);
    expect((await vault.readAll()).get('big')).toBe(theirs);
  });

  it('a plan another tab moved to the vault is saved there by this page too, never taken for deleted', async () => {
    const vault = freshVault();
    const a = plan('a', 'A');
    const page = await openPage(vault);
    await save(page, [a]);
    // The other tab: the plan into the vault, listed, then its localStorage copy removed.
    await vault.put('a', JSON.stringify(a), null);
    localStorage.setItem(VAULT_STORAGE_KEY, JSON.stringify(['a']));
    localStorage.removeItem(planKey('a'));
    expect(page.guarded.movedToVault('a')).toBe(true);
    expect(page.guarded.movedToVault('never-listed')).toBe(false);
    await save(page, [{ ...a, name: 'Edited here after the move' }]);
    expect(localStorage.getItem(planKey('a'))).toBeNull();
    expect(JSON.parse((await vault.readAll()).get('a') ?? '{}')).toMatchObject({ name: 'Edited here after the move' });
    expect(page.onConflict).not.toHaveBeenCalled();
    expect(failuresReported(page)).toEqual([]);
  });

  it('a deleted plan leaves the vault and its list', async () => {
    const vault = freshVault();
    const page = await openPage(vault);
    fill(5_000);
    const big = plan('big', 'Big plan', 30_000);
    await save(page, [plan('a'), big]);
    await save(page, [plan('a')]);
    expect(await vault.readAll()).toEqual(new Map());
    expect(localStorage.getItem(VAULT_STORAGE_KEY)).toBeNull();
    expect(plansInVault(localStorage)).toEqual([]);
  });

  it('a move cut short (both copies stored) loads the vault’s copy and removes the older one', async () => {
    const vault = freshVault();
    const older = plan('a', 'Older');
    localStorage.setItem(planKey('a'), JSON.stringify(older));
    localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'a', planIds: ['a'] }, version: PLAN_STORAGE_VERSION }));
    await vault.put('a', JSON.stringify({ ...older, name: 'Later' }), null);
    const page = await openPage(vault);
    expect(page.loaded.plans.map((p) => p.name)).toEqual(['Later']);
    expect(localStorage.getItem(planKey('a'))).toBeNull();
  });

  it('plans in a vault that can’t be read stay listed, untouched, through this page’s saves', async () => {
    localStorage.setItem(VAULT_STORAGE_KEY, JSON.stringify(['far']));
    localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'a', planIds: ['a', 'far'] }, version: PLAN_STORAGE_VERSION }));
    localStorage.setItem(planKey('a'), JSON.stringify(plan('a')));
    const guarded = guardedStorage(localStorage, { onSaveError: () => {} });
    guarded.useVault(null, new Map(), plansInVault(localStorage));
    guarded.getItem(WORKSPACE_STORAGE_KEY);
    guarded.setItem(WORKSPACE_STORAGE_KEY, { state: { plans: [plan('a', 'Edited')], openPlanId: 'a' }, version: PLAN_STORAGE_VERSION });
    const index = JSON.parse(localStorage.getItem(WORKSPACE_STORAGE_KEY) ?? '{}') as { state: { planIds: string[] } };
    expect(index.state.planIds).toEqual(['a', 'far']);
    expect(JSON.parse(localStorage.getItem(VAULT_STORAGE_KEY) ?? '[]')).toEqual(['far']);
  });

  it('a vault write that fails is reported, and the next edit tries again', async () => {
    const real = freshVault();
    let refuse = true;
    const flaky: PlanVault = {
      readAll: () => real.readAll(),
      put: (id, raw, expected) => (refuse ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : real.put(id, raw, expected)),
      remove: (id, expected) => real.remove(id, expected),
    };
    const page = await openPage(flaky);
    fill(5_000);
    const big = plan('big', 'Big plan', 30_000);
    await save(page, [big]);
    expect(page.onSaveError).toHaveBeenLastCalledWith(expect.stringMatching(/^Browser storage is full\./));
    refuse = false;
    await save(page, [{ ...big, name: 'Saved at last' }]);
    expect(page.onSaveError).toHaveBeenLastCalledWith(null);
    expect(JSON.parse((await real.readAll()).get('big') ?? '{}')).toMatchObject({ name: 'Saved at last' });
  });
});

/** localStorage with a small quota (20,000 characters), so a few plans fill it. */
class SmallStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  constructor(public quota: number) {}
  /** What it holds, in characters (keys and values). */
  get used(): number {
    let used = 0;
    for (const [k, v] of this.data) used += k.length + v.length;
    return used;
  }
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [k, v] of this.data) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

describe('when even the list of plans no longer fits', () => {
  it('the largest plan still in localStorage moves to the vault to make room for it: nothing is reported, and a load finds every plan', async () => {
    const storage = new SmallStorage(100_000);
    const vault = freshVault();
    const page = await openPage(vault, storage);
    const [a, b, c] = [plan('a', 'A', 2_000), plan('b', 'B', 6_000), plan('c', 'C')];
    await save(page, [a, b]);
    // Full to the character: the new plan doesn't fit, and neither does the longer list.
    storage.quota = storage.used;
    await save(page, [a, b, c]);
    expect(failuresReported(page)).toEqual([]);
    expect([...(await vault.readAll()).keys()].sort()).toEqual(['b', 'c']);
    expect(storage.getItem(planKey('b'))).toBeNull();
    expect(storage.getItem(planKey('a'))).not.toBeNull();
    expect((await openPage(vault, storage)).loaded.plans.map((p) => p.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('random workspaces over a small localStorage and a vault', () => {
  const step = fc.record({
    // Plans by id from a pool of six, each of a random size, in a random order.
    plans: fc.uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), size: fc.nat({ max: 9_000 }) }), {
      selector: (p) => p.id,
      maxLength: 6,
    }),
    // Whether the page waits for its vault writes before the next save (else saves overlap them).
    wait: fc.boolean(),
  });

  it('never report a failure, and a page load finds exactly the plans last saved, in order, as last saved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const storage = new SmallStorage(20_000);
        const vault = freshVault();
        const page = await openPage(vault, storage);
        let last: Plan[] = [];
        for (const [n, { plans, wait }] of steps.entries()) {
          last = plans.map(({ id, size }) => plan(id, `${id} after step ${n}`, size));
          const written = save(page, last);
          if (wait) await written;
        }
        await page.guarded.whenWritten();
        expect(failuresReported(page)).toEqual([]);

        const { loaded } = await openPage(vault, storage);
        expect(loaded.recovery).toBeNull();
        expect(loaded.plans.map((p) => `${p.id}: ${p.name}`)).toEqual(last.map((p) => `${p.id}: ${p.name}`));
        // Nothing left behind: every plan stored is in the workspace.
        const stored = new Set([...(await vault.readAll()).keys(), ...[...storage.data.keys()].filter((k) => k.startsWith('reachplan.plans.')).map((k) => k.slice(16))]);
        expect([...stored].sort()).toEqual(last.map((p) => p.id).sort());
      }),
      { numRuns: 60, seed: 20261207 },
    );
  }, 60_000);
});
