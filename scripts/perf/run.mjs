#!/usr/bin/env node
/**
 * `npm run perf`: builds Reachplan and a minimal Vite + React page, serves both with
 * `vite preview`, and measures them side by side in Chromium, unthrottled and with the CPU
 * throttled 4×: LCP and TBT of cold loads, and INP plus time-to-updated-results of a budget
 * edit in a 100-line-item plan. Adds the initial-JavaScript gzip size, the MSW check and
 * Lighthouse scores (mobile, median of 5). Writes artifacts/perf/report.md and report.json.
 *
 * Timing figures are reported, not enforced: the exit code is non-zero only when the run
 * itself fails.
 *
 *   node scripts/perf/run.mjs [--runs 5] [--lighthouse-runs 5] [--skip-lighthouse]
 *                             [--throttle 1,4] [--skip-build]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { MSW_MARKERS, measureInitialJs, mswDetectorSelfTest } from '../check-bundle.mjs';
import { describeSample, launchBrowser, measureSample, VIEWPORT } from './lib/browser.mjs';
import { buildPlan, CHART_IN_VIEW, EDIT } from './lib/plan.mjs';
import { ROOT, run, runScript, startPreview, stopAll, VITE_BIN } from './lib/processes.mjs';
import { evaluateTargets, summarise, toMarkdown } from './lib/report.mjs';

const OUT_DIR = join(ROOT, 'artifacts', 'perf');
const APP_DIST = join(OUT_DIR, 'app-dist');
const BASELINE_DIST = join(OUT_DIR, 'baseline-dist');
const BASELINE_CONFIG = join(ROOT, 'perf', 'baseline', 'vite.config.ts');

function parseArgs(argv) {
  const args = { runs: 5, lighthouseRuns: 5, skipLighthouse: false, skipBuild: false, throttle: [1, 4] };
  const positive = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number from 1`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') args.runs = positive(flag, value());
    else if (flag === '--lighthouse-runs') args.lighthouseRuns = positive(flag, value());
    else if (flag === '--skip-lighthouse') args.skipLighthouse = true;
    else if (flag === '--skip-build') args.skipBuild = true;
    else if (flag === '--throttle') args.throttle = value().split(',').map((r) => positive(flag, r));
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node scripts/perf/run.mjs [--runs 5] [--lighthouse-runs 5] [--skip-lighthouse] [--throttle 1,4] [--skip-build]');
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const log = (text) => console.log(text);
const step = (text) => console.log(`\n== ${text}`);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });

  if (!args.skipBuild) {
    step('Building Reachplan (npm run build) and the minimal page');
    const app = await run('npm', ['run', 'build', '--', '--outDir', APP_DIST, '--emptyOutDir'], { label: 'build', quiet: true });
    log(`  app built in ${(app.ms / 1000).toFixed(1)} s → ${relative(ROOT, APP_DIST)}`);
    const base = await run(process.execPath, [VITE_BIN, 'build', '--config', BASELINE_CONFIG], { label: 'baseline', quiet: true });
    log(`  baseline built in ${(base.ms / 1000).toFixed(1)} s → ${relative(ROOT, BASELINE_DIST)}`);
  }

  step('Initial JavaScript');
  const appBundle = await measureInitialJs({ distDir: APP_DIST });
  const baselineBundle = await measureInitialJs({ distDir: BASELINE_DIST });
  const bundle = { app: appBundle, baseline: baselineBundle, markers: MSW_MARKERS.map((m) => m.name), mswSelfTest: mswDetectorSelfTest() };
  log(`  Reachplan ${(appBundle.gzip / 1024).toFixed(1)} KB gzip, ${appBundle.mswFree ? 'no MSW' : 'MSW FOUND'}; baseline ${(baselineBundle.gzip / 1024).toFixed(1)} KB gzip`);

  step('Serving both builds');
  const appServer = await startPreview({ label: 'app', args: ['--outDir', APP_DIST] });
  const baselineServer = await startPreview({ label: 'baseline', args: ['--config', BASELINE_CONFIG] });
  log(`  app ${appServer.url}, baseline ${baselineServer.url}`);

  const seeded = await buildPlan(appServer.url);
  log(`  perf plan: ${seeded.lineItems} line items, $${seeded.spend.toLocaleString('en-US')} of a $${Number(seeded.plan.totalBudget).toLocaleString('en-US')} budget`);

  const browser = await launchBrowser();
  const chromium = browser.version();
  const timings = {};
  try {
    for (const rate of args.throttle) {
      step(`Chromium ${chromium}, CPU ${rate}× (${args.runs} loads of each page, interleaved)`);
      const pages = [
        { key: 'baseline', url: `${baselineServer.url}/`, kind: 'baseline', editSpec: { label: 'Budget', key: EDIT.key } },
        { key: 'appFirstVisit', url: `${appServer.url}/`, kind: 'app' },
        { key: 'appPlan', url: `${appServer.url}/`, kind: 'app-plan', storage: seeded.storage, editSpec: { label: EDIT.label, key: EDIT.key } },
        // The same edit while the planner watches the reach chart: scrolled into view in the
        // results column, so the chart's layout and paint are part of the measure.
        {
          key: 'appPlanChart',
          url: `${appServer.url}/`,
          kind: 'app-plan',
          storage: seeded.storage,
          editSpec: { label: EDIT.label, key: EDIT.key, inView: CHART_IN_VIEW },
        },
      ];
      timings[rate] = Object.fromEntries(pages.map((p) => [p.key, []]));
      // Round-robin, so drift in the machine's load affects every page alike.
      for (let i = 0; i < args.runs; i++) {
        for (const { key, ...spec } of pages) {
          // The first edit of each rate is checked against a fresh render of the saved plan.
          const sample = await measureSample(browser, { ...spec, throttle: rate, quietMs: 1000, verify: key === 'appPlan' && i === 0 });
          timings[rate][key].push(sample);
          log(`    ${describeSample(`${key} #${i + 1}`, sample)}`);
        }
      }
    }
  } finally {
    await browser.close();
  }

  let lighthouse = null;
  if (!args.skipLighthouse) {
    step(`Lighthouse, mobile, ${args.lighthouseRuns} runs`);
    const { runLighthouse } = await import('./lib/lighthouse.mjs');
    lighthouse = await runLighthouse({ url: `${appServer.url}/`, runs: args.lighthouseRuns, outDir: OUT_DIR, log });
  }
  await stopAll();

  const checks = [];
  const all = (name, ok) => checks.push({ name, ok });
  const appEdits = Object.values(timings).flatMap((t) => [...t.appPlan, ...t.appPlanChart].map((s) => s.edit));
  const chartEdits = Object.values(timings).flatMap((t) => t.appPlanChart.map((s) => s.edit));
  const baseEdits = Object.values(timings).flatMap((t) => t.baseline.map((s) => s.edit));
  all(`the edit typed into “${EDIT.label}” (${EDIT.start} → ${EDIT.start}${EDIT.key}) every time`, appEdits.every((e) => e.valueBefore === EDIT.start && e.valueAfter === EDIT.start + EDIT.key));
  all('Impressions changed after every app edit', appEdits.every((e) => e.impressionsChanged));
  // Every chart depends on the edit: the format comparison too, since it runs on the planned spend.
  all('every chart re-rendered after the edit (all six)', appEdits.every((e) => e.charts >= 6 && e.chartsRedrawn >= e.charts));
  all('the reach-over-flight and reach-vs-budget captions changed after every app edit', appEdits.every((e) => e.captionsChanged >= 2));
  all('after the edit, numbers and captions equal a fresh render of the saved plan (reload)', appEdits.filter((e) => 'matchesFreshRender' in e).every((e) => e.matchesFreshRender));
  all('with the reach chart on screen: it was in the viewport and redrawn at every edit', chartEdits.every((e) => e.inViewOnScreen && e.inViewRedrawn));
  all('the baseline result changed after every edit', baseEdits.every((e) => e.impressionsChanged));
  const pageErrors = Object.values(timings).flatMap((t) => Object.values(t).flatMap((samples) => samples.flatMap((s) => s.errors)));
  all(`no uncaught page errors${pageErrors.length ? ` (${[...new Set(pageErrors)].join('; ')})` : ''}`, pageErrors.length === 0);

  const summary = summarise(timings);
  const report = {
    environment: {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      chromium,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
      cores: cpus().length,
      node: process.versions.node,
      runs: args.runs,
      throttle: args.throttle,
      viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
      lineItems: seeded.lineItems,
      command: ['npm run perf', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      durationS: 0,
    },
    edit: EDIT,
    bundle,
    summary,
    targets: [],
    checks,
    lighthouse,
    lcpElements: Object.values(timings).flatMap((t) => [...t.appFirstVisit, ...t.appPlan, ...t.baseline].map((s) => s.lcpElement).filter(Boolean)),
    samples: timings,
    plan: { totalBudget: seeded.plan.totalBudget, formats: seeded.plan.formats, creators: seeded.plan.creators.length },
  };
  report.targets = evaluateTargets(report);
  report.environment.durationS = Math.round((Date.now() - started) / 1000);

  const markdown = toMarkdown(report);
  writeFileSync(join(OUT_DIR, 'report.md'), markdown);
  writeFileSync(join(OUT_DIR, 'report.json'), JSON.stringify(report, null, 2));
  console.log(`\n${markdown}`);
  console.log(`Written: ${relative(ROOT, join(OUT_DIR, 'report.md'))}, ${relative(ROOT, join(OUT_DIR, 'report.json'))}${lighthouse ? `, ${relative(ROOT, lighthouse.reportPath)}` : ''}`);
  if (checks.some((c) => !c.ok)) {
    console.error('perf: a measurement check failed (see Checks): the figures may not mean what they say.');
    process.exitCode = 1;
  }
}

runScript('perf', main);
