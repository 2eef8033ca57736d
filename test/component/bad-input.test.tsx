import { screen, within } from '@testing-library/react';
import {
  addCreator,
  exportButton,
  includeFormat,
  JOURNEY_TIMEOUT_MS,
  renderApp,
  retype,
  section,
  waitForPlanner,
} from '../utils/render-app';

/** A field shows `message` beside it (its accessible description) and is marked invalid. */
function expectFieldError(input: HTMLElement, message: string) {
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
  // The message sits in the same field wrapper as the input.
  const field = input.closest('.field');
  expect(field).not.toBeNull();
  expect(within(field as HTMLElement).getByText(message)).toBeVisible();
}

function expectFieldOk(input: HTMLElement) {
  expect(input).toHaveAttribute('aria-invalid', 'false');
}

function expectExportBlockedBy(message: string) {
  expect(exportButton()).toBeDisabled();
  expect(exportButton()).toHaveAccessibleDescription(expect.stringContaining(message));
  expect(screen.getByText(/^Fix \d+ fields? to export/)).toHaveTextContent(message);
}

describe('In-Feed Ads budget input', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('an empty budget is only flagged once the field has been left', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const budget = await includeFormat(user, 'In-Feed Ads');
    expect(budget).toHaveValue('');
    expectFieldOk(budget);
    expect(within(section('Ad formats')).queryByText('Enter in-feed ads budget.')).not.toBeInTheDocument();
    // Export is blocked all the same, with the reason.
    expectExportBlockedBy('Enter in-feed ads budget.');

    await user.click(budget);
    await user.tab();
    expectFieldError(budget, 'Enter in-feed ads budget.');
  });

  test.each([
    ['abc', 'In-Feed Ads budget must be a number, like 60000 or $60,000.'],
    ['-5', "In-Feed Ads budget can't be negative."],
    ['999999999999', 'In-Feed Ads budget is too large: the most Reachplan accepts is $100,000,000.'],
    ['5000', 'In-Feed Ads has a minimum spend of $6,000.'],
    ['0', 'In-Feed Ads budget must be more than $0, or untick In-Feed Ads.'],
    ['6e4', 'In-Feed Ads budget must be a number, like 60000 or $60,000.'],
  ])('"%s" is explained next to the field, kept as typed, and blocks export', async (typed, message) => {
    const { user } = renderApp();
    await waitForPlanner();
    const budget = await includeFormat(user, 'In-Feed Ads', typed);
    expect(budget).toHaveValue(typed);
    expectFieldError(budget, message);
    expectExportBlockedBy(message);
    expect(within(section('Projections')).getByText(/Left out of the projection until their fields are fixed: In-Feed Ads/)).toBeInTheDocument();

    await retype(user, budget, '60,000');
    expectFieldOk(budget);
    expect(budget).toHaveValue('60,000');
    expect(within(section('Ad formats')).queryByText(message)).not.toBeInTheDocument();
    expect(exportButton()).toBeEnabled();
    expect(screen.queryByText(/to export/)).not.toBeInTheDocument();
  });

  test('unticking a format with a bad budget lifts the block; ticking it again brings the bad text back', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    await includeFormat(user, 'Hashtag Challenge', 'lots');
    expectExportBlockedBy('Hashtag Challenge budget must be a number');

    await user.click(screen.getByRole('checkbox', { name: 'Hashtag Challenge' }));
    expect(exportButton()).toBeEnabled();

    await user.click(screen.getByRole('checkbox', { name: 'Hashtag Challenge' }));
    const budget = screen.getByRole('textbox', { name: 'Hashtag Challenge budget' });
    expect(budget).toHaveValue('lots');
    expect(budget).toHaveAttribute('aria-invalid', 'true');
  });

  test('a budget below a package’s price is an error that names the price and the assumption to change', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const budget = await includeFormat(user, 'Branded Effects', '50000');
    const message =
      'Branded Effects is sold as a 10-day package of $100,000 (an estimate): a budget of $50,000 doesn’t buy it. ' +
      'If your quote is lower, change “Branded Effects package price” in the assumptions.';
    expectFieldError(budget, message);
    expectExportBlockedBy(message);

    await retype(user, budget, '100000');
    expectFieldOk(budget);
    expect(budget).toHaveAccessibleDescription(expect.stringContaining('$100,000 buys the 10-day package'));
    expect(exportButton()).toBeEnabled();
  });
});

describe('Brand Takeover days', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each([
    ['0', 'Brand Takeover days must be at least 1.'],
    ['1.5', 'Brand Takeover days must be a whole number.'],
    ['30', "Brand Takeover is bought by the day: 30 days don't fit in a 28-day flight."],
  ])('"%s" is rejected', async (typed, message) => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '5000000');
    const days = await includeFormat(user, 'Brand Takeover', typed);
    expect(days).toHaveValue(typed);
    expectFieldError(days, message);
    expectExportBlockedBy(message);
  });
});

describe('goals and budget fields', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('an end date before the start date is an error on End date until fixed', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const start = screen.getByLabelText('Start date');
    const end = screen.getByLabelText('End date');
    await retype(user, start, '2026-03-10');
    await retype(user, end, '2026-03-01');
    expect(start).toHaveValue('2026-03-10');
    expect(end).toHaveValue('2026-03-01');
    expectFieldError(end, 'End date must be on or after the start date.');
    expectFieldOk(start);
    expectExportBlockedBy('End date must be on or after the start date.');

    await retype(user, end, '2026-03-31');
    expectFieldOk(end);
    expect(end).toHaveAccessibleDescription('22-day flight');
    expect(exportButton()).toBeEnabled();
  });

  test('a cleared start date is flagged after leaving the field', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const start = screen.getByLabelText('Start date');
    await user.clear(start);
    expect(start).toHaveValue('');
    expectExportBlockedBy('Enter a start date.');
    await user.tab();
    expectFieldError(start, 'Enter a start date.');
  });

  test('a flight longer than 366 days is refused', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByLabelText('Start date'), '2026-01-01');
    const end = screen.getByLabelText('End date');
    await retype(user, end, '2027-06-30');
    expectFieldError(end, 'The flight is 546 days long: plan at most 366 days.');
  });

  test('spend over the total budget is an error on Total budget; raising the budget fixes it', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '120000');
    const total = screen.getByRole('textbox', { name: 'Total budget' });
    const message = 'Planned spend ($120,000) is over the total budget by $20,000.';
    expectFieldError(total, message);
    expectFieldOk(screen.getByRole('textbox', { name: 'In-Feed Ads budget' }));
    expectExportBlockedBy(message);
    expect(within(section('Goals & budget')).getByText('Over budget')).toBeInTheDocument();

    await retype(user, total, '$120,000');
    expectFieldOk(total);
    expect(total).toHaveValue('$120,000');
    expect(exportButton()).toBeEnabled();
    expect(within(section('Goals & budget')).getByText('Unallocated')).toBeInTheDocument();
  });

  test.each([
    ['', 'Enter total budget.'],
    ['0', 'Total budget must be at least $1.'],
    ['ten grand', 'Total budget must be a number, like 60000 or $60,000.'],
  ])('Total budget "%s" is explained', async (typed, message) => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const total = screen.getByRole('textbox', { name: 'Total budget' });
    await retype(user, total, typed);
    await user.tab();
    expect(total).toHaveValue(typed);
    expectFieldError(total, message);
    expectExportBlockedBy(message);
  });

  test('an emptied plan name is flagged after leaving the field', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const name = screen.getByRole('textbox', { name: 'Plan name' });
    await user.clear(name);
    expectFieldOk(name);
    expectExportBlockedBy('Give the plan a name.');
    await user.tab();
    expectFieldError(name, 'Give the plan a name.');
    expect(screen.getByText('Untitled plan', { selector: '.topbar__plan' })).toBeInTheDocument();

    await user.type(name, 'Back to school');
    expectFieldOk(name);
    expect(exportButton()).toBeEnabled();
  });

  test('a KPI target that is not a number is explained and blocks export', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const target = screen.getByRole('textbox', { name: /^KPI target/ });
    await user.type(target, 'a million');
    expectFieldError(target, 'KPI target must be a number, like 1.5.');
    expectExportBlockedBy('KPI target must be a number');
    expect(screen.getByRole('textbox', { name: /^KPI target/ })).toHaveValue('a million');
  });

  test('a plan name over 120 characters is refused, and the typed name is kept', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const name = screen.getByRole('textbox', { name: 'Plan name' });
    const long = 'A'.repeat(121);
    await retype(user, name, long);
    expect(name).toHaveValue(long);
    expectFieldError(name, 'Plan name is too long: keep it under 120 characters.');
  });

  test('spend equal to the total budget to the cent is within budget', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    // In floating point 6000.5 + 716.69 is 6717.1900000000005: more than a 6717.19 cap.
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '6,717.19');
    await includeFormat(user, 'In-Feed Ads', '$6,000.50');
    await addCreator(user, 'zach', 'zachking');
    await retype(user, screen.getByRole('textbox', { name: '@zachking fee' }), '716.69');
    const total = screen.getByRole('textbox', { name: 'Total budget' });
    expectFieldOk(total);
    expect(within(section('Goals & budget')).getByText('Unallocated')).toBeInTheDocument();
    expect(exportButton()).toBeEnabled();

    await retype(user, screen.getByRole('textbox', { name: '@zachking fee' }), '716.70');
    expectFieldError(total, 'Planned spend ($6,717.20) is over the total budget by $0.01.');
  });

  test('several errors are counted in the export reason', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', 'abc');
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '-1');
    expect(exportButton()).toBeDisabled();
    expect(screen.getByText(/^Fix 2 fields to export/)).toBeInTheDocument();
  });
});

describe('assumption overrides', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each([
    ['abc', 'Click-through rate must be a number, like 2.5.'],
    ['150', 'Click-through rate is too large: the most Reachplan accepts is 100%.'],
  ])('Click-through rate override "%s" is explained', async (typed, message) => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const ctr = screen.getByRole('textbox', { name: 'Click-through rate (%)' });
    await user.type(ctr, typed);
    expect(ctr).toHaveValue(typed);
    expectFieldError(ctr, message);
    expectExportBlockedBy(message);
  });
});
