import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { Plan } from '../../domain/plan';

const Summary = lazy(() => import('./print-summary').then((m) => ({ default: m.PrintSummary })));

/** Print-only parts are invisible on screen: if their code can't load, nothing is shown rather than an error. */
class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * PrintSummary, loaded after start-up: it is only seen when printing. A direct child of the
 * results column, like PrintSummary itself.
 */
export function LazyPrintSummary({ plan }: { plan: Plan }) {
  return (
    <Quiet>
      <Suspense fallback={null}>
        <Summary plan={plan} />
      </Suspense>
    </Quiet>
  );
}
