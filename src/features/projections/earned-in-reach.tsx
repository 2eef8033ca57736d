import type { Projection } from '../../domain/projection';
import { whole } from '../../lib/format';
import { usePlanActions, useSharedPlan } from '../../store/plan-store';

/**
 * Whether challenge and effect participants' videos count as brand exposures. Off by default:
 * they are earned, reported as earned views and earned reach, and kept out of reach and
 * frequency; on, they join reach, frequency, impressions, views and engagements.
 */
export function EarnedInReach({ projection, counted }: { projection: Projection; counted: boolean }) {
  const actions = usePlanActions();
  const readOnly = useSharedPlan() !== null;
  if (!(projection.totals.ranges.earnedViews.high > 0)) return null;
  return (
    <div className="earned-in-reach">
      <input
        type="checkbox"
        id="earned-in-reach"
        checked={counted}
        disabled={readOnly}
        onChange={(e) => actions.countEarnedInReach(e.target.checked)}
        aria-describedby="earned-in-reach-hint"
      />
      <label htmlFor="earned-in-reach">Count participants’ videos in reach and frequency</label>
      <p id="earned-in-reach-hint" className="field__hint">
        Participants’ videos reach {whole(projection.totals.earnedReach)} people. They are earned media, not the brand’s own
        delivery: {counted ? 'counted in reach, frequency, impressions, views and engagements.' : 'reported apart and left out of reach and frequency.'}
      </p>
    </div>
  );
}
