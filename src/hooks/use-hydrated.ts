import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False while React renders the pre-rendered shell (at build time, and while hydrating it in
 * the browser), true from the first render after that. Parts that depend on the saved plan or
 * the API render only when true, so the shell never shows another plan's numbers.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
