import { lazy, memo, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { LISTED_VETTING_PARAMS, TYPED_VETTING_PARAMS, useCreators, VETTING_PARAMS, type CreatorSearch, type VettingParams } from '../../api/creators';
import { CREATOR_SORTS, type CatalogCreator, type CreatorSort } from '../../api/schemas';
import { NumberField, SelectField, TextField } from '../../components/ui/field';
import { Section } from '../../components/ui/section';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import type { PlanCreatorLine } from '../../domain/plan';
import { TIER_BOUNDS } from '../../domain/tiers';
import { AGE_BANDS, COUNTRIES, COUNTRY_NAMES, NICHES, TIERS, type Niche, type Tier } from '../../domain/types';
import { parseNumber } from '../../domain/parse';
import { fieldId, flightLength, MAX_POSTS } from '../../domain/validation';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useLastDefined } from '../../hooks/use-last-defined';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money, pct, short, whole } from '../../lib/format';
import { usePlan, usePlanActions } from '../../store/plan-store';

// The profile panel (with its schemas and the vetting rules) loads when first opened.
const CreatorProfilePanel = lazy(() => import('./creator-profile').then((m) => ({ default: m.CreatorProfilePanel })));

const PAGE_SIZE = 20;
const SORT_LABEL: Record<CreatorSort, string> = {
  fans: 'Most fans',
  engagement: 'Highest engagement',
  fee: 'Lowest fee',
  name: 'Handle (A-Z)',
  'reach-per-dollar': 'Most views per dollar',
  fit: 'Best fit for this plan',
};
const NICHE_OPTIONS = [{ value: '', label: 'All niches' }, ...NICHES.map((n) => ({ value: n, label: n[0]?.toUpperCase() + n.slice(1) }))];
const TIER_OPTIONS = [{ value: '', label: 'All tiers' }, ...TIERS.map((t) => ({ value: t, label: TIER_BOUNDS[t].label }))];
const SORT_OPTIONS = CREATOR_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }));

type Filters = Pick<CreatorSearch, 'niche' | 'tier' | 'sort' | 'page'> & Vetting;

/**
 * The vetting filters, as the API's parameters. Each is a choice from a list (so always
 * valid) except the fee range, which is typed and checked before it is sent.
 */
type Vetting = VettingParams;

const NO_VETTING = Object.fromEntries(VETTING_PARAMS.map((k) => [k, ''])) as Vetting;
const hasVetting = (filters: Filters) => VETTING_PARAMS.some((k) => filters[k] !== '');

const DEFAULT_FILTERS: Filters = { niche: '', tier: '', sort: 'fans', page: 1, ...NO_VETTING };

const MARKETS = COUNTRIES.map((c) => ({ value: c, label: COUNTRY_NAMES[c] }));
const VETTING_OPTIONS: Record<(typeof LISTED_VETTING_PARAMS)[number], readonly { value: string; label: string }[]> = {
  country: [{ value: '', label: 'Any country' }, ...MARKETS],
  audienceCountry: [{ value: '', label: 'Anywhere' }, ...MARKETS.map((m) => ({ value: m.value, label: `${m.label} (25%+ of the audience)` }))],
  audienceAge: [{ value: '', label: 'Any age' }, ...AGE_BANDS.map((b) => ({ value: b, label: `${b} (25%+ of the audience)` }))],
  minEngagement: [
    { value: '', label: 'Any' },
    ...[0.03, 0.05, 0.08, 0.12].map((r) => ({ value: String(r), label: `At least ${Math.round(r * 100)}% per view` })),
  ],
  minCredibility: [{ value: '', label: 'Any' }, ...[0.6, 0.75, 0.9].map((r) => ({ value: String(r), label: `At least ${Math.round(r * 100)}% real` }))],
  minDisclosure: [
    { value: '', label: 'Any' },
    { value: '0.8', label: 'At least 80% with #ad' },
    { value: '1', label: 'Every sponsored post with #ad' },
  ],
};

const FEE_RULE = (label: string) => ({ label, unit: 'usd' as const, min: 0, max: MAX_FEE_FILTER, optional: true });
/** The highest fee a filter takes: the API's limit. */
const MAX_FEE_FILTER = 10_000_000;

/** A typed fee bound: its value when valid (null when empty), else the message to show. */
function feeBound(text: string, label: string): { value: number | null; error?: string } {
  const parsed = parseNumber(text, FEE_RULE(label));
  return parsed.ok ? { value: parsed.value } : { value: null, error: parsed.reason };
}

/**
 * The search as the page's address holds it (`?q=…&niche=…&tier=…&sort=…&page=…`), so a
 * search can be shared as a link and survives a reload. Unknown values fall back to the
 * defaults rather than break the page.
 */
function searchFromUrl(): { text: string; filters: Filters } {
  const params = new URLSearchParams(globalThis.location.search);
  const niche = params.get('niche') ?? '';
  const tier = params.get('tier') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page') ?? '1');
  const listed = (key: keyof typeof VETTING_OPTIONS) => {
    const value = params.get(key) ?? '';
    return VETTING_OPTIONS[key].some((o) => o.value === value) ? value : '';
  };
  return {
    text: params.get('q') ?? '',
    filters: {
      niche: (NICHES as readonly string[]).includes(niche) ? (niche as Niche) : '',
      tier: (TIERS as readonly string[]).includes(tier) ? (tier as Tier) : '',
      sort: (CREATOR_SORTS as readonly string[]).includes(sort) ? (sort as CreatorSort) : DEFAULT_FILTERS.sort,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      ...(Object.fromEntries(LISTED_VETTING_PARAMS.map((k) => [k, listed(k)])) as Pick<Vetting, (typeof LISTED_VETTING_PARAMS)[number]>),
      // Typed bounds come back as typed; an invalid one shows its message, as if just typed.
      ...(Object.fromEntries(TYPED_VETTING_PARAMS.map((k) => [k, params.get(k) ?? ''])) as Pick<Vetting, (typeof TYPED_VETTING_PARAMS)[number]>),
    },
  };
}

function writeSearchToUrl(q: string, filters: Filters): void {
  const url = new URL(globalThis.location.href);
  const values: Record<string, string> = {
    q,
    niche: filters.niche,
    tier: filters.tier,
    sort: filters.sort === DEFAULT_FILTERS.sort ? '' : filters.sort,
    page: filters.page === 1 ? '' : String(filters.page),
    ...Object.fromEntries(VETTING_PARAMS.map((k) => [k, filters[k].trim()])),
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  if (url.href !== globalThis.location.href) history.replaceState(history.state, '', url);
}

/** Find creators in the catalog, add them to the plan, and set their posts and fees. */
export function CreatorsSection() {
  const [initial] = useState(searchFromUrl);
  const [text, setText] = useState(initial.text);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  // Open from the start when a link sets a vetting filter, so what narrows the list is in view.
  const [vettingOpen, setVettingOpen] = useState(() => hasVetting(initial.filters));
  const q = useDebouncedValue(text.trim(), 250);
  const plan = usePlan();
  const { targeting, goal } = plan;
  const target = useMemo(() => ({ ...targeting, goal }), [targeting, goal]);
  // Fee bounds are typed: checked at once, sent once typing settles, and only when valid.
  const minFee = feeBound(filters.minFee, 'Fee from');
  const maxFee = feeBound(filters.maxFee, 'Fee up to');
  const feeOrder =
    minFee.value !== null && maxFee.value !== null && minFee.value > maxFee.value ? `Fee up to must be at least ${money(minFee.value)}.` : undefined;
  // A bound with a message is left out; the other still applies.
  const fees = useDebouncedValue(`${minFee.error ? '' : (minFee.value ?? '')}|${maxFee.error || feeOrder ? '' : (maxFee.value ?? '')}`, 250);
  const [sentMinFee = '', sentMaxFee = ''] = fees.split('|');
  const search: CreatorSearch = { ...filters, q, pageSize: PAGE_SIZE, target, minFee: sentMinFee, maxFee: sentMaxFee };
  const result = useCreators(search);
  // A failed search keeps the last results on screen, beside its Retry.
  const data = useLastDefined(result.data);
  useEffect(() => writeSearchToUrl(q, filters), [q, filters]);
  const inPlan = new Set(plan.creators.map((c) => c.handle));
  const [profile, setProfile] = useState<{ id: string; handle: string } | null>(null);
  // Stable, so the memoized rows don't re-render when a profile opens.
  const toggleProfile = useCallback(
    (id: string, handle: string) => setProfile((open) => (open?.id === id ? null : { id, handle })),
    [],
  );
  const closeProfile = () => {
    // Focus goes back to the button that opened the panel, or to the section when its row has gone.
    const opener = profile ? document.getElementById(viewButtonId(profile.id)) : null;
    if (opener) opener.focus();
    else document.getElementById('creators-heading')?.focus();
    setProfile(null);
  };
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // A page past the end (an old link, a shrunken result) moves to the last page.
  if (data && result.isSuccess && !result.isPlaceholderData && data.total > 0 && filters.page > pages) {
    setFilters((f) => ({ ...f, page: pages }));
  }

  return (
    <Section
      id="creators"
      title="Creators"
      step={3}
      intro="Vet creators on engagement and audience fit, not fans alone. Sponsored posts must disclose with #ad."
    >
      <div className="filters">
        <TextField
          fieldClassName="filters__search"
          label="Search creators"
          type="search"
          value={text}
          onValueChange={(v) => {
            setText(v);
            setFilters((f) => ({ ...f, page: 1 }));
          }}
          placeholder="Handle, name, niche or keyword"
        />
        <SelectField label="Niche" value={filters.niche} options={NICHE_OPTIONS} onValueChange={(v) => change({ niche: v as Niche | '' })} />
        <SelectField label="Tier" value={filters.tier} options={TIER_OPTIONS} onValueChange={(v) => change({ tier: v as Tier | '' })} />
        <SelectField label="Sort by" value={filters.sort} options={SORT_OPTIONS} onValueChange={(v) => change({ sort: v as CreatorSort })} />
      </div>
      <details className="vetting-filters" open={vettingOpen} onToggle={(e) => setVettingOpen(e.currentTarget.open)}>
        <summary>Vetting filters: audience, engagement, real followers, #ad, fee</summary>
        <div className="filters filters--vetting">
          <SelectField label="Creator’s country" value={filters.country} options={VETTING_OPTIONS.country} onValueChange={(v) => change({ country: v })} />
          <SelectField label="Audience in" value={filters.audienceCountry} options={VETTING_OPTIONS.audienceCountry} onValueChange={(v) => change({ audienceCountry: v })} />
          <SelectField label="Audience age" value={filters.audienceAge} options={VETTING_OPTIONS.audienceAge} onValueChange={(v) => change({ audienceAge: v })} />
          <SelectField label="Engagement" value={filters.minEngagement} options={VETTING_OPTIONS.minEngagement} onValueChange={(v) => change({ minEngagement: v })} />
          <SelectField label="Real followers" value={filters.minCredibility} options={VETTING_OPTIONS.minCredibility} onValueChange={(v) => change({ minCredibility: v })} />
          <SelectField label="#ad disclosure" value={filters.minDisclosure} options={VETTING_OPTIONS.minDisclosure} onValueChange={(v) => change({ minDisclosure: v })} />
          <NumberField label="Fee from" prefix="$" value={filters.minFee} error={minFee.error} onValueChange={(v) => change({ minFee: v })} placeholder="Any" />
          <NumberField label="Fee up to" prefix="$" value={filters.maxFee} error={maxFee.error ?? feeOrder} onValueChange={(v) => change({ maxFee: v })} placeholder="Any" />
        </div>
      </details>

      {result.isPending && <LoadingState label="Loading creators…" />}
      {result.isError && !data && (
        <ErrorState title="Creators couldn’t load." error={result.error} onRetry={() => void result.refetch()} />
      )}
      {data && (
        <div className="results" aria-busy={result.isFetching}>
          {result.isError && (
            <ErrorState title="This search couldn’t be updated." error={result.error} onRetry={() => void result.refetch()} />
          )}
          <p className="results__count" role="status">
            {result.isFetching
              ? 'Searching…'
              : result.isError || result.isPlaceholderData
                ? 'Showing the previous results.'
                : `${whole(data.total)} ${data.total === 1 ? 'creator' : 'creators'}${q ? ` ${data.total === 1 ? 'matches' : 'match'} “${q}”` : ''}`}
          </p>
          {data.items.length === 0 ? (
            <EmptyState>
              No creators match{q ? ` “${q}”` : ''}. Try a shorter search, another niche or all tiers.
            </EmptyState>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Creator search results">
              <table className="table creator-table">
                <caption className="visually-hidden">Creators, page {data.page} of {pages}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">In plan</span>
                    </th>
                    <th scope="col">Creator</th>
                    <th scope="col" className="hide-narrow">Niche</th>
                    <th scope="col" className="num">Fans</th>
                    <th scope="col" className="num hide-narrow">Avg views</th>
                    <th scope="col" className="num">Engagement</th>
                    <th scope="col" className="num">Fee / post</th>
                    <th scope="col" className="num">
                      <abbr title="Fit for this plan’s audience and goal, 0-100">Fit</abbr>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <CreatorRow
                      key={c.id}
                      creator={c}
                      inPlan={inPlan.has(c.handle)}
                      profileOpen={profile?.id === c.id}
                      onToggleProfile={toggleProfile}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label="Creator pages">
              <button type="button" className="button button--ghost" disabled={filters.page <= 1} onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}>
                Previous page
              </button>
              <span>
                Page {data.page} of {pages}
              </span>
              <button type="button" className="button button--ghost" disabled={filters.page >= pages} onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}>
                Next page
              </button>
            </nav>
          )}
        </div>
      )}

      {profile && (
        <Suspense fallback={<LoadingState label={`Loading the profile of @${profile.handle}…`} />}>
          <CreatorProfilePanel
            key={profile.id}
            creatorId={profile.id}
            handle={profile.handle}
            inPlan={inPlan.has(profile.handle)}
            onClose={closeProfile}
          />
        </Suspense>
      )}

      <PlanCreators />
    </Section>
  );
}

const viewButtonId = (id: string) => `view-${id}`;

interface CreatorRowProps {
  creator: CatalogCreator;
  inPlan: boolean;
  profileOpen: boolean;
  onToggleProfile: (id: string, handle: string) => void;
}

const CreatorRow = memo(function CreatorRow({ creator: c, inPlan, profileOpen, onToggleProfile }: CreatorRowProps) {
  const actions = usePlanActions();
  const id = `add-${c.id}`;
  return (
    <tr className={inPlan ? 'is-selected' : ''}>
      <td>
        <input
          type="checkbox"
          id={id}
          checked={inPlan}
          aria-label={`Add @${c.handle} to plan`}
          onChange={(e) => (e.target.checked ? actions.addCreator(c) : actions.removeCreator(c.handle))}
        />
      </td>
      <td>
        <div className="creator-cell__row">
          <label htmlFor={id} className="creator-cell">
            <span className="creator-cell__handle">@{c.handle}</span>
            <span className="creator-cell__name">
              {c.displayName} · {c.country}
            </span>
          </label>
          <button
            type="button"
            id={viewButtonId(c.id)}
            className="button button--ghost button--small creator-cell__view"
            aria-label={`View @${c.handle}`}
            aria-expanded={profileOpen}
            onClick={() => onToggleProfile(c.id, c.handle)}
          >
            View
          </button>
        </div>
      </td>
      <td className="capitalize hide-narrow">{c.niche}</td>
      <td className="num">{short(c.fans)}</td>
      <td className="num hide-narrow">{c.avgViews === null ? <span title="Not measured: fans × view-rate benchmark is used">n/a</span> : short(c.avgViews)}</td>
      <td className="num">{c.engagementRate === null ? <span title="Not measured: the tier benchmark is used">n/a</span> : pct(c.engagementRate)}</td>
      <td className="num">{money(c.feePerPost)}</td>
      <td className="num">{Math.round(c.fitScore)}</td>
    </tr>
  );
});

function PlanCreators() {
  const model = usePlanCheck();
  const { plan } = model;
  const creators = plan.creators;
  const errors = model.status === 'ready' ? model.check.errors : {};
  // Date pickers offer the flight's days once the flight itself is valid.
  const flight = flightLength(plan.startDate, plan.endDate) === null ? null : { start: plan.startDate, end: plan.endDate };
  return (
    <div className="plan-creators">
      <h3 id="plan-creators-heading" tabIndex={-1}>
        In this plan ({creators.length})
      </h3>
      {creators.length === 0 ? (
        <EmptyState>No creators yet. Tick “Add” on a creator above to plan sponsored posts.</EmptyState>
      ) : (
        <ul className="plan-creators__list">
          {creators.map((c) => {
            const posts = postCount(c.posts);
            return (
              <PlanCreatorItem
                key={c.handle}
                line={c}
                posts={posts}
                postsError={errors[fieldId.creatorPosts(c.handle)]}
                feeError={errors[fieldId.creatorFee(c.handle)]}
                sparkError={errors[fieldId.creatorSpark(c.handle)]}
                postDateErrors={Array.from({ length: posts ?? 0 }, (_, i) => errors[fieldId.creatorPostDate(c.handle, i)])}
                flightStart={flight?.start ?? ''}
                flightEnd={flight?.end ?? ''}
              />
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The number of posts typed, when it is one the plan accepts; null otherwise. */
function postCount(text: string): number | null {
  const parsed = parseNumber(text, { label: 'Posts', max: MAX_POSTS, unit: 'count', integer: true, min: 1 });
  return parsed.ok ? parsed.value : null;
}

interface PlanCreatorItemProps {
  line: PlanCreatorLine;
  /** Valid number of posts, or null while the posts field is invalid. */
  posts: number | null;
  postsError: string | undefined;
  feeError: string | undefined;
  sparkError: string | undefined;
  /** Message of each post's date, by post index. */
  postDateErrors: readonly (string | undefined)[];
  /** The flight's dates, or '' while they are invalid. */
  flightStart: string;
  flightEnd: string;
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** One creator in the plan; re-renders only when its own line or messages change. */
const PlanCreatorItem = memo(
  function PlanCreatorItem(props: PlanCreatorItemProps) {
    const actions = usePlanActions();
    const { line } = props;
    return (
      <li className="plan-creator card">
        <div className="plan-creator__who">
          <span className="creator-cell__handle">@{line.handle}</span>
          <span className="creator-cell__name">
            {line.displayName} · {short(line.fans)} fans · {TIER_BOUNDS[line.tier].label}
          </span>
        </div>
        <NumberField
          label={`@${line.handle} posts`}
          value={line.posts}
          onValueChange={(v) => actions.setCreatorPosts(line.handle, v)}
          error={props.postsError}
        />
        <NumberField
          label={`@${line.handle} fee`}
          value={line.fee}
          onValueChange={(v) => actions.setCreatorFee(line.handle, v)}
          error={props.feeError}
          prefix="$"
          hint={`Per post. Catalog estimate ${money(line.catalogFee)}.`}
        />
        <NumberField
          fieldClassName="plan-creator__spark"
          label={`@${line.handle} Spark Ads budget`}
          value={line.sparkBudget}
          onValueChange={(v) => actions.setCreatorSparkBudget(line.handle, v)}
          error={props.sparkError}
          prefix="$"
          placeholder="Optional"
          hint="Promotes this creator's posts as paid impressions; leave empty for none"
        />
        <PostingDates
          line={line}
          posts={props.posts}
          errors={props.postDateErrors}
          flightStart={props.flightStart}
          flightEnd={props.flightEnd}
        />
        <button
          type="button"
          className="button button--ghost plan-creator__remove"
          onClick={() => {
            // The focused Remove button goes away with its row.
            document.getElementById('plan-creators-heading')?.focus();
            actions.removeCreator(line.handle);
          }}
        >
          Remove @{line.handle}
        </button>
      </li>
    );
  },
  // The date messages arrive as a fresh array on every render: compare them item by item.
  (a, b) =>
    a.line === b.line &&
    a.posts === b.posts &&
    a.postsError === b.postsError &&
    a.feeError === b.feeError &&
    a.sparkError === b.sparkError &&
    a.flightStart === b.flightStart &&
    a.flightEnd === b.flightEnd &&
    sameItems(a.postDateErrors, b.postDateErrors),
);

/** A date per post, folded away: most plans spread posts evenly. Opens itself when a date needs fixing. */
function PostingDates({
  line,
  posts,
  errors,
  flightStart,
  flightEnd,
}: {
  line: PlanCreatorLine;
  posts: number | null;
  errors: readonly (string | undefined)[];
  flightStart: string;
  flightEnd: string;
}) {
  const actions = usePlanActions();
  const hintId = `${useId()}-hint`;
  const toFix = errors.filter(Boolean).length;
  const dated = posts === null ? 0 : line.postDates.slice(0, posts).filter((d) => d.trim() !== '').length;
  const [open, setOpen] = useState(() => toFix > 0 || dated > 0);
  // A date that becomes invalid (a new flight, say) is shown, not hidden in a closed fold.
  const [hadErrors, setHadErrors] = useState(toFix > 0);
  if (hadErrors !== toFix > 0) {
    setHadErrors(toFix > 0);
    if (toFix > 0) setOpen(true);
  }
  const status =
    posts === null ? 'set the posts first' : dated === 0 ? 'spread evenly' : `${dated} of ${posts} dated`;
  return (
    <details className="plan-creator__dates" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span>Posting dates</span>{' '}
        <span className="plan-creator__dates-status">
          ({status}
          {toFix > 0 && <span className="text-bad">, {toFix} to fix</span>})
        </span>
      </summary>
      {posts === null ? (
        <p className="field__hint">Enter a valid number of @{line.handle} posts to date each post.</p>
      ) : (
        <fieldset className="post-dates" aria-describedby={hintId}>
          <legend className="visually-hidden">@{line.handle} posting dates</legend>
          <p id={hintId} className="field__hint">
            Leave a date empty to spread that post evenly over the flight.
          </p>
          <div className="post-dates__grid">
            {Array.from({ length: posts }, (_, i) => (
              <TextField
                key={i}
                label={`@${line.handle} post ${i + 1} date`}
                type="date"
                value={line.postDates[i] ?? ''}
                onValueChange={(v) => actions.setCreatorPostDate(line.handle, i, v)}
                error={errors[i]}
                min={flightStart || undefined}
                max={flightEnd || undefined}
              />
            ))}
          </div>
        </fieldset>
      )}
    </details>
  );
}
