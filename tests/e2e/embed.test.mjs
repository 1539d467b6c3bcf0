// Embed mode and the host protocol, version 1 (docs/embedding.md), across origins: the app is served from a
// copy of dist/ on http://127.0.0.1:A with its own embed.json, the example host page (examples/embed/) on a
// second server, B. Opened as http://localhost:B it is on the allow-list; opened as http://127.0.0.1:B it is
// another origin, which is not. The host page frames the app, fits the frame to the app's height messages
// and logs every message the app sends (window.tekserHost.log); the test posts through it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH, DIST, NOTHING_STORED, ROOT, axeCheck, screenshot, serveDist, storage } from './harness.mjs';
import { UI, answerAll, example } from './interview.mjs';

let site; // the copy of dist/ the app is served from
let app; // its server (127.0.0.1:A)
let host; // the example host page's server (B)
let browser;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'tekser-embed-'));
  cpSync(DIST, site, { recursive: true });
  app = await serveDist(site);
  host = await serveDist(join(ROOT, 'examples', 'embed'));
  const hostPort = new URL(host.origin).port;
  // The deployment's allow-list: the host page as localhost, and a stray entry that is not an origin.
  writeFileSync(join(site, 'embed.json'), JSON.stringify({ origins: [`http://localhost:${hostPort}`, 'https://*.example.kz/'] }));
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Opens the host page at `hostOrigin` with the app framed; returns { page, frame, log(), send(), errors }. */
async function openHost(hostOrigin, { lang = 'en', viewport = { width: 1000, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${hostOrigin}/?app=${encodeURIComponent(app.origin + '/')}&lang=${lang}`);
  const frame = page.frameLocator('#tekser');
  const inner = () => page.frames().find((f) => f.url().startsWith(app.origin));
  await frame.locator('main h2').first().waitFor();
  return {
    context,
    page,
    frame: inner(),
    requests,
    errors,
    log: () => page.evaluate(() => window.tekserHost.log.map((m) => JSON.parse(JSON.stringify(m)))),
    send: (m) => page.evaluate((m) => window.tekserHost.send(m), m),
    /** Waits for the next message of `type` after the `since`-th, and returns it. */
    next: async (type, since) => {
      const handle = await page.waitForFunction(
        ([type, since]) => window.tekserHost.log.slice(since).find((m) => m.type === type),
        [type, since],
        { timeout: 10_000 },
      );
      return handle.jsonValue();
    },
    count: () => page.evaluate(() => window.tekserHost.log.length),
  };
}

/** The frame shows its content without a scrollbar of its own: the page is no taller than the frame. */
async function fits(frame) {
  return frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
}

test('embed: ready, no header or footer, the heading under the host page, the frame fitted to the height messages', async () => {
  const h = await openHost(`http://localhost:${new URL(host.origin).port}`);
  try {
    const ready = await h.next('ready', 0);
    assert.equal(ready.tekser, 1);
    assert.equal(ready.lang, 'en');
    assert.match(ready.edition.hash, /^[0-9a-f]{64}$/);
    const { frame, page } = h;
    assert.equal(await frame.locator('header, footer, .skip, nav.langs').count(), 0, 'the host page has its own header and footer');
    assert.equal(await frame.locator('h1').count(), 0, 'the top heading is at the level the host set (h=2)');
    assert.equal(await frame.locator('main h2').first().innerText(), UI.en.appTitle);
    assert.match(await frame.evaluate(() => location.hash), /embed=1/);

    // The height: reported, the frame set to it, and no scrollbar inside.
    const first = await h.next('height', 0);
    assert.ok(first.height > 200, `a start page's height: ${first.height}`);
    await page.waitForFunction((hgt) => document.getElementById('tekser').getBoundingClientRect().height >= hgt, first.height);
    assert.ok(await fits(frame), 'the start page fits its frame');
    const { serious } = await axeCheck(frame);
    assert.deepEqual(serious, [], 'the embedded page is accessible');
    await screenshot(page, 'embed-start-en');
    assert.deepEqual(h.errors, []);
  } finally {
    await h.context.close();
  }
});

test('embed: prefill, the interview from the first open question, the outcome reported at the results, then reset', async () => {
  const h = await openHost(`http://localhost:${new URL(host.origin).port}`, { lang: 'kk' });
  try {
    await h.next('ready', 0);
    const { frame, page } = h;
    const startHeight = (await h.next('height', 0)).height;
    const ex = example('phc');
    // Everything but the application's facts: the app asks those.
    const { application: _asked, ...rest } = JSON.parse(readFileSync(join(ROOT, 'examples', 'phc.json'), 'utf8'));
    let since = await h.count();
    await h.send({ tekser: 1, type: 'prefill', lang: 'en', as_of: '2026-09-01', services: ['phc'], answers: rest });
    await frame.waitForFunction(() => location.hash.startsWith('#/q/application.'));
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en', 'the language the host asked for');
    const hash = await frame.evaluate(() => location.hash);
    assert.ok(!hash.includes('citizen') && !hash.includes('1958'), `no answer in the frame's URL: ${hash}`);
    assert.equal(await frame.evaluate(() => history.state), null, 'nor in its history');
    const asked = await answerAll(frame, ex.raw, 'en');
    assert.deepEqual(asked.sort(), ['application.channel', 'application.date', 'application.within_hours']);
    await frame.getByRole('button', { name: UI.en.showResults }).click();
    await frame.waitForFunction(() => location.hash.startsWith('#/results'));
    const out = await h.next('outcome', since);
    assert.equal(out.tekser, 1);
    assert.equal(out.lang, 'en');
    assert.equal(out.as_of, '2026-09-04', 'the results’ day (the application day given)');
    assert.equal(out.results.length, 1);
    assert.equal(out.results[0].service, 'phc');
    assert.equal(out.results[0].verdict, 'eligible');
    assert.ok(out.results[0].reasons.length > 0 && out.results[0].reasons.every((r) => /^[a-z0-9_.]+$/.test(r.code) && ['met', 'not_met', 'unknown'].includes(r.status)));
    assert.deepEqual(Object.keys(out).sort(), ['as_of', 'edition', 'lang', 'results', 'tekser', 'type']);
    const text = JSON.stringify(out);
    // (A reason's code may name a fact, `phc.campaign_window`; no answer is ever a value.)
    for (const v of ['citizen', '1958-02-17', '061211600012', 'egov_eds', 'campaign', 'self', 'pensioner']) {
      assert.ok(!text.includes(`"${v}"`) && !text.includes('1958'), `no answer leaves the frame: ${v} in ${text}`);
    }

    // The results are taller: the frame grows with them, and still shows no scrollbar.
    await page.waitForFunction((s) => window.tekserHost.log.some((m) => m.type === 'height' && m.height > s + 300), startHeight);
    const last = [...(await h.log())].reverse().find((m) => m.type === 'height');
    await page.waitForFunction((hgt) => Math.round(document.getElementById('tekser').getBoundingClientRect().height) >= hgt, last.height);
    assert.ok(await fits(frame), 'the results fit the frame');
    const heights = (await h.log()).filter((m) => m.type === 'height').map((m) => m.height);
    for (let i = 1; i < heights.length; i++) assert.notEqual(heights[i], heights[i - 1], 'a height is posted only when it changes');
    await screenshot(page, 'embed-results-en');

    // Reset: the start page, nothing kept.
    since = await h.count();
    await h.send({ tekser: 1, type: 'reset' });
    await frame.waitForFunction(() => location.hash.startsWith('#/start'));
    assert.equal(await frame.locator('main h2').first().innerText(), UI.en.appTitle);
    await h.send({ tekser: 1, type: 'prefill', services: ['phc'] });
    await frame.waitForFunction(() => location.hash.startsWith('#/q/person.status'));
    assert.equal(await frame.locator('main form input:checked').count(), 0, 'no earlier answer comes back after reset');
    assert.equal((await h.log()).slice(since).filter((m) => m.type === 'error').length, 0);

    // Nothing stored, nothing sent: the app's own files and the host page only. This Chromium refuses the
    // framed app web storage altogether (third-party storage blocked), and the whole journey ran without it.
    const refused = await frame.evaluate(() => {
      try {
        return localStorage.length < 0;
      } catch {
        return true;
      }
    });
    const { cookies, indexedDB, caches } = refused ? { ...NOTHING_STORED, cookies: await h.context.cookies() } : await storage(frame);
    assert.deepEqual({ cookies, indexedDB, caches }, { cookies: [], indexedDB: [], caches: [] });
    const foreign = h.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith(`http://localhost:${new URL(host.origin).port}`));
    assert.deepEqual(foreign, []);
    assert.deepEqual(h.errors, []);
  } finally {
    await h.context.close();
  }
});

test('embed: malformed, unknown and unsupported messages and bad answers get an error back; nothing is half done', async () => {
  const h = await openHost(`http://localhost:${new URL(host.origin).port}`);
  try {
    await h.next('ready', 0);
    const { frame } = h;
    const refused = async (message, code, field) => {
      const since = await h.count();
      await h.send(message);
      const e = await h.next('error', since);
      assert.equal(e.code, code, JSON.stringify(e));
      assert.equal(e.field, field, JSON.stringify(e));
      assert.equal(e.tekser, 1);
      assert.ok(e.message.length > 0);
      return e;
    };
    await refused('prefill', 'malformed', undefined);
    await refused({ type: 'prefill' }, 'malformed', 'tekser');
    await refused({ tekser: 2, type: 'prefill' }, 'unsupported_version', 'tekser');
    const unknown = await refused({ tekser: 1, type: 'submit' }, 'unknown_type', 'type');
    assert.equal(unknown.in_reply_to, 'submit');
    await refused({ tekser: 1, type: 'prefill', lang: 'de', services: ['phc'] }, 'bad_value', 'lang');
    await refused({ tekser: 1, type: 'prefill', as_of: '2026-02-30' }, 'bad_value', 'as_of');
    await refused({ tekser: 1, type: 'prefill', answers: { person: { status: 'citizen' }, details: { applicant: { full_name: 'A' } } } }, 'details_refused', 'answers.details');
    assert.match(await frame.evaluate(() => location.hash), /^#\/start/, 'a refused message changes nothing');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');

    // Answers that cannot be used are applied as a file's are, shown on "Check your answers", and named.
    const e = await refused(
      { tekser: 1, type: 'prefill', services: ['phc'], answers: { person: { status: 'citizen', date_of_birth: '1990-02-30' }, phc: { shoe: 1 } } },
      'invalid_answers',
      'person.date_of_birth',
    );
    assert.deepEqual(e.problems.map((p) => p.field), ['person.date_of_birth', 'phc.shoe']);
    assert.ok(e.problems.every((p) => p.message.length > 0 && !/input_error|ui\./.test(p.message)), JSON.stringify(e.problems));
    await frame.waitForFunction(() => location.hash.startsWith('#/check'));
    const summary = await frame.locator('.error-summary').innerText();
    assert.ok(summary.includes('Date of birth'), summary);
    assert.deepEqual(h.errors, []);
  } finally {
    await h.context.close();
  }
});

test('embed: a page on an origin not on the allow-list is ignored: no ready, no answer, no change', async () => {
  const h = await openHost(host.origin); // http://127.0.0.1:B: the same page, another origin
  try {
    const { frame, page } = h;
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    await h.send({ tekser: 1, type: 'prefill', services: ['phc'], answers: { person: { status: 'citizen' } } });
    await h.send({ tekser: 1, type: 'submit' });
    await page.waitForTimeout(1500);
    assert.deepEqual(await h.log(), [], 'nothing is posted to a page not on the list, not even an error');
    assert.match(await frame.evaluate(() => location.hash), /^#\/start/, 'its prefill is not applied');
    // The app still works as a plain embedded page.
    await frame.getByLabel('Attachment to a primary health care organisation', { exact: false }).first().check();
    await frame.getByRole('button', { name: UI.en.start }).click();
    await frame.waitForFunction(() => location.hash.startsWith('#/q/'));
    assert.deepEqual(h.errors, []);
  } finally {
    await h.context.close();
  }
});

test('embed: answers in the URL keep working with the same field paths, and leave it at once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.origin}/#/check?embed=1&lang=en&s=phc&person.status=citizen&person.date_of_birth=1958-02-17`);
    await page.waitForFunction(() => location.hash.startsWith('#/check') && !location.hash.includes('citizen'));
    assert.equal(await page.locator('h1').count(), 1, 'h=1 unless the host sets it');
    assert.equal(await page.locator('header, footer').count(), 0);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('17 February 1958'), text);
    assert.equal(await page.evaluate(() => history.state), null);
  } finally {
    await context.close();
  }
});
