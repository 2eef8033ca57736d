import { addDays, formatISO, isWeekend, parseISO } from 'date-fns';
import { timelineDateLabel, type CreatorTimeline, type Flight, type TimelineWarning } from '../../domain/timeline';

/** The most week labels the axis shows; ticks between them are drawn without a label. */
export const MAX_TICK_LABELS = 6;
/** A label starting further right than this (percent) would run past the axis: its tick is drawn bare. */
export const LAST_LABEL_LEFT = 88;

/** Left edge of `day` (0 = the flight's first day) across the flight, in percent. */
export function dayStart(day: number, days: number): number {
  return (day / days) * 100;
}

/** Middle of `day` across the flight, in percent: where a marker for that day sits. */
export function dayMiddle(day: number, days: number): number {
  return ((day + 0.5) / days) * 100;
}

export interface Tick {
  day: number;
  left: number;
  /** "Mon 3 Jun", or null for a tick drawn without a label on a long flight. */
  label: string | null;
}

/** A tick at the start of each week of the flight; every k-th is labelled so at most MAX_TICK_LABELS are. */
export function weekTicks(flight: Flight): Tick[] {
  const count = Math.ceil(flight.days / 7);
  const every = Math.ceil(count / MAX_TICK_LABELS);
  const start = parseISO(flight.start);
  const year = start.getFullYear();
  return Array.from({ length: count }, (_, week) => {
    const day = week * 7;
    const left = dayStart(day, flight.days);
    const labelled = week % every === 0 && (week === 0 || left <= LAST_LABEL_LEFT);
    return { day, left, label: labelled ? timelineDateLabel(formatISO(addDays(start, day), { representation: 'date' }), year) : null };
  });
}

export interface Stripe {
  left: number;
  width: number;
}

/** Saturdays and Sundays inside the flight, each run of weekend days as one stripe. */
export function weekendStripes(flight: Flight): Stripe[] {
  const start = parseISO(flight.start);
  const stripes: Stripe[] = [];
  let runStart: number | null = null;
  for (let day = 0; day <= flight.days; day++) {
    const weekend = day < flight.days && isWeekend(addDays(start, day));
    if (weekend && runStart === null) runStart = day;
    if (!weekend && runStart !== null) {
      stripes.push({ left: dayStart(runStart, flight.days), width: dayStart(day - runStart, flight.days) });
      runStart = null;
    }
  }
  return stripes;
}

export type MarkerKind = 'content' | 'post' | 'exclusivity' | 'usage';

/** Letters drawn in the markers, so they are told apart without color. */
export const MARKER_LETTER: Record<MarkerKind, string> = { content: 'C', post: 'P', exclusivity: 'X', usage: 'U' };

export interface Marker {
  key: string;
  kind: MarkerKind;
  letter: string;
  date: string;
  /** "3 Jun" (with the year when it differs from the flight's): a margin has room for no more. */
  short: string;
  /** A post the projection spreads (no date typed); drawn outlined. */
  spread: boolean;
  /** Named in a warning; drawn with a ring. */
  warned: boolean;
  /** What it is and when, for the tooltip. */
  title: string;
}

export interface RowLayout {
  /** Markers before the flight starts, drawn in the left margin with an arrow. */
  before: Marker[];
  /** Markers inside the flight, with their position in percent. */
  inside: (Marker & { left: number })[];
  /** Markers after the flight ends, drawn in the right margin with an arrow. */
  after: Marker[];
}

/** Keys of the markers that warnings are about: the content due date, and posts by index. */
export function warnedMarkers(warnings: readonly TimelineWarning[]): Map<string, Set<string>> {
  const byHandle = new Map<string, Set<string>>();
  for (const w of warnings) {
    const keys = byHandle.get(w.handle) ?? new Set<string>();
    keys.add(w.kind.startsWith('content-due') ? 'content' : `post:${w.postIndex ?? -1}`);
    byHandle.set(w.handle, keys);
  }
  return byHandle;
}

/** Where each of a creator's markers goes: before, inside or after the flight. */
export function rowLayout(row: CreatorTimeline, flight: Flight, warned: ReadonlySet<string> = new Set()): RowLayout {
  const year = parseISO(flight.start).getFullYear();
  const label = (date: string) => timelineDateLabel(date, year);
  // "Mon 3 Jun 2025" without its weekday.
  const short = (date: string) => label(date).slice(4);
  const layout: RowLayout = { before: [], inside: [], after: [] };
  const place = (marker: Omit<Marker, 'letter' | 'short' | 'warned'>, day: number) => {
    const full: Marker = { ...marker, letter: MARKER_LETTER[marker.kind], short: short(marker.date), warned: warned.has(marker.key) };
    if (warned.has(marker.key)) full.title += ' (see the warnings)';
    if (day < 0) layout.before.push(full);
    else if (day >= flight.days) layout.after.push(full);
    else layout.inside.push({ ...full, left: dayMiddle(day, flight.days) });
  };

  if (row.contentDue.status === 'set') {
    const { date, day } = row.contentDue;
    place({ key: 'content', kind: 'content', date, spread: false, title: `Content due for approval: ${label(date)}` }, day);
  }
  for (const post of row.posts) {
    const how = post.source === 'spread' ? 'spread over the flight' : 'scheduled';
    place(
      { key: `post:${post.index}`, kind: 'post', date: post.date, spread: post.source === 'spread', title: `Post ${post.index + 1}: ${label(post.date)} (${how})` },
      post.day,
    );
  }
  const ends = [
    ['exclusivity', row.exclusivityEnd, 'Exclusivity ends'],
    ['usage', row.usageRightsEnd, 'Usage rights end'],
  ] as const;
  for (const [kind, end, what] of ends) {
    if (end.status !== 'set') continue;
    place({ key: kind, kind, date: end.date, spread: false, title: `${what}: ${label(end.date)} (${end.periodDays} days after the last post)` }, end.day);
  }
  return layout;
}
