import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { NEW_PLAN_CHARS, storageSize } from '../../src/domain/workspace';
import { applyStorageChange } from '../../src/store/plan-store';
import { planKey } from '../../src/store/persistence';
import { buildPlan, formatLine } from '../utils/builders';
import { fillStorage, savedIndex, savedPlan, seedWorkspace } from '../utils/seed';
import { blobText, captureDownloads } from '../utils/download';
import { JOURNEY_TIMEOUT_MS, renderApp, waitForPlanner } from '../utils/render-app';
import { simulateReload } from '../utils/reload';

const launch = buildPlan({ id: 'launch', name: 'Spring launch', updatedAt: '2026-11-20T09:00:00.000Z', formats: [formatLine('in-feed', '60000')] });
const holiday = buildPlan({
  id: 'holiday',
  name: 'Holiday push',
  status: 'proposed',
  updatedAt: '2026-11-21T09:00:00.000Z',
  startDate: '2026-12-01',
  endDate: '2027-01-10',
});
const korea = buildPlan({ id: 'korea', name: '서울 캠페인', updatedAt: '2026-11-19T09:00:00.000Z' });

function goToPlans() {
  act(() => {
    window.location.hash = '#plans';
  });
}

async function plansList() {
  return screen.findByRole('list', { name: 'Plans, most recently edited first' });
}

const names = (list: HTMLElement) => within(list).getAllByRole('button', { name: /^Open / }).map((b) => b.textContent);

describe('the workspace', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('lists every plan, most recently edited first, with its status and last edit; search narrows the list', async () => {
    seedWorkspace([launch, holiday, korea], 'launch');
    const { user } = renderApp();
    goToPlans();
    const list = await plansList();
    // The view takes focus to its heading, so a keyboard user starts there.
    await waitFor(() => expect(screen.getByRole('heading', { name: /Your plans \(3\)/ })).toHaveFocus());
    expect(names(list)).toEqual(['Holiday push', 'Spring launch', '서울 캠페인']);
    expect(screen.getByRole('combobox', { name: 'Status of “Holiday push”' })).toHaveValue('proposed');
    expect(within(list).getAllByText(/Last edited/)).toHaveLength(3);
    // Flights read as dates, not as stored ISO text.
    expect(within(list).getByText('Dec 1, 2026 – Jan 10, 2027 (41 days)')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search plans' }), '서울');
    expect(names(list)).toEqual(['서울 캠페인']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search plans' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search plans' }), 'proposed');
    expect(names(list)).toEqual(['Holiday push']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search plans' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search plans' }), 'nothing like it');
    expect(screen.getByText('No plan matches “nothing like it”.')).toBeInTheDocument();
  });

  test('says how much of the browser’s storage is used, and warns before it is full', async () => {
    seedWorkspace([launch], 'launch');
    // Another part of the site (or an earlier app) keeps 4.2 million characters here.
    localStorage.setItem('someone.else', 'x'.repeat(4_200_000));
    renderApp();
    goToPlans();
    await plansList();
    const meter = screen.getByRole('meter', { name: /^Saved in this browser: 4\.2 MB of about 5\.0 MB \(84%\)\./ });
    expect((meter as HTMLMeterElement).value).toBeCloseTo(0.84, 2);
    expect(screen.getByText(/Storage is nearly full: download a backup, then delete plans you no longer need/)).toBeInTheDocument();
  });

  test('a full storage says so before anything would add a plan', async () => {
    seedWorkspace(Array.from({ length: 8 }, (_, i) => buildPlan({ id: `p${i}`, name: `Plan ${i}`, updatedAt: '2026-11-20T09:00:00.000Z' })), 'p0');
    fillStorage(100);
    renderApp();
    goToPlans();
    await plansList();
    const reason = `This browser’s storage is full: about 1 KB is left and the plan needs ${storageSize(NEW_PLAN_CHARS)}. Download a backup, then delete plans you no longer need, to add one.`;
    for (const button of [
      screen.getByRole('button', { name: 'New plan' }),
      screen.getByRole('button', { name: 'Import backup' }),
      screen.getByRole('button', { name: 'Duplicate “Plan 7”' }),
      screen.getByRole('button', { name: 'Duplicate “Plan 7” as a scenario' }),
    ]) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
  });

  test('opening a plan shows it in the planner; a new plan is created and opened', async () => {
    seedWorkspace([launch, holiday], 'launch');
    const { user } = renderApp();
    goToPlans();
    await plansList();
    await user.click(screen.getByRole('button', { name: 'Open “Holiday push”' }));
    expect(await screen.findByRole('textbox', { name: 'Plan name' })).toHaveValue('Holiday push');
    expect(window.location.hash).toBe('');

    goToPlans();
    await plansList();
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    expect(await screen.findByRole('textbox', { name: 'Plan name' })).toHaveValue('Untitled plan');
    expect(savedIndex().state.planIds).toHaveLength(3);
  });

  test('rename, status, duplicate and scenario are saved; a reload finds them all', async () => {
    seedWorkspace([launch], 'launch');
    const { user, unmount } = renderApp();
    goToPlans();
    await plansList();

    await user.click(screen.getByRole('button', { name: 'Rename “Spring launch”' }));
    const field = screen.getByRole('textbox', { name: 'New name for “Spring launch”' });
    expect(field).toHaveFocus();
    await user.clear(field);
    expect(screen.getByText('A plan needs a name.')).toBeInTheDocument();
    await user.type(field, 'Spring launch US{Enter}');
    expect(screen.getByRole('button', { name: 'Open “Spring launch US”' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status of “Spring launch US”' }), 'approved');
    await user.click(screen.getByRole('button', { name: 'Duplicate “Spring launch US”' }));
    await user.click(screen.getByRole('button', { name: 'Duplicate “Spring launch US” as a scenario' }));
    const list = await plansList();
    expect(names(list)).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Open “Spring launch US (copy)”' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open “Spring launch US · scenario B”' })).toBeInTheDocument();
    expect(screen.getByText('Scenario of “Spring launch US”', { exact: false })).toBeInTheDocument();
    // Copies start as drafts.
    expect(screen.getByRole('combobox', { name: 'Status of “Spring launch US (copy)”' })).toHaveValue('draft');

    unmount();
    simulateReload();
    renderApp();
    goToPlans();
    const again = await plansList();
    expect(names(again)).toHaveLength(3);
    expect(screen.getByRole('combobox', { name: 'Status of “Spring launch US”' })).toHaveValue('approved');
    expect(savedPlan('launch').name).toBe('Spring launch US');
  });

  test('a deleted plan comes back with Undo; deleting the open plan opens the most recently edited one', async () => {
    seedWorkspace([launch, holiday, korea], 'launch');
    const { user } = renderApp();
    goToPlans();
    await plansList();

    await user.click(screen.getByRole('button', { name: 'Delete “Spring launch”' }));
    expect(screen.queryByRole('button', { name: 'Open “Spring launch”' })).not.toBeInTheDocument();
    expect(localStorage.getItem(planKey('launch'))).toBeNull();
    expect(within(screen.getByText('Deleted “Spring launch”.').parentElement!).getByRole('button', { name: 'Undo delete' })).toHaveFocus();
    // The open plan went: the most recently edited one is open now.
    expect(savedIndex().state.openPlanId).toBe('holiday');

    await user.click(screen.getByRole('button', { name: 'Undo delete' }));
    const list = await plansList();
    expect(names(list)).toEqual(['Holiday push', 'Spring launch', '서울 캠페인']);
    expect(savedPlan('launch').name).toBe('Spring launch');
    expect(savedIndex().state.openPlanId).toBe('launch');
  });

  test('2 to 4 plans can be ticked for a comparison, which goes in the address', async () => {
    seedWorkspace([launch, holiday, korea, buildPlan({ id: 'd', name: 'Four' }), buildPlan({ id: 'e', name: 'Five' })], 'launch');
    const { user } = renderApp();
    goToPlans();
    await plansList();
    const compare = screen.getByRole('button', { name: /^Compare/ });
    expect(compare).toBeDisabled();
    expect(screen.getByText(/Tick 2 to 4 plans/)).toBeInTheDocument();
    for (const name of ['Spring launch', 'Holiday push', '서울 캠페인', 'Four']) await user.click(screen.getByRole('checkbox', { name: `Compare “${name}”` }));
    expect(screen.getByRole('checkbox', { name: 'Compare “Five”' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Compare 4 plans' }));
    expect(window.location.hash).toBe('#compare=launch,holiday,korea,d');
    expect(await screen.findByRole('heading', { name: 'Compare scenarios' })).toBeInTheDocument();
  });

  test('"Export backup (JSON)" saves every plan; importing it adds them back, and rejected entries are listed', async () => {
    seedWorkspace([launch, holiday], 'launch');
    const downloads = captureDownloads();
    const { user } = renderApp();
    goToPlans();
    await plansList();
    await user.click(screen.getByRole('button', { name: 'Export backup (JSON)' }));
    const [file] = downloads.downloads;
    expect(file?.fileName).toMatch(/^reachplan-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(file ? await blobText(file.blob) : '{}') as { plans: { name: string }[] };
    expect(backup.plans.map((p) => p.name)).toEqual(['Spring launch', 'Holiday push']);

    const broken = { ...backup, plans: [...backup.plans, { name: 'Half a plan', formats: 'none' }] };
    const input = screen.getByLabelText('Workspace backup file');
    await user.upload(input, new File([JSON.stringify(broken)], 'backup.json', { type: 'application/json' }));
    const report = await screen.findByRole('region', { name: 'Backup import' });
    expect(report).toHaveTextContent('Imported 2 plans from the backup. 1 entry was rejected:');
    expect(report).toHaveTextContent('Plan 3 (“Half a plan”): Missing or invalid fields');
    expect(names(await plansList())).toHaveLength(4);
  });
});

describe('undo and redo', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('the buttons and the shortcuts step through edits; typing in a field is one step', async () => {
    seedWorkspace([launch], 'launch');
    const { user } = renderApp();
    await waitForPlanner();
    const name = screen.getByRole('textbox', { name: 'Plan name' });
    expect(screen.getByRole('button', { name: /Undo/ })).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'Summer');
    await user.click(screen.getByRole('checkbox', { name: 'Brand Takeover' }));

    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(screen.getByRole('checkbox', { name: 'Brand Takeover' })).not.toBeChecked();
    expect(name).toHaveValue('Summer');

    // Ctrl+Z even with the focus in a text field: the plan's history, not the field's. Clearing
    // and retyping the name within a second was one step.
    name.focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(name).toHaveValue('Spring launch');
    expect(screen.getByRole('button', { name: /Undo/ })).toBeDisabled();

    await user.keyboard('{Control>}y{/Control}');
    expect(name).toHaveValue('Summer');
    await user.keyboard('{Control>}z{/Control}');
    expect(name).toHaveValue('Spring launch');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(name).toHaveValue('Summer');
    await user.click(screen.getByRole('button', { name: /Redo/ }));
    expect(screen.getByRole('checkbox', { name: 'Brand Takeover' })).toBeChecked();
    expect(screen.getByRole('button', { name: /Redo/ })).toBeDisabled();
    await waitFor(() => expect(savedPlan('launch').name).toBe('Summer'));
  });
});

describe('two tabs', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a plan edited in another tab shows here with a notice; one created there appears in the list', async () => {
    seedWorkspace([launch, holiday], 'launch');
    renderApp();
    await waitForPlanner();
    const theirs = { ...launch, name: 'Renamed in the other tab', updatedAt: new Date(Date.now() + 1000).toISOString() };
    const raw = JSON.stringify(theirs);
    localStorage.setItem(planKey('launch'), raw);
    act(() => window.dispatchEvent(new StorageEvent('storage', { key: planKey('launch'), newValue: raw, storageArea: localStorage })));
    expect(await screen.findByRole('textbox', { name: 'Plan name' })).toHaveValue('Renamed in the other tab');
    expect(screen.getByText('This plan was updated with changes made in another tab.')).toBeInTheDocument();

    const created = buildPlan({ id: 'made-elsewhere', name: 'Made in the other tab' });
    localStorage.setItem(planKey(created.id), JSON.stringify(created));
    act(() => applyStorageChange(planKey(created.id), JSON.stringify(created)));
    goToPlans();
    expect(await screen.findByRole('button', { name: 'Open “Made in the other tab”' })).toBeInTheDocument();
  });

  test('an edit that races another tab keeps both versions and says so', async () => {
    seedWorkspace([launch], 'launch');
    const { user } = renderApp();
    await waitForPlanner();
    // The other tab saves; this tab hasn't heard yet (no storage event), and edits.
    localStorage.setItem(planKey('launch'), JSON.stringify({ ...launch, name: 'Their edit', updatedAt: '2026-11-22T10:00:00.000Z' }));
    await user.type(screen.getByRole('textbox', { name: 'Plan name' }), ' (mine)');
    expect(await screen.findByText(/was changed in another tab at the same time\. Both versions are kept/)).toBeInTheDocument();
    expect(savedPlan('launch').name).toBe('Their edit');
    const copies = savedIndex().state.planIds.filter((id) => id !== 'launch');
    expect(copies).toHaveLength(1);
    // This tab's edits went on in its copy, which is open.
    expect(savedPlan(copies[0]).name).toMatch(/^Spring launch .*this tab’s edits/);
    expect(savedIndex().state.openPlanId).toBe(copies[0]);
  });
});
