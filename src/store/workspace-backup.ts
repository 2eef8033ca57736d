import { format } from 'date-fns';
import { z } from '../lib/zod';
import { PLAN_LIMITS, planOverLimits } from '../domain/limits';
import type { Plan } from '../domain/plan';
import { migratePlanState, PLAN_STORAGE_VERSION } from './persistence';
import { planSchema } from '../lib/plan-schema';

/** What a workspace backup file says it is. */
export const BACKUP_APP = 'reachplan';
export const BACKUP_KIND = 'workspace-backup';
/** Larger than a full workspace (browser storage holds about 5 MB); refuses anything absurd before parsing. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

/** The JSON backup of every plan: everything the browser keeps, contracts and shortlists included. */
export function workspaceBackupJson(plans: readonly Plan[], now: Date): string {
  return `${JSON.stringify({ app: BACKUP_APP, kind: BACKUP_KIND, version: PLAN_STORAGE_VERSION, exportedAt: now.toISOString(), plans }, null, 2)}\n`;
}

/** `reachplan-workspace-<yyyy-MM-dd>.json`. */
export function workspaceBackupFileName(now: Date): string {
  return `reachplan-workspace-${format(now, 'yyyy-MM-dd')}.json`;
}

export interface RejectedPlan {
  /** 1-based position in the file's list of plans; null for the file as a whole. */
  position: number | null;
  name: string | null;
  reason: string;
}

export interface BackupReading {
  plans: Plan[];
  rejected: RejectedPlan[];
}

const envelopeSchema = z.object({
  app: z.literal(BACKUP_APP),
  kind: z.literal(BACKUP_KIND),
  version: z.number().check(z.int(), z.gte(1)),
  plans: z.array(z.unknown()),
});

/** A stored plan as versions 1 to 4 saved it (what "Download backup" of damaged storage gives). */
const storedPlanSchema = z.object({ state: z.object({ plan: z.unknown() }), version: z.number().check(z.int(), z.gte(1)) });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first problems zod found, as "creators.0.fee: expected string" lines a person can act on. */
function describeIssues(error: z.core.$ZodError): string {
  const lines = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - lines.length;
  return `${lines.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** One plan of a backup of `version`, migrated to the current version and checked. */
function readPlan(candidate: unknown, version: number, position: number): Plan | RejectedPlan {
  const name = isRecord(candidate) && typeof candidate.name === 'string' ? candidate.name : null;
  const migrated = version < PLAN_STORAGE_VERSION ? migratePlanState({ plan: candidate }, version) : { plans: [candidate] };
  const plan = isRecord(migrated) && Array.isArray(migrated.plans) ? (migrated.plans[0] as unknown) : undefined;
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) return { position, name: name?.slice(0, 200) ?? null, reason: `Missing or invalid fields (${describeIssues(parsed.error)}).` };
  const over = planOverLimits(parsed.data);
  return over === null ? parsed.data : { position, name: parsed.data.name.slice(0, 200), reason: `Larger than Reachplan allows. ${over}` };
}

/**
 * Reads a workspace backup (or a plan saved by versions 1 to 4), validating every plan: the
 * plans that can be used, and a reason for each that can't. Never throws.
 */
export function readWorkspaceBackup(text: string): BackupReading {
  const whole = (reason: string): BackupReading => ({ plans: [], rejected: [{ position: null, name: null, reason }] });
  if (text.length > MAX_BACKUP_BYTES) return whole('The file is larger than any Reachplan backup (20 MB).');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return whole('The file is not JSON: choose a Reachplan workspace backup (.json).');
  }

  const legacy = storedPlanSchema.safeParse(json);
  if (legacy.success && !('app' in (json as object))) {
    if (legacy.data.version > PLAN_STORAGE_VERSION) return whole('The plan was saved by a newer version of Reachplan.');
    const plan = readPlan(legacy.data.state.plan, legacy.data.version, 1);
    return 'reason' in plan ? { plans: [], rejected: [plan] } : { plans: [plan], rejected: [] };
  }

  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return whole('The file is not a Reachplan workspace backup.');
  const { version, plans: candidates } = envelope.data;
  if (version > PLAN_STORAGE_VERSION) return whole('The backup was made by a newer version of Reachplan: update the app to import it.');

  const plans: Plan[] = [];
  const rejected: RejectedPlan[] = [];
  candidates.forEach((candidate, i) => {
    const plan = readPlan(candidate, version, i + 1);
    if ('reason' in plan) rejected.push(plan);
    else if (plans.length >= PLAN_LIMITS.plansPerBackup) rejected.push({ position: i + 1, name: plan.name, reason: `A backup is read up to its first ${PLAN_LIMITS.plansPerBackup.toLocaleString('en-US')} plans.` });
    else plans.push(plan);
  });
  if (candidates.length === 0) rejected.push({ position: null, name: null, reason: 'The backup has no plans.' });
  return { plans, rejected };
}
