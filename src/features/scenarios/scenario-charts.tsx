import { memo, useMemo, useState } from 'react';
import { Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, ErrorBar, XAxis, YAxis } from 'recharts';
import { approx, approxMoney, lowHigh, money, whole } from '../../lib/format';
import { fieldsToFixText, flightChartData, totalsPanels, type Column, type FlightChartData, type TotalsPanel } from './compare-data';
import { PlanKey } from './plan-key';
import { axisDate, countTick, moneyTick } from '../../components/charts/axis-format';
import { AxisTick } from '../../components/charts/axis-tick';

const GRID = '#e4e7ec';

/** Which plans are drawn, by number, colour and dash pattern; and which aren't, and why. */
function Legend({ columns }: { columns: readonly Column[] }) {
  return (
    <ul className="scenario-legend">
      {columns.map((c) => (
        <li key={c.plan.id}>
          <PlanKey style={c.style} />
          <span>
            {c.plan.name}
            {c.index === 0 && ' (base)'}
            {c.result.kind === 'invalid' && (
              <>
                {' '}
                <span className="scenario-legend__note">(not charted: {fieldsToFixText(c.result.fieldsToFix).toLowerCase()})</span>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

const FLIGHT_STYLE = { width: '100%', height: 260 };
const FLIGHT_MARGIN = { top: 8, right: 24, left: 0, bottom: 0 };

const FlightChart = memo(function FlightChart({ columns, data }: { columns: readonly Column[]; data: FlightChartData }) {
  const [open, setOpen] = useState(false);
  const domain = useMemo((): [number, number] => [0, data.ticks[data.ticks.length - 1] ?? 1], [data.ticks]);
  const finals = columns.flatMap((c) => {
    if (c.result.kind !== 'ready') return [];
    const last = c.result.projection.daily.at(-1);
    const r = c.result.projection.totals.ranges.reach;
    return last ? [`${c.style.mark} ${approx(r.mid)} by ${axisDate(last.date)} (${lowHigh(r, (n, d) => approx(n, d)) ?? 'no range'})`] : [];
  });
  const charted = columns.filter((c) => c.result.kind === 'ready');
  return (
    <figure className="card scenario-chart" aria-labelledby="scenario-flight-title">
      <figcaption>
        <strong id="scenario-flight-title">Cumulative reach over the flight</strong>
        <span>
          {finals.length > 0
            ? `People reached so far (central), each plan over its own dates, on one axis${data.weekly ? ', a point per week' : ''}. Final reach: ${finals.join('; ')}.`
            : 'No plan has figures to chart yet.'}
        </span>
      </figcaption>
      {data.rows.length > 0 && (
        <div aria-hidden="true">
          <ComposedChart responsive accessibilityLayer={false} data={data.rows} style={FLIGHT_STYLE} margin={FLIGHT_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
            <XAxis dataKey="date" ticks={data.dateTicks} interval={0} tickFormatter={axisDate} tick={AxisTick} />
            <YAxis niceTicks="none" interval={0} ticks={data.ticks} domain={domain} tickFormatter={countTick} width={52} tick={AxisTick} />
            {/* Lines drawn as unfilled areas: recharts' Line measures its path on every render. */}
            {charted.map((c) => (
              <Area
                key={c.plan.id}
                type="monotone"
                dataKey={(row: FlightChartData['rows'][number]) => row.values[c.index] ?? null}
                name={c.plan.name}
                stroke={c.style.color}
                strokeWidth={2.5}
                strokeDasharray={c.style.dash || 'none'}
                fill="none"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </div>
      )}
      <Legend columns={columns} />
      <details className="chart__data" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          Data table<span className="visually-hidden">: cumulative reach over the flight</span>
        </summary>
        {open && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Cumulative reach over the flight: data">
            <table className="table table--numbers table--compact">
              <caption className="visually-hidden">Cumulative reach (central) by date</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  {charted.map((c) => (
                    <th scope="col" key={c.plan.id}>
                      {c.style.mark} · {c.plan.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.date}>
                    <th scope="row">{axisDate(r.date)}</th>
                    {charted.map((c) => (
                      <td key={c.plan.id}>{r.values[c.index] === null ? '—' : whole(r.values[c.index] ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
});

const PANEL_STYLE = { width: '100%', height: 170 };
const PANEL_MARGIN = { top: 8, right: 8, left: 0, bottom: 0 };

const TotalsPanelChart = memo(function TotalsPanelChart({ panel }: { panel: TotalsPanel }) {
  const domain = useMemo((): [number, number] => [0, panel.ticks[panel.ticks.length - 1] ?? 1], [panel.ticks]);
  const fmt = panel.isMoney ? (n: number) => approxMoney(n) : (n: number) => approx(n);
  return (
    <figure className="scenario-panel" aria-labelledby={`scenario-panel-${panel.key}`}>
      <figcaption>
        <strong id={`scenario-panel-${panel.key}`}>{panel.label}</strong>
        <span className="visually-hidden">: {panel.bars.map((b) => `${b.mark} ${fmt(b.mid)}`).join(', ')}</span>
      </figcaption>
      {panel.bars.length > 0 && (
        <div aria-hidden="true">
          <BarChart responsive accessibilityLayer={false} data={panel.bars} style={PANEL_STYLE} margin={PANEL_MARGIN}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
            <XAxis dataKey="mark" interval={0} tick={AxisTick} />
            <YAxis niceTicks="none" interval={0} ticks={panel.ticks} domain={domain} tickFormatter={panel.isMoney ? moneyTick : countTick} width={52} tick={AxisTick} />
            <Bar dataKey="mid" isAnimationActive={false} maxBarSize={48}>
              {panel.bars.map((b) => (
                // The outline's dash pattern tells the plans apart without colour, as in the reach chart.
                <Cell key={b.mark} fill={b.color} fillOpacity={0.8} stroke="#101828" strokeWidth={1.5} strokeDasharray={b.dash || undefined} />
              ))}
              <ErrorBar dataKey="error" width={6} stroke="#101828" strokeWidth={1.5} isAnimationActive={false} />
            </Bar>
          </BarChart>
        </div>
      )}
    </figure>
  );
});

/**
 * The plans on the same axes: cumulative reach over the flight, and the key totals with their
 * P10–P90, each total on one scale for every plan. The totals table above is their text.
 */
function ScenarioCharts({ columns }: { columns: readonly Column[] }) {
  const flight = useMemo(() => flightChartData(columns), [columns]);
  const panels = useMemo(() => totalsPanels(columns), [columns]);
  return (
    <div className="scenario-charts">
      <FlightChart columns={columns} data={flight} />
      <figure className="card scenario-chart" aria-labelledby="scenario-totals-title">
        <figcaption>
          <strong id="scenario-totals-title">Key totals with their P10–P90 ranges</strong>
          <span>
            Bars are the central estimate, whiskers the P10–P90; within each total every plan is on the same scale. The figures are in the
            totals table above. Spend: {columns.map((c) => `${c.style.mark} ${c.result.kind === 'ready' ? money(c.result.projection.totals.spend) : '—'}`).join(', ')}.
          </span>
        </figcaption>
        <div className="scenario-panels">
          {panels.map((p) => (
            <TotalsPanelChart key={p.key} panel={p} />
          ))}
        </div>
        <Legend columns={columns} />
      </figure>
    </div>
  );
}

export default memo(ScenarioCharts);
