import type { Assumption } from '../../domain/types';

/** An assumption's value in the unit the user edits it in. */
export function formatAssumption(a: Assumption, value: number): string {
  switch (a.unit) {
    case 'fraction':
      return `${Number((value * 100).toPrecision(4))}%`;
    case 'usd':
      return `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
