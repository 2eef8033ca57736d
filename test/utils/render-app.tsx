import { QueryClient } from '@tanstack/react-query';
import { configure, render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { App } from '../../src/app/app';
import type { Plan } from '../../src/domain/plan';
import { seedPlan } from './seed';
import { Providers } from '../../src/app/providers';
// The app loads these on demand; importing them here transforms them once per test file, before
// the first test, so a lazy panel appears as fast as in a browser with the chunk cached.
import '../../src/features/creators/creator-search';
import '../../src/features/creators/creator-profile';
import '../../src/features/creators/creator-compare';
import '../../src/features/creators/contract-fields';
import '../../src/features/projections/line-item-table';
import '../../src/features/projections/assumptions-panel';
import '../../src/features/projections/full-cost';
import '../../src/features/costs/costs-panel';
import '../../src/features/timeline/timeline-panel';
import '../../src/features/csv-import/import-csv';
import '../../src/features/workspace/workspace-view';
import '../../src/features/scenarios/scenario-compare';

// The whole planner re-renders on each change and test files run side by side on few
// cores: give findBy*/waitFor more room than the 1 s default before they give up.
configure({ asyncUtilTimeout: 4000 });

/** Per-test time limit for journeys that drive the whole planner. */
export const JOURNEY_TIMEOUT_MS = 30_000;

export interface RenderedApp extends RenderResult {
  user: UserEvent;
  client: QueryClient;
}

/** A QueryClient as the app makes it, minus retries, so failures show at once. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Renders one feature (or a few) as the page mounts it, with the store holding `plan` (saved as
 * the app would, when given), a fresh query cache and a user-event session. For everything whose
 * subject is not the whole planner: it skips rendering and projecting the rest of the page.
 */
export function renderFeature(ui: ReactElement, options: { plan?: Plan; client?: QueryClient } = {}): RenderedApp {
  if (options.plan) seedPlan(options.plan);
  const client = options.client ?? createTestQueryClient();
  const user = userEvent.setup({ delay: null });
  const result = render(<Providers client={client}>{ui}</Providers>);
  return { ...result, user, client };
}

/** Renders the whole app with a fresh query cache and a user-event session. */
export function renderApp(options: { client?: QueryClient } = {}): RenderedApp {
  const client = options.client ?? createTestQueryClient();
  // No pause between keystrokes: every key re-renders the whole planner.
  const user = userEvent.setup({ delay: null });
  const result = render(
    <Providers client={client}>
      <App />
    </Providers>,
  );
  return { ...result, user, client };
}

/** Waits until the ad formats have loaded (their checkboxes exist). */
export async function waitForFormats(): Promise<void> {
  await screen.findByRole('checkbox', { name: 'In-Feed Ads' });
}

/**
 * Waits until the planner is ready: ad formats and benchmarks loaded, so fields are
 * checked and the projection (with its Assumptions) is shown.
 */
export async function waitForPlanner(): Promise<void> {
  await waitForFormats();
  await within(section('Projections')).findByRole('heading', { name: 'Assumptions' });
  await screen.findByRole('searchbox', { name: 'Search creators' });
}

/** The section whose h2 has this accessible name. */
export function section(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 2, name });
  const region = heading.closest('section');
  if (!region) throw new Error(`No <section> around heading "${name}"`);
  return region;
}

/** The value (first <dd>) shown for a <dt> label in the Projections totals. */
export function metric(label: string): string {
  const projections = section('Projections');
  // The same labels also head the formulas in "How each number is calculated" (a <details>).
  const term = within(projections)
    .getAllByText(label, { selector: 'dt' })
    .find((dt) => dt.closest('details') === null);
  if (!term) throw new Error(`No metric "${label}" in Projections`);
  const value = term.nextElementSibling;
  if (!value || value.tagName !== 'DD') throw new Error(`Metric "${label}" has no <dd>`);
  return value.textContent ?? '';
}

/**
 * Replaces an input's text as a user selecting it all and pasting would: one change,
 * so long journeys stay fast (each keystroke re-renders the whole planner). Use
 * `user.type` where keystroke-by-keystroke behaviour matters.
 */
export async function retype(user: UserEvent, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input);
  if (text === '') return;
  await user.click(input);
  await user.paste(text);
}

/** Ticks a format and, when given, types its budget (or days). Returns the amount input. */
export async function includeFormat(user: UserEvent, name: string, amount?: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('checkbox', { name }));
  const input = screen.getByRole('textbox', { name: name === 'Brand Takeover' ? 'Brand Takeover days' : `${name} budget` });
  if (amount !== undefined) await retype(user, input, amount);
  return input;
}

/**
 * Waits until the creator results are those of `query` (the count says "… match “query”"),
 * not the previous list still shown while the debounced search runs.
 */
export async function searchSettled(query: string): Promise<void> {
  const escaped = query.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await within(section('Creators')).findByText(new RegExp(`^\\d[\\d,]* creators? match(es)? “${escaped}”$`));
}

/** Searches the catalog and ticks "Add @handle to plan" once the debounced search shows it. */
export async function addCreator(user: UserEvent, query: string, handle: string): Promise<void> {
  const search = screen.getByRole('searchbox', { name: 'Search creators' });
  await retype(user, search, query);
  await searchSettled(query);
  const box = screen.getByRole('checkbox', { name: `Add @${handle} to plan` });
  await user.click(box);
  await screen.findByRole('button', { name: `Remove @${handle}` });
}

/** The Export CSV button. */
export function exportButton(): HTMLElement {
  return screen.getByRole('button', { name: 'Export CSV' });
}
