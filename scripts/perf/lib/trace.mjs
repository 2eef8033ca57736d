/**
 * A Chromium performance trace of the page's main thread (devtools.timeline, as the DevTools
 * Performance panel records it), summarised as self time per kind of work: script, style,
 * layout, paint and compositing, garbage collection. The CPU profile shows which functions run;
 * this shows how much of the main thread the browser's own rendering work takes.
 */

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

const BUCKETS = [
  ['gc', /^(MinorGC|MajorGC|V8\.GC|BlinkGC|GCEvent)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet|InvalidateLayout)$/],
  ['layout', /^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections|ComputeIntersections)$/],
  ['paint', /^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|CompositeLayers|ScrollLayer|RasterTask|Decode Image|HitTest)$/],
  ['script', /^(FunctionCall|EventDispatch|RunMicrotasks|TimerFire|FireAnimationFrame|FireIdleCallback|EvaluateScript|v8\.|V8\.|ResizeObserver|XHR|ParseHTML|Animation|RequestAnimationFrame)/],
];
const bucketOf = (name) => BUCKETS.find(([, re]) => re.test(name))?.[0] ?? 'other';

export function startTrace(browser, page) {
  return browser.startTracing(page, { categories: CATEGORIES });
}

/** Stops the trace and summarises the busiest renderer main thread. */
export async function stopTrace(browser) {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8'));
  return summariseTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

export function summariseTrace(events) {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  // The page's renderer: the main thread that ran the most tasks.
  let thread = [];
  for (const list of byThread.values()) {
    const busy = (l) => l.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.dur, 0);
    if (busy(list) > busy(thread)) thread = list;
  }
  if (thread.length === 0) return null;
  thread.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's duration minus the events nested in it. Busy: the top-level tasks.
  const self = new Map();
  const nodes = [];
  const stack = [];
  let busyUs = 0;
  for (const e of thread) {
    const end = e.ts + e.dur;
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent && end <= parent.end + 1) parent.childUs += e.dur;
    else if (!parent) busyUs += e.dur;
    const node = { name: e.name, end, dur: e.dur, childUs: 0 };
    nodes.push(node);
    stack.push(node);
  }
  for (const n of nodes) self.set(n.name, (self.get(n.name) ?? 0) + Math.max(0, n.dur - n.childUs));
  const first = thread[0].ts;
  const last = thread.reduce((m, e) => Math.max(m, e.ts + e.dur), 0);
  const buckets = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0 };
  for (const [name, us] of self) buckets[bucketOf(name)] += us;
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    wallMs: ms(last - first),
    busyMs: ms(busyUs),
    buckets: Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, ms(v)])),
    topSelf: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, us]) => ({ name, ms: ms(us), bucket: bucketOf(name) })),
  };
}
