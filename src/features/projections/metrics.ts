import type { Totals } from '../../domain/projection';
import type { AssumptionKey } from '../../domain/types';
import { money, pct, unitCost, whole, ratioX } from '../../lib/format';

/** A headline number: how it is computed and which assumptions it uses. */
export interface MetricDef {
  key: string;
  label: string;
  value: (t: Totals) => string;
  /** One line under the number. */
  short: string;
  formula: string;
  uses: AssumptionKey[];
}

export const METRICS: MetricDef[] = [
  {
    key: 'impressions',
    short: 'Bought + guaranteed + creator and participant views',
    label: 'Impressions',
    value: (t) => whole(t.impressions),
    formula: 'Paid: budget ÷ CPM × 1,000 (Brand Takeover: days × guaranteed impressions). Creators: posts × views per post. Plus views of participants’ videos.',
    uses: ['creatorViewRate', 'ugcSubmissionRate', 'viewsPerSubmission'],
  },
  {
    key: 'reach',
    short: 'Unique people, de-duplicated across line items',
    label: 'Reach (de-duplicated)',
    value: (t) => whole(t.reach),
    formula: 'Per line item U × (1 − (1 + I ÷ (k·U))^−k), combined across line items with Sainsbury: U × (1 − Π(1 − rᵢ ÷ U)).',
    uses: ['audienceUniverse', 'reachCurveShape'],
  },
  {
    key: 'frequency',
    short: 'Impressions ÷ reach',
    label: 'Average frequency',
    value: (t) => ratioX(t.frequency),
    formula: 'Impressions ÷ reach.',
    uses: [],
  },
  {
    key: 'videoViews',
    short: 'Paid plays + creator and participant views',
    label: 'Video views',
    value: (t) => whole(t.videoViews),
    formula: 'Paid impressions count as views (TikTok counts a view when playback starts), plus creator and participant video views.',
    uses: ['creatorViewRate', 'viewsPerSubmission'],
  },
  {
    key: 'engagements',
    short: 'Views × engagement rate per view',
    label: 'Engagements',
    value: (t) => whole(t.engagements),
    formula: 'Views × engagement rate per view: the paid rate for ads, each creator’s own rate (tier benchmark when unmeasured), the nano rate for participants.',
    uses: ['paidEngagementRate', 'engagementRateNano', 'engagementRateMega'],
  },
  {
    key: 'engagementRate',
    short: 'Engagements ÷ video views',
    label: 'Engagement rate',
    value: (t) => pct(t.engagementRate),
    formula: 'Engagements ÷ video views.',
    uses: [],
  },
  {
    key: 'submissions',
    short: 'Challenge and effect impressions × submission rate',
    label: 'Video submissions (UGC)',
    value: (t) => whole(t.submissions),
    formula: 'Paid impressions of hashtag challenges and branded effects × UGC submission rate.',
    uses: ['ugcSubmissionRate'],
  },
  {
    key: 'conversions',
    short: 'Clicks × conversion rate',
    label: 'Conversions',
    value: (t) => whole(t.conversions),
    formula: 'Clicks (impressions or views × CTR) × conversion rate.',
    uses: ['clickThroughRate', 'conversionRate'],
  },
  {
    key: 'revenue',
    short: 'Conversions × average order value',
    label: 'Revenue',
    value: (t) => money(t.revenue),
    formula: 'Conversions × average order value.',
    uses: ['averageOrderValue'],
  },
  {
    key: 'cpm',
    short: 'Spend ÷ impressions × 1,000',
    label: 'CPM',
    value: (t) => unitCost(t.cpm),
    formula: 'Spend ÷ impressions × 1,000.',
    uses: [],
  },
  {
    key: 'costPerEngagement',
    short: 'Spend ÷ engagements',
    label: 'Cost per engagement',
    value: (t) => unitCost(t.costPerEngagement),
    formula: 'Spend ÷ engagements.',
    uses: [],
  },
  {
    key: 'roi',
    short: '(Revenue − spend) ÷ spend',
    label: 'ROI',
    value: (t) => pct(t.roi),
    formula: '(Revenue − spend) ÷ spend, with spend on media and creator fees.',
    uses: ['averageOrderValue'],
  },
];
