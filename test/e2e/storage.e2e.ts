import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, formatsLoaded, metric, openStorageRefusedSession, readDownload, screenshot } from './support';

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
