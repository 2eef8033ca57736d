import { parseISO } from 'date-fns';
import { memo, useId } from 'react';
import { timelineDateLabel, type ContentDue, type CreatorTimeline, type RightsEnd, type Timeline } from '../../domain/timeline';

type ReadyTimeline = Extract<Timeline, { ok: true }>;

/** The drawing's dates as a table: what a screen reader reads, and what a phone shows best. */
export const TimelineTable = memo(function TimelineTable({ timeline }: { timeline: ReadyTimeline }) {
  const captionId = `${useId()}-caption`;
  const year = parseISO(timeline.flight.start).getFullYear();
  return (
    <div className="table-scroll timeline-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table--compact">
        <caption id={captionId}>Posting dates and deadlines</caption>
        <thead>
          <tr>
            <th scope="col">Creator</th>
            <th scope="col">Content due</th>
            <th scope="col">Posting dates</th>
            <th scope="col">Exclusivity end</th>
            <th scope="col">Usage-rights end</th>
          </tr>
        </thead>
        <tbody>
          {timeline.creators.map((row) => (
            <TableRow key={row.handle} row={row} year={year} />
          ))}
        </tbody>
      </table>
    </div>
  );
});

function TableRow({ row, year }: { row: CreatorTimeline; year: number }) {
  const label = (date: string) => timelineDateLabel(date, year);
  return (
    <tr>
      <th scope="row">
        <span className="creator-cell__handle">@{row.handle}</span>
      </th>
      <td>
        <DueCell due={row.contentDue} label={label} />
      </td>
      <td>
        {row.posts.length > 0 && (
          <ul className="timeline-table__posts">
            {row.posts.map((p) => (
              <li key={p.index}>
                Post {p.index + 1}: <time dateTime={p.date}>{label(p.date)}</time>
                {p.source === 'spread' && <span className="timeline-table__note"> (spread)</span>}
              </li>
            ))}
          </ul>
        )}
        {row.postProblem && <p className="timeline-table__problem">{row.postProblem}</p>}
      </td>
      <td>
        <EndCell end={row.exclusivityEnd} label={label} />
      </td>
      <td>
        <EndCell end={row.usageRightsEnd} label={label} />
      </td>
    </tr>
  );
}

function DueCell({ due, label }: { due: ContentDue; label: (date: string) => string }) {
  if (due.status === 'set') return <time dateTime={due.date}>{label(due.date)}</time>;
  if (due.status === 'not-set') return <span className="timeline-table__note">Not set</span>;
  return <span className="timeline-table__problem">{due.reason}</span>;
}

function EndCell({ end, label }: { end: RightsEnd; label: (date: string) => string }) {
  switch (end.status) {
    case 'set':
      return (
        <>
          <time dateTime={end.date}>{label(end.date)}</time>
          <span className="timeline-table__period">
            {' '}
            ({end.periodDays} {end.periodDays === 1 ? 'day' : 'days'} after the last post)
          </span>
        </>
      );
    case 'not-set':
      return <span className="timeline-table__note">Not set</span>;
    case 'invalid':
      return <span className="timeline-table__problem">{end.reason}</span>;
    case 'unknown':
      return <span className="timeline-table__note">{end.reason}</span>;
  }
}
