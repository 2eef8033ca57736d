import { isValid, parse } from 'date-fns';
import { parseNumber, type NumberRule } from './parse';

/** The seven terms the guide says a creator contract covers, in the guide's order. */
export const CONTRACT_TERMS = [
  'creativeFreedom',
  'ownership',
  'messaging',
  'deliverables',
  'deadlines',
  'exclusivity',
  'disclosure',
] as const;
export type ContractTerm = (typeof CONTRACT_TERMS)[number];

/** What each term is called and what to agree on it; labels are a contract with users and tests. */
export const CONTRACT_TERM_LABEL: Record<ContractTerm, { label: string; hint: string }> = {
  creativeFreedom: { label: 'Creative freedom', hint: 'How much the creator decides about concept, tone and edit.' },
  ownership: { label: 'Ownership and reuse', hint: 'Who owns the content, where the brand may reuse it and for how long.' },
  messaging: { label: 'Messaging directives', hint: 'Key messages, claims to make or avoid, and brand do’s and don’ts.' },
  deliverables: { label: 'Deliverables', hint: 'Number and kind of videos, length, formats and revisions.' },
  deadlines: { label: 'Deadlines', hint: 'Content due for approval, posting dates, campaign end.' },
  exclusivity: { label: 'Exclusivity', hint: 'No work with competitors, and for how long.' },
  disclosure: { label: '#ad disclosure', hint: 'How the partnership is disclosed (#ad, paid partnership label), as the FTC requires.' },
};

export interface ContractTermState {
  agreed: boolean;
  note: string;
}

/**
 * The contract checklist of one creator in the plan. Like every number in the plan, the
 * structured fields keep the text the user typed; `checkContract` explains what is wrong.
 */
export interface CreatorContract {
  terms: Record<ContractTerm, ContractTermState>;
  /** Days the brand may reuse the content, as typed. */
  usageRightsDays: string;
  /** Days the creator works with no competitor, as typed. */
  exclusivityDays: string;
  /** When content is due for approval: yyyy-MM-dd, or '' when not set. */
  contentDueDate: string;
}

export type ContractField = 'usageRightsDays' | 'exclusivityDays' | 'contentDueDate';
export type ContractErrors = Partial<Record<ContractField, string>>;

/** The longest usage-rights or exclusivity period Reachplan accepts: ten years. */
export const MAX_CONTRACT_DAYS = 3650;
export const MAX_CONTRACT_NOTE_LENGTH = 2000;
/** Longest text kept in a day count or date field: far above any real entry. */
export const MAX_CONTRACT_FIELD_LENGTH = 100;

/** A contract with nothing agreed yet. */
export function emptyContract(): CreatorContract {
  const terms = {} as Record<ContractTerm, ContractTermState>;
  for (const term of CONTRACT_TERMS) terms[term] = { agreed: false, note: '' };
  return { terms, usageRightsDays: '', exclusivityDays: '', contentDueDate: '' };
}

/** Whether anything was agreed or written: a contract worth keeping when its creator leaves the plan. */
export function contractHasContent(contract: CreatorContract): boolean {
  return (
    CONTRACT_TERMS.some((t) => contract.terms[t].agreed || contract.terms[t].note.trim() !== '') ||
    [contract.usageRightsDays, contract.exclusivityDays, contract.contentDueDate].some((v) => v.trim() !== '')
  );
}

/** How many of the seven terms are agreed. */
export function contractProgress(contract: CreatorContract): { agreed: number; total: 7 } {
  return { agreed: CONTRACT_TERMS.filter((t) => contract.terms[t].agreed).length, total: 7 };
}

const daysRule = (label: string): NumberRule => ({
  label,
  min: 0,
  max: MAX_CONTRACT_DAYS,
  unit: 'count',
  integer: true,
  optional: true,
});

/**
 * Checks the contract's structured fields: a message per invalid field, nothing for valid
 * or empty ones. The due date is compared with the flight only when the flight is valid.
 */
export function checkContract(contract: CreatorContract, flight: { start: string; end: string } | null): ContractErrors {
  const errors: ContractErrors = {};
  const usage = parseNumber(contract.usageRightsDays, daysRule('Usage rights days'));
  if (!usage.ok) errors.usageRightsDays = usage.reason;
  const exclusivity = parseNumber(contract.exclusivityDays, daysRule('Exclusivity days'));
  if (!exclusivity.ok) errors.exclusivityDays = exclusivity.reason;

  const due = contract.contentDueDate.trim();
  if (due !== '') {
    const date = isoDate(due);
    const start = flight ? isoDate(flight.start) : null;
    const end = flight ? isoDate(flight.end) : null;
    if (!date) {
      errors.contentDueDate = 'Content due date must be a real date (yyyy-MM-dd), or leave it empty.';
    } else if (flight && start && end && start <= end && date > end) {
      errors.contentDueDate = `Content is due after the flight ends (${flight.end}).`;
    }
  }
  return errors;
}

/**
 * Parses `yyyy-MM-dd` as validation.ts's `parseIsoDate` does. Not imported from there:
 * validation.ts imports plan.ts, which imports this module, and a cycle would follow.
 */
function isoDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) ? date : null;
}
