// Writes the service worker of a built site (dist/ by default): DIR/sw.js from web/sw.js, with the exact
// list of the files DIR ships and a version derived from their contents, and puts that version in
// index.html (the data-version of its service-worker script). Run by scripts/post-build on the staged
// site, after every other file is written and before the precompressed copies; running it again on a
// changed folder (tests/e2e/offline.test.mjs "deploys" that way) gives the new version.
//
// The files: every file of DIR but sw.js itself, hidden ones and the .gz/.br copies (scripts/precompress.mjs), which
// are other encodings of the same files — the hashed WASM and JS, index.html, texts-*.json,
// texts-*-forms.json, quotes.json, the bundle module's files, the manifest and icons.
// The version: the first 16 hex digits of a SHA-256 over web/sw.js and each file's name and SHA-256, with
// index.html's data-version emptied, so the version depends on everything else in index.html (its policy
// included) and a folder gives the same version each time. The data-version attribute is no part of the
// inline script's text, so the Content-Security-Policy's hash of that script does not change with it.
//   node scripts/service-worker.mjs [DIR]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = join(ROOT, 'web', 'sw.js');
/** The attribute that carries the version, on index.html's service-worker script. */
const VERSION_ATTR = /(<script data-version=")[^"]*(")/;
/** The template's line that the build fills in. */
const BUILD_LINE = /^const BUILD = null;$/m;

/** Files the worker does not cache: itself, and the precompressed copies of the others. */
// embed.json is deployment configuration a host may edit after the build (docs/embedding.md): it is never
// cached, so an edit takes effect at once and never fails the worker's install.
export const isShipped = (name) => name !== 'sw.js' && name !== 'embed.json' && !/\.(gz|br)$/.test(name);

/** The files of `dir` the worker caches, as URL paths relative to it, sorted. */
export function shippedFiles(dir) {
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue; // Trunk's .stage folder, while a build runs
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  })(dir);
  return files.filter(isShipped).sort();
}

const sha256 = (bytes, encoding) => createHash('sha256').update(bytes).digest(encoding);

/** Builds DIR/sw.js and sets index.html's version; returns { version, files: { name: base64 SHA-256 } }. */
export function writeServiceWorker(dir) {
  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  if (!VERSION_ATTR.test(index)) throw new Error(`service-worker.mjs: no <script data-version="…"> in ${indexPath}`);
  const template = readFileSync(TEMPLATE, 'utf8');
  if (!BUILD_LINE.test(template)) throw new Error(`service-worker.mjs: no "const BUILD = null;" line in ${TEMPLATE}`);

  const unversioned = index.replace(VERSION_ATTR, '$1$2');
  const names = shippedFiles(dir);
  const body = (name) => (name === 'index.html' ? Buffer.from(unversioned, 'utf8') : readFileSync(join(dir, name)));
  const whole = createHash('sha256').update(template);
  for (const name of names) whole.update(`${name}\0${sha256(body(name), 'hex')}\n`);
  const version = whole.digest('hex').slice(0, 16);

  writeFileSync(indexPath, unversioned.replace(VERSION_ATTR, `$1${version}$2`));
  const files = Object.fromEntries(names.map((name) => [name, sha256(readFileSync(join(dir, name)), 'base64')]));
  const build = { version, files };
  writeFileSync(join(dir, 'sw.js'), template.replace(BUILD_LINE, `const BUILD = ${JSON.stringify(build, null, 2)};`));
  return build;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const { version, files } = writeServiceWorker(dir);
  const bytes = statSync(join(dir, 'sw.js')).size;
  console.log(`service-worker.mjs: ${dir}/sw.js (${bytes} bytes), version ${version}, ${Object.keys(files).length} files cached`);
}
