// Offline and installable (issue 12 §3): the service worker sw.js (web/sw.js, completed at build time by
// scripts/service-worker.mjs) and the manifest.
// - After a first visit the app loads with the network off (the browser offline and the server never asked
//   again), a service is completed, the language switched (its texts from the cache) and a citation opened
//   (quotes.json from the cache).
// - A new deployment (the built folder copied, a file changed, the worker written again) waits while a page
//   of the old version is in the middle of an interview, which goes on getting the old version's files;
//   at "Start again" the new version takes over, the page reloads into it, and the old cache is gone.
// - On a kiosk, after a whole interview and an application prepared and downloaded, Cache Storage holds
//   exactly the build's files, byte for byte, and none of the answers or details typed.
// The harness blocks the worker in every other test file; here it is allowed (`serviceWorkers: 'allow'`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, openApp, screenshot, serveDist } from './harness.mjs';
import { UI, VERDICT, answerAll, chooseLanguage, example, startFor } from './interview.mjs';
import { shippedFiles, writeServiceWorker } from '../../scripts/service-worker.mjs';

const NOW = { now: '2026-03-20T09:00:00+05:00', timezoneId: 'Asia/Almaty' };
const ALLOW = { ...NOW, serviceWorkers: 'allow' };
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('base64');

/** The version written into a page's index.html, and the version of the worker controlling it (or null). */
async function versions(page) {
  return page.evaluate(async () => {
    const page = document.querySelector('script[data-version]')?.dataset.version ?? null;
    const worker = navigator.serviceWorker.controller;
    if (!worker) return { page, worker: null };
    const answer = new Promise((ok) => navigator.serviceWorker.addEventListener('message', (e) => ok(e.data.version), { once: true }));
    worker.postMessage('version');
    return { page, worker: await answer };
  });
}

/** Polls `fn` (which may return a promise) in the page until it gives a truthy value. */
async function until(page, fn, arg, timeout = 60_000) {
  for (const end = Date.now() + timeout; Date.now() < end; await page.waitForTimeout(250)) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
  }
  throw new Error(`not within ${timeout} ms: ${fn}`);
}

/** Waits until a service worker controls the page (the first one takes control of the page it installs from). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });

/** Every cached response: { cache, url, sha256, found } where found lists the `secrets` its body holds. */
function cacheContents(page, secrets = []) {
  return page.evaluate(async (secrets) => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const bytes = await (await cache.match(request)).arrayBuffer();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        out.push({
          cache: name,
          url: request.url,
          sha256: btoa(String.fromCharCode(...digest)),
          found: secrets.filter((s) => text.includes(s)),
        });
      }
    }
    return out;
  }, secrets);
}

/** What the cache of a build in `dir` must hold, served at `origin`: { url: base64 SHA-256 }. */
function expectedCache(dir, origin) {
  return Object.fromEntries(shippedFiles(dir).map((name) => [`${origin}/${name}`, sha256(readFileSync(join(dir, name)))]));
}

test('after a first visit the app loads and works with the network off', async () => {
  const ex = example('trp');
  const app = await openApp('/', ALLOW);
  const { page, context } = app;
  try {
    await controlled(page);
    const { page: version, worker } = await versions(page);
    assert.match(version, /^[0-9a-f]{16}$/, 'the build wrote its version into index.html');
    assert.equal(worker, version, 'the worker of this build controls the page');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`tekser-${version}`]);
    const origin = new URL(app.url).origin;
    const cached = await cacheContents(page);
    assert.deepEqual(Object.fromEntries(cached.map((c) => [c.url, c.sha256])), expectedCache(DIST, origin), 'every file of the build, as built');
    const manifest = await page.evaluate(() => fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.json()));
    assert.equal(manifest.name, 'Tekser · Тексер');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512') && manifest.icons.some((i) => i.sizes === '192x192'));

    // The network goes: the browser is offline, and the server must not be asked for anything again.
    await context.setOffline(true);
    const servedBefore = app.served().length;
    await page.reload();
    await page.waitForSelector('main h1');
    await page.waitForFunction(() => window.__e2e.started !== null);
    assert.equal((await versions(page)).worker, version);
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en');
    await page.getByRole('button', { name: UI.en.showResults }).click();
    await page.waitForSelector('section.outcome');
    assert.equal(await page.locator('section#s-trp .verdict').innerText(), VERDICT.eligible.en);
    // A citation's words (quotes.json) and another language (texts-ru.json), both first asked for offline.
    await page.evaluate(() => document.querySelectorAll('section#s-trp details').forEach((d) => (d.open = true)));
    await page.waitForFunction(() => document.querySelectorAll('main details.cite .loading').length === 0, null, { timeout: 10_000 });
    const quoted = await page.locator('section#s-trp details.cite blockquote').first().innerText();
    assert.ok(quoted.length > 20, `the quoted words of a provision: ${quoted}`);
    await chooseLanguage(page, 'ru');
    await page.waitForFunction((v) => document.querySelector('section#s-trp .verdict')?.innerText === v, VERDICT.eligible.ru);
    await screenshot(page, 'offline-results-ru');

    // Only the browser's own check for a new sw.js (on register) may get through: Playwright's offline mode
    // does not cover it; on a network really off it fails, and the page ignores that.
    const reached = app.served().slice(servedBefore).filter((s) => s.path !== '/sw.js');
    assert.deepEqual(reached, [], 'nothing the app asked for reached the server while offline');
    assert.deepEqual(app.pageErrors, []);
    assert.deepEqual(app.consoleErrors, []);
    await app.settle();
    assert.deepEqual(app.cspViolations, []);
  } finally {
    await context.setOffline(false);
    await app.close();
  }
});

test('a new deployment waits while an interview is under way, never mixing versions, then takes over cleanly', async () => {
  const ex = example('trp');
  const dir = mkdtempSync(join(tmpdir(), 'tekser-deploy-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serveDist(dir);
  const app = await openApp('/', { ...ALLOW, server });
  const { page } = app;
  try {
    await controlled(page);
    const a = (await versions(page)).page;
    assert.equal((await versions(page)).worker, a);
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en', { stopAt: 'person.date_of_birth' });

    // Version B: a changed word in the Russian texts, which this page has not loaded yet.
    const textsRu = join(dir, 'texts-ru.json');
    const ru = JSON.parse(readFileSync(textsRu, 'utf8'));
    const titleA = ru['ui.app_title'];
    ru['ui.app_title'] = `${titleA} (B)`;
    writeFileSync(textsRu, JSON.stringify(ru));
    const b = writeServiceWorker(dir).version;
    const pre = spawnSync(process.execPath, [join(ROOT, 'scripts', 'precompress.mjs'), dir], { encoding: 'utf8' });
    assert.equal(pre.status, 0, pre.stderr);
    assert.notEqual(b, a, 'a changed file, a new version');

    // The browser finds B (here at once; by itself on a navigation or the page's hourly check) and installs it
    // beside A; B waits: a page of A is in the middle of an interview.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await until(page, () => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null));
    assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [`tekser-${a}`, `tekser-${b}`].sort());
    await page.evaluate(() => (window.__sameDocument = true));
    await page.waitForTimeout(5_000); // more than two of the page's safe-point checks
    assert.ok(await page.evaluate(() => window.__sameDocument === true), 'no reload in the middle of the interview');

    // The page goes on with A's files, the language it first asks for now included.
    await chooseLanguage(page, 'ru');
    const fetched = await page.evaluate(() => fetch('texts-ru.json').then((r) => r.json()));
    assert.equal(fetched['ui.app_title'], titleA, "A's Russian texts, not B's");
    assert.deepEqual(await versions(page), { page: a, worker: a });
    await answerAll(page, ex.raw, 'ru');
    await page.getByRole('button', { name: UI.ru.showResults }).click();
    await page.waitForSelector('section.outcome');
    assert.equal(await page.locator('section#s-trp .verdict').innerText(), VERDICT.eligible.ru);
    assert.ok(await page.evaluate(() => window.__sameDocument === true));

    // "Start again": a safe point. B takes over, the page reloads into B, A's cache is gone.
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Начать заново' }).click();
    await reloaded;
    await page.waitForSelector('main h1');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a new document');
    await page.waitForFunction((b) => document.querySelector('script[data-version]')?.dataset.version === b, b);
    assert.deepEqual(await versions(page), { page: b, worker: b });
    await page.waitForFunction((t) => document.querySelector('main h1')?.innerText === t, `${titleA} (B)`);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`tekser-${b}`]);
    const cached = await cacheContents(page);
    assert.deepEqual(Object.fromEntries(cached.map((c) => [c.url, c.sha256])), expectedCache(dir, server.origin), "B's files only");
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('on a kiosk the worker is harmless: after a whole interview and a bundle, the caches hold the build and no answer', async () => {
  const ex = example('trp');
  const app = await openApp('/#/start?kiosk=1', { ...ALLOW, viewport: { width: 1080, height: 1920 } });
  const { page } = app;
  // Details a person types, found in no file of the build (and valid where a field is checked).
  const DETAILS = { text: 'Зәуреш Қуанышбекқызы-7319', email: 'zauresh7319@example.kz', phone: '+7 701 731 93 19' };
  const detail = (id) =>
    /iin$|bin$/.test(id) ? '061211600012' : id.endsWith('email') ? DETAILS.email : id.endsWith('phone') ? DETAILS.phone : /sheets|number$/.test(id) ? '12' : `${DETAILS.text} ${id}`;
  try {
    await controlled(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/start'));
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en');
    await page.getByRole('button', { name: UI.en.showResults }).click();
    await page.waitForSelector('section.outcome');

    // "Prepare my application": every text box filled, then Download (the bundle module, from the cache).
    await page.locator('#prepare-trp').click();
    const typed = [];
    for (let n = 0; n < 10; n++) {
      await page.waitForFunction(() => /^#\/(details\/|application)/.test(location.hash));
      if ((await page.evaluate(() => location.hash)).startsWith('#/application')) break;
      for (const id of await page.locator('input[type="text"][id^="detail-"]').evaluateAll((els) => els.map((e) => e.id))) {
        const value = detail(id);
        await page.locator(`#${id}`).fill(value);
        typed.push(value);
      }
      const before = await page.evaluate(() => location.hash);
      await page.locator('form button[type="submit"]').click();
      await page.waitForFunction((h) => location.hash !== h, before);
    }
    assert.ok(typed.length >= 2, `details typed: ${typed.length}`);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('#download-bundle').click()]);
    assert.match(download.suggestedFilename(), /\.zip$/);

    // What was typed: the answers not in any file of the build (as typed and as the pages show them), the details.
    const built = shippedFiles(DIST).map((name) => readFileSync(join(DIST, name)).toString('latin1') + readFileSync(join(DIST, name), 'utf8'));
    const shown = (raw) => [raw, raw.replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3.$2.$1')];
    const answers = [...new Set(Object.values(ex.raw).flatMap(shown))].filter((v) => v.length >= 3 && !built.some((f) => f.includes(v)));
    assert.ok(answers.includes('1994-07-03'), `the date of birth is among the answers looked for: ${answers}`);
    const secrets = [...answers, ...DETAILS.text.split(' '), DETAILS.email, DETAILS.phone];

    // A request with a query, even for a file of the build, goes to the network and is not stored.
    const query = `?person.date_of_birth=${ex.raw['person.date_of_birth']}`;
    const servedBefore = app.served().length;
    for (const url of [`texts-en.json${query}`, `index.html${query}`, `sw.js${query}`]) {
      assert.equal(await page.evaluate((u) => fetch(u).then((r) => r.status), url), 200, url);
    }
    assert.deepEqual(app.served().slice(servedBefore).map((s) => s.path), ['/texts-en.json', '/index.html', '/sw.js'], 'each went to the server');

    const cached = await cacheContents(page, secrets);
    const version = (await versions(page)).page;
    assert.deepEqual([...new Set(cached.map((c) => c.cache))], [`tekser-${version}`]);
    assert.deepEqual(Object.fromEntries(cached.map((c) => [c.url, c.sha256])), expectedCache(DIST, new URL(app.url).origin), 'the build, byte for byte');
    assert.deepEqual(cached.filter((c) => c.found.length), [], 'no answer or detail in any cached response');
    const stored = await app.storage();
    assert.deepEqual({ ...stored, caches: [], serviceWorkers: [] }, { cookies: [], localStorage: [], sessionStorage: [], indexedDB: [], caches: [], serviceWorkers: [] });
    assert.deepEqual(stored.serviceWorkers, [`${new URL(app.url).origin}/`]);
    // Every request that reached the server: a file of the build or the worker itself, with no query.
    const names = new Set(['/', '/sw.js', ...shippedFiles(DIST).map((n) => `/${n}`)]);
    assert.deepEqual(app.served().filter((s) => !names.has(s.path)), []);
    assert.deepEqual(app.pageErrors, []);
  } finally {
    await app.close();
  }
});
