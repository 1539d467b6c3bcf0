// Operator mode (`#/operator`, web/src/pages/operator.rs): staff at a ЦОН counter complete each service on
// one page with the keyboard only — Tab and Shift+Tab to a question, Space and the arrow keys on options,
// typing and Enter in the boxes (Enter moves to the next field) — from the realistic answers in examples/,
// in kk, ru and en across the four services. After every answer the outcome beside the form changes; at
// every moment the URL is the bare `#/operator?lang=…` and `history.state` is empty; Enter never navigates.
// A question that an answer makes irrelevant is greyed (its answer neither used nor printed); "Next person"
// clears every input and the outcome and puts the focus on the service picker. axe-core finds no violation
// on the page; the checklist prints on one A4 page. The footer's way in is there, except on a kiosk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTHING_STORED, SCREENSHOTS, axeCheck, openApp, screenshot } from './harness.mjs';
import { MANY_LABELS, SERVICE, TAG, VERDICT, active, example } from './interview.mjs';

// Written out here, not read from the app's texts, so a missing translation fails.
const OP = {
  kk: { title: 'Оператор режимі', pick: 'Сұрақтарын көру үшін қызметті таңдаңыз.', notNeeded: 'Осы жауаптарда қажет емес', next: 'Келесі адам', link: 'Қызметкерлерге: оператор режимі' },
  ru: { title: 'Режим оператора', pick: 'Выберите услугу, чтобы увидеть её вопросы.', notNeeded: 'Не нужно при этих ответах', next: 'Следующий посетитель', link: 'Для сотрудников: режим оператора' },
  en: { title: 'Operator mode', pick: 'Choose a service to see its questions.', notNeeded: 'Not needed for these answers', next: 'Next person', link: 'Staff: operator mode' },
};

const CASES = [
  { service: 'phc', example: 'phc', lang: 'kk' },
  { service: 'medical_licence', example: 'medical-licence', lang: 'ru' },
  { service: 'trp', example: 'trp', lang: 'en' },
  { service: 'registration', example: 'registration-astana', lang: 'ru' },
];
const PICKER = ['phc', 'medical_licence', 'trp', 'registration'];

/** Presses Tab (or Shift+Tab, when the target comes earlier in the page) until `want(active)` holds. */
async function tabTo(page, want, what, backwards = false, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const a = await active(page);
    if (want(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tabs into question `path`, forwards or back as it lies from the focus. */
async function tabToQuestion(page, path) {
  const backwards = await page.evaluate((p) => {
    const target = document.querySelector(`.op-q[data-path="${p}"]`);
    const here = document.activeElement;
    if (!here || here === document.body) return false;
    return (target.compareDocumentPosition(here) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }, path);
  return tabTo(page, (a) => a.path === path, path, backwards);
}

/** What must hold at every moment: the URL is bare, history.state holds nothing. */
async function nothingHeld(page, lang, origin) {
  const { href, state, length } = await page.evaluate(() => ({ href: location.href, state: history.state, length: history.length }));
  assert.equal(href, `${origin}/#/operator?lang=${lang}`, 'no answer nor service in the URL');
  assert.equal(state, null, 'nothing in history.state');
  return length;
}

const outcomeText = (page) => page.locator('.op-outcome').innerText();

/** Answers question `path` with `raw` by keyboard: the focus is already inside it. */
async function keyboardAnswer(page, path, raw, lang) {
  const kind = await page.evaluate((p) => {
    const q = document.querySelector(`.op-q[data-path="${p}"]`);
    if (q.querySelector('.date')) return 'date';
    if (q.querySelector('select')) return 'select';
    if (q.querySelector('input[type=radio]')) return 'radio';
    if (q.querySelector('input[type=checkbox]')) return 'checkbox';
    return 'text';
  }, path);
  let a = await active(page);
  if (kind === 'radio') {
    for (let i = 0; a.value !== raw; i++) {
      if (i > 12) throw new Error(`${path}: no option ${raw}`);
      await page.keyboard.press('ArrowDown'); // the next option, chosen
      a = await active(page);
    }
    if (!a.checked) await page.keyboard.press('Space');
    assert.ok((await active(page)).checked, `${path}: ${raw} is chosen`);
  } else if (kind === 'select') {
    for (let i = 0; a.value !== raw; i++) {
      if (i > 30) throw new Error(`${path}: no option ${raw}`);
      await page.keyboard.press('ArrowDown');
      a = await active(page);
    }
  } else if (kind === 'checkbox') {
    const wanted = raw.split(',').map((o) => MANY_LABELS[path][o][lang]);
    while (a.path === path && a.type === 'checkbox') {
      const label = await page.evaluate(() => document.querySelector(`label[for="${document.activeElement.id}"]`).textContent);
      if (wanted.includes(label) && !a.checked) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      a = await active(page);
    }
  } else if (kind === 'date') {
    // Enter moves from box to box, and on to the next question.
    const [y, m, d] = raw.split('-');
    // Come to it backwards (Shift+Tab), the focus is on the year: back to the day.
    for (let i = 0; i < 2 && !/-0$/.test(a.id); i++) {
      await page.keyboard.press('Shift+Tab');
      a = await active(page);
    }
    assert.match(a.id, /-0$/, `${path}: the day box first`);
    for (const [part, box] of [[d, 1], [m, 2], [y, null]]) {
      await page.keyboard.type(part);
      await page.keyboard.press('Enter');
      if (box !== null) assert.match((await active(page)).id, new RegExp(`-${box}$`), `${path}: Enter moves to the next box`);
    }
    assert.notEqual((await active(page)).path, path, `${path}: Enter after the year leaves the date`);
  } else {
    await page.keyboard.type(lang !== 'en' ? raw.replace(/^(\d+)\.(\d+)$/, '$1,$2') : raw);
    await page.keyboard.press('Enter');
    assert.notEqual((await active(page)).path, path, `${path}: Enter moves to the next field`);
  }
}

/**
 * Answers every question the sheet shows, in the page's order, from `raw`, by keyboard. After each answer
 * the outcome must change and nothing be held in the URL or the history. Returns the paths answered.
 */
async function completeByKeyboard(page, raw, lang, origin, given = []) {
  const answered = [...given];
  const unchanged = [];
  const historyLength = await nothingHeld(page, lang, origin);
  for (let step = 0; step < 60; step++) {
    const next = await page.evaluate(
      (done) => [...document.querySelectorAll('.op-q:not(.greyed):not([hidden])')].map((q) => q.dataset.path).find((p) => !done.includes(p)),
      answered,
    );
    if (!next) break;
    answered.push(next);
    assert.ok(next in raw, `the sheet asks ${next}, which the example answers`);
    const before = await outcomeText(page);
    await tabToQuestion(page, next);
    await keyboardAnswer(page, next, raw[next], lang);
    const changed = await page
      .waitForFunction((prev) => document.querySelector('.op-outcome').innerText !== prev, before, { timeout: 3000 })
      .then(() => true, () => false);
    if (!changed) unchanged.push(next);
    assert.equal(await nothingHeld(page, lang, origin), historyLength, 'no history entry added');
  }
  assert.deepEqual(unchanged, [], 'the outcome changes after every answer');
  return answered.slice(given.length);
}

/** Picks a service on the picker with the keyboard (Tab to it, the arrow keys, Space). */
async function pickByKeyboard(page, service) {
  const onPicker = (a) => a.id?.startsWith('op-service-');
  let a = await active(page);
  if (!onPicker(a)) a = await tabTo(page, onPicker, 'the service picker', a.path !== null || a.id === 'op-next');
  const want = `op-service-${PICKER.indexOf(service)}`;
  for (let i = 0; a.id !== want; i++) {
    if (i > 5) throw new Error(`no service ${service}`);
    await page.keyboard.press('ArrowDown');
    a = await active(page);
  }
  if (!a.checked) await page.keyboard.press('Space');
  await page.waitForSelector('.op-q:not([hidden])');
}

/** Presses "Next person" by keyboard and checks that everything is cleared. */
async function nextPerson(page, lang, origin) {
  await tabTo(page, (a) => a.id === 'op-next', 'Next person');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'op-service-0');
  const left = await page.evaluate(() => ({
    questions: document.querySelectorAll('.op-q:not([hidden])').length,
    checked: [...document.querySelectorAll('main input')].filter((i) => i.checked).length,
    typed: [...document.querySelectorAll('main input[type=text], main select')].filter((i) => i.value !== '').length,
    outcomes: document.querySelectorAll('.op-outcome section.outcome, .checklist-print').length,
    status: document.getElementById('op-status').innerText,
  }));
  assert.deepEqual(left, { questions: 0, checked: 0, typed: 0, outcomes: 0, status: OP[lang].pick }, 'Next person clears everything');
  await nothingHeld(page, lang, origin);
}

/** The checklist of `service`, printed on its own: only it shows, on one A4 page. */
async function checkPrint(page, service, name) {
  assert.equal(await page.locator('#op-print').count(), 1, 'Print checklist is offered');
  await page.evaluate((s) => document.documentElement.setAttribute('data-print', s), service);
  await page.emulateMedia({ media: 'print' });
  const shown = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
  assert.equal(await shown('.op-form'), 0, 'not the form');
  assert.equal(await shown('.op-outcome'), 0, 'not the outcome panel');
  assert.equal(await shown(`.checklist-print[data-service="${service}"]`), 1, 'the checklist');
  const printed = await page.locator(`.checklist-print[data-service="${service}"]`).innerText();
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  writeFileSync(join(SCREENSHOTS, `operator-checklist-${name}.pdf`), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `${name}: the checklist fits one A4 page`);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.documentElement.removeAttribute('data-print'));
  return printed;
}

for (const c of CASES) {
  test(`${c.service} completed by keyboard only in operator mode (${c.lang}): the outcome after every answer, print, Next person`, async (t) => {
    const ex = example(c.example);
    const date = ex.raw['application.date'];
    const app = await openApp(`/#/operator?lang=${c.lang}`, { ready: '#op-status', now: `${date}T09:00:00+05:00`, timezoneId: 'Asia/Almaty' });
    const { page } = app;
    const origin = new URL(app.url).origin;
    // A mark on the document: gone if anything (Enter) ever loaded another page.
    await page.evaluate(() => (window.__stayed = true));
    try {
      assert.equal(await page.locator('h1').innerText(), OP[c.lang].title);
      assert.ok((await page.title()).startsWith(OP[c.lang].title), 'the page title');
      assert.equal(await page.locator('#op-status').innerText(), OP[c.lang].pick);
      assert.equal(await page.locator('#op-status').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('form').count(), 0, 'no form to submit');
      await pickByKeyboard(page, c.service);
      const answered = await completeByKeyboard(page, ex.raw, c.lang, origin);
      t.diagnostic(`${c.service} (${c.lang}): ${answered.length} answers: ${answered.join(' ')}`);
      assert.ok(answered.length >= 6, 'a whole service');
      const status = await page.locator('#op-status').innerText();
      assert.ok(status.startsWith(TAG.eligible[c.lang]), `the verdict: ${status}`);
      assert.ok((await outcomeText(page)).includes(VERDICT.eligible[c.lang]));
      assert.ok((await outcomeText(page)).includes(SERVICE[c.service][c.lang]));
      assert.equal(await page.evaluate(() => window.__stayed), true, 'Enter never navigated');
      await screenshot(page, `operator-${c.service}-${c.lang}`);
      const printed = await checkPrint(page, c.service, `${c.service}-${c.lang}`);
      assert.match(printed, /1414/, 'the help line');
      await nextPerson(page, c.lang, origin);
      // Picked again, the service starts empty: nothing of the last person comes back.
      await pickByKeyboard(page, c.service);
      assert.equal(await page.locator('.op-q input:checked').count(), 0);
      assert.equal(await page.evaluate(() => [...document.querySelectorAll('.op-q input[type=text]')].filter((i) => i.value).length), 0);
      assert.deepEqual(await app.storage(), NOTHING_STORED);
      assert.deepEqual(app.pageErrors, []);
      assert.deepEqual(app.consoleErrors, []);
      assert.deepEqual(app.foreignRequests(), []);
    } finally {
      await app.close();
    }
  });
}

test('an answer that makes a question irrelevant greys it, and its answer is neither used nor printed (en)', async () => {
  const app = await openApp('/#/operator?lang=en', { ready: '#op-status', now: '2026-09-04T09:00:00+05:00', timezoneId: 'Asia/Almaty' });
  const { page } = app;
  const origin = new URL(app.url).origin;
  const q = (p) => page.locator(`.op-q[data-path="${p}"]`);
  try {
    await pickByKeyboard(page, 'phc');
    // A temporary resident is asked about health insurance; a citizen is not.
    assert.ok(await q('phc.has_insurance').isHidden(), 'not asked before the status');
    await tabToQuestion(page, 'person.status');
    await keyboardAnswer(page, 'person.status', 'temporary_resident', 'en');
    await q('phc.has_insurance').waitFor();
    await tabToQuestion(page, 'phc.has_insurance');
    await keyboardAnswer(page, 'phc.has_insurance', 'yes', 'en');
    // Enter on an option does nothing: no form, no navigation, the choice kept.
    await page.keyboard.press('Enter');
    assert.ok((await active(page)).checked);
    await nothingHeld(page, 'en', origin);
    // Back to the status (Shift+Tab), and "citizen" (Arrow keys): the insurance question is greyed.
    await tabToQuestion(page, 'person.status');
    await keyboardAnswer(page, 'person.status', 'citizen', 'en');
    await page.waitForSelector('.op-q.greyed[data-path="phc.has_insurance"]');
    assert.ok(await q('phc.has_insurance').locator('fieldset').evaluate((f) => f.disabled), 'disabled');
    assert.match(await q('phc.has_insurance').innerText(), new RegExp(OP.en.notNeeded));
    assert.ok(await q('phc.has_insurance').locator('input[value="yes"]').isChecked(), 'its answer kept as given');
    // Tab passes over it.
    const order = [];
    await tabToQuestion(page, 'person.status');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push((await active(page)).path);
    }
    assert.ok(!order.includes('phc.has_insurance'), `Tab skips the greyed question: ${order}`);
    const { violations } = await axeCheck(page);
    assert.deepEqual(violations, [], 'axe: no violation with a greyed question');
    // Complete the rest: the printed checklist does not list the insurance answer.
    const ex = example('phc');
    await completeByKeyboard(page, ex.raw, 'en', origin, ['person.status']);
    assert.ok((await page.locator('#op-status').innerText()).startsWith(TAG.eligible.en));
    await checkPrint(page, 'phc', 'greyed-en');
    const basedOn = await page.locator('.checklist-print .based-on').innerText();
    assert.doesNotMatch(basedOn, /Medical insurance/, 'the irrelevant answer is not printed');
    assert.match(basedOn, /Date of birth/, 'the answers used are');
  } finally {
    await app.close();
  }
});

test('axe-core finds no violation in operator mode, before and after a service is picked, wide and narrow (kk, ru)', async (t) => {
  for (const [lang, width] of [['kk', 1280], ['ru', 390]]) {
    const app = await openApp(`/#/operator?lang=${lang}`, { ready: '#op-status', viewport: { width, height: 900 }, now: '2026-03-20T09:00:00+05:00', timezoneId: 'Asia/Almaty' });
    const { page } = app;
    try {
      let { violations } = await axeCheck(page);
      assert.deepEqual(violations, [], `${lang}: no service picked`);
      await pickByKeyboard(page, 'trp');
      const form = await page.locator('.op-form').boundingBox();
      const outcome = await page.locator('.op-outcome').boundingBox();
      if (width >= 1024) {
        assert.ok(outcome.x > form.x + form.width - 1, 'the outcome beside the form');
        assert.ok(form.width + outcome.width > 0.85 * width, `the page uses the screen's width: ${form.width} + ${outcome.width}`);
      }
      else assert.ok(outcome.y >= form.y + form.height - 1, 'the outcome below the form');
      ({ violations } = await axeCheck(page));
      assert.deepEqual(violations, [], `${lang}: a service picked`);
      // "Answer it" beside an open question moves the focus to it, on this page.
      const first = await page.locator('.op-outcome ul.missing button').count();
      assert.ok(first > 0, 'open questions are listed');
      await tabTo(page, (a) => a.tag === 'button' && a.path === null && a.id === '', 'Answer it');
      await page.keyboard.press('Enter');
      assert.equal((await active(page)).id, 'op-person-status-0', 'the focus is on the first open question');
      assert.equal(await page.evaluate(() => location.hash), `#/operator?lang=${lang}`, 'still here');
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(scroll, 0, 'no horizontal scrolling');
      await screenshot(page, `operator-trp-${lang}-${width}`);
    } finally {
      await app.close();
    }
  }
});

test('the footer offers operator mode to staff, except on a kiosk; the link opens it with nothing held', async () => {
  const app = await openApp('/#/start?lang=en', { ready: 'html[lang="en"] .staff-link' });
  const { page } = app;
  const origin = new URL(app.url).origin;
  try {
    const link = page.locator('footer a', { hasText: OP.en.link });
    assert.equal(await link.count(), 1);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('h1')?.innerText === t, OP.en.title);
    await nothingHeld(page, 'en', origin);
    assert.equal(await page.locator('footer a', { hasText: OP.en.link }).count(), 0, 'not on the operator page itself');
  } finally {
    await app.close();
  }
  const kiosk = await openApp('/#/start?lang=ru&kiosk=1', { ready: 'html.kiosk[lang="ru"] h1' });
  try {
    assert.equal(await kiosk.page.locator('footer a', { hasText: OP.ru.link }).count(), 0, 'not on a kiosk');
    assert.equal(await kiosk.page.locator('.staff-link').count(), 0);
  } finally {
    await kiosk.close();
  }
});
