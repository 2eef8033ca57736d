import { memo } from 'react';

export interface CurvePoint {
  x: number;
  y: number;
}

const W = 1000;
const H = 400;

/**
 * A line of diminishing returns, drawn without a chart library: one SVG path stretched to the
 * plot area (the stroke keeps its width), a marked point, an optional reference level, and
 * axis labels as HTML so text never stretches. A budget edit redraws one path.
 */
export const Curve = memo(function Curve({
  points,
  mark,
  level,
  xTicks,
  yTicks,
  xLabel,
  yLabel,
  color,
  markColor,
  levelColor,
}: {
  points: readonly CurvePoint[];
  mark: CurvePoint | null;
  level: number | null;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xLabel: (v: number) => string;
  yLabel: (v: number) => string;
  color: string;
  markColor: string;
  levelColor: string;
}) {
  const xMax = xTicks.at(-1) ?? 1;
  const yMax = yTicks.at(-1) ?? 1;
  const sx = (x: number) => (xMax > 0 ? (x / xMax) * W : 0);
  const sy = (y: number) => (yMax > 0 ? H - (y / yMax) * H : H);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
  const pct = (v: number, max: number) => `${max > 0 ? (v / max) * 100 : 0}%`;
  return (
    <div className="curve" aria-hidden="true">
      <div className="curve__y">
        {yTicks.map((t) => (
          <span key={t} style={{ bottom: pct(t, yMax) }}>
            {yLabel(t)}
          </span>
        ))}
      </div>
      <div className="curve__plot">
        {yTicks.map((t) => (
          <i key={t} className="curve__grid" style={{ bottom: pct(t, yMax) }} />
        ))}
        {level !== null && <i className="curve__level" style={{ bottom: pct(level, yMax), borderColor: levelColor }} />}
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="curve__svg">
          <path d={d} fill="none" stroke={color} strokeWidth={2} vectorEffect="non-scaling-stroke" />
        </svg>
        {mark && (
          <i className="curve__mark" style={{ left: pct(mark.x, xMax), bottom: pct(mark.y, yMax), background: markColor }} />
        )}
        <div className="curve__x">
          {xTicks.map((t) => (
            <span key={t} style={{ left: pct(t, xMax) }}>
              {xLabel(t)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
});
