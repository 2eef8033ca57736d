import { memo } from 'react';
import type { LineResult, Projection } from '../../domain/projection';
import { money, pct, unitCost, whole } from '../../lib/format';

/** Results per line item: the numbers behind the charts, readable by screen readers. */
export const LineItemTable = memo(function LineItemTable({ projection }: { projection: Projection }) {
  const { items, totals } = projection;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Results by line item">
      <table className="table table--numbers">
        <caption>Results by line item</caption>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <th scope="col">Spend</th>
            <th scope="col">Impressions</th>
            <th scope="col">Reach</th>
            <th scope="col">Views</th>
            <th scope="col">Engagements</th>
            <th scope="col">Eng. rate</th>
            <th scope="col">Conversions</th>
            <th scope="col">Revenue</th>
            <th scope="col">CPM</th>
            <th scope="col">ROI</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <ItemRow key={r.id} item={r} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total (reach de-duplicated)</th>
            <td>{money(totals.spend)}</td>
            <td>{whole(totals.impressions)}</td>
            <td>{whole(totals.reach)}</td>
            <td>{whole(totals.videoViews)}</td>
            <td>{whole(totals.engagements)}</td>
            <td>{pct(totals.engagementRate)}</td>
            <td>{whole(totals.conversions)}</td>
            <td>{money(totals.revenue)}</td>
            <td>{unitCost(totals.cpm)}</td>
            <td>{pct(totals.roi)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
});

/** Rows re-render only when their numbers change: a budget edit touches one row of a 100-line plan. */
const ItemRow = memo(
  function ItemRow({ item: r }: { item: LineResult }) {
    return (
      <tr>
        <th scope="row">{r.name}</th>
        <td>{money(r.spend)}</td>
        <td>{whole(r.impressions)}</td>
        <td>{whole(r.reach)}</td>
        <td>{whole(r.videoViews)}</td>
        <td>{whole(r.engagements)}</td>
        <td>{pct(r.engagementRate)}</td>
        <td>{whole(r.conversions)}</td>
        <td>{money(r.revenue)}</td>
        <td>{unitCost(r.cpm)}</td>
        <td>{pct(r.roi)}</td>
      </tr>
    );
  },
  (a, b) => (Object.keys(a.item) as (keyof LineResult)[]).every((k) => a.item[k] === b.item[k]),
);
