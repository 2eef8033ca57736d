import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { plan100 } from '../../bench/plan-100';
import { emptyContract } from '../../src/domain/contract';
import type { Plan } from '../../src/domain/plan';
import { ShareButton } from '../../src/features/share/share-button';
import { SharedLinkError, SharedPlanBanner } from '../../src/features/share/shared-plan-banner';
import { useSharedLink } from '../../src/features/share/use-shared-link';
import { decodeSharedPlan, encodeSharedPlan, readShareFragment, SHARE_LINK_REASONS, SHARED_PLAN_ID } from '../../src/lib/share-link';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';

afterEach(() => {
  vi.unstubAllGlobals();
});

function planToShare(): Plan {
  const contract = emptyContract();
  contract.terms.deliverables = { agreed: true, note: 'Two videos, one revision' };
  return buildPlan({
    name: '봄 캠페인 "Launch" 🚀',
    formats: [formatLine('in-feed', '80000')],
    creators: [creatorLine('zachking', { contract })],
  });
}

/** The plan a share link of `text` opens, or the reason it doesn't. */
async function planInLink(text: string) {
  const url = new URL(text);
  expect(`${url.origin}${url.pathname}`).toBe(`${window.location.origin}${window.location.pathname}`);
  return decodeSharedPlan(readShareFragment(url.hash) ?? '');
}

describe('Copy share link', () => {
  test('copies a link that opens the plan without its contracts, and says so politely with its length', async () => {
    const user = userEvent.setup();
    const plan = planToShare();
    render(<ShareButton plan={plan} />);

    await user.click(screen.getByRole('button', { name: 'Copy share link' }));

    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/^Link copied, [\d,]+ characters\.$/));
    const link = await navigator.clipboard.readText();
    expect(status).toHaveTextContent(`${link.length.toLocaleString('en-US')} characters`);
    const opened = await planInLink(link);
    expect(opened).toEqual({
      ok: true,
      plan: { ...plan, id: SHARED_PLAN_ID, creators: plan.creators.map((c) => ({ ...c, contract: emptyContract() })) },
    });
    expect(screen.queryByRole('textbox', { name: 'Share link' })).not.toBeInTheDocument();
  });

  test('when the clipboard is refused, shows the link selected in a read-only field to copy by hand', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    const plan = planToShare();
    render(<ShareButton plan={plan} />);

    await user.click(screen.getByRole('button', { name: 'Copy share link' }));

    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Share link' });
    expect(writeText).toHaveBeenCalledWith(field.value);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
    expect(screen.getByRole('status')).toHaveTextContent(
      `Couldn’t copy to the clipboard: copy the link below, ${field.value.length.toLocaleString('en-US')} characters.`,
    );
    expect(await planInLink(field.value)).toMatchObject({ ok: true, plan: { name: plan.name } });
  });

  test('a browser without a clipboard API gets the field too', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    render(<ShareButton plan={planToShare()} />);
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    expect(await screen.findByRole('textbox', { name: 'Share link' })).toHaveFocus();
  });

  test('warns that a long link (a 100-line plan) may be cut by chat apps', async () => {
    const user = userEvent.setup();
    render(<ShareButton plan={plan100()} />);
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Link copied'));
    const link = await navigator.clipboard.readText();
    expect(link.length).toBeGreaterThan(2000);
    expect(status).toHaveTextContent(
      `Link copied, ${link.length.toLocaleString('en-US')} characters: some chat apps cut links longer than 2,000 characters, so send it by email.`,
    );
  });

  test('an edit to the plan takes away the link shown for the plan before it', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const plan = planToShare();
    const { rerender } = render(<ShareButton plan={plan} />);
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    await screen.findByRole('textbox', { name: 'Share link' });

    rerender(<ShareButton plan={{ ...plan, totalBudget: '90000' }} />);

    expect(screen.queryByRole('textbox', { name: 'Share link' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  test('a browser that cannot compress says so instead of copying', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('CompressionStream', undefined);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<ShareButton plan={planToShare()} />);
    await user.click(screen.getByRole('button', { name: 'Copy share link' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('This browser can’t make share links.'));
    expect(writeText).not.toHaveBeenCalled();
  });
});

describe('a plan opened from a share link', () => {
  test('the banner names the plan, says it is read-only, takes focus, and offers Save a copy and Close', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const onClose = vi.fn();
    render(<SharedPlanBanner plan={buildPlan({ name: 'Spring launch 🌸' })} onSave={onSave} onClose={onClose} />);

    const banner = screen.getByRole('region', { name: 'You’re viewing a shared plan: Spring launch 🌸 (read-only).' });
    expect(banner).toHaveTextContent('You’re viewing a shared plan: Spring launch 🌸 (read-only).Save a copy to edit it.');
    expect(screen.getByText(/You’re viewing a shared plan/)).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Save a copy' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  test('a plan without a name is called Untitled plan', () => {
    render(<SharedPlanBanner plan={buildPlan({ name: '  ' })} onSave={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('region')).toHaveTextContent('You’re viewing a shared plan: Untitled plan (read-only).');
  });

  test('a link that cannot be opened says why and leads back to the user’s plans', async () => {
    const user = userEvent.setup();
    const onOpenMyPlans = vi.fn();
    render(<SharedLinkError reason={SHARE_LINK_REASONS.damaged} onOpenMyPlans={onOpenMyPlans} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This share link couldn’t be opened.');
    expect(alert).toHaveTextContent('Chat apps sometimes cut long links short');
    await user.click(screen.getByRole('button', { name: 'Open my plans' }));
    expect(onOpenMyPlans).toHaveBeenCalledTimes(1);
  });
});

describe('the share link in the address', () => {
  function Probe() {
    const { link, close } = useSharedLink();
    return (
      <>
        <p>
          {link.status}
          {link.status === 'open' && `: ${link.plan.name}`}
          {link.status === 'failed' && `: ${link.reason}`}
        </p>
        <button type="button" onClick={close}>
          Close
        </button>
      </>
    );
  }

  test('a page opened from a share link opens its plan, and Close takes the link out of the address', async () => {
    const user = userEvent.setup();
    history.replaceState(null, '', `/?view=plans#share=${await encodeSharedPlan(buildPlan({ name: 'From a link' }))}`);
    render(<Probe />);
    expect(await screen.findByText('open: From a link')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByText('none')).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?view=plans');
  });

  test('a link pasted into an open tab opens too', async () => {
    render(<Probe />);
    expect(screen.getByText('none')).toBeInTheDocument();
    const payload = await encodeSharedPlan(buildPlan({ name: 'Pasted' }));
    act(() => {
      history.replaceState(null, '', `/#share=${payload}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByText('open: Pasted')).toBeInTheDocument();
  });

  test('an in-page link that changes the fragment (Skip to projections) leaves the shared plan open', async () => {
    history.replaceState(null, '', `/#share=${await encodeSharedPlan(buildPlan({ name: 'Still open' }))}`);
    render(<Probe />);
    expect(await screen.findByText('open: Still open')).toBeInTheDocument();
    act(() => {
      history.replaceState(null, '', '/#projections');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByText('open: Still open')).toBeInTheDocument();
  });

  test('a damaged link reports why', async () => {
    history.replaceState(null, '', '/#share=v1.eJyrVsrILy');
    render(<Probe />);
    expect(await screen.findByText(`failed: ${SHARE_LINK_REASONS.damaged}`)).toBeInTheDocument();
  });
});
