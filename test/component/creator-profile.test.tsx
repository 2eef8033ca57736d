import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { server } from '../../mocks/node';
import type { CreatorProfile, RecentPost } from '../../src/domain/creator-profile';
import { fitBenchmarksFrom, fitScore } from '../../src/domain/fit';
import { newPlan } from '../../src/domain/plan';
import { AGE_BANDS } from '../../src/domain/types';
import { pctRound } from '../../src/lib/format';
import { expectedPage, TEST_CATALOG, TEST_SERVICE } from '../utils/catalog';
import { JOURNEY_TIMEOUT_MS, renderApp, retype, searchSettled, waitForPlanner } from '../utils/render-app';
import { valuesOf } from '../../src/domain/scenarios';

const PROFILE = '*/api/creators/:id';

async function profileOf(id: string): Promise<{ creator: CreatorProfile; recentPosts: RecentPost[] }> {
  const r = await TEST_SERVICE.profile(id);
  if (r.status !== 200) throw new Error(`no profile for ${id}`);
  return r.body as { creator: CreatorProfile; recentPosts: RecentPost[] };
}

/** The <dd> shown for a <dt> in the panel. */
function fact(panel: HTMLElement, label: string): string {
  const term = within(panel).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

/** The panel, once it has loaded (it is fetched on first use). */
function panelOf(handle: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name: `Profile of @${handle}` });
}

describe('creator profile panel', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a row’s View button opens the profile: header, fit breakdown, audience and recent posts', async () => {
    const first = expectedPage({}).items[0];
    if (!first) throw new Error('empty catalog');
    const { creator, recentPosts } = await profileOf(first.id);
    const { user } = renderApp();
    await waitForPlanner();
    const view = await screen.findByRole('button', { name: `View @${creator.handle}` });
    expect(view).toHaveAttribute('aria-expanded', 'false');
    await user.click(view);

    const panel = await panelOf(creator.handle);
    expect(view).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel).getByRole('heading', { name: `Profile of @${creator.handle}` })).toHaveFocus();
    expect(await within(panel).findByText(creator.displayName)).toBeInTheDocument();
    expect(within(panel).getByText('Not in the plan')).toBeInTheDocument();
    expect(fact(panel, 'Agency')).toBe(creator.agency ?? 'Independent');
    expect(fact(panel, 'Niche').toLowerCase()).toBe(creator.niche);
    expect(fact(panel, 'Other platforms')).toMatch(creator.platforms.length === 0 ? /^None found$/ : /followers/);

    // The total is the row's Fit; the parts are the plan's (default) target with the published benchmarks.
    const rowFit = view.closest('[role="row"]')?.querySelector('.creator-grid__fit')?.textContent?.replace(/\D/g, '');
    expect(within(panel).getByText(/^Fit score/)).toHaveTextContent(`Fit score ${rowFit} of 100`);
    const plan = newPlan('test', new Date());
    const assumptions = valuesOf(ASSUMPTIONS);
    const fit = fitScore(creator, { ...plan.targeting, goal: plan.goal }, fitBenchmarksFrom(assumptions));
    const breakdown = within(panel).getByRole('table', { name: 'Fit breakdown' });
    for (const c of fit.components) {
      const row = within(breakdown).getByRole('rowheader', { name: c.label }).closest('tr');
      expect(row).toHaveTextContent(c.detail);
    }

    const ages = within(within(panel).getByRole('list', { name: 'Audience by age group' })).getAllByRole('listitem');
    expect(ages.map((li) => li.textContent)).toEqual(AGE_BANDS.map((b) => `${b} ${pctRound(creator.audience.ageShares[b])}`));
    expect(within(panel).getByRole('list', { name: 'Audience by country' })).toBeInTheDocument();
    expect(within(panel).getByText(/of the audience is female/)).toHaveTextContent(pctRound(creator.audience.femaleShare));

    const posts = within(within(panel).getByRole('region', { name: 'Recent posts' })).getAllByRole('row').slice(1);
    expect(posts).toHaveLength(recentPosts.length);
    const newest = [...recentPosts].sort((a, b) => b.postedOn.localeCompare(a.postedOn))[0];
    expect(posts[0]).toHaveTextContent(newest?.sponsored ? /Yes/ : /No/);
  });

  test('a creator with red flags shows each of them', async () => {
    const flagged = TEST_CATALOG.creators.find((c) => c.credibility < 0.59 && c.brandSafetyFlags.length > 0);
    if (!flagged) throw new Error('no flagged creator in the test catalog');
    const { user } = renderApp();
    await retype(user, screen.getByRole('searchbox', { name: 'Search creators' }), flagged.handle);
    await searchSettled(flagged.handle);
    await user.click(screen.getByRole('button', { name: `View @${flagged.handle}` }));

    const flags = await within(await panelOf(flagged.handle)).findByRole('list', { name: 'Red flags' });
    const items = within(flags).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain(`Only ${Math.round(flagged.credibility * 100)}% of followers look real`);
    expect(items.filter((t) => t?.startsWith('Brand safety: '))).toHaveLength(flagged.brandSafetyFlags.length);
  });

  test('Close and Escape hand focus back to the View button', async () => {
    const [a, b] = expectedPage({}).items;
    if (!a || !b) throw new Error('too few creators');
    const { user } = renderApp();
    const viewA = await screen.findByRole('button', { name: `View @${a.handle}` });
    await user.click(viewA);
    await within(await panelOf(a.handle)).findByText('Data from');
    await user.click(within(await panelOf(a.handle)).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: `Profile of @${a.handle}` })).not.toBeInTheDocument();
    expect(viewA).toHaveFocus();

    const viewB = screen.getByRole('button', { name: `View @${b.handle}` });
    await user.click(viewB);
    expect(within(await panelOf(b.handle)).getByRole('heading', { name: `Profile of @${b.handle}` })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: `Profile of @${b.handle}` })).not.toBeInTheDocument();
    expect(viewB).toHaveFocus();
  });

  test('the contract checklist: asked for once the creator is in the plan, opened on their card from the panel', async () => {
    const first = expectedPage({}).items[0];
    if (!first) throw new Error('empty catalog');
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: `View @${first.handle}` }));
    const panel = await panelOf(first.handle);
    expect(await within(panel).findByText(new RegExp(`^Add @${first.handle.replace('.', '\\.')} to the plan to fill the seven contract terms`))).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: `Add @${first.handle} to plan` }));
    // The checklist's fields are drawn when its fold opens.
    expect(screen.queryByRole('checkbox', { name: `@${first.handle}: Creative freedom agreed` })).not.toBeInTheDocument();
    await user.click(screen.getByText(/^Contract checklist \(0 of 7 agreed\)/));
    await user.click(await screen.findByRole('checkbox', { name: `@${first.handle}: Creative freedom agreed` }));
    expect(within(panel).getByText(/^1 of 7 terms agreed\./)).toBeInTheDocument();
    const fold = screen.getByText(/^Contract checklist \(1 of 7 agreed\)/).closest('details');
    if (!fold) throw new Error('no checklist fold');
    fold.open = false;
    await user.click(within(panel).getByRole('button', { name: `Open @${first.handle}’s contract checklist` }));
    expect(fold.open).toBe(true);
    expect(within(fold).getByText(/^Contract checklist/)).toHaveFocus();
  });

  test('a creator the API no longer knows shows what to do', async () => {
    server.use(http.get(PROFILE, () => HttpResponse.json({ message: 'No creator with id "x".' }, { status: 404 })));
    const first = expectedPage({}).items[0];
    if (!first) throw new Error('empty catalog');
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: `View @${first.handle}` }));
    const alert = await within(await panelOf(first.handle)).findByRole('alert');
    expect(alert).toHaveTextContent(`@${first.handle} is no longer in the catalog`);
    expect(alert).toHaveTextContent('Close this panel and search again');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});
