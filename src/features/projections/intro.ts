/**
 * The Projections section's introduction. index.html carries the same text in its static
 * shell, painted before the JavaScript runs (a unit test keeps the two equal).
 */
export const PROJECTIONS_INTRO =
  'Central estimates of what the plan delivers: paid impressions from budgets and CPMs, creator views from each creator’s average views, reach de-duplicated across line items, and conversions, revenue and ROI from the click-through, conversion and order-value rates. Every number traces to an assumption listed below; change any of them to see its effect.';
