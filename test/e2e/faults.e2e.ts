import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appUrl,
  backupsIn,
  expectAccessible,
  formatsLoaded,
  sharedBrowser,
  metric,
  MOBILE,
  openSession,
  screenshot,
  savedWorkspaceIn,
  SEEDED_PLAN,
  storedWorkspace,
} from './support';
import { PLAN_STORAGE_VERSION } from '../../src/store/persistence';

const browser = sharedBrowser();

// A workspace of one plan at the current version with every field: the app loads it as it is, with nothing to migrate.
const STORED = storedWorkspace([SEEDED_PLAN], SEEDED_PLAN.id);

/** The workspace as it was stored: the index at the current version and the plan, for "untouched" checks. */
const UNTOUCHED = {
  index: { state: { openPlanId: SEEDED_PLAN.id, planIds: [SEEDED_PLAN.id] }, version: PLAN_STORAGE_VERSION },
  plans: [SEEDED_PLAN],
  legacy: null,
};

/** Clicks every Retry on screen until none is left, as a user would. */
async function retryUntilClear(page: Page): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const retry = page.getByRole('button', { name: 'Retry' });
    if ((await retry.count()) === 0) return;
    await retry.first().click();
    await page.waitForTimeout(300);
  }
  expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
}

async function expectPlanShown(page: Page): Promise<void> {
  await formatsLoaded(page);
  await expect.poll(() => page.getByLabel('In-Feed Ads budget').inputValue()).toBe('60000');
  await expect.poll(() => metric(page, 'Impressions').innerText(), { timeout: 15_000 }).toBe('11,000,000');
  expect(await page.getByLabel('Plan name').inputValue()).toBe('Back to school');
}

describe('the mocked API misbehaves (?scenario=)', () => {
  it.each([
    ['error', /server had a problem/],
    ['timeout', /took too long/],
    ['malformed', /can’t read/],
    ['invalid', /unexpected shape/],
  ])('%s: a clear message and a Retry within 15 s, a retry that works, the plan untouched', async (scenario, message) => {
    const { page, context, errors } = await openSession(browser(), { stored: STORED });
    const started = Date.now();
    await page.goto(appUrl(`?scenario=${scenario}`));
    const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) }).first();
    await alert.waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await alert.innerText()).toMatch(message);
    expect(await savedWorkspaceIn(page)).toEqual(UNTOUCHED);
    if (scenario === 'error') {
      await expectAccessible(page, 'error state');
      await screenshot(page, 'error-1440');
    }
    await retryUntilClear(page);
    await expectPlanShown(page);
    expect(await savedWorkspaceIn(page)).toEqual(UNTOUCHED);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('slow (3 s): the wait is announced, then the data arrives', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: STORED });
    await page.goto(appUrl('?scenario=slow'));
    const loading = page.getByRole('status').filter({ hasText: /Loading ad formats/ });
    await loading.waitFor();
    await expectAccessible(page, 'loading');
    await expectPlanShown(page);
    expect(await loading.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offline mid-session: the failed search keeps its results, says why, and Retry works', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: STORED });
    await page.goto(appUrl('?scenario=offline'));
    // The first page of the catalog: its top creator's row is what must survive the failed search.
    const firstRow = page.getByRole('checkbox', { name: /^Add @.+ to plan$/ }).first();
    await firstRow.waitFor();
    const topCreator = (await firstRow.getAttribute('aria-label')) ?? '';
    await page.getByLabel('Search creators').fill('dance');
    const alert = page.getByRole('alert').filter({ hasText: 'This search couldn’t be updated.' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toMatch(/Can’t reach the server/);
    expect(await page.getByRole('checkbox', { name: topCreator, exact: true }).count()).toBe(1);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(/creators match “dance”/).waitFor();
    expect(await savedWorkspaceIn(page)).toEqual(UNTOUCHED);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a part of the page whose code fails to load says so with a Retry; the rest of the planner works', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: STORED });
    let blocked = true;
    await page.route('**/assets/creator-search-*.js', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(appUrl());
    await expectPlanShown(page);
    const alert = page.getByRole('alert').filter({ hasText: 'The creator search couldn’t load.' });
    await alert.waitFor({ timeout: 15_000 });
    await page.getByLabel('In-Feed Ads budget').fill('70000');
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe('12,000,000');
    blocked = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(/^[\d,]+ creators$/).waitFor({ timeout: 15_000 });
    // The failed chunk is reported by the browser and by React; nothing else went wrong.
    expect(errors.filter((e) => !/creator-search|dynamically imported module/.test(e))).toEqual([]);
    await context.close();
  });

  it('the browser really goes offline, then comes back', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: STORED });
    await page.goto(appUrl());
    await expectPlanShown(page);
    // Mid-session: the creator search (loaded after the first paint) has shown the catalog.
    await page.getByText(/^[\d,]+ creators$/).waitFor();
    await context.setOffline(true);
    await page.getByLabel('Search creators').fill('fitness');
    const alert = page.getByRole('alert').filter({ hasText: 'This search couldn’t be updated.' });
    await alert.waitFor({ timeout: 15_000 });
    // Editing still works offline: the plan lives in the browser.
    await page.getByLabel('In-Feed Ads budget').fill('70000');
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe('12,000,000');
    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(/creators match “fitness”/).waitFor();
    // Focus stayed in the section whose Retry was used.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Creators/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('stored data that can’t be used', () => {
  it('opens a new plan, says so, keeps a backup and offers it for download', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: '{"state": {"plan": ' });
    await page.goto(appUrl());
    const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await banner.waitFor();
    // The damaged text is kept, byte for byte, under a backup key; the old key no longer holds it.
    expect(await backupsIn(page)).toEqual(['{"state": {"plan": ']);
    expect((await savedWorkspaceIn(page)).legacy).toBeNull();
    await expectAccessible(page, 'recovery banner');
    await screenshot(page, 'recovery-1440');
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download backup' }).click()]);
    expect(download.suggestedFilename()).toBe('reachplan-backup.json');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Goals & budget/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390 px the error and recovery states fit the screen', async () => {
    const { page, context } = await openSession(browser(), { viewport: MOBILE, stored: 'not json' });
    await page.goto(appUrl('?scenario=error'));
    await page.getByRole('button', { name: 'Retry' }).first().waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'mobile error and recovery');
    await screenshot(page, 'error-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('invalid input in a real browser', () => {
  it('messages sit next to their fields, export says why it is disabled, and axe is clean', async () => {
    const { page, context, errors } = await openSession(browser());
    await page.goto(appUrl());
    await formatsLoaded(page);
    await page.getByRole('checkbox', { name: 'In-Feed Ads', exact: true }).check();
    await page.getByLabel('In-Feed Ads budget').fill('5000');
    await page.getByLabel('End date').fill('2020-01-01');
    await expect.poll(() => page.getByText('In-Feed Ads has a minimum spend of $6,000.').isVisible()).toBe(true);
    expect(await page.getByLabel('In-Feed Ads budget').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    expect(await page.locator('#export-reason').innerText()).toMatch(/^Fix 2 fields to export/);
    await expectAccessible(page, 'invalid input');
    await screenshot(page, 'invalid-1440');
    expect(errors).toEqual([]);
    await context.close();
  });
});
