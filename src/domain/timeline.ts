import { addDays, differenceInCalendarDays, format, formatISO, getYear, isWeekend, nextMonday, previousFriday } from 'date-fns';
import { checkContract, MAX_CONTRACT_DAYS } from './contract';
import { parseNumber } from './parse';
import type { Plan, PlanCreatorLine } from './plan';
import { eventDays, flightLength, MAX_FLIGHT_DAYS, MAX_POSTS, parseIsoDate } from './validation';

/**
 * The flight timeline: each creator's posting dates and deliverable deadlines, and what needs
 * attention. Dates in and out are `yyyy-MM-dd` calendar dates read in local time, never
 * instants, so a date is the same day in every time zone.
 */

export interface Flight {
  start: string;
  end: string;
  /** Days from start to end, both included. */
  days: number;
}

/** A date the user typed for the post, or the day the projection spreads an undated post to. */
export type PostSource = 'scheduled' | 'spread';

export interface TimelinePost {
  /** 0-based; the user reads post `index + 1`. */
  index: number;
  date: string;
  /** Day of the flight (0 = start date); below 0 before the flight, `days` or more after it. */
  day: number;
  source: PostSource;
}

/** A date on the timeline with its day of the flight (which can fall outside it). */
export interface DatedDay {
  date: string;
  day: number;
}

/** When content is due for approval: the contract's date, none yet, or a typed text that is no date. */
export type ContentDue = ({ status: 'set' } & DatedDay) | { status: 'not-set' } | { status: 'invalid'; reason: string };

/**
 * When a right bought in the contract ends. `invalid`: the contract's day count is wrong (its
 * message); `unknown`: the count is fine but the posting dates it runs from are not known.
 */
export type RightsEnd =
  | ({ status: 'set'; periodDays: number } & DatedDay)
  | { status: 'not-set' }
  | { status: 'invalid'; reason: string }
  | { status: 'unknown'; reason: string };

export interface CreatorTimeline {
  handle: string;
  displayName: string;
  /** Posts with a known date, in date order (post order on the same day). */
  posts: TimelinePost[];
  /** Why some or all posts have no date on the timeline; null when every post has one. */
  postProblem: string | null;
  contentDue: ContentDue;
  /** The last posting date + the exclusivity days. */
  exclusivityEnd: RightsEnd;
  /**
   * The last posting date + the usage-rights days: rights run from each post, and the client
   * can reuse the content until the last of them ends.
   */
  usageRightsEnd: RightsEnd;
}

export const TIMELINE_WARNING_KINDS = [
  'content-due-past',
  'post-past',
  'content-due-weekend',
  'post-weekend',
  'post-before-flight',
  'post-after-flight',
  'content-due-after-flight',
  'content-due-after-post',
] as const;
export type TimelineWarningKind = (typeof TIMELINE_WARNING_KINDS)[number];

export interface TimelineWarning {
  kind: TimelineWarningKind;
  handle: string;
  /** The date the warning is about. */
  date: string;
  /** 0-based post the warning is about (for `content-due-after-post`, the post it must precede); null for none. */
  postIndex: number | null;
  /** For weekend warnings: the weekday to move to. */
  suggestedDate: string | null;
  message: string;
}

export type Timeline =
  | { ok: false; reason: string }
  | {
      ok: true;
      flight: Flight;
      /** Today's day of the flight, or null when today is outside the flight (or unknown). */
      todayDay: number | null;
      /** Whether Saturdays and Sundays were warned about. */
      excludeWeekends: boolean;
      creators: CreatorTimeline[];
      /** In date order, then the plan's creator order. */
      warnings: TimelineWarning[];
    };

type TimelinePlan = Pick<Plan, 'startDate' | 'endDate' | 'creators' | 'excludeWeekends'>;

const iso = (date: Date) => formatISO(date, { representation: 'date' });

// A hundred creators' rows show the same few hundred dates many times over: each is formatted once.
const labels = new Map<string, string>();

/**
 * A date as the timeline shows it: "Mon 3 Jun", with the year when it differs from
 * `referenceYear` (the flight's start) so a right ending next year is not misread.
 */
export function timelineDateLabel(date: string, referenceYear: number): string {
  const key = `${date}/${referenceYear}`;
  let label = labels.get(key);
  if (label === undefined) {
    const parsed = parseIsoDate(date);
    label = parsed ? format(parsed, getYear(parsed) === referenceYear ? 'EEE d MMM' : 'EEE d MMM yyyy') : date;
    if (labels.size >= 5000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

/** The flight the timeline is drawn over, or what to fix first. */
export function timelineFlight(startDate: string, endDate: string): { ok: true; flight: Flight; start: Date } | { ok: false; reason: string } {
  const start = parseIsoDate(startDate);
  const end = parseIsoDate(endDate);
  const fix = 'Fix the flight dates first';
  if (!start) return { ok: false, reason: `${fix}: the start date must be a real date (yyyy-MM-dd).` };
  if (!end) return { ok: false, reason: `${fix}: the end date must be a real date (yyyy-MM-dd).` };
  const days = flightLength(startDate, endDate);
  if (days === null) return { ok: false, reason: `${fix}: the end date is before the start date.` };
  // The projection spreads nothing over a flight validation rejects, so neither does the timeline.
  if (days > MAX_FLIGHT_DAYS) return { ok: false, reason: `${fix}: the flight is ${days} days long, and a plan runs at most ${MAX_FLIGHT_DAYS} days.` };
  return { ok: true, flight: { start: startDate, end: endDate, days }, start };
}

/**
 * The plan's timeline on `today` (`yyyy-MM-dd`, the user's local date; an invalid one turns the
 * "in the past" warnings off). Never throws: an invalid flight gives its reason, and invalid
 * fields of a creator are left off their row, not guessed.
 */
export function buildTimeline(plan: TimelinePlan, today: string): Timeline {
  const checked = timelineFlight(plan.startDate, plan.endDate);
  if (!checked.ok) return checked;
  const { flight, start } = checked;
  const todayDate = parseIsoDate(today);
  const todayOffset = todayDate ? differenceInCalendarDays(todayDate, start) : null;
  const context: Context = {
    flight,
    start,
    todayOffset,
    excludeWeekends: plan.excludeWeekends,
    year: getYear(start),
  };

  const creators: CreatorTimeline[] = [];
  const warnings: { warning: TimelineWarning; order: number }[] = [];
  plan.creators.forEach((line, i) => {
    const row = creatorTimeline(line, context);
    creators.push(row);
    for (const warning of warningsOf(row, context)) warnings.push({ warning, order: i });
  });
  warnings.sort(
    (a, b) =>
      a.warning.date.localeCompare(b.warning.date) ||
      a.order - b.order ||
      TIMELINE_WARNING_KINDS.indexOf(a.warning.kind) - TIMELINE_WARNING_KINDS.indexOf(b.warning.kind) ||
      (a.warning.postIndex ?? -1) - (b.warning.postIndex ?? -1),
  );

  return {
    ok: true,
    flight,
    todayDay: todayOffset !== null && todayOffset >= 0 && todayOffset < flight.days ? todayOffset : null,
    excludeWeekends: plan.excludeWeekends,
    creators,
    warnings: warnings.map((w) => w.warning),
  };
}

interface Context {
  flight: Flight;
  start: Date;
  /** Today's day of the flight (any integer), or null when today is unknown. */
  todayOffset: number | null;
  excludeWeekends: boolean;
  year: number;
}

/**
 * Each post's date. The rule is validation's, so the timeline shows the days the projection
 * uses: a typed date is kept; post `i` without one lands on day `eventDays(posts, days)[i]`.
 */
function postsOf(line: PlanCreatorLine, context: Context): { posts: TimelinePost[]; problem: string | null } {
  const handle = `@${line.handle}`;
  const count = parseNumber(line.posts, { label: 'Posts', max: MAX_POSTS, unit: 'count', integer: true, min: 1 });
  if (!count.ok || count.value === null) {
    return { posts: [], problem: `Fix ${handle}’s number of posts to see their posting dates.` };
  }
  const even = eventDays(count.value, context.flight.days);
  const posts: TimelinePost[] = [];
  const invalid: number[] = [];
  for (let index = 0; index < count.value; index++) {
    const text = (line.postDates[index] ?? '').trim();
    if (text === '') {
      const day = even[index] ?? 0;
      posts.push({ index, day, date: iso(addDays(context.start, day)), source: 'spread' });
      continue;
    }
    const date = parseIsoDate(text);
    if (!date) {
      invalid.push(index + 1);
      continue;
    }
    posts.push({ index, day: differenceInCalendarDays(date, context.start), date: text, source: 'scheduled' });
  }
  posts.sort((a, b) => a.day - b.day || a.index - b.index);
  const problem =
    invalid.length === 0
      ? null
      : invalid.length === 1
        ? `${handle} post ${invalid[0]}’s date is not a real date (yyyy-MM-dd): fix it under Posting dates.`
        : `${handle} posts ${listOf(invalid.map(String))} have dates that are not real dates (yyyy-MM-dd): fix them under Posting dates.`;
  return { posts, problem };
}

function creatorTimeline(line: PlanCreatorLine, context: Context): CreatorTimeline {
  const { posts, problem } = postsOf(line, context);
  // Only whether each field is well formed: a due date after the flight is a timeline warning.
  const errors = checkContract(line.contract, null);

  const dueText = line.contract.contentDueDate.trim();
  const dueDate = dueText === '' || errors.contentDueDate ? null : parseIsoDate(dueText);
  const contentDue: ContentDue =
    dueText === ''
      ? { status: 'not-set' }
      : dueDate
        ? { status: 'set', date: dueText, day: differenceInCalendarDays(dueDate, context.start) }
        : { status: 'invalid', reason: errors.contentDueDate ?? 'Content due date must be a real date (yyyy-MM-dd).' };

  // Rights run from the last post: unknown while any post's date is.
  const last = problem === null ? posts[posts.length - 1] : undefined;
  const rightsEnd = (text: string, error: string | undefined): RightsEnd => {
    const parsed = parseNumber(text, { label: 'Days', min: 0, max: MAX_CONTRACT_DAYS, unit: 'count', integer: true, optional: true });
    if (error || !parsed.ok) return { status: 'invalid', reason: error ?? 'Enter a whole number of days.' };
    if (parsed.value === null) return { status: 'not-set' };
    if (!last) return { status: 'unknown', reason: 'Known once every post has a valid date.' };
    const end = addDays(context.start, last.day + parsed.value);
    return { status: 'set', periodDays: parsed.value, date: iso(end), day: last.day + parsed.value };
  };

  return {
    handle: line.handle,
    displayName: line.displayName,
    posts,
    postProblem: problem,
    contentDue,
    exclusivityEnd: rightsEnd(line.contract.exclusivityDays, errors.exclusivityDays),
    usageRightsEnd: rightsEnd(line.contract.usageRightsDays, errors.usageRightsDays),
  };
}

/**
 * What needs attention in one creator's row, one warning per fix: a post outside the flight is
 * not also called out as past or on a weekend, nor a past date as a weekend: it moves anyway.
 */
function warningsOf(row: CreatorTimeline, context: Context): TimelineWarning[] {
  const { flight, year } = context;
  const handle = `@${row.handle}`;
  const label = (date: string) => timelineDateLabel(date, year);
  const isPast = (day: number) => context.todayOffset !== null && day < context.todayOffset;
  const dateOf = (day: number) => addDays(context.start, day);
  const warnings: TimelineWarning[] = [];
  const warn = (kind: TimelineWarningKind, date: string, message: string, postIndex: number | null = null, suggestedDate: string | null = null) =>
    warnings.push({ kind, handle: row.handle, date, postIndex, suggestedDate, message });

  const due = row.contentDue;
  if (due.status === 'set') {
    const what = `Content from ${handle}`;
    const when = label(due.date);
    if (isPast(due.day)) {
      warn('content-due-past', due.date, `${what} was due for approval on ${when}, which has passed: confirm it was approved, or agree a new date.`);
    } else if (context.excludeWeekends && due.day < flight.days && isWeekend(dateOf(due.day))) {
      const monday = iso(nextMonday(dateOf(due.day)));
      warn(
        'content-due-weekend',
        due.date,
        `${what} is due for approval on ${when}, a weekend, and weekends are excluded: move it to ${label(monday)}.`,
        null,
        monday,
      );
    }
    if (due.day >= flight.days) {
      warn('content-due-after-flight', due.date, `${what} is due for approval on ${when}, after the flight ends on ${label(flight.end)}: it must be approved before it posts.`);
    }
    const first = row.posts[0];
    if (first && due.day >= first.day) {
      const post = `post ${first.index + 1} goes live`;
      const relation = due.day === first.day ? `the day ${post}` : `after ${post} on ${label(first.date)}`;
      warn(
        'content-due-after-post',
        due.date,
        `${what} is due for approval on ${when}, ${relation}: set it before the first post, with time to review.`,
        first.index,
      );
    }
  }

  for (const post of row.posts) {
    const what = `${handle} post ${post.index + 1}`;
    const when = label(post.date);
    const inFlight = post.day >= 0 && post.day < flight.days;
    if (post.day < 0) {
      warn('post-before-flight', post.date, `${what} is dated ${when}, before the flight starts on ${label(flight.start)}: move it into the flight, or the projection leaves ${handle} out.`, post.index);
    } else if (!inFlight) {
      warn('post-after-flight', post.date, `${what} is dated ${when}, after the flight ends on ${label(flight.end)}: move it into the flight, or the projection leaves ${handle} out.`, post.index);
    } else if (isPast(post.day)) {
      warn('post-past', post.date, `${what} was to go live on ${when}, which has passed: check it went live, or pick a new date.`, post.index);
    } else if (context.excludeWeekends && isWeekend(dateOf(post.day))) {
      const suggestion = weekdayInFlight(dateOf(post.day), context);
      const placed = post.source === 'spread' ? `is spread to ${when}` : `is dated ${when}`;
      const fix = !suggestion
        ? 'the flight has no weekday for it, so lengthen the flight or allow weekends'
        : post.source === 'spread'
          ? `give it a date under Posting dates, such as ${label(suggestion)}`
          : `move it to ${label(suggestion)}`;
      warn('post-weekend', post.date, `${what} ${placed}, a weekend, and weekends are excluded: ${fix}.`, post.index, suggestion);
    }
  }
  return warnings;
}

/** The Monday after a weekend day, or the Friday before when that Monday is past the flight's end. */
function weekdayInFlight(date: Date, context: Context): string | null {
  for (const candidate of [nextMonday(date), previousFriday(date)]) {
    const day = differenceInCalendarDays(candidate, context.start);
    if (day >= 0 && day < context.flight.days) return iso(candidate);
  }
  return null;
}

/** "1", "1 and 2", "1, 2 and 3". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
