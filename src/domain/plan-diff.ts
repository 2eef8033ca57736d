import { format as formatDate } from 'date-fns';
import { describeLimit, parseNumber, type NumberRule } from './parse';
import { COST_FIELDS, GOAL_KPI, type CostField, type Plan, type PlanCreatorLine, type PlanFormatLine } from './plan';
import { AGE_BANDS, COUNTRIES, COUNTRY_NAMES, type AdFormat, type Assumption, type AssumptionKey, type FormatId, type Gender } from './types';
import { fieldId, formatAmountLabel, parseIsoDate } from './validation';

/**
 * What changed from one plan to another, in words a marketer reads: for a scenario against
 * the plan it was duplicated from. Values are compared as the app reads them (parsed the way
 * validation parses them), so "60,000" and "$60000" are the same budget and a formatting-only
 * edit is no change.
 *
 * Left out on purpose: the name (every scenario has its own), the status (where the plan
 * stands with the client, not what it buys), the contract checklists and retired contracts
 * (they don't change what the plan buys or projects), targets typed for other goals, and the
 * catalog facts copied onto creator lines. The shortlist is summarised by its size.
 */

/** Groups of changes, in the order they are shown. */
export const CHANGE_GROUPS = ['lineItems', 'budgets', 'dates', 'costs', 'assumptions', 'settings'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

export const CHANGE_GROUP_LABELS: Record<ChangeGroup, string> = {
  lineItems: 'Line items',
  budgets: 'Budgets',
  dates: 'Dates',
  costs: 'Costs',
  assumptions: 'Assumptions',
  settings: 'Goal, audience and shortlist',
};

export interface PlanChange {
  group: ChangeGroup;
  /** Stable across renders and plans: a validation field id where the change is one field. */
  key: string;
  /** `added`/`removed`: a line item (or override) is in one plan's projection and not the other's. */
  kind: 'added' | 'removed' | 'changed';
  /** "In-Feed Ads budget", "@zachking posts". */
  label: string;
  /** Display text of the base plan's value ("$60,000", "Not in plan", "Default 0.9%"). */
  before: string;
  /** Display text of the other plan's value. */
  after: string;
}

/** Names and units from the API; without them, formats read by their id and assumptions by their key. */
export interface DiffLabels {
  formats?: readonly Pick<AdFormat, 'id' | 'name' | 'purchaseUnit'>[];
  assumptions?: readonly Pick<Assumption, 'key' | 'label' | 'unit' | 'value'>[];
}

export const NOT_IN_PLAN = 'Not in plan';
export const UNTICKED = 'Unticked';

/** A value as the app reads it: `same` decides equality, `text` is what is shown. */
interface Reading {
  same: string;
  text: string;
}

/**
 * Reads typed text as validation would, without its limits (an out-of-range value is still
 * that number): a number compares by value, anything unreadable by its trimmed text.
 */
function readNumber(text: string, unit: NumberRule['unit'], show: (n: number) => string, none: string): Reading {
  const parsed = parseNumber(text, { label: 'Value', unit, max: Number.POSITIVE_INFINITY, optional: true });
  if (parsed.ok) return parsed.value === null ? { same: '', text: none } : { same: String(parsed.value), text: show(parsed.value) };
  const raw = text.trim();
  return { same: `text:${raw}`, text: `“${raw}” (to fix)` };
}

const money = (n: number) => describeLimit(n, 'usd');
const plain = (n: number) => describeLimit(n, 'plain');
const percent = (n: number) => describeLimit(n, 'percent');
const plural = (n: number, one: string, many: string) => `${plain(n)} ${n === 1 ? one : many}`;

function readDate(text: string, none: string): Reading {
  const raw = text.trim();
  if (raw === '') return { same: '', text: none };
  const date = parseIsoDate(raw);
  return date ? { same: raw, text: formatDate(date, 'MMM d, yyyy') } : { same: `text:${raw}`, text: `“${raw}” (to fix)` };
}

class Changes {
  readonly list: PlanChange[] = [];

  /** Adds a change when the two readings differ. */
  compare(group: ChangeGroup, key: string, label: string, before: Reading, after: Reading): void {
    if (before.same !== after.same) this.list.push({ group, key, kind: 'changed', label, before: before.text, after: after.text });
  }

  add(change: PlanChange): void {
    this.list.push(change);
  }
}

const same = (text: string): Reading => ({ same: text, text });

// ---------------------------------------------------------------------------------------
// Line items.

interface FormatInfo {
  name: string;
  /** Null when the catalog isn't known: the amount then reads as a plain number. */
  purchaseUnit: AdFormat['purchaseUnit'] | null;
}

function formatInfo(id: FormatId, labels: DiffLabels): FormatInfo {
  const f = labels.formats?.find((x) => x.id === id);
  return f ? { name: f.name, purchaseUnit: f.purchaseUnit } : { name: id, purchaseUnit: null };
}

function readAmount(line: PlanFormatLine, info: FormatInfo): Reading {
  if (info.purchaseUnit === 'days') return readNumber(line.amount, 'count', (n) => plural(n, 'day', 'days'), 'Not set');
  return readNumber(line.amount, 'usd', info.purchaseUnit === 'budget' ? money : plain, 'Not set');
}

const PACING_TEXT: Record<PlanFormatLine['pacing'], string> = { even: 'Even', 'front-loaded': 'Front-loaded' };

/** A format line in one phrase: "$60,000, CPC, front-loaded". */
function formatSummary(line: PlanFormatLine, info: FormatInfo): string {
  const parts = [readAmount(line, info).text];
  if (line.formatId === 'in-feed') parts.push(line.buyingModel);
  if (line.pacing !== 'even') parts.push(PACING_TEXT[line.pacing].toLowerCase());
  return parts.join(', ');
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/** Keys of both lists: the base's order, then those only in the other. */
function unionKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): string[] {
  return [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
}

function diffFormats(base: Plan, other: Plan, labels: DiffLabels, out: Changes): void {
  const a = byKey(base.formats, (f) => f.formatId);
  const b = byKey(other.formats, (f) => f.formatId);
  for (const id of unionKeys(a, b) as FormatId[]) {
    const x = a.get(id);
    const y = b.get(id);
    const info = formatInfo(id, labels);
    const key = fieldId.format(id);
    // An unticked line keeps what was typed but buys nothing: only its presence in the projection counts.
    if (x?.included && !y?.included) {
      out.add({ group: 'lineItems', key: `${key}:line`, kind: 'removed', label: info.name, before: formatSummary(x, info), after: y ? UNTICKED : NOT_IN_PLAN });
      continue;
    }
    if (y?.included && !x?.included) {
      out.add({ group: 'lineItems', key: `${key}:line`, kind: 'added', label: info.name, before: x ? UNTICKED : NOT_IN_PLAN, after: formatSummary(y, info) });
      continue;
    }
    if (!x?.included || !y?.included) continue;
    const amountLabel = info.purchaseUnit === null ? `${info.name} amount` : formatAmountLabel({ name: info.name, purchaseUnit: info.purchaseUnit });
    out.compare('budgets', key, amountLabel, readAmount(x, info), readAmount(y, info));
    // Other formats are sold one way and ignore the buying model.
    if (id === 'in-feed') out.compare('lineItems', `${key}:buyingModel`, `${info.name} buying model`, same(x.buyingModel), same(y.buyingModel));
    out.compare('lineItems', `${key}:pacing`, `${info.name} pacing`, same(PACING_TEXT[x.pacing]), same(PACING_TEXT[y.pacing]));
    const category = (l: PlanFormatLine) => (l.category.trim() === '' ? { same: '', text: 'Not chosen' } : same(l.category.trim()));
    out.compare('lineItems', fieldId.formatCategory(id), `${info.name} category`, category(x), category(y));
  }
}

const readPosts = (l: PlanCreatorLine) => readNumber(l.posts, 'count', plain, 'Not set');
const readFee = (l: PlanCreatorLine) => readNumber(l.fee, 'usd', money, 'Not set');
const readSpark = (l: PlanCreatorLine) => readNumber(l.sparkBudget, 'usd', money, 'None');

/** A creator line in one phrase: "2 posts × $62,500 + $5,000 Spark Ads". */
function creatorSummary(l: PlanCreatorLine): string {
  const posts = readPosts(l);
  const spark = readSpark(l);
  const count = Number(posts.same);
  const postsText = posts.same !== '' && Number.isFinite(count) ? plural(count, 'post', 'posts') : `${posts.text} posts`;
  return `${postsText} × ${readFee(l).text}${spark.same === '' ? '' : ` + ${spark.text} Spark Ads`}`;
}

/** Posts as a count, for pairing post dates; null when unreadable. */
function postCount(l: PlanCreatorLine): number | null {
  const posts = readPosts(l).same;
  const n = Number(posts);
  return posts !== '' && Number.isInteger(n) ? n : null;
}

function diffCreators(base: Plan, other: Plan, out: Changes): void {
  const a = byKey(base.creators, (c) => c.handle);
  const b = byKey(other.creators, (c) => c.handle);
  for (const handle of unionKeys(a, b)) {
    const x = a.get(handle);
    const y = b.get(handle);
    const name = `@${handle}`;
    if (x && !y) {
      out.add({ group: 'lineItems', key: `creator:${handle}`, kind: 'removed', label: name, before: creatorSummary(x), after: NOT_IN_PLAN });
      continue;
    }
    if (y && !x) {
      out.add({ group: 'lineItems', key: `creator:${handle}`, kind: 'added', label: name, before: NOT_IN_PLAN, after: creatorSummary(y) });
      continue;
    }
    if (!x || !y) continue;
    out.compare('lineItems', fieldId.creatorPosts(handle), `${name} posts`, readPosts(x), readPosts(y));
    out.compare('budgets', fieldId.creatorFee(handle), `${name} fee`, readFee(x), readFee(y));
    out.compare('budgets', fieldId.creatorSpark(handle), `${name} Spark Ads budget`, readSpark(x), readSpark(y));
    // Dates of the posts both plans have; a post only one plan has is the posts change above.
    const shared = Math.min(postCount(x) ?? x.postDates.length, postCount(y) ?? y.postDates.length);
    for (let i = 0; i < shared; i++) {
      out.compare(
        'dates',
        fieldId.creatorPostDate(handle, i),
        `${name} post ${i + 1} date`,
        readDate(x.postDates[i] ?? '', 'Spread evenly'),
        readDate(y.postDates[i] ?? '', 'Spread evenly'),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------
// Costs and assumptions.

export const COST_LABELS: Record<CostField, string> = {
  agencyCommission: 'Agency commission',
  usageRights: 'Usage rights',
  whitelisting: 'Whitelisting',
  production: 'Production',
  tax: 'Tax',
};

/** Agency commission and tax are percentages; the other cost lines are amounts in USD. */
const PERCENT_COSTS: readonly CostField[] = ['agencyCommission', 'tax'];

function diffCosts(base: Plan, other: Plan, out: Changes): void {
  for (const field of COST_FIELDS) {
    const read = (p: Plan) =>
      PERCENT_COSTS.includes(field) ? readNumber(p.costs[field], 'percent', percent, 'None') : readNumber(p.costs[field], 'usd', money, 'None');
    out.compare('costs', `cost:${field}`, COST_LABELS[field], read(base), read(other));
  }
}

/** An assumption's value in the unit it is edited in ("0.9%", "$10", "26,500,000"). */
function assumptionText(unit: Assumption['unit'] | null, value: number): string {
  if (unit === 'fraction') return `${Number((value * 100).toPrecision(4))}%`;
  if (unit === 'usd') return money(value);
  return plain(value);
}

function diffAssumptions(base: Plan, other: Plan, labels: DiffLabels, out: Changes): void {
  const keys = [...new Set([...Object.keys(base.assumptionOverrides), ...Object.keys(other.assumptionOverrides)])] as AssumptionKey[];
  const order = labels.assumptions?.map((a) => a.key) ?? [];
  keys.sort((k1, k2) => rank(order, k1) - rank(order, k2));
  for (const key of keys) {
    const a = labels.assumptions?.find((x) => x.key === key);
    const unit = a?.unit ?? null;
    const fallback = a ? `Default ${assumptionText(a.unit, a.value)}` : 'Default';
    // Overrides are typed in the unit shown (percent for fractions), as validation reads them;
    // one equal to the default changes nothing the model uses.
    const scale = unit === 'fraction' ? 100 : 1;
    const read = (p: Plan): Reading => {
      const text = p.assumptionOverrides[key] ?? '';
      const r = readNumber(text, unit === 'fraction' ? 'percent' : unit === 'usd' ? 'usd' : 'plain', (n) => assumptionText(unit, n / scale), fallback);
      const value = Number(r.same) / scale;
      if (a && r.same !== '' && !r.same.startsWith('text:') && Math.abs(value - a.value) <= 1e-9 * Math.max(1, Math.abs(a.value))) {
        return { same: '', text: fallback };
      }
      return r;
    };
    const before = read(base);
    const after = read(other);
    if (before.same === after.same) continue;
    out.add({
      group: 'assumptions',
      key: fieldId.assumption(key),
      kind: before.same === '' ? 'added' : after.same === '' ? 'removed' : 'changed',
      label: a?.label ?? key,
      before: before.text,
      after: after.text,
    });
  }
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

// ---------------------------------------------------------------------------------------
// Plan settings.

const GENDER_TEXT: Record<Gender, string> = { all: 'Everyone', female: 'Women', male: 'Men' };

function readCountries(p: Plan): Reading {
  const chosen = COUNTRIES.filter((c) => p.targeting.countries.includes(c));
  return { same: chosen.join(','), text: chosen.length === 0 ? 'None' : chosen.map((c) => COUNTRY_NAMES[c]).join(', ') };
}

function readAges(p: Plan): Reading {
  const chosen = AGE_BANDS.filter((b) => p.targeting.ageBands.includes(b));
  const text = chosen.length === AGE_BANDS.length ? 'All ages' : chosen.length === 0 ? 'None' : chosen.join(', ');
  return { same: chosen.join(','), text };
}

function readKpiTarget(p: Plan): Reading {
  const { metric, metricLabel } = GOAL_KPI[p.goal];
  const unit = metric === 'revenue' ? 'usd' : 'plain';
  const r = readNumber(p.kpiTarget, unit, (n) => `${describeLimit(n, unit)} ${metricLabel}`, 'None');
  // The same number means another thing under another goal.
  return r.same === '' ? r : { ...r, same: `${p.goal}:${r.same}` };
}

function diffSettings(base: Plan, other: Plan, out: Changes): void {
  out.compare('dates', fieldId.startDate, 'Start date', readDate(base.startDate, 'Not set'), readDate(other.startDate, 'Not set'));
  out.compare('dates', fieldId.endDate, 'End date', readDate(base.endDate, 'Not set'), readDate(other.endDate, 'Not set'));
  const weekends = (p: Plan) => same(p.excludeWeekends ? 'Flag weekend posts' : 'Weekends allowed');
  out.compare('dates', 'excludeWeekends', 'Weekend posting', weekends(base), weekends(other));

  const budget = (p: Plan) => readNumber(p.totalBudget, 'usd', money, 'Not set');
  out.compare('budgets', fieldId.totalBudget, 'Total budget', budget(base), budget(other));

  const goal = (p: Plan) => same(GOAL_KPI[p.goal].goalLabel);
  out.compare('settings', 'goal', 'Goal', goal(base), goal(other));
  out.compare('settings', fieldId.kpiTarget, 'KPI target', readKpiTarget(base), readKpiTarget(other));
  out.compare('settings', fieldId.countries, 'Countries', readCountries(base), readCountries(other));
  out.compare('settings', fieldId.ageBands, 'Age groups', readAges(base), readAges(other));
  out.compare('settings', 'targeting:gender', 'Gender', same(GENDER_TEXT[base.targeting.gender]), same(GENDER_TEXT[other.targeting.gender]));

  const a = new Set(base.shortlist.map((c) => c.handle));
  const b = new Set(other.shortlist.map((c) => c.handle));
  const added = [...b].filter((h) => !a.has(h)).length;
  const removed = [...a].filter((h) => !b.has(h)).length;
  if (added + removed > 0) {
    const count = (n: number) => plural(n, 'creator', 'creators');
    out.add({
      group: 'settings',
      key: 'shortlist',
      kind: 'changed',
      label: 'Shortlist',
      before: count(a.size),
      after: `${count(b.size)} (${[added > 0 ? `${plain(added)} added` : '', removed > 0 ? `${plain(removed)} removed` : ''].filter(Boolean).join(', ')})`,
    });
  }
}

/**
 * What changed from `base` to `other`, in the order of CHANGE_GROUPS and, within a group, in
 * the plans' own order. Empty when the plans buy and assume the same things.
 */
export function diffPlans(base: Plan, other: Plan, labels: DiffLabels = {}): PlanChange[] {
  const out = new Changes();
  diffFormats(base, other, labels, out);
  diffCreators(base, other, out);
  diffSettings(base, other, out);
  diffCosts(base, other, out);
  diffAssumptions(base, other, labels, out);
  return CHANGE_GROUPS.flatMap((group) => out.list.filter((c) => c.group === group));
}

/** The changes of each group that has any, in the order of CHANGE_GROUPS. */
export function groupChanges(changes: readonly PlanChange[]): { group: ChangeGroup; label: string; changes: PlanChange[] }[] {
  return CHANGE_GROUPS.map((group) => ({ group, label: CHANGE_GROUP_LABELS[group], changes: changes.filter((c) => c.group === group) })).filter(
    (g) => g.changes.length > 0,
  );
}
