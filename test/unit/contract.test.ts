import { describe, expect, it } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import {
  checkContract,
  CONTRACT_TERM_LABEL,
  CONTRACT_TERMS,
  contractHasContent,
  contractProgress,
  emptyContract,
  type ContractErrors,
  type CreatorContract,
} from '../../src/domain/contract';
import { creatorLineFrom } from '../../src/domain/plan';
import { check, creatorLine, DEFAULT_END, DEFAULT_START, planWith } from './plan-fixtures';

const FLIGHT = { start: DEFAULT_START, end: DEFAULT_END };

const withFields = (fields: Partial<Omit<CreatorContract, 'terms'>>): CreatorContract => ({ ...emptyContract(), ...fields });

describe('contract terms', () => {
  it('lists the guide’s seven terms with their labels, each with a hint', () => {
    expect(CONTRACT_TERMS.map((t) => CONTRACT_TERM_LABEL[t].label)).toEqual([
      'Creative freedom',
      'Ownership and reuse',
      'Messaging directives',
      'Deliverables',
      'Deadlines',
      'Exclusivity',
      '#ad disclosure',
    ]);
    for (const term of CONTRACT_TERMS) expect(CONTRACT_TERM_LABEL[term].hint).toMatch(/^[A-Z].+\.$/);
  });
});

describe('emptyContract', () => {
  it('has every term not agreed, no notes and no fields', () => {
    const contract = emptyContract();
    expect(Object.keys(contract.terms)).toEqual([...CONTRACT_TERMS]);
    for (const term of CONTRACT_TERMS) expect(contract.terms[term]).toEqual({ agreed: false, note: '' });
    expect(contract).toMatchObject({ usageRightsDays: '', exclusivityDays: '', contentDueDate: '' });
  });

  it('is a new object each time, so editing one line never edits another', () => {
    const a = emptyContract();
    const b = emptyContract();
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.terms).not.toBe(b.terms);
    expect(a.terms.ownership).not.toBe(b.terms.ownership);
  });

  it('is what a creator added to the plan starts with', () => {
    expect(creatorLineFrom(CREATORS[0]!).contract).toEqual(emptyContract());
  });
});

describe('contractProgress', () => {
  const agreeing = (...terms: (typeof CONTRACT_TERMS)[number][]): CreatorContract => {
    const contract = emptyContract();
    for (const t of terms) contract.terms[t] = { agreed: true, note: '' };
    return contract;
  };

  it.each([
    ['nothing agreed', agreeing(), 0],
    ['one term', agreeing('disclosure'), 1],
    ['three terms', agreeing('creativeFreedom', 'deadlines', 'exclusivity'), 3],
    ['every term', agreeing(...CONTRACT_TERMS), 7],
  ])('%s: %d of 7', (_, contract, agreed) => {
    expect(contractProgress(contract)).toEqual({ agreed, total: 7 });
  });

  it('counts agreement, not notes', () => {
    const contract = emptyContract();
    contract.terms.messaging = { agreed: false, note: 'Mention the summer range' };
    expect(contractProgress(contract).agreed).toBe(0);
  });
});

describe('checkContract: day counts', () => {
  it.each<[string, string, string | undefined]>([
    ['empty', '', undefined],
    ['spaces only', '   ', undefined],
    ['zero', '0', undefined],
    ['a year', '365', undefined],
    ['grouped', '1,000', undefined],
    ['the most accepted', '3650', undefined],
    ['over ten years', '3651', 'Usage rights days is too large: the most Reachplan accepts is 3,650.'],
    ['a fraction', '30.5', 'Usage rights days must be a whole number.'],
    ['negative', '-30', "Usage rights days can't be negative."],
    ['a word', 'ninety', 'Usage rights days must be a number, like 3.'],
    ['a unit typed in', '90 days', 'Usage rights days must be a number, like 3.'],
  ])('usage rights %s (%j)', (_, text, message) => {
    const errors = checkContract(withFields({ usageRightsDays: text }), FLIGHT);
    expect(errors.usageRightsDays).toBe(message);
    expect(Object.keys(errors)).toEqual(message ? ['usageRightsDays'] : []);
  });

  it.each<[string, string | undefined]>([
    ['', undefined],
    ['90', undefined],
    ['9999', 'Exclusivity days is too large: the most Reachplan accepts is 3,650.'],
    ['1e3', 'Exclusivity days must be a number, like 3.'],
    ['7.25', 'Exclusivity days must be a whole number.'],
  ])('exclusivity %j', (text, message) => {
    expect(checkContract(withFields({ exclusivityDays: text }), FLIGHT).exclusivityDays).toBe(message);
  });
});

describe('checkContract: content due date', () => {
  const INVALID_DATE = 'Content due date must be a real date (yyyy-MM-dd), or leave it empty.';
  const AFTER_END = `Content is due after the flight ends (${DEFAULT_END}).`;

  it.each<[string, string, { start: string; end: string } | null, string | undefined]>([
    ['empty', '', FLIGHT, undefined],
    ['before the flight', '2024-01-02', FLIGHT, undefined],
    ['on the start date', DEFAULT_START, FLIGHT, undefined],
    ['on the end date', DEFAULT_END, FLIGHT, undefined],
    ['the day after the end', '2024-02-05', FLIGHT, AFTER_END],
    ['months after the end', '2024-06-01', FLIGHT, AFTER_END],
    ['not a calendar date', '2024-02-30', FLIGHT, INVALID_DATE],
    ['in another format', '05/02/2024', FLIGHT, INVALID_DATE],
    ['words', 'next week', FLIGHT, INVALID_DATE],
    ['after the end, no flight', '2024-06-01', null, undefined],
    ['invalid, no flight', '2024-13-01', null, INVALID_DATE],
    ['after an invalid end date', '2024-06-01', { start: DEFAULT_START, end: 'soon' }, undefined],
    ['after an invalid start date', '2024-06-01', { start: '', end: DEFAULT_END }, undefined],
    ['after an end before the start', '2024-06-01', { start: DEFAULT_END, end: DEFAULT_START }, undefined],
  ])('%s (%j)', (_, date, flight, message) => {
    expect(checkContract(withFields({ contentDueDate: date }), flight).contentDueDate).toBe(message);
  });

  it('names the flight’s end date as typed', () => {
    expect(checkContract(withFields({ contentDueDate: '2025-01-01' }), { start: '2024-12-01', end: '2024-12-24' })).toEqual({
      contentDueDate: 'Content is due after the flight ends (2024-12-24).',
    });
  });
});

describe('checkContract: the whole contract', () => {
  it('has nothing to say about an empty contract', () => {
    expect(checkContract(emptyContract(), FLIGHT)).toEqual({});
    expect(checkContract(emptyContract(), null)).toEqual({});
  });

  it('gives one message per invalid field, and ignores terms and notes', () => {
    const contract = withFields({ usageRightsDays: 'forever', exclusivityDays: '30', contentDueDate: '2024-02-31' });
    contract.terms.ownership = { agreed: true, note: 'x'.repeat(500) };
    const expected: ContractErrors = {
      usageRightsDays: 'Usage rights days must be a number, like 3.',
      contentDueDate: 'Content due date must be a real date (yyyy-MM-dd), or leave it empty.',
    };
    expect(checkContract(contract, FLIGHT)).toEqual(expected);
  });
});

describe('the contract and the plan check', () => {
  it('changes no error, number or projection input of the plan', () => {
    const plain = planWith({ creators: [creatorLine({ posts: '2' })] });
    const contract = withFields({ usageRightsDays: 'forever', exclusivityDays: '-1', contentDueDate: '2030-01-01' });
    contract.terms.deliverables = { agreed: true, note: 'Two videos' };
    const withContract = planWith({ creators: [creatorLine({ posts: '2', contract })] });
    const a = check(plain);
    const b = check(withContract);
    expect(b.errors).toEqual(a.errors);
    expect(b.warnings).toEqual(a.warnings);
    expect(b.spend).toBe(a.spend);
    expect(b.isValid).toBe(true);
    expect(b.input.creators.map(({ line: _line, ...rest }) => rest)).toEqual(a.input.creators.map(({ line: _line, ...rest }) => rest));
  });
});

describe('contractHasContent', () => {
  const base = emptyContract();
  it.each<[string, CreatorContract, boolean]>([
    ['an empty contract', base, false],
    ['blank notes and fields', { ...base, usageRightsDays: '  ', terms: { ...base.terms, messaging: { agreed: false, note: ' ' } } }, false],
    ['an agreed term', { ...base, terms: { ...base.terms, disclosure: { agreed: true, note: '' } } }, true],
    ['a note', { ...base, terms: { ...base.terms, deliverables: { agreed: false, note: '2 videos' } } }, true],
    ['a typed field, even invalid', { ...base, exclusivityDays: 'abc' }, true],
    ['a due date', { ...base, contentDueDate: '2027-01-05' }, true],
  ])('%s: %s', (_what, contract, expected) => {
    expect(contractHasContent(contract)).toBe(expected);
  });
});
