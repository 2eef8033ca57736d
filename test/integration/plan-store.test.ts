import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { CREATORS } from '../../mocks/data/creators';
import { emptyContract, MAX_CONTRACT_FIELD_LENGTH, MAX_CONTRACT_NOTE_LENGTH } from '../../src/domain/contract';
import { PLAN_LIMITS } from '../../src/domain/limits';
import { creatorLineFrom, MAX_SHORTLIST, MODEL_EDITION, shortlistEntryFrom, type Plan } from '../../src/domain/plan';
import type { Creator } from '../../src/domain/types';
import { planChars } from '../../src/domain/workspace';
import { PLAN_STORAGE_VERSION, planKey, UNDO_STORAGE_KEY, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';
import {
  noRoomForNow,
  reloadPlanStore,
  useLastDeleted,
  useLastReplaced,
  useNotices,
  useOpenPlanId,
  useOutdatedBy,
  usePlan,
  usePlanFullReason,
  usePlans,
  useSharedPlan,
  useShortlist,
  useUndoState,
} from '../../src/store/plan-store';
import { buildPlan } from '../utils/builders';
import { fillStorage, savedIndex, savedPlan, seedWorkspace } from '../utils/seed';
import { simulateReload } from '../utils/reload';
import { planActions } from '../utils/plan-actions';

const [maya, zach, third] = CREATORS as [Creator, Creator, Creator, ...Creator[]];

/** The store as components see it, read once. */
function workspace() {
  const { result, unmount } = renderHook(() => ({
    plans: usePlans(),
    openPlanId: useOpenPlanId(),
    plan: usePlan(),
    shared: useSharedPlan(),
    deleted: useLastDeleted(),
    notices: useNotices(),
    undoState: useUndoState(),
    outdatedBy: useOutdatedBy(),
  }));
  const value = result.current;
  unmount();
  return value;
}

const names = () => workspace().plans.map((p) => p.name);

/** Dates under test control, from `start`; returns a function that moves the clock on by `ms`. */
function clock(start = '2024-01-03T12:00:00.000Z') {
  vi.useFakeTimers({ toFake: ['Date'] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  vi.setSystemTime(new Date(start));
  return (ms: number) => vi.setSystemTime(new Date(Date.now() + ms));
}

/** A catalog row carries more than the plan keeps (its fit score). */
const catalogRow = (c: Creator) => ({ ...c, fitScore: 80 });

/** A catalog creator with measured audience data and credibility. */
const measured = CREATORS.find((c) => c.audience !== null && c.credibility !== null);
if (!measured) throw new Error('the mock catalog has no creator with audience data');

/** `count` distinct creators, numbered past the catalog. */
const manyCreators = (count: number): Creator[] =>
  Array.from({ length: count }, (_, i) => ({ ...maya, id: `creator${i}`, handle: `creator${i}` }));

describe('the shortlist', () => {
  it('keeps a snapshot of each shortlisted creator, in order, and saves it', () => {
    const actions = planActions();
    actions.shortlistCreator(catalogRow(zach));
    actions.shortlistCreator(maya);
    const saved = savedPlan();
    expect(saved.shortlist).toEqual([shortlistEntryFrom(zach), shortlistEntryFrom(maya)]);
    // Only the catalog facts: nothing the search ranked them by.
    expect(saved.shortlist[0]).not.toHaveProperty('fitScore');
    expect(saved.shortlist[0]).toEqual(zach);
    expect(saved.creators).toEqual([]);
  });

  it('keeps a creator’s measured audience and credibility, as a copy of its own, on the shortlist and on the plan', () => {
    const row = catalogRow(measured);
    const actions = planActions();
    actions.shortlistCreator(row);
    actions.addCreator(row);
    const { shortlist, creators } = workspace().plan;
    expect(shortlist).toEqual([measured]);
    expect(creators[0]).toMatchObject({ handle: measured.handle, audience: measured.audience, credibility: measured.credibility });
    // A copy: nothing the catalog does to its row reaches the plan.
    expect(shortlist[0]?.audience).not.toBe(measured.audience);
    expect(creators[0]?.audience).not.toBe(measured.audience);
    expect(savedPlan().shortlist).toEqual([measured]);
    expect(savedPlan().creators[0]).toMatchObject({ audience: measured.audience, credibility: measured.credibility });
  });

  it('lists a creator once, however often they are shortlisted, and leaves the plan untouched', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(new Date('2024-01-03T12:00:00.000Z'));
    const actions = planActions();
    actions.shortlistCreator(maya);
    vi.setSystemTime(new Date('2024-01-03T12:05:00.000Z'));
    actions.shortlistCreator({ ...maya, displayName: 'Someone else' });
    actions.unshortlistCreator('nobody');
    expect(savedPlan().shortlist).toEqual([maya]);
    // Nothing changed, so nothing was stamped.
    expect(savedPlan().updatedAt).toBe('2024-01-03T12:00:00.000Z');
  });

  it(`stops at ${MAX_SHORTLIST} creators and ignores the rest`, () => {
    const actions = planActions();
    for (const c of manyCreators(MAX_SHORTLIST + 5)) actions.shortlistCreator(c);
    const shortlist = savedPlan().shortlist;
    expect(shortlist).toHaveLength(MAX_SHORTLIST);
    expect(shortlist.at(-1)?.handle).toBe(`creator${MAX_SHORTLIST - 1}`);
    // Room again after a removal.
    actions.unshortlistCreator('creator0');
    actions.shortlistCreator(zach);
    expect(savedPlan().shortlist).toHaveLength(MAX_SHORTLIST);
    expect(savedPlan().shortlist.at(-1)?.handle).toBe(zach.handle);
  });

  it('adds no creator past the line items a plan holds, and says why before', () => {
    const full = buildPlan({ creators: Array.from({ length: PLAN_LIMITS.lineItems }, (_, i) => ({ ...creatorLineFrom(zach), handle: `c${i}` })) });
    seedWorkspace([full]);
    const { result } = renderHook(() => usePlanFullReason());
    expect(result.current).toBe('This plan holds 1,000 line items, as many as a plan may: remove one to add another.');
    planActions().addCreator(maya);
    expect(savedPlan(full.id).creators).toHaveLength(PLAN_LIMITS.lineItems);
    expect(savedPlan(full.id).creators.some((c) => c.handle === maya.handle)).toBe(false);
  });

  it('removes a creator by handle, leaving the others and the plan’s creators', () => {
    const actions = planActions();
    actions.shortlistCreator(maya);
    actions.shortlistCreator(zach);
    actions.shortlistCreator(third);
    actions.addCreator(zach);
    actions.unshortlistCreator(zach.handle);
    expect(savedPlan().shortlist.map((c) => c.handle)).toEqual([maya.handle, third.handle]);
    expect(savedPlan().creators.map((c) => c.handle)).toEqual([zach.handle]);
    actions.unshortlistCreator('nobody');
    expect(savedPlan().shortlist).toHaveLength(2);
  });

  it('is read with useShortlist', () => {
    const actions = planActions();
    const { result } = renderHook(() => useShortlist());
    expect(result.current).toEqual([]);
    act(() => actions.shortlistCreator(maya));
    expect(result.current).toEqual([maya]);
  });

  it('is saved with the plan, at storage version 6', () => {
    planActions().shortlistCreator(maya);
    expect(savedIndex()).toMatchObject({ version: 6 });
    expect(savedPlan().shortlist.map((c) => c.handle)).toEqual([maya.handle]);
  });
});

describe('contract checklist actions', () => {
  const contractOf = (handle: string) => savedPlan().creators.find((c) => c.handle === handle)?.contract;

  it('starts a creator added to the plan with an empty contract', () => {
    planActions().addCreator(maya);
    expect(contractOf(maya.handle)).toEqual(emptyContract());
  });

  it('ticks a term and writes its note, leaving the other terms and creators alone', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.addCreator(zach);
    actions.setContractTerm(maya.handle, 'disclosure', { agreed: true });
    actions.setContractTerm(maya.handle, 'disclosure', { note: '#ad in the caption' });
    actions.setContractTerm(maya.handle, 'ownership', { note: 'Reuse in paid ads' });
    const contract = contractOf(maya.handle);
    expect(contract?.terms.disclosure).toEqual({ agreed: true, note: '#ad in the caption' });
    expect(contract?.terms.ownership).toEqual({ agreed: false, note: 'Reuse in paid ads' });
    expect(contract?.terms.deadlines).toEqual({ agreed: false, note: '' });
    expect(contractOf(zach.handle)).toEqual(emptyContract());
    actions.setContractTerm(maya.handle, 'disclosure', { agreed: false });
    expect(contractOf(maya.handle)?.terms.disclosure).toEqual({ agreed: false, note: '#ad in the caption' });
  });

  it('keeps the three fields as typed, invalid text included', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.setContractField(maya.handle, 'usageRightsDays', 'ninety');
    actions.setContractField(maya.handle, 'exclusivityDays', '30');
    actions.setContractField(maya.handle, 'contentDueDate', '2030-01-01');
    expect(contractOf(maya.handle)).toMatchObject({ usageRightsDays: 'ninety', exclusivityDays: '30', contentDueDate: '2030-01-01' });
  });

  it('cuts text at what the stored plan accepts, so the plan always loads again', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.setContractTerm(maya.handle, 'messaging', { note: 'x'.repeat(MAX_CONTRACT_NOTE_LENGTH + 10) });
    actions.setContractField(maya.handle, 'usageRightsDays', '9'.repeat(MAX_CONTRACT_FIELD_LENGTH + 10));
    expect(contractOf(maya.handle)?.terms.messaging.note).toHaveLength(MAX_CONTRACT_NOTE_LENGTH);
    expect(contractOf(maya.handle)?.usageRightsDays).toHaveLength(MAX_CONTRACT_FIELD_LENGTH);
  });

  it('does nothing for a creator not in the plan', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.setContractTerm(zach.handle, 'disclosure', { agreed: true });
    actions.setContractField(zach.handle, 'exclusivityDays', '30');
    expect(savedPlan().creators.map((c) => c.handle)).toEqual([maya.handle]);
    expect(contractOf(maya.handle)).toEqual(emptyContract());
  });

  it('keeps the contract of a creator taken out of the plan: adding them again brings it back', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.setContractTerm(maya.handle, 'exclusivity', { agreed: true, note: 'No other gyms' });
    actions.setContractField(maya.handle, 'exclusivityDays', '60');
    const agreed = contractOf(maya.handle);
    actions.removeCreator(maya.handle);
    expect(savedPlan().creators).toEqual([]);
    expect(savedPlan().retiredContracts).toEqual({ [maya.handle]: agreed });
    actions.addCreator(maya);
    expect(contractOf(maya.handle)).toEqual(agreed);
    expect(savedPlan().retiredContracts).toEqual({});
  });

  it('keeps nothing for an empty contract, and at most the newest ' + MAX_SHORTLIST + ' contracts', () => {
    const actions = planActions();
    actions.addCreator(maya);
    actions.removeCreator(maya.handle);
    expect(savedPlan().retiredContracts).toEqual({});
    for (let i = 0; i <= MAX_SHORTLIST; i++) {
      const c = { ...maya, id: `c${i}`, handle: `c${i}` };
      actions.addCreator(c);
      actions.setContractField(c.handle, 'usageRightsDays', String(i));
      actions.removeCreator(c.handle);
    }
    const kept = Object.keys(savedPlan().retiredContracts);
    expect(kept).toHaveLength(MAX_SHORTLIST);
    expect(kept).not.toContain('c0');
    expect(kept.at(-1)).toBe(`c${MAX_SHORTLIST}`);
  });
});

describe('the workspace', () => {
  const planA = buildPlan({ id: 'plan-a', name: 'Spring', updatedAt: '2024-01-01T09:00:00.000Z' });
  const planB = buildPlan({ id: 'plan-b', name: 'Summer', updatedAt: '2024-03-01T09:00:00.000Z' });
  const planC = buildPlan({ id: 'plan-c', name: 'Autumn', updatedAt: '2024-02-01T09:00:00.000Z' });

  it('starts a new plan and opens it, keeping the others, and saves both', () => {
    const actions = planActions();
    const first = workspace().openPlanId;
    actions.renamePlan('First');
    actions.startNewPlan();
    const { plans, openPlanId, plan } = workspace();
    expect(plans.map((p) => p.name)).toEqual(['First', 'Untitled plan']);
    expect(openPlanId).not.toBe(first);
    expect(plan).toBe(plans[1]);
    expect(savedIndex().state).toEqual({ openPlanId, planIds: [first, openPlanId] });
    expect(savedPlan(first).name).toBe('First');
  });

  it('opens a plan by id, and ignores an id it does not have', () => {
    seedWorkspace([planA, planB]);
    const actions = planActions();
    actions.openPlan('plan-b');
    expect(workspace()).toMatchObject({ openPlanId: 'plan-b', plan: { name: 'Summer' } });
    expect(savedIndex().state.openPlanId).toBe('plan-b');
    actions.openPlan('nope');
    expect(workspace().openPlanId).toBe('plan-b');
  });

  it('renames and sets the status of a plan that is not open, stamped and saved, leaving the open one alone', () => {
    clock('2024-06-01T08:00:00.000Z');
    seedWorkspace([planA, planB]);
    const actions = planActions();
    actions.renamePlanById('plan-b', 'Summer sale');
    actions.setStatusById('plan-b', 'approved');
    expect(savedPlan('plan-b')).toMatchObject({ name: 'Summer sale', status: 'approved', updatedAt: '2024-06-01T08:00:00.000Z' });
    expect(workspace()).toMatchObject({ openPlanId: 'plan-a', plan: planA, undoState: { canUndo: false } });
    expect(savedPlan('plan-a')).toEqual(planA);
  });

  it('does not stamp a plan whose status is set to what it already is', () => {
    clock('2024-06-01T08:00:00.000Z');
    seedWorkspace([planA]);
    planActions().setStatusById('plan-a', 'draft');
    expect(workspace().plan).toBe(workspace().plans[0]);
    expect(workspace().plan.updatedAt).toBe(planA.updatedAt);
  });

  it('duplicates a plan as a copy: a draft with a fresh id and a numbered name, right after it, not opened', () => {
    clock('2024-06-01T08:00:00.000Z');
    seedWorkspace([{ ...planA, status: 'approved', totalBudget: '5000' }, planB]);
    const actions = planActions();
    const copyId = actions.duplicatePlan('plan-a', 'copy');
    const secondId = actions.duplicatePlan('plan-a', 'copy');
    expect(names()).toEqual(['Spring', 'Spring (copy 2)', 'Spring (copy)', 'Summer']);
    expect(new Set(['plan-a', copyId, secondId]).size).toBe(3);
    const copy = workspace().plans.find((p) => p.id === copyId);
    expect(copy).toEqual({
      ...planA,
      totalBudget: '5000',
      id: copyId,
      name: 'Spring (copy)',
      status: 'draft',
      scenarioOf: null,
      updatedAt: '2024-06-01T08:00:00.000Z',
    });
    expect(workspace().openPlanId).toBe('plan-a');
    expect(savedIndex().state.planIds).toEqual(['plan-a', secondId, copyId, 'plan-b']);
  });

  it('duplicates a plan as a scenario that remembers the original; a scenario of a scenario varies the same original', () => {
    seedWorkspace([planA]);
    const actions = planActions();
    const b = actions.duplicatePlan('plan-a', 'scenario');
    const c = b && actions.duplicatePlan(b, 'scenario');
    const plans = workspace().plans;
    expect(plans.map((p) => [p.name, p.scenarioOf])).toEqual([
      ['Spring', null],
      ['Spring · scenario B', 'plan-a'],
      ['Spring · scenario C', 'plan-a'],
    ]);
    expect(plans.map((p) => p.id)).toEqual(['plan-a', b, c]);
    // A copy of a scenario is a plan of its own.
    const copy = c && actions.duplicatePlan(c, 'copy');
    expect(workspace().plans.find((p) => p.id === copy)).toMatchObject({ name: 'Spring · scenario C (copy)', scenarioOf: null });
    expect(actions.duplicatePlan('nope', 'copy')).toBeNull();
  });

  it('deleting the open plan opens the most recently edited one, and removes its saved key', () => {
    seedWorkspace([planA, planB, planC], 'plan-a');
    planActions().deletePlan('plan-a');
    expect(workspace()).toMatchObject({ openPlanId: 'plan-b', plan: planB, deleted: { plan: planA, index: 0 } });
    expect(names()).toEqual(['Summer', 'Autumn']);
    expect(savedIndex().state).toEqual({ openPlanId: 'plan-b', planIds: ['plan-b', 'plan-c'] });
    expect(localStorage.getItem(planKey('plan-a'))).toBeNull();
  });

  it('deleting a plan that is not open keeps the open one', () => {
    seedWorkspace([planA, planB, planC], 'plan-c');
    planActions().deletePlan('plan-b');
    expect(workspace()).toMatchObject({ openPlanId: 'plan-c', plan: planC });
    expect(names()).toEqual(['Spring', 'Autumn']);
    planActions().deletePlan('nope');
    expect(names()).toEqual(['Spring', 'Autumn']);
  });

  it('deleting the last plan leaves a fresh one, open', () => {
    seedWorkspace([planA]);
    planActions().deletePlan('plan-a');
    const { plans, plan, openPlanId } = workspace();
    expect(plans).toHaveLength(1);
    expect(plan).toMatchObject({ name: 'Untitled plan', status: 'draft', scenarioOf: null });
    expect(openPlanId).toBe(plan.id);
    expect(plan.id).not.toBe('plan-a');
    expect(savedIndex().state.planIds).toEqual([plan.id]);
  });

  it('restores the deleted plan at the same place, opened, with its undo history', () => {
    seedWorkspace([planA, planB, planC], 'plan-b');
    const actions = planActions();
    actions.setTotalBudget('5000');
    actions.deletePlan('plan-b');
    expect(workspace().openPlanId).not.toBe('plan-b');
    actions.restoreDeleted();
    expect(names()).toEqual(['Spring', 'Summer', 'Autumn']);
    expect(workspace()).toMatchObject({ openPlanId: 'plan-b', deleted: null, plan: { totalBudget: '5000' }, undoState: { canUndo: true } });
    expect(savedPlan('plan-b').totalBudget).toBe('5000');
    actions.undo();
    expect(workspace().plan.totalBudget).toBe(planB.totalBudget);
    // Only the last deletion is kept, once.
    actions.restoreDeleted();
    expect(names()).toEqual(['Spring', 'Summer', 'Autumn']);
  });

  it('offers the last delete again after a reload, and restores it then', () => {
    seedWorkspace([planA, planB, planC], 'plan-a');
    planActions().deletePlan('plan-b');
    simulateReload();
    expect(workspace().deleted).toMatchObject({ plan: planB, index: 1 });
    planActions().restoreDeleted();
    expect(names()).toEqual(['Spring', 'Summer', 'Autumn']);
    expect(savedPlan('plan-b')).toEqual(planB);
    // Done: nothing is offered after the next reload.
    simulateReload();
    expect(workspace().deleted).toBeNull();
    expect(localStorage.getItem(UNDO_STORAGE_KEY)).toBeNull();
  });

  it('offers no undo after a reload for a plan that is back, or for damaged undo data', () => {
    seedWorkspace([planA, planB], 'plan-a');
    planActions().deletePlan('plan-b');
    localStorage.setItem(planKey('plan-b'), JSON.stringify(planB));
    simulateReload();
    expect(workspace().deleted).toBeNull();
    localStorage.setItem(UNDO_STORAGE_KEY, '{"deleted":');
    simulateReload();
    expect(workspace().deleted).toBeNull();
  });

  it('restores the last plan deleted next to the fresh one made in its place', () => {
    seedWorkspace([planA]);
    const actions = planActions();
    actions.deletePlan('plan-a');
    const fresh = workspace().openPlanId;
    actions.restoreDeleted();
    expect(workspace().plans.map((p) => p.id)).toEqual(['plan-a', fresh]);
    expect(workspace().openPlanId).toBe('plan-a');
  });

  it('adds plans under fresh ids, as plans of their own, and opens the first when asked', () => {
    seedWorkspace([planA]);
    const actions = planActions();
    const scenario = { ...planB, scenarioOf: 'plan-x' };
    const ids = actions.addPlans([scenario, planC], false);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain('plan-b');
    expect(ids).not.toContain('plan-c');
    expect(new Set(ids).size).toBe(2);
    const { plans, openPlanId } = workspace();
    expect(plans).toEqual([planA, { ...planB, id: ids[0], scenarioOf: null }, { ...planC, id: ids[1] }]);
    expect(openPlanId).toBe('plan-a');
    // The same plans again: a second copy, not a replacement.
    const again = actions.addPlans([planB], true);
    expect(workspace()).toMatchObject({ openPlanId: again[0], plan: { name: 'Summer' } });
    expect(workspace().plans).toHaveLength(4);
    expect(savedIndex().state.planIds).toEqual(['plan-a', ...ids, ...again]);
    expect(actions.addPlans([], true)).toEqual([]);
  });

  it('keeps the link of a scenario imported with its base, under the new ids', () => {
    seedWorkspace([planA]);
    const [base, scenario] = planActions().addPlans([planB, { ...planC, scenarioOf: planB.id }], false);
    expect(workspace().plans.find((p) => p.id === scenario)?.scenarioOf).toBe(base);
  });

  it('adds plans while the browser’s storage has room for them, and none once it has not (whatever their number)', () => {
    // Three hundred plans: the workspace is limited by the storage it uses, not by a count.
    seedWorkspace(Array.from({ length: 300 }, (_, i) => buildPlan({ id: `p${i}`, name: `Plan ${i}` })));
    // Room for two more plans of this size, not three.
    fillStorage(planChars(planA) + planChars(planB) + 100);
    const actions = planActions();
    expect(actions.addPlans([planA, planB, planC], false)).toHaveLength(2);
    expect(workspace().plans.map((p) => p.name).slice(-2)).toEqual(['Spring', 'Summer']);
    expect(noRoomForNow()).toMatch(/^This browser’s storage is full: about \d+ KB is left and the plan needs \d+ KB\./);
    actions.startNewPlan();
    expect(actions.duplicatePlan('p0', 'copy')).toBeNull();
    expect(actions.duplicatePlan('p0', 'scenario')).toBeNull();
    expect(actions.addPlans([planC], true)).toEqual([]);
    expect(workspace().plans).toHaveLength(302);
    expect(workspace().openPlanId).toBe('p0');
    // Deleting frees the room again (the last plan deleted is kept for Undo, in storage too).
    for (const id of ['p1', 'p2', 'p3']) actions.deletePlan(id);
    expect(noRoomForNow()).toBeNull();
    expect(actions.addPlans([planC], false)).toHaveLength(1);
  });

  it('a reload keeps every plan, in order, and the open one', () => {
    const actions = planActions();
    actions.renamePlan('One');
    actions.startNewPlan();
    actions.renamePlan('Two');
    const twoId = workspace().openPlanId;
    const threeId = actions.duplicatePlan(twoId, 'scenario');
    actions.setTotalBudget('250000');
    const before = workspace().plans;

    simulateReload();
    const after = workspace();
    expect(after.plans).toEqual(before);
    expect(after.plans.map((p) => p.name)).toEqual(['One', 'Two', 'Two · scenario B']);
    expect(after.plans[2]?.id).toBe(threeId);
    expect(after.openPlanId).toBe(twoId);
    expect(after.plan).toMatchObject({ id: twoId, totalBudget: '250000' });
    // History lives for a page's life only.
    expect(after.undoState).toEqual({ canUndo: false, canRedo: false });
  });
});

describe('undo and redo', () => {
  it('undoes an edit and redoes it, saving each step', () => {
    const actions = planActions();
    expect(workspace().undoState).toEqual({ canUndo: false, canRedo: false });
    actions.setTotalBudget('5000');
    expect(workspace().undoState).toEqual({ canUndo: true, canRedo: false });
    actions.undo();
    expect(workspace().plan.totalBudget).toBe('100000');
    expect(savedPlan().totalBudget).toBe('100000');
    expect(workspace().undoState).toEqual({ canUndo: false, canRedo: true });
    actions.redo();
    expect(workspace().plan.totalBudget).toBe('5000');
    expect(savedPlan().totalBudget).toBe('5000');
    expect(workspace().undoState).toEqual({ canUndo: true, canRedo: false });
    // Nothing left either way: no change.
    actions.redo();
    expect(workspace().plan.totalBudget).toBe('5000');
  });

  it('makes one step of typing in one field within a second, and a new step after a pause', () => {
    const tick = clock();
    const actions = planActions();
    for (const name of ['Q', 'Q3', 'Q3 ', 'Q3 l', 'Q3 launch']) {
      actions.renamePlan(name);
      tick(300);
    }
    tick(2000);
    actions.renamePlan('Q3 launch!');
    actions.undo();
    expect(workspace().plan.name).toBe('Q3 launch');
    actions.undo();
    expect(workspace().plan.name).toBe('Untitled plan');
    expect(workspace().undoState.canUndo).toBe(false);
  });

  it('makes a new step when typing moves to another field', () => {
    clock();
    const actions = planActions();
    actions.renamePlan('Q3');
    actions.setTotalBudget('5000');
    actions.setTotalBudget('50000');
    actions.undo();
    expect(workspace().plan).toMatchObject({ name: 'Q3', totalBudget: '100000' });
    actions.undo();
    expect(workspace().plan.name).toBe('Untitled plan');
  });

  it('makes a checkbox toggle its own step, even between keystrokes', () => {
    clock();
    const actions = planActions();
    actions.renamePlan('Q');
    actions.setExcludeWeekends(true);
    actions.renamePlan('Q3');
    actions.setExcludeWeekends(false);
    actions.undo();
    expect(workspace().plan).toMatchObject({ name: 'Q3', excludeWeekends: true });
    actions.undo();
    expect(workspace().plan).toMatchObject({ name: 'Q', excludeWeekends: true });
    actions.undo();
    expect(workspace().plan).toMatchObject({ name: 'Q', excludeWeekends: false });
    actions.undo();
    expect(workspace().plan).toMatchObject({ name: 'Untitled plan', excludeWeekends: false });
  });

  it('drops the redo steps on a new edit', () => {
    const actions = planActions();
    actions.setTotalBudget('1');
    actions.setExcludeWeekends(true);
    actions.undo();
    actions.setStatus('proposed');
    expect(workspace().undoState).toEqual({ canUndo: true, canRedo: false });
    actions.redo();
    expect(workspace().plan).toMatchObject({ excludeWeekends: false, status: 'proposed' });
  });

  it('acts on the open plan after switching plans', () => {
    const actions = planActions();
    const first = workspace().openPlanId;
    actions.setTotalBudget('111');
    actions.startNewPlan();
    const second = workspace().openPlanId;
    expect(workspace().undoState.canUndo).toBe(false);
    actions.setTotalBudget('222');
    actions.openPlan(first);
    expect(workspace().undoState).toEqual({ canUndo: true, canRedo: false });
    actions.undo();
    expect(savedPlan(first).totalBudget).toBe('100000');
    expect(savedPlan(second).totalBudget).toBe('222');
    actions.openPlan(second);
    actions.undo();
    expect(savedPlan(second).totalBudget).toBe('100000');
    expect(savedPlan(first).totalBudget).toBe('100000');
  });

  it('leaves a plan from a share link read-only: edits and undo do nothing until it is closed', () => {
    const actions = planActions();
    actions.setTotalBudget('5000');
    const open = workspace().plan;
    const shared = buildPlan({ id: 'shared', name: 'From a link' });
    actions.viewShared(shared);
    expect(workspace()).toMatchObject({ plan: shared, shared, openPlanId: open.id, undoState: { canUndo: false, canRedo: false } });
    actions.renamePlan('Changed');
    actions.setTotalBudget('1');
    actions.setExcludeWeekends(true);
    actions.undo();
    expect(workspace().plan).toBe(shared);
    expect(workspace().plans).toEqual([open]);
    expect(savedPlan(open.id)).toEqual(open);

    actions.closeShared();
    expect(workspace()).toMatchObject({ plan: open, shared: null, undoState: { canUndo: true } });
    actions.undo();
    expect(workspace().plan.totalBudget).toBe('100000');
  });

  it('saves a plan from a share link as a new draft of the workspace, and opens it', () => {
    const actions = planActions();
    const shared = buildPlan({ id: 'shared', name: 'From a link', status: 'approved', scenarioOf: 'elsewhere' });
    actions.renamePlan('My own plan');
    actions.viewShared(shared);
    actions.saveShared();
    const { plans, plan, shared: stillShared, openPlanId } = workspace();
    expect(stillShared).toBeNull();
    expect(plans.map((p) => p.name)).toEqual(['My own plan', 'From a link']);
    expect(plan).toMatchObject({ name: 'From a link', status: 'draft', scenarioOf: null });
    expect(plan.id).not.toBe('shared');
    expect(openPlanId).toBe(plan.id);
    expect(savedPlan(plan.id).name).toBe('From a link');
  });

  it('keeps a shared plan on screen, unsaved and unchanged, when the browser’s storage has no room for it', () => {
    seedWorkspace(Array.from({ length: 10 }, (_, i) => buildPlan({ id: `p${i}`, name: `Plan ${i}` })), 'p7');
    const shared = buildPlan({ id: 'shared', name: 'From a link' });
    fillStorage(planChars(shared) - 10);
    const actions = planActions();
    actions.viewShared(shared);
    expect(actions.saveShared()).toBe(false);
    expect(workspace()).toMatchObject({ shared, plan: shared, openPlanId: 'p7' });
    expect(workspace().plans).toHaveLength(10);
    // Edits on screen can't reach another plan: the shared plan is still read-only.
    actions.setTotalBudget('123');
    expect(workspace().plans.find((p) => p.id === 'p7')?.totalBudget).not.toBe('123');
  });

  it('in a fresh browser the saved copy takes the place of the blank plan the workspace started with', () => {
    const [blank] = workspace().plans;
    if (!blank) throw new Error('no starting plan');
    const actions = planActions();
    actions.viewShared(buildPlan({ id: 'shared', name: 'Untitled plan' }));
    actions.saveShared();
    const { plans, plan } = workspace();
    expect(plans).toEqual([plan]);
    // Not "(shared)": the blank plan it replaces no longer holds the name.
    expect(plan.name).toBe('Untitled plan');
    expect(localStorage.getItem(planKey(blank.id))).toBeNull();
    expect(savedIndex().state.planIds).toEqual([plan.id]);
  });

  it('a blank plan that was edited and edited back is kept: it has a history', () => {
    const actions = planActions();
    actions.setTotalBudget('5');
    actions.undo();
    actions.viewShared(buildPlan({ id: 'shared', name: 'From a link' }));
    actions.saveShared();
    expect(workspace().plans).toHaveLength(2);
  });

  it('a shared plan saved beside one of the same name is called “(shared)”, so the two can be told apart', () => {
    seedWorkspace([buildPlan({ id: 'mine', name: 'Spring launch' })]);
    const actions = planActions();
    actions.viewShared(buildPlan({ id: 'theirs', name: 'Spring launch' }));
    actions.saveShared();
    expect(workspace().plans.map((p) => p.name)).toEqual(['Spring launch', 'Spring launch (shared)']);
  });

  it('replaces the open plan’s content (an import) keeping its id and scenario link, undone in one step', () => {
    seedWorkspace([buildPlan({ id: 'plan-a', name: 'Original' })]);
    const actions = planActions();
    const scenario = actions.duplicatePlan('plan-a', 'scenario');
    if (!scenario) throw new Error('no scenario made');
    actions.openPlan(scenario);
    const before = workspace().plan;
    const imported: Plan = buildPlan({ id: 'imported', name: 'Imported', scenarioOf: null, totalBudget: '777', excludeWeekends: true, status: 'approved' });
    actions.replacePlan(imported);
    expect(workspace().plan).toMatchObject({ id: scenario, scenarioOf: 'plan-a', name: 'Imported', totalBudget: '777', excludeWeekends: true, status: 'approved' });
    expect(workspace().plans.map((p) => p.id)).toEqual(['plan-a', scenario]);
    expect(savedPlan(scenario)).toMatchObject({ name: 'Imported', scenarioOf: 'plan-a' });
    actions.undo();
    expect(workspace().plan).toEqual({ ...before, updatedAt: expect.any(String) });
    expect(workspace().undoState.canUndo).toBe(false);
  });
});

describe('undoing a replace by an import, also after a reload', () => {
  const lastReplaced = () => {
    const { result, unmount } = renderHook(() => useLastReplaced());
    const value = result.current;
    unmount();
    return value;
  };

  it('keeps the plan as it was before, puts it back as an edit, and forgets it once kept or undone', () => {
    seedWorkspace([buildPlan({ id: 'plan-a', name: 'Original', totalBudget: '100000' })]);
    const actions = planActions();
    const before = workspace().plan;
    actions.replacePlan(buildPlan({ id: 'imported', name: 'Imported', totalBudget: '777' }));
    simulateReload();
    expect(workspace().plan).toMatchObject({ id: 'plan-a', name: 'Imported', totalBudget: '777' });
    expect(lastReplaced()).toEqual({ before, importedName: 'Imported' });
    planActions().restoreReplaced();
    expect(savedPlan('plan-a')).toEqual({ ...before, updatedAt: expect.any(String) });
    expect(workspace().undoState.canUndo).toBe(true);
    expect(localStorage.getItem(UNDO_STORAGE_KEY)).toBeNull();

    planActions().replacePlan(buildPlan({ id: 'imported', name: 'Imported again' }));
    planActions().keepReplaced();
    simulateReload();
    expect(lastReplaced()).toBeNull();
    expect(savedPlan('plan-a').name).toBe('Imported again');
  });
});

describe('the model’s second edition', () => {
  it('counts participants’ videos in reach on request: an edit like any other, stamped, saved and undone', () => {
    clock('2024-06-01T08:00:00.000Z');
    seedWorkspace([buildPlan({ id: 'plan-a', updatedAt: '2024-01-01T00:00:00.000Z' })]);
    const actions = planActions();
    expect(workspace().plan.earnedInReach).toBe(false);
    actions.countEarnedInReach(true);
    expect(savedPlan('plan-a')).toMatchObject({ earnedInReach: true, updatedAt: '2024-06-01T08:00:00.000Z' });
    expect(workspace().undoState.canUndo).toBe(true);
    actions.undo();
    expect(savedPlan('plan-a').earnedInReach).toBe(false);
  });

  it('does not stamp or record a step when participants are already counted as asked', () => {
    clock('2024-06-01T08:00:00.000Z');
    const plan = buildPlan({ id: 'plan-a', earnedInReach: true, updatedAt: '2024-01-01T00:00:00.000Z' });
    seedWorkspace([plan]);
    planActions().countEarnedInReach(true);
    expect(workspace().plan).toEqual(plan);
    expect(workspace().undoState.canUndo).toBe(false);
  });

  it('remembers that a plan of the first edition was shown with this one: saved, but neither stamped nor an undo step', () => {
    clock('2024-06-01T08:00:00.000Z');
    const old = buildPlan({ id: 'plan-a', modelEdition: 1, updatedAt: '2024-01-01T00:00:00.000Z' });
    seedWorkspace([old]);
    planActions().acknowledgeModelEdition();
    expect(workspace().plan).toEqual({ ...old, modelEdition: MODEL_EDITION });
    expect(savedPlan('plan-a')).toEqual({ ...old, modelEdition: MODEL_EDITION });
    expect(workspace().undoState).toEqual({ canUndo: false, canRedo: false });
  });

  it('leaves a plan already at this edition, and a plan from a share link, as they are', () => {
    const current = buildPlan({ id: 'plan-a' });
    seedWorkspace([current]);
    const actions = planActions();
    actions.acknowledgeModelEdition();
    expect(workspace().plan).toBe(workspace().plans[0]);
    expect(workspace().plan).toEqual(current);
    const shared = buildPlan({ id: 'shared', modelEdition: 1 });
    actions.viewShared(shared);
    actions.acknowledgeModelEdition();
    expect(workspace().plan).toBe(shared);
  });
});

describe('a workspace saved by a newer version of Reachplan', () => {
  const NEWER = PLAN_STORAGE_VERSION + 1;
  /** What a newer Reachplan saved: its index, and a plan in a shape this version can't read. */
  const newerIndex = JSON.stringify({ state: { openPlanId: 'plan-n', planIds: ['plan-n'] }, version: NEWER });
  const newerPlan = JSON.stringify({ id: 'plan-n', name: 'Made by the next version', budget: { total: 250000, currency: 'EUR' } });
  /** Everything in localStorage, as text. */
  const snapshot = (): Record<string, string> => ({ ...localStorage });
  /** Lets the store's deferred work (the newer-version report) run. */
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  // Nothing of a newer version may be left for the next test's page load.
  afterEach(() => {
    localStorage.clear();
  });

  it('is left exactly as it is when this page loads it: nothing is written, backed up or removed; edits stay in memory', async () => {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, newerIndex);
    localStorage.setItem(planKey('plan-n'), newerPlan);
    const before = snapshot();
    reloadPlanStore();
    await settle();
    expect(workspace().outdatedBy).toBe(NEWER);
    const actions = planActions();
    actions.renamePlan('Edited here');
    actions.startNewPlan();
    actions.setTotalBudget('5000');
    await settle();
    expect(workspace().plans.map((p) => p.name)).toEqual(['Edited here', 'Untitled plan']);
    expect(workspace().plan.totalBudget).toBe('5000');
    expect(snapshot()).toEqual(before);
  });

  it('stops this page writing when it finds, before a write, that a newer version saved the index meanwhile', async () => {
    const plan = buildPlan({ id: 'plan-a', name: 'Spring' });
    seedWorkspace([plan]);
    expect(workspace().outdatedBy).toBeNull();
    // Another tab, updated, saved the workspace; this page was not told (no storage event).
    localStorage.setItem(WORKSPACE_STORAGE_KEY, newerIndex);
    localStorage.setItem(planKey('plan-a'), newerPlan);
    const theirs = snapshot();
    planActions().renamePlan('Edited here');
    planActions().startNewPlan();
    await settle();
    expect(workspace().outdatedBy).toBe(NEWER);
    expect(workspace().plans[0]?.name).toBe('Edited here');
    expect(snapshot()).toEqual(theirs);
  });

  it('is read again on the next page load, which stops again', async () => {
    localStorage.setItem(WORKSPACE_STORAGE_KEY, newerIndex);
    const before = snapshot();
    reloadPlanStore();
    await settle();
    simulateReload();
    await settle();
    planActions().renamePlan('After a reload');
    await settle();
    expect(workspace().outdatedBy).toBe(NEWER);
    expect(snapshot()).toEqual(before);
  });

  it('of the same version is no reason to stop', async () => {
    seedWorkspace([buildPlan({ id: 'plan-a' })]);
    localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'plan-a', planIds: ['plan-a'] }, version: PLAN_STORAGE_VERSION }));
    planActions().renamePlan('Saved as usual');
    await settle();
    expect(workspace().outdatedBy).toBeNull();
    expect(savedPlan('plan-a').name).toBe('Saved as usual');
  });
});
