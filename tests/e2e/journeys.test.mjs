// How the interview behaves along the way: paths that end "not eligible" or "does not apply" with their
// reasons, a change made from "Check your answers", reloading from the URL, the browser's back and
// forward, switching language mid-way, saving the answers to a file and loading them back, and the error
// shown when Continue is pressed without an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, screenshot, ROOT, NOTHING_STORED } from './harness.mjs';
import {
  SERVICE,
  UI,
  TAG,
  VERDICT,
  answerAll,
  chooseLanguage,
  linkWithAnswers,
  example,
  fillAnswer,
  mainText,
  outcome,
  pressContinue,
  startFor,
  waitForNewScreen,
  where,
} from './interview.mjs';

const ALMATY = 'Asia/Almaty';
const at = (date) => ({ now: `${date}T09:00:00+05:00`, timezoneId: ALMATY });

/** Presses "Show my results" on "Check your answers" and waits for the outcomes. */
async function showResults(page, lang) {
  await page.getByRole('button', { name: UI[lang].showResults }).click();
  await page.waitForSelector('section.outcome');
}

/** The reasons of a service's outcome, as { status, text } (status in words, text without its citation). */
async function reasons(page, service) {
  return outcome(page, service)
    .locator('ul.reasons > li')
    .evaluateAll((lis) =>
      lis.map((li) => ({
        status: li.querySelector('.status').textContent.replace(/:\s*$/, '').trim(),
        text: [...li.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
      })),
    );
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

/** The value chosen or typed on the question on screen ('' when none). */
async function shownAnswer(page) {
  return page.evaluate(() => {
    const form = document.querySelector('main form');
    const radio = form.querySelector('input[type=radio]:checked');
    if (radio) return radio.value;
    if (form.querySelector('.date')) {
      const [d, m, y] = ['answer-0', 'answer-1', 'answer-2'].map((id) => document.getElementById(id).value);
      return d || m || y ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : '';
    }
    const select = form.querySelector('select');
    if (select) return select.value;
    const boxes = [...form.querySelectorAll('input[type=checkbox]')];
    if (boxes.length) return boxes.filter((b) => b.checked).map((b) => b.id).join(',');
    return form.querySelector('input[type=text]')?.value ?? '';
  });
}

test('not applicable: a 13-year-old is told registration is not for him, with the reason (kk)', async () => {
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    const raw = {
      'person.status': 'citizen',
      'person.date_of_birth': '2012-03-03', // 14 tomorrow
      'registration.kind': 'permanent',
      'application.channel': 'egov_eds',
      'application.date': '2026-03-02',
      'application.within_hours': 'yes',
    };
    await chooseLanguage(page, 'kk');
    await startFor(page, ['registration'], 'kk');
    const asked = await answerAll(page, raw, 'kk');
    assert.ok(!asked.some((p) => p.startsWith('registration.') && p !== 'registration.kind'), `nothing more is asked about the registration: ${asked}`);
    await showResults(page, 'kk');
    const section = outcome(page, 'registration');
    assert.equal(await section.locator('.verdict').innerText(), VERDICT.not_applicable.kk);
    const rs = await reasons(page, 'registration');
    assert.deepEqual(rs[0], {
      status: UI.kk.notMet,
      text: 'Адам 14 жасқа толған (14 жасқа толмағандардың тұрғылықты жері – заңды өкілдерінің тұрғылықты жері)',
    });
    assert.ok(
      (await section.locator('ul.note').innerText()).includes(
        '14 жасқа толмаған баланың тұрғылықты жері – оның заңды өкілдерінің тұрғылықты жері; бала жеке тіркелмейді',
      ),
      'the note says where a child lives',
    );
    // Each reason cites its source, which opens to the quoted words.
    const cite = section.locator('ul.reasons > li').first().locator('details.cite');
    await cite.locator('summary').click();
    // The words are fetched (quotes.json, a static file of the app) when the first citation opens.
    await cite.locator('blockquote').first().waitFor();
    assert.ok((await cite.locator('blockquote').first().innerText()).length > 20, 'the quote of the source shows');
    assert.ok(app.requests.some((r) => new URL(r.url).pathname === '/quotes.json'), 'the quotes came from the app itself');
    await screenshot(page, 'results-registration-not-applicable-kk');
  } finally {
    await app.close();
  }
});

test('check with the provider: a national of China is outside a secondary list of visa-free states, and the page says why without refusing (ru)', async () => {
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    const raw = {
      'person.status': 'temporary_resident',
      'person.citizenship': 'CHN',
      'person.date_of_birth': '2004-09-01',
      'trp.subtype': 'study',
      'application.channel': 'con',
      'application.date': '2026-03-02',
      'application.within_hours': 'yes',
      // The visa-free list rests on a secondary source, so the person may still apply (after
      // confirming): the checklist's refining questions follow.
      'trp.host_owns_housing': 'yes',
      'trp.phone_in_mobile_database': 'yes',
    };
    await chooseLanguage(page, 'ru');
    await startFor(page, ['trp'], 'ru');
    await answerAll(page, raw, 'ru');
    await showResults(page, 'ru');
    assert.equal(await outcome(page, 'trp').locator('.verdict').innerText(), VERDICT.check_with_provider.ru);
    const rs = await reasons(page, 'trp');
    assert.equal(rs[0].status, UI.ru.notMet, 'the unmet condition comes first');
    assert.match(rs[0].text, /^Внутри Казахстана РВП получают только граждане государств/);
    // The unmet condition rests on a secondary source: it is marked as not confirmed, and it alone is not met.
    assert.equal(await outcome(page, 'trp').locator('.reasons .unconfirmed').count(), 1, 'the unconfirmed condition is marked');
    assert.deepEqual(rs.filter((r) => r.status === UI.ru.notMet).length, 1, 'one condition is not met');
    await screenshot(page, 'results-trp-check-with-provider-ru');
  } finally {
    await app.close();
  }
});

test('a change from "Check your answers" changes the result and keeps every later answer (en)', async () => {
  const ex = example('trp');
  const app = await openApp('/', at('2026-03-20'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en');
    await showResults(page, 'en');
    assert.equal(await outcome(page, 'trp').locator('.verdict').innerText(), VERDICT.eligible.en);

    // Back to the answers from the results, then the Change link of the citizenship (an early answer).
    await page.getByRole('button', { name: 'Your answers' }).click();
    await page.waitForSelector('dl.summary');
    const before = await checkRows(page);
    assert.equal(before['person.citizenship'], 'Uzbekistan');
    await page.getByRole('link', { name: 'Change Citizenship' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/person.citizenship'));
    assert.equal(await shownAnswer(page), 'UZB', 'the question opens with the answer given');
    await fillAnswer(page, 'person.citizenship', 'CHN', 'en');
    await pressContinue(page, 'en');
    assert.equal((await where(page)).screen, 'check', 'Continue returns to "Check your answers"');
    const after = await checkRows(page);
    assert.equal(after['person.citizenship'], 'China');
    assert.deepEqual({ ...after, 'person.citizenship': 'Uzbekistan' }, before, 'every other answer is kept');

    await showResults(page, 'en');
    assert.equal(await outcome(page, 'trp').locator('.verdict').innerText(), VERDICT.check_with_provider.en);
    const rs = await reasons(page, 'trp');
    assert.equal(rs[0].status, UI.en.notMet);
    assert.match(rs[0].text, /^Inside Kazakhstan a TRP is obtained only by nationals of the states with ratified visa-free agreements/);
  } finally {
    await app.close();
  }
});

test('a change that needs a new follow-up question asks it, then returns to "Check your answers" (en)', async () => {
  const ex = example('registration-astana');
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['registration'], 'en');
    await answerAll(page, ex.raw, 'en');
    const before = await checkRows(page);
    // Owner of the dwelling instead of a grandchild of the owner: no consent needed, other questions follow.
    await page.locator('a[href^="#/q/registration.applicant_is_owner?"]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/registration.applicant_is_owner'));
    assert.equal(await shownAnswer(page), 'no');
    await fillAnswer(page, 'registration.applicant_is_owner', 'yes', 'en');
    await pressContinue(page, 'en');
    const followUps = await answerAll(page, { 'registration.owner_type': 'adult', 'registration.dwelling_rented': 'no' }, 'en');
    assert.equal((await where(page)).screen, 'check', `back on "Check your answers" after ${followUps.join(', ') || 'no follow-up'}`);
    const after = await checkRows(page);
    assert.equal(after['registration.applicant_is_owner'], 'Yes');
    for (const [path, answer] of Object.entries(before)) {
      if (path !== 'registration.applicant_is_owner') assert.equal(after[path], answer, `${path} kept`);
    }
    await showResults(page, 'en');
    assert.equal(await outcome(page, 'registration').locator('.verdict').innerText(), VERDICT.eligible.en);
  } finally {
    await app.close();
  }
});

test('reloading restores the screen and every answer from the tab\'s history; the link with the answers opens them elsewhere (ru)', async () => {
  const ex = example('registration-astana');
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'ru');
    await startFor(page, ['registration'], 'ru');
    const first = await answerAll(page, ex.raw, 'ru', { stopAt: 'registration.in_astana' });
    await fillAnswer(page, 'registration.in_astana', 'yes', 'ru'); // chosen, Continue not pressed yet
    const h1 = await page.locator('h1').innerText();
    const url = page.url();

    await page.reload();
    await page.waitForSelector('main form');
    assert.equal(page.url(), url);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.equal(await page.locator('h1').innerText(), h1, 'the same question');
    // Every answer given so far is back: the in-page Back link shows the previous one filled in.
    await page.getByRole('link', { name: UI.ru.back }).click();
    await page.waitForFunction((p) => location.hash.startsWith(`#/q/${p}?`), first.at(-1));
    assert.equal(await shownAnswer(page), ex.raw[first.at(-1)]);
    await page.goForward();
    await page.waitForFunction(() => location.hash.startsWith('#/q/registration.in_astana?'));
    const rest = await answerAll(page, ex.raw, 'ru');
    assert.equal((await where(page)).screen, 'check');
    const rows = await checkRows(page);
    assert.deepEqual(Object.keys(rows).sort(), [...first, ...rest].sort(), 'every answer, before and after the reload');

    // The results reload as they were, too.
    await showResults(page, 'ru');
    const verdict = await outcome(page, 'registration').locator('.verdict').innerText();
    await page.reload();
    await page.waitForSelector('section.outcome');
    assert.equal((await where(page)).screen, 'results');
    assert.equal(await outcome(page, 'registration').locator('.verdict').innerText(), verdict);

    // And the link with the answers, asked for, opened in a new browser (another context: nothing shared but
    // the link).
    const link = await linkWithAnswers(page, 'ru');
    const other = await openApp(new URL(link).pathname + new URL(link).hash, { ...at('2026-03-02'), ready: 'section.outcome' });
    try {
      assert.equal(await outcome(other.page, 'registration').locator('.verdict').innerText(), VERDICT.eligible.ru);
    } finally {
      await other.close();
    }
  } finally {
    await app.close();
  }
});

test("the browser's back and forward, and the Back link, move between screens without losing an answer (ru)", async () => {
  const ex = example('phc');
  const app = await openApp('/', at('2026-09-04'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'ru');
    await startFor(page, ['phc'], 'ru');
    const asked = await answerAll(page, ex.raw, 'ru', { stopAt: 'phc.organisation_in_residence_unit' });
    assert.deepEqual(asked, ['person.status', 'person.date_of_birth', 'phc.applicant', 'phc.reason']);

    // Back three times with the browser: each earlier question shows its answer.
    for (const path of ['phc.reason', 'phc.applicant', 'person.date_of_birth']) {
      const before = (await where(page)).hash;
      await page.goBack();
      await waitForNewScreen(page, before);
      assert.equal((await where(page)).path, path);
      assert.equal(await shownAnswer(page), ex.raw[path], `${path} kept`);
    }
    // Forward twice: later answers are still there.
    for (const path of ['phc.applicant', 'phc.reason']) {
      const before = (await where(page)).hash;
      await page.goForward();
      await waitForNewScreen(page, before);
      assert.equal((await where(page)).path, path);
      assert.equal(await shownAnswer(page), ex.raw[path], `${path} kept going forward`);
    }
    // The in-page Back link behaves like the browser's.
    await page.getByRole('link', { name: UI.ru.back }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/phc.applicant?'));
    assert.equal(await shownAnswer(page), 'self');
    // Continue from an earlier question leads on to the first question not yet answered.
    await pressContinue(page, 'ru');
    assert.equal((await where(page)).path, 'phc.organisation_in_residence_unit');
    await answerAll(page, ex.raw, 'ru');
    const rows = await checkRows(page);
    assert.equal(Object.keys(rows).length, 9, 'the 8 facts that decide and the categories, which refine the checklist');
    // Back from "Check your answers" and forward again.
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/q/'));
    await page.goForward();
    await page.waitForFunction(() => location.hash.startsWith('#/check'));
    assert.deepEqual(await checkRows(page), rows);
  } finally {
    await app.close();
  }
});

test('switching language mid-way keeps every answer and re-renders everything, the results too', async () => {
  const ex = example('medical-licence');
  const app = await openApp('/', at('2026-03-18'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'kk');
    await startFor(page, ['medical_licence'], 'kk');
    await answerAll(page, ex.raw, 'kk', { stopAt: 'licence.meets_qualification_requirements' });
    await fillAnswer(page, 'licence.meets_qualification_requirements', 'yes', 'kk'); // chosen, not yet sent
    const kkQuestion = await page.locator('h1').innerText();

    await chooseLanguage(page, 'ru');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    const ruQuestion = await page.locator('h1').innerText();
    assert.notEqual(ruQuestion, kkQuestion);
    assert.match(ruQuestion, /[а-яё]/i);
    assert.match(await page.title(), new RegExp(`^${ruQuestion.replace(/[?()]/g, '\\$&')} — `), 'the title follows');
    assert.equal(await shownAnswer(page), 'yes', 'the choice not yet sent is kept');
    assert.equal(await page.getByRole('button', { name: UI.ru.continue }).count(), 1);
    await page.getByRole('link', { name: UI.ru.back }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/q/licence.court_ban?'));
    assert.equal(await shownAnswer(page), 'no', 'an answer given in kk is there in ru');
    await pressContinue(page, 'ru');
    await answerAll(page, ex.raw, 'ru');

    await chooseLanguage(page, 'en');
    assert.equal(await page.locator('h1').innerText(), UI.en.checkTitle);
    const rows = await checkRows(page);
    assert.equal(rows['licence.meets_qualification_requirements'], 'Yes');
    assert.equal(rows['application.date'], '18 March 2026');
    assert.equal(Object.keys(rows).length, 15, '11 facts that decide and 4 that make the checklist precise');
    await showResults(page, 'en');
    assert.equal(await outcome(page, 'medical_licence').locator('.verdict').innerText(), VERDICT.eligible.en);

    // On the results: every part is in the new language.
    await chooseLanguage(page, 'kk');
    const section = outcome(page, 'medical_licence');
    assert.equal(await page.locator('h1').innerText(), UI.kk.resultsTitle);
    assert.equal(await section.locator('h2').innerText(), SERVICE.medical_licence.kk);
    assert.equal(await section.locator('.verdict').innerText(), VERDICT.eligible.kk);
    assert.match(await section.locator('.fee').innerText(), /^43\u00a0250\u00a0₸ \(10 АЕК\)/);
    assert.ok((await section.locator('.deadline').innerText()).includes('бейсенбі, 2026 ж. 9 сәуір'));
    // The calendar is folded under the result day: opened, it is in Kazakh too.
    await section.locator('details.calendar-fold summary').first().click();
    assert.equal(await section.locator('table.month caption').first().innerText(), '2026 ж. наурыз');
    const text = await mainText(page);
    for (const english of ['You are eligible', 'Results from your answers', 'Why', 'What to bring', 'Thursday', 'April', 'met:']) {
      assert.ok(!text.includes(english), `"${english}" is gone after switching to kk`);
    }
    await screenshot(page, 'results-licence-after-switch-kk');
  } finally {
    await app.close();
  }
});

test('answers saved to a file load back, and a realistic answers file loads from the start page', async () => {
  const ex = example('trp');
  const app = await openApp('/', at('2026-03-20'));
  const { page } = app;
  const dir = join(ROOT, 'target', 'e2e-downloads');
  mkdirSync(dir, { recursive: true });
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['trp'], 'en');
    await answerAll(page, ex.raw, 'en');
    const rows = await checkRows(page);
    await showResults(page, 'en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: UI.en.save }).click()]);
    assert.equal(download.suggestedFilename(), 'tekser-answers.json');
    const file = join(dir, 'tekser-answers.json');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(saved.services, ['trp']);
    // Only what was answered, as a person would write it by hand: no nulls ("within working hours" a
    // true or false; a typed time would be written without seconds, state.rs tests it).
    assert.deepEqual(saved.person, { status: 'temporary_resident', citizenship: 'UZB', date_of_birth: '1994-07-03' });
    assert.equal(saved.trp.subtype, 'labour');
    assert.deepEqual(saved.application, { date: '2026-03-20', within_hours: true, channel: 'con' });
    assert.ok(!readFileSync(file, 'utf8').includes('null'), 'no unanswered field is written');
    assert.deepEqual(app.foreignRequests(), [], 'saving sends nothing');

    // A new browser: load the file from the start page.
    const other = await openApp('/', at('2026-03-20'));
    try {
      await chooseLanguage(other.page, 'en');
      await other.page.getByLabel(UI.en.load).setInputFiles(file);
      await other.page.waitForFunction(() => location.hash.startsWith('#/check'));
      assert.deepEqual(await checkRows(other.page), rows, 'every answer is back');
      await showResults(other.page, 'en');
      assert.equal(await outcome(other.page, 'trp').locator('.verdict').innerText(), VERDICT.eligible.en);

      // The repository's all-four example, loaded the same way from the results page.
      await other.page.getByLabel(UI.en.load).setInputFiles(join(ROOT, 'examples', 'all-four.json'));
      await other.page.waitForFunction(() => location.hash.startsWith('#/check'));
      assert.ok(Object.keys(await checkRows(other.page)).length >= 40, 'all of the file is listed');
      await showResults(other.page, 'en');
      const overview = await other.page.locator('ul.overview li').allInnerTexts();
      assert.deepEqual(overview.sort(), [
        `${SERVICE.phc.en} ${TAG.eligible.en}`,
        `${SERVICE.medical_licence.en} ${TAG.eligible.en}`,
        `${SERVICE.registration.en} ${TAG.eligible.en}`,
        `${SERVICE.trp.en} ${TAG.not_applicable.en}`,
      ].sort());
      // The file's individual applicant brings the individual's application form.
      const docs = await outcome(other.page, 'medical_licence').locator('ul.checklist label').allInnerTexts();
      assert.ok(docs.some((d) => /application/i.test(d)), docs.join(' | '));
      await screenshot(other.page, 'results-all-four-loaded-en');

      // A file with a bad answer loads the rest, and reports the bad one on its question.
      const bad = join(dir, 'bad-answer.json');
      writeFileSync(bad, '{"services": ["trp"], "person": {"status": "martian", "citizenship": "UZB", "shoe_size": 44}}');
      await other.page.getByLabel(UI.en.load).setInputFiles(bad);
      await other.page.waitForFunction(() => location.hash.startsWith('#/check') && document.querySelector('#problems'));
      assert.deepEqual(
        await other.page.locator('#problems li').allInnerTexts(),
        [
          '“Legal status”: Choose one of the answers listed',
          'Not taken from the file: unknown question: person.shoe_size',
        ],
        'the bad answer names its question, in words; the unknown field is listed',
      );
      const loaded = await checkRows(other.page);
      assert.equal(loaded['person.citizenship'], 'Uzbekistan', 'the good answer is kept');
      assert.match(loaded['person.status'], /^martian/, 'the bad answer is kept as written');
      await other.page.locator('#problems li a').first().click();
      assert.equal((await where(other.page)).path, 'person.status', 'the summary leads to the question');
      assert.equal(await other.page.locator('#error-summary a').innerText(), 'Choose one of the answers listed', 'reported there too');

      // A file that is not an answers file: an error, and nothing changes.
      const junk = join(dir, 'not-answers.json');
      writeFileSync(junk, '{"person": {"status": "citizen"}} trailing');
      await other.page.evaluate(() => (location.hash = '#/start?lang=en'));
      await other.page.getByLabel(UI.en.load).waitFor();
      const hash = (await where(other.page)).hash;
      await other.page.getByLabel(UI.en.load).setInputFiles(junk);
      await other.page.waitForSelector('.files [role="alert"]');
      assert.equal(
        await other.page.locator('.files [role="alert"]').innerText(),
        'The file could not be read: this is not an answers file (a JSON object was expected)',
      );
      assert.equal((await where(other.page)).hash, hash);
      assert.deepEqual(await other.storage(), NOTHING_STORED);
    } finally {
      await other.close();
    }
  } finally {
    await app.close();
  }
});

test('Continue without an answer shows an error summary; a wrong date is kept to be corrected (en)', async () => {
  const app = await openApp('/', at('2026-03-02'));
  const { page } = app;
  try {
    await chooseLanguage(page, 'en');
    await startFor(page, ['registration'], 'en');
    assert.equal((await where(page)).path, 'person.status');
    await pressContinue(page, 'en', { allowError: true });
    const summary = page.locator('#error-summary');
    assert.equal(await summary.locator('h2').innerText(), UI.en.errorSummary);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'focus moves to the summary');
    assert.equal((await where(page)).path, 'person.status', 'still on the question');
    // The summary's link leads to the answer.
    await summary.locator('a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer-0');
    assert.equal((await where(page)).path, 'person.status', 'following the link keeps the screen');
    await fillAnswer(page, 'person.status', 'citizen', 'en');
    await pressContinue(page, 'en');

    assert.equal((await where(page)).path, 'person.date_of_birth');
    await fillAnswer(page, 'person.date_of_birth', '2004-02-30', 'en');
    await pressContinue(page, 'en', { allowError: true });
    await page.waitForSelector('#error-summary');
    assert.equal((await where(page)).path, 'person.date_of_birth');
    assert.equal(await page.locator('#answer-0').getAttribute('aria-invalid'), 'true');
    assert.equal(await shownAnswer(page), '2004-02-30', 'what was typed stays');
    await page.locator('#answer-0').fill('29');
    await pressContinue(page, 'en');
    assert.equal((await where(page)).path, 'registration.kind');
  } finally {
    await app.close();
  }
});
