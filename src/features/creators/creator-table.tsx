import { useQuery } from '@tanstack/react-query';
import { observeElementRect, useVirtualizer, type Rect } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { creatorQueries, useCreatorPages, type CreatorSearch } from '../../api/creators';
import type { CatalogCreator, CreatorSort } from '../../api/schemas';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useLastDefined } from '../../hooks/use-last-defined';
import { money, pct, short, whole } from '../../lib/format';
import { MAX_SHORTLIST } from '../../domain/plan';
import { usePlanActions } from '../../store/plan-store';
import { ASCENDING, SORT_LABEL, viewButtonId } from './creator-labels';

/** Rows fetched per request: the API's largest page, so a screenful is one request. */
const ROWS_PER_REQUEST = 100;
/**
 * Row heights, fixed per layout (every font size on the page is in px, so page zoom scales
 * them with the text; long names are cut with an ellipsis). Measuring each row as it appears
 * cost a ResizeObserver pass per frame while scrolling: up to 37 ms at full CPU speed.
 */
const ROW_HEIGHT = 52;
const CARD_HEIGHT = 116;
/** The column headers' row (hidden in the card layout). */
const HEADER_HEIGHT = 40;
/** Below this width (px) each creator is a card; below the second, niche and views give way. */
const CARD_BELOW = 550;
const COMPACT_BELOW = 860;
/**
 * The size assumed when the table has no layout (not yet laid out, or a runtime without
 * layout): a screenful of rows is rendered rather than none.
 */
const NO_LAYOUT_RECT: Rect = { width: 1024, height: 640 };

type TableSearch = Omit<CreatorSearch, 'page' | 'pageSize'>;
type TableRequest = TableSearch & { pageSize: number };

/** The search without its fit target: what, when it changes, starts the table again at the top. */
const searchKeyOf = (r: TableRequest) => JSON.stringify({ ...r, target: null });

/** Past the table for keyboard users: to the profile or comparison beside it, else the shortlist. */
function skipTable(): void {
  const next = ['.profile h3', '#compare-heading', '#shortlist-heading'].map((s) => document.querySelector<HTMLElement>(s)).find(Boolean);
  next?.focus();
}

interface CreatorTableProps {
  search: TableSearch;
  onSort: (sort: CreatorSort) => void;
  /** Clears the search text and every filter. */
  onClear: () => void;
  inPlan: ReadonlySet<string>;
  shortlisted: ReadonlySet<string>;
  shortlistFull: boolean;
  /** Why no creator can be added to the plan (it is full), or null. */
  planFull: string | null;
  compared: ReadonlySet<string>;
  compareFull: boolean;
  profileId: string | null;
  onToggleProfile: (id: string, handle: string) => void;
  onToggleCompare: (handle: string) => void;
}

/**
 * Every creator matching the search, in one scrolled table. Only the rows in view are in the
 * page, and only their pages are fetched: a jump to row 50,000 loads that page alone. A refetch
 * (a new fit target, a retry) keeps the scroll position and the rows until new ones arrive; a
 * new search or filter starts again at the top.
 */
export function CreatorTable(props: CreatorTableProps) {
  const { search, onSort } = props;
  const request = useMemo(() => ({ ...search, pageSize: ROWS_PER_REQUEST }), [search]);
  const first = useQuery(creatorQueries.list({ ...request, page: 1 }));
  // A failed search keeps the last results on screen, beside its Retry.
  const firstData = useLastDefined(first.data);
  const total = firstData?.total ?? 0;
  // The rows are those of the last search whose first page arrived: a search still loading, or
  // one that failed, leaves the previous rows in place instead of blanking them.
  const shown = useLastDefined(first.data !== undefined && !first.isPlaceholderData ? request : undefined) ?? request;
  // When only the fit target changed (a plan edit), the pages in view are asked for at once,
  // not after the new first page; until each arrives it keeps the rows it had.
  const pagesRequest = searchKeyOf(request) === searchKeyOf(shown) ? request : shown;
  const [requests, setRequests] = useState<{ current: TableRequest; previous: TableRequest | null }>({ current: pagesRequest, previous: null });
  if (requests.current !== pagesRequest) setRequests({ current: pagesRequest, previous: requests.current });
  const fallback = requests.previous && searchKeyOf(requests.previous) === searchKeyOf(pagesRequest) ? requests.previous : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const layout = width === 0 ? 'full' : width < CARD_BELOW ? 'cards' : width < COMPACT_BELOW ? 'compact' : 'full';
  const estimate = layout === 'cards' ? CARD_HEIGHT : ROW_HEIGHT;
  // Not memoised by the React Compiler (the app doesn't use it); the rows below read it fresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 6,
    // Rows render on React's schedule, not synchronously inside each scroll event: at 4x CPU
    // the wheel went from 34 to 39 fps and jumps from 11 frames over 50 ms to none.
    useFlushSync: false,
    observeElementRect: (instance, notify) =>
      observeElementRect(instance, (rect) => {
        setWidth(rect.width);
        notify(rect.height > 0 ? rect : NO_LAYOUT_RECT);
      }),
  });
  // The row height changes with the layout (a rotated phone, a resized window): measure again,
  // and keep the same creator at the top rather than the same pixel offset.
  const lastEstimate = useRef(estimate);
  useEffect(() => {
    const before = lastEstimate.current;
    lastEstimate.current = estimate;
    const topIndex = Math.floor((virtualizer.scrollOffset ?? 0) / before);
    virtualizer.measure();
    if (before !== estimate && topIndex > 0) virtualizer.scrollToIndex(topIndex, { align: 'start' });
  }, [virtualizer, estimate]);

  // A new search or filter starts at the top; a new fit target (a plan edit) keeps the place.
  const searchKey = searchKeyOf(shown);
  useEffect(() => virtualizer.scrollToOffset(0), [virtualizer, searchKey]);

  const rows = virtualizer.getVirtualItems();
  const firstIndex = rows[0]?.index ?? 0;
  const lastIndex = rows.at(-1)?.index ?? 0;
  const pageNumbers = useMemo(() => {
    const from = Math.floor(firstIndex / ROWS_PER_REQUEST) + 1;
    const to = Math.floor(lastIndex / ROWS_PER_REQUEST) + 1;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }, [firstIndex, lastIndex]);
  const pages = useCreatorPages(pagesRequest, pageNumbers, fallback);
  const loaded = new Map<number, readonly CatalogCreator[]>();
  // Rows of another page never take a page's place.
  pages.forEach((p, i) => {
    if (p.data && p.data.page === pageNumbers[i]) loaded.set(p.data.page, p.data.items);
  });
  const failed = pages.filter((p) => p.isError);
  const failedPages = new Set(pageNumbers.filter((page, i) => pages[i]?.isError && !loaded.has(page)));
  const pageOf = (index: number) => Math.floor(index / ROWS_PER_REQUEST) + 1;
  const rowAt = (index: number) => loaded.get(pageOf(index))?.[index % ROWS_PER_REQUEST];

  const q = search.q;
  if (first.isPending) return <LoadingState label="Loading creators…" />;
  if (first.isError && !firstData) {
    return <ErrorState title="Creators couldn’t load." error={first.error} onRetry={() => void first.refetch()} />;
  }
  const settled = !first.isFetching && !first.isError && !first.isPlaceholderData;
  return (
    <div className="results" aria-busy={first.isFetching}>
      {first.isError && <ErrorState title="This search couldn’t be updated." error={first.error} onRetry={() => void first.refetch()} />}
      {failed[0] && !first.isError && (
        <ErrorState
          title="Some rows couldn’t load."
          error={failed[0].error}
          onRetry={() => failed.forEach((p) => void p.refetch())}
        />
      )}
      <p className="results__count" role="status">
        {first.isFetching
          ? 'Searching…'
          : !settled
            ? 'Showing the previous results.'
            : `${whole(total)} ${total === 1 ? 'creator' : 'creators'}${q ? ` ${total === 1 ? 'matches' : 'match'} “${q}”` : ''}`}
      </p>
      {total === 0 ? (
        <EmptyState>
          <p>
            No creators match{q ? ` “${q}”` : ' these filters'}. Try a shorter search, another niche, all tiers or fewer vetting filters.
          </p>
          <button type="button" className="button button--ghost" onClick={props.onClear}>
            Clear search and filters
          </button>
        </EmptyState>
      ) : (
        <>
        {/* Each row has four controls and the table scrolls on as focus moves: a way past it. */}
        <button type="button" className="skip-table" onClick={skipTable}>
          Skip the creator table
        </button>
        <div
          className="table-scroll creator-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="region"
          aria-label="Creator search results"
          // Sized from the rows (up to the CSS max-height), so its layout can be contained.
          style={{ height: virtualizer.getTotalSize() + (layout === 'cards' ? 0 : HEADER_HEIGHT) + 2 }}
        >
          <div role="table" aria-label="Creators" aria-rowcount={total + 1} className={`creator-grid creator-grid--${layout}`}>
            <div role="rowgroup" className="creator-grid__head">
              <div role="row" aria-rowindex={1} className="creator-grid__row">
                <div role="columnheader">
                  <span className="visually-hidden">In plan</span>
                </div>
                <div role="columnheader">
                  <span className="visually-hidden">Shortlisted</span>
                </div>
                <SortHeader sort="name" current={search.sort} onSort={onSort}>
                  Creator
                </SortHeader>
                <div role="columnheader" className="creator-grid__niche">
                  Niche
                </div>
                <SortHeader sort="fans" current={search.sort} onSort={onSort} className="num">
                  Fans
                </SortHeader>
                <div role="columnheader" className="num creator-grid__views">
                  Avg views
                </div>
                <SortHeader sort="engagement" current={search.sort} onSort={onSort} className="num">
                  Engagement
                </SortHeader>
                <SortHeader sort="fee" current={search.sort} onSort={onSort} className="num">
                  Fee / post
                </SortHeader>
                <SortHeader sort="fit" current={search.sort} onSort={onSort} className="num">
                  <abbr title="Fit for this plan’s audience and goal, 0-100">Fit</abbr>
                </SortHeader>
                <div role="columnheader">
                  <span className="visually-hidden">Compare</span>
                </div>
              </div>
            </div>
            <div role="rowgroup" className="creator-grid__body" style={{ height: virtualizer.getTotalSize() }}>
              {rows.map((row) => {
                const c = rowAt(row.index);
                return (
                  <div
                    key={row.key}
                    role="row"
                    aria-rowindex={row.index + 2}
                    className={`creator-grid__row${c && props.inPlan.has(c.handle) ? ' is-selected' : ''}`}
                    style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                  >
                    {c ? (
                      <CreatorCells
                        creator={c}
                        inPlan={props.inPlan.has(c.handle)}
                        shortlisted={props.shortlisted.has(c.handle)}
                        shortlistFull={props.shortlistFull}
                        planFull={props.planFull}
                        compared={props.compared.has(c.handle)}
                        compareFull={props.compareFull}
                        profileOpen={props.profileId === c.id}
                        onToggleProfile={props.onToggleProfile}
                        onToggleCompare={props.onToggleCompare}
                      />
                    ) : (
                      <div role="cell" className="creator-grid__pending">
                        {failedPages.has(pageOf(row.index))
                          ? `Creator ${whole(row.index + 1)} couldn’t load: use Retry above the table.`
                          : `Loading creator ${whole(row.index + 1)} of ${whole(total)}…`}
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
        </>
      )}
    </div>
  );
}

function SortHeader({
  sort,
  current,
  onSort,
  className,
  children,
}: {
  sort: CreatorSort;
  current: CreatorSort;
  onSort: (sort: CreatorSort) => void;
  className?: string;
  children: ReactNode;
}) {
  const active = sort === current;
  const direction = ASCENDING.has(sort) ? 'ascending' : 'descending';
  return (
    <div role="columnheader" className={className} aria-sort={active ? direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)} title={`Sort: ${SORT_LABEL[sort]}`}>
        {children}
        {active && <span aria-hidden="true">{direction === 'ascending' ? ' ↑' : ' ↓'}</span>}
      </button>
    </div>
  );
}

interface CreatorCellsProps {
  creator: CatalogCreator;
  inPlan: boolean;
  shortlisted: boolean;
  shortlistFull: boolean;
  planFull: string | null;
  compared: boolean;
  compareFull: boolean;
  profileOpen: boolean;
  onToggleProfile: (id: string, handle: string) => void;
  onToggleCompare: (handle: string) => void;
}

/** One creator's cells; re-render only when that creator or its state changes. */
const CreatorCells = memo(function CreatorCells({ creator: c, ...props }: CreatorCellsProps) {
  const actions = usePlanActions();
  return (
    <>
      <div role="cell" className="creator-grid__add">
        <input
          type="checkbox"
          checked={props.inPlan}
          aria-label={`Add @${c.handle} to plan`}
          title={props.planFull && !props.inPlan ? props.planFull : 'In the plan'}
          disabled={props.planFull !== null && !props.inPlan}
          onChange={(e) => (e.target.checked ? actions.addCreator(c) : actions.removeCreator(c.handle))}
        />
      </div>
      <div role="cell" className="creator-grid__star">
        <button
          type="button"
          className="star-toggle"
          aria-label={`Shortlist @${c.handle}`}
          aria-pressed={props.shortlisted}
          disabled={props.shortlistFull && !props.shortlisted}
          title={
            props.shortlisted
              ? 'On the shortlist'
              : props.shortlistFull
                ? `The shortlist holds ${MAX_SHORTLIST} creators: remove one to add another.`
                : 'Shortlist'
          }
          onClick={() => (props.shortlisted ? actions.unshortlistCreator(c.handle) : actions.shortlistCreator(c))}
        >
          <span aria-hidden="true">{props.shortlisted ? '★' : '☆'}</span>
        </button>
      </div>
      <div role="cell" className="creator-grid__who">
        {/* The creator opens their profile: the first thing to do before picking them. */}
        <button
          type="button"
          id={viewButtonId(c.id)}
          className="creator-cell"
          aria-label={`View @${c.handle}`}
          aria-expanded={props.profileOpen}
          title={`View @${c.handle}’s profile`}
          onClick={() => props.onToggleProfile(c.id, c.handle)}
        >
          <span className="creator-cell__handle">@{c.handle}</span>
        </button>
        <span className="creator-cell__name">
          {c.displayName} · {c.country}
        </span>
      </div>
      <div role="cell" className="capitalize creator-grid__niche">
        {c.niche}
      </div>
      <div role="cell" className="num">
        {short(c.fans)}
        <span className="creator-grid__unit" aria-hidden="true">
          {' '}
          fans
        </span>
      </div>
      <div role="cell" className="num creator-grid__views">
        {c.avgViews === null ? <span title="Not measured: fans × view-rate benchmark is used">n/a</span> : short(c.avgViews)}
      </div>
      <div role="cell" className="num">
        {c.engagementRate === null ? <span title="Not measured: the tier benchmark is used">n/a</span> : pct(c.engagementRate)}
        <span className="creator-grid__unit" aria-hidden="true">
          {' '}
          eng.
        </span>
      </div>
      <div role="cell" className="num">
        {money(c.feePerPost)}
        <span className="creator-grid__unit" aria-hidden="true">
          /post
        </span>
      </div>
      <div role="cell" className="num creator-grid__fit">
        <span className="creator-grid__unit" aria-hidden="true">
          Fit{' '}
        </span>
        {Math.round(c.fitScore)}
      </div>
      <div role="cell" className="creator-grid__compare">
        <button
          type="button"
          className="button button--ghost button--small button--toggle"
          aria-label={`Compare @${c.handle}`}
          aria-pressed={props.compared}
          disabled={props.compareFull && !props.compared}
          title={props.compareFull && !props.compared ? 'Four creators are in the comparison: remove one to add another.' : undefined}
          onClick={() => props.onToggleCompare(c.handle)}
        >
          Compare
        </button>
      </div>
    </>
  );
});
