import { screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { onTestFinished, vi } from 'vitest';
import { ASSUMPTIONS } from '../../mocks/data/benchmarks';
import { ASSUMPTIONS_CSV_COLUMNS } from '../../src/domain/csv';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { seedPlan } from '../utils/seed';
import { blobText, captureDownloads, type Download } from '../utils/download';
import { JOURNEY_TIMEOUT_MS, renderApp, retype, section, waitForPlanner } from '../utils/render-app';

/** The card of a headline figure (its <dt> outside the how view). */
function card(label: string): HTMLElement {
  const term = within(section('Projections'))
    .getAllByText(label, { selector: 'dt' })
    .find((dt) => dt.closest('details') === null && dt.closest('.metrics') !== null);
  const box = term?.parentElement;
  if (!box) throw new Error(`No headline card "${label}"`);
  return box;
}

function seedMixedPlan() {
  seedPlan(
    buildPlan({
      name: 'Ranges plan',
      totalBudget: '500000',
      kpiTarget: '5,000,000',
      formats: [formatLine('in-feed', '60000')],
      creators: [creatorLine('zachking', { posts: '2', fee: '62500' })],
    }),
  );
}

describe('projections with ranges', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('every number shows its central estimate with its P10–P90 beside it; bought quantities have none', async () => {
    seedMixedPlan();
    renderApp();
    await waitForPlanner();

    const engagements = card('Engagements');
    expect(within(engagements).getByText(/^[\d,]+$/, { selector: 'dd' })).toBeInTheDocument();
    expect(engagements.querySelector('.metric__range')?.textContent).toMatch(/^Range [\d.]+K–[\d.]+K$/);
    // This year's flight: the U.S. universe is the latest published figure, 147.6M people 13+ (2025).
    expect(card('Reach (de-duplicated)')).toHaveTextContent(/of 148M people in the target audience \([\d.]+%\)/);
    expect(card('ROI').querySelector('.metric__range')?.textContent).toMatch(/ to /);
    // Spend is what the plan pays: no range.
    expect(card('Spend').querySelector('.metric__range')).toBeNull();
    expect(screen.getByRole('table', { name: 'Cost per result' })).toHaveTextContent(/CPA/);

    // The KPI: its central estimate with a range, and the chance of meeting the target.
    const kpi = within(section('Projections')).getAllByRole('status').find((s) => s.classList.contains('kpi-status'));
    expect(kpi?.querySelector('.kpi-status__range')?.textContent).toMatch(/range [\d.]+M–[\d.]+M$/);
    expect(kpi).toHaveTextContent(/Chance of meeting it: \d+% \(\d+ of 81 scenarios reach the target\)\./);

    // Results table: what each line buys, reach with its range.
    const table = (await screen.findByRole('table', { name: 'Results by line item' }));
    const zach = within(table).getByRole('row', { name: /^@zachking/ });
    expect(within(zach).getAllByRole('cell')[1]).toHaveTextContent('2 posts');
    expect(within(zach).getAllByRole('cell')[2]).toHaveTextContent(/^[\d,]+, range [\d.]+M–[\d.]+M$/);
    const inFeed = within(table).getByRole('row', { name: /^In-Feed Ads/ });
    expect(within(inFeed).getAllByRole('cell')[1]).toHaveTextContent('6,000,000 impressions');
    expect(within(table).getByRole('rowheader', { name: 'Total (reach de-duplicated)' })).toBeInTheDocument();
  });

  test('“How is this calculated?” shows each formula with the plan’s inputs and the assumptions behind it', async () => {
    seedMixedPlan();
    const { user } = renderApp();
    await waitForPlanner();

    await user.click(screen.getByText('How each number is calculated'));
    const how = screen.getByText('How each number is calculated').closest('details') as HTMLElement;
    expect(await within(how).findByText(/^Sum of the line items: @zachking \$125,000 \+ In-Feed Ads \$60,000 = \$185,000\.$/)).toBeInTheDocument();
    expect(within(how).getByText(/^As if they reached people independently \(Sainsbury\): U × \(1 − Π\(1 − rᵢ ÷ U\)\) = [\d,]+ people\./)).toBeInTheDocument();
    expect(within(how).getByText(/^Line items share heavy users, so the plan gets [\d.]+% of the difference: /)).toBeInTheDocument();
    expect(within(how).getByRole('list', { name: 'Assumptions behind Conversions' })).toHaveTextContent(/Click-through rate 0\.9%/);

    // A line item's own figures.
    await user.click(screen.getByRole('button', { name: 'How the figures of In-Feed Ads are calculated' }));
    const item = await screen.findByRole('region', { name: 'How the figures of In-Feed Ads are calculated' });
    expect((await within(item).findAllByText('$60,000 budget ÷ $10.00 CPM × 1,000 = 6,000,000 paid impressions.')).length).toBeGreaterThan(0);
    // Reach, and frequency from it, each show the curve with this line's figures written in.
    const curve = within(item).getAllByText(/^On the negative-binomial curve, U × \(1 − \(1 \+ I ÷ \(k × U\)\)\^−k\) with I = /);
    expect(curve[0]).toHaveTextContent(/I = 6,000,000 in-target impressions, U = [\d,]+, k = 1: [\d,]+ people reached by the paid delivery\.$/);
    expect(screen.getByRole('button', { name: 'How the figures of In-Feed Ads are calculated' })).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByRole('button', { name: 'How the figures of @zachking are calculated' }));
    const creator = await screen.findByRole('region', { name: 'How the figures of @zachking are calculated' });
    expect((await within(creator).findAllByText(/^Beta-binomial over 2 posts: each reaches [\d,]+ in-target viewers a post, and 50% of its viewers saw the one before/)).length).toBeGreaterThan(0);
  });

  test('ROI is on the full cost: its breakdown sits beside it, and “How is this calculated?” adds up the gross', async () => {
    seedPlan(
      buildPlan({
        name: 'Costed plan',
        totalBudget: '500000',
        formats: [formatLine('in-feed', '60000')],
        creators: [creatorLine('zachking', { posts: '2', fee: '62500' })],
        costs: { agencyCommission: '10', usageRights: '', whitelisting: '', production: '15000', tax: '20' },
      }),
    );
    const { user } = renderApp();
    await waitForPlanner();
    // Media $60,000 (commission $6,000) + fees $125,000 + production $15,000 = $206,000 net; 20% tax $41,200; gross $247,200.
    const table = screen.getByRole('table', { name: 'Full cost' });
    expect(within(table).getByRole('row', { name: /^Net cost/ })).toHaveTextContent('$206,000');
    expect(within(table).getByRole('row', { name: /^Gross cost/ })).toHaveTextContent('$247,200');
    expect(card('ROI')).toHaveTextContent('ROI on full cost (gross, incl. tax)');
    expect(card('ROAS')).toHaveTextContent('Revenue ÷ full cost (gross, incl. tax)');
    // The results table's total keeps the spend; the footnote says which ROI is on what.
    expect(within(section('Projections')).getByText(/^ROI on full cost \(gross, incl\. tax\): -?[\d.]+%\. In the results table the total’s ROI is on the full cost too/)).toBeInTheDocument();

    await user.click(screen.getByText('How each number is calculated'));
    const how = screen.getByText('How each number is calculated').closest('details') as HTMLElement;
    expect(
      await within(how).findByText('Net cost = $60,000 media + $125,000 creator fees + $6,000 agency commission (10% of media) + $15,000 production = $206,000.'),
    ).toBeInTheDocument();
    expect(within(how).getByText('Gross cost = net cost + tax (20% of net) = $206,000 + $41,200 = $247,200.')).toBeInTheDocument();
    expect(within(how).getByText(/^ROI on full cost \(gross, incl\. tax\): \(revenue − gross\) ÷ gross = \(\$[\d,]+ − \$247,200\) ÷ \$247,200 = -?[\d.]+%\.$/)).toBeInTheDocument();
    expect(within(how).getByText(/^Revenue ÷ gross cost = \$[\d,]+ ÷ \$247,200 = /)).toBeInTheDocument();
  });

  test('each chart is a figure with a caption and a data table', async () => {
    seedMixedPlan();
    const { user } = renderApp();
    await waitForPlanner();
    const names = [
      'Reach and spend over the flight',
      'Reach vs budget',
      'Frequency distribution',
      'Funnel',
      'Ad formats compared on the same budget',
      'Results and cost per 1,000 reached by line item',
    ];
    for (const name of names) {
      // The print layout's own flight chart is in the page too, display:none on screen (jsdom applies no stylesheet).
      const [figure, ...more] = (await screen.findAllByRole('figure', { name })).filter((f) => !f.classList.contains('print-flight'));
      expect(figure).toBeDefined();
      expect(more).toEqual([]);
      expect(figure?.querySelector('figcaption')?.textContent?.length).toBeGreaterThan(name.length + 20);
    }
    const funnel = screen.getByRole('figure', { name: 'Funnel' });
    expect(funnel).toHaveTextContent(/Of [\d.]+M impressions/);
    await user.click(within(funnel).getByText('Data table'));
    const data = await within(funnel).findByRole('table', { name: 'Funnel' });
    expect(within(data).getAllByRole('row').map((r) => within(r).queryByRole('rowheader')?.textContent).filter(Boolean)).toEqual([
      'Impressions',
      'Video views',
      'Engagements',
      'Clicks',
      'Conversions',
    ]);
    // Each format alone on the plan's planned spend ($60,000 + 2 × $62,500); what it can't buy, or only part of, says so.
    const compared = screen.getByRole('figure', { name: 'Ad formats compared on the same budget' });
    expect(compared).toHaveTextContent(/Each format alone on \$185,000:/);
    expect(compared).toHaveTextContent('Hashtag Challenge can only use $175,000 of it.');
    expect(compared).toHaveTextContent('Hashtag Challenge Plus can’t be bought with it: The 6-day package costs $200,000.');
  });

  test('the assumptions ledger is grouped, shows sources and ranges, and exports as CSV with overrides marked', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 14, 15, 30));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    seedMixedPlan();
    const { user } = renderApp();
    await waitForPlanner();
    const ledger = section('Projections').querySelector('#assumptions') as HTMLElement;
    for (const group of ['Audience', 'Reach and overlap', 'Prices', 'Delivery and engagement', 'Clicks, conversions and order value']) {
      expect(within(ledger).getByRole('heading', { level: 4, name: group })).toBeInTheDocument();
    }
    const ctrField = screen.getByRole('textbox', { name: 'Click-through rate (%)' });
    const ctrRow = ctrField.closest('li') as HTMLElement;
    expect(ctrRow).toHaveTextContent(/published; read as P10–P90, it drives the ranges/);
    expect(ctrRow).toHaveTextContent(/Market/);
    await retype(user, ctrField, '1.8');
    await waitFor(() => expect(ctrField).toHaveAccessibleDescription(expect.stringContaining('this plan uses 1.8%')));

    const capture = captureDownloads();
    await user.click(screen.getByRole('button', { name: 'Export assumptions CSV' }));
    expect(capture.downloads).toHaveLength(1);
    const download = capture.downloads[0] as Download;
    expect(download.fileName).toBe('Ranges plan-assumptions-2026-03-14.csv');
    const text = await blobText(download.blob);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header] = text.slice(1).split('\r\n');
    expect(header).toBe('name,value,unit,market,source,overridden');
    expect(header).toBe(ASSUMPTIONS_CSV_COLUMNS.join(','));
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    // Every global rate, and the targeted market's own (the U.S.: universe, six age groups, women, takeover price and impressions).
    expect(rows).toHaveLength(ASSUMPTIONS.length + 10);
    expect(rows.filter((r) => r.market === 'US').map((r) => r.name)).toContain('Audience universe, United States');
    const ctr = rows.find((r) => r.name === 'Click-through rate');
    expect(ctr).toMatchObject({ value: '1.8', unit: '%', overridden: 'yes' });
    expect(rows.filter((r) => r.overridden === 'yes')).toHaveLength(1);
    expect(rows.find((r) => r.name === 'Average order value')).toMatchObject({ unit: 'USD', overridden: 'no' });
  });
});
