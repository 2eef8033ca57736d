import { screen, within } from '@testing-library/react';
import { onTestFinished, vi } from 'vitest';
import { CREATORS } from '../../mocks/data/creators';
import { emptyContract } from '../../src/domain/contract';
import type { Plan } from '../../src/domain/plan';
import { TimelineSection } from '../../src/features/timeline/timeline-section';
import { buildPlan, creatorLine } from '../utils/builders';
import { savedPlan } from '../utils/seed';
import { renderFeature } from '../utils/render-app';

const WEEKENDS = 'Exclude weekends (warn about deadlines on Saturdays and Sundays)';
const [first, second] = CREATORS.map((c) => c.handle);
if (!first || !second) throw new Error('The mock catalog needs two creators');

/** Wednesday 10 January 2024, during the flight below (Monday 8 January to Sunday 4 February). */
function freezeToday() {
  // Only Date is faked: timers, promises and user-event run for real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2024, 0, 10, 12));
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

/** Saves `plan` as the app would, draws the section, and waits for the timeline's code. */
async function renderTimeline(plan: Partial<Plan>) {
  const { user } = renderFeature(<TimelineSection />, {
    plan: buildPlan({ startDate: '2024-01-08', endDate: '2024-02-04', excludeWeekends: false, ...plan }),
  });
  const weekends = await screen.findByRole('checkbox', { name: WEEKENDS });
  return { user, weekends, region: screen.getByRole('region', { name: 'Timeline' }) };
}

function weekendsBox(): HTMLElement {
  return screen.getByRole('checkbox', { name: WEEKENDS });
}

function warningsList(): HTMLElement {
  return screen.getByRole('list', { name: /^Timeline warnings/ });
}

function tableRows(): HTMLElement[] {
  const table = screen.getByRole('table', { name: 'Posting dates and deadlines' });
  return within(table).getAllByRole('row').slice(1);
}

/** The cells of a body row by column header, as text. */
function rowCells(row: HTMLElement): Record<string, string> {
  const table = row.closest('table') as HTMLTableElement;
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent ?? '');
  const cells = [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

describe('the timeline', () => {
  test('lists warnings first, updates them when weekends are excluded, and tabulates every date', async () => {
    freezeToday();
    const { user, weekends, region } = await renderTimeline({
      creators: [
        creatorLine(first, {
          posts: '2',
          postDates: ['2024-01-09'],
          contract: { ...emptyContract(), contentDueDate: '2024-01-12', exclusivityDays: '30' },
        }),
        // Five posts spread over 28 days: 8, 13 (a Saturday), 19, 24 and 30 January.
        creatorLine(second, { posts: '5' }),
      ],
    });

    expect(within(region).getByRole('heading', { level: 3, name: 'Timeline warnings (3)' })).toBeInTheDocument();
    const items = within(warningsList()).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      `Passed @${second} post 1 was to go live on Mon 8 Jan, which has passed: check it went live, or pick a new date.`,
      `Passed @${first} post 1 was to go live on Tue 9 Jan, which has passed: check it went live, or pick a new date.`,
      `Too late Content from @${first} is due for approval on Fri 12 Jan, after post 1 goes live on Tue 9 Jan: set it before the first post, with time to review.`,
    ]);
    // The warnings come before the drawing and the table.
    const drawing = within(region).getByRole('img', { name: 'Timeline drawing of 2 creators over the flight. The table below lists the same dates.' });
    expect(warningsList().compareDocumentPosition(drawing) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    expect(weekends).not.toBeChecked();
    await user.click(weekends);
    // Asked again, not the element found at first: the assertion is about what is on screen now.
    expect(weekendsBox()).toBeChecked();
    expect(savedPlan().excludeWeekends).toBe(true);
    expect(
      await within(warningsList()).findByText(
        `@${second} post 2 is spread to Sat 13 Jan, a weekend, and weekends are excluded: give it a date under Posting dates, such as Mon 15 Jan.`,
      ),
    ).toBeInTheDocument();
    expect(within(region).getByRole('heading', { level: 3, name: 'Timeline warnings (4)' })).toBeInTheDocument();

    await user.click(weekendsBox());
    expect(weekendsBox()).not.toBeChecked();
    expect(savedPlan().excludeWeekends).toBe(false);
    expect(await within(region).findByRole('heading', { level: 3, name: 'Timeline warnings (3)' })).toBeInTheDocument();

    const [rowA, rowB] = tableRows();
    expect(rowCells(rowA as HTMLElement)).toEqual({
      Creator: `@${first}`,
      'Content due': 'Fri 12 Jan',
      'Posting dates': 'Post 1: Tue 9 JanPost 2: Mon 22 Jan (spread)',
      'Exclusivity end': 'Wed 21 Feb (30 days after the last post)',
      'Usage-rights end': 'Not set',
    });
    expect(within(rowB as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Post 1: Mon 8 Jan (spread)',
      'Post 2: Sat 13 Jan (spread)',
      'Post 3: Fri 19 Jan (spread)',
      'Post 4: Wed 24 Jan (spread)',
      'Post 5: Tue 30 Jan (spread)',
    ]);
    expect(rowCells(rowB as HTMLElement)['Content due']).toBe('Not set');
  });

  test('says there is nothing to warn of, and explains contract fields it cannot use', async () => {
    freezeToday();
    await renderTimeline({
      creators: [creatorLine(first, { posts: '1', postDates: ['2024-01-16'], contract: { ...emptyContract(), exclusivityDays: 'a month', usageRightsDays: '3650' } })],
    });
    expect(screen.getByText('No timeline warnings')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /^Timeline warnings/ })).not.toBeInTheDocument();
    const cells = rowCells(tableRows()[0] as HTMLElement);
    expect(cells['Exclusivity end']).toBe('Exclusivity days must be a number, like 3.');
    expect(cells['Usage-rights end']).toBe('Fri 13 Jan 2034 (3650 days after the last post)');
  });

  test('asks for creators when the plan has none', async () => {
    const { region } = await renderTimeline({ creators: [] });
    expect(within(region).getByText('Add creators to see their posting dates and deadlines.')).toBeInTheDocument();
    expect(within(region).queryByRole('table')).not.toBeInTheDocument();
    expect(within(region).queryByRole('img')).not.toBeInTheDocument();
  });

  test('asks to fix the flight dates first when they are invalid, keeping the weekend setting', async () => {
    const { region, weekends } = await renderTimeline({ endDate: '2024-01-01', creators: [creatorLine(first)] });
    expect(within(region).getByText('Fix the flight dates first: the end date is before the start date.')).toBeInTheDocument();
    expect(within(region).queryByRole('table')).not.toBeInTheDocument();
    expect(weekends).toBeEnabled();
  });

  test('draws a hundred creators, a row each in the drawing and the table', async () => {
    freezeToday();
    const hundred = CREATORS.slice(0, 100).map((c, i) => creatorLine(c.handle, { posts: String((i % 4) + 1) }));
    expect(hundred).toHaveLength(100);
    const { region } = await renderTimeline({ creators: hundred });
    expect(tableRows()).toHaveLength(100);
    const drawing = within(region).getByRole('img', { name: /^Timeline drawing of 100 creators/ });
    expect(drawing.querySelectorAll('.tl__row')).toHaveLength(100);
    // Each creator's posts are markers in its row: 1 + 2 + 3 + 4 posts per four creators.
    expect(drawing.querySelectorAll('.tl__track .tl-marker--post')).toHaveLength(250);
  });
});
