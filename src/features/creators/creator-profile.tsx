import { format } from 'date-fns';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCreatorProfile, type CreatorProfileResponse } from '../../api/creator-profile';
import { ApiError } from '../../api/http';
import { LoadingState } from '../../components/ui/states';
import type { CreatorProfile, Platform, RecentPost } from '../../domain/creator-profile';
import { fitBenchmarksFrom, fitScore, type FitTarget } from '../../domain/fit';
import { TIER_BOUNDS } from '../../domain/tiers';
import { AGE_BANDS, type Assumptions } from '../../domain/types';
import { parseIsoDate } from '../../domain/validation';
import { engagementVsTier, redFlags } from '../../domain/vetting';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { pct, pctRound, short } from '../../lib/format';
import { contractProgress } from '../../domain/contract';
import { usePlan } from '../../store/plan-store';
import { contractChecklistId } from './creator-labels';

const PLATFORM_NAMES: Record<Platform, string> = { instagram: 'Instagram', youtube: 'YouTube' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A code's English name; the code itself when the runtime doesn't know it. */
function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Mar 3, 2026"; the text as sent when it is not a date. */
function day(text: string): string {
  const date = parseIsoDate(text);
  return date ? format(date, 'MMM d, yyyy') : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface CreatorProfilePanelProps {
  creatorId: string;
  /** Known from the row before the profile loads: the panel is named by it at once. */
  handle: string;
  inPlan: boolean;
  onClose: () => void;
}

/**
 * A creator's profile for vetting before adding them to the plan: a non-modal panel beside
 * the results, so the table stays usable and screen readers meet it as a named region. It
 * takes focus when it opens (and when it switches creator); Escape or Close hands focus back.
 */
export function CreatorProfilePanel({ creatorId, handle, inPlan, onClose }: CreatorProfilePanelProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const profile = useCreatorProfile(creatorId);
  // Before paint: focus is in the panel the moment it shows (and a test that finds it finds it focused).
  useLayoutEffect(() => heading.current?.focus(), [creatorId]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <section className="profile card" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="profile__top">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          Profile of @{handle}
        </h3>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {profile.isPending && <LoadingState label={`Loading @${handle}’s profile…`} />}
      {profile.isError && (
        <ProfileError
          handle={handle}
          error={profile.error}
          onRetry={() => {
            // The Retry button goes away while loading: keep focus in the panel.
            heading.current?.focus();
            void profile.refetch();
          }}
        />
      )}
      {profile.data && <ProfileBody data={profile.data} inPlan={inPlan} />}
    </section>
  );
}

function ProfileError({ handle, error, onRetry }: { handle: string; error: Error; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="state state--empty" role="alert">
        <p>
          @{handle} is no longer in the catalog, so there is no profile to vet. Close this panel and search again; a creator already in
          your plan keeps their line, and you can remove it there.
        </p>
      </div>
    );
  }
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">@{handle}’s profile couldn’t load.</p>
      <p>{error.message} Your plan is safe.</p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

function ProfileBody({ data, inPlan }: { data: CreatorProfileResponse; inPlan: boolean }) {
  const { creator } = data;
  const model = usePlanCheck();
  const assumptions = model.status === 'ready' ? model.check.input.assumptions : null;
  const [today] = useState(() => new Date());
  const flags = redFlags(creator, today);
  return (
    <>
      <ProfileHeader creator={creator} inPlan={inPlan} />
      <h4>Red flags</h4>
      {flags.length === 0 ? (
        <p className="profile__clean">No red flags found</p>
      ) : (
        <ul className="profile__flags" aria-label="Red flags">
          {flags.map((f) => (
            <li key={f.message}>{f.message}</li>
          ))}
        </ul>
      )}
      <h4>Fit for this plan</h4>
      {assumptions ? (
        <FitBreakdown creator={creator} assumptions={assumptions} />
      ) : (
        <p className="profile__note">{model.status === 'error' ? 'The fit needs the benchmarks, which couldn’t load: retry them in Projections.' : 'The fit appears once the benchmarks load.'}</p>
      )}
      <h4>Engagement vs tier benchmark</h4>
      <EngagementVsTier creator={creator} assumptions={assumptions} unavailable={model.status === 'error'} />
      <h4>Audience</h4>
      <AudienceBars creator={creator} />
      <h4>Recent posts</h4>
      <RecentPosts posts={data.recentPosts} />
      <h4>Contract checklist</h4>
      <ContractStatus handle={creator.handle} />
    </>
  );
}

function ProfileHeader({ creator: c, inPlan }: { creator: CreatorProfile; inPlan: boolean }) {
  return (
    <>
      <p className="profile__who">
        <span className="creator-cell__handle">@{c.handle}</span> <span>{c.displayName}</span>
      </p>
      <p className="profile__status">{inPlan ? 'In this plan' : 'Not in the plan'}</p>
      <dl className="profile__facts">
        <div>
          <dt>Country</dt>
          <dd>{displayName(regionNames, c.country)}</dd>
        </div>
        <div>
          <dt>Niche</dt>
          <dd>{capitalize(c.niche)}</dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd>{TIER_BOUNDS[c.tier].label}</dd>
        </div>
        <div>
          <dt>Fans</dt>
          <dd>{short(c.fans)}</dd>
        </div>
        <div>
          <dt>Languages</dt>
          <dd>{c.languages.length === 0 ? 'Not known' : c.languages.map((l) => displayName(languageNames, l)).join(', ')}</dd>
        </div>
        <div>
          <dt>Agency</dt>
          <dd>{c.agency ?? 'Independent'}</dd>
        </div>
        <div>
          <dt>Other platforms</dt>
          <dd>
            {c.platforms.length === 0
              ? 'None found'
              : c.platforms.map((p) => `${PLATFORM_NAMES[p.platform]} ${short(p.followers)} followers`).join(', ')}
          </dd>
        </div>
        <div>
          <dt>Data from</dt>
          <dd>{day(c.dataDate)}</dd>
        </div>
      </dl>
    </>
  );
}

function FitBreakdown({ creator, assumptions }: { creator: CreatorProfile; assumptions: Assumptions }) {
  const { targeting, goal } = usePlan();
  const target: FitTarget = { ...targeting, goal };
  const fit = fitScore(creator, target, fitBenchmarksFrom(assumptions));
  return (
    <>
      {/* Rounded as the table's Fit column rounds the API's score, so the two always agree. */}
      <p className="profile__fit-total">
        Fit score <strong>{Math.round(fit.score)}</strong> of 100, weighted for the plan’s goal and audience
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Fit breakdown">
        <table className="table table--compact profile__fit">
          <caption className="visually-hidden">Fit breakdown</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {fit.components.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td className="num">{Math.round(c.score * 100)}</td>
                <td className="num">{Math.round(c.weight * 100)}%</td>
                <td>{c.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function EngagementVsTier({ creator: c, assumptions, unavailable }: { creator: CreatorProfile; assumptions: Assumptions | null; unavailable: boolean }) {
  const median = assumptions ? fitBenchmarksFrom(assumptions).tierEngagement[c.tier] : null;
  return (
    <>
      <dl className="profile__facts">
        <div>
          <dt>Engagement per view</dt>
          <dd>{c.engagementRate === null ? 'Not measured' : pct(c.engagementRate)}</dd>
        </div>
        <div>
          <dt>{capitalize(c.tier)}-tier median</dt>
          <dd>{median !== null ? pct(median) : unavailable ? 'Not available' : 'Loading…'}</dd>
        </div>
        <div>
          <dt>Engagement per follower</dt>
          <dd>{pct(c.engagementRatePerFollower)}</dd>
        </div>
      </dl>
      {median !== null && <p className="profile__note">{engagementVsTier(c.engagementRate, median, c.tier).words}.</p>}
    </>
  );
}

interface ShareBar {
  key: string;
  label: string;
  share: number;
}

/** Bars as a list: each item reads "18-24 43%"; the bar itself is decoration. */
function ShareBars({ label, bars }: { label: string; bars: ShareBar[] }) {
  return (
    <ul className="share-bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key} className="share-bars__row">
          <span className="share-bars__label">{b.label}</span>
          <span className="share-bars__track" aria-hidden="true">
            <span className="share-bars__bar" style={{ width: `${Math.min(100, Math.max(0, b.share * 100))}%` }} />
          </span>
          <span className="share-bars__value"> {pctRound(b.share)}</span>
        </li>
      ))}
    </ul>
  );
}

function AudienceBars({ creator: c }: { creator: CreatorProfile }) {
  const { audience } = c;
  const ages = AGE_BANDS.map((band) => ({ key: band, label: band, share: audience.ageShares[band] }));
  const countries = audience.topCountries.map((t) => ({ key: t.country, label: displayName(regionNames, t.country), share: t.share }));
  const other = 1 - audience.topCountries.reduce((sum, t) => sum + t.share, 0);
  if (other >= 0.005) countries.push({ key: 'other', label: 'Other countries', share: other });
  return (
    <div className="profile__audience">
      <div>
        <h5>Age groups</h5>
        <ShareBars label="Audience by age group" bars={ages} />
      </div>
      <div>
        <h5>Top countries</h5>
        <ShareBars label="Audience by country" bars={countries} />
      </div>
      <p className="profile__note">{pctRound(audience.femaleShare)} of the audience is female (the rest male or undisclosed).</p>
    </div>
  );
}

function sponsorship(p: RecentPost): string {
  if (!p.sponsored) return 'No';
  return p.disclosed ? 'Yes, with #ad' : 'Yes, no #ad';
}

function RecentPosts({ posts }: { posts: RecentPost[] }) {
  if (posts.length === 0) return <p className="profile__note">No recent posts in the data.</p>;
  const newestFirst = [...posts].sort((a, b) => (a.postedOn < b.postedOn ? 1 : a.postedOn > b.postedOn ? -1 : 0));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Recent posts">
      <table className="table table--compact">
        <caption className="visually-hidden">Recent posts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="num">
              Views
            </th>
            <th scope="col" className="num">
              Likes
            </th>
            <th scope="col" className="num">
              Comments
            </th>
            <th scope="col" className="num">
              Shares
            </th>
            <th scope="col">Sponsored</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((p) => (
            <tr key={p.id}>
              <th scope="row">{day(p.postedOn)}</th>
              <td className="num">{short(p.views)}</td>
              <td className="num">{short(p.likes)}</td>
              <td className="num">{short(p.comments)}</td>
              <td className="num">{short(p.shares)}</td>
              <td>{sponsorship(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Where the creator's contract stands. The checklist itself lives on the creator's card in the
 * plan (one set of fields per creator); this opens it there.
 */
function ContractStatus({ handle }: { handle: string }) {
  const line = usePlan().creators.find((c) => c.handle === handle);
  if (!line) {
    return (
      <p className="profile__note">
        Add @{handle} to the plan to fill the seven contract terms: creative freedom, ownership and reuse, messaging, deliverables, deadlines,
        exclusivity and #ad disclosure. They are saved with the plan.
      </p>
    );
  }
  const { agreed, total } = contractProgress(line.contract);
  return (
    <p className="profile__note">
      {agreed} of {total} terms agreed.{' '}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          const fold = document.getElementById(contractChecklistId(handle));
          if (!(fold instanceof HTMLDetailsElement)) return;
          fold.open = true;
          // Focus scrolls the fold into view.
          fold.querySelector('summary')?.focus();
        }}
      >
        Open @{handle}’s contract checklist
      </button>
    </p>
  );
}
