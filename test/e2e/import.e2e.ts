import type { CDPSession, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../../src/domain/csv';
import { project } from '../../src/domain/projection';
import { check, creatorLine, planWith } from '../unit/plan-fixtures';
import { appUrl, formatsLoaded, openSession, sharedBrowser } from './support';

const browser = sharedBrowser();

/**
 * A plan CSV of about 5 MB: 900 creators, each row padded by a column the import ignores (a
 * spreadsheet's notes), so reading it is real work.
 */
function bigCsv(): string {
  const plan = planWith({ name: 'Big import', totalBudget: '1000000', creators: Array.from({ length: 900 }, (_, i) => creatorLine({ handle: `creator.${i}`, posts: '1', fee: '500' })) });
  const result = check(plan);
  expect(result.errors).toEqual({});
  const lines = toCsv(planCsvRows(plan, project(result.input)), PLAN_CSV_COLUMNS).replace(/^\uFEFF/, '').split('\r\n');
  const padding = `"${'spreadsheet notes, '.repeat(300)}"`;
  const text = lines.map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'notes' : padding}`)).join('\r\n');
  expect(text.length).toBeGreaterThan(5_000_000);
  return text;
}

/**
 * Waits until the page has had three seconds without a long task (the planner settles after its
 * formats load), then starts counting the long tasks (over 50 ms) from there.
 */
function watchLongTasks(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { __longTasks: number[] };
        let counting = false;
        let quiet = setTimeout(start, 3000);
        function start() {
          counting = true;
          w.__longTasks = [];
          resolve();
        }
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (counting) w.__longTasks.push(Math.round(entry.duration));
            else {
              clearTimeout(quiet);
              quiet = setTimeout(start, 3000);
            }
          }
        }).observe({ type: 'longtask' });
      }),
  );
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

/**
 * Picks `path` in the file chooser. A file on disk, not a buffer: Playwright builds a buffer's
 * File with script in the page, which would be the page's long task, not the app's.
 */
async function choose(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import CSV' }).click()]);
  await chooser.setFiles(path);
}

describe('importing a big CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reachplan-import-'));
  const file = join(dir, 'big.csv');
  writeFileSync(file, bigCsv());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a 5 MB file off the page: the review, and no long task while it runs', async () => {
    const { page, context, errors } = await openSession(browser());
    await page.goto(appUrl());
    await formatsLoaded(page);
    await watchLongTasks(page);
    await choose(page, file);
    const region = page.getByRole('region', { name: 'Import from big.csv' });
    await region.getByText('900 line items (0 formats, 900 creators)').waitFor({ timeout: 30_000 });
    expect(await longTasks(page)).toEqual([]);
    await region.getByRole('button', { name: 'Import as a new plan' }).click();
    await expect.poll(() => page.getByLabel('Plan name').inputValue()).toBe('Big import');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Cancel stops a running import: nothing is imported, focus goes back', async () => {
    const { page, context, errors } = await openSession(browser());
    await page.goto(appUrl());
    await formatsLoaded(page);
    // A slow phone: the worker's reading takes seconds, so Cancel lands while it runs.
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await choose(page, file);
    const region = page.getByRole('region', { name: 'Import from big.csv' });
    await region.getByRole('progressbar', { name: 'Reading big.csv' }).waitFor();
    await region.getByRole('button', { name: 'Cancel' }).click();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => region.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import CSV');
    await page.waitForTimeout(1_000);
    expect(await page.getByRole('region', { name: /^Import from/ }).count()).toBe(0);
    expect(await page.getByLabel('Plan name').inputValue()).not.toBe('Big import');
    expect(errors).toEqual([]);
    await context.close();
  });
});
