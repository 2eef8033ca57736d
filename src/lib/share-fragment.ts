/**
 * The share link's place in the address, kept apart from the codec in `share-link.ts`: the app
 * checks for a share link at start-up, and this is all that check loads.
 */

const PREFIX = '#share=';

/** The payload of a share link's fragment (`#share=<payload>`), or null when `hash` carries none. */
export function readShareFragment(hash: string): string | null {
  return hash.startsWith(PREFIX) ? hash.slice(PREFIX.length) : null;
}

/**
 * The share link of `payload` for the page at `location`. The plan rides in the fragment,
 * which browsers never send to a server.
 */
export function shareUrl(location: Pick<Location, 'origin' | 'pathname'>, payload: string): string {
  return `${location.origin}${location.pathname}${PREFIX}${payload}`;
}
