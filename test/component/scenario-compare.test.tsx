import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { vi } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import { server } from '../../mocks/node';
import { adFormatQueries } from '../../src/api/ad-formats';
import { benchmarkQueries } from '../../src/api/benchmarks';
import type { Plan } from '../../src/domain/plan';
import {
  bestOf,
  compareColumns,
  flightChartData,
  pointsDelta,
  relativeDelta,
  totalsPanels,
  totalsRows,
} from '../../src/features/scenarios/compare-data';
import ScenarioCompare from '../../src/features/scenarios/scenario-compare';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { projectionOf, shownCount, shownMoney } from '../utils/projection';
import { renderFeature } from '../utils/render-app';

function basePlan(): Plan {
  return buildPlan({
    id: 'plan-a',
    name: 'Summer launch',
    totalBudget: '500000',
    kpiTarget: '5,000,000',
    formats: [formatLine('in-feed', '60000')],
    creators: [creatorLine('zachking', { posts: '2', fee: '62500' })],
    updatedAt: '2025-03-03T14:05:00.000Z',
  });
}

/** A scenario of the base with twice the In-Feed Ads budget. */
function moreInFeed(): Plan {
  return { ...basePlan(), id: 'plan-b', name: 'More In-Feed', scenarioOf: 'plan-a', status: 'proposed', formats: [formatLine('in-feed', '120,000')] };
}

/** A scenario with a budget that can't be read: one field to fix. */
function toFix(): Plan {
  return { ...basePlan(), id: 'plan-c', name: 'Half-typed', scenarioOf: 'plan-a', formats: [formatLine('in-feed', '60k')] };
}

function renderCompare(plans: Plan[]) {
  const onOpen = vi.fn();
  const onClose = vi.fn();
  const { user, client } = renderFeature(<ScenarioCompare plans={plans} onOpen={onOpen} onClose={onClose} />);
  return { user, onOpen, onClose, client };
}

/** Projecting several plans takes a while on a busy test machine: more room than the 1 s default. */
const WAIT = { timeout: 5000 };

async function totalsTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Totals by plan' }, WAIT);
}

/** The cells of a totals row (after its header), by the row's label. */
function rowCells(table: HTMLElement, label: string | RegExp): HTMLElement[] {
  const header = within(table).getByRole('rowheader', { name: label });
  const row = header.closest('tr');
  if (!row) throw new Error(`No row for ${String(label)}`);
  return within(row).getAllByRole('cell');
}

describe('compare scenarios', { timeout: 20_000 }, () => {
  test('two plans: each plan’s totals with ranges, the change from the base, the best value and the diff', async () => {
    const a = basePlan();
    const b = moreInFeed();
    renderCompare([a, b]);

    expect(screen.getByRole('heading', { level: 2, name: 'Compare scenarios' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading formats and benchmarks…');
    const table = await totalsTable();

    const pa = projectionOf(a);
    const pb = projectionOf(b);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Figure', '1 Summer launch (base)', '2 More In-Feed']);

    const spend = rowCells(table, /^Spend/);
    expect(spend[0]).toHaveTextContent(shownMoney(pa.totals.spend));
    expect(spend[1]).toHaveTextContent(shownMoney(pb.totals.spend));
    // $185,000 → $245,000.
    expect(spend[1]).toHaveTextContent('+32% vs base');

    const reach = rowCells(table, /^Reach/);
    expect(reach[0]).toHaveTextContent(new RegExp(`^${shownCount(pa.totals.reach)}, range [\\d.]+M–[\\d.]+M`));
    expect(reach[1]).toHaveTextContent(new RegExp(`^${shownCount(pb.totals.reach)}, range [\\d.]+M–[\\d.]+M`));
    const impressions = rowCells(table, 'Impressions (best: highest)');
    expect(impressions[0]).toHaveTextContent(shownCount(pa.totals.impressions));
    expect(impressions[1]).toHaveTextContent(shownCount(pb.totals.impressions));

    // More impressions bought: B has the most, marked in words, not only by colour.
    expect(pb.totals.impressions).toBeGreaterThan(pa.totals.impressions);
    expect(impressions[1]).toHaveTextContent(/Best$/);
    expect(impressions[0]).not.toHaveTextContent('Best');
    // The cheaper reach is the best cost per 1,000 reached.
    const cost = rowCells(table, /^Cost per 1,000 reached/);
    const cheaper = (pa.totals.costPerResult?.mid ?? 0) < (pb.totals.costPerResult?.mid ?? 0) ? 0 : 1;
    expect(cost[cheaper]).toHaveTextContent(/Best$/);
    expect(cost[1 - cheaper]).not.toHaveTextContent('Best');
    // Spend is a choice, not a result: no best.
    expect(spend.some((c) => c.textContent?.includes('Best'))).toBe(false);

    const kpi = rowCells(table, /^KPI vs target/);
    expect(kpi[0]).toHaveTextContent(`${shownCount(pa.kpi.actual)} reach`);
    expect(kpi[0]).toHaveTextContent(/(Meets|Misses) the target of 5,000,000 \(\d+% chance\)/);

    const diff = screen.getByRole('group', { name: /More In-Feed vs 1 Summer launch/ });
    expect(within(diff).getByText('1 change')).toBeInTheDocument();
    expect(within(diff).getByRole('heading', { name: 'Budgets' })).toBeInTheDocument();
    const item = within(diff).getByText('In-Feed Ads budget').closest('li');
    expect(item).toHaveTextContent('In-Feed Ads budget: from $60,000 → to $120,000');

    // The charts are described in words, with every plan in their key.
    expect(screen.getByRole('figure', { name: 'Cumulative reach over the flight' })).toHaveTextContent(/Final reach: 1 [\d.]+M by \w+ \d+ .*; 2 [\d.]+M/);
    expect(screen.getByRole('figure', { name: 'Key totals with their P10–P90 ranges' })).toHaveTextContent('More In-Feed');
  });

  test('three plans, one with fields to fix: it says so instead of numbers and is left out of the ranking', async () => {
    const a = basePlan();
    const b = moreInFeed();
    const c = toFix();
    renderCompare([a, b, c]);
    const table = await totalsTable();

    const spend = rowCells(table, /^Spend/);
    expect(spend).toHaveLength(3);
    expect(spend[2]).toHaveTextContent('This plan has 1 field to fix. Open it to fix them.');
    expect(spend[2]).toHaveAttribute('rowspan', String(within(table).getAllByRole('rowheader').length));
    // Later rows hold the two projected plans only.
    expect(rowCells(table, /^Reach/)).toHaveLength(2);
    expect(rowCells(table, /^Impressions/)[1]).toHaveTextContent(/Best$/);

    const cards = within(screen.getByRole('list', { name: 'Plans compared' })).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    expect(cards[2]).toHaveTextContent('This plan has 1 field to fix.');
    expect(cards[1]).toHaveTextContent('Scenario of the base');
    expect(cards[1]).toHaveTextContent('Proposed');

    const diffC = screen.getByRole('group', { name: /Half-typed vs 1 Summer launch/ });
    expect(within(diffC).getByText('In-Feed Ads budget').closest('li')).toHaveTextContent('from $60,000 → to “60k” (to fix)');
    expect(screen.getByRole('figure', { name: 'Key totals with their P10–P90 ranges' })).toHaveTextContent(
      'Half-typed (not charted: this plan has 1 field to fix)',
    );
  });

  test('a copy with only formatting changes shows “No changes”; different goals are said, not ranked', async () => {
    const a = basePlan();
    const copy: Plan = { ...a, id: 'plan-copy', name: 'Copy', scenarioOf: 'plan-a', totalBudget: '$500,000', formats: [formatLine('in-feed', '60,000.00')] };
    const sales: Plan = { ...a, id: 'plan-sales', name: 'Sales push', goal: 'sales', kpiTarget: '' };
    renderCompare([a, copy, sales]);
    const table = await totalsTable();

    expect(within(screen.getByRole('group', { name: /Copy vs 1/ })).getByText('No changes')).toBeInTheDocument();
    const salesDiff = screen.getByRole('group', { name: /Sales push vs 1/ });
    expect(within(salesDiff).getByText('Goal').closest('li')).toHaveTextContent('from Awareness → to Sales');

    expect(screen.getByText(/The plans have different goals \(Awareness, Sales\)/)).toBeInTheDocument();
    const cost = rowCells(table, /^Cost per result \(each plan’s own goal\)/);
    expect(cost[2]).toHaveTextContent(/per conversion/);
    expect(cost.some((c) => c.textContent?.includes('Best'))).toBe(false);
    // Identical figures: nobody is best, and the copy is the same as the base.
    expect(rowCells(table, /^Reach/)[1]).toHaveTextContent('Same as base');
  });

  test('a base with fields to fix: the others keep their numbers, without changes from it', async () => {
    renderCompare([toFix(), basePlan(), moreInFeed()]);
    const table = await totalsTable();
    expect(screen.getByText(/The base has fields to fix/)).toBeInTheDocument();
    expect(rowCells(table, /^Spend/)[0]).toHaveTextContent('This plan has 1 field to fix.');
    const impressions = rowCells(table, /^Impressions/);
    expect(impressions).toHaveLength(2);
    expect(impressions[1]).toHaveTextContent(/Best$/);
    expect(table).not.toHaveTextContent('vs base');
  });

  test('one plan alone is not a comparison', async () => {
    const { client } = renderCompare([basePlan()]);
    expect(screen.getByText('Choose at least two plans to compare.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open Summer launch' })).toBeInTheDocument();
    // Once the formats and benchmarks are in, there is still nothing to compare.
    await waitFor(() => expect(client.getQueryData(benchmarkQueries.detail().queryKey)).toBeDefined(), WAIT);
    await waitFor(() => expect(client.getQueryData(adFormatQueries.list().queryKey)).toBeDefined(), WAIT);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  test('Open and Close', async () => {
    const { user, onOpen, onClose } = renderCompare([basePlan(), moreInFeed()]);
    await totalsTable();
    await user.click(screen.getByRole('button', { name: 'Open More In-Feed' }));
    expect(onOpen).toHaveBeenCalledWith('plan-b');
    await user.click(screen.getByRole('button', { name: 'Close comparison' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('benchmarks that fail to load give an error with Retry, which shows the comparison once they load', async () => {
    server.use(http.get('*/api/benchmarks', () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    const { user } = renderCompare([basePlan(), moreInFeed()]);

    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent('The comparison needs the ad formats and benchmarks, which couldn’t load.');
    expect(alert).toHaveTextContent('boom');
    expect(screen.queryByRole('table', { name: 'Totals by plan' })).not.toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await totalsTable();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('the table scrolls in its own keyboard-reachable box', async () => {
    renderCompare([basePlan(), moreInFeed()]);
    const table = await totalsTable();
    const box = table.closest('.table-scroll');
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box).toHaveAttribute('role', 'region');
    expect(within(table).getAllByRole('rowheader').every((h) => h.getAttribute('scope') === 'row')).toBe(true);
  });
});

describe('comparison data', () => {
  test.each<[number, number, string | null]>([
    [100, 112, '+12%'],
    [100, 95, '−5%'],
    [100, 100.01, 'Same'],
    [100, 102.34, '+2.3%'],
    [0, 5, null],
    [0, 0, 'Same'],
  ])('relativeDelta(%d, %d) is %s', (base, value, text) => {
    expect(relativeDelta(base, value)).toBe(text);
  });

  test('pointsDelta reads a change of a percentage in points', () => {
    expect(pointsDelta(-0.2, -0.159)).toBe('+4.1 pts');
    expect(pointsDelta(0.5, 0.5)).toBe('Same');
  });

  test.each<[(number | null)[], 'higher' | 'lower', number[]]>([
    [[1, 3, 2], 'higher', [1]],
    [[1, 3, 2], 'lower', [0]],
    [[3, 3, 2], 'higher', [0, 1]],
    [[2, 2, 2], 'higher', []],
    [[null, 2, null], 'higher', []],
    [[null, 1, 4], 'lower', [1]],
  ])('bestOf(%j, %s) marks %j', (values, better, best) => {
    expect([...bestOf(values, better)]).toEqual(best);
  });

  test('charts put every plan on one scale: the largest of any plan', () => {
    const a = basePlan();
    const b = moreInFeed();
    const later: Plan = { ...b, id: 'plan-later', startDate: '2031-01-01', endDate: '2031-01-28' };
    const columns = compareColumns([a, b, later, toFix()], AD_FORMATS, BENCHMARKS);
    const pb = projectionOf(b);

    const flight = flightChartData(columns);
    const top = flight.ticks[flight.ticks.length - 1] ?? 0;
    const maxReach = Math.max(...columns.flatMap((c) => (c.result.kind === 'ready' ? c.result.projection.daily.map((d) => d.cumulativeReach) : [])));
    expect(top).toBeGreaterThanOrEqual(maxReach);
    expect(top).toBeLessThan(maxReach * 2);
    // A far-off flight makes a long calendar: weekly points, each plan's last day kept.
    expect(flight.weekly).toBe(true);
    expect(flight.rows.length).toBeLessThan(1000);
    const lastOfB = flight.rows.find((r) => r.date === b.endDate);
    expect(lastOfB?.values[1]).toBeCloseTo(pb.totals.reach, 0);
    expect(lastOfB?.values[2]).toBeNull();
    expect(flight.rows.every((r) => r.values[3] === null)).toBe(true);

    const reach = totalsPanels(columns).find((p) => p.key === 'reach');
    expect(reach?.bars.map((bar) => bar.mark)).toEqual(['1', '2', '3']);
    const highest = Math.max(...(reach?.bars.map((bar) => bar.high) ?? []));
    expect(reach?.ticks.at(-1)).toBeGreaterThanOrEqual(highest);
    expect(reach?.bars[1]?.error).toEqual([pb.totals.ranges.reach.mid - pb.totals.ranges.reach.low, pb.totals.ranges.reach.high - pb.totals.ranges.reach.mid]);
  });

  test('a row ranks only the plans with figures', () => {
    const rows = totalsRows(compareColumns([basePlan(), toFix(), moreInFeed()], AD_FORMATS, BENCHMARKS));
    const impressions = rows.find((r) => r.key === 'impressions');
    expect(impressions?.cells[1]).toBeNull();
    expect(impressions?.cells.map((c) => c?.best ?? null)).toEqual([false, null, true]);
  });
});
