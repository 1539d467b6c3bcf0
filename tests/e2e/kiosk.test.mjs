// A self-service kiosk (`#/start?kiosk=1`): it opens on three large language buttons; answers never reach
// the URL or the browser's history; every link, button and input is a target of at least 44 × 44 px on
// every kind of page; a "call staff" line sits in the header on every screen; the idle warning takes focus,
// keeps Tab inside itself and gives focus back when dismissed; its timeout and "Finish and clear" leave
// nothing for the next person, who starts again at the language buttons. The page's clock is fixed and
// moved by hand (the app measures idleness with Date.now(), checked every second).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOTHING_STORED, axeCheck, openApp, screenshot } from './harness.mjs';
import { UI, answerAll, chooseLanguage, example, startFor, where } from './interview.mjs';

const T0 = Date.parse('2026-03-20T09:00:00+05:00');
const at = (seconds) => new Date(T0 + seconds * 1000);

const KIOSK = {
  languages: ['Қазақша', 'Русский', 'English'],
  welcome: ['Тілді таңдаңыз', 'Выберите язык', 'Choose your language'],
  staff: { kk: 'Көмек керек пе? Залдағы қызметкерді шақырыңыз.', ru: 'Нужна помощь? Позовите сотрудника в зале.', en: 'Need help? Ask a member of staff in this hall.' },
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
    await chooseOnWelcome(page, 'English');
    assert.ok((await page.locator('footer').innerText()).includes(KIOSK.notice.en), 'the first screen says when answers are cleared');
    const said = (await page.locator('body').innerText()).split(KIOSK.notice.en).length - 1;
    assert.equal(said, 1, 'and says it once (the start page does not repeat the footer)');
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
    await page.waitForFunction(() => location.hash.startsWith('#/welcome'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
    assert.equal((await page.locator('h1').innerText()).split('\n').join(' '), KIOSK.welcome.join(' '), 'the next person starts at the language buttons');
    // Going back in the browser finds no answer.
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/q/'));
    assert.equal(await page.locator('main form input:checked').count(), 0, 'no earlier answer comes back');
    for (const v of await page.locator('main form input[type="text"]').evaluateAll((els) => els.map((e) => e.value))) {
      assert.equal(v, '', 'no earlier answer comes back');
    }

    // "Finish and clear" in the header, from any screen.
    await page.getByRole('button', { name: KIOSK.finish.kk }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/welcome'));
    await chooseOnWelcome(page, 'Қазақша');
    assert.equal(await page.locator('h1').innerText(), UI.kk.appTitle);
    assert.deepEqual(app.foreignRequests(), []);
    assert.deepEqual(await app.storage(), NOTHING_STORED);
  } finally {
    await app.close();
  }
});

/** On a kiosk's first screen: presses a language's large button and waits for the start page. */
async function chooseOnWelcome(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(() => location.hash.startsWith('#/start'));
}

/** Every visible link, button, input, select and summary smaller than 44 × 44 px: [description]. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, summary, label.file-label')) {
      // The skip link is shown when it takes focus: measure it so.
      if (el.matches('a.skip')) el.focus();
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && el.closest('[hidden], details:not([open]) > :not(summary)') === null;
      if (visible && (r.width < 44 || r.height < 44)) {
        small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${(el.innerText || el.value || el.id).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      if (el.matches('a.skip')) el.blur();
    }
    return small;
  });
}

test('kiosk: language buttons first, a "call staff" line on every screen, every target at least 44 px', async (t) => {
  const ex = example('trp');
  const app = await openApp('/#/start?kiosk=1', { now: at(0), viewport: { width: 1080, height: 1920 } });
  const { page } = app;
  const checkPage = async (kind, lang) => {
    assert.deepEqual(await smallTargets(page), [], `${kind}: every target at least 44 × 44 px`);
    const staff = page.locator('header.bar .staff');
    assert.equal(await staff.innerText(), KIOSK.staff[lang], `${kind}: the call-staff line`);
    assert.ok(await staff.isVisible());
    const box = await staff.boundingBox();
    t.diagnostic(`${kind}: call-staff line at y=${Math.round(box.y)}`);
    assert.ok(box.y < 200, `${kind}: in the header, at the top of the screen`);
  };
  try {
    // The first screen: the question in the three languages, three large buttons.
    assert.equal((await where(page)).screen, 'welcome');
    assert.deepEqual((await page.locator('h1 span').allInnerTexts()), KIOSK.welcome);
    const buttons = page.locator('main ul.welcome-langs button');
    assert.deepEqual(await buttons.allInnerTexts(), KIOSK.languages);
    for (const b of await buttons.all()) {
      const box = await b.boundingBox();
      assert.ok(box.height >= 64 && box.width >= 200, `a large button: ${JSON.stringify(box)}`);
    }
    await checkPage('welcome', 'kk');
    const { serious } = await axeCheck(page);
    assert.deepEqual(serious, [], 'the language screen is accessible');
    await screenshot(page, 'kiosk-welcome');

    await chooseOnWelcome(page, 'Русский');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    await checkPage('start', 'ru');
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await checkPage('question (choice)', 'en');
    await answerAll(page, ex.raw, 'en', {
      onQuestion: async (path) => {
        if (path === 'person.date_of_birth') await checkPage('question (date)', 'en');
        if (path === 'person.citizenship') await checkPage('question (country list)', 'en');
      },
    });
    assert.equal((await where(page)).screen, 'check');
    await checkPage('check your answers', 'en');
    await page.getByRole('button', { name: UI.en.showResults }).click();
    await page.waitForSelector('section.outcome');
    await checkPage('results', 'en');
    assert.equal(await page.locator('details.answers-link').count(), 0, 'no link with the answers on a kiosk');
    await screenshot(page, 'kiosk-results-en');
  } finally {
    await app.close();
  }
});

test('kiosk: Tab stays inside the idle dialog, and focus returns where it was', async () => {
  const app = await openApp('/#/start?lang=en&kiosk=1', { now: at(0) });
  const { page } = app;
  try {
    await startFor(page, ['trp'], 'en');
    const first = page.locator('main form input').first();
    await first.focus();
    const before = await page.evaluate(() => document.activeElement.id);
    await page.clock.setFixedTime(at(125));
    const dialog = page.getByRole('alertdialog', { name: KIOSK.stillThere.en });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'idle-continue');
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const order = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    assert.deepEqual(order, ['idle-finish', 'idle-continue', 'idle-finish', 'idle-continue', 'idle-finish'], 'Tab cycles within the dialog');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'idle-continue');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'idle-finish', 'Shift+Tab cycles too');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // "Continue"
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await focused(), before, 'focus returns to where it was');
  } finally {
    await app.close();
  }
});
