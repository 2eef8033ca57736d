import { memo, useCallback, useState } from 'react';
import type { LineResult, Projection } from '../../domain/projection';
import type { Goal } from '../../domain/types';
import type { ExplainContext } from './explain';
import { goalResult } from './goal';
import { howContent } from './how-lazy';
import { LazyPart } from '../../components/ui/chunk-boundary';
import { boughtText, rowCells, type Cell } from './rows';

function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  return a.length === b.length && a.every((c, i) => c.value === b[i]?.value && c.range === b[i]?.range);
}

function CellContent({ cell }: { cell: Cell }) {
  return (
    <>
      {cell.value}
      {cell.range && (
        <span className="cell-range">
          <span className="visually-hidden">, range </span>
          {cell.range}
        </span>
      )}
    </>
  );
}

const COLUMNS = 10;

/** Results per line item: what each buys, its results with ranges, and how each is calculated. */
export const LineItemTable = memo(function LineItemTable({
  projection,
  goal,
  context,
}: {
  projection: Projection;
  goal: Goal;
  context: ExplainContext;
}) {
  const { items, totals } = projection;
  const g = goalResult(goal);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const totalCells = rowCells(totals, goal, '—');
  return (
    <div className="table-scroll results-table" tabIndex={0} role="region" aria-label="Results by line item">
      <table className="table table--numbers">
        <caption>Results by line item</caption>
        {/* Fixed column widths (styles.css): an edit re-lays out and repaints its own cells, not the whole table. */}
        <colgroup>
          <col className="results-table__name" />
          <col className="results-table__money" />
          <col className="results-table__buys" />
          <col className="results-table__count" span={4} />
          <col className="results-table__cost" />
          <col className="results-table__roi" />
          <col className="results-table__how" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Line item</th>
            <th scope="col">Spend</th>
            <th scope="col">Buys</th>
            <th scope="col">Reach</th>
            <th scope="col">Impressions</th>
            <th scope="col">Engagements</th>
            <th scope="col">Conversions</th>
            <th scope="col">{g.costLabel}</th>
            <th scope="col">ROI</th>
            <th scope="col">
              <span className="visually-hidden">How it is calculated</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <ItemRow
              key={r.id}
              item={r}
              cells={rowCells(r, goal, boughtText(r))}
              open={open.has(r.id)}
              onToggle={toggle}
              context={context}
            />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total (reach de-duplicated)</th>
            {totalCells.map((c, i) => (
              <td key={i}>
                <CellContent cell={c} />
              </td>
            ))}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
});

/**
 * Rows re-render only when their text changes (a budget edit touches one row of a 100-line
 * plan), or, while their explanation is open, when anything does.
 */
const ItemRow = memo(
  function ItemRow({
    item,
    cells,
    open,
    onToggle,
    context,
  }: {
    item: LineResult;
    cells: Cell[];
    open: boolean;
    onToggle: (id: string) => void;
    context: ExplainContext;
  }) {
    const explanationId = `how-${item.id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    return (
      <>
        <tr className={open ? 'is-explained' : undefined}>
          <th scope="row">{item.name}</th>
          {cells.map((c, i) => (
            <td key={i}>
              <CellContent cell={c} />
            </td>
          ))}
          <td>
            <button
              type="button"
              className="button button--ghost button--small how-button"
              aria-expanded={open}
              aria-controls={open ? explanationId : undefined}
              aria-label={`How the figures of ${item.name} are calculated`}
              onClick={() => onToggle(item.id)}
            >
              How?
            </button>
          </td>
        </tr>
        {open && (
          <tr className="how-row">
            <td colSpan={COLUMNS} id={explanationId} className="how-cell">
              <section className="how how--item" aria-labelledby={`${explanationId}-title`}>
                <h4 id={`${explanationId}-title`} className="how__title">
                  How the figures of {item.name} are calculated
                </h4>
                <LazyPart
                  what="The calculation"
                  load={howContent}
                  fallback={<p className="how__intro">Loading the calculation…</p>}
                  props={{ subject: { kind: 'item', item }, context }}
                />
              </section>
            </td>
          </tr>
        )}
      </>
    );
  },
  (a, b) =>
    a.open === b.open &&
    a.item.name === b.item.name &&
    a.onToggle === b.onToggle &&
    (a.open ? a.item === b.item && a.context === b.context : sameCells(a.cells, b.cells)),
);
