import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ASSUMPTIONS, MARKETS } from '../../mocks/data/benchmarks';
import { ledgerFor } from '../../src/domain/markets';
import { CREATORS } from '../../mocks/data/creators';
import type { Plan } from '../../src/domain/plan';
import { PrintButton } from '../../src/features/print/print-button';
import { LazyPrintSummary } from '../../src/features/print/print-lazy';
import { PRINT_MAX_ROWS, PrintSummary } from '../../src/features/print/print-summary';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { seedPlan } from '../utils/seed';
import { renderFeature } from '../utils/render-app';

function renderSummary(plan: Plan, Summary: typeof PrintSummary = PrintSummary) {
  return renderFeature(<Summary plan={plan} />);
}

/** The header's facts as label → value. */
function facts(): Record<string, string> {
  const list = document.querySelector('.print-summary__facts');
  if (!(list instanceof HTMLElement)) throw new Error('no facts list');
  return Object.fromEntries(
    within(list)
      .getAllByRole('term')
      .map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']),
  );
}

const SPRING = buildPlan({
  name: 'Spring launch 봄',
  status: 'proposed',
  startDate: '2025-03-03',
  endDate: '2025-03-30',
  goal: 'awareness',
  kpiTarget: '5000000',
  totalBudget: '$250,000',
  targeting: { countries: ['US', 'KR'], ageBands: ['25-34', '18-24'], gender: 'female' },
  formats: [formatLine('in-feed', '120000')],
  updatedAt: '2025-02-24T09:00:00.000Z',
});

describe('the printed summary of a plan', () => {
  test('heads the page with the plan’s name and facts', () => {
    renderSummary(SPRING);
    expect(screen.getByRole('heading', { name: 'Spring launch 봄' })).toBeInTheDocument();
    expect(facts()).toEqual({
      Status: 'Proposed',
      Flight: 'Mar 3 – Mar 30, 2025 (28 days)',
      Goal: 'Awareness',
      'KPI target': '5,000,000 reach',
      'Total budget': '$250,000',
      Audience: 'US, KR · ages 18–24, 25–34 · women',
    });
    expect(screen.getByText('Last edited Feb 24, 2025')).toBeInTheDocument();
  });

  test.each([
    [
      'a sales target in dollars, a flight across years, all ages',
      { goal: 'sales', kpiTarget: '500,000', startDate: '2025-12-15', endDate: '2026-01-11' },
      { 'KPI target': '$500,000 revenue', Flight: 'Dec 15, 2025 – Jan 11, 2026 (28 days)', Audience: 'US · all ages · all genders' },
    ],
    ['no KPI target', { kpiTarget: '' }, { 'KPI target': 'none set' }],
    [
      'what doesn’t parse, as typed',
      { totalBudget: 'lots', kpiTarget: '5M', endDate: '' },
      { 'Total budget': '“lots” (not a valid amount)', 'KPI target': '“5M” (not a valid amount) reach', Flight: 'Mar 3, 2025 – not set' },
    ],
  ] as const)('shows %s', (_, change, expected) => {
    renderSummary({ ...SPRING, targeting: { countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' }, ...change });
    expect(facts()).toMatchObject(expected);
  });

  test('a plan without a name prints as Untitled plan', () => {
    renderSummary({ ...SPRING, name: '   ' });
    expect(screen.getByRole('heading', { name: 'Untitled plan' })).toBeInTheDocument();
  });

  test('ends with what the numbers are and the assumptions they rest on, naming the overridden ones', async () => {
    renderSummary({
      ...SPRING,
      assumptionOverrides: { inFeedCpm: '7.5', universeKR: '9,000,000', universeJP: '1', sixSecondViewRate: 'lots', clickThroughRate: ' ' },
    });
    const note = document.querySelector('.print-footnote');
    // Until the benchmarks arrive, only what every projection is.
    expect(note).toHaveTextContent(/^Projections are central estimates with P10–P90 ranges\.$/);

    // The ledger of a plan in the U.S. and Korea in 2025: every global rate and those two markets' own.
    const ledger = ledgerFor(ASSUMPTIONS, MARKETS, 2025).filter((a) => a.country === undefined || a.country === 'US' || a.country === 'KR');
    const kinds = (kind: string) => ledger.filter((a) => a.source.kind === kind).length;
    expect(ledger.length).toBe(ASSUMPTIONS.length + 2 * 10);
    await screen.findByText(/over \d+ scenarios/);
    // Japan isn't targeted: its override leaves the numbers alone and isn't named.
    const ledgerLabel = (key: string) => ledger.find((a) => a.key === key)?.label ?? key;
    expect(note).toHaveTextContent(
      'Projections are central estimates, every assumption at its ledger value, with P10–P90 ranges over 81 scenarios. ' +
        `Assumptions: ${ledger.length} rates (${kinds('guide')} from the platform guide, ${kinds('benchmark')} industry benchmarks, ${kinds('team-assumption')} team assumptions), each with its source in the assumptions ledger; ` +
        `2 overridden for this plan: ${ledgerLabel('inFeedCpm')} ($7.50); ${ledgerLabel('universeKR')} (9,000,000).`,
    );
    expect(ledgerLabel('universeKR')).toBe('Audience universe, South Korea');
  });

  test('says so when no assumption is overridden', async () => {
    renderSummary(SPRING);
    expect(await screen.findByText(/none overridden for this plan\.$/)).toHaveClass('print-footnote');
  });

  test('loads on demand with the same content', async () => {
    renderSummary(SPRING, LazyPrintSummary);
    expect(await screen.findByRole('heading', { name: 'Spring launch 봄' })).toBeInTheDocument();
    expect(facts()).toMatchObject({ Status: 'Proposed', 'Total budget': '$250,000' });
  });
});

test('Print opens the browser’s print dialog', async () => {
  const print = vi.spyOn(window, 'print').mockImplementation(() => {});
  render(<PrintButton />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Print' }));
  expect(print).toHaveBeenCalledTimes(1);
});

describe('the printed line items', () => {
  /** The printed table's rows (header, body, "+N more", total), as their cells' text. */
  async function printedRows(): Promise<string[][]> {
    const table = await screen.findByRole('table', { name: /^Results by line item/ });
    return within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
  }

  const handles = CREATORS.slice(0, 12).map((c) => c.handle);

  test('prints every line item, in the plan’s order, as one compact row each, then the total', async () => {
    const plan = buildPlan({
      ...SPRING,
      formats: [formatLine('in-feed', '120000'), formatLine('brand-takeover', '1', true, { category: 'Travel' }), formatLine('hashtag-challenge', '150000')],
      creators: [creatorLine(handles[0] ?? '', { fee: '20000', posts: '2' })],
    });
    seedPlan(plan);
    renderSummary(plan);
    const rows = await printedRows();
    expect(rows[0]).toEqual(['Line item', 'Spend', 'Buys', 'Reach', 'Impressions', 'Engagements', 'Conversions', 'Cost per 1,000 reached', 'ROI']);
    const takeover = rows[2]?.[1] ?? '';
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      // What each buys, short: the CSV export has it exact.
      ['In-Feed Ads', '$120,000', expect.stringMatching(/^[\d.]+[KM] impressions$/) as string],
      ['Brand Takeover', takeover, '1 day'],
      // A package buys days: the 6-day package for its price.
      ['Hashtag Challenge', '$150,000', '6 days'],
      [`@${handles[0]}`, '$40,000', '2 posts'],
      ['Total', expect.stringMatching(/^\$[\d,]+$/) as string, '—'],
    ]);
    expect(Number(rows.at(-1)?.[1]?.replace(/\D/g, ''))).toBe(310_000 + Number(takeover.replace(/\D/g, '')));
    // The P50 alone: a row is one line (the ranges are on the headline totals).
    expect(rows[1]?.[3]).toMatch(/^[\d,]+$/);
    expect(screen.queryByText(/more line item/)).not.toBeInTheDocument();
    expect(screen.getByText(/the total’s reach is de-duplicated/)).toBeInTheDocument();
  });

  test(`past ${PRINT_MAX_ROWS} rows, prints the largest by spend and says how many are left out, and their spend`, async () => {
    // 14 line items: two formats and twelve creators whose fees are $1,000 … $12,000.
    const plan = buildPlan({
      ...SPRING,
      formats: [formatLine('in-feed', '120000'), formatLine('hashtag-challenge', '150000')],
      creators: handles.map((h, i) => creatorLine(h, { fee: String((i + 1) * 1000) })),
    });
    seedPlan(plan);
    renderSummary(plan);
    const rows = await printedRows();
    const body = rows.slice(1, -1);
    expect(body).toHaveLength(PRINT_MAX_ROWS);
    expect(body.slice(0, -1).map((r) => r[0])).toEqual([
      'Hashtag Challenge',
      'In-Feed Ads',
      ...handles
        .slice(3)
        .reverse()
        .map((h) => `@${h}`),
    ]);
    expect(body.at(-1)?.[0]).toBe('+3 more line items ($6,000 of spend) — see the CSV export for every line item. The total is of all 14.');
    // The total is of every line item, those left out included.
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['Total', '$348,000']);
    expect(screen.getByRole('table', { name: /the 11 with the most spend of 14/ })).toBeInTheDocument();
  });

  test('between line items of the same spend, keeps the first in the plan', async () => {
    const plan = buildPlan({
      ...SPRING,
      formats: [formatLine('in-feed', '120000'), formatLine('hashtag-challenge', '150000')],
      creators: handles.map((h) => creatorLine(h, { fee: '5000' })),
    });
    seedPlan(plan);
    renderSummary(plan);
    const rows = await printedRows();
    expect(rows.slice(1, -2).map((r) => r[0])).toEqual(['Hashtag Challenge', 'In-Feed Ads', ...handles.slice(0, 9).map((h) => `@${h}`)]);
    expect(rows.at(-2)?.[0]).toMatch(/^\+3 more line items \(\$15,000 of spend\)/);
  });

  test('nothing is printed for a plan without line items', async () => {
    const plan = buildPlan({ ...SPRING, formats: [] });
    seedPlan(plan);
    renderSummary(plan);
    await screen.findByText(/over \d+ scenarios/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(document.querySelector('.print-flight')).toBeNull();
  });
});

describe('the printed flight chart', () => {
  test('is drawn with its axes and key, its labels as text (they print sharp at any size)', async () => {
    seedPlan(SPRING);
    renderSummary(SPRING);
    const figure = await screen.findByRole('figure', { name: 'Reach and spend over the flight' });
    for (const date of ['Mar 3', 'Mar 30']) expect(within(figure).getByText(date)).toBeInTheDocument();
    expect(within(figure).getAllByText('0')).toHaveLength(1);
    expect(within(figure).getByText('$0')).toBeInTheDocument();
    expect(within(figure).getByText('Cumulative spend (right axis)')).toBeInTheDocument();
    const path = (name: string) => figure.querySelector(`path.print-flight__${name}`)?.getAttribute('d') ?? '';
    // Across the plot, from the first day (x 0) to the last (x 1,000), in the 1,000 × 400 drawing.
    expect(path('reach')).toMatch(/^M0\.0,[\d.]+(L[\d.]+,[\d.]+)+$/);
    expect(path('reach')).toMatch(/L1000\.0,[\d.]+$/);
    // The P10-P90 band: along its top, back along its bottom.
    expect(path('band')).toMatch(/^M0\.0,[\d.]+(L[\d.]+,[\d.]+)+L0\.0,[\d.]+Z$/);
    // Spend in steps, from nothing spent (the bottom) up.
    expect(path('spend')).toMatch(/^M0\.0,[\d.]+(H[\d.]+V[\d.]+)+$/);
  });

  test('says so when the flight dates don’t make a flight', async () => {
    const plan = { ...SPRING, endDate: '' };
    seedPlan(plan);
    renderSummary(plan);
    expect(await screen.findByText('Set valid flight dates to see reach and spend over time.')).toBeInTheDocument();
  });
});

test('a long plan name is set smaller, so it takes fewer lines', () => {
  renderSummary({ ...SPRING, name: 'Back-to-school 2025: always-on creator program across the US' });
  expect(screen.getByRole('heading', { level: 2 })).toHaveClass('print-summary__name--long');
  renderSummary({ ...SPRING, name: 'Spring launch' });
  expect(screen.getByRole('heading', { name: 'Spring launch' })).not.toHaveClass('print-summary__name--long');
});
