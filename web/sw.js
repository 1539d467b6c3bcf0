// Tekser's service worker: after a first visit the app loads and works with the network off.
//
// scripts/service-worker.mjs writes dist/sw.js from this file at build time, putting in BUILD the version (a
// hash of the contents of every file the build ships) and the name and SHA-256 of each of those files.
//
// - install: fetches every file of BUILD (bypassing the browser's HTTP cache), checks each against its
//   SHA-256 — a file of another deployment (a stale CDN copy, a deployment half copied) fails the install,
//   which the browser tries again later — and only then stores them all in the cache "tekser-<version>";
// - activate: deletes the caches of other versions, and takes control of pages that have no worker yet;
// - fetch: a same-origin GET of one of BUILD's files, without a query, is answered from this version's
//   cache; a navigation to the app (`./`, `./index.html`, any fragment) with the cached index.html;
//   anything else goes to the network untouched.
//
// It stores the app's own files only, exactly BUILD's list, fetched at install: nothing is put in a cache
// afterwards, so no response to a request the page makes, and no URL with a query, is ever stored. The
// answers live in the page's memory and the tab's history.state (and a link's fragment, which no request
// carries): they never reach this worker.
//
// No mix of versions: a page is served by the worker of its own version only (see ARCHITECTURE.md, "Offline").
// A new version waits while a page of the old one is open; the old worker and its cache go on serving that
// page's later fetches (another language's texts, the forms' texts, the bundle module). A page tells the
// waiting worker "update" only at a safe point (the index.html script: no interview under way); the worker
// then takes over if that page is the only one open, and the page reloads into the new version.
'use strict';

/** { version, files: { name: base64 SHA-256 } }, filled in by scripts/service-worker.mjs. */
const BUILD = null;

const PREFIX = 'tekser-';
const CACHE = PREFIX + BUILD.version;
const NAMES = Object.keys(BUILD.files);
/** The files' URLs (beside this script) to their names. */
const URLS = new Map(NAMES.map((name) => [new URL(name, self.location).href, name]));
/** The app's own address: a navigation here gets index.html. */
const HOME = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    install().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

async function install() {
  const responses = await Promise.all(NAMES.map(fetchChecked));
  const cache = await caches.open(CACHE);
  await Promise.all(NAMES.map((name, i) => cache.put(new URL(name, self.location).href, responses[i])));
}

/** BUILD's file `name` from the network, as a response to store, if its SHA-256 is this version's. */
async function fetchChecked(name) {
  const response = await fetch(new Request(name, { cache: 'no-cache', credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  if (btoa(String.fromCharCode(...digest)) !== BUILD.files[name]) throw new Error(`${name} is not this version's file`);
  // The body as decoded, with its type only (no Content-Encoding or Content-Length of the transfer).
  return new Response(body, { headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream' } });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const name = cachedName(event.request);
  if (name) event.respondWith(fromCache(name, event.request));
});

/** The name of BUILD's file that answers `request`, or null for the network. */
function cachedName(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.search !== '') return null;
  url.hash = '';
  if (request.mode === 'navigate' && url.href === HOME) return 'index.html';
  return URLS.get(url.href) ?? null;
}

async function fromCache(name, request) {
  const hit = await caches.match(new URL(name, self.location).href, { cacheName: CACHE });
  // Missing only if the browser evicted the cache: the network, as without a worker.
  return hit ?? fetch(request);
}

self.addEventListener('message', (event) => {
  if (event.data === 'version') event.source?.postMessage({ version: BUILD.version });
  else if (event.data === 'update') event.waitUntil(takeOverIfAlone());
});

/** A waiting worker takes over when the page that asks is the only one open (it reloads at once). */
async function takeOverIfAlone() {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  if (pages.length <= 1) await self.skipWaiting();
}
