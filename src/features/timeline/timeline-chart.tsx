import { parseISO } from 'date-fns';
import { memo, useMemo } from 'react';
import { timelineDateLabel, type CreatorTimeline, type Flight, type Timeline } from '../../domain/timeline';
import { dayMiddle, rowLayout, warnedMarkers, weekendStripes, weekTicks, type Marker } from './timeline-layout';

type ReadyTimeline = Extract<Timeline, { ok: true }>;

/**
 * The flight as a band with week ticks and a row of markers per creator. A drawing is no use to
 * a screen reader: it is one image, and the table after it holds the same dates.
 */
export const TimelineChart = memo(function TimelineChart({ timeline }: { timeline: ReadyTimeline }) {
  const { flight, creators, warnings, todayDay, excludeWeekends } = timeline;
  const year = parseISO(flight.start).getFullYear();
  const ticks = useMemo(() => weekTicks(flight), [flight]);
  const stripes = useMemo(() => (excludeWeekends ? weekendStripes(flight) : []), [flight, excludeWeekends]);
  const warned = useMemo(() => warnedMarkers(warnings), [warnings]);
  const today = todayDay === null ? null : `${dayMiddle(todayDay, flight.days)}%`;
  const count = creators.length === 1 ? '1 creator' : `${creators.length} creators`;
  return (
    <figure className="timeline-chart">
      <figcaption className="timeline-chart__caption">
        <span className="timeline-chart__title">
          Flight: {timelineDateLabel(flight.start, year)} – {timelineDateLabel(flight.end, year)} ({flight.days} {flight.days === 1 ? 'day' : 'days'})
        </span>
        <Legend today={today !== null} weekends={excludeWeekends} />
      </figcaption>
      <div
        className="timeline-chart__scroll"
        role="img"
        aria-label={`Timeline drawing of ${count} over the flight. The table below lists the same dates.`}
        // Focusable, so the drawing can be scrolled from the keyboard on a narrow screen.
        tabIndex={0}
      >
        <div className="tl">
          <div className="tl__head">
            <span className="tl__corner">Creator</span>
            <span className="tl__edge tl__edge--before">◀ Before</span>
            <div className="tl__axis">
              {ticks.map((t) => (
                <span key={t.day} className="tl__tick" style={{ left: `${t.left}%` }}>
                  {t.label && <TickLabel label={t.label} />}
                </span>
              ))}
              {today !== null && (
                <span className="tl__today-label" style={{ left: today }}>
                  Today
                </span>
              )}
            </div>
            <span className="tl__edge tl__edge--after">After ▶</span>
          </div>
          <div className="tl__body">
            <div className="tl__overlay">
              {stripes.map((s) => (
                <span key={s.left} className="tl__weekend" style={{ left: `${s.left}%`, width: `${s.width}%` }} />
              ))}
              {ticks.map((t) => (
                <span key={t.day} className="tl__week-line" style={{ left: `${t.left}%` }} />
              ))}
              {today !== null && <span className="tl__today" style={{ left: today }} />}
            </div>
            {creators.map((row) => (
              <ChartRow key={row.handle} row={row} flight={flight} warned={warned.get(row.handle)} />
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
});

/** "Mon 3 Jun" on two lines, "Mon" over "3 Jun", so a week's width holds it. */
function TickLabel({ label }: { label: string }) {
  const space = label.indexOf(' ');
  return (
    <span className="tl__tick-label">
      <span>{label.slice(0, space)}</span>
      <span>{label.slice(space + 1)}</span>
    </span>
  );
}

function ChartRow({ row, flight, warned }: { row: CreatorTimeline; flight: Flight; warned: ReadonlySet<string> | undefined }) {
  const layout = rowLayout(row, flight, warned);
  return (
    <div className="tl__row">
      <span className="tl__name" title={row.displayName}>
        @{row.handle}
      </span>
      <span className="tl__out tl__out--before">
        {layout.before.map((m) => (
          <span key={m.key} className="tl__out-item" title={m.title}>
            ◀ <MarkerShape marker={m} /> {m.short}
          </span>
        ))}
      </span>
      <div className="tl__track">
        {layout.inside.map((m) => (
          <MarkerShape key={m.key} marker={m} left={m.left} />
        ))}
      </div>
      <span className="tl__out tl__out--after">
        {layout.after.map((m) => (
          <span key={m.key} className="tl__out-item" title={m.title}>
            <MarkerShape marker={m} /> {m.short} ▶
          </span>
        ))}
      </span>
    </div>
  );
}

/** A marker: its shape and letter tell what it is without color; outlined when spread, ringed when warned. */
function MarkerShape({ marker, left }: { marker: Pick<Marker, 'kind' | 'letter' | 'spread' | 'warned' | 'title'>; left?: number }) {
  const classes = ['tl-marker', `tl-marker--${marker.kind}`, marker.spread && 'is-spread', marker.warned && 'is-warned', left === undefined && 'is-inline'];
  return (
    <span className={classes.filter(Boolean).join(' ')} style={left === undefined ? undefined : { left: `${left}%` }} title={left === undefined ? undefined : marker.title}>
      <span className="tl-marker__letter">{marker.letter}</span>
    </span>
  );
}

const sample = (kind: Marker['kind'], letter: string, options: { spread?: boolean; warned?: boolean } = {}) => (
  <MarkerShape marker={{ kind, letter, spread: options.spread ?? false, warned: options.warned ?? false, title: '' }} />
);

function Legend({ today, weekends }: { today: boolean; weekends: boolean }) {
  return (
    <ul className="chart-key timeline-key">
      <li>{sample('content', 'C')} Content due for approval</li>
      <li>{sample('post', 'P')} Post, date set</li>
      <li>{sample('post', 'P', { spread: true })} Post, spread over the flight</li>
      <li>{sample('exclusivity', 'X')} Exclusivity ends</li>
      <li>{sample('usage', 'U')} Usage rights end</li>
      <li>{sample('post', 'P', { warned: true })} Ringed: has a warning</li>
      <li>
        <span className="timeline-key__arrows" aria-hidden="true">
          ◀ ▶
        </span>{' '}
        Before or after the flight
      </li>
      {today && (
        <li>
          <span className="timeline-key__today" aria-hidden="true" /> Today
        </li>
      )}
      {weekends && (
        <li>
          <span className="timeline-key__weekend" aria-hidden="true" /> Weekend
        </li>
      )}
    </ul>
  );
}
