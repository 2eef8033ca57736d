import { useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { creatorProfileQueries } from '../../api/creator-profile';
import { ApiError } from '../../api/http';
import type { CreatorProfile } from '../../domain/creator-profile';
import { fitBenchmarksFrom, fitScore, FIT_COMPONENT_KEYS, FIT_COMPONENT_LABELS, type FitResult, type FitTarget } from '../../domain/fit';
import { TIER_BOUNDS } from '../../domain/tiers';
import { AGE_BANDS, type Assumptions } from '../../domain/types';
import { engagementVsTier, redFlags } from '../../domain/vetting';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money, pct, pctRound, short } from '../../lib/format';
import { usePlan } from '../../store/plan-store';

interface ComparePanelProps {
  /** Handles (the catalog's ids) in the order they were picked; at most four. */
  handles: readonly string[];
  onRemove: (handle: string) => void;
  onClear: () => void;
}

interface Metric {
  label: string;
  /** What the row shows for one creator. */
  value: (c: CreatorProfile, ctx: Context) => ReactNode;
}

interface Context {
  assumptions: Assumptions | null;
  fit: FitResult | null;
  today: Date;
}

/** Views each fee dollar buys at the creator's average views (or fans × the view-rate benchmark). */
function viewsPerDollar(c: CreatorProfile, a: Assumptions | null): number | null {
  const views = c.avgViews ?? (a ? c.fans * fitBenchmarksFrom(a).viewRate : null);
  return views === null || c.feePerPost <= 0 ? null : views / c.feePerPost;
}

/** Share of the audience in the plan's age bands. */
function inTargetAge(c: CreatorProfile, ageBands: readonly string[]): number {
  return AGE_BANDS.filter((b) => ageBands.includes(b)).reduce((sum, b) => sum + c.audience.ageShares[b], 0);
}

/**
 * Up to four creators side by side, on what vetting turns on: audience, engagement against
 * the tier, real followers, #ad habits, cost and fit for this plan. Each creator's profile is
 * fetched on its own, so one that fails shows its Retry without hiding the others.
 */
export function ComparePanel({ handles, onRemove, onClear }: ComparePanelProps) {
  const plan = usePlan();
  const model = usePlanCheck();
  const assumptions = model.status === 'ready' ? model.check.input.assumptions : null;
  const [today] = useState(() => new Date());
  const results = useQueries({ queries: handles.map((h) => creatorProfileQueries.profile(h)) });
  const target: FitTarget = { ...plan.targeting, goal: plan.goal };
  const benchmarks = assumptions ? fitBenchmarksFrom(assumptions) : null;

  const metrics: Metric[] = [
    { label: 'Tier', value: (c) => TIER_BOUNDS[c.tier].label },
    { label: 'Fans', value: (c) => short(c.fans) },
    { label: 'Average views', value: (c) => (c.avgViews === null ? 'Not measured' : short(c.avgViews)) },
    { label: 'Engagement per view', value: (c) => (c.engagementRate === null ? 'Not measured' : pct(c.engagementRate)) },
    {
      label: 'Against the tier median',
      value: (c) => (benchmarks ? engagementVsTier(c.engagementRate, benchmarks.tierEngagement[c.tier], c.tier).words : 'Loading benchmarks…'),
    },
    { label: 'Engagement per follower', value: (c) => pct(c.engagementRatePerFollower) },
    { label: 'Real followers', value: (c) => pctRound(c.credibility) },
    {
      label: '#ad disclosure',
      value: (c) =>
        c.adDisclosureRate === null ? 'No sponsored posts in 90 days' : `${pctRound(c.adDisclosureRate)} of ${c.sponsoredPosts90d} sponsored posts`,
    },
    { label: `Audience in ${plan.targeting.ageBands.length === AGE_BANDS.length ? 'all ages' : plan.targeting.ageBands.join(', ')}`, value: (c) => pctRound(inTargetAge(c, plan.targeting.ageBands)) },
    {
      label: 'Top audience countries',
      value: (c) => c.audience.topCountries.slice(0, 3).map((t) => `${t.country} ${pctRound(t.share)}`).join(', ') || 'Not known',
    },
    { label: 'Fee per post', value: (c) => `${money(c.feePerPost)} (${money(c.feeRange[0])}-${money(c.feeRange[1])})` },
    {
      label: 'Views per dollar',
      value: (c, ctx) => {
        const v = viewsPerDollar(c, ctx.assumptions);
        return v === null ? 'n/a' : v.toFixed(1);
      },
    },
    { label: 'Fit for this plan', value: (_c, ctx) => (ctx.fit ? <strong>{Math.round(ctx.fit.score)} of 100</strong> : 'Loading benchmarks…') },
    ...FIT_COMPONENT_KEYS.map(
      (key): Metric => ({
        label: `Fit: ${FIT_COMPONENT_LABELS[key]}`,
        value: (_c, ctx) => {
          const part = ctx.fit?.components.find((p) => p.key === key);
          return part ? `${Math.round(part.score * 100)} (weight ${Math.round(part.weight * 100)}%)` : '…';
        },
      }),
    ),
    {
      label: 'Red flags',
      value: (c, ctx) => {
        const flags = redFlags(c, ctx.today);
        return flags.length === 0 ? 'None' : (
          <ul className="compare__flags">
            {flags.map((f) => (
              <li key={f.message}>{f.message}</li>
            ))}
          </ul>
        );
      },
    },
    { label: 'Data from', value: (c) => c.dataDate },
  ];

  const columns = handles.map((handle, i) => {
    const r = results[i];
    const creator = r?.data?.creator ?? null;
    const fit = creator && benchmarks ? fitScore(creator, target, benchmarks) : null;
    return { handle, result: r, creator, ctx: { assumptions, fit, today } satisfies Context };
  });

  return (
    <section className="compare card" aria-labelledby="compare-heading">
      <div className="profile__top">
        <h3 id="compare-heading" tabIndex={-1}>
          Compare creators ({handles.length} of 4)
        </h3>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            document.getElementById('creators-heading')?.focus();
            onClear();
          }}
        >
          Close comparison
        </button>
      </div>
      {handles.length < 2 && <p className="profile__note">Pick “Compare” on another creator to see them side by side (up to four).</p>}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Creator comparison">
        <table className="table table--compact compare__table">
          <caption className="visually-hidden">Creators side by side</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Measure</span>
              </th>
              {columns.map(({ handle, creator }) => (
                <th scope="col" key={handle}>
                  <span className="creator-cell__handle">@{handle}</span>
                  {creator && <span className="creator-cell__name">{creator.displayName}</span>}
                  <button
                    type="button"
                    className="button button--ghost button--small compare__remove"
                    onClick={() => {
                      // The last one closes the panel: focus goes back to the section.
                      document.getElementById(handles.length > 1 ? 'compare-heading' : 'creators-heading')?.focus();
                      onRemove(handle);
                    }}
                  >
                    Remove<span className="visually-hidden"> @{handle} from the comparison</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m.label}>
                <th scope="row">{m.label}</th>
                {columns.map(({ handle, result, creator, ctx }) => (
                  <td key={handle}>
                    {creator ? (
                      m.value(creator, ctx)
                    ) : result?.isError ? (
                      <CellError handle={handle} error={result.error} onRetry={() => void result.refetch()} first={m === metrics[0]} />
                    ) : (
                      <span className="text-muted">Loading…</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A profile that didn't load: its reason and Retry in the first row, a dash below. */
function CellError({ handle, error, onRetry, first }: { handle: string; error: Error; onRetry: () => void; first: boolean }) {
  if (!first) return <span className="text-muted">–</span>;
  if (error instanceof ApiError && error.status === 404) return <span role="alert">@{handle} is no longer in the catalog. Remove it from the comparison.</span>;
  return (
    <span role="alert">
      @{handle}’s profile couldn’t load. {error.message}{' '}
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry<span className="visually-hidden"> @{handle}</span>
      </button>
    </span>
  );
}
