// Trunk post_build hook (Trunk.toml): gives the staged index.html a strict Content-Security-Policy.
//
// Trunk writes its wasm loader as an inline <script type="module">, so the policy allows exactly the inline
// scripts of the page by their SHA-256 hashes (and likewise any inline <style> element, e.g. from
// `<link data-trunk rel="inline" href="x.css">`) and nothing else inline: no 'unsafe-inline' anywhere, so
// style="…" and onclick="…" attributes are refused. The <meta> goes first in <head>, before anything it
// governs.
//
// Run by Trunk with TRUNK_STAGING_DIR set; `node scripts/csp.mjs FILE.html` rewrites FILE.html instead.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The policy. 'wasm-unsafe-eval' lets the page compile its own .wasm; connect-src
// cannot be 'none' because the loader fetches that .wasm.
// A <meta> policy cannot carry frame-ancestors, report-uri or sandbox.
export function policy(scriptHashes, styleHashes = []) {
  return [
    "default-src 'none'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    // The application bundle's module and the search beyond a verdict run in Web Workers from the site itself
    // (web/bundle-worker.js, web/beyond-worker.js).
    "worker-src 'self'",
    // The web app manifest (manifest.webmanifest, scripts/manifest.mjs), which default-src 'none' would block.
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// The sha256-… sources of every inline <script> (one without src) and every <style> element, each hashed
// over its exact text as the browser will see it (the file is UTF-8).
const sha256 = (text) => 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');

export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) hashes.push(sha256(m[2]));
  }
  return [...new Set(hashes)];
}

export function inlineStyleHashes(html) {
  return [...new Set([...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => sha256(m[1])))];
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
  const styles = inlineStyleHashes(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, styles)}">`;
  const head = html.match(/<head\b[^>]*>/i);
  if (!head) throw new Error('csp.mjs: no <head> in the HTML');
  const at = head.index + head[0].length;
  return { html: html.slice(0, at) + '\n' + meta + html.slice(at), hashes, styles };
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
  const { html, hashes, styles } = withPolicy(readFileSync(file, 'utf8'));
  writeFileSync(file, html);
  console.log(
    `csp.mjs: Content-Security-Policy added to ${file} ` +
      `(hashes of ${hashes.length} inline script(s), ${styles.length} inline style element(s))`,
  );
}
