// Opens the app at 500 random and mutated URL fragments and checks that it never dies: no uncaught error
// (a WASM panic shows as one), no console error, no Content-Security-Policy violation, always a visible
// <h1>; and where the fragment's screen is a question whose answer is bad, the page reports it there
// (the error summary and the message under the question); on "Check your answers" and the results, the
// summary of answers to correct.
//
// The fragments come from a seeded PRNG (TEKSER_E2E_SEED, default 9; TEKSER_E2E_FRAGMENTS, default 500): field
// paths from `tekser schema` (the CLI's JSON Schema of the answers, so the real field list), values from
// examples/*.json and the schema's options, mutated — wrong kinds, huge and negative numbers, NaN, far and
// impossible dates, other scripts, percent-encoding junk, repeated keys, unknown fields and screens, empty
// and very long values. A failure prints the seed, the fragment's number and the fragment itself.
//
// A second test loads a 10 MB answer from a file and a 1.5 MB one from a link: reported on its question
// within seconds, and the other answers survive a reload (the app keeps a raw answer to 1000 characters).
//
// Half the fragments open in a fresh document (a new load, as a shared link does); the other half replace
// the hash in the page already open, as the browser's history does. The app then keeps the answers it
// had and takes from the URL only the others, so a bad answer is checked there only when the page's URL
// did not already hold an answer to that question (and the question's page was not already open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, ROOT } from './harness.mjs';

const SEED = Number(process.env.TEKSER_E2E_SEED ?? 9);
const N = Number(process.env.TEKSER_E2E_FRAGMENTS ?? 500);

/** mulberry32: a small seeded PRNG, the same fragments on every machine for one seed. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** The answers' fields from `tekser schema`: { path, date, options } for each. */
function fieldsFromSchema() {
  const out = execFileSync('cargo', ['run', '--quiet', '--package', 'tekser-cli', '--', 'schema'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const schema = JSON.parse(out);
  const defs = schema.definitions ?? schema.$defs;
  const deref = (node) => {
    const ref = node?.$ref ?? node?.allOf?.[0]?.$ref ?? node?.anyOf?.find((x) => x.$ref)?.$ref;
    return ref ? defs[ref.split('/').pop()] : node;
  };
  const optionsOf = (node) => {
    const d = deref(node.items ?? node);
    return d?.enum ?? d?.oneOf?.flatMap((x) => x.enum ?? []) ?? [];
  };
  const fields = [];
  for (const [section, node] of Object.entries(schema.properties)) {
    if (section === 'services') continue;
    for (const [name, f] of Object.entries(deref(node).properties)) {
      fields.push({ path: `${section}.${name}`, date: f.format === 'date', options: optionsOf(f) });
    }
  }
  return fields;
}

/** Valid raw answers by path, from examples/*.json (as the app keeps them: yes/no, lists joined). */
function exampleValues() {
  const values = {};
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
    for (const [section, fields] of Object.entries(json)) {
      if (section === 'services' || fields === null || typeof fields !== 'object') continue;
      for (const [name, v] of Object.entries(fields)) {
        if (v === null) continue;
        const raw = typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.join(',') : String(v);
        (values[`${section}.${name}`] ??= []).push(raw);
      }
    }
  }
  return values;
}

// Answers no question of any kind takes (a date, a time, a whole or decimal number, yes/no, an option,
// several options, an IIN or BIN, a country code): a question given one of these must report it.
const ALWAYS_BAD = [
  'martian',
  '-1',
  '0000-00-00',
  'NaN',
  '1e999',
  'true',
  '%ZZ',
  '２０２６-０３-０２',
  'ҚАZ',
  '<b>x</b>',
  '9'.repeat(3000),
  'Ω≈ç√',
  '😀',
  '١٢٣',
  "'; DROP TABLE answers; --",
  '\u0000',
  '2026-02-30',
  '25:61',
];

/** Makes a valid answer bad whatever its kind: a letter or a combining accent appended. */
const spoil = (r, v) => v + r.pick(['x', '\u0301', '!', ' 0 0', '%00']);

/** Any value, valid or not: for the other answers in a fragment. */
function anyValue(r, field, examples) {
  const ex = examples[field?.path] ?? [];
  switch (r.int(12)) {
    case 0:
    case 1:
    case 2:
      if (ex.length) return r.pick(ex);
    // falls through
    case 3:
      if (field?.options.length) return r.pick(field.options);
      return r.pick(['yes', 'no', '?', '2026-03-02', '17:20', '3', '48,5', '061211600012', 'KAZ']);
    case 4:
      return r.pick(ALWAYS_BAD);
    case 5:
      return ex.length ? spoil(r, r.pick(ex)) : '';
    case 6:
      return r.pick(['', ' ', '?', ',', ',,,', 'yes,no', '-0', '0', '00000000000000000000', '4294967296', '-2147483649']);
    case 7:
      return r.pick(['9999-12-31', '0001-01-01', '1899-12-31', '2100-12-31', '2101-01-01', '2026-2-3', '2026-13-01']);
    case 8:
      return r.pick(['1e308', '-1e308', '1.7976931348623157e309', '0.0000001', '-0', 'Infinity', '-inf', '0x10', '1_000']);
    case 9:
      return r.pick(['Қазақстан', 'Казахстан', 'Ҡ̈', '\u202eRTL', 'Z\u0351\u0352\u0353', '🇰🇿', 'Aa\u200dBb', '\ufeffKAZ']);
    case 10:
      return r.pick(['a', '7', '%', '\u00a0']).repeat(1 + r.int(20_000));
    default:
      return (field?.options ?? []).slice(0, 1 + r.int(3)).join(',') + r.pick(['', ',', ',astronaut']);
  }
}

/** A value written into the fragment: percent-encoded as the app writes it, or raw, or with junk escapes. */
function write(r, v) {
  const n = r.int(10);
  if (n < 7) return encodeURIComponent(v);
  if (n < 9) return v.replace(/[#&]/g, encodeURIComponent);
  return encodeURIComponent(v) + r.pick(['%', '%Z', '%E2%82', '%C0%AF', '%FF', '%%41', '+', '%2']);
}

const SCREEN_JUNK = ['', 'q/', 'q', 'qq/person.status', 'check/', 'RESULTS', '%71/person.status', 'q/person', 'q/../check', 'q/person.shoe_size', 'results?', '/'];
const KEY_JUNK = ['person.shoe_size', 'person', 'x.y.z', '__proto__', 'constructor', 'person%2Estatus', '', 'lang', 's', 'kiosk', '=', 'ü.ö'];

/**
 * One fragment: { frag, screen: 'q'|'check'|'results'|'other', path, bad } — `bad` is the field given an
 * answer no question takes (on a question's screen, that question), if any.
 */
function fragment(r, fields, examples) {
  const params = [];
  let screen;
  let path = null;
  let bad = null;
  const roll = r.next();
  if (roll < 0.6) {
    screen = 'q';
    path = r.pick(fields).path;
  } else if (roll < 0.75) screen = 'check';
  else if (roll < 0.85) screen = 'results';
  else screen = 'other';
  const route = screen === 'q' ? `q/${path}` : screen === 'other' ? r.pick(SCREEN_JUNK) : screen;

  if (r.chance(0.8)) params.push(`lang=${r.pick(['kk', 'ru', 'en', 'kk', 'ru', 'en', 'xx', '', 'EN', 'ru%00', 'en&lang=kk'])}`);
  if (r.chance(0.4)) {
    const s = ['phc', 'medical_licence', 'trp', 'registration', 'tax', '', 'PHC'];
    params.push(`s=${Array.from({ length: r.int(4) }, () => r.pick(s)).join(r.pick([',', ',,', '%2C']))}`);
  }
  if (r.chance(0.04)) params.push('kiosk=1');
  for (let i = r.int(9); i > 0; i--) {
    const known = r.chance(0.85);
    const field = known ? r.pick(fields) : null;
    const key = field ? field.path : r.pick(KEY_JUNK);
    params.push(r.chance(0.05) ? key : `${key}=${write(r, anyValue(r, field, examples))}`);
  }
  if (r.chance(0.15)) params.push(r.pick(['&', '=', '==', 'a=b=c', '%', '?', '#', 'person.status']));
  // The field that must show an error: the question's own, or any on "Check your answers" and the results.
  if ((screen === 'q' && r.chance(0.75)) || ((screen === 'check' || screen === 'results') && r.chance(0.6))) {
    const field = screen === 'q' ? fields.find((f) => f.path === path) : r.pick(fields);
    const ex = examples[field.path] ?? [];
    // A good answer first now and then: the last of repeated keys is the one kept.
    if (r.chance(0.2) && ex.length) params.push(`${field.path}=${encodeURIComponent(r.pick(ex))}`);
    const value = ex.length && r.chance(0.5) ? spoil(r, r.pick(ex)) : r.pick(ALWAYS_BAD);
    params.push(`${field.path}=${r.chance(0.9) ? encodeURIComponent(value) : write(r, value)}`);
    bad = field.path;
  }
  // Shuffle all but the bad answer, which stays after any earlier answer to the same question.
  const tail = bad ? params.splice(params.findLastIndex((p) => p.startsWith(`${bad}=`))) : [];
  for (let i = params.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [params[i], params[j]] = [params[j], params[i]];
  }
  const query = [...params, ...tail].join('&');
  const frag = `#/${route}${query || r.chance(0.5) ? `?${query}` : ''}`;
  return { frag, screen, path, bad };
}

/** Waits until the app has rendered and its effects have run (two animation frames and a task). */
async function settled(page) {
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim(), null, { timeout: 10_000 });
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))),
  );
}

test(`the app survives ${N} random and mutated URL fragments and reports each bad answer on its question`, async (t) => {
  const fields = fieldsFromSchema();
  const examples = exampleValues();
  assert.ok(fields.length > 60, `the schema lists the fields (${fields.length})`);
  t.diagnostic(`seed ${SEED} (TEKSER_E2E_SEED), ${N} fragments (TEKSER_E2E_FRAGMENTS), ${fields.length} fields`);
  const r = prng(SEED);
  const app = await openApp('/', { now: '2026-03-02T10:00:00+05:00', timezoneId: 'Asia/Almaty' });
  const { page } = app;
  // A fragment in a language not shown yet changes the screen only once its texts have arrived: the
  // texts requests in flight, waited for after a hash change.
  let textsPending = 0;
  const isTexts = (r) => /\/texts-\w+\.json$/.test(r.url());
  page.on('request', (r) => isTexts(r) && textsPending++);
  for (const ended of ['requestfinished', 'requestfailed']) page.on(ended, (r) => isTexts(r) && textsPending--);
  const failures = [];
  const counts = { loads: 0, hashes: 0, questionErrors: 0, summaries: 0 };
  const started = Date.now();
  try {
    for (let i = 0; i < N && failures.length < 5; i++) {
      const { frag, screen, path, bad } = fragment(r, fields, examples);
      const fresh = i % 2 === 0;
      const seen = { console: app.consoleErrors.length, page: app.pageErrors.length };
      const problems = [];
      let checkBad = fresh;
      try {
        if (fresh) {
          // A new query makes a new document: the app starts from this fragment alone.
          await page.goto(`${new URL(app.url).origin}/?n=${i}${frag}`, { waitUntil: 'commit' });
          counts.loads++;
        } else {
          // The answers the app holds: in the tab's history.state (the URL it writes holds none).
          const { before, held } = await page.evaluate(() => ({ before: location.hash, held: Object.keys(history.state ?? {}) }));
          const [route, query = ''] = before.split('?');
          const keys = [...query.split('&').map((p) => p.split('=')[0]), ...held];
          checkBad = !keys.includes(bad) && !keys.includes('kiosk') && route !== `#/q/${path}`;
          await page.evaluate((f) => (location.hash = f), frag);
          counts.hashes++;
        }
        await settled(page);
        if (!fresh && textsPending > 0) {
          for (let k = 0; textsPending > 0 && k < 1000; k++) await new Promise((ok) => setTimeout(ok, 10));
          await settled(page);
        }
        const look = await page.evaluate(() => {
          const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
          const h1 = document.querySelector('main h1');
          const summary = document.querySelector('#error-summary');
          const message = document.querySelector('#answer-error');
          return {
            h1: visible(h1) ? h1.textContent.trim() : null,
            csp: window.__e2e.csp.length,
            summary: visible(summary) ? summary.querySelector('a')?.textContent.trim() : null,
            message: visible(message) ? message.textContent.trim() : null,
            problems: [...document.querySelectorAll('#problems li a')].map((a) => decodeURIComponent(a.getAttribute('href'))),
            hash: location.hash,
          };
        });
        if (!look.h1) problems.push('no visible <h1>');
        if (look.csp) problems.push(`${look.csp} CSP violation(s)`);
        if (checkBad && bad && screen === 'q') {
          if (!look.summary || !look.message) problems.push(`no error shown for the bad answer to ${path}`);
          else counts.questionErrors++;
        }
        if (checkBad && bad && screen !== 'q') {
          const where = look.hash.split('?')[0];
          if ((where === '#/check' || where === '#/results') && !look.problems.some((h) => h.startsWith(`#/q/${bad}?`)))
            problems.push(`the summary does not report ${bad}: ${JSON.stringify(look.problems)}`);
          else counts.summaries++;
        }
      } catch (err) {
        problems.push(String(err).split('\n')[0]);
      }
      const newPageErrors = app.pageErrors.slice(seen.page);
      const newConsoleErrors = app.consoleErrors.slice(seen.console);
      if (newPageErrors.length) problems.push(`page error: ${newPageErrors.join(' | ').slice(0, 500)}`);
      if (newConsoleErrors.length) problems.push(`console error: ${newConsoleErrors.join(' | ').slice(0, 500)}`);
      if (problems.length) {
        const shown = frag.length > 600 ? `${frag.slice(0, 600)}… (${frag.length} characters)` : frag;
        failures.push(`seed ${SEED}, fragment ${i} (${fresh ? 'loaded' : 'hash changed'}): ${problems.join('; ')}\n  ${shown}`);
      }
    }
  } finally {
    await app.close();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  t.diagnostic(
    `${counts.loads} loads, ${counts.hashes} hash changes in ${secs} s; ` +
      `${counts.questionErrors} bad answers reported on their question, ${counts.summaries} on a summary`,
  );
  assert.deepEqual(failures, [], `rerun with TEKSER_E2E_SEED=${SEED}`);
  assert.ok(counts.questionErrors >= Math.floor(N / 5), `enough bad answers on question pages (${counts.questionErrors})`);
});

test('a 10 MB answer in a file or a link is reported on its question, quickly, and the other answers survive a reload', async () => {
  const dir = join(ROOT, 'target', 'e2e-downloads');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ten-megabyte-iin.json');
  writeFileSync(file, JSON.stringify({ person: { iin: '7'.repeat(10_000_000), status: 'citizen' } }));
  const app = await openApp('/', { now: '2026-03-02T10:00:00+05:00' });
  const { page } = app;
  try {
    await page.locator('nav.langs button[lang="en"]').click();
    const started = Date.now();
    await page.locator('#load-answers').setInputFiles(file);
    await page.waitForSelector('#problems');
    assert.ok(Date.now() - started < 5000, `shown in ${Date.now() - started} ms`);
    assert.deepEqual(await page.locator('#problems li').allInnerTexts(), [
      '“IIN”: Must be exactly 12 digits.',
    ]);
    assert.ok((await page.evaluate(() => location.hash.length)) < 5000, 'the URL stays short');
    await page.reload();
    await page.waitForSelector('#problems');
    assert.match(await page.locator('dl.summary').innerText(), /Citizen of the Republic of Kazakhstan/, 'the other answer survives the reload');
    // The same through a link: a 1.5 MB fragment (Chromium opens no URL over 2 MB).
    await page.goto(`${new URL(app.url).origin}/?big#/q/person.iin?lang=en&person.iin=${'7'.repeat(1_500_000)}`, { waitUntil: 'commit' });
    await page.waitForSelector('#error-summary', { timeout: 15_000 });
    assert.equal(await page.locator('#error-summary a').innerText(), 'Must be exactly 12 digits.');
    assert.deepEqual([app.pageErrors, app.consoleErrors], [[], []]);
  } finally {
    await app.close();
  }
});
