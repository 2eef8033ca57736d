import type { Tier } from './types';

/** Tier bounds by fans: nano < 10K, micro 10K-100K, mid 100K-500K, macro 500K-1M, mega 1M+. */
export const TIER_BOUNDS: Record<Tier, { min: number; max: number | null; label: string }> = {
  nano: { min: 0, max: 10_000, label: 'Nano (under 10K)' },
  micro: { min: 10_000, max: 100_000, label: 'Micro (10K-100K)' },
  mid: { min: 100_000, max: 500_000, label: 'Mid (100K-500K)' },
  macro: { min: 500_000, max: 1_000_000, label: 'Macro (500K-1M)' },
  mega: { min: 1_000_000, max: null, label: 'Mega (1M+)' },
};

export function tierForFans(fans: number): Tier {
  if (fans >= 1_000_000) return 'mega';
  if (fans >= 500_000) return 'macro';
  if (fans >= 100_000) return 'mid';
  if (fans >= 10_000) return 'micro';
  return 'nano';
}
