import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { CREATORS } from '../../mocks/data/creators';
import { emptyContract, MAX_CONTRACT_FIELD_LENGTH, MAX_CONTRACT_NOTE_LENGTH } from '../../src/domain/contract';
import { MAX_SHORTLIST, shortlistEntryFrom } from '../../src/domain/plan';
import type { Creator } from '../../src/domain/types';
import { PLAN_STORAGE_KEY } from '../../src/store/persistence';
import { useShortlist } from '../../src/store/plan-store';
import { savedPlan } from '../utils/builders';
import { planActions } from './plan-actions';

const [maya, zach, third] = CREATORS as [Creator, Creator, Creator, ...Creator[]];

/** A catalog row carries more than the plan keeps (fit score, credibility). */
const catalogRow = (c: Creator) => ({ ...c, fitScore: 80, credibility: 0.9 });

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

  it('is saved at storage version 3', () => {
    planActions().shortlistCreator(maya);
    expect(JSON.parse(localStorage.getItem(PLAN_STORAGE_KEY) ?? 'null')).toMatchObject({ version: 3 });
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
