// One full path per service in each of the three languages, typed through the question pages as a person
// would: the language and the service on the start page, every question the app asks answered from the
// realistic answers in examples/, "Check your answers" (a Change link on every answer), then the results:
// the verdict, the fee in tenge, the day of the result and a document, all in that language.
//
// While the person completes each service the test records every request the page makes: only the app's
// own static files, none carrying an answer, none after the first load; and nothing is left in cookies
// or web storage. The page's clock is fixed at 09:00 (Asia/Almaty) on the day of application, so the
// questions asked do not depend on the day the tests run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { openApp, screenshot, DIST, NOTHING_STORED } from './harness.mjs';
import { LANGS, SERVICE, UI, VERDICT, answerAll, chooseLanguage, example, mainText, outcome, startFor, where } from './interview.mjs';

const nbsp = '\u00a0';
// "Free" in each language, as the start page and the fee lines say it.
const FREE = Object.fromEntries(LANGS.map((l) => [l, UI[l].free]));

// Hand-worked from the rules (`tekser check` on the answers asked gives the same): what each results page
// must say, per language.
const CASES = {
  phc: {
    example: 'phc',
    verdict: 'eligible',
    fee: FREE,
    // 4 September 2026 is a Friday, 19:40 is after hours → registered and decided on Monday 7 September.
    resultOn: { kk: 'дүйсенбі, 2026 ж. 7 қыркүйек', ru: 'понедельник, 7 сентября 2026 г.', en: 'Monday, 7 September 2026' },
    document: {
      kk: 'Жеке басын куәландыратын құжат немесе «Цифрлық құжаттар» сервисіндегі электрондық құжат (сәйкестендіру үшін)',
      ru: 'Документ, удостоверяющий личность, или электронный документ из сервиса цифровых документов (для идентификации)',
      en: 'Identity document, or an e-document from the Digital Documents service (for identification)',
    },
  },
  medical_licence: {
    example: 'medical-licence',
    verdict: 'eligible',
    // 10 MCI × 4 325 ₸ (2026).
    fee: { kk: `43${nbsp}250${nbsp}₸`, ru: `43${nbsp}250${nbsp}₸`, en: '₸43,250' },
    // 13 working days from Wednesday 18 March 2026, skipping the Nauryz holidays.
    resultOn: { kk: 'бейсенбі, 2026 ж. 9 сәуір', ru: 'четверг, 9 апреля 2026 г.', en: 'Thursday, 9 April 2026' },
    document: {
      kk: 'Жоғары немесе орта медициналық білім туралы диплом',
      ru: 'Диплом о высшем или среднем медицинском образовании',
      en: 'Diploma of higher or secondary medical education',
    },
  },
  trp: {
    example: 'trp',
    verdict: 'eligible',
    fee: FREE,
    // Friday 20 March 2026 17:20 at a ЦОН, then 21–25 March are weekend and Nauryz → Thursday 26 March.
    resultOn: { kk: 'бейсенбі, 2026 ж. 26 наурыз', ru: 'четверг, 26 марта 2026 г.', en: 'Thursday, 26 March 2026' },
    document: {
      kk: 'Медициналық сақтандыру полисінің көшірмесі (түпнұсқасы ұсынылады)',
      ru: 'Копия полиса медицинского страхования (с предъявлением оригинала)',
      en: 'Copy of the medical insurance policy (original shown)',
    },
  },
  registration: {
    example: 'registration-astana',
    verdict: 'eligible',
    fee: FREE,
    resultOn: null, // registration gives no term
    document: {
      kk: 'Келудің статистикалық талоны (онлайн толтырылады және қол қойылады)',
      ru: 'Статистический талон прибытия (заполняется и подписывается онлайн)',
      en: 'Statistical arrival form (filled in and signed online)',
    },
  },
};

// Text keys that would show if a translation were missing (`reason.trp.ground_listed`).
const TEXT_KEY =
  /\b(?:ui|question|option|reason|doc|because|verdict|service|case|status|channel|channel_why|milestone|warning|note|limit|convention|why|holiday|input_error|month|weekday|weekday_long|plural|provenance|hint|country|source|channel_for|unverified|info_status|basis)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*/;

// The only files the app may fetch: what `trunk build` put in dist/, and the page itself.
const STATIC = new Set(['/', ...readdirSync(DIST).map((f) => `/${f}`)]);

const asked = {}; // service → lang → paths asked, to compare the languages

for (const [service, c] of Object.entries(CASES)) {
  describe(`${service}: a full path to the results`, () => {
    const ex = example(c.example);
    for (const lang of LANGS) {
      test(`in ${lang}`, async (t) => {
        const app = await openApp('/', { now: `${ex.raw['application.date']}T09:00:00+05:00`, timezoneId: 'Asia/Almaty' });
        const { page } = app;
        try {
          const loaded = app.requests.length;
          await chooseLanguage(page, lang);
          assert.equal(await page.locator('h1').innerText(), UI[lang].appTitle);
          await startFor(page, [service], lang);
          const paths = await answerAll(page, ex.raw, lang);
          (asked[service] ??= {})[lang] = paths;
          t.diagnostic(`${paths.length} questions: ${paths.join(' ')}`);

          // Check your answers: a row and a Change link for every answer given.
          assert.equal((await where(page)).screen, 'check');
          assert.equal(await page.locator('h1').innerText(), UI[lang].checkTitle);
          const rows = page.locator('dl.summary .row');
          assert.equal(await rows.count(), paths.length, 'one row per question answered');
          const links = rows.locator('dd.action a');
          assert.equal(await links.count(), paths.length, 'a Change link on every answer');
          for (const text of await links.allInnerTexts()) assert.ok(text.startsWith(UI[lang].change), text);

          await page.getByRole('button', { name: UI[lang].showResults }).click();
          await page.waitForSelector('section.outcome');
          assert.equal((await where(page)).screen, 'results');
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await page.locator('h1').innerText(), UI[lang].resultsTitle);

          const section = outcome(page, service);
          assert.equal(await section.locator('h2').innerText(), SERVICE[service][lang]);
          assert.equal(await section.locator('.verdict').innerText(), VERDICT[c.verdict][lang]);
          assert.equal(await page.locator('ul.overview').count(), 0, 'one service: no overview');
          assert.equal((await section.locator('.fee').innerText()).trim().split(' (')[0], c.fee[lang]);
          if (c.resultOn) {
            assert.ok((await section.locator('.deadline').innerText()).includes(c.resultOn[lang]), `result on ${c.resultOn[lang]}`);
            assert.equal(await section.locator('table.month td.result').count(), 1, 'the day of the result is marked in the calendar');
          } else {
            assert.equal(await section.locator('.deadline').count(), 0);
          }
          const docs = await section.locator('ul.checklist label').allInnerTexts();
          assert.ok(docs.some((d) => d.startsWith(c.document[lang])), `documents include "${c.document[lang]}": ${docs.join(' | ')}`);
          const text = await mainText(page);
          assert.doesNotMatch(text, TEXT_KEY, 'no untranslated text key on the page');

          await screenshot(page, `results-${service}-${lang}`);

          // What the page sent and kept while the person went through the service.
          await app.settle();
          assert.deepEqual(app.cspViolations, []);
          assert.deepEqual(app.consoleErrors, []);
          assert.deepEqual(app.pageErrors, []);
          assert.deepEqual(app.foreignRequests(), []);
          const origin = new URL(app.url).origin;
          for (const r of app.requests) {
            const u = new URL(r.url);
            assert.equal(u.origin, origin, r.url);
            assert.ok(STATIC.has(u.pathname), `only the app's static files: ${r.url}`);
            assert.equal(u.search, '', `no query string: ${r.url}`);
            for (const v of Object.values(ex.raw).filter((v) => v.length >= 4)) {
              assert.ok(!decodeURIComponent(r.url).includes(v), `request ${r.url} carries the answer ${v}`);
            }
          }
          // Choosing a language fetches its texts (a static file of the app, the same for everyone), and
          // the results fetch the search beyond a verdict (its module, the same for everyone: the answers
          // go to it in a message, never in a request); nothing else is requested while answering and
          // reading the results.
          const SEARCH = ['/beyond-worker.js', '/tekser-beyond-worker.js', '/tekser-beyond-worker_bg.wasm'];
          assert.deepEqual(
            app.requests.slice(loaded).map((r) => r.url).filter((u) => ![`/texts-${lang}.json`, ...SEARCH].includes(new URL(u).pathname)),
            [],
            'no request at all while answering and reading the results, but the texts of the language chosen and the search module',
          );
          assert.deepEqual(await app.storage(), NOTHING_STORED);
        } finally {
          await app.close();
        }
      });
    }
    test('the same questions are asked in every language', () => {
      const byLang = asked[service] ?? {};
      assert.equal(Object.keys(byLang).length, 3, 'all three paths ran');
      assert.deepEqual(byLang.ru, byLang.kk);
      assert.deepEqual(byLang.en, byLang.kk);
    });
  });
}
