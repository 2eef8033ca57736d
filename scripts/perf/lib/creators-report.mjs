/** Turns the creator search and scrolling samples into medians, target verdicts and a markdown report. */
import { DEBOUNCE_MS, QUERIES } from './creators-page.mjs';
import { stat } from './report.mjs';

/** One 60 Hz frame. */
export const FRAME_MS = 1000 / 60;
/**
 * requestAnimationFrame timestamps are vsync-aligned (16.7, 33.3, 50 ms…) with about ±1 ms of
 * jitter: a delta from 20 ms on means at least one 60 Hz frame was missed.
 */
export const MISSED_FRAME_MS = 20;
/** The scrolling target: no frame over 50 ms. */
export const LONG_FRAME_MS = 50;
/**
 * A frame delta counted as over 50 ms: three 60 Hz frames read 50.0–50.2 ms, so the same ±1 ms of
 * jitter is allowed; from four frames (66.7 ms) on, a delta counts.
 */
const OVER_LONG_FRAME_MS = LONG_FRAME_MS + 1;
/** The search target: rows updated within 100 ms of the debounce. */
export const AFTER_DEBOUNCE_TARGET_MS = 100;

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);

/** Frame figures of one pass, from requestAnimationFrame deltas and Long Animation Frame entries. */
export function frameStats(pass) {
  const d = [...pass.deltas].sort((a, b) => a - b);
  const totalMs = pass.deltas.reduce((s, x) => s + x, 0);
  const longest = pass.loafs.reduce((w, l) => (w === null || l.duration > w.duration ? l : w), null);
  return {
    frames: d.length,
    fps: totalMs > 0 ? (d.length / totalMs) * 1000 : null,
    p50: percentile(d, 50),
    p95: percentile(d, 95),
    max: d.at(-1) ?? null,
    overOneFrame: d.filter((x) => x >= MISSED_FRAME_MS).length,
    over50: d.filter((x) => x > OVER_LONG_FRAME_MS).length,
    dropped: pass.deltas.reduce((s, x) => s + Math.max(0, Math.round(x / FRAME_MS) - 1), 0),
    loafsOver50: pass.loafs.filter((l) => l.duration > LONG_FRAME_MS).length,
    longestLoafMs: longest?.duration ?? 0,
    longTasks: pass.longTasks.length,
  };
}

/** Where a long animation frame's time went: scripts (by invoker and source), then style, layout and paint. */
export function describeLoaf(l, locate = () => null) {
  if (!l) return null;
  const scripts = [...l.scripts].sort((a, b) => b.duration - a.duration);
  const end = l.start + l.duration;
  // Style, layout, paint and commit: from the start of style and layout to the end of the frame,
  // less the scripts that ran in between (ResizeObserver callbacks run after layout).
  const scriptsAfterLayout = l.scripts.filter((x) => x.start >= l.styleAndLayoutStart).reduce((s, x) => s + x.duration, 0);
  return {
    durationMs: l.duration,
    blockingMs: l.blocking,
    scriptMs: scripts.reduce((s, x) => s + x.duration, 0),
    styleLayoutPaintMs: l.styleAndLayoutStart ? Math.max(0, end - l.styleAndLayoutStart - scriptsAfterLayout) : null,
    // The frame's rendering steps: animation frame callbacks, style, layout, ResizeObserver, paint.
    renderingMs: l.renderStart ? end - l.renderStart : null,
    scripts: scripts.slice(0, 4).map((s) => ({
      invoker: s.invoker,
      source: locate(s.url, s.char, s.fn) ?? (`${(s.url ?? '').replace(/^.*\/assets\//, 'assets/')}${s.fn ? ` ${s.fn}` : ''}` || null),
      durationMs: s.duration,
      forcedLayoutMs: s.forcedStyleAndLayout,
    })),
  };
}

/** `locate(url, charPosition, name)`: names a script of a long animation frame (see scriptLocator). */
export function summarise({ searches, scroll }, { locate } = {}) {
  const out = {};
  for (const [rate, runs] of Object.entries(searches)) {
    const search = {};
    for (const q of QUERIES) {
      const samples = runs.map((r) => r[q.key]);
      search[q.key] = {
        q: samples[0]?.q,
        label: q.label,
        keyToRows: stat(samples, (s) => s.keyToRowsMs),
        afterDebounce: stat(samples, (s) => s.afterDebounceMs),
        debounce: stat(samples, (s) => s.split?.debounceMs ?? null),
        request: stat(samples, (s) => s.split?.requestMs ?? null),
        server: stat(samples, (s) => s.split?.serverMs ?? null),
        render: stat(samples, (s) => s.split?.renderMs ?? null),
        searchingShown: stat(samples, (s) => s.searchingShownMs),
        keyInp: stat(samples, (s) => s.keyInpMs),
        longestFrameMs: Math.max(0, ...samples.flatMap((s) => s.longFrames.map((l) => l.duration))),
        total: samples[0]?.expected.total,
      };
    }
    const passes = {};
    for (const kind of ['idle', 'wheel', 'jumps']) {
      const samples = scroll[rate].map((r) => r[kind]);
      const per = samples.map(frameStats);
      const pick = (f) => stat(per, (s) => s[f]);
      const worstLoaf = samples.flatMap((s) => s.loafs).reduce((w, l) => (w === null || l.duration > w.duration ? l : w), null);
      passes[kind] = {
        frames: pick('frames'),
        fps: pick('fps'),
        p50: pick('p50'),
        p95: pick('p95'),
        max: pick('max'),
        overOneFrame: pick('overOneFrame'),
        over50: pick('over50'),
        dropped: pick('dropped'),
        loafsOver50: pick('loafsOver50'),
        longestLoaf: pick('longestLoafMs'),
        worstFrameMs: Math.max(...per.map((s) => s.max ?? 0)),
        framesOver50AllRuns: per.reduce((s, x) => s + x.over50, 0),
        framesAllRuns: per.reduce((s, x) => s + x.frames, 0),
        worstLoaf: describeLoaf(worstLoaf, locate),
        pendingAtStop: kind === 'idle' ? null : stat(samples, (s) => s.atStop?.pending ?? null),
        rowsAtStop: kind === 'idle' ? null : stat(samples, (s) => s.atStop?.rows ?? null),
        loadedMs: kind === 'idle' ? null : stat(samples, (s) => s.loadedMs),
        scrolledPx: kind === 'wheel' ? stat(samples, (s) => s.scrolledPx) : null,
        jumpLoadedMs: kind === 'jumps' ? stat(samples.flatMap((s) => s.jumps), (j) => j.loadedMs) : null,
        jumpPending: kind === 'jumps' ? stat(samples.flatMap((s) => s.jumps), (j) => j.pendingAfterFirstFrame) : null,
      };
    }
    out[rate] = { search, scroll: passes };
  }
  return out;
}

const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);
const num = (v, digits = 0) => (v === null || v === undefined ? '–' : v.toFixed(digits));

/** "412 ms (341–437)" */
function cell(s, fmt = ms) {
  if (!s || s.n === 0 || s.median === null) return '–';
  return s.n > 1 && s.min !== null ? `${fmt(s.median)} (${fmt(s.min).replace(/ ms$/, '')}–${fmt(s.max)})` : fmt(s.median);
}
const count = (s) => cell(s, (v) => num(v));

export function evaluateTargets(summary) {
  const targets = [];
  for (const [rate, s] of Object.entries(summary)) {
    for (const q of QUERIES) {
      const r = s.search[q.key];
      const v = r.afterDebounce.median;
      targets.push({
        name: `${q.label}: rows within ${AFTER_DEBOUNCE_TARGET_MS} ms of the debounce (${rate}× CPU)`,
        value: `${ms(v)} after the debounce (${ms(r.keyToRows.median)} from the key)`,
        met: v !== null && v <= AFTER_DEBOUNCE_TARGET_MS,
        by: v === null ? null : v - AFTER_DEBOUNCE_TARGET_MS,
      });
    }
    for (const kind of ['wheel', 'jumps']) {
      const p = s.scroll[kind];
      targets.push({
        name: `${kind === 'wheel' ? 'Wheel scrolling' : 'Jumps of 20,000 rows'}: 60 fps, no frame over ${LONG_FRAME_MS} ms (${rate}× CPU)`,
        value: `${num(p.fps.median)} fps; ${p.framesOver50AllRuns} of ${p.framesAllRuns} frames over ${LONG_FRAME_MS} ms, longest ${ms(p.worstFrameMs)}`,
        met: p.framesOver50AllRuns === 0,
        by: p.worstFrameMs - LONG_FRAME_MS,
      });
    }
  }
  return targets;
}

function loafLine(l) {
  if (!l) return 'none';
  const scripts = l.scripts.map((x) => `${x.invoker}${x.source ? ` in ${x.source}` : ''} ${ms(x.durationMs)}${x.forcedLayoutMs > 1 ? ` (forced layout ${ms(x.forcedLayoutMs)})` : ''}`).join('; ');
  return (
    `${ms(l.durationMs)} (blocking ${ms(l.blockingMs)}): scripts ${ms(l.scriptMs)}${scripts ? ` (${scripts})` : ''}; ` +
    `rendering steps ${ms(l.renderingMs)}, of which style/layout/paint ${ms(l.styleLayoutPaintMs)}`
  );
}

export function toMarkdown(report) {
  const { summary, environment: env, targets, checks, profiles, settings } = report;
  const rates = Object.keys(summary);
  const lines = [];
  lines.push('# Creator search and table scrolling');
  lines.push('');
  lines.push(
    `${env.date} · Chromium ${env.chromium} · ${env.cpu} (${env.cores} cores) · Node ${env.node} · production build (\`vite preview\`), ` +
      `mocked API in Node with its artificial latency off (REACHPLAN_API_LATENCY=0), catalog of ${env.catalog.toLocaleString('en-US')} creators · ` +
      `viewport ${env.viewport} (the table is in its ${env.layout} layout, ${env.regionWidth} px wide) · median of ${env.runs} runs (min–max), each in a fresh browser context · ` +
      `load average ${env.loadAverage.start} at the start, ${env.loadAverage.end} at the end (other processes on the machine shift every figure).`,
  );
  if (env.code?.commit) {
    lines.push('');
    lines.push(
      `Code: ${env.code.built ? 'built from' : 'a build reused (--skip-build); the tree is now at'} commit ${env.code.commit}` +
        `${env.code.dirty.length ? ` with uncommitted changes to ${env.code.dirty.join(', ')}` : ''}.`,
    );
  }
  lines.push('');

  lines.push(`## Keystroke → updated rows (the app debounces the search ${DEBOUNCE_MS} ms)`);
  lines.push('');
  lines.push('| Search | Matches | CPU | Keystroke → rows painted | Minus the debounce (target ≤ 100 ms) | Split: debounce / request (server) / render, medians | “Searching…” shown | INP of the key |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const rate of rates) {
    for (const q of QUERIES) {
      const r = summary[rate].search[q.key];
      lines.push(
        `| ${q.label} | ${r.total?.toLocaleString('en-US')} | ${rate}× | ${cell(r.keyToRows)} | ${cell(r.afterDebounce)} | ` +
          `${ms(r.debounce.median)} / ${ms(r.request.median)} (${ms(r.server.median)}) / ${ms(r.render.median)} | ${cell(r.searchingShown)} | ` +
          `${r.keyInp.median === null ? (q.ime ? 'n/a (no key event)' : '< 16 ms') : cell(r.keyInp)} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    `From the last key's \`keydown\` timestamp (for Hangul, committed by an input method without key events: the last \`input\` event) to the second animation frame ` +
      `after the DOM change that made the status line read the API's count for the query (e.g. “1 creator matches “zachk””) with the table's first row ` +
      `being the API's first creator (\`View @handle\`), or the empty state for no match. Debounce: key → the request's start (Resource Timing); ` +
      `request: its start → last byte (server: request sent → first byte, i.e. the MSW handler in Node); render: last byte → rows painted (zod parsing, React, layout, paint). ` +
      `Words are typed ${settings.typingDelayMs} ms a key into the cleared box (the debounce restarts at every key); “zach” is typed and its results shown before “k”.`,
  );
  lines.push('');

  lines.push(`## Scrolling the whole catalog`);
  lines.push('');
  lines.push(
    '| Pass | CPU | Frames, median fps | Frame p50 / p95 | Longest frame | Frames ≥ 20 ms (missed a 60 Hz frame) | Frames over 50 ms (66.7 ms: four 60 Hz frames, or more) | Long animation frames over 50 ms | Rows on screen still loading at stop | Time until they loaded |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  const passLabel = {
    idle: 'Idle, 1 s (the floor)',
    wheel: `Wheel, ${settings.wheelSpeed.toLocaleString('en-US')} px/s for ${settings.scrollSeconds} s`,
    jumps: `Jumps of ${settings.jumpRows.toLocaleString('en-US')} rows, ${settings.jumpPauseMs} ms apart`,
  };
  for (const rate of rates) {
    for (const kind of ['idle', 'wheel', 'jumps']) {
      const p = summary[rate].scroll[kind];
      lines.push(
        `| ${passLabel[kind]} | ${rate}× | ${count(p.frames)}, ${num(p.fps.median)} fps | ${ms(p.p50.median)} / ${cell(p.p95)} | ${cell(p.max)} | ` +
          `${count(p.overOneFrame)} | ${count(p.over50)} | ${count(p.loafsOver50)} | ${kind === 'idle' ? '–' : `${count(p.pendingAtStop)} of ${num(p.rowsAtStop.median)}${kind === 'jumps' ? `; after every jump: ${count(p.jumpPending)}` : ''}`} | ` +
          `${kind === 'idle' ? '–' : cell(p.loadedMs)}${kind === 'jumps' ? `; after every jump: ${cell(p.jumpLoadedMs)}` : ''} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    `Frames are \`requestAnimationFrame\` deltas over the pass (vsync-aligned: 16.7, 33.3, 50.0 ms… each ±1 ms, so a three-frame delta of 50.1 ms is not counted as over 50 ms); long animation frames are Chromium's \`long-animation-frame\` entries (main-thread work of one frame: ` +
      `scripts, style, layout, paint). The wheel pass is \`Input.synthesizeScrollGesture\` (a mouse wheel, one event a frame, about ${Math.round(settings.wheelSpeed / 60)} px each) ` +
      `from the top of the table; the jumps set the region's \`scrollTop\` to rows ${settings.jumpRows.toLocaleString('en-US')}, ${(settings.jumpRows * 2).toLocaleString('en-US')}, … and the last row, ` +
      `each after the rows of the previous one have loaded and ${settings.jumpPauseMs} ms more. “Still loading at stop”: rows on screen showing “Loading creator N of M…” ` +
      `in the first frame after the scroll stopped (for the jumps: after the last jump, and after every jump); “until they loaded”: from the stop (the jump) ` +
      `to the second animation frame after the DOM change that left none of them loading. Rows on screen are tracked with an IntersectionObserver on the region ` +
      `and a MutationObserver, so the measurement forces no layout of its own.`,
  );
  lines.push('');
  lines.push('Worst long animation frame per pass (all runs):');
  lines.push('');
  for (const rate of rates) {
    for (const kind of ['wheel', 'jumps']) lines.push(`- ${passLabel[kind]}, ${rate}× CPU: ${loafLine(summary[rate].scroll[kind].worstLoaf)}`);
  }
  lines.push('');

  if (profiles && Object.keys(profiles).length) {
    lines.push("## Where the main thread's time goes (CPU profile and trace)");
    lines.push('');
    lines.push(
      'Two extra runs per CPU rate, not counted in the figures above (each instrument slows the page): one with the CDP Profiler sampling every 250 µs, ' +
        "its functions mapped to their sources through the build's hidden source maps (self time: in the function itself; total: with what it calls); " +
        "one with a performance trace (devtools.timeline), the main thread's self time per kind of work.",
    );
    lines.push('');
    for (const [rate, byPass] of Object.entries(profiles)) {
      for (const [pass, { cpu, trace }] of Object.entries(byPass)) {
        lines.push(`### ${pass}, ${rate}× CPU`);
        lines.push('');
        if (trace) {
          const b = trace.buckets;
          lines.push(
            `Main thread (trace): ${ms(trace.busyMs)} busy of ${ms(trace.wallMs)}: script ${ms(b.script)}, style ${ms(b.style)}, layout ${ms(b.layout)}, ` +
              `paint and compositing ${ms(b.paint)}, garbage collection ${ms(b.gc)}, other ${ms(b.other)}. ` +
              `Top events by self time: ${trace.topSelf.slice(0, 6).map((e) => `${e.name} ${ms(e.ms)}`).join(', ')}.`,
          );
          lines.push('');
        }
        lines.push(`CPU profile: ${ms(cpu.busyMs)} busy of ${ms(cpu.sampledMs)} sampled (garbage collection ${ms(cpu.gcMs)}; “(program)” is the browser's native work: style, layout, paint, input).`);
        lines.push('');
        lines.push('| Self time | Total | Function (source) |');
        lines.push('|---|---|---|');
        for (const f of cpu.bySelf.slice(0, 10)) lines.push(`| ${ms(f.selfMs)} | ${ms(f.totalMs)} | \`${f.function}\` |`);
        lines.push('');
        lines.push(`By total time: ${cpu.byTotal.slice(0, 8).map((f) => `\`${f.function}\` ${ms(f.totalMs)}`).join(', ')}.`);
        lines.push('');
        lines.push(`By package or app folder (self time): ${cpu.byModule.slice(0, 8).map((m) => `${m.module} ${ms(m.selfMs)}`).join(', ')}.`);
        lines.push('');
      }
    }
  }

  lines.push('## Targets (reported, not enforced)');
  lines.push('');
  lines.push('| Target | Measured | Met |');
  lines.push('|---|---|---|');
  for (const t of targets) lines.push(`| ${t.name} | ${t.value} | ${t.met ? 'yes' : `**no** (${Math.round(t.by)} ms over)`} |`);
  lines.push('');
  if (checks.length) {
    lines.push('Checks (that the run measured what it says):');
    for (const c of checks) lines.push(`- ${c.ok ? 'ok' : 'FAILED'}: ${c.name}`);
    lines.push('');
  }
  lines.push(`Reproduce: \`${env.command}\` (${env.durationS} s for this run).`);
  lines.push('');
  return lines.join('\n');
}
