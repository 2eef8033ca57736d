/**
 * The fuzz suite: random and hostile input where plans enter (CSV import, share links, backups)
 * and random sequences of edits, other tabs' writes and reloads against the real store and its
 * storage. Fixed run counts and seeds, so a failure reproduces: the reported seed and path
 * replay it. Nothing may crash, nothing entering may pass a limit or a field's rule, and no
 * stored plan may be lost without a copy kept somewhere in storage and a word to the user.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AD_FORMATS } from '../../mocks/data/ad-formats';
import { BENCHMARKS } from '../../mocks/data/benchmarks';
import { PLAN_CSV_COLUMNS, planCsvRows, toCsv } from '../../src/domain/csv';
import { importPlanCsv, type DateOrder } from '../../src/domain/csv-import';
import { planOverLimits } from '../../src/domain/limits';
import { parseNumber } from '../../src/domain/parse';
import type { Plan } from '../../src/domain/plan';
import { project } from '../../src/domain/projection';
import { FIELD_RULES } from '../../src/domain/validation';
import { decodeSharedPlan, encodeSharedPlan, SHARE_LINK_REASONS } from '../../src/lib/share-link';
import { BACKUP_PREFIX, PLAN_KEY_PREFIX, PLAN_STORAGE_VERSION, planKey, WORKSPACE_STORAGE_KEY } from '../../src/store/persistence';
import { planSchema } from '../../src/lib/plan-schema';
import { applyStorageChange, currentPlans } from '../../src/store/plan-store';
import { readWorkspaceBackup, workspaceBackupJson } from '../../src/store/workspace-backup';
import { buildPlan } from '../utils/builders';
import { simulateReload } from '../utils/reload';
import { planActions } from '../utils/plan-actions';
import { check, creatorLine, formatLine, planWith, takeoverLine } from '../unit/plan-fixtures';

const SEED = 20261207;
const runs = (numRuns: number) => ({ numRuns, seed: SEED });
const CATALOG = { formats: AD_FORMATS, benchmarks: BENCHMARKS };

/** Every number an accepted plan holds reads back in its field, under the field's own rule. */
function expectFieldsReadBack(plan: Plan): void {
  const ok = (text: string, rule: Parameters<typeof parseNumber>[1]) => text === '' || parseNumber(text, { ...rule, optional: true }).ok;
  expect(ok(plan.totalBudget, FIELD_RULES.totalBudget)).toBe(true);
  for (const c of plan.creators) {
    expect(ok(c.posts, FIELD_RULES.posts(c.handle))).toBe(true);
    expect(ok(c.fee, FIELD_RULES.fee(c.handle))).toBe(true);
    expect(ok(c.sparkBudget, FIELD_RULES.sparkBudget(c.handle))).toBe(true);
  }
  for (const f of plan.formats) {
    const days = AD_FORMATS.find((a) => a.id === f.formatId)?.purchaseUnit === 'days';
    expect(ok(f.amount, days ? FIELD_RULES.formatDays('Days') : FIELD_RULES.formatBudget('Budget'))).toBe(true);
  }
}

/** A plan CSV as Reachplan exports it, the base the hostile edits start from. */
const EXPORT = (() => {
  const plan = planWith({ formats: [formatLine('in-feed', '60000'), takeoverLine('1')], creators: [creatorLine({ handle: 'maya.fit', posts: '2', fee: '800' })] });
  return toCsv(planCsvRows(plan, project(check(plan).input)), PLAN_CSV_COLUMNS);
})();
const [HEADER = '', ...ROWS] = EXPORT.replace(/^\uFEFF/, '').split('\r\n');

/** What a spreadsheet or an attacker might put in a cell. */
const hostileCell = fc.oneof(
  fc.string(),
  fc.constantFrom('', '-5', '0', '2.5', '1e308', '1e-7', '-0', 'NaN', 'Infinity', '1,000,000,000', '=cmd|"/c calc"!A1', '+1', '@SUM(A1)', '\t1', '"', '""', '\r\n', ';'),
  fc.constantFrom('08/01/2024', '31/12/2024', '12/31/2024', '2024-02-30', '1.1.2024', '2024/1/1'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('fuzz: CSV import', () => {
  it('never throws on any text, and returns a plan or the reason there is none', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), (text) => {
        const result = importPlanCsv(text, { id: 'x', now: new Date(0), schema: planSchema });
        expect(result.plan !== null || result.problems.length > 0).toBe(true);
      }),
      runs(300),
    );
  });

  it('takes in from a hostile edit of an export only plans within every limit, whose numbers read back in their fields', () => {
    const columns = HEADER.split(',');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(ROWS.length - 1), fc.nat(columns.length - 1), hostileCell), { maxLength: 12 }),
        fc.constantFrom<',' | ';'>(',', ';'),
        fc.option(fc.constantFrom<DateOrder>('month-first', 'day-first'), { nil: undefined }),
        (edits, separator, dateOrder) => {
          const table = ROWS.filter((r) => r !== '').map((r) => parseRow(r));
          for (const [row, column, cell] of edits) {
            const cells = table[row % table.length];
            if (cells) cells[column] = cell;
          }
          const text = [columns, ...table].map((cells) => cells.map((c) => quoteCell(c, separator)).join(separator)).join('\r\n');
          const result = importPlanCsv(text, { id: 'x', now: new Date(0), schema: planSchema, catalog: CATALOG, dateOrder });
          if (!result.plan) return;
          expect(planSchema.safeParse(result.plan).success).toBe(true);
          expect(planOverLimits(result.plan)).toBeNull();
          expectFieldsReadBack(result.plan);
        },
      ),
      runs(200),
    );
  });
});

describe('fuzz: share links', () => {
  const KINDS = Object.keys(SHARE_LINK_REASONS);

  it('never throws on any payload, and opens only plans within every limit', async () => {
    const valid = await encodeSharedPlan(buildPlan({ name: 'Shared' }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((s) => `v2.${s}`),
          // A real link with characters changed, cut or added.
          fc.tuple(fc.nat(valid.length - 1), fc.constantFrom('A', '_', '-', '.', '=', '')).map(([at, c]) => `${valid.slice(0, at)}${c}${valid.slice(at + 1)}`),
          fc.nat(valid.length).map((n) => valid.slice(0, n)),
        ),
        async (payload) => {
          const decoded = await decodeSharedPlan(payload);
          if (decoded.ok) {
            expect(planSchema.safeParse(decoded.plan).success).toBe(true);
            expect(planOverLimits(decoded.plan)).toBeNull();
          } else {
            expect(KINDS).toContain(decoded.kind);
          }
        },
      ),
      runs(200),
    );
  });
});

describe('fuzz: workspace backups', () => {
  it('never throws on any JSON, and takes in only plans that pass the schema and every limit', () => {
    const plan = buildPlan({ id: 'a', name: 'Backed up' });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json({ maxDepth: 4 }),
          fc.string({ maxLength: 500 }),
          // A real backup with one field of its plan replaced by anything.
          fc.tuple(fc.constantFrom(...Object.keys(plan)), fc.jsonValue({ maxDepth: 2 })).map(([key, value]) =>
            workspaceBackupJson([{ ...plan, [key]: value } as Plan], new Date(0)),
          ),
        ),
        (text) => {
          const reading = readWorkspaceBackup(text);
          for (const p of reading.plans) {
            expect(planSchema.safeParse(p).success).toBe(true);
            expect(planOverLimits(p)).toBeNull();
          }
          expect(reading.plans.length + reading.rejected.length).toBeGreaterThan(0);
        },
      ),
      runs(300),
    );
  });
});

describe('prototype keys where plans enter', () => {
  // JSON.parse makes "__proto__" an own key; spreading or merging it must not reach Object.prototype.
  const hostile = (plan: Plan) =>
    JSON.stringify(plan)
      .replace('"assumptionOverrides":{}', '"assumptionOverrides":{"__proto__":{"polluted":"yes"}}')
      .replace('"otherKpiTargets":{}', '"otherKpiTargets":{"constructor":{"prototype":{"polluted":"yes"}}}')
      .replace('"costs":{', '"__proto__":{"polluted":"yes"},"costs":{');
  const plan = buildPlan({ id: 'p', name: 'Proto' });
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in a backup', () => {
    const reading = readWorkspaceBackup(`{"app":"reachplan","kind":"workspace-backup","version":${PLAN_STORAGE_VERSION},"plans":[${hostile(plan)}]}`);
    for (const p of reading.plans) expect(Object.keys(p.assumptionOverrides)).toEqual([]);
  });

  it('in a share link (which once threw on them, though it must never throw)', async () => {
    const { deflateSync } = await import('node:zlib');
    const payload = `v2.${deflateSync(Buffer.from(hostile(plan))).toString('base64url')}`;
    const decoded = await decodeSharedPlan(payload);
    if (decoded.ok) expect(Object.keys(decoded.plan.assumptionOverrides)).toEqual([]);
  });

  it('in browser storage', () => {
    localStorage.setItem(planKey('p'), hostile(plan));
    localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'p', planIds: ['p'] }, version: PLAN_STORAGE_VERSION }));
    simulateReload();
    for (const p of currentPlans()) expect(Object.keys(p.assumptionOverrides)).toEqual([]);
    localStorage.clear();
  });
});

describe('fuzz: the store and its storage, with other tabs writing', () => {
  afterEach(() => localStorage.clear());

  /** What another tab (or another version, or damage) may write under a plan's key. */
  const foreignPlan = (id: string) =>
    fc.oneof(
      fc.constant(JSON.stringify(buildPlan({ id, name: `${id} from another tab`, updatedAt: '2030-01-01T00:00:00.000Z' }))),
      fc.constant(JSON.stringify({ id, name: `${id}, a newer version`, lines: [] })),
      fc.string({ maxLength: 40 }).map((junk) => `{"id":"${id}",${junk}`),
    );
  const step = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), budget: fc.nat(1_000_000) }),
    fc.record({ kind: fc.constant('rename' as const), name: fc.string({ maxLength: 30 }) }),
    fc.record({ kind: fc.constant('new' as const) }),
    fc.record({ kind: fc.constant('delete' as const), which: fc.nat(5) }),
    fc.record({ kind: fc.constant('open' as const), which: fc.nat(5) }),
    fc.constantFrom('a', 'b').chain((id) => foreignPlan(id).map((raw) => ({ kind: 'foreign' as const, id, raw }))),
    fc.record({ kind: fc.constant('reload' as const) }),
  );

  it('keeps every plan another tab wrote: in its key or in a backup, never silently overwritten or deleted', { timeout: 60_000 }, async () => {
    // Each step is a task of its own, as a user's actions and other tabs' events are: deferred work runs between them.
    const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        localStorage.clear();
        const seeded = [buildPlan({ id: 'a', name: 'A' }), buildPlan({ id: 'b', name: 'B' })];
        for (const p of seeded) localStorage.setItem(planKey(p.id), JSON.stringify(p));
        localStorage.setItem(WORKSPACE_STORAGE_KEY, JSON.stringify({ state: { openPlanId: 'a', planIds: ['a', 'b'] }, version: PLAN_STORAGE_VERSION }));
        simulateReload();
        // The last thing another tab wrote under each key (what it wrote before, it overwrote itself).
        const foreign = new Map<string, string>();
        const actions = planActions();
        for (const s of steps) {
          const ids = currentPlans().map((p) => p.id);
          if (s.kind === 'edit') actions.setTotalBudget(String(s.budget));
          else if (s.kind === 'rename') actions.renamePlan(s.name);
          else if (s.kind === 'new') actions.startNewPlan();
          else if (s.kind === 'delete') actions.deletePlan(ids[s.which % ids.length] ?? '');
          else if (s.kind === 'open') actions.openPlan(ids[s.which % ids.length] ?? '');
          else if (s.kind === 'reload') simulateReload();
          else {
            localStorage.setItem(planKey(s.id), s.raw);
            foreign.set(s.id, s.raw);
            applyStorageChange(planKey(s.id), s.raw);
          }
          await nextTask();
        }
        // Let deferred conflict handling run its saves.
        simulateReload();
        const stored = new Set(
          Object.keys(localStorage)
            .filter((k) => k.startsWith(PLAN_KEY_PREFIX) || k.startsWith(BACKUP_PREFIX))
            .map((k) => localStorage.getItem(k)),
        );
        const backups = Object.keys(localStorage)
          .filter((k) => k.startsWith(BACKUP_PREFIX))
          .map((k) => localStorage.getItem(k) ?? '');
        for (const raw of foreign.values()) {
          // Kept as written, or a readable plan this tab took in (and the user may edit or delete since, with Undo).
          const kept = stored.has(raw) || backups.some((b) => b.includes(raw));
          const adopted = planSchema.safeParse(safeJson(raw)).success;
          expect(kept || adopted).toBe(true);
        }
      }),
      runs(400),
    );
  });
});

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** One row of the export (no quoted separators in it but the ones Papa writes) split into cells. */
function parseRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i] as string;
    if (quoted) {
      if (c === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

function quoteCell(cell: string, separator: string): string {
  return /["\r\n]/.test(cell) || cell.includes(separator) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
