import type { BaseTickContentProps } from 'recharts';

/**
 * An axis label as plain SVG text, in the page's muted colour. recharts' own tick measures every
 * label in the DOM to wrap it, which forces a layout of the page in the middle of each update;
 * these labels are short and never wrap, and every tick is shown (`interval={0}`), so nothing
 * needs measuring.
 */
export function AxisTick({ x, y, payload, index, textAnchor, verticalAnchor, tickFormatter }: BaseTickContentProps) {
  const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'middle' ? '0.355em' : undefined;
  const value: unknown = payload.value;
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fontSize={12} fill="#5d6679" className="recharts-cartesian-axis-tick-value">
      {tickFormatter ? tickFormatter(value, index) : String(value)}
    </text>
  );
}
