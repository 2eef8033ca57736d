import { EmptyState } from '../../components/ui/states';
import { TIER_BOUNDS } from '../../domain/tiers';
import { money, short } from '../../lib/format';
import { usePlanActions, useShortlist } from '../../store/plan-store';

/** How many creators the comparison holds side by side. */
export const MAX_COMPARED = 4;

interface ShortlistProps {
  inPlan: ReadonlySet<string>;
  /** Why no creator can be added to the plan (it is full), or null. */
  planFull?: string | null;
  compared: ReadonlySet<string>;
  compareFull: boolean;
  onToggleCompare: (handle: string) => void;
}

/**
 * Creators kept aside while vetting, before any goes into the plan. Saved with the plan, with
 * the catalog facts copied in, so it reads (and adds to the plan) without searching again.
 */
export function Shortlist({ inPlan, planFull = null, compared, compareFull, onToggleCompare }: ShortlistProps) {
  const shortlist = useShortlist();
  const actions = usePlanActions();
  return (
    <div className="shortlist">
      <h3 id="shortlist-heading" tabIndex={-1}>
        Shortlist ({shortlist.length})
      </h3>
      {shortlist.length === 0 ? (
        <EmptyState>
          Nothing shortlisted yet. Use “Shortlist” on a creator to keep them here while you vet and compare; the shortlist is saved with the plan.
        </EmptyState>
      ) : (
        <ul className="shortlist__list">
          {shortlist.map((c) => {
            const isCompared = compared.has(c.handle);
            return (
              <li key={c.handle} className="shortlist__item">
                <div className="shortlist__who">
                  <span className="creator-cell__handle">@{c.handle}</span>
                  <span className="creator-cell__name">
                    {c.displayName} · {TIER_BOUNDS[c.tier].label} · {short(c.fans)} fans · {money(c.feePerPost)} / post
                  </span>
                </div>
                <div className="shortlist__actions">
                  {inPlan.has(c.handle) ? (
                    <span className="badge badge--good">In plan</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={planFull !== null}
                      title={planFull ?? undefined}
                      onClick={(e) => {
                        // This button gives way to "In plan": focus moves on to the item's next control.
                        const next = e.currentTarget.nextElementSibling;
                        if (next instanceof HTMLElement) next.focus();
                        actions.addCreator(c);
                      }}
                    >
                      Add<span className="visually-hidden"> @{c.handle}</span> to plan<span className="visually-hidden"> from the shortlist</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button--ghost button--small button--toggle"
                    aria-pressed={isCompared}
                    disabled={compareFull && !isCompared}
                    onClick={() => onToggleCompare(c.handle)}
                  >
                    Compare
                    <span className="visually-hidden"> @{c.handle} from the shortlist</span>
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => {
                      // The focused button goes away with its item.
                      document.getElementById('shortlist-heading')?.focus();
                      actions.unshortlistCreator(c.handle);
                    }}
                  >
                    Remove<span className="visually-hidden"> @{c.handle} from the shortlist</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
