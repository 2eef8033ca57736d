import { useMemo } from 'react';
import { useAdFormats } from '../api/ad-formats';
import { useBenchmarks } from '../api/benchmarks';
import type { Plan } from '../domain/plan';
import { project, type Projection } from '../domain/projection';
import type { AdFormat, Assumption } from '../domain/types';
import { validatePlan, type PlanCheck } from '../domain/validation';
import { usePlan } from '../store/plan-store';

export type PlanModel =
  | { status: 'pending'; plan: Plan }
  | { status: 'error'; plan: Plan; error: Error; failed: { formats: boolean; benchmarks: boolean }; retry: () => void }
  | {
      status: 'ready';
      plan: Plan;
      formats: AdFormat[];
      assumptions: Assumption[];
      check: PlanCheck;
      projection: Projection;
    };

let last: { plan: Plan; formats: AdFormat[]; assumptions: Assumption[]; check: PlanCheck; projection: Projection } | null =
  null;

/** Validation and projection of one plan, computed once however many components ask. */
function compute(plan: Plan, formats: AdFormat[], assumptions: Assumption[]) {
  if (last && last.plan === plan && last.formats === formats && last.assumptions === assumptions) return last;
  const check = validatePlan(
    { ...plan, formats: plan.formats.filter((f) => f.included) },
    formats,
    assumptions,
  );
  last = { plan, formats, assumptions, check, projection: project(check.input) };
  return last;
}

/** The open plan with the formats and benchmarks it needs, checked and projected. */
export function usePlanModel(): PlanModel {
  const plan = usePlan();
  const formats = useAdFormats();
  const benchmarks = useBenchmarks();
  return useMemo((): PlanModel => {
    if (formats.data && benchmarks.data) {
      return { status: 'ready', ...compute(plan, formats.data, benchmarks.data.assumptions) };
    }
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
