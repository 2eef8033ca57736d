import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLimit, parseNumber, plainDecimal, ruleBreak, type NumberRule } from '../../src/domain/parse';

const usd: NumberRule = { label: 'In-Feed Ads budget', max: 100_000_000, unit: 'usd', min: 0 };
const count: NumberRule = { label: 'Brand Takeover days', max: 366, unit: 'count', integer: true, min: 1 };
const percent: NumberRule = { label: 'Click-through rate', max: 100, unit: 'percent', min: 0 };
const plain: NumberRule = { label: 'Reach curve shape', max: 10, unit: 'plain' };

function reasonOf(text: string, rule: NumberRule): string {
  const parsed = parseNumber(text, rule);
  if (parsed.ok) throw new Error(`expected "${text}" to be rejected, got ${String(parsed.value)}`);
  return parsed.reason;
}

describe('parseNumber: accepted input', () => {
  it.each([
    ['60000', usd, 60_000],
    ['60,000', usd, 60_000],
    ['$60,000.50', usd, 60_000.5],
    ['$60000', usd, 60_000],
    ['1,234,567', usd, 1_234_567],
    [' 5 ', count, 5],
    ['\t7\n', count, 7],
    ['2.5%', percent, 2.5],
    ['2.5', percent, 2.5],
    ['0', usd, 0],
    ['0.75', plain, 0.75],
    ['100,000,000', usd, 100_000_000],
    ['366', count, 366],
    ['1', count, 1],
  ])('"%s" parses to the number typed', (text, rule, expected) => {
    expect(parseNumber(text, rule)).toEqual({ ok: true, value: expected });
  });

  it('returns null for empty text when the field is optional', () => {
    expect(parseNumber('', { ...usd, optional: true })).toEqual({ ok: true, value: null });
    expect(parseNumber('   ', { ...usd, optional: true })).toEqual({ ok: true, value: null });
  });

  it('round-trips every whole number in range written plainly and grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (n) => {
        expect(parseNumber(String(n), usd)).toEqual({ ok: true, value: n });
        expect(parseNumber(n.toLocaleString('en-US'), usd)).toEqual({ ok: true, value: n });
        expect(parseNumber(`$${n.toLocaleString('en-US')}`, usd)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('parseNumber: rejected input', () => {
  it('asks for a value when a required field is empty', () => {
    expect(reasonOf('', usd)).toBe('Enter in-feed ads budget.');
    expect(reasonOf('   ', usd)).toBe('Enter in-feed ads budget.');
  });

  it.each([
    ['abc'],
    ['1e5'],
    ['1E5'],
    ['12,34'],
    ['1,2345'],
    ['60.000,50'],
    ['5.'],
    ['.5'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    ['5%'],
    ['$'],
    ['€60'],
    ['60000$'],
    ['1 2 3 abc'],
  ])('"%s" is not a number a marketer types', (text) => {
    expect(reasonOf(text, usd)).toBe('In-Feed Ads budget must be a number, like 60000 or $60,000.');
  });

  it('rejects a "%" outside percent fields and a "$" outside money fields', () => {
    expect(reasonOf('$5', count)).toBe('Brand Takeover days must be a number, like 3.');
    expect(reasonOf('5%', plain)).toBe('Reach curve shape must be a number, like 1.5.');
  });

  it.each([['-5'], ['-$5'], ['-0'], [' -60,000 ']])('"%s" is refused as negative', (text) => {
    expect(reasonOf(text, usd)).toBe("In-Feed Ads budget can't be negative.");
  });

  it('names the maximum when a value is too large', () => {
    expect(reasonOf('100,000,001', usd)).toBe(
      'In-Feed Ads budget is too large: the most Reachplan accepts is $100,000,000.',
    );
    expect(reasonOf('367', count)).toBe('Brand Takeover days is too large: the most Reachplan accepts is 366.');
    expect(reasonOf('101%', percent)).toBe('Click-through rate is too large: the most Reachplan accepts is 100%.');
    expect(reasonOf('9'.repeat(400), usd)).toMatch(/must be a number|too large/);
  });

  it.each([['1.5'], ['2.0001'], ['1,000.5']])('"%s" is refused when a whole number is needed', (text) => {
    expect(reasonOf(text, { ...count, max: 10_000 })).toBe('Brand Takeover days must be a whole number.');
  });

  it('names the minimum when a value is too small', () => {
    expect(reasonOf('0', count)).toBe('Brand Takeover days must be at least 1.');
    expect(reasonOf('5,999', { ...usd, min: 6_000 })).toBe('In-Feed Ads budget must be at least $6,000.');
  });

  it('never throws and always gives a value or a non-empty reason', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseNumber(text, usd);
        if (parsed.ok) {
          expect(parsed.value).not.toBeNull();
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(parsed.value).toBeGreaterThanOrEqual(0);
          expect(parsed.value).toBeLessThanOrEqual(usd.max);
        } else {
          expect(parsed.reason.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('describeLimit', () => {
  it.each([
    [6_000, 'usd', '$6,000'],
    [100, 'count', '100'],
    [5, 'percent', '5%'],
    [1.256, 'plain', '1.26'],
  ] as const)('%d as %s reads "%s"', (n, unit, expected) => {
    expect(describeLimit(n, unit)).toBe(expected);
  });

  // Fails today: money with cents keeps only the digits it needs ("$0.5", "$60,000.5"), as a plain number
  // would; a package's leftover or an over-budget amount then reads oddly. See the report.
  it.each([
    [0.5, '$0.50'],
    [60_000.5, '$60,000.50'],
    [149_999.99, '$149,999.99'],
  ])('writes %d dollars with both digits of its cents: "%s"', (n, expected) => {
    expect(describeLimit(n, 'usd')).toBe(expected);
  });
});

describe('plainDecimal', () => {
  it.each([
    [60000, '60000'],
    [0.5, '0.5'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [1e21, '1000000000000000000000'],
    [-2e22, '-20000000000000000000000'],
  ])('writes %d as %s, which parseNumber reads back', (value, text) => {
    expect(plainDecimal(value)).toBe(text);
    if (value >= 0) expect(parseNumber(text, { label: 'X', max: Number.POSITIVE_INFINITY, unit: 'plain' })).toEqual({ ok: true, value });
  });
});

describe('ruleBreak', () => {
  const rule = { label: 'Posts', min: 1, max: 100, unit: 'count', integer: true } as const;
  it.each([
    [3, null],
    [0, 'Posts must be at least 1.'],
    [2.5, 'Posts must be a whole number.'],
    [-1, "Posts can't be negative."],
    [101, 'Posts is too large: the most Reachplan accepts is 100.'],
    [Number.NaN, 'Posts must be a number, like 3.'],
  ])('%d: %s', (value, reason) => {
    expect(ruleBreak(value, rule)).toBe(reason);
  });
});
