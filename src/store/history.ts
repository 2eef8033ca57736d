import type { Plan } from '../domain/plan';

/** Undo steps kept per plan; older ones are dropped. */
export const MAX_UNDO_STEPS = 100;
/** Keystrokes in the same field closer than this make one undo step, as in a text editor. */
export const COALESCE_MS = 1000;

/** A plan's undo and redo stacks (in memory: a reload starts a fresh history). */
export interface PlanHistory {
  past: Plan[];
  future: Plan[];
  /** What the last edit changed, and when: the next edit of the same text joins its step. */
  last: { key: string; at: number } | null;
}

export const emptyHistory = (): PlanHistory => ({ past: [], future: [], last: null });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The paths where `a` and `b` differ (the stamp aside), down to the fields of a changed list
 * entry, and whether every changed value is text. `null` when nothing changed.
 */
export function changeOf(a: Plan, b: Plan): { key: string; textOnly: boolean } | null {
  const paths: string[] = [];
  let textOnly = true;
  const walk = (x: unknown, y: unknown, path: string, depth: number) => {
    if (x === y) return;
    if (depth < 6 && Array.isArray(x) && Array.isArray(y) && x.length === y.length) {
      x.forEach((item, i) => walk(item, y[i], `${path}[${i}]`, depth + 1));
      return;
    }
    if (depth < 6 && isRecord(x) && isRecord(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (depth === 0 && k === 'updatedAt') continue;
        walk(x[k], y[k], path ? `${path}.${k}` : k, depth + 1);
      }
      return;
    }
    paths.push(path);
    if (typeof x !== 'string' || typeof y !== 'string') textOnly = false;
  };
  walk(a, b, '', 0);
  return paths.length === 0 ? null : { key: paths.join('|'), textOnly };
}

/**
 * The history after `before` became `after` at `now`: a new undo step, or the same step when
 * the edit continues typing in the text the previous edit changed. Redo steps are dropped.
 */
export function recordEdit(history: PlanHistory, before: Plan, after: Plan, now: number): PlanHistory {
  const change = changeOf(before, after);
  if (!change) return history;
  const { last } = history;
  if (change.textOnly && last && last.key === change.key && now - last.at < COALESCE_MS && history.future.length === 0) {
    return { ...history, last: { key: change.key, at: now } };
  }
  return {
    past: [...history.past.slice(-(MAX_UNDO_STEPS - 1)), before],
    future: [],
    last: change.textOnly ? { key: change.key, at: now } : null,
  };
}

/** Steps back: the plan to show, and the history after; null when there is nothing to undo. */
export function undoStep(history: PlanHistory, current: Plan): { plan: Plan; history: PlanHistory } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return {
    plan: previous,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], last: null },
  };
}

/** Steps forward again: the plan to show, and the history after; null when there is nothing to redo. */
export function redoStep(history: PlanHistory, current: Plan): { plan: Plan; history: PlanHistory } | null {
  const next = history.future.at(-1);
  if (!next) return null;
  return {
    plan: next,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), last: null },
  };
}
