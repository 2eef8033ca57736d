import type { FullCost } from '../../domain/costs';
import { money, pct } from '../../lib/format';
import { FULL_COST_HEIGHT } from './cost-basis';

/**
 * The plan's full cost line by line, as defined in domain/costs: what its ROI and ROAS are
 * measured against. Loaded on demand (the initial JavaScript is at its budget); as tall as its
 * placeholder, FULL_COST_HEIGHT, as its rows never wrap (they scroll sideways on a narrow screen).
 */
export default function FullCost({ cost }: { cost: FullCost }) {
  const lines: [string, string, number][] = [
    ['Media', 'Ad formats + Spark Ads', cost.media],
    ['Creator fees', 'Fee × posts', cost.creatorFees],
    ['Agency commission', `${pct(cost.agencyCommissionRate)} of media`, cost.agencyCommission],
    ['Usage rights fees', 'For the plan', cost.usageRights],
    ['Whitelisting fees', 'For the plan', cost.whitelisting],
    ['Production', 'For the plan', cost.production],
    ['Net cost', 'Before tax', cost.net],
    ['Tax', `${pct(cost.taxRate)} of net cost`, cost.tax],
  ];
  return (
    <div className="table-scroll cost-table" role="region" aria-label="Full cost" tabIndex={0} style={{ minHeight: FULL_COST_HEIGHT }}>
      <table className="table table--numbers table--compact">
        <caption>Full cost</caption>
        <thead>
          <tr>
            <th scope="col">Cost</th>
            <th scope="col">Of</th>
            <th scope="col">USD</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(([name, of, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{of}</td>
              <td>{money(value)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Gross cost</th>
            <td>ROI on full cost (gross, incl. tax)</td>
            <td>{money(cost.gross)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
