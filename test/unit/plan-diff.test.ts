import { describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { ASSUMPTIONS, MARKETS } from '../../mocks/data/benchmarks';
import { CREATORS } from '../../mocks/data/creators';
import { CONTRACT_TERMS, type CreatorContract } from '../../src/domain/contract';
import { emptyCosts, shortlistEntryFrom, type Plan } from '../../src/domain/plan';
import { ledgerFor } from '../../src/domain/markets';
import { CHANGE_GROUPS, diffPlans, groupChanges, type PlanChange } from '../../src/domain/plan-diff';
import { creatorLine, formatLine, planWith, takeoverLine } from './plan-fixtures';

/** Names and defaults as the plan's ledger gives them: the shared assumptions, then each market's figures of its flight year (2024). */
const labels = { formats: AD_FORMATS, assumptions: ledgerFor(ASSUMPTIONS, MARKETS, 2024) };

/** A plan with a little of everything, as a scenario's base. */
function basePlan(): Plan {
  return planWith({
    name: 'Summer launch',
    totalBudget: '300000',
    kpiTarget: '5000000',
    formats: [formatLine('in-feed', '60000'), takeoverLine('1'), formatLine('branded-effects', '100000', { included: false })],
    creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800', postDates: ['2024-01-10', ''] })],
    assumptionOverrides: { clickThroughRate: '1.2' },
    costs: { ...emptyCosts(), agencyCommission: '15', production: '5000' },
    shortlist: CREATORS.slice(0, 3).map(shortlistEntryFrom),
  });
}

function diff(edit: (p: Plan) => Partial<Plan>, base = basePlan()): PlanChange[] {
  return diffPlans(base, { ...base, ...edit(base) }, labels);
}

/** The one change an edit makes, without its group order. */
function only(edit: (p: Plan) => Partial<Plan>): PlanChange | undefined {
  const changes = diff(edit);
  expect(changes).toHaveLength(1);
  return changes[0];
}

const withFormat = (p: Plan, id: string, change: Partial<Plan['formats'][number]>) => ({
  formats: p.formats.map((f) => (f.formatId === id ? { ...f, ...change } : f)),
});
const withCreator = (p: Plan, change: Partial<Plan['creators'][number]>) => ({ creators: p.creators.map((c) => ({ ...c, ...change })) });

describe('diffPlans: nothing to report', () => {
  it('finds no change between a plan and itself, or its copy', () => {
    const base = basePlan();
    expect(diffPlans(base, base, labels)).toEqual([]);
    expect(diffPlans(base, structuredClone(base), labels)).toEqual([]);
  });

  it.each<[string, (p: Plan) => Partial<Plan>]>([
    ['a budget typed with a comma and a dollar sign', (p) => withFormat(p, 'in-feed', { amount: '$60,000' })],
    ['a budget with spaces and trailing zeros', (p) => withFormat(p, 'in-feed', { amount: ' 60000.00 ' })],
    ['the total budget grouped', () => ({ totalBudget: '300,000' })],
    ['a KPI target grouped', () => ({ kpiTarget: '5,000,000' })],
    ['a fee with cents written out', (p) => withCreator(p, { fee: '$800.00' })],
    ['posts with a leading space', (p) => withCreator(p, { posts: ' 2' })],
    ['a percentage cost with its sign', () => ({ costs: { ...emptyCosts(), agencyCommission: '15%', production: '$5,000' } })],
    ['an assumption override with its sign', () => ({ assumptionOverrides: { clickThroughRate: '1.20%' } })],
    ['an override equal to the default', (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, conversionRate: '2' } })],
    ['a market override equal to its figure for the flight’s year', (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, universeUS: '161,869,565' } })],
    ['countries and age groups in another order', (p) => ({ targeting: { ...p.targeting, countries: [...p.targeting.countries].reverse(), ageBands: [...p.targeting.ageBands].reverse() } })],
    ['line items in another order', (p) => ({ formats: [...p.formats].reverse() })],
    ['the amount of an unticked format', (p) => withFormat(p, 'branded-effects', { amount: '250000' })],
    ['the name and the status', () => ({ name: 'Summer launch, more creators', status: 'approved', updatedAt: '2030-01-01T00:00:00.000Z' })],
    [
      'a contract checklist',
      (p) => ({
        creators: p.creators.map((c) => ({
          ...c,
          contract: { ...c.contract, usageRightsDays: '90', terms: Object.fromEntries(CONTRACT_TERMS.map((t) => [t, { agreed: true, note: 'Agreed' }])) as CreatorContract['terms'] },
        })),
      }),
    ],
    ['a post date written with spaces', (p) => withCreator(p, { postDates: [' 2024-01-10 ', ''] })],
    ['a missing post date versus an empty one', (p) => withCreator(p, { postDates: ['2024-01-10'] })],
  ])('ignores %s', (_, edit) => {
    expect(diff(edit)).toEqual([]);
  });
});

describe('diffPlans: line items', () => {
  it.each<[string, (p: Plan) => Partial<Plan>, PlanChange]>([
    [
      'a format added',
      (p) => ({ formats: [...p.formats, formatLine('hashtag-challenge', '150000')] }),
      { group: 'lineItems', key: 'format:hashtag-challenge:line', kind: 'added', label: 'Hashtag Challenge', before: 'Not in plan', after: '$150,000' },
    ],
    [
      'a format removed',
      (p) => ({ formats: p.formats.filter((f) => f.formatId !== 'in-feed') }),
      { group: 'lineItems', key: 'format:in-feed:line', kind: 'removed', label: 'In-Feed Ads', before: '$60,000, CPM', after: 'Not in plan' },
    ],
    [
      'a format unticked',
      (p) => withFormat(p, 'in-feed', { included: false }),
      { group: 'lineItems', key: 'format:in-feed:line', kind: 'removed', label: 'In-Feed Ads', before: '$60,000, CPM', after: 'Unticked' },
    ],
    [
      'a format ticked',
      (p) => withFormat(p, 'branded-effects', { included: true }),
      { group: 'lineItems', key: 'format:branded-effects:line', kind: 'added', label: 'Branded Effects', before: 'Unticked', after: '$100,000' },
    ],
    [
      'a budget changed',
      (p) => withFormat(p, 'in-feed', { amount: '80,000' }),
      { group: 'budgets', key: 'format:in-feed', kind: 'changed', label: 'In-Feed Ads budget', before: '$60,000', after: '$80,000' },
    ],
    [
      'days of a day-bought format',
      (p) => withFormat(p, 'brand-takeover', { amount: '2' }),
      { group: 'budgets', key: 'format:brand-takeover', kind: 'changed', label: 'Brand Takeover days', before: '1 day', after: '2 days' },
    ],
    [
      'the buying model',
      (p) => withFormat(p, 'in-feed', { buyingModel: 'CPC' }),
      { group: 'lineItems', key: 'format:in-feed:buyingModel', kind: 'changed', label: 'In-Feed Ads buying model', before: 'CPM', after: 'CPC' },
    ],
    [
      'the pacing',
      (p) => withFormat(p, 'in-feed', { pacing: 'front-loaded' }),
      { group: 'lineItems', key: 'format:in-feed:pacing', kind: 'changed', label: 'In-Feed Ads pacing', before: 'Even', after: 'Front-loaded' },
    ],
    [
      'the takeover category',
      (p) => withFormat(p, 'brand-takeover', { category: 'Travel' }),
      { group: 'lineItems', key: 'format:brand-takeover:category', kind: 'changed', label: 'Brand Takeover category', before: 'Food & beverage', after: 'Travel' },
    ],
    [
      'a creator added',
      (p) => ({ creators: [...p.creators, creatorLine({ handle: 'zachking', posts: '2', fee: '62500', sparkBudget: '5000' })] }),
      { group: 'lineItems', key: 'creator:zachking', kind: 'added', label: '@zachking', before: 'Not in plan', after: '2 posts × $62,500 + $5,000 Spark Ads' },
    ],
    [
      'a creator removed',
      () => ({ creators: [] }),
      { group: 'lineItems', key: 'creator:maya.fit', kind: 'removed', label: '@maya.fit', before: '2 posts × $800', after: 'Not in plan' },
    ],
    [
      'posts',
      (p) => withCreator(p, { posts: '3' }),
      { group: 'lineItems', key: 'creator:maya.fit:posts', kind: 'changed', label: '@maya.fit posts', before: '2', after: '3' },
    ],
    [
      'a fee',
      (p) => withCreator(p, { fee: '1,000' }),
      { group: 'budgets', key: 'creator:maya.fit:fee', kind: 'changed', label: '@maya.fit fee', before: '$800', after: '$1,000' },
    ],
    [
      'a Spark Ads budget',
      (p) => withCreator(p, { sparkBudget: '2500' }),
      { group: 'budgets', key: 'creator:maya.fit:spark', kind: 'changed', label: '@maya.fit Spark Ads budget', before: 'None', after: '$2,500' },
    ],
    [
      'a post date',
      (p) => withCreator(p, { postDates: ['2024-01-10', '2024-01-20'] }),
      { group: 'dates', key: 'creator:maya.fit:post:1', kind: 'changed', label: '@maya.fit post 2 date', before: 'Spread evenly', after: 'Jan 20, 2024' },
    ],
  ])('reports %s', (_, edit, expected) => {
    expect(only(edit)).toEqual(expected);
  });

  it('shows what a field left to fix holds, quoted', () => {
    expect(only((p) => withFormat(p, 'in-feed', { amount: '60k' }))).toMatchObject({ before: '$60,000', after: '“60k” (to fix)' });
  });

  it('reads format ids and plain numbers without the catalog', () => {
    const base = basePlan();
    const other = { ...base, ...withFormat(base, 'in-feed', { amount: '70000' }) };
    expect(diffPlans(base, other)).toEqual([
      { group: 'budgets', key: 'format:in-feed', kind: 'changed', label: 'in-feed amount', before: '60,000', after: '70,000' },
    ]);
  });
});

describe('diffPlans: plan settings, costs and assumptions', () => {
  it.each<[string, (p: Plan) => Partial<Plan>, PlanChange]>([
    ['the start date', () => ({ startDate: '2024-01-15' }), { group: 'dates', key: 'startDate', kind: 'changed', label: 'Start date', before: 'Jan 8, 2024', after: 'Jan 15, 2024' }],
    ['the end date', () => ({ endDate: '2024-02-11' }), { group: 'dates', key: 'endDate', kind: 'changed', label: 'End date', before: 'Feb 4, 2024', after: 'Feb 11, 2024' }],
    [
      'the weekend rule',
      () => ({ excludeWeekends: true }),
      { group: 'dates', key: 'excludeWeekends', kind: 'changed', label: 'Weekend posting', before: 'Weekends allowed', after: 'Flag weekend posts' },
    ],
    ['the total budget', () => ({ totalBudget: '$350,000' }), { group: 'budgets', key: 'totalBudget', kind: 'changed', label: 'Total budget', before: '$300,000', after: '$350,000' }],
    ['the KPI target', () => ({ kpiTarget: '6,000,000' }), { group: 'settings', key: 'kpiTarget', kind: 'changed', label: 'KPI target', before: '5,000,000 reach', after: '6,000,000 reach' }],
    [
      'the countries',
      (p) => ({ targeting: { ...p.targeting, countries: ['US', 'GB'] } }),
      { group: 'settings', key: 'targeting:countries', kind: 'changed', label: 'Countries', before: 'United States', after: 'United States, United Kingdom' },
    ],
    [
      'the age groups',
      (p) => ({ targeting: { ...p.targeting, ageBands: ['25-34', '18-24'] } }),
      { group: 'settings', key: 'targeting:ageBands', kind: 'changed', label: 'Age groups', before: 'All ages', after: '18-24, 25-34' },
    ],
    [
      'the gender',
      (p) => ({ targeting: { ...p.targeting, gender: 'female' } }),
      { group: 'settings', key: 'targeting:gender', kind: 'changed', label: 'Gender', before: 'Everyone', after: 'Women' },
    ],
    [
      'the shortlist',
      () => ({ shortlist: CREATORS.slice(1, 6).map(shortlistEntryFrom) }),
      { group: 'settings', key: 'shortlist', kind: 'changed', label: 'Shortlist', before: '3 creators', after: '5 creators (3 added, 1 removed)' },
    ],
    ['a cost amount', () => ({ costs: { ...emptyCosts(), agencyCommission: '15', production: '7,500' } }), { group: 'costs', key: 'cost:production', kind: 'changed', label: 'Production', before: '$5,000', after: '$7,500' }],
    ['a cost percentage', () => ({ costs: { ...emptyCosts(), agencyCommission: '12.5', production: '5000' } }), { group: 'costs', key: 'cost:agencyCommission', kind: 'changed', label: 'Agency commission', before: '15%', after: '12.5%' }],
    ['a cost line added', () => ({ costs: { ...emptyCosts(), agencyCommission: '15', production: '5000', tax: '8' } }), { group: 'costs', key: 'cost:tax', kind: 'changed', label: 'Tax', before: 'None', after: '8%' }],
    [
      'an override added',
      (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, inFeedCpm: '12' } }),
      { group: 'assumptions', key: 'assumption:inFeedCpm', kind: 'added', label: 'In-Feed Ads CPM', before: 'Default $10', after: '$12' },
    ],
    [
      'an override changed',
      () => ({ assumptionOverrides: { clickThroughRate: '1.5' } }),
      { group: 'assumptions', key: 'assumption:clickThroughRate', kind: 'changed', label: 'Click-through rate', before: '1.2%', after: '1.5%' },
    ],
    [
      'an override removed',
      () => ({ assumptionOverrides: { clickThroughRate: ' ' } }),
      { group: 'assumptions', key: 'assumption:clickThroughRate', kind: 'removed', label: 'Click-through rate', before: '1.2%', after: 'Default 0.9%' },
    ],
    [
      'a market’s universe overridden, against its figure for the flight’s year',
      (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, universeUS: '150,000,000' } }),
      { group: 'assumptions', key: 'assumption:universeUS', kind: 'added', label: 'Audience universe, United States', before: 'Default 161,869,565', after: '150,000,000' },
    ],
    [
      'a market’s female share overridden',
      (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, femaleShareGB: '50' } }),
      { group: 'assumptions', key: 'assumption:femaleShareGB', kind: 'added', label: 'Share of users who are women, United Kingdom', before: 'Default 59.7%', after: '50%' },
    ],
    [
      'a market’s takeover price overridden',
      (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, takeoverPricePerDayKR: '$12,000' } }),
      { group: 'assumptions', key: 'assumption:takeoverPricePerDayKR', kind: 'added', label: 'Brand Takeover price per day, South Korea', before: 'Default $9,240', after: '$12,000' },
    ],
    [
      'a market’s age share overridden',
      (p) => ({ assumptionOverrides: { ...p.assumptionOverrides, ageShare13to17JP: '5' } }),
      { group: 'assumptions', key: 'assumption:ageShare13to17JP', kind: 'added', label: 'Share of users aged 13-17, Japan', before: 'Default 8%', after: '5%' },
    ],
  ])('reports %s', (_, edit, expected) => {
    expect(only(edit)).toEqual(expected);
  });

  it('reads the same KPI target under another goal as a change, with each goal’s unit', () => {
    expect(diff(() => ({ goal: 'sales' }))).toEqual([
      { group: 'settings', key: 'goal', kind: 'changed', label: 'Goal', before: 'Awareness', after: 'Sales' },
      { group: 'settings', key: 'kpiTarget', kind: 'changed', label: 'KPI target', before: '5,000,000 reach', after: '$5,000,000 revenue' },
    ]);
  });
});

describe('diffPlans: many changes at once', () => {
  it('lists every change in group order, and groups them for display', () => {
    const changes = diff((p) => ({
      assumptionOverrides: {},
      costs: emptyCosts(),
      startDate: '2024-01-09',
      totalBudget: '400000',
      ...withFormat(p, 'in-feed', { amount: '90000' }),
      creators: [...p.creators, creatorLine({ handle: 'zachking' })],
    }));
    expect(changes.map((c) => c.key)).toEqual([
      'creator:zachking',
      'format:in-feed',
      'totalBudget',
      'startDate',
      'cost:agencyCommission',
      'cost:production',
      'assumption:clickThroughRate',
    ]);
    const groups = groupChanges(changes);
    expect(groups.map((g) => g.label)).toEqual(['Line items', 'Budgets', 'Dates', 'Costs', 'Assumptions']);
    expect(groups.map((g) => g.group)).toEqual(CHANGE_GROUPS.filter((g) => g !== 'settings'));
    expect(groups[1]?.changes.map((c) => c.label)).toEqual(['In-Feed Ads budget', 'Total budget']);
  });

  it('lists overrides in the ledger’s order: the shared assumptions, then each market’s figures, market by market', () => {
    const changes = diff(() => ({
      assumptionOverrides: { takeoverPricePerDayGB: '40000', femaleShareUS: '50', clickThroughRate: '1.5', universeUS: '150000000' },
    }));
    expect(changes.map((c) => c.key)).toEqual([
      'assumption:clickThroughRate',
      'assumption:universeUS',
      'assumption:femaleShareUS',
      'assumption:takeoverPricePerDayGB',
    ]);
  });

  it('reads a market key by its name where no ledger is given', () => {
    const base = basePlan();
    const changes = diffPlans(base, { ...base, assumptionOverrides: { ...base.assumptionOverrides, femaleShareUS: '50' } });
    expect(changes).toEqual([
      { group: 'assumptions', key: 'assumption:femaleShareUS', kind: 'added', label: 'femaleShareUS', before: 'Default', after: '50' },
    ]);
  });

  it('is the mirror image the other way round', () => {
    const base = basePlan();
    const other = { ...base, ...withFormat(base, 'in-feed', { included: false }), totalBudget: '250000' };
    const forward = diffPlans(base, other, labels);
    const backward = diffPlans(other, base, labels);
    expect(backward.map((c) => [c.key, c.before, c.after])).toEqual(forward.map((c) => [c.key, c.after, c.before]));
    expect(backward.map((c) => c.kind)).toEqual(['added', 'changed']);
  });
});
