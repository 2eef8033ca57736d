import { memo } from 'react';
import { NumberField, SelectField } from '../../components/ui/field';
import { Section } from '../../components/ui/section';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { TAKEOVER_CATEGORIES, type InFeedBuyingModel, type Pacing, type PlanFormatLine } from '../../domain/plan';
import type { AdFormat, BuyingModel, FunnelStage } from '../../domain/types';
import { fieldId, formatAmountLabel, packageTerms, takeoverDayImpressions, takeoverDayPrice, type PlanCheck } from '../../domain/validation';
import { useAdFormats } from '../../api/ad-formats';
import { usePlanCheck } from '../../hooks/use-plan-model';
import { money, whole } from '../../lib/format';
import { usePlanActions } from '../../store/plan-store';

const FUNNEL: Record<FunnelStage, string> = {
  awareness: 'Awareness',
  consideration: 'Consideration',
  conversion: 'Conversion',
};
const MODEL: Record<BuyingModel, string> = {
  CPM: 'CPM',
  CPC: 'CPC',
  CPV: 'CPV (6-second view)',
  'per-day': 'Per day',
  package: 'Package',
};

const IN_FEED_MODELS: Record<InFeedBuyingModel, { option: string; hint: string }> = {
  CPM: { option: 'CPM: buys impressions', hint: 'The budget buys impressions at the In-Feed CPM.' },
  CPC: { option: 'CPC: buys clicks', hint: 'The budget buys clicks; impressions follow from the click-through rate.' },
  CPV: { option: 'CPV: buys 6-second views', hint: 'The budget buys 6-second views; impressions follow from the 6-second view rate.' },
};
const IN_FEED_MODEL_OPTIONS = (Object.keys(IN_FEED_MODELS) as InFeedBuyingModel[]).map((m) => ({
  value: m,
  label: IN_FEED_MODELS[m].option,
}));
const PACING: Record<Pacing, { option: string; hint: string }> = {
  even: { option: 'Even', hint: 'Delivery is spread evenly over the flight.' },
  'front-loaded': { option: 'Front-loaded', hint: 'More of the delivery comes early in the flight.' },
};
const PACING_OPTIONS = (Object.keys(PACING) as Pacing[]).map((p) => ({ value: p, label: PACING[p].option }));

/** What pacing does to this format: packages run their own days from the flight's start; takeovers place whole days. */
function pacingHint(f: AdFormat, pacing: Pacing): string {
  if (f.package) {
    return pacing === 'even'
      ? 'The package runs its days back to back from the flight’s first day, delivering evenly over them.'
      : 'The package runs its days back to back from the flight’s first day, delivering more on the first of them.';
  }
  if (f.purchaseUnit === 'days') {
    return pacing === 'even' ? 'The takeover days are spread evenly over the flight.' : 'The takeover days are the flight’s first days.';
  }
  return PACING[pacing].hint;
}
const CATEGORY_OPTIONS = [{ value: '', label: 'Choose a category' }, ...TAKEOVER_CATEGORIES.map((c) => ({ value: c, label: c }))];

/** The categories, plus a stored one the list no longer has, so the select shows what is saved. */
function categoryOptions(current: string) {
  return current === '' || CATEGORY_OPTIONS.some((o) => o.value === current)
    ? CATEGORY_OPTIONS
    : [...CATEGORY_OPTIONS, { value: current, label: current }];
}

function priceLabel(f: AdFormat): string {
  const estimate = f.priceIsEstimate ? ' (estimate)' : '';
  if (f.pricePerDay !== null) return `${money(f.pricePerDay)} per day (U.S.)`;
  if (f.package && f.minimumSpend !== null) return `${money(f.minimumSpend)} for ${f.package.days} days${estimate}`;
  return `${money(f.cpm)} CPM${estimate}`;
}

function minimumLabel(f: AdFormat): string {
  if (f.purchaseUnit === 'days') return '1 day';
  if (f.minimumSpend === null) return 'None stated';
  if (f.package) return `One ${f.package.days}-day package`;
  return money(f.minimumSpend);
}

/** What one unit of a format costs and buys under the plan's assumptions and markets, under its amount field. */
function amountHint(f: AdFormat, check: PlanCheck | null): string | undefined {
  if (!check) return undefined;
  const a = check.input.assumptions;
  const markets = [...new Set(check.input.targeting.countries)];
  if (f.purchaseUnit === 'days') {
    const price = takeoverDayPrice(markets, a);
    const impressions = takeoverDayImpressions(markets, a);
    const where = markets.length > 1 ? ` (a day in each of ${markets.length} markets)` : '';
    return `${money(price)} and ${whole(impressions)} impressions a day${where}; each person sees it at most once a day.`;
  }
  const pkg = packageTerms(f, a);
  if (pkg) return `${money(pkg.price)} buys the ${pkg.days}-day package; each extra day costs ${money(pkg.dayPrice)}.`;
  return undefined;
}

/** The five formats: pick, compare and budget them. */
export function AdFormatsSection() {
  const formats = useAdFormats();
  const model = usePlanCheck();
  // Messages need the benchmarks too; the cards don't, so they show as soon as the formats arrive.
  const check = model.status === 'ready' ? model.check : null;
  return (
    <Section
      id="ad-formats"
      title="Ad formats"
      step={2}
      intro="Pick the paid formats for this plan. Prices are the guide’s where it gives one; others are marked as estimates."
    >
      {formats.isPending && <LoadingState label="Loading ad formats…" />}
      {formats.isError && (
        <ErrorState title="Ad formats couldn’t load." error={formats.error} onRetry={() => void formats.refetch()} />
      )}
      {formats.data && (
        <>
          <div className="format-grid">
            {formats.data.map((f) => (
              <FormatCard
                key={f.id}
                format={f}
                line={model.plan.formats.find((l) => l.formatId === f.id)}
                error={check?.errors[fieldId.format(f.id)]}
                warning={check?.warnings[fieldId.format(f.id)]}
                hint={amountHint(f, check)}
                categoryWarning={check?.warnings[fieldId.formatCategory(f.id)]}
              />
            ))}
          </div>
          <FormatComparison formats={formats.data} check={check} />
        </>
      )}
    </Section>
  );
}

const FormatCard = memo(function FormatCard({
  format: f,
  line,
  error,
  warning,
  hint,
  categoryWarning,
}: {
  format: AdFormat;
  line: PlanFormatLine | undefined;
  error: string | undefined;
  warning: string | undefined;
  hint: string | undefined;
  categoryWarning: string | undefined;
}) {
  const actions = usePlanActions();
  const included = line?.included ?? false;
  const checkboxId = `format-${f.id}`;
  return (
    <article className={`card format-card ${included ? 'is-selected' : ''}`}>
      <div className="format-card__head">
        <input
          type="checkbox"
          id={checkboxId}
          checked={included}
          onChange={(e) =>
            e.target.checked
              ? actions.includeFormat(f.id, f.purchaseUnit === 'days' ? '1' : '')
              : actions.excludeFormat(f.id)
          }
        />
        <label htmlFor={checkboxId} id={`${checkboxId}-name`} className="format-card__name">
          {f.name}
        </label>
        {f.priceIsEstimate && <span className="badge badge--estimate">Estimated price</span>}
      </div>
      <p className="format-card__summary">{f.summary}</p>
      <dl className="facts">
        <div>
          <dt>Price</dt>
          <dd>{priceLabel(f)}</dd>
        </div>
        <div>
          <dt>Minimum</dt>
          <dd>{minimumLabel(f)}</dd>
        </div>
        <div>
          <dt>Funnel</dt>
          <dd>{FUNNEL[f.funnelStage]}</dd>
        </div>
        {f.package && (
          <div>
            <dt>Paid impressions</dt>
            <dd>{money(f.cpm)} effective CPM</dd>
          </div>
        )}
        {f.guaranteedImpressionsPerDay !== null && (
          <div>
            <dt>Guaranteed</dt>
            <dd>{whole(f.guaranteedImpressionsPerDay)} impressions/day (U.S.)</dd>
          </div>
        )}
        {f.frequencyCap && (
          <div>
            <dt>Frequency cap</dt>
            <dd>
              {f.frequencyCap.exposures} a person per {f.frequencyCap.days === 1 ? 'day' : `${f.frequencyCap.days} days`}
            </dd>
          </div>
        )}
      </dl>
      {included && line && (
        <NumberField
          label={formatAmountLabel(f)}
          value={line.amount}
          onValueChange={(v) => actions.setFormatAmount(f.id, v)}
          error={error}
          warning={warning}
          prefix={f.purchaseUnit === 'budget' ? '$' : undefined}
          placeholder={f.minimumSpend !== null && f.purchaseUnit === 'budget' ? `Min. ${money(f.minimumSpend)}` : undefined}
          hint={hint}
        />
      )}
      {included && line && f.id === 'in-feed' && (
        <SelectField
          label="In-Feed Ads buying model"
          value={line.buyingModel}
          onValueChange={(v) => actions.setFormatBuyingModel(f.id, v as InFeedBuyingModel)}
          options={IN_FEED_MODEL_OPTIONS}
          hint={IN_FEED_MODELS[line.buyingModel].hint}
        />
      )}
      {included && line && f.id === 'brand-takeover' && (
        <SelectField
          label="Brand Takeover category"
          value={line.category}
          onValueChange={(v) => actions.setFormatCategory(f.id, v)}
          options={categoryOptions(line.category)}
          warning={categoryWarning}
        />
      )}
      {included && line && (
        <SelectField
          label={`${f.name} pacing`}
          value={line.pacing}
          onValueChange={(v) => actions.setFormatPacing(f.id, v as Pacing)}
          options={PACING_OPTIONS}
          hint={pacingHint(f, line.pacing)}
        />
      )}
    </article>
  );
});

function FormatComparison({ formats, check }: { formats: AdFormat[]; check: PlanCheck | null }) {
  const spend = new Map(check?.input.formats.map((l) => [l.format.id, l.spend]));
  return (
    <details className="compare">
      <summary>Compare formats side by side</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Ad format comparison">
        <table className="table">
          <caption className="visually-hidden">Ad formats compared</caption>
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">Buying models</th>
              <th scope="col">Price</th>
              <th scope="col">Minimum</th>
              <th scope="col">What it buys</th>
              <th scope="col">Funnel stage</th>
              <th scope="col">Targeting</th>
              <th scope="col">In this plan</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {formats.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.name}</th>
                <td>{f.buyingModels.map((m) => MODEL[m]).join(', ')}</td>
                <td>{priceLabel(f)}</td>
                <td>{minimumLabel(f)}</td>
                <td>{f.buys}</td>
                <td>{FUNNEL[f.funnelStage]}</td>
                <td>{f.targeting.join('; ')}</td>
                <td>{spend.has(f.id) ? money(spend.get(f.id) ?? 0) : '—'}</td>
                <td>{f.priceNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
