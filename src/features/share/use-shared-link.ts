import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Plan } from '../../domain/plan';
import { readShareFragment } from '../../lib/share-fragment';
import { decodeSharedPayload } from './share-lazy';

export type SharedLink =
  | { status: 'none' }
  | { status: 'opening' }
  | { status: 'open'; plan: Plan }
  | { status: 'failed'; reason: string };

type Decoded = { ok: true; plan: Plan } | { ok: false; reason: string };

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

const payloadInAddress = () => readShareFragment(window.location.hash);

/** Takes the share link out of the address (history.replaceState fires no hashchange, so listeners are told here). */
export function leaveSharedLink(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  for (const listener of listeners) listener();
}

/**
 * The plan of the share link in the address (`#share=…`), opened when the page loads or the
 * link is pasted into an open tab; the codec loads on demand (start-up only reads the
 * fragment). It stays open until `close`, which takes the link out of the address (a reload
 * then opens the user's own plans): an in-page link such as "Skip to projections" changes the
 * fragment without closing it.
 */
export function useSharedLink(): { link: SharedLink; close(): void } {
  // Null while the pre-rendered shell hydrates: the shell never depends on the address.
  const inAddress = useSyncExternalStore(subscribe, payloadInAddress, () => null);
  const [payload, setPayload] = useState<string | null>(null);
  if (inAddress !== null && inAddress !== payload) setPayload(inAddress);
  const [decoded, setDecoded] = useState<{ payload: string; result: Decoded } | null>(null);

  useEffect(() => {
    if (payload === null) return;
    let current = true;
    decodeSharedPayload(payload)
      .catch(
        (): Decoded => ({
          ok: false,
          reason: 'Reachplan couldn’t load what opens share links. Check your connection, then reload the page.',
        }),
      )
      .then((result) => {
        if (current) setDecoded({ payload, result });
      });
    return () => {
      current = false;
    };
  }, [payload]);

  const close = useCallback(() => {
    leaveSharedLink();
    setPayload(null);
  }, []);
  let link: SharedLink;
  if (payload === null) link = { status: 'none' };
  else if (decoded?.payload !== payload) link = { status: 'opening' };
  else link = decoded.result.ok ? { status: 'open', plan: decoded.result.plan } : { status: 'failed', reason: decoded.result.reason };
  return { link, close };
}
