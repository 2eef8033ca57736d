import { useEffect, useRef } from 'react';
import type { Plan } from '../../domain/plan';
import './share.css';

/**
 * Shown while a plan opened from a share link is on screen: whose plan it is, that it is
 * read-only, and how to keep it. Takes focus when it appears, so a screen reader starts here.
 */
export function SharedPlanBanner({
  plan,
  saveBlocked = null,
  onSave,
  onClose,
}: {
  plan: Plan;
  /** Why it can't be saved here (the workspace is full), or null: said before the click, the plan stays on screen. */
  saveBlocked?: string | null;
  onSave(): void;
  onClose(): void;
}) {
  const title = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  return (
    <section className="banner banner--shared" aria-labelledby="shared-plan-title">
      <div>
        <p className="banner__title" id="shared-plan-title" ref={title} tabIndex={-1}>
          You’re viewing a shared plan: <span className="banner__name">{plan.name.trim() || 'Untitled plan'}</span> (read-only).
        </p>
        <p>Save a copy to edit it. Contract checklists and shortlists aren’t shared.</p>
        {saveBlocked && (
          <p id="shared-plan-save-blocked" className="banner__note">
            Save a copy: {saveBlocked}
          </p>
        )}
      </div>
      <div className="banner__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onSave}
          disabled={saveBlocked !== null}
          aria-describedby={saveBlocked ? 'shared-plan-save-blocked' : undefined}
        >
          Save a copy
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** A share link that can't be opened: why, in the receiver's words, and the way back to their own plans. */
export function SharedLinkError({ reason, onOpenMyPlans }: { reason: string; onOpenMyPlans(): void }) {
  return (
    <div className="banner banner--error" role="alert">
      <div>
        <p className="banner__title">This share link couldn’t be opened.</p>
        <p>{reason}</p>
      </div>
      <div className="banner__actions">
        <button type="button" className="button" onClick={onOpenMyPlans}>
          Open my plans
        </button>
      </div>
    </div>
  );
}
