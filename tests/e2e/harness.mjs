// End-to-end harness for the built app. It builds nothing: it serves the dist/ that `trunk build --release`
// made, on 127.0.0.1 at a free port, and drives Debian's Chromium (/usr/bin/chromium) through
// playwright-core. Each `openApp` gets a fresh browser context (no cookies, no storage) and records every
// request, console message, page error and Content-Security-Policy violation of its page.
//
//   import { after, test } from 'node:test';
//   import { openApp, axeCheck, screenshot, closeAll } from './harness.mjs';
//   after(closeAll);
//   test('…', async () => {
//     const app = await openApp('/');           // waits for the app to render (an <h1> by default)
//     app.page;                                 // the Playwright page
//     app.requests;                             // [{ url, method, type }] in order, including the .wasm
//     app.foreignRequests();                    // those that went to any other origin (should be [])
//     app.consoleErrors; app.pageErrors; app.cspViolations;
//     app.timings;                              // ms from navigation start: see `openApp`
//     await app.storage();                      // cookies, localStorage, sessionStorage, IndexedDB, caches
//     await axeCheck(app.page);                 // axe-core violations
//     await screenshot(app.page, 'home');       // target/e2e-screenshots/home.png
//     await app.close();
//   });
//
// Requests to other origins are also aborted, so a test can never leak anything off the machine.
// The app's service worker (sw.js) is blocked unless a test asks for it (`serviceWorkers: 'allow'`,
// offline.test.mjs): every other test sees each request the page makes reach the server, as on a first
// visit, and nothing in Cache Storage.
// TEKSER_CHROMIUM overrides the browser path, TEKSER_DIST the folder served.
import { after } from 'node:test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = resolve(ROOT, process.env.TEKSER_DIST ?? 'dist');
export const SCREENSHOTS = join(ROOT, 'target', 'e2e-screenshots');
const CHROMIUM = process.env.TEKSER_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** How the harness launches Chromium, for a test that drives it without the app (jslib.test.mjs). */
export const CHROMIUM_LAUNCH = Object.freeze({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Elements a keyboard user can reach: the app is "interactive" when the first of these appears. */
export const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
  'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// --- the static server -----------------------------------------------------------------------------------

/**
 * Serves `dir` on 127.0.0.1 at a free port (scripts/static-server.mjs): paths without an extension get
 * index.html (app routes); the precompressed .br or .gz copy the build wrote is sent when the browser
 * accepts it, as a server that serves precompressed files would. `served` lists every response.
 */
export function serveDist(dir = DIST, options = {}) {
  return serveStatic(dir, options);
}

// --- the browser -----------------------------------------------------------------------------------------

let shared; // { server, browser }, started by the first openApp of this test file

async function harness() {
  if (!shared) {
    shared = (async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run ./scripts/web-tools`);
      const server = await serveDist();
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      return { server, browser };
    })();
  }
  return shared;
}

/** Closes the browser and the server; call it from `after`. */
export async function closeAll() {
  if (!shared) return;
  const { server, browser } = await shared;
  shared = undefined;
  await browser.close();
  await server.close();
}

// Runs in the page before any of its scripts: records CSP violations, the first contentful paint, when the
// wasm app started (Trunk's TrunkApplicationStarted event), and when the ready and the first focusable
// element of the app appeared (the start page pre-rendered into index.html, #prerendered, does not count:
// it works only once the app has replaced it).
function pageProbe({ ready, focusable }) {
  const probe = { csp: [], started: null, ready: null, interactive: null, fcp: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp ??= e.startTime;
  }).observe({ type: 'paint', buffered: true });
  Object.defineProperty(window, '__e2e', { value: probe });
  document.addEventListener('securitypolicyviolation', (e) =>
    probe.csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }),
  );
  addEventListener('TrunkApplicationStarted', () => (probe.started ??= performance.now()));
  const ofApp = (sel) => [...document.querySelectorAll(sel)].some((e) => !e.closest('#prerendered'));
  const look = () => {
    if (probe.ready === null && ofApp(ready)) probe.ready = performance.now();
    if (probe.interactive === null && ofApp(focusable)) probe.interactive = performance.now();
    if (probe.ready !== null && probe.interactive !== null) observer.disconnect();
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * Opens `path` of the app in a fresh browser context and waits until `ready` (a CSS selector, default
 * 'h1') is in the page. Options: `viewport`, `timezoneId` (e.g. 'Asia/Almaty'), `now` (a Date or ISO
 * string: the page's clock is fixed there, for answers that depend on today), `setup` (an async function
 * given { context, page } before the page is opened: network or CPU throttling, routes), `serviceWorkers`
 * ('block', the default, or 'allow': the app's service worker registers and serves), `server` (a
 * `serveDist(dir)` of another folder, instead of dist/). Returns the session:
 *   page, context, url
 *   requests        every request the page made, [{ url, method, type }]
 *   foreignRequests() the ones to another origin (http, https, ws, wss); they were aborted
 *   consoleErrors   console messages of type error (CSP violations are logged here too)
 *   pageErrors      uncaught exceptions
 *   cspViolations   securitypolicyviolation events (read after the page settles: call `settle()`)
 *   timings         ms from navigation start: domContentLoaded, load, wasmStarted (Trunk's loader
 *                   finished), ready (the `ready` selector appeared), interactive (the first focusable
 *                   element appeared; null if none yet), firstContentfulPaint (the browser's FCP)
 *   served()        what the server sent: [{ path, encoding, bytes }] (encoding 'br', 'gzip' or null)
 *   storage()       what the page stored: { cookies, localStorage, sessionStorage, indexedDB, caches,
 *                   serviceWorkers } — all empty for an app that keeps nothing
 *   settle()        refreshes cspViolations and timings
 *   close()
 */
export async function openApp(
  path = '/',
  { ready = 'h1', timeout = 15_000, viewport, now, timezoneId, setup, serviceWorkers = 'block', server: own } = {},
) {
  const started = await harness();
  const { browser } = started;
  const server = own ?? started.server;
  const context = await browser.newContext({
    viewport: viewport ?? { width: 1280, height: 800 },
    timezoneId,
    acceptDownloads: true,
    serviceWorkers,
  });
  // A fixed "today" (Date.now and new Date() only; timers and performance.now() run as usual), so the
  // questions asked before the application date is answered do not depend on the day the tests run.
  if (now) await context.clock.setFixedTime(now);
  await context.addInitScript(pageProbe, { ready, focusable: FOCUSABLE });
  const origin = server.origin;
  const servedBefore = server.served.length;
  const session = {
    context,
    requests: [],
    consoleErrors: [],
    consoleMessages: [],
    pageErrors: [],
    cspViolations: [],
    timings: {},
  };
  // Anything that is not the app's own origin is recorded, then refused.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  session.page = page;
  page.on('request', (r) => session.requests.push({ url: r.url(), method: r.method(), type: r.resourceType() }));
  page.on('websocket', (ws) => session.requests.push({ url: ws.url(), method: 'GET', type: 'websocket' }));
  page.on('console', (m) => {
    session.consoleMessages.push({ type: m.type(), text: m.text() });
    if (m.type() === 'error') session.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => session.pageErrors.push(String(e)));

  if (setup) await setup({ context, page });
  session.url = origin + path;
  await page.goto(session.url, { waitUntil: 'load', timeout });
  await page.waitForSelector(ready, { state: 'attached', timeout });

  session.settle = async () => {
    const { probe, nav } = await page.evaluate(() => {
      // (With a fixed clock, Playwright's fake `performance` has no navigation entry: timings are null.)
      const n = performance.getEntriesByType?.('navigation')?.[0];
      return {
        probe: JSON.parse(JSON.stringify(window.__e2e)),
        nav: { domContentLoaded: n?.domContentLoadedEventEnd, load: n?.loadEventEnd },
      };
    });
    session.cspViolations = probe.csp;
    const ms = (v) => (v === null || v === undefined ? null : Math.round(v));
    session.timings = {
      domContentLoaded: ms(nav.domContentLoaded),
      load: ms(nav.load),
      wasmStarted: ms(probe.started),
      ready: ms(probe.ready),
      interactive: ms(probe.interactive),
      firstContentfulPaint: ms(probe.fcp),
    };
    return session;
  };
  session.foreignRequests = () =>
    session.requests.filter((r) => /^(https?|wss?):/.test(r.url) && new URL(r.url).origin !== origin);
  session.storage = () => storage(page);
  // What the server sent since this session opened: [{ path, encoding ('br', 'gzip' or null), bytes }].
  session.served = () => server.served.slice(servedBefore);
  session.close = () => context.close();
  // Let the loader's promise and any first effects run before the caller looks.
  await page.waitForFunction(() => window.__e2e.started !== null, null, { timeout }).catch(() => {});
  await session.settle();
  return session;
}

/** What `storage()` gives for an app that keeps nothing. */
export const NOTHING_STORED = Object.freeze({
  cookies: [],
  localStorage: [],
  sessionStorage: [],
  indexedDB: [],
  caches: [],
  serviceWorkers: [],
});

/** What the page has stored, in every place a browser keeps data for a site. */
export async function storage(page) {
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));
  return { cookies: (await page.context().cookies()).map((c) => c.name), ...inPage };
}

// --- accessibility ---------------------------------------------------------------------------------------

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource;

/**
 * Runs axe-core on the page and returns { violations, serious }: every violation as
 * { id, impact, help, nodes: [css selector, …] }, and those of impact "serious" or "critical".
 * `context` limits the check (an axe context such as 'main'); `options` are axe.run options.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeCheck(page, { context = null, options = { resultTypes: ['violations'] } } = {}) {
  if (!existsSync(AXE)) throw new Error(`${AXE} is missing: run ./scripts/web-tools`);
  axeSource ??= readFileSync(AXE, 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const raw = await page.evaluate(([ctx, opts]) => window.axe.run(ctx ?? document, opts), [context, options]);
  const violations = raw.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  return { violations, serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

// --- screenshots -----------------------------------------------------------------------------------------

/** Saves a full-page PNG as target/e2e-screenshots/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// Close the browser even if a test file forgets to.
after(closeAll);
