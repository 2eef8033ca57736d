import { screen, waitFor, within } from '@testing-library/react';
import { onTestFinished, vi } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import { PLAN_STORAGE_KEY } from '../../src/store/persistence';
import { buildPlan, creatorLine, formatLine, storedPlanJson } from '../utils/builders';
import { backupKeys, savedPlan, seedStorage } from '../utils/seed';
import { blobText, captureDownloads } from '../utils/download';
import { simulateReload } from '../utils/reload';
import {
  addCreator,
  exportButton,
  includeFormat,
  metric,
  renderApp,
  retype,
  waitForPlanner,
  JOURNEY_TIMEOUT_MS,
} from '../utils/render-app';

function recoveryBanner(): HTMLElement {
  const banner = screen
    .getAllByRole('alert')
    .find((el) => within(el).queryByRole('button', { name: 'Download backup' }) !== null);
  if (!banner) throw new Error('No recovery banner with a "Download backup" button');
  return banner;
}

/** The app still plans normally. */
async function expectAppWorks(user: ReturnType<typeof renderApp>['user']) {
  await waitForPlanner();
  await includeFormat(user, 'In-Feed Ads', '60000');
  expect(metric('Impressions')).toBe('6,000,000');
  expect(exportButton()).toBeEnabled();
}

describe('saving and restoring the plan', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  // The longest journey of the suite (a whole plan typed, then read back): about 20 s alone, more on a busy CI machine.
  test('a reload restores the plan exactly as it was saved', { timeout: 2 * JOURNEY_TIMEOUT_MS }, async () => {
    const first = renderApp();
    await waitForPlanner();
    await retype(first.user, screen.getByRole('textbox', { name: 'Plan name' }), 'Back to school 2026');
    await retype(first.user, screen.getByRole('textbox', { name: 'Total budget' }), '500000');
    await includeFormat(first.user, 'In-Feed Ads', '$60,000');
    await includeFormat(first.user, 'Hashtag Challenge', 'not sure yet');
    await first.user.selectOptions(screen.getByRole('combobox', { name: 'Campaign goal' }), 'Engagement');
    await retype(first.user, screen.getByRole('textbox', { name: /^KPI target/ }), '250000');
    await addCreator(first.user, 'zach', 'zachking');
    await retype(first.user, screen.getByRole('textbox', { name: '@zachking posts' }), '3');
    await first.user.type(screen.getByRole('textbox', { name: 'Click-through rate (%)' }), '1.2');
    const before = savedPlan();
    expect(before.name).toBe('Back to school 2026');
    first.unmount();

    simulateReload();
    const { user } = renderApp();
    await waitForPlanner();
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Back to school 2026');
    expect(screen.getByRole('textbox', { name: 'Total budget' })).toHaveValue('500000');
    expect(screen.getByRole('combobox', { name: 'Campaign goal' })).toHaveDisplayValue('Engagement');
    expect(screen.getByRole('textbox', { name: 'KPI target (engagements)' })).toHaveValue('250000');
    expect(screen.getByRole('checkbox', { name: 'In-Feed Ads' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'In-Feed Ads budget' })).toHaveValue('$60,000');
    // Invalid text is kept too, with its message.
    expect(screen.getByRole('textbox', { name: 'Hashtag Challenge budget' })).toHaveValue('not sure yet');
    expect(screen.getByRole('textbox', { name: 'Hashtag Challenge budget' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: '@zachking posts' })).toHaveValue('3');
    expect(screen.getByRole('button', { name: 'Remove @zachking' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Click-through rate (%)' })).toHaveValue('1.2');
    expect(screen.queryByRole('button', { name: 'Download backup' })).not.toBeInTheDocument();
    expect(savedPlan()).toEqual(before);
    expect(backupKeys()).toEqual([]);

    // The restored plan keeps saving.
    await retype(user, screen.getByRole('textbox', { name: 'Plan name' }), 'Renamed');
    expect(savedPlan().name).toBe('Renamed');
    expect(savedPlan().id).toBe(before.id);
  });

  test('a plan written to storage is what the app opens with', async () => {
    const plan = buildPlan({
      name: 'Seeded plan',
      totalBudget: '200000',
      formats: [formatLine('in-feed', '60000'), formatLine('brand-takeover', '1'), formatLine('branded-effects', '100000', false)],
      creators: [creatorLine('lorengray', { posts: '2', fee: '1000' })],
    });
    seedStorage(storedPlanJson(plan));
    renderApp();
    await waitForPlanner();
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Seeded plan');
    expect(screen.getByRole('textbox', { name: 'Brand Takeover days' })).toHaveValue('1');
    expect(screen.getByRole('checkbox', { name: 'Branded Effects' })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: '@lorengray fee' })).toHaveValue('1000');
    expect(metric('Spend')).toBe('$112,000');
  });

  test('each goal keeps its own KPI target across goal switches and reloads', async () => {
    const first = renderApp();
    await waitForPlanner();
    const goal = () => screen.getByRole('combobox', { name: 'Campaign goal' });
    const target = () => screen.getByRole('textbox', { name: /^KPI target/ });
    await first.user.type(target(), '1000000');
    await first.user.selectOptions(goal(), 'Engagement');
    expect(target()).toHaveAccessibleName('KPI target (engagements)');
    expect(target()).toHaveValue('');
    await first.user.type(target(), '50000');
    await first.user.selectOptions(goal(), 'Awareness');
    expect(target()).toHaveValue('1000000');
    first.unmount();

    simulateReload();
    const { user } = renderApp();
    await waitForPlanner();
    expect(target()).toHaveAccessibleName('KPI target (reach)');
    expect(target()).toHaveValue('1000000');
    await user.selectOptions(goal(), 'Engagement');
    expect(target()).toHaveValue('50000');
  });

  test('a plan saved before per-goal KPI targets existed still opens', async () => {
    // The stored shape of version 1 as first released: no otherKpiTargets.
    const plan: Partial<Plan> = buildPlan({ name: 'Saved last month', formats: [formatLine('in-feed', '60000')] });
    delete plan.otherKpiTargets;
    seedStorage(JSON.stringify({ state: { plan }, version: 1 }));
    renderApp();
    await waitForPlanner();
    expect(screen.queryByRole('button', { name: 'Download backup' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Saved last month');
    expect(screen.getByRole('textbox', { name: 'In-Feed Ads budget' })).toHaveValue('60000');
  });
});

describe('unusable saved data', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each([
    ['damaged JSON', 'not json{', 'The saved plan could not be read (the stored data is damaged).'],
    ['JSON of an invalid shape', '{"state":{"plan":{"id":1}},"version":1}', 'The saved plan has missing or invalid fields.'],
    ['JSON that is not a saved plan', '[1,2,3]', 'The saved plan is not in a format Reachplan knows.'],
    [
      'a plan from a newer version',
      JSON.stringify({ state: { plan: { name: 'From the future' } }, version: 99 }),
      'The saved plan was made by a newer version of Reachplan.',
    ],
  ])('%s: the user is told, the raw text is backed up, and the app still works', async (_, raw, reason) => {
    seedStorage(raw);
    const { user } = renderApp();

    const banner = recoveryBanner();
    expect(banner).toHaveTextContent(reason);
    expect(banner).toHaveTextContent('Reachplan started a new plan.');
    expect(banner).toHaveTextContent('kept in a backup');
    const keys = backupKeys();
    expect(keys).toHaveLength(1);
    const [key] = keys as [string];
    expect(localStorage.getItem(key)).toBe(raw);

    // A new plan opens and works; editing it does not touch the backup.
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Untitled plan');
    await expectAppWorks(user);
    await retype(user, screen.getByRole('textbox', { name: 'Plan name' }), 'Fresh start');
    expect(savedPlan().name).toBe('Fresh start');
    expect(localStorage.getItem(key)).toBe(raw);
    expect(backupKeys()).toEqual([key]);
  });

  test.each([
    ['a format listed twice', () => buildPlan({ formats: [formatLine('in-feed', '60000'), formatLine('in-feed', '30000')] })],
    ['a creator listed twice', () => buildPlan({ creators: [creatorLine('zachking'), creatorLine('zachking', { posts: '3' })] })],
  ])('a saved plan with %s is not trusted: it is backed up and a new plan opens', async (_, make) => {
    // The app never writes such a plan (it adds each format and creator once), so it is damaged data.
    const raw = storedPlanJson(make());
    seedStorage(raw);
    const { user } = renderApp();
    expect(recoveryBanner()).toHaveTextContent('The saved plan has missing or invalid fields.');
    const [key] = backupKeys() as [string];
    expect(localStorage.getItem(key)).toBe(raw);
    await expectAppWorks(user);
  });

  test('"Download backup" offers the raw saved text as a file', async () => {
    const raw = 'not json{';
    seedStorage(raw);
    const { user } = renderApp();
    const capture = captureDownloads();
    await user.click(within(recoveryBanner()).getByRole('button', { name: 'Download backup' }));
    expect(capture.downloads).toHaveLength(1);
    const [download] = capture.downloads as [(typeof capture.downloads)[number]];
    expect(download.fileName).toBe('reachplan-backup.json');
    expect(await blobText(download.blob)).toBe(raw);
    await waitFor(() => expect(capture.revokeObjectURL).toHaveBeenCalledWith(download.href));
  });

  test('the recovery notice can be dismissed', async () => {
    seedStorage('not json{');
    const { user } = renderApp();
    await user.click(within(recoveryBanner()).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('button', { name: 'Download backup' })).not.toBeInTheDocument();
    expect(backupKeys()).toHaveLength(1);
  });

  test('a valid plan after a damaged one opens without a notice', async () => {
    seedStorage('not json{');
    const plan: Plan = buildPlan({ name: 'Good again' });
    seedStorage(storedPlanJson(plan));
    renderApp();
    expect(screen.queryByRole('button', { name: 'Download backup' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Good again');
    // Moved into the workspace as it was, and the old key emptied.
    expect(savedPlan()).toEqual(plan);
    expect(localStorage.getItem(PLAN_STORAGE_KEY)).toBeNull();
  });
});

describe('failing saves', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a full storage is reported, the plan stays open, and the notice goes once saving works again', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    onTestFinished(() => setItem.mockRestore());
    await retype(user, screen.getByRole('textbox', { name: 'Plan name' }), 'Unsaved name');
    const alert = await screen.findByText(/Browser storage is full. Your changes stay open in this tab/);
    const banner = alert.closest<HTMLElement>('[role="alert"]');
    expect(banner).toHaveTextContent(/^Changes are not being saved\./);
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Unsaved name');
    // The two ways to keep the work: every plan as a backup file, the open plan as CSV (once it can be exported).
    const { downloads } = captureDownloads();
    await user.click(within(banner ?? document.body).getByRole('button', { name: 'Download all plans' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [file] = downloads;
    const backup = JSON.parse(file ? await blobText(file.blob) : '{}') as { plans?: { name: string }[] };
    expect(file?.fileName).toMatch(/^reachplan-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.plans?.map((p) => p.name)).toEqual(['Unsaved name']);
    expect(within(banner ?? document.body).getByRole('button', { name: 'Export this plan as CSV' })).toBeDisabled();
    expect(within(banner ?? document.body).getByText(/Export: Add an ad format or a creator to export/)).toBeInTheDocument();

    setItem.mockRestore();
    await user.type(screen.getByRole('textbox', { name: 'Plan name' }), '!');
    await waitFor(() => expect(screen.queryByText(/Browser storage is full/)).not.toBeInTheDocument());
    expect(savedPlan().name).toBe('Unsaved name!');
  });

  test('a blocked storage is reported with its own advice', async () => {
    const { user } = renderApp();
    await waitForPlanner();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Access denied.', 'SecurityError');
    });
    // Before the shared clean-up writes a fresh plan, so no save error leaks into the next test.
    onTestFinished(() => setItem.mockRestore());
    await user.type(screen.getByRole('textbox', { name: 'Plan name' }), 'x');
    expect(await screen.findByText(/The browser refused to save the plan/)).toBeInTheDocument();
  });
});
