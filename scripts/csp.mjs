// Trunk post_build hook (Trunk.toml): gives the staged index.html a strict Content-Security-Policy.
//
// Trunk writes its wasm loader as an inline <script type="module"> (and, under `trunk serve`, an inline
// autoreload script), so the policy allows exactly those scripts by their SHA-256 hashes and nothing else
// inline: no 'unsafe-inline' anywhere. The <meta> goes first in <head>, before anything it governs.
//
// Run by Trunk with TRUNK_STAGING_DIR set; `node scripts/csp.mjs FILE.html` rewrites FILE.html instead.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The policy, one directive a line. 'wasm-unsafe-eval' lets the page compile its own .wasm; connect-src
// cannot be 'none' because the loader fetches that .wasm (and `trunk serve` opens its reload WebSocket).
// A <meta> policy cannot carry frame-ancestors, report-uri or sandbox.
export function policy(scriptHashes) {
  return [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// The sha256-… source of every inline script (a <script> without src), hashed over its exact text as the
// browser will see it (the file is UTF-8).
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push('sha256-' + createHash('sha256').update(m[2], 'utf8').digest('base64'));
  }
  return [...new Set(hashes)];
}

export function withPolicy(html) {
  // Drop a policy a previous run inserted, so running twice gives the same file.
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
  const hashes = inlineScriptHashes(html);
  if (html.includes('{{__TRUNK_ADDRESS__}}')) {
    console.warn(
      "csp.mjs: warning: Trunk's autoreload script is in the page; `trunk serve` rewrites it per request, " +
        'so the policy will block it (Trunk.toml sets [serve] no_autoreload = true to avoid this)',
    );
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes)}">`;
  const head = html.match(/<head\b[^>]*>/i);
  if (!head) throw new Error('csp.mjs: no <head> in the HTML');
  const at = head.index + head[0].length;
  return { html: html.slice(0, at) + '\n' + meta + html.slice(at), hashes };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  let file = process.argv[2];
  if (!file) {
    const staging = process.env.TRUNK_STAGING_DIR;
    if (!staging) {
      console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run by Trunk) and no file was given');
      process.exit(1);
    }
    file = join(staging, 'index.html');
  }
  const { html, hashes } = withPolicy(readFileSync(file, 'utf8'));
  writeFileSync(file, html);
  console.log(`csp.mjs: Content-Security-Policy added to ${file} (${hashes.length} inline script hash(es))`);
}
