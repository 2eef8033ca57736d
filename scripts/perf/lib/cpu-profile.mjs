/**
 * CPU profiles of the page (CDP Profiler) summarised by original function: the build's hidden
 * source maps (`--sourcemap hidden`: written next to the chunks, never referenced or served)
 * turn minified positions back into source files, lines and names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function startProfile(cdp, { intervalUs = 250 } = {}) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Source map v3 `mappings`, decoded: per generated line, [column, source, line, column, name] segments. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const segments = [];
    let generated = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = B64_VALUE.get(c);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generated += values[0];
      if (values.length < 4) continue;
      source += values[1];
      line += values[2];
      column += values[3];
      if (values.length > 4) name += values[4];
      segments.push([generated, source, line, column, values.length > 4 ? name : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Reads and decodes the source maps of a build's chunks on demand. */
function sourceMaps(distDir) {
  const cache = new Map();
  const load = (url) => {
    const m = /\/(assets\/[^/?#]+\.js)/.exec(url);
    if (!m) return null;
    if (!cache.has(m[1])) {
      const file = join(distDir, `${m[1]}.map`);
      if (!existsSync(file)) cache.set(m[1], null);
      else {
        const map = JSON.parse(readFileSync(file, 'utf8'));
        cache.set(m[1], { map, lines: decodeMappings(map.mappings), sourceLines: new Map() });
      }
    }
    return cache.get(m[1]);
  };
  /** The original place of a 0-based generated line/column, with a best guess at its function's name. */
  return (url, line, column) => {
    const sm = load(url);
    const segments = sm?.lines[line];
    if (!segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid][0] <= column) {
        found = segments[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    found ??= segments[0];
    const [, sourceIndex, origLine, origColumn, nameIndex] = found;
    const source = sm.map.sources[sourceIndex] ?? '?';
    let lines = sm.sourceLines.get(sourceIndex);
    if (!lines) {
      lines = (sm.map.sourcesContent?.[sourceIndex] ?? '').split('\n');
      sm.sourceLines.set(sourceIndex, lines);
    }
    return { source: shortSource(source), line: origLine + 1, name: functionNameAt(lines[origLine] ?? '', origColumn) ?? sm.map.names[nameIndex] ?? null };
  };
}

/**
 * Names a script position of a Long Animation Frame entry (`sourceURL` and
 * `sourceCharPosition`, a character offset in the minified chunk): "name source:line".
 */
export function scriptLocator(distDir) {
  const locate = sourceMaps(distDir);
  const lineStarts = new Map();
  return (url, charPosition, fallbackName = '') => {
    const m = /\/(assets\/[^/?#]+\.js)/.exec(url ?? '');
    if (!m || !(charPosition >= 0)) return null;
    if (!lineStarts.has(m[1])) {
      const file = join(distDir, m[1]);
      const starts = [0];
      if (existsSync(file)) {
        const text = readFileSync(file, 'utf8');
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
      }
      lineStarts.set(m[1], starts);
    }
    const starts = lineStarts.get(m[1]);
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= charPosition) line++;
    const at = locate(url, line, charPosition - starts[line]);
    return at ? `${cleanName(at.name) || cleanName(fallbackName) || '(anonymous)'} ${at.source}:${at.line}` : null;
  };
}

/** V8's inferred names of minified code ("getMeasurements.B.key"): the first readable part. */
function cleanName(name) {
  if (!name) return '';
  const parts = name.split('.').filter((p) => p.length > 2);
  return parts[0] ?? name;
}

/** `../../node_modules/react-dom/cjs/x.js` → `react-dom/cjs/x.js`; `../../src/a.ts` → `src/a.ts`. */
function shortSource(source) {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) return source.slice(nm + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '');
}

/** The package (node_modules) or app folder a source belongs to. */
function moduleOf(source) {
  if (source.startsWith('src/') || source.startsWith('mocks/')) return source.split('/').slice(0, 3).join('/').replace(/\.[jt]sx?$/, '');
  const parts = source.split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** A function name declared at (or just before) `column` of a source line. */
function functionNameAt(text, column) {
  const window = text.slice(Math.max(0, column - 80), column + 60);
  const offset = Math.max(0, column - 80);
  const patterns = [
    /function\s*\*?\s*([\w$]+)/g,
    /([\w$]+)\s*[:=]\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*(?::[^=]+)?=>|[\w$]+\s*=>)/g,
    /(?:^|[\s,{;])(?:async\s+|get\s+|set\s+|static\s+)*([\w$]+)\s*\([^()]*\)\s*(?::[^{]+)?\{/g,
  ];
  let best = null;
  for (const re of patterns) {
    for (const m of window.matchAll(re)) {
      const at = offset + m.index;
      if (['if', 'for', 'while', 'switch', 'catch', 'return', 'function'].includes(m[1])) continue;
      // The declaration nearest to the mapped column, at or before it preferred.
      const distance = at <= column ? column - at : 1000 + at - column;
      if (!best || distance < best.distance) best = { name: m[1], distance };
    }
  }
  return best?.name ?? null;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Self and total time per original function, and self time per package or app folder.
 * Sample i lasts until sample i+1 (as DevTools counts it).
 */
export function summariseProfile(profile, { distDir, top = 12 }) {
  const locate = sourceMaps(distDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyCache = new Map();
  const keyOf = (node) => {
    if (keyCache.has(node.id)) return keyCache.get(node.id);
    const cf = node.callFrame;
    let key;
    if (SPECIAL.has(cf.functionName)) key = { key: cf.functionName, module: cf.functionName };
    else if (!cf.url) key = { key: cf.functionName ? `${cf.functionName} (native)` : '(anonymous native)', module: '(browser)' };
    else {
      const at = locate(cf.url, cf.lineNumber, cf.columnNumber);
      if (at) key = { key: `${at.name || cleanName(cf.functionName) || '(anonymous)'} ${at.source}:${at.line}`, module: moduleOf(at.source) };
      else key = { key: `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\/assets\//, 'assets/')}:${cf.lineNumber + 1}`, module: cf.url.replace(/^.*\//, '') };
    }
    keyCache.set(node.id, key);
    return key;
  };

  const self = new Map();
  const total = new Map();
  const modules = new Map();
  let sampled = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    sampled += dt;
    const node = byId.get(samples[i]);
    const { key, module } = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    modules.set(module, (modules.get(module) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id)).key;
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const idle = self.get('(idle)') ?? 0;
  const rows = [...self.entries()]
    .filter(([k]) => !SPECIAL.has(k) || k === '(garbage collector)' || k === '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => ({ function: k, selfMs: round(ms), totalMs: round(total.get(k) ?? ms) }));
  const inclusive = [...total.entries()]
    .filter(([k]) => !SPECIAL.has(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => ({ function: k, totalMs: round(ms), selfMs: round(self.get(k) ?? 0) }));
  return {
    sampledMs: round(sampled),
    busyMs: round(sampled - idle),
    idleMs: round(idle),
    gcMs: round(self.get('(garbage collector)') ?? 0),
    bySelf: rows,
    byTotal: inclusive,
    byModule: [...modules.entries()]
      .filter(([m]) => m !== '(idle)' && m !== '(root)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([module, ms]) => ({ module, selfMs: round(ms) })),
  };
}

const round = (v) => Math.round(v * 10) / 10;
