// Writes FILE.gz (gzip -9) and FILE.br (brotli, best) beside every .html, .js, .wasm, .css and .json file of
// a folder (dist/ by default), for servers that serve precompressed files (nginx gzip_static/brotli_static,
// Caddy `file_server { precompressed br gzip }`, `npx serve`-like tools, tests/e2e/harness.mjs). Run by
// scripts/post-build; the app itself never reads them.
//   node scripts/precompress.mjs [DIR]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KINDS = new Set(['.html', '.js', '.wasm', '.css', '.json']);
const dir = process.argv[2] ?? 'dist';
let n = 0;
for (const name of readdirSync(dir)) {
  const p = join(dir, name);
  // embed.json is configuration a deployment may edit after the build: no stale copy beside it.
  if (!statSync(p).isFile() || !KINDS.has(extname(name)) || name === 'embed.json') continue;
  const body = readFileSync(p);
  writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(`${p}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  n++;
}
console.log(`precompress.mjs: ${n} file(s) in ${dir} written as .gz and .br`);
