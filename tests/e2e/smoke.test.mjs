// The built app loads under its Content-Security-Policy, renders, is accessible, talks to nobody and
// keeps nothing. Needs dist/ from `trunk build --release` (./scripts/test builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, openApp, screenshot, NOTHING_STORED } from './harness.mjs';

test('the app loads, renders its heading, and stays on its own origin', async (t) => {
  const app = await openApp('/');
  try {
    const { page } = app;

    await t.test('an <h1> renders', async () => {
      const h1 = (await page.locator('h1').first().textContent())?.trim();
      assert.ok(h1, 'the <h1> has text');
      t.diagnostic(`h1: ${h1}`);
    });

    await t.test('the page carries the strict Content-Security-Policy', async () => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const first = await page.evaluate(() => document.head.firstElementChild.outerHTML);
      assert.match(first, /Content-Security-Policy/, 'the policy is the first element of <head>');
    });

    await t.test('no CSP violation, console error or uncaught exception', async () => {
      await app.settle();
      assert.deepEqual(app.cspViolations, []);
      assert.deepEqual(app.consoleErrors, []);
      assert.deepEqual(app.pageErrors, []);
    });

    await t.test('axe-core finds no serious or critical violation', async () => {
      const { violations, serious } = await axeCheck(page);
      for (const v of violations) t.diagnostic(`axe ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
      assert.deepEqual(serious, []);
    });

    await t.test('every request went to the app itself', async () => {
      assert.deepEqual(app.foreignRequests(), []);
      assert.ok(
        app.requests.some((r) => r.url.endsWith('.wasm')),
        'the .wasm was fetched from the app origin',
      );
      t.diagnostic(`requests: ${app.requests.map((r) => new URL(r.url).pathname).join(' ')}`);
    });

    await t.test('nothing is stored: no cookies, local/session storage, IndexedDB, caches, workers', async () => {
      assert.deepEqual(await app.storage(), NOTHING_STORED);
    });

    const file = await screenshot(page, 'smoke-home');
    const { timings } = app;
    t.diagnostic(`screenshot: ${file}`);
    t.diagnostic(
      `timings from navigation start (ms): DOMContentLoaded ${timings.domContentLoaded}, ` +
        `wasm started ${timings.wasmStarted}, <h1> ${timings.ready}, ` +
        `first focusable element ${timings.interactive ?? 'none yet'}`,
    );
    assert.ok(timings.ready !== null && timings.ready < 10_000, `rendered within 10 s (took ${timings.ready} ms)`);
  } finally {
    await app.close();
  }
});
