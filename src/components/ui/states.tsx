import type { MouseEvent, ReactNode } from 'react';
import { focusSectionHeading } from '../../lib/focus';

/** A visible, announced loading state. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error the user can act on, with a Retry button. */
export function ErrorState({ title, error, onRetry }: { title: string; error: Error; onRetry: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p>{error.message} Your plan is safe.</p>
      <button
        type="button"
        className="button"
        onClick={(e: MouseEvent<HTMLButtonElement>) => {
          // The error (and this button) goes away on success: keep focus in the section.
          focusSectionHeading(e.currentTarget);
          onRetry();
        }}
      >
        Retry
      </button>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}
