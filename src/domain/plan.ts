import { addDays, format, nextMonday } from 'date-fns';
import type { AssumptionKey, Creator, FormatId, Goal, Niche, Tier } from './types';

/**
 * A plan as the user edits it. Every numeric field keeps the text the user typed,
 * so invalid input is never dropped: validation turns it into numbers or reasons.
 */
export interface PlanFormatLine {
  formatId: FormatId;
  /** Budget in USD, or whole days for day-bought formats (Brand Takeover). */
  amount: string;
  /** Unticking a format keeps what was typed, so ticking it again restores it. */
  included: boolean;
}

/** A creator in the plan. Catalog facts are copied in, so a plan stands on its own. */
export interface PlanCreatorLine {
  handle: string;
  displayName: string;
  niche: Niche;
  country: string;
  tier: Tier;
  fans: number;
  avgViews: number | null;
  engagementRate: number | null;
  catalogFee: number;
  posts: string;
  fee: string;
}

/** A catalog creator as a plan line: one post at the catalog's fee, its facts copied in. */
export function creatorLineFrom(c: Creator): PlanCreatorLine {
  return {
    handle: c.handle,
    displayName: c.displayName,
    niche: c.niche,
    country: c.country,
    tier: c.tier,
    fans: c.fans,
    avgViews: c.avgViews,
    engagementRate: c.engagementRate,
    catalogFee: c.feePerPost,
    posts: '1',
    fee: String(c.feePerPost),
  };
}

export interface Plan {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  goal: Goal;
  /** The KPI target of the current goal, as typed. */
  kpiTarget: string;
  /** Targets typed for other goals, restored when the user switches back. */
  otherKpiTargets: Partial<Record<Goal, string>>;
  totalBudget: string;
  currency: 'USD';
  formats: PlanFormatLine[];
  creators: PlanCreatorLine[];
  assumptionOverrides: Partial<Record<AssumptionKey, string>>;
  updatedAt: string;
}

/** The KPI each goal is measured by. */
export const GOAL_KPI: Record<Goal, { goalLabel: string; metricLabel: string; metric: KpiMetric }> = {
  awareness: { goalLabel: 'Awareness', metricLabel: 'reach', metric: 'reach' },
  engagement: { goalLabel: 'Engagement', metricLabel: 'engagements', metric: 'engagements' },
  ugc: { goalLabel: 'UGC', metricLabel: 'video submissions', metric: 'submissions' },
  'app-installs': { goalLabel: 'App installs', metricLabel: 'installs', metric: 'conversions' },
  sales: { goalLabel: 'Sales', metricLabel: 'revenue', metric: 'revenue' },
};
export type KpiMetric = 'reach' | 'engagements' | 'submissions' | 'conversions' | 'revenue';

/** A new plan: a four-week flight from the Monday after `today`. */
export function newPlan(id: string, today: Date): Plan {
  const start = nextMonday(today);
  return {
    id,
    name: 'Untitled plan',
    startDate: format(start, 'yyyy-MM-dd'),
    endDate: format(addDays(start, 27), 'yyyy-MM-dd'),
    goal: 'awareness',
    kpiTarget: '',
    otherKpiTargets: {},
    totalBudget: '100000',
    currency: 'USD',
    formats: [],
    creators: [],
    assumptionOverrides: {},
    updatedAt: today.toISOString(),
  };
}
