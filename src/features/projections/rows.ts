import type { Figures, LineResult, Range } from '../../domain/projection';
import type { Goal } from '../../domain/types';
import { approx, lowHigh, money, pctApprox, unitApprox, unitCost, whole } from '../../lib/format';
import { costPerResult } from './goal';

/** A cell's text: the P50 and, when the figure has a spread, its P10-P90. */
export interface Cell {
  value: string;
  range: string | null;
}

const countCell = (mid: number, r: Range | null): Cell => ({ value: whole(mid), range: lowHigh(r, (n, d) => approx(n, d)) });

const UNIT_ONE: Record<string, string> = { days: 'day', posts: 'post' };

/** What a line item buys, exactly: "6,000,000 impressions", "1 day", "2 posts". */
export function boughtText(item: Pick<LineResult, 'bought'>): string {
  const { quantity, unit } = item.bought;
  return `${whole(quantity)} ${quantity === 1 ? (UNIT_ONE[unit] ?? unit) : unit}`;
}

/** The cells of a row after its name, as text: rows compare these to skip re-rendering. */
export function rowCells(f: Figures, goal: Goal, bought: string): Cell[] {
  const cost = costPerResult(f, goal);
  return [
    { value: money(f.spend), range: null },
    { value: bought, range: null },
    countCell(f.reach, f.ranges.reach),
    countCell(f.impressions, f.ranges.impressions),
    countCell(f.engagements, f.ranges.engagements),
    countCell(f.conversions, f.ranges.conversions),
    { value: unitCost(cost?.mid ?? null), range: lowHigh(cost, (n, d) => unitApprox(n, d)) },
    { value: pctApprox(f.roi?.mid ?? null), range: lowHigh(f.roi, (n) => pctApprox(n)) },
  ];
}

