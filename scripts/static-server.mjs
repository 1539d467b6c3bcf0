// A static server for the built site (dist/): what the browser tests use (tests/e2e/harness.mjs) and what
// `TEKSER_SERVE_DIST=1 ./scripts/serve` runs. Paths without an extension get index.html (app routes). When the
// browser accepts it and the build wrote one (scripts/precompress.mjs), the brotli (FILE.br) or gzip (FILE.gz)
// copy is sent with its Content-Encoding; otherwise the file as it is.
//   node scripts/static-server.mjs [DIR] [PORT]      (127.0.0.1, port 8080 by default)
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The encodings tried, best first: [Content-Encoding, file suffix]. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/**
 * Serves `dir` on 127.0.0.1 (`port` 0: a free one). Returns { origin, close, served }, where `served` lists
 * every response as { path, encoding, bytes } (bytes as sent).
 */
export async function serveStatic(dir, { port = 0, compress = true } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first (./scripts/test does)`);
  }
  const root = resolve(dir);
  const served = [];
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      else if (!info && extname(pathname) === '') file = join(root, 'index.html');
      const accepted = String(req.headers['accept-encoding'] ?? '');
      let body;
      let encoding = null;
      for (const [name, suffix] of compress ? ENCODINGS : []) {
        if (!new RegExp(`\\b${name}\\b`).test(accepted)) continue;
        body = await readFile(file + suffix).catch(() => null);
        if (body) {
          encoding = name;
          break;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      served.push({ path: pathname, encoding, bytes: body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end(String(err.code ?? err));
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    served,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { origin } = await serveStatic(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 8080) });
  console.log(`static-server.mjs: serving ${process.argv[2] ?? 'dist'} on ${origin} (brotli and gzip where precompressed)`);
}
