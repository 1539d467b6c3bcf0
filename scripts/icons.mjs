// Renders the app's icon (web/icons/icon.svg) to web/icons/icon-192.png and icon-512.png with Debian's
// Chromium through playwright-core (scripts/web-tools installs both), for the web app manifest
// (scripts/manifest.mjs): run it after changing the SVG and commit the PNGs beside it.
//   node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ICONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'icons');
const svg = readFileSync(join(ICONS, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.TEKSER_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}" style="display:block">`);
    await page.locator('img').evaluate((img) => img.decode());
    const file = join(ICONS, `icon-${size}.png`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`icons.mjs: ${file}`);
  }
} finally {
  await browser.close();
}
