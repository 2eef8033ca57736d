import { useEffect, useRef, useState } from 'react';
import { planOverLimits } from '../../domain/limits';
import type { Plan } from '../../domain/plan';
import { encodeSharedPlan, shareUrl } from '../../lib/share-link';
import './share.css';

/** Links longer than this are cut short by some chat apps (SMS, some messengers, Teams previews). */
export const LONG_LINK_CHARS = 2000;

type ShareState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'copied'; url: string }
  /** The clipboard was refused: the link is shown to copy by hand. */
  | { kind: 'manual'; url: string }
  | { kind: 'failed' };

const count = new Intl.NumberFormat('en-US');

function lengthNote(url: string): string {
  const length = `${count.format(url.length)} characters`;
  return url.length > LONG_LINK_CHARS
    ? `${length}: some chat apps cut links longer than ${count.format(LONG_LINK_CHARS)} characters, so send it by email.`
    : `${length}.`;
}

/**
 * "Copy share link": the open plan as a link the receiver opens read-only, copied to the
 * clipboard, or shown to copy by hand when the browser refuses. Contracts and the shortlist stay out.
 */
export function ShareButton({ plan }: { plan: Plan }) {
  // What is shown belongs to one plan: after an edit, the old link is gone rather than shared stale.
  const [state, setState] = useState<{ plan: Plan; share: ShareState }>({ plan, share: { kind: 'idle' } });
  const share: ShareState = state.plan === plan ? state.share : { kind: 'idle' };
  const field = useRef<HTMLInputElement>(null);
  const manualUrl = share.kind === 'manual' ? share.url : null;
  // A plan past a limit would be refused where it is opened: said here, before a link is made.
  const over = planOverLimits(plan);

  useEffect(() => {
    if (manualUrl === null) return;
    // Focusing selects it (onFocus), ready for Ctrl+C.
    field.current?.focus();
  }, [manualUrl]);

  const onShare = async () => {
    setState({ plan, share: { kind: 'working' } });
    let url: string;
    try {
      url = shareUrl(window.location, await encodeSharedPlan(plan));
    } catch {
      setState({ plan, share: { kind: 'failed' } });
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ plan, share: { kind: 'copied', url } });
    } catch {
      setState({ plan, share: { kind: 'manual', url } });
    }
  };

  let status = '';
  if (over !== null) status = `This plan can’t be shared as a link: ${over}`;
  else if (share.kind === 'working') status = 'Making the link…';
  else if (share.kind === 'copied') status = `Link copied, ${lengthNote(share.url)}`;
  else if (share.kind === 'manual') status = `Couldn’t copy to the clipboard: copy the link below, ${lengthNote(share.url)}`;
  else if (share.kind === 'failed') status = 'This browser can’t make share links. Update it, or use an up-to-date Chrome, Edge, Firefox or Safari.';

  return (
    <div className="share">
      <button type="button" className="button share__button" onClick={() => void onShare()} disabled={share.kind === 'working' || over !== null}>
        Copy share link
      </button>
      {/* Always in the page, so screen readers announce what appears in it. */}
      <p className="share__status" role="status">
        {status}
      </p>
      {share.kind === 'manual' && (
        <label className="share__field">
          <span className="share__label">Share link</span>
          <input ref={field} type="text" readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
