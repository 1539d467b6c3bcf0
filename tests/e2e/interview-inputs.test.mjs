// The interview as people type and answer it (issue 10, "Interview"): times typed 14:30, 14.30, 1430 and
// 14 30 (a phone's numeric keypad has no ":"), a month typed by its name, an area with a decimal comma, all
// through the real pages to the results; the "Is this right?" page for an answer that looks like a slip
// (Continue keeps it, Change goes back to the question, and a kept answer is not asked about again); an
// empty answer's error names its question, the title starts with "Error:" and the error and hint are tied
// to their inputs; and once every service chosen is decided against, no channel, day or time is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, screenshot } from './harness.mjs';
import {
  UI,
  VERDICT,
  answerAll,
  chooseLanguage,
  example,
  fillAnswer,
  mainText,
  outcome,
  pressContinue,
  startFor,
  where,
} from './interview.mjs';

const at = (date) => ({ now: `${date}T09:00:00+05:00`, timezoneId: 'Asia/Almaty' });
const DATE = {
  day: { kk: 'Күні', ru: 'День', en: 'Day' },
  month: { kk: 'Айы', ru: 'Месяц', en: 'Month' },
  year: { kk: 'Жылы', ru: 'Год', en: 'Year' },
};

/** Types a date into the three boxes exactly as given (a month may be a name). */
async function typeDate(page, lang, [d, m, y]) {
  const form = page.locator('main form');
  await form.getByLabel(DATE.day[lang], { exact: true }).fill(d);
  await form.getByLabel(DATE.month[lang], { exact: true }).fill(m);
  await form.getByLabel(DATE.year[lang], { exact: true }).fill(y);
}

/** "Check your answers" as { path: answer in words }. */
async function checkRows(page) {
  return page.locator('dl.summary .row').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        decodeURIComponent(r.querySelector('dd.action a').getAttribute('href')).match(/^#\/q\/([^?]+)/)[1],
        r.querySelector('dd:not(.action)').textContent,
      ]),
    ),
  );
}

test('a month by its name and a decimal comma reach the results (ru)', async () => {
  const ex = example('registration-astana');
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'ru');
    await startFor(page, ['registration'], 'ru');
    const raw = ex.raw;
    // The two dates typed with the month's name, the area with a comma (fillAnswer types "48,5" in ru).
    const typed = [
      ['person.date_of_birth', ['19', 'мая', '2004']],
      ['registration.arrival_date', ['25', 'февраля', '2026']],
    ];
    for (const [path, parts] of typed) {
      await answerAll(page, raw, 'ru', { stopAt: path });
      assert.equal((await where(page)).path, path);
      await typeDate(page, 'ru', parts);
      await pressContinue(page, 'ru');
      assert.notEqual((await where(page)).path, path, `${path}: taken, no error`);
      assert.equal((await where(page)).params[path], `${parts[2]}-${parts[1]}-${parts[0]}`, 'kept as typed');
    }
    await answerAll(page, raw, 'ru');
    assert.equal((await where(page)).screen, 'check');
    const rows = await checkRows(page);
    assert.equal(rows['person.date_of_birth'], '19 мая 2004 г.');
    assert.equal(rows['registration.arrival_date'], '25 февраля 2026 г.');
    assert.equal(rows['registration.area_total_m2'], '48,5', 'the decimal comma as typed');
    // Grouped by topic with short keys.
    const groups = await page.locator('h2.summary-group').allInnerTexts();
    assert.deepEqual(groups, ['О вас', 'Ваше пребывание', 'Жильё', 'Подача заявления']);
    assert.equal(await page.locator('dl.summary dt').first().innerText(), 'Правовой статус');
    assert.ok(
      (await page.locator('dd.action a').first().innerText()).includes('Правовой статус'),
      'the Change link names its answer (hidden text)',
    );
    await screenshot(page, 'check-grouped-ru');
    await page.getByRole('button', { name: UI.ru.showResults }).click();
    await page.waitForSelector('section.outcome');
    assert.equal(await outcome(page, 'registration').locator('.verdict').innerText(), VERDICT.eligible.ru);
  } finally {
    await app.close();
  }
});

test('each way of typing a time is taken, as typed, and a time that is not one is refused (en)', async () => {
  const base = '/#/q/application.time?lang=en&s=trp&person.status=citizen&application.channel=con&application.date=2026-03-20';
  for (const typed of ['14:30', '14.30', '1430', '14 30']) {
    const app = await openApp(base, { ...at('2026-03-02'), ready: 'main form input' });
    const { page } = app;
    try {
      await fillAnswer(page, 'application.time', typed, 'en');
      await pressContinue(page, 'en');
      const now = await where(page);
      assert.notEqual(now.screen, 'q', `${typed}: moved on`);
      assert.equal(now.params['application.time'], typed, 'kept as typed');
    } finally {
      await app.close();
    }
  }
  const app = await openApp(base, { ...at('2026-03-02'), ready: 'main form input' });
  try {
    await fillAnswer(app.page, 'application.time', '25:61', 'en');
    await pressContinue(app.page, 'en', { allowError: true });
    assert.equal(await app.page.locator('#error-summary a').innerText(), 'Enter the time as hours:minutes, for example 14:30');
  } finally {
    await app.close();
  }
});

test('"Will you apply within working hours?" names the provider\'s hours and is asked instead of the time (en)', async () => {
  const ex = example('trp'); // at a ЦОН: its hours, 09:00–18:00
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ex.services, 'en');
    const asked = await answerAll(page, ex.raw, 'en', { stopAt: 'application.within_hours' });
    assert.equal((await where(page)).path, 'application.within_hours', `asked: ${asked}`);
    assert.ok(!asked.includes('application.time'), 'the time is not asked');
    assert.equal(await page.locator('main h1').innerText(), 'Will you apply within working hours?');
    assert.equal(
      await page.locator('#answer-hint').innerText(),
      'Working hours: 09:00–18:00, on working days. An application made before opening is registered that day; one made after working hours, on a weekend or on a holiday, on the next working day.',
    );
    const labels = await page.locator('main form .radio label').allInnerTexts();
    assert.deepEqual(labels.slice(0, 2), ['Yes, on a working day before the office closes', 'No, after working hours or on a day off']);
    await fillAnswer(page, 'application.within_hours', 'no', 'en');
    await pressContinue(page, 'en');
    assert.equal((await where(page)).screen, 'check', 'nothing more is asked');
    await screenshot(page, 'check-within-hours-en');
  } finally {
    await app.close();
  }
});

test('"Is this right?" for an arrival ten years ago: Change goes back, Continue keeps it, and it is not asked again (en)', async () => {
  const ex = example('registration-astana');
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['registration'], 'en');
    await answerAll(page, ex.raw, 'en', { stopAt: 'registration.arrival_date' });
    await typeDate(page, 'en', ['25', '02', '2016']);
    await pressContinue(page, 'en');
    let now = await where(page);
    assert.deepEqual([now.screen, now.path], ['confirm', 'registration.arrival_date']);
    assert.equal(await page.locator('h1').innerText(), UI.en.confirmTitle);
    assert.match(await mainText(page), /25 February 2016/, 'the answer is shown');
    assert.match(await page.title(), /^Is this right\? — /);
    await screenshot(page, 'interruption-en');

    // Change: back to the question, the answer still there.
    await page.getByRole('link', { name: UI.en.confirmChange }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/registration.arrival_date?'));
    assert.equal(await page.getByLabel(DATE.year.en, { exact: true }).inputValue(), '2016');
    await pressContinue(page, 'en');
    assert.equal((await where(page)).screen, 'confirm', 'asked again while not confirmed');

    // Continue: kept, and on to the next question.
    await page.getByRole('button', { name: UI.en.confirmKeep, exact: true }).click();
    await page.waitForFunction(() => !location.hash.startsWith('#/confirm/'));
    now = await where(page);
    assert.notEqual(now.path, 'registration.arrival_date');
    assert.equal(now.params['registration.arrival_date'], '2016-02-25');

    // Back to the question and Continue with the same answer: not asked about again.
    const next = now.hash;
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/confirm/'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/q/registration.arrival_date?'));
    await pressContinue(page, 'en');
    now = await where(page);
    assert.equal(now.screen, 'q');
    assert.equal(now.hash.split('?')[0], next.split('?')[0], 'straight on to the same next question');

    // The answers lead to the results: the hint changed no verdict on its own.
    await answerAll(page, ex.raw, 'en');
    assert.equal((await where(page)).screen, 'check');
  } finally {
    await app.close();
  }
});

test('an area of 4 800 m² asks "Is this right?"; Change and 48,5 go straight on (ru)', async () => {
  const ex = example('registration-astana');
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'ru');
    await startFor(page, ['registration'], 'ru');
    await answerAll(page, ex.raw, 'ru', { stopAt: 'registration.area_total_m2' });
    await page.locator('main form input[type="text"]').fill('4800');
    await pressContinue(page, 'ru');
    assert.equal((await where(page)).screen, 'confirm');
    assert.equal(await page.locator('h1').innerText(), UI.ru.confirmTitle);
    await page.getByRole('link', { name: UI.ru.confirmChange }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/registration.area_total_m2?'));
    await page.locator('main form input[type="text"]').fill('48,5');
    await pressContinue(page, 'ru');
    assert.equal((await where(page)).screen, 'q', 'no interruption for 48,5');
    assert.notEqual((await where(page)).path, 'registration.area_total_m2');
  } finally {
    await app.close();
  }
});

test('an empty answer: the error names the question, the title says "Error:", and error and hint are tied to the inputs', async () => {
  for (const [lang, message] of [
    ['en', 'Enter the date you arrived'],
    ['ru', 'Введите дату прибытия'],
    ['kk', 'Келген күніңізді енгізіңіз'],
  ]) {
    const app = await openApp(`/#/q/registration.arrival_date?lang=${lang}&s=registration`, { ...at('2026-03-02'), ready: '.date input' });
    const { page } = app;
    try {
      assert.ok(!(await page.title()).startsWith(UI[lang].errorPrefix), 'no error before Continue');
      await pressContinue(page, lang, { allowError: true });
      await page.waitForSelector('#error-summary');
      assert.equal(await page.locator('#error-summary a').innerText(), message);
      assert.ok((await page.locator('#answer-error').innerText()).includes(message));
      await page.waitForFunction((p) => document.title.startsWith(p), UI[lang].errorPrefix);
      const described = (await page.locator('fieldset[role="group"]').getAttribute('aria-describedby')).split(' ');
      assert.ok(described.includes('answer-error'), `the date group names the error: ${described}`);
      assert.ok(described.includes('answer-date-hint'), 'and the example');
      if (lang === 'en') await screenshot(page, 'error-names-question-en');
    } finally {
      await app.close();
    }
  }
  // A date group, a text box and a radio group with a hint name it.
  const app = await openApp('/#/q/application.date?lang=en&s=registration', { ...at('2026-03-02'), ready: '.date input' });
  try {
    assert.equal(await app.page.locator('fieldset[role="group"]').getAttribute('aria-describedby'), 'answer-date-hint answer-hint');
    assert.equal(await app.page.locator('#answer-hint').count(), 1);
    await app.page.evaluate(() => (location.hash = '#/q/registration.area_total_m2?lang=en&s=registration'));
    await app.page.waitForSelector('input.short');
    assert.equal(await app.page.locator('#answer-0').getAttribute('aria-describedby'), 'answer-hint');
    await app.page.evaluate(() => (location.hash = '#/q/licence.has_eds?lang=en&s=medical_licence'));
    await app.page.waitForSelector('input[type="radio"]');
    assert.equal(await app.page.locator('main fieldset').getAttribute('aria-describedby'), 'answer-hint');
    assert.match(await app.page.locator('#answer-hint').innerText(), /electronic digital signature/);
    // The Continue button stands apart from the last option.
    const gap = await app.page.evaluate(() => {
      const button = document.querySelector('main form button[type="submit"]');
      const above = button.previousElementSibling.getBoundingClientRect();
      return button.getBoundingClientRect().top - above.bottom;
    });
    assert.ok(gap >= 16, `a gap above Continue: ${gap}px`);
  } finally {
    await app.close();
  }
});

test('at 360 px, Continue never touches the answer: on a line of its own, at least 8 px below every kind of input', async (t) => {
  const kinds = [
    ['text', '/#/q/registration.area_total_m2?lang=en&s=registration', 'input.short'],
    ['code', '/#/q/person.iin?lang=ru&s=phc', 'input.code'],
    ['time', '/#/q/application.time?lang=en&s=trp', 'input.short'],
    ['date fieldset', '/#/q/person.date_of_birth?lang=kk&s=phc', '.date input'],
    ['choice', '/#/q/person.status?lang=ru&s=trp', 'input[type=radio]'],
    ['yes or no', '/#/q/licence.has_eds?lang=kk&s=medical_licence', 'input[type=radio]'],
    ['many', '/#/q/phc.categories?lang=en&s=phc', 'input[type=checkbox]'],
    ['country list', '/#/q/person.citizenship?lang=en&s=trp', 'select'],
  ];
  const app = await openApp('/', { ...at('2026-03-02'), viewport: { width: 360, height: 740 } });
  try {
    for (const [kind, path, ready] of kinds) {
      await app.page.evaluate((h) => (location.hash = h), path.slice(1));
      await app.page.waitForSelector(`main form ${ready}`);
      // The many kind with a box ticked shows "Clear choices" at the end of its group too.
      if (kind === 'many') await app.page.locator('main form input[type=checkbox]').first().check();
      const m = await app.page.evaluate(() => {
        const form = document.querySelector('main form');
        const button = form.querySelector('button[type="submit"]').getBoundingClientRect();
        const boxes = [...form.querySelectorAll('input:not([type=hidden]), select, fieldset, button:not([type="submit"])')]
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
        return {
          n: boxes.length,
          gap: button.top - Math.max(...boxes.map((r) => r.bottom)),
          beside: boxes.some((r) => r.bottom > button.top && r.top < button.bottom),
          width: button.width,
          formWidth: form.getBoundingClientRect().width,
        };
      });
      assert.ok(m.n > 0, `${kind}: the answer's boxes are found`);
      assert.ok(m.gap >= 8, `${kind}: ${m.gap} px between the answer and Continue`);
      t.diagnostic(`${kind}: ${Math.round(m.gap)} px between the answer and Continue`);
      assert.equal(m.beside, false, `${kind}: nothing beside Continue`);
      assert.ok(Math.abs(m.width - m.formWidth) < 1, `${kind}: Continue spans the line (${m.width} of ${m.formWidth} px)`);
      if (kind === 'date fieldset' || kind === 'many') await screenshot(app.page, `continue-gap-360-${kind.split(' ')[0]}`);
    }
  } finally {
    await app.close();
  }
});

test('once every service is decided against, no channel, day or time is asked', async () => {
  const applying = { 'application.channel': 'con', 'application.date': '2026-03-20', 'application.within_hours': 'yes' };
  // A citizen needs no residence permit (en).
  let app = await openApp('/', at('2026-03-02'));
  try {
    await chooseLanguage(app.page, 'en');
    await startFor(app.page, ['trp'], 'en');
    const asked = await answerAll(app.page, { 'person.status': 'citizen', ...applying }, 'en');
    assert.deepEqual(asked, ['person.status']);
    assert.equal((await where(app.page)).screen, 'check');
  } finally {
    await app.close();
  }
  // A court ban refuses the licence (kk): nothing after it.
  app = await openApp('/', at('2026-03-02'));
  try {
    await chooseLanguage(app.page, 'kk');
    await startFor(app.page, ['medical_licence'], 'kk');
    const raw = { 'licence.applicant': 'individual', 'licence.holds_licence': 'no', 'licence.has_eds': 'yes', 'licence.court_ban': 'yes', ...applying };
    const asked = await answerAll(app.page, raw, 'kk');
    assert.deepEqual(asked, ['licence.applicant', 'licence.holds_licence', 'licence.has_eds', 'licence.court_ban'], 'who applies first; nothing after the ban');
    assert.equal((await where(app.page)).screen, 'check');
    await app.page.getByRole('button', { name: UI.kk.showResults }).click();
    await app.page.waitForSelector('section.outcome');
    assert.equal(await outcome(app.page, 'medical_licence').locator('.verdict').innerText(), VERDICT.not_eligible.kk);
  } finally {
    await app.close();
  }
});
