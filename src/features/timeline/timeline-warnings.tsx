import { useId } from 'react';
import type { TimelineWarning, TimelineWarningKind } from '../../domain/timeline';

/** A word or two before each warning, for scanning a long list. */
const TAG: Record<TimelineWarningKind, string> = {
  'content-due-past': 'Passed',
  'post-past': 'Passed',
  'content-due-weekend': 'Weekend',
  'post-weekend': 'Weekend',
  'post-before-flight': 'Outside the flight',
  'post-after-flight': 'Outside the flight',
  'content-due-after-flight': 'After the flight',
  'content-due-after-post': 'Too late',
};

/** What needs attention, first: each warning names the creator and the date. */
export function TimelineWarnings({ warnings }: { warnings: readonly TimelineWarning[] }) {
  const headingId = `${useId()}-heading`;
  return (
    <div className="timeline-warnings">
      <h3 id={headingId}>Timeline warnings ({warnings.length})</h3>
      {warnings.length === 0 ? (
        <p className="timeline-warnings__none">No timeline warnings</p>
      ) : (
        // A long list scrolls in its own box, which takes keyboard focus to scroll.
        <div className="timeline-warnings__scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          {/* role="list": Safari drops the list role of an unstyled list. */}
          <ul className="timeline-warnings__list" role="list" aria-labelledby={headingId}>
            {warnings.map((w) => (
              <li key={`${w.kind}:${w.handle}:${w.postIndex ?? ''}`} className="timeline-warning">
                <span className="timeline-warning__tag">{TAG[w.kind]}</span> <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
