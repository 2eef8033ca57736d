import { useMemo } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
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
  COST_FIELDS,
  creatorLineFrom,
  MAX_COST_LENGTH,
  formatLine,
  MAX_SHORTLIST,
  MODEL_EDITION,
  newPlan,
  shortlistEntryFrom,
  type InFeedBuyingModel,
  type Pacing,
  type CostField,
  type Plan,
  type PlanCreatorLine,
  type PlanStatus,
  type PlanFormatLine,
  type Targeting,
} from '../domain/plan';
import type { AssumptionKey, Creator, FormatId, Goal } from '../domain/types';
import { PLAN_LIMITS } from '../domain/limits';
import { MAX_POSTS } from '../domain/validation';
import { arrivingName, duplicateName, isUntouchedNewPlan, NEW_PLAN_CHARS, noRoomForPlan, planChars, replaceContent } from '../domain/workspace';
import { emptyHistory, recordEdit, redoStep, undoStep, type PlanHistory } from './history';
import { planSchema } from '../lib/plan-schema';
import { z } from '../lib/zod';
import type { PlanVault } from '../lib/plan-vault';
import { browserStorage } from '../lib/storage';
import {
  guardedStorage,
  migratePlanState,
  PLAN_KEY_PREFIX,
  PLAN_STORAGE_VERSION,
  plansInVault,
  WORKSPACE_STORAGE_KEY,
  type PersistedWorkspace,
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
  setStatus(status: PlanStatus): void;
  /** Sets a cost line as typed (a percentage or an amount in USD; empty for none). */
  setCost(field: CostField, text: string): void;
  setExcludeWeekends(exclude: boolean): void;
  /** Count challenge and effect participants' videos in reach, frequency, impressions, views and engagements. */
  countEarnedInReach(count: boolean): void;
  /** The open plan has been shown how its figures moved with the current model edition. */
  acknowledgeModelEdition(): void;
  resetAssumption(key: AssumptionKey): void;
  /** Replaces the open plan's content with `plan`'s (an import), keeping its id: one undo step, and undoable after a reload. */
  replacePlan(plan: Plan): void;
  /** Puts back the plan as it was before the last replace (`replaced`), as an edit of its own. */
  restoreReplaced(): void;
  /** Forgets the last replace: it is kept as it is. */
  keepReplaced(): void;
  /** Steps the open plan back or forward through its edits. */
  undo(): void;
  redo(): void;
  /** Creates a new plan and opens it (the workspace's "New plan"): its id, or null when there is no room. */
  startNewPlan(): string | null;
  openPlan(id: string): void;
  renamePlanById(id: string, name: string): void;
  setStatusById(id: string, status: PlanStatus): void;
  /** Copies a plan; as a scenario, the copy remembers the plan it varies. Returns the copy's id. */
  duplicatePlan(id: string, kind: 'copy' | 'scenario'): string | null;
  /** Deletes a plan; `restoreDeleted` brings back the last one deleted. */
  deletePlan(id: string): void;
  restoreDeleted(): void;
  /** Adds plans (an import or a backup) under fresh ids; opens the first when `open`. Returns the ids. */
  addPlans(plans: readonly Plan[], open: boolean): string[];
  /** Shows a plan from a share link, read-only, until it is saved or closed. */
  viewShared(plan: Plan): void;
  /** Saves the shared plan on screen as a new plan and opens it; false (and nothing changes) when there is no room. */
  saveShared(): boolean;
  closeShared(): void;
  dismissNotice(id: number): void;
  dismissRecovery(): void;
  reportSaveError(message: string | null): void;
}

/** Something the workspace tells the user once (another tab's change, a conflict copy). */
/** What a notice is about: a newer notice of some kinds replaces the older one. */
export type NoticeKind = 'edited-in-both-tabs' | 'unreadable-from-other-tab' | 'deleted-in-other-tab' | 'updated-in-other-tab' | 'vault-unreachable';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
  /** A copy the user can download (what was kept aside), when there is one. */
  copy?: { fileName: string; text: string; label: string };
}

interface PlanState {
  /** Every plan, in the order they were made. Persisted. */
  plans: Plan[];
  /** The plan being edited. Persisted. */
  openPlanId: string;
  /** The plan on screen: the open plan, or a shared plan viewed read-only. */
  plan: Plan;
  /** A plan from a share link, on screen read-only; null otherwise. */
  shared: Plan | null;
  /** Undo and redo per plan, for this page's life. */
  history: Record<string, PlanHistory>;
  /** The last deleted plan, for Undo (kept across reloads, without its history). */
  deleted: { plan: Plan; index: number; history: PlanHistory | undefined } | null;
  /** The last plan replaced by an import, as it was before, for Undo (kept across reloads). */
  replaced: { before: Plan; importedName: string } | null;
  notices: Notice[];
  /** Set when stored data could not be used at start-up. Not persisted. */
  recovery: Recovery | null;
  /** Set while saving fails (storage full or blocked). Not persisted. */
  saveError: string | null;
  /**
   * The storage version a newer Reachplan (another tab, after an update) saved, once seen: this
   * tab then writes nothing, so it can't overwrite what it can't read. Not persisted.
   */
  outdatedBy: number | null;
  actions: PlanActions;
}

let idCounter = 0;
/** A new plan id: random where the browser can, else unique on this page. */
export function newPlanId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `plan-${Date.now()}-${++idCounter}`;
}

function freshPlan(): Plan {
  return newPlan(newPlanId(), new Date());
}

let noticeId = 0;
const notice = (kind: NoticeKind, text: string, copy?: Notice['copy']): Notice => ({ id: ++noticeId, kind, text, ...(copy ? { copy } : {}) });
const stamp = () => new Date().toISOString();

/** `state` with `plan` in place of the plan of the same id (and on screen when it is the open one). */
function withPlan(state: PlanState, plan: Plan): Partial<PlanState> {
  return {
    plans: state.plans.map((p) => (p.id === plan.id ? plan : p)),
    plan: !state.shared && state.openPlanId === plan.id ? plan : state.plan,
  };
}

/** This page's localStorage, or null where the browser refuses it (reading it throws). */
const local = browserStorage();

// Deferred: a write can happen while the store is still being created (after a migration).
const storage = guardedStorage(local, {
  onSaveError: (message) => queueMicrotask(() => usePlanStore.getState().actions.reportSaveError(message)),
  onConflict: (id, theirs) => queueMicrotask(() => resolveConflict(id, theirs)),
  onNewerVersion: (version) => queueMicrotask(() => usePlanStore.setState({ outdatedBy: version })),
});

const undoSchema = z.object({
  deleted: z.nullable(z.object({ plan: planSchema, index: z.number().check(z.int(), z.gte(0)) })),
  replaced: z.nullable(z.object({ before: planSchema, importedName: z.string() })),
});

const usePlanStore = create<PlanState>()(
  persist(
    (set, get) => {
      /** Applies an edit to plan `id`, stamps it and records it for undo. A shared plan is read-only. */
      const editPlan = (id: string, change: (plan: Plan) => Partial<Plan>) =>
        set((s) => {
          const before = s.plans.find((p) => p.id === id);
          if (!before || (s.shared && id === s.openPlanId)) return s;
          const partial = change(before);
          if (Object.keys(partial).length === 0) return s;
          const after = { ...before, ...partial, updatedAt: stamp() };
          return {
            ...withPlan(s, after),
            history: { ...s.history, [id]: recordEdit(s.history[id] ?? emptyHistory(), before, after, Date.now()) },
          };
        });
      /** Applies an edit to the open plan. */
      const edit = (change: (plan: Plan) => Partial<Plan>) => editPlan(get().openPlanId, change);
      const step = (direction: typeof undoStep) =>
        set((s) => {
          if (s.shared) return s;
          const moved = direction(s.history[s.openPlanId] ?? emptyHistory(), s.plan);
          if (!moved) return s;
          const plan = { ...moved.plan, updatedAt: stamp() };
          return { ...withPlan(s, plan), history: { ...s.history, [plan.id]: moved.history } };
        });
      const editCreator = (handle: string, change: (c: PlanCreatorLine) => Partial<PlanCreatorLine>) =>
        edit((p) => ({ creators: p.creators.map((c) => (c.handle === handle ? { ...c, ...change(c) } : c)) }));
      const editContract = (handle: string, change: (c: CreatorContract) => Partial<CreatorContract>) =>
        editCreator(handle, (line) => ({ contract: { ...line.contract, ...change(line.contract) } }));
      const editFormat = (formatId: FormatId, change: Partial<PlanFormatLine>) =>
        edit((p) => ({ formats: p.formats.map((f) => (f.formatId === formatId ? { ...f, ...change } : f)) }));

      const first = freshPlan();
      return {
        plans: [first],
        openPlanId: first.id,
        plan: first,
        shared: null,
        history: {},
        deleted: null,
        replaced: null,
        notices: [],
        recovery: null,
        saveError: null,
        outdatedBy: null,
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
              // A plan holds so many line items (the buttons say so before): nothing past it is stored.
              if (p.formats.length + p.creators.length >= PLAN_LIMITS.lineItems) return {};
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
          setStatus: (status) => edit(() => ({ status })),
          setCost: (field, text) =>
            edit((p) => (COST_FIELDS.includes(field) ? { costs: { ...p.costs, [field]: text.slice(0, MAX_COST_LENGTH) } } : {})),
          setExcludeWeekends: (excludeWeekends) => edit(() => ({ excludeWeekends })),
          countEarnedInReach: (earnedInReach) => edit((p) => (p.earnedInReach === earnedInReach ? {} : { earnedInReach })),
          // Not an edit of the plan's content: no undo step, no new edit time.
          acknowledgeModelEdition: () =>
            set((s) => {
              const open = s.plans.find((p) => p.id === s.openPlanId);
              if (!open || s.shared || open.modelEdition >= MODEL_EDITION) return s;
              return withPlan(s, { ...open, modelEdition: MODEL_EDITION });
            }),
          overrideAssumption: (key, text) =>
            edit((p) => ({ assumptionOverrides: { ...p.assumptionOverrides, [key]: text } })),
          resetAssumption: (key) =>
            edit((p) => {
              const rest = { ...p.assumptionOverrides };
              delete rest[key];
              return { assumptionOverrides: rest };
            }),
          replacePlan: (imported) => {
            const before = get().plans.find((p) => p.id === get().openPlanId);
            if (!before || get().shared) return;
            // Everything but what makes it this plan (its id, the plan it varies) and what a file doesn't carry.
            edit((p) => replaceContent(p, imported));
            set({ replaced: { before, importedName: imported.name } });
          },
          restoreReplaced: () => {
            const { replaced } = get();
            if (!replaced) return;
            set({ replaced: null });
            const { before } = replaced;
            // Its content as it was; the stamp says when it was put back. A plan deleted since stays deleted.
            editPlan(before.id, () => ({ ...before, id: before.id }));
            if (get().plans.some((p) => p.id === before.id)) set((s) => ({ openPlanId: before.id, plan: s.shared ?? s.plans.find((p) => p.id === before.id) ?? s.plan }));
          },
          keepReplaced: () => set({ replaced: null }),
          undo: () => step(undoStep),
          redo: () => step(redoStep),
          startNewPlan: () => {
            if (noRoomForPlan(storage.room(), NEW_PLAN_CHARS)) return null;
            const plan = freshPlan();
            set((s) => ({ plans: [...s.plans, plan], openPlanId: plan.id, plan, shared: null }));
            return plan.id;
          },
          openPlan: (id) =>
            set((s) => {
              const plan = s.plans.find((p) => p.id === id);
              return plan ? { openPlanId: id, plan, shared: null } : s;
            }),
          renamePlanById: (id, name) => editPlan(id, () => ({ name })),
          setStatusById: (id, status) => editPlan(id, (p) => (p.status === status ? {} : { status })),
          duplicatePlan: (id, kind) => {
            const s = get();
            const source = s.plans.find((p) => p.id === id);
            if (!source || noRoomForPlan(storage.room(), planChars(source))) return null;
            const copy: Plan = {
              ...source,
              id: newPlanId(),
              name: duplicateName(source.name, kind, s.plans.map((p) => p.name)),
              status: 'draft',
              // A scenario of a scenario varies the same original.
              scenarioOf: kind === 'scenario' ? (source.scenarioOf ?? source.id) : null,
              updatedAt: stamp(),
            };
            const index = s.plans.indexOf(source);
            set({ plans: [...s.plans.slice(0, index + 1), copy, ...s.plans.slice(index + 1)] });
            return copy.id;
          },
          deletePlan: (id) =>
            set((s) => {
              const index = s.plans.findIndex((p) => p.id === id);
              const plan = s.plans[index];
              if (!plan) return s;
              const { [id]: history, ...histories } = s.history;
              let plans = s.plans.filter((p) => p.id !== id);
              let openPlanId = s.openPlanId;
              if (id === s.openPlanId) {
                // The most recently edited plan opens; a workspace is never empty.
                const next = [...plans].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? freshPlan();
                if (plans.length === 0) plans = [next];
                openPlanId = next.id;
              }
              const open = plans.find((p) => p.id === openPlanId) ?? s.plan;
              return { plans, openPlanId, plan: s.shared ?? open, history: histories, deleted: { plan, index, history } };
            }),
          restoreDeleted: () =>
            set((s) => {
              const { deleted } = s;
              if (!deleted || s.plans.some((p) => p.id === deleted.plan.id)) return { deleted: null };
              const plans = [...s.plans.slice(0, deleted.index), deleted.plan, ...s.plans.slice(deleted.index)];
              const history = deleted.history ? { ...s.history, [deleted.plan.id]: deleted.history } : s.history;
              return { plans, openPlanId: deleted.plan.id, plan: s.shared ?? deleted.plan, history, deleted: null };
            }),
          addPlans: (incoming, open) => {
            const s = get();
            // As many as the storage has room for, in order (no limit where the larger storage takes what doesn't fit).
            let room = storage.room();
            const taken: Plan[] = [];
            for (const plan of incoming) {
              const needed = planChars(plan);
              if (noRoomForPlan(room, needed)) break;
              if (room !== null) room -= needed;
              taken.push(plan);
            }
            // New ids, so nothing here is overwritten; a scenario of a plan imported with it keeps its link.
            const ids = new Map(taken.map((p) => [p.id, newPlanId()]));
            const added = taken.map((p) => ({ ...p, id: ids.get(p.id) ?? newPlanId(), scenarioOf: (p.scenarioOf && ids.get(p.scenarioOf)) ?? null }));
            if (added.length === 0) return [];
            const [firstAdded] = added;
            set({
              plans: [...s.plans, ...added],
              ...(open && firstAdded ? { openPlanId: firstAdded.id, plan: firstAdded, shared: null } : {}),
            });
            return added.map((p) => p.id);
          },
          viewShared: (plan) => set({ shared: plan, plan }),
          saveShared: () => {
            const { shared, plans, history } = get();
            if (!shared) return false;
            // In a fresh browser the workspace holds only the blank plan it starts with: the saved copy takes its place.
            const [only] = plans;
            const blank = plans.length === 1 && only && !history[only.id] && isUntouchedNewPlan(only) ? only : null;
            // Checked first: the shared plan stays on screen (and its link) when it can't be kept.
            if (!blank && noRoomForPlan(storage.room(), planChars(shared))) return false;
            const name = arrivingName(shared.name, 'shared', blank ? [] : plans.map((p) => p.name));
            set({ shared: null });
            const [added] = get().actions.addPlans([{ ...shared, name, status: 'draft', updatedAt: stamp() }], true);
            if (blank && added) set((s) => ({ plans: s.plans.filter((p) => p.id !== blank.id) }));
            return added !== undefined;
          },
          closeShared: () => set((s) => ({ shared: null, plan: s.plans.find((p) => p.id === s.openPlanId) ?? s.plan })),
          dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
          dismissRecovery: () => set({ recovery: null }),
          reportSaveError: (message) =>
            set((s) => (s.saveError === message ? s : { saveError: message })),
        },
      };
    },
    {
      name: WORKSPACE_STORAGE_KEY,
      version: PLAN_STORAGE_VERSION,
      storage,
      // Loaded by `planStoreReady`, once the larger storage has been read where plans are kept there.
      skipHydration: true,
      partialize: (s): PersistedWorkspace => ({ plans: s.plans, openPlanId: s.openPlanId }),
      migrate: migratePlanState as (state: unknown, version: number) => PersistedWorkspace,
      merge: (persisted, current) => {
        const { plans, openPlanId, recovery } = storage.check(persisted);
        if (plans.length === 0) return { ...current, recovery };
        const open = plans.find((p) => p.id === openPlanId) ?? plans[0] ?? current.plan;
        return { ...current, plans, openPlanId: open.id, plan: open, shared: null, history: {}, ...undoneAfterReload(plans), recovery };
      },
    },
  ),
);

/**
 * The last delete and replace as saved, when they still apply to `plans` (a deleted plan not back
 * since, a replaced plan still there): so they can be undone after a reload.
 */
function undoneAfterReload(plans: readonly Plan[]): Pick<PlanState, 'deleted' | 'replaced'> {
  const raw = storage.readUndo();
  if (raw === null) return { deleted: null, replaced: null };
  let parsed: z.infer<typeof undoSchema> | null = null;
  try {
    const result = undoSchema.safeParse(JSON.parse(raw));
    if (result.success) parsed = result.data;
  } catch {
    parsed = null;
  }
  const ids = new Set(plans.map((p) => p.id));
  const deleted = parsed?.deleted && !ids.has(parsed.deleted.plan.id) ? { ...parsed.deleted, history: undefined } : null;
  const replaced = parsed?.replaced && ids.has(parsed.replaced.before.id) ? parsed.replaced : null;
  return { deleted, replaced };
}

// Saved whenever either changes: the history of a deleted plan is this page's only.
usePlanStore.subscribe((s, before) => {
  if (s.deleted === before.deleted && s.replaced === before.replaced) return;
  const saved = {
    deleted: s.deleted ? { plan: s.deleted.plan, index: s.deleted.index } : null,
    replaced: s.replaced,
  };
  storage.writeUndo(saved.deleted || saved.replaced ? JSON.stringify(saved) : null);
});

/**
 * Another tab saved plan `id` as `theirs` after this tab last read it, and this tab has edits of
 * its own: both are kept. The plan takes the other tab's version; this tab's becomes a copy.
 */
function resolveConflict(id: string, theirs: string): void {
  const parsed = parseStoredPlan(theirs);
  usePlanStore.setState((s) => {
    const mine = s.plans.find((p) => p.id === id);
    if (!mine) return s;
    if (!parsed) return keepUnreadable(s, mine, theirs);
    storage.adopt(parsed, theirs);
    const copy: Plan = { ...mine, id: newPlanId(), name: `${mine.name.trim() || 'Untitled plan'} (this tab’s edits)`.slice(0, 120), updatedAt: stamp() };
    const index = s.plans.findIndex((p) => p.id === id);
    const plans = s.plans.map((p) => (p.id === id ? parsed : p));
    plans.splice(index + 1, 0, copy);
    const wasOpen = s.openPlanId === id;
    // This tab's undo steps would put its older version back over the other tab's.
    const history = { ...s.history };
    delete history[id];
    return {
      plans,
      history,
      ...(wasOpen ? { openPlanId: copy.id, plan: s.shared ?? copy } : {}),
      notices: [
        ...s.notices,
        notice(
          'edited-in-both-tabs',
          `“${mine.name.trim() || 'Untitled plan'}” was changed in another tab at the same time. Both versions are kept: the other tab’s under its name, this tab’s as “${copy.name}”${wasOpen ? ', now open' : ''}.`,
        ),
      ],
    };
  });
}

/**
 * Another tab saved plan `mine.id` as `theirs`, which this version can't read (a newer version's
 * shape, or damaged): it is copied to a backup key before this tab's version is saved over it, and
 * the user is told where it is, with a download.
 */
function keepUnreadable(s: PlanState, mine: Plan, theirs: string): Partial<PlanState> {
  // Their text is already taken as the stored copy (see `setItem`): the save this update makes writes this tab's.
  const backupKey = storage.keepAside(theirs);
  const name = mine.name.trim() || 'Untitled plan';
  const where = backupKey ? `kept in a backup in this browser (${backupKey})` : 'could not be copied to a backup in this browser';
  return {
    notices: [
      ...s.notices,
      notice(
        'unreadable-from-other-tab',
        `Another tab saved “${name}” in a form this version of Reachplan can’t read (a newer version, or damaged data). Its copy was ${where}; this tab’s version is saved. Download the other copy to keep it.`,
        { fileName: 'reachplan-other-tab-copy.json', text: theirs, label: 'Download the other tab’s copy' },
      ),
    ],
  };
}

function parseStoredPlan(raw: string): Plan | null {
  try {
    const parsed = planSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps this tab in step with plans saved or deleted in another tab: a newer saved plan replaces
 * this tab's copy (this tab has no unsaved work: every edit is saved at once).
 */
export function applyStorageChange(key: string | null, newValue: string | null): void {
  if (key === WORKSPACE_STORAGE_KEY) storage.indexChanged(newValue);
  // What a newer version saved is not this tab's to read or write.
  if (key === null || !key.startsWith(PLAN_KEY_PREFIX) || storage.stopped) return;
  const id = key.slice(PLAN_KEY_PREFIX.length);
  // Moved to the larger storage by another tab, not deleted: this tab's edits go there from now on.
  if (newValue === null && storage.movedToVault(id)) return;
  usePlanStore.setState((s) => {
    const mine = s.plans.find((p) => p.id === id);
    if (newValue === null) {
      if (!mine) return s;
      if (id === s.openPlanId) {
        // Still taken as saved, so it is written again on its next edit only: saving it now would undo the other tab's deletion.
        return {
          notices: [...s.notices, notice('deleted-in-other-tab', `“${mine.name.trim() || 'Untitled plan'}” was deleted in another tab. It stays open here, and is saved again if you edit it.`)],
        };
      }
      storage.forget(id);
      return { plans: s.plans.filter((p) => p.id !== id) };
    }
    const theirs = parseStoredPlan(newValue);
    if (!theirs || theirs.id !== id) return s;
    storage.adopt(theirs, newValue);
    if (!mine) return { plans: [...s.plans, theirs] };
    if (mine.updatedAt > theirs.updatedAt) return s;
    const history = { ...s.history };
    delete history[id];
    const isOpen = id === s.openPlanId;
    return {
      ...withPlan(s, theirs),
      history,
      ...(isOpen ? { notices: [...s.notices.filter((n) => n.kind !== 'updated-in-other-tab'), notice('updated-in-other-tab', 'This plan was updated with changes made in another tab.')] } : {}),
    };
  });
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.storageArea === null || (local !== null && event.storageArea === local)) applyStorageChange(event.key, event.newValue);
  });
}

/** Why a plan of `needed` characters can't be added now (null when it can): see `noRoomForPlan`. */
export function noRoomForNow(needed: number = NEW_PLAN_CHARS): string | null {
  return noRoomForPlan(storage.room(), needed);
}

/** About how many characters localStorage still takes; null where plans that don't fit move to the larger storage. */
export function storageRoom(): number | null {
  return storage.room();
}

/** The same, again whenever the plans change (what is stored changes with them). */
export function useNoRoomFor(needed: number = NEW_PLAN_CHARS): string | null {
  usePlanStore((s) => s.plans);
  return noRoomForNow(needed);
}

/** How many plans are kept in the browser's larger storage (IndexedDB), and their size in characters. */
export function useVaultUsage(): { plans: number; chars: number } {
  const plans = usePlanStore((s) => s.plans);
  // Read again when the plans change: the moves to the vault happen as they are saved.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `plans` is the trigger, not an input.
  return useMemo(() => storage.vaultUsage(), [plans]);
}

/**
 * The browser's IndexedDB as the workspace's larger storage, or null where there is none. Its
 * code loads when it is first used: a page that never fills localStorage never downloads it.
 */
function lazyVault(): PlanVault | null {
  let factory: IDBFactory | undefined;
  try {
    factory = globalThis.indexedDB;
  } catch {
    return null;
  }
  if (!factory) return null;
  const idb = factory;
  let loading: Promise<PlanVault> | null = null;
  // Every call waits on the same promise, so their transactions still open in call order.
  const vault = () =>
    (loading ??= import('../lib/plan-vault').then(
      (m) => m.indexedDbVault(idb),
      (error: unknown) => {
        // Offline when it was first needed: tried again on the next write.
        loading = null;
        throw error;
      },
    ));
  return {
    readAll: () => vault().then((v) => v.readAll()),
    put: (id, raw, expected) => vault().then((v) => v.put(id, raw, expected)),
    remove: (id, expected) => vault().then((v) => v.remove(id, expected)),
  };
}

/**
 * Loads the saved plans: at once from localStorage, or, when some are kept in the browser's
 * larger storage (IndexedDB, where plans go once localStorage is full), after reading it. The
 * page renders once this resolves; without plans in the larger storage it never opens it.
 */
function loadPlans(): Promise<void> {
  const vault = local ? lazyVault() : null;
  const waiting = plansInVault(local);
  const hydrate = () => {
    void usePlanStore.persist.rehydrate();
  };
  if (waiting.length === 0 || !vault) {
    storage.useVault(vault, new Map(), vault ? [] : waiting);
    hydrate();
    if (!vault && waiting.length > 0) unreachableNotice(waiting.length);
    return Promise.resolve();
  }
  return vault.readAll().then(
    (held) => {
      storage.useVault(vault, held);
      hydrate();
    },
    () => {
      // Kept listed and untouched: found again when the larger storage opens on a later load.
      storage.useVault(null, new Map(), waiting);
      hydrate();
      unreachableNotice(waiting.length);
    },
  );
}

function unreachableNotice(count: number): void {
  usePlanStore.setState((s) => ({
    notices: [
      ...s.notices,
      notice(
        'vault-unreachable',
        `${count === 1 ? 'A plan is' : `${count} plans are`} kept in this browser’s larger storage (IndexedDB), which could not be opened. ${count === 1 ? 'It is' : 'They are'} left as ${count === 1 ? 'it is' : 'they are'}: reload to try again.`,
      ),
    ],
  }));
}

/** Resolves once the saved plans are loaded (see `loadPlans`). */
export const planStoreReady: Promise<void> = loadPlans();

/** Re-reads storage as a page load would (tests). */
export function reloadPlanStore(): void {
  storage.reset();
  void usePlanStore.persist.rehydrate();
}

/** Back to a workspace of one brand-new plan (tests). Like any store update, it is saved. */
export function resetPlanStoreInMemory(): void {
  storage.reset();
  const plan = freshPlan();
  usePlanStore.setState({
    plans: [plan],
    openPlanId: plan.id,
    plan,
    shared: null,
    history: {},
    deleted: null,
    replaced: null,
    notices: [],
    recovery: null,
    saveError: null,
    outdatedBy: null,
  });
}

export const usePlan = () => usePlanStore((s) => s.plan);
/** The open plan's name alone: for what needn't re-render on every other edit. */
export const usePlanName = () => usePlanStore((s) => s.plan.name);
/** The plan's creator lines alone: for what needn't re-render on other edits. */
export const usePlanCreators = () => usePlanStore((s) => s.plan.creators);
/** The plan's targeting and goal (each keeps its identity until it changes). */
export const usePlanTargeting = () => usePlanStore((s) => s.plan.targeting);
export const usePlanGoal = () => usePlanStore((s) => s.plan.goal);
/** Why no creator can be added to the plan on screen (it holds as many line items as a plan may), or null. */
export const usePlanFullReason = () =>
  usePlanStore((s) =>
    s.plan.formats.length + s.plan.creators.length >= PLAN_LIMITS.lineItems
      ? `This plan holds ${PLAN_LIMITS.lineItems.toLocaleString('en-US')} line items, as many as a plan may: remove one to add another.`
      : null,
  );
/** The plan's shortlisted creators, in the order they were added. */
export const useShortlist = () => usePlanStore((s) => s.plan.shortlist);
export const usePlanActions = () => usePlanStore((s) => s.actions);
export const useRecovery = () => usePlanStore((s) => s.recovery);
export const usePlans = () => usePlanStore((s) => s.plans);
/** The workspace's plans right now, outside rendering (in an event handler, after an action). */
export const currentPlans = (): Plan[] => usePlanStore.getState().plans;
export const useOpenPlanId = () => usePlanStore((s) => s.openPlanId);
/** The plan from a share link on screen (read-only), or null. */
export const useSharedPlan = () => usePlanStore((s) => s.shared);
export const useLastDeleted = () => usePlanStore((s) => s.deleted);
/** The last plan replaced by an import (as it was before), while it can be put back. */
export const useLastReplaced = () => usePlanStore((s) => s.replaced);
export const useNotices = () => usePlanStore((s) => s.notices);
/** Whether the open plan has steps to undo and to redo. */
export const useUndoState = () =>
  usePlanStore(
    useShallow((s) => {
      const h = s.shared ? undefined : s.history[s.openPlanId];
      return { canUndo: (h?.past.length ?? 0) > 0, canRedo: (h?.future.length ?? 0) > 0 };
    }),
  );
export const useSaveError = () => usePlanStore((s) => s.saveError);
/** The storage version a newer Reachplan saved, once this tab has seen it (and stopped saving); null otherwise. */
export const useOutdatedBy = () => usePlanStore((s) => s.outdatedBy);
