import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/domain/plan';
import {
  changeOf,
  COALESCE_MS,
  emptyHistory,
  MAX_UNDO_STEPS,
  recordEdit,
  redoStep,
  undoStep,
  type PlanHistory,
} from '../../src/store/history';
import { creatorLine, formatLine, planWith } from './plan-fixtures';

const T0 = 1_700_000_000_000;
const line = creatorLine();
const base = planWith({ name: 'Q3', formats: [formatLine('in-feed', '60000')], creators: [line] });
/** `base` with `change` applied and a later stamp, as the store makes an edit. */
const edited = (change: Partial<Plan>, from: Plan = base): Plan => ({ ...from, ...change, updatedAt: '2030-01-01T00:00:00.000Z' });

describe('changeOf', () => {
  it('finds nothing between a plan and itself, or a copy that differs only in its stamp', () => {
    expect(changeOf(base, base)).toBeNull();
    expect(changeOf(base, edited({}))).toBeNull();
    // The store's edits copy what they change and keep the rest: equal lists are walked, not taken for changes.
    expect(changeOf(base, { ...base, formats: [...base.formats], creators: [...base.creators] })).toBeNull();
  });

  it.each<[string, Partial<Plan>, { key: string; textOnly: boolean }]>([
    ['the name', { name: 'Q3 launch' }, { key: 'name', textOnly: true }],
    ['the budget', { totalBudget: '5000' }, { key: 'totalBudget', textOnly: true }],
    ['a format amount', { formats: [formatLine('in-feed', '70000')] }, { key: 'formats[0].amount', textOnly: true }],
    ['a creator’s posts', { creators: [{ ...line, posts: '3' }] }, { key: 'creators[0].posts', textOnly: true }],
    ['a contract field', { creators: [{ ...line, contract: { ...line.contract, usageRightsDays: '90' } }] }, { key: 'creators[0].contract.usageRightsDays', textOnly: true }],
    ['a cost line', { costs: { ...base.costs, tax: '10' } }, { key: 'costs.tax', textOnly: true }],
    ['the weekend checkbox', { excludeWeekends: true }, { key: 'excludeWeekends', textOnly: false }],
    ['a format ticked off', { formats: [formatLine('in-feed', '60000', { included: false })] }, { key: 'formats[0].included', textOnly: false }],
    ['a creator added (the list grows)', { creators: [line, creatorLine({ handle: 'zachking' })] }, { key: 'creators', textOnly: false }],
    ['a creator removed', { creators: [] }, { key: 'creators', textOnly: false }],
    // From absent to typed: a new key, not a change of text.
    ['a first override', { assumptionOverrides: { clickThroughRate: '1.2' } }, { key: 'assumptionOverrides.clickThroughRate', textOnly: false }],
    ['two fields at once', { name: 'Q4', totalBudget: '1' }, { key: 'name|totalBudget', textOnly: true }],
    ['text and a checkbox at once', { name: 'Q4', excludeWeekends: true }, { key: 'name|excludeWeekends', textOnly: false }],
  ])('names the path of %s and whether it is text alone', (_, change, expected) => {
    expect(changeOf(base, edited(change))).toEqual(expected);
  });

  it('gives the same answer whatever the stamps', () => {
    const later = edited({ name: 'Q3 launch' });
    expect(changeOf(base, { ...later, updatedAt: base.updatedAt })).toEqual(changeOf(base, later));
  });
});

describe('recordEdit', () => {
  const typed = (name: string) => edited({ name });

  it('pushes the plan before the edit as an undo step and clears redo', () => {
    const history: PlanHistory = { past: [], future: [typed('redo me')], last: null };
    const after = typed('Q3 launch');
    expect(recordEdit(history, base, after, T0)).toEqual({ past: [base], future: [], last: { key: 'name', at: T0 } });
  });

  it('returns the same history when nothing changed', () => {
    const history = emptyHistory();
    expect(recordEdit(history, base, edited({}), T0)).toBe(history);
  });

  it('joins keystrokes in the same text field within COALESCE_MS into one step, as long as typing goes on', () => {
    let history = recordEdit(emptyHistory(), base, typed('Q'), T0);
    history = recordEdit(history, typed('Q'), typed('Q3'), T0 + COALESCE_MS - 1);
    // Each keystroke moves the window on: a long burst of typing stays one step.
    history = recordEdit(history, typed('Q3'), typed('Q3 l'), T0 + 2 * COALESCE_MS - 2);
    expect(history.past).toEqual([base]);
    expect(history.last).toEqual({ key: 'name', at: T0 + 2 * COALESCE_MS - 2 });
  });

  it('starts a new step after a pause of COALESCE_MS or more', () => {
    let history = recordEdit(emptyHistory(), base, typed('Q'), T0);
    history = recordEdit(history, typed('Q'), typed('Q3'), T0 + COALESCE_MS);
    expect(history.past).toEqual([base, typed('Q')]);
  });

  it('starts a new step when typing moves to another field', () => {
    let history = recordEdit(emptyHistory(), base, typed('Q'), T0);
    const budget = edited({ totalBudget: '5' }, typed('Q'));
    history = recordEdit(history, typed('Q'), budget, T0 + 10);
    expect(history.past).toEqual([base, typed('Q')]);
    expect(history.last).toEqual({ key: 'totalBudget', at: T0 + 10 });
  });

  it('never joins anything but text: a checkbox toggled twice quickly is two steps', () => {
    const on = edited({ excludeWeekends: true });
    const off = edited({ excludeWeekends: false }, on);
    let history = recordEdit(emptyHistory(), base, on, T0);
    expect(history.last).toBeNull();
    history = recordEdit(history, on, off, T0 + 1);
    expect(history.past).toEqual([base, on]);
  });

  it('does not join text typed right after a checkbox to the text before it', () => {
    let history = recordEdit(emptyHistory(), base, typed('Q'), T0);
    const toggled = edited({ excludeWeekends: true }, typed('Q'));
    history = recordEdit(history, typed('Q'), toggled, T0 + 1);
    const retyped = edited({ name: 'Q3' }, toggled);
    history = recordEdit(history, toggled, retyped, T0 + 2);
    expect(history.past).toEqual([base, typed('Q'), toggled]);
  });

  it('does not join typing after an undo to the step that was undone', () => {
    let history = recordEdit(emptyHistory(), base, typed('Q'), T0);
    history = recordEdit(history, typed('Q'), typed('Q3'), T0 + 1);
    const undone = undoStep(history, typed('Q3'));
    expect(undone).not.toBeNull();
    history = recordEdit(undone!.history, undone!.plan, typed('Qx'), T0 + 2);
    expect(history.past).toEqual([base]);
    expect(history.future).toEqual([]);
  });

  it('does not join typing while there are redo steps, even with the same field and time', () => {
    const history: PlanHistory = { past: [base], future: [typed('later')], last: { key: 'name', at: T0 } };
    const next = recordEdit(history, typed('Q'), typed('Q3'), T0 + 1);
    expect(next.past).toEqual([base, typed('Q')]);
    expect(next.future).toEqual([]);
  });

  it(`keeps the newest ${MAX_UNDO_STEPS} steps`, () => {
    let history = emptyHistory();
    let plan = base;
    const plans: Plan[] = [];
    for (let i = 0; i < MAX_UNDO_STEPS + 5; i++) {
      const next = edited({ excludeWeekends: i % 2 === 0, totalBudget: String(i) }, plan);
      plans.push(plan);
      history = recordEdit(history, plan, next, T0 + i * 10 * COALESCE_MS);
      plan = next;
    }
    expect(history.past).toHaveLength(MAX_UNDO_STEPS);
    expect(history.past[0]).toBe(plans[5]);
    expect(history.past.at(-1)).toBe(plans.at(-1));
  });
});

describe('undoStep and redoStep', () => {
  it('have nothing to do on an empty history', () => {
    expect(undoStep(emptyHistory(), base)).toBeNull();
    expect(redoStep(emptyHistory(), base)).toBeNull();
  });

  it('step back to the plan before the edit and forward again', () => {
    const after = edited({ totalBudget: '5000' });
    const history = recordEdit(emptyHistory(), base, after, T0);
    const undone = undoStep(history, after);
    expect(undone).toEqual({ plan: base, history: { past: [], future: [after], last: null } });
    const redone = redoStep(undone!.history, undone!.plan);
    expect(redone).toEqual({ plan: after, history: { past: [base], future: [], last: null } });
    expect(redoStep(redone!.history, redone!.plan)).toBeNull();
  });

  it('walk several steps in order', () => {
    const a = edited({ totalBudget: '1' });
    const b = edited({ totalBudget: '2' }, a);
    const c = edited({ totalBudget: '3' }, b);
    // Seconds apart: three steps.
    let history = recordEdit(emptyHistory(), base, a, T0);
    history = recordEdit(history, a, b, T0 + COALESCE_MS);
    history = recordEdit(history, b, c, T0 + 2 * COALESCE_MS);
    const seen: string[] = [];
    let current = c;
    for (let step = undoStep(history, current); step; step = undoStep(history, current)) {
      ({ history, plan: current } = step);
      seen.push(current.totalBudget);
    }
    expect(seen).toEqual(['2', '1', base.totalBudget]);
    for (let step = redoStep(history, current); step; step = redoStep(history, current)) {
      ({ history, plan: current } = step);
      seen.push(current.totalBudget);
    }
    expect(seen).toEqual(['2', '1', base.totalBudget, '1', '2', '3']);
  });
});
