import { screen, waitFor, within } from '@testing-library/react';
import { expectedFit, expectedPage as expected, TEST_CATALOG, TEST_SERVICE } from '../utils/catalog';
import { creatorLine } from '../utils/builders';
import {
  addCreator,
  exportButton,
  includeFormat,
  JOURNEY_TIMEOUT_MS,
  metric,
  renderApp,
  retype,
  section,
  waitForPlanner,
} from '../utils/render-app';

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'creator' : 'creators'}`;

/** Handles listed in the search results, in order. */
function listedHandles(): string[] {
  const region = screen.queryByRole('region', { name: 'Creator search results' });
  if (!region) return [];
  return Array.from(region.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')).map((box) =>
    (box.getAttribute('aria-label') ?? '').replace(/^Add @/, '').replace(/ to plan$/, ''),
  );
}

/** Waits until the results count (a status) reads `text`, once the search has settled. */
async function resultsSay(text: string | RegExp) {
  const status = await within(section('Creators')).findByText(text);
  expect(status).toHaveAttribute('role', 'status');
}

function searchBox() {
  return screen.getByRole('searchbox', { name: 'Search creators' });
}

describe('finding creators', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the catalog opens on the first page, most fans first', async () => {
    renderApp();
    expect(within(section('Creators')).getByRole('status')).toHaveTextContent('Loading creators…');
    const first = expected({});
    await resultsSay(count(first.total));
    expect(listedHandles()).toEqual(first.items.map((c) => c.handle));
    const pages = Math.ceil(first.total / 20);
    expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page 1 of ${pages}`);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
    expect(within(section('Creators')).getByText(/No creators yet/)).toBeInTheDocument();
  });

  test('the search narrows the results once typing settles', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await user.type(searchBox(), 'zach');
    const match = expected({ q: 'zach' });
    expect(match.total).toBe(1);
    await resultsSay('1 creator matches “zach”');
    expect(listedHandles()).toEqual(['zachking']);
    expect(screen.queryByRole('navigation', { name: 'Creator pages' })).not.toBeInTheDocument();

    // An @ before the handle finds the same creator.
    await retype(user, searchBox(), '@zachking');
    await resultsSay('1 creator matches “@zachking”');
    expect(listedHandles()).toEqual(['zachking']);
  });

  test('a search can match a niche or a keyword in the bio, and Korean names', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await retype(user, searchBox(), 'dance');
    const dance = expected({ q: 'dance' });
    await resultsSay(`${count(dance.total)} ${dance.total === 1 ? 'matches' : 'match'} “dance”`);
    expect(listedHandles()).toEqual(dance.items.map((c) => c.handle));

    const korean = TEST_CATALOG.creators.find((c) => c.country === 'KR');
    expect(korean).toBeDefined();
    const name = korean?.displayName ?? '';
    await retype(user, searchBox(), name);
    const byName = expected({ q: name });
    await resultsSay(new RegExp(`“${name}”`));
    expect(listedHandles()).toEqual(byName.items.map((c) => c.handle));
    expect(within(section('Creators')).getAllByText(new RegExp(name)).length).toBeGreaterThan(0);
  });

  test('a search with no match says so and suggests what to try', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await retype(user, searchBox(), 'qqqzzzxx');
    await resultsSay('0 creators match “qqqzzzxx”');
    expect(
      within(section('Creators')).getByText('No creators match “qqqzzzxx”. Try a shorter search, another niche or all tiers.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Creator search results' })).not.toBeInTheDocument();

    await user.clear(searchBox());
    await resultsSay(count(expected({}).total));
    expect(listedHandles()).toHaveLength(20);
  });

  test('niche and tier filters narrow the list', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Niche' }), 'Music');
    const music = expected({ niche: 'music' });
    await resultsSay(count(music.total));
    expect(listedHandles()).toEqual(music.items.map((c) => c.handle));
    const rows = within(screen.getByRole('region', { name: 'Creator search results' })).getAllByRole('row').slice(1);
    for (const row of rows) expect(row).toHaveTextContent('music');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'Mega (1M+)');
    const musicMega = expected({ niche: 'music', tier: 'mega' });
    await resultsSay(count(musicMega.total));
    expect(listedHandles()).toEqual(musicMega.items.map((c) => c.handle));
    expect(listedHandles()).toContain('lorengray');
    expect(listedHandles()).not.toContain('zachking');
  });

  test('pages move forward and back, and a new filter starts again at page 1', async () => {
    const { user } = renderApp();
    const all = expected({});
    const pages = Math.ceil(all.total / 20);
    await resultsSay(count(all.total));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const second = expected({ page: 2 });
    await waitFor(() => expect(listedHandles()).toEqual(second.items.map((c) => c.handle)));
    expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page 2 of ${pages}`);
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(listedHandles()).toEqual(all.items.map((c) => c.handle)));
    expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page 1 of ${pages}`);

    // Go to page 3, then change the sort: back to page 1 of the new order.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(listedHandles()).toEqual(expected({ page: 3 }).items.map((c) => c.handle)));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Lowest fee');
    const cheapest = expected({ sort: 'fee' });
    await waitFor(() => expect(listedHandles()).toEqual(cheapest.items.map((c) => c.handle)));
    expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page 1 of ${pages}`);
  });

  test('the last page has no Next page', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'Micro (10K-100K)');
    const micro = expected({ tier: 'micro' });
    const pages = Math.ceil(micro.total / 20);
    expect(pages).toBeGreaterThan(1);
    await resultsSay(count(micro.total));
    for (let p = 1; p < pages; p++) await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page ${pages} of ${pages}`));
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await waitFor(() => expect(listedHandles()).toEqual(expected({ tier: 'micro', page: pages }).items.map((c) => c.handle)));
  });
});

describe('a search in the address', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the search and filters are written to the address as they settle', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await user.type(searchBox(), 'dance');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Lowest fee');
    await resultsSay(count(expected({ q: 'dance', sort: 'fee' }).total) + ' match “dance”');
    const params = new URLSearchParams(window.location.search);
    expect(Object.fromEntries(params)).toEqual({ q: 'dance', sort: 'fee' });
  });

  test('a shared link opens on its search, filters and page', async () => {
    window.history.replaceState(null, '', '/?q=e&tier=micro&sort=fee&page=2');
    renderApp();
    const page2 = expected({ q: 'e', tier: 'micro', sort: 'fee', page: 2 });
    expect(page2.items.length).toBeGreaterThan(0);
    await waitFor(() => expect(listedHandles()).toEqual(page2.items.map((c) => c.handle)));
    expect(searchBox()).toHaveValue('e');
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveDisplayValue('Micro (10K-100K)');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Lowest fee');
    expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page 2 of ${Math.ceil(page2.total / 20)}`);
  });

  test('a link with values the catalog doesn’t know opens on the defaults, and a page past the end on the last page', async () => {
    window.history.replaceState(null, '', '/?tier=giga&sort=random&page=9999');
    renderApp();
    const all = expected({});
    const last = Math.ceil(all.total / 20);
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Creator pages' })).toHaveTextContent(`Page ${last} of ${last}`));
    await waitFor(() => expect(listedHandles()).toEqual(expected({ page: last }).items.map((c) => c.handle)));
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveDisplayValue('All tiers');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveDisplayValue('Most fans');
  });
});

describe('vetting filters', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('audience, real followers and a fee range narrow the list on the server, and go in the address', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await user.click(screen.getByText(/^Vetting filters/));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Audience in' }), 'South Korea (25%+ of the audience)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Real followers' }), 'At least 75% real');
    await user.type(screen.getByRole('textbox', { name: 'Fee up to' }), '2,000');
    const want = (await TEST_SERVICE.search('audienceCountry=KR&minCredibility=0.75&maxFee=2000')).body as { items: { handle: string }[]; total: number };
    expect(want.total).toBeGreaterThan(0);
    await resultsSay(count(want.total));
    expect(listedHandles()).toEqual(want.items.map((c) => c.handle));
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({ audienceCountry: 'KR', minCredibility: '0.75', maxFee: '2,000' });
  });

  test('a fee that isn’t a number, or a range upside down, is explained next to the field and not sent', async () => {
    const { user } = renderApp();
    const all = expected({});
    await resultsSay(count(all.total));
    await user.click(screen.getByText(/^Vetting filters/));
    const from = screen.getByRole('textbox', { name: 'Fee from' });
    await user.type(from, 'cheap');
    await user.tab();
    expect(from).toHaveAccessibleDescription(/number/i);
    await user.clear(from);
    await user.type(from, '5000');
    const upTo = screen.getByRole('textbox', { name: 'Fee up to' });
    await user.type(upTo, '100');
    await user.tab();
    expect(upTo).toHaveAccessibleDescription('Fee up to must be at least $5,000.');
    // Only the valid lower bound reaches the API.
    const from5000 = (await TEST_SERVICE.search('minFee=5000')).body as { total: number };
    await resultsSay(count(from5000.total));
  });

  test('a shared link opens with its vetting filters shown and applied', async () => {
    window.history.replaceState(null, '', '/?audienceAge=18-24&minDisclosure=1&minEngagement=0.05');
    renderApp();
    const want = (await TEST_SERVICE.search('audienceAge=18-24&minDisclosure=1&minEngagement=0.05')).body as { items: { handle: string }[]; total: number };
    await resultsSay(count(want.total));
    expect(listedHandles()).toEqual(want.items.map((c) => c.handle));
    expect(screen.getByRole('combobox', { name: 'Audience age' })).toHaveDisplayValue('18-24 (25%+ of the audience)');
    expect(screen.getByRole('combobox', { name: '#ad disclosure' })).toBeVisible();
  });
});

describe('fit for the plan', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('“Best fit for this plan” ranks creators by their fit for the plan’s audience and goal, with the score in each row', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected({}).total));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Best fit for this plan');
    // A new plan: the United States, every age group, everyone, awareness.
    const fit = await expectedFit('targetCountries=US&targetAges=13-17,18-24,25-34,35-44,45-54,55%2B&gender=all&goal=awareness');
    await waitFor(() => expect(listedHandles()).toEqual(fit.items.map((c) => c.handle)));
    const rows = within(screen.getByRole('region', { name: 'Creator search results' })).getAllByRole('row').slice(1);
    rows.forEach((row, i) => expect(row.lastElementChild).toHaveTextContent(String(Math.round(fit.items[i]?.fitScore ?? -1))));
  });
});

describe('creators in the plan', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the row checkbox adds and removes a creator', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const box = await screen.findByRole('checkbox', { name: 'Add @zachking to plan' });
    expect(box).not.toBeChecked();

    await user.click(box);
    expect(box).toBeChecked();
    expect(screen.getByRole('heading', { name: 'In this plan (1)' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '@zachking posts' })).toHaveValue('1');
    expect(screen.getByRole('textbox', { name: '@zachking fee' })).toHaveValue(creatorLine('zachking').fee);
    expect(screen.getByRole('textbox', { name: '@zachking fee' })).toHaveAccessibleDescription(
      `Per post. Catalog estimate $${creatorLine('zachking').catalogFee.toLocaleString('en-US')}.`,
    );
    expect(within(screen.getByRole('table', { name: 'Results by line item' })).getByRole('rowheader', { name: '@zachking' })).toBeInTheDocument();

    await user.click(box);
    expect(box).not.toBeChecked();
    expect(screen.queryByRole('button', { name: 'Remove @zachking' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'In this plan (0)' })).toBeInTheDocument();
    expect(within(section('Projections')).getByText('Add an ad format or a creator to see projected results.')).toBeInTheDocument();
  });

  test('"Remove" takes a creator out and unticks its row; a creator stays in the plan while searching elsewhere', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await user.click(await screen.findByRole('checkbox', { name: 'Add @lorengray to plan' }));
    await addCreator(user, 'zach', 'zachking');
    expect(screen.getByRole('heading', { name: 'In this plan (2)' })).toBeInTheDocument();
    // @lorengray is not in this search but is still planned.
    expect(screen.queryByRole('checkbox', { name: 'Add @lorengray to plan' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove @lorengray' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove @zachking' }));
    expect(screen.getByRole('checkbox', { name: 'Add @zachking to plan' })).not.toBeChecked();
    expect(screen.getByRole('heading', { name: 'In this plan (1)' })).toBeInTheDocument();

    await user.clear(searchBox());
    expect(await screen.findByRole('checkbox', { name: 'Add @lorengray to plan' })).toBeChecked();
  });

  test.each([
    ['posts', '0', '@zachking posts must be at least 1.'],
    ['posts', '2.5', '@zachking posts must be a whole number.'],
    ['posts', '101', '@zachking posts is too large: the most Reachplan accepts is 100.'],
    ['posts', 'two', '@zachking posts must be a number, like 3.'],
    ['fee', 'abc', '@zachking fee must be a number, like 60000 or $60,000.'],
    ['fee', '-100', "@zachking fee can't be negative."],
  ])('%s "%s" is explained next to the field and blocks export', async (field, typed, message) => {
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '1000000');
    await addCreator(user, 'zach', 'zachking');
    const input = screen.getByRole('textbox', { name: `@zachking ${field}` });
    await retype(user, input, typed);
    expect(input).toHaveValue(typed);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(exportButton()).toBeDisabled();
    expect(exportButton()).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(within(section('Projections')).getByText(/Left out of the projection until their fields are fixed: @zachking/)).toBeInTheDocument();

    await retype(user, input, field === 'posts' ? '2' : '$5,000');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(exportButton()).toBeEnabled();
  });

  test('an emptied posts field is flagged after leaving it', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await addCreator(user, 'zach', 'zachking');
    const posts = screen.getByRole('textbox', { name: '@zachking posts' });
    await user.clear(posts);
    expect(posts).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(posts).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toHaveAccessibleDescription(expect.stringContaining('Enter @zachking posts.'));
  });

  test('a negotiated fee changes the spend; posts multiply it', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await includeFormat(user, 'In-Feed Ads', '60000');
    await addCreator(user, 'zach', 'zachking');
    await retype(user, screen.getByRole('textbox', { name: '@zachking fee' }), '$10,000');
    await retype(user, screen.getByRole('textbox', { name: '@zachking posts' }), '3');
    expect(metric('Spend')).toBe('$90,000');
  });
});
