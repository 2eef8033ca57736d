import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CREATORS } from '../../mocks/data/creators';
import { Providers } from '../../src/app/providers';
import { emptyContract } from '../../src/domain/contract';
import { creatorLineFrom } from '../../src/domain/plan';
import type { Creator } from '../../src/domain/types';
import { ContractChecklist } from '../../src/features/creators/contract-checklist';
import { PLAN_STORAGE_VERSION } from '../../src/store/persistence';
import { usePlan, usePlanActions } from '../../src/store/plan-store';
import { savedIndex, savedPlan } from '../utils/seed';
import { simulateReload } from '../utils/reload';
import { createTestQueryClient, renderFeature } from '../utils/render-app';
import { planActions } from '../utils/plan-actions';

const creator = CREATORS[0] as Creator;
const at = `@${creator.handle}`;

/** The checklist of the plan's first creator, fed from the store as the creator card feeds it. */
function FirstCreatorContract() {
  const plan = usePlan();
  const line = plan.creators[0];
  return line ? <ContractChecklist line={line} flight={{ start: plan.startDate, end: plan.endDate }} /> : null;
}

/** Puts the creator in the plan through the store, then draws the checklist. */
function renderChecklist() {
  const Seed = () => {
    const actions = usePlanActions();
    return (
      <button type="button" onClick={() => actions.addCreator(creator)}>
        Seed
      </button>
    );
  };
  return renderFeature(
    <>
      <Seed />
      <FirstCreatorContract />
    </>,
  );
}

/** The control shows `message` beside it, as its accessible description. */
function expectFieldError(control: HTMLElement, message: string) {
  expect(control).toHaveAttribute('aria-invalid', 'true');
  expect(control).toHaveAccessibleDescription(expect.stringContaining(message));
  const field = control.closest('.field');
  expect(field).not.toBeNull();
  expect(within(field as HTMLElement).getByText(message)).toBeVisible();
}

async function openChecklist(user: ReturnType<typeof userEvent.setup>): Promise<HTMLDetailsElement> {
  const summary = screen.getByText(/^Contract checklist/);
  const details = summary.closest('details') as HTMLDetailsElement;
  await user.click(summary);
  expect(details).toHaveAttribute('open');
  return details;
}

describe('the contract checklist', () => {
  test('ticks terms, keeps notes and explains a bad day count next to it; everything is saved', async () => {
    const { user, unmount } = renderChecklist();
    await user.click(screen.getByRole('button', { name: 'Seed' }));
    expect(screen.getByText('Contract checklist (0 of 7 agreed)').tagName).toBe('SUMMARY');
    const details = await openChecklist(user);
    const group = await within(details).findByRole('group', { name: `${at} contract` });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(7);

    const freedom = within(group).getByRole('checkbox', { name: `${at}: Creative freedom agreed` });
    expect(freedom).not.toBeChecked();
    expect(freedom).toHaveAccessibleDescription(/concept, tone and edit/);
    await user.click(freedom);
    expect(freedom).toBeChecked();
    await user.click(within(group).getByRole('checkbox', { name: `${at}: #ad disclosure agreed` }));
    expect(screen.getByText('Contract checklist (2 of 7 agreed)')).toBeInTheDocument();

    const note = within(group).getByRole('textbox', { name: `${at} Deadlines note` });
    await user.type(note, 'Drafts by the 15th');
    expect(note).toHaveValue('Drafts by the 15th');

    const usage = within(group).getByRole('textbox', { name: `${at} usage rights (days)` });
    await user.type(usage, '30.5');
    expectFieldError(usage, 'Usage rights days must be a whole number.');
    const exclusivity = within(group).getByRole('textbox', { name: `${at} exclusivity (days)` });
    await user.type(exclusivity, '60');
    expect(exclusivity).toHaveAttribute('aria-invalid', 'false');

    const due = within(group).getByLabelText(`${at} content due for approval`);
    expect(due).toHaveAttribute('type', 'date');
    const end = savedPlan().endDate;
    expect(due).toHaveAttribute('max', end);
    await user.type(due, '2099-01-01');
    expectFieldError(due, `Content is due after the flight ends (${end}).`);

    // Saved on every change, exactly as typed.
    const contract = savedPlan().creators[0]?.contract;
    expect(contract).toEqual({
      ...emptyContract(),
      terms: {
        ...emptyContract().terms,
        creativeFreedom: { agreed: true, note: '' },
        disclosure: { agreed: true, note: '' },
        deadlines: { agreed: false, note: 'Drafts by the 15th' },
      },
      usageRightsDays: '30.5',
      exclusivityDays: '60',
      contentDueDate: '2099-01-01',
    });
    expect(savedIndex()).toMatchObject({ version: PLAN_STORAGE_VERSION });

    // A reload brings it all back, the bad day count and its message included.
    unmount();
    act(() => simulateReload());
    const again = renderChecklist();
    expect(savedPlan().creators[0]?.contract).toEqual(contract);
    expect(screen.getByText('Contract checklist (2 of 7 agreed)')).toBeInTheDocument();
    // Drawn with fields to fix, the checklist opens itself.
    const reopened = screen.getByText(/^Contract checklist/).closest('details') as HTMLDetailsElement;
    expect(reopened).toHaveAttribute('open');
    expect(screen.getByRole('checkbox', { name: `${at}: Creative freedom agreed` })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: `${at}: Ownership and reuse agreed` })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: `${at} Deadlines note` })).toHaveValue('Drafts by the 15th');
    expectFieldError(screen.getByRole('textbox', { name: `${at} usage rights (days)` }), 'Usage rights days must be a whole number.');

    // Fixing the count clears its message and saves.
    const fixed = screen.getByRole('textbox', { name: `${at} usage rights (days)` });
    await again.user.clear(fixed);
    await again.user.type(fixed, '365');
    expect(fixed).toHaveAttribute('aria-invalid', 'false');
    expect(savedPlan().creators[0]?.contract.usageRightsDays).toBe('365');
  });

  test('closed, it opens itself and counts what to fix when a change elsewhere makes a field invalid', async () => {
    const { user } = renderChecklist();
    await user.click(screen.getByRole('button', { name: 'Seed' }));
    const details = await openChecklist(user);
    const { startDate, endDate } = savedPlan();
    await user.type(within(details).getByLabelText(`${at} content due for approval`), endDate);
    await user.click(screen.getByText(/^Contract checklist/));
    expect(details).not.toHaveAttribute('open');
    expect(screen.getByText(/^Contract checklist/)).toHaveTextContent('Contract checklist (0 of 7 agreed)');

    // The flight now ends the day before the content is due.
    const actions = planActions();
    act(() => actions.setEndDate(startDate));
    expect(details).toHaveAttribute('open');
    expect(screen.getByText(/^Contract checklist/)).toHaveTextContent('Contract checklist (0 of 7 agreed, 1 to fix)');
    expectFieldError(screen.getByLabelText(`${at} content due for approval`), `Content is due after the flight ends (${startDate}).`);
  });

  test('shows the messages it is given instead of checking again', () => {
    const line = { ...creatorLineFrom(creator), contract: { ...emptyContract(), exclusivityDays: '10' } };
    render(
      <Providers client={createTestQueryClient()}>
        <ContractChecklist line={line} flight={null} errors={{ exclusivityDays: 'Shorter than the flight.' }} />
      </Providers>,
    );
    expectFieldError(screen.getByRole('textbox', { name: `${at} exclusivity (days)` }), 'Shorter than the flight.');
  });
});
