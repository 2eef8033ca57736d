/**
 * The Projections section's introduction. index.html carries the same text in its static
 * shell, painted before the JavaScript runs (a unit test keeps the two equal).
 */
export const PROJECTIONS_INTRO =
  'What the plan is likely to deliver, with a range beside every number: paid impressions from budgets and prices, creator views from each creator’s average views, reach de-duplicated across line items, and conversions, revenue and ROI from the click-through, conversion and order-value rates. Each number is the central estimate, every assumption at the value listed below, so it traces to what you read; change any of them to see its effect.';
