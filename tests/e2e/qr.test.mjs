// The QR code that takes the results to a phone (issue 11): folded at the end of the results until asked
// for, open near the top on a kiosk; it says what it carries; decoded from a screenshot (zbarimg, Debian's
// zbar-tools) it is the results link with the answers — the page's address, the results screen, the
// language, the services and every answer as typed, nothing else (no kiosk mark) — and that link opens the
// same results on another device (a fresh browser context).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, closeAll, openApp } from './harness.mjs';
import { example } from './interview.mjs';

after(closeAll);

const PHONE = { width: 360, height: 740 };
const NOW = '2026-03-20T09:00:00+05:00';
const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const resultsFragment = (lang, services, raw, extra = '') =>
  `#/results?lang=${lang}&s=${services.join(',')}${extra}` + Object.entries(raw).map(([k, v]) => `&${k}=${enc(v)}`).join('');

/** Decodes the QR code on the page from a screenshot of it. */
async function decode(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.locator('.qr-code').screenshot({ path: file });
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).replace(/\n$/, '');
}

/** The verdict tags of the overview, service by service. */
const tags = (page) => page.locator('.overview li').allInnerTexts();

/** The answers a link carries, as { path: raw }, and its other parameters. */
function carried(link) {
  const params = new URLSearchParams(link.split('?')[1]);
  const answers = Object.fromEntries([...params].filter(([k]) => !['lang', 's'].includes(k)));
  return { lang: params.get('lang'), s: params.get('s'), answers, keys: [...params.keys()] };
}

test('the QR code is folded until asked for, says what it carries, and decodes to the results link', async () => {
  const { services, raw } = example('all-four');
  const app = await openApp('/' + resultsFragment('ru', services, raw), { now: NOW, viewport: PHONE });
  const { page } = app;
  const qr = page.locator('details.phone-qr');
  assert.equal(await qr.count(), 1);
  assert.equal(await qr.evaluate((d) => d.open), false, 'folded until asked for');
  assert.equal(await page.locator('.qr-code').count(), 0, 'no code is drawn before it is asked for');
  // Below every service's results.
  const after = await page.evaluate(() => {
    const q = document.querySelector('details.phone-qr');
    return [...document.querySelectorAll('[id^="s-"]')].every((o) => o.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(after, 'the code comes after the results');
  await qr.locator('summary').click();
  await page.locator('.qr-code').waitFor();
  const text = await qr.innerText();
  assert.match(text, /ИИН/, 'it says the IIN is in it');
  assert.match(text, /нет вашего имени, адреса/, 'and that no name or address is');
  assert.equal(await page.locator('.qr-code').getAttribute('role'), 'img');
  assert.ok((await page.locator('.qr-code').getAttribute('aria-label')).length > 10);

  const link = await decode(page, 'qr-results-ru');
  const base = await page.evaluate(() => location.origin + location.pathname);
  // The answers in the order the app holds them (by field path).
  const sorted = Object.fromEntries(Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : 1)));
  assert.equal(link, base + resultsFragment('ru', services, sorted));
  const c = carried(link);
  assert.equal(c.lang, 'ru');
  assert.equal(c.s, services.join(','));
  assert.deepEqual(c.answers, raw, 'exactly the answers given, as typed');
  assert.ok(!c.keys.includes('kiosk'));
  const before = await tags(page);
  assert.equal(before.length, 4);
  assert.deepEqual(app.pageErrors, []);
  assert.deepEqual(app.cspViolations, []);
  await app.close();

  // The link opens the same results on another device.
  const phone = await openApp(link.slice(base.length - 1), { now: NOW, viewport: PHONE });
  assert.deepEqual(await tags(phone.page), before);
  await phone.close();
});

test('on a kiosk the code stands open near the top and carries no kiosk mark', async () => {
  const { services, raw } = example('phc');
  const app = await openApp('/' + resultsFragment('kk', services, raw, '&kiosk=1'), { now: NOW, viewport: { width: 1080, height: 1920 } });
  const { page } = app;
  const qr = page.locator('details.phone-qr.kiosk-qr');
  assert.equal(await qr.evaluate((d) => d.open), true, 'open on a kiosk');
  const box = await page.locator('.qr-code').boundingBox();
  assert.ok(box.y + box.height < 1920, `the whole code is on the first screen (bottom at ${Math.round(box.y + box.height)} px)`);
  assert.ok(box.width >= 300, `a large code (${Math.round(box.width)} px)`);
  const first = await page.locator('.outcome').first().boundingBox();
  assert.ok(box.y < first.y, 'before the first service');
  const link = await decode(page, 'qr-results-kiosk');
  const c = carried(link);
  assert.deepEqual(c.answers, raw);
  assert.ok(!c.keys.includes('kiosk'), 'the phone is not a kiosk');
  assert.equal(c.lang, 'kk');
  await app.close();
});
