import { format } from 'date-fns';
import { GOAL_KPI, type Plan, type PlanStatus } from '../../domain/plan';
import { parseNumber } from '../../domain/parse';
import { AGE_BANDS, type Assumption, type Gender } from '../../domain/types';
import { flightLength, MAX_MONEY, parseAssumptionOverride, parseIsoDate } from '../../domain/validation';
import { usePlanModel } from '../../hooks/use-plan-model';
import { money, whole } from '../../lib/format';

const STATUS_LABEL: Record<PlanStatus, string> = { draft: 'Draft', proposed: 'Proposed', approved: 'Approved' };
const GENDER_LABEL: Record<Gender, string> = { all: 'all genders', female: 'women', male: 'men' };
const SOURCE_LABEL: Record<Assumption['source']['kind'], [string, string]> = {
  guide: ['from the platform guide', 'from the platform guide'],
  benchmark: ['industry benchmark', 'industry benchmarks'],
  'team-assumption': ['team assumption', 'team assumptions'],
};

function flightText(plan: Plan): string {
  const start = parseIsoDate(plan.startDate);
  const end = parseIsoDate(plan.endDate);
  const days = flightLength(plan.startDate, plan.endDate);
  const sameYear = start !== null && end !== null && start.getFullYear() === end.getFullYear();
  const from = start ? format(start, sameYear ? 'MMM d' : 'MMM d, yyyy') : plan.startDate.trim() || 'not set';
  const to = end ? format(end, 'MMM d, yyyy') : plan.endDate.trim() || 'not set';
  return `${from} – ${to}${days === null ? '' : ` (${days} ${days === 1 ? 'day' : 'days'})`}`;
}

/** A typed amount as money, or as typed when it isn't one (the print shows the plan, errors and all). */
function amountText(text: string, unit: 'usd' | 'count'): string {
  const parsed = parseNumber(text, { label: 'Amount', max: Number.MAX_SAFE_INTEGER, unit, optional: true });
  if (!parsed.ok) return `“${text.trim()}” (not a valid amount)`;
  if (parsed.value === null) return '';
  return unit === 'usd' ? money(parsed.value) : whole(parsed.value);
}

function kpiText(plan: Plan): string {
  const { metric, metricLabel } = GOAL_KPI[plan.goal];
  const target = amountText(plan.kpiTarget, metric === 'revenue' ? 'usd' : 'count');
  return target ? `${target} ${metricLabel}` : 'none set';
}

function budgetText(plan: Plan): string {
  const parsed = parseNumber(plan.totalBudget, { label: 'Total budget', max: MAX_MONEY, unit: 'usd', min: 1 });
  return parsed.ok && parsed.value !== null ? money(parsed.value) : `“${plan.totalBudget.trim()}” (not a valid amount)`;
}

function audienceText(plan: Plan): string {
  const { countries, ageBands, gender } = plan.targeting;
  const ages =
    ageBands.length === AGE_BANDS.length
      ? 'all ages'
      : `ages ${AGE_BANDS.filter((b) => ageBands.includes(b))
          .map((b) => b.replace('-', '–'))
          .join(', ')}`;
  return [countries.join(', ') || 'no country', ages, GENDER_LABEL[gender]].join(' · ');
}

/**
 * The printed plan's header (name, status, flight, goal and KPI target, budget, audience) and
 * its closing assumptions note; both are hidden on screen. Mount it as a direct child of the
 * results column: print.css puts the header first and the note last.
 */
export function PrintSummary({ plan }: { plan: Plan }) {
  return (
    <>
      <PrintHeader plan={plan} />
      <PrintFootnote plan={plan} />
    </>
  );
}

/** What a client deck opens with. Facts that don't parse are shown as typed: the printout never hides a mistake. */
function PrintHeader({ plan }: { plan: Plan }) {
  const facts: [string, string][] = [
    ['Status', STATUS_LABEL[plan.status]],
    ['Flight', flightText(plan)],
    ['Goal', GOAL_KPI[plan.goal].goalLabel],
    ['KPI target', kpiText(plan)],
    ['Total budget', budgetText(plan)],
    ['Audience', audienceText(plan)],
  ];
  const edited = new Date(plan.updatedAt);
  return (
    <header className="print-summary">
      <p className="print-summary__kicker">TikTok campaign plan · Reachplan</p>
      <h2 className="print-summary__name">{plan.name.trim() || 'Untitled plan'}</h2>
      <dl className="print-summary__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!Number.isNaN(edited.getTime()) && <p className="print-summary__edited">Last edited {format(edited, 'MMM d, yyyy')}</p>}
    </header>
  );
}

/** An override's value in the unit the planner typed it in. */
function overrideText(a: Assumption, value: number): string {
  if (a.unit === 'fraction') return `${Number((value * 100).toPrecision(4))}%`;
  const cents = a.unit === 'usd' && !Number.isInteger(value) ? 2 : 0;
  const n = value.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: 2 });
  return a.unit === 'usd' ? `$${n}` : n;
}

function countOf(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The printed plan's closing note: what the numbers are (P50 with P10–P90 ranges) and what
 * they rest on, with the assumptions this plan overrides (typed and valid, as the projection uses them).
 */
function PrintFootnote({ plan }: { plan: Plan }) {
  const model = usePlanModel();
  let text = 'Projections are P50 with P10–P90 ranges.';
  if (model.status === 'ready') {
    const { assumptions } = model;
    // In the ledger's order; only overrides the projection uses (typed and valid).
    const overridden = assumptions.flatMap((a) => {
      const typed = plan.assumptionOverrides[a.key] ?? '';
      const parsed = typed.trim() === '' ? null : parseAssumptionOverride(typed, a);
      return parsed?.ok && parsed.value !== null ? [`${a.label} (${overrideText(a, parsed.value)})`] : [];
    });
    const kinds = (Object.keys(SOURCE_LABEL) as Assumption['source']['kind'][])
      .map((kind) => [kind, assumptions.filter((a) => a.source.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => countOf(n, SOURCE_LABEL[kind]));
    text =
      `Projections are P50 (the median of ${model.projection.sample.size} scenarios) with P10–P90 ranges. ` +
      `Assumptions: ${assumptions.length} rates (${kinds.join(', ')}), each with its source in the assumptions ledger; ` +
      (overridden.length === 0
        ? 'none overridden for this plan.'
        : `${overridden.length} overridden for this plan: ${overridden.join('; ')}.`);
  }
  return <p className="print-footnote">{text}</p>;
}
