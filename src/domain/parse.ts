/** Parsing of user-typed numbers. Total: every input gets a value or a reason. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface NumberRule {
  /** Field name as the user reads it, e.g. "In-Feed Ads budget". */
  label: string;
  min?: number;
  max: number;
  integer?: boolean;
  /** How to show limits in messages. */
  unit: 'usd' | 'count' | 'percent' | 'plain';
  /** Empty text is an error unless `optional`. */
  optional?: boolean;
}

const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Formats a limit for a message ("$6,000", "100", "5%"). */
export function describeLimit(n: number, unit: NumberRule['unit']): string {
  // Money with cents shows both digits of them: $60,000.50, not $60,000.5.
  const cents = unit === 'usd' && !Number.isInteger(Math.round(n * 100) / 100);
  const text = n.toLocaleString('en-US', { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 });
  if (unit === 'usd') return `$${text}`;
  if (unit === 'percent') return `${text}%`;
  return text;
}

/**
 * Parses a number as a marketer types it: "60000", "60,000", "$60,000.50".
 * Rejects scientific notation, words and symbols other than a leading `$`.
 */
export function parseNumber(text: string, rule: NumberRule): Parsed<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return rule.optional ? { ok: true, value: null } : { ok: false, reason: `Enter ${rule.label.toLowerCase()}.` };
  }
  let body = trimmed.replace(/\s+/g, '');
  const negative = body.startsWith('-');
  if (negative) body = body.slice(1);
  if (rule.unit === 'usd' && body.startsWith('$')) body = body.slice(1);
  if (rule.unit === 'percent' && body.endsWith('%')) body = body.slice(0, -1);
  if (!PLAIN.test(body) && !GROUPED.test(body)) {
    return { ok: false, reason: `${rule.label} must be a number, like ${example(rule)}.` };
  }
  if (negative) return { ok: false, reason: `${rule.label} can't be negative.` };
  const value = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { ok: false, reason: `${rule.label} must be a number, like ${example(rule)}.` };
  const broken = ruleBreak(value, rule);
  return broken === null ? { ok: true, value } : { ok: false, reason: broken };
}

/**
 * Why `value` breaks `rule` (negative, not whole where it must be, above its maximum, below its
 * minimum), or null when it keeps it: the field's own message, for numbers that arrive from a
 * file rather than typed.
 */
export function ruleBreak(value: number, rule: NumberRule): string | null {
  if (!Number.isFinite(value)) return `${rule.label} must be a number, like ${example(rule)}.`;
  if (value < 0) return `${rule.label} can't be negative.`;
  if (rule.integer && !Number.isInteger(value)) return `${rule.label} must be a whole number.`;
  if (value > rule.max) return `${rule.label} is too large: the most Reachplan accepts is ${describeLimit(rule.max, rule.unit)}.`;
  if (rule.min !== undefined && value < rule.min) return `${rule.label} must be at least ${describeLimit(rule.min, rule.unit)}.`;
  return null;
}

/**
 * `value` as a plain decimal a person types and `parseNumber` reads back ("0.0000001", never
 * "1e-7"); finite values only.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Beyond 1e21 a double is a whole number, and toFixed writes an exponent again.
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function example(rule: NumberRule): string {
  switch (rule.unit) {
    case 'usd':
      return '60000 or $60,000';
    case 'percent':
      return '2.5';
    case 'count':
      return '3';
    case 'plain':
      return '1.5';
  }
}
