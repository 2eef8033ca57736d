import { describe, expect, it } from 'vitest';
import { bucketEnds, dateTicks, niceTicks } from '../../src/lib/scale';

describe('dateTicks', () => {
  it('keeps all dates when there are few', () => {
    expect(dateTicks(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('spreads about five ticks over a long flight, first and last included', () => {
    const dates = Array.from({ length: 28 }, (_, i) => `d${i}`);
    expect(dateTicks(dates)).toEqual(['d0', 'd7', 'd14', 'd20', 'd27']);
    expect(dateTicks(dates, 4)).toEqual(['d0', 'd9', 'd18', 'd27']);
  });
});

describe('niceTicks', () => {
  it.each([
    [11_408_923, [0, 5_000_000, 10_000_000, 15_000_000]],
    [240_750, [0, 100_000, 200_000, 300_000]],
    [26.2, [0, 10, 20, 30]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
  ])('covers %d with round steps from 0', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('is [0] without data, infinite data included (one definition for every chart)', () => {
    expect(niceTicks(0)).toEqual([0]);
    expect(niceTicks(-5)).toEqual([0]);
    expect(niceTicks(Number.NaN)).toEqual([0]);
    expect(niceTicks(Number.POSITIVE_INFINITY)).toEqual([0]);
  });
});

describe('bucketEnds', () => {
  it('keeps every day up to the limit', () => {
    expect(bucketEnds([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });

  it('keeps the last day of each week past it, and the last day of all', () => {
    const days = Array.from({ length: 16 }, (_, i) => i + 1);
    expect(bucketEnds(days, 10)).toEqual([7, 14, 16]);
  });
});
