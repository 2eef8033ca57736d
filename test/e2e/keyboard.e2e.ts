import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, formatsLoaded, sharedBrowser, metric, openSession, readDownload } from './support';

const browser = sharedBrowser();

/** The accessible name of the focused element, as a screen reader would announce it (roughly). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const input = el as HTMLInputElement;
    return (
      el.getAttribute('aria-label') ??
      input.labels?.[0]?.innerText.trim() ??
      el.innerText?.trim() ??
      ''
    ).replace(/\s+/g, ' ');
  });
}

/** Whether the focused element shows a focus indicator (outline or ring). */
function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}

/** Presses Tab until the element named `name` has focus; fails if it can't be reached. */
async function tabTo(page: Page, name: string, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await focusedName(page)) === name) {
      expect(await focusVisible(page), `focus indicator on "${name}"`).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${name}" can't be reached with Tab`);
}

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('a keyboard-only user', () => {
  it('plans, reads and exports a mixed campaign without a mouse', async () => {
    const { page, context, errors } = await openSession(browser());
    await page.goto(appUrl());
    await formatsLoaded(page);

    await typeInto(page, 'Plan name', 'Keyboard plan');
    await tabTo(page, 'Campaign goal');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Campaign goal').inputValue()).toBe('engagement');
    await typeInto(page, 'KPI target (engagements)', '100000');
    await typeInto(page, 'Total budget', '300000');

    await tabTo(page, 'In-Feed Ads');
    await page.keyboard.press('Space');
    await typeInto(page, 'In-Feed Ads budget', '60000');
    await tabTo(page, 'Brand Takeover');
    await page.keyboard.press('Space');

    await typeInto(page, 'Search creators', 'zachking');
    await page.getByRole('checkbox', { name: 'Add @zachking to plan' }).waitFor();
    await tabTo(page, 'Add @zachking to plan');
    await page.keyboard.press('Space');
    await typeInto(page, '@zachking posts', '2');

    await expect.poll(() => metric(page, 'Spend').innerText()).toBe('$235,000');
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe('16,394,627');

    // Removing a creator keeps focus in the list, not lost at the top of the page.
    await tabTo(page, 'Remove @zachking');
    await page.keyboard.press('Enter');
    expect(await focusedName(page)).toBe('In this plan (0)');
    await expect.poll(() => metric(page, 'Spend').innerText()).toBe('$110,000');

    // Open the explanations and export, all by keyboard. Shift+Tab walks back to the top bar.
    await tabTo(page, 'How each number is calculated');
    await page.keyboard.press('Enter');
    expect(await page.locator('details.how').getAttribute('open')).not.toBeNull();
    let reached = false;
    for (let i = 0; i < 400 && !reached; i++) {
      await page.keyboard.press('Shift+Tab');
      reached = (await focusedName(page)) === 'Export CSV';
    }
    expect(reached).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(await readDownload(download)).toContain('Keyboard plan,total,Total');
    expect(errors).toEqual([]);
    await context.close();
  });
});
