// The JavaScript library in Chromium: the example page (examples/js, served with the package beside it
// from target/js-lib/example, which scripts/js-lib assembles) loads the library under a strict
// Content-Security-Policy, shows a verdict for the answers pasted, names the question of a bad answer,
// and raises no page error, console error or CSP violation; and the median time of evaluate over the
// four examples (one per service) in the browser, reported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH, ROOT, serveDist } from './harness.mjs';

const EXAMPLE = join(ROOT, process.env.TEKSER_JS_EXAMPLE ?? 'target/js-lib/example');
let server, browser;
before(async () => {
  server = await serveDist(EXAMPLE);
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page on the example, recording what went wrong. */
async function openExample() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.effectiveDirective} ${e.blockedURI}`)),
  );
  await page.goto(`${server.origin}/index.html`);
  await page.locator('#go:not([disabled])').waitFor({ timeout: 15_000 });
  return { page, problems, close: () => context.close() };
}

const examples = ['phc.json', 'medical-licence.json', 'trp.json', 'registration-astana.json'].map((f) =>
  JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')),
);

test('the example page shows a verdict for a pasted answers file, in the language chosen', async () => {
  const { page, problems, close } = await openExample();
  try {
    await page.fill('#answers', JSON.stringify(examples[0]));
    await page.fill('#as-of', '2026-03-02');
    await page.selectOption('#lang', 'ru');
    await page.click('#go');
    const verdict = page.locator('section[data-service="phc"] .verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'eligible');
    assert.equal((await verdict.textContent()).trim(), await page.evaluate(async () => (await import('./tekser/tekser.js')).text('verdict.eligible', 'ru')));
    assert.match(await page.locator('#result').textContent(), /2026-03-02/);

    // All four at once, in Kazakh.
    await page.fill('#answers', readFileSync(join(ROOT, 'examples/all-four.json'), 'utf8'));
    await page.selectOption('#lang', 'kk');
    await page.click('#go');
    await page.locator('section[data-service="registration"]').waitFor();
    assert.equal(await page.locator('section .verdict').count(), 4);

    // A bad answer: its question named, its field kept.
    await page.fill('#answers', '{"person": {"iin": "123"}}');
    await page.selectOption('#lang', 'en');
    await page.click('#go');
    await page.locator('#result .error').waitFor();
    assert.match(await page.locator('#result .error').textContent(), /person\.iin “What is your IIN\?”: Must be exactly 12 digits/);
    assert.equal(await page.locator('#result').getAttribute('data-field'), 'person.iin');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('evaluate in Chromium: median time per call over the four examples (reported)', async () => {
  const { page, problems, close } = await openExample();
  try {
    const { median, p90, calls, outcomes } = await page.evaluate(async (examples) => {
      const { evaluate } = await import('./tekser/tekser.js');
      const run = () => examples.map((a) => {
        const t = performance.now();
        evaluate(a);
        return performance.now() - t;
      });
      for (let i = 0; i < 20; i++) run();
      const times = Array.from({ length: 100 }, run).flat().sort((a, b) => a - b);
      const outcomes = examples.map((a) => evaluate(a).outcomes.length);
      return { median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], calls: times.length, outcomes };
    }, examples);
    assert.deepEqual(outcomes, [1, 1, 1, 1]);
    assert.ok(median > 0 && Number.isFinite(median));
    // performance.now() is coarsened in the browser (100 µs steps without cross-origin isolation).
    console.log(`evaluate in Chromium ${browser.version()}: median ${(median * 1000).toFixed(0)} µs per call (${calls} calls over the four examples, each on its application day; p90 ${(p90 * 1000).toFixed(0)} µs)`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
