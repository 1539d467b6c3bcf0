// Writes the web app manifest of a built site (dist/ by default): DIR/manifest.webmanifest, which lets a
// browser install the app ("Add to home screen"). Run by scripts/post-build after the texts are written.
//
// Its words come from the app's texts (texts-<lang>.json, `tekser texts`), never written here: the name is
// the app's name in Latin and Cyrillic letters ("Tekser · Тексер", ui.app_name in en and kk), the short
// name the Kazakh one, the description the app's title in kk, ru and en. Its colours are the style sheet's
// (web/style.css: the header bar's --text as the theme, --bg as the background); its icons are the app's
// own (web/icons/, drawn by hand as SVG; the PNGs rendered from it by scripts/icons.mjs).
//   node scripts/manifest.mjs [DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function colour(css, name) {
  const m = css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})\\b`));
  if (!m) throw new Error(`manifest.mjs: no --${name} colour in web/style.css`);
  return m[1];
}

export function manifest(dir) {
  const texts = Object.fromEntries(['kk', 'ru', 'en'].map((l) => [l, JSON.parse(readFileSync(join(dir, `texts-${l}.json`), 'utf8'))]));
  const word = (key, lang) => {
    const w = texts[lang][key];
    if (typeof w !== 'string' || w === '') throw new Error(`manifest.mjs: no ${key} in texts-${lang}.json`);
    return w;
  };
  const css = readFileSync(join(ROOT, 'web', 'style.css'), 'utf8');
  const names = [...new Set([word('ui.app_name', 'en'), word('ui.app_name', 'kk')])];
  return {
    id: './',
    name: names.join(' · '),
    short_name: word('ui.app_name', 'kk'),
    description: ['kk', 'ru', 'en'].map((l) => word('ui.app_title', l)).join(' · '),
    lang: 'kk',
    dir: 'ltr',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: colour(css, 'text'),
    background_color: colour(css, 'bg'),
    icons: [
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      // The mark stands inside the middle 80 % of a full-bleed square: it survives a launcher's mask.
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const m = manifest(dir);
  writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify(m, null, 2) + '\n');
  console.log(`manifest.mjs: ${dir}/manifest.webmanifest ("${m.name}")`);
}
