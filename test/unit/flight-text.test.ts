import { describe, expect, test } from 'vitest';
import { flightText } from '../../src/lib/flight-text';

describe('flightText', () => {
  test('names the year once when both dates share it', () => {
    expect(flightText('2026-12-01', '2026-12-31')).toBe('Dec 1 – Dec 31, 2026 (31 days)');
  });
  test('names both years across a new year', () => {
    expect(flightText('2026-12-20', '2027-01-05')).toBe('Dec 20, 2026 – Jan 5, 2027 (17 days)');
  });
  test('a one-day flight says "1 day"', () => {
    expect(flightText('2026-12-01', '2026-12-01')).toBe('Dec 1 – Dec 1, 2026 (1 day)');
  });
  test('shows what was typed when a date is not one, and "not set" when empty', () => {
    expect(flightText('31/12/2026', '')).toBe('31/12/2026 – not set');
    expect(flightText('2026-02-30', '2026-03-01')).toBe('2026-02-30 – Mar 1, 2026');
  });
  test('an end before the start gives no day count', () => {
    expect(flightText('2026-12-10', '2026-12-01')).toBe('Dec 10 – Dec 1, 2026');
  });
});
