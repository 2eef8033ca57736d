import { importPlanCsv, type DateOrder, type ImportPlanCsvOptions, type PlanCsvImport } from '../../domain/csv-import';
import { planSchema } from '../../lib/plan-schema';

/** What the page asks the import worker. */
export interface ImportRequest {
  file: Blob;
  id: string;
  /** ISO time of the import (the plan's `updatedAt`). */
  now: string;
  catalog: ImportPlanCsvOptions['catalog'];
  dateOrder: DateOrder | undefined;
}

/** What the import worker answers: progress (0 to 1), then the result, or that the file couldn't be read. */
export type ImportReply =
  | { type: 'progress'; share: number }
  | { type: 'result'; result: PlanCsvImport }
  | { type: 'unreadable'; message: string };

export interface ImportRun {
  /** The import's result; rejects with `ImportUnreadable` when the file can't be read, `ImportCancelled` after `cancel`. */
  done: Promise<PlanCsvImport>;
  cancel(): void;
}

export class ImportUnreadable extends Error {}
export class ImportCancelled extends Error {}

/**
 * Runs a CSV import in a Web Worker (papaparse's own worker mode is unreliable in Vite production
 * builds, and the reading, the row checks and the plan are all work to keep off the page): the
 * page stays responsive, `onProgress` moves a bar, `cancel` ends the worker at once. Where there
 * is no Worker (tests in jsdom), the same import runs in the page.
 */
export function runImport(request: ImportRequest, onProgress: (share: number) => void): ImportRun {
  if (typeof Worker === 'undefined') return runInPage(request);
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
  let settle: { resolve(r: PlanCsvImport): void; reject(e: Error): void } | null = null;
  const done = new Promise<PlanCsvImport>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = null;
  };
  worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
    if (data.type === 'progress') onProgress(data.share);
    else if (data.type === 'result') {
      settle?.resolve(data.result);
      finish();
    } else {
      settle?.reject(new ImportUnreadable(data.message));
      finish();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle?.reject(new ImportUnreadable(event.message));
    finish();
  };
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      settle?.reject(new ImportCancelled('cancelled'));
      finish();
    },
  };
}

function runInPage(request: ImportRequest): ImportRun {
  let cancelled = false;
  const done = (async () => {
    let text: string;
    try {
      text = await request.file.text();
    } catch (error) {
      throw new ImportUnreadable(messageOf(error));
    }
    if (cancelled) throw new ImportCancelled('cancelled');
    return importPlanCsv(text, { id: request.id, now: new Date(request.now), schema: planSchema, catalog: request.catalog, dateOrder: request.dateOrder });
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** A DOMException's or an Error's message (the browser's reason a file can't be read), else ''. */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : '';
}
