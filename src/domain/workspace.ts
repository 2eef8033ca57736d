import { MAX_NAME_LENGTH } from './validation';
import { contractHasContent, type CreatorContract } from './contract';
import { MAX_SHORTLIST, MODEL_EDITION, newPlan, type Plan, type PlanStatus } from './plan';

/** About what `plan` takes in the browser's storage, in characters: its saved text and its key. */
export function planChars(plan: Plan): number {
  return JSON.stringify(plan).length + 100;
}

/** About what a new blank plan takes in the browser's storage. */
export const NEW_PLAN_CHARS = planChars(newPlan('00000000-0000-4000-8000-000000000000', new Date(0)));

/** A size in the browser's storage as people read it: "12 KB", "4.2 MB" (a character is counted as a byte, as the quota's 5 MB is). */
export function storageSize(chars: number): string {
  if (chars < 1_000_000) return `${Math.ceil(chars / 1_000).toLocaleString('en-US')} KB`;
  return `${(chars / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

/**
 * Why plans of `needed` characters can't be added to the workspace (null when they can), where
 * the browser's storage has about `room` characters left: said before the action (an import, a
 * copy, a saved shared plan), never found out after it. The workspace is limited by the storage
 * it uses, not by a count of plans: `room` is null where there is no limit to announce (plans
 * that don't fit in localStorage move to the browser's larger storage).
 */
export function noRoomForPlan(room: number | null, needed: number): string | null {
  if (room === null || needed <= room) return null;
  return `This browser’s storage is full: about ${storageSize(room)} is left and the plan needs ${storageSize(needed)}. Download a backup, then delete plans you no longer need, to add one.`;
}

export const STATUS_LABEL: Record<PlanStatus, string> = { draft: 'Draft', proposed: 'Proposed', approved: 'Approved' };

/** `base` made unique among `taken` by a counter: "Q3 (copy)", "Q3 (copy 2)", … */
function unique(base: string, taken: ReadonlySet<string>, numbered: (n: number) => string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(n);
    if (!taken.has(candidate)) return candidate;
  }
}

const clip = (name: string, suffixLength: number) => name.slice(0, Math.max(0, MAX_NAME_LENGTH - suffixLength)).trimEnd();

/**
 * The name of a copy of `name`: "<name> (copy)", or for a scenario "<name> · scenario B" (C, D, …
 * after the letters the workspace already has), never longer than a plan name may be.
 */
export function duplicateName(name: string, kind: 'copy' | 'scenario', existing: readonly string[]): string {
  const trimmed = name.trim() || 'Untitled plan';
  const taken = new Set(existing.map((n) => n.trim()));
  if (kind === 'copy') {
    const stem = clip(trimmed, ' (copy 999)'.length);
    return unique(`${stem} (copy)`, taken, (n) => `${stem} (copy ${n})`);
  }
  // "Launch · scenario B" duplicated again is "Launch · scenario C", not "… · scenario B · scenario B".
  const stem = clip(trimmed.replace(/ · scenario [A-Z]\d*$/, ''), ' · scenario Z999'.length);
  for (let i = 1; i < 26; i++) {
    const candidate = `${stem} · scenario ${String.fromCharCode(65 + i)}`;
    if (!taken.has(candidate)) return candidate;
  }
  return unique(`${stem} · scenario Z`, taken, (n) => `${stem} · scenario Z${n}`);
}

/**
 * The name a plan arriving from outside (an imported CSV, a shared link) takes in the workspace:
 * its own name when no plan has it, else "<name> (imported)", "(imported 2)", … so two plans in
 * the list never look the same.
 */
export function arrivingName(name: string, tag: 'imported' | 'shared', existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim()));
  // Untouched when free, spaces and all: an import is the same plan as the one exported.
  if (!taken.has(name.trim())) return name;
  const stem = clip(name.trim() || 'Untitled plan', ` (${tag} 999)`.length);
  return unique(`${stem} (${tag})`, taken, (n) => `${stem} (${tag} ${n})`);
}

/** Same JSON value, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * True for the blank plan a workspace starts with, never edited: exactly what `newPlan` made at
 * its `updatedAt`. Such a plan holds no work, so a plan arriving in a fresh browser may take its place.
 */
export function isUntouchedNewPlan(plan: Plan): boolean {
  const made = new Date(plan.updatedAt);
  if (Number.isNaN(made.getTime())) return false;
  // The model edition it was last shown with is no work of the planner's (a blank plan saved before
  // the second edition is still blank).
  return sameValue({ ...plan, modelEdition: MODEL_EDITION }, newPlan(plan.id, made));
}

/**
 * `open` with the content of `imported` (a CSV, which carries no shortlist and no contract
 * checklists): what makes it this plan stays (its id, the plan it varies), and so does what the
 * file can't carry: the shortlist, each creator's checklist (a creator who leaves the plan keeps
 * theirs among the retired ones, as removing a creator does; one who comes back gets theirs back).
 */
export function replaceContent(open: Plan, imported: Plan): Plan {
  const agreed = new Map<string, CreatorContract>(Object.entries(open.retiredContracts));
  for (const line of open.creators) if (contractHasContent(line.contract)) agreed.set(line.handle, line.contract);
  const creators = imported.creators.map((line) => {
    const contract = agreed.get(line.handle);
    return contract ? { ...line, contract } : line;
  });
  const staying = new Set(creators.map((c) => c.handle));
  // The newest first kept, up to the cap, as removing a creator keeps them.
  const retired = [...agreed].filter(([handle]) => !staying.has(handle)).slice(-MAX_SHORTLIST);
  return {
    ...imported,
    id: open.id,
    scenarioOf: open.scenarioOf,
    shortlist: open.shortlist,
    creators,
    retiredContracts: Object.fromEntries(retired),
  };
}

/** What a replace keeps that the file doesn't carry, for the question before it ("its shortlist of 4 …"). */
export function keptByReplace(open: Plan): { shortlist: number; checklists: number } {
  const checklists = open.creators.filter((c) => contractHasContent(c.contract)).length + Object.keys(open.retiredContracts).length;
  return { shortlist: open.shortlist.length, checklists };
}
