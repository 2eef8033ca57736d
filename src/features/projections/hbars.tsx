import { memo } from 'react';
import { barPosition, type BarScale } from './chart-data';

export interface HBar {
  key: string;
  label: string;
  value: number;
  low: number;
  high: number;
  /** The text beside the label: the value, and what else the chart says about it. */
  text: string;
  /** Drawn greyed out (a format the budget can't buy, the "Other" line items). */
  muted?: boolean;
}

/** Light vertical gridlines at the ticks, as one background shared by every track. */
function gridBackground(scale: BarScale): string {
  return scale.ticks
    .map((t) => barPosition(scale, t))
    .filter((x) => x > 0)
    .map((x) => `linear-gradient(to right, transparent calc(${x}% - 1px), #e4e7ec calc(${x}% - 1px), #e4e7ec ${x}%, transparent ${x}%)`)
    .join(', ');
}

/**
 * A horizontal bar chart in HTML: per row its label and value, then the bar with its P10-P90
 * whisker across the full width, and an axis of a few ticks. No measuring and no second
 * render, so an edit redraws it in well under a millisecond; the figure's caption and data
 * table carry it for screen readers.
 */
export const HBars = memo(function HBars({
  bars,
  scale,
  format,
  color,
}: {
  bars: HBar[];
  scale: BarScale;
  format: (v: number) => string;
  color: string;
}) {
  const grid = gridBackground(scale);
  return (
    <div className={`hbars hbars--${scale.kind}`} aria-hidden="true">
      {bars.map((b) => {
        const width = barPosition(scale, b.value);
        const low = barPosition(scale, b.low);
        const high = barPosition(scale, b.high);
        return (
          <div key={b.key} className={`hbars__row ${b.muted ? 'is-muted' : ''}`}>
            <span className="hbars__label" title={b.label}>
              {b.label}
            </span>
            <span className="hbars__value">{b.text}</span>
            <span className="hbars__track" style={{ backgroundImage: grid }}>
              {width > 0 && <span className="hbars__bar" style={{ width: `${width}%`, background: color }} />}
              {high > low && <span className="hbars__whisker" style={{ left: `${low}%`, width: `${high - low}%` }} />}
            </span>
          </div>
        );
      })}
      <div className="hbars__axis">
        {scale.ticks.map((t) => (
          <span key={t} className="hbars__tick" style={{ left: `${barPosition(scale, t)}%` }}>
            {format(t)}
          </span>
        ))}
      </div>
    </div>
  );
});
