import { useSyncExternalStore } from 'react';

/**
 * The view in the address's fragment, so Back and Forward move between them and a view can be
 * bookmarked: the planner (no fragment, or a share link's `#share=…`, which the share code
 * reads), the workspace (`#plans`) or a comparison of plans (`#compare=<id>,<id>`).
 */
export type Route = { view: 'planner' } | { view: 'plans' } | { view: 'compare'; ids: string[] };

export function routeOf(hash: string): Route {
  if (hash === '#plans') return { view: 'plans' };
  if (hash.startsWith('#compare=')) {
    const ids = hash
      .slice('#compare='.length)
      .split(',')
      .map((id) => decodeURIComponent(id))
      .filter((id) => id.length > 0);
    return { view: 'compare', ids: [...new Set(ids)].slice(0, 4) };
  }
  return { view: 'planner' };
}

export function hashOf(route: Route): string {
  switch (route.view) {
    case 'planner':
      return '';
    case 'plans':
      return '#plans';
    case 'compare':
      return `#compare=${route.ids.map(encodeURIComponent).join(',')}`;
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current fragment, following Back and Forward. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}

/** Goes to `route` as a new history entry (Back returns); `replace` swaps the current entry. */
export function navigate(route: Route, { replace = false } = {}): void {
  const hash = hashOf(route);
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (replace) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(window.history.state, '', url);
  // pushState doesn't fire hashchange: tell the subscribers.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
