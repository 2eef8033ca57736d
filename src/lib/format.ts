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
