// Drives the app the way a person does: picks the language and the services on the start page, then
// answers each question the app asks — clicking the label of a radio or checkbox, typing into the text
// and date boxes, choosing from the country list — and presses Continue, until "Check your answers".
// The answers come from the realistic answer files in examples/, flattened to the raw form the app
// keeps (`person.date_of_birth` → `2004-05-19`, booleans `yes`/`no`, lists `a,b`).
//
// Words the tests look for are written out here per language (not read from the app's text data), so a
// missing or wrong translation shows up as a failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

export const LANGS = ['kk', 'ru', 'en'];

/** Interface words per language. */
export const UI = {
  kk: {
    appTitle: 'Мемлекеттік қызметтерге құқығыңызды тексеріңіз',
    start: 'Тексеруді бастау',
    continue: 'Жалғастыру',
    back: 'Артқа',
    checkTitle: 'Жауаптарыңызды тексеріңіз',
    change: 'Өзгерту',
    showResults: 'Нәтижелерді көрсету',
    resultsTitle: 'Сіздің жауаптарыңыз бойынша нәтижелер',
    save: 'Жауаптарды файлға сақтау',
    load: 'Жауаптарды файлдан жүктеу',
    errorSummary: 'Жауапты тексеріңіз',
    yes: 'Иә',
    no: 'Жоқ',
    free: 'Тегін',
    notMet: 'орындалмады',
    met: 'орындалды',
    confirmTitle: 'Бәрі дұрыс па?',
    confirmKeep: 'Иә, жалғастыру',
    confirmChange: 'Жауапты өзгерту',
    errorPrefix: 'Қате:',
  },
  ru: {
    appTitle: 'Проверьте, можете ли вы получить госуслугу',
    start: 'Начать проверку',
    continue: 'Продолжить',
    back: 'Назад',
    checkTitle: 'Проверьте ваши ответы',
    change: 'Изменить',
    showResults: 'Показать результаты',
    resultsTitle: 'Результаты по вашим ответам',
    save: 'Сохранить ответы в файл',
    load: 'Загрузить ответы из файла',
    errorSummary: 'Проверьте ответ',
    yes: 'Да',
    no: 'Нет',
    free: 'Бесплатно',
    notMet: 'не выполнено',
    met: 'выполнено',
    confirmTitle: 'Всё верно?',
    confirmKeep: 'Да, продолжить',
    confirmChange: 'Изменить ответ',
    errorPrefix: 'Ошибка:',
  },
  en: {
    appTitle: 'Check if you can apply for a public service',
    start: 'Start the check',
    continue: 'Continue',
    back: 'Back',
    checkTitle: 'Check your answers',
    change: 'Change',
    showResults: 'Show my results',
    resultsTitle: 'Results from your answers',
    save: 'Save answers to a file',
    load: 'Load answers from a file',
    errorSummary: 'There is a problem',
    yes: 'Yes',
    no: 'No',
    free: 'Free',
    notMet: 'not met',
    met: 'met',
    confirmTitle: 'Is this right?',
    confirmKeep: 'Yes, continue',
    confirmChange: 'Change the answer',
    errorPrefix: 'Error:',
  },
};

export const VERDICT = {
  eligible: { kk: 'Құқығыңыз бар', ru: 'Вы можете подать заявление', en: 'You are eligible' },
  not_eligible: { kk: 'Талаптарға сәйкес келмейсіз', ru: 'Вы не соответствуете условиям', en: 'You are not eligible' },
  check_with_provider: { kk: 'Қызмет берушіден нақтылаңыз', ru: 'Уточните у поставщика услуги', en: 'Check with the provider' },
  not_applicable: {
    kk: 'Бұл қызмет сізге арналмаған',
    ru: 'Эта услуга к вам не относится',
    en: 'This service does not apply to you',
  },
  needs_info: { kk: 'Қосымша мәлімет қажет', ru: 'Нужны дополнительные сведения', en: 'More information is needed' },
};

/** The overview's status tags, per verdict. */
export const TAG = {
  eligible: { kk: 'Өтініш бере аласыз', ru: 'Можно подать', en: 'Can apply' },
  not_eligible: { kk: 'Өтініш бере алмайсыз', ru: 'Подать нельзя', en: 'Cannot apply' },
  check_with_provider: { kk: 'Нақтылау керек', ru: 'Нужно уточнить', en: 'Check first' },
  not_applicable: { kk: 'Сізге қатысты емес', ru: 'Вас не касается', en: 'Does not apply' },
  needs_info: { kk: 'Анықталмады', ru: 'Не удалось определить', en: 'Could not tell' },
};

/** Service names per language, as the start page's checkbox labels and the results' headings show them. */
export const SERVICE = {
  phc: {
    kk: 'Медициналық-санитариялық алғашқы көмек ұйымына бекіту',
    ru: 'Прикрепление к организации ПМСП',
    en: 'Attachment to a primary health care organisation',
  },
  medical_licence: {
    kk: 'Медициналық қызметке лицензия',
    ru: 'Лицензия на медицинскую деятельность',
    en: 'Licence for medical activity',
  },
  trp: {
    kk: 'Шетелдіктерге уақытша тұруға рұқсат',
    ru: 'Разрешение на временное проживание иностранцам',
    en: 'Temporary residence permit for foreigners',
  },
  registration: {
    kk: 'Тұрғылықты және уақытша болатын жері бойынша тіркеу',
    ru: 'Регистрация по месту жительства и временного пребывания',
    en: 'Registration at the place of residence or temporary stay',
  },
};

/** Checkbox labels of the "several of these" questions, by option (a person ticks them by their words). */
export const MANY_LABELS = {
  'phc.categories': {
    pensioner: { kk: 'Зейнеткер', ru: 'Пенсионер', en: 'Pensioner' },
    disability: { kk: 'Мүгедектігі бар адам', ru: 'Лицо с инвалидностью', en: 'Person with a disability' },
  },
};

/** Reads examples/NAME.json into { services, raw }: raw answers by field path, as the app keeps them. */
export function example(name) {
  const json = JSON.parse(readFileSync(join(ROOT, 'examples', `${name}.json`), 'utf8'));
  const raw = {};
  for (const [section, fields] of Object.entries(json)) {
    if (section === 'services' || fields === null || typeof fields !== 'object') continue;
    for (const [name, v] of Object.entries(fields)) {
      if (v === null) continue;
      raw[`${section}.${name}`] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.join(',') : String(v);
    }
  }
  return { services: json.services ?? ['phc', 'medical_licence', 'trp', 'registration'], raw };
}

/** The screen of the page's URL fragment: { screen: 'start'|'q'|'check'|'results', path, params }. */
export async function where(page) {
  // The answers the app holds live in the tab's history.state (the URL it writes holds none); the
  // URL's own parameters (lang, s, or a link's answers) are added over them.
  const { hash, held } = await page.evaluate(() => ({ hash: location.hash, held: history.state ?? {} }));
  const [route, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = { ...held, ...Object.fromEntries(new URLSearchParams(query)) };
  if (route.startsWith('q/')) return { screen: 'q', path: route.slice(2), params, hash };
  if (route.startsWith('confirm/')) return { screen: 'confirm', path: route.slice(8), params, hash };
  return { screen: route || 'start', path: null, params, hash };
}

/** Waits until the screen (the fragment before its query) differs from `before`, or an error summary shows. */
export async function waitForNewScreen(page, before, { allowError = false } = {}) {
  await page.waitForFunction(
    ([prev, allowError]) =>
      location.hash.split('?')[0] !== prev || (allowError && document.getElementById('error-summary') !== null),
    [before.split('?')[0], allowError],
  );
}

/** Clicks a language in the header's switcher and waits for <html lang>. */
export async function chooseLanguage(page, lang) {
  await page.locator(`nav.langs button[lang="${lang}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** On the start page: ticks the services by their labels, presses Start, waits for the first question. */
export async function startFor(page, services, lang) {
  for (const s of services) await page.getByLabel(SERVICE[s][lang], { exact: true }).check();
  const before = (await where(page)).hash;
  await page.getByRole('button', { name: UI[lang].start }).click();
  await waitForNewScreen(page, before);
}

/** A raw answer as a person of that language types it (a decimal comma in kk and ru). */
function typed(raw, lang) {
  return lang !== 'en' && /^\d+\.\d+$/.test(raw) ? raw.replace('.', ',') : raw;
}

/**
 * Fills in the question on screen with `raw` (not pressing Continue). The kind of question is read from
 * the page: day/month/year boxes, a country list, radio buttons, checkboxes or a text box.
 */
export async function fillAnswer(page, path, raw, lang) {
  const form = page.locator('main form');
  if ((await form.locator('.date').count()) > 0) {
    const [y, m, d] = raw.split('-');
    await form.getByLabel(dateWord.day[lang], { exact: true }).fill(d);
    await form.getByLabel(dateWord.month[lang], { exact: true }).fill(m);
    await form.getByLabel(dateWord.year[lang], { exact: true }).fill(y);
  } else if ((await form.locator('select').count()) > 0) {
    await form.locator('select').selectOption(raw);
  } else if ((await form.locator('input[type="radio"]').count()) > 0) {
    const id = await form.locator(`input[type="radio"][value="${raw}"]`).getAttribute('id');
    if (!id) throw new Error(`${path}: no option "${raw}"`);
    await form.locator(`label[for="${id}"]`).click();
  } else if ((await form.locator('input[type="checkbox"]').count()) > 0) {
    for (const opt of raw.split(',').filter(Boolean)) {
      const label = MANY_LABELS[path]?.[opt]?.[lang];
      if (!label) throw new Error(`${path}: no label for option "${opt}" in tests/e2e/interview.mjs MANY_LABELS`);
      await form.getByLabel(label, { exact: true }).check();
    }
  } else {
    await form.locator('input[type="text"]').fill(typed(raw, lang));
  }
}

const dateWord = {
  day: { kk: 'Күні', ru: 'День', en: 'Day' },
  month: { kk: 'Айы', ru: 'Месяц', en: 'Month' },
  year: { kk: 'Жылы', ru: 'Год', en: 'Year' },
};

/** Presses Continue and waits for the next screen (or, with allowError, for the error summary). */
export async function pressContinue(page, lang, opts = {}) {
  const before = (await where(page)).hash;
  await page.getByRole('button', { name: UI[lang].continue, exact: true }).click();
  await waitForNewScreen(page, before, opts);
}

/** On "Is this right?", presses the button that keeps the answer, and waits for the next screen. */
export async function keepUnusual(page, lang) {
  const before = (await where(page)).hash;
  await page.getByRole('button', { name: UI[lang].confirmKeep, exact: true }).click();
  await waitForNewScreen(page, before);
}

/**
 * Answers every question the app asks from `raw` (by field path) until "Check your answers". Returns the
 * paths asked, in order. A question with no answer in `raw` fails with the list asked so far.
 * `stopAt` (a path) stops before answering that question. An answer that looks unusual is kept on "Is this
 * right?" (`onConfirm(path)` is told).
 */
export async function answerAll(page, raw, lang, { stopAt, onQuestion, onConfirm } = {}) {
  const asked = [];
  for (let i = 0; i < 80; i++) {
    const at = await where(page);
    if (at.screen === 'confirm') {
      if (onConfirm) await onConfirm(at.path);
      await keepUnusual(page, lang);
      continue;
    }
    if (at.screen !== 'q') return asked;
    if (at.path === stopAt) return asked;
    if (!(at.path in raw)) throw new Error(`the app asked ${at.path}, which the test has no answer for (asked: ${asked.join(' ')})`);
    asked.push(at.path);
    if (onQuestion) await onQuestion(at.path);
    await fillAnswer(page, at.path, raw[at.path], lang);
    await pressContinue(page, lang);
  }
  throw new Error(`more than 80 questions: ${asked.join(' ')}`);
}

/** The text of <main>, whitespace collapsed (no-break spaces kept: money and dates use them). */
export async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/[ \t\r\n]+/g, ' ');
}

/** The outcome section of a service on the results page. */
export function outcome(page, service) {
  return page.locator(`section#s-${service}`);
}

/** Words of the link with the answers (made only on request, on "Check your answers" and the results). */
export const LINK = {
  summary: { kk: 'Жауаптарым бар сілтеме', ru: 'Ссылка с моими ответами', en: 'A link with my answers' },
  warning: { kk: 'туған күніңіз', ru: 'дату рождения', en: 'date of birth' },
};

/** Opens "A link with my answers" and returns the link it shows (the only URL that carries answers). */
export async function linkWithAnswers(page, lang) {
  const details = page.locator('details.answers-link');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary', { hasText: LINK.summary[lang] }).click();
  const input = details.locator('input#answers-link');
  await page.waitForFunction(() => document.getElementById('answers-link')?.value.includes('#/'));
  return input.inputValue();
}

/** The focused element, described (its operator-mode question's path, where it has one). */
export function active(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return {
      tag: a?.tagName.toLowerCase(),
      id: a?.id,
      type: a?.getAttribute('type'),
      value: a?.value,
      checked: a?.checked,
      lang: a?.getAttribute('lang'),
      text: a?.textContent.trim(),
      cls: a?.className,
      path: a?.closest('.op-q')?.dataset.path ?? null,
    };
  });
}
