/**
 * The one rounding rule, applied only where numbers leave the model (screen, CSV):
 * counts to whole numbers, money to cents, rates and ratios to 4 decimals.
 * The model itself never rounds, so nothing is rounded twice.
 */
export type Quantity = 'count' | 'money' | 'rate';

const DECIMALS: Record<Quantity, number> = { count: 0, money: 2, rate: 4 };

export function roundFor(kind: Quantity, value: number): number {
  const f = 10 ** DECIMALS[kind];
  const rounded = Math.round(value * f) / f;
  return Object.is(rounded, -0) ? 0 : rounded;
}
