/**
 * A 100-line-item plan for the edit measurement: the five ad formats plus 95 creators from
 * the catalog the preview server serves, every amount valid, all within one big total budget.
 */

export const PLAN_STORAGE_KEY = 'reachplan.plan';
export const PLAN_STORAGE_VERSION = 2;
/**
 * The projection model's edition the plan is saved under (src/domain/plan.ts MODEL_EDITION):
 * the current one, so the page measured is a planner's everyday page, without the one-time
 * notice (and the first edition's code) a plan saved under an older model gets.
 */
export const MODEL_EDITION = 2;
export const CREATOR_LINES = 95;

/** The field edited, its starting amount, and the key pressed (caret at the end: 250000 -> 2500000). */
export const EDIT = { label: 'In-Feed Ads budget', start: '250000', key: '0' };

/** The chart scrolled into view for the second edit measurement: reach and spend over the flight. */
export const CHART_IN_VIEW = 'figure[data-chart="chart-flight"]';

const FORMAT_AMOUNTS = {
  'in-feed': EDIT.start,
  'brand-takeover': '3', // days
  'hashtag-challenge': '150000',
  'hashtag-challenge-plus': '200000',
  'branded-effects': '100000',
};

async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Up to `count` creators from GET /api/creators, page by page (pageSize 100). */
export async function fetchCreators(baseUrl, count = CREATOR_LINES) {
  const creators = [];
  for (let page = 1; creators.length < count; page++) {
    const body = await getJson(`${baseUrl}/api/creators?pageSize=100&page=${page}`);
    creators.push(...body.items);
    if (body.items.length === 0 || page * body.pageSize >= body.total) break;
  }
  if (creators.length < count) throw new Error(`the catalog has ${creators.length} creators; the perf plan needs ${count}`);
  return creators.slice(0, count);
}

const iso = (d) => d.toISOString().slice(0, 10);

/** Builds the plan and the localStorage value the app reads it from. */
export async function buildPlan(baseUrl) {
  const [{ items: formats }, creators] = await Promise.all([getJson(`${baseUrl}/api/ad-formats`), fetchCreators(baseUrl)]);
  const formatLines = formats.map((f) => {
    const amount = FORMAT_AMOUNTS[f.id];
    if (amount === undefined) throw new Error(`no perf amount for ad format "${f.id}"`);
    // The takeover needs its category to be a valid line.
    const category = f.id === 'brand-takeover' ? 'Food & beverage' : '';
    return { formatId: f.id, amount, included: true, buyingModel: 'CPM', pacing: 'even', category };
  });
  const creatorLines = creators.map((c, i) => ({
    handle: c.handle,
    displayName: c.displayName,
    niche: c.niche,
    country: c.country,
    tier: c.tier,
    fans: c.fans,
    avgViews: c.avgViews,
    engagementRate: c.engagementRate,
    audience: c.audience,
    credibility: c.credibility,
    catalogFee: c.feePerPost,
    posts: String(1 + (i % 3)),
    fee: String(c.feePerPost),
    postDates: [],
    sparkBudget: '',
  }));

  const formatSpend = formatLines.reduce((sum, line) => {
    const f = formats.find((x) => x.id === line.formatId);
    return sum + (f.purchaseUnit === 'days' ? Number(line.amount) * f.pricePerDay : Number(line.amount));
  }, 0);
  const creatorSpend = creatorLines.reduce((sum, c) => sum + Number(c.posts) * Number(c.fee), 0);
  const editedSpend = Number(EDIT.start + EDIT.key) - Number(EDIT.start);
  // Room for the edit and then some: the plan stays within its cap before and after.
  const totalBudget = Math.ceil((formatSpend + creatorSpend + editedSpend) * 1.25 / 1_000_000) * 1_000_000;
  if (totalBudget > 100_000_000) throw new Error(`perf plan needs a ${totalBudget} budget, over the app's maximum`);

  // A four-week flight starting next Monday, as a new plan would.
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  start.setUTCDate(start.getUTCDate() + (((8 - start.getUTCDay()) % 7) || 7));
  const end = new Date(start);
  end.setUTCDate(end.getUTCDate() + 27);

  const plan = {
    id: 'perf-plan-100',
    name: 'Perf: 100 line items',
    startDate: iso(start),
    endDate: iso(end),
    goal: 'awareness',
    kpiTarget: '',
    otherKpiTargets: {},
    totalBudget: String(totalBudget),
    currency: 'USD',
    targeting: { countries: ['US'], ageBands: ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'], gender: 'all' },
    formats: formatLines,
    creators: creatorLines,
    assumptionOverrides: {},
    earnedInReach: false,
    modelEdition: MODEL_EDITION,
    updatedAt: new Date().toISOString(),
  };
  return {
    plan,
    lineItems: formatLines.length + creatorLines.length,
    spend: formatSpend + creatorSpend,
    storage: { name: PLAN_STORAGE_KEY, value: JSON.stringify({ state: { plan }, version: PLAN_STORAGE_VERSION }) },
  };
}
