#!/usr/bin/env node
/**
 * What a plan looks like printed: opens a running Reachplan (`npm run preview`, or the dev
 * server) in Chromium and saves the PDF the browser would print and a screenshot of the page in
 * print media at the paper's printable width. Builds nothing.
 *
 *   node scripts/print-preview.mjs <url> [--out artifacts/print] [--paper A4|Letter]
 *                                  [--storage <localStorage key>=<file>]...
 *
 * <url> may be a share link (…/#share=v1.…) to print the plan it carries. --storage writes a
 * file's text into localStorage before the app's first load (e.g. a saved plan), as a returning
 * user's browser would hold it. Prints the PDF's page count; exits 1 when the page shows errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from './chrome.mjs';

/** Printable width in CSS pixels (96 per inch) with print.css's 12 mm margins. */
const PAPER = {
  A4: { widthMm: 210, heightMm: 297 },
  Letter: { widthMm: 215.9, heightMm: 279.4 },
};
const MARGIN_MM = 12;
const px = (mm) => Math.round((mm / 25.4) * 96);

function parseArgs(argv) {
  const args = { url: null, out: 'artifacts/print', paper: 'A4', storage: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--paper') args.paper = argv[++i];
    else if (a === '--storage') {
      const spec = argv[++i] ?? '';
      const eq = spec.indexOf('=');
      if (eq < 1) throw new Error(`--storage needs <key>=<file>, got "${spec}"`);
      args.storage.push([spec.slice(0, eq), readFileSync(spec.slice(eq + 1), 'utf8')]);
    } else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/print-preview.mjs <url> [--out dir] [--paper A4|Letter] [--storage key=file]...');
      process.exit(0);
    } else if (!args.url && !a.startsWith('--')) args.url = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.url) throw new Error('give the URL of a running Reachplan, e.g. http://localhost:4173/');
  if (!(args.paper in PAPER)) throw new Error(`--paper is A4 or Letter, not ${args.paper}`);
  return args;
}

/** Pages in a PDF Chromium wrote: its page objects. */
function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const paper = PAPER[args.paper];
  const printable = { width: px(paper.widthMm - 2 * MARGIN_MM), height: px(paper.heightMm - 2 * MARGIN_MM) };

  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
  const errors = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'America/New_York' });
    if (args.storage.length > 0) {
      await context.addInitScript((entries) => {
        if (sessionStorage.getItem('print-preview-seeded')) return;
        for (const [key, value] of entries) localStorage.setItem(key, value);
        sessionStorage.setItem('print-preview-seeded', '1');
      }, args.storage);
    }
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(args.url, { waitUntil: 'networkidle' });
    // The results are drawn when no loading state is left in them (benchmarks, charts, lazy parts).
    await page.waitForFunction(
      () => {
        const results = document.querySelector('.layout__results');
        return results !== null && results.querySelector('.projections, .state--error, .notice') !== null && results.querySelector('.state--loading') === null;
      },
      undefined,
      { timeout: 30_000 },
    );
    const hasSummary = await page
      .waitForSelector('.print-summary', { state: 'attached', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: printable.width, height: printable.height });
    // Two frames: responsive charts measure their new width, then draw at it.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const screenshot = join(out, 'print.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);

    // page.pdf prints as the browser's dialog would, backgrounds off (the default there too).
    const pdf = await page.pdf({ format: args.paper, printBackground: false, preferCSSPageSize: true, margin: { top: `${MARGIN_MM}mm`, bottom: `${MARGIN_MM}mm`, left: `${MARGIN_MM}mm`, right: `${MARGIN_MM}mm` } });
    const pdfPath = join(out, 'print.pdf');
    writeFileSync(pdfPath, pdf);

    console.log(`print-preview: ${pdfPath} (${args.paper}, ${pdfPageCount(pdf)} page${pdfPageCount(pdf) === 1 ? '' : 's'}), ${screenshot} (${printable.width}×${height} px; one page is ${printable.height} px)`);
    if (!hasSummary) console.log('print-preview: no .print-summary in the page: is PrintSummary mounted?');
    for (const e of errors) console.log(`print-preview: page error: ${e}`);
    process.exitCode = errors.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`print-preview error: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
