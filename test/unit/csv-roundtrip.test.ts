/** Export → import gives the same plan and the same projection (fast-check), as written and after a spreadsheet saves it again. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, BENCHMARKS } from '../../mocks/data/benchmarks';
import { CREATORS } from '../../mocks/data/creators';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { normalisePlanForCsv, PLAN_CSV_COLUMNS, planCsvRows, toCsv, type PlanCsvColumn } from '../../src/domain/csv';
import { importPlanCsv } from '../../src/domain/csv-import';
import { ledgerFor } from '../../src/domain/markets';
import {
  creatorLineFrom,
  IN_FEED_BUYING_MODELS,
  MODEL_EDITION,
  PACINGS,
  PLAN_STATUSES,
  TAKEOVER_CATEGORIES,
  type CostField,
  type Plan,
  type PlanCreatorLine,
  type PlanFormatLine,
} from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { AGE_BANDS, COUNTRIES, FORMAT_IDS, GENDERS, GOALS, type Assumption, type AssumptionKey, type AudienceProfile, type FormatId } from '../../src/domain/types';
import { MAX_NAME_LENGTH } from '../../src/domain/validation';
import { planSchema } from '../../src/lib/plan-schema';
import { check, creatorLine, dayAfter, format, formatLine, planWith } from './plan-fixtures';

const RUNS = { numRuns: 60 };
/** Each run validates and projects two plans: give the properties room on a busy machine. */
const PROPERTY_TIMEOUT_MS = 60_000;
const ID = 'imported-1';
const NOW = new Date(2024, 5, 1, 9, 30);
const CATALOG = { formats: AD_FORMATS, benchmarks: BENCHMARKS };
/** Every assumption a plan can override: the model's own and each market's figures. */
const LEDGER = ledgerFor(ASSUMPTIONS, BENCHMARKS.markets, null);

/** A number as a marketer types it in the app: plain, grouped, with `$`, or padded with spaces. */
function typed(value: number, style: 'plain' | 'grouped' | 'dollar' | 'padded' | 'percent'): string {
  const grouped = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  switch (style) {
    case 'plain':
      return String(value);
    case 'grouped':
      return grouped;
    case 'dollar':
      return `$${grouped}`;
    case 'padded':
      return ` ${value} `;
    case 'percent':
      return `${value}%`;
  }
}
const moneyStyle = fc.constantFrom('plain', 'grouped', 'dollar', 'padded' as const);
const percentStyle = fc.constantFrom('plain', 'padded', 'percent' as const);
/** Dollars with cents, typed. */
const money = (min: number, max: number) =>
  fc.tuple(fc.integer({ min: min * 100, max: max * 100 }), moneyStyle).map(([cents, style]) => typed(cents / 100, style));

/** Plan names that are hard for a CSV: quotes, separators, line breaks, Korean, formula triggers, `'`. */
const planName = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom('=SUM(A1:A9)', '+1', '-2+3', '@handle', 'Launch, "Q3"\nSeoul 여름 캠페인', '여름 캠페인', "'=already quoted", '\tTabbed', 'a;b;c', '1.500'),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@', "'", "''+", '"', ' ', ''), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', '\n2행', '\r\nx', ', x', '; y', ' "z" '))
      .map(([a, b, c]) => a + b + c),
  )
  // U+FFFD is what an undecodable byte becomes: the import notes it as a file that isn't UTF-8.
  .filter((n) => n.trim() !== '' && n.trim().length <= MAX_NAME_LENGTH && !n.includes('\uFFFD'));

/** Free text of a creator's display name: anything, including nothing. */
const displayName = fc
  .oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('=cmd|calc', ' padded ', 'Maya "M" Park, Jr.\n2nd line', '박지민', '', "'@x"))
  .filter((n) => !n.includes('\uFFFD'));

const pacing = fc.constantFrom(...PACINGS);
const buyingModel = fc.constantFrom(...IN_FEED_BUYING_MODELS);

/** The value typed for an override, valid for the assumption's unit. */
function overrideValue(a: Assumption) {
  switch (a.unit) {
    case 'fraction':
      return fc.tuple(fc.integer({ min: 1, max: 999 }), percentStyle).map(([tenths, style]) => typed(tenths / 10, style));
    case 'usd':
      return money(0.01, 100_000);
    case 'people':
      return fc.tuple(fc.integer({ min: 1_000_000, max: 1_000_000_000 }), fc.constantFrom('plain', 'grouped' as const)).map(([n, style]) => typed(n, style));
    case 'views':
    case 'number':
      return fc.integer({ min: 5, max: 10_000 }).map((n) => String(n / 10));
  }
}

const overrides = fc
  .subarray([...LEDGER], { maxLength: 6 })
  .chain((list) => fc.tuple(...list.map((a) => overrideValue(a).map((v): [AssumptionKey, string] => [a.key, v]))))
  .map((entries) => Object.fromEntries(entries) as Partial<Record<AssumptionKey, string>>);

const costs = fc.record({
  agencyCommission: fc.oneof(fc.constant(''), fc.tuple(fc.integer({ min: 0, max: 1000 }), percentStyle).map(([t, s]) => typed(t / 10, s))),
  usageRights: fc.oneof(fc.constant(''), money(0, 50_000)),
  whitelisting: fc.oneof(fc.constant(''), money(0, 50_000)),
  production: fc.oneof(fc.constant(''), money(0, 50_000)),
  tax: fc.oneof(fc.constant(''), fc.tuple(fc.integer({ min: 0, max: 300 }), percentStyle).map(([t, s]) => typed(t / 10, s))),
}) satisfies fc.Arbitrary<Record<CostField, string>>;

/** A share as a catalog gives it (two or three decimals), or any share at all. */
const share = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** A creator's audience as a discovery platform measures it: every age band, a female share, its top countries. */
const audienceArb: fc.Arbitrary<AudienceProfile> = fc
  .record({
    ages: fc.tuple(share, share, share, share, share, share),
    femaleShare: share,
    topCountries: fc.uniqueArray(fc.record({ country: fc.constantFrom(...COUNTRIES, 'FR', 'BR', 'DE', 'MX'), share }), {
      minLength: 1,
      maxLength: 5,
      selector: (c) => c.country,
    }),
  })
  .map(({ ages, femaleShare, topCountries }) => ({
    ageShares: Object.fromEntries(AGE_BANDS.map((band, i) => [band, ages[i] ?? 0])) as AudienceProfile['ageShares'],
    femaleShare,
    topCountries,
  }));

/** A catalog creator in the plan with random posts, fee, Spark budget, post dates, catalog facts and audience data. */
function creatorArb(startDate: string, flightDays: number) {
  return fc
    .record({
      index: fc.integer({ min: 0, max: CREATORS.length - 1 }),
      posts: fc.integer({ min: 1, max: 5 }),
      fee: money(0, 50_000),
      spark: fc.oneof(fc.constant(''), money(0, 50_000)),
      dates: fc.array(fc.option(fc.integer({ min: 0, max: flightDays - 1 }), { nil: null }), { maxLength: 7 }),
      displayName: fc.option(displayName, { nil: null }),
      avgViews: fc.option(fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }), { nil: undefined }),
      engagementRate: fc.option(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { nil: undefined }),
      fans: fc.option(fc.oneof(fc.integer({ min: 0, max: 200_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })), { nil: undefined }),
      // The catalog's (undefined), another measured one, or none.
      audience: fc.option(fc.option(audienceArb, { nil: null }), { nil: undefined }),
      credibility: fc.option(fc.option(share, { nil: null }), { nil: undefined }),
    })
    .map((c): PlanCreatorLine => {
      const catalog = CREATORS[c.index];
      if (!catalog) throw new Error(`no creator ${c.index}`);
      const line = creatorLineFrom(catalog);
      return {
        ...line,
        displayName: c.displayName ?? line.displayName,
        avgViews: c.avgViews === undefined ? line.avgViews : c.avgViews,
        engagementRate: c.engagementRate === undefined ? line.engagementRate : c.engagementRate,
        fans: c.fans ?? line.fans,
        audience: c.audience === undefined ? line.audience : c.audience,
        credibility: c.credibility === undefined ? line.credibility : c.credibility,
        posts: String(c.posts),
        fee: c.fee,
        sparkBudget: c.spark,
        postDates: c.dates.map((d) => (d === null ? '' : dayAfter(startDate, d))),
      };
    });
}

type PackageId = 'hashtag-challenge' | 'hashtag-challenge-plus' | 'branded-effects';

/** A package's budget: whole days from the package to the end of the flight, and cents that buy no day; null when the package doesn't fit. */
function packageAmount(id: PackageId, flightDays: number) {
  const f = format(id);
  if (!f.package || f.minimumSpend === null) throw new Error(`${id} is not a package`);
  const length = f.package.days;
  const price = f.minimumSpend;
  if (flightDays < length) return fc.constant(null);
  // Whole days are counted in cents of the day price ($33,333.33 for Challenge Plus), from the package's own price.
  const dayCents = Math.round((price / length) * 100);
  return fc
    .integer({ min: length, max: flightDays })
    .chain((days) => fc.tuple(fc.integer({ min: days === length ? price * 100 : days * dayCents, max: (days + 1) * dayCents - 1 }), moneyStyle))
    .map(([cents, style]) => typed(cents / 100, style));
}

/** A random plan that validates (so it can be exported), with unticked formats the CSV must leave out. */
const validPlans = fc
  .record({ flightDays: fc.integer({ min: 1, max: 60 }), startOffset: fc.integer({ min: 0, max: 700 }) })
  .chain(({ flightDays, startOffset }) => {
    const startDate = dayAfter('2024-01-01', startOffset);
    return fc.record({
      flightDays: fc.constant(flightDays),
      startDate: fc.constant(startDate),
      name: planName,
      formatOrder: fc.shuffledSubarray([...FORMAT_IDS]),
      unticked: fc.subarray([...FORMAT_IDS]),
      amounts: fc.record({
        // At or above the $6,000 minimum.
        'in-feed': money(6_000, 2_000_000),
        'hashtag-challenge': packageAmount('hashtag-challenge', flightDays),
        'hashtag-challenge-plus': packageAmount('hashtag-challenge-plus', flightDays),
        'branded-effects': packageAmount('branded-effects', flightDays),
        'brand-takeover': fc.integer({ min: 1, max: Math.min(flightDays, 10) }).map(String),
      }) satisfies fc.Arbitrary<Record<FormatId, string | null>>,
      lineSettings: fc.array(fc.record({ buyingModel, pacing, category: fc.constantFrom('', ...TAKEOVER_CATEGORIES, 'travel', 'FOOD & BEVERAGE') }), {
        minLength: 5,
        maxLength: 5,
      }),
      creators: fc.uniqueArray(creatorArb(startDate, flightDays), { maxLength: 6, selector: (c) => c.handle }),
      countries: fc.shuffledSubarray([...COUNTRIES], { minLength: 1 }),
      ageBands: fc.shuffledSubarray([...AGE_BANDS], { minLength: 1 }),
      gender: fc.constantFrom(...GENDERS),
      goal: fc.constantFrom(...GOALS),
      status: fc.constantFrom(...PLAN_STATUSES),
      // `$` only for revenue targets: the app reads it there alone.
      kpiTarget: fc.oneof(fc.constant(''), fc.tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.constantFrom('plain', 'grouped', 'padded' as const)).map(([n, s]) => typed(n, s))),
      totalBudget: fc.constantFrom('100,000,000', '$100,000,000', '100000000', '99,999,999.99'),
      overrides,
      costs,
      excludeWeekends: fc.boolean(),
      earnedInReach: fc.boolean(),
      otherKpiTargets: fc.dictionary(fc.constantFrom(...GOALS), fc.integer({ min: 1, max: 9_999 }).map(String)),
    });
  })
  .map((r): Plan => {
    // A package that doesn't fit the flight isn't planned.
    const planned = r.formatOrder.filter((id) => r.amounts[id] !== null);
    const formats: PlanFormatLine[] = planned.map((id, i) => {
      const settings = r.lineSettings[i] ?? { buyingModel: 'CPM' as const, pacing: 'even' as const, category: '' };
      return formatLine(id, r.amounts[id] ?? '', settings);
    });
    for (const id of r.unticked) if (!planned.includes(id)) formats.push(formatLine(id, '1', { included: false }));
    return planWith({
      name: r.name,
      status: r.status,
      scenarioOf: 'parent-plan',
      startDate: r.startDate,
      endDate: dayAfter(r.startDate, r.flightDays - 1),
      goal: r.goal,
      kpiTarget: r.kpiTarget,
      otherKpiTargets: r.otherKpiTargets,
      totalBudget: r.totalBudget,
      targeting: { countries: r.countries, ageBands: r.ageBands, gender: r.gender },
      formats,
      creators: r.creators,
      assumptionOverrides: r.overrides,
      costs: r.costs,
      excludeWeekends: r.excludeWeekends,
      earnedInReach: r.earnedInReach,
      shortlist: [{ ...(CREATORS[0] ?? fail('no creators')) }],
    });
  })
  // Overrides of a market's users, its takeover guarantee or a package's price can make a plan
  // invalid (a guarantee above the daily users, package days beyond the flight): only valid plans export.
  .filter((plan) => check(ticked(plan)).isValid);

function fail(message: string): never {
  throw new Error(message);
}

/** The plan as the app projects it: unticked formats left out before validation. */
function ticked(plan: Plan): Plan {
  return { ...plan, formats: plan.formats.filter((f) => f.included) };
}

/** The app's export: the plan's rows with its real projection, as CSV. */
function exportCsv(plan: Plan): string {
  const result = check(ticked(plan));
  return toCsv(planCsvRows(plan, project(result.input)), PLAN_CSV_COLUMNS);
}

function projectionOf(plan: Plan) {
  return project(check(ticked(plan)).input);
}

const NUMBER_COLUMNS: readonly PlanCsvColumn[] = [
  'budget',
  'impressions',
  'reach',
  'video_views',
  'engagements',
  'engagement_rate',
  'conversions',
  'revenue',
  'cpm',
  'roi',
  'quantity',
  'clicks',
  'video_submissions',
  'reach_low',
  'reach_high',
  'conversions_low',
  'conversions_high',
  'frequency',
  'amount',
  'posts',
  'fee_per_post',
  'spark_budget',
  'fans',
  'avg_views',
  'catalog_engagement_rate',
  'catalog_fee',
  'total_budget',
  'kpi_target',
  'agency_commission_pct',
  'usage_rights_fee',
  'whitelisting_fee',
  'production_fee',
  'tax_pct',
  'target_impressions',
  'six_second_views',
  'earned_reach',
  'earned_views',
  'earned_engagements',
  'earned_media_value',
  'roi_cost',
  'audience_female_share',
  'credibility',
];
const DATE_COLUMNS: readonly PlanCsvColumn[] = ['start_date', 'end_date', 'post_dates'];

interface Resave {
  separator: ',' | ';';
  /** Thousands grouping on numbers a spreadsheet shows as numbers. */
  grouping: boolean;
  dateStyle: 'iso' | 'us' | 'dots' | 'slashes' | 'korean';
  newline: '\r\n' | '\n';
  bom: boolean;
  reverseColumns: boolean;
}

function groupThousands(digits: string, mark: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

/** A number cell as a spreadsheet in that locale writes it after reading it as a number. */
function resaveNumber(cell: string, r: Resave): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cell);
  if (!m) return cell;
  const [, sign, whole = '', fraction] = m;
  const decimal = r.separator === ';' ? ',' : '.';
  const group = r.separator === ';' ? '.' : ',';
  return `${sign}${r.grouping ? groupThousands(whole, group) : whole}${fraction === undefined ? '' : decimal + fraction}`;
}

/** A date cell as a spreadsheet reformats it (only a cell holding one date: a list is text to it). */
function resaveDate(cell: string, r: Resave): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (!m) return cell;
  const [, y, mo = '', d = ''] = m;
  const M = String(Number(mo));
  const D = String(Number(d));
  switch (r.dateStyle) {
    case 'iso':
      return cell;
    case 'us':
      return `${M}/${D}/${y}`;
    case 'dots':
      return `${D}.${M}.${y}`;
    case 'slashes':
      return `${D}/${M}/${y}`;
    case 'korean':
      return `${y}/${M}/${D}`;
  }
}

/**
 * The exported file as a spreadsheet saves it again: its separator and number format, dates
 * reformatted, with or without BOM, CRLF or LF, columns in another order. Text cells (and the
 * `'` of neutralised ones) are kept, as spreadsheets keep them.
 */
function resave(csv: string, r: Resave): string {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  const order = header.map((_, i) => i);
  if (r.reverseColumns) order.reverse();
  const table = [header, ...rows.map((row) => row.map((cell, i) => {
    const column = header[i] as PlanCsvColumn;
    if (NUMBER_COLUMNS.includes(column)) return resaveNumber(cell, r);
    if (DATE_COLUMNS.includes(column)) return resaveDate(cell, r);
    return cell;
  }))].map((row) => order.map((i) => row[i] ?? ''));
  const body = Papa.unparse(table, { delimiter: r.separator, newline: r.newline, quotes: false, escapeFormulae: false });
  return `${r.bom ? '\uFEFF' : ''}${body}${r.newline}`;
}

const resaves = fc.record({
  separator: fc.constantFrom(',', ';' as const),
  grouping: fc.boolean(),
  dateStyle: fc.constantFrom('iso', 'us', 'dots', 'slashes', 'korean' as const),
  newline: fc.constantFrom('\r\n', '\n' as const),
  bom: fc.boolean(),
  reverseColumns: fc.boolean(),
}).filter((r) => !(r.separator === ',' && r.dateStyle === 'slashes') && !(r.separator === ';' && r.dateStyle === 'us'));

function importAndCompare(csv: string, plan: Plan) {
  const result = importPlanCsv(csv, { id: ID, now: NOW, schema: planSchema, catalog: CATALOG });
  expect(result.problems).toEqual([]);
  expect(result.notes).toEqual([]);
  const imported = result.plan;
  if (!imported) throw new Error('no plan imported');
  expect(planSchema.safeParse(imported).success).toBe(true);
  expect(imported).toEqual(normalisePlanForCsv(plan, { id: ID, now: NOW }));
  expect(projectionOf(imported)).toEqual(projectionOf(plan));
  return imported;
}

describe('plan CSV round trip (property)', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('gives back the same plan, in order, and the same projection', () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        // The generator makes valid plans only: a plan must be valid to export.
        expect(check(ticked(plan)).errors).toEqual({});
        const imported = importAndCompare(exportCsv(plan), plan);
        expect(imported.name).toBe(plan.name.trim());
        expect(imported.formats.map((f) => f.formatId)).toEqual(plan.formats.filter((f) => f.included).map((f) => f.formatId));
        expect(imported.creators.map((c) => c.handle)).toEqual(plan.creators.map((c) => c.handle));
        // Exporting the imported plan writes the same file.
        expect(exportCsv(imported)).toBe(exportCsv(plan));
      }),
      RUNS,
    );
  });

  it('gives back the same plan after a spreadsheet saves the file again (separator, decimal comma, dates, BOM, line ends, column order)', () => {
    fc.assert(
      fc.property(validPlans, resaves, (plan, r) => {
        expect(check(ticked(plan)).errors).toEqual({});
        const csv = resave(exportCsv(plan), r);
        importAndCompare(csv, plan);
      }),
      RUNS,
    );
  });

  it('reads a European (semicolon, decimal comma, d.M.yyyy) save of a plan with cents and rates', () => {
    const plan = planWith({
      name: 'Europe; "Q3", 1.500',
      totalBudget: '1,000,000',
      formats: [formatLine('in-feed', '60,000.50'), formatLine('brand-takeover', '2', { category: 'Travel' })],
      creators: [{ ...creatorLineFrom(CREATORS[0] ?? fail('no creators')), posts: '2', fee: '1,234.56', sparkBudget: '1000.5', postDates: ['', '2024-01-20'] }],
      assumptionOverrides: { clickThroughRate: '1.25', averageOrderValue: '$45.50', universeKR: '1,234,567' },
      costs: { agencyCommission: '12.5%', usageRights: '1,500', whitelisting: '', production: '2500.75', tax: '10' },
    });
    expect(check(plan).isValid).toBe(true);
    const csv = resave(exportCsv(plan), { separator: ';', grouping: true, dateStyle: 'dots', newline: '\r\n', bom: false, reverseColumns: false });
    expect(csv).toContain(';60.000,5;');
    expect(csv).toContain(';1.234,56;');
    expect(csv).toContain(';8.1.2024;');
    expect(csv).toContain('"Europe; ""Q3"", 1.500"');
    // A text cell no spreadsheet rewrites keeps the export's decimal point.
    expect(csv).toContain('clickThroughRate=1.25');
    const imported = importAndCompare(csv, plan);
    expect(imported.formats[0]?.amount).toBe('60000.5');
    expect(imported.creators[0]?.fee).toBe('1234.56');
    expect(imported.creators[0]?.postDates).toEqual(['', '2024-01-20']);
    expect(imported.assumptionOverrides).toEqual({ clickThroughRate: '1.25', averageOrderValue: '45.5', universeKR: '1234567' });
    expect(imported.costs).toEqual({ agencyCommission: '12.5', usageRights: '1500', whitelisting: '', production: '2500.75', tax: '10' });
  });
});

describe('audience columns round trip', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  /** A plan of creators with the given audiences and credibility, in the U.S. and Canada. */
  const withAudiences = (lines: readonly { audience: AudienceProfile | null; credibility: number | null }[]) =>
    planWith({
      name: 'Audiences',
      totalBudget: '1,000,000',
      targeting: { countries: ['US', 'CA'], ageBands: [...AGE_BANDS], gender: 'female' },
      creators: lines.map((l, i) => creatorLine({ handle: `creator.${i}`, ...l })),
    });

  it('gives back every creator’s audience and credibility exactly, to the last bit of each share (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ audience: fc.option(audienceArb, { nil: null }), credibility: fc.option(share, { nil: null }) }), { minLength: 1, maxLength: 4 }),
        (lines) => {
          const plan = withAudiences(lines);
          const result = importPlanCsv(exportCsv(plan), { id: ID, now: NOW, schema: planSchema });
          expect(result.problems).toEqual([]);
          expect(result.plan?.creators.map((c) => [c.audience, c.credibility])).toEqual(lines.map((l) => [l.audience, l.credibility]));
          // Each share is the same number, not a close one.
          result.plan?.creators.forEach((c, i) => {
            const audience = lines[i]?.audience;
            if (!audience || !c.audience) return;
            expect(c.audience.topCountries.map((t) => Object.is(t.share, audience.topCountries.find((o) => o.country === t.country)?.share))).not.toContain(false);
            expect(AGE_BANDS.map((band) => Object.is(c.audience?.ageShares[band], audience.ageShares[band]))).not.toContain(false);
          });
        },
      ),
      RUNS,
    );
  });

  it('gives back a creator whose audience lists no top countries (the catalog allows none)', () => {
    const audience: AudienceProfile = { ageShares: { '13-17': 0.2, '18-24': 0.4, '25-34': 0.2, '35-44': 0.1, '45-54': 0.06, '55+': 0.04 }, femaleShare: 0.5, topCountries: [] };
    const plan = withAudiences([{ audience, credibility: 0.9 }]);
    expect(check(plan).isValid).toBe(true);
    const result = importPlanCsv(exportCsv(plan), { id: ID, now: NOW, schema: planSchema });
    expect(result.problems).toEqual([]);
    expect(result.plan?.creators[0]?.audience).toEqual(audience);
  });
});

describe('normalisePlanForCsv', () => {
  const plan = planWith({
    name: '  Spaced  ',
    scenarioOf: 'other',
    totalBudget: '$1,000,000',
    kpiTarget: ' 5,000 ',
    otherKpiTargets: { sales: '9' },
    formats: [formatLine('in-feed', '$60,000.50'), formatLine('branded-effects', '100000', { included: false }), formatLine('brand-takeover', '2', { category: 'food & beverage' })],
    creators: [{ ...creatorLineFrom(CREATORS[1] ?? fail('no creators')), posts: '3', fee: '1,000', postDates: ['2024-01-10', '', '', '2024-01-30'], sparkBudget: ' ' }],
    assumptionOverrides: { clickThroughRate: ' 1.5% ', conversionRate: '  ' },
    costs: { agencyCommission: '15%', usageRights: '$2,000', whitelisting: '', production: 'lots', tax: '' },
    shortlist: [{ ...(CREATORS[2] ?? fail('no creators')) }],
    retiredContracts: { someone: creatorLineFrom(CREATORS[3] ?? fail('no creators')).contract },
  });
  const normal = normalisePlanForCsv(plan, { id: ID, now: NOW });

  it('replaces typed numbers by their values and keeps what the app reads the same way', () => {
    expect(normal).toMatchObject({
      id: ID,
      name: 'Spaced',
      scenarioOf: null,
      totalBudget: '1000000',
      kpiTarget: '5000',
      otherKpiTargets: {},
      updatedAt: NOW.toISOString(),
      assumptionOverrides: { clickThroughRate: '1.5' },
      costs: { agencyCommission: '15', usageRights: '2000', whitelisting: '', production: 'lots', tax: '' },
    });
    expect(normal.formats).toEqual([formatLine('in-feed', '60000.5'), formatLine('brand-takeover', '2', { category: 'Food & beverage' })]);
    expect(normal.creators[0]).toMatchObject({ posts: '3', fee: '1000', postDates: ['2024-01-10', '', ''], sparkBudget: '' });
  });

  it('keeps the second edition’s inputs: participants in reach, each creator’s audience (a copy) and credibility; the current model edition', () => {
    const catalog = CREATORS.find((c) => c.audience !== null && c.credibility !== null) ?? fail('no creator with audience data');
    const line = creatorLineFrom(catalog);
    const older = { ...plan, creators: [line], earnedInReach: true, modelEdition: 1 };
    const normalised = normalisePlanForCsv(older, { id: ID, now: NOW });
    expect(normalised).toMatchObject({ earnedInReach: true, modelEdition: MODEL_EDITION });
    expect(normalised.creators[0]).toMatchObject({ audience: line.audience, credibility: line.credibility });
    expect(normalised.creators[0]?.audience).not.toBe(line.audience);
  });

  it('leaves out what the CSV does not carry: unticked formats, shortlist, contracts', () => {
    expect(normal.formats.map((f) => f.formatId)).toEqual(['in-feed', 'brand-takeover']);
    expect(normal.shortlist).toEqual([]);
    expect(normal.retiredContracts).toEqual({});
    expect(planSchema.safeParse(normal).success).toBe(true);
  });

  it('is what the import gives back for the plan’s export', () => {
    const valid = { ...plan, costs: { ...plan.costs, production: '' } };
    expect(check(ticked(valid)).isValid).toBe(true);
    const result = importPlanCsv(exportCsv(valid), { id: ID, now: NOW, schema: planSchema });
    expect(result.plan).toEqual(normalisePlanForCsv(valid, { id: ID, now: NOW }));
  });
});
