import { useEffect, useState } from 'react';
import { GOAL_KPI, MODEL_EDITION, type Plan } from '../../domain/plan';
import type { Projection } from '../../domain/projection';
import { money, whole } from '../../lib/format';
import { usePlanActions } from '../../store/plan-store';

type Headline = { reach: number; kpi: number | null };

/** The first edition's headline for `plan`, computed by its frozen code (loaded only for such a plan). */
async function firstEditionHeadline(plan: Plan): Promise<Headline | null> {
  const { headlineOfPlan } = await import('../../domain/legacy-v1/projection');
  const h = headlineOfPlan(plan);
  if (!h) return null;
  return { reach: h.reach.mid, kpi: h.kpi.metric === 'reach' ? null : h.kpi.range.mid };
}

function figure(metric: Projection['kpi']['metric'], n: number): string {
  return metric === 'revenue' ? money(n) : whole(n);
}

/**
 * Said once to a plan saved before the model's current edition: how its headline moved, and
 * why, until the planner acknowledges it.
 */
export function ModelNotice({ plan, projection }: { plan: Plan; projection: Projection }) {
  const actions = usePlanActions();
  const [old, setOld] = useState<Headline | null | 'loading'>('loading');
  const stale = plan.modelEdition < MODEL_EDITION;
  useEffect(() => {
    if (!stale) return;
    let live = true;
    firstEditionHeadline(plan)
      .then((h) => live && setOld(h))
      .catch(() => live && setOld(null));
    return () => {
      live = false;
    };
  }, [stale, plan]);
  if (!stale) return null;
  const kpi = projection.kpi;
  const kpiName = GOAL_KPI[plan.goal].metricLabel;
  return (
    <div className="banner banner--info model-notice" role="status">
      <div>
        <p className="banner__title">This plan’s figures changed with the projection model’s second edition.</p>
        {old === 'loading' ? (
          <p>Working out its figures before the change…</p>
        ) : old === null ? (
          <p>Its figures before the change couldn’t be worked out; the ones below are the second edition’s.</p>
        ) : (
          <ul className="model-notice__moves">
            <li>
              Reach: {whole(old.reach)} before, {whole(projection.totals.reach)} now.
            </li>
            {old.kpi !== null && kpi.metric !== 'reach' && (
              <li>
                {kpiName.charAt(0).toUpperCase() + kpiName.slice(1)}: {figure(kpi.metric, old.kpi)} before, {figure(kpi.metric, kpi.actual)} now.
              </li>
            )}
          </ul>
        )}
        <p>
          Every line item now adds the reach it brings; challenges and effects are bought as packages, with participants’ videos
          reported apart as earned; a takeover is seen at most once a day; each market has its own users, ages and gender; and
          every figure is one scenario, with every assumption at the value the ledger shows.
        </p>
      </div>
      <div className="banner__actions">
        <button type="button" className="button button--ghost" onClick={actions.acknowledgeModelEdition}>
          OK
        </button>
      </div>
    </div>
  );
}
