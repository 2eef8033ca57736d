import { spawn, type ChildProcess } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_STORAGE_VERSION, planKey, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';
import {
  appUrl,
  formatsLoaded,
  metric,
  openSession,
  openStorageRefusedSession,
  readDownload,
  screenshot,
  SEEDED_PLAN,
  sharedBrowser,
  storedWorkspace,
} from './support';

const browser = sharedBrowser();

/**
 * Another tab of the site that isn't the app (its favicon): what it writes to the site's storage
 * is heard by the app's tab as another tab's write, with no second app to write back.
 */
async function otherTabOfSite(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl('favicon.svg'));
  return page;
}

/** Everything the origin's localStorage holds, as text. */
const storageOf = (page: Page) => page.evaluate(() => ({ ...localStorage }));

/** What a user with storage refused must see, and be able to do, in either build. */
async function expectWorksWithoutSaving(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const banner = page.getByRole('alert').filter({ hasText: 'Changes are not being saved.' });
  await banner.waitFor();
  expect(await banner.innerText()).toMatch(/doesn’t let Reachplan save/);
  // Everything keeps working in memory.
  await formatsLoaded(page);
  await page.getByLabel('Plan name').fill('Unsaved launch');
  await page.getByRole('checkbox', { name: 'In-Feed Ads', exact: true }).check();
  await page.getByLabel('In-Feed Ads budget').fill('60000');
  await expect.poll(() => metric(page, 'Impressions').innerText(), { timeout: 15_000 }).toMatch(/^\d{1,3}(,\d{3})+$/);
  // And the banner offers both ways to keep it.
  const [backup] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download all plans' }).click()]);
  const plans = (JSON.parse(await readDownload(backup)) as { plans: { name: string }[] }).plans;
  expect(plans.map((p) => p.name)).toEqual(['Unsaved launch']);
  const exportButton = banner.getByRole('button', { name: 'Export this plan as CSV' });
  await expect.poll(() => exportButton.isEnabled()).toBe(true);
  const [csv] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(await readDownload(csv)).toContain('Unsaved launch');
}

describe('storage refused by the browser', () => {
  it('the production build opens, says changes are not being saved, and offers a backup and the CSV', async () => {
    const session = await openStorageRefusedSession();
    try {
      await expectWorksWithoutSaving(session.page, appUrl());
      await screenshot(session.page, 'storage-refused');
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  describe('in the dev server (npm start)', () => {
    const port = Number(process.env.E2E_DEV_PORT ?? 5179);
    let server: ChildProcess | undefined;
    beforeAll(async () => {
      server = spawn('npx', ['vite', '--port', String(port), '--strictPort'], {
        stdio: 'ignore',
        env: { ...process.env, NODE_ENV: 'development' },
        detached: true,
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          if ((await fetch(`http://localhost:${port}/`)).ok) break;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error('the dev server did not start');
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    afterAll(() => {
      if (server?.pid) process.kill(-server.pid);
    });

    it('renders the planner, its mocked API answered by the dev server (no blank page)', { timeout: 120_000 }, async () => {
      const session = await openStorageRefusedSession();
      try {
        await expectWorksWithoutSaving(session.page, `http://localhost:${port}/`);
        expect(session.errors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  });
});

describe('two tabs on different storage versions', () => {
  it('the older tab stops writing once a newer version saved, keeps its edits on screen and asks for a reload', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: storedWorkspace([SEEDED_PLAN], SEEDED_PLAN.id) });
    await page.goto(appUrl());
    await formatsLoaded(page);
    // The newer version saves from another tab of the same site (a page of the site that isn't the app).
    const newer = await otherTabOfSite(context);
    await newer.evaluate(
      ({ indexKey, planKeyOf, version, id }) => {
        localStorage.setItem(planKeyOf, JSON.stringify({ id, name: 'Back to school, next version', lines: [], budget: { total: 1, currency: 'USD' } }));
        localStorage.setItem(indexKey, JSON.stringify({ state: { openPlanId: id, planIds: [id] }, version }));
      },
      { indexKey: WORKSPACE_STORAGE_KEY, planKeyOf: planKey(SEEDED_PLAN.id), version: PLAN_STORAGE_VERSION + 1, id: SEEDED_PLAN.id },
    );
    const theirs = await storageOf(newer);
    const banner = page.getByRole('alert').filter({ hasText: 'A newer version of Reachplan saved your plans in another tab.' });
    await banner.waitFor();
    // Edits still work here, and write nothing over what the newer version saved.
    await page.getByLabel('Plan name').fill('Edited in the old tab');
    await page.getByLabel('In-Feed Ads budget').fill('70000');
    await page.waitForTimeout(500);
    expect(await storageOf(newer)).toEqual(theirs);
    // This tab's work can still be kept: the download holds its edits.
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download this tab’s plans' }).click()]);
    expect((JSON.parse(await readDownload(download)) as { plans: { name: string }[] }).plans.map((p) => p.name)).toEqual(['Edited in the old tab']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Another page of the site fills what is left of the origin's localStorage; resolves once `page` sees it full. */
async function fillLocalStorage(context: BrowserContext, page: Page): Promise<Page> {
  const filler = await otherTabOfSite(context);
  await filler.evaluate(() => {
    let chunk = 'x'.repeat(1024 * 1024);
    for (let n = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem(`filler.${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
  });
  // Until this tab's view of the storage has caught up with the other page's writes.
  await expect
    .poll(() =>
      page.evaluate(() => {
        try {
          localStorage.setItem('probe', 'x'.repeat(100));
          localStorage.removeItem('probe');
          return 'room';
        } catch {
          return 'full';
        }
      }),
    )
    .toBe('full');
  return filler;
}

/** The plans the app keeps in the browser's larger storage (IndexedDB), by id. */
function plansInIndexedDb(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const request = indexedDB.open('reachplan', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('plans');
        request.onerror = () => reject(request.error ?? new Error('open failed'));
        request.onsuccess = () => {
          const db = request.result;
          const plans: Record<string, string> = {};
          const cursor = db.transaction('plans').objectStore('plans').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              db.close();
              resolve(plans);
              return;
            }
            plans[String(at.key)] = String(at.value);
            at.continue();
          };
        };
      }),
  );
}

describe('the storage limit reached', () => {
  it('moves what no longer fits to the browser’s larger storage: nothing stops being saved, and a reload finds it all', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: storedWorkspace([SEEDED_PLAN], SEEDED_PLAN.id) });
    await page.goto(appUrl());
    await formatsLoaded(page);
    await fillLocalStorage(context, page);
    // Longer than the name it replaces, so saving needs room localStorage no longer has.
    const name = 'Moved, not lost: back to school with every creator shortlisted last week';
    await page.getByLabel('Plan name').fill(name);
    await expect.poll(async () => Object.keys(await plansInIndexedDb(page))).toEqual([SEEDED_PLAN.id]);
    expect(JSON.parse((await plansInIndexedDb(page))[SEEDED_PLAN.id] ?? '{}')).toMatchObject({ name });
    // Its localStorage copy is gone (that room is free), and no warning was needed.
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), planKey(SEEDED_PLAN.id))).toBeNull();
    expect(await page.getByRole('alert').filter({ hasText: 'Changes are not being saved.' }).count()).toBe(0);
    // Edits keep being saved there.
    await page.getByLabel('In-Feed Ads budget').fill('72000');
    await expect
      .poll(async () => (JSON.parse((await plansInIndexedDb(page))[SEEDED_PLAN.id] ?? '{}') as { formats?: { amount: string }[] }).formats?.[0]?.amount)
      .toBe('72000');
    await page.reload();
    await formatsLoaded(page);
    expect(await page.getByLabel('Plan name').inputValue()).toBe(name);
    expect(await page.getByLabel('In-Feed Ads budget').inputValue()).toBe('72000');
    // The Plans view says where it is.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Plans', exact: true }).click();
    const meter = page.locator('#workspace-storage');
    await meter.waitFor();
    expect(await meter.innerText()).toMatch(/^Saved in this browser: 5\.\d MB, and its quick storage \(about 5\.0 MB\) is full\. Plans that don’t fit move to the browser’s larger storage \(IndexedDB\), so nothing stops being saved\. 1 plan is kept in the larger storage \(\d+ KB\)\./);
    await screenshot(page, 'storage-moved-to-indexeddb');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('where the browser has no larger storage: says changes are not being saved, keeps them on screen, offers the backup, and saves again once there is room', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: storedWorkspace([SEEDED_PLAN], SEEDED_PLAN.id) });
    // As in browsers or modes without IndexedDB.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.goto(appUrl());
    await formatsLoaded(page);
    const filler = await fillLocalStorage(context, page);
    // Longer than the name it replaces, so saving needs room the storage no longer has.
    const name = 'Too late to save: back to school with every creator shortlisted last week';
    await page.getByLabel('Plan name').fill(name);
    const banner = page.getByRole('alert').filter({ hasText: 'Changes are not being saved.' });
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/Browser storage is full/);
    expect(await page.getByLabel('Plan name').inputValue()).toBe(name);
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download all plans' }).click()]);
    expect((JSON.parse(await readDownload(download)) as { plans: { name: string }[] }).plans.map((p) => p.name)).toEqual([name]);
    // Room again: the next edit is saved and the banner goes.
    await filler.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
    });
    await page.getByLabel('Plan name').fill('Saved at last');
    await expect.poll(() => banner.count()).toBe(0);
    const saved = await page.evaluate((key) => localStorage.getItem(key), planKey(SEEDED_PLAN.id));
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ name: 'Saved at last' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
