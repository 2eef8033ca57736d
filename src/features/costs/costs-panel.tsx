import { NumberField } from '../../components/ui/field';
import { fullCost } from '../../domain/costs';
import { COST_FIELDS, type CostField } from '../../domain/plan';
import { fieldId } from '../../domain/validation';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money } from '../../lib/format';
import { usePlanActions } from '../../store/plan-store';
import { COSTS_MIN_HEIGHT } from './costs-size';
import './costs.css';

/** A contract with users and tests. */
const LABELS: Record<CostField, string> = {
  agencyCommission: 'Agency commission (% of media)',
  usageRights: 'Usage rights fees (USD)',
  whitelisting: 'Whitelisting fees (USD)',
  production: 'Production (USD)',
  tax: 'Tax (% of net cost)',
};

const PERCENT: Record<CostField, boolean> = {
  agencyCommission: true,
  usageRights: false,
  whitelisting: false,
  production: false,
  tax: true,
};

/** The cost-line fields, as typed (never dropped), with each message beside its field, and the totals they make. */
export function CostsPanel() {
  const model = usePlanCheck();
  const { plan } = model;
  const { setCost } = usePlanActions();
  const check = model.status === 'ready' ? model.check : null;
  const cost = check ? fullCost(check.input, check.input.costs) : null;
  const warning = check?.warnings[fieldId.grossCost];
  return (
    <div className="costs" style={{ minHeight: COSTS_MIN_HEIGHT }}>
      <details className="costs__about">
        <summary>How the full cost adds up</summary>
        <p>
          Media is the ad-format spend and Spark Ads budgets; creator fees are fee × posts. Agency commission is a percentage of media
          (not of creator fees). Usage rights, whitelisting and production are amounts for the whole plan. Net cost = media + creator
          fees + commission + these amounts; tax is a percentage of the net cost; gross cost = net + tax. Projections measure ROI and
          ROAS on the gross cost; costs per result stay on media and creator fees. Empty fields mean none.
        </p>
      </details>
      <div className="form-grid">
        {COST_FIELDS.map((field) => (
          <NumberField
            key={field}
            label={LABELS[field]}
            value={plan.costs[field]}
            onValueChange={(text) => setCost(field, text)}
            error={check?.errors[fieldId.cost(field)]}
            prefix={PERCENT[field] ? undefined : '$'}
          />
        ))}
      </div>
      {/* Drawn before the data arrives too (with dashes), so nothing moves. */}
      <dl className="budget-meter costs__totals" aria-label="Net and gross cost">
        <div>
          <dt>Net cost</dt>
          <dd>{money(cost?.net ?? null)}</dd>
        </div>
        <div>
          <dt>Gross cost (incl. tax)</dt>
          <dd>{money(cost?.gross ?? null)}</dd>
        </div>
      </dl>
      {warning && (
        <p className="notice notice--warn" role="status">
          {warning}
        </p>
      )}
    </div>
  );
}
