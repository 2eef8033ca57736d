import { CREATORS } from '../../mocks/data/creators';
import { creatorLineFrom, formatLine as newFormatLine, newPlan, type Plan, type PlanCreatorLine } from '../../src/domain/plan';
import type { FormatId } from '../../src/domain/types';

/** A new plan as the app makes one, with `overrides` applied. */
export function buildPlan(overrides: Partial<Plan> = {}): Plan {
  return { ...newPlan('plan-under-test', new Date()), ...overrides };
}

/** A plan line for a catalog creator, as "Add @handle to plan" makes it. */
export function creatorLine(handle: string, overrides: Partial<PlanCreatorLine> = {}): PlanCreatorLine {
  const c = CREATORS.find((x) => x.handle === handle);
  if (!c) throw new Error(`No creator @${handle} in the mock catalog`);
  return {
    ...creatorLineFrom(c),
    ...overrides,
  };
}

/** A format line as ticking the format makes it (CPM, even pacing, no category), with `overrides` applied. */
export function formatLine(
  formatId: FormatId,
  amount: string,
  included = true,
  overrides: Partial<Plan['formats'][number]> = {},
): Plan['formats'][number] {
  return { ...newFormatLine(formatId, amount), included, ...overrides };
}

/** The JSON versions 1 to 4 wrote under 'reachplan.plan' (version 4 by default): read once, into the workspace. */
export function storedPlanJson(plan: Plan, version = 4): string {
  return JSON.stringify({ state: { plan }, version });
}
