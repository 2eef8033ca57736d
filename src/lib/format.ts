/** Display formatting (en-US, USD). The domain never formats; rounding follows `domain/rounding`. */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 });

const DASH = '—';

export function money(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : usd.format(n);
}
/** Money with cents, for unit costs (CPM, cost per engagement). */
export function unitCost(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : usdCents.format(n);
}
export function whole(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : count.format(Math.round(n));
}
export function short(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : compact.format(n);
}
export function pct(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : percent.format(n);
}
export function ratioX(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : `${n.toFixed(2)}×`;
}

const compactSignificant = [3, 4].map(
  (digits) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: digits }),
);

/** A count for reading at a glance: whole below 10,000 ("1,761"), else compact ("192K", "4.89M"). */
export function approx(n: number | null, digits: 3 | 4 = 3): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  if (Math.abs(n) < 10_000) return count.format(Math.round(n));
  return (compactSignificant[digits - 3] ?? compact).format(n);
}

/** Money for reading at a glance: cents below $10, whole dollars below $10,000, else compact ("$70.5K"). */
export function approxMoney(n: number | null, digits: 3 | 4 = 3): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 10) return `${sign}${usdCents.format(a)}`;
  if (a < 10_000) return `${sign}${usd.format(a)}`;
  return `${sign}$${(compactSignificant[digits - 3] ?? compact).format(a)}`;
}

/** A frequency as people read it: "1.2×", "17.8×". */
export function times(n: number | null): string {
  return n === null || !Number.isFinite(n) ? DASH : `${n < 10 ? n.toFixed(2) : n.toFixed(1)}×`;
}

/**
 * "low–high" of a P10-P90 range in the given format, or null when the range has no spread
 * (a bought or guaranteed quantity). A range with a negative end reads "−69% to +17%".
 */
export function lowHigh(
  range: { low: number; high: number } | null,
  format: (n: number, digits: 3 | 4) => string,
): string | null {
  if (range === null || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return null;
  const spread = Math.abs(range.high - range.low);
  if (spread <= 1e-9 * Math.max(1, Math.abs(range.high))) return null;
  let low = format(range.low, 3);
  let high = format(range.high, 3);
  if (low === high) {
    low = format(range.low, 4);
    high = format(range.high, 4);
  }
  return range.low < 0 || range.high < 0 ? `${low} to ${high.startsWith('-') ? high : `+${high}`}` : `${low}–${high}`;
}

/** A share for a sentence: whole percent from 10% ("43%"), one decimal below ("5.9%"). */
export function pctRound(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  const p = n * 100;
  return `${Math.abs(p) >= 10 ? Math.round(p) : Number(p.toFixed(1))}%`;
}

/** A unit cost for reading at a glance: 3 significant digits under $1 ("$0.0133"), cents under $1,000, else compact. */
export function unitApprox(n: number | null, digits: 3 | 4 = 3): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a > 0 && a < 1) return `${sign}$${Number(a.toPrecision(digits))}`;
  if (a < 1000) return `${sign}${usdCents.format(a)}`;
  return approxMoney(n, digits);
}

const percentTight = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A percentage for a range: one decimal from 10% ("-77.1%"), two below ("2.84%"). */
export function pctApprox(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  return Math.abs(n) >= 0.1 ? percentTight.format(n) : percent.format(n);
}
