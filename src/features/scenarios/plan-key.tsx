import type { PlanStyle } from './compare-data';

/** A plan's mark in the table and the charts' keys: its line (colour and dash pattern) and its number. */
export function PlanKey({ style }: { style: PlanStyle }) {
  return (
    <span className="scenario-key">
      <svg className="scenario-key__line" viewBox="0 0 28 8" aria-hidden="true" focusable="false">
        <line x1="1" y1="4" x2="27" y2="4" stroke={style.color} strokeWidth="3" strokeDasharray={style.dash || undefined} />
      </svg>
      <span className="scenario-key__mark">{style.mark}</span>
    </span>
  );
}
