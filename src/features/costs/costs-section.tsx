import { LazyPart } from '../../components/ui/chunk-boundary';
import { Section } from '../../components/ui/section';
import { LoadingState } from '../../components/ui/states';
import { retryableLazy } from '../../lib/retryable-lazy';
import { COSTS_MIN_HEIGHT } from './costs-size';

// The fields and their styles load after the first paint: the initial JavaScript is at its budget.
const panel = retryableLazy(() => import('./costs-panel'), (m) => m.CostsPanel);

/** Costs beyond media and creator fees: agency commission, usage rights, whitelisting, production and tax. */
export function CostsSection() {
  // As tall as the fields will be, so nothing below moves when they arrive.
  const placeholder = (
    <div style={{ minHeight: COSTS_MIN_HEIGHT }}>
      <LoadingState label="Loading the cost lines…" />
    </div>
  );
  return (
    <Section id="costs" title="Costs">
      <LazyPart what="The cost lines" load={panel} fallback={placeholder} props={{}} />
    </Section>
  );
}
