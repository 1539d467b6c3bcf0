// Trunk post_build step (scripts/post-build): the style sheet is inline in index.html (so the pre-rendered start
// page paints with the HTML alone); this drops its comments and collapses its white space, which Trunk does not
// do without minifying everything. Safe for web/style.css: it holds no string with "/*", "{", "}" or ";".
//   node scripts/minify-style.mjs FILE.html
import { readFileSync, writeFileSync } from 'node:fs';

export function minifyStyles(html) {
  return html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (_, open, css, close) => {
    const small = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    return open + small + close;
  });
}

const file = process.argv[2];
if (file) {
  const before = readFileSync(file, 'utf8');
  const after = minifyStyles(before);
  writeFileSync(file, after);
  console.log(`minify-style.mjs: ${file}: ${before.length - after.length} characters of comments and white space dropped`);
}
