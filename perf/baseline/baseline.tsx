import { useId, useState } from 'react';

/**
 * The floor no app can beat: a heading, a labelled number input and a line derived from it,
 * with nothing else to load. Built and measured next to Reachplan by `npm run perf`, with
 * the same edit (a key press in the budget field).
 */
const CPM = 10;

export function Baseline() {
  const id = useId();
  const [budget, setBudget] = useState('250000');
  const amount = Number(budget);
  const impressions = Number.isFinite(amount) && amount > 0 ? Math.round((amount / CPM) * 1000) : 0;
  return (
    <main>
      <h1>Minimal Vite + React page</h1>
      <label htmlFor={id}>Budget</label>{' '}
      <input id={id} inputMode="decimal" autoComplete="off" value={budget} onChange={(e) => setBudget(e.target.value)} />
      <p>
        Impressions: <output htmlFor={id}>{impressions.toLocaleString('en-US')}</output>
      </p>
    </main>
  );
}
