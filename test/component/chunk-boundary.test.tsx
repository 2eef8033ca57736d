import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { vi } from 'vitest';
import { ChunkBoundary } from '../../src/components/ui/chunk-boundary';
import { retryableLazy } from '../../src/lib/retryable-lazy';

describe('a part of the page whose code fails to load', () => {
  test('says so with a Retry that loads it again, and leaves the rest of the page alone', async () => {
    // React reports the caught error on the console; here it is expected.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let fails = true;
    const load = vi.fn(() =>
      fails
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(function Panel() {
            return <p>The panel</p>;
          }),
    );
    const panel = retryableLazy(load);
    const user = userEvent.setup();
    render(
      <>
        <p>The rest of the page</p>
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
});
