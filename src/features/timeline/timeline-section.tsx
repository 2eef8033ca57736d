import { LazyPart } from '../../components/ui/chunk-boundary';
import { Section } from '../../components/ui/section';
import { LoadingState } from '../../components/ui/states';
import { useHydrated } from '../../hooks/use-hydrated';
import { retryableLazy } from '../../lib/retryable-lazy';
import { usePlanCreators } from '../../store/plan-store';
import { placeholderHeight } from './timeline-size';

// The timeline, its date maths and its styles load after the first paint: the initial JavaScript is at its budget.
const panel = retryableLazy(() => import('./timeline-panel'), (m) => m.TimelinePanel);

/** The flight timeline: each creator's posting dates and deadlines, and what needs attention. */
export function TimelineSection() {
  const creators = usePlanCreators();
  const hydrated = useHydrated();
  // As tall as the timeline will be, so nothing below it moves when it arrives.
  const placeholder = (
    <div style={{ minHeight: placeholderHeight(creators) }}>
      <LoadingState label="Loading the timeline…" />
    </div>
  );
  return (
    <Section
      id="timeline"
      title="Timeline"
      intro="Each creator’s posting dates and deadlines across the flight, and what needs attention."
    >
      {hydrated ? <LazyPart what="The timeline" load={panel} fallback={placeholder} props={{}} /> : placeholder}
    </Section>
  );
}
