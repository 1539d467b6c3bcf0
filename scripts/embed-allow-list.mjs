// Writes the allow-list of embed mode (docs/embedding.md): DIR/embed.json, {"origins": [...]}, the origins of
// the pages that may send the app messages and receive its own when they show it in an <iframe>. Deployment
// configuration, never a query parameter: run by scripts/post-build with the build setting
// TEKSER_EMBED_ORIGINS (origins separated by spaces or commas, e.g. "https://egov.kz https://www.egov.kz");
// unset or empty, the list is empty and every message is ignored. A deployment may also write DIR/embed.json
// itself after the build (it has no precompressed copy, so the server sends the file as edited).
// Each origin must be exact (scheme, host, port; no path, no wildcard): anything else stops the build.
//   node scripts/embed-allow-list.mjs [DIR]      (dist/ by default)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The origins of `setting`, each checked; throws on one that is not an exact http(s) origin. */
export function origins(setting = '') {
  const list = setting.split(/[\s,]+/).filter(Boolean);
  for (const o of list) {
    let url;
    try {
      url = new URL(o);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o) {
      throw new Error(`embed-allow-list.mjs: "${o}" is not an origin (https://host or https://host:port, no path or slash)`);
    }
  }
  return [...new Set(list)];
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const list = origins(process.env.TEKSER_EMBED_ORIGINS);
writeFileSync(join(dir, 'embed.json'), JSON.stringify({ origins: list }, null, 2) + '\n');
console.log(`embed-allow-list.mjs: ${join(dir, 'embed.json')} allows ${list.length ? list.join(', ') : 'no origin (embed messages ignored)'}`);
