import { format } from 'date-fns';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent, type RefObject } from 'react';
import { useAdFormats } from '../../api/ad-formats';
import { useBenchmarks } from '../../api/benchmarks';
import { MAX_CSV_BYTES, type CsvMessage, type DateOrder, type PlanCsvImport } from '../../domain/csv-import';
import { ImportCancelled, runImport, type ImportRun } from './import-runner';
import type { Plan } from '../../domain/plan';
import { arrivingName } from '../../domain/workspace';
import { parseIsoDate } from '../../domain/validation';
import './import-csv.css';

export interface ImportCsvProps {
  /** Name of the plan open now: "Replace" puts the imported plan in its place. */
  openPlanName: string;
  /** Names of the workspace's plans: a plan imported beside them gets a name of its own. */
  planNames: readonly string[];
  /** What a replace keeps of the open plan that a CSV doesn't carry (its shortlist, contract checklists). */
  openPlanKeeps?: { shortlist: number; checklists: number };
  /** Why `plan` can't be added beside the open one (the browser's storage is full), or null: said before the choice. */
  roomFor?: (plan: Plan) => string | null;
  /**
   * Called once with the imported plan: `replace` puts it in place of the open plan (the
   * caller keeps the replaced one for undo), `new` adds it beside the open plan. False when it
   * could not be done: the review stays open and says so.
   */
  onImport(plan: Plan, mode: 'replace' | 'new'): boolean;
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; share: number }
  | {
      step: 'review';
      fileName: string;
      /** The file, read again when the user says how its dates are written. */
      file: File;
      result: PlanCsvImport;
      confirmReplace: boolean;
      refused?: string | undefined;
      /** The user's answer to the file's date question, once given. */
      dateOrder?: DateOrder;
      /** True while the file is read again with that answer: `result` is the previous reading. */
      rereading?: boolean;
    }
  | { step: 'failed'; fileName: string; reason: string };

let idCounter = 0;
function newPlanId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `plan-${Date.now()}-${++idCounter}`;
}

/** "Jan 8, 2024"; "not set" when empty; the text itself when it isn't a date. */
function day(text: string): string {
  if (text === '') return 'not set';
  const date = parseIsoDate(text);
  return date ? format(date, 'MMM d, yyyy') : text;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** What a replace keeps, said in the question before it: a CSV carries no shortlist and no checklists. */
function keptText({ shortlist, checklists }: { shortlist: number; checklists: number }): string {
  const kept = [
    shortlist > 0 ? `its shortlist (${plural(shortlist, 'creator', 'creators')})` : null,
    checklists > 0 ? `its ${plural(checklists, 'contract checklist', 'contract checklists')}` : null,
  ].filter((k): k is string => k !== null);
  if (kept.length === 0) return '';
  return `A CSV carries no shortlist or contract checklists: ${kept.join(' and ')} ${kept.length === 1 && (shortlist > 0 || checklists === 1) ? 'is' : 'are'} kept.`;
}

/** The most messages of each kind listed: a file of a thousand bad rows is read as well as one of a hundred. */
const SHOWN_MESSAGES = 100;

function messageText(m: CsvMessage): string {
  return m.line === null ? m.reason : `Line ${m.line}: ${m.reason}`;
}

/**
 * "Import CSV": reads a plan CSV (exported by Reachplan, or saved again by a spreadsheet) and
 * shows what it found, with the rows it couldn't read, before anything changes. The review is
 * a named region that takes focus; Escape or Cancel closes it and hands focus back.
 */
const noLimit = () => null;

export function ImportCsv({ openPlanName, planNames, openPlanKeeps = { shortlist: 0, checklists: 0 }, roomFor = noLimit, onImport }: ImportCsvProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [done, setDone] = useState('');
  const inputId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  // A file picked while another is being read wins: the older read is dropped.
  const readId = useRef(0);
  const formats = useAdFormats();
  const benchmarks = useBenchmarks();

  const panelOpen = state.step !== 'idle';
  const confirming = state.step === 'review' && state.confirmReplace;
  const reviewed = state.step === 'review' ? state.result.plan : undefined;
  // Sized as the plan the file makes: said before the choice, not found out after it.
  const newPlanBlocked = useMemo(() => (reviewed ? roomFor(reviewed) : null), [reviewed, roomFor]);
  useEffect(() => {
    if (panelOpen && !confirming) heading.current?.focus();
  }, [panelOpen, state.step, confirming]);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  // The import running now (in a worker): Cancel or Escape ends it.
  const running = useRef<ImportRun | null>(null);
  useEffect(() => () => running.current?.cancel(), []);

  const close = () => {
    readId.current++;
    running.current?.cancel();
    running.current = null;
    setState({ step: 'idle' });
    button.current?.focus();
  };

  const catalog = formats.data && benchmarks.data ? { formats: formats.data, benchmarks: benchmarks.data } : undefined;

  /**
   * Imports `file` off the page (progress as it goes); the newest file or answer wins. Reading it
   * again with the user's date order keeps the review on screen (and focus on their answer).
   */
  const read = async (file: File, dateOrder?: DateOrder) => {
    const id = ++readId.current;
    running.current?.cancel();
    const again = dateOrder !== undefined;
    if (!again) setState({ step: 'reading', fileName: file.name, share: 0 });
    const run = runImport({ file, id: newPlanId(), now: new Date().toISOString(), catalog, dateOrder }, (share) => {
      if (id === readId.current && !again) setState({ step: 'reading', fileName: file.name, share });
    });
    running.current = run;
    try {
      const result = await run.done;
      if (id !== readId.current) return;
      setState({ step: 'review', fileName: file.name, file, result, confirmReplace: false, ...(dateOrder ? { dateOrder } : {}) });
    } catch (error) {
      if (id !== readId.current || error instanceof ImportCancelled) return;
      // A DOMException from the file reader (NotReadableError, NotFoundError) carries the browser's reason.
      const message = error instanceof Error ? error.message : '';
      const detail = message === '' ? '' : ` (${message})`;
      setState({ step: 'failed', fileName: file.name, reason: `The file couldn’t be read${detail}. Check that it is still there and try again.` });
    } finally {
      if (running.current === run) running.current = null;
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    // Cleared, so picking the same file again (after fixing it) reads it again.
    e.currentTarget.value = '';
    if (!file) return;
    setDone('');
    if (file.size > MAX_CSV_BYTES) {
      readId.current++;
      running.current?.cancel();
      setState({
        step: 'failed',
        fileName: file.name,
        reason: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: a Reachplan plan CSV is far smaller. Check that it is the right file.`,
      });
      return;
    }
    void read(file);
  };

  const chooseDateOrder = (dateOrder: DateOrder) => {
    if (state.step !== 'review') return;
    // The answer shows at once; nothing can be imported until the file is read with it.
    setState({ ...state, dateOrder, rereading: true, confirmReplace: false, refused: undefined });
    void read(state.file, dateOrder);
  };

  const finish = (imported: Plan, mode: 'replace' | 'new') => {
    const plan = mode === 'new' ? { ...imported, name: arrivingName(imported.name, 'imported', planNames) } : imported;
    if (!onImport(plan, mode)) {
      if (state.step === 'review') setState({ ...state, confirmReplace: false, refused: `“${plan.name}” was not imported. ${newPlanBlocked ?? 'The workspace could not take it.'}` });
      return;
    }
    setDone(mode === 'replace' ? `Replaced “${openPlanName}” with “${plan.name}”.` : `Imported “${plan.name}” as a new plan.`);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };

  return (
    <div className="csv-import">
      <button ref={button} type="button" className="button" onClick={() => input.current?.click()}>
        Import CSV
      </button>
      <label htmlFor={inputId} className="visually-hidden">
        Plan CSV file
      </label>
      <input ref={input} id={inputId} type="file" accept=".csv,text/csv" hidden onChange={onFile} />
      <p className="visually-hidden" role="status">
        {done}
      </p>
      {panelOpen && (
        <section className="csv-import__panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
          <h3 id={headingId} ref={heading} tabIndex={-1}>
            Import from {state.fileName}
          </h3>
          {state.step === 'reading' && (
            <>
              <p role="status">Reading the file…</p>
              <progress className="csv-import__progress" value={state.share} max={1} aria-label={`Reading ${state.fileName}`}>
                {Math.round(state.share * 100)}%
              </progress>
              <div className="csv-import__actions">
                <button type="button" className="button" onClick={close}>
                  Cancel
                </button>
              </div>
            </>
          )}
          {state.step === 'failed' && (
            <>
              <p className="csv-import__problem">{state.reason}</p>
              <div className="csv-import__actions">
                <button type="button" className="button" onClick={close}>
                  Close
                </button>
              </div>
            </>
          )}
          {state.step === 'review' && (
            <Review
              result={state.result}
              refused={state.refused ?? null}
              newPlanBlocked={newPlanBlocked}
              keeps={openPlanKeeps}
              dateOrder={state.dateOrder ?? null}
              rereading={state.rereading === true}
              onDateOrder={chooseDateOrder}
              openPlanName={openPlanName}
              confirmReplace={state.confirmReplace}
              questionRef={question}
              onReplace={() => setState({ ...state, confirmReplace: true })}
              onBack={() => setState({ ...state, confirmReplace: false })}
              onFinish={finish}
              onCancel={close}
            />
          )}
        </section>
      )}
    </div>
  );
}

interface ReviewProps {
  result: PlanCsvImport;
  /** Why the last choice could not be carried out, or null. */
  refused: string | null;
  newPlanBlocked: string | null;
  dateOrder: DateOrder | null;
  rereading: boolean;
  onDateOrder(order: DateOrder): void;
  keeps: { shortlist: number; checklists: number };
  openPlanName: string;
  confirmReplace: boolean;
  questionRef: RefObject<HTMLParagraphElement | null>;
  onReplace(): void;
  onBack(): void;
  onFinish(plan: Plan, mode: 'replace' | 'new'): void;
  onCancel(): void;
}

function Review({
  result,
  refused,
  newPlanBlocked,
  dateOrder,
  rereading,
  onDateOrder,
  keeps,
  openPlanName,
  confirmReplace,
  questionRef,
  onReplace,
  onBack,
  onFinish,
  onCancel,
}: ReviewProps) {
  const { problems, notes } = result;
  const blockedId = useId();
  const datesId = useId();
  // The file's dates read two ways: nothing is imported until the user says which.
  const datesOpen = (result.dateQuestion !== undefined && dateOrder === null) || rereading;
  const plan = result.plan;
  const question = result.dateQuestion;
  return (
    <>
      {plan && (
        <dl className="csv-import__summary">
          <div>
            <dt>Plan</dt>
            <dd>{plan.name === '' ? 'no name' : plan.name}</dd>
          </div>
          <div>
            <dt>Line items</dt>
            <dd>
              {plural(plan.formats.length + plan.creators.length, 'line item', 'line items')} ({plural(plan.formats.length, 'format', 'formats')},{' '}
              {plural(plan.creators.length, 'creator', 'creators')})
            </dd>
          </div>
          <div>
            <dt>Flight</dt>
            <dd>{datesOpen ? 'Depends on how the dates are written (below)' : `${day(plan.startDate)} to ${day(plan.endDate)}`}</dd>
          </div>
        </dl>
      )}
      {question && (
        <fieldset className="csv-import__dates">
          <legend>How are the dates in this file written?</legend>
          <p id={datesId} className="csv-import__hint">
            Every date like {question.example} can be read two ways. Choose how the file writes them; the plan’s dates follow.
          </p>
          {(['month-first', 'day-first'] as const).map((order) => {
            const iso = order === 'month-first' ? question.monthFirst : question.dayFirst;
            return (
              <label key={order} className="csv-import__choice">
                <input
                  type="radio"
                  name={`${datesId}-order`}
                  value={order}
                  checked={dateOrder === order}
                  onChange={() => onDateOrder(order)}
                  aria-describedby={datesId}
                />
                {order === 'month-first' ? 'Month first' : 'Day first'}: {question.example} is {day(iso)}
                {order === 'month-first' ? ' (as U.S. Excel writes dates)' : ' (as UK and European Excel write dates)'}
              </label>
            );
          })}
        </fieldset>
      )}
      {problems.length > 0 && (
        <div className="csv-import__list">
          <h4>{plan ? `Not imported (${problems.length})` : 'This file can’t be imported'}</h4>
          <ul>
            {problems.slice(0, SHOWN_MESSAGES).map((m, i) => (
              <li key={i} className="csv-import__problem">
                {messageText(m)}
              </li>
            ))}
          </ul>
          {problems.length > SHOWN_MESSAGES && <p className="csv-import__hint">…and {plural(problems.length - SHOWN_MESSAGES, 'more row', 'more rows')} like these.</p>}
        </div>
      )}
      {notes.length > 0 && (
        <div className="csv-import__list">
          <h4>Notes ({notes.length})</h4>
          <ul>
            {notes.slice(0, SHOWN_MESSAGES).map((m, i) => (
              <li key={i}>{messageText(m)}</li>
            ))}
          </ul>
          {notes.length > SHOWN_MESSAGES && <p className="csv-import__hint">…and {plural(notes.length - SHOWN_MESSAGES, 'more note', 'more notes')}.</p>}
        </div>
      )}
      {!plan && (
        <div className="csv-import__actions">
          <button type="button" className="button" onClick={onCancel}>
            Close
          </button>
        </div>
      )}
      {plan && !confirmReplace && (
        <>
          <p className="csv-import__hint">
            Replace puts this plan in place of “{openPlanName}” (Undo brings it back). A new plan leaves “{openPlanName}” as it is.
          </p>
          {(refused ?? newPlanBlocked ?? datesOpen) && (
            <p id={blockedId} className="csv-import__problem" role={refused ? 'alert' : undefined}>
              {refused ??
                (rereading
                  ? 'Reading the dates again…'
                  : datesOpen
                    ? 'Choose how the dates are written before importing.'
                    : `Import as a new plan: ${newPlanBlocked}`)}
            </p>
          )}
          <div className="csv-import__actions">
            <button type="button" className="button" onClick={onReplace} disabled={datesOpen} aria-describedby={datesOpen ? blockedId : undefined}>
              Replace “{openPlanName}”
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => onFinish(plan, 'new')}
              disabled={newPlanBlocked !== null || datesOpen}
              aria-describedby={(refused ?? newPlanBlocked ?? datesOpen) ? blockedId : undefined}
            >
              Import as a new plan
            </button>
            <button type="button" className="button button--ghost" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {plan && confirmReplace && (
        <>
          <p ref={questionRef} tabIndex={-1} className="csv-import__question">
            Replace “{openPlanName}” with “{plan.name}”? Its line items and settings are replaced; Undo brings them back.{' '}
            {keptText(keeps)}
          </p>
          <div className="csv-import__actions">
            <button type="button" className="button button--primary" onClick={() => onFinish(plan, 'replace')}>
              Yes, replace “{openPlanName}”
            </button>
            <button type="button" className="button" onClick={onBack}>
              Back
            </button>
          </div>
        </>
      )}
    </>
  );
}

export default ImportCsv;
