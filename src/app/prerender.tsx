import { renderToString } from 'react-dom/server';
import { Root } from './root';

/**
 * The app's first frame as HTML, written into index.html at build time: only the parts that
 * never depend on the saved plan (see useHydrated). The browser hydrates it in place, so the
 * first paint needs no JavaScript and the shell's nodes are kept.
 */
export function renderShell(): string {
  return renderToString(<Root />);
}
