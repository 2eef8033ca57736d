import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import type { CatalogItem } from '../../mocks/catalog-service';
import type { CreatorProfile } from '../../src/domain/creator-profile';
import { AGE_BANDS, COUNTRIES, type Country } from '../../src/domain/types';
import { pctRound, short } from '../../src/lib/format';
import { MAX_SHORTLIST } from '../../src/domain/plan';
import { planActions } from '../utils/plan-actions';
import { expectedPage, TEST_CATALOG, TEST_SERVICE, type ListSearch } from '../utils/catalog';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { savedPlan, seedPlan } from '../utils/seed';
import {
  addCreator,
  exportButton,
  JOURNEY_TIMEOUT_MS,
  metric,
  renderApp,
  retype,
  section,
  waitForPlanner,
} from '../utils/render-app';

/** Rows the table asks for per request. */
const PAGE_SIZE = 100;
/** jsdom has no layout: the table assumes a 640 px high viewport, so at least this many rows are in the page. */
const SCREENFUL = 12;

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'creator' : 'creators'}`;

interface Listing {
  items: readonly { handle: string }[];
  total: number;
}

/** What the mocked API answers for one of the table's requests (pages of 100). */
const expected = (search: Partial<ListSearch> = {}): Listing => expectedPage({ pageSize: PAGE_SIZE, ...search });

/** The mocked API's answer to a query string (pages of 100 unless it says otherwise). */
async function served(query: string): Promise<{ items: CatalogItem[]; total: number }> {
  const r = await TEST_SERVICE.search(`pageSize=${PAGE_SIZE}&${query}`);
  if (r.status !== 200) throw new Error(`search failed: ${JSON.stringify(r.body)}`);
  return r.body as { items: CatalogItem[]; total: number };
}

/** The fit target the app sends for a plan's targeting and goal, as a query string. */
function target(countries: readonly Country[], goal = 'awareness'): string {
  return new URLSearchParams({
    targetCountries: COUNTRIES.filter((c) => countries.includes(c)).join(','),
    targetAges: AGE_BANDS.join(','),
    gender: 'all',
    goal,
  }).toString();
}
/** A new plan: the United States, every age group, everyone, awareness. */
const NEW_PLAN_TARGET = target(['US']);

function resultsRegion(): HTMLElement {
  return screen.getByRole('region', { name: 'Creator search results' });
}

function creatorsTable(): HTMLElement {
  return within(resultsRegion()).getByRole('table', { name: 'Creators' });
}

interface ShownRow {
  /** aria-rowindex: the header is 1, the first creator 2. */
  rowIndex: number;
  /** null while the row's page is loading. */
  handle: string | null;
  row: HTMLElement;
}

/** The body rows in the page (the virtualized window), in order. Read by selector: it is polled. */
function shownRows(): ShownRow[] {
  const region = document.querySelector('[role="region"][aria-label="Creator search results"]');
  if (!region) return [];
  return Array.from(region.querySelectorAll<HTMLElement>('[role="row"]'))
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')
    .map((row) => {
      const label = row.querySelector('input[type="checkbox"]')?.getAttribute('aria-label');
      return {
        rowIndex: Number(row.getAttribute('aria-rowindex')),
        handle: label ? label.replace(/^Add @/, '').replace(/ to plan$/, '') : null,
        row,
      };
    });
}

/** Handles listed in the search results, in order (null for a row still loading). */
function listedHandles(): (string | null)[] {
  return shownRows().map((r) => r.handle);
}

/**
 * Waits until the table shows the top of `want`: a screenful (or all, when fewer) of its
 * first creators in order, with their row indexes, and a row count of every match.
 */
async function showsTopOf(want: Listing): Promise<void> {
  await waitFor(() => {
    const rows = shownRows();
    const handles = rows.map((r) => r.handle);
    expect(handles.length).toBeGreaterThanOrEqual(Math.min(SCREENFUL, want.total));
    expect(handles).toEqual(want.items.slice(0, handles.length).map((c) => c.handle));
    expect(rows.map((r) => r.rowIndex)).toEqual(handles.map((_, i) => i + 2));
    expect(creatorsTable()).toHaveAttribute('aria-rowcount', String(want.total + 1));
  });
}

/**
 * Waits until every row in the page shows the creator `pages` (by page number, 100 each) put
 * at its index, and the rows include `index` (0-based).
 */
async function showsRowsAround(index: number, pages: ReadonlyMap<number, Listing>): Promise<ShownRow[]> {
  const handleAt = (i: number) => pages.get(Math.floor(i / PAGE_SIZE) + 1)?.items[i % PAGE_SIZE]?.handle;
  let shown: ShownRow[] = [];
  await waitFor(() => {
    shown = shownRows();
    expect(shown.length).toBeGreaterThanOrEqual(SCREENFUL);
    expect(shown.map((r) => r.rowIndex)).toContain(index + 2);
    expect(shown.map((r) => r.handle)).toEqual(shown.map((r) => handleAt(r.rowIndex - 2) ?? 'not in the expected pages'));
    const first = shown[0]?.rowIndex ?? 0;
    expect(shown.map((r) => r.rowIndex)).toEqual(shown.map((_, i) => first + i));
  });
  return shown;
}

/** Scrolls the results to the row at `index` (0-based), as a user dragging the scrollbar would. */
function scrollToRow(index: number): void {
  const region = resultsRegion();
  // The row height the table assumes: its body is one row-height per creator.
  const body = creatorsTable().querySelectorAll<HTMLElement>('[role="rowgroup"]')[1];
  const total = Number(creatorsTable().getAttribute('aria-rowcount')) - 1;
  const rowHeight = parseFloat(body?.style.height ?? '') / total;
  expect(rowHeight).toBeGreaterThan(0);
  region.scrollTop = index * rowHeight;
  fireEvent.scroll(region);
}

/** Waits until the results count (a status) reads `text`, once the search has settled. */
async function resultsSay(text: string | RegExp) {
  const status = await within(section('Creators')).findByText(text);
  expect(status).toHaveAttribute('role', 'status');
}

function searchBox() {
  return screen.getByRole('searchbox', { name: 'Search creators' });
}

function sortBy() {
  return screen.getByRole('combobox', { name: 'Sort by' });
}

/** The column header of the Creators table whose sort button has this name. */
function sortHeader(name: string): HTMLElement {
  const button = within(creatorsTable()).getByRole('button', { name });
  const header = button.closest('[role="columnheader"]');
  if (!(header instanceof HTMLElement)) throw new Error(`No column header around "${name}"`);
  return header;
}

/**
 * A name with visually hidden parts ("Remove<span> @h from the shortlist</span>"): browsers keep
 * the space at the start of the hidden text, dom-accessibility-api 0.5 trims it. Spaces may go.
 */
function loose(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')}$`);
}

/** The search in the address, as an object. */
const address = () => Object.fromEntries(new URLSearchParams(window.location.search));

// jsdom has no Element.scrollTo (the table calls it to go back to the top): move scrollTop and,
// as a browser does after the scroll, fire the scroll event.
const nativeScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
beforeEach(() => {
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
    const top = typeof options === 'number' ? y : options?.top;
    if (top === undefined || this.scrollTop === top) return;
    this.scrollTop = top;
    setTimeout(() => fireEvent.scroll(this), 0);
  } as Element['scrollTo'];
});
afterEach(() => {
  if (nativeScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', nativeScrollTo);
  else delete (Element.prototype as Partial<Element>).scrollTo;
});

describe('finding creators', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the catalog opens at the top, most fans first, with a row count of the whole catalog', async () => {
    renderApp();
    expect(within(section('Creators')).getByRole('status')).toHaveTextContent('Loading creators…');
    const first = expected();
    expect(first.total).toBe(TEST_CATALOG.creators.length);
    await resultsSay(count(first.total));
    await showsTopOf(first);
    // Only a screenful is in the page, not the whole catalog.
    expect(shownRows().length).toBeLessThan(PAGE_SIZE);
    expect(sortHeader('Fans')).toHaveAttribute('aria-sort', 'descending');
    expect(within(section('Creators')).getByText(/No creators yet/)).toBeInTheDocument();
  });

  test('the search narrows the results once typing settles', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await user.type(searchBox(), 'zach');
    expect(expected({ q: 'zach' }).total).toBe(1);
    await resultsSay('1 creator matches “zach”');
    await showsTopOf(expected({ q: 'zach' }));
    expect(listedHandles()).toEqual(['zachking']);

    // An @ before the handle finds the same creator.
    await retype(user, searchBox(), '@zachking');
    await resultsSay('1 creator matches “@zachking”');
    expect(listedHandles()).toEqual(['zachking']);
    expect(creatorsTable()).toHaveAttribute('aria-rowcount', '2');
  });

  test('a search can match a niche or a keyword in the bio, and Korean names', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await retype(user, searchBox(), 'dance');
    const dance = expected({ q: 'dance' });
    expect(dance.total).toBeGreaterThan(SCREENFUL);
    await resultsSay(`${count(dance.total)} ${dance.total === 1 ? 'matches' : 'match'} “dance”`);
    await showsTopOf(dance);

    const korean = TEST_CATALOG.creators.find((c) => c.country === 'KR');
    expect(korean).toBeDefined();
    const name = korean?.displayName ?? '';
    await retype(user, searchBox(), name);
    await resultsSay(new RegExp(`“${name}”`));
    await showsTopOf(expected({ q: name }));
    expect(within(resultsRegion()).getAllByText(new RegExp(name)).length).toBeGreaterThan(0);
  });

  test('a search with no match says so, and “Clear search and filters” brings every creator back', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Niche' }), 'Music');
    await resultsSay(count(expected({ niche: 'music' }).total));
    await retype(user, searchBox(), 'qqqzzzxx');
    await resultsSay('0 creators match “qqqzzzxx”');
    expect(
      within(section('Creators')).getByText(
        'No creators match “qqqzzzxx”. Try a shorter search, another niche, all tiers or fewer vetting filters.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Creator search results' })).not.toBeInTheDocument();

    await user.click(within(section('Creators')).getByRole('button', { name: 'Clear search and filters' }));
    expect(searchBox()).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Niche' })).toHaveDisplayValue('All niches');
    await resultsSay(count(expected().total));
    await showsTopOf(expected());
    expect(address()).toEqual({});
  });

  test('filters that match no one say so without quoting a search', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    expect((await served('minFee=9000000')).total).toBe(0);
    await user.click(screen.getByText(/^Vetting filters/));
    await user.type(screen.getByRole('textbox', { name: 'Fee from' }), '9000000');
    await resultsSay('0 creators');
    expect(
      within(section('Creators')).getByText('No creators match these filters. Try a shorter search, another niche, all tiers or fewer vetting filters.'),
    ).toBeInTheDocument();
    expect(within(section('Creators')).getByRole('button', { name: 'Clear search and filters' })).toBeInTheDocument();
  });

  test('niche and tier filters narrow the list', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Niche' }), 'Music');
    const music = expected({ niche: 'music' });
    expect(music.total).toBeLessThan(expected().total);
    await resultsSay(count(music.total));
    await showsTopOf(music);
    for (const { row } of shownRows()) expect(row).toHaveTextContent('music');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Tier' }), 'Mega (1M+)');
    const musicMega = expected({ niche: 'music', tier: 'mega' });
    await resultsSay(count(musicMega.total));
    await showsTopOf(musicMega);
    expect(listedHandles()).toContain('lorengray');
    expect(listedHandles()).not.toContain('zachking');
  });
});

describe('scrolling the results', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  let listPages: string[] = [];
  const recordListRequest = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/creators') listPages.push(`${url.searchParams.get('page')}×${url.searchParams.get('pageSize')}`);
  };
  beforeEach(() => {
    listPages = [];
    server.events.on('request:start', recordListRequest);
  });
  afterEach(() => server.events.removeListener('request:start', recordListRequest));

  test('far down, rows show as loading, then the creators at those indexes; only the pages in view are fetched', async () => {
    renderApp();
    const { total } = expected();
    await showsTopOf(expected());
    expect(listPages).toEqual(['1×100']);

    // Page 16 (rows 1,501 to 1,600) answers only once the test has seen its rows waiting.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/creators', async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '16') await released;
        // Nothing returned: the catalog's own handler answers.
      }),
    );
    scrollToRow(1500);
    // The rows in view wait for their page, each saying which it is.
    const pending = await within(creatorsTable()).findByText(`Loading creator 1,501 of ${total.toLocaleString('en-US')}…`);
    expect(pending.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '1502');
    const pages = new Map([
      [15, expected({ page: 15 })],
      [16, expected({ page: 16 })],
    ]);
    // Each page is placed as it arrives: page 15's rows show while page 16's still wait.
    await waitFor(() => {
      const rows = shownRows();
      const above = rows.filter((r) => r.rowIndex - 2 < 1500);
      expect(above.length).toBeGreaterThan(0);
      expect(above.map((r) => r.handle)).toEqual(above.map((r) => pages.get(15)?.items[r.rowIndex - 2 - 1400]?.handle));
      expect(rows.filter((r) => r.rowIndex - 2 >= 1500).every((r) => r.handle === null)).toBe(true);
    });
    release();

    const shown = await showsRowsAround(1500, pages);
    expect(shown.filter((r) => r.rowIndex - 2 >= 1500).length).toBeGreaterThanOrEqual(SCREENFUL);
    expect(within(creatorsTable()).queryByText(/^Loading creator/)).not.toBeInTheDocument();
    expect(creatorsTable()).toHaveAttribute('aria-rowcount', String(total + 1));
    // Pages 2 to 14 were scrolled past, never asked for.
    expect([...new Set(listPages)].sort()).toEqual(['15×100', '16×100', '1×100']);
  });

  test('a page far down that fails says so above the table with a Retry that loads it; the rows above stay', async () => {
    const { user } = renderApp();
    await showsTopOf(expected());
    server.use(http.get('*/api/creators', ({ request }) => {
      if (new URL(request.url).searchParams.get('page') === '16') return HttpResponse.json({ message: 'page 16 is down' }, { status: 500 });
    }));
    scrollToRow(1500);
    const alert = await within(section('Creators')).findByRole('alert');
    expect(alert).toHaveTextContent('Some rows couldn’t load.');
    expect(alert).toHaveTextContent('page 16 is down');
    // Its rows say so too, rather than "Loading" for ever.
    expect(within(creatorsTable()).getAllByText(/^Creator 1,5\d\d couldn’t load: use Retry above the table\.$/).length).toBeGreaterThan(0);
    // The search itself is fine: its count stands, and the rows of page 15 are shown.
    expect(within(section('Creators')).getByRole('status')).toHaveTextContent(count(expected().total));

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await showsRowsAround(1500, new Map([[15, expected({ page: 15 })], [16, expected({ page: 16 })]]));
    expect(within(section('Creators')).queryByRole('alert')).not.toBeInTheDocument();
  });

  test('“Skip the creator table” takes keyboard focus past the rows, to the shortlist', async () => {
    const { user } = renderApp();
    await showsTopOf(expected());
    const skip = screen.getByRole('button', { name: 'Skip the creator table' });
    skip.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Shortlist (0)' })).toHaveFocus();

    // With a profile open beside the table, the skip lands on it.
    const first = expected().items[0]?.handle ?? '';
    await user.click(screen.getByRole('button', { name: `View @${first}` }));
    const heading = await screen.findByRole('heading', { name: `Profile of @${first}` });
    skip.focus();
    await user.keyboard('{Enter}');
    expect(heading).toHaveFocus();
  });

  test.each<[string, (user: UserEvent) => Promise<void>, Partial<ListSearch>]>([
    ['a new sort', (user) => user.selectOptions(sortBy(), 'Lowest fee'), { sort: 'fee' }],
    ['a new niche', (user) => user.selectOptions(screen.getByRole('combobox', { name: 'Niche' }), 'Music'), { niche: 'music' }],
    ['a new search', (user) => retype(user, searchBox(), 'e'), { q: 'e' }],
  ])('%s starts again at the top', async (_what, change, search) => {
    const { user } = renderApp();
    await showsTopOf(expected());
    scrollToRow(1500);
    await showsRowsAround(1500, new Map([[15, expected({ page: 15 })], [16, expected({ page: 16 })]]));
    expect(resultsRegion().scrollTop).toBeGreaterThan(0);

    await change(user);
    const want = expected(search);
    expect(want.total).toBeGreaterThan(SCREENFUL);
    await showsTopOf(want);
    expect(resultsRegion().scrollTop).toBe(0);
  });

  test('a new fit target (a plan edit) keeps the scroll position and re-ranks the rows in view', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await user.selectOptions(sortBy(), 'Best fit for this plan');
    await showsTopOf(await served(`sort=fit&${NEW_PLAN_TARGET}`));

    scrollToRow(1500);
    const usOnly = new Map([
      [15, await served(`sort=fit&page=15&${NEW_PLAN_TARGET}`)],
      [16, await served(`sort=fit&page=16&${NEW_PLAN_TARGET}`)],
    ]);
    const before = await showsRowsAround(1500, usOnly);
    const scrollTop = resultsRegion().scrollTop;
    expect(scrollTop).toBeGreaterThan(0);

    const withKorea = target(['US', 'KR']);
    const reRanked = new Map([
      [15, await served(`sort=fit&page=15&${withKorea}`)],
      [16, await served(`sort=fit&page=16&${withKorea}`)],
    ]);
    // The new target puts other creators at these rows.
    const handleAt = (pages: Map<number, Listing>, i: number) => pages.get(Math.floor(i / PAGE_SIZE) + 1)?.items[i % PAGE_SIZE]?.handle;
    expect(before.map((r) => handleAt(reRanked, r.rowIndex - 2))).not.toEqual(before.map((r) => r.handle));

    // The new ranking's pages 15 and 16 answer only once the test has seen what shows while
    // they load; its first page answers at once.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/creators', async ({ request }) => {
        const params = new URL(request.url).searchParams;
        if (params.get('targetCountries')?.includes('KR') && params.get('page') !== '1') await released;
      }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'South Korea' }));
    // The new first page has arrived (the count is settled again), and the rows in view still
    // show the previous ranking, in place, not "Loading".
    await resultsSay(count(expected().total));
    expect(shownRows().map((r) => [r.rowIndex, r.handle])).toEqual(before.map((r) => [r.rowIndex, r.handle]));
    expect(within(creatorsTable()).queryByText(/^Loading creator/)).not.toBeInTheDocument();
    release();
    const after = await showsRowsAround(1500, reRanked);
    expect(after.map((r) => r.rowIndex)).toEqual(before.map((r) => r.rowIndex));
    expect(resultsRegion().scrollTop).toBe(scrollTop);
    expect(sortBy()).toHaveDisplayValue('Best fit for this plan');
    expect(listPages).toContain('16×100');
  });

  test('a sortable column header sorts by it, and the Sort by list follows', async () => {
    const { user } = renderApp();
    await showsTopOf(expected());

    await user.click(within(creatorsTable()).getByRole('button', { name: 'Fee / post' }));
    expect(sortHeader('Fee / post')).toHaveAttribute('aria-sort', 'ascending');
    expect(sortHeader('Fans')).not.toHaveAttribute('aria-sort');
    expect(sortBy()).toHaveDisplayValue('Lowest fee');
    await showsTopOf(expected({ sort: 'fee' }));
    expect(address()).toEqual({ sort: 'fee' });

    await user.click(within(creatorsTable()).getByRole('button', { name: 'Engagement' }));
    expect(sortHeader('Engagement')).toHaveAttribute('aria-sort', 'descending');
    expect(sortHeader('Fee / post')).not.toHaveAttribute('aria-sort');
    expect(sortBy()).toHaveDisplayValue('Highest engagement');
    await showsTopOf(expected({ sort: 'engagement' }));

    await user.click(within(creatorsTable()).getByRole('button', { name: 'Creator' }));
    expect(sortHeader('Creator')).toHaveAttribute('aria-sort', 'ascending');
    expect(sortBy()).toHaveDisplayValue('Handle (A-Z)');
    await showsTopOf(expected({ sort: 'name' }));

    // And back from the list: the header follows.
    await user.selectOptions(sortBy(), 'Most fans');
    expect(sortHeader('Fans')).toHaveAttribute('aria-sort', 'descending');
    expect(sortHeader('Creator')).not.toHaveAttribute('aria-sort');
    await showsTopOf(expected());
  });
});

describe('a search in the address', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the search and filters are written to the address as they settle', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await user.type(searchBox(), 'dance');
    await user.selectOptions(sortBy(), 'Lowest fee');
    await resultsSay(count(expected({ q: 'dance', sort: 'fee' }).total) + ' match “dance”');
    expect(address()).toEqual({ q: 'dance', sort: 'fee' });
  });

  test('a shared link opens on its search and filters, at the top; an old link’s page is dropped', async () => {
    window.history.replaceState(null, '', '/?q=e&tier=micro&sort=fee&page=2');
    renderApp();
    const want = expected({ q: 'e', tier: 'micro', sort: 'fee' });
    expect(want.total).toBeGreaterThan(SCREENFUL);
    await showsTopOf(want);
    expect(searchBox()).toHaveValue('e');
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveDisplayValue('Micro (10K-100K)');
    expect(sortBy()).toHaveDisplayValue('Lowest fee');
    expect(resultsRegion().scrollTop).toBe(0);
    await waitFor(() => expect(address()).toEqual({ q: 'e', tier: 'micro', sort: 'fee' }));
  });

  test('a link with values the catalog doesn’t know opens on the defaults', async () => {
    window.history.replaceState(null, '', '/?tier=giga&niche=knitting&sort=random&page=9999');
    renderApp();
    await showsTopOf(expected());
    expect(screen.getByRole('combobox', { name: 'Tier' })).toHaveDisplayValue('All tiers');
    expect(screen.getByRole('combobox', { name: 'Niche' })).toHaveDisplayValue('All niches');
    expect(sortBy()).toHaveDisplayValue('Most fans');
    await waitFor(() => expect(window.location.search).toBe(''));
  });
});

describe('vetting filters', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('audience, real followers and a fee range narrow the list on the server, and go in the address', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await user.click(screen.getByText(/^Vetting filters/));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Audience in' }), 'South Korea (25%+ of the audience)');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Real followers' }), 'At least 75% real');
    await user.type(screen.getByRole('textbox', { name: 'Fee up to' }), '2,000');
    const want = await served('audienceCountry=KR&minCredibility=0.75&maxFee=2000');
    expect(want.total).toBeGreaterThan(0);
    expect(want.total).toBeLessThan(expected().total);
    await resultsSay(count(want.total));
    await showsTopOf(want);
    expect(address()).toEqual({ audienceCountry: 'KR', minCredibility: '0.75', maxFee: '2,000' });
  });

  test('a fee that isn’t a number, or a range upside down, is explained next to the field and not sent', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
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
    const from5000 = await served('minFee=5000');
    await resultsSay(count(from5000.total));
    await showsTopOf(from5000);
  });

  test('a shared link opens with its vetting filters shown and applied', async () => {
    window.history.replaceState(null, '', '/?audienceAge=18-24&minDisclosure=1&minEngagement=0.05');
    renderApp();
    const want = await served('audienceAge=18-24&minDisclosure=1&minEngagement=0.05');
    await resultsSay(count(want.total));
    await showsTopOf(want);
    expect(screen.getByRole('combobox', { name: 'Audience age' })).toHaveDisplayValue('18-24 (25%+ of the audience)');
    expect(screen.getByRole('combobox', { name: '#ad disclosure' })).toBeVisible();
  });
});

describe('fit for the plan', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('“Best fit for this plan” ranks creators by their fit for the plan’s audience and goal, with the score in each row', async () => {
    const { user } = renderApp();
    await resultsSay(count(expected().total));
    await user.selectOptions(sortBy(), 'Best fit for this plan');
    const fit = await served(`sort=fit&${NEW_PLAN_TARGET}`);
    await showsTopOf(fit);
    expect(sortHeader('Fit')).toHaveAttribute('aria-sort', 'descending');
    const fitColumn = within(creatorsTable())
      .getAllByRole('columnheader')
      .findIndex((h) => h.textContent?.includes('Fit'));
    expect(fitColumn).toBeGreaterThan(0);
    const rows = shownRows();
    expect(rows.length).toBeGreaterThanOrEqual(SCREENFUL);
    rows.forEach(({ row }, i) => {
      const cell = within(row).getAllByRole('cell')[fitColumn];
      expect(cell?.textContent?.replace(/^Fit\s*/, '')).toBe(String(Math.round(fit.items[i]?.fitScore ?? -1)));
    });
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
    expect(within((await screen.findByRole('table', { name: 'Results by line item' }))).getByRole('rowheader', { name: '@zachking' })).toBeInTheDocument();

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

  test('a creator added far down the list is added, and its row stays ticked after scrolling away and back', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await showsTopOf(expected());
    scrollToRow(1500);
    const pages = new Map([
      [15, expected({ page: 15 })],
      [16, expected({ page: 16 })],
    ]);
    await showsRowsAround(1500, pages);
    const handle = pages.get(16)?.items[0]?.handle ?? '';
    await user.click(screen.getByRole('checkbox', { name: `Add @${handle} to plan` }));
    expect(await screen.findByRole('button', { name: `Remove @${handle}` })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'In this plan (1)' })).toBeInTheDocument();

    scrollToRow(0);
    await showsTopOf(expected());
    expect(screen.queryByRole('checkbox', { name: `Add @${handle} to plan` })).not.toBeInTheDocument();
    scrollToRow(1500);
    expect(await screen.findByRole('checkbox', { name: `Add @${handle} to plan` })).toBeChecked();
  });

  test.each([
    ['posts', '0', '@zachking posts must be at least 1.'],
    ['posts', '2.5', '@zachking posts must be a whole number.'],
    ['posts', '101', '@zachking posts is too large: the most Reachplan accepts is 100.'],
    ['posts', 'two', '@zachking posts must be a number, like 3.'],
    ['fee', 'abc', '@zachking fee must be a number, like 60000 or $60,000.'],
    ['fee', '-100', "@zachking fee can't be negative."],
  ])('%s "%s" is explained next to the field and blocks export', async (field, typed, message) => {
    // A plan that holds @zachking already: adding a creator is tested above.
    seedPlan(buildPlan({ totalBudget: '1000000', creators: [creatorLine('zachking')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const input = await screen.findByRole('textbox', { name: `@zachking ${field}` });
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
    seedPlan(buildPlan({ creators: [creatorLine('zachking')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const posts = await screen.findByRole('textbox', { name: '@zachking posts' });
    await user.clear(posts);
    expect(posts).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(posts).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toHaveAccessibleDescription(expect.stringContaining('Enter @zachking posts.'));
  });

  test('a negotiated fee changes the spend; posts multiply it', async () => {
    seedPlan(buildPlan({ formats: [formatLine('in-feed', '60000')], creators: [creatorLine('zachking')] }));
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, await screen.findByRole('textbox', { name: '@zachking fee' }), '$10,000');
    await retype(user, screen.getByRole('textbox', { name: '@zachking posts' }), '3');
    expect(metric('Spend')).toBe('$90,000');
  });
});

/** The shortlist (below the table), by its heading "Shortlist (N)". */
function shortlistBox(): HTMLElement {
  const heading = screen.getByRole('heading', { name: /^Shortlist \(\d+\)$/ });
  const box = heading.parentElement;
  if (!box) throw new Error('No shortlist around its heading');
  return box;
}

/** Handles on the shortlist as saved with the plan in localStorage. */
function savedShortlist(): string[] {
  return savedPlan().shortlist.map((c) => c.handle);
}

describe('the shortlist', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a full shortlist says so on the rows instead of ignoring the click', async () => {
    renderApp();
    await waitForPlanner();
    const star = await screen.findByRole('button', { name: 'Shortlist @zachking' });
    const actions = planActions();
    // Fill it with creators other than @zachking.
    act(() => {
      for (const c of TEST_CATALOG.creators.filter((x) => x.handle !== 'zachking').slice(0, MAX_SHORTLIST)) actions.shortlistCreator(c);
    });
    expect(screen.getByRole('heading', { name: `Shortlist (${MAX_SHORTLIST})` })).toBeInTheDocument();
    expect(star).toBeDisabled();
    expect(star).toHaveAttribute('title', `The shortlist holds ${MAX_SHORTLIST} creators: remove one to add another.`);
    // A shortlisted row can still leave it.
    const first = TEST_CATALOG.creators.find((x) => x.handle !== 'zachking');
    act(() => actions.unshortlistCreator(first?.handle ?? ''));
    expect(star).toBeEnabled();
  });

  test('a creator shortlisted from its row is listed and saved, goes into the plan from the shortlist, and is removed', async () => {
    const zach = TEST_CATALOG.creators.find((c) => c.handle === 'zachking');
    if (!zach) throw new Error('no @zachking in the test catalog');
    const { user } = renderApp();
    await waitForPlanner();
    const star = await screen.findByRole('button', { name: 'Shortlist @zachking' });
    expect(star).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('heading', { name: 'Shortlist (0)' })).toBeInTheDocument();
    expect(within(shortlistBox()).getByText(/Nothing shortlisted yet/)).toBeInTheDocument();

    await user.click(star);
    expect(star).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: 'Shortlist (1)' })).toBeInTheDocument();
    const items = within(shortlistBox()).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('@zachking');
    expect(items[0]).toHaveTextContent(zach.displayName);
    expect(items[0]).toHaveTextContent(`${short(zach.fans)} fans`);
    await waitFor(() => expect(savedShortlist()).toEqual(['zachking']));
    // Shortlisted is not planned.
    expect(screen.getByRole('checkbox', { name: 'Add @zachking to plan' })).not.toBeChecked();
    expect(screen.getByRole('heading', { name: 'In this plan (0)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: loose('Add @zachking to plan from the shortlist') }));
    expect(screen.getByRole('checkbox', { name: 'Add @zachking to plan' })).toBeChecked();
    // The button gave way to "In plan"; focus moved on to the item's Compare.
    expect(screen.getByRole('button', { name: loose('Compare @zachking from the shortlist') })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'In this plan (1)' })).toBeInTheDocument();
    expect(within(items[0] as HTMLElement).getByText('In plan')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: loose('Add @zachking to plan from the shortlist') })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: loose('Remove @zachking from the shortlist') }));
    expect(screen.getByRole('heading', { name: 'Shortlist (0)' })).toBeInTheDocument();
    expect(within(shortlistBox()).queryByRole('listitem')).not.toBeInTheDocument();
    expect(star).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(savedShortlist()).toEqual([]));
    // Still in the plan.
    expect(screen.getByRole('checkbox', { name: 'Add @zachking to plan' })).toBeChecked();
  });

  test('the shortlist stays while searching elsewhere, and compares from there', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    await user.click(await screen.findByRole('button', { name: 'Shortlist @zachking' }));
    await retype(user, searchBox(), 'lorengray');
    await resultsSay('1 creator matches “lorengray”');
    await user.click(screen.getByRole('button', { name: 'Shortlist @lorengray' }));
    expect(screen.getByRole('heading', { name: 'Shortlist (2)' })).toBeInTheDocument();
    expect(within(shortlistBox()).getAllByRole('listitem').map((li) => li.querySelector('.creator-cell__handle')?.textContent)).toEqual([
      '@zachking',
      '@lorengray',
    ]);

    const compare = screen.getByRole('button', { name: loose('Compare @zachking from the shortlist') });
    expect(compare).toHaveAttribute('aria-pressed', 'false');
    await user.click(compare);
    expect(compare).toHaveAttribute('aria-pressed', 'true');
    const panel = await screen.findByRole('region', { name: 'Compare creators (1 of 4)' });
    expect(within(panel).getByRole('columnheader', { name: /@zachking/ })).toBeInTheDocument();
    await waitFor(() => expect(address()).toEqual({ q: 'lorengray', compare: 'zachking' }));
  });
});

async function profileOf(handle: string): Promise<CreatorProfile> {
  const r = await TEST_SERVICE.profile(handle);
  if (r.status !== 200) throw new Error(`no profile for ${handle}`);
  return (r.body as { creator: CreatorProfile }).creator;
}

function comparePanel(picked: number): Promise<HTMLElement> {
  return screen.findByRole('region', { name: `Compare creators (${picked} of 4)` });
}

/** The cells of the comparison's row `label`, one per creator, as text. */
function compareRow(panel: HTMLElement, label: string): string[] {
  const table = within(panel).getByRole('table', { name: 'Creators side by side' });
  const row = within(table).getByRole('rowheader', { name: label }).closest('tr');
  if (!row) throw new Error(`No row "${label}" in the comparison`);
  return within(row)
    .getAllByRole('cell')
    .map((td) => td.textContent ?? '');
}

/** The comparison's creators, by their column headers. */
function comparedHandles(panel: HTMLElement): string[] {
  return within(within(panel).getByRole('table', { name: 'Creators side by side' }))
    .getAllByRole('columnheader')
    .slice(1)
    .map((th) => th.querySelector('.creator-cell__handle')?.textContent ?? '');
}

describe('comparing creators', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  const top = () => expected().items.map((c) => c.handle);

  test('two creators picked from their rows are compared side by side, with their profile facts', async () => {
    const [a = '', b = ''] = top();
    const { user } = renderApp();
    await showsTopOf(expected());
    expect(screen.queryByRole('region', { name: /^Compare creators/ })).not.toBeInTheDocument();

    const compareA = screen.getByRole('button', { name: `Compare @${a}` });
    expect(compareA).toHaveAttribute('aria-pressed', 'false');
    await user.click(compareA);
    expect(compareA).toHaveAttribute('aria-pressed', 'true');
    const one = await comparePanel(1);
    expect(within(one).getByText(/Pick “Compare” on another creator/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: `Compare @${b}` }));
    const panel = await comparePanel(2);
    expect(within(panel).getByRole('region', { name: 'Creator comparison' })).toBeInTheDocument();
    expect(comparedHandles(panel)).toEqual([`@${a}`, `@${b}`]);
    const [pa, pb] = [await profileOf(a), await profileOf(b)];
    await waitFor(() => expect(compareRow(panel, 'Fans')).toEqual([short(pa.fans), short(pb.fans)]));
    expect(compareRow(panel, 'Real followers')).toEqual([pctRound(pa.credibility), pctRound(pb.credibility)]);
    expect(within(panel).getByText(pa.displayName)).toBeInTheDocument();
    expect(within(panel).getByText(pb.displayName)).toBeInTheDocument();
    for (const label of ['#ad disclosure', 'Fit for this plan', 'Red flags']) {
      expect(within(panel).getByRole('rowheader', { name: label })).toBeInTheDocument();
    }
    await waitFor(() => expect(compareRow(panel, 'Fit for this plan')).toEqual([expect.stringMatching(/^\d+ of 100$/), expect.stringMatching(/^\d+ of 100$/)]));
    await waitFor(() => expect(address()).toEqual({ compare: `${a},${b}` }));

    await user.click(within(panel).getByRole('button', { name: 'Close comparison' }));
    expect(screen.queryByRole('region', { name: /^Compare creators/ })).not.toBeInTheDocument();
    expect(compareA).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(address()).toEqual({}));
  });

  test('four is the most: a fifth Compare is disabled until one is removed', async () => {
    const [a = '', b = '', c = '', d = '', e = ''] = top();
    const { user } = renderApp();
    await showsTopOf(expected());
    for (const h of [a, b, c, d]) await user.click(screen.getByRole('button', { name: `Compare @${h}` }));
    const panel = await comparePanel(4);
    expect(comparedHandles(panel)).toEqual([a, b, c, d].map((h) => `@${h}`));
    expect(screen.getByRole('button', { name: `Compare @${e}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: `Compare @${d}` })).toBeEnabled();
    await waitFor(() => expect(address()).toEqual({ compare: [a, b, c, d].join(',') }));

    await user.click(within(panel).getByRole('button', { name: loose(`Remove @${b} from the comparison`) }));
    const three = await comparePanel(3);
    expect(comparedHandles(three)).toEqual([a, c, d].map((h) => `@${h}`));
    expect(screen.getByRole('button', { name: `Compare @${b}` })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: `Compare @${e}` })).toBeEnabled();
    await waitFor(() => expect(address()).toEqual({ compare: [a, c, d].join(',') }));

    await user.click(screen.getByRole('button', { name: `Compare @${e}` }));
    expect(comparedHandles(await comparePanel(4))).toEqual([a, c, d, e].map((h) => `@${h}`));
  });

  test('a link with compare= opens the comparison of those creators', async () => {
    const [a = '', b = ''] = top();
    window.history.replaceState(null, '', `/?compare=${a},${b}`);
    renderApp();
    const panel = await comparePanel(2);
    expect(comparedHandles(panel)).toEqual([`@${a}`, `@${b}`]);
    const [pa, pb] = [await profileOf(a), await profileOf(b)];
    await waitFor(() => expect(compareRow(panel, 'Fans')).toEqual([short(pa.fans), short(pb.fans)]));
    await showsTopOf(expected());
    expect(screen.getByRole('button', { name: `Compare @${a}` })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: `Compare @${b}` })).toHaveAttribute('aria-pressed', 'true');
    expect(address()).toEqual({ compare: `${a},${b}` });
  });

  test('a link’s compare= keeps only what can be a handle; removing the last creator closes the panel and keeps focus in the section', async () => {
    const [a = ''] = top();
    window.history.replaceState(null, '', `/?compare=..,${a},.,${'x'.repeat(300)}`);
    const { user } = renderApp();
    const panel = await comparePanel(1);
    expect(comparedHandles(panel)).toEqual([`@${a}`]);
    await waitFor(() => expect(address()).toEqual({ compare: a }));

    await user.click(within(panel).getByRole('button', { name: loose(`Remove @${a} from the comparison`) }));
    expect(screen.queryByRole('region', { name: /^Compare creators/ })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Creators' })).toHaveFocus();
  });

  test('a creator no longer in the catalog says so in its column; the others still show', async () => {
    const [a = '', b = ''] = top();
    server.use(http.get(`*/api/creators/${a}`, () => HttpResponse.json({ message: `No creator with id "${a}".` }, { status: 404 })));
    window.history.replaceState(null, '', `/?compare=${a},${b}`);
    const { user } = renderApp();
    const panel = await comparePanel(2);
    expect(await within(panel).findByRole('alert')).toHaveTextContent(`@${a} is no longer in the catalog. Remove it from the comparison.`);
    const pb = await profileOf(b);
    await waitFor(() => expect(compareRow(panel, 'Fans')).toEqual(['–', short(pb.fans)]));

    await user.click(within(panel).getByRole('button', { name: loose(`Remove @${a} from the comparison`) }));
    const one = await comparePanel(1);
    expect(within(one).queryByRole('alert')).not.toBeInTheDocument();
    expect(comparedHandles(one)).toEqual([`@${b}`]);
  });

  test('a profile that fails to load offers a Retry in its column', async () => {
    const [a = '', b = ''] = top();
    server.use(http.get(`*/api/creators/${a}`, () => HttpResponse.json({ message: 'profiles down' }, { status: 500 }), { once: true }));
    window.history.replaceState(null, '', `/?compare=${a},${b}`);
    const { user } = renderApp();
    const panel = await comparePanel(2);
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent(`@${a}’s profile couldn’t load.`);
    await user.click(within(alert).getByRole('button', { name: loose(`Retry @${a}`) }));
    const [pa, pb] = [await profileOf(a), await profileOf(b)];
    await waitFor(() => expect(compareRow(panel, 'Fans')).toEqual([short(pa.fans), short(pb.fans)]));
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
  });
});
