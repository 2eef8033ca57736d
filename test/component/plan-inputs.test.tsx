import { screen, within } from '@testing-library/react';
import { AGE_BANDS } from '../../src/domain/types';
import { savedPlan } from '../utils/seed';
import { simulateReload } from '../utils/reload';
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

/** A control shows `message` beside it (its accessible description) and is marked invalid. */
function expectFieldError(control: HTMLElement, message: string) {
  expect(control).toHaveAttribute('aria-invalid', 'true');
  expect(control).toHaveAccessibleDescription(expect.stringContaining(message));
  const field = control.closest('.field');
  expect(field).not.toBeNull();
  expect(within(field as HTMLElement).getByText(message)).toBeVisible();
}

/** A control shows `message` beside it (its accessible description) as a warning: not marked invalid, no alert. */
function expectFieldWarning(control: HTMLElement, message: string) {
  expect(control).toHaveAttribute('aria-invalid', 'false');
  expect(control).toHaveAccessibleDescription(expect.stringContaining(message));
  const field = control.closest('.field');
  expect(field).not.toBeNull();
  expect(within(field as HTMLElement).getByText(message)).toBeVisible();
  expect(within(field as HTMLElement).queryByRole('alert')).not.toBeInTheDocument();
}

/** A fieldset of choices shows `message` inside it, as its accessible description. */
function expectGroupError(group: HTMLElement, message: string) {
  expect(group).toHaveAccessibleDescription(expect.stringContaining(message));
  expect(within(group).getByRole('alert')).toHaveTextContent(message);
}

/** The plan's date `days` after `date` (yyyy-MM-dd). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Planned spend" in the budget meter under the total budget. */
function plannedSpend(): string {
  const term = within(screen.getByLabelText('Budget')).getByText('Planned spend');
  return term.nextElementSibling?.textContent ?? '';
}

describe('target audience', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('starts at the U.S., every age group and all genders, and explains what targeting does', async () => {
    renderApp();
    await waitForPlanner();
    const audience = screen.getByRole('group', { name: 'Target audience' });
    expect(audience).toHaveAccessibleDescription('Targeting narrows the audience universe that reach is measured against.');

    const countries = within(audience).getByRole('group', { name: 'Countries' });
    expect(within(countries).getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual([
      'US', 'KR', 'JP', 'GB', 'CA', 'ID', 'TH', 'VN', 'PH', 'MY',
    ]);
    expect(within(countries).getByRole('checkbox', { name: 'United States' })).toBeChecked();
    for (const name of ['South Korea', 'Japan', 'United Kingdom', 'Canada', 'Indonesia', 'Thailand', 'Vietnam', 'Philippines', 'Malaysia']) {
      expect(within(countries).getByRole('checkbox', { name })).not.toBeChecked();
    }
    const ages = within(audience).getByRole('group', { name: 'Age groups' });
    for (const band of AGE_BANDS) expect(within(ages).getByRole('checkbox', { name: band })).toBeChecked();
    const gender = within(audience).getByRole('group', { name: 'Gender' });
    expect(within(gender).getByRole('radio', { name: 'All' })).toBeChecked();
    expect(within(gender).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['All', 'Women', 'Men']);
  });

  test('choosing targeting is saved with the plan and restored on reload', async () => {
    const first = renderApp();
    await waitForPlanner();
    await first.user.click(screen.getByRole('checkbox', { name: 'South Korea' }));
    await first.user.click(screen.getByRole('checkbox', { name: 'Japan' }));
    await first.user.click(screen.getByRole('checkbox', { name: '13-17' }));
    await first.user.click(screen.getByRole('checkbox', { name: '55+' }));
    await first.user.click(screen.getByRole('radio', { name: 'Women' }));
    // Countries keep the list's order, whatever order they were ticked in.
    expect(savedPlan().targeting).toEqual({
      countries: ['US', 'KR', 'JP'],
      ageBands: ['18-24', '25-34', '35-44', '45-54'],
      gender: 'female',
    });
    first.unmount();

    simulateReload();
    renderApp();
    await waitForPlanner();
    expect(screen.getByRole('checkbox', { name: 'South Korea' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'United Kingdom' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: '13-17' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Women' })).toBeChecked();
  });

  test('unticking every country shows the message next to the countries, until one is ticked again', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const countries = screen.getByRole('group', { name: 'Countries' });
    expect(countries).not.toHaveAccessibleDescription(expect.stringContaining('Choose'));
    await user.click(within(countries).getByRole('checkbox', { name: 'United States' }));
    expect(savedPlan().targeting.countries).toEqual([]);
    expectGroupError(countries, 'Choose at least one country to target.');
    // The other groups say nothing.
    expect(within(screen.getByRole('group', { name: 'Age groups' })).queryByRole('alert')).not.toBeInTheDocument();

    await user.click(within(countries).getByRole('checkbox', { name: 'Canada' }));
    expect(within(countries).queryByRole('alert')).not.toBeInTheDocument();
    expect(savedPlan().targeting.countries).toEqual(['CA']);
  });

  test('unticking every age group shows its message next to the age groups', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const ages = screen.getByRole('group', { name: 'Age groups' });
    for (const band of AGE_BANDS) await user.click(within(ages).getByRole('checkbox', { name: band }));
    expectGroupError(ages, 'Choose at least one age group to target.');
  });

  test('every targeting control is reached with Tab and operated with Space and the arrow keys', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    // The controls follow the Total budget field in the tab order.
    screen.getByRole('textbox', { name: 'Total budget' }).focus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'United States' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'South Korea' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'South Korea' })).toBeChecked();
    for (const name of ['Japan', 'United Kingdom', 'Canada', 'Indonesia', 'Thailand', 'Vietnam', 'Philippines', 'Malaysia', ...AGE_BANDS]) {
      await user.tab();
      expect(screen.getByRole('checkbox', { name })).toHaveFocus();
    }
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: '55+' })).not.toBeChecked();
    // One tab stop for the radios: the chosen one; arrows move the choice.
    await user.tab();
    expect(screen.getByRole('radio', { name: 'All' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Women' })).toBeChecked();
    expect(savedPlan().targeting).toEqual({
      countries: ['US', 'KR'],
      ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54'],
      gender: 'female',
    });
  });
});

describe('ad format inputs', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the In-Feed Ads buying model changes the plan and says what the budget buys', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    expect(screen.queryByRole('combobox', { name: 'In-Feed Ads buying model' })).not.toBeInTheDocument();
    await includeFormat(user, 'In-Feed Ads', '60000');
    const model = screen.getByRole('combobox', { name: 'In-Feed Ads buying model' });
    expect(model).toHaveValue('CPM');
    expect(within(model).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'CPM: buys impressions',
      'CPC: buys clicks',
      'CPV: buys 6-second views',
    ]);
    expect(model).toHaveAccessibleDescription(expect.stringContaining('buys impressions'));

    await user.selectOptions(model, 'CPC');
    expect(savedPlan().formats).toEqual([expect.objectContaining({ formatId: 'in-feed', buyingModel: 'CPC' })]);
    expect(model).toHaveAccessibleDescription(expect.stringContaining('buys clicks'));

    await user.selectOptions(model, 'CPV: buys 6-second views');
    expect(savedPlan().formats[0]?.buyingModel).toBe('CPV');
    expect(model).toHaveAccessibleDescription(expect.stringContaining('6-second views'));

    // Only In-Feed Ads are bought more than one way.
    await includeFormat(user, 'Hashtag Challenge');
    expect(screen.getAllByRole('combobox', { name: /buying model$/ })).toHaveLength(1);
  });

  test('every included format has its pacing', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    await includeFormat(user, 'Brand Takeover');
    expect(screen.queryByRole('combobox', { name: 'Branded Effects pacing' })).not.toBeInTheDocument();
    const pacing = screen.getByRole('combobox', { name: 'Brand Takeover pacing' });
    expect(within(pacing).getAllByRole('option').map((o) => o.textContent)).toEqual(['Even', 'Front-loaded']);
    expect(screen.getByRole('combobox', { name: 'In-Feed Ads pacing' })).toHaveValue('even');

    await user.selectOptions(pacing, 'Front-loaded');
    expect(savedPlan().formats.map((f) => [f.formatId, f.pacing])).toEqual([
      ['in-feed', 'even'],
      ['brand-takeover', 'front-loaded'],
    ]);
  });

  test('a Brand Takeover without a category says so next to the category until one is chosen', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '500000');
    await includeFormat(user, 'Brand Takeover');
    const category = screen.getByRole('combobox', { name: 'Brand Takeover category' });
    expect(category).toHaveValue('');
    expect(category).toHaveDisplayValue('Choose a category');
    // A reminder, not an error: plans saved before categories existed stay valid and exportable.
    expectFieldWarning(category, 'Choose the Brand Takeover category: TikTok sells one brand per category per day.');
    expect(exportButton()).toBeEnabled();

    await user.selectOptions(category, 'Food & beverage');
    expect(category).toHaveAttribute('aria-invalid', 'false');
    expect(category).not.toHaveAccessibleDescription(expect.stringContaining('Choose the Brand Takeover category'));
    expect(within(section('Ad formats')).queryByText(/Choose the Brand Takeover category/)).not.toBeInTheDocument();
    expect(exportButton()).toBeEnabled();
    expect(savedPlan().formats[0]?.category).toBe('Food & beverage');
  });
});

describe('creator inputs', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a Spark Ads budget accepts "$5,000" and explains "-5"', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '10,000,000');
    await addCreator(user, 'zach', 'zachking');
    const fee = Number(savedPlan().creators[0]?.fee);
    const spark = screen.getByRole('textbox', { name: '@zachking Spark Ads budget' });
    expect(spark).toHaveValue('');
    expect(spark).toHaveAccessibleDescription(
      "Promotes this creator's posts as paid impressions; leave empty for none",
    );
    expect(plannedSpend()).toBe(`$${fee.toLocaleString('en-US')}`);

    await retype(user, spark, '$5,000');
    expect(spark).toHaveAttribute('aria-invalid', 'false');
    expect(savedPlan().creators[0]?.sparkBudget).toBe('$5,000');
    // The Spark Ads budget is spend too.
    expect(plannedSpend()).toBe(`$${(fee + 5000).toLocaleString('en-US')}`);

    await retype(user, spark, '-5');
    expectFieldError(spark, "@zachking Spark Ads budget can't be negative.");
    expect(spark).toHaveValue('-5');

    await retype(user, spark, '');
    expect(spark).toHaveAttribute('aria-invalid', 'false');
  });

  test('a posting date outside the flight is explained next to it; an empty date spreads the post evenly', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '10,000,000');
    await addCreator(user, 'zach', 'zachking');
    await retype(user, screen.getByRole('textbox', { name: '@zachking posts' }), '3');
    const start = (screen.getByLabelText('Start date') as HTMLInputElement).value;
    const end = (screen.getByLabelText('End date') as HTMLInputElement).value;

    const summary = within(section('Creators')).getByText('Posting dates');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('(spread evenly)');
    await user.click(summary);
    expect(details).toHaveAttribute('open');

    const dates = within(details).getByRole('group', { name: '@zachking posting dates' });
    expect(dates).toHaveAccessibleDescription('Leave a date empty to spread that post evenly over the flight.');
    const inputs = [1, 2, 3].map((n) => within(dates).getByLabelText(`@zachking post ${n} date`));
    for (const input of inputs) {
      expect(input).toHaveAttribute('type', 'date');
      expect(input).toHaveValue('');
      expect(input).toHaveAttribute('min', start);
      expect(input).toHaveAttribute('max', end);
    }

    const first = inputs[0] as HTMLInputElement;
    const outside = addDays(end, 1);
    await user.type(first, outside);
    expect(first).toHaveValue(outside);
    expectFieldError(
      first,
      `@zachking post 1 date (${outside}) is outside the flight: pick a date from the start date to the end date.`,
    );
    expect(details).toHaveTextContent('1 to fix');

    await user.clear(first);
    const inside = addDays(start, 3);
    await user.type(first, inside);
    expect(first).toHaveAttribute('aria-invalid', 'false');
    expect(savedPlan().creators[0]?.postDates).toEqual([inside]);
    expect(details).toHaveTextContent('(1 of 3 dated)');

    // Fewer posts: fewer dates to pick.
    await retype(user, screen.getByRole('textbox', { name: '@zachking posts' }), '1');
    expect(within(details).getAllByLabelText(/^@zachking post \d+ date$/)).toHaveLength(1);
  });

  test('a date that falls outside a new flight opens its fold to show the message', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '10,000,000');
    await addCreator(user, 'zach', 'zachking');
    const start = (screen.getByLabelText('Start date') as HTMLInputElement).value;
    const summary = within(section('Creators')).getByText('Posting dates');
    const details = summary.closest('details') as HTMLDetailsElement;
    await user.click(summary);
    const date = within(details).getByLabelText('@zachking post 1 date');
    await user.type(date, addDays(start, 10));
    expect(date).toHaveAttribute('aria-invalid', 'false');
    await user.click(summary);
    expect(details).not.toHaveAttribute('open');

    // Shortening the flight leaves the post outside it.
    const endDate = screen.getByLabelText('End date');
    await user.clear(endDate);
    await user.type(endDate, addDays(start, 5));
    expect(details).toHaveAttribute('open');
    expect(date).toHaveAttribute('aria-invalid', 'true');
  });

  test('the posting dates and Spark Ads budget are reached and operated by keyboard', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await addCreator(user, 'zach', 'zachking');
    screen.getByRole('textbox', { name: '@zachking fee' }).focus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: '@zachking Spark Ads budget' })).toHaveFocus();
    await user.keyboard('1000');
    expect(savedPlan().creators[0]?.sparkBudget).toBe('1000');
    await user.tab();
    const summary = within(section('Creators')).getByText('Posting dates').closest('summary');
    expect(summary).toHaveFocus();
    // Browsers open a focused <summary> on Enter or Space; jsdom doesn't, so this is the click they make.
    await user.click(summary as HTMLElement);
    expect(summary?.closest('details')).toHaveAttribute('open');
    expect(summary).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('@zachking post 1 date')).toHaveFocus();
    // The contract checklist's fold comes next, closed, then the creator's Remove.
    await user.tab();
    expect(screen.getByText(/^Contract checklist/)).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove @zachking' })).toHaveFocus();
  });
});

test('every input and select in the planner has a label', { timeout: JOURNEY_TIMEOUT_MS }, async () => {
  const { user } = renderApp();
  await waitForPlanner();
  await includeFormat(user, 'In-Feed Ads', '60000');
  await includeFormat(user, 'Brand Takeover');
  await addCreator(user, 'zach', 'zachking');
  await user.click(within(section('Creators')).getByText('Posting dates'));
  // The top bar's import loads on demand; wait for it so its controls are always part of the check.
  await screen.findByRole('button', { name: 'Import CSV' });
  // A `hidden` file input is not in the accessibility tree (its visible button is); everything else must be named.
  const controls = Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea')).filter((control) => !control.closest('[hidden]'));
  expect(controls.length).toBeGreaterThan(20);
  for (const control of controls) expect(control, control.outerHTML).toHaveAccessibleName();
});
