import { format, formatDistanceStrict } from 'date-fns';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { PLAN_STATUSES, type Plan, type PlanStatus } from '../../domain/plan';
import { parseNumber } from '../../domain/parse';
import { MAX_NAME_LENGTH } from '../../domain/validation';
import { findPlans } from '../../domain/plan-search';
import { planChars, STATUS_LABEL, storageSize } from '../../domain/workspace';
import { downloadFile } from '../../lib/download';
import { STORAGE_QUOTA_CHARS, storageUsed } from '../../lib/storage';
import { flightText } from '../../lib/flight-text';
import { money } from '../../lib/format';
import { currentPlans, noRoomForNow, storageRoom, useLastDeleted, useNoRoomFor, useOpenPlanId, usePlanActions, usePlans, useVaultUsage } from '../../store/plan-store';
import { readWorkspaceBackup, workspaceBackupFileName, workspaceBackupJson, type BackupReading } from '../../store/workspace-backup';
import './workspace.css';

export interface WorkspaceViewProps {
  /** Opens a plan in the planner. */
  onOpen(id: string): void;
  /** Compares 2 to 4 plans side by side, the first as the base. */
  onCompare(ids: string[]): void;
}

const MAX_COMPARED = 4;

const lineItemCount = (p: Plan) => p.formats.filter((f) => f.included).length + p.creators.length;
const nameOf = (p: Plan) => p.name.trim() || 'Untitled plan';

/** "Budget $250,000", or nothing when the budget isn't a valid number. */
function budgetOf(plan: Plan): string {
  const parsed = parseNumber(plan.totalBudget, { label: 'Total budget', min: 0, max: Number.MAX_SAFE_INTEGER, unit: 'usd' });
  return parsed.ok && parsed.value !== null ? money(parsed.value) : '—';
}

/**
 * The workspace: every plan with its status and last edit, searchable; open, rename, duplicate
 * (as a copy or a scenario), delete with undo, pick 2 to 4 to compare, and back up or restore
 * all of them as one JSON file.
 */
export default function WorkspaceView({ onOpen, onCompare }: WorkspaceViewProps) {
  const plans = usePlans();
  const openPlanId = useOpenPlanId();
  const deleted = useLastDeleted();
  const actions = usePlanActions();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [report, setReport] = useState<(BackupReading & { added: number }) | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const searchId = useId();

  useEffect(() => headingRef.current?.focus(), []);
  // "Undo" takes focus after a delete, so the keyboard user who deleted can take it back at once.
  useEffect(() => {
    if (deleted) undoRef.current?.focus();
  }, [deleted]);

  // `now` is read per render: "edited 5 minutes ago" is as fresh as the last re-render.
  const now = new Date();
  const byId = useMemo(() => new Map(plans.map((p) => [p.id, p])), [plans]);
  const shown = useMemo(() => findPlans(plans, query), [plans, query]);
  const pickedPlans = picked.filter((id) => byId.has(id));
  // Said before any action that would add a plan, never found out after it.
  const full = useNoRoomFor();

  const togglePick = (id: string) =>
    setPicked((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : ids.length >= MAX_COMPARED ? ids : [...ids, id]));

  const onDelete = (plan: Plan) => {
    actions.deletePlan(plan.id);
    // The Undo bar says it (a status region).
    setPicked((ids) => ids.filter((x) => x !== plan.id));
  };

  const onDuplicate = (plan: Plan, kind: 'copy' | 'scenario') => {
    const id = actions.duplicatePlan(plan.id, kind);
    const made = id ? currentPlans().find((p) => p.id === id) : undefined;
    const copy = made ? nameOf(made) : null;
    setAnnouncement(copy ? `Made “${copy}”.` : `“${nameOf(plan)}” was not copied. ${noRoomForNow(planChars(plan)) ?? 'The workspace could not take it.'}`);
    if (id && kind === 'scenario') setPicked((ids) => [plan.id, id, ...ids.filter((x) => x !== plan.id && x !== id)].slice(0, MAX_COMPARED));
  };

  const onImportFile = async (file: File) => {
    const text = await file.text().catch(() => null);
    const reading: BackupReading =
      text === null
        ? { plans: [], rejected: [{ position: null, name: null, reason: 'The file could not be read.' }] }
        : readWorkspaceBackup(text);
    const added = actions.addPlans(reading.plans, false).length;
    const notAdded = reading.plans.length - added;
    setReport({
      ...reading,
      added,
      rejected: notAdded > 0
        ? [...reading.rejected, { position: null, name: null, reason: `${notAdded} plans were not added: this browser’s storage has no room left for them. Download a backup, then delete plans you no longer need, and import again.` }]
        : reading.rejected,
    });
  };

  return (
    <section className="workspace" aria-labelledby="workspace-heading">
      <header className="workspace__header">
        <h2 id="workspace-heading" ref={headingRef} tabIndex={-1}>
          Your plans <span className="workspace__count">({plans.length})</span>
        </h2>
        <div className="workspace__tools">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              const id = actions.startNewPlan();
              if (id) onOpen(id);
            }}
            disabled={full !== null}
            aria-describedby={full ? 'workspace-full' : undefined}
          >
            New plan
          </button>
          <button type="button" className="button" onClick={() => downloadFile(workspaceBackupFileName(new Date()), workspaceBackupJson(plans, new Date()), 'application/json')}>
            Export backup (JSON)
          </button>
          <button
            type="button"
            className="button"
            onClick={() => fileRef.current?.click()}
            disabled={full !== null}
            aria-describedby={full ? 'workspace-full' : undefined}
          >
            Import backup
          </button>
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            aria-label="Workspace backup file"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void onImportFile(file);
            }}
          />
        </div>
      </header>

      {full && (
        <p id="workspace-full" className="workspace__full">
          {full}
        </p>
      )}
      <StorageMeter plans={plans} />
      {report && <BackupReport report={report} onClose={() => setReport(null)} />}

      {deleted && (
        <div className="workspace__undo" role="status">
          <p>Deleted “{nameOf(deleted.plan)}”.</p>
          <button ref={undoRef} type="button" className="button button--small" onClick={() => actions.restoreDeleted()}>
            Undo delete
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <div className="workspace__bar">
        <div className="field workspace__search">
          <label className="field__label" htmlFor={searchId}>
            Search plans
          </label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, status, creator or format" />
        </div>
        <div className="workspace__compare">
          <button
            type="button"
            className="button button--primary"
            disabled={pickedPlans.length < 2}
            aria-describedby="workspace-compare-hint"
            onClick={() => onCompare(pickedPlans)}
          >
            Compare {pickedPlans.length >= 2 ? pickedPlans.length : ''} plans
          </button>
          <p id="workspace-compare-hint" className="field__hint">
            {pickedPlans.length < 2
              ? `Tick 2 to ${MAX_COMPARED} plans to compare them side by side (${pickedPlans.length} ticked).`
              : pickedPlans.length === MAX_COMPARED
                ? `${MAX_COMPARED} ticked, the most a comparison shows. The first ticked is the base.`
                : `${pickedPlans.length} ticked. The first ticked is the base.`}
          </p>
        </div>
      </div>

      {shown.length === 0 ? (
        <p className="state state--empty">No plan matches “{query}”.</p>
      ) : (
        <ul className="workspace__list" aria-label="Plans, most recently edited first">
          {shown.map((plan) => {
            const name = nameOf(plan);
            const base = plan.scenarioOf ? byId.get(plan.scenarioOf) : undefined;
            const isPicked = picked.includes(plan.id);
            const edited = new Date(plan.updatedAt);
            const validDate = !Number.isNaN(edited.getTime());
            return (
              <li key={plan.id} className={`plan-card${plan.id === openPlanId ? ' plan-card--open' : ''}`}>
                <div className="plan-card__pick">
                  <input
                    type="checkbox"
                    id={`pick-${plan.id}`}
                    checked={isPicked}
                    disabled={!isPicked && pickedPlans.length >= MAX_COMPARED}
                    onChange={() => togglePick(plan.id)}
                    aria-label={`Compare “${name}”`}
                  />
                </div>
                <div className="plan-card__main">
                  {renaming === plan.id ? (
                    <RenameForm
                      plan={plan}
                      onDone={(newName) => {
                        if (newName !== null) actions.renamePlanById(plan.id, newName);
                        setRenaming(null);
                      }}
                    />
                  ) : (
                    <button type="button" className="plan-card__name" onClick={() => onOpen(plan.id)} aria-label={`Open “${name}”`}>
                      {name}
                    </button>
                  )}
                  <p className="plan-card__meta">
                    {plan.id === openPlanId && <span className="plan-card__badge">Open</span>}
                    {base && <span>Scenario of “{nameOf(base)}” · </span>}
                    <span>{flightText(plan.startDate, plan.endDate)}</span>
                    <span> · {lineItemCount(plan)} {lineItemCount(plan) === 1 ? 'line item' : 'line items'}</span>
                    <span> · Budget {budgetOf(plan)}</span>
                  </p>
                  <p className="plan-card__meta">
                    Last edited{' '}
                    {validDate ? (
                      <time dateTime={plan.updatedAt} title={format(edited, 'MMM d, yyyy, h:mm a')}>
                        {formatDistanceStrict(edited, now, { addSuffix: true })}
                      </time>
                    ) : (
                      'unknown'
                    )}
                  </p>
                </div>
                <div className="plan-card__status field">
                  <label className="field__label" htmlFor={`status-${plan.id}`}>
                    Status
                  </label>
                  <select
                    id={`status-${plan.id}`}
                    value={plan.status}
                    onChange={(e) => actions.setStatusById(plan.id, e.target.value as PlanStatus)}
                    aria-label={`Status of “${name}”`}
                    className={`status status--${plan.status}`}
                  >
                    {PLAN_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="plan-card__actions">
                  <button type="button" className="button button--small" onClick={() => setRenaming(plan.id)} aria-label={`Rename “${name}”`}>
                    Rename
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onDuplicate(plan, 'copy')}
                    aria-label={`Duplicate “${name}”`}
                    disabled={full !== null}
                    aria-describedby={full ? 'workspace-full' : undefined}
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => onDuplicate(plan, 'scenario')}
                    aria-label={`Duplicate “${name}” as a scenario`}
                    disabled={full !== null}
                    aria-describedby={full ? 'workspace-full' : undefined}
                  >
                    New scenario
                  </button>
                  <button type="button" className="button button--small button--danger" onClick={() => onDelete(plan)} aria-label={`Delete “${name}”`}>
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function RenameForm({ plan, onDone }: { plan: Plan; onDone(name: string | null): void }) {
  const [name, setName] = useState(plan.name);
  const id = useId();
  const tooLong = name.length > MAX_NAME_LENGTH;
  const empty = name.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooLong && !empty) onDone(name);
  };
  return (
    <form className="rename" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone(null)}>
      <label className="visually-hidden" htmlFor={id}>
        New name for “{nameOf(plan)}”
      </label>
      <input
        id={id}
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={tooLong || empty}
        aria-describedby={tooLong || empty ? `${id}-error` : undefined}
      />
      <button type="submit" className="button button--small button--primary">
        Save
      </button>
      <button type="button" className="button button--small" onClick={() => onDone(null)}>
        Cancel
      </button>
      {(tooLong || empty) && (
        <p id={`${id}-error`} className="field__error">
          {empty ? 'A plan needs a name.' : `At most ${MAX_NAME_LENGTH} characters (${name.length} now).`}
        </p>
      )}
    </form>
  );
}

function BackupReport({ report, onClose }: { report: BackupReading & { added: number }; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  return (
    <div ref={ref} className={`banner ${report.rejected.length > 0 ? 'banner--warn' : ''} workspace__report`} role="region" aria-label="Backup import" tabIndex={-1}>
      <div>
        <p className="banner__title">
          {report.added === 0 ? 'No plan was imported.' : `Imported ${report.added} ${report.added === 1 ? 'plan' : 'plans'} from the backup.`}
          {report.rejected.length > 0 && ` ${report.rejected.length} ${report.rejected.length === 1 ? 'entry was' : 'entries were'} rejected:`}
        </p>
        {report.rejected.length > 0 && (
          <ul>
            {report.rejected.map((r, i) => (
              <li key={i}>
                {r.position !== null ? `Plan ${r.position}${r.name ? ` (“${r.name}”)` : ''}: ` : ''}
                {r.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="banner__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** Share of the browser's storage from which the Plans view warns that it is nearly full. */
const NEARLY_FULL = 0.8;

/**
 * How much of the browser's storage the site uses, measured again when the plans change, and a
 * warning before it runs out (not after a save fails): what to do while there is still room.
 */
function StorageMeter({ plans }: { plans: readonly unknown[] }) {
  // Measured again when the plans change (they are what is stored); reading every key is done in this view only.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `plans` is the trigger, not an input.
  const used = useMemo(() => storageUsed(browserStorageList()), [plans]);
  const larger = useVaultUsage();
  // Null where plans that don't fit move to the larger storage: then a full localStorage stops nothing.
  const limited = storageRoom() !== null;
  if (used === null) return null;
  const share = used / STORAGE_QUOTA_CHARS;
  const mb = (chars: number) => `${(chars / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
  const warn = share >= NEARLY_FULL && limited;
  return (
    <div className={`workspace__storage${warn ? ' is-nearly-full' : ''}`}>
      <p id="workspace-storage">
        {share < 1
          ? `Saved in this browser: ${mb(used)} of about ${mb(STORAGE_QUOTA_CHARS)} (${Math.round(share * 100)}%).`
          : `Saved in this browser: ${mb(used)}, and its quick storage (about ${mb(STORAGE_QUOTA_CHARS)}) is full.`}
        {warn && ' Storage is nearly full: download a backup, then delete plans you no longer need, before new edits stop being saved.'}
        {share >= NEARLY_FULL && !limited && ' Plans that don’t fit move to the browser’s larger storage (IndexedDB), so nothing stops being saved.'}
        {larger.plans > 0 &&
          ` ${larger.plans === 1 ? '1 plan is' : `${larger.plans.toLocaleString('en-US')} plans are`} kept in the larger storage (${storageSize(larger.chars)}).`}
      </p>
      {/* Drawn in the warning colours only where a full storage would stop saves. */}
      <meter min={0} max={1} low={limited ? 0.6 : 1} high={limited ? NEARLY_FULL : 1} optimum={0} value={Math.min(1, share)} aria-labelledby="workspace-storage" />
    </div>
  );
}

/** localStorage where it can be read and listed, else null. */
function browserStorageList(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
