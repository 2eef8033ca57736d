import type { PlanCreatorLine } from '../../domain/plan';

/*
 * Heights in px of the timeline's parts, as Chromium draws timeline.css, shared with the
 * placeholder shown while the timeline's code loads, so the page does not jump when it arrives.
 * The drawing and the table scroll inside boxes of at most CHART_MAX and TABLE_MAX; the warnings
 * are unknown before the code loads, and the placeholder assumes none.
 */

/** Between the timeline's parts. */
export const GAP = 16;
export const CHART_AXIS = 48;
export const CHART_ROW = 40;
/** Borders included. */
export const CHART_MAX = 440;
export const TABLE_MAX = 480;
/** Up to this viewport width the drawing is hidden and the table alone shows (timeline.css). */
export const NARROW_VIEWPORT = 640;

type Line = Pick<PlanCreatorLine, 'posts' | 'contract'>;

/** The timeline's height for these creators, on a wide screen and on a phone (no drawing). */
export function timelineHeights(creators: readonly Line[]): { wide: number; narrow: number } {
  // The weekend checkbox (its label wraps on a phone), then "Add creators…".
  if (creators.length === 0) return { wide: 40 + GAP + 56, narrow: 55 + GAP + 78 };
  // Caption, header row and borders; a row per creator.
  let table = 68;
  for (const c of creators) table += tableRowHeight(c);
  // "No timeline warnings" under its heading, and the table.
  const common = GAP + 49 + GAP + Math.min(table, TABLE_MAX);
  // On a wide screen, the drawing under its caption and legend.
  const chart = GAP + 102 + Math.min(CHART_AXIS + creators.length * CHART_ROW + 2, CHART_MAX);
  return { wide: 40 + common + chart, narrow: 55 + common };
}

/** Padding, a line per post, and at least the date and "(n days after the last post)" of a right. */
function tableRowHeight(c: Line): number {
  const posts = Number.parseInt(c.posts, 10);
  const rights = c.contract.exclusivityDays.trim() !== '' || c.contract.usageRightsDays.trim() !== '';
  return 13 + Math.max(19 * (posts > 1 ? posts : 1), rights ? 36 : 19);
}

/** The placeholder's min-height, as CSS: the wide height above NARROW_VIEWPORT, else the narrow one. */
export function placeholderHeight(creators: readonly Line[]): string {
  const { wide, narrow } = timelineHeights(creators);
  // (100vw - 640px) x 1000 is 0 or less up to 640 px wide and over 1000 px beyond: a switch.
  const change = `min(${Math.abs(wide - narrow)}px, max(0px, (100vw - ${NARROW_VIEWPORT}px) * 1000))`;
  return `calc(${narrow}px ${wide >= narrow ? '+' : '-'} ${change})`;
}
