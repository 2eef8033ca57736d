import { memo, useId, useState } from 'react';
import { LazyPart } from '../../components/ui/chunk-boundary';
import { retryableLazy } from '../../lib/retryable-lazy';
import { NumberField, TextField } from '../../components/ui/field';
import { Section } from '../../components/ui/section';
import { EmptyState, LoadingState } from '../../components/ui/states';
import type { PlanCreatorLine } from '../../domain/plan';
import { TIER_BOUNDS } from '../../domain/tiers';
import { parseNumber } from '../../domain/parse';
import { fieldId, flightLength, MAX_POSTS } from '../../domain/validation';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money, short } from '../../lib/format';
import { usePlanActions } from '../../store/plan-store';
import { ContractChecklist } from './contract-checklist';

// Finding and vetting creators (filters, the scrolled table over the whole catalog, shortlist,
// comparison) loads right after the first paint; the plan's own creators below do not wait for it.
const creatorSearch = retryableLazy(() => import('./creator-search'), (m) => m.CreatorSearch);

/** Find creators in the catalog, add them to the plan, and set their posts and fees. */
export function CreatorsSection() {
  return (
    <Section
      id="creators"
      title="Creators"
      step={3}
      intro="Vet creators on engagement and audience fit, not fans alone. Sponsored posts must disclose with #ad."
    >
      <LazyPart what="The creator search" load={creatorSearch} fallback={<LoadingState label="Loading creators…" />} props={{}} />
      <PlanCreators />
    </Section>
  );
}

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
        <ContractChecklist line={line} flight={props.flightStart ? { start: props.flightStart, end: props.flightEnd } : null} />
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
