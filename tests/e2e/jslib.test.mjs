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

    // All four at once, in Kazakh, on the file's own application day.
    await page.fill('#answers', readFileSync(join(ROOT, 'examples/all-four.json'), 'utf8'));
    await page.fill('#as-of', '');
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
    // A batch is every example ten times; the time per call is the batch's time over its 40 calls
    // (performance.now() is coarsened in a page without cross-origin isolation: 100 µs steps).
    const { times, outcomes } = await page.evaluate(async (examples) => {
      const { evaluate } = await import('./tekser/tekser.js');
      const batch = () => {
        const t = performance.now();
        for (let i = 0; i < 10; i++) for (const a of examples) evaluate(a);
        return (performance.now() - t) / (10 * examples.length);
      };
      for (let i = 0; i < 5; i++) batch();
      const times = Array.from({ length: 50 }, batch).sort((a, b) => a - b);
      return { times, outcomes: examples.map((a) => evaluate(a).outcomes.length) };
    }, examples);
    const median = times[times.length >> 1];
    assert.deepEqual(outcomes, [1, 1, 1, 1]);
    assert.ok(median > 0 && Number.isFinite(median));
    console.log(`evaluate in Chromium ${browser.version()}: median ${(median * 1000).toFixed(0)} µs per call (50 batches of 40 calls over the four examples, each on its application day; fastest batch ${(times[0] * 1000).toFixed(0)} µs, slowest ${(times.at(-1) * 1000).toFixed(0)} µs per call)`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
