import { parseNumber } from './parse';
import type { CostField, PlanCosts } from './plan';

/**
 * The full cost of a plan: what it pays beyond the line items' working spend.
 *
 * - Media = ad-format spend (In-Feed budgets, package days and takeover days bought) + Spark Ads budgets.
 * - Creator fees = fee × posts of each creator.
 * - Agency commission = commission % × media (never on creator fees).
 * - Usage rights, whitelisting and production: amounts in USD for the whole plan.
 * - Net cost = media + creator fees + agency commission + usage rights + whitelisting + production.
 * - Tax = tax % × net cost. Gross cost = net cost + tax.
 *
 * Media + creator fees is the projection's spend, the sum of the line items. The plan's ROI
 * and ROAS are on the gross; costs per result stay on that spend, as ad platforms quote them.
 */

/** Parsed cost lines: rates as shares (0.15 for 15%), amounts in USD; 0 for none. */
export interface CostInputs {
  /** Share of media, 0–1. */
  agencyCommissionRate: number;
  usageRights: number;
  whitelisting: number;
  production: number;
  /** Share of the net cost, 0–1. */
  taxRate: number;
}

export const NO_COSTS: Readonly<CostInputs> = Object.freeze({
  agencyCommissionRate: 0,
  usageRights: 0,
  whitelisting: 0,
  production: 0,
  taxRate: 0,
});

/** A plan's cost, line by line, in USD (unrounded), with the two rates it applied. */
export interface FullCost {
  media: number;
  creatorFees: number;
  /** Share of media, 0–1. */
  agencyCommissionRate: number;
  agencyCommission: number;
  usageRights: number;
  whitelisting: number;
  production: number;
  /** Everything above, before tax. */
  net: number;
  /** Share of the net cost, 0–1. */
  taxRate: number;
  tax: number;
  /** Net + tax: what ROI and ROAS are measured against. */
  gross: number;
}

/** The cost line a field sets, as a sentence names it (messages, "left out of the projection"). */
export const COST_NAMES: Record<CostField, string> = {
  agencyCommission: 'Agency commission',
  usageRights: 'Usage rights amount',
  whitelisting: 'Whitelisting amount',
  production: 'Production amount',
  tax: 'Tax rate',
};

const PERCENT_FIELDS: ReadonlySet<CostField> = new Set(['agencyCommission', 'tax']);

/** Parses one cost field: a percentage (0–100) or an amount (0–maxMoney); empty is none. */
export function parseCost(field: CostField, text: string, maxMoney: number) {
  const percent = PERCENT_FIELDS.has(field);
  const label = COST_NAMES[field];
  const parsed = parseNumber(text, { label, unit: percent ? 'percent' : 'usd', min: 0, max: percent ? 100 : maxMoney, optional: true });
  if (!parsed.ok) return parsed;
  return { ok: true as const, value: parsed.value === null ? 0 : percent ? parsed.value / 100 : parsed.value };
}

/** The cost lines of a plan: valid ones parsed, invalid ones with their reason (and counted as none). */
export function parseCosts(costs: PlanCosts, maxMoney: number): { inputs: CostInputs; errors: Partial<Record<CostField, string>> } {
  const errors: Partial<Record<CostField, string>> = {};
  const value = (field: CostField): number => {
    const parsed = parseCost(field, costs[field], maxMoney);
    if (parsed.ok) return parsed.value;
    errors[field] = parsed.reason;
    return 0;
  };
  return {
    inputs: {
      agencyCommissionRate: value('agencyCommission'),
      usageRights: value('usageRights'),
      whitelisting: value('whitelisting'),
      production: value('production'),
      taxRate: value('tax'),
    },
    errors,
  };
}

/** What a plan's line items spend, split the way the cost lines apply to it. */
export interface WorkingSpend {
  formats: readonly { spend: number }[];
  creators: readonly { posts: number; fee: number; sparkBudget: number }[];
}

/** Media (formats + Spark Ads) and creator fees (fee × posts) of the line items. */
export function workingSpend({ formats, creators }: WorkingSpend): { media: number; creatorFees: number } {
  let media = 0;
  let creatorFees = 0;
  for (const f of formats) media += f.spend;
  for (const c of creators) {
    media += c.sparkBudget;
    creatorFees += c.posts * c.fee;
  }
  return { media, creatorFees };
}

/** The full cost of line items with the plan's cost lines (see the definitions above). */
export function fullCost(lines: WorkingSpend, costs: CostInputs): FullCost {
  const { media, creatorFees } = workingSpend(lines);
  const agencyCommission = costs.agencyCommissionRate * media;
  const net = media + creatorFees + agencyCommission + costs.usageRights + costs.whitelisting + costs.production;
  const tax = costs.taxRate * net;
  return {
    media,
    creatorFees,
    agencyCommissionRate: costs.agencyCommissionRate,
    agencyCommission,
    usageRights: costs.usageRights,
    whitelisting: costs.whitelisting,
    production: costs.production,
    net,
    taxRate: costs.taxRate,
    tax,
    gross: net + tax,
  };
}
