import { memo, useMemo, useState, type ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, XAxis, YAxis } from 'recharts';
import { Curve, type CurvePoint } from './curve';
import type { Goal } from '../../domain/types';
import type { Projection } from '../../domain/projection';
import { approx, approxMoney, lowHigh, money, pct, pctRound, times, unitApprox, whole } from '../../lib/format';
import {
  budgetCurveData,
  dayReaching,
  formatsCompared,
  frequencyBars,
  funnelSteps,
  linearScale,
  logScale,
  reachOverFlight,
  resultsByItem,
  sameRows,
  type BudgetCurveData,
  type FlightPoint,
  type FormatBar,
  type FrequencyBar,
  type FunnelStep,
  type ItemResultBar,
} from './chart-data';
import { dateTicks, niceTicks } from '../../lib/scale';
import { axisDate, countTick, moneyTick } from '../../components/charts/axis-format';
import { AxisTick } from '../../components/charts/axis-tick';
import { goalResult } from './goal';
import { HBars, type HBar } from './hbars';

/** The key entry of the P10-P90 whisker drawn over each bar. */
const WHISKER = { label: 'P10–P90', color: '#101828', kind: 'whisker' as const };

const COLOR = {
  reach: '#ff2d55',
  band: '#ff2d55',
  spend: '#344054',
  bar: '#7a5af8',
  plan: '#d6003c',
  universe: '#98a2b3',
  grid: '#e4e7ec',
};
const countFmt = (n: number, d: 3 | 4) => approx(n, d);
const range = (low: number, high: number) => lowHigh({ low, high }, countFmt) ?? 'no range';

/**
 * A legend in HTML: recharts' own legend measures itself on every render, which is most of a
 * chart's update time; this one costs nothing and reads as text.
 */
function Key({ items }: { items: { label: string; color: string; kind?: 'band' | 'line' | 'dot' | 'whisker' }[] }) {
  return (
    <ul className="chart-key">
      {items.map((i) => (
        <li key={i.label}>
          <span className={`chart-key__swatch chart-key__swatch--${i.kind ?? 'box'}`} style={{ background: i.color }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart as a figure: a caption that says what it shows in words, the drawing, its key, and
 * its numbers as a table behind a disclosure (drawn only when opened).
 */
function ChartFigure({
  id,
  title,
  summary,
  wide = false,
  children,
  legend,
  table,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  wide?: boolean;
  children: ReactNode;
  legend?: ReactNode;
  table: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <figure className={`chart card ${wide ? 'chart--wide' : ''}`} aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption>
        <strong id={`${id}-title`}>{title}</strong>
        <span>{summary}</span>
      </figcaption>
      {children}
      {legend}
      <details className="chart__data" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          Data table<span className="visually-hidden">: {title}</span>
        </summary>
        {open && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}: data`}>
            <table className="table table--numbers table--compact">
              <caption className="visually-hidden">{title}</caption>
              {table()}
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------

const FLIGHT_STYLE = { width: '100%', height: 240 };
const FLIGHT_MARGIN = { top: 8, right: 4, left: 0, bottom: 0 };

/** Round ticks up to at least `max` and the domain they span: the same arrays while the ticks' values are. */
function useTicks(max: number): [number[], [number, number]] {
  const ticks = niceTicks(max);
  const key = ticks.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the ticks' values.
  return useMemo(() => [ticks, [0, ticks[ticks.length - 1] ?? 0]], [key]);
}

const FlightChart = memo(
  function FlightChart({ points, universe }: { points: FlightPoint[]; universe: number }) {
    const ticks = useMemo(() => dateTicks(points.map((p) => p.date), 4), [points]);
    const last = points[points.length - 1];
    const half = dayReaching(points, 0.5);
    const maxReach = Math.max(0, ...points.map((p) => p.band[1]));
    const maxSpend = last?.spend ?? 0;
    // Axis props keep their identity while their values hold: recharts stores every axis
    // setting and recomputes the chart whenever one is a new object.
    const [reachTicks, reachDomain] = useTicks(maxReach);
    const [spendTicks, spendDomain] = useTicks(maxSpend);
    return (
      <ChartFigure
        id="chart-flight"
        wide
        title="Reach and spend over the flight"
        summary={
          last && half
            ? `By ${axisDate(last.date)}: ${approx(last.reach)} people reached (${range(last.band[0], last.band[1])}), ${rangePct(last.reach, universe)} of the audience, for ${money(last.spend)}. Half of that reach is in by ${axisDate(half.date)}.`
            : 'Set valid flight dates to see reach and spend over time.'
        }
        legend={
          points.length > 0 && (
            <Key
              items={[
                { label: 'Cumulative reach (central)', color: COLOR.reach, kind: 'line' },
                { label: 'Reach P10–P90', color: 'rgb(255 45 85 / 25%)', kind: 'band' },
                { label: 'Cumulative spend (right axis)', color: COLOR.spend, kind: 'line' },
              ]}
            />
          )
        }
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Reach (central)</th>
                <th scope="col">Reach P10–P90</th>
                <th scope="col">Impressions</th>
                <th scope="col">Spend</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.date}>
                  <th scope="row">{axisDate(p.date)}</th>
                  <td>{whole(p.reach)}</td>
                  <td>{range(p.band[0], p.band[1])}</td>
                  <td>{whole(p.impressions)}</td>
                  <td>{money(p.spend)}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      >
        {/* No accessibility layer: without a tooltip it would only add a silent tab stop; the caption and data table carry the figures. */}
        {points.length > 0 && (
          <ComposedChart responsive accessibilityLayer={false} data={points} style={FLIGHT_STYLE} margin={FLIGHT_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={COLOR.grid} />
            <XAxis dataKey="date" ticks={ticks} interval={0} tickFormatter={axisDate} tick={AxisTick} />
            <YAxis yAxisId="reach" niceTicks="none" interval={0} tickFormatter={countTick} ticks={reachTicks} domain={reachDomain} width={52} tick={AxisTick} />
            <YAxis yAxisId="spend" orientation="right" niceTicks="none" interval={0} tickFormatter={moneyTick} ticks={spendTicks} domain={spendDomain} width={56} tick={AxisTick} />
            <Area yAxisId="reach" type="monotone" dataKey="band" name="Reach P10–P90" stroke="none" fill={COLOR.band} fillOpacity={0.18} isAnimationActive={false} activeDot={false} />
            {/* Lines drawn as unfilled areas: recharts' Line measures its path's length on every render, which forces a layout of the page. */}
            <Area yAxisId="reach" type="monotone" dataKey="reach" name="Reach" stroke={COLOR.reach} strokeWidth={2} fill="none" dot={false} activeDot={false} isAnimationActive={false} />
            <Area yAxisId="spend" type="stepAfter" dataKey="spend" name="Spend" stroke={COLOR.spend} fill="none" className="chart__spend-line" dot={false} activeDot={false} isAnimationActive={false} />
          </ComposedChart>
        )}
      </ChartFigure>
    );
  },
  (a, b) => a.universe === b.universe && sameRows(a.points, b.points),
);

const curvePoints = (points: readonly { spend: number; reach: number }[]): CurvePoint[] => points.map((p) => ({ x: p.spend, y: p.reach }));

function rangePct(part: number, whole: number): string {
  return whole > 0 ? pctRound(part / whole) : '—';
}

const BudgetCurveChart = memo(
  function BudgetCurveChart({ data, universe }: { data: BudgetCurveData; universe: number }) {
    const { points, plan, half, more } = data;
    const maxReach = Math.max(0, ...points.map((p) => p.reach));
    const showUniverse = universe > 0 && maxReach > 0.6 * universe;
    const reachTicks = niceTicks(showUniverse ? Math.max(maxReach, universe) : maxReach);
    const spendTicks = niceTicks(points[points.length - 1]?.spend ?? 0);
    const added = plan && more ? more.reach - plan.reach : null;
    return (
      <ChartFigure
        id="chart-budget"
        title="Reach vs budget"
        summary={
          plan
            ? `The plan’s ${money(plan.spend)} reaches ${approx(plan.reach)} people (${rangePct(plan.reach, universe)} of ${approx(universe)} in the audience).${
                half ? ` Half the budget would reach ${approx(half.reach)};` : ''
              }${more && added !== null ? ` 50% more (${money(more.spend)}) would add ${approx(added)} people: each extra dollar reaches fewer new people.` : ''}`
            : 'Add spend to see how reach grows with budget.'
        }
        legend={
          plan && (
            <Key
              items={[
                { label: 'Reach at each budget (central)', color: COLOR.reach, kind: 'line' },
                { label: 'This plan', color: COLOR.plan, kind: 'dot' },
                ...(showUniverse ? [{ label: 'Audience universe', color: COLOR.universe, kind: 'line' as const }] : []),
              ]}
            />
          )
        }
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Budget</th>
                <th scope="col">Reach (central)</th>
                <th scope="col">Share of audience</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.spend} className={p.isPlan ? 'is-selected' : undefined}>
                  <th scope="row">
                    {money(p.spend)}
                    {p.isPlan && ' (this plan)'}
                  </th>
                  <td>{whole(p.reach)}</td>
                  <td>{rangePct(p.reach, universe)}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      >
        {plan && (
          <Curve
            points={curvePoints(points)}
            mark={{ x: plan.spend, y: plan.reach }}
            level={showUniverse ? universe : null}
            xTicks={spendTicks}
            yTicks={reachTicks}
            xLabel={moneyTick}
            yLabel={countTick}
            color={COLOR.reach}
            markColor={COLOR.plan}
            levelColor={COLOR.universe}
          />
        )}
      </ChartFigure>
    );
  },
  (a, b) => a.universe === b.universe && sameRows(a.data.points, b.data.points),
);

const FrequencyChart = memo(
  function FrequencyChart({ bars, frequency }: { bars: FrequencyBar[]; frequency: number | null }) {
    const once = bars[0];
    const three = bars[2];
    const scale = linearScale(Math.max(0, ...bars.map((b) => b.high)));
    const drawn = useMemo(
      () => bars.map((b): HBar => ({ key: b.label, label: `${b.label} times`, value: b.people, low: b.low, high: b.high, text: `${approx(b.people)} · ${pctRound(b.share)}` })),
      [bars],
    );
    return (
      <ChartFigure
        id="chart-frequency"
        title="Frequency distribution"
        summary={
          once && three && once.people > 0
            ? `${approx(once.people)} people (${pctRound(once.share)} of the audience) see the ads at least once, ${approx(three.people)} (${pctRound(three.share)}) three times or more. Average frequency ${times(frequency)}.`
            : 'No reach yet.'
        }
        legend={<Key items={[{ label: 'People reached at least n times (central) · share of the audience', color: COLOR.bar }, WHISKER]} />}
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Exposures</th>
                <th scope="col">People (central)</th>
                <th scope="col">P10–P90</th>
                <th scope="col">Share of audience</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{whole(b.people)}</td>
                  <td>{range(b.low, b.high)}</td>
                  <td>{pct(b.share)}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      >
        {once && once.people > 0 && <HBars bars={drawn} scale={scale} format={countTick} color={COLOR.bar} />}
      </ChartFigure>
    );
  },
  (a, b) => a.frequency === b.frequency && sameRows(a.bars, b.bars),
);

const FunnelChart = memo(
  function FunnelChart({ steps }: { steps: FunnelStep[] }) {
    // A log scale: conversions are thousands of times fewer than impressions.
    const scale = useMemo(() => logScale(steps.flatMap((s) => [s.low, s.high])), [steps]);
    const drawn = useMemo(
      () =>
        steps.map((s): HBar => ({
          key: s.stage,
          label: s.stage,
          value: s.value,
          low: s.low,
          high: s.high,
          text: s.rate === null || s.stage === 'Video views' ? approx(s.value) : `${approx(s.value)} · ${pctRound(s.rate)}`,
        })),
      [steps],
    );
    const get = (stage: string) => steps.find((s) => s.stage === stage);
    const impressions = get('Impressions');
    const engagements = get('Engagements');
    const clicks = get('Clicks');
    const conversions = get('Conversions');
    const submissions = get('Video submissions');
    const submitted = submissions ? ` Participants submit ${approx(submissions.value)} videos (${pct(submissions.rate)} of impressions).` : '';
    return (
      <ChartFigure
        id="chart-funnel"
        title="Funnel"
        summary={
          impressions && impressions.value > 0
            ? `Of ${approx(impressions.value)} impressions, ${approx(engagements?.value ?? 0)} engage (${pct(engagements?.rate ?? null)} of views), ${approx(clicks?.value ?? 0)} click and ${approx(conversions?.value ?? 0)} convert (${pct(conversions?.rate ?? null)} of clicks).${submitted} Log scale: each gridline is 10× the one before.`
            : 'No impressions yet.'
        }
        legend={<Key items={[{ label: submissions ? 'Central · rate from the step before; submissions per impression (log scale)' : 'Central · rate from the step before (log scale)', color: COLOR.reach }, WHISKER]} />}
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Central</th>
                <th scope="col">P10–P90</th>
                <th scope="col">Rate from the step before</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.stage}>
                  <th scope="row">{s.stage}</th>
                  <td>{whole(s.value)}</td>
                  <td>{range(s.low, s.high)}</td>
                  <td>{s.rate === null ? '—' : `${pct(s.rate)}${s.stage === 'Video submissions' ? ' of impressions' : ''}`}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      >
        {impressions && impressions.value > 0 && <HBars bars={drawn} scale={scale} format={countTick} color={COLOR.reach} />}
      </ChartFigure>
    );
  },
  (a, b) => sameRows(a.steps, b.steps),
);

const ItemResultsChart = memo(
  function ItemResultsChart({ bars, goal, total }: { bars: ItemResultBar[]; goal: Goal; total: number }) {
    const g = goalResult(goal);
    const money$ = g.metric === 'revenue';
    const scale = linearScale(Math.max(0, ...bars.map((b) => b.high)));
    const drawn = useMemo(
      () =>
        bars.map(
          (b): HBar => ({
            key: b.name,
            label: b.name,
            value: b.result,
            low: b.low,
            high: b.high,
            text: `${money$ ? approxMoney(b.result) : approx(b.result)} · ${b.cost === null ? '—' : unitApprox(b.cost)}`,
            muted: b.isOther,
          }),
        ),
      [bars, money$],
    );
    const best = bars[0];
    const cheapest = bars.filter((b) => b.cost !== null && !b.isOther).sort((x, y) => (x.cost ?? 0) - (y.cost ?? 0))[0];
    const metricLabel = g.metric === 'revenue' ? 'conversions' : g.label;
    return (
      <ChartFigure
        id="chart-items"
        wide
        title={`Results and ${g.costLabel.toLowerCase()} by line item`}
        summary={
          best && best.result > 0
            ? `${bars.length < total ? `The ${bars.length - 1} line items with the most ${metricLabel} and the other ${total - bars.length + 1} together. ` : ''}Most ${metricLabel}: ${best.name} (${approx(best.result)}).${
                cheapest ? ` Lowest ${g.costLabel.toLowerCase()}: ${cheapest.name} (${unitApprox(cheapest.cost)}).` : ''
              } Reach is each line item’s own, not de-duplicated.`
            : `No ${metricLabel} yet.`
        }
        legend={
          <Key
            items={[
              { label: `${cap(metricLabel)} (central) · ${g.costLabel.toLowerCase()}`, color: COLOR.bar },
              WHISKER,
            ]}
          />
        }
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Line item</th>
                <th scope="col">{cap(metricLabel)} (central)</th>
                <th scope="col">P10–P90</th>
                <th scope="col">Spend</th>
                <th scope="col">{g.costLabel}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.name}>
                  <th scope="row">{b.name}</th>
                  <td>{money$ ? money(b.result) : whole(b.result)}</td>
                  <td>{b.isOther ? 'sum, no range' : range(b.low, b.high)}</td>
                  <td>{money(b.spend)}</td>
                  <td>{unitApprox(b.cost)}</td>
                </tr>
              ))}
            </tbody>
          </>
        )}
      >
        <HBars bars={drawn} scale={scale} format={money$ ? moneyTick : countTick} color={COLOR.bar} />
      </ChartFigure>
    );
  },
  (a, b) => a.goal === b.goal && a.total === b.total && sameRows(a.bars, b.bars),
);

const FormatsChart = memo(
  function FormatsChart({ bars, goal, budget }: { bars: FormatBar[]; goal: Goal; budget: number }) {
    const g = goalResult(goal);
    const kpiLabel = goal === 'sales' ? 'revenue' : g.label;
    const isMoney = goal === 'sales';
    const available = bars.filter((b) => b.unavailable === null);
    const unavailable = bars.filter((b) => b.unavailable !== null);
    const best = [...available].sort((x, y) => y.value - x.value)[0];
    const cheapest = available.filter((b) => b.cost !== null).sort((x, y) => (x.cost ?? 0) - (y.cost ?? 0))[0];
    const scale = linearScale(Math.max(0, ...bars.map((b) => b.high)));
    const drawn = useMemo(
      () =>
        bars.map(
          (b): HBar => ({
            key: b.name,
            label: b.name,
            value: b.value,
            low: b.low,
            high: b.high,
            text: b.unavailable
              ? 'can’t be bought'
              : `${isMoney ? approxMoney(b.value) : approx(b.value)} · ${b.cost === null ? '—' : unitApprox(b.cost)}`,
            muted: b.unavailable !== null,
          }),
        ),
      [bars, isMoney],
    );
    const fmt = (v: number) => (isMoney ? money(v) : whole(v));
    return (
      <ChartFigure
        id="chart-formats"
        title="Ad formats compared on the same budget"
        summary={
          <>
            {best
              ? `Each format alone on ${money(budget)}: ${best.name} gives the most ${kpiLabel} (${isMoney ? approxMoney(best.value) : approx(best.value)})${
                  cheapest ? `, ${cheapest.name} the lowest ${g.costLabel.toLowerCase()} (${unitApprox(cheapest.cost)})` : ''
                }.`
              : `No format can be bought with ${money(budget)}.`}
            {available
              .filter((b) => b.spend < budget * 0.999)
              .map((b) => ` ${b.name} can only use ${money(b.spend)} of it.`)
              .join('')}
            {unavailable.map((b) => ` ${b.name} can’t be bought with it: ${b.unavailable}`).join('')}
          </>
        }
        legend={<Key items={[{ label: `${cap(kpiLabel)} (central) · ${g.costLabel.toLowerCase()}`, color: COLOR.bar }, WHISKER]} />}
        table={() => (
          <>
            <thead>
              <tr>
                <th scope="col">Format</th>
                <th scope="col">Spend</th>
                <th scope="col">{cap(kpiLabel)} (central)</th>
                <th scope="col">P10–P90</th>
                <th scope="col">{g.costLabel}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) =>
                b.unavailable ? (
                  <tr key={b.name}>
                    <th scope="row">{b.name}</th>
                    <td colSpan={4} className="chart__unavailable">
                      Unavailable: {b.unavailable}
                    </td>
                  </tr>
                ) : (
                  <tr key={b.name}>
                    <th scope="row">{b.name}</th>
                    <td>{money(b.spend)}</td>
                    <td>{fmt(b.value)}</td>
                    <td>{lowHigh({ low: b.low, high: b.high }, isMoney ? (n, d) => approxMoney(n, d) : countFmt) ?? 'no range'}</td>
                    <td>{unitApprox(b.cost)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </>
        )}
      >
        {available.length > 0 && <HBars bars={drawn} scale={scale} format={isMoney ? moneyTick : countTick} color={COLOR.bar} />}
      </ChartFigure>
    );
  },
  (a, b) => a.goal === b.goal && a.budget === b.budget && sameRows(a.bars, b.bars),
);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The six projection charts. Loaded lazily: they sit below the fold and carry recharts. */
function Charts({ projection, goal }: { projection: Projection; goal: Goal }) {
  const flight = useMemo(() => reachOverFlight(projection.daily), [projection.daily]);
  const curve = useMemo(() => budgetCurveData(projection.budgetCurve), [projection.budgetCurve]);
  const frequency = useMemo(
    () => frequencyBars(projection.totals.reachAtLeast, projection.audience.universe),
    [projection.totals.reachAtLeast, projection.audience.universe],
  );
  const funnel = useMemo(() => funnelSteps(projection.totals), [projection.totals]);
  const items = useMemo(() => resultsByItem(projection.items, goal), [projection.items, goal]);
  const formats = useMemo(() => formatsCompared(projection.comparison, goal), [projection.comparison, goal]);
  const universe = projection.audience.universe;
  return (
    <div className="charts">
      <FlightChart points={flight} universe={universe} />
      <BudgetCurveChart data={curve} universe={universe} />
      <FrequencyChart bars={frequency} frequency={projection.totals.frequency} />
      <FunnelChart steps={funnel} />
      <FormatsChart bars={formats} goal={goal} budget={projection.comparison.budget} />
      <ItemResultsChart bars={items} goal={goal} total={projection.items.length} />
    </div>
  );
}

export default memo(Charts);
