// Privacy, stated truly: the URL the app writes holds the screen, language and services only. After a whole
// journey (start → answers → results), Back and Forward, and a reload, no answer is in `location.href` or in
// the URL of any entry of the tab's history (read through the DevTools protocol), while the answers survive
// the reload (they live in memory and in `history.state`). A link with the answers is made only when asked
// for, says what it carries, and reopens the results with them; opening it puts the answer-free URL in its
// place at once. Links with answers made before still open with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTHING_STORED, openApp, screenshot } from './harness.mjs';
import { LINK, UI, VERDICT, answerAll, chooseLanguage, example, linkWithAnswers, startFor, where } from './interview.mjs';

const at = (date) => ({ now: `${date}T09:00:00+05:00`, timezoneId: 'Asia/Almaty' });
/** The only parameters the app's own URLs carry. */
const URL_KEYS = ['lang', 's', 'kiosk'];

/** Every URL the tab's history holds (back and forward), and the current one. */
async function historyUrls(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { entries } = await cdp.send('Page.getNavigationHistory');
    return entries.map((e) => e.url);
  } finally {
    await cdp.detach();
  }
}

/** What in a URL could be an answer: parameters other than lang, s and kiosk, or any answer's value. */
function answersIn(url, raw) {
  const hash = new URL(url).hash;
  const query = hash.split('?')[1] ?? '';
  const keys = [...new URLSearchParams(query).keys()].filter((k) => !URL_KEYS.includes(k));
  const decoded = decodeURIComponent(hash);
  const values = Object.values(raw).filter((v) => v.length >= 3 && !['yes', 'trp', 'con'].includes(v) && decoded.includes(v));
  return [...keys, ...values];
}

test('no answer is in the URL or the history after a whole journey; reload keeps them; a link with them is made only on request', async (t) => {
  const ex = example('trp');
  const app = await openApp('/', at('2026-03-20'));
  const { page } = app;
  const seen = [];
  const look = async () => seen.push(await page.evaluate(() => location.href));
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en', { onQuestion: look });
    await look();
    assert.equal((await where(page)).screen, 'check');
    await page.getByRole('button', { name: UI.en.showResults }).click();
    await page.waitForSelector('section.outcome');
    await look();
    const verdict = await page.locator('section#s-trp .verdict').innerText();
    assert.equal(verdict, VERDICT.eligible.en);
    assert.ok(ex.raw['person.date_of_birth'], 'the example has a date of birth');
    assert.ok(await page.evaluate(() => history.state && Object.keys(history.state).length > 3), 'the answers are in history.state');

    // Back twice, Forward twice: every screen comes back with its answers, the URL still holds none.
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/check'));
    await look();
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/q/'));
    await look();
    await page.goForward();
    await page.waitForFunction(() => location.hash.startsWith('#/check'));
    assert.ok((await page.locator('dl.summary .row').count()) >= 4, 'every answer is listed after Back and Forward');
    await page.goForward();
    await page.waitForSelector('section.outcome');

    // A reload: the results as they were, from history.state.
    await page.reload();
    await page.waitForSelector('section.outcome');
    await look();
    assert.equal((await where(page)).screen, 'results');
    assert.equal(await page.locator('section#s-trp .verdict').innerText(), verdict, 'the answers survive a reload');

    const history = await historyUrls(page);
    t.diagnostic(`history: ${history.length} entries, e.g. ${history.at(-1)}`);
    assert.ok(history.length >= 6, 'one entry per screen');
    for (const url of [...seen, ...history]) assert.deepEqual(answersIn(url, ex.raw), [], `no answer in ${url}`);

    // The link with the answers, on request, says what it carries.
    const details = page.locator('details.answers-link');
    assert.equal(await details.evaluate((d) => d.open), false, 'folded until asked for');
    assert.equal(await details.locator('input').inputValue(), '', 'not even written into the page until asked for');
    const link = await linkWithAnswers(page, 'en');
    assert.ok((await details.innerText()).includes(LINK.warning.en), 'it says the link carries the date of birth');
    assert.ok(link.includes(`person.date_of_birth=${ex.raw['person.date_of_birth']}`), link);
    assert.ok(link.startsWith(new URL(page.url()).origin + '/#/results?'), link);
    await screenshot(page, 'privacy-link-with-answers-en');
    // Asking for it does not put it in the URL or the history.
    assert.deepEqual(answersIn(page.url(), ex.raw), []);

    // Someone else opens the link: the results, with the answers; the URL gives them up at once.
    const other = await openApp(new URL(link).pathname + new URL(link).hash, { ...at('2026-03-20'), ready: 'section.outcome' });
    try {
      assert.equal(await other.page.locator('section#s-trp .verdict').innerText(), verdict, 'the link reopens the results');
      await other.page.waitForFunction(() => !location.hash.includes('person.'));
      for (const url of await historyUrls(other.page)) assert.deepEqual(answersIn(url, ex.raw), [], `no answer in ${url}`);
      await other.page.reload();
      await other.page.waitForSelector('section.outcome');
      assert.equal(await other.page.locator('section#s-trp .verdict').innerText(), verdict, 'and a reload keeps them');
      assert.deepEqual(await other.storage(), NOTHING_STORED);
    } finally {
      await other.close();
    }
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(await app.storage(), NOTHING_STORED);
  } finally {
    await app.close();
  }
});

test('the file picker is labelled in the page language; the browser\'s own "Choose file" is not shown', async () => {
  const app = await openApp('/#/start?lang=ru');
  const { page } = app;
  try {
    const label = page.locator('label.file-label');
    assert.equal(await label.innerText(), UI.ru.load);
    const box = await label.boundingBox();
    assert.ok(box && box.height >= 44, 'the label is a target of a button\'s size');
    const input = page.getByLabel(UI.ru.load);
    assert.equal(await input.getAttribute('type'), 'file', 'the input keeps its label (accessible name)');
    const inputBox = await input.boundingBox();
    assert.ok(!inputBox || (inputBox.width <= 1 && inputBox.height <= 1), `the native control is visually hidden: ${JSON.stringify(inputBox)}`);
    // Keyboard: the input takes focus, and its label shows the focus ring.
    await input.focus();
    const ring = await label.evaluate((l) => getComputedStyle(l).outlineStyle);
    assert.equal(ring, 'solid');
  } finally {
    await app.close();
  }
});
