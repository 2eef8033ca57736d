import { Component, Suspense, type ComponentType, type ReactNode } from 'react';

interface ChunkBoundaryProps {
  /** What failed, for the message: "The creator search". */
  what: string;
  /** Draws the part; `attempt` grows with each Retry, so a fresh lazy import is made. */
  children: (attempt: number) => ReactNode;
}

interface ChunkBoundaryState {
  failed: boolean;
  attempt: number;
}

/**
 * Catches a part of the page whose code failed to load (offline before its chunk arrived, or a
 * new deploy removed it) and offers a Retry, instead of React unmounting the whole page.
 */
export class ChunkBoundary extends Component<ChunkBoundaryProps, ChunkBoundaryState> {
  override state: ChunkBoundaryState = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<ChunkBoundaryState> {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children(this.state.attempt);
    return (
      <div className="state state--error" role="alert">
        <p className="state__title">{this.props.what} couldn’t load.</p>
        <p>Check your connection, then retry (or reload the page). Your plan is safe.</p>
        <button type="button" className="button" onClick={() => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }))}>
          Retry
        </button>
      </div>
    );
  }
}

interface LazyPartProps<P> {
  /** What it is, for the message when it fails: "The charts". */
  what: string;
  /** The lazy component for an attempt (`retryableLazy`). */
  load: (attempt: number) => ComponentType<P>;
  fallback: ReactNode;
  props: P;
}

/** A part loaded on demand: its loading state, then the part, or what failed with a Retry. */
export function LazyPart<P extends object>({ what, load, fallback, props }: LazyPartProps<P>) {
  return (
    <ChunkBoundary what={what}>
      {(attempt) => {
        const Part = load(attempt);
        return (
          <Suspense fallback={fallback}>
            <Part {...props} />
          </Suspense>
        );
      }}
    </ChunkBoundary>
  );
}
