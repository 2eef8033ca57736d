#!/usr/bin/env node
/**
 * Bundle budget: the JavaScript a browser must load before the first paint of dist/index.html.
 *
 * That is every module script and modulepreload link in the HTML, plus everything they import
 * statically (a module runs only once its static imports are loaded). Dynamic `import()`s are
 * lazy chunks and are not counted. Sizes are gzip level 9, as a server would send them.
 *
 * Fails (exit 1) when the initial JavaScript is over the budget or contains MSW.
 *
 *   node scripts/check-bundle.mjs [--dist dist] [--budget-kb 150] [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_BUDGET_BYTES = 150 * 1024;

/**
 * Strings that only MSW's browser code carries, and that survive minification
 * (identifiers are renamed; these are string literals or the package name).
 */
export const MSW_MARKERS = [
  { name: 'mockServiceWorker', pattern: /mockServiceWorker/ },
  { name: 'setupWorker', pattern: /setupWorker/ },
  { name: 'INTEGRITY_CHECK_REQUEST', pattern: /INTEGRITY_CHECK_REQUEST/ },
  { name: 'MOCKING_ENABLED', pattern: /MOCKING_ENABLED/ },
  { name: 'MOCK_ACTIVATE', pattern: /MOCK_ACTIVATE/ },
  // "msw" as a whole token: the package name, "[MSW]" log prefixes, "msw/..." specifiers.
  { name: 'msw', pattern: /(?:^|[^A-Za-z0-9_$])msw(?:[^A-Za-z0-9_$]|$)/i },
];

/** The MSW markers found in a piece of JavaScript. */
export function findMswMarkers(code) {
  return MSW_MARKERS.filter((m) => m.pattern.test(code)).map((m) => m.name);
}

export function gzipBytes(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

/** Attribute value of one HTML tag, e.g. attr('<script src="/a.js">', 'src'). */
function attr(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** URLs of the scripts the HTML loads before first paint: module and classic scripts, modulepreloads. */
export function initialScriptUrls(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    const type = attr(tag, 'type');
    // async classic scripts don't block the first paint either, but Vite emits none; count them anyway.
    if (src && (type === null || type === 'module' || type === 'text/javascript')) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (href && rel.includes('modulepreload')) urls.push(href);
  }
  return urls;
}

/** Stylesheets linked from the HTML (reported alongside; they block first paint too). */
function stylesheetUrls(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (href && rel.includes('stylesheet')) urls.push(href);
  }
  return urls;
}

function urlToFile(distDir, url) {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return null; // external: not part of the build
  const path = url.split(/[?#]/)[0].replace(/^\//, '');
  return join(distDir, ...path.split('/'));
}

/** Static imports (not dynamic `import()`, not `import.meta`) of one ES module. */
function staticImports(code) {
  const [imports] = parse(code);
  return imports.filter((i) => i.d === -1 && i.n).map((i) => i.n);
}

/**
 * Measures the JavaScript loaded before first paint of `distDir/index.html`.
 * Returns per-file and total raw and gzip sizes, MSW findings, and whether the budget holds.
 */
export async function measureInitialJs({ distDir = join(ROOT, 'dist'), budgetBytes = DEFAULT_BUDGET_BYTES } = {}) {
  await init;
  const htmlPath = join(distDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} not found: run \`npm run build\` first.`);
  const html = readFileSync(htmlPath, 'utf8');

  const queue = [];
  const problems = [];
  for (const url of initialScriptUrls(html)) {
    const file = urlToFile(distDir, url);
    if (file) queue.push(file);
  }
  if (queue.length === 0) problems.push('index.html loads no script: is this a Vite build?');

  const seen = new Map();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(file)) {
      problems.push(`initial script ${relative(distDir, file)} is missing from the build`);
      seen.set(file, null);
      continue;
    }
    const buffer = readFileSync(file);
    const code = buffer.toString('utf8');
    seen.set(file, { bytes: buffer.length, gzip: gzipBytes(buffer), msw: findMswMarkers(code) });
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        queue.push(spec.startsWith('/') ? urlToFile(distDir, spec) : resolve(dirname(file), spec.split(/[?#]/)[0]));
      } else if (!/^[a-z]+:/i.test(spec)) {
        problems.push(`${relative(distDir, file)} imports bare specifier "${spec}", which a browser cannot load`);
      }
    }
  }

  const files = [...seen.entries()]
    .filter(([, v]) => v !== null)
    .map(([file, v]) => ({ file: relative(distDir, file).split(sep).join('/'), ...v }));
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const msw = files.filter((f) => f.msw.length > 0).map((f) => ({ file: f.file, markers: f.msw }));

  const css = stylesheetUrls(html)
    .map((url) => urlToFile(distDir, url))
    .filter((file) => file && existsSync(file))
    .map((file) => ({ file: relative(distDir, file).split(sep).join('/'), gzip: gzipBytes(readFileSync(file)) }));

  // Everything else the build emitted: lazy chunks, loaded after first paint.
  const assetsDir = join(distDir, 'assets');
  const initial = new Set(files.map((f) => f.file));
  const lazy = existsSync(assetsDir)
    ? readdirSync(assetsDir)
        .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
        .map((name) => {
          const buffer = readFileSync(join(assetsDir, name));
          return { file: `assets/${name}`, bytes: buffer.length, gzip: gzipBytes(buffer), msw: findMswMarkers(buffer.toString('utf8')) };
        })
    : [];

  return {
    distDir,
    budgetBytes,
    files,
    bytes,
    gzip,
    css,
    lazy,
    msw,
    problems,
    withinBudget: gzip <= budgetBytes,
    mswFree: msw.length === 0,
    ok: gzip <= budgetBytes && msw.length === 0 && problems.length === 0,
  };
}

/**
 * Shows the MSW check would catch MSW: runs the detector on msw's own browser build.
 * Null when msw is not installed (a production install).
 */
export function mswDetectorSelfTest() {
  const candidates = ['node_modules/msw/lib/browser/index.mjs', 'node_modules/msw/lib/browser/index.js'];
  const file = candidates.map((c) => join(ROOT, c)).find((c) => existsSync(c));
  if (!file) return null;
  const markers = findMswMarkers(readFileSync(file, 'utf8'));
  return { file: relative(ROOT, file).split(sep).join('/'), markers, detects: markers.length > 0 };
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function parseArgs(argv) {
  const args = { dist: join(ROOT, 'dist'), budgetKb: 150, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') args.dist = resolve(argv[++i]);
    else if (a === '--budget-kb') args.budgetKb = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/check-bundle.mjs [--dist dist] [--budget-kb 150] [--json]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isFinite(args.budgetKb) || args.budgetKb <= 0) throw new Error('--budget-kb needs a positive number');
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const r = await measureInitialJs({ distDir: args.dist, budgetBytes: Math.round(args.budgetKb * 1024) });
  if (args.json) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const list = r.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
    const mswText = r.mswFree ? 'no MSW' : `MSW FOUND (${r.msw.map((m) => `${m.file}: ${m.markers.join('/')}`).join('; ')})`;
    console.log(
      `check:bundle ${r.ok ? 'ok' : 'FAIL'}: initial JS ${kb(r.gzip)} gzip of ${kb(r.budgetBytes)} budget ` +
        `(${r.files.length} file${r.files.length === 1 ? '' : 's'}: ${list}); ${mswText}; ` +
        `${r.lazy.length} lazy chunk${r.lazy.length === 1 ? '' : 's'} ${kb(r.lazy.reduce((s, f) => s + f.gzip, 0))} gzip`,
    );
    for (const p of r.problems) console.log(`check:bundle problem: ${p}`);
  }
  process.exitCode = r.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`check:bundle error: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
