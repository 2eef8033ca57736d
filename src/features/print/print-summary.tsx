import { useMemo } from 'react';
import { format } from 'date-fns';
import { COST_LABEL, GOAL_KPI, type Plan } from '../../domain/plan';
import { parseNumber } from '../../domain/parse';
import { AGE_BANDS, type Assumption, type Gender } from '../../domain/types';
import { MAX_MONEY, parseAssumptionOverride } from '../../domain/validation';
import { goalCost, type DailyPoint, type Figures, type LineResult, type Projection } from '../../domain/projection';
import { STATUS_LABEL } from '../../domain/workspace';
import { usePlanModel } from '../../hooks/use-plan-model';
import { flightText } from '../../lib/flight-text';
import { approx, money, pctApprox, short, unitCost, whole } from '../../lib/format';
import { bucketEnds, dateTicks, niceTicks } from '../../lib/scale';
import { axisDate, moneyTick } from '../../components/charts/axis-format';

const GENDER_LABEL: Record<Gender, string> = { all: 'all genders', female: 'women', male: 'men' };
const SOURCE_LABEL: Record<Assumption['source']['kind'], [string, string]> = {
  guide: ['from the platform guide', 'from the platform guide'],
  benchmark: ['industry benchmark', 'industry benchmarks'],
  'team-assumption': ['team assumption', 'team assumptions'],
};

/** A typed amount as money, or as typed when it isn't one (the print shows the plan, errors and all). */
function amountText(text: string, unit: 'usd' | 'count'): string {
  const parsed = parseNumber(text, { label: 'Amount', max: Number.MAX_SAFE_INTEGER, unit, optional: true });
  if (!parsed.ok) return `“${text.trim()}” (not a valid amount)`;
  if (parsed.value === null) return '';
  return unit === 'usd' ? money(parsed.value) : whole(parsed.value);
}

function kpiText(plan: Plan): string {
  const { metric, metricLabel } = GOAL_KPI[plan.goal];
  const target = amountText(plan.kpiTarget, metric === 'revenue' ? 'usd' : 'count');
  return target ? `${target} ${metricLabel}` : 'none set';
}

function budgetText(plan: Plan): string {
  const parsed = parseNumber(plan.totalBudget, { label: 'Total budget', max: MAX_MONEY, unit: 'usd', min: 1 });
  return parsed.ok && parsed.value !== null ? money(parsed.value) : `“${plan.totalBudget.trim()}” (not a valid amount)`;
}

function audienceText(plan: Plan): string {
  const { countries, ageBands, gender } = plan.targeting;
  const ages =
    ageBands.length === AGE_BANDS.length
      ? 'all ages'
      : `ages ${AGE_BANDS.filter((b) => ageBands.includes(b))
          .map((b) => b.replace('-', '–'))
          .join(', ')}`;
  return [countries.join(', ') || 'no country', ages, GENDER_LABEL[gender]].join(' · ');
}

/**
 * What the printed page has of its own, all hidden on screen: its header (name, status, flight,
 * goal and KPI target, budget, audience), the flight chart drawn for paper, a compact table of
 * the line items and the closing assumptions note. Mount it as a direct child of the results
 * column: print.css lays it out with the projections, the header first, the flight chart in the
 * screen one's place, the line items after the charts and the note last.
 */
export function PrintSummary({ plan }: { plan: Plan }) {
  return (
    <>
      <PrintHeader plan={plan} />
      <PrintFlight />
      <PrintLineItems />
      <PrintFootnote plan={plan} />
    </>
  );
}

/** Characters of a plan's name that fit on one line of the header at its full size; a longer name is set smaller. */
const LONG_NAME = 40;

/** What a client deck opens with. Facts that don't parse are shown as typed: the printout never hides a mistake. */
function PrintHeader({ plan }: { plan: Plan }) {
  const facts: [string, string][] = [
    ['Status', STATUS_LABEL[plan.status]],
    ['Flight', flightText(plan.startDate, plan.endDate)],
    ['Goal', GOAL_KPI[plan.goal].goalLabel],
    ['KPI target', kpiText(plan)],
    ['Total budget', budgetText(plan)],
    ['Audience', audienceText(plan)],
  ];
  const edited = new Date(plan.updatedAt);
  const name = plan.name.trim() || 'Untitled plan';
  return (
    <header className="print-summary">
      <div className="print-summary__top">
        <p className="print-summary__kicker">TikTok campaign plan · Reachplan</p>
        {!Number.isNaN(edited.getTime()) && <p className="print-summary__edited">Last edited {format(edited, 'MMM d, yyyy')}</p>}
      </div>
      <h2 className={name.length > LONG_NAME ? 'print-summary__name print-summary__name--long' : 'print-summary__name'}>{name}</h2>
      <dl className="print-summary__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}

// ---------------------------------------------------------------------------------------
// Reach and spend over the flight, for paper.
//
// The screen's chart (recharts) is drawn at the size its box had when last measured; a browser
// printing the page runs no script, so it would print that drawing squeezed into the printed
// box, its axis labels shrunk to a few points. This one is drawn like the budget curve: the
// lines are one SVG stretched to the plot area (strokes keep their width) and the labels are
// HTML, so it prints sharp at any paper width. print.css shows it in the screen chart's place.
// Not a `figure.chart`: the page's charts are the screen's six.

/** The plot's drawing space; the SVG is stretched over the plot area. */
const FLIGHT_W = 1000;
const FLIGHT_H = 400;
/** As on screen (charts.tsx). */
const FLIGHT_COLOR = { reach: '#ff2d55', band: '#ff2d55', spend: '#344054' };

// As the screen chart reads the projection (chart-data.ts; features don't share code).

interface FlightPoint {
  date: string;
  reach: number;
  low: number;
  high: number;
  spend: number;
}

/** Cumulative reach (with its P10-P90) and spend per day; per week past 120 days. */
function flightPoints(daily: readonly DailyPoint[]): FlightPoint[] {
  return bucketEnds(daily).map((p) => ({ date: p.date, reach: p.cumulativeReach, low: p.cumulativeReachLow, high: p.cumulativeReachHigh, spend: p.cumulativeSpend }));
}

const percentOf = (v: number, max: number) => `${max > 0 ? (v / max) * 100 : 0}%`;

/** SVG paths of the flight's reach band, reach line and (stepped) spend line, in FLIGHT_W × FLIGHT_H. */
function flightPaths(points: readonly FlightPoint[], reachMax: number, spendMax: number): { band: string; reach: string; spend: string } {
  const n = points.length;
  const x = (i: number) => (n > 1 ? (i / (n - 1)) * FLIGHT_W : FLIGHT_W / 2).toFixed(1);
  const y = (v: number, max: number) => (max > 0 ? FLIGHT_H - (Math.min(v, max) / max) * FLIGHT_H : FLIGHT_H).toFixed(1);
  const line = (value: (p: FlightPoint) => number, max: number) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(value(p), max)}`).join('');
  const high = line((p) => p.high, reachMax);
  const low = [...points.keys()]
    .reverse()
    .map((i) => `L${x(i)},${y(points[i]?.low ?? 0, reachMax)}`)
    .join('');
  const spend = points
    .map((p, i) => (i === 0 ? `M${x(0)},${y(p.spend, spendMax)}` : `H${x(i)}V${y(p.spend, spendMax)}`))
    .join('');
  return { band: n > 0 ? `${high}${low}Z` : '', reach: line((p) => p.reach, reachMax), spend };
}

/** The flight chart as print shows it; nothing before the projection is ready, or without line items (as on screen). */
function PrintFlight() {
  const model = usePlanModel();
  if (model.status !== 'ready' || model.projection.items.length === 0) return null;
  return <PrintFlightChart daily={model.projection.daily} />;
}

function PrintFlightChart({ daily }: { daily: Projection['daily'] }) {
  const points = useMemo(() => flightPoints(daily), [daily]);
  const reachTicks = niceTicks(Math.max(0, ...points.map((p) => p.high)));
  const spendTicks = niceTicks(points.at(-1)?.spend ?? 0);
  const reachMax = reachTicks.at(-1) ?? 0;
  const spendMax = spendTicks.at(-1) ?? 0;
  const dates = dateTicks(points.map((p) => p.date), 4);
  const paths = flightPaths(points, reachMax, spendMax);
  const at = (date: string) => percentOf(Math.max(0, points.findIndex((p) => p.date === date)), Math.max(1, points.length - 1));
  return (
    <figure className="print-flight" aria-labelledby="print-flight-title">
      <figcaption>
        <strong id="print-flight-title">Reach and spend over the flight</strong>
      </figcaption>
      {points.length === 0 ? (
        <p className="print-flight__none">Set valid flight dates to see reach and spend over time.</p>
      ) : (
        <>
          <div className="print-flight__chart">
            <div className="print-flight__y">
              {reachTicks.map((t) => (
                <span key={t} style={{ bottom: percentOf(t, reachMax) }}>
                  {short(t)}
                </span>
              ))}
            </div>
            <div className="print-flight__plot">
              {reachTicks.map((t) => (
                <i key={t} className="print-flight__grid" style={{ bottom: percentOf(t, reachMax) }} />
              ))}
              <svg viewBox={`0 0 ${FLIGHT_W} ${FLIGHT_H}`} preserveAspectRatio="none" className="print-flight__svg">
                <path className="print-flight__band" d={paths.band} fill={FLIGHT_COLOR.band} fillOpacity={0.18} stroke="none" />
                <path className="print-flight__reach" d={paths.reach} fill="none" stroke={FLIGHT_COLOR.reach} strokeWidth={2} vectorEffect="non-scaling-stroke" />
                <path
                  className="print-flight__spend"
                  d={paths.spend}
                  fill="none"
                  stroke={FLIGHT_COLOR.spend}
                  strokeWidth={1}
                  strokeDasharray="5 3"
                  vectorEffect="non-scaling-stroke"
                />
              </svg>
              <div className="print-flight__x">
                {dates.map((d) => (
                  <span key={d} style={{ left: at(d) }}>
                    {axisDate(d)}
                  </span>
                ))}
              </div>
            </div>
            <div className="print-flight__y print-flight__y--right">
              {spendTicks.map((t) => (
                <span key={t} style={{ bottom: percentOf(t, spendMax) }}>
                  {moneyTick(t)}
                </span>
              ))}
            </div>
          </div>
          <ul className="chart-key">
            <li>
              <span className="chart-key__swatch chart-key__swatch--line" style={{ background: FLIGHT_COLOR.reach }} aria-hidden="true" />
              Cumulative reach (central)
            </li>
            <li>
              <span className="chart-key__swatch chart-key__swatch--band" style={{ background: 'rgb(255 45 85 / 25%)' }} aria-hidden="true" />
              Reach P10–P90
            </li>
            <li>
              <span className="chart-key__swatch chart-key__swatch--dash" style={{ borderColor: FLIGHT_COLOR.spend }} aria-hidden="true" />
              Cumulative spend (right axis)
            </li>
          </ul>
        </>
      )}
    </figure>
  );
}

// ---------------------------------------------------------------------------------------

/** Rows the printed table has room for on the one page, the "+N more" line included. */
export const PRINT_MAX_ROWS = 12;

/** The line items a printout shows, and what it leaves out (summed), or null when it shows them all. */
interface PrintedLineItems<T> {
  shown: T[];
  more: { count: number; spend: number } | null;
}

/**
 * All the line items, in the plan's order, when they fit in `maxRows`; else the largest by
 * spend (ties in the plan's order), one row short of `maxRows` so the "+N more" line takes its
 * place: the table is never longer, and never says "+1 more" instead of showing that one.
 */
function printedLineItems<T extends Pick<LineResult, 'spend'>>(items: readonly T[], maxRows = PRINT_MAX_ROWS): PrintedLineItems<T> {
  if (items.length <= maxRows) return { shown: [...items], more: null };
  const bySpend = items.map((item, i) => ({ item, i })).sort((a, b) => b.item.spend - a.item.spend || a.i - b.i);
  const keep = Math.max(0, maxRows - 1);
  const rest = bySpend.slice(keep);
  return {
    shown: bySpend.slice(0, keep).map((r) => r.item),
    more: { count: rest.length, spend: rest.reduce((sum, r) => sum + r.item.spend, 0) },
  };
}

const UNIT_ONE: Partial<Record<LineResult['bought']['unit'], string>> = { days: 'day', posts: 'post' };

/** What a line item buys, short enough for its column: "12M impressions", "2 days", "1 post" (the CSV has it exact). */
function printedBuys({ bought: { quantity, unit } }: Pick<LineResult, 'bought'>): string {
  return `${approx(quantity, 4)} ${quantity === 1 ? (UNIT_ONE[unit] ?? unit) : unit}`;
}

/**
 * A row's cells after its name, central estimates only (the headline totals carry the ranges; a row stays
 * one line), as the results table has them: spend, what it buys, reach, impressions,
 * engagements, conversions, the goal's unit cost, ROI.
 */
function PrintCells({ figures, goal, buys }: { figures: Figures; goal: Plan['goal']; buys: string }) {
  const f = figures;
  const cells = [
    money(f.spend),
    buys,
    whole(f.reach),
    whole(f.impressions),
    whole(f.engagements),
    whole(f.conversions),
    unitCost(goalCost(f.spend, f.ranges, goal)?.mid ?? null),
    pctApprox(f.roi?.mid ?? null),
  ];
  return cells.map((text, i) => <td key={i}>{text}</td>);
}

/**
 * The results by line item as a compact table for the printed page: central estimates only, one line a row;
 * past PRINT_MAX_ROWS the largest by spend and a line that says how many are left out (the
 * total is of them all). Nothing before the projection is ready, or without line items.
 */
function PrintLineItems() {
  const model = usePlanModel();
  if (model.status !== 'ready' || model.projection.items.length === 0) return null;
  return <PrintLineItemTable projection={model.projection} goal={model.projected.plan.goal} />;
}

function PrintLineItemTable({ projection, goal }: { projection: Projection; goal: Plan['goal'] }) {
  const { items, totals } = projection;
  const { shown, more } = printedLineItems(items);
  const columns = 9;
  return (
    <div className="print-items">
      <table className="print-items__table">
        <caption>
          Results by line item{' '}
          <span className="print-items__scope">
            ({more ? `central estimates; the ${shown.length} with the most spend of ${items.length}` : 'central estimates'}; the total’s reach is de-duplicated)
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <th scope="col">Spend</th>
            <th scope="col">Buys</th>
            <th scope="col">Reach</th>
            <th scope="col">Impressions</th>
            <th scope="col">Engagements</th>
            <th scope="col">Conversions</th>
            <th scope="col">{COST_LABEL[GOAL_KPI[goal].metric]}</th>
            <th scope="col">ROI</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <PrintCells figures={r} goal={goal} buys={printedBuys(r)} />
            </tr>
          ))}
          {more && (
            <tr className="print-items__more">
              <td colSpan={columns}>
                +{more.count} more {more.count === 1 ? 'line item' : 'line items'} ({money(more.spend)} of spend) — see the CSV export for every
                line item. The total is of all {items.length}.
              </td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <PrintCells figures={totals} goal={goal} buys="—" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** An override's value in the unit the planner typed it in. */
function overrideText(a: Assumption, value: number): string {
  if (a.unit === 'fraction') return `${Number((value * 100).toPrecision(4))}%`;
  const cents = a.unit === 'usd' && !Number.isInteger(value) ? 2 : 0;
  const n = value.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: 2 });
  return a.unit === 'usd' ? `$${n}` : n;
}

function countOf(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The printed plan's closing note: what the numbers are (central estimates with P10–P90 ranges) and what
 * they rest on, with the assumptions this plan overrides (typed and valid, as the projection uses them).
 */
function PrintFootnote({ plan }: { plan: Plan }) {
  const model = usePlanModel();
  let text = 'Projections are central estimates with P10–P90 ranges.';
  if (model.status === 'ready') {
    // The ledger's rates: the global ones and the targeted markets' own, as the assumptions panel lists them.
    const countries = plan.targeting.countries;
    const assumptions = model.assumptions.filter((a) => a.country === undefined || countries.includes(a.country));
    // In the ledger's order; only overrides the projection uses (typed and valid).
    const overridden = assumptions.flatMap((a) => {
      const typed = plan.assumptionOverrides[a.key] ?? '';
      const parsed = typed.trim() === '' ? null : parseAssumptionOverride(typed, a);
      return parsed?.ok && parsed.value !== null ? [`${a.label} (${overrideText(a, parsed.value)})`] : [];
    });
    const kinds = (Object.keys(SOURCE_LABEL) as Assumption['source']['kind'][])
      .map((kind) => [kind, assumptions.filter((a) => a.source.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => countOf(n, SOURCE_LABEL[kind]));
    text =
      `Projections are central estimates, every assumption at its ledger value, with P10–P90 ranges over ${model.projection.sample.size} scenarios. ` +
      `Assumptions: ${assumptions.length} rates (${kinds.join(', ')}), each with its source in the assumptions ledger; ` +
      (overridden.length === 0
        ? 'none overridden for this plan.'
        : `${overridden.length} overridden for this plan: ${overridden.join('; ')}.`);
  }
  return <p className="print-footnote">{text}</p>;
}
