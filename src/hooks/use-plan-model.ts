import { useDeferredValue, useMemo } from 'react';
import { useAdFormats } from '../api/ad-formats';
import { useBenchmarks } from '../api/benchmarks';
import type { Plan } from '../domain/plan';
import { project, type Projection } from '../domain/projection';
import type { AdFormat, Assumption, Benchmarks } from '../domain/types';
import { validatePlan, type PlanCheck } from '../domain/validation';
import { usePlan } from '../store/plan-store';

export type PlanModel =
  | { status: 'pending'; plan: Plan }
  | { status: 'error'; plan: Plan; error: Error; failed: { formats: boolean; benchmarks: boolean }; retry: () => void }
  | {
      status: 'ready';
      plan: Plan;
      formats: AdFormat[];
      benchmarks: Benchmarks;
      /** The plan's assumptions ledger: the API's rates and each market's figures for the flight's year. */
      assumptions: Assumption[];
      check: PlanCheck;
      /** The plan the projection is of (a keystroke behind `plan` at most), and its check. */
      projected: { plan: Plan; check: PlanCheck };
      projection: Projection;
    };

interface Checked {
  plan: Plan;
  formats: AdFormat[];
  benchmarks: Benchmarks;
  /** The check's ledger (its assumptions for the flight's year). */
  assumptions: Assumption[];
  check: PlanCheck;
}

// The last two checks: while a keystroke's projection is pending, the typed plan and the
// projected plan are both asked for.
let checks: Checked[] = [];
let lastProjection: { plan: Plan; formats: AdFormat[]; benchmarks: Benchmarks; projection: Projection } | null = null;

/** Validation of one plan, computed once however many components ask. */
function checkOf(plan: Plan, formats: AdFormat[], benchmarks: Benchmarks): Checked {
  const hit = checks.find((c) => c.plan === plan && c.formats === formats && c.benchmarks === benchmarks);
  if (hit) return hit;
  const check = validatePlan({ ...plan, formats: plan.formats.filter((f) => f.included) }, formats, benchmarks);
  const checked = { plan, formats, benchmarks, assumptions: check.ledger, check };
  checks = [checked, ...checks.slice(0, 1)];
  return checked;
}

/**
 * The projection of one plan, computed once: the one on screen when the projections have
 * caught up with the plan, else computed now (an export must pair the plan with its own
 * projection, never with the one a keystroke behind).
 */
export function projectionOf(plan: Plan, formats: AdFormat[], benchmarks: Benchmarks): Projection {
  const p = lastProjection;
  if (p && p.plan === plan && p.formats === formats && p.benchmarks === benchmarks) return p.projection;
  const projection = project(checkOf(plan, formats, benchmarks).check.input);
  lastProjection = { plan, formats, benchmarks, projection };
  return projection;
}

export type PlanCheckModel =
  | Exclude<PlanModel, { status: 'ready' }>
  | ({ status: 'ready' } & Checked);

/**
 * The open plan with the formats and benchmarks it needs, checked (no projection): for the
 * input sections, which then don't re-render when the projection catches up with a keystroke.
 */
export function usePlanCheck(): PlanCheckModel {
  const plan = usePlan();
  const formats = useAdFormats();
  const benchmarks = useBenchmarks();
  return useMemo((): PlanCheckModel => {
    if (formats.data && benchmarks.data) return { status: 'ready', ...checkOf(plan, formats.data, benchmarks.data) };
    const error = formats.error ?? benchmarks.error;
    if (error) {
      return {
        status: 'error',
        plan,
        error,
        failed: { formats: formats.isError, benchmarks: benchmarks.isError },
        retry: () => {
          if (formats.error) void formats.refetch();
          if (benchmarks.error) void benchmarks.refetch();
        },
      };
    }
    return { status: 'pending', plan };
  }, [plan, formats, benchmarks]);
}

/** The open plan with the formats and benchmarks it needs, checked and projected. */
export function usePlanModel(): PlanModel {
  const checked = usePlanCheck();
  // Fields and their messages follow each keystroke; the projection follows in a render React
  // can interrupt, so typing never waits for the model (it is one frame behind at most).
  const projectedPlan = useDeferredValue(checked.plan);
  return useMemo((): PlanModel => {
    if (checked.status !== 'ready') return checked;
    const projected = checkOf(projectedPlan, checked.formats, checked.benchmarks);
    return {
      ...checked,
      projected: { plan: projectedPlan, check: projected.check },
      projection: projectionOf(projectedPlan, checked.formats, checked.benchmarks),
    };
  }, [checked, projectedPlan]);
}
