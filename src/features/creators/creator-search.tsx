import { useCallback, useEffect, useMemo, useState } from 'react';
import { LazyPart } from '../../components/ui/chunk-boundary';
import { retryableLazy } from '../../lib/retryable-lazy';
import { LISTED_VETTING_PARAMS, TYPED_VETTING_PARAMS, VETTING_PARAMS, type CreatorSearch, type VettingParams } from '../../api/creators';
import { CREATOR_SORTS, type CreatorSort } from '../../api/schemas';
import { NumberField, SelectField, TextField } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/states';
import { parseNumber } from '../../domain/parse';
import { TIER_BOUNDS } from '../../domain/tiers';
import { MAX_SHORTLIST } from '../../domain/plan';
import { AGE_BANDS, COUNTRIES, COUNTRY_NAMES, NICHES, TIERS, type Niche, type Tier } from '../../domain/types';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { money } from '../../lib/format';
import { usePlanCreators, usePlanFullReason, usePlanGoal, usePlanTargeting, useShortlist } from '../../store/plan-store';
import { SORT_LABEL, viewButtonId } from './creator-labels';
import { CreatorTable } from './creator-table';
import { MAX_COMPARED, Shortlist } from './shortlist';

// Panels load when first opened: the profile (with its schemas and the vetting rules) and the comparison.
const creatorProfilePanel = retryableLazy(() => import('./creator-profile'), (m) => m.CreatorProfilePanel);
const comparePanel = retryableLazy(() => import('./creator-compare'), (m) => m.ComparePanel);

const NICHE_OPTIONS = [{ value: '', label: 'All niches' }, ...NICHES.map((n) => ({ value: n, label: n[0]?.toUpperCase() + n.slice(1) }))];
const TIER_OPTIONS = [{ value: '', label: 'All tiers' }, ...TIERS.map((t) => ({ value: t, label: TIER_BOUNDS[t].label }))];
const SORT_OPTIONS = CREATOR_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }));

/** The search's filters: niche, tier, sort and the vetting filters, by their API names. */
export type Filters = Pick<CreatorSearch, 'niche' | 'tier' | 'sort'> & VettingParams;

const NO_VETTING = Object.fromEntries(VETTING_PARAMS.map((k) => [k, ''])) as VettingParams;
const hasVetting = (filters: Filters) => VETTING_PARAMS.some((k) => filters[k] !== '');

const DEFAULT_FILTERS: Filters = { niche: '', tier: '', sort: 'fans', ...NO_VETTING };

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

/** A TikTok handle: letters, digits, dots and underscores, up to 24 characters, not only dots. */
const HANDLE = /^(?!\.+$)[\w.]{1,24}$/;

/** The highest fee a filter takes: the API's limit. */
const MAX_FEE_FILTER = 10_000_000;

/** A typed fee bound: its value when valid (null when empty), else the message to show. */
function feeBound(text: string, label: string): { value: number | null; error?: string } {
  const parsed = parseNumber(text, { label, unit: 'usd', min: 0, max: MAX_FEE_FILTER, optional: true });
  return parsed.ok ? { value: parsed.value } : { value: null, error: parsed.reason };
}

interface UrlSearch {
  text: string;
  filters: Filters;
  /** Handles of the creators being compared, in the order they were picked. */
  compare: string[];
}

/**
 * The search as the page's address holds it (`?q=…&niche=…&tier=…&sort=…&compare=…`), so a
 * search can be shared as a link and survives a reload. Unknown values fall back to the
 * defaults rather than break the page.
 */
function searchFromUrl(): UrlSearch {
  const params = new URLSearchParams(globalThis.location.search);
  const niche = params.get('niche') ?? '';
  const tier = params.get('tier') ?? '';
  const sort = params.get('sort') ?? '';
  const listed = (key: keyof typeof VETTING_OPTIONS) => {
    const value = params.get(key) ?? '';
    return VETTING_OPTIONS[key].some((o) => o.value === value) ? value : '';
  };
  // Only what can be a handle: anything else (".." included) would ask the API for another path.
  const compare = [...new Set((params.get('compare') ?? '').split(',').map((h) => h.trim()))].filter((h) => HANDLE.test(h));
  return {
    text: params.get('q') ?? '',
    filters: {
      niche: (NICHES as readonly string[]).includes(niche) ? (niche as Niche) : '',
      tier: (TIERS as readonly string[]).includes(tier) ? (tier as Tier) : '',
      sort: (CREATOR_SORTS as readonly string[]).includes(sort) ? (sort as CreatorSort) : DEFAULT_FILTERS.sort,
      ...(Object.fromEntries(LISTED_VETTING_PARAMS.map((k) => [k, listed(k)])) as Pick<VettingParams, (typeof LISTED_VETTING_PARAMS)[number]>),
      // Typed bounds come back as typed; an invalid one shows its message, as if just typed.
      ...(Object.fromEntries(TYPED_VETTING_PARAMS.map((k) => [k, params.get(k) ?? ''])) as Pick<VettingParams, (typeof TYPED_VETTING_PARAMS)[number]>),
    },
    compare: compare.slice(0, MAX_COMPARED),
  };
}

function writeSearchToUrl(q: string, filters: Filters, compare: readonly string[]): void {
  const url = new URL(globalThis.location.href);
  const values: Record<string, string> = {
    q,
    niche: filters.niche,
    tier: filters.tier,
    sort: filters.sort === DEFAULT_FILTERS.sort ? '' : filters.sort,
    ...Object.fromEntries(VETTING_PARAMS.map((k) => [k, filters[k].trim()])),
    compare: compare.join(','),
    // Links from before the table scrolled carried a page: the table starts at the top.
    page: '',
  };
  for (const [key, value] of Object.entries(values)) {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  if (url.href !== globalThis.location.href) history.replaceState(history.state, '', url);
}

/**
 * Find and vet creators in the catalog: search and filters, the scrolled table over every
 * match, the shortlist, the comparison and a creator's profile. Loaded after the first paint.
 */
export function CreatorSearch() {
  const [initial] = useState(searchFromUrl);
  const [text, setText] = useState(initial.text);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [compare, setCompare] = useState<string[]>(initial.compare);
  // Open from the start when a link sets a vetting filter, so what narrows the list is in view.
  const [vettingOpen, setVettingOpen] = useState(() => hasVetting(initial.filters));
  const q = useDebouncedValue(text.trim(), 250);
  // Subscribed to what the search reads, so other plan edits (a budget keystroke) don't re-render it.
  const targeting = usePlanTargeting();
  const goal = usePlanGoal();
  const creators = usePlanCreators();
  const planFull = usePlanFullReason();
  const shortlist = useShortlist();
  const target = useMemo(() => ({ ...targeting, goal }), [targeting, goal]);
  // Fee bounds are typed: checked at once, sent once typing settles, and only when valid.
  const minFee = feeBound(filters.minFee, 'Fee from');
  const maxFee = feeBound(filters.maxFee, 'Fee up to');
  const feeOrder =
    minFee.value !== null && maxFee.value !== null && minFee.value > maxFee.value ? `Fee up to must be at least ${money(minFee.value)}.` : undefined;
  // A bound with a message is left out; the other still applies.
  const fees = useDebouncedValue(`${minFee.error ? '' : (minFee.value ?? '')}|${maxFee.error || feeOrder ? '' : (maxFee.value ?? '')}`, 250);
  const [sentMinFee = '', sentMaxFee = ''] = fees.split('|');
  const search = useMemo(
    () => ({ ...filters, q, target, minFee: sentMinFee, maxFee: sentMaxFee }),
    [filters, q, target, sentMinFee, sentMaxFee],
  );
  useEffect(() => writeSearchToUrl(q, filters, compare), [q, filters, compare]);

  const inPlan = useMemo(() => new Set(creators.map((c) => c.handle)), [creators]);
  const shortlisted = useMemo(() => new Set(shortlist.map((c) => c.handle)), [shortlist]);
  const compared = useMemo(() => new Set(compare), [compare]);
  const toggleCompare = useCallback(
    (handle: string) =>
      setCompare((list) => (list.includes(handle) ? list.filter((h) => h !== handle) : list.length >= MAX_COMPARED ? list : [...list, handle])),
    [],
  );

  const [profile, setProfile] = useState<{ id: string; handle: string } | null>(null);
  // Stable, so the memoized rows don't re-render when a profile opens.
  const toggleProfile = useCallback(
    (id: string, handle: string) => setProfile((open) => (open?.id === id ? null : { id, handle })),
    [],
  );
  const closeProfile = () => {
    // Focus goes back to the button that opened the panel, or to the section when its row has scrolled away.
    const opener = profile ? document.getElementById(viewButtonId(profile.id)) : null;
    if (opener) opener.focus();
    else document.getElementById('creators-heading')?.focus();
    setProfile(null);
  };
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <>
      <div className="filters">
        <TextField
          fieldClassName="filters__search"
          label="Search creators"
          type="search"
          value={text}
          onValueChange={setText}
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

      <CreatorTable
        search={search}
        onSort={(sort) => change({ sort })}
        onClear={() => {
          setText('');
          setFilters(DEFAULT_FILTERS);
        }}
        inPlan={inPlan}
        shortlisted={shortlisted}
        shortlistFull={shortlist.length >= MAX_SHORTLIST}
        planFull={planFull}
        compared={compared}
        compareFull={compare.length >= MAX_COMPARED}
        profileId={profile?.id ?? null}
        onToggleProfile={toggleProfile}
        onToggleCompare={toggleCompare}
      />

      {profile && (
        <LazyPart
          key={profile.id}
          what="The profile panel"
          load={creatorProfilePanel}
          fallback={<LoadingState label={`Loading the profile of @${profile.handle}…`} />}
          props={{ creatorId: profile.id, handle: profile.handle, inPlan: inPlan.has(profile.handle), onClose: closeProfile }}
        />
      )}

      {compare.length > 0 && (
        <LazyPart
          what="The comparison"
          load={comparePanel}
          fallback={<LoadingState label="Loading the comparison…" />}
          props={{ handles: compare, onRemove: toggleCompare, onClear: () => setCompare([]) }}
        />
      )}

      <Shortlist inPlan={inPlan} planFull={planFull} compared={compared} compareFull={compare.length >= MAX_COMPARED} onToggleCompare={toggleCompare} />
    </>
  );
}
