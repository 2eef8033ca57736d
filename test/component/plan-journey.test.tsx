import { screen, waitFor, within } from '@testing-library/react';
import {
  addCreator,
  exportButton,
  includeFormat,
  metric,
  renderApp,
  retype,
  section,
  waitForPlanner,
  JOURNEY_TIMEOUT_MS,
} from '../utils/render-app';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { savedPlan } from '../utils/seed';
import { catalogCreatorLine } from '../utils/catalog';
import { projectionOf, shownCount, shownMoney, shownPercent } from '../utils/projection';

/** The plan "In-Feed Ads at $60,000" makes from a new plan, with `changes`. */
const inFeedPlan = (changes: Parameters<typeof buildPlan>[0] = {}) => buildPlan({ formats: [formatLine('in-feed', '60000')], ...changes });

describe('planning a campaign end to end', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('shows the four sections and a loading state before the data arrives', async () => {
    renderApp();
    for (const name of ['Goals & budget', 'Ad formats', 'Creators', 'Projections']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    expect(within(section('Ad formats')).getByRole('status')).toHaveTextContent('Loading ad formats…');
    expect(within(section('Projections')).getByRole('status')).toHaveTextContent('Loading benchmarks…');
    expect(within(section('Creators')).getByRole('status')).toHaveTextContent('Loading creators…');
    expect(screen.getByText('Waiting for formats and benchmarks to load.')).toBeVisible();
    expect(exportButton()).toBeDisabled();
    await waitForPlanner();
    for (const name of ['In-Feed Ads', 'Brand Takeover', 'Hashtag Challenge', 'Hashtag Challenge Plus', 'Branded Effects']) {
      expect(screen.getByRole('checkbox', { name })).not.toBeChecked();
    }
    expect(within(section('Projections')).getByText('Add an ad format or a creator to see projected results.')).toBeInTheDocument();
    expect(exportButton()).toBeDisabled();
    expect(screen.getByText('Add an ad format or a creator to export.')).toBeInTheDocument();
  });

  test('In-Feed Ads at $60,000 projects 6,000,000 impressions', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const budget = await includeFormat(user, 'In-Feed Ads', '$60,000');
    expect(budget).toHaveValue('$60,000');
    expect(budget).toHaveAttribute('aria-invalid', 'false');
    expect(metric('Spend')).toBe('$60,000');
    expect(metric('Impressions')).toBe('6,000,000');
    expect(metric('Video views')).toBe('6,000,000');
    // 6,000,000 × 4.14% paid engagement rate.
    expect(metric('Engagements')).toBe('248,400');
    expect(metric('Engagement rate')).toBe('4.14%');
    // Conversions depend on two uncertain rates (CTR 0.9%, conversion rate 2%): the headline is
    // their P50 over the scenarios, near but not equal to 6,000,000 × 0.9% × 2% = 1,080.
    const { totals } = projectionOf(inFeedPlan());
    expect(totals.ranges.conversions.low).toBeLessThan(1_080);
    expect(totals.ranges.conversions.high).toBeGreaterThan(1_080);
    expect(metric('Conversions')).toBe(shownCount(totals.conversions));
    // Revenue = conversions × $40 in every scenario (the order value has no spread); ROI = revenue ÷ spend − 1.
    expect(metric('Revenue')).toBe(shownMoney(totals.conversions * 40));
    expect(metric('CPM')).toBe('$10.00');
    expect(metric('ROI')).toBe(shownPercent((totals.conversions * 40) / 60_000 - 1));
    const table = (await screen.findByRole('table', { name: 'Results by line item' }));
    const row = within(table).getByRole('row', { name: /^In-Feed Ads/ });
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('6,000,000');
    expect(exportButton()).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: 'In-Feed Ads' })).toBeChecked();
  });

  test('Brand Takeover adds 5,000,000 impressions a day once the total budget allows its $50,000', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const days = await includeFormat(user, 'Brand Takeover');
    expect(days).toHaveValue('1');

    // $110,000 is over the default $100,000 cap.
    const total = screen.getByRole('textbox', { name: 'Total budget' });
    expect(total).toHaveValue('100000');
    expect(total).toHaveAttribute('aria-invalid', 'true');
    expect(total).toHaveAccessibleDescription(expect.stringContaining('over the total budget by $10,000'));
    expect(exportButton()).toBeDisabled();

    await retype(user, total, '150000');
    expect(total).toHaveAttribute('aria-invalid', 'false');
    expect(metric('Spend')).toBe('$110,000');
    expect(metric('Impressions')).toBe('11,000,000');
    expect(exportButton()).toBeEnabled();
  });

  test('a creator found by search joins the plan with their posts', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '500000');
    await includeFormat(user, 'In-Feed Ads', '60000');
    await addCreator(user, 'zach', 'zachking');

    const posts = screen.getByRole('textbox', { name: '@zachking posts' });
    const fee = screen.getByRole('textbox', { name: '@zachking fee' });
    expect(posts).toHaveValue('1');
    const catalogFee = creatorLine('zachking').catalogFee;
    expect(fee).toHaveValue(String(catalogFee));
    await retype(user, posts, '2');

    // Zach King has no measured views: 21.9M fans × 85% real followers × 14.49% view rate = 2,697,313.5 views per post.
    expect(catalogCreatorLine('zachking')).toMatchObject({ fans: 21_900_000, avgViews: null, credibility: 0.85 });
    expect(metric('Spend')).toBe(`$${(60_000 + 2 * catalogFee).toLocaleString('en-US')}`);
    expect(metric('Impressions')).toBe('11,394,627');
    const table = (await screen.findByRole('table', { name: 'Results by line item' }));
    expect(within(table).getByRole('row', { name: /^@zachking/ })).toHaveTextContent(`$${(2 * catalogFee).toLocaleString('en-US')}`);
    expect(screen.getByRole('heading', { name: 'In this plan (1)' })).toBeInTheDocument();
  });

  test('the goal’s KPI target gives a met or missed verdict', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const projections = section('Projections');
    expect(within(projections).getByText(/No KPI target set/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Campaign goal' }), 'Engagement');
    expect(screen.getByRole('combobox', { name: 'Campaign goal' })).toHaveDisplayValue('Engagement');
    const target = screen.getByRole('textbox', { name: /^KPI target/ });
    expect(target).toHaveAccessibleName('KPI target (engagements)');

    // 248,400 engagements are projected.
    await retype(user, target, '200000');
    expect(within(projections).getByText(/^Meets the target/)).toHaveTextContent('Meets the target of 200,000 engagements.');

    await retype(user, target, '300,000');
    expect(within(projections).getByText(/^Misses the target/)).toHaveTextContent(
      'Misses the target of 300,000 engagements by 51,600.',
    );
    expect(within(projections).queryByText(/^Meets the target/)).not.toBeInTheDocument();
  });

  test('a Sales KPI target is money: "$40,000" is accepted like every other dollar field', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Campaign goal' }), 'Sales');
    const target = screen.getByRole('textbox', { name: 'KPI target (revenue)' });
    // Projected revenue (its P50) is over $40,000.
    expect(projectionOf(inFeedPlan({ goal: 'sales' })).kpi.actual).toBeGreaterThan(40_000);
    await retype(user, target, '40000');
    expect(within(section('Projections')).getByText(/^Meets the target/)).toHaveTextContent('Meets the target of $40,000 revenue.');

    await retype(user, target, '$40,000');
    expect(target).toHaveAttribute('aria-invalid', 'false');
    expect(within(section('Projections')).getByText(/^Meets the target/)).toHaveTextContent('Meets the target of $40,000 revenue.');
    expect(exportButton()).toBeEnabled();
  });

  test('App installs are measured by conversions', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Campaign goal' }), 'App installs');
    await retype(user, screen.getByRole('textbox', { name: 'KPI target (installs)' }), '2000');
    // Installs are the P50 of conversions (clicks × conversion rate).
    const { kpi, totals } = projectionOf(inFeedPlan({ goal: 'app-installs', kpiTarget: '2000' }));
    expect(kpi).toMatchObject({ metric: 'conversions', actual: totals.conversions, met: false });
    expect(within(section('Projections')).getByText(/^Misses the target/)).toHaveTextContent(
      `Misses the target of 2,000 installs by ${shownCount(2_000 - totals.conversions)}.`,
    );
  });

  test('the budget meter and the format comparison follow the plan', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const goals = section('Goals & budget');
    expect(within(goals).getByText('Planned spend').nextElementSibling).toHaveTextContent('$60,000');
    expect(within(goals).getByText('Unallocated').nextElementSibling).toHaveTextContent('$40,000');

    await user.click(screen.getByText('Compare formats side by side'));
    const compare = screen.getByRole('table', { name: 'Ad formats compared' });
    const inFeed = within(compare).getByRole('row', { name: /^In-Feed Ads/ });
    expect(within(inFeed).getAllByRole('cell').at(-2)).toHaveTextContent('$60,000');
    const takeover = within(compare).getByRole('row', { name: /^Brand Takeover/ });
    expect(within(takeover).getAllByRole('cell').at(-2)).toHaveTextContent('—');
  });

  test('unticking a format drops it from the plan and ticking it again restores the typed budget', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '$60,000');
    const box = screen.getByRole('checkbox', { name: 'In-Feed Ads' });

    await user.click(box);
    expect(box).not.toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'In-Feed Ads budget' })).not.toBeInTheDocument();
    expect(within(section('Projections')).getByText('Add an ad format or a creator to see projected results.')).toBeInTheDocument();

    await user.click(box);
    expect(screen.getByRole('textbox', { name: 'In-Feed Ads budget' })).toHaveValue('$60,000');
    expect(metric('Impressions')).toBe('6,000,000');
  });

  test('the plan name shows in the top bar and the flight length next to the dates', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const name = screen.getByRole('textbox', { name: 'Plan name' });
    await retype(user, name, 'Spring launch');
    expect(screen.getByText('Spring launch', { selector: '.topbar__plan' })).toBeInTheDocument();
    expect(screen.getByLabelText('End date')).toHaveAccessibleDescription('28-day flight');
  });

  test('an assumption override changes the projection and can be reset', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const ctr = screen.getByRole('textbox', { name: 'Click-through rate (%)' });
    expect(ctr).toHaveValue('');
    await user.type(ctr, '1.8');
    expect(savedPlan().assumptionOverrides).toEqual({ clickThroughRate: '1.8' });
    // An overridden rate keeps the benchmark's relative spread: twice the CTR, twice the P50 conversions.
    const base = projectionOf(inFeedPlan()).totals.conversions;
    const doubled = projectionOf(inFeedPlan({ assumptionOverrides: { clickThroughRate: '1.8' } })).totals.conversions;
    expect(doubled).toBeCloseTo(2 * base, 6);
    expect(metric('Conversions')).toBe(shownCount(doubled));
    expect(ctr).toHaveAccessibleDescription(expect.stringContaining('Default'));

    await user.click(screen.getByRole('button', { name: 'Reset Click-through rate' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Click-through rate (%)' })).toHaveValue(''));
    expect(savedPlan().assumptionOverrides).toEqual({});
    expect(metric('Conversions')).toBe(shownCount(base));
  });
});
