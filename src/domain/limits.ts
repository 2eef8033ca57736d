import type { Plan } from './plan';

/**
 * What one plan may hold, wherever it comes from (typed, imported from a CSV, a share link or a
 * backup). The app's own fields stay within these (the name field takes 200 characters, a plan
 * takes 1,000 line items); data from outside that doesn't is refused with the limit it passed,
 * before it is stored: a 3 KB link must not carry a two-million-character name into storage.
 */
export const PLAN_LIMITS = {
  /** A plan's name (the field asks for under 120; 200 is what any source may bring). */
  nameLength: 200,
  /** Formats and creators together: far above any TikTok plan, below a slow app. */
  lineItems: 1_000,
  /** A short text a plan copies or holds: a handle, a display name, a country, a category. */
  textLength: 200,
  /** A number as typed (a budget, posts, a fee, a target, an assumption's value). */
  numberLength: 40,
  /** A shortlisted creator's bio, as the catalog wrote it. */
  bioLength: 2_000,
  /** Plans read from one backup file (the workspace itself is limited by the storage it uses). */
  plansPerBackup: 1_000,
} as const;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The first limit `plan` passes, as a sentence for the person bringing it in, or null when it
 * keeps them all. Linear in the plan's size, so a hostile plan costs no more than reading it.
 */
export function planOverLimits(plan: Plan): string | null {
  const L = PLAN_LIMITS;
  if (plan.name.length > L.nameLength) return `Its name is ${count(plan.name.length)} characters long: a plan name has at most ${count(L.nameLength)}.`;
  const lines = plan.formats.length + plan.creators.length;
  if (lines > L.lineItems) return `It has ${count(lines)} line items: a plan holds at most ${count(L.lineItems)}.`;
  const numbers: [string, string][] = [
    ['total budget', plan.totalBudget],
    ['KPI target', plan.kpiTarget],
    ...Object.entries(plan.otherKpiTargets).map(([goal, text]): [string, string] => [`${goal} target`, text ?? '']),
    ...Object.entries(plan.assumptionOverrides).map(([key, text]): [string, string] => [`assumption ${key}`, text ?? '']),
    ...plan.formats.map((f): [string, string] => [`${f.formatId} amount`, f.amount]),
  ];
  for (const c of plan.creators) numbers.push([`@${c.handle.slice(0, 40)} posts`, c.posts], [`@${c.handle.slice(0, 40)} fee`, c.fee], [`@${c.handle.slice(0, 40)} Spark Ads budget`, c.sparkBudget]);
  for (const [what, text] of numbers) {
    if (text.length > L.numberLength) return `Its ${what} is ${count(text.length)} characters long: a number has at most ${count(L.numberLength)}.`;
  }
  const texts: [string, string][] = [
    ['start date', plan.startDate],
    ['end date', plan.endDate],
    ...plan.formats.map((f): [string, string] => [`${f.formatId} category`, f.category]),
  ];
  for (const c of [...plan.creators, ...plan.shortlist]) {
    texts.push(['a creator’s handle', c.handle], [`@${c.handle.slice(0, 40)}’s display name`, c.displayName], [`@${c.handle.slice(0, 40)}’s country`, c.country]);
  }
  for (const c of plan.creators) for (const d of c.postDates) texts.push([`@${c.handle.slice(0, 40)}’s post date`, d]);
  for (const [what, text] of texts) {
    if (text.length > L.textLength) return `Its ${what} is ${count(text.length)} characters long: at most ${count(L.textLength)} are kept.`;
  }
  for (const c of plan.shortlist) {
    if (c.bio.length > L.bioLength) return `@${c.handle.slice(0, 40)}’s bio is ${count(c.bio.length)} characters long: at most ${count(L.bioLength)} are kept.`;
  }
  return null;
}
