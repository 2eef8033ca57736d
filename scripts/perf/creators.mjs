#!/usr/bin/env node
/**
 * `npm run perf:creators`: builds Reachplan (with hidden source maps, into its own folder),
 * serves it with `vite preview` and the mocked API's artificial latency off, and measures in
 * Chromium, unthrottled and with the CPU throttled 4×: the time from a keystroke in “Search
 * creators” to the updated rows over the 100,022-creator catalog, and frame times while the
 * table scrolls (a fast mouse wheel, and jumps of 20,000 rows). Two extra runs per rate, one
 * CPU-profiled and one traced, show where the time goes. Writes artifacts/perf/creators-report.md and .json.
 *
 * Timing figures are reported, not enforced: the exit code is non-zero only when the run itself
 * fails (an element not found, results never shown, a check below failed).
 *
 *   node scripts/perf/creators.mjs [--runs 5] [--throttle 1,4] [--skip-build] [--no-profile]
 *     [--scroll-seconds 3] [--wheel-speed 6000] [--jump-rows 20000] [--jump-pause 300]
 *   node scripts/perf/creators.mjs --from-json artifacts/perf/creators-report.json
 *     (summarises the samples of an earlier run again, e.g. after a change to the report; no browser)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { scriptLocator, startProfile, stopProfile, summariseProfile } from './lib/cpu-profile.mjs';
import {
  DEBOUNCE_MS,
  expectedResults,
  launchBrowser,
  measureIdle,
  measureJumps,
  measureSearch,
  measureWheel,
  openApp,
  QUERIES,
  TYPING_DELAY_MS,
  VIEWPORT,
} from './lib/creators-page.mjs';
import { evaluateTargets, frameStats, summarise, toMarkdown } from './lib/creators-report.mjs';
import { ROOT, run, runScript, startPreview, stopAll } from './lib/processes.mjs';
import { startTrace, stopTrace } from './lib/trace.mjs';

const OUT_DIR = join(ROOT, 'artifacts', 'perf');
// Its own build: hidden source maps (for the profiles) and no clash with `npm run perf`'s app-dist.
const DIST = join(OUT_DIR, 'creators-dist');

const USAGE =
  'usage: node scripts/perf/creators.mjs [--runs 5] [--throttle 1,4] [--skip-build] [--no-profile] ' +
  '[--scroll-seconds 3] [--wheel-speed 6000] [--jump-rows 20000] [--jump-pause 300] | --from-json artifacts/perf/creators-report.json';

function parseArgs(argv) {
  const args = { fromJson: null, runs: 5, throttle: [1, 4], skipBuild: false, profile: true, scrollSeconds: 3, wheelSpeed: 6000, jumpRows: 20_000, jumpPauseMs: 300 };
  const positive = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number from 1`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') args.runs = positive(flag, value());
    else if (flag === '--throttle') args.throttle = value().split(',').map((r) => positive(flag, r));
    else if (flag === '--skip-build') args.skipBuild = true;
    else if (flag === '--no-profile') args.profile = false;
    else if (flag === '--from-json') args.fromJson = value();
    else if (flag === '--scroll-seconds') args.scrollSeconds = positive(flag, value());
    else if (flag === '--wheel-speed') args.wheelSpeed = positive(flag, value());
    else if (flag === '--jump-rows') args.jumpRows = positive(flag, value());
    else if (flag === '--jump-pause') args.jumpPauseMs = positive(flag, value());
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return args;
}

/** The code measured: the commit, and the app files changed since (read only: no git writes). */
function codeState() {
  const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    // Porcelain lines are "XY path": the status columns may be spaces, so no trimming.
    const dirty = git('status', '--porcelain', '--', 'src', 'mocks', 'index.html', 'vite.config.ts')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return { commit: git('rev-parse', '--short', 'HEAD').trim(), dirty };
  } catch {
    return { commit: null, dirty: [] };
  }
}

const log = (text) => console.log(text);
const step = (text) => console.log(`\n== ${text}`);
const fmt = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);

/**
 * One run: a fresh page, the searches, then idle, wheel and jump passes over the whole catalog.
 * `instrument`: 'cpu' (CDP Profiler) or 'trace' (a performance trace) around each measured
 * stretch, for attribution only: the search for “fitness”, the wheel and the jumps.
 */
async function measureRun(browser, { url, rate, expected, args, instrument = null }) {
  const { context, page, cdp, errors, catalog, placed } = await openApp(browser, { url, rate });
  const profiles = {};
  const hooks = (name) => {
    if (instrument === 'cpu') {
      return {
        start: () => startProfile(cdp),
        stop: async () => {
          profiles[name] = summariseProfile(await stopProfile(cdp), { distDir: DIST });
        },
      };
    }
    if (instrument === 'trace') {
      return {
        start: () => startTrace(browser, page),
        stop: async () => {
          profiles[name] = await stopTrace(browser);
        },
      };
    }
    return {};
  };
  try {
    const searches = {};
    for (const q of QUERIES) {
      if (instrument && q.key !== 'niche') continue;
      searches[q.key] = await measureSearch(page, q, expected[q.key], hooks(`Search ${q.label}`));
    }
    const scroll = {};
    if (!instrument) scroll.idle = await measureIdle(page, 1000);
    scroll.wheel = await measureWheel(page, cdp, { seconds: args.scrollSeconds, speedPx: args.wheelSpeed }, hooks(`Wheel scrolling, ${args.wheelSpeed.toLocaleString('en-US')} px/s`));
    scroll.jumps = await measureJumps(page, { jumpRows: args.jumpRows, pauseMs: args.jumpPauseMs }, hooks(`Jumps of ${args.jumpRows.toLocaleString('en-US')} rows`));
    return { searches, scroll, errors, catalog, placed, profiles };
  } finally {
    await context.close();
  }
}

function describeRun(label, r) {
  const s = Object.entries(r.searches).map(([k, v]) => `${k} ${fmt(v.keyToRowsMs)}`).join(', ');
  const w = frameStats(r.scroll.wheel);
  const j = frameStats(r.scroll.jumps);
  return (
    `${label}: key→rows ${s} | wheel ${w.frames} frames, p95 ${fmt(w.p95)}, max ${fmt(w.max)}, ${w.over50} over 50 ms, ${r.scroll.wheel.atStop?.pending ?? '?'} loading at stop (${fmt(r.scroll.wheel.loadedMs)})` +
    ` | jumps max ${fmt(j.max)}, ${j.over50} over 50 ms, loaded ${r.scroll.jumps.jumps.map((x) => fmt(x.loadedMs)).join('/')}`
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.fromJson) return resummarise(args.fromJson);
  const started = Date.now();
  const loadAtStart = loadavg()[0].toFixed(2);
  mkdirSync(OUT_DIR, { recursive: true });

  const code = codeState();
  if (!args.skipBuild) {
    step('Building Reachplan (npm run build, hidden source maps)');
    const app = await run('npm', ['run', 'build', '--', '--outDir', DIST, '--emptyOutDir', '--sourcemap', 'hidden'], { label: 'build', quiet: true });
    log(`  built in ${(app.ms / 1000).toFixed(1)} s → ${relative(ROOT, DIST)}`);
  } else if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`--skip-build: no build in ${relative(ROOT, DIST)}; run once without --skip-build`);
  }

  step('Serving the build, mocked API latency off');
  // Read by mocks/preview-middleware.ts: the handlers answer without their 120–400 ms wait.
  process.env.REACHPLAN_API_LATENCY = '0';
  const server = await startPreview({ label: 'app', args: ['--outDir', DIST] });
  const url = `${server.url}/`;
  log(`  ${server.url}`);

  // The API's own answers: what each search must show (and the catalog built, the handler warm).
  const expected = {};
  for (const q of QUERIES) {
    const full = `${q.settle ?? ''}${q.type}`;
    expected[q.key] = await expectedResults(server.url, full);
    if (q.settle) expected[q.key].settleTotal = (await expectedResults(server.url, q.settle)).total;
    log(`  “${full}”: ${expected[q.key].total.toLocaleString('en-US')} creators, first @${expected[q.key].firstHandle ?? '(none)'}`);
  }
  const catalogSize = (await expectedResults(server.url, '')).total;

  const browser = await launchBrowser();
  const chromium = browser.version();
  const searches = {};
  const scroll = {};
  const profiles = {};
  const errors = [];
  let layout = null;
  try {
    step(`Chromium ${chromium}: one warm-up run (not counted)`);
    const warm = await measureRun(browser, { url, rate: 1, expected, args });
    log(`    ${describeRun('warm-up', warm)}`);
    layout = { ...warm.placed, catalog: warm.catalog };
    for (const rate of args.throttle) {
      step(`CPU ${rate}×: ${args.runs} runs`);
      searches[rate] = [];
      scroll[rate] = [];
      for (let i = 0; i < args.runs; i++) {
        const r = await measureRun(browser, { url, rate, expected, args });
        searches[rate].push(r.searches);
        scroll[rate].push(r.scroll);
        errors.push(...r.errors);
        log(`    ${describeRun(`#${i + 1}`, r)}`);
      }
      if (args.profile) {
        // Two more runs, not counted: one CPU-profiled, one traced (each slows the page on its own).
        const cpu = await measureRun(browser, { url, rate, expected, args, instrument: 'cpu' });
        const trace = await measureRun(browser, { url, rate, expected, args, instrument: 'trace' });
        errors.push(...cpu.errors, ...trace.errors);
        profiles[rate] = Object.fromEntries(Object.keys(cpu.profiles).map((name) => [name, { cpu: cpu.profiles[name], trace: trace.profiles[name] ?? null }]));
        for (const [name, p] of Object.entries(profiles[rate])) {
          const b = p.trace?.buckets;
          log(
            `    ${name}: main thread ${fmt(p.trace?.busyMs)} busy of ${fmt(p.trace?.wallMs)}` +
              (b ? ` (script ${fmt(b.script)}, style ${fmt(b.style)}, layout ${fmt(b.layout)}, paint ${fmt(b.paint)}, GC ${fmt(b.gc)})` : '') +
              `; top self: ${p.cpu.bySelf.slice(0, 3).map((f) => `${f.function} ${fmt(f.selfMs)}`).join(', ')}`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await stopAll();
  }

  const checks = [];
  const check = (name, ok) => checks.push({ name, ok });
  const allSearches = Object.values(searches).flatMap((runs) => runs.flatMap((r) => Object.values(r)));
  const serverMs = allSearches.map((s) => s.split?.serverMs).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  check(
    `the mocked API answered without its 120–400 ms latency (search requests: server time ${fmt(serverMs[0])}–${fmt(serverMs.at(-1))})`,
    serverMs.length > 0 && serverMs[0] < 120,
  );
  check('every search was one request for its first page, timed by Resource Timing', allSearches.every((s) => s.split !== null));
  check(
    `every search ended on the API's own count and first row (or the empty state) and started ${DEBOUNCE_MS} ms or more after the key (the debounce)`,
    allSearches.every((s) => s.split === null || s.split.debounceMs >= DEBOUNCE_MS - 1),
  );
  const idle = Object.values(scroll).flatMap((runs) => runs.map((r) => frameStats(r.idle)));
  const range = (xs, digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
  check(`the idle frame loop ran at 60 Hz (median idle frame ${range(idle.map((s) => s.p50), 1)} ms)`, idle.every((s) => s.p50 > 15 && s.p50 < 18.5));
  const wheels = Object.values(scroll).flatMap((runs) => runs.map((r) => r.wheel));
  check(
    `every wheel pass scrolled its ${wheels[0]?.distance.toLocaleString('en-US')} px (${range(wheels.map((w) => w.scrolledPx))} px)`,
    wheels.every((w) => Math.abs(w.scrolledPx - w.distance) <= w.distance * 0.05),
  );
  const jumps = Object.values(scroll).flatMap((runs) => runs.flatMap((r) => r.jumps.jumps));
  check('every jump put its row on screen (within 20 rows)', jumps.every((j) => j.firstRowOnScreen !== null && Math.abs(j.firstRowOnScreen - j.row) <= 20));
  check(`no uncaught page errors${errors.length ? ` (${[...new Set(errors)].join('; ')})` : ''}`, errors.length === 0);

  const summary = summarise({ searches, scroll }, { locate: scriptLocator(DIST) });
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
      layout: (layout?.layout ?? '').replace(/^.*creator-grid--/, ''),
      regionWidth: layout?.regionWidth ?? null,
      catalog: catalogSize,
      loadAverage: { start: loadAtStart, end: loadavg()[0].toFixed(2) },
      // With --skip-build, the state of the tree now, not necessarily the one built.
      code: { ...code, built: !args.skipBuild },
      command: ['npm run perf:creators', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      durationS: 0,
    },
    settings: {
      debounceMs: DEBOUNCE_MS,
      typingDelayMs: TYPING_DELAY_MS,
      scrollSeconds: args.scrollSeconds,
      wheelSpeed: args.wheelSpeed,
      jumpRows: args.jumpRows,
      jumpPauseMs: args.jumpPauseMs,
    },
    queries: QUERIES.map((q) => ({ ...q, expected: expected[q.key] })),
    summary,
    targets: [],
    checks,
    profiles,
    layout,
    samples: { searches, scroll },
  };
  report.targets = evaluateTargets(summary);
  report.environment.durationS = Math.round((Date.now() - started) / 1000);

  const markdown = toMarkdown(report);
  writeFileSync(join(OUT_DIR, 'creators-report.md'), markdown);
  writeFileSync(join(OUT_DIR, 'creators-report.json'), JSON.stringify(report, null, 2));
  console.log(`\n${markdown}`);
  console.log(`Written: ${relative(ROOT, join(OUT_DIR, 'creators-report.md'))}, ${relative(ROOT, join(OUT_DIR, 'creators-report.json'))}`);
  if (checks.some((c) => !c.ok)) {
    console.error('perf:creators: a measurement check failed (see Checks): the figures may not mean what they say.');
    process.exitCode = 1;
  }
}

/** Writes the report again from the samples of an earlier run (same environment, checks and profiles). */
function resummarise(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  report.summary = summarise(report.samples, { locate: scriptLocator(DIST) });
  report.targets = evaluateTargets(report.summary);
  const markdown = toMarkdown(report);
  writeFileSync(join(OUT_DIR, 'creators-report.md'), markdown);
  writeFileSync(join(OUT_DIR, 'creators-report.json'), JSON.stringify(report, null, 2));
  console.log(markdown);
}

runScript('perf:creators', main);
