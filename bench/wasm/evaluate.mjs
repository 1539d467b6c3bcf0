// The rules' time per evaluation in headless Chromium, as the JavaScript library ships them
// (`scripts/js-lib`: the wasm-release build, wasm-opt -Oz). Serves the library's example folder
// (target/js-lib/example, the package in ./tekser/) and Chromium as the browser tests launch it
// (tests/e2e/harness.mjs), then, for each service alone and for all four on the answers of
// examples/all-four.json on 20.03.2026 (as `cargo bench --bench evaluate`):
//   - `benchEvaluate(answers, options, n, reuse)`: n evaluations inside the WebAssembly, the answers read
//     once and no report turned into JavaScript (the rules' own time), each into a new report, and
//     with `reuse` each into the same one (`evaluate_into`, as a search does);
//   - `evaluate(answers, options)` and `evaluate(…, { compact: true })`: one call each, the report
//     turned into JavaScript objects (what a host pays).
// Each is timed in 31 batches (of 2000 evaluations, or 20 calls of evaluate: Chromium's clock is coarse)
// after a warm-up; printed: the median batch's time per call.
//
//   scripts/js-lib && node bench/wasm/evaluate.mjs
//   TEKSER_JS_EXAMPLE=/elsewhere/target/js-lib/example node bench/wasm/evaluate.mjs   (another build)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// As tests/e2e/harness.mjs launches it (that module is a node:test harness, so it is not imported here).
const CHROMIUM_LAUNCH = {
  executablePath: process.env.TEKSER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};
const EXAMPLE = process.env.TEKSER_JS_EXAMPLE ?? join(ROOT, 'target/js-lib/example');
const answers = JSON.parse(readFileSync(join(ROOT, 'examples/all-four.json'), 'utf8'));
const cases = [
  ...['phc', 'medical_licence', 'trp', 'registration'].map((s) => [s, { ...answers, services: [s] }]),
  ['all four', answers],
];

const server = await serveStatic(EXAMPLE);
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.origin}/index.html`);
  const results = await page.evaluate(async (cases) => {
    const lib = await import('./tekser/tekser.js');
    await lib.default();
    const options = { asOf: '2026-03-20' };
    const median = (f, perBatch) => {
      for (let i = 0; i < 5; i++) f();
      const times = Array.from({ length: 31 }, () => {
        const t = performance.now();
        f();
        return (performance.now() - t) / perBatch;
      }).sort((a, b) => a - b);
      return times[times.length >> 1];
    };
    return cases.map(([name, a]) => {
      const n = 2000;
      const rules = median(() => lib.benchEvaluate(a, options, n, false), n);
      const reused = median(() => lib.benchEvaluate(a, options, n, true), n);
      const calls = (o) => () => {
        for (let i = 0; i < 20; i++) lib.evaluate(a, o);
      };
      const full = median(calls(options), 20);
      const compactOptions = { ...options, compact: true };
      const compact = lib.evaluate(a, compactOptions).citations ? median(calls(compactOptions), 20) : NaN;
      return { name, rules, reused, full, compact };
    });
  }, cases);
  const us = (ms) => (Number.isNaN(ms) ? '—' : `${(ms * 1000).toFixed(2)} µs`);
  console.log(`Chromium ${browser.version()}, ${EXAMPLE}: median per call of 31 batches`);
  console.log('| evaluation | rules only, new report | rules only, report reused | evaluate, full report | evaluate, compact |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.name} | ${us(r.rules)} | ${us(r.reused)} | ${us(r.full)} | ${us(r.compact)} |`);
} finally {
  await browser.close();
  await server.close();
}
