/** Turns the perf run's samples into medians, target verdicts and a markdown report. */

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);

/** Median with its range, for a field of the samples (nulls: below the measurement threshold). */
export function stat(samples, pick) {
  const values = samples.map(pick);
  const numbers = values.filter((v) => typeof v === 'number');
  const belowThreshold = values.length - numbers.length;
  // A null counts as lower than any number (for INP it means "under 16 ms"); with an even count
  // and one null in the middle, the higher neighbour is taken (the conservative reading).
  const ordered = values.map((v) => (typeof v === 'number' ? v : -Infinity)).sort((a, b) => a - b);
  const n = ordered.length;
  let mid = null;
  if (n % 2 === 1) mid = ordered[(n - 1) / 2];
  else if (n > 0) {
    const [a, b] = [ordered[n / 2 - 1], ordered[n / 2]];
    mid = a === -Infinity ? b : (a + b) / 2;
  }
  return {
    median: mid === null || mid === -Infinity ? null : mid,
    min: numbers.length ? Math.min(...numbers) : null,
    max: numbers.length ? Math.max(...numbers) : null,
    belowThreshold,
    n: values.length,
  };
}

function cell(s, { threshold } = {}) {
  if (!s || s.n === 0) return '–';
  if (s.median === null) return threshold ? `< ${threshold} ms` : '–';
  const range = s.min !== null && s.max !== null && s.n > 1 ? ` (${Math.round(s.min)}–${Math.round(s.max)}${s.belowThreshold ? `, ${s.belowThreshold}× <${threshold}` : ''})` : '';
  return `${ms(s.median)}${range}`;
}

/** The sample with the median value of a field (the lower middle one for an even count). */
function medianSample(samples, pick) {
  const sorted = [...samples].sort((a, b) => (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

const breakdownCell = (b) =>
  b ? `${Math.round(b.inputDelayMs)} / ${Math.round(b.processingMs)} / ${Math.round(b.presentationMs)} ms` : '–';

/** Medians of every figure, per page and throttling rate. */
export function summarise(timings) {
  const out = {};
  for (const [rate, t] of Object.entries(timings)) {
    out[rate] = {
      app: {
        firstVisit: {
          fcp: stat(t.appFirstVisit, (s) => s.fcpMs),
          lcp: stat(t.appFirstVisit, (s) => s.lcpMs),
          tbt: stat(t.appFirstVisit, (s) => s.tbtMs),
        },
        plan: {
          fcp: stat(t.appPlan, (s) => s.fcpMs),
          lcp: stat(t.appPlan, (s) => s.lcpMs),
          tbt: stat(t.appPlan, (s) => s.tbtMs),
          inp: stat(t.appPlan, (s) => s.edit.inpMs),
          updated: stat(t.appPlan, (s) => s.edit.updatedMs),
          inpBreakdown: medianSample(t.appPlan, (s) => s.edit.inpMs)?.edit.inpBreakdown ?? null,
        },
        planChart: {
          inp: stat(t.appPlanChart ?? [], (s) => s.edit.inpMs),
          updated: stat(t.appPlanChart ?? [], (s) => s.edit.updatedMs),
        },
      },
      baseline: {
        fcp: stat(t.baseline, (s) => s.fcpMs),
        lcp: stat(t.baseline, (s) => s.lcpMs),
        tbt: stat(t.baseline, (s) => s.tbtMs),
        inp: stat(t.baseline, (s) => s.edit.inpMs),
        updated: stat(t.baseline, (s) => s.edit.updatedMs),
        inpBreakdown: medianSample(t.baseline, (s) => s.edit.inpMs)?.edit.inpBreakdown ?? null,
      },
    };
  }
  return out;
}

/** INP below the Event Timing threshold (null) is under 16 ms: it meets any target above that. */
const under = (s, limit) => (s.median === null ? s.n > 0 : s.median < limit);

export function evaluateTargets({ summary, bundle, lighthouse }) {
  const targets = [];
  const t1 = summary['1'];
  const t4 = summary['4'];
  if (t4) {
    const ratio = t4.app.firstVisit.lcp.median / t4.baseline.lcp.median;
    targets.push({ name: 'LCP within 1.2× the minimal page (4× CPU, first visit)', value: `${ratio.toFixed(2)}×`, met: ratio <= 1.2 });
    const planRatio = t4.app.plan.lcp.median / t4.baseline.lcp.median;
    targets.push({ name: 'LCP within 1.2× the minimal page (4× CPU, 100-line-item plan)', value: `${planRatio.toFixed(2)}×`, met: planRatio <= 1.2 });
    targets.push({ name: 'Budget edit INP under 100 ms (4× CPU)', value: cell(t4.app.plan.inp, { threshold: 16 }), met: under(t4.app.plan.inp, 100) });
  }
  if (t1) {
    const ratio = t1.app.firstVisit.lcp.median / t1.baseline.lcp.median;
    targets.push({ name: 'LCP within 1.2× the minimal page (unthrottled, first visit)', value: `${ratio.toFixed(2)}×`, met: ratio <= 1.2 });
    targets.push({ name: 'Budget edit INP under 50 ms (unthrottled)', value: cell(t1.app.plan.inp, { threshold: 16 }), met: under(t1.app.plan.inp, 50) });
    targets.push({ name: 'Budget edit to updated numbers and charts under 100 ms (unthrottled)', value: cell(t1.app.plan.updated), met: under(t1.app.plan.updated, 100) });
    if (t1.app.planChart.updated.n > 0) {
      targets.push({
        name: 'Budget edit to updated numbers and charts under 100 ms, reach chart on screen (unthrottled)',
        value: cell(t1.app.planChart.updated),
        met: under(t1.app.planChart.updated, 100),
      });
    }
  }
  targets.push({ name: 'JavaScript before first paint under 150 KB gzip', value: kb(bundle.app.gzip), met: bundle.app.withinBudget });
  targets.push({ name: 'MSW not in the initial bundle', value: bundle.app.mswFree ? 'not found' : 'FOUND', met: bundle.app.mswFree });
  if (lighthouse) {
    const want = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
    for (const [c, min] of Object.entries(want)) {
      const v = lighthouse.medians[c];
      targets.push({ name: `Lighthouse ${c} ≥ ${min.toFixed(2)} (mobile, median of ${lighthouse.runs.length})`, value: v === null ? '–' : v.toFixed(2), met: v !== null && v >= min });
    }
  }
  return targets;
}

export function toMarkdown(report) {
  const { summary, bundle, lighthouse, targets, environment: env, checks } = report;
  const rates = Object.keys(summary);
  const head = (label) => `| ${label} | ${rates.flatMap((r) => [`Reachplan ${r}× CPU`, `Baseline ${r}× CPU`]).join(' | ')} |`;
  const sep = `|---|${rates.map(() => '---|---|').join('')}`;
  const row = (label, pickApp, pickBase, opts) =>
    `| ${label} | ${rates.map((r) => `${cell(pickApp(summary[r]), opts)} | ${pickBase ? cell(pickBase(summary[r]), opts) : '–'}`).join(' | ')} |`;

  const lines = [];
  lines.push(`# Reachplan performance report`);
  lines.push('');
  lines.push(
    `${env.date} · Chromium ${env.chromium} · ${env.cpu} (${env.cores} cores) · Node ${env.node} · ` +
      `median of ${env.runs} cold loads (min–max), viewport ${env.viewport}, no network throttling, preview server with 120–400 ms mocked API latency.`,
  );
  lines.push('');
  lines.push(head('Measure'));
  lines.push(sep);
  lines.push(row('FCP, first visit', (s) => s.app.firstVisit.fcp, (s) => s.baseline.fcp));
  lines.push(row(`FCP, ${env.lineItems}-line-item plan`, (s) => s.app.plan.fcp, (s) => s.baseline.fcp));
  lines.push(row('LCP, first visit', (s) => s.app.firstVisit.lcp, (s) => s.baseline.lcp));
  lines.push(row(`LCP, ${env.lineItems}-line-item plan`, (s) => s.app.plan.lcp, (s) => s.baseline.lcp));
  lines.push(row('TBT, first visit', (s) => s.app.firstVisit.tbt, (s) => s.baseline.tbt));
  lines.push(row(`TBT, ${env.lineItems}-line-item plan`, (s) => s.app.plan.tbt, (s) => s.baseline.tbt));
  lines.push(row('Budget edit INP', (s) => s.app.plan.inp, (s) => s.baseline.inp, { threshold: 16 }));
  lines.push(
    `| INP split: input delay / event handlers / rendering until presented (median sample) | ${rates
      .map((r) => `${breakdownCell(summary[r].app.plan.inpBreakdown)} | ${breakdownCell(summary[r].baseline.inpBreakdown)}`)
      .join(' | ')} |`,
  );
  lines.push(row('Budget edit → every number and chart painted', (s) => s.app.plan.updated, (s) => s.baseline.updated));
  lines.push(row('Budget edit → every number and chart painted, reach chart on screen', (s) => s.app.planChart.updated, null));
  lines.push('');
  lines.push(
    `The edit: one key press at the end of “${report.edit.label}” (${report.edit.start} → ${report.edit.start}${report.edit.key}) in a plan of ` +
      `${env.lineItems} line items (5 formats, ${env.lineItems - 5} creators); on the baseline, the same key press in its one input. ` +
      `INP is the longest Event Timing entry of the key press (entries under 16 ms are not reported by the browser: “< 16 ms”). ` +
      `“Painted” is from the keydown to the second animation frame after the last DOM change in the results (numbers, charts, table), ` +
      `so it includes any later chart re-render. “Reach chart on screen”: the same edit with the results column scrolled so ` +
      `“Reach and spend over the flight” is in view (blocks out of view skip layout and paint: CSS content-visibility).`,
  );
  lines.push('');
  if (checks.length) {
    lines.push('Checks:');
    for (const c of checks) lines.push(`- ${c.ok ? 'ok' : 'FAILED'}: ${c.name}`);
    lines.push('');
  }

  lines.push('## Bundle');
  lines.push('');
  lines.push('| | Reachplan | Baseline |');
  lines.push('|---|---|---|');
  lines.push(`| JavaScript before first paint (gzip -9) | ${kb(bundle.app.gzip)} (${bundle.app.files.map((f) => f.file).join(', ')}) | ${kb(bundle.baseline.gzip)} |`);
  lines.push(`| CSS before first paint (gzip -9) | ${kb(bundle.app.css.reduce((s, f) => s + f.gzip, 0))} | ${kb(bundle.baseline.css.reduce((s, f) => s + f.gzip, 0))} |`);
  lines.push(`| Lazy chunks (gzip -9) | ${bundle.app.lazy.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') || 'none'} | ${bundle.baseline.lazy.length ? kb(bundle.baseline.lazy.reduce((s, f) => s + f.gzip, 0)) : 'none'} |`);
  lines.push(
    `| MSW in initial JavaScript | ${bundle.app.mswFree ? 'no' : `YES: ${bundle.app.msw.map((m) => `${m.file} (${m.markers.join(', ')})`).join('; ')}`} | ${bundle.baseline.mswFree ? 'no' : 'YES'} |`,
  );
  lines.push('');
  if (bundle.mswSelfTest) {
    lines.push(
      `The MSW check looks for ${bundle.markers.join(', ')}; run on MSW's own browser build (${bundle.mswSelfTest.file}) it finds ${bundle.mswSelfTest.markers.join(', ')}, so it would catch MSW in the bundle.`,
    );
    lines.push('');
  }

  if (lighthouse) {
    lines.push(`## Lighthouse ${lighthouse.version} (mobile, simulated throttling, first visit)`);
    lines.push('');
    lines.push('| Category | Median | Runs | Target |');
    lines.push('|---|---|---|---|');
    const want = { performance: '0.95', accessibility: '1.00', 'best-practices': '1.00' };
    for (const c of Object.keys(lighthouse.medians)) {
      lines.push(`| ${c} | ${lighthouse.medians[c]?.toFixed(2) ?? '–'} | ${lighthouse.runs.map((r) => r.scores[c]?.toFixed(2) ?? '–').join(', ')} | ${want[c]} |`);
    }
    lines.push('');
    const m = lighthouse.metricMedians;
    lines.push(
      `Median metrics: FCP ${ms(m['first-contentful-paint'])}, LCP ${ms(m['largest-contentful-paint'])}, TBT ${ms(m['total-blocking-time'])}, ` +
        `Speed Index ${ms(m['speed-index'])}, CLS ${m['cumulative-layout-shift']?.toFixed(3) ?? '–'}.`,
    );
    if (lighthouse.failingInMedianRun.length) {
      lines.push('');
      lines.push('Audits below full score in the median run:');
      for (const f of lighthouse.failingInMedianRun) lines.push(`- ${f.category}: ${f.title} (${f.score}${f.display ? `, ${f.display}` : ''})`);
    }
    lines.push('');
  } else {
    lines.push('Lighthouse: skipped.');
    lines.push('');
  }

  lines.push('## Targets');
  lines.push('');
  lines.push('| Target | Measured | Met |');
  lines.push('|---|---|---|');
  for (const t of targets) lines.push(`| ${t.name} | ${t.value} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('');
  const lcpEls = [...new Set(report.lcpElements)];
  if (lcpEls.length) {
    lines.push('LCP elements seen: ' + lcpEls.map((e) => `\`${e.replace(/`/g, "'")}\``).join('; ') + '.');
    lines.push('');
  }
  lines.push(`Reproduce: \`${env.command}\` (${env.durationS} s for this run).`);
  lines.push('');
  return lines.join('\n');
}
