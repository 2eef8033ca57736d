import { memo } from 'react';
import { groupChanges, type PlanChange } from '../../domain/plan-diff';
import type { Plan } from '../../domain/plan';
import type { PlanStyle } from './compare-data';
import { PlanKey } from './plan-key';

/** What changed from the base to one plan, grouped; "No changes" when they buy and assume the same. */
export const ScenarioDiff = memo(function ScenarioDiff({
  plan,
  style,
  base,
  baseStyle,
  changes,
}: {
  plan: Plan;
  style: PlanStyle;
  base: Plan;
  baseStyle: PlanStyle;
  changes: readonly PlanChange[];
}) {
  const headingId = `scenario-diff-${style.mark}`;
  const groups = groupChanges(changes);
  return (
    <div className="scenario-diff card" role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className="scenario-diff__title">
        <PlanKey style={style} /> <span className="scenario-diff__name">{plan.name}</span>{' '}
        <span className="scenario-diff__vs">
          vs <PlanKey style={baseStyle} /> {base.name}
        </span>
      </h4>
      {groups.length === 0 ? (
        <p className="scenario-diff__none">No changes</p>
      ) : (
        <>
          <p className="scenario-diff__count">
            {changes.length} {changes.length === 1 ? 'change' : 'changes'}
          </p>
          {groups.map((g) => (
            <div key={g.group} className="scenario-diff__group">
              <h5>{g.label}</h5>
              <ul>
                {g.changes.map((c) => (
                  <li key={c.key}>
                    <span className="scenario-diff__label">{c.label}</span>
                    <span className="scenario-diff__values">
                      <span className="visually-hidden">: from </span>
                      <span className="scenario-diff__before">{c.before}</span>
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden"> to </span>
                      <span className="scenario-diff__after">{c.after}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </div>
  );
});
