// Every page type, opened from its URL: axe-core finds no serious or critical violation (start; questions
// with radio buttons, a date, a text box, a country list and checkboxes; the error state; "Check your
// answers"; the results of all four services), the layout has no horizontal scrolling at 320 px wide or
// on a 1920×1080 kiosk screen (screenshots of each kept under target/e2e-screenshots/), and the time from
// navigation to the first interactive question is measured; the results print as A4 pages (the PDF is
// kept beside the screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, axeCheck, openApp, screenshot } from './harness.mjs';
import { UI, example, pressContinue, startFor, where } from './interview.mjs';

const ALL = 'phc,medical_licence,trp,registration';

/** The app's URL fragment for a screen, a language, services and raw answers (state.rs's format). */
function fragment(screen, lang, services, raw = {}) {
  const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const answers = Object.entries(raw).map(([k, v]) => `&${k}=${enc(v)}`).join('');
  return `/#/${screen}?lang=${lang}&s=${services}${answers}`;
}

// The answers of the all-four example, so "Check your answers" and the results show every service.
const allFour = example('all-four').raw;
const NOW = { now: '2026-03-20T09:00:00+05:00', timezoneId: 'Asia/Almaty' };

// Page types and how to reach them. `ready` is what shows once the page is there; `then` acts on it.
const PAGES = [
  { name: 'start', path: '/', ready: 'form' },
  { name: 'question-radio', path: fragment('q/person.status', 'LANG', 'trp'), ready: 'input[type=radio]' },
  { name: 'question-date', path: fragment('q/person.date_of_birth', 'LANG', 'trp'), ready: '.date input' },
  { name: 'question-text', path: fragment('q/registration.area_total_m2', 'LANG', 'registration'), ready: 'input[type=text]' },
  { name: 'question-country', path: fragment('q/person.citizenship', 'LANG', 'trp'), ready: 'select' },
  { name: 'question-checkboxes', path: fragment('q/phc.categories', 'LANG', 'phc'), ready: 'input[type=checkbox]' },
  {
    name: 'error-radio',
    path: fragment('q/person.status', 'LANG', 'trp'),
    ready: 'input[type=radio]',
    then: (page, lang) => pressContinue(page, lang, { allowError: true }).then(() => page.waitForSelector('#error-summary')),
  },
  {
    name: 'error-date',
    path: fragment('q/person.date_of_birth', 'LANG', 'trp', { 'person.date_of_birth': '2031-13-40' }),
    ready: '.date input',
    then: (page, lang) => pressContinue(page, lang, { allowError: true }).then(() => page.waitForSelector('#error-summary')),
  },
  {
    name: 'is-this-right',
    path: fragment('confirm/registration.area_total_m2', 'LANG', 'registration', { 'registration.area_total_m2': '4800' }),
    ready: '.interruption',
  },
  { name: 'check', path: fragment('check', 'LANG', ALL, allFour), ready: 'dl.summary' },
  { name: 'results', path: fragment('results', 'LANG', ALL, allFour), ready: 'section.outcome' },
];

for (const lang of ['en', 'kk', 'ru']) {
  test(`axe-core: no serious or critical violation on any page type (${lang})`, async (t) => {
    for (const p of PAGES) {
      const path = p.path.replace('LANG', lang);
      const app = await openApp(path, { ...NOW, ready: p.ready });
      try {
        if (p.name === 'start' && lang !== 'kk') {
          await app.page.locator(`nav.langs button[lang="${lang}"]`).click();
          await app.page.waitForFunction((l) => document.documentElement.lang === l, lang);
        }
        if (p.then) await p.then(app.page, lang);
        assert.equal(await app.page.locator('html').getAttribute('lang'), lang);
        const { violations, serious } = await axeCheck(app.page);
        for (const v of violations) t.diagnostic(`${p.name}: axe ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.join(', ')}`);
        assert.deepEqual(serious, [], `${p.name} (${lang})`);
        await app.settle();
        assert.deepEqual(app.consoleErrors, [], `${p.name}: console errors`);
        assert.deepEqual(app.pageErrors, [], `${p.name}: page errors`);
        assert.deepEqual(app.cspViolations, [], `${p.name}: CSP violations`);
        if (lang === 'en') await screenshot(app.page, `page-${p.name}-en`);
      } finally {
        await app.close();
      }
    }
  });
}

// 320 px (a small phone, and 1280 px at 400 % zoom) and a 1080p kiosk.
const VIEWPORTS = [
  { name: '320', viewport: { width: 320, height: 640 }, langs: ['kk', 'ru', 'en'] },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, langs: ['kk'] },
];

for (const { name, viewport, langs } of VIEWPORTS) {
  test(`no horizontal scrolling at ${name} on any page type; screenshots kept`, async (t) => {
    for (const lang of langs) {
      for (const p of PAGES.filter((p) => ['start', 'question-radio', 'question-date', 'question-checkboxes', 'error-date', 'check', 'results'].includes(p.name))) {
        const app = await openApp(p.path.replace('LANG', lang), { ...NOW, ready: p.ready, viewport });
        try {
          if (p.then) await p.then(app.page, lang);
          const { scrollWidth, clientWidth, wide } = await app.page.evaluate(() => {
            const root = document.documentElement;
            // What sticks out to the right (elements, and text that overflows its box), to name in the
            // failure; text hidden for screen readers only is clipped and does not count.
            const visible = (e) => !e.closest('.visually-hidden');
            const wide = [...document.querySelectorAll('body *')]
              .filter((e) => visible(e) && e.getBoundingClientRect().right > root.clientWidth + 0.5)
              .map((e) => `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}> (${Math.round(e.getBoundingClientRect().right)} px)`);
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n; (n = walker.nextNode()); ) {
              if (!visible(n.parentElement)) continue;
              const r = document.createRange();
              r.selectNodeContents(n);
              const right = Math.max(0, ...[...r.getClientRects()].map((c) => c.right));
              if (right > root.clientWidth + 0.5) wide.push(`"${n.textContent.trim().slice(0, 40)}" (${Math.round(right)} px)`);
            }
            return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
          });
          assert.ok(scrollWidth <= clientWidth, `${p.name} (${lang}) at ${name}: ${scrollWidth} px wide in ${clientWidth} px: ${wide.slice(0, 5).join(', ')}`);
          assert.deepEqual(wide, [], `${p.name} (${lang}) at ${name}: nothing sticks out`);
          if (lang === langs[0] || p.name === 'results') await screenshot(app.page, `layout-${name}-${p.name}-${lang}`);
        } finally {
          await app.close();
        }
      }
    }
    t.diagnostic(`screenshots: target/e2e-screenshots/layout-${name}-*.png`);
  });
}

test('time from navigation to the first interactive question', async (t) => {
  // No fixed clock here: the page's own performance timeline is measured.
  const app = await openApp('/', { ready: 'button[type=submit]' });
  try {
    const { page } = app;
    // Records when the first question's options appear, in ms from navigation start.
    await page.evaluate(() => {
      window.__firstQuestion = null;
      const o = new MutationObserver(() => {
        if (document.querySelector('main form input[type=radio]:not([disabled])')) {
          window.__firstQuestion = performance.now();
          o.disconnect();
        }
      });
      o.observe(document, { subtree: true, childList: true });
    });
    const startInteractive = app.timings.interactive;
    const pressed = await page.evaluate(() => performance.now());
    await startFor(page, [], 'kk'); // no service ticked: all four
    assert.equal((await where(page)).path, 'person.status');
    const firstQuestion = await page.evaluate(() => window.__firstQuestion);
    assert.ok(firstQuestion !== null, 'the first question rendered');

    // The first question opened directly from its link.
    const direct = await openApp(fragment('q/person.status', 'kk', ALL), { ready: 'input[type=radio]' });
    const deepLink = direct.timings.interactive;
    await direct.close();

    const line =
      `navigation → start page interactive: ${startInteractive} ms; ` +
      `Start pressed (at ${Math.round(pressed)} ms) → first question interactive: ${Math.round(firstQuestion - pressed)} ms ` +
      `(navigation → first question: ${Math.round(firstQuestion)} ms); ` +
      `link to the first question → interactive: ${deepLink} ms`;
    t.diagnostic(line);
    assert.ok(firstQuestion < 10_000, 'a sanity bound, not a performance gate');
  } finally {
    await app.close();
  }
});

test('the results print as clean A4 pages: no header, footer, buttons or Back link; verdicts and checklists stay', async () => {
  const app = await openApp(fragment('results', 'ru', ALL, allFour), { ...NOW, ready: 'section.outcome' });
  const { page } = app;
  try {
    await page.emulateMedia({ media: 'print' });
    const shown = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    for (const sel of ['header.bar', 'footer.foot', 'a.back', '.files', 'a.skip', 'main button.primary']) {
      assert.equal(await shown(sel), 0, `${sel} is not printed`);
    }
    assert.equal(await shown('section.outcome .verdict'), 4, 'every verdict is printed');
    assert.ok((await shown('ul.checklist li')) > 0, 'the checklists are printed');
    assert.ok((await shown('table.month')) > 0, 'the month calendars are printed');
    // A4 with 15 mm margins is 180 mm = 680 CSS px wide: nothing is cut off on the right.
    await page.setViewportSize({ width: 680, height: 1000 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 680), 'fits the width of an A4 page');
    await screenshot(page, 'results-print-ru');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'results-print-ru.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2 && pages < 40, `${pages} A4 pages`);
  } finally {
    await app.close();
  }
});
