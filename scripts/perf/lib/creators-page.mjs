/**
 * Creator search and table scrolling, measured in one page of the production build:
 * keystroke → updated rows for a few searches, and frame times while the table scrolls.
 *
 * Everything timed here is timed in the page (event timestamps, requestAnimationFrame,
 * PerformanceObserver, Resource Timing), so the CDP round trips of the driver don't count.
 */
import { CHROME_ARGS, CHROME_PATH } from '../../chrome.mjs';
import { chromium } from 'playwright-core';
import { waitFor } from './browser.mjs';

export { CHROME_ARGS, CHROME_PATH };

export const VIEWPORT = { width: 1280, height: 800 };

/** The app's debounce of the search box (useDebouncedValue in creator-search.tsx). */
export const DEBOUNCE_MS = 250;

/** Rows per request of the table (ROWS_PER_REQUEST in creator-table.tsx). */
const ROWS_PER_PAGE = 100;

/** Time between two keys when a whole word is typed: a quick typist, well inside the debounce. */
export const TYPING_DELAY_MS = 80;

/**
 * The searches. `settle`: typed first and left to show its results, so the measured key
 * narrows a search on screen. `type`: typed into the cleared box, key by key, timed from the
 * last key (the debounce restarts at every key). `ime`: each syllable is committed as an input
 * method commits Hangul (an `input` event, no keydown), timed from the last commit.
 */
export const QUERIES = [
  { key: 'narrow', label: '“zach”, then “k”', settle: 'zach', type: 'k' },
  { key: 'niche', label: '“fitness” typed', type: 'fitness' },
  { key: 'korean', label: '“서연” (Korean given name)', type: '서연', ime: true },
  { key: 'none', label: '“xqzjv” (no match)', type: 'xqzjv' },
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS, headless: true });
}

/** Observers installed before any page script runs: long tasks, long animation frames, event timing. */
function installObservers() {
  const perf = { longTasks: [], loafs: [], events: [] };
  Object.defineProperty(window, '__cperf', { value: perf });
  const observe = (type, options, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...options });
    } catch {
      // entry type not supported: that figure stays empty
    }
  };
  observe('longtask', {}, (e) => perf.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', {}, (e) =>
    perf.loafs.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: e.scripts.map((s) => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        url: s.sourceURL,
        char: s.sourceCharPosition,
        fn: s.sourceFunctionName,
        start: s.startTime,
        duration: s.duration,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  observe('event', { durationThreshold: 16 }, (e) =>
    perf.events.push({ name: e.name, interactionId: e.interactionId, startTime: e.startTime, duration: e.duration }),
  );
}

/** Selectors the brief names; a missing one is a broken run. */
const SEL = {
  status: 'p.results__count[role=status]',
  region: '.creator-scroll[role=region]',
  table: '[role=table][aria-label=Creators]',
  pending: '.creator-grid__pending',
};

/** The status line while the whole catalog is listed: "100,022 creators". */
const CATALOG_STATUS = /^[\d,]+ creators$/;


/** In the page: the rows that are on screen in the scroll region, and how many still say "Loading creator…". */
function visibleRows() {
  const region = document.querySelector('.creator-scroll[role=region]');
  if (!region) return null;
  const box = region.getBoundingClientRect();
  let rows = 0;
  let pending = 0;
  for (const row of region.querySelectorAll('.creator-grid__body [role=row]')) {
    const r = row.getBoundingClientRect();
    if (r.bottom <= box.top || r.top >= box.bottom) continue;
    rows += 1;
    if (row.querySelector('.creator-grid__pending')) pending += 1;
  }
  return { rows, pending, scrollTop: region.scrollTop, scrollHeight: region.scrollHeight, clientHeight: region.clientHeight };
}

/** The whole catalog is listed, settled, and every row on screen is loaded. */
async function catalogShown(page) {
  return page.evaluate(
    ({ sel, visibleRowsSrc, pattern }) => {
      const visible = new Function(`return (${visibleRowsSrc})()`);
      const status = document.querySelector(sel.status)?.textContent?.trim() ?? '';
      const v = visible();
      return new RegExp(pattern).test(status) && v !== null && v.rows > 0 && v.pending === 0 ? { status, ...v } : null;
    },
    { sel: SEL, visibleRowsSrc: visibleRows.toString(), pattern: CATALOG_STATUS.source },
  );
}

/**
 * A fresh context (cold cache) at 1280×800 with the CPU throttled `rate`×, the app loaded until
 * the catalog count shows, the search box and the table scrolled into view under the sticky header.
 */
export async function openApp(browser, { url, rate }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(installObservers);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url, { waitUntil: 'load' });
  const status = page.locator(SEL.status);
  await status.waitFor({ timeout: 60_000 }).catch(() => {
    throw new Error(`no ${SEL.status} after loading ${url}`);
  });
  const catalog = await waitFor(page, () => catalogShown(page), { timeoutMs: 60_000, what: 'the catalog count and its first rows' });
  const box = page.getByLabel('Search creators');
  if ((await box.count()) !== 1) throw new Error('no single “Search creators” field');
  const region = page.getByRole('region', { name: 'Creator search results' });
  if ((await region.count()) !== 1) throw new Error('no single “Creator search results” region');
  if ((await page.locator(`${SEL.region} ${SEL.table}`).count()) !== 1) throw new Error(`no ${SEL.table} in the results region`);
  // The filters at the top of the window, just under the sticky app header: the box, the count
  // and the table's first rows are all on screen.
  const placed = await box.evaluate((input) => {
    const filters = input.closest('.filters') ?? input;
    const header = document.querySelector('header');
    const headerBottom = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    filters.scrollIntoView({ block: 'start' });
    window.scrollBy(0, filters.getBoundingClientRect().top - headerBottom - 8);
    const region = document.querySelector('.creator-scroll[role=region]').getBoundingClientRect();
    const f = filters.getBoundingClientRect();
    return {
      boxTop: Math.round(input.getBoundingClientRect().top),
      regionTop: Math.round(region.top),
      regionBottom: Math.round(region.bottom),
      regionWidth: Math.round(region.width),
      onScreen: f.top >= headerBottom && region.top < innerHeight,
      layout: document.querySelector('[role=table][aria-label=Creators]').className,
    };
  });
  if (!placed.onScreen) throw new Error(`could not scroll the search box and table into view (${JSON.stringify(placed)})`);
  await quiet(page, 500);
  return { context, page, cdp, errors, catalog, placed };
}

/** Waits until no long task has run for `ms` (and at least `ms` from now). */
async function quiet(page, ms) {
  const from = await page.evaluate(() => performance.now());
  await waitFor(
    page,
    () =>
      page.evaluate(
        ({ from, ms }) => {
          const last = window.__cperf.longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
          return performance.now() - Math.max(from, last) >= ms;
        },
        { from, ms },
      ),
    { timeoutMs: 30_000, intervalMs: 100, what: 'a quiet main thread' },
  );
}

/** Empties the search box and waits for the whole catalog to be listed again. */
async function clearSearch(page) {
  const box = page.getByLabel('Search creators');
  if ((await box.inputValue()) !== '') {
    await box.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
  }
  await waitFor(page, () => catalogShown(page), { timeoutMs: 15_000, what: 'the whole catalog after clearing the search' });
  await quiet(page, 300);
}

/** Types `text`: key presses, or (ime) one committed input per character. */
async function typeText(page, text, { ime, delayMs }) {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (ime) await page.keyboard.insertText(chars[i]);
    else await page.keyboard.press(chars[i]);
    if (i < chars.length - 1) await page.waitForTimeout(delayMs);
  }
}

/** The settled status line a search must show, e.g. "1 creator matches “zachk”". */
function expectedStatus(q, total) {
  const n = total.toLocaleString('en-US');
  return `${n} ${total === 1 ? 'creator matches' : 'creators match'} “${q}”`;
}

/**
 * In the page: watches the Creators section from now on. Records every keydown and input, when
 * "Searching…" first shows, the first DOM change after which the status line reads `status`
 * and the table's first row is `@handle` (or, with no match, the empty state is shown), and the
 * second animation frame after it: that frame was presented.
 */
function armSearch({ q, status, firstHandle }) {
  const section = document.querySelector('#creators') ?? document.body;
  const s = { keydowns: [], inputs: [], searchingAt: null, doneAt: null, paintedAt: null, mutations: 0, alreadyDone: false };
  Object.defineProperty(window, '__search', { value: s, configurable: true });
  const onKey = (e) => s.keydowns.push(e.timeStamp);
  const onInput = (e) => s.inputs.push(e.timeStamp);
  addEventListener('keydown', onKey, true);
  addEventListener('input', onInput, true);
  const done = () => {
    const text = (document.querySelector('p.results__count[role=status]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (s.searchingAt === null && text === 'Searching…') s.searchingAt = performance.now();
    if (text !== status) return false;
    if (firstHandle === null) {
      const empty = document.querySelector('.results .state--empty');
      return Boolean(empty && !document.querySelector('.creator-scroll') && empty.textContent.includes(`No creators match “${q}”`));
    }
    const first = document.querySelector('.creator-scroll .creator-grid__body [role=row][aria-rowindex="2"]');
    return Boolean(first?.querySelector(`[aria-label="View @${firstHandle}"]`));
  };
  s.alreadyDone = done();
  const observer = new MutationObserver(() => {
    s.mutations += 1;
    if (s.doneAt !== null || !done()) return;
    s.doneAt = performance.now();
    observer.disconnect();
    removeEventListener('keydown', onKey, true);
    removeEventListener('input', onInput, true);
    // The first frame callback runs before the paint that shows the change; the second after it.
    requestAnimationFrame(() => requestAnimationFrame(() => (s.paintedAt = performance.now())));
  });
  observer.observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
}

/**
 * One search: clears the box, types the query's `settle` part (if any) and waits for its
 * results, then types the measured part and times the last key to the painted new results.
 * `expected`: { total, firstHandle } from the API itself, so the rows are checked, not guessed.
 */
export async function measureSearch(page, query, expected, hooks = {}) {
  await clearSearch(page);
  const box = page.getByLabel('Search creators');
  await box.focus();
  if (query.settle) {
    await typeText(page, query.settle, { ime: false, delayMs: TYPING_DELAY_MS });
    const want = expectedStatus(query.settle, expected.settleTotal);
    await waitFor(
      page,
      () => page.evaluate(({ sel, want }) => document.querySelector(sel)?.textContent?.trim() === want, { sel: SEL.status, want }),
      { timeoutMs: 15_000, what: `the results for “${query.settle}”` },
    );
    await quiet(page, 300);
  }
  const q = `${query.settle ?? ''}${query.type}`;
  const status = expectedStatus(q, expected.total);
  await page.evaluate(armSearch, { q, status, firstHandle: expected.firstHandle });
  if (await page.evaluate(() => window.__search.alreadyDone)) throw new Error(`“${q}”: the results were on screen before typing`);
  const marks = await page.evaluate(() => ({ resources: performance.getEntriesByType('resource').length, events: window.__cperf.events.length }));
  await hooks.start?.();
  await typeText(page, query.type, { ime: Boolean(query.ime), delayMs: TYPING_DELAY_MS });
  const s = await waitFor(page, () => page.evaluate(() => (window.__search.paintedAt !== null ? window.__search : null)), {
    timeoutMs: 20_000,
    what: `the results for “${q}” (status “${status}”${expected.firstHandle ? `, first row @${expected.firstHandle}` : ', empty state'})`,
  });
  await hooks.stop?.();
  const detail = await page.evaluate(
    ({ marks, q }) => {
      const resources = performance
        .getEntriesByType('resource')
        .slice(marks.resources)
        .filter((e) => e.name.includes('/api/creators?'))
        .map((e) => {
          const u = new URL(e.name);
          return {
            q: u.searchParams.get('q'),
            page: Number(u.searchParams.get('page')),
            startTime: e.startTime,
            requestStart: e.requestStart,
            responseStart: e.responseStart,
            responseEnd: e.responseEnd,
          };
        });
      const events = window.__cperf.events.slice(marks.events);
      return { resources: resources.filter((r) => r.q === q), otherRequests: resources.filter((r) => r.q !== q).length, events, value: document.querySelector('input[type=search]')?.value };
    },
    { marks, q },
  );
  if (detail.value !== q) throw new Error(`the search box reads “${detail.value}”, not “${q}”`);
  const lastKey = query.ime ? null : (s.keydowns.at(-1) ?? null);
  const lastInput = s.inputs.at(-1) ?? null;
  const start = lastKey ?? lastInput;
  if (start === null) throw new Error(`“${q}”: no keydown or input event seen`);
  const fetch = detail.resources.filter((r) => r.page === 1 && r.startTime >= start).sort((a, b) => a.startTime - b.startTime)[0] ?? null;
  const loafs = await page.evaluate(({ from, to }) => window.__cperf.loafs.filter((l) => l.start + l.duration > from && l.start < to), { from: start, to: s.paintedAt });
  const keyEvents = detail.events.filter((e) => e.startTime >= start - 1 && e.interactionId > 0);
  const painted = s.paintedAt - start;
  return {
    q,
    startedBy: lastKey !== null ? 'keydown' : 'input',
    keys: s.keydowns.length,
    inputs: s.inputs.length,
    keyToRowsMs: painted,
    afterDebounceMs: painted - DEBOUNCE_MS,
    searchingShownMs: s.searchingAt === null ? null : s.searchingAt - start,
    // The split: the debounce (and the render that starts the fetch), the request (network and
    // the Node handler), then the response parsed, rendered and presented.
    split: fetch
      ? {
          debounceMs: fetch.startTime - start,
          requestMs: fetch.responseEnd - fetch.startTime,
          serverMs: fetch.responseStart - fetch.requestStart,
          renderMs: s.paintedAt - fetch.responseEnd,
        }
      : null,
    requests: detail.resources.length,
    otherRequests: detail.otherRequests,
    keyInpMs: keyEvents.length ? Math.max(...keyEvents.map((e) => e.duration)) : null,
    longFrames: loafs.map((l) => ({ start: l.start - start, duration: l.duration, blocking: l.blocking })),
    expected,
  };
}

/** In the page: frame timestamps from requestAnimationFrame until stopped. */
function startFrames() {
  const f = { times: [], running: true, startedAt: performance.now() };
  Object.defineProperty(window, '__frames', { value: f, configurable: true });
  const tick = (t) => {
    f.times.push(t);
    if (f.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** In the page: stops the frame loop; returns the frame deltas and the long frames/tasks in the window. */
function stopFrames() {
  const f = window.__frames;
  f.running = false;
  const stoppedAt = performance.now();
  const deltas = f.times.slice(1).map((t, i) => t - f.times[i]);
  const inWindow = (start, duration) => start + duration > f.startedAt && start < stoppedAt;
  return {
    deltas,
    startedAt: f.startedAt,
    stoppedAt,
    loafs: window.__cperf.loafs.filter((l) => inWindow(l.start, l.duration)),
    longTasks: window.__cperf.longTasks.filter((t) => inWindow(t.start, t.duration)),
  };
}

/**
 * In the page: which rows of the table are on screen and which of them still say "Loading
 * creator…", kept by an IntersectionObserver (rooted at the scroll region) and a
 * MutationObserver, so reading it never forces a layout (getBoundingClientRect would, and
 * would add layouts of its own to the frames being measured). Listeners hear of every change:
 * 'io' after a frame's intersections were computed, 'mo' when rows or their cells changed.
 */
function watchRows() {
  const region = document.querySelector('.creator-scroll[role=region]');
  const body = region?.querySelector('.creator-grid__body');
  if (!body) throw new Error('no table body to watch');
  if (window.__rowWatch?.body === body) return window.__rowWatch;
  window.__rowWatch?.disconnect();
  const visible = new Set();
  const unknown = new Set();
  const observed = new WeakSet();
  const listeners = new Set();
  const notify = (source) => listeners.forEach((l) => l(source));
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        unknown.delete(e.target);
        if (e.isIntersecting) visible.add(e.target);
        else visible.delete(e.target);
      }
      notify('io');
    },
    { root: region },
  );
  const watch = (row) => {
    if (observed.has(row)) return;
    observed.add(row);
    unknown.add(row);
    io.observe(row);
  };
  body.querySelectorAll('[role=row]').forEach(watch);
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches('[role=row]')) watch(n);
        n.querySelectorAll('[role=row]').forEach(watch);
      }
    }
    notify('mo');
  });
  mo.observe(body, { childList: true, subtree: true });
  const w = {
    region,
    body,
    listeners,
    /** settled: every row in the page has had its visibility reported. */
    snapshot() {
      for (const r of unknown) if (!r.isConnected) unknown.delete(r);
      for (const r of visible) if (!r.isConnected) visible.delete(r);
      const rows = [...visible];
      return {
        settled: unknown.size === 0,
        rows: rows.length,
        pending: rows.filter((r) => r.querySelector('.creator-grid__pending')).length,
        firstRowOnScreen: rows.length ? Math.min(...rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 1)) : null,
      };
    },
    disconnect() {
      io.disconnect();
      mo.disconnect();
      listeners.clear();
    },
  };
  Object.defineProperty(window, '__rowWatch', { value: w, configurable: true, writable: true });
  return w;
}

/**
 * In the page: the rows on screen when the scroll stopped (the first frame's intersections after
 * it) and the time from the stop until none of them says "Loading creator…", to the second
 * animation frame after that DOM change (the frame that shows the rows). `scrollTo`: first sets
 * the region's scrollTop (a jump), timed from there; else timed from `from`.
 */
function timeUntilLoaded({ watchRowsSrc, timeoutMs, from = null, scrollTo = null }) {
  const w = new Function(`return (${watchRowsSrc})()`)();
  return new Promise((resolve) => {
    let atStop = null;
    let found = false;
    let resolved = false;
    let t0 = from ?? performance.now();
    const finish = (result) => {
      if (resolved) return;
      resolved = true;
      w.listeners.delete(onChange);
      clearTimeout(timer);
      resolve(result);
    };
    function onChange(source) {
      if (found) return;
      const s = w.snapshot();
      if (!s.settled) return;
      // After a jump, the first view of the rows is the first intersection report after it.
      if (atStop === null) {
        if (scrollTo !== null && source !== 'io') return;
        atStop = s;
      }
      if (s.rows > 0 && s.pending === 0) {
        found = true;
        requestAnimationFrame(() => requestAnimationFrame(() => finish({ atStop, loadedMs: performance.now() - t0 })));
      }
    }
    w.listeners.add(onChange);
    const timer = setTimeout(() => finish({ atStop, loadedMs: null, stillPending: w.snapshot().pending }), timeoutMs);
    if (scrollTo !== null) {
      t0 = performance.now();
      w.region.scrollTop = scrollTo;
    } else onChange('now');
  });
}

/** Scrolls the table back to the top and waits for its rows. */
async function toTop(page) {
  await page.evaluate(() => {
    document.querySelector('.creator-scroll[role=region]').scrollTop = 0;
  });
  await waitFor(page, () => catalogShown(page), { timeoutMs: 15_000, what: 'the first rows after scrolling back to the top' });
  await quiet(page, 300);
}

/**
 * Wheel scrolling: a continuous mouse-wheel scroll over the table at `speedPx` px/s for
 * `seconds`, generated by the browser itself (CDP Input.synthesizeScrollGesture, a wheel event
 * every frame: about 100 px per frame at 6,000 px/s), so the pace doesn't depend on the driver.
 * The browser scrolls as for a real wheel; the app renders the rows that come into view.
 */
export async function measureWheel(page, cdp, { seconds, speedPx }, hooks = {}) {
  await clearSearch(page);
  await toTop(page);
  const region = page.getByRole('region', { name: 'Creator search results' });
  const box = await region.boundingBox();
  if (!box) throw new Error('the results region has no box');
  const distance = Math.round(speedPx * seconds);
  await page.evaluate(() => {
    if (!('__wheels' in window)) addEventListener('wheel', () => (window.__wheels += 1), { capture: true, passive: true });
    window.__wheels = 0;
  });
  await page.evaluate(watchRows);
  await hooks.start?.();
  await page.evaluate(startFrames);
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + Math.min(box.height / 2, 200)),
    yDistance: -distance,
    speed: speedPx,
    gestureSourceType: 'mouse',
    preventFling: true,
  });
  const frames = await page.evaluate(stopFrames);
  const loaded = await page.evaluate(timeUntilLoaded, { watchRowsSrc: watchRows.toString(), timeoutMs: 15_000, from: frames.stoppedAt });
  await hooks.stop?.();
  if (loaded.loadedMs === null) throw new Error('rows on screen still loading 15 s after the wheel stopped');
  const { wheels, scrolledPx } = await page.evaluate(() => ({ wheels: window.__wheels, scrolledPx: document.querySelector('.creator-scroll[role=region]').scrollTop }));
  return { kind: 'wheel', speedPx, distance, wheelEvents: wheels, scrolledPx, ...frames, ...loaded };
}

/**
 * Big jumps, as when the scrollbar's thumb is dragged: scrollTop set to row 20,000, 40,000, …
 * and the last row, each once the previous jump's rows have loaded and `pauseMs` more. Frames are recorded over the whole pass; after each
 * jump, the rows on screen still loading and the time until they have all loaded.
 */
export async function measureJumps(page, { jumpRows, pauseMs }, hooks = {}) {
  await clearSearch(page);
  await toTop(page);
  const geometry = await page.evaluate(() => {
    const region = document.querySelector('.creator-scroll[role=region]');
    const table = region.querySelector('[role=table][aria-label=Creators]');
    return {
      total: Number(table.getAttribute('aria-rowcount')) - 1,
      // Where a row is: the body's height over the row count (rows are measured once shown, so
      // the estimate, not the measured height, sets the positions of rows never shown).
      bodyHeight: region.querySelector('.creator-grid__body').offsetHeight,
      scrollHeight: region.scrollHeight,
      clientHeight: region.clientHeight,
    };
  });
  const targets = [];
  // Every `jumpRows` rows, then the last row (instead of a multiple in the last page, so the
  // last jump, too, lands on a page not loaded yet).
  for (let row = jumpRows; row < geometry.total - ROWS_PER_PAGE; row += jumpRows) targets.push(row);
  targets.push(geometry.total - 1);
  await page.evaluate(watchRows);
  await hooks.start?.();
  await page.evaluate(startFrames);
  const jumps = [];
  for (const row of targets) {
    const loaded = await page.evaluate(timeUntilLoaded, {
      watchRowsSrc: watchRows.toString(),
      timeoutMs: 15_000,
      scrollTo: Math.round((row / geometry.total) * geometry.bodyHeight),
    });
    const at = loaded.atStop;
    jumps.push({ row, firstRowOnScreen: at.firstRowOnScreen, pendingAfterFirstFrame: at.pending, rowsOnScreen: at.rows, loadedMs: loaded.loadedMs });
    if (loaded.loadedMs === null) throw new Error(`rows on screen still loading 15 s after the jump to row ${row}`);
    await page.waitForTimeout(pauseMs);
  }
  const frames = await page.evaluate(stopFrames);
  await hooks.stop?.();
  const last = jumps.at(-1);
  return {
    kind: 'jumps',
    jumpRows,
    pauseMs,
    total: geometry.total,
    jumps,
    ...frames,
    atStop: { rows: last.rowsOnScreen, pending: last.pendingAfterFirstFrame },
    loadedMs: last.loadedMs,
  };
}

/** Idle frames for `ms`: how regular the frame loop is with nothing to do (the floor of the figures). */
export async function measureIdle(page, ms) {
  await page.evaluate(startFrames);
  await page.waitForTimeout(ms);
  return page.evaluate(stopFrames);
}

/** The API's own answer for a search (the app's default sort, by fans): total and first handle. */
export async function expectedResults(baseUrl, q) {
  const url = `${baseUrl}/api/creators?${new URLSearchParams({ q, sort: 'fans', page: '1', pageSize: '100' })}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  const body = await res.json();
  return { total: body.total, firstHandle: body.items[0]?.handle ?? null };
}
