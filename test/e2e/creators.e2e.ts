import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, DESKTOP, expectAccessible, formatsLoaded, MOBILE, openSession, savedPlanIn, screenshot, sharedBrowser } from './support';

const browser = sharedBrowser();

/** The creator table's scroll region. */
const results = (page: Page) => page.getByRole('region', { name: 'Creator search results' });

/** Handles of the rows drawn in the table, top to bottom. */
async function drawnHandles(page: Page): Promise<string[]> {
  const labels = await results(page).getByRole('checkbox', { name: /^Add @.+ to plan$/ }).evaluateAll((boxes) =>
    boxes.map((b) => b.getAttribute('aria-label') ?? ''),
  );
  return labels.map((l) => l.replace(/^Add @/, '').replace(/ to plan$/, ''));
}

describe.each([
  ['1440 px', DESKTOP],
  ['390 px', MOBILE],
])('vetting creators at %s', (label, viewport) => {
  it('scrolls the whole catalog, shortlists, compares, opens a profile and fills a contract; all saved', async () => {
    const { page, context, errors } = await openSession(browser(), { viewport });
    await page.goto(appUrl());
    await formatsLoaded(page);
    await page.getByText('100,022 creators').waitFor();
    const table = page.getByRole('table', { name: 'Creators' });
    expect(await table.getAttribute('aria-rowcount')).toBe('100023');

    // Far down the catalog: the rows there load on their own, without paging through the rest.
    await results(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    const firstDrawnRow = () =>
      results(page)
        .locator('[role=row][aria-rowindex]')
        .evaluateAll((rows) => Math.min(...rows.map((r) => Number(r.getAttribute('aria-rowindex'))).filter((i) => i > 1)));
    await expect.poll(firstDrawnRow, { timeout: 10_000 }).toBeGreaterThan(40_000);
    await expect.poll(async () => (await drawnHandles(page)).length, { timeout: 10_000 }).toBeGreaterThan(3);

    // A search narrows the table and starts it at the top.
    await page.getByLabel('Search creators').fill('zachking');
    await page.getByText('1 creator matches “zachking”').waitFor();
    expect(await drawnHandles(page)).toEqual(['zachking']);
    await page.getByRole('button', { name: 'Shortlist @zachking', exact: true }).click();
    await page.getByRole('button', { name: 'Compare @zachking', exact: true }).click();

    await page.getByLabel('Search creators').fill('lorengray');
    await page.getByText('1 creator matches “lorengray”').waitFor();
    await page.getByRole('button', { name: 'Compare @lorengray', exact: true }).click();
    const compare = page.getByRole('region', { name: 'Compare creators (2 of 4)' });
    await compare.getByRole('columnheader', { name: /@zachking/ }).waitFor();
    await compare.getByText('Zach King').waitFor();
    expect(await compare.getByRole('row', { name: /^Fans/ }).innerText()).toMatch(/21\.9M/);
    expect(new URL(page.url()).searchParams.get('compare')).toBe('zachking,lorengray');

    // From the shortlist into the plan, then the contract on the creator's card.
    await page.getByRole('button', { name: 'Add @zachking to plan from the shortlist' }).click();
    await page.getByRole('button', { name: 'Remove @zachking', exact: true }).waitFor();
    await page.getByText(/^Contract checklist \(0 of 7 agreed\)/).click();
    await page.getByRole('checkbox', { name: '@zachking: #ad disclosure agreed' }).check();
    await page.getByLabel('@zachking exclusivity (days)').fill('-1');
    await page.getByLabel('@zachking exclusivity (days)').blur();
    // Announced next to the field (the flight timeline lists it too, among the plan's problems).
    const message = page.getByRole('alert').filter({ hasText: /^Exclusivity days can[’']t be negative\.$/ });
    await message.waitFor();
    const describedBy = (await page.getByLabel('@zachking exclusivity (days)').getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await message.getAttribute('id'));
    await page.getByLabel('@zachking exclusivity (days)').fill('30');

    await page.getByRole('button', { name: 'View @lorengray', exact: true }).click();
    const profile = page.getByRole('region', { name: 'Profile of @lorengray' });
    await profile.getByText('Data from').waitFor();
    await expectAccessible(page, `creators with the comparison, profile and contract open at ${label}`);
    await screenshot(page, `creators-vetting-${viewport.width}`);

    // Everything survives a reload: the shortlist and contract with the plan, the search and comparison in the address.
    await page.reload();
    await page.getByText('1 creator matches “lorengray”').waitFor();
    await page.getByRole('region', { name: 'Compare creators (2 of 4)' }).waitFor();
    const plan = await savedPlanIn(page);
    expect(plan?.shortlist.map((c) => c.handle)).toEqual(['zachking']);
    expect(plan?.creators.find((c) => c.handle === 'zachking')?.contract.terms.disclosure.agreed).toBe(true);
    expect(await page.getByRole('heading', { name: 'Shortlist (1)' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
