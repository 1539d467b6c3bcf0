// Full keyboard use: a whole path, from the skip link and the language switcher on the start page to
// the results, with Tab, Shift+Tab, the arrow keys, Space, Enter and typing only — no clicks. The test
// reads the page (which element has focus, what is checked) to decide which key to press next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot } from './harness.mjs';
import { UI, VERDICT, active, example, outcome, waitForNewScreen, where } from './interview.mjs';

/** Presses Tab until the focused element satisfies `want` (at most `max` presses). */
async function tabTo(page, want, what, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = await active(page);
    if (want(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Answers the question on screen with the keyboard, then Tabs to Continue and presses Enter. */
async function keyboardAnswer(page, raw, lang) {
  const kind = await page.evaluate(() => {
    const f = document.querySelector('main form');
    if (f.querySelector('.date')) return 'date';
    if (f.querySelector('select')) return 'select';
    if (f.querySelector('input[type=radio]')) return 'radio';
    if (f.querySelector('input[type=checkbox]')) return 'checkbox';
    return 'text';
  });
  if (kind === 'radio') {
    let a = await tabTo(page, (a) => a.type === 'radio', 'the options');
    for (let i = 0; a.value !== raw; i++) {
      if (i > 12) throw new Error(`no option ${raw}`);
      await page.keyboard.press('ArrowDown'); // moves to the next option and chooses it
      a = await active(page);
    }
    if (!a.checked) await page.keyboard.press('Space');
    assert.ok((await active(page)).checked, `${raw} is chosen`);
  } else if (kind === 'select') {
    let a = await tabTo(page, (a) => a.tag === 'select', 'the list');
    for (let i = 0; a.value !== raw; i++) {
      if (i > 30) throw new Error(`no option ${raw}`);
      await page.keyboard.press('ArrowDown');
      a = await active(page);
    }
  } else if (kind === 'date') {
    const [y, m, d] = raw.split('-');
    await tabTo(page, (a) => a.id === 'answer-0', 'the day');
    await page.keyboard.type(d);
    await page.keyboard.press('Tab');
    await page.keyboard.type(m);
    await page.keyboard.press('Tab');
    await page.keyboard.type(y);
  } else if (kind === 'text') {
    await tabTo(page, (a) => a.id === 'answer-0', 'the box');
    await page.keyboard.type(lang !== 'en' ? raw.replace(/^(\d+)\.(\d+)$/, '$1,$2') : raw);
  } else {
    throw new Error(`${kind}: not driven by this test`);
  }
  const before = (await where(page)).hash;
  await tabTo(page, (a) => a.tag === 'button' && a.type === 'submit', 'Continue');
  await page.keyboard.press('Enter');
  await waitForNewScreen(page, before);
}

test('a whole TRP path with the keyboard only: skip link, language, services, questions, error, results (ru)', async () => {
  const ex = example('trp');
  const app = await openApp('/', { now: '2026-03-20T09:00:00+05:00', timezoneId: 'Asia/Almaty' });
  const { page } = app;
  try {
    // The first Tab reaches the skip link; Enter moves focus to the content and leaves the URL alone.
    let a = await tabTo(page, () => true, 'anything', 1);
    assert.equal(a.cls, 'skip', 'the skip link comes first');
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Enter');
    assert.equal((await active(page)).id, 'main', 'focus is on the content');
    assert.equal(await page.evaluate(() => location.hash), hash, 'the URL is unchanged');
    assert.equal(await page.locator('h1').innerText(), UI.kk.appTitle, 'still the start page');

    // The language switcher is before the content: Shift+Tab back to it.
    for (let i = 0; i < 10 && (await active(page)).lang !== 'ru'; i++) await page.keyboard.press('Shift+Tab');
    assert.equal((await active(page)).lang, 'ru');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    assert.equal(await page.locator('h1').innerText(), UI.ru.appTitle);

    await tabTo(page, (a) => a.id === 'svc-trp', 'the TRP checkbox');
    await page.keyboard.press('Space');
    assert.ok((await active(page)).checked);
    a = await tabTo(page, (a) => a.tag === 'button' && a.type === 'submit', 'Start');
    assert.equal(a.text, UI.ru.start);
    let before = (await where(page)).hash;
    await page.keyboard.press('Enter');
    await waitForNewScreen(page, before);
    assert.equal((await active(page)).tag, 'h1', 'focus is on the question');

    // Enter on Continue with nothing chosen: the error summary takes focus, its link leads to the answer.
    assert.equal((await where(page)).path, 'person.status');
    await tabTo(page, (a) => a.tag === 'button' && a.type === 'submit', 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#error-summary');
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
    await tabTo(page, (a) => a.tag === 'a' && a.text.length > 0, 'the error link', 1);
    await page.keyboard.press('Enter');
    a = await active(page);
    assert.equal(a.id, 'answer-0', 'the link moves focus to the first option');
    assert.equal((await where(page)).path, 'person.status', 'and keeps the question on screen');
    await page.keyboard.press('Shift+Tab'); // so that keyboardAnswer's first Tab lands on the options again

    const asked = [];
    for (let i = 0; i < 30; i++) {
      const at = await where(page);
      if (at.screen !== 'q') break;
      assert.ok(at.path in ex.raw, `asked ${at.path}`);
      asked.push(at.path);
      await keyboardAnswer(page, ex.raw[at.path], 'ru');
    }
    // The facts that decide first, then those that make the checklist precise, then when and where.
    assert.deepEqual(asked, [
      'person.status',
      'person.citizenship',
      'person.date_of_birth',
      'trp.subtype',
      'trp.host_owns_housing',
      'trp.phone_in_mobile_database',
      'application.channel',
      'application.date',
      'application.within_hours',
    ]);

    assert.equal((await where(page)).screen, 'check');
    a = await tabTo(page, (a) => a.tag === 'button' && a.cls.includes('primary'), 'Show results');
    assert.equal(a.text, UI.ru.showResults);
    before = (await where(page)).hash;
    await page.keyboard.press('Enter');
    await waitForNewScreen(page, before);
    await page.waitForSelector('section.outcome');
    assert.equal(await outcome(page, 'trp').locator('.verdict').innerText(), VERDICT.eligible.ru);

    // A citation opens from the keyboard too.
    a = await tabTo(page, (a) => a.tag === 'summary', 'a citation');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true, 'the citation opens');
    await screenshot(page, 'keyboard-results-trp-ru');
  } finally {
    await app.close();
  }
});
