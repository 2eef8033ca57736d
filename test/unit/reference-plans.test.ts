/**
 * docs/model.md sets six reference plans' first- and second-edition headlines side by side.
 * This keeps the page's table the one both models render today (on a failure it prints the
 * fresh table to paste), and checks what the page says of each.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceRows, renderReferenceTable } from './reference-plans';

const START = '<!-- reference-plans:start -->';
const END = '<!-- reference-plans:end -->';

describe('reference plans in docs/model.md', () => {
  const rows = referenceRows();
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it('holds exactly the table the two editions render today', () => {
    const page = readFileSync(resolve(__dirname, '../../docs/model.md'), 'utf8');
    const table = page.slice(page.indexOf(START) + START.length, page.indexOf(END)).trim();
    const fresh = renderReferenceTable(rows);
    if (table !== fresh) console.log(`docs/model.md is out of date; the table today:\n\n${fresh}\n`);
    expect(table).toBe(fresh);
  });

  it('adds the line items the first edition ignored: the micro creator and the In-Feed buy now add reach', () => {
    const micro = byKey.get('micro-creator');
    const both = byKey.get('challenge-and-in-feed');
    const alone = byKey.get('in-feed');
    expect(micro && alone && micro.newReach > alone.newReach).toBe(true);
    // The first edition: the micro creator added nothing to the same In-Feed buy.
    expect(micro?.oldReach).toBe(alone?.oldReach);
    expect(both && both.projection.items.every((i) => i.reach > 0)).toBe(true);
  });

  it('keeps a Korean takeover to one exposure a day: frequency at most its two days', () => {
    const takeover = byKey.get('takeover-korea');
    expect(takeover?.projection.totals.frequency ?? 99).toBeLessThanOrEqual(2);
    expect(takeover?.projection.totals.reachAtLeast[2]?.mid).toBe(0);
  });

  it('recomputes @zachking’s row: engagements = video views × the engagement rate', () => {
    const zach = byKey.get('zach-king')?.projection.items[0];
    expect(zach?.engagements).toBeCloseTo((zach?.videoViews ?? 0) * (zach?.engagementRate?.mid ?? 0), 6);
  });
});
