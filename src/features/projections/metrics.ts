import type { Goal } from '../../domain/types';
import type { CostMetric, Projection, Range } from '../../domain/projection';
import { approx, approxMoney, lowHigh, money, pct, pctApprox, pctRound, times, unitApprox, unitCost, whole } from '../../lib/format';
import { costPerResult, goalResult, type FigureKey } from './goal';

/** A headline number: its central value, its P10-P90 beside it, and one line on what it is. */
export interface MetricCard {
  key: FigureKey;
  label: string;
  /** The central value, in full ("4,892,308"). */
  value: string;
  /** "4.26M–5.32M", or null when the figure has no spread. */
  range: string | null;
  /** One line under the number. */
  short: string;
}

const countRange = (r: Range | null) => lowHigh(r, (n, d) => approx(n, d));
const moneyRange = (r: Range | null) => lowHigh(r, (n, d) => approxMoney(n, d));
const pctRange = (r: Range | null) => lowHigh(r, (n) => pctApprox(n));
const unitRange = (r: Range | null) => lowHigh(r, (n, d) => unitApprox(n, d));
const timesRange = (r: Range | null) => lowHigh(r, (n) => times(n));

/** The headline figures of a projection, in reading order. */
export function headlineMetrics(projection: Projection, goal: Goal, earnedIn = false): MetricCard[] {
  const { totals: t, audience } = projection;
  const g = goalResult(goal);
  const cost = costPerResult(t, goal);
  const cards: MetricCard[] = [
    { key: 'spend', label: 'Spend', value: money(t.spend), range: null, short: 'Budgets and days bought + creator fee × posts' },
    {
      key: 'reach',
      label: 'Reach (de-duplicated)',
      value: whole(t.reach),
      range: countRange(t.ranges.reach),
      short: `of ${approx(audience.universe)} people in the target audience${audience.universe > 0 ? ` (${pctRound(t.reach / audience.universe)})` : ''}`,
    },
    {
      key: 'impressions',
      label: 'Impressions',
      value: whole(t.impressions),
      range: countRange(t.ranges.impressions),
      short: earnedIn ? 'Paid + guaranteed + creator views + participants’ videos' : 'Paid + guaranteed + creator views',
    },
    {
      key: 'frequency',
      label: 'Average frequency',
      value: times(t.frequency),
      range: timesRange(t.frequencyRange),
      short: 'In-target impressions ÷ reach',
    },
    {
      key: 'videoViews',
      label: 'Video views',
      value: whole(t.videoViews),
      range: countRange(t.ranges.videoViews),
      short: earnedIn ? 'Paid plays + creator views + participants’ videos' : 'Paid plays + creator views',
    },
    { key: 'engagements', label: 'Engagements', value: whole(t.engagements), range: countRange(t.ranges.engagements), short: 'Views × engagement rate per view' },
    {
      key: 'engagementRate',
      label: 'Engagement rate',
      value: pct(t.engagementRate?.mid ?? null),
      range: pctRange(t.engagementRate),
      short: 'Engagements ÷ video views',
    },
  ];
  if (t.ranges.sixSecondViews.high > 0) {
    cards.push({
      key: 'sixSecondViews',
      label: '6-second views',
      value: whole(t.sixSecondViews),
      range: countRange(t.ranges.sixSecondViews),
      short: 'Paid video watched 6 seconds or more (CPV buys: as bought)',
    });
  }
  if (t.ranges.submissions.high > 0 || goal === 'ugc') {
    cards.push({
      key: 'submissions',
      label: 'Video submissions (UGC)',
      value: whole(t.submissions),
      range: countRange(t.ranges.submissions),
      short: 'Participants’ videos: a saturating share of the market',
    });
  }
  if (t.ranges.earnedViews.high > 0) {
    cards.push(
      {
        key: 'earnedReach',
        label: 'Earned reach',
        value: whole(t.earnedReach),
        range: countRange(t.ranges.earnedReach),
        short: earnedIn ? 'People reached by participants’ videos (counted in reach)' : 'People reached by participants’ videos (not in reach)',
      },
      {
        key: 'earnedViews',
        label: 'Earned views',
        value: whole(t.earnedViews),
        range: countRange(t.ranges.earnedViews),
        short: 'Views of participants’ videos',
      },
      {
        key: 'earnedEngagements',
        label: 'Earned engagements',
        value: whole(t.earnedEngagements),
        range: countRange(t.ranges.earnedEngagements),
        short: 'On participants’ videos, apart from the brand’s own',
      },
    );
  }
  cards.push(
    { key: 'clicks', label: 'Clicks', value: whole(t.clicks), range: countRange(t.ranges.clicks), short: 'Impressions or views × click-through rate' },
    {
      key: 'conversions',
      label: 'Conversions',
      value: whole(t.conversions),
      range: countRange(t.ranges.conversions),
      short: goal === 'app-installs' ? 'Installs: clicks × conversion rate' : 'Clicks × conversion rate',
    },
    { key: 'revenue', label: 'Revenue', value: money(t.revenue), range: moneyRange(t.ranges.revenue), short: 'Conversions × average order value' },
  );
  if (t.ranges.emv.high > 0) {
    cards.push({
      key: 'emv',
      label: 'Earned media value',
      value: money(t.emv),
      range: moneyRange(t.ranges.emv),
      short: 'Earned views priced as paid impressions',
    });
  }
  cards.push(
    { key: 'cpm', label: 'CPM', value: unitCost(t.cpm), range: unitRange(t.costs.cpm), short: 'Spend ÷ impressions × 1,000' },
    {
      key: 'costPerResult',
      label: g.costLabel,
      value: unitCost(cost?.mid ?? null),
      range: unitRange(cost),
      short: `Spend ÷ ${g.label}${g.per === 1000 ? ' × 1,000' : ''}: the goal’s unit cost`,
    },
    { key: 'roas', label: 'ROAS', value: times(t.roas?.mid ?? null), range: timesRange(t.roas), short: 'Revenue ÷ full cost (gross, incl. tax)' },
    { key: 'roi', label: 'ROI', value: pct(t.roi?.mid ?? null), range: pctRange(t.roi), short: 'ROI on full cost (gross, incl. tax): (revenue − gross) ÷ gross' },
  );
  return cards;
}

export interface CostRow {
  key: CostMetric;
  label: string;
  /** What the cost is per. */
  per: string;
  value: string;
  range: string | null;
}

const COST_ROWS: { key: CostMetric; label: string; per: string; scale: number }[] = [
  { key: 'cpm', label: 'CPM', per: '1,000 impressions', scale: 1 },
  { key: 'costPerReach', label: 'Cost per 1,000 reached', per: '1,000 people reached', scale: 1000 },
  { key: 'cpv', label: 'CPV', per: 'video view', scale: 1 },
  { key: 'cpe', label: 'CPE', per: 'engagement', scale: 1 },
  { key: 'cpc', label: 'CPC', per: 'click', scale: 1 },
  { key: 'cpa', label: 'CPA', per: 'conversion', scale: 1 },
  { key: 'costPerSubmission', label: 'Cost per submission', per: 'video submission', scale: 1 },
];

/** The plan's unit costs, each central with its range; a cost without a result reads "—". */
export function costRows(costs: Record<CostMetric, Range | null>): CostRow[] {
  return COST_ROWS.map(({ key, label, per, scale }) => {
    const r = costs[key];
    const scaled = r ? { low: r.low * scale, mid: r.mid * scale, high: r.high * scale } : null;
    return { key, label, per, value: unitApprox(scaled?.mid ?? null), range: unitRange(scaled) };
  });
}
