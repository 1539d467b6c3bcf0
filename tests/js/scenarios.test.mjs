// The JavaScript library (target/js-lib/tekser, built by scripts/js-lib) called from Node, against the
// native CLI (`tekser`, built by cargo) on the same answers:
//  - every scenario of every file in tests/scenarios/*.yaml, and the files in examples/: evaluate's
//    report, written as JSON text, equals `tekser check --format json --as-of …` byte for byte (one
//    difference of notation is allowed and checked to be the only one: serde_json writes a whole
//    decimal number as `5.0`, JavaScript has no such number and writes `5`);
//  - the compact report (`evaluate(…, { compact: true })`) equals `tekser check --format json-compact`
//    byte for byte in the same way, for every scenario and example, and a bad `compact` option is refused;
//  - bad answers: the message and field of the thrown error and of validate equal the CLI's words, in
//    kk, ru and en; a list, an unknown question and NaN are refused, never dropped;
//  - questions: the missing facts each scenario expects, in its order (the interview order);
//  - calendar(2026): crate/data/calendar.toml's holidays, Kurban Ait day and moves, and the same lines
//    as `tekser calendar 2026`;
//  - the median time of evaluate over the four examples (one per service), printed.
//
//   node --test tests/js/scenarios.test.mjs
// Needs TEKSER_JS_LIB (default target/js-lib/tekser) and TEKSER_CLI (default
// ${CARGO_TARGET_DIR:-target}/debug/tekser); scripts/test builds both first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import yaml from 'js-yaml';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const libDir = resolve(root, process.env.TEKSER_JS_LIB ?? 'target/js-lib/tekser');
const cli = resolve(root, process.env.TEKSER_CLI ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'tekser'));
for (const [what, p, how] of [
  ['the library', join(libDir, 'node.js'), 'scripts/js-lib'],
  ['the CLI', cli, 'cargo build -p tekser-cli'],
]) {
  if (!existsSync(p)) throw new Error(`${what} is not built (${p}): run ${how}`);
}
const lib = await import(pathToFileURL(join(libDir, 'node.js')).href);
const work = mkdtempSync(join(tmpdir(), 'tekser-js-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** `tekser ARGS…` on answers written to a file: { status, stdout, stderr }. */
let n = 0;
function tekser(answers, ...args) {
  const file = join(work, `answers-${n++}.json`);
  writeFileSync(file, typeof answers === 'string' ? answers : JSON.stringify(answers));
  const r = spawnSync(cli, ['check', file, ...args], { encoding: 'utf8' });
  // The CLI names the file first: "tekser: FILE: message".
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(`tekser: ${file}: `, '').replace(/\n$/, '') };
}

/** JSON text as JSON.stringify writes it (the native text re-read: numbers as JavaScript has them). */
const canonical = (text) => JSON.stringify(JSON.parse(text), null, 2) + '\n';
/** serde_json's whole decimals (`5.0`) written as JavaScript writes them (`5`). */
const wholeDecimals = (text) => text.replace(/(?<=[:\[,]\s*-?\d+)\.0(?=\s*[,\n\]}])/g, '');

/**
 * Throws unless the library's report for `answers` on `asOf` (none: the application date) is the
 * CLI's, byte for byte as JSON text, or both refuse the answers in the same words.
 */
function sameAsCli(answers, asOf, what, compact = false) {
  const native = tekser(answers, ...(asOf ? ['--as-of', asOf] : []), '--format', compact ? 'json-compact' : 'json', '--lang', 'en');
  let js;
  try {
    js = JSON.stringify(lib.evaluate(answers, { asOf, lang: 'en', compact }), null, 2) + '\n';
  } catch (e) {
    assert.notEqual(native.status, 0, `${what}: the library refused what the CLI took: ${e.message}`);
    assert.equal(e.message, native.stderr, `${what}: the same refusal`);
    return 'refused';
  }
  assert.equal(native.status, 0, `${what}: the CLI refused what the library took: ${native.stderr}`);
  assert.equal(js, canonical(native.stdout), `${what}: the report differs from tekser check`);
  assert.equal(wholeDecimals(native.stdout), js, `${what}: more than whole decimals differ`);
  return 'equal';
}

const scenarioFiles = readdirSync(join(root, 'tests/scenarios')).filter((f) => f.endsWith('.yaml')).sort();
// CORE_SCHEMA reads YAML as serde_yaml does: dates stay strings, no `yes`/`no` booleans.
const scenarios = scenarioFiles.flatMap((f) =>
  yaml.load(readFileSync(join(root, 'tests/scenarios', f), 'utf8'), { schema: yaml.CORE_SCHEMA }).map((s) => ({ file: f, ...s })),
);
const examples = ['phc.json', 'medical-licence.json', 'trp.json', 'registration-astana.json'].map((f) => ({
  name: f,
  answers: JSON.parse(readFileSync(join(root, 'examples', f), 'utf8')),
}));

test('every scenario of every file: evaluate equals tekser check --format json, byte for byte', () => {
  assert.deepEqual(scenarioFiles, ['licence.yaml', 'phc.yaml', 'registration.yaml', 'trp.yaml']);
  const seen = {};
  let fees = 0;
  for (const s of scenarios) {
    assert.equal(sameAsCli(s.answers, s.as_of, `${s.file}: ${s.name}`), 'equal');
    seen[s.file] = (seen[s.file] ?? 0) + 1;
    fees += lib.evaluate(s.answers, { asOf: s.as_of }).outcomes.filter((o) => o.fee && !o.fee.free).length;
  }
  for (const f of scenarioFiles) assert.ok(seen[f] > 10, `${f}: ${seen[f]} scenarios`);
  // The one difference of notation is exercised: fees in MCI are whole decimals.
  assert.ok(fees > 0);
  console.log(`scenarios: ${scenarios.length} in ${scenarioFiles.length} files, each equal to the CLI's JSON (${JSON.stringify(seen)})`);
});

test('the examples, on their application day and on other days, equal tekser check', () => {
  const results = [];
  for (const { name, answers } of [...examples, { name: 'all-four.json', answers: JSON.parse(readFileSync(join(root, 'examples/all-four.json'), 'utf8')) }]) {
    assert.equal(sameAsCli(answers, undefined, name), 'equal');
    // On other days an answer may be refused (an arrival after the day): then by the same words.
    for (const asOf of ['2025-06-06', '2027-12-31']) results.push(sameAsCli(answers, asOf, `${name} ${asOf}`));
  }
  assert.ok(results.includes('equal') && results.includes('refused'), results.join(' '));
  // A JSON text is read as the CLI reads a file (a byte-order mark skipped).
  const text = readFileSync(join(root, 'examples/phc.json'), 'utf8');
  assert.deepEqual(lib.evaluate('\ufeff' + text, { asOf: '2026-03-02' }), lib.evaluate(JSON.parse(text), { asOf: '2026-03-02' }));
});

test('the compact report equals tekser check --format json-compact, byte for byte', () => {
  const all = [...scenarios.map((s) => [s.answers, s.as_of, s.name]), ...examples.map((e) => [e.answers, undefined, e.name])];
  for (const [answers, asOf, name] of all) assert.equal(sameAsCli(answers, asOf, `compact: ${name}`, true), 'equal');
  const example = examples[3].answers;
  const compact = lib.evaluate(example, { compact: true });
  const full = lib.evaluate(example, { compact: false });
  const cited = compact.outcomes[0].reasons[0].citation;
  assert.equal(typeof cited, 'string');
  assert.deepEqual(compact.citations[cited], full.outcomes[0].reasons[0].citation);
  assert.ok(JSON.stringify(compact).length < JSON.stringify(full).length);
  assert.throws(() => lib.evaluate(example, { compact: 'yes' }), (e) => e.field === 'compact');
  console.log(`compact: ${all.length} reports equal to the CLI's; ${examples[3].name}: ${JSON.stringify(full).length} B full, ${JSON.stringify(compact).length} B compact`);
});

test('bad answers: the error and validate carry the CLI words and the field, in kk, ru and en', () => {
  const cases = [
    // [answers, field], each read by the CLI from the same JSON.
    [{ person: { iin: '123' } }, 'person.iin'],
    [{ person: { date_of_birth: '2030-01-01', iin: '900101300000' } }, 'person.iin'],
    [{ registration: { area_total_m2: -5 } }, 'registration.area_total_m2'],
    [{ person: { status: 5 } }, 'person.status'],
    [{ person: { date_of_birth: '2026-02-30' } }, 'person.date_of_birth'],
    [{ phc: { categories: ['pensioner', 7] } }, 'phc.categories[1]'],
    [{ person: { statuss: 'citizen' } }, 'person.statuss'],
    [{ services: ['tax'] }, 'services[0]'],
    [{ person: ['citizen'] }, 'person'],
    [[], null],
    [{ application: { date: '1999-12-31' } }, 'application.date'],
  ];
  for (const lang of ['kk', 'ru', 'en']) {
    for (const [answers, field] of cases) {
      const native = tekser(answers, '--as-of', '2026-03-02', '--lang', lang);
      assert.equal(native.status, 2, `${JSON.stringify(answers)}: the CLI refuses it`);
      let thrown;
      try {
        lib.evaluate(answers, { asOf: '2026-03-02', lang });
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown instanceof Error, `${JSON.stringify(answers)}: evaluate throws`);
      assert.equal(thrown.field, field, `${JSON.stringify(answers)} (${lang}): the field`);
      const cliWords = native.stderr;
      if (lang === 'en' && !thrown.errors) {
        // In English serde's own words follow in brackets: a text parser's (the CLI's, with the line
        // and column of its file) are not a value's. Everything before them is the same.
        const head = (m) => m.slice(0, m.lastIndexOf(' ('));
        assert.equal(head(thrown.message), head(cliWords), `${JSON.stringify(answers)} (${lang}): the CLI's words`);
      } else {
        assert.equal(thrown.message, cliWords, `${JSON.stringify(answers)} (${lang}): the CLI's words`);
      }
      assert.throws(() => lib.questions(answers, { asOf: '2026-03-02', lang }), (e) => e.message === thrown.message && e.field === field);
      const listed = lib.validate(answers, { asOf: '2026-03-02', lang });
      assert.equal(listed[0].field, field);
      if (thrown.errors) {
        // Refused by the rules: each line of the CLI's message is one error of validate.
        assert.deepEqual(thrown.errors, listed);
        assert.deepEqual(cliWords.split('\n').slice(1).map((l) => l.trim()), listed.map((e) => e.message));
        assert.ok(listed.every((e) => e.kind && typeof e.kind.kind === 'string'));
      } else {
        assert.deepEqual(listed, [{ field, message: thrown.message, kind: null }]);
      }
    }
  }
  // Good answers: nothing to report.
  for (const { answers } of examples) assert.deepEqual(lib.validate(answers, { asOf: '2026-03-02' }), []);
});

test('what JSON cannot say is refused, not dropped; options are checked', () => {
  const e = (f) => {
    try {
      f();
    } catch (err) {
      return err;
    }
    assert.fail('no error thrown');
  };
  for (const bad of [NaN, Infinity, -Infinity]) {
    const err = e(() => lib.evaluate({ registration: { area_total_m2: bad } }, { lang: 'ru' }));
    assert.equal(err.field, 'registration.area_total_m2');
    assert.match(err.message, /registration\.area_total_m2 «/);
  }
  assert.equal(e(() => lib.evaluate({}, { lang: 'de' })).field, 'lang');
  assert.match(e(() => lib.evaluate({}, { lang: 'de' })).message, /kk, ru, en/);
  assert.equal(e(() => lib.evaluate({}, { asOf: '2026-02-30' })).field, 'asOf');
  assert.equal(e(() => lib.evaluate({}, { asOf: '1999-12-31', lang: 'en' })).field, 'asOf');
  assert.match(e(() => lib.evaluate({}, { asOf: '1999-12-31', lang: 'en' })).message, /01\.01\.2000/);
  assert.equal(e(() => lib.evaluate('{"person": {}} {}', { lang: 'en' })).field, null);
  // Personal details (an app's saved file may hold them) are refused, as text and as an object.
  const withDetails = { services: ['phc'], details: { applicant: { full_name: 'Айгүл' } } };
  assert.equal(e(() => lib.evaluate(withDetails, { asOf: '2026-03-02' })).field, 'details');
  assert.equal(e(() => lib.questions(JSON.stringify(withDetails), { asOf: '2026-03-02' })).field, 'details');
  assert.equal(e(() => lib.calendar(1899, 'en')).field, 'year');
  assert.equal(e(() => lib.calendar(2026.5, 'en')).field, 'year');
  // An object deeper than a file may nest, or holding itself, is refused whole; the library goes on.
  const cyclic = { person: {} };
  cyclic.person.me = cyclic;
  let deep = 'x';
  for (let i = 0; i < 10_000; i++) deep = { a: [deep] };
  for (const bad of [cyclic, { person: deep }]) {
    const err = e(() => lib.evaluate(bad, { lang: 'en' }));
    assert.equal(err.field, null);
    assert.match(err.message, /not an answers file/);
  }
  assert.equal(lib.evaluate(examples[0].answers).outcomes.length, 1);
  // A Date is a day (its day in UTC); no options: Kazakh and the application date.
  assert.equal(lib.evaluate({}, { asOf: new Date(Date.UTC(2026, 2, 2)) }).as_of, '2026-03-02');
  assert.equal(lib.evaluate({ application: { date: '2026-04-01' } }).as_of, '2026-04-01');
});

test('questions: the facts each scenario misses, in its (interview) order, worded', () => {
  let checked = 0;
  for (const s of scenarios) {
    const expected = Object.entries(s.expect).filter(([, x]) => x.missing?.length);
    if (expected.length !== 1 || s.answers.services?.length !== 1) continue;
    const missing = expected[0][1].missing;
    for (const lang of ['kk', 'ru', 'en']) {
      const qs = lib.questions(s.answers, { asOf: s.as_of, lang });
      const fields = qs.map((q) => q.field);
      assert.deepEqual(fields.filter((f) => missing.includes(f)), missing, `${s.name}: the missing facts in order`);
      assert.equal(new Set(fields).size, fields.length);
      for (const q of qs) {
        assert.ok(q.question && !q.question.startsWith('question.'), `${q.field}: worded`);
        assert.equal(q.options.length > 0, q.kind === 'choice' || q.kind === 'many', `${q.field}: options of a choice`);
        assert.ok(q.options.every((o) => o.text && !o.text.startsWith('option.')));
      }
    }
    checked++;
  }
  assert.ok(checked >= 10, `${checked} scenarios with missing facts`);
  // A partial file, by hand: a citizen of 1990 wanting the PHC attachment is asked, in order, who
  // applies, then why, and nothing already answered.
  const partial = { services: ['phc'], person: { status: 'citizen', date_of_birth: '1990-05-10' } };
  const fields = lib.questions(partial, { asOf: '2026-03-02', lang: 'en' }).map((q) => q.field);
  assert.ok(fields.indexOf('phc.applicant') >= 0 && fields.indexOf('phc.applicant') < fields.indexOf('phc.reason'), fields.join(', '));
  assert.ok(!fields.includes('person.status') && !fields.includes('person.date_of_birth'));
  assert.ok(fields.every((f) => f.startsWith('phc.') || f.startsWith('application.') || f.startsWith('person.')), fields.join(', '));
  // Everything answered: nothing left to ask.
  assert.deepEqual(lib.questions(JSON.parse(readFileSync(join(root, 'examples/phc.json'), 'utf8')), { asOf: '2026-03-02' }), []);
});

/** [[section]] tables of a TOML file: `key = value` lines, strings and numbers (enough for calendar.toml). */
function tomlTables(text, section) {
  const out = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const head = line.match(/^\[\[(\w+)\]\]/);
    if (head) cur = head[1] === section ? (out.push({}), out.at(-1)) : null;
    else if (/^\[/.test(line)) cur = null;
    const kv = cur && line.match(/^(\w+)\s*=\s*(.+?)\s*$/);
    if (kv) cur[kv[1]] = kv[2].startsWith('"') ? JSON.parse(kv[2]) : kv[2] === 'true' ? true : kv[2] === 'false' ? false : Number(kv[2]);
  }
  return out;
}

test('calendar(2026) holds calendar.toml and says what tekser calendar says', () => {
  const toml = readFileSync(join(root, 'crate/data/calendar.toml'), 'utf8');
  const c = lib.calendar(2026, 'en');
  assert.equal(c.year, 2026);
  assert.equal(c.published, true);
  const on = (date) => c.days.filter((d) => d.date === date);
  const holidays = tomlTables(toml, 'holiday').filter((h) => (h.from_year ?? 0) <= 2026 && 2026 <= (h.until_year ?? 9999));
  assert.ok(holidays.length >= 10);
  for (const h of holidays) {
    const date = `2026-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`;
    assert.ok(on(date).some((d) => d.why.kind === 'holiday' && d.why.key === h.key && d.why.holiday_kind === h.kind && !d.working), `${h.key} on ${date}`);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    const moved = c.days.filter((d) => d.why.kind === 'holiday_moved' && d.why.key === h.key && d.why.from === date);
    assert.equal(moved.length, weekend && h.moves_off_weekend ? 1 : 0, `${h.key}: moved off the weekend`);
  }
  for (const k of tomlTables(toml, 'kurban_ait').filter((k) => k.year === 2026)) {
    assert.ok(on(k.date).some((d) => d.why.key === 'kurban_ait'), `Kurban Ait on ${k.date}`);
  }
  const transfers = tomlTables(toml, 'transfer').filter((t) => t.day_off.startsWith('2026') || t.working_day.startsWith('2026'));
  assert.equal(c.days.filter((d) => d.why.kind.startsWith('transfer')).length, transfers.length * 2);
  assert.ok(c.days.filter((d) => d.why.kind !== 'transfer_working_day').every((d) => !d.working || d.why.kind === 'holiday'));
  // 365 days, 104 of them Saturdays and Sundays, less the weekdays off.
  const weekdaysOff = c.days.filter((d) => !d.working && ![0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())).length;
  assert.equal(c.working_days, 365 - 104 - weekdaysOff);
  for (const lang of ['kk', 'ru', 'en']) {
    const native = spawnSync(cli, ['calendar', '2026', '--lang', lang], { encoding: 'utf8' }).stdout;
    const js = lib.calendar(2026, lang).days.map((d) => `${d.date} ${d.weekday}  ${d.reason}\n`).join('');
    assert.equal(js, native, `tekser calendar 2026 --lang ${lang}`);
  }
  assert.equal(lib.calendar(2099, 'ru').published, false);
});

test('schema and edition are the CLI\'s', () => {
  const native = spawnSync(cli, ['schema'], { encoding: 'utf8' }).stdout;
  assert.equal(JSON.stringify(lib.schema(), null, 2) + '\n', canonical(native));
  assert.equal(wholeDecimals(native), canonical(native));
  const report = JSON.parse(tekser({}, '--as-of', '2026-03-02').stdout);
  assert.deepEqual(lib.edition(), report.edition);
  assert.match(lib.edition().hash, /^[0-9a-f]{64}$/);
});

test('tekser.d.ts declares every property the library returns', () => {
  const declared = readFileSync(join(libDir, 'tekser.d.ts'), 'utf8');
  const keys = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) keys.add(k), walk(x);
  };
  for (const s of scenarios) {
    walk(lib.evaluate(s.answers, { asOf: s.as_of }));
    walk(lib.questions(s.answers, { asOf: s.as_of }));
  }
  walk(lib.validate({ person: { iin: '123', date_of_birth: '2030-01-01' }, registration: { area_total_m2: -1 } }, { asOf: '2026-03-02' }));
  walk([lib.calendar(2024), lib.calendar(2022), lib.edition()]);
  assert.ok(keys.size > 60, `${keys.size} properties`);
  const undeclared = [...keys].filter((k) => !new RegExp(`\\b${k}\\??: `).test(declared));
  assert.deepEqual(undeclared, [], 'properties missing from js/src/types.d.ts');
});

test('evaluate: median time per call over the four examples (reported)', () => {
  // A batch is every example ten times; the time per call is the batch's time over its 40 calls.
  const batch = () => {
    const t = performance.now();
    for (let i = 0; i < 10; i++) for (const { answers } of examples) lib.evaluate(answers);
    return (performance.now() - t) / (10 * examples.length);
  };
  for (let i = 0; i < 5; i++) batch();
  const times = Array.from({ length: 50 }, batch).sort((a, b) => a - b);
  const median = times[times.length >> 1];
  assert.ok(median > 0 && Number.isFinite(median));
  console.log(`evaluate in Node ${process.version}: median ${(median * 1000).toFixed(0)} µs per call (50 batches of 40 calls over the four examples, each on its application day; fastest batch ${(times[0] * 1000).toFixed(0)} µs, slowest ${(times.at(-1) * 1000).toFixed(0)} µs per call)`);
});
