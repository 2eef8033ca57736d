import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { Plan } from '../../src/domain/plan';
import { PLAN_STORAGE_VERSION, planKey, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';
import { applyStorageChange, useNotices, useOpenPlanId, useOutdatedBy, usePlan, usePlans, useUndoState } from '../../src/store/plan-store';
import { buildPlan } from '../utils/builders';
import { backupKeys, savedIndex, savedPlan, seedWorkspace } from '../utils/seed';
import { simulateReload } from '../utils/reload';
import { planActions } from '../utils/plan-actions';

/** This tab's store as components see it, read once. */
function thisTab() {
  const { result, unmount } = renderHook(() => ({
    plans: usePlans(),
    openPlanId: useOpenPlanId(),
    plan: usePlan(),
    notices: useNotices(),
    undoState: useUndoState(),
    outdatedBy: useOutdatedBy(),
  }));
  const value = result.current;
  unmount();
  return value;
}
const noticeTexts = () => thisTab().notices.map((n) => n.text);

/** Another tab writes (or, with null, deletes) `key`, and this tab hears of it. */
function otherTabWrites(key: string, value: string | null): void {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  applyStorageChange(key, value);
}

/** The same, heard the way the browser tells it: a `storage` event on the window. */
function otherTabWritesWithEvent(key: string, value: string | null, storageArea: Storage = localStorage): void {
  if (value === null) storageArea.removeItem(key);
  else storageArea.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea }));
}

/** Lets the store's deferred work (conflicts, save reports) run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const SPRING = buildPlan({ id: 'plan-a', name: 'Spring', updatedAt: '2024-06-01T09:00:00.000Z' });
const SUMMER = buildPlan({ id: 'plan-b', name: 'Summer', updatedAt: '2024-06-01T09:00:00.000Z' });
const later = (plan: Plan, change: Partial<Plan>): Plan => ({ ...plan, ...change, updatedAt: '2024-06-01T11:00:00.000Z' });

beforeEach(() => {
  // Edits here are stamped 10:00: between the seeded plans (9:00) and the other tab's later saves (11:00).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2024-06-01T10:00:00.000Z'));
  seedWorkspace([SPRING, SUMMER], 'plan-a');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a plan saved in another tab', () => {
  it('replaces this tab’s older copy of the open plan, with a notice, and drops its undo steps', () => {
    planActions().setTotalBudget('5000');
    const theirs = JSON.stringify(later(SPRING, { name: 'Spring (edited elsewhere)', totalBudget: '9000' }));
    otherTabWrites(planKey('plan-a'), theirs);
    expect(thisTab()).toMatchObject({
      openPlanId: 'plan-a',
      plan: { name: 'Spring (edited elsewhere)', totalBudget: '9000' },
      undoState: { canUndo: false, canRedo: false },
    });
    expect(noticeTexts()).toEqual(['This plan was updated with changes made in another tab.']);
    // Taken as saved: not written back (their exact text stays).
    expect(localStorage.getItem(planKey('plan-a'))).toBe(theirs);
  });

  it('keeps one such notice however often the plan is updated', () => {
    otherTabWrites(planKey('plan-a'), JSON.stringify(later(SPRING, { name: 'One' })));
    otherTabWrites(planKey('plan-a'), JSON.stringify(later(SPRING, { name: 'Two' })));
    expect(noticeTexts()).toEqual(['This plan was updated with changes made in another tab.']);
    expect(thisTab().plan.name).toBe('Two');
  });

  it('replaces a closed plan quietly', () => {
    const theirs = later(SUMMER, { name: 'Summer sale' });
    otherTabWrites(planKey('plan-b'), JSON.stringify(theirs));
    expect(thisTab().plans).toEqual([SPRING, theirs]);
    expect(thisTab()).toMatchObject({ openPlanId: 'plan-a', plan: SPRING, notices: [] });
  });

  it('is heard through the window’s storage event', () => {
    const theirs = later(SPRING, { name: 'Heard through the event' });
    otherTabWritesWithEvent(planKey('plan-a'), JSON.stringify(theirs));
    expect(thisTab().plan.name).toBe('Heard through the event');
    expect(noticeTexts()).toHaveLength(1);
  });

  it('is not heard from session storage, which is not shared between tabs', () => {
    otherTabWritesWithEvent(planKey('plan-a'), JSON.stringify(later(SPRING, { name: 'Session' })), sessionStorage);
    onTestFinished(() => sessionStorage.clear());
    expect(thisTab().plan).toEqual(SPRING);
  });

  it('leaves this tab free to edit it afterwards, saved as usual (no conflict)', async () => {
    otherTabWrites(planKey('plan-a'), JSON.stringify(later(SPRING, { name: 'Theirs' })));
    vi.setSystemTime(new Date('2024-06-01T12:00:00.000Z'));
    planActions().setTotalBudget('4242');
    await settle();
    expect(savedPlan('plan-a')).toMatchObject({ name: 'Theirs', totalBudget: '4242' });
    expect(thisTab().plans.map((p) => p.id)).toEqual(['plan-a', 'plan-b']);
  });

  it('does not replace a newer copy here, which stays saved', () => {
    planActions().setTotalBudget('5000');
    const mine = thisTab().plan;
    const older = { ...SPRING, name: 'Older elsewhere', updatedAt: '2024-06-01T09:30:00.000Z' };
    otherTabWrites(planKey('plan-a'), JSON.stringify(older));
    expect(thisTab().plan).toEqual(mine);
    expect(thisTab().notices).toEqual([]);
    expect(savedPlan('plan-a')).toEqual(mine);
  });

  it('is added to this tab when new to it, at the end, without opening it', () => {
    const autumn = buildPlan({ id: 'plan-c', name: 'Autumn' });
    const raw = JSON.stringify(autumn);
    otherTabWritesWithEvent(planKey('plan-c'), raw);
    expect(thisTab().plans).toEqual([SPRING, SUMMER, autumn]);
    expect(thisTab()).toMatchObject({ openPlanId: 'plan-a', notices: [] });
    expect(localStorage.getItem(planKey('plan-c'))).toBe(raw);
    // A reload here finds it too.
    simulateReload();
    expect(thisTab().plans.map((p) => p.id)).toEqual(['plan-a', 'plan-b', 'plan-c']);
  });
});

describe('a plan deleted in another tab', () => {
  it('is removed here when it is not open', () => {
    otherTabWritesWithEvent(planKey('plan-b'), null);
    expect(thisTab().plans).toEqual([SPRING]);
    expect(thisTab().notices).toEqual([]);
    expect(localStorage.getItem(planKey('plan-b'))).toBeNull();
    expect(savedIndex().state.planIds).toEqual(['plan-a']);
  });

  it('stays open here, with a notice, and is saved again when edited', () => {
    otherTabWrites(planKey('plan-a'), null);
    expect(thisTab()).toMatchObject({ openPlanId: 'plan-a', plan: SPRING });
    expect(thisTab().plans).toEqual([SPRING, SUMMER]);
    expect(noticeTexts()).toEqual(['“Spring” was deleted in another tab. It stays open here, and is saved again if you edit it.']);
    planActions().renamePlan('Spring, kept');
    expect(savedPlan('plan-a').name).toBe('Spring, kept');
  });

  // The notice's own store update must not save the plan again: that would undo the deletion in the other tab
  // (the plan would come back there as "new"). The notice promises a save only on an edit.
  it('stays deleted from storage until it is edited here', () => {
    otherTabWrites(planKey('plan-a'), null);
    expect(noticeTexts()).toHaveLength(1);
    expect(localStorage.getItem(planKey('plan-a'))).toBeNull();
    // Work on another plan saves that plan, not this one.
    planActions().renamePlanById('plan-b', 'Summer, edited');
    expect(localStorage.getItem(planKey('plan-a'))).toBeNull();
    planActions().setTotalBudget('5000');
    expect(savedPlan('plan-a').totalBudget).toBe('5000');
  });

  it('ignores a deletion of a plan this tab does not have', () => {
    otherTabWrites(planKey('unknown'), null);
    expect(thisTab()).toMatchObject({ plans: [SPRING, SUMMER], notices: [] });
  });
});

describe('what another tab writes that is not a plan', () => {
  it.each<[string, string | null, string | null]>([
    ['invalid JSON', planKey('plan-a'), '{"id":"plan-a",'],
    ['a plan that fails the schema', planKey('plan-a'), JSON.stringify({ ...later(SPRING, {}), goal: 'fame' })],
    ['a plan under another plan’s key', planKey('plan-a'), JSON.stringify(later(SUMMER, { name: 'Wrong key' }))],
    ['the index', WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'x', planIds: ['x'] }, version: 5 })],
    ['another app’s key', 'someone.else', 'whatever'],
    ['a cleared storage (no key)', null, null],
  ])('ignores %s', (_, key, value) => {
    if (key === null) applyStorageChange(null, null);
    else otherTabWrites(key, value);
    expect(thisTab()).toMatchObject({ plans: [SPRING, SUMMER], openPlanId: 'plan-a', plan: SPRING, notices: [] });
  });

  it.each([
    ['a damaged write', '{"id":"plan-a",'],
    ['a plan in a shape this version can’t read', JSON.stringify({ id: 'plan-a', name: 'Spring, next version', lines: [] })],
  ])('backs up %s before this tab’s next save replaces it, and says where it is', async (_, theirs) => {
    otherTabWrites(planKey('plan-a'), theirs);
    planActions().setTotalBudget('5000');
    await settle();
    expect(thisTab().plans.map((p) => p.id)).toEqual(['plan-a', 'plan-b']);
    expect(savedPlan('plan-a')).toMatchObject({ name: 'Spring', totalBudget: '5000' });
    const [backup] = backupKeys();
    expect(backupKeys()).toHaveLength(1);
    expect(localStorage.getItem(backup ?? '')).toBe(theirs);
    const [notice] = thisTab().notices;
    expect(notice?.text).toContain(`Its copy was kept in a backup in this browser (${backup})`);
    expect(notice?.copy).toMatchObject({ text: theirs, label: 'Download the other tab’s copy' });
  });

  it('backs up what another tab saved since, when this tab deletes the plan', async () => {
    const theirs = JSON.stringify({ id: 'plan-b', name: 'Summer, next version', lines: [] });
    otherTabWrites(planKey('plan-b'), theirs);
    planActions().deletePlan('plan-b');
    await settle();
    expect(localStorage.getItem(planKey('plan-b'))).toBeNull();
    expect(backupKeys().map((key) => localStorage.getItem(key))).toEqual([theirs]);
  });
});

describe('a real conflict: both tabs changed the same plan', () => {
  const theirs = JSON.stringify(later(SPRING, { name: 'Spring (their edits)', totalBudget: '9000' }));

  it('keeps both: the other tab’s under the plan’s id, this tab’s as a copy that is opened, with a notice', async () => {
    // Another tab saved the plan, and this tab has not heard of it yet.
    localStorage.setItem(planKey('plan-a'), theirs);
    planActions().setTotalBudget('5000');
    await settle();

    const { plans, openPlanId, plan, notices } = thisTab();
    expect(plans.map((p) => p.name)).toEqual(['Spring (their edits)', 'Spring (this tab’s edits)', 'Summer']);
    expect(plans[0]).toMatchObject({ id: 'plan-a', totalBudget: '9000' });
    const copy = plans[1];
    expect(copy).toMatchObject({ totalBudget: '5000', scenarioOf: null });
    expect(copy?.id).not.toBe('plan-a');
    expect(openPlanId).toBe(copy?.id);
    expect(plan).toBe(copy);
    expect(notices.map((n) => n.text)).toEqual([
      '“Spring” was changed in another tab at the same time. Both versions are kept: the other tab’s under its name, this tab’s as “Spring (this tab’s edits)”, now open.',
    ]);

    // Their text is left as it was; this tab's edits are saved under the copy.
    expect(localStorage.getItem(planKey('plan-a'))).toBe(theirs);
    expect(savedPlan(copy?.id)).toEqual(copy);
    expect(savedIndex().state).toEqual({ openPlanId: copy?.id, planIds: ['plan-a', copy?.id, 'plan-b'] });

    simulateReload();
    expect(thisTab().plans.map((p) => p.name)).toEqual(['Spring (their edits)', 'Spring (this tab’s edits)', 'Summer']);
    expect(thisTab().openPlanId).toBe(copy?.id);
  });

  // Undo steps of this tab kept under the plan's id would put this tab's older version back over the other tab's,
  // and save it over the other tab's text.
  it('leaves no undo step that would put this tab’s older version back over the other tab’s', async () => {
    localStorage.setItem(planKey('plan-a'), theirs);
    const actions = planActions();
    actions.setExcludeWeekends(true);
    await settle();
    actions.openPlan('plan-a');
    expect(thisTab()).toMatchObject({ plan: { name: 'Spring (their edits)' }, undoState: { canUndo: false, canRedo: false } });
    actions.undo();
    expect(thisTab().plan).toMatchObject({ name: 'Spring (their edits)', totalBudget: '9000' });
    expect(localStorage.getItem(planKey('plan-a'))).toBe(theirs);
  });

  it('keeps both for a plan that is not open, and leaves the open one open', async () => {
    const theirSummer = JSON.stringify(later(SUMMER, { name: 'Summer (theirs)' }));
    localStorage.setItem(planKey('plan-b'), theirSummer);
    planActions().renamePlanById('plan-b', 'Summer (mine)');
    await settle();
    const { plans, openPlanId, notices } = thisTab();
    expect(plans.map((p) => p.name)).toEqual(['Spring', 'Summer (theirs)', 'Summer (mine) (this tab’s edits)']);
    expect(openPlanId).toBe('plan-a');
    expect(notices.map((n) => n.text)).toEqual([
      '“Summer (mine)” was changed in another tab at the same time. Both versions are kept: the other tab’s under its name, this tab’s as “Summer (mine) (this tab’s edits)”.',
    ]);
    expect(localStorage.getItem(planKey('plan-b'))).toBe(theirSummer);
  });

  it('is no conflict once this tab has heard of the other tab’s save', async () => {
    otherTabWrites(planKey('plan-a'), theirs);
    planActions().setTotalBudget('5000');
    await settle();
    expect(thisTab().plans.map((p) => p.name)).toEqual(['Spring (their edits)', 'Summer']);
    expect(savedPlan('plan-a')).toMatchObject({ name: 'Spring (their edits)', totalBudget: '5000' });
  });
});

describe('another tab running a newer version of Reachplan', () => {
  const NEWER = PLAN_STORAGE_VERSION + 1;
  /** The newer version's index, and its plans in a shape this version can't read. */
  const newerIndex = JSON.stringify({ state: { openPlanId: 'plan-a', planIds: ['plan-a', 'plan-b'] }, version: NEWER });
  const newerPlan = (id: string, name: string) => JSON.stringify({ id, name, lines: [], budget: { total: 1, currency: 'USD' } });
  /** Everything in localStorage, as text. */
  const snapshot = (): Record<string, string> => ({ ...localStorage });

  /** The updated tab saves the workspace as its version does: its plans, then the index. This tab hears each write. */
  function newerTabSaves(): void {
    otherTabWritesWithEvent(planKey('plan-a'), newerPlan('plan-a', 'Spring, next version'));
    otherTabWritesWithEvent(planKey('plan-b'), newerPlan('plan-b', 'Summer, next version'));
    otherTabWritesWithEvent(WORKSPACE_STORAGE_KEY, newerIndex);
  }

  // A newer version's index must not reach the next test's page load.
  afterEach(() => {
    localStorage.clear();
  });

  it('stops this tab writing as soon as its index is heard of: edits stay here, its data stays byte for byte', async () => {
    newerTabSaves();
    await settle();
    expect(thisTab().outdatedBy).toBe(NEWER);
    const theirs = snapshot();
    const actions = planActions();
    actions.setTotalBudget('5000');
    actions.renamePlanById('plan-b', 'Summer, edited here');
    actions.startNewPlan();
    actions.deletePlan('plan-a');
    await settle();
    expect(thisTab().plans.map((p) => p.name)).toEqual(['Summer, edited here', 'Untitled plan']);
    expect(snapshot()).toEqual(theirs);
  });

  it('takes in no plan the newer version saves afterwards, not even one this version could read', async () => {
    newerTabSaves();
    // A plan the newer version saved in a shape that still passes this version's schema.
    otherTabWritesWithEvent(planKey('plan-b'), JSON.stringify(later(SUMMER, { name: 'Summer (newer version)' })));
    otherTabWritesWithEvent(planKey('plan-c'), JSON.stringify(buildPlan({ id: 'plan-c', name: 'Autumn (newer version)' })));
    await settle();
    expect(thisTab().plans).toEqual([SPRING, SUMMER]);
    expect(thisTab().notices).toEqual([]);
  });

  it('hearing the newer index again adds nothing: no notice, no conflict copy, the same version reported', async () => {
    newerTabSaves();
    otherTabWritesWithEvent(WORKSPACE_STORAGE_KEY, newerIndex);
    await settle();
    expect(thisTab()).toMatchObject({ outdatedBy: NEWER, notices: [] });
  });

  it('is no reason to stop when the index is of this version or an older one', async () => {
    otherTabWritesWithEvent(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'plan-a', planIds: ['plan-a', 'plan-b'] }, version: PLAN_STORAGE_VERSION }));
    otherTabWritesWithEvent(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'plan-a', planIds: ['plan-a', 'plan-b'] }, version: PLAN_STORAGE_VERSION - 1 }));
    planActions().setTotalBudget('5000');
    await settle();
    expect(thisTab().outdatedBy).toBeNull();
    expect(savedPlan('plan-a').totalBudget).toBe('5000');
  });
});
