import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { Providers } from '../../src/app/providers';
import type { Plan } from '../../src/domain/plan';
import { PrintButton } from '../../src/features/print/print-button';
import { LazyPrintSummary } from '../../src/features/print/print-lazy';
import { PrintSummary } from '../../src/features/print/print-summary';
import { buildPlan, formatLine } from '../utils/builders';
import { createTestQueryClient } from '../utils/render-app';

function renderSummary(plan: Plan, Summary: typeof PrintSummary = PrintSummary) {
  return render(
    <Providers client={createTestQueryClient()}>
      <Summary plan={plan} />
    </Providers>,
  );
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

const label = (key: string) => ASSUMPTIONS.find((a) => a.key === key)?.label ?? key;

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
    renderSummary({ ...SPRING, assumptionOverrides: { inFeedCpm: '7.5', universeKR: '9,000,000', sixSecondViewRate: 'lots', clickThroughRate: ' ' } });
    const note = document.querySelector('.print-footnote');
    // Until the benchmarks arrive, only what every projection is.
    expect(note).toHaveTextContent(/^Projections are P50 with P10–P90 ranges\.$/);

    const kinds = (kind: string) => ASSUMPTIONS.filter((a) => a.source.kind === kind).length;
    await screen.findByText(/the median of \d+ scenarios/);
    expect(note).toHaveTextContent(
      `Assumptions: ${ASSUMPTIONS.length} rates (${kinds('guide')} from the platform guide, ${kinds('benchmark')} industry benchmarks, ${kinds('team-assumption')} team assumptions), each with its source in the assumptions ledger; ` +
        `2 overridden for this plan: ${label('universeKR')} (9,000,000); ${label('inFeedCpm')} ($7.50).`,
    );
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
