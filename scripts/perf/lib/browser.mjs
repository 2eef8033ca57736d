/**
 * Page-load and edit measurements in Chromium, driven by playwright-core.
 *
 * Every load gets a fresh browser context (empty cache and storage). CPU throttling is
 * CDP's Emulation.setCPUThrottlingRate, set before navigation and kept for the edit.
 */
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from '../../chrome.mjs';

export { CHROME_ARGS, CHROME_PATH };

export const VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, headless: true });
}

/** Observers installed before any page script runs: LCP, FCP, long tasks and event timing. */
function installObservers() {
  const perf = {
    lcp: null,
    lcpElement: null,
    fcp: null,
    longTasks: [],
    lastLongTaskEnd: 0,
    events: [],
  };
  Object.defineProperty(window, '__perf', { value: perf });
  const describe = (el) => {
    if (!el) return null;
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${cls}> ${text}`;
  };
  const observe = (type, options, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...options });
    } catch {
      // entry type not supported: that figure stays empty
    }
  };
  observe('largest-contentful-paint', {}, (e) => {
    perf.lcp = e.startTime;
    perf.lcpElement = describe(e.element);
  });
  observe('paint', {}, (e) => {
    if (e.name === 'first-contentful-paint') perf.fcp = e.startTime;
  });
  observe('longtask', {}, (e) => {
    perf.longTasks.push({ start: e.startTime, duration: e.duration });
    perf.lastLongTaskEnd = Math.max(perf.lastLongTaskEnd, e.startTime + e.duration);
  });
  // Every event of 16 ms or more; those with an interactionId count for INP, the others
  // (input, beforeinput) show where the interaction's processing time went.
  observe('event', { durationThreshold: 16 }, (e) => {
    perf.events.push({
      name: e.name,
      interactionId: e.interactionId,
      startTime: e.startTime,
      duration: e.duration,
      processingStart: e.processingStart,
      processingEnd: e.processingEnd,
    });
  });
}

/**
 * What each kind of page has to show before it counts as loaded, what the edit changes, and
 * where its results are. Runs in the page.
 */
function pageProbe(kind) {
  const app = kind !== 'baseline';
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const impressionsDd = () => {
    for (const dt of document.querySelectorAll('dl.metrics dt')) {
      if (text(dt) === 'Impressions') return dt.nextElementSibling;
    }
    return null;
  };
  const ready = app
    ? Boolean(document.querySelector('#projections')) &&
      !document.querySelector('.state--loading') &&
      (kind !== 'app-plan' || (document.querySelectorAll('figure.chart figcaption').length >= 6 && impressionsDd() !== null))
    : Boolean(document.querySelector('output'));
  const numbers = app ? [...document.querySelectorAll('dl.metrics dd:not(.metric__how)')].map(text) : [text(document.querySelector('output'))];
  return {
    ready,
    now: performance.now(),
    impressions: app ? text(impressionsDd()) : text(document.querySelector('output')),
    numbers,
    captions: [...document.querySelectorAll('figure.chart figcaption')].map(text),
    container: app ? '#projections' : 'main',
  };
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export { median };

/** Total blocking time from FCP to the end of the window, as Lighthouse counts it. */
export function totalBlockingTime(longTasks, fcp) {
  let tbt = 0;
  for (const t of longTasks) {
    const end = t.start + t.duration;
    if (fcp !== null && end <= fcp) continue;
    const start = fcp !== null ? Math.max(t.start, fcp) : t.start;
    tbt += Math.max(0, end - start - 50);
  }
  return tbt;
}

/** Polls `predicate` until it returns something truthy, or throws after `timeoutMs`. */
export async function waitFor(page, predicate, { timeoutMs, intervalMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await page.waitForTimeout(intervalMs);
  }
}

/**
 * One cold load: a fresh context, optional localStorage, CPU throttling, then waits until the
 * page shows its content, the network is idle and no long task has run for `quietMs`.
 * Returns the page (still open, still throttled) and LCP/TBT of the load.
 */
async function load(browser, { url, kind, throttle, storage, quietMs }) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    storageState: storage ? { cookies: [], origins: [{ origin: new URL(url).origin, localStorage: [storage] }] } : undefined,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(installObservers);

  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitFor(page, async () => (await page.evaluate(pageProbe, kind)).ready, { timeoutMs: 30_000, what: `${kind} content` });
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
  const readyAt = (await page.evaluate(pageProbe, kind)).now;
  // Quiet: nothing long-running since the content appeared (a short TTI stand-in).
  await waitFor(
    page,
    () => page.evaluate(({ readyAt, quietMs }) => performance.now() - Math.max(readyAt, window.__perf.lastLongTaskEnd) >= quietMs, { readyAt, quietMs }),
    { timeoutMs: 30_000, what: 'a quiet main thread' },
  );
  const perf = await page.evaluate(() => ({ ...window.__perf, now: performance.now() }));
  const sample = {
    lcpMs: perf.lcp,
    lcpElement: perf.lcpElement,
    fcpMs: perf.fcp,
    tbtMs: totalBlockingTime(perf.longTasks, perf.fcp),
    longTasks: perf.longTasks.length,
    longestTaskMs: perf.longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
    errors,
  };
  return { context, page, sample };
}

/** Installs the edit tracker: key/input timestamps, and a paint (double rAF) after every DOM change. */
function installEditTracker(containerSelector) {
  const container = document.querySelector(containerSelector);
  if (!container) throw new Error(`no ${containerSelector} to watch`);
  const figures = [...container.querySelectorAll('figure')];
  const s = {
    keydown: null,
    input: null,
    mutations: 0,
    firstMutation: null,
    lastMutation: null,
    paints: [],
    figureMutations: figures.map(() => 0),
    eventsFrom: window.__perf.events.length,
    container: containerSelector,
  };
  Object.defineProperty(window, '__edit', { value: s, configurable: true });
  addEventListener('keydown', (e) => (s.keydown ??= e.timeStamp), { capture: true });
  addEventListener('input', (e) => (s.input ??= e.timeStamp), { capture: true });
  new MutationObserver((records) => {
    const t = performance.now();
    s.mutations += 1;
    s.firstMutation ??= t;
    s.lastMutation = t;
    const n = s.mutations;
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const i = figures.indexOf(el?.closest('figure'));
      if (i >= 0) s.figureMutations[i] += 1;
    }
    // The first frame callback runs before the paint that shows this change; the second after it.
    requestAnimationFrame(() => requestAnimationFrame(() => s.paints.push({ after: n, at: performance.now() })));
  }).observe(container, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * Edits the budget field with one key press (caret at the end) and measures:
 * INP of the key press (Event Timing, max over its events) and the time from the key press
 * until the paint after the last DOM change the edit caused in the results.
 */
async function edit(page, { kind, label, key, settleMs, inView = null }) {
  let shown = null;
  if (inView) {
    // Scroll the results column (not the page: the caret stays in view) until `inView` is at
    // its top, then let a few frames pass so the block is drawn before the edit.
    shown = await page.evaluate(async (selector) => {
      const el = document.querySelector(selector);
      const column = el?.closest('.layout__results');
      if (!el || !column) return null;
      column.scrollTop += el.getBoundingClientRect().top - column.getBoundingClientRect().top;
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, onScreen: r.top >= 0 && r.bottom <= innerHeight && r.height > 0 };
    }, inView);
    await page.waitForTimeout(300);
  }
  const before = await page.evaluate(pageProbe, kind);
  const input = page.getByLabel(label, { exact: true });
  await input.evaluate((el) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  });
  const valueBefore = await input.inputValue();
  await page.evaluate(installEditTracker, before.container);
  await page.keyboard.press(key);

  const state = await waitFor(
    page,
    async () => {
      const s = await page.evaluate(() => ({ ...window.__edit, now: performance.now() }));
      const lastPaint = s.paints.find((p) => p.after === s.mutations);
      return s.lastMutation !== null && lastPaint && s.now - s.lastMutation >= settleMs ? s : null;
    },
    { timeoutMs: 15_000, what: 'the edit to show and settle (no DOM change at all?)' },
  );
  const after = await page.evaluate(pageProbe, kind);
  const events = await page.evaluate((from) => window.__perf.events.slice(from), state.eventsFrom);
  const start = state.keydown ?? state.input;
  const lastPaint = state.paints.find((p) => p.after === state.mutations);
  const firstPaint = state.paints.find((p) => p.after === 1);
  const interactionEvents = events.filter((e) => e.interactionId > 0);
  const worst = interactionEvents.reduce((w, e) => (w === null || e.duration > w.duration ? e : w), null);
  // The breakdown of the worst interaction: delay before its first handler, time in all handlers
  // of the events that ended in the same frame (keydown, keypress, beforeinput, input...), then
  // rendering until the frame was presented.
  let breakdown = null;
  if (worst) {
    const frameEnd = worst.startTime + worst.duration;
    const sameFrame = events.filter((e) => Math.abs(e.startTime + e.duration - frameEnd) <= 8);
    const firstStart = Math.min(...sameFrame.map((e) => e.processingStart));
    const lastEnd = Math.max(...sameFrame.map((e) => e.processingEnd));
    breakdown = {
      events: [...new Set(sameFrame.map((e) => e.name))],
      inputDelayMs: firstStart - worst.startTime,
      processingMs: lastEnd - firstStart,
      presentationMs: frameEnd - lastEnd,
    };
  }
  const inViewRedrawn = inView
    ? await page.evaluate((selector) => {
        const figures = [...document.querySelector(window.__edit.container).querySelectorAll('figure')];
        return window.__edit.figureMutations[figures.indexOf(document.querySelector(selector))] > 0;
      }, inView)
    : null;
  return {
    inView,
    inViewOnScreen: shown?.onScreen ?? null,
    inViewRedrawn,
    valueBefore,
    valueAfter: await input.inputValue(),
    // null: no event of the interaction reached the 16 ms Event Timing threshold.
    inpMs: worst ? worst.duration : null,
    inpBreakdown: breakdown,
    interactions: new Set(interactionEvents.map((e) => e.interactionId)).size,
    firstChangePaintedMs: firstPaint ? firstPaint.at - start : null,
    updatedMs: lastPaint.at - start,
    keyToInputMs: state.input !== null && state.keydown !== null ? state.input - state.keydown : null,
    mutationBatches: state.mutations,
    impressionsBefore: before.impressions,
    impressionsAfter: after.impressions,
    impressionsChanged: before.impressions !== after.impressions && after.impressions !== '',
    captionsChanged: after.captions.filter((c, i) => c !== before.captions[i]).length,
    charts: after.captions.length,
    chartsRedrawn: state.figureMutations.filter((n) => n > 0).length,
    after,
  };
}

/**
 * Reloads the page (the edited plan is saved) and checks a fresh render shows exactly the
 * numbers and chart captions the edit left on screen.
 */
async function verifyAgainstReload(page, kind, after) {
  await page.reload({ waitUntil: 'load' });
  await waitFor(page, async () => (await page.evaluate(pageProbe, kind)).ready, { timeoutMs: 30_000, what: 'the reloaded page' });
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
  const fresh = await page.evaluate(pageProbe, kind);
  const same = JSON.stringify(fresh.numbers) === JSON.stringify(after.numbers) && JSON.stringify(fresh.captions) === JSON.stringify(after.captions);
  return { same, fresh: { numbers: fresh.numbers, captions: fresh.captions } };
}

/**
 * One cold load of one page at one CPU throttling rate; with `editSpec`, followed by the
 * budget edit (and, with `verify`, a reload that checks the edited results).
 */
export async function measureSample(browser, { url, kind, throttle, storage, editSpec, quietMs = 1000, settleMs = 750, verify = false }) {
  const { context, page, sample } = await load(browser, { url, kind, throttle, storage, quietMs });
  try {
    if (editSpec) {
      const e = await edit(page, { kind, label: editSpec.label, key: editSpec.key, inView: editSpec.inView ?? null, settleMs });
      if (verify) {
        const v = await verifyAgainstReload(page, kind, e.after);
        e.matchesFreshRender = v.same;
        if (!v.same) e.freshRender = v.fresh;
      }
      const { after, ...rest } = e;
      sample.edit = { ...rest, numbers: after.numbers, captions: after.captions };
    }
    return sample;
  } finally {
    await context.close();
  }
}

/** One line of progress for a sample. */
export function describeSample(label, sample) {
  return (
    `${label}: FCP ${fmt(sample.fcpMs)} LCP ${fmt(sample.lcpMs)} TBT ${fmt(sample.tbtMs)}` +
    (sample.edit ? ` | edit INP ${sample.edit.inpMs === null ? '<16 ms' : fmt(sample.edit.inpMs)}, painted ${fmt(sample.edit.updatedMs)}` : '')
  );
}

const fmt = (ms) => (ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`);
