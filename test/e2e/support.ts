import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROME_ARGS, CHROME_PATH } from '../../scripts/chrome.mjs';
import type { Plan } from '../../src/domain/plan';
import { BACKUP_PREFIX, PLAN_STORAGE_KEY, PLAN_STORAGE_VERSION, planKey, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';

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

/** What a returning user's browser holds: a legacy plan envelope (`storedPlan`), or keys and values (`storedWorkspace`). */
export type Stored = string | Readonly<Record<string, string>>;

/**
 * A fresh browser context. `stored` is written to localStorage before the app's first load
 * only (a reload keeps whatever the app saved), as a returning user's browser would hold it.
 */
export async function openSession(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; stored?: Stored } = {},
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
  // A step that can't happen fails with its locator in a few seconds, not at the test's timeout.
  context.setDefaultTimeout(20_000);
  if (options.stored !== undefined) await seedStorage(context, options.stored);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/**
 * A browser that refuses this site any storage, as Chromium does with "Don't allow sites to save
 * data" (cookies blocked): reading `localStorage` throws a SecurityError and service workers are
 * refused. A real profile setting, not a stub of the page's objects. Closing the session removes it.
 */
export async function openStorageRefusedSession(options: { viewport?: { width: number; height: number } } = {}): Promise<Session & { close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'reachplan-no-storage-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_ARGS,
    viewport: options.viewport ?? DESKTOP,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors: watchErrors(page),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects a page's console errors and uncaught exceptions, failed resource loads of simulated faults excluded. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The browser logs every failed request; the fault scenarios fail requests on purpose.
    if (/Failed to load resource|net::ERR_/.test(m.text())) return;
    errors.push(m.text());
  });
  return errors;
}

/**
 * Writes `stored` to the context's localStorage before its first page loads, once: a reload,
 * or a second tab of the same context, finds whatever the app saved since.
 */
export async function seedStorage(context: BrowserContext, stored: Stored): Promise<void> {
  const entries = typeof stored === 'string' ? { [PLAN_STORAGE_KEY]: stored } : stored;
  await context.addInitScript((items) => {
    // A key outside the app's own prefixes, so the app never reads it.
    if (localStorage.getItem('e2e-seeded')) return;
    localStorage.setItem('e2e-seeded', '1');
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, entries);
}

/**
 * Runs axe (WCAG 2.1 A and AA) and fails on any serious or critical violation. `include` checks
 * one part of the page (a selector) when the rest was checked in another test: axe takes seconds
 * over the whole planner. `disableRules` is for a rule axe gets wrong in that state, which the
 * test then checks another way.
 */
export async function expectAccessible(
  page: Page,
  state: string,
  options: { include?: string; disableRules?: string[] } = {},
): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (options.include) axe = axe.include(options.include);
  if (options.disableRules) axe = axe.disableRules(options.disableRules);
  const result = await axe.analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(report, `axe violations in state "${state}"`).toEqual([]);
}

/** How far the page is wider than the window, in CSS pixels (0 or less: it never scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the sticky top bar and results column mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
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

/** The last storage version that kept one plan under one key; later versions keep a workspace. */
export const LEGACY_PLAN_VERSION = 4;

/**
 * A single plan as versions 1 to 4 saved it (version 4 unless told otherwise): the app migrates
 * it into a workspace of one plan on its first load.
 */
export function storedPlan(plan: object, version: number = LEGACY_PLAN_VERSION): string {
  return JSON.stringify({ state: { plan }, version });
}

/** A workspace as the current version saves it: the index (open plan, plan ids in order) and a key per plan. */
export function storedWorkspace(plans: readonly { id: string }[], openPlanId: string): Record<string, string> {
  const stored: Record<string, string> = {
    [WORKSPACE_STORAGE_KEY]: JSON.stringify({ state: { openPlanId, planIds: plans.map((p) => p.id) }, version: PLAN_STORAGE_VERSION }),
  };
  for (const plan of plans) stored[planKey(plan.id)] = JSON.stringify(plan);
  return stored;
}

/** What the browser holds: the workspace index, its plans in index order, and the legacy key (null once migrated). */
export interface SavedWorkspace {
  index: { state: { openPlanId: string; planIds: string[] }; version: number } | null;
  plans: Plan[];
  legacy: string | null;
}

/** The workspace as saved in the browser now. */
export function savedWorkspaceIn(page: Page): Promise<SavedWorkspace> {
  return page.evaluate(
    ({ indexKey, legacyKey, prefix }) => {
      const rawIndex = localStorage.getItem(indexKey);
      const index = rawIndex === null ? null : JSON.parse(rawIndex);
      const ids: string[] = index?.state?.planIds ?? [];
      const plans = ids.flatMap((id) => {
        const raw = localStorage.getItem(`${prefix}${id}`);
        return raw === null ? [] : [JSON.parse(raw)];
      });
      return { index, plans, legacy: localStorage.getItem(legacyKey) };
    },
    { indexKey: WORKSPACE_STORAGE_KEY, legacyKey: PLAN_STORAGE_KEY, prefix: planKey('') },
  );
}

/** What the app kept under its backup keys (damaged or unusable stored data), in no particular order. */
export function backupsIn(page: Page): Promise<string[]> {
  return page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix))
        .map((k) => localStorage.getItem(k) ?? ''),
    BACKUP_PREFIX,
  );
}

/** The open plan as saved in the browser (the one the index names), or null when none is. */
export async function savedPlanIn(page: Page): Promise<Plan | null> {
  const { index, plans } = await savedWorkspaceIn(page);
  return plans.find((p) => p.id === index?.state.openPlanId) ?? null;
}

/** A plan as the current version saves it, every field present: In-Feed Ads and one Brand Takeover day. */
export const SEEDED_PLAN = {
  id: 'seeded-plan',
  name: 'Back to school',
  status: 'draft',
  scenarioOf: null,
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
  costs: { agencyCommission: '', usageRights: '', whitelisting: '', production: '', tax: '' },
  excludeWeekends: false,
  earnedInReach: false,
  modelEdition: 2,
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
