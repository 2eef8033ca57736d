import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  appUrl,
  DESKTOP,
  expectAccessible,
  formatsLoaded,
  sharedBrowser,
  metric,
  MOBILE,
  openSession,
  readDownload,
  screenshot,
  savedWorkspaceIn,
  SEEDED_PLAN_V1,
  storedPlan,
} from './support';
import { emptyContract } from '../../src/domain/contract';
import { emptyCosts, MODEL_EDITION } from '../../src/domain/plan';
import { PLAN_STORAGE_VERSION } from '../../src/store/persistence';

const browser = sharedBrowser();

// In-Feed $60,000 at $10 CPM, one Brand Takeover day, and @zachking (21.9M fans, 85% of them real,
// no measured views, so real fans × 14.49%) posting twice: 6,000,000 + 5,000,000 + 5,394,627 impressions.
const EXPECTED_IMPRESSIONS = '16,394,627';
const EXPECTED_SPEND = '$235,000';

/** The first-time user's plan, by pointer (or touch on mobile). */
async function planMixedCampaign(page: Page): Promise<void> {
  await page.goto(appUrl());
  await formatsLoaded(page);
  await page.getByLabel('Plan name').fill('Holiday launch 2027');
  await page.getByLabel('Start date').fill('2027-11-29');
  await page.getByLabel('End date').fill('2027-12-26');
  await page.getByLabel('Campaign goal').selectOption({ label: 'Awareness' });
  await page.getByLabel('KPI target (reach)').fill('10,000,000');
  await page.getByLabel('Total budget').fill('$250,000');
  await page.getByRole('checkbox', { name: 'In-Feed Ads', exact: true }).check();
  await page.getByLabel('In-Feed Ads budget').fill('60000');
  await page.getByRole('checkbox', { name: 'Brand Takeover', exact: true }).check();
  await expect.poll(() => page.getByLabel('Brand Takeover days').inputValue()).toBe('1');
  await page.getByLabel('Search creators').fill('zachking');
  await page.getByText('1 creator matches “zachking”').waitFor();
  await page.getByRole('checkbox', { name: 'Add @zachking to plan' }).check();
  // A creator's default fee is the catalog estimate; the marketer negotiated a lower one.
  await page.getByLabel('@zachking fee').fill('62500');
  await page.getByLabel('@zachking posts').fill('2');
}

/** Reads the projections, charts and the exported CSV: what the marketer takes to the client. */
async function checkResultsAndExport(page: Page): Promise<void> {
  await expect.poll(() => metric(page, 'Impressions').innerText()).toBe(EXPECTED_IMPRESSIONS);
  expect(await metric(page, 'Spend').innerText()).toBe(EXPECTED_SPEND);
  expect(await metric(page, 'Reach \\(de-duplicated\\)').innerText()).toMatch(/^\d{1,3}(,\d{3})+$/);
  await expect.poll(() => page.getByText(/Meets the target of 10,000,000 reach/).isVisible()).toBe(true);

  // Six charts drawn, each with a text summary: reach and spend over the flight, reach vs
  // budget, frequency, funnel, formats compared, results by line item.
  const charts = page.locator('figure.chart');
  await expect.poll(() => charts.count()).toBe(6);
  for (let i = 0; i < 6; i++) {
    // The flight in recharts SVG; the budget curve one SVG path; bar charts in HTML (.hbars).
    await charts.nth(i).locator('svg.recharts-surface, svg.curve__svg, .hbars').first().waitFor();
    // Charts out of view skip rendering (content-visibility) until a frame after they are
    // scrolled to, as for a user.
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await charts.nth(i).locator('figcaption').innerText()).length).toBeGreaterThan(20);
  }
  // The reach band, the plan's point on the budget curve, bars with their P10-P90 whiskers.
  expect(await page.locator('figure.chart path.recharts-area-area').count()).toBeGreaterThan(0);
  expect(await page.locator('figure.chart .curve__mark').count()).toBe(1);
  expect(await page.locator('figure.chart .hbars__bar').count()).toBeGreaterThan(0);
  expect(await page.locator('figure.chart .hbars__whisker').count()).toBeGreaterThan(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Holiday launch 2027-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readDownload(download);
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain('\r\n');
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => [r.item_type, r.item_name])).toEqual([
    ['format', 'In-Feed Ads'],
    ['format', 'Brand Takeover'],
    ['creator', 'zachking'],
    ['total', 'Total'],
  ]);
  expect(rows[0]).toMatchObject({ plan_name: 'Holiday launch 2027', budget: '60000', impressions: '6000000', start_date: '2027-11-29', end_date: '2027-12-26', currency: 'USD' });
  expect(rows[1]).toMatchObject({ budget: '50000', impressions: '5000000', quantity: '1', quantity_unit: 'days' });
  expect(rows[2]).toMatchObject({ budget: '125000', impressions: '5394627', quantity: '2', quantity_unit: 'posts' });
  expect(rows[3]).toMatchObject({ budget: '235000', impressions: '16394627' });
  expect(Number(rows[3]?.roi)).toBeLessThan(0);
}

describe('a first-time user plans a mixed campaign', () => {
  it('at 1440 px: formats, a creator, goal, budget and dates, projections, charts and CSV', async () => {
    const { page, context, errors } = await openSession(browser(), { viewport: DESKTOP });
    await page.goto(appUrl());
    await formatsLoaded(page);
    await screenshot(page, 'first-visit-1440');
    await expectAccessible(page, 'first visit');
    await planMixedCampaign(page);
    await checkResultsAndExport(page);
    await page.locator('details.compare summary').click();
    await page.locator('details.how summary').click();
    await expectAccessible(page, 'plan with details open');
    await screenshot(page, 'plan-1440');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390 px (mobile) as well', async () => {
    const { page, context, errors } = await openSession(browser(), { viewport: MOBILE });
    await page.goto(appUrl());
    await formatsLoaded(page);
    await screenshot(page, 'first-visit-390');
    await planMixedCampaign(page);
    await checkResultsAndExport(page);
    // Nothing wider than the screen but the scrollable tables.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'mobile plan');
    await screenshot(page, 'plan-390');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a returning user', () => {
  it('opens a plan saved by version 1 of the app, brought up to date with the fields it lacked', async () => {
    const { page, context, errors } = await openSession(browser(), { stored: storedPlan(SEEDED_PLAN_V1, 1) });
    await page.goto(appUrl());
    await formatsLoaded(page);
    expect(await page.getByLabel('Plan name').inputValue()).toBe('Saved last year');
    expect(await page.getByLabel('In-Feed Ads budget').inputValue()).toBe('60000');
    expect(await page.getByLabel('@zachking posts').inputValue()).toBe('2');
    // The new fields project the plan as version 1 did: U.S., every age, CPM, even pacing, no Spark Ads;
    // a line saved before the catalog measured real followers counts every fan (6,346,620 views for Zach King).
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe('17,346,620');
    expect(await metric(page, 'Spend').innerText()).toBe(EXPECTED_SPEND);
    expect(await page.getByLabel('In-Feed Ads buying model').inputValue()).toBe('CPM');
    // Version 1 had no takeover category: a reminder next to it, not an error that blocks the export.
    const category = page.getByLabel('Brand Takeover category');
    expect(await category.inputValue()).toBe('');
    expect(await category.getAttribute('aria-invalid')).toBe('false');
    const field = page.locator('.field').filter({ has: category });
    await expect.poll(() => field.getByText(/^Choose the Brand Takeover category/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Export CSV' }).isEnabled()).toBe(true);
    // Saved back as a workspace of one plan at the current version, with every field the
    // current version has; the old single-plan key is gone.
    const saved = await savedWorkspaceIn(page);
    expect(saved.index).toEqual({ version: PLAN_STORAGE_VERSION, state: { openPlanId: 'seeded-plan-v1', planIds: ['seeded-plan-v1'] } });
    expect(saved.legacy).toBeNull();
    expect(saved.plans).toEqual([
      {
        ...SEEDED_PLAN_V1,
        status: 'draft',
        scenarioOf: null,
        targeting: { countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' },
        formats: SEEDED_PLAN_V1.formats.map((f) => ({ ...f, buyingModel: 'CPM', pacing: 'even', category: '' })),
        creators: SEEDED_PLAN_V1.creators.map((c) => ({
          ...c,
          postDates: [],
          sparkBudget: '',
          contract: emptyContract(),
          audience: null,
          credibility: null,
        })),
        shortlist: [],
        retiredContracts: {},
        costs: emptyCosts(),
        excludeWeekends: false,
        earnedInReach: false,
        modelEdition: 1,
      },
    ]);
    // Made under the first edition of the model: how its reach moved is said once, until acknowledged.
    const notice = page.getByRole('status').filter({ hasText: 'This plan’s figures changed with the projection model’s second edition.' });
    await expect.poll(() => notice.innerText()).toMatch(/Reach: [\d,]+ before, [\d,]+ now\./);
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(async () => (await savedWorkspaceIn(page)).plans[0]?.modelEdition).toBe(MODEL_EDITION);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds the plan after a reload and changes it', async () => {
    const { page, context, errors } = await openSession(browser());
    await planMixedCampaign(page);
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe(EXPECTED_IMPRESSIONS);
    await page.reload();
    await formatsLoaded(page);
    expect(await page.getByLabel('Plan name').inputValue()).toBe('Holiday launch 2027');
    expect(await page.getByLabel('In-Feed Ads budget').inputValue()).toBe('60000');
    expect(await page.getByLabel('@zachking posts').inputValue()).toBe('2');
    expect(await page.getByLabel('Start date').inputValue()).toBe('2027-11-29');
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe(EXPECTED_IMPRESSIONS);
    await page.getByLabel('In-Feed Ads budget').fill('90000');
    await expect.poll(() => metric(page, 'Impressions').innerText()).toBe('19,394,627');
    await page.reload();
    await formatsLoaded(page);
    expect(await page.getByLabel('In-Feed Ads budget').inputValue()).toBe('90000');
    expect(errors).toEqual([]);
    await context.close();
  });
});
