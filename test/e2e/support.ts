import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROME_ARGS, CHROME_PATH } from '../../scripts/chrome.mjs';
import type { Plan } from '../../src/domain/plan';
import { PLAN_STORAGE_VERSION } from '../../src/store/persistence';

export const SCREENSHOT_DIR = 'artifacts/screenshots';
export const DESKTOP = { width: 1440, height: 900 };
export const MOBILE = { width: 390, height: 844 };

export function appUrl(query = ''): string {
  return `${inject('baseURL')}${query}`;
}

/** One Chromium for the whole test file, started before its tests and closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions; failed resource loads of simulated faults excluded. */
  errors: string[];
}

/**
 * A fresh browser context. `storedPlan` is written to localStorage before the app's first
 * load only (a reload keeps whatever the app saved), as a returning user's browser would hold it.
 */
export async function openSession(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; stored?: string } = {},
): Promise<Session> {
  const viewport = options.viewport ?? DESKTOP;
  const mobile = viewport.width < 600;
  const context = await browser.newContext({
    viewport,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    acceptDownloads: true,
  });
  if (options.stored !== undefined) {
    await context.addInitScript((stored) => {
      if (!sessionStorage.getItem('e2e-seeded')) {
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.setItem('reachplan.plan', stored);
      }
    }, options.stored);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The browser logs every failed request; the fault scenarios fail requests on purpose.
    if (/Failed to load resource|net::ERR_/.test(m.text())) return;
    errors.push(m.text());
  });
  return { context, page, errors };
}

/** Runs axe (WCAG 2.1 A and AA) and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report, `axe violations in state "${state}"`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** The value shown for a projection total, e.g. "Impressions" -> "6,000,000". */
export function metric(page: Page, label: string) {
  return page.locator('dl.metrics > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first();
}

export async function formatsLoaded(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: 'In-Feed Ads', exact: true }).waitFor();
}

export async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** A stored plan envelope, as the app saves it: the current storage version unless told otherwise. */
export function storedPlan(plan: object, version: number = PLAN_STORAGE_VERSION): string {
  return JSON.stringify({ state: { plan }, version });
}

/** A plan as the current version saves it, every field present: In-Feed Ads and one Brand Takeover day. */
export const SEEDED_PLAN = {
  id: 'seeded-plan',
  name: 'Back to school',
  startDate: '2027-08-02',
  endDate: '2027-08-29',
  goal: 'awareness',
  kpiTarget: '5000000',
  otherKpiTargets: {},
  totalBudget: '250000',
  currency: 'USD',
  targeting: { countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' },
  formats: [
    { formatId: 'in-feed', amount: '60000', included: true, buyingModel: 'CPM', pacing: 'even', category: '' },
    { formatId: 'brand-takeover', amount: '1', included: true, buyingModel: 'CPM', pacing: 'even', category: 'Food & beverage' },
  ],
  creators: [],
  shortlist: [],
  retiredContracts: {},
  assumptionOverrides: {},
  updatedAt: '2027-07-01T09:00:00.000Z',
} satisfies Plan;

/**
 * The same kind of plan as version 1 saved it, before targeting, buying models, pacing, the
 * takeover category, posting dates and Spark Ads: for the check that old saved plans still open.
 */
export const SEEDED_PLAN_V1 = {
  id: 'seeded-plan-v1',
  name: 'Saved last year',
  startDate: '2027-08-02',
  endDate: '2027-08-29',
  goal: 'awareness',
  kpiTarget: '5000000',
  otherKpiTargets: {},
  totalBudget: '250000',
  currency: 'USD',
  formats: [
    { formatId: 'in-feed', amount: '60000', included: true },
    { formatId: 'brand-takeover', amount: '1', included: true },
  ],
  creators: [
    {
      handle: 'zachking',
      displayName: 'Zach King',
      niche: 'entertainment',
      country: 'US',
      tier: 'mega',
      fans: 21_900_000,
      avgViews: null,
      engagementRate: null,
      catalogFee: 62_500,
      posts: '2',
      fee: '62500',
    },
  ],
  assumptionOverrides: {},
  updatedAt: '2026-07-01T09:00:00.000Z',
};
