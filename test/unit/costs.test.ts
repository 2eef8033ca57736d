/** Cost lines beyond media and creator fees: parsing, and the full cost line by line. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullCost, NO_COSTS, parseCost, parseCosts, workingSpend, type CostInputs } from '../../src/domain/costs';
import { emptyCosts } from '../../src/domain/plan';
import { MAX_MONEY } from '../../src/domain/validation';

/** $62,000 of media (a $60,000 format and a $2,000 Spark Ads budget) and $1,600 of creator fees (2 × $800). */
const LINES = {
  formats: [{ spend: 60_000 }],
  creators: [{ posts: 2, fee: 800, sparkBudget: 2_000 }],
};

const costs = (changes: Partial<CostInputs>): CostInputs => ({ ...NO_COSTS, ...changes });

describe('parseCost', () => {
  it.each([
    ['agencyCommission', '', 0],
    ['agencyCommission', '  ', 0],
    ['agencyCommission', '15', 0.15],
    ['agencyCommission', '12.5%', 0.125],
    ['agencyCommission', '0', 0],
    ['agencyCommission', '100', 1],
    ['tax', '8', 0.08],
    ['usageRights', '5000', 5_000],
    ['whitelisting', '$2,500', 2_500],
    ['production', '10,000.50', 10_000.5],
    ['production', '100,000,000', MAX_MONEY],
  ] as const)('%s "%s" is %s', (field, text, value) => {
    expect(parseCost(field, text, MAX_MONEY)).toEqual({ ok: true, value });
  });

  it.each([
    ['agencyCommission', 'abc', 'Agency commission must be a number, like 2.5.'],
    ['agencyCommission', '-5', "Agency commission can't be negative."],
    ['agencyCommission', '150', 'Agency commission is too large: the most Reachplan accepts is 100%.'],
    ['agencyCommission', '1e2', 'Agency commission must be a number, like 2.5.'],
    ['tax', '100.5', 'Tax rate is too large: the most Reachplan accepts is 100%.'],
    ['tax', 'ten', 'Tax rate must be a number, like 2.5.'],
    ['usageRights', '-1', "Usage rights amount can't be negative."],
    ['whitelisting', '2,50', 'Whitelisting amount must be a number, like 60000 or $60,000.'],
    ['production', '999999999999', 'Production amount is too large: the most Reachplan accepts is $100,000,000.'],
    ['production', '5%', 'Production amount must be a number, like 60000 or $60,000.'],
  ] as const)('%s "%s" is refused: %s', (field, text, reason) => {
    expect(parseCost(field, text, MAX_MONEY)).toEqual({ ok: false, reason });
  });

});

describe('parseCosts', () => {
  it('reads an empty plan as no cost lines', () => {
    expect(parseCosts(emptyCosts(), MAX_MONEY)).toEqual({ inputs: NO_COSTS, errors: {} });
  });

  it('keeps the valid lines and gives a reason for each invalid one, which counts as none', () => {
    const { inputs, errors } = parseCosts({ agencyCommission: '15', usageRights: 'lots', whitelisting: '2500', production: '-3', tax: '8' }, MAX_MONEY);
    expect(inputs).toEqual({ agencyCommissionRate: 0.15, usageRights: 0, whitelisting: 2_500, production: 0, taxRate: 0.08 });
    expect(Object.keys(errors).sort()).toEqual(['production', 'usageRights']);
  });
});

describe('fullCost', () => {
  it('splits spend into media (formats and Spark Ads) and creator fees (fee × posts)', () => {
    expect(workingSpend(LINES)).toEqual({ media: 62_000, creatorFees: 1_600 });
  });

  it('adds each line, then tax on the net: every figure checked by hand', () => {
    const cost = fullCost(LINES, costs({ agencyCommissionRate: 0.15, usageRights: 5_000, whitelisting: 2_500, production: 10_000, taxRate: 0.08 }));
    // Commission 15% × $62,000 media = $9,300 (not on the $1,600 of creator fees).
    // Net = 62,000 + 1,600 + 9,300 + 5,000 + 2,500 + 10,000 = 90,400; tax 8% = 7,232; gross 97,632.
    expect(cost).toEqual({
      media: 62_000,
      creatorFees: 1_600,
      agencyCommissionRate: 0.15,
      agencyCommission: 9_300,
      usageRights: 5_000,
      whitelisting: 2_500,
      production: 10_000,
      net: 90_400,
      taxRate: 0.08,
      tax: 7_232,
      gross: 97_632,
    });
  });

  it('takes agency commission on media only, never on creator fees', () => {
    const fees = fullCost({ formats: [], creators: [{ posts: 5, fee: 1_000, sparkBudget: 0 }] }, costs({ agencyCommissionRate: 0.2 }));
    expect(fees.agencyCommission).toBe(0);
    expect(fees.gross).toBe(5_000);
    const spark = fullCost({ formats: [], creators: [{ posts: 5, fee: 1_000, sparkBudget: 3_000 }] }, costs({ agencyCommissionRate: 0.2 }));
    expect(spark.agencyCommission).toBe(600);
  });

  it('taxes the whole net: commission and the fixed amounts too', () => {
    const cost = fullCost(LINES, costs({ agencyCommissionRate: 0.1, production: 4_000, taxRate: 0.25 }));
    expect(cost.net).toBe(62_000 + 1_600 + 6_200 + 4_000);
    expect(cost.tax).toBe(0.25 * cost.net);
    expect(cost.gross).toBe(cost.net * 1.25);
  });

  it('is the working spend, exactly, without cost lines', () => {
    const cost = fullCost(LINES, NO_COSTS);
    expect(cost).toMatchObject({ agencyCommission: 0, usageRights: 0, whitelisting: 0, production: 0, tax: 0, net: 63_600, gross: 63_600 });
  });

  it('counts fixed amounts on a plan with no line items', () => {
    const cost = fullCost({ formats: [], creators: [] }, costs({ agencyCommissionRate: 0.15, production: 8_000, taxRate: 0.1 }));
    expect(cost).toMatchObject({ media: 0, creatorFees: 0, agencyCommission: 0, net: 8_000, tax: 800, gross: 8_800 });
  });

  it('net is the sum of its lines, gross = net × (1 + tax rate), never below the working spend (property)', () => {
    const money = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
    const rate = fc.integer({ min: 0, max: 10_000 }).map((b) => b / 10_000);
    fc.assert(
      fc.property(
        fc.array(money, { maxLength: 5 }),
        fc.array(fc.record({ posts: fc.integer({ min: 1, max: 100 }), fee: money, sparkBudget: money }), { maxLength: 5 }),
        fc.record({ agencyCommissionRate: rate, usageRights: money, whitelisting: money, production: money, taxRate: rate }),
        (formatSpends, creators, inputs) => {
          const lines = { formats: formatSpends.map((spend) => ({ spend })), creators };
          const cost = fullCost(lines, inputs);
          const working = cost.media + cost.creatorFees;
          const sum = working + cost.agencyCommission + cost.usageRights + cost.whitelisting + cost.production;
          expect(cost.net).toBeCloseTo(sum, 6);
          expect(cost.agencyCommission).toBeCloseTo(inputs.agencyCommissionRate * cost.media, 6);
          expect(cost.gross).toBeCloseTo(cost.net * (1 + inputs.taxRate), 6);
          expect(cost.gross).toBeGreaterThanOrEqual(working - 1e-9);
        },
      ),
    );
  });
});
