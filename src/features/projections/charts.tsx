import { memo, useMemo } from 'react';
import { format, parseISO } from 'date-fns';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Projection } from '../../domain/projection';
import { money, pct, short, whole } from '../../lib/format';
import { budgetSplit, dateTicks, reachOverFlight, resultsByItem } from './chart-data';

const axisDate = (d: string) => format(parseISO(d), 'MMM d');
/** Line-item names on a crowded axis; the tooltip and the table keep them whole. */
const shortName = (name: string) => (name.length > 12 ? `${name.slice(0, 11)}…` : name);
const tooltipNumber = (v: unknown) => (typeof v === 'number' ? whole(v) : String(v));

/**
 * A legend in HTML: recharts' own legend measures itself on every render, which is most of a
 * chart's update time; this one costs nothing and reads as text.
 */
function Key({ items }: { items: { label: string; color: string }[] }) {
  return (
    <ul className="chart-key">
      {items.map((i) => (
        <li key={i.label}>
          <span className="chart-key__swatch" style={{ background: i.color }} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** The three projection charts. Loaded lazily: they sit below the fold and carry recharts. */
function Charts({ projection }: { projection: Projection }) {
  const reach = useMemo(() => reachOverFlight(projection.daily), [projection.daily]);
  const bars = useMemo(() => resultsByItem(projection.items), [projection.items]);
  const slices = useMemo(() => budgetSplit(projection.items), [projection.items]);
  const ticks = useMemo(() => dateTicks(reach.map((p) => p.date)), [reach]);
  const first = reach[0];
  const last = reach[reach.length - 1];
  return (
    <div className="charts">
      <figure className="chart card chart--wide">
        <figcaption>
          <strong>Reach over the flight</strong>
          <span>
            {first && last
              ? `Cumulative de-duplicated reach grows from ${whole(first.reach)} on ${axisDate(first.date)} to ${whole(last.reach)} by ${axisDate(last.date)}.`
              : 'Set valid flight dates to see reach over time.'}
          </span>
        </figcaption>
        {reach.length > 0 && (
          <AreaChart responsive data={reach} style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 28, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
            <XAxis dataKey="date" ticks={ticks} interval={0} tickFormatter={axisDate} tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v: number) => short(v)} width={56} tick={{ fontSize: 12 }} />
            <Tooltip formatter={tooltipNumber} labelFormatter={(d) => axisDate(String(d))} />
            <Area type="monotone" dataKey="impressions" name="Impressions" stroke="#00b3c7" fill="#00b3c7" fillOpacity={0.12} isAnimationActive={false} />
            <Area type="monotone" dataKey="reach" name="Reach" stroke="#ff2d55" fill="#ff2d55" fillOpacity={0.25} isAnimationActive={false} />
          </AreaChart>
        )}
        <Key items={[{ label: 'Impressions', color: '#00b3c7' }, { label: 'Reach', color: '#ff2d55' }]} />
      </figure>
      <figure className="chart card">
        <figcaption>
          <strong>Results by line item</strong>
          <span>
            Reach and engagements of {bars.length < projection.items.length ? `the ${bars.length - 1} largest line items and the rest together` : 'each line item'}; numbers in the table below.
          </span>
        </figcaption>
        <BarChart responsive data={bars} style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 12, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} interval="preserveStartEnd" tickFormatter={shortName} />
          <YAxis tickFormatter={(v: number) => short(v)} width={56} tick={{ fontSize: 12 }} />
          <Tooltip formatter={tooltipNumber} />
          <Bar dataKey="reach" name="Reach" fill="#ff2d55" isAnimationActive={false} />
          <Bar dataKey="engagements" name="Engagements" fill="#7a5af8" isAnimationActive={false} />
        </BarChart>
        <Key items={[{ label: 'Reach', color: '#ff2d55' }, { label: 'Engagements', color: '#7a5af8' }]} />
      </figure>
      <figure className="chart card">
        <figcaption>
          <strong>Budget split</strong>
          <span>{slices.map((s) => `${s.name} ${pct(s.share)}`).join(', ') || 'No spend yet.'}</span>
        </figcaption>
        {slices.length > 0 && (
          <PieChart responsive style={{ width: '100%', height: 240 }}>
            <Pie data={slices} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="85%" paddingAngle={1} isAnimationActive={false}>
              {slices.map((s) => (
                <Cell key={s.name} fill={s.color} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => (typeof v === 'number' ? money(v) : String(v))} />
          </PieChart>
        )}
        <Key items={slices.map((sl) => ({ label: sl.name, color: sl.color }))} />
      </figure>
    </div>
  );
}

export default memo(Charts);
