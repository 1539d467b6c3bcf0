// Prints the size of every file the app ships (dist/ by default), raw and gzip -9, and totals per kind,
// and fails if the first load — everything the page fetches before a person does anything: the HTML,
// the JS, the WASM, the CSS and one language's texts; not the other languages, nor quotes.json, fetched
// only when a citation is opened, nor the application bundle's module, fetched on Download, nor the service
// worker, the manifest and the icons, fetched once the page has loaded (the developers'
// guide: "the first load stays ≤ 350 KB gzip; heavy parts load only when asked for") — is over the
// budget of 350 KB = 350 000 bytes gzip. The precompressed copies (.gz, .br) beside the files
// (scripts/precompress.mjs) are other encodings of the same files: they are left out.
//   node scripts/dist-sizes.mjs [DIR]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = [];
(function walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (!/\.(gz|br)$/.test(name)) files.push(p);
  }
})(dir);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
const rows = files.map((p) => {
  const body = readFileSync(p);
  return { path: relative(dir, p), kind: extname(p).slice(1) || 'other', raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
});
const width = Math.max(...rows.map((r) => r.path.length), 5);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
for (const r of rows) console.log(`${r.path.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}`);
const kinds = {};
for (const r of rows) {
  kinds[r.kind] ??= { raw: 0, gzip: 0 };
  kinds[r.kind].raw += r.raw;
  kinds[r.kind].gzip += r.gzip;
}
for (const [kind, s] of Object.entries(kinds).sort()) console.log(`${`all .${kind}`.padEnd(width)}  ${kb(s.raw)}  ${kb(s.gzip)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`${'total'.padEnd(width)}  ${kb(total.raw)}  ${kb(total.gzip)}`);
// The page's own files, and the texts of the one language it opens in (the largest of texts-*.json):
// the other languages' texts and quotes.json are fetched only when asked for.
const texts = Math.max(0, ...rows.filter((r) => /^texts-[a-z]+\.json$/.test(r.path)).map((r) => r.gzip));
// The application bundle's module (its worker script, wasm-bindgen glue and WASM) is fetched only when the
// person presses Download (web/src/bundle.rs): reported on its own, not in the first load.
const BUNDLE_MODULE = /^(bundle-worker\.js|tekser-bundle-worker(_bg\.wasm|\.js))$/;
const bundleModule = rows.filter((r) => BUNDLE_MODULE.test(r.path));
// The search beyond a verdict (beyond-worker/): fetched when the results first show (web/src/search.rs).
const BEYOND_MODULE = /^(beyond-worker\.js|tekser-beyond-worker(_bg\.wasm|\.js))$/;
const beyondModule = rows.filter((r) => BEYOND_MODULE.test(r.path));
// What makes the app installable and work offline: the service worker (sw.js, fetched by the browser once
// the page has loaded), the manifest and the icons (fetched when the browser considers installing the app):
// none of them before a person can use the page.
const OFFLINE = /^(sw\.js|manifest\.webmanifest|icons\/.*)$/;
const offline = rows.filter((r) => OFFLINE.test(r.path));
// The map of rules' pages (rules/<service>.<lang>.html, map.css): opened from a link on the results, never
// before.
const RULES_MAP = /^rules\//;
const rulesMap = rows.filter((r) => RULES_MAP.test(r.path));
const firstLoad = rows
  .filter((r) => r.kind !== 'json' && !BUNDLE_MODULE.test(r.path) && !BEYOND_MODULE.test(r.path) && !OFFLINE.test(r.path) && !RULES_MAP.test(r.path))
  .reduce((t, r) => t + r.gzip, 0) + texts;
if (bundleModule.length) {
  const m = bundleModule.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'bundle module (on Download)'.padEnd(width)}  ${kb(m.raw)}  ${kb(m.gzip)}`);
  console.log(`dist-sizes: bundle module ${m.raw} bytes raw, ${m.gzip} bytes gzip, fetched only on Download`);
}
if (offline.length) {
  const o = offline.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const sw = offline.find((r) => r.path === 'sw.js');
  console.log(`${'offline and install (after load)'.padEnd(width)}  ${kb(o.raw)}  ${kb(o.gzip)}`);
  console.log(`dist-sizes: service worker ${sw?.raw ?? 0} bytes raw, ${sw?.gzip ?? 0} bytes gzip; with the manifest and icons ${o.raw} raw, ${o.gzip} gzip, not in the first load`);
}
if (beyondModule.length) {
  const m = beyondModule.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'search module (on the results)'.padEnd(width)}  ${kb(m.raw)}  ${kb(m.gzip)}`);
  console.log(`dist-sizes: search module ${m.raw} bytes raw, ${m.gzip} bytes gzip, fetched when the results first show`);
}
if (rulesMap.length) {
  const m = rulesMap.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  console.log(`${'map of rules (on its link)'.padEnd(width)}  ${kb(m.raw)}  ${kb(m.gzip)}`);
  console.log(`dist-sizes: map of rules ${rulesMap.length} files, ${m.raw} bytes raw, ${m.gzip} bytes gzip, opened only from its link`);
}
console.log(`${'loaded on start (all but .json, one language)'.padEnd(width)}  ${''.padStart(10)}  ${kb(firstLoad)}`);
const BUDGET = 350_000;
if (firstLoad > BUDGET) {
  console.error(`dist-sizes: the first load, ${firstLoad} bytes gzip, is over the budget of ${BUDGET} bytes`);
  process.exit(1);
}
console.log(`dist-sizes: first load ${firstLoad} of ${BUDGET} bytes gzip (budget); with the citations' words fetched on demand, ${total.gzip}`);
