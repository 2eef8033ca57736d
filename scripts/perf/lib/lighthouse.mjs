/**
 * Lighthouse (mobile form factor, its default simulated throttling) against a running page,
 * on the system Chromium. One browser for all runs; Lighthouse resets storage and cache per run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_ARGS, CHROME_PATH, median } from './browser.mjs';
import { trackPid, untrackPid } from './processes.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const AUDITS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** Runs Lighthouse `runs` times; returns per-run scores, medians, and the failing audits of the median run. */
export async function runLighthouse({ url, runs, outDir, log = () => {} }) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', ...CHROME_ARGS],
    logLevel: 'silent',
  });
  trackPid(chrome.pid);
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const started = Date.now();
      const result = await lighthouse(
        url,
        { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: CATEGORIES, formFactor: 'mobile' },
        undefined,
      );
      if (!result) throw new Error('Lighthouse returned no result');
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]));
      const metrics = Object.fromEntries(AUDITS.map((a) => [a, lhr.audits[a]?.numericValue ?? null]));
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id] && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => ({ category: c, id: ref.id, title: lhr.audits[ref.id].title, score: lhr.audits[ref.id].score, display: lhr.audits[ref.id].displayValue ?? '' })),
      );
      results.push({ scores, metrics, failing, html: result.report[1], version: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent ?? '' });
      log(`    lighthouse #${i + 1}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await chrome.kill();
    untrackPid(chrome.pid);
  }

  const medians = Object.fromEntries(CATEGORIES.map((c) => [c, median(results.map((r) => r.scores[c]))]));
  // The run whose performance score is the median one: its report is kept, its failing audits listed.
  const sorted = [...results].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  const medianRun = sorted[Math.floor((sorted.length - 1) / 2)];
  const reportPath = join(outDir, 'lighthouse-median.html');
  writeFileSync(reportPath, medianRun.html);
  return {
    runs: results.map(({ html: _html, ...r }) => r),
    medians,
    metricMedians: Object.fromEntries(AUDITS.map((a) => [a, median(results.map((r) => r.metrics[a]))])),
    failingInMedianRun: medianRun.failing,
    version: medianRun.version,
    reportPath,
  };
}
