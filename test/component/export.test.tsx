import { screen, waitFor } from '@testing-library/react';
import Papa from 'papaparse';
import { onTestFinished, vi } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { PLAN_CSV_COLUMNS } from '../../src/domain/csv';
import type { Figures } from '../../src/domain/projection';
import { roundFor } from '../../src/domain/rounding';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { seedPlan } from '../utils/seed';
import { blobText, captureDownloads, type Download } from '../utils/download';
import { catalogCreatorLine } from '../utils/catalog';
import { projectionOf } from '../utils/projection';
import {
  addCreator,
  exportButton,
  includeFormat,
  JOURNEY_TIMEOUT_MS,
  renderApp,
  retype,
  waitForPlanner,
} from '../utils/render-app';

const HEADER_START =
  'plan_name,item_type,item_name,start_date,end_date,budget,currency,impressions,reach,video_views,engagements,engagement_rate,conversions,revenue,cpm,roi';

/** Export day: the file name is dated by it. */
const EXPORT_DAY = new Date(2026, 2, 14, 15, 30);

function freezeToday() {
  // Only Date is faked: timers, promises and user-event run for real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(EXPORT_DAY);
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

/**
 * The cells of the figures that depend on uncertain rates (their P50s, and P10/P90 where
 * exported), as the model gives them for the same plan, rounded where they leave the model.
 */
function rangedCells(f: Figures): Record<string, string> {
  const cell = (kind: 'count' | 'money' | 'rate', n: number | null | undefined) => (n === null || n === undefined ? '' : String(roundFor(kind, n)));
  return {
    reach: cell('count', f.reach),
    reach_low: cell('count', f.ranges.reach.low),
    reach_high: cell('count', f.ranges.reach.high),
    engagements: cell('count', f.engagements),
    engagement_rate: cell('rate', f.engagementRate?.mid),
    clicks: cell('count', f.clicks),
    conversions: cell('count', f.conversions),
    conversions_low: cell('count', f.ranges.conversions.low),
    conversions_high: cell('count', f.ranges.conversions.high),
    revenue: cell('money', f.revenue),
    roi: cell('rate', f.roi?.mid),
    frequency: cell('rate', f.frequency),
  };
}

async function exportCsv(user: ReturnType<typeof renderApp>['user']): Promise<{ download: Download; text: string; rows: Record<string, string>[] }> {
  const capture = captureDownloads();
  expect(exportButton()).toBeEnabled();
  await user.click(exportButton());
  // The CSV code loads on the first export.
  await waitFor(() => expect(capture.downloads).toHaveLength(1));
  expect(capture.createObjectURL).toHaveBeenCalledTimes(1);
  const download = capture.downloads[0] as Download;
  expect(download.blob.type).toMatch(/^text\/csv/);
  const text = await blobText(download.blob);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  await waitFor(() => expect(capture.revokeObjectURL).toHaveBeenCalledWith(download.href));
  return { download, text, rows: parsed.data };
}

describe('Export CSV', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a plan built in the UI exports a BOM-prefixed CSV with one row per line item and a total', async () => {
    freezeToday();
    const { user } = renderApp();
    await waitForPlanner();
    await retype(user, screen.getByRole('textbox', { name: 'Plan name' }), 'Spring launch');
    await retype(user, screen.getByRole('textbox', { name: 'Total budget' }), '500000');
    await includeFormat(user, 'In-Feed Ads', '$60,000');
    await includeFormat(user, 'Brand Takeover');
    await addCreator(user, 'zach', 'zachking');
    await retype(user, screen.getByRole('textbox', { name: '@zachking posts' }), '2');
    const start = (screen.getByLabelText('Start date') as HTMLInputElement).value;
    const end = (screen.getByLabelText('End date') as HTMLInputElement).value;

    const { download, text, rows } = await exportCsv(user);
    expect(download.fileName).toBe('Spring launch-2026-03-14.csv');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text.slice(1).split('\r\n');
    expect(header?.startsWith(HEADER_START)).toBe(true);
    expect(header).toBe(PLAN_CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines.filter((l) => l !== '')).toHaveLength(4);

    expect(rows.map((r) => [r.item_type, r.item_name])).toEqual([
      ['format', 'In-Feed Ads'],
      ['format', 'Brand Takeover'],
      ['creator', 'zachking'],
      ['total', 'Total'],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ plan_name: 'Spring launch', start_date: start, end_date: end, currency: 'USD', goal: 'awareness' });
    }
    const [inFeed, takeover, zach, total] = rows as [Record<string, string>, Record<string, string>, Record<string, string>, Record<string, string>];
    // Bought and guaranteed quantities are exact; In-Feed engagements and clicks depend on one rate each, so their P50 is the default rate's.
    expect(inFeed).toMatchObject({
      budget: '60000',
      impressions: '6000000',
      video_views: '6000000',
      engagements: '248400',
      engagement_rate: '0.0414',
      cpm: '10',
      clicks: '54000',
      quantity: '6000000',
      quantity_unit: 'impressions',
    });
    expect(takeover).toMatchObject({ budget: '50000', impressions: '5000000', quantity: '1', quantity_unit: 'days' });
    const z = catalogCreatorLine('zachking');
    const fee = z.catalogFee;
    // No measured views in the catalog: a post is seen by real followers × the creator view rate.
    expect(z.avgViews).toBeNull();
    expect(z.credibility).toBeLessThan(1);
    const perPost = z.fans * (z.credibility ?? 1) * (ASSUMPTIONS.find((a) => a.key === 'creatorViewRate')?.value ?? NaN);
    expect(zach).toMatchObject({ budget: String(2 * fee), impressions: String(Math.round(2 * perPost)), quantity: '2', quantity_unit: 'posts' });
    expect(total).toMatchObject({
      budget: String(110_000 + 2 * fee),
      impressions: String(Math.round(11_000_000 + 2 * perPost)),
      quantity: '',
      quantity_unit: '',
    });
    // Figures that depend on uncertain rates are the model's P50s (and P10/P90) for the same plan.
    const projection = projectionOf(
      buildPlan({
        name: 'Spring launch',
        totalBudget: '500000',
        formats: [formatLine('in-feed', '$60,000'), formatLine('brand-takeover', '1')],
        creators: [catalogCreatorLine('zachking', { posts: '2' })],
      }),
    );
    expect(projection.items.map((i) => i.name)).toEqual(['In-Feed Ads', 'Brand Takeover', '@zachking']);
    const figures = [...projection.items, projection.totals];
    rows.forEach((row, i) => {
      expect(row).toMatchObject(rangedCells(figures[i] as Figures));
    });
    // Conversions and revenue depend on two uncertain rates: P50 of 6,000,000 × CTR × conversion rate, not 1,080.
    expect(Number(inFeed.conversions)).toBeGreaterThan(Number(inFeed.conversions_low));
    expect(Number(inFeed.conversions)).toBeLessThan(Number(inFeed.conversions_high));
    expect(Number(inFeed.revenue)).toBeCloseTo(40 * (projection.items[0]?.conversions ?? Number.NaN), 2);
    expect(Number(inFeed.roi)).toBeCloseTo(Number(inFeed.revenue) / 60_000 - 1, 4);
    // Numbers carry no separators or symbols.
    for (const r of rows) {
      for (const column of ['budget', 'impressions', 'reach', 'engagements', 'revenue'] as const) {
        expect(r[column]).toMatch(/^-?\d+(\.\d+)?$/);
      }
    }
  });

  test('a plan name that a spreadsheet would run as a formula is neutralised', async () => {
    seedPlan(buildPlan({ name: '=cmd', formats: [formatLine('in-feed', '60000')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const { text, rows, download } = await exportCsv(user);
    expect(rows.map((r) => r.plan_name)).toEqual(["'=cmd", "'=cmd"]);
    expect(text).not.toMatch(/(^|,|\r\n)=cmd/);
    expect(download.fileName).toMatch(/^=cmd-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  test.each(['+SUM(A1:A2)', '-2+3', '@SUM(1)', ' =HYPERLINK("http://x")'])('plan name %j never starts a cell with a formula trigger', async (name) => {
    seedPlan(buildPlan({ name, formats: [formatLine('in-feed', '60000')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const { rows } = await exportCsv(user);
    for (const r of rows) {
      expect(r.plan_name).toBe(`'${name.trim()}`);
    }
  });

  test('negative ROI stays a number, not neutralised text', async () => {
    const plan = buildPlan({ name: 'Numbers', formats: [formatLine('in-feed', '60000')] });
    seedPlan(plan);
    const { user } = renderApp();
    await waitForPlanner();
    const { rows, text } = await exportCsv(user);
    // ROI at the P50: (revenue − spend) ÷ spend, to 4 decimals.
    const roi = projectionOf(plan).totals.roi?.mid ?? Number.NaN;
    expect(roi).toBeLessThan(0);
    const cell = String(roundFor('rate', roi));
    expect(cell).toMatch(/^-0\.\d{1,4}$/);
    expect(rows[0]?.roi).toBe(cell);
    expect(rows[1]?.roi).toBe(cell);
    // Written bare: no leading quote that would turn it into text in a spreadsheet.
    expect(text).toContain(`,${cell},`);
    expect(text).not.toContain(`'${cell}`);
  });

  test('names with commas, quotes and Korean text survive the round trip', async () => {
    freezeToday();
    const name = 'Q3 "Glow", 뷰티 캠페인';
    seedPlan(buildPlan({ name, formats: [formatLine('in-feed', '60000')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const { rows, download } = await exportCsv(user);
    expect(rows.map((r) => r.plan_name)).toEqual([name, name]);
    expect(download.fileName).toBe('Q3 -Glow-, 뷰티 캠페인-2026-03-14.csv');
  });

  test('characters a file system refuses are replaced in the file name', async () => {
    freezeToday();
    seedPlan(buildPlan({ name: 'Plan: A/B <test>?', formats: [formatLine('in-feed', '60000')] }));
    const { user } = renderApp();
    await waitForPlanner();
    const { download } = await exportCsv(user);
    expect(download.fileName).toMatch(/^Plan- A-B -test-+-2026-03-14\.csv$/);
    expect(download.fileName).not.toMatch(/[\\/:*?"<>|]/);
  });

  test('a creator-only plan exports its creator and total', async () => {
    seedPlan(buildPlan({ name: 'Creators only', creators: [creatorLine('lorengray', { posts: '2', fee: '1000' })] }));
    const { user } = renderApp();
    await waitForPlanner();
    const { rows } = await exportCsv(user);
    expect(rows.map((r) => [r.item_type, r.item_name, r.budget])).toEqual([
      ['creator', 'lorengray', '2000'],
      ['total', 'Total', '2000'],
    ]);
  });

  test('unticked formats are not exported', async () => {
    seedPlan(
      buildPlan({ name: 'Some unticked', formats: [formatLine('in-feed', '60000'), formatLine('branded-effects', '100000', false)] }),
    );
    const { user } = renderApp();
    await waitForPlanner();
    const { rows } = await exportCsv(user);
    expect(rows.map((r) => r.item_name)).toEqual(['In-Feed Ads', 'Total']);
  });

  test('Export CSV is disabled with a reason while loading, while empty, and while invalid; it downloads nothing then', async () => {
    const capture = captureDownloads();
    const { user } = renderApp();
    expect(exportButton()).toBeDisabled();
    expect(exportButton()).toHaveAccessibleDescription('Waiting for formats and benchmarks to load.');
    await waitForPlanner();
    expect(exportButton()).toHaveAccessibleDescription('Add an ad format or a creator to export.');
    await user.click(exportButton());
    const budget = await includeFormat(user, 'In-Feed Ads', '5000');
    expect(exportButton()).toBeDisabled();
    expect(exportButton()).toHaveAccessibleDescription('Fix 1 field to export: In-Feed Ads has a minimum spend of $6,000.');
    await user.click(exportButton());
    expect(capture.downloads).toEqual([]);

    await retype(user, budget, '6000');
    expect(exportButton()).toBeEnabled();
    expect(exportButton()).not.toHaveAccessibleDescription();
  });
});
