// A self-service kiosk (`#/start?kiosk=1`): answers never reach the URL or the browser's history, the
// idle warning takes focus and can be dismissed, its timeout and "Finish and clear" leave nothing for the
// next person, who starts in Kazakh. The page's clock is fixed and moved by hand (the app measures
// idleness with Date.now(), checked every second).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTHING_STORED, axeCheck, openApp, screenshot } from './harness.mjs';
import { UI, answerAll, chooseLanguage, example, startFor, where } from './interview.mjs';

const T0 = Date.parse('2026-03-20T09:00:00+05:00');
const at = (seconds) => new Date(T0 + seconds * 1000);

const KIOSK = {
  finish: { kk: 'Аяқтау және тазалау', en: 'Finish and clear' },
  stillThere: { en: 'Are you still there?' },
  notice: { en: 'On this kiosk your answers are cleared when you press “Finish and clear” and after 2 minutes without activity (with a warning 60 seconds before).' },
};

test('kiosk: answers stay out of the URL; the idle warning, its timeout and "Finish and clear" leave nothing behind', async () => {
  const ex = example('trp');
  const app = await openApp('/#/start?kiosk=1', { now: at(0) });
  const { page } = app;
  try {
    assert.equal(await page.locator('html').getAttribute('class'), 'kiosk');
    await chooseLanguage(page, 'en');
    assert.ok((await page.locator('main .notice').innerText()).includes(KIOSK.notice.en), 'the first screen says when answers are cleared');
    assert.equal(await page.getByLabel(UI.en.load).count(), 0, 'no file is loaded from, or saved on, a public machine');
    await startFor(page, ['trp'], 'en');
    const asked = await answerAll(page, ex.raw, 'en', { stopAt: 'trp.subtype' });
    assert.deepEqual(asked, ['person.status', 'person.citizenship', 'person.date_of_birth']);
    const { hash } = await where(page);
    assert.match(hash, /kiosk=1/);
    for (const path of asked) assert.ok(!hash.includes(path), `the URL holds no answer: ${hash}`);

    // Two minutes later the warning takes focus; the page behind it is inert.
    await page.clock.setFixedTime(at(130));
    const dialog = page.getByRole('alertdialog', { name: KIOSK.stillThere.en });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'idle-continue');
    assert.equal(await page.locator('main').getAttribute('inert'), '');
    const { serious } = await axeCheck(page);
    assert.deepEqual(serious, [], 'the warning is accessible');
    await screenshot(page, 'kiosk-idle-warning-en');
    // "Continue" keeps everything.
    await dialog.getByRole('button', { name: UI.en.continue }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await where(page)).path, 'trp.subtype');
    assert.equal(await page.locator('main').getAttribute('inert'), null);

    // No answer to the next warning: everything is cleared, the language too.
    await page.clock.setFixedTime(at(130 + 185));
    await page.waitForFunction(() => location.hash.startsWith('#/start'));
    assert.equal(await page.locator('h1').innerText(), UI.kk.appTitle);
    // Going back in the browser finds no answer.
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/q/'));
    assert.equal(await page.locator('main form input:checked').count(), 0, 'no earlier answer comes back');
    for (const v of await page.locator('main form input[type="text"]').evaluateAll((els) => els.map((e) => e.value))) {
      assert.equal(v, '', 'no earlier answer comes back');
    }

    // "Finish and clear" in the header, from any screen.
    await page.getByRole('button', { name: KIOSK.finish.kk }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/start'));
    assert.equal(await page.locator('h1').innerText(), UI.kk.appTitle);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(await app.storage(), NOTHING_STORED);
  } finally {
    await app.close();
  }
});
