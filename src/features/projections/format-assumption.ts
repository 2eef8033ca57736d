import type { Assumption, AssumptionKey } from '../../domain/types';
import { fieldId } from '../../domain/validation';

/** An assumption's value in the unit the user edits it in. */
export function formatAssumption(a: Pick<Assumption, 'unit'>, value: number): string {
  switch (a.unit) {
    case 'fraction':
      return `${Number((value * 100).toPrecision(4))}%`;
    case 'usd':
      return `$${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

/** The keys whose override this plan uses: typed and valid. */
export function overriddenKeys(overrides: Partial<Record<AssumptionKey, string>>, errors: Record<string, string>): Set<AssumptionKey> {
  return new Set(
    (Object.keys(overrides) as AssumptionKey[]).filter((k) => (overrides[k] ?? '').trim() !== '' && !errors[fieldId.assumption(k)]),
  );
}
