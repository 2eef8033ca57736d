/// <reference lib="webworker" />
import { importPlanCsv } from '../../domain/csv-import';
import { planSchema } from '../../lib/plan-schema';
import { messageOf, type ImportReply, type ImportRequest } from './import-runner';

/**
 * The whole CSV import off the page's thread: reading the file, parsing, every row check and
 * building the plan. The page posts a file and shows progress; Cancel ends this worker.
 */
self.onmessage = async ({ data }: MessageEvent<ImportRequest>) => {
  const post = (reply: ImportReply) => self.postMessage(reply);
  let text: string;
  try {
    text = await data.file.text();
  } catch (error) {
    post({ type: 'unreadable', message: messageOf(error) });
    return;
  }
  let last = 0;
  const result = importPlanCsv(text, {
    id: data.id,
    now: new Date(data.now),
    schema: planSchema,
    catalog: data.catalog,
    dateOrder: data.dateOrder,
    onProgress: (share) => {
      // At most a hundred messages, whatever the file's size.
      if (share - last < 0.01) return;
      last = share;
      post({ type: 'progress', share });
    },
  });
  post({ type: 'result', result });
};
