import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, type ComponentType } from 'react';
import { vi } from 'vitest';
import { ChunkBoundary } from '../../src/components/ui/chunk-boundary';
import { failedModuleUrl, retryableLazy } from '../../src/lib/retryable-lazy';

/** A lazy part as the app renders one: inside a ChunkBoundary, a new lazy component per attempt. */
function LazyPanel({ panel }: { panel: (attempt: number) => ComponentType }) {
  return (
    <ChunkBoundary what="The panel">
      {(attempt) => {
        const Panel = panel(attempt);
        return (
          <Suspense fallback={<p>Loading…</p>}>
            <Panel />
          </Suspense>
        );
      }}
    </ChunkBoundary>
  );
}

describe('a part of the page whose code fails to load', () => {
  test('says so with a Retry that loads it again, and leaves the rest of the page alone', async () => {
    // React reports the caught error on the console; here it is expected.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fails = true;
    const module = {
      Panel: function Panel() {
        return <p>The panel</p>;
      },
    };
    // As Safari says it: no URL, so the retry imports the same way again.
    const load = vi.fn(() => (fails ? Promise.reject(new TypeError('Importing a module script failed.')) : Promise.resolve(module)));
    const panel = retryableLazy(load, (m) => m.Panel);
    const user = userEvent.setup();
    render(
      <>
        <p>The rest of the page</p>
        <LazyPanel panel={panel} />
      </>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The panel couldn’t load.');
    expect(alert).toHaveTextContent('Check your connection');
    expect(screen.getByText('The rest of the page')).toBeInTheDocument();

    fails = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('The panel')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // A fresh import per attempt: React.lazy keeps a failed one for good.
    expect(load).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalled();
  });

  test('a retry fetches the module the browser named under a new URL: some browsers keep a failed fetch for good', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = 'http://localhost:4173/assets/creator-search-SJpgKwsM.js';
    const importer = vi.fn(() => Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`)));
    const byUrl = vi.fn((_url: string) =>
      Promise.resolve({
        Panel: function Panel() {
          return <p>The panel, fetched again</p>;
        },
      }),
    );
    const panel = retryableLazy(importer, (m: { Panel: ComponentType }) => m.Panel, byUrl);
    const user = userEvent.setup();
    render(<LazyPanel panel={panel} />);
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('The panel, fetched again')).toBeInTheDocument();
    expect(byUrl.mock.calls).toEqual([[`${url}?retry=1`]]);
    expect(importer).toHaveBeenCalledTimes(1);
  });
});

describe('failedModuleUrl', () => {
  test.each([
    ['Failed to fetch dynamically imported module: http://localhost:4173/assets/a-1.js', 'http://localhost:4173/assets/a-1.js'],
    ['error loading dynamically imported module: http://x.test/assets/b.js?retry=1', 'http://x.test/assets/b.js?retry=1'],
    ['Importing a module script failed.', null],
    ['Failed to fetch dynamically imported module: not a url', null],
  ])('%s', (message, url) => {
    expect(failedModuleUrl(new TypeError(message))).toBe(url);
  });
});
