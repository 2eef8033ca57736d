import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  CONTRACT_TERMS,
  contractHasContent,
  MAX_CONTRACT_FIELD_LENGTH,
  MAX_CONTRACT_NOTE_LENGTH,
  type ContractField,
  type ContractTerm,
  type ContractTermState,
  type CreatorContract,
} from '../domain/contract';
import {
  creatorLineFrom,
  formatLine,
  MAX_SHORTLIST,
  newPlan,
  shortlistEntryFrom,
  type InFeedBuyingModel,
  type Pacing,
  type Plan,
  type PlanCreatorLine,
  type PlanFormatLine,
  type Targeting,
} from '../domain/plan';
import type { AssumptionKey, Creator, FormatId, Goal } from '../domain/types';
import { MAX_POSTS } from '../domain/validation';
import { browserStorage } from '../lib/storage';
import {
  guardedStorage,
  migratePlanState,
  PLAN_STORAGE_KEY,
  PLAN_STORAGE_VERSION,
  type Recovery,
} from './persistence';

interface PlanActions {
  renamePlan(name: string): void;
  setStartDate(date: string): void;
  setEndDate(date: string): void;
  chooseGoal(goal: Goal): void;
  setKpiTarget(text: string): void;
  setTotalBudget(text: string): void;
  includeFormat(formatId: FormatId, suggestedAmount: string): void;
  excludeFormat(formatId: FormatId): void;
  setFormatAmount(formatId: FormatId, text: string): void;
  setFormatBuyingModel(formatId: FormatId, model: InFeedBuyingModel): void;
  setFormatPacing(formatId: FormatId, pacing: Pacing): void;
  setFormatCategory(formatId: FormatId, category: string): void;
  setTargeting(change: Partial<Targeting>): void;
  addCreator(creator: Creator): void;
  removeCreator(handle: string): void;
  setCreatorPosts(handle: string, text: string): void;
  setCreatorFee(handle: string, text: string): void;
  /** Sets the posting date of post `index` (0-based); an empty date means "spread evenly". */
  setCreatorPostDate(handle: string, index: number, date: string): void;
  setCreatorSparkBudget(handle: string, text: string): void;
  /** Keeps a snapshot of a catalog creator on the plan's shortlist; no-op when already there or full. */
  shortlistCreator(creator: Creator): void;
  unshortlistCreator(handle: string): void;
  setContractTerm(handle: string, term: ContractTerm, change: Partial<ContractTermState>): void;
  setContractField(handle: string, field: ContractField, text: string): void;
  overrideAssumption(key: AssumptionKey, text: string): void;
  resetAssumption(key: AssumptionKey): void;
  startNewPlan(): void;
  dismissRecovery(): void;
  reportSaveError(message: string | null): void;
}

interface PlanState {
  plan: Plan;
  /** Set when stored data could not be used at start-up. Not persisted. */
  recovery: Recovery | null;
  /** Set while saving fails (storage full or blocked). Not persisted. */
  saveError: string | null;
  actions: PlanActions;
}

function freshPlan(): Plan {
  const id = globalThis.crypto?.randomUUID?.() ?? `plan-${Date.now()}`;
  return newPlan(id, new Date());
}

// Deferred: a write can happen while the store is still being created (after a migration).
const storage = guardedStorage(browserStorage(), (message) =>
  queueMicrotask(() => usePlanStore.getState().actions.reportSaveError(message)),
);

const usePlanStore = create<PlanState>()(
  persist(
    (set, get) => {
      /** Applies an edit to the plan and stamps it. */
      const edit = (change: (plan: Plan) => Partial<Plan>) =>
        set((s) => ({ plan: { ...s.plan, ...change(s.plan), updatedAt: new Date().toISOString() } }));
      const editCreator = (handle: string, change: (c: PlanCreatorLine) => Partial<PlanCreatorLine>) =>
        edit((p) => ({ creators: p.creators.map((c) => (c.handle === handle ? { ...c, ...change(c) } : c)) }));
      const editContract = (handle: string, change: (c: CreatorContract) => Partial<CreatorContract>) =>
        editCreator(handle, (line) => ({ contract: { ...line.contract, ...change(line.contract) } }));
      const editFormat = (formatId: FormatId, change: Partial<PlanFormatLine>) =>
        edit((p) => ({ formats: p.formats.map((f) => (f.formatId === formatId ? { ...f, ...change } : f)) }));

      return {
        plan: freshPlan(),
        recovery: null,
        saveError: null,
        actions: {
          renamePlan: (name) => edit(() => ({ name })),
          setStartDate: (startDate) => edit(() => ({ startDate })),
          setEndDate: (endDate) => edit(() => ({ endDate })),
          chooseGoal: (goal) =>
            edit((p) => {
              if (goal === p.goal) return {};
              const { [goal]: restored = '', ...others } = p.otherKpiTargets;
              return { goal, kpiTarget: restored, otherKpiTargets: { ...others, [p.goal]: p.kpiTarget } };
            }),
          setKpiTarget: (kpiTarget) => edit(() => ({ kpiTarget })),
          setTotalBudget: (totalBudget) => edit(() => ({ totalBudget })),
          includeFormat: (formatId, suggestedAmount) =>
            edit((p) =>
              p.formats.some((f) => f.formatId === formatId)
                ? { formats: p.formats.map((f) => (f.formatId === formatId ? { ...f, included: true } : f)) }
                : { formats: [...p.formats, formatLine(formatId, suggestedAmount)] },
            ),
          excludeFormat: (formatId) =>
            edit((p) => ({ formats: p.formats.map((f) => (f.formatId === formatId ? { ...f, included: false } : f)) })),
          setFormatAmount: (formatId, amount) => editFormat(formatId, { amount }),
          setFormatBuyingModel: (formatId, buyingModel) => editFormat(formatId, { buyingModel }),
          setFormatPacing: (formatId, pacing) => editFormat(formatId, { pacing }),
          setFormatCategory: (formatId, category) => editFormat(formatId, { category }),
          setTargeting: (change) => edit((p) => ({ targeting: { ...p.targeting, ...change } })),
          addCreator: (c) =>
            edit((p) => {
              if (p.creators.some((line) => line.handle === c.handle)) return {};
              // A creator coming back brings back what was agreed with them.
              const { [c.handle]: contract, ...retiredContracts } = p.retiredContracts;
              const line = creatorLineFrom(c);
              return { creators: [...p.creators, contract ? { ...line, contract } : line], retiredContracts };
            }),
          removeCreator: (handle) =>
            edit((p) => {
              const line = p.creators.find((c) => c.handle === handle);
              if (!line) return {};
              const creators = p.creators.filter((c) => c !== line);
              if (!contractHasContent(line.contract)) return { creators };
              // The newest contracts are kept, up to the cap.
              const kept = Object.entries(p.retiredContracts).filter(([h]) => h !== handle).slice(-(MAX_SHORTLIST - 1));
              return { creators, retiredContracts: { ...Object.fromEntries(kept), [handle]: line.contract } };
            }),
          setCreatorPosts: (handle, posts) => editCreator(handle, () => ({ posts })),
          setCreatorFee: (handle, fee) => editCreator(handle, () => ({ fee })),
          setCreatorPostDate: (handle, index, date) =>
            editCreator(handle, (c) => {
              if (!Number.isInteger(index) || index < 0 || index >= MAX_POSTS) return {};
              const postDates = [...c.postDates];
              while (postDates.length <= index) postDates.push('');
              postDates[index] = date;
              // Trailing "spread evenly" entries carry nothing.
              while (postDates.length > 0 && postDates[postDates.length - 1] === '') postDates.pop();
              return { postDates };
            }),
          setCreatorSparkBudget: (handle, sparkBudget) => editCreator(handle, () => ({ sparkBudget })),
          // A true no-op when nothing changes: no new plan object, no stamp, no save.
          shortlistCreator: (c) => {
            const { shortlist } = get().plan;
            if (shortlist.length >= MAX_SHORTLIST || shortlist.some((s) => s.handle === c.handle)) return;
            edit((p) => ({ shortlist: [...p.shortlist, shortlistEntryFrom(c)] }));
          },
          unshortlistCreator: (handle) => {
            if (!get().plan.shortlist.some((s) => s.handle === handle)) return;
            edit((p) => ({ shortlist: p.shortlist.filter((s) => s.handle !== handle) }));
          },
          setContractTerm: (handle, term, change) =>
            editContract(handle, (contract) => {
              // The stored schema takes exactly these terms and notes up to its limit: anything else would not load again.
              if (!CONTRACT_TERMS.includes(term)) return {};
              const next = { ...contract.terms[term] };
              if (change.agreed !== undefined) next.agreed = change.agreed;
              if (change.note !== undefined) next.note = change.note.slice(0, MAX_CONTRACT_NOTE_LENGTH);
              return { terms: { ...contract.terms, [term]: next } };
            }),
          setContractField: (handle, field, text) =>
            editContract(handle, () => ({ [field]: text.slice(0, MAX_CONTRACT_FIELD_LENGTH) })),
          overrideAssumption: (key, text) =>
            edit((p) => ({ assumptionOverrides: { ...p.assumptionOverrides, [key]: text } })),
          resetAssumption: (key) =>
            edit((p) => {
              const rest = { ...p.assumptionOverrides };
              delete rest[key];
              return { assumptionOverrides: rest };
            }),
          startNewPlan: () => set({ plan: freshPlan() }),
          dismissRecovery: () => set({ recovery: null }),
          reportSaveError: (message) =>
            set((s) => (s.saveError === message ? s : { saveError: message })),
        },
      };
    },
    {
      name: PLAN_STORAGE_KEY,
      version: PLAN_STORAGE_VERSION,
      storage,
      partialize: (s) => ({ plan: s.plan }),
      migrate: migratePlanState as (state: unknown, version: number) => { plan: Plan },
      merge: (persisted, current) => {
        const checked = storage.check(persisted);
        return checked.ok
          ? { ...current, plan: checked.state.plan, recovery: null }
          : { ...current, recovery: checked.recovery };
      },
    },
  ),
);

/** Re-reads storage as a page load would (tests, and other tabs later). */
export function reloadPlanStore(): void {
  void usePlanStore.persist.rehydrate();
}

/** Back to a brand-new plan (tests). Like any store update, it is saved. */
export function resetPlanStoreInMemory(): void {
  usePlanStore.setState({ plan: freshPlan(), recovery: null, saveError: null });
}

export const usePlan = () => usePlanStore((s) => s.plan);
/** The open plan's name alone: for what needn't re-render on every other edit. */
export const usePlanName = () => usePlanStore((s) => s.plan.name);
/** The plan's creator lines alone: for what needn't re-render on other edits. */
export const usePlanCreators = () => usePlanStore((s) => s.plan.creators);
/** The plan's targeting and goal (each keeps its identity until it changes). */
export const usePlanTargeting = () => usePlanStore((s) => s.plan.targeting);
export const usePlanGoal = () => usePlanStore((s) => s.plan.goal);
/** The plan's shortlisted creators, in the order they were added. */
export const useShortlist = () => usePlanStore((s) => s.plan.shortlist);
export const usePlanActions = () => usePlanStore((s) => s.actions);
export const useRecovery = () => usePlanStore((s) => s.recovery);
export const useSaveError = () => usePlanStore((s) => s.saveError);
