import type { LineResult, Projection } from '../../domain/projection';
import { assumptionUses, explainItem, explainTotals, type ExplainContext, type Explanation } from './explain';

/**
 * Explanations as a description list: each figure's formula with the plan's inputs, its
 * range, and the assumptions it uses with their source (and whether they drive the range).
 */
function ExplanationList({ explanations, context }: { explanations: Explanation[]; context: ExplainContext }) {
  return (
    <dl className="how__list">
      {explanations.map((e) => {
        const uses = assumptionUses(e.uses, context);
        return (
          <div key={e.key} className="how__item">
            <dt>
              {e.label} <span className="how__value">{e.value}</span>
            </dt>
            <dd>
              {e.steps.map((s, i) => (
                <p key={i} className="how__step">
                  {s}
                </p>
              ))}
              <p className="how__range">{e.range}</p>
              {e.note && <p className="how__note">{e.note}</p>}
              {uses.length > 0 && <p className="how__uses-title">Assumptions used</p>}
              {uses.length > 0 && (
                <ul className="how__uses" aria-label={`Assumptions behind ${e.label}`}>
                  {uses.map((u) => (
                    <li key={u.key}>
                      <span className="how__use-name">{u.label}</span> {u.value}
                      {u.overridden && <span className="badge badge--override">your override</span>}
                      <span className="how__use-source">
                        {' '}
                        · {u.source}
                        {u.range && ` · published range ${u.range}, drives the range`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export type HowSubject = { kind: 'totals'; projection: Projection } | { kind: 'item'; item: LineResult };

/** The explanations of the plan's headline figures or of one line item. Loaded lazily, with the formula builders. */
export default function HowContent({ subject, context }: { subject: HowSubject; context: ExplainContext }) {
  const explanations = subject.kind === 'totals' ? explainTotals(subject.projection, context) : explainItem(subject.item, context);
  return <ExplanationList explanations={explanations} context={context} />;
}
