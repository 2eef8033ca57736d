import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ASSUMPTIONS_CSV_COLUMNS,
  assumptionsCsvFileName,
  assumptionsCsvRows,
  audienceAgesCell,
  audienceCountriesCell,
  csvFileName,
  MAX_STEM_BYTES,
  MODEL_2_COLUMNS,
  neutralise,
  PLAN_CSV_COLUMNS,
  planCsvRows,
  safeFileStem,
  toCsv,
  unneutralise,
  type PlanCsvColumn,
} from '../../src/domain/csv';
import { IN_FEED_BUYING_MODELS, PACINGS, type Plan, type PlanCreatorLine, type PlanFormatLine } from '../../src/domain/plan';
import { project, type LineResult, type Projection } from '../../src/domain/projection';
import { roundFor, type Quantity } from '../../src/domain/rounding';
import { AGE_BANDS, COUNTRIES, GENDERS, GOALS, NICHES, TIERS, type Assumption, type AssumptionKey, type AudienceProfile } from '../../src/domain/types';
import { check, creatorLine, dayAfter, defaultAssumptions, format, formatLine, planWith, takeoverLine } from './plan-fixtures';

const BOM = '\uFEFF';

/** A creator's measured audience, as the catalog gives it. */
const AUDIENCE: AudienceProfile = {
  ageShares: { '13-17': 0.2, '18-24': 0.4, '25-34': 0.2, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 },
  femaleShare: 0.45,
  topCountries: [
    { country: 'US', share: 0.62 },
    { country: 'CA', share: 0.1 },
  ],
};

/** A plan with formats and a creator with audience data; at a $45 order value In-Feed Ads lose money (negative ROI). */
const PLAN = planWith({
  name: 'Q3 launch',
  goal: 'sales',
  totalBudget: '1,000,000',
  formats: [formatLine('in-feed', '60,000'), takeoverLine('2')],
  creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800', audience: AUDIENCE, credibility: 0.9 })],
  assumptionOverrides: { averageOrderValue: '45' },
});

/** The app's export: unticked formats are left out before the plan is checked and projected. */
function exportPlan(plan: Plan) {
  const result = check({ ...plan, formats: plan.formats.filter((f) => f.included) });
  expect(result.errors).toEqual({});
  const projection = project(result.input);
  const rows = planCsvRows(plan, projection);
  return { result, projection, rows, csv: toCsv(rows, PLAN_CSV_COLUMNS) };
}

/** Parses our CSV with papaparse, without the BOM and the final line break. */
function parseCsv(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1, -2), { header: false, newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function column(row: readonly string[] | undefined, name: PlanCsvColumn): string | undefined {
  return row?.[PLAN_CSV_COLUMNS.indexOf(name)];
}

type CsvRecord = Record<PlanCsvColumn, string>;

/** The exported file read back as records by column name, after checking its header is the contract's. */
function recordsOf(csv: string): CsvRecord[] {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...PLAN_CSV_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(PLAN_CSV_COLUMNS.length);
    return Object.fromEntries(PLAN_CSV_COLUMNS.map((c, i) => [c, row[i] ?? ''])) as CsvRecord;
  });
}

/** A named quantity of a line item's trace (what its figures are computed from). */
function traced(item: LineResult | undefined, key: LineResult['trace'][number]['key']): number {
  const step = item?.trace.find((s) => s.key === key);
  if (!step) throw new Error(`no ${key} in the trace of ${item?.id ?? 'no item'}`);
  return step.value;
}

describe('toCsv(planCsvRows(...)): layout', () => {
  const { csv, rows, result, projection } = exportPlan(PLAN);
  const lines = csv.slice(1).split('\r\n');

  it('starts with a UTF-8 BOM and the header in contract order: columns 1–56 unchanged, the second edition’s 57–68 after them', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(PLAN_CSV_COLUMNS.join(','));
    expect(PLAN_CSV_COLUMNS).toHaveLength(68);
    expect(PLAN_CSV_COLUMNS.slice(0, 26)).toEqual([
      'plan_name',
      'item_type',
      'item_name',
      'start_date',
      'end_date',
      'budget',
      'currency',
      'impressions',
      'reach',
      'video_views',
      'engagements',
      'engagement_rate',
      'conversions',
      'revenue',
      'cpm',
      'roi',
      'goal',
      'quantity',
      'quantity_unit',
      'clicks',
      'video_submissions',
      'reach_low',
      'reach_high',
      'conversions_low',
      'conversions_high',
      'frequency',
    ]);
    expect(PLAN_CSV_COLUMNS.slice(26, 56)).toEqual([
      'item_id',
      'amount',
      'buying_model',
      'pacing',
      'category',
      'posts',
      'fee_per_post',
      'post_dates',
      'spark_budget',
      'display_name',
      'niche',
      'creator_country',
      'tier',
      'fans',
      'avg_views',
      'catalog_engagement_rate',
      'catalog_fee',
      'status',
      'total_budget',
      'kpi_target',
      'countries',
      'age_bands',
      'gender',
      'agency_commission_pct',
      'usage_rights_fee',
      'whitelisting_fee',
      'production_fee',
      'tax_pct',
      'exclude_weekends',
      'assumption_overrides',
    ]);
    expect(PLAN_CSV_COLUMNS.slice(56)).toEqual([
      'target_impressions',
      'six_second_views',
      'earned_reach',
      'earned_views',
      'earned_engagements',
      'earned_media_value',
      'roi_cost',
      'earned_in_reach',
      'audience_countries',
      'audience_ages',
      'audience_female_share',
      'credibility',
    ]);
    expect(MODEL_2_COLUMNS).toEqual(PLAN_CSV_COLUMNS.slice(56));
    expect(new Set(PLAN_CSV_COLUMNS).size).toBe(PLAN_CSV_COLUMNS.length);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.at(-1)).toBe('');
  });

  it('has one row per line item, then a total row whose budget is the plan’s spend', () => {
    expect(lines).toHaveLength(1 + projection.items.length + 1 + 1);
    expect(rows.map((r) => [r.item_type, r.item_name])).toEqual([
      ['format', 'In-Feed Ads'],
      ['format', 'Brand Takeover'],
      ['creator', 'maya.fit'],
      ['total', 'Total'],
    ]);
    const total = parseCsv(csv).at(-1);
    expect(column(total, 'item_type')).toBe('total');
    expect(column(total, 'budget')).toBe(String(result.spend));
    expect(result.spend).toBe(161_600);
  });

  it('writes the de-duplicated reach on the total row, not the sum of the items', () => {
    const parsed = parseCsv(csv);
    const itemReach = parsed.slice(1, -1).reduce((sum, row) => sum + Number(column(row, 'reach')), 0);
    const totalReach = Number(column(parsed.at(-1), 'reach'));
    expect(totalReach).toBe(Math.round(projection.totals.reach));
    expect(totalReach).toBeLessThan(itemReach);
  });

  it('repeats the plan facts on every row', () => {
    for (const row of parseCsv(csv).slice(1)) {
      expect(column(row, 'plan_name')).toBe('Q3 launch');
      expect(column(row, 'start_date')).toBe('2024-01-08');
      expect(column(row, 'end_date')).toBe('2024-02-04');
      expect(column(row, 'currency')).toBe('USD');
      expect(column(row, 'goal')).toBe('sales');
      expect(column(row, 'earned_in_reach')).toBe('no');
    }
  });

  it('writes plain numbers: no separators, no symbols, no quotes', () => {
    const [, inFeed, takeover, creator] = lines;
    expect(rows[0]?.impressions).toBe(6_000_000);
    expect(inFeed).toContain(',6000000,');
    expect(inFeed).toContain(',60000,USD,');
    expect(takeover).toContain(',10000000,');
    expect(creator).toContain(',1600,USD,');
    expect(csv).not.toContain('$');
    const text: readonly PlanCsvColumn[] = [
      ...['plan_name', 'item_type', 'item_name', 'start_date', 'end_date', 'currency', 'goal', 'quantity_unit'] as const,
      ...['item_id', 'buying_model', 'pacing', 'category', 'post_dates', 'display_name', 'niche', 'creator_country', 'tier'] as const,
      ...['status', 'countries', 'age_bands', 'gender', 'exclude_weekends', 'assumption_overrides'] as const,
      ...['earned_in_reach', 'audience_countries', 'audience_ages'] as const,
    ];
    const numeric = PLAN_CSV_COLUMNS.filter((c) => !text.includes(c));
    expect(numeric).toEqual(expect.arrayContaining(['target_impressions', 'earned_media_value', 'roi_cost', 'audience_female_share', 'credibility']));
    for (const row of parseCsv(csv).slice(1)) {
      for (const name of numeric) expect(column(row, name)).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
  });

  it('keeps a negative ROI as a plain, unquoted, un-neutralised number', () => {
    const roi = projection.items[0]?.roi?.mid ?? Number.NaN;
    expect(roi).toBeLessThan(0);
    const cell = String(roundFor('rate', roi));
    expect(rows[0]?.roi).toBe(roundFor('rate', roi));
    expect(cell.startsWith('-')).toBe(true);
    expect(lines[1]).toContain(`,${cell},`);
    expect(lines[1]).not.toContain(`'${cell}`);
    expect(lines[1]).not.toContain(`"${cell}"`);
  });

  it('rounds counts to whole numbers, money to cents, rates to 4 decimals', () => {
    const creator = parseCsv(csv)[3];
    const item = projection.items[2];
    if (!item) throw new Error('no creator item');
    expect(column(creator, 'impressions')).toBe('16000');
    expect(column(creator, 'engagement_rate')).toBe('0.06');
    // Organic posts carry no clickable link: 16,000 views × the 0.05% organic click rate.
    expect(defaultAssumptions().organicClickRate).toBe(0.0005);
    expect(column(creator, 'clicks')).toBe('8');
    expect(column(creator, 'conversions')).toBe(String(Math.round(item.conversions)));
    expect(column(creator, 'revenue')).toBe(String(Math.round(item.revenue * 100) / 100));
    expect(column(creator, 'revenue')).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(column(creator, 'cpm')).toBe('100');
    expect(column(creator, 'frequency')).toMatch(/^\d+(\.\d{1,4})?$/);
    expect(column(creator, 'target_impressions')).toBe(String(roundFor('count', traced(item, 'targetImpressions'))));
  });

  it('names creators by handle without @ and gives what each line buys, with its unit', () => {
    const parsed = parseCsv(csv);
    expect(parsed.slice(1).map((r) => [column(r, 'item_name'), column(r, 'quantity'), column(r, 'quantity_unit')])).toEqual([
      ['In-Feed Ads', '6000000', 'impressions'],
      ['Brand Takeover', '2', 'days'],
      ['maya.fit', '2', 'posts'],
      ['Total', '', ''],
    ]);
  });

  it('writes the P10 and P90 of reach and conversions, and the frequency, on every row', () => {
    const parsed = parseCsv(csv).slice(1);
    const sources = [...projection.items, projection.totals];
    parsed.forEach((row, i) => {
      const r = sources[i];
      if (!r) throw new Error('no row source');
      expect(column(row, 'reach_low')).toBe(String(roundFor('count', r.ranges.reach.low)));
      expect(column(row, 'reach')).toBe(String(roundFor('count', r.ranges.reach.mid)));
      expect(column(row, 'reach_high')).toBe(String(roundFor('count', r.ranges.reach.high)));
      expect(column(row, 'conversions_low')).toBe(String(roundFor('count', r.ranges.conversions.low)));
      expect(column(row, 'conversions_high')).toBe(String(roundFor('count', r.ranges.conversions.high)));
      expect(column(row, 'frequency')).toBe(r.frequency === null ? '' : String(roundFor('rate', r.frequency)));
      expect(Number(column(row, 'reach_low'))).toBeLessThanOrEqual(Number(column(row, 'reach')));
      expect(Number(column(row, 'reach'))).toBeLessThanOrEqual(Number(column(row, 'reach_high')));
      expect(Number(column(row, 'conversions_low'))).toBeLessThanOrEqual(Number(column(row, 'conversions')));
      expect(Number(column(row, 'conversions'))).toBeLessThanOrEqual(Number(column(row, 'conversions_high')));
    });
  });

  it('gives In-Feed Ads a reach spread (the reach curve’s shape is uncertain) and a frequency of in-target impressions ÷ reach', () => {
    const inFeed = parseCsv(csv)[1];
    const item = projection.items[0];
    // In-Feed targets ages and gender: all 6,000,000 impressions are in the target.
    expect(column(inFeed, 'target_impressions')).toBe('6000000');
    expect(Number(column(inFeed, 'reach_low'))).toBeLessThan(Number(column(inFeed, 'reach')));
    expect(Number(column(inFeed, 'reach'))).toBeLessThan(Number(column(inFeed, 'reach_high')));
    expect(Number(column(inFeed, 'conversions_low'))).toBeLessThan(Number(column(inFeed, 'conversions_high')));
    expect(column(inFeed, 'frequency')).toBe(String(roundFor('rate', 6_000_000 / Number(item?.reach))));
  });

  it('leaves frequency and cost cells empty where there is nothing to divide by', () => {
    const { rows: emptyRows } = exportPlan({ ...PLAN, formats: [], creators: [] });
    expect(emptyRows).toHaveLength(1);
    expect(emptyRows[0]).toMatchObject({ item_type: 'total', frequency: '', cpm: '', roi: '', engagement_rate: '' });
    expect(emptyRows[0]).toMatchObject({ target_impressions: 0, six_second_views: 0, earned_reach: 0, earned_views: 0, earned_media_value: 0, roi_cost: 0 });
    expect(emptyRows[0]).toMatchObject({ earned_in_reach: 'no', audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '' });
    expect(emptyRows[0]?.reach).toBe(0);
    expect(Object.is(emptyRows[0]?.reach, 0)).toBe(true);
  });

  it('reads only the line items and totals of the projection: the figures alone give the same rows', () => {
    expect(planCsvRows(PLAN, project(result.input, { figuresOnly: true }))).toEqual(rows);
  });
});

describe('planCsvRows: the second edition’s columns (57–68)', () => {
  const COSTS = { agencyCommission: '15', usageRights: '2,000', whitelisting: '', production: '', tax: '10' };
  /** Every kind of line item: CPV In-Feed, a challenge, takeover days in two markets, creators with and without audience data. */
  const EDITION_2 = planWith({
    name: 'Second edition',
    goal: 'sales',
    totalBudget: '10,000,000',
    targeting: { countries: ['US', 'KR'], ageBands: ['18-24', '25-34', '35-44'], gender: 'all' },
    formats: [formatLine('in-feed', '60,000', { buyingModel: 'CPV' }), formatLine('hashtag-challenge', '150,000'), takeoverLine('2')],
    creators: [
      creatorLine({ handle: 'maya.fit', audience: AUDIENCE, credibility: 0.9, sparkBudget: '1,000' }),
      creatorLine({ handle: 'jun', country: 'KR', avgViews: null, fans: 100_000, credibility: 0.8 }),
    ],
    costs: COSTS,
  });
  const apart = exportPlan(EDITION_2);
  const counted = exportPlan({ ...EDITION_2, earnedInReach: true });
  const records = recordsOf(apart.csv);
  const [inFeed, challenge, takeover, maya, jun, total] = records;
  const items = apart.projection.items;
  const byId = (id: string) => items.find((i) => i.id === id);

  it('has the rows in the projection’s order', () => {
    expect([inFeed, challenge, takeover, maya, jun, total].map((r) => r?.item_id)).toEqual(['in-feed', 'hashtag-challenge', 'brand-takeover', 'maya.fit', 'jun', '']);
  });

  it('writes each line item’s in-target impressions (from its trace) and the plan’s, which frequency divides by', () => {
    items.forEach((item, i) => {
      const row = records[i];
      expect(row?.target_impressions).toBe(String(roundFor('count', traced(item, 'targetImpressions'))));
      expect(row?.frequency).toBe(String(roundFor('rate', traced(item, 'targetImpressions') / item.reach)));
    });
    expect(total?.target_impressions).toBe(String(roundFor('count', apart.projection.totals.targetImpressions.mid)));
    // In-Feed targets ages and gender: every impression is in the target. A challenge's paid placements are seen by every age, a takeover's too.
    expect(inFeed?.target_impressions).toBe(inFeed?.impressions);
    expect(Number(challenge?.target_impressions)).toBeLessThan(Number(challenge?.impressions));
    expect(Number(takeover?.target_impressions)).toBeLessThan(Number(takeover?.impressions));
  });

  it('writes 6-second views: bought on CPV, none for a takeover or a challenge, Spark Ads’ at the 6-second view rate', () => {
    const a = defaultAssumptions(2024);
    expect(inFeed).toMatchObject({ six_second_views: String(60_000 / a.inFeedCpv), quantity: String(60_000 / a.inFeedCpv), quantity_unit: '6-second views' });
    expect([challenge?.six_second_views, takeover?.six_second_views, jun?.six_second_views]).toEqual(['0', '0', '0']);
    expect(maya?.six_second_views).toBe(String(roundFor('count', (1_000 / a.sparkCpm) * 1000 * a.sixSecondViewRate)));
    expect(total?.six_second_views).toBe(String(roundFor('count', apart.projection.totals.sixSecondViews)));
  });

  it('fills the earned columns for a challenge, its participants’ videos, and leaves them at 0 elsewhere', () => {
    const item = byId('hashtag-challenge');
    const a = defaultAssumptions(2024);
    expect(item?.earnedViews).toBeGreaterThan(0);
    expect(challenge).toMatchObject({
      earned_views: String(roundFor('count', traced(item, 'earnedViews'))),
      earned_engagements: String(roundFor('count', traced(item, 'earnedViews') * a.engagementRateNano)),
      earned_reach: String(roundFor('count', item?.earnedReach ?? Number.NaN)),
      // EMV is the participants' views only, at the EMV CPM.
      earned_media_value: String(roundFor('money', (traced(item, 'earnedViews') * a.emvCpm) / 1000)),
      video_submissions: String(roundFor('count', traced(item, 'submissions'))),
    });
    expect(Number(challenge?.earned_reach)).toBeGreaterThan(0);
    expect(Number(challenge?.earned_views)).toBeGreaterThan(Number(challenge?.earned_reach));
    for (const row of [inFeed, takeover, maya, jun]) {
      expect(row).toMatchObject({ earned_reach: '0', earned_views: '0', earned_engagements: '0', earned_media_value: '0' });
    }
    // One line item earns: the plan's earned figures are its own.
    for (const c of ['earned_reach', 'earned_views', 'earned_engagements', 'earned_media_value'] as const) expect(total?.[c]).toBe(challenge?.[c]);
  });

  it('keeps participants’ videos out of impressions, views, engagements, reach and frequency unless earned_in_reach is yes', () => {
    const countedRecords = recordsOf(counted.csv);
    for (const row of countedRecords) expect(row.earned_in_reach).toBe('yes');
    for (const row of records) expect(row.earned_in_reach).toBe('no');
    const countedChallenge = countedRecords[1];
    const paid = byId('hashtag-challenge')?.paidImpressions ?? Number.NaN;
    const earned = byId('hashtag-challenge')?.earnedViews ?? Number.NaN;
    // Kept apart: the brand's own paid placements; counted: the participants' views too.
    expect(challenge?.impressions).toBe(String(roundFor('count', paid)));
    expect(countedChallenge?.impressions).toBe(String(roundFor('count', paid + earned)));
    expect(countedChallenge?.video_views).toBe(String(roundFor('count', paid + earned)));
    expect(Number(countedChallenge?.engagements)).toBeGreaterThan(Number(challenge?.engagements));
    expect(Number(countedChallenge?.target_impressions)).toBeGreaterThan(Number(challenge?.target_impressions));
    expect(Number(countedChallenge?.reach)).toBeGreaterThan(Number(challenge?.reach));
    expect(Number(countedRecords.at(-1)?.reach)).toBeGreaterThan(Number(total?.reach));
    // The earned figures are the same either way.
    for (const c of ['earned_views', 'earned_engagements', 'earned_media_value', 'video_submissions'] as const) expect(countedChallenge?.[c]).toBe(challenge?.[c]);
    // Other line items don't change.
    expect([countedRecords[0], countedRecords[2], countedRecords[3], countedRecords[4]].map((r) => r?.reach)).toEqual([inFeed, takeover, maya, jun].map((r) => r?.reach));
  });

  it('writes the cost each ROI is on: a line item’s spend, the plan’s gross cost (cost lines and tax included)', () => {
    for (const row of [inFeed, challenge, takeover, maya, jun]) expect(row?.roi_cost).toBe(row?.budget);
    const gross = apart.projection.totals.fullCost.gross;
    expect(gross).toBeGreaterThan(apart.result.spend);
    expect(total?.budget).toBe(String(apart.result.spend));
    expect(total?.roi_cost).toBe(String(roundFor('money', gross)));
    expect(total?.roi).toBe(String(roundFor('rate', (apart.projection.totals.revenue - gross) / gross)));
  });

  it('writes a creator’s audience and credibility as the import reads them; empty without audience data and on format rows', () => {
    expect(maya).toMatchObject({
      audience_countries: 'US:0.62 CA:0.1',
      audience_ages: '13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1 45-54:0.06 55+:0.04',
      audience_female_share: '0.45',
      credibility: '0.9',
    });
    expect(jun).toMatchObject({ audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '0.8' });
    for (const row of [inFeed, challenge, takeover, total]) {
      expect(row).toMatchObject({ audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '' });
    }
  });

  it.each<[PlanFormatLine['formatId'], string, number]>([
    ['hashtag-challenge', '175,000', 7],
    ['hashtag-challenge-plus', '200,000', 6],
    ['hashtag-challenge-plus', '233,333.34', 7],
    // $33,333.33… a day: a cent short of 7 whole days.
    ['hashtag-challenge-plus', '233,333.32', 6],
    ['branded-effects', '109,999.99', 10],
  ])('writes a %s package bought with %s as the whole days it buys, its budget at most the amount', (formatId, amount, days) => {
    const { rows } = exportPlan(planWith({ totalBudget: '1,000,000', formats: [formatLine(formatId, amount)] }));
    const row = rows[0];
    expect(row).toMatchObject({ item_id: formatId, quantity: days, quantity_unit: 'days' });
    expect(Number(row?.budget)).toBeLessThanOrEqual(Number(row?.amount));
  });

  it.each<[string, AudienceProfile | null, string, string]>([
    ['no audience data', null, '', ''],
    ['the catalog’s order of countries, every age band', AUDIENCE, 'US:0.62 CA:0.1', '13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1 45-54:0.06 55+:0.04'],
    [
      'a country outside the planner’s markets, bands at 0, shares as JavaScript prints them',
      { ageShares: { '13-17': 0, '18-24': 1 / 3, '25-34': 0.5, '35-44': 1e-7, '45-54': 0, '55+': 0 }, femaleShare: 1, topCountries: [{ country: 'BR', share: 1 }] },
      'BR:1',
      '13-17:0 18-24:0.3333333333333333 25-34:0.5 35-44:1e-7 45-54:0 55+:0',
    ],
  ])('audience cells with %s', (_, audience, countries, ages) => {
    expect(audienceCountriesCell(audience)).toBe(countries);
    expect(audienceAgesCell(audience)).toBe(ages);
  });
});

// ---------------------------------------------------------------------------------------
// Properties over random plans: the file read back is coherent on its own.

const pacing = fc.constantFrom(...PACINGS);
/** A share as a catalog gives it (two decimals) or any share at all. */
const share = fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => n / 100), fc.double({ min: 0, max: 1, noNaN: true }));

const audienceArb: fc.Arbitrary<AudienceProfile> = fc
  .record({
    ages: fc.tuple(share, share, share, share, share, share),
    femaleShare: share,
    topCountries: fc.uniqueArray(fc.record({ country: fc.constantFrom(...COUNTRIES, 'FR', 'BR'), share }), { maxLength: 4, selector: (c) => c.country }),
  })
  .map(({ ages, femaleShare, topCountries }) => ({
    ageShares: Object.fromEntries(AGE_BANDS.map((band, i) => [band, ages[i] ?? 0])) as AudienceProfile['ageShares'],
    femaleShare,
    topCountries,
  }));

/** A package line of whole days within the flight, with money left over that buys no whole day. */
function packageArb(id: 'hashtag-challenge' | 'hashtag-challenge-plus' | 'branded-effects', flightDays: number) {
  const f = format(id);
  if (!f.package || f.minimumSpend === null) throw new Error(`${id} is not a package`);
  const days = f.package.days;
  const dayPrice = f.minimumSpend / days;
  if (flightDays < days) return fc.constant(null);
  return fc.option(
    fc.record({ days: fc.integer({ min: days, max: Math.min(flightDays, days + 8) }), leftover: fc.integer({ min: 0, max: Math.floor(dayPrice) - 1 }), pacing }),
    { nil: null, freq: 2 },
  ).map((r) => (r === null ? null : formatLine(id, String(r.days * dayPrice + r.leftover), { pacing: r.pacing })));
}

function creatorArb(startDate: string, flightDays: number) {
  return fc.record({
    country: fc.constantFrom(...COUNTRIES, 'FR'),
    niche: fc.constantFrom(...NICHES),
    tier: fc.constantFrom(...TIERS),
    fans: fc.integer({ min: 0, max: 50_000_000 }),
    avgViews: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
    engagementRate: fc.option(share, { nil: null }),
    audience: fc.option(audienceArb, { nil: null }),
    credibility: fc.option(share, { nil: null }),
    posts: fc.integer({ min: 1, max: 6 }),
    fee: fc.integer({ min: 0, max: 50_000 }),
    spark: fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: null, freq: 3 }),
    dates: fc.array(fc.option(fc.integer({ min: 0, max: flightDays - 1 }), { nil: null }), { maxLength: 6 }),
  }).map((c): PlanCreatorLine =>
    creatorLine({
      handle: 'creator',
      country: c.country,
      niche: c.niche,
      tier: c.tier,
      fans: c.fans,
      avgViews: c.avgViews,
      engagementRate: c.engagementRate,
      audience: c.audience,
      credibility: c.credibility,
      posts: String(c.posts),
      fee: String(c.fee),
      sparkBudget: c.spark === null ? '' : String(c.spark),
      postDates: c.dates.map((d) => (d === null ? '' : dayAfter(startDate, d))),
    }),
  );
}

const costPct = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 300 }).map((n) => String(n / 10)));
const costFee = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 5_000_000 }).map((n) => String(n / 100)));

/** A random valid plan: formats as they are sold, creators with and without audience data, any markets, a flight from 2019 to 2026, cost lines. */
const figurePlans: fc.Arbitrary<Plan> = fc
  .record({ flightDays: fc.integer({ min: 1, max: 60 }), startOffset: fc.integer({ min: 0, max: 8 * 365 }) })
  .chain(({ flightDays, startOffset }) => {
    const startDate = dayAfter('2019-01-01', startOffset);
    return fc.record({
      flightDays: fc.constant(flightDays),
      startDate: fc.constant(startDate),
      inFeed: fc.option(
        fc.record({ amount: fc.integer({ min: 600_000, max: 300_000_000 }), buyingModel: fc.constantFrom(...IN_FEED_BUYING_MODELS), pacing }),
        { nil: null, freq: 2 },
      ),
      takeover: fc.option(fc.record({ days: fc.integer({ min: 1, max: Math.min(flightDays, 6) }), pacing }), { nil: null, freq: 2 }),
      packages: fc.tuple(packageArb('hashtag-challenge', flightDays), packageArb('hashtag-challenge-plus', flightDays), packageArb('branded-effects', flightDays)),
      creators: fc.array(creatorArb(startDate, flightDays), { maxLength: 5 }),
      countries: fc.shuffledSubarray([...COUNTRIES], { minLength: 1, maxLength: 3 }),
      ageBands: fc.subarray([...AGE_BANDS], { minLength: 1 }),
      gender: fc.constantFrom(...GENDERS),
      goal: fc.constantFrom(...GOALS),
      earnedInReach: fc.boolean(),
      averageOrderValue: fc.option(fc.integer({ min: 1, max: 50_000 }).map((n) => String(n / 100)), { nil: null }),
      costs: fc.record({ agencyCommission: costPct, usageRights: costFee, whitelisting: costFee, production: costFee, tax: costPct }),
    });
  })
  .map((r) => {
    const formats: PlanFormatLine[] = [];
    // In-Feed budgets with cents.
    if (r.inFeed) formats.push(formatLine('in-feed', String(r.inFeed.amount / 100), { buyingModel: r.inFeed.buyingModel, pacing: r.inFeed.pacing }));
    if (r.takeover) formats.push(takeoverLine(String(r.takeover.days), { pacing: r.takeover.pacing }));
    for (const line of r.packages) if (line) formats.push(line);
    return planWith({
      name: 'Random plan',
      startDate: r.startDate,
      endDate: dayAfter(r.startDate, r.flightDays - 1),
      goal: r.goal,
      totalBudget: '100,000,000',
      targeting: { countries: r.countries, ageBands: r.ageBands, gender: r.gender },
      formats,
      creators: r.creators.map((c, i) => ({ ...c, handle: `creator.${i}` })),
      earnedInReach: r.earnedInReach,
      assumptionOverrides: r.averageOrderValue === null ? {} : { averageOrderValue: r.averageOrderValue },
      costs: r.costs,
    });
  });

const RUNS = { numRuns: 60 };
/** Each run validates and projects a plan: room for a busy machine. */
const PROPERTY_TIMEOUT_MS = 60_000;

/** A random plan's export read back; its figures alone (the rows read nothing else of the projection). */
function exportedRecords(plan: Plan): { records: CsvRecord[]; projection: Projection } {
  const result = check(plan);
  expect(result.errors).toEqual({});
  const projection = project(result.input, { figuresOnly: true });
  return { records: recordsOf(toCsv(planCsvRows(plan, projection), PLAN_CSV_COLUMNS)), projection };
}

/** Half the last unit a cell is rounded to: the most its rounding moved it. */
const HALF: Record<Quantity, number> = { count: 0.5, money: 0.005, rate: 0.00005 };
type Interval = readonly [number, number];

/** The values a rounded cell stands for. */
function unrounded(cell: string, kind: Quantity): Interval {
  expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
  const v = Number(cell);
  return [v - HALF[kind], v + HALF[kind]];
}

/** What n ÷ d can be, n and d in their intervals, d > 0 (it is: the cell has a value); unbounded above when d's interval reaches 0. */
function quotient([n1, n2]: Interval, [d1, d2]: Interval): Interval {
  if (d1 <= 0) return [n1 >= 0 ? n1 / d2 : Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const q = [n1 / d1, n1 / d2, n2 / d1, n2 / d2];
  return [Math.min(...q), Math.max(...q)];
}

const scaledBy = ([a, b]: Interval, k: number, plus = 0): Interval => [a * k + plus, b * k + plus];

/** The cell, rounded to `kind`, is the rounding of a value within `bounds`. */
function expectRoundingOf(cell: string, kind: Quantity, [lo, hi]: Interval, what: string) {
  const v = Number(cell);
  const slack = HALF[kind] + 1e-9 * Math.max(1, Math.abs(v));
  if (!(v >= lo - slack && v <= hi + slack)) throw new Error(`${what}: ${cell} is not the rounding of a value in [${lo}, ${hi}]`);
}

/** Columns whose line rows add up to the total row, with their rounding. */
const ADDITIVE: readonly [PlanCsvColumn, Quantity][] = [
  ['budget', 'money'],
  ['impressions', 'count'],
  ['video_views', 'count'],
  ['engagements', 'count'],
  ['conversions', 'count'],
  ['revenue', 'money'],
  ['clicks', 'count'],
  ['video_submissions', 'count'],
  ['target_impressions', 'count'],
  ['six_second_views', 'count'],
  ['earned_views', 'count'],
  ['earned_engagements', 'count'],
  ['earned_media_value', 'money'],
];

describe('the plan CSV read back over random plans (property)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('recomputes every row from its own cells within rounding: engagement rate, CPM, ROI on roi_cost, frequency', () => {
    fc.assert(
      fc.property(figurePlans, (plan) => {
        const { records } = exportedRecords(plan);
        for (const row of records) {
          const name = `${row.item_type} ${row.item_name}`;
          if (row.item_type !== 'total') expect(row.roi_cost).toBe(row.budget);
          // Empty where there is nothing to divide by, and only there.
          if (row.engagement_rate === '') expect(row.video_views).toBe('0');
          else expectRoundingOf(row.engagement_rate, 'rate', quotient(unrounded(row.engagements, 'count'), unrounded(row.video_views, 'count')), `${name} engagement_rate`);
          if (row.cpm === '') expect(row.impressions).toBe('0');
          else expectRoundingOf(row.cpm, 'money', scaledBy(quotient(unrounded(row.budget, 'money'), unrounded(row.impressions, 'count')), 1000), `${name} cpm`);
          if (row.roi === '') expect(row.roi_cost).toBe('0');
          else expectRoundingOf(row.roi, 'rate', scaledBy(quotient(unrounded(row.revenue, 'money'), unrounded(row.roi_cost, 'money')), 1, -1), `${name} roi`);
          if (row.frequency === '') expect(row.reach).toBe('0');
          else expectRoundingOf(row.frequency, 'rate', quotient(unrounded(row.target_impressions, 'count'), unrounded(row.reach, 'count')), `${name} frequency`);
        }
      }),
      RUNS,
    );
  });

  it('adds the line rows’ summed columns up to the total row within rounding, and de-duplicates reach between the largest and the sum', () => {
    fc.assert(
      fc.property(figurePlans, (plan) => {
        const { records } = exportedRecords(plan);
        const total = records.at(-1);
        const lines = records.slice(0, -1);
        expect(total?.item_type).toBe('total');
        const n = lines.length;
        for (const [c, kind] of ADDITIVE) {
          const sum = lines.reduce((s, r) => s + Number(r[c]), 0);
          // Each of the n line cells and the total's is rounded on its own; in whole units the difference is at most n halves.
          const off = Math.abs(sum - Number(total?.[c]));
          if (off > n * HALF[kind] + 1e-6) throw new Error(`${c}: the line rows add up to ${sum}, the total row says ${total?.[c]}`);
        }
        for (const c of ['reach', 'earned_reach'] as const) {
          const values = lines.map((r) => Number(r[c]));
          const sum = values.reduce((s, v) => s + v, 0);
          expect(Number(total?.[c])).toBeGreaterThanOrEqual(Math.max(0, ...values));
          expect(Number(total?.[c])).toBeLessThanOrEqual(sum + n * HALF.count);
        }
      }),
      RUNS,
    );
  });
});

describe('neutralise', () => {
  it.each([['=SUM(A1:A9)'], ['+1'], ['-1'], ['@cmd'], ['\tcell'], ['\rcell'], ['=HYPERLINK("http://x")']])(
    '"%s" gets a leading apostrophe',
    (text) => {
      expect(neutralise(text)).toBe(`'${text}`);
    },
  );

  it.each([['Q3 launch'], [''], ['a=b'], ['1+1'], ['여름 캠페인'], [" 'quoted"], ['100%'], ["'quoted"], ["it's"], ["'"]])('"%s" is left alone', (text) => {
    expect(neutralise(text)).toBe(text);
  });

  it.each([["'=x"], ["''+1"], ["'@h"]])('"%s", which starts with apostrophes before a trigger, gets one more, so the import gives it back whole', (text) => {
    expect(neutralise(text)).toBe(`'${text}`);
    expect(unneutralise(neutralise(text))).toBe(text);
  });

  it('is undone by unneutralise for any text (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.tuple(fc.constantFrom("'", "''", ''), fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'x', ' '), fc.string()).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        expect(unneutralise(neutralise(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});

describe('planCsvRows: what rebuilds the plan', () => {
  const plan = planWith({
    name: 'Inputs',
    status: 'proposed',
    totalBudget: '$1,000,000',
    kpiTarget: '2,500,000',
    targeting: { countries: ['KR', 'US'], ageBands: ['18-24', '25-34', '55+'], gender: 'female' },
    formats: [
      formatLine('in-feed', '$60,000.50', { buyingModel: 'CPC', pacing: 'front-loaded' }),
      formatLine('branded-effects', '100000', { included: false }),
      takeoverLine('2', { category: 'travel' }),
    ],
    creators: [
      creatorLine({
        handle: 'maya.fit',
        displayName: '=Maya "M"',
        posts: '3',
        fee: '1,200',
        postDates: ['', '2024-01-20', ''],
        sparkBudget: '$500',
        audience: AUDIENCE,
        credibility: 0.85,
      }),
      creatorLine({ handle: 'jun', displayName: '박준', avgViews: null, engagementRate: null, posts: '1', fee: '300', postDates: ['2024-01-10', '2024-01-11'] }),
    ],
    assumptionOverrides: { averageOrderValue: '$45.50', clickThroughRate: '1.5%', conversionRate: ' ' },
    costs: { agencyCommission: '15%', usageRights: '2,000', whitelisting: '', production: '$3,500.25', tax: '10' },
    excludeWeekends: true,
    earnedInReach: true,
  });
  const { rows, csv } = exportPlan(plan);
  const [inFeed, takeover, maya, jun, total] = rows;

  it('writes a format’s id and inputs, the typed amount as its value', () => {
    expect(inFeed).toMatchObject({ item_id: 'in-feed', amount: 60000.5, buying_model: 'CPC', pacing: 'front-loaded', category: '', posts: '', display_name: '' });
    expect(takeover).toMatchObject({ item_id: 'brand-takeover', amount: 2, buying_model: 'CPM', pacing: 'even', category: 'Travel' });
  });

  it('writes a creator’s handle, inputs and catalog facts; one post date a post, auto for a spread post', () => {
    expect(maya).toMatchObject({
      item_id: 'maya.fit',
      amount: '',
      posts: 3,
      fee_per_post: 1200,
      post_dates: 'auto 2024-01-20 auto',
      spark_budget: 500,
      display_name: '=Maya "M"',
      niche: 'fitness',
      creator_country: 'US',
      tier: 'micro',
      fans: 50_000,
      avg_views: 8_000,
      catalog_engagement_rate: 0.06,
      catalog_fee: 800,
      audience_countries: 'US:0.62 CA:0.1',
      audience_ages: '13-17:0.2 18-24:0.4 25-34:0.2 35-44:0.1 45-54:0.06 55+:0.04',
      audience_female_share: 0.45,
      credibility: 0.85,
    });
    // A date past the last post is one the app ignores: it isn't written.
    expect(jun).toMatchObject({ item_id: 'jun', post_dates: '2024-01-10', spark_budget: '', avg_views: '', catalog_engagement_rate: '' });
    expect(jun).toMatchObject({ audience_countries: '', audience_ages: '', audience_female_share: '', credibility: '' });
  });

  it('leaves unticked formats out', () => {
    expect(rows.map((r) => r.item_id)).toEqual(['in-feed', 'brand-takeover', 'maya.fit', 'jun', '']);
  });

  it('repeats the plan’s settings on every row, typed numbers as values, overrides one a line', () => {
    const settings = {
      status: 'proposed',
      total_budget: 1_000_000,
      kpi_target: 2_500_000,
      countries: 'KR US',
      age_bands: '18-24 25-34 55+',
      gender: 'female',
      agency_commission_pct: 15,
      usage_rights_fee: 2000,
      whitelisting_fee: '',
      production_fee: 3500.25,
      tax_pct: 10,
      exclude_weekends: 'yes',
      earned_in_reach: 'yes',
      assumption_overrides: 'clickThroughRate=1.5\naverageOrderValue=45.5',
    };
    for (const row of rows) expect(row).toMatchObject(settings);
    expect(total).toMatchObject({ item_type: 'total', item_id: '', amount: '', posts: '', fans: '', audience_countries: '', credibility: '' });
  });

  it('neutralises a display name that starts with a formula trigger, and quotes the override cell', () => {
    const parsed = parseCsv(csv);
    expect(column(parsed[3], 'display_name')).toBe('\'=Maya "M"');
    expect(csv).toContain('"clickThroughRate=1.5\naverageOrderValue=45.5"');
    expect(column(parsed[5], 'exclude_weekends')).toBe('yes');
  });
});

describe('toCsv: text cells', () => {
  it.each([['=cmd|calc'], ['+SUM(1)'], ['-2+3'], ['@handle']])('neutralises a plan named "%s"', (name) => {
    const parsed = parseCsv(exportPlan({ ...PLAN, name }).csv);
    for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(`'${name}`);
  });

  it('neutralises cells that start with a tab or a carriage return', () => {
    const csv = toCsv(
      [
        { a: '\t=1+1', b: 'x' },
        { a: '\rX', b: 'y' },
      ],
      ['a', 'b'],
    );
    expect(parseCsv(csv)).toEqual([
      ['a', 'b'],
      ["'\t=1+1", 'x'],
      ["'\rX", 'y'],
    ]);
  });

  it('quotes commas, quotes and newlines per RFC 4180 and keeps Korean text', () => {
    const name = 'Launch, "Q3"\nSeoul 여름 캠페인';
    const { csv } = exportPlan({ ...PLAN, name });
    expect(csv).toContain('"Launch, ""Q3""\nSeoul 여름 캠페인"');
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(5);
    for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(name);
  });

  it('writes Korean text unquoted when nothing needs quoting', () => {
    const { csv } = exportPlan({ ...PLAN, name: '여름 캠페인' });
    expect(csv.split('\r\n')[1]?.startsWith('여름 캠페인,format,')).toBe(true);
  });

  it('trims the plan name', () => {
    const parsed = parseCsv(exportPlan({ ...PLAN, name: '  Q3 launch  ' }).csv);
    expect(column(parsed[1], 'plan_name')).toBe('Q3 launch');
  });

  it('round-trips any plan name through papaparse (property)', () => {
    // The name changes no figure: the plan is projected once.
    const { projection } = exportPlan(PLAN);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const name = raw.trim() === '' ? `x${raw}` : raw;
        const parsed = parseCsv(toCsv(planCsvRows({ ...PLAN, name }, projection), PLAN_CSV_COLUMNS));
        expect(parsed).toHaveLength(5);
        for (const row of parsed.slice(1)) expect(column(row, 'plan_name')).toBe(neutralise(name.trim()));
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips any text cells through papaparse (property)', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('=1', '-', '@', '\t', '\r\n', '"', ',', ' x '));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), (cells) => {
        const rows = cells.map(([a, b, c]) => ({ a, b, c }));
        const parsed = parseCsv(toCsv(rows, ['a', 'b', 'c']));
        expect(parsed).toEqual([['a', 'b', 'c'], ...cells.map((r) => r.map(neutralise))]);
      }),
    );
  });
});

describe('toCsv: read by an independent parser (Python csv)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reachplan-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function readWithPython(csv: string): string[][] {
    const file = join(dir, 'plan.csv');
    writeFileSync(file, csv, 'utf8');
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    print(json.dumps(list(csv.reader(f))))',
    ].join('\n');
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[][];
  }

  it('reads the header and the total row', () => {
    const { csv, result } = exportPlan(PLAN);
    const table = readWithPython(csv);
    expect(table[0]).toEqual([...PLAN_CSV_COLUMNS]);
    expect(table).toHaveLength(5);
    const total = table.at(-1);
    expect(column(total, 'item_type')).toBe('total');
    expect(column(total, 'item_name')).toBe('Total');
    expect(Number(column(total, 'budget'))).toBe(result.spend);
  });

  it('reads the ranges as numbers in order, P10 ≤ P50 ≤ P90 on every row', () => {
    const { csv } = exportPlan(PLAN);
    const file = join(dir, 'ranges.csv');
    writeFileSync(file, csv, 'utf8');
    const script = [
      'import csv, json, sys',
      "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:",
      '    rows = list(csv.DictReader(f))',
      "ok = all(float(r['reach_low']) <= float(r['reach']) <= float(r['reach_high']) and float(r['conversions_low']) <= float(r['conversions']) <= float(r['conversions_high']) for r in rows)",
      "print(json.dumps({'rows': len(rows), 'ok': ok, 'frequency': [r['frequency'] for r in rows]}))",
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { rows: number; ok: boolean; frequency: string[] };
    expect(out.rows).toBe(4);
    expect(out.ok).toBe(true);
    for (const f of out.frequency) expect(Number(f)).toBeGreaterThanOrEqual(1);
  });

  it('reads the assumptions CSV, with a formula-like label neutralised', () => {
    const { ledger } = check(PLAN);
    const list = ledger.map((a) => (a.key === 'averageOrderValue' ? { ...a, label: '=1+1' } : a));
    const csv = toCsv(assumptionsCsvRows(list, defaultAssumptions(2024), new Set()), ASSUMPTIONS_CSV_COLUMNS);
    const table = readWithPython(csv);
    expect(table[0]).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    expect(table).toHaveLength(1 + ledger.length);
    expect(table.find((r) => r[0] === "'=1+1")?.slice(1, 3)).toEqual(['40', 'USD']);
  });

  it('reads awkward names exactly, with the BOM removed', () => {
    const name = '=Launch, "Q3"\r\nSeoul 여름 캠페인';
    const table = readWithPython(exportPlan({ ...PLAN, name }).csv);
    expect(table[0]?.[0]).toBe('plan_name');
    expect(table.slice(1).map((r) => column(r, 'plan_name'))).toEqual(Array(4).fill(`'${name}`));
  });
});

describe('safeFileStem and csvFileName', () => {
  const MAY_1 = new Date(2024, 4, 1, 23, 59);

  it('names the file <name>-<yyyy-MM-dd>.csv by the export day', () => {
    expect(csvFileName('Q3 launch', MAY_1)).toBe('Q3 launch-2024-05-01.csv');
    expect(csvFileName('여름 캠페인', new Date(2024, 11, 31))).toBe('여름 캠페인-2024-12-31.csv');
  });

  it.each([
    ['Q3: launch/plan?', 'Q3- launch-plan-'],
    ['a\\b*c"d<e>f|g', 'a-b-c-d-e-f-g'],
    ['tab\there\u0000nul\u001fend\u007f', 'tab-here-nul-end-'],
    ['line\nbreak', 'line-break'],
    ['  spaced   out  ', 'spaced out'],
    ['..hidden', 'hidden'],
    ['ends with dots...', 'ends with dots'],
    ['--flag', 'flag'],
    ['여름 캠페인', '여름 캠페인'],
    ['여름'.normalize('NFD'), '여름'],
    ['', 'reachplan'],
    ['   ', 'reachplan'],
    ['///', 'reachplan'],
    ['CON', 'plan-CON'],
    ['con', 'plan-con'],
    ['CON.', 'plan-CON'],
    [' nul ', 'plan-nul'],
    ['Aux', 'plan-Aux'],
    ['PRN', 'plan-PRN'],
    ['COM1', 'plan-COM1'],
    ['lpt9', 'plan-lpt9'],
    ['CONSOLE', 'CONSOLE'],
    ['Content plan', 'Content plan'],
  ])('"%s" becomes "%s"', (name, stem) => {
    expect(safeFileStem(name)).toBe(stem);
    expect(csvFileName(name, MAY_1)).toBe(`${stem}-2024-05-01.csv`);
  });

  it('keeps at most MAX_STEM_BYTES bytes of UTF-8', () => {
    expect(safeFileStem('x'.repeat(200))).toBe('x'.repeat(MAX_STEM_BYTES));
    // Hangul takes 3 bytes a syllable: 150 bytes hold 50 of them.
    expect(safeFileStem('캠'.repeat(80))).toBe('캠'.repeat(50));
  });

  it('does not split an emoji at the byte cut', () => {
    const stem = safeFileStem(`a${'😀'.repeat(50)}`);
    // A `u`-flag class of surrogates matches only unpaired ones.
    expect(stem).not.toMatch(/[\uD800-\uDFFF]/u);
    // 1 byte + 37 four-byte emoji = 149 bytes; a 38th would pass 150.
    expect(stem).toBe(`a${'😀'.repeat(37)}`);
  });

  it('always gives a short, non-empty, portable stem (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const stem = safeFileStem(name);
        expect(stem.length).toBeGreaterThan(0);
        expect(new TextEncoder().encode(stem).length).toBeLessThanOrEqual(MAX_STEM_BYTES + 'plan-'.length);
        // eslint-disable-next-line no-control-regex
        expect(stem).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f]/);
        expect(stem).not.toMatch(/^[.\s-]/);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe('assumptionsCsvRows', () => {
  /** The plan's ledger: the API's assumptions, then each market's figures for a flight in 2024. */
  const { ledger } = check(PLAN);
  const values = defaultAssumptions(2024);
  const rows = assumptionsCsvRows(ledger, values, new Set());
  const rowOf = (list: readonly Assumption[], written: typeof rows, key: AssumptionKey) => {
    const row = written[list.findIndex((a) => a.key === key)];
    if (!row) throw new Error(`no row for ${key}`);
    return row;
  };
  const byKey = (key: AssumptionKey) => rowOf(ledger, rows, key);

  it('has six columns in order and one row per assumption of the plan’s ledger, in its order', () => {
    expect(ASSUMPTIONS_CSV_COLUMNS).toEqual(['name', 'value', 'unit', 'market', 'source', 'overridden']);
    expect(rows).toHaveLength(ledger.length);
    for (const row of rows) expect(Object.keys(row)).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    expect(rows.map((r) => r.name)).toEqual(ledger.map((a) => a.label));
    // Every market's figures follow the model's own assumptions.
    expect(ledger.map((a) => a.key)).toEqual(expect.arrayContaining(['clickThroughRate', 'universeUS', 'femaleShareKR', 'takeoverPricePerDayMY']));
  });

  it.each([
    ['creatorViewRate', 14.49, '%'],
    ['clickThroughRate', 0.9, '%'],
    ['organicClickRate', 0.05, '%'],
    ['paidEngagementRate', 4.14, '%'],
    ['duplicationFactor', 85, '%'],
    ['ugcSubmissionRate', 1.5031, '%'],
    ['inFeedCpm', 10, 'USD'],
    ['inFeedCpc', 0.8, 'USD'],
    ['inFeedCpv', 0.05, 'USD'],
    ['challengePackagePrice', 150_000, 'USD'],
    ['reachCurveShape', 1, 'number'],
    ['universeUS', 161_869_565, 'people'],
    ['ageShare13to17US', 8, '%'],
    ['femaleShareUS', 44.3, '%'],
    ['takeoverPricePerDayUS', 50_000, 'USD'],
    ['takeoverImpressionsPerDayUS', 5_000_000, 'number'],
    ['femaleShareJP', 60, '%'],
  ] as const)('%s is written as %d %s (fractions as percentages)', (key, value, unit) => {
    expect(byKey(key)).toMatchObject({ value, unit });
  });

  it.each([
    ['2019-06-03', 26_500_000, 20],
    ['2020-06-01', 26_500_000, 20],
    ['2023-06-05', 123_097_826, 8],
    ['2024-06-03', 161_869_565, 8],
    ['2026-06-01', 147_597_826, 8],
  ])('writes the market figures of the flight’s year: a flight from %s has %d U.S. users, %d% aged 13-17', (startDate, users, teens) => {
    const result = check(planWith({ startDate, endDate: dayAfter(startDate, 27) }));
    const written = assumptionsCsvRows(result.ledger, result.input.assumptions, new Set());
    expect(rowOf(result.ledger, written, 'universeUS')).toMatchObject({ value: users, unit: 'people', market: 'US' });
    expect(rowOf(result.ledger, written, 'ageShare13to17US')).toMatchObject({ value: teens, unit: '%' });
  });

  it('writes views per submission in views', () => {
    expect(byKey('viewsPerSubmission')).toMatchObject({ value: roundFor('rate', values.viewsPerSubmission), unit: 'views' });
  });

  it('gives each row its market and source (name and date)', () => {
    ledger.forEach((a: Assumption, i) => {
      expect(rows[i]?.market).toBe(a.market);
      expect(rows[i]?.source).toBe(`${a.source.name} (${a.source.date})`);
    });
    expect(byKey('universeKR').market).toBe('KR');
    expect(byKey('takeoverPricePerDayID').market).toBe('ID');
    expect(byKey('clickThroughRate').market).not.toBe('');
  });

  it('writes the plan’s values and marks overridden ones, a market’s own figures included', () => {
    const result = check(planWith({ assumptionOverrides: { clickThroughRate: '1.5', averageOrderValue: '$55.50', femaleShareUS: '50' } }));
    const overridden = new Set<AssumptionKey>(['clickThroughRate', 'averageOrderValue', 'femaleShareUS']);
    const planRows = assumptionsCsvRows(result.ledger, result.input.assumptions, overridden);
    const row = (key: AssumptionKey) => rowOf(result.ledger, planRows, key);
    expect(row('clickThroughRate')).toMatchObject({ value: 1.5, overridden: 'yes' });
    expect(row('averageOrderValue')).toMatchObject({ value: 55.5, overridden: 'yes' });
    expect(row('femaleShareUS')).toMatchObject({ value: 50, unit: '%', overridden: 'yes' });
    expect(row('femaleShareKR')).toMatchObject({ value: 44.3, overridden: 'no' });
    expect(planRows.filter((r) => r.overridden === 'yes')).toHaveLength(3);
    expect(new Set(planRows.map((r) => r.overridden))).toEqual(new Set(['yes', 'no']));
  });

  it('neutralises formula-like text through toCsv, and leaves numbers alone', () => {
    const list = ledger.map((a) =>
      a.key === 'inFeedCpm' ? { ...a, label: '=HYPERLINK("http://evil.example","x")', market: '@US', source: { ...a.source, name: '+cmd' } } : a,
    );
    const csv = toCsv(assumptionsCsvRows(list, values, new Set(['inFeedCpm'])), ASSUMPTIONS_CSV_COLUMNS);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...ASSUMPTIONS_CSV_COLUMNS]);
    const evil = parsed.find((r) => r[0]?.includes('HYPERLINK'));
    const date = ledger.find((a) => a.key === 'inFeedCpm')?.source.date ?? '';
    expect(evil).toEqual(['\'=HYPERLINK("http://evil.example","x")', '10', 'USD', "'@US", `'+cmd (${date})`, 'yes']);
    for (const row of parsed.slice(1)) expect(row[1]).toMatch(/^\d+(\.\d+)?$/);
  });

  it('names the file <name>-assumptions-<yyyy-MM-dd>.csv', () => {
    expect(assumptionsCsvFileName('Q3: launch', new Date(2024, 4, 1))).toBe('Q3- launch-assumptions-2024-05-01.csv');
  });
});
