import {
  ADULT_AGE_BANDS,
  AGE_BANDS,
  COUNTRY_NAMES,
  marketKey,
  type AgeBand,
  type Assumption,
  type Market,
  type MarketUsers,
  type Source,
} from './types';

/**
 * Markets as the ledger shows them. Each market's figures come from the API dated and cited;
 * a plan uses, for each market, the latest user figure at or before its flight's year (the
 * earliest for a flight before every figure), so a 2020 plan reads 2020's users and a 2026 plan
 * the latest published. Every figure becomes an assumption the plan can override.
 */

/** The user figure a flight starting in `year` uses: the latest at or before it, else the earliest; null without figures. */
export function usersFor(market: Pick<Market, 'users'>, year: number | null): MarketUsers | null {
  const sorted = [...market.users].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) return null;
  if (year === null) return sorted[sorted.length - 1] ?? null;
  let chosen = sorted[0] ?? null;
  for (const f of sorted) if (f.year <= year) chosen = f;
  return chosen;
}

/** Shares of a market's users by age band (13-17 … 55+, summing to 1) for one of its figures. */
export function ageSharesOf(market: Pick<Market, 'adultAgeShares'>, figure: MarketUsers): Record<AgeBand, number> {
  const adult = figure.adultAgeShares ?? market.adultAgeShares.value;
  const adultTotal = ADULT_AGE_BANDS.reduce((s, b) => s + adult[b], 0);
  const out = { '13-17': figure.teenShare } as Record<AgeBand, number>;
  for (const band of ADULT_AGE_BANDS) out[band] = adultTotal > 0 ? ((1 - figure.teenShare) * adult[band]) / adultTotal : 0;
  return out;
}

function millions(n: number): string {
  return `${Number((n / 1_000_000).toPrecision(4))}M`;
}

/** "Other dated figures: 2020 26.5M (guide) · 2024 160.9M (DataReportal)". */
function seriesNote(market: Market, chosen: MarketUsers): string {
  const others = market.users.filter((f) => f !== chosen);
  if (others.length === 0) return '';
  return ` Other dated figures: ${others.map((f) => `${f.year}: ${millions(f.users)} (${f.source.name}, ${f.source.date})`).join('; ')}.`;
}

function withNote(source: Source, note: string): Source {
  const text = [source.note, note].filter((t): t is string => typeof t === 'string' && t.trim() !== '').join(' ');
  return text === '' ? { ...source } : { ...source, note: text };
}

/**
 * A market's rows of the assumptions ledger for a flight starting in `year`: its users, their
 * split by age and gender, and its Brand Takeover price and guaranteed impressions per day.
 */
export function marketAssumptions(market: Market, year: number | null, dailyActiveShare: number): Assumption[] {
  const c = market.country;
  const name = COUNTRY_NAMES[c];
  const figure = usersFor(market, year);
  if (!figure) return [];
  const ages = ageSharesOf(market, figure);
  // A takeover is seen once a day per person: its guarantee is at most the day's users that year.
  const daily = Math.floor(figure.users * dailyActiveShare);
  const guaranteed = Math.min(market.takeover.impressionsPerDay, daily);
  const capNote =
    guaranteed < market.takeover.impressionsPerDay
      ? `The source’s ${millions(market.takeover.impressionsPerDay)} impressions a day are more than ${name}’s ${millions(daily)} daily users in ${figure.year} (users × the daily active share): at one exposure a day per person, Reachplan counts ${millions(guaranteed)}. The price is the source’s.`
      : '';
  const rows: Assumption[] = [
    {
      key: marketKey.universe(c),
      label: `Audience universe, ${name}`,
      value: figure.users,
      unit: 'people',
      group: 'audience',
      definition: `${figure.definition} The ${figure.year} figure: a plan uses the latest figure at or before its flight’s year.`,
      market: c,
      range: null,
      source: withNote(figure.source, seriesNote(market, figure)),
      country: c,
    },
    ...AGE_BANDS.map(
      (band): Assumption => ({
        key: marketKey.ageShare(band, c),
        label: `Share of users aged ${band}, ${name}`,
        value: ages[band],
        unit: 'fraction',
        group: 'audience',
        definition:
          band === '13-17'
            ? `Share of ${name}’s TikTok users aged 13-17. TikTok’s ad tools publish no figure under 18, so this is estimated (see the source). Targeting age groups keeps their share of the universe; shares are normalised if edited.`
            : `Share of ${name}’s TikTok users aged ${band}: the users aged 18+ split as the source gives. Targeting age groups keeps their share of the universe; shares are normalised if edited.`,
        market: c,
        range: null,
        source: band === '13-17' ? figure.source : market.adultAgeShares.source,
        country: c,
      }),
    ),
    {
      key: marketKey.femaleShare(c),
      label: `Share of users who are women, ${name}`,
      value: market.femaleShare.value,
      unit: 'fraction',
      group: 'audience',
      definition: `Share of ${name}’s TikTok users who are women; targeting one gender keeps that share of the universe.`,
      market: c,
      range: null,
      source: market.femaleShare.source,
      country: c,
    },
    {
      key: marketKey.takeoverPrice(c),
      label: `Brand Takeover price per day, ${name}`,
      value: market.takeover.pricePerDay,
      unit: 'usd',
      group: 'prices',
      definition: `Price of one Brand Takeover day in one category in ${name}. A takeover day in a plan that targets several markets is a day in each of them.`,
      market: c,
      range: null,
      source: market.takeover.source,
      country: c,
    },
    {
      key: marketKey.takeoverImpressions(c),
      label: `Brand Takeover impressions per day, ${name}`,
      value: guaranteed,
      unit: 'number',
      group: 'prices',
      definition: `Impressions TikTok guarantees for one Brand Takeover day in ${name}: shown once a day to people opening the app, so never more than the market’s daily users. Age and gender targeting don’t apply.`,
      market: c,
      range: null,
      source: withNote(market.takeover.source, capNote),
      country: c,
    },
  ];
  return rows;
}

/** The ledger: the API's assumptions, then every market's rows for a flight starting in `year`. */
export function ledgerFor(assumptions: readonly Assumption[], markets: readonly Market[], year: number | null): Assumption[] {
  const daily = assumptions.find((a) => a.key === 'dailyActiveShare')?.value ?? 1;
  return [...assumptions, ...markets.flatMap((m) => marketAssumptions(m, year, daily))];
}

/** The year of a `yyyy-MM-dd` date, or null. */
export function yearOf(isoDate: string): number | null {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(isoDate);
  return match ? Number(match[1]) : null;
}
