import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContract, emptyContract, type CreatorContract } from '../../src/domain/contract';
import type { PlanCreatorLine } from '../../src/domain/plan';
import {
  buildTimeline,
  TIMELINE_WARNING_KINDS,
  timelineDateLabel,
  timelineFlight,
  type Timeline,
  type TimelineWarning,
} from '../../src/domain/timeline';
import { MAX_FLIGHT_DAYS } from '../../src/domain/validation';
import { dayMiddle, LAST_LABEL_LEFT, MAX_TICK_LABELS, rowLayout, warnedMarkers, weekendStripes, weekTicks } from '../../src/features/timeline/timeline-layout';
import { CHART_AXIS, CHART_MAX, CHART_ROW, GAP, NARROW_VIEWPORT, placeholderHeight, TABLE_MAX, timelineHeights } from '../../src/features/timeline/timeline-size';
import { check, creatorLine, DEFAULT_END, DEFAULT_START, planWith } from './plan-fixtures';

/*
 * The default flight runs Monday 2024-01-08 to Sunday 2024-02-04 (28 days). Dates are written
 * as yyyy-MM-dd text and read with date-fns, never with `new Date('yyyy-MM-dd')` (that is UTC
 * midnight, the day before west of Greenwich).
 */
const BEFORE_FLIGHT = '2024-01-03';

type Ready = Extract<Timeline, { ok: true }>;

function contract(fields: Partial<Omit<CreatorContract, 'terms'>>): CreatorContract {
  return { ...emptyContract(), ...fields };
}

/** The timeline of one creator on the default flight, seen on `today`. */
function timelineOf(line: Partial<PlanCreatorLine>, options: { today?: string; excludeWeekends?: boolean; start?: string; end?: string } = {}): Ready {
  const plan = planWith({
    creators: [creatorLine(line)],
    excludeWeekends: options.excludeWeekends ?? false,
    ...(options.start ? { startDate: options.start } : {}),
    ...(options.end ? { endDate: options.end } : {}),
  });
  const timeline = buildTimeline(plan, options.today ?? BEFORE_FLIGHT);
  if (!timeline.ok) throw new Error(timeline.reason);
  return timeline;
}

function rowOf(line: Partial<PlanCreatorLine>, options: Parameters<typeof timelineOf>[1] = {}) {
  const row = timelineOf(line, options).creators[0];
  if (!row) throw new Error('no row');
  return row;
}

const kinds = (warnings: readonly TimelineWarning[]) => warnings.map((w) => w.kind);

describe('the flight', () => {
  it('spans the plan’s dates, both included', () => {
    const timeline = timelineOf({});
    expect(timeline.flight).toEqual({ start: DEFAULT_START, end: DEFAULT_END, days: 28 });
  });

  it.each([
    ['', DEFAULT_END, 'the start date must be a real date (yyyy-MM-dd).'],
    ['2024-02-30', DEFAULT_END, 'the start date must be a real date (yyyy-MM-dd).'],
    [DEFAULT_START, 'next week', 'the end date must be a real date (yyyy-MM-dd).'],
    ['2024-01-08', '2024-01-07', 'the end date is before the start date.'],
    ['2024-01-01', '2025-01-01', `the flight is 367 days long, and a plan runs at most ${MAX_FLIGHT_DAYS} days.`],
  ])('start %j and end %j ask to fix the flight dates first, without throwing', (start, end, reason) => {
    const plan = planWith({ startDate: start, endDate: end, creators: [creatorLine({ posts: '3' })] });
    expect(buildTimeline(plan, BEFORE_FLIGHT)).toEqual({ ok: false, reason: `Fix the flight dates first: ${reason}` });
  });

  it.each([
    ['2024-01-08', '2024-01-08', 1],
    ['2024-01-01', '2024-12-31', MAX_FLIGHT_DAYS],
  ])('accepts %s to %s (%d days)', (start, end, days) => {
    const flight = timelineFlight(start, end);
    expect(flight.ok && flight.flight.days).toBe(days);
  });

  it('marks today only while it is inside the flight, and ignores a today that is no date', () => {
    expect(timelineOf({}, { today: BEFORE_FLIGHT }).todayDay).toBeNull();
    expect(timelineOf({}, { today: DEFAULT_START }).todayDay).toBe(0);
    expect(timelineOf({}, { today: '2024-01-10' }).todayDay).toBe(2);
    expect(timelineOf({}, { today: DEFAULT_END }).todayDay).toBe(27);
    expect(timelineOf({}, { today: '2024-02-05' }).todayDay).toBeNull();
    const noToday = timelineOf({ posts: '1', contract: contract({ contentDueDate: '2023-12-01' }) }, { today: 'not a date' });
    expect(noToday.todayDay).toBeNull();
    expect(kinds(noToday.warnings)).toEqual([]);
  });

  it('has no rows for a plan without creators', () => {
    const timeline = buildTimeline(planWith({ creators: [] }), BEFORE_FLIGHT);
    expect(timeline).toMatchObject({ ok: true, creators: [], warnings: [] });
  });
});

describe('posting dates', () => {
  it('spreads posts without a date evenly over the flight, as the projection does', () => {
    const row = rowOf({ posts: '4' });
    expect(row.posts).toEqual([
      { index: 0, day: 0, date: '2024-01-08', source: 'spread' },
      { index: 1, day: 7, date: '2024-01-15', source: 'spread' },
      { index: 2, day: 14, date: '2024-01-22', source: 'spread' },
      { index: 3, day: 21, date: '2024-01-29', source: 'spread' },
    ]);
    expect(row.postProblem).toBeNull();
  });

  it('keeps typed dates as scheduled and spreads the rest by their post number, in date order', () => {
    const row = rowOf({ posts: '4', postDates: ['', '2024-01-11', '  '] });
    expect(row.posts).toEqual([
      { index: 0, day: 0, date: '2024-01-08', source: 'spread' },
      { index: 1, day: 3, date: '2024-01-11', source: 'scheduled' },
      { index: 2, day: 14, date: '2024-01-22', source: 'spread' },
      { index: 3, day: 21, date: '2024-01-29', source: 'spread' },
    ]);
  });

  it('ignores dates beyond the number of posts', () => {
    expect(rowOf({ posts: '1', postDates: ['2024-01-09', 'not a date'] }).posts).toEqual([
      { index: 0, day: 1, date: '2024-01-09', source: 'scheduled' },
    ]);
  });

  it('gives the same days as the projection for any number of posts, flight and typed dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_FLIGHT_DAYS }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.option(fc.integer({ min: 0, max: MAX_FLIGHT_DAYS - 1 }), { nil: null }), { maxLength: 100 }),
        (days, posts, typed) => {
          const start = parseISO('2024-03-01');
          const postDates = typed.map((d) => (d === null || d >= days ? '' : format(addDays(start, d), 'yyyy-MM-dd')));
          const plan = planWith({
            startDate: '2024-03-01',
            endDate: format(addDays(start, days - 1), 'yyyy-MM-dd'),
            creators: [creatorLine({ posts: String(posts), postDates })],
          });
          const projected = check(plan).input.creators[0]?.postDays;
          const timeline = buildTimeline(plan, BEFORE_FLIGHT);
          if (!timeline.ok) throw new Error(timeline.reason);
          expect(timeline.creators[0]?.posts.map((p) => p.day)).toEqual(projected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([['0'], [''], ['two'], ['101'], ['1.5']])('shows no posts while the number of posts (%j) is invalid, and says why', (posts) => {
    const row = rowOf({ posts, contract: contract({ exclusivityDays: '30' }) });
    expect(row.posts).toEqual([]);
    expect(row.postProblem).toBe('Fix @maya.fit’s number of posts to see their posting dates.');
    expect(row.exclusivityEnd).toEqual({ status: 'unknown', reason: 'Known once every post has a valid date.' });
  });

  it('leaves out posts whose typed date is not a real date, names them, and does not guess the rights’ end', () => {
    const one = rowOf({ posts: '3', postDates: ['', '2024-02-30'], contract: contract({ usageRightsDays: '30' }) });
    expect(one.posts.map((p) => p.index)).toEqual([0, 2]);
    expect(one.postProblem).toBe('@maya.fit post 2’s date is not a real date (yyyy-MM-dd): fix it under Posting dates.');
    expect(one.usageRightsEnd.status).toBe('unknown');
    const three = rowOf({ posts: '3', postDates: ['x', 'y', '2024/01/20'] });
    expect(three.posts).toEqual([]);
    expect(three.postProblem).toBe('@maya.fit posts 1, 2 and 3 have dates that are not real dates (yyyy-MM-dd): fix them under Posting dates.');
  });
});

describe('deliverable deadlines', () => {
  it('takes content due from the contract, or says it is not set', () => {
    expect(rowOf({ contract: contract({ contentDueDate: '2024-01-05' }) }).contentDue).toEqual({ status: 'set', date: '2024-01-05', day: -3 });
    expect(rowOf({ contract: contract({ contentDueDate: ' 2024-01-05 ' }) }).contentDue).toEqual({ status: 'set', date: '2024-01-05', day: -3 });
    expect(rowOf({}).contentDue).toEqual({ status: 'not-set' });
  });

  it('ends exclusivity and usage rights that many days after the last post', () => {
    const row = rowOf({ posts: '4', contract: contract({ exclusivityDays: '30', usageRightsDays: '90' }) });
    // Last post: Monday 2024-01-29 (day 21).
    expect(row.exclusivityEnd).toEqual({ status: 'set', periodDays: 30, date: '2024-02-28', day: 51 });
    expect(row.usageRightsEnd).toEqual({ status: 'set', periodDays: 90, date: '2024-04-28', day: 111 });
  });

  it('counts from the latest post even when typed out of order, and 0 days ends on that post’s day', () => {
    const row = rowOf({ posts: '3', postDates: ['2024-02-01', '2024-01-09', '2024-01-20'], contract: contract({ exclusivityDays: '0', usageRightsDays: '1,000' }) });
    expect(row.exclusivityEnd).toMatchObject({ status: 'set', date: '2024-02-01' });
    expect(row.usageRightsEnd).toMatchObject({ status: 'set', date: '2026-10-28', periodDays: 1000 });
  });

  it('leaves ends not set while their day counts are empty', () => {
    const row = rowOf({ posts: '2' });
    expect(row.exclusivityEnd).toEqual({ status: 'not-set' });
    expect(row.usageRightsEnd).toEqual({ status: 'not-set' });
  });

  it.each([['abc'], ['-5'], ['1.5'], ['4000'], ['1e3']])('skips a day count of %j with the contract checklist’s message, not a guess', (text) => {
    const fields = contract({ exclusivityDays: text, usageRightsDays: text });
    const errors = checkContract(fields, null);
    const row = rowOf({ posts: '2', contract: fields });
    expect(row.exclusivityEnd).toEqual({ status: 'invalid', reason: errors.exclusivityDays });
    expect(row.usageRightsEnd).toEqual({ status: 'invalid', reason: errors.usageRightsDays });
    expect(errors.exclusivityDays).toBeTruthy();
  });

  it.each([['2024-02-30'], ['soon'], ['08/01/2024']])('skips a content due date of %j with its message, and warns of nothing about it', (text) => {
    const timeline = timelineOf({ posts: '2', contract: contract({ contentDueDate: text }) }, { excludeWeekends: true, today: '2030-01-01' });
    expect(timeline.creators[0]?.contentDue).toEqual({ status: 'invalid', reason: 'Content due date must be a real date (yyyy-MM-dd), or leave it empty.' });
    expect(timeline.warnings.filter((w) => w.kind.startsWith('content-due'))).toEqual([]);
  });
});

describe('warnings', () => {
  it('warns of nothing for a plan on weekdays, ahead of today, inside the flight', () => {
    const timeline = timelineOf(
      { posts: '4', contract: contract({ contentDueDate: '2024-01-05', exclusivityDays: '60', usageRightsDays: '365' }) },
      { excludeWeekends: true },
    );
    expect(timeline.warnings).toEqual([]);
  });

  it('does not warn of exclusivity or usage rights ending after the flight', () => {
    const timeline = timelineOf({ posts: '1', contract: contract({ exclusivityDays: '3650', usageRightsDays: '3650' }) });
    expect(timeline.creators[0]?.usageRightsEnd).toMatchObject({ status: 'set', date: '2034-01-05' });
    expect(timeline.warnings).toEqual([]);
  });

  describe('in the past', () => {
    it('warns of content due and posts before today, not of today itself', () => {
      const timeline = timelineOf({ posts: '4', contract: contract({ contentDueDate: '2024-01-05' }) }, { today: '2024-01-15' });
      expect(timeline.warnings).toEqual([
        {
          kind: 'content-due-past',
          handle: 'maya.fit',
          date: '2024-01-05',
          postIndex: null,
          suggestedDate: null,
          message: 'Content from @maya.fit was due for approval on Fri 5 Jan, which has passed: confirm it was approved, or agree a new date.',
        },
        {
          kind: 'post-past',
          handle: 'maya.fit',
          date: '2024-01-08',
          postIndex: 0,
          suggestedDate: null,
          message: '@maya.fit post 1 was to go live on Mon 8 Jan, which has passed: check it went live, or pick a new date.',
        },
      ]);
    });

    it('warns of nothing in the past before the flight starts', () => {
      expect(timelineOf({ posts: '4', contract: contract({ contentDueDate: '2024-01-05' }) }, { today: '2024-01-05' }).warnings).toEqual([]);
    });
  });

  describe('on weekends, when they are excluded', () => {
    it.each([
      ['2024-01-13', 'Sat 13 Jan', '2024-01-15', 'Mon 15 Jan'],
      ['2024-01-14', 'Sun 14 Jan', '2024-01-15', 'Mon 15 Jan'],
    ])('warns of a post dated %s and suggests the Monday after', (date, label, monday, mondayLabel) => {
      const timeline = timelineOf({ posts: '1', postDates: [date] }, { excludeWeekends: true });
      expect(timeline.warnings).toEqual([
        {
          kind: 'post-weekend',
          handle: 'maya.fit',
          date,
          postIndex: 0,
          suggestedDate: monday,
          message: `@maya.fit post 1 is dated ${label}, a weekend, and weekends are excluded: move it to ${mondayLabel}.`,
        },
      ]);
      expect(timelineOf({ posts: '1', postDates: [date] }, { excludeWeekends: false }).warnings).toEqual([]);
    });

    it('warns of a post the spread puts on a weekend, and asks for a date', () => {
      // Five posts over 28 days land on days 0, 5, 11, 16 and 22: day 5 is Saturday 13 January.
      const timeline = timelineOf({ posts: '5' }, { excludeWeekends: true });
      expect(timeline.warnings).toEqual([
        expect.objectContaining({
          kind: 'post-weekend',
          date: '2024-01-13',
          postIndex: 1,
          suggestedDate: '2024-01-15',
          message: '@maya.fit post 2 is spread to Sat 13 Jan, a weekend, and weekends are excluded: give it a date under Posting dates, such as Mon 15 Jan.',
        }),
      ]);
    });

    it('suggests the Friday before when the Monday after is past the flight’s end', () => {
      const timeline = timelineOf({ posts: '1', postDates: ['2024-02-03'] }, { excludeWeekends: true });
      expect(timeline.warnings[0]).toMatchObject({ kind: 'post-weekend', suggestedDate: '2024-02-02' });
      expect(timeline.warnings[0]?.message).toContain('move it to Fri 2 Feb');
    });

    it('says so when a weekend-only flight has no weekday to offer', () => {
      const timeline = timelineOf({ posts: '1' }, { excludeWeekends: true, start: '2024-01-13', end: '2024-01-14' });
      expect(timeline.warnings[0]).toMatchObject({ kind: 'post-weekend', date: '2024-01-13', suggestedDate: null });
      expect(timeline.warnings[0]?.message).toContain('the flight has no weekday for it');
    });

    it('warns of content due on a weekend, with the Monday after', () => {
      const timeline = timelineOf({ posts: '1', contract: contract({ contentDueDate: '2024-01-07' }) }, { excludeWeekends: true });
      expect(timeline.warnings).toEqual([
        expect.objectContaining({
          kind: 'content-due-weekend',
          date: '2024-01-07',
          suggestedDate: '2024-01-08',
          message: 'Content from @maya.fit is due for approval on Sun 7 Jan, a weekend, and weekends are excluded: move it to Mon 8 Jan.',
        }),
      ]);
    });

    it('does not also call a past or out-of-flight date a weekend: it has to move anyway', () => {
      const past = timelineOf({ posts: '1', postDates: ['2024-01-13'] }, { excludeWeekends: true, today: '2024-01-20' });
      expect(kinds(past.warnings)).toEqual(['post-past']);
      const outside = timelineOf({ posts: '1', postDates: ['2024-02-10'] }, { excludeWeekends: true });
      expect(kinds(outside.warnings)).toEqual(['post-after-flight']);
    });
  });

  describe('outside the flight', () => {
    it('warns of a post dated after the flight ends, and keeps it on the timeline', () => {
      const timeline = timelineOf({ posts: '2', postDates: ['', '2024-02-06'] });
      expect(timeline.creators[0]?.posts[1]).toEqual({ index: 1, day: 29, date: '2024-02-06', source: 'scheduled' });
      expect(timeline.warnings).toEqual([
        expect.objectContaining({
          kind: 'post-after-flight',
          date: '2024-02-06',
          postIndex: 1,
          message: '@maya.fit post 2 is dated Tue 6 Feb, after the flight ends on Sun 4 Feb: move it into the flight, or the projection leaves @maya.fit out.',
        }),
      ]);
    });

    it('warns of a post dated before the flight starts', () => {
      const timeline = timelineOf({ posts: '1', postDates: ['2024-01-05'] });
      expect(timeline.warnings).toEqual([expect.objectContaining({ kind: 'post-before-flight', date: '2024-01-05', postIndex: 0 })]);
      expect(timeline.warnings[0]?.message).toContain('before the flight starts on Mon 8 Jan');
    });

    it('warns of content due after the flight’s last day, which the contract checklist calls an error', () => {
      const timeline = timelineOf({ posts: '1', contract: contract({ contentDueDate: '2024-02-05' }) });
      expect(timeline.creators[0]?.contentDue).toEqual({ status: 'set', date: '2024-02-05', day: 28 });
      expect(kinds(timeline.warnings)).toEqual(['content-due-after-flight', 'content-due-after-post']);
      expect(timeline.warnings[0]?.message).toBe(
        'Content from @maya.fit is due for approval on Mon 5 Feb, after the flight ends on Sun 4 Feb: it must be approved before it posts.',
      );
      expect(kinds(timelineOf({ posts: '1', contract: contract({ contentDueDate: DEFAULT_END }) }).warnings)).not.toContain('content-due-after-flight');
    });
  });

  describe('content due after the post it must precede', () => {
    it('warns when content is due after the first post, naming that post', () => {
      const timeline = timelineOf({ posts: '2', postDates: ['2024-01-20', '2024-01-10'], contract: contract({ contentDueDate: '2024-01-12' }) });
      expect(timeline.warnings).toEqual([
        {
          kind: 'content-due-after-post',
          handle: 'maya.fit',
          date: '2024-01-12',
          postIndex: 1,
          suggestedDate: null,
          message: 'Content from @maya.fit is due for approval on Fri 12 Jan, after post 2 goes live on Wed 10 Jan: set it before the first post, with time to review.',
        },
      ]);
    });

    it('warns when it is due the day the first post goes live, and not when it is due the day before', () => {
      const sameDay = timelineOf({ posts: '1', contract: contract({ contentDueDate: DEFAULT_START }) });
      expect(sameDay.warnings.map((w) => w.message)).toEqual([
        'Content from @maya.fit is due for approval on Mon 8 Jan, the day post 1 goes live: set it before the first post, with time to review.',
      ]);
      expect(timelineOf({ posts: '1', contract: contract({ contentDueDate: '2024-01-07' }) }).warnings).toEqual([]);
    });
  });

  it('lists warnings by date, then in the plan’s creator order, each naming its creator and date', () => {
    const plan = planWith({
      excludeWeekends: true,
      creators: [
        creatorLine({ handle: 'b.second', posts: '1', postDates: ['2024-01-13'] }),
        creatorLine({ handle: 'a.first', posts: '2', postDates: ['2024-01-13', '2024-02-10'], contract: contract({ contentDueDate: '2024-01-06' }) }),
      ],
    });
    const timeline = buildTimeline(plan, BEFORE_FLIGHT);
    if (!timeline.ok) throw new Error(timeline.reason);
    expect(timeline.warnings.map((w) => [w.date, w.handle, w.kind])).toEqual([
      ['2024-01-06', 'a.first', 'content-due-weekend'],
      ['2024-01-13', 'b.second', 'post-weekend'],
      ['2024-01-13', 'a.first', 'post-weekend'],
      ['2024-02-10', 'a.first', 'post-after-flight'],
    ]);
    for (const w of timeline.warnings) {
      expect(TIMELINE_WARNING_KINDS).toContain(w.kind);
      expect(w.message).toContain(`@${w.handle}`);
      expect(w.message).toContain(timelineDateLabel(w.date, 2024));
    }
  });
});

describe('in any time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Asia/Kolkata', -330],
  ])('%s: the same weekdays, spread dates and ends, across a daylight-saving change', (zone, offsetMinutes) => {
    process.env.TZ = zone;
    // The zone is really in effect (a January noon, outside daylight saving).
    expect(new Date(2024, 0, 13, 12).getTimezoneOffset()).toBe(offsetMinutes);

    const weekend = timelineOf({ posts: '1', postDates: ['2024-01-13'] }, { excludeWeekends: true });
    expect(weekend.warnings[0]).toMatchObject({ kind: 'post-weekend', suggestedDate: '2024-01-15' });
    expect(weekend.warnings[0]?.message).toContain('Sat 13 Jan');
    expect(timelineOf({ posts: '1', postDates: ['2024-01-12'] }, { excludeWeekends: true }).warnings).toEqual([]);

    // US clocks change on 10 March 2024, European ones on 31 March.
    const spring = rowOf(
      { posts: '4', contract: contract({ exclusivityDays: '1', usageRightsDays: '30' }) },
      { start: '2024-03-04', end: '2024-03-31' },
    );
    expect(spring.posts.map((p) => p.date)).toEqual(['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25']);
    expect(spring.exclusivityEnd).toMatchObject({ date: '2024-03-26', day: 22 });
    expect(spring.usageRightsEnd).toMatchObject({ date: '2024-04-24', day: 51 });
    expect(timelineFlight('2024-03-04', '2024-03-31')).toMatchObject({ ok: true, flight: { days: 28 } });
  });
});

describe('timelineDateLabel', () => {
  it.each([
    ['2024-06-03', 2024, 'Mon 3 Jun'],
    ['2024-12-31', 2024, 'Tue 31 Dec'],
    ['2025-01-01', 2024, 'Wed 1 Jan 2025'],
    ['2023-12-29', 2024, 'Fri 29 Dec 2023'],
  ])('%s in a flight starting in %d reads %j', (date, year, label) => {
    expect(timelineDateLabel(date, year)).toBe(label);
  });
});

describe('drawing layout', () => {
  const flight = { start: DEFAULT_START, end: DEFAULT_END, days: 28 };

  it('ticks each week of the flight, labelled with its Monday', () => {
    expect(weekTicks(flight)).toEqual([
      { day: 0, left: 0, label: 'Mon 8 Jan' },
      { day: 7, left: 25, label: 'Mon 15 Jan' },
      { day: 14, left: 50, label: 'Mon 22 Jan' },
      { day: 21, left: 75, label: 'Mon 29 Jan' },
    ]);
  });

  it('labels at most a few ticks of a year-long flight, none running past the axis', () => {
    const ticks = weekTicks({ start: '2024-01-01', end: '2024-12-31', days: 366 });
    expect(ticks).toHaveLength(53);
    const labelled = ticks.filter((t) => t.label !== null);
    expect(labelled.length).toBeLessThanOrEqual(MAX_TICK_LABELS);
    expect(labelled.length).toBeGreaterThanOrEqual(MAX_TICK_LABELS - 1);
    expect(labelled[0]?.label).toBe('Mon 1 Jan');
    expect(labelled.every((t) => t.left <= LAST_LABEL_LEFT)).toBe(true);
  });

  it('shades each weekend inside the flight', () => {
    // Saturdays and Sundays are days 5–6, 12–13, 19–20 and 26–27.
    expect(weekendStripes(flight)).toEqual([5, 12, 19, 26].map((day) => ({ left: (day / 28) * 100, width: (2 / 28) * 100 })));
    // A flight starting on a Sunday and ending on a Saturday: both edges are weekend days.
    expect(weekendStripes({ start: '2024-01-07', end: '2024-01-13', days: 7 })).toEqual([
      { left: 0, width: (1 / 7) * 100 },
      { left: (6 / 7) * 100, width: (1 / 7) * 100 },
    ]);
  });

  it('places markers inside the flight by day, and those before or after it in the margins', () => {
    const timeline = timelineOf(
      { posts: '2', postDates: ['', '2024-02-06'], contract: contract({ contentDueDate: '2024-01-05', exclusivityDays: '0', usageRightsDays: '30' }) },
    );
    const row = timeline.creators[0];
    if (!row) throw new Error('no row');
    const layout = rowLayout(row, timeline.flight, warnedMarkers(timeline.warnings).get('maya.fit'));
    expect(layout.before.map((m) => [m.letter, m.short, m.title])).toEqual([['C', '5 Jan', 'Content due for approval: Fri 5 Jan']]);
    expect(layout.inside).toEqual([
      expect.objectContaining({ key: 'post:0', letter: 'P', spread: true, warned: false, left: dayMiddle(0, 28), title: 'Post 1: Mon 8 Jan (spread over the flight)' }),
    ]);
    expect(layout.after.map((m) => [m.key, m.short, m.warned])).toEqual([
      ['post:1', '6 Feb', true],
      ['exclusivity', '6 Feb', false],
      ['usage', '7 Mar', false],
    ]);
    expect(layout.after[0]?.title).toBe('Post 2: Tue 6 Feb (scheduled) (see the warnings)');
    expect(layout.after[2]?.title).toBe('Usage rights end: Thu 7 Mar (30 days after the last post)');
  });

  it('shortens margin dates to day and month, with the year when it is not the flight’s', () => {
    const row = rowOf({ posts: '1', contract: contract({ usageRightsDays: '400' }) });
    const layout = rowLayout(row, flight);
    expect(layout.after.map((m) => [m.short, m.title])).toEqual([['11 Feb 2025', 'Usage rights end: Tue 11 Feb 2025 (400 days after the last post)']]);
  });

  it('rings the content due marker for any content warning', () => {
    const timeline = timelineOf({ posts: '1', contract: contract({ contentDueDate: '2024-01-10' }) });
    expect(warnedMarkers(timeline.warnings).get('maya.fit')).toEqual(new Set(['content']));
  });
});

describe('the placeholder height', () => {
  const line = (posts: string, rights = '') => creatorLine({ posts, contract: contract({ exclusivityDays: rights }) });

  it('is the weekend checkbox and a message with no creators, taller on a phone where both wrap', () => {
    expect(timelineHeights([])).toEqual({ wide: 112, narrow: 149 });
    expect(placeholderHeight([])).toBe(`calc(149px - min(37px, max(0px, (100vw - ${NARROW_VIEWPORT}px) * 1000)))`);
  });

  it('grows with each creator’s posts and rights until the drawing and the table scroll', () => {
    const one = timelineHeights([line('1')]);
    expect(one.wide - one.narrow).toBe(40 - 55 + GAP + 102 + CHART_AXIS + CHART_ROW + 2);
    // A table line per post; a right's end takes two lines.
    expect(timelineHeights([line('3')]).narrow - one.narrow).toBe(2 * 19);
    expect(timelineHeights([line('1', '30')]).narrow - one.narrow).toBe(17);
    expect(timelineHeights([line('oops')])).toEqual(one);
    const many = timelineHeights(Array.from({ length: 100 }, () => line('2', '30')));
    expect(many).toEqual(timelineHeights(Array.from({ length: 1000 }, () => line('1'))));
    expect(many.narrow).toBe(55 + GAP + 49 + GAP + TABLE_MAX);
    expect(many.wide).toBe(40 + GAP + 49 + GAP + TABLE_MAX + GAP + 102 + CHART_MAX);
    expect(placeholderHeight([line('1')])).toBe(`calc(${one.narrow}px + min(${one.wide - one.narrow}px, max(0px, (100vw - 640px) * 1000)))`);
  });
});
