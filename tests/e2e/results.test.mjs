// The results pages, action first (issue 10), on a 360 × 740 phone in kk, ru and en, for every kind of
// result: can apply (the four examples), check with the provider, cannot apply, no way to apply now,
// could not tell, and a registration whose deadline to apply has passed.
//
// - Can apply: the verdict and the first step of "what to do next" are on the first screen, and the
//   service's folded results fit in 3 screens (every height is reported).
// - Cannot apply / no way to apply: the reasons and what to do instead, and nothing about applying:
//   no steps, documents, fee, result day or calendar.
// - Could not tell: each missing answer links straight to its question.
// - A missed deadline comes first, before the steps.
// - With every fold opened (each citation's words fetched), a kk or ru page holds no English and no
//   research internals (section signs, data files, hashes); "not confirmed" is never red.
// - "Print the checklist" prints that service's checklist alone, on one A4 page; the full print
//   opens every fold.
// Screenshots of every variant go to target/e2e-screenshots/results-variant-*.png.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, closeAll, openApp } from './harness.mjs';
import { LANGS, example, outcome, where } from './interview.mjs';

after(closeAll);

const PHONE = { width: 360, height: 740 };

/** A results URL for services and raw answers (state.rs's fragment format). */
function resultsUrl(lang, services, raw) {
  const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `/#/results?lang=${lang}&s=${services.join(',')}` + Object.entries(raw).map(([k, v]) => `&${k}=${enc(v)}`).join('');
}

const fromExample = (name) => ({ ...example(name), now: '2026-03-20T09:00:00+05:00' });

// One answer set per kind of result, each from a hand-worked scenario (tests/scenarios/*.yaml).
const VARIANTS = {
  'phc-eligible': { ...fromExample('phc'), verdict: 'eligible', service: 'phc' },
  'licence-eligible': { ...fromExample('medical-licence'), verdict: 'eligible', service: 'medical_licence' },
  'trp-eligible': { ...fromExample('trp'), verdict: 'eligible', service: 'trp' },
  'registration-eligible': { ...fromExample('registration-astana'), verdict: 'eligible', service: 'registration' },
  // licence.yaml: "a court sentence prohibiting the licensed activity is a ground for refusal".
  'licence-not-eligible': {
    services: ['medical_licence'],
    raw: {
      'application.date': '2026-02-02',
      'licence.applicant': 'individual',
      'licence.holds_licence': 'no',
      'licence.action': 'issue',
      'licence.has_eds': 'yes',
      'licence.court_ban': 'yes',
      'licence.meets_qualification_requirements': 'yes',
      'licence.bailiff_ban': 'no',
      'licence.deprived_of_special_right': 'no',
      'licence.consents_to_personal_data': 'yes',
      'licence.fee_paid': 'yes',
    },
    verdict: 'not_eligible',
    service: 'medical_licence',
  },
  // phc.yaml: a second free change on 2025-03-03, when the day "twice a year" began is not known.
  'phc-check-with-provider': {
    services: ['phc'],
    raw: {
      'application.date': '2025-03-03',
      'person.status': 'citizen',
      'person.date_of_birth': '1990-05-10',
      'phc.applicant': 'self',
      'phc.reason': 'free_change',
      'phc.changes_this_year': '1',
      'phc.organisation_in_residence_unit': 'yes',
    },
    verdict: 'check_with_provider',
    service: 'phc',
  },
  // registration.yaml: a ward in Astana during the pilot: nothing refuses, every way is closed.
  'registration-no-channel': {
    services: ['registration'],
    raw: {
      'application.date': '2026-03-02',
      'person.status': 'citizen',
      'person.date_of_birth': '2010-09-01',
      'registration.kind': 'permanent',
      'registration.under_guardianship': 'no',
      'registration.arriving_from_abroad': 'no',
      'registration.place_type': 'apartment',
      'registration.place_has_address': 'yes',
      'registration.applicant_is_owner': 'no',
      'registration.owner_type': 'adult',
      'registration.owners_consent': 'yes',
      'registration.in_astana': 'yes',
      'registration.area_total_m2': '50',
      'registration.registered_count': '3',
      'registration.relation_to_owner': 'ward',
      'registration.outsider_registered': 'no',
      'registration.category_in_state_records': 'no',
      'registration.closed_territory': 'no',
    },
    verdict: 'no_channel_open',
    service: 'registration',
  },
  // registration.yaml: a citizen applying 20 days after arrival (the last day was 2026-02-20).
  'registration-late': {
    services: ['registration'],
    raw: {
      'application.date': '2026-03-02',
      'person.status': 'citizen',
      'person.date_of_birth': '1990-05-10',
      'registration.kind': 'permanent',
      'registration.under_guardianship': 'no',
      'registration.arrival_date': '2026-02-10',
      'registration.arriving_from_abroad': 'no',
      'registration.place_type': 'house',
      'registration.place_has_address': 'yes',
      'registration.applicant_is_owner': 'yes',
      'registration.in_astana': 'no',
      'registration.closed_territory': 'no',
    },
    verdict: 'eligible',
    service: 'registration',
    late: { kk: '2026 ж. 20 ақпан', ru: '20 февраля 2026 г.', en: '20 February 2026' },
  },
  // The person does not know their legal status: the TRP cannot be told.
  'trp-needs-info': {
    services: ['trp'],
    raw: { 'application.date': '2026-03-20', 'person.status': '?' },
    verdict: 'needs_info',
    service: 'trp',
  },
};

/** The verdict's class on its section (outcome.rs `verdict_class`). */
const CLASS = { eligible: 'ok', not_eligible: 'no', not_applicable: 'na', needs_info: 'info', check_with_provider: 'check', no_channel_open: 'check' };

async function open(name, lang) {
  const v = VARIANTS[name];
  const app = await openApp(resultsUrl(lang, v.services, v.raw), {
    ready: 'section.outcome',
    viewport: PHONE,
    now: v.now ?? `${v.raw['application.date']}T10:00:00+05:00`,
    timezoneId: 'Asia/Almaty',
  });
  return { app, v, section: outcome(app.page, v.service) };
}

/** Latin-letter words a kk or ru reader may meet (text.rs PROPER_NAMES, and the parts of act numbers). */
const PROPER = new Set(['egov.kz', 'eGov', 'Mobile', 'elicense.kz', 'gov.kz', 'zakon.kz', 'zakonpravo.kz', 'baq.kz', 'adalan.kz', 'islam.kz', 'KPMG', 'SMS', 'IV', 'VIII', 'UTC', 'JSON', 'QR', 'ZIP', 'PDF']);

for (const lang of LANGS) {
  test(`every kind of result reads action first on a phone (${lang})`, async (t) => {
    for (const name of Object.keys(VARIANTS)) {
      const { app, v, section } = await open(name, lang);
      const { page } = app;
      try {
        assert.ok((await section.getAttribute('class')).split(' ').includes(CLASS[v.verdict]), `${name}: verdict ${v.verdict}`);
        const box = await section.evaluate((s) => {
          const r = s.getBoundingClientRect();
          const bottom = (sel) => {
            const e = s.querySelector(sel);
            return e ? e.getBoundingClientRect().bottom + scrollY : null;
          };
          return { height: r.height, verdict: bottom('.verdict'), step: bottom('.steps li') };
        });
        t.diagnostic(`${name} (${lang}): ${Math.round(box.height)} px = ${(box.height / PHONE.height).toFixed(2)} screens; verdict ends at ${Math.round(box.verdict)} px, first step at ${Math.round(box.step ?? 0)} px`);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `results-variant-${name}-${lang}.png`), fullPage: true });

        const has = (sel) => section.locator(sel).count();
        if (v.verdict === 'eligible' || v.verdict === 'check_with_provider') {
          assert.ok(box.verdict <= PHONE.height, `${name}: the verdict is on the first screen`);
          // A missed deadline comes first (below), before the steps.
          if (!v.late) assert.ok(box.step !== null && box.step <= PHONE.height, `${name}: the first step is on the first screen (${box.step})`);
          assert.ok(box.height <= 3 * PHONE.height, `${name}: the folded results fit in 3 screens (${box.height} px)`);
          // Met conditions are folded, and so is every citation list of the action part.
          assert.equal(await section.locator('details.met[open]').count(), 0);
        } else {
          for (const sel of ['.steps', 'ul.checklist', '.fee', '.deadline', '.apply-by', 'table.month', '.print-one']) {
            assert.equal(await has(sel), 0, `${name}: nothing about applying (${sel})`);
          }
        }
        if (['not_eligible', 'not_applicable', 'no_channel_open'].includes(v.verdict)) {
          const instead = await section.locator('ul.instead').innerText();
          assert.match(instead, /1414/, `${name}: where to get help`);
          assert.ok((await has('ul.reasons li.not_met')) + (v.verdict === 'no_channel_open' ? 1 : 0) > 0, `${name}: the reasons`);
        }
        if (v.verdict === 'no_channel_open') assert.ok((await has('ul.channels li.closed')) > 0, 'why every way is closed');
        if (v.verdict === 'check_with_provider') {
          assert.ok((await has('.unconfirmed')) > 0, 'the unconfirmed condition says so in plain words');
          assert.ok((await has('.steps li')) > 0, 'the person may still apply');
        }
        if (v.late) {
          const order = await section.evaluate((s) => {
            const all = [...s.querySelectorAll('.panel.late, .steps, ul.checklist')];
            return all.map((e) => e.className);
          });
          assert.ok(order[0].includes('late'), `${name}: the missed deadline comes first: ${order}`);
          const panelTop = await section.locator('.panel.late').evaluate((e) => e.getBoundingClientRect().top + scrollY);
          assert.ok(panelTop < PHONE.height, `${name}: the missed deadline is on the first screen`);
          assert.ok((await section.locator('.panel.late').innerText()).includes(v.late[lang]), 'the last day is named');
        }
        if (v.verdict === 'needs_info') {
          const links = section.locator('ul.missing li button');
          assert.ok((await links.count()) > 0, 'each missing answer is named');
          await links.first().click();
          await page.waitForFunction(() => location.hash.startsWith('#/q/'));
          assert.equal((await where(page)).path, 'person.status', 'the link goes straight to the question');
        }
      } finally {
        await app.close();
      }
    }
  });
}

for (const lang of ['kk', 'ru']) {
  test(`opened fully, a ${lang} results page holds no English and no research internals`, async () => {
    for (const name of Object.keys(VARIANTS)) {
      const { app } = await open(name, lang);
      const { page } = app;
      try {
        // Open every fold, the citations' too; their words are fetched once.
        await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
        await page.waitForFunction(() => document.querySelectorAll('main details.cite .loading').length === 0, null, { timeout: 10_000 });
        // The quoted words of a source are the source's own (marked with their language): left out.
        const text = await page.locator('main').evaluate((m) => {
          const copy = m.cloneNode(true);
          copy.querySelectorAll('blockquote').forEach((b) => b.remove());
          document.body.appendChild(copy);
          const t = copy.innerText;
          copy.remove();
          return t;
        });
        assert.doesNotMatch(text, /research|§|\.toml|data\/|[0-9a-f]{16,}/i, `${name}: no research internals`);
        const latin = (text.match(/[A-Za-z][A-Za-z.\-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter((w) => !PROPER.has(w));
        assert.deepEqual([...new Set(latin)], [], `${name}: no English words on a ${lang} page`);
        const red = await page.evaluate(() =>
          [...document.querySelectorAll('.prov, .unconfirmed, .limits')].filter((e) => getComputedStyle(e).color === 'rgb(164, 23, 27)').length,
        );
        assert.equal(red, 0, `${name}: "not confirmed" is not red`);
      } finally {
        await app.close();
      }
    }
  });
}

test('"Print the checklist" prints one service alone on one A4 page; the full print opens every fold', async (t) => {
  for (const name of ['phc-eligible', 'licence-eligible', 'trp-eligible', 'registration-eligible', 'registration-late']) {
    for (const lang of ['ru', 'kk']) {
      const { app, v } = await open(name, lang);
      const { page } = app;
      try {
        await page.evaluate((s) => document.documentElement.setAttribute('data-print', s), v.service);
        await page.emulateMedia({ media: 'print' });
        const shown = (sel) => page.locator(sel).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
        assert.equal(await shown('section.outcome'), 0, 'only the checklist');
        assert.equal(await shown(`.checklist-print[data-service="${v.service}"]`), 1);
        const printed = await page.locator(`.checklist-print[data-service="${v.service}"]`).innerText();
        assert.equal(await page.locator(`.checklist-print[data-service="${v.service}"] .cite`).count(), 0, 'no citation lines');
        assert.doesNotMatch(printed, /пункт|тармақ/i, 'no citation lines');
        assert.match(printed, /1414/, 'the help line');
        const pdf = await page.pdf({ format: 'A4', printBackground: false });
        writeFileSync(join(SCREENSHOTS, `checklist-${name}-${lang}.pdf`), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        t.diagnostic(`${name} (${lang}): checklist print ${pages} page(s)`);
        assert.equal(pages, 1, `${name} (${lang}): the checklist fits one A4 page`);

        // The full print: every fold open, the checklists of other services not printed.
        await page.evaluate(() => document.documentElement.removeAttribute('data-print'));
        assert.equal(await shown('.checklist-print'), 0);
        assert.ok((await shown('details.more .editions')) > 0, 'the folded acts applied are printed');
      } finally {
        await app.close();
      }
    }
  }
});
