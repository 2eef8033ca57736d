import { format } from 'date-fns';
import { memo, useDeferredValue, useMemo, type CSSProperties } from 'react';
import { EmptyState } from '../../components/ui/states';
import { buildTimeline, type Timeline } from '../../domain/timeline';
import { usePlan, usePlanActions } from '../../store/plan-store';
import { TimelineChart } from './timeline-chart';
import { CHART_AXIS, CHART_MAX, CHART_ROW, GAP, TABLE_MAX } from './timeline-size';
import { TimelineTable } from './timeline-table';
import { TimelineWarnings } from './timeline-warnings';
import './timeline.css';

// The placeholder is sized from the same numbers (timeline-size.ts).
const sizes = {
  '--tl-gap': `${GAP}px`,
  '--tl-axis': `${CHART_AXIS}px`,
  '--tl-row': `${CHART_ROW}px`,
  '--tl-chart-max': `${CHART_MAX}px`,
  '--tl-table-max': `${TABLE_MAX}px`,
} as CSSProperties;

/** The weekend setting, then the warnings, the drawing and the table of the open plan's timeline. */
export function TimelinePanel() {
  const { startDate, endDate, creators, excludeWeekends } = usePlan();
  const actions = usePlanActions();
  const today = format(new Date(), 'yyyy-MM-dd');
  const timeline = useMemo(
    () => buildTimeline({ startDate, endDate, creators, excludeWeekends }, today),
    [startDate, endDate, creators, excludeWeekends, today],
  );
  // A hundred creators' rows redraw after a keystroke, not during it.
  const shown = useDeferredValue(timeline);
  return (
    <div className="timeline" style={sizes}>
      <div className="timeline__controls">
        <label className="choice">
          <input type="checkbox" checked={excludeWeekends} onChange={(e) => actions.setExcludeWeekends(e.target.checked)} />
          <span>Exclude weekends (warn about deadlines on Saturdays and Sundays)</span>
        </label>
      </div>
      <TimelineBody timeline={shown} />
    </div>
  );
}

const TimelineBody = memo(function TimelineBody({ timeline }: { timeline: Timeline }) {
  if (!timeline.ok) return <p className="notice notice--warn">{timeline.reason}</p>;
  if (timeline.creators.length === 0) return <EmptyState>Add creators to see their posting dates and deadlines.</EmptyState>;
  return (
    <>
      <TimelineWarnings warnings={timeline.warnings} />
      <TimelineChart timeline={timeline} />
      <TimelineTable timeline={timeline} />
    </>
  );
});
