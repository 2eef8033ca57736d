import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { adFormatQueries } from '../../src/api/ad-formats';
import { benchmarkQueries } from '../../src/api/benchmarks';
import { normalisePlanForCsv, PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../../src/domain/csv';
import type { Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { NEW_PLAN_CHARS, noRoomForPlan, planChars } from '../../src/domain/workspace';
import ImportCsvDefault, { ImportCsv } from '../../src/features/csv-import/import-csv';
import { planSchema } from '../../src/lib/plan-schema';
import { check, creatorLine, formatLine, planWith, takeoverLine } from '../unit/plan-fixtures';

const PLAN = planWith({
  name: 'Summer launch',
  totalBudget: '500,000',
  formats: [formatLine('in-feed', '60,000'), takeoverLine('1')],
  creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800' })],
});

function exportCsv(plan: Plan): string {
  const result = check(plan);
  expect(result.errors).toEqual({});
  return toCsv(planCsvRows(plan, project(result.input)), PLAN_CSV_COLUMNS);
}

function csvFile(text: string, name = 'summer.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

/** The export with its fourth line (the creator) given an item type Reachplan doesn't know. */
function withBadRow(): string {
  const lines = exportCsv(PLAN).split('\r\n');
  lines[3] = (lines[3] ?? '').replace(',creator,', ',influencer,');
  return lines.join('\r\n');
}

function setup(
  openPlanName = 'Open plan',
  planNames: readonly string[] = [openPlanName],
  roomFor: (plan: Plan) => string | null = () => null,
  openPlanKeeps = { shortlist: 0, checklists: 0 },
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const onImport = vi.fn<(plan: Plan, mode: 'replace' | 'new') => boolean>(() => true);
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <ImportCsv openPlanName={openPlanName} planNames={planNames} roomFor={roomFor} openPlanKeeps={openPlanKeeps} onImport={onImport} />
    </QueryClientProvider>,
  );
  return { client, onImport, user };
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('Plan CSV file');
const importButton = () => screen.getByRole('button', { name: 'Import CSV' });
const panel = (fileName = 'summer.csv') => screen.getByRole('region', { name: `Import from ${fileName}` });

async function choose(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(fileInput(), file);
  return screen.findByRole('region', { name: `Import from ${file.name}` });
}

/** The imported plan as the CSV carries `PLAN`, whatever id and time the import gave it. */
function expectImported(plan: Plan | undefined) {
  if (!plan) throw new Error('no plan');
  expect(planSchema.safeParse(plan).success).toBe(true);
  expect(plan).toEqual(normalisePlanForCsv(PLAN, { id: plan.id, now: new Date(plan.updatedAt) }));
}

describe('Import CSV', () => {
  test('is a button that opens the file picker: a hidden, labelled file input for CSV files', async () => {
    const { user } = setup();
    expect(ImportCsvDefault).toBe(ImportCsv);
    const input = fileInput();
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('accept', '.csv,text/csv');
    expect(input).not.toBeVisible();
    const click = vi.spyOn(input, 'click');
    await user.click(importButton());
    expect(click).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  test('shows what the file holds: plan name, line items, dates; focus moves into the review', async () => {
    const { user } = setup();
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    expect(within(region).getByRole('heading', { name: 'Import from summer.csv' })).toHaveFocus();
    expect(within(region).getByText('Summer launch')).toBeInTheDocument();
    expect(within(region).getByText('3 line items (2 formats, 1 creator)')).toBeInTheDocument();
    expect(within(region).getByText('Jan 8, 2024 to Feb 4, 2024')).toBeInTheDocument();
    expect(within(region).queryByRole('heading', { name: /Not imported/ })).not.toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Replace “Open plan”' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Import as a new plan' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  test('lists the rows it could not read with their lines', async () => {
    const { user } = setup();
    const region = await choose(user, csvFile(withBadRow()));
    expect(within(region).getByRole('heading', { name: 'Not imported (1)' })).toBeInTheDocument();
    expect(within(region).getByRole('listitem')).toHaveTextContent(
      'Line 4: “influencer” isn’t an item type Reachplan knows (format, creator or total): this row was not imported.',
    );
    expect(within(region).getByText('2 line items (2 formats, 0 creators)')).toBeInTheDocument();
  });

  test('“Import as a new plan” hands over the plan once, closes and gives focus back', async () => {
    const { user, onImport } = setup();
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    await user.click(within(region).getByRole('button', { name: 'Import as a new plan' }));
    expect(onImport).toHaveBeenCalledTimes(1);
    const [plan, mode] = onImport.mock.calls[0] ?? [];
    expect(mode).toBe('new');
    expectImported(plan);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(importButton()).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Imported “Summer launch” as a new plan.');
  });

  test('asks how the dates are written when they read both ways, and imports nothing until answered', async () => {
    const plan = { ...PLAN, startDate: '2024-08-01', endDate: '2024-09-01' };
    // As U.S. or UK Excel would save the file: 08/01/2024, 09/01/2024, which no date settles.
    const text = exportCsv(plan).replace(/(\d{4})-(\d{2})-(\d{2})/g, (_, y: string, m: string, d: string) => `${m}/${d}/${y}`);
    const { user, onImport } = setup();
    const region = await choose(user, csvFile(text));
    const question = within(region).getByRole('group', { name: 'How are the dates in this file written?' });
    const asNew = within(region).getByRole('button', { name: 'Import as a new plan' });
    expect(asNew).toBeDisabled();
    expect(asNew).toHaveAccessibleDescription('Choose how the dates are written before importing.');
    expect(within(region).getByRole('button', { name: 'Replace “Open plan”' })).toBeDisabled();
    // No reading of the flight is shown as if it were settled.
    expect(within(region).getByText('Depends on how the dates are written (below)')).toBeInTheDocument();
    await user.click(within(question).getByRole('radio', { name: /^Day first: 08\/01\/2024 is Jan 8, 2024/ }));
    expect(await within(region).findByText('Jan 8, 2024 to Jan 9, 2024')).toBeInTheDocument();
    expect(within(question).getByRole('radio', { name: /^Day first/ })).toHaveFocus();
    await user.click(within(question).getByRole('radio', { name: /^Month first: 08\/01\/2024 is Aug 1, 2024/ }));
    expect(await within(region).findByText('Aug 1, 2024 to Sep 1, 2024')).toBeInTheDocument();
    await user.click(asNew);
    expect(onImport.mock.calls[0]?.[0]).toMatchObject({ startDate: '2024-08-01', endDate: '2024-09-01' });
  });

  test('“Replace” says what it keeps that a CSV doesn’t carry: the shortlist and the contract checklists', async () => {
    const { user } = setup('Open plan', ['Open plan'], undefined, { shortlist: 4, checklists: 2 });
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    await user.click(within(region).getByRole('button', { name: 'Replace “Open plan”' }));
    expect(within(region).getByText(/^Replace “Open plan” with “Summer launch”\?/)).toHaveTextContent(
      'A CSV carries no shortlist or contract checklists: its shortlist (4 creators) and its 2 contract checklists are kept.',
    );
  });

  test('shows progress while a file is read, and Cancel stops it without importing', async () => {
    const { user, onImport } = setup();
    const slow = csvFile(exportCsv(PLAN), 'big.csv');
    let finishReading: (text: string) => void = () => {};
    Object.defineProperty(slow, 'text', { value: () => new Promise<string>((resolve) => (finishReading = resolve)) });
    const region = await choose(user, slow);
    expect(within(region).getByRole('progressbar', { name: 'Reading big.csv' })).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(importButton()).toHaveFocus();
    // The read finishing afterwards changes nothing.
    finishReading(exportCsv(PLAN));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(onImport).not.toHaveBeenCalled();
  });

  test('a full storage is said before the choice, for the plan the file makes: no new plan, Replace still offered', async () => {
    // Room for a blank plan, not for this one.
    const roomFor = vi.fn((plan: Plan) => noRoomForPlan(NEW_PLAN_CHARS + 100, planChars(plan)));
    const { user, onImport } = setup('Open plan', ['Open plan'], roomFor);
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    expect(roomFor).toHaveBeenLastCalledWith(expect.objectContaining({ name: PLAN.name, creators: expect.any(Array) as unknown }));
    const asNew = within(region).getByRole('button', { name: 'Import as a new plan' });
    expect(asNew).toBeDisabled();
    expect(asNew).toHaveAccessibleDescription(
      expect.stringMatching(/^Import as a new plan: This browser’s storage is full: about \d+ KB is left and the plan needs \d+ KB\./) as string,
    );
    await user.click(within(region).getByRole('button', { name: 'Replace “Open plan”' }));
    await user.click(within(region).getByRole('button', { name: /^Yes, replace/ }));
    expect(onImport.mock.calls.map(([, mode]) => mode)).toEqual(['replace']);
  });

  test('an import the workspace refuses is never reported as done: the review stays, with the reason', async () => {
    const { user, onImport } = setup();
    onImport.mockReturnValue(false);
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    await user.click(within(region).getByRole('button', { name: 'Import as a new plan' }));
    expect(within(region).getByRole('alert')).toHaveTextContent('“Summer launch” was not imported.');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  test('a new plan whose name the workspace already has is called “(imported)”; Replace keeps the name', async () => {
    const first = setup('Summer launch', ['Summer launch', 'Summer launch (imported)']);
    let region = await choose(first.user, csvFile(exportCsv(PLAN)));
    await first.user.click(within(region).getByRole('button', { name: 'Import as a new plan' }));
    expect(first.onImport.mock.calls[0]?.[0].name).toBe('Summer launch (imported 2)');
    expect(screen.getByRole('status')).toHaveTextContent('Imported “Summer launch (imported 2)” as a new plan.');

    region = await choose(first.user, csvFile(exportCsv(PLAN)));
    await first.user.click(within(region).getByRole('button', { name: 'Replace “Summer launch”' }));
    await first.user.click(within(region).getByRole('button', { name: /^Yes, replace/ }));
    expect(first.onImport.mock.calls[1]?.[0].name).toBe('Summer launch');
  });

  test('“Replace” asks first, names both plans, and Back returns to the choices', async () => {
    const { user, onImport } = setup('Spring plan');
    const region = await choose(user, csvFile(exportCsv(PLAN)));
    expect(within(region).getByText('Replace puts this plan in place of “Spring plan” (Undo brings it back). A new plan leaves “Spring plan” as it is.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Replace “Spring plan”' }));
    expect(onImport).not.toHaveBeenCalled();
    const question = within(region).getByText('Replace “Spring plan” with “Summer launch”? Its line items and settings are replaced; Undo brings them back.');
    expect(question).toHaveFocus();
    await user.click(within(region).getByRole('button', { name: 'Back' }));
    expect(within(region).getByRole('button', { name: 'Replace “Spring plan”' })).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Replace “Spring plan”' }));
    await user.click(within(region).getByRole('button', { name: 'Yes, replace “Spring plan”' }));
    expect(onImport).toHaveBeenCalledTimes(1);
    const [plan, mode] = onImport.mock.calls[0] ?? [];
    expect(mode).toBe('replace');
    expectImported(plan);
    expect(screen.getByRole('status')).toHaveTextContent('Replaced “Spring plan” with “Summer launch”.');
    expect(importButton()).toHaveFocus();
  });

  test('Cancel and Escape close without importing and give focus back', async () => {
    const { user, onImport } = setup();
    let region = await choose(user, csvFile(exportCsv(PLAN)));
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(importButton()).toHaveFocus();

    region = await choose(user, csvFile(exportCsv(PLAN)));
    expect(within(region).getByRole('heading')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(importButton()).toHaveFocus();
    expect(onImport).not.toHaveBeenCalled();
  });

  test('works from the keyboard: Tab to a choice, Enter to take it', async () => {
    const { user, onImport } = setup();
    await choose(user, csvFile(exportCsv(PLAN)));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Replace “Open plan”' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Import as a new plan' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onImport).toHaveBeenCalledWith(expect.objectContaining({ name: 'Summer launch' }), 'new');

    await choose(user, csvFile(exportCsv(PLAN)));
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByText(/^Replace “Open plan” with “Summer launch”\?/)).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onImport).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Summer launch' }), 'replace');
    expect(onImport).toHaveBeenCalledTimes(2);
  });

  test('a file that is not a plan offers Close only, with the reason', async () => {
    const { user, onImport } = setup();
    const region = await choose(user, csvFile('name,email\r\nAna,ana@example.com\r\n', 'contacts.csv'));
    expect(within(region).getByRole('heading', { name: 'This file can’t be imported' })).toBeInTheDocument();
    expect(within(region).getByRole('listitem')).toHaveTextContent(/^Line 1: This isn’t a Reachplan plan CSV: it has no plan_name, item_type/);
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    await user.click(within(region).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(onImport).not.toHaveBeenCalled();
  });

  test('shows a file that can’t be read, and one that is too large, without importing', async () => {
    const { user, onImport } = setup();
    const unreadable = csvFile(exportCsv(PLAN), 'gone.csv');
    Object.defineProperty(unreadable, 'text', { value: () => Promise.reject(new DOMException('The file was moved.', 'NotReadableError')) });
    let region = await choose(user, unreadable);
    expect(await within(region).findByText('The file couldn’t be read (The file was moved.). Check that it is still there and try again.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Close' }));

    const huge = csvFile('plan_name', 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    const text = vi.spyOn(huge, 'text');
    region = await choose(user, huge);
    expect(within(region).getByText('The file is larger than 10 MB: a Reachplan plan CSV is far smaller. Check that it is the right file.')).toBeInTheDocument();
    expect(text).not.toHaveBeenCalled();
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    expect(onImport).not.toHaveBeenCalled();
  });

  test('renders text from the file as text', async () => {
    const { user } = setup();
    const name = '<img src=x onerror="window.hacked=1">, 여름';
    const region = await choose(user, csvFile(exportCsv({ ...PLAN, name })));
    expect(within(region).getByText(name)).toBeInTheDocument();
    expect(region.querySelector('img')).toBeNull();
  });

  test('notes a budget that disagrees with the inputs once formats and benchmarks have loaded', async () => {
    const { user, client } = setup();
    await waitFor(() => {
      expect(client.getQueryState(adFormatQueries.list().queryKey)?.status).toBe('success');
      expect(client.getQueryState(benchmarkQueries.detail().queryKey)?.status).toBe('success');
    });
    const region = await choose(user, csvFile(exportCsv(PLAN).replace(',60000,USD,', ',50000,USD,')));
    expect(within(region).getByRole('heading', { name: 'Notes (1)' })).toBeInTheDocument();
    expect(within(region).getByRole('listitem')).toHaveTextContent(
      'Line 2: Format in-feed: budget says $50,000 but amount gives $60,000. The plan follows the input columns; budget is worked out from them on export.',
    );
    expect(panel()).toBe(region);
  });
});
