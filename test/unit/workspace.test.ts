import { describe, expect, it } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import { emptyContract } from '../../src/domain/contract';
import { newPlan, shortlistEntryFrom, type Plan } from '../../src/domain/plan';
import type { Creator } from '../../src/domain/types';
import { MAX_NAME_LENGTH } from '../../src/domain/validation';
import { findPlans } from '../../src/domain/plan-search';
import { arrivingName, duplicateName, isUntouchedNewPlan, keptByReplace, replaceContent } from '../../src/domain/workspace';
import { buildPlan, creatorLine as catalogLine } from '../utils/builders';
import { creatorLine, formatLine, planWith } from './plan-fixtures';

describe('duplicateName: copies', () => {
  it.each<[string, string, string[], string]>([
    ['the first copy', 'Q3 launch', ['Q3 launch'], 'Q3 launch (copy)'],
    ['the second copy', 'Q3 launch', ['Q3 launch', 'Q3 launch (copy)'], 'Q3 launch (copy 2)'],
    ['the next free number', 'Q3 launch', ['Q3 launch', 'Q3 launch (copy)', 'Q3 launch (copy 2)', 'Q3 launch (copy 3)'], 'Q3 launch (copy 4)'],
    ['a gap in the numbers', 'Q3 launch', ['Q3 launch', 'Q3 launch (copy)', 'Q3 launch (copy 3)'], 'Q3 launch (copy 2)'],
    ['names taken with stray spaces', 'Q3', ['Q3', '  Q3 (copy) '], 'Q3 (copy 2)'],
    ['a name with spaces around it', '  Q3  ', ['  Q3  '], 'Q3 (copy)'],
    ['a blank name', '   ', ['   '], 'Untitled plan (copy)'],
    ['a name nobody else has', 'Solo', [], 'Solo (copy)'],
  ])('numbers %s', (_, name, existing, expected) => {
    expect(duplicateName(name, 'copy', existing)).toBe(expected);
  });

  it('copies a copy by adding to its name', () => {
    expect(duplicateName('Q3 (copy)', 'copy', ['Q3', 'Q3 (copy)'])).toBe('Q3 (copy) (copy)');
  });
});

describe('isUntouchedNewPlan', () => {
  const made = newPlan('p1', new Date('2026-11-23T10:00:00.000Z'));
  it('knows a new plan, whatever the order of its keys', () => {
    expect(isUntouchedNewPlan(made)).toBe(true);
    const reordered = Object.fromEntries(Object.entries(made).reverse()) as unknown as Plan;
    expect(isUntouchedNewPlan(reordered)).toBe(true);
  });
  it.each<[string, Partial<Plan>]>([
    ['a name', { name: 'Q3' }],
    ['a budget', { totalBudget: '5' }],
    ['a country', { targeting: { ...made.targeting, countries: ['KR'] } }],
    ['a cost', { costs: { ...made.costs, production: '1' } }],
    ['a later edit time', { updatedAt: '2026-11-30T10:00:00.000Z' }],
    ['an unreadable edit time', { updatedAt: 'soon' }],
    ['participants counted in reach', { earnedInReach: true }],
  ])('is not fooled by %s', (_, change) => {
    expect(isUntouchedNewPlan({ ...made, ...change })).toBe(false);
  });

  // Fails today: the plan's model edition is compared like an edit, so a blank plan saved before the second
  // edition (migrated with modelEdition 1) is no longer taken for untouched, and a shared plan saved into
  // that workspace leaves it behind. The edition is when its figures were last shown, not a change. See the report.
  it('knows a blank plan saved before the model’s second edition', () => {
    expect(isUntouchedNewPlan({ ...made, modelEdition: 1 })).toBe(true);
  });
});

describe('arrivingName', () => {
  it.each<[string, string, 'imported' | 'shared', string[], string]>([
    ['keeps a free name exactly, spaces and all (an import is the same plan)', ' Q3 launch ', 'imported', ['Q4'], ' Q3 launch '],
    ['keeps a blank name when no other plan is blank', '', 'imported', ['Q4'], ''],
    ['tags a taken name', 'Q3 launch', 'imported', ['Q3 launch'], 'Q3 launch (imported)'],
    ['numbers the next one', 'Q3 launch', 'imported', ['Q3 launch', ' Q3 launch (imported)'], 'Q3 launch (imported 2)'],
    ['matches names with stray spaces', 'Q3', 'shared', ['  Q3 '], 'Q3 (shared)'],
    ['names a blank plan beside another blank one', ' ', 'shared', [''], 'Untitled plan (shared)'],
    ['works for Korean names', '서울 캠페인', 'imported', ['서울 캠페인'], '서울 캠페인 (imported)'],
  ])('%s', (_, name, tag, existing, expected) => {
    expect(arrivingName(name, tag, existing)).toBe(expected);
  });

  it('never grows past the longest plan name', () => {
    const long = 'x'.repeat(MAX_NAME_LENGTH);
    const name = arrivingName(long, 'imported', [long]);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name.endsWith(' (imported)')).toBe(true);
  });
});

describe('duplicateName: scenarios', () => {
  it.each<[string, string, string[], string]>([
    ['the first scenario is B (the original is A)', 'Launch', ['Launch'], 'Launch · scenario B'],
    ['the next is C', 'Launch', ['Launch', 'Launch · scenario B'], 'Launch · scenario C'],
    ['a free letter is reused', 'Launch', ['Launch', 'Launch · scenario C'], 'Launch · scenario B'],
    ['a scenario of a scenario varies the same name', 'Launch · scenario B', ['Launch', 'Launch · scenario B'], 'Launch · scenario C'],
    ['a scenario of a numbered one', 'Launch · scenario Z2', ['Launch · scenario Z2'], 'Launch · scenario B'],
    ['a blank name', '', [''], 'Untitled plan · scenario B'],
    ['another plan’s letters do not count', 'Launch', ['Other · scenario B'], 'Launch · scenario B'],
  ])('%s', (_, name, existing, expected) => {
    expect(duplicateName(name, 'scenario', existing)).toBe(expected);
  });

  it('numbers Z once the letters B to Z are taken', () => {
    const letters = Array.from({ length: 25 }, (_, i) => `Launch · scenario ${String.fromCharCode(66 + i)}`);
    expect(letters.at(-1)).toBe('Launch · scenario Z');
    expect(duplicateName('Launch', 'scenario', ['Launch', ...letters])).toBe('Launch · scenario Z2');
    expect(duplicateName('Launch', 'scenario', ['Launch', ...letters, 'Launch · scenario Z2'])).toBe('Launch · scenario Z3');
  });
});

describe('duplicateName: length', () => {
  const long = 'x'.repeat(MAX_NAME_LENGTH);

  it.each<['copy' | 'scenario']>([['copy'], ['scenario']])('never makes a %s name longer than a plan name may be', (kind) => {
    const name = duplicateName(long, kind, [long]);
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(kind === 'copy' ? / \(copy\)$/ : / · scenario B$/);
    // The name is cut, not the suffix.
    expect(name.startsWith('x'.repeat(100))).toBe(true);
  });

  it('keeps room for numbers up to 99', () => {
    const taken = [long];
    for (let n = 1; n < 99; n++) taken.push(duplicateName(long, 'copy', taken));
    const last = duplicateName(long, 'copy', taken);
    expect(last).toMatch(/^x{100,} \(copy 99\)$/);
    expect(last.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(new Set([...taken, last]).size).toBe(taken.length + 1);
  });

  it('does not leave a space where the name was cut', () => {
    const spaced = `${'x'.repeat(MAX_NAME_LENGTH - 15)}              y`;
    expect(duplicateName(spaced, 'copy', [spaced])).toBe(`${'x'.repeat(MAX_NAME_LENGTH - 15)} (copy)`);
  });
});

describe('findPlans', () => {
  const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  const spring = planWith({
    id: 'spring',
    name: 'Spring sale',
    creators: [creatorLine()],
    formats: [formatLine('in-feed', '60000')],
    updatedAt: at(1),
  });
  const summer = planWith({
    id: 'summer',
    name: '여름 캠페인 SALE',
    status: 'approved',
    creators: [creatorLine({ handle: 'zachking', displayName: 'Zach King' })],
    formats: [formatLine('brand-takeover', '1', { included: false })],
    updatedAt: at(3),
  });
  const autumn = planWith({ id: 'autumn', name: 'Autumn awareness', status: 'proposed', updatedAt: at(2) });
  const plans: readonly Plan[] = [spring, summer, autumn];
  const ids = (found: Plan[]) => found.map((p) => p.id);

  it.each<[string, string, string[]]>([
    ['an empty query: every plan', '', ['summer', 'autumn', 'spring']],
    ['only spaces: every plan', '   ', ['summer', 'autumn', 'spring']],
    ['a word of a name', 'spring', ['spring']],
    ['any case', 'SPRING', ['spring']],
    ['part of a word', 'aware', ['autumn']],
    ['a word in two names', 'sale', ['summer', 'spring']],
    ['every word must match', 'sale spring', ['spring']],
    ['words in any order and across fields', 'maya spring', ['spring']],
    ['no match', 'winter', []],
    ['a handle', 'maya.fit', ['spring']],
    ['a handle with its @', '@zachking', ['summer']],
    ['a creator’s display name', 'zach king', ['summer']],
    ['a status', 'approved', ['summer']],
    ['a status label', 'Draft', ['spring']],
    ['an included format', 'in-feed', ['spring']],
    ['a format that is not included', 'brand-takeover', []],
    ['Korean', '캠페인', ['summer']],
    ['Korean and Latin words together', '여름 sale', ['summer']],
    ['full-width letters', 'ＳＡＬＥ', ['summer', 'spring']],
  ])('finds %s', (_, query, expected) => {
    expect(ids(findPlans(plans, query))).toEqual(expected);
  });

  it('matches Korean typed as separate jamo (decomposed) against composed text, and back', () => {
    const decomposed = '여름'.normalize('NFD');
    expect(decomposed).not.toBe('여름');
    expect(ids(findPlans(plans, decomposed))).toEqual(['summer']);
    const storedDecomposed = { ...summer, name: summer.name.normalize('NFD') };
    expect(ids(findPlans([storedDecomposed], '여름'))).toEqual(['summer']);
  });

  it('lists the most recently edited first and leaves the list it was given alone', () => {
    const given = [...plans];
    expect(ids(findPlans(given, ''))).toEqual(['summer', 'autumn', 'spring']);
    expect(ids(given)).toEqual(['spring', 'summer', 'autumn']);
    const touched = { ...spring, updatedAt: at(9) };
    expect(ids(findPlans([touched, summer, autumn], 'a'))).toEqual(['spring', 'summer', 'autumn']);
  });
});

describe('replaceContent: a CSV replacing the open plan', () => {
  const agreed = { ...emptyContract(), usageRightsDays: '90' };
  const open = buildPlan({
    id: 'open',
    name: 'Open',
    scenarioOf: 'original',
    creators: [
      { ...catalogLine('zachking'), contract: agreed },
      { ...catalogLine('babyariel'), contract: emptyContract() },
    ],
    retiredContracts: { lorengray: { ...emptyContract(), contentDueDate: '2025-01-01' } },
  });
  const shortlisted = { ...open, shortlist: [shortlistEntryFrom(CREATORS[0] as Creator)] };

  it('keeps the id, the scenario link, the shortlist and every contract checklist the file can’t carry', () => {
    const imported = buildPlan({ id: 'imported', name: 'From CSV', scenarioOf: null, creators: [catalogLine('zachking'), catalogLine('lorengray')] });
    const replaced = replaceContent(shortlisted, imported);
    expect(replaced).toMatchObject({ id: 'open', scenarioOf: 'original', name: 'From CSV', shortlist: shortlisted.shortlist });
    // Zach stays with his checklist; Charli comes back with hers; nothing agreed is lost.
    expect(replaced.creators.map((c) => [c.handle, c.contract])).toEqual([
      ['zachking', agreed],
      ['lorengray', open.retiredContracts.lorengray],
    ]);
    expect(replaced.retiredContracts).toEqual({});
  });

  it('retires the checklist of a creator the file drops, as removing them would', () => {
    const replaced = replaceContent(open, buildPlan({ id: 'imported', creators: [] }));
    expect(replaced.retiredContracts).toEqual({ lorengray: open.retiredContracts.lorengray, zachking: agreed });
    expect(keptByReplace(open)).toEqual({ shortlist: 0, checklists: 2 });
    expect(keptByReplace(shortlisted)).toEqual({ shortlist: 1, checklists: 2 });
  });
});
