import { COST_LABEL, GOAL_KPI, type KpiMetric } from '../../domain/plan';
import { goalCost, type LineResult, type Range } from '../../domain/projection';
import type { Goal } from '../../domain/types';

/** The figures a headline card or an explanation is about. */
export type FigureKey =
  | 'spend'
  | 'impressions'
  | 'reach'
  | 'frequency'
  | 'videoViews'
  | 'sixSecondViews'
  | 'engagements'
  | 'engagementRate'
  | 'submissions'
  | 'earnedViews'
  | 'earnedReach'
  | 'earnedEngagements'
  | 'clicks'
  | 'conversions'
  | 'revenue'
  | 'emv'
  | 'cpm'
  | 'costPerResult'
  | 'roas'
  | 'roi';

/** The goal's result and its unit cost, as the results table and the how view name them. */
export interface GoalResult {
  metric: KpiMetric;
  /** "reach", "engagements" … as in the KPI. */
  label: string;
  /** Column and card label of the unit cost. */
  costLabel: string;
  /** Money per result: per 1,000 people for reach, per one otherwise. */
  per: number;
}

export function goalResult(goal: Goal): GoalResult {
  const { metric, metricLabel } = GOAL_KPI[goal];
  switch (metric) {
    case 'reach':
      return { metric, label: metricLabel, costLabel: COST_LABEL.reach, per: 1000 };
    case 'engagements':
      return { metric, label: metricLabel, costLabel: COST_LABEL.engagements, per: 1 };
    case 'submissions':
      return { metric, label: metricLabel, costLabel: COST_LABEL.submissions, per: 1 };
    case 'conversions':
      return { metric, label: metricLabel, costLabel: COST_LABEL.conversions, per: 1 };
    case 'revenue':
      // Spend ÷ revenue is 1 ÷ ROAS; a sales planner reads the cost of a conversion (CPA) instead.
      return { metric, label: 'conversions', costLabel: COST_LABEL.revenue, per: 1 };
  }
}

/** The result the goal counts, per line item or plan (sales count conversions for the unit cost). */
export function resultRange(f: Pick<LineResult, 'ranges'>, g: GoalResult): Range {
  return f.ranges[g.metric === 'revenue' ? 'conversions' : g.metric];
}

/** Spend ÷ the goal's result (× 1,000 for reach), as the model defines it: null without a result. */
export function costPerResult(f: Pick<LineResult, 'spend' | 'ranges'>, goal: Goal): Range | null {
  return goalCost(f.spend, f.ranges, goal);
}

