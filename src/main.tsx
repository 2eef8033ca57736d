import { createRoot, hydrateRoot } from 'react-dom/client';
import { Root } from './app/root';
import { planStoreReady } from './store/plan-store';
import './app/styles.css';
// After the app's styles: the print rules override them.
import './features/print/print.css';

/** In the dev server the mocked API runs in a service worker, unless a real API is configured. */
async function enableMocking(): Promise<void> {
  if (!import.meta.env.DEV || import.meta.env.VITE_API_BASE_URL) return;
  const { worker } = await import('../mocks/browser');
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}

// The app starts whatever happens to the mock worker. Where the browser refuses it (site data
// blocked: no service worker, and MSW can't even load without localStorage), the dev server
// answers /api/* itself with the same handlers (vite.config.ts).
void enableMocking()
  .catch((error: unknown) => console.warn('The mock service worker could not start, so the dev server answers /api/* itself:', error))
  // The saved plans load first: at once, unless some are kept in the browser's larger storage.
  .then(() => planStoreReady)
  .then(() => {
    const container = document.getElementById('root');
    if (!container) throw new Error('index.html has no #root element');
    // The production build pre-renders the shell into #root (vite.config.ts); the dev server does not.
    if (container.hasChildNodes()) {
      // Let the browser paint the pre-rendered shell before hydration's long first render.
      requestAnimationFrame(() => setTimeout(() => hydrateRoot(container, <Root />), 0));
    } else {
      createRoot(container).render(<Root />);
    }
  });
