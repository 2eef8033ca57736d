import { screen, waitFor, within } from '@testing-library/react';
import { COST_FIELDS, emptyCosts, type Plan } from '../../src/domain/plan';
import { CostsSection } from '../../src/features/costs/costs-section';
import { ProjectionsSection } from '../../src/features/projections/projections-section';
import { buildPlan, creatorLine, formatLine } from '../utils/builders';
import { seedPlan } from '../utils/seed';
import { projectionOf, shownMoney, shownPercent } from '../utils/projection';
import { JOURNEY_TIMEOUT_MS, metric, renderFeature, retype, section } from '../utils/render-app';

/** In-Feed Ads $60,000 (media) and @zachking, 2 posts × $5,000 with a $3,000 Spark Ads budget. */
function costedPlan(costs: Partial<Plan['costs']> = {}, totalBudget = '100000'): Plan {
  return buildPlan({
    name: 'Costed plan',
    goal: 'sales',
    totalBudget,
    formats: [formatLine('in-feed', '60000')],
    creators: [creatorLine('zachking', { posts: '2', fee: '5000', sparkBudget: '3000' })],
    costs: { ...emptyCosts(), ...costs },
  });
}

/** The Costs section beside the projections, as the page mounts them; resolves when both are ready. */
async function renderCosts() {
  const { user } = renderFeature(
    <>
      <CostsSection />
      <ProjectionsSection />
    </>,
  );
  await within(section('Projections')).findByRole('heading', { name: 'Assumptions' });
  await screen.findByRole('textbox', { name: COST_LABELS.agencyCommission });
  return user;
}

/** The fields' labels, as the section shows them. */
const COST_LABELS = {
  agencyCommission: 'Agency commission (% of media)',
  usageRights: 'Usage rights fees (USD)',
  whitelisting: 'Whitelisting fees (USD)',
  production: 'Production (USD)',
  tax: 'Tax (% of net cost)',
} as const;

const field = (label: string) => screen.getByRole('textbox', { name: label });

describe('Costs section', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('is a landmark with a labelled field for each cost line, empty meaning none', async () => {
    seedPlan(costedPlan());
    const user = await renderCosts();
    expect(screen.getByRole('region', { name: 'Costs' })).toBeInTheDocument();
    for (const f of COST_FIELDS) expect(field(COST_LABELS[f])).not.toHaveAttribute('aria-invalid', 'true');
    // One field per cost line, in this order.
    expect(within(section('Costs')).getAllByRole('textbox')).toEqual(COST_FIELDS.map((f) => field(COST_LABELS[f])));
    for (const f of COST_FIELDS) expect(field(COST_LABELS[f])).toHaveValue('');
    // The definitions, one click away.
    await user.click(screen.getByText('How the full cost adds up'));
    const about = screen.getByText('How the full cost adds up').closest('details') as HTMLElement;
    expect(about).toHaveAttribute('open');
    expect(about).toHaveTextContent('Agency commission is a percentage of media (not of creator fees)');
    expect(about).toHaveTextContent('Net cost = media + creator fees + commission + these amounts; tax is a percentage of the net cost; gross cost = net + tax.');
    expect(about).toHaveTextContent('Projections measure ROI and ROAS on the gross cost; costs per result stay on media and creator fees.');
    // No cost lines: the gross is the spend, $60,000 + $10,000 fees + $3,000 Spark Ads.
    const totals = screen.getByLabelText('Net and gross cost');
    expect(totals).toHaveTextContent('Net cost$73,000');
    expect(totals).toHaveTextContent('Gross cost (incl. tax)$73,000');
  });

  test.each([
    ['agencyCommission', 'abc', 'Agency commission must be a number, like 2.5.'],
    ['agencyCommission', '-5', "Agency commission can't be negative."],
    ['tax', '150', 'Tax rate is too large: the most Reachplan accepts is 100%.'],
    ['usageRights', 'five grand', 'Usage rights amount must be a number, like 60000 or $60,000.'],
    ['production', '999999999999', 'Production amount is too large: the most Reachplan accepts is $100,000,000.'],
  ] as const)('%s "%s" is explained next to its field and kept as typed', async (name, text, message) => {
    seedPlan(costedPlan());
    const user = await renderCosts();
    const input = field(COST_LABELS[name]);
    await retype(user, input, text);
    await user.tab();
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(within(section('Costs')).getByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveValue(text);
    // Counted as none until fixed, and said so in the projections.
    const names = { agencyCommission: 'Agency commission', usageRights: 'Usage rights amount', production: 'Production amount', tax: 'Tax rate' };
    expect(await within(section('Projections')).findByText(`Left out of the projection until their fields are fixed: ${names[name]}.`)).toBeInTheDocument();

    await retype(user, input, '10');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'false'));
    expect(within(section('Costs')).queryByRole('alert')).toBeNull();
    expect(input).toHaveValue('10');
  });

  test('typed cost lines move ROI onto the gross, shown line by line next to it', async () => {
    seedPlan(costedPlan());
    const user = await renderCosts();
    const onSpend = projectionOf(costedPlan()).totals;
    expect(metric('ROI')).toBe(shownPercent(onSpend.roi?.mid ?? Number.NaN));

    await retype(user, field(COST_LABELS.agencyCommission), '15');
    await retype(user, field(COST_LABELS.usageRights), '$5,000');
    await retype(user, field(COST_LABELS.whitelisting), '2500');
    await retype(user, field(COST_LABELS.production), '10,000');
    await retype(user, field(COST_LABELS.tax), '8');
    const expected = projectionOf(costedPlan({ agencyCommission: '15', usageRights: '$5,000', whitelisting: '2500', production: '10,000', tax: '8' })).totals;
    // Media $63,000 (In-Feed + Spark Ads): commission $9,450. Net = 63,000 + 10,000 + 9,450 + 5,000 + 2,500 + 10,000 = 99,950.
    expect(expected.fullCost).toMatchObject({ media: 63_000, creatorFees: 10_000, agencyCommission: 9_450, net: 99_950 });
    expect(expected.fullCost.gross).toBeCloseTo(107_946, 6);

    await waitFor(() => expect(metric('ROI')).toBe(shownPercent(expected.roi?.mid ?? Number.NaN)));
    expect(metric('ROI')).not.toBe(shownPercent(onSpend.roi?.mid ?? Number.NaN));
    expect(metric('Spend')).toBe(shownMoney(73_000));

    const table = screen.getByRole('table', { name: 'Full cost' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Media')).toHaveTextContent('$63,000');
    expect(row('Creator fees')).toHaveTextContent('$10,000');
    expect(row('Agency commission')).toHaveTextContent('15.0% of media$9,450');
    expect(row('Usage rights fees')).toHaveTextContent('$5,000');
    expect(row('Whitelisting fees')).toHaveTextContent('$2,500');
    expect(row('Production')).toHaveTextContent('$10,000');
    expect(row('Net cost')).toHaveTextContent('$99,950');
    expect(row('Tax')).toHaveTextContent('8.0% of net cost$7,996');
    expect(row('Gross cost')).toHaveTextContent('ROI on full cost (gross, incl. tax)$107,946');

    const projections = section('Projections');
    expect(within(projections).getByText(/^ROI on full cost \(gross, incl\. tax\): \(revenue − gross\) ÷ gross$/)).toBeInTheDocument();
    expect(within(projections).getByText(/^Unit costs are on spend \(media \+ creator fees\)/)).toBeInTheDocument();
    expect(screen.getByLabelText('Net and gross cost')).toHaveTextContent('Gross cost (incl. tax)$107,946');
  });

  test('warns, without an error, when the gross is over the total budget', async () => {
    seedPlan(costedPlan());
    const user = await renderCosts();
    await retype(user, field(COST_LABELS.production), '40000');
    // 73,000 + 40,000 = 113,000 against a $100,000 budget.
    expect(await within(section('Costs')).findByRole('status')).toHaveTextContent(
      'The gross cost ($113,000, with cost lines and tax) is over the total budget by $13,000.',
    );
    expect(field(COST_LABELS.production)).toHaveAttribute('aria-invalid', 'false');
    await retype(user, field(COST_LABELS.production), '20000');
    await waitFor(() => expect(within(section('Costs')).queryByText(/is over the total budget/)).toBeNull());
  });
});
