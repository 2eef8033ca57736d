import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import {
  exportButton,
  includeFormat,
  metric,
  renderApp,
  retype,
  section,
  waitForFormats,
  waitForPlanner,
  JOURNEY_TIMEOUT_MS,
} from '../utils/render-app';

const AD_FORMATS = '*/api/ad-formats';
const BENCHMARKS = '*/api/benchmarks';
const CREATORS = '*/api/creators';

/** Bad answers a server can give; each must end in an alert with Retry. */
const BAD_ANSWERS: [string, () => Response, RegExp][] = [
  ['a 500 with a message', () => HttpResponse.json({ message: 'boom' }, { status: 500 }), /boom/],
  ['a 503 without a JSON body', () => new HttpResponse('Service Unavailable', { status: 503 }), /The server answered 503\./],
  [
    'malformed JSON',
    () => new HttpResponse('not json', { headers: { 'content-type': 'application/json' } }),
    /The server sent a response Reachplan can’t read\./,
  ],
  ['JSON of the wrong shape', () => HttpResponse.json({ items: [{ id: 'in-feed', name: 42 }] }), /The server sent data in an unexpected shape\./],
  ['a network error', () => HttpResponse.error(), /Can’t reach the server/],
];

describe('ad formats endpoint failures', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each(BAD_ANSWERS)('%s gives a retryable error, and Retry loads the formats once the server recovers', async (_, answer, message) => {
    server.use(http.get(AD_FORMATS, answer));
    const { user } = renderApp();

    const alert = await within(section('Ad formats')).findByRole('alert');
    expect(alert).toHaveTextContent('Ad formats couldn’t load.');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Your plan is safe.');
    expect(screen.queryByRole('checkbox', { name: 'In-Feed Ads' })).not.toBeInTheDocument();
    expect(exportButton()).toBeDisabled();
    expect(screen.getByText('Formats or benchmarks couldn’t load.')).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForPlanner();
    expect(within(section('Ad formats')).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(section('Projections')).queryByRole('alert')).not.toBeInTheDocument();
    await includeFormat(user, 'In-Feed Ads', '60000');
    expect(metric('Impressions')).toBe('6,000,000');
  });

  test('Retry keeps showing the error while the server still fails', async () => {
    let calls = 0;
    server.use(
      http.get(AD_FORMATS, () => {
        calls += 1;
        return HttpResponse.json({ message: `boom ${calls}` }, { status: 500 });
      }),
    );
    const { user } = renderApp();
    const alert = await within(section('Ad formats')).findByRole('alert');
    expect(alert).toHaveTextContent('boom 1');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(section('Ad formats')).findByText(/boom 2/)).toBeInTheDocument();
    expect(calls).toBe(2);
    expect(screen.queryByRole('checkbox', { name: 'In-Feed Ads' })).not.toBeInTheDocument();
  });

  test('when formats and benchmarks both fail, each section says which, and Retry in Projections brings both back', async () => {
    server.use(
      http.get(AD_FORMATS, () => HttpResponse.json({ message: 'formats down' }, { status: 500 })),
      http.get(BENCHMARKS, () => HttpResponse.json({ message: 'benchmarks down' }, { status: 500 })),
    );
    const { user } = renderApp();
    expect(await within(section('Ad formats')).findByRole('alert')).toHaveTextContent('Ad formats couldn’t load.');
    const projections = await within(section('Projections')).findByRole('alert');
    expect(projections).toHaveTextContent('Benchmarks couldn’t load.');

    server.resetHandlers();
    await user.click(within(projections).getByRole('button', { name: 'Retry' }));
    await waitForPlanner();
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  test('a plan typed before the failure is kept and comes back whole after Retry', async () => {
    const first = renderApp();
    await waitForPlanner();
    await retype(first.user, screen.getByRole('textbox', { name: 'Plan name' }), 'Spring launch');
    await includeFormat(first.user, 'In-Feed Ads', '$60,000');
    first.unmount();

    // The next visit finds the formats endpoint down.
    server.use(http.get(AD_FORMATS, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    const { user } = renderApp();
    const alert = await within(section('Ad formats')).findByRole('alert');
    expect(screen.getByRole('textbox', { name: 'Plan name' })).toHaveValue('Spring launch');
    expect(screen.getByRole('textbox', { name: 'Total budget' })).toHaveValue('100000');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForPlanner();
    expect(screen.getByRole('checkbox', { name: 'In-Feed Ads' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'In-Feed Ads budget' })).toHaveValue('$60,000');
    expect(metric('Impressions')).toBe('6,000,000');
  });
});

describe('benchmarks endpoint failures', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each(BAD_ANSWERS)('%s gives a retryable error in Projections', async (_, answer, message) => {
    server.use(http.get(BENCHMARKS, answer));
    const { user } = renderApp();
    const alert = await within(section('Projections')).findByRole('alert');
    expect(alert).toHaveTextContent('Benchmarks couldn’t load.');
    expect(alert).toHaveTextContent(message);
    expect(exportButton()).toBeDisabled();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('textbox', { name: 'Click-through rate (%)' })).toBeInTheDocument();
    expect(within(section('Projections')).queryByRole('alert')).not.toBeInTheDocument();
  });

  test('benchmarks that miss an assumption the model needs are refused', async () => {
    server.use(http.get(BENCHMARKS, () => HttpResponse.json({ assumptions: [], caseStudies: [] })));
    renderApp();
    const alert = await within(section('Projections')).findByRole('alert');
    expect(alert).toHaveTextContent('The server sent data in an unexpected shape.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  test('a benchmarks failure is not reported as an ad formats failure', async () => {
    // Only /api/benchmarks fails: the formats did load, so Ad formats must not claim otherwise.
    server.use(http.get(BENCHMARKS, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    renderApp();
    await within(section('Projections')).findByRole('alert');
    expect(within(section('Ad formats')).queryByText('Ad formats couldn’t load.')).not.toBeInTheDocument();
  });

  test('with benchmarks down, formats can still be picked and the plan is projected once they are back', async () => {
    server.use(http.get(BENCHMARKS, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    const { user } = renderApp();
    const alert = await within(section('Projections')).findByRole('alert');
    await waitForFormats();
    const budget = await includeFormat(user, 'In-Feed Ads', '60000');
    expect(budget).toHaveValue('60000');
    expect(exportButton()).toBeDisabled();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitForPlanner();
    expect(metric('Impressions')).toBe('6,000,000');
    expect(exportButton()).toBeEnabled();
  });

  test('an ad formats failure is not reported as a benchmarks failure', async () => {
    server.use(http.get(AD_FORMATS, () => HttpResponse.json({ message: 'boom' }, { status: 500 })));
    renderApp();
    await within(section('Ad formats')).findByRole('alert');
    expect(within(section('Projections')).queryByText('Benchmarks couldn’t load.')).not.toBeInTheDocument();
  });
});

describe('creators endpoint failures', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test.each(BAD_ANSWERS)('%s shows the creators’ own Retry while the rest of the page works', async (_, answer, message) => {
    server.use(http.get(CREATORS, answer));
    const { user } = renderApp();
    const alert = await within(section('Creators')).findByRole('alert');
    expect(alert).toHaveTextContent('Creators couldn’t load.');
    expect(alert).toHaveTextContent(message);

    // Formats, projections and export are unaffected.
    await waitForPlanner();
    expect(within(section('Ad formats')).queryByRole('alert')).not.toBeInTheDocument();
    await includeFormat(user, 'In-Feed Ads', '60000');
    expect(metric('Impressions')).toBe('6,000,000');
    expect(exportButton()).toBeEnabled();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: 'Add @zachking to plan' })).toBeInTheDocument();
    expect(within(section('Creators')).queryByRole('alert')).not.toBeInTheDocument();
    // The plan typed meanwhile is untouched.
    expect(screen.getByRole('textbox', { name: 'In-Feed Ads budget' })).toHaveValue('60000');
  });

  test('a failed search keeps the last results on screen with a Retry', async () => {
    const { user } = renderApp();
    await screen.findByRole('checkbox', { name: 'Add @zachking to plan' });

    server.use(http.get(CREATORS, () => HttpResponse.json({ message: 'search is down' }, { status: 500 })));
    await user.type(screen.getByRole('searchbox', { name: 'Search creators' }), 'dance');
    const alert = await within(section('Creators')).findByRole('alert');
    expect(alert).toHaveTextContent('This search couldn’t be updated.');
    expect(alert).toHaveTextContent('search is down');
    // The previous page stays usable.
    expect(screen.getByRole('checkbox', { name: 'Add @zachking to plan' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(section('Creators')).findByText(/creators match “dance”/)).toBeInTheDocument();
    expect(within(section('Creators')).queryByRole('alert')).not.toBeInTheDocument();
  });
});
