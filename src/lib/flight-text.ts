import { format } from 'date-fns';
import { flightLength, parseIsoDate } from '../domain/validation';

/**
 * A flight as people write it: "Dec 1 – Dec 31, 2026 (31 days)", the year once when both dates
 * share it. A date that isn't one yet shows as typed (or "not set"), so a card or a print never
 * hides what the plan holds.
 */
export function flightText(startDate: string, endDate: string): string {
  const start = parseIsoDate(startDate);
  const end = parseIsoDate(endDate);
  const days = flightLength(startDate, endDate);
  const sameYear = start !== null && end !== null && start.getFullYear() === end.getFullYear();
  const from = start ? format(start, sameYear ? 'MMM d' : 'MMM d, yyyy') : startDate.trim() || 'not set';
  const to = end ? format(end, 'MMM d, yyyy') : endDate.trim() || 'not set';
  return `${from} – ${to}${days === null ? '' : ` (${days} ${days === 1 ? 'day' : 'days'})`}`;
}
