// The example page: loads the library (./tekser/, the package scripts/js-lib builds) and shows the
// verdict of each service for the answers pasted, with what is still missing and why not. No framework.
import init, { evaluate, questions, text, edition } from './tekser/tekser.js';

const $ = (id) => document.getElementById(id);

/** An element with text (never HTML: the words come from the library, the answers from the person). */
function el(tag, words, className) {
  const e = document.createElement(tag);
  if (words !== undefined) e.textContent = words;
  if (className) e.className = className;
  return e;
}

function show() {
  const out = $('result');
  out.replaceChildren();
  const lang = $('lang').value;
  const options = { lang, asOf: $('as-of').value || undefined };
  const say = (key) => text(key, lang) ?? key;
  let answers;
  try {
    answers = JSON.parse($('answers').value);
  } catch (e) {
    out.append(el('p', `${say('input_error.parse')}: ${e.message}`, 'error'));
    return;
  }
  let report;
  try {
    report = evaluate(answers, options);
  } catch (e) {
    // The message names the question; e.field is its path (null: the whole file).
    out.append(el('p', e.message, 'error'));
    out.dataset.field = e.field ?? '';
    return;
  }
  out.append(el('p', `${say('ui.as_of')}: ${report.as_of}`));
  for (const o of report.outcomes) {
    const section = el('section');
    section.dataset.service = o.service;
    section.append(el('h2', say(`service.${o.service}`)));
    const verdict = el('p', say(`verdict.${o.verdict}`), 'verdict');
    verdict.dataset.verdict = o.verdict;
    section.append(verdict);
    const notMet = o.reasons.filter((r) => r.status === 'not_met' && (r.role === 'scope' || r.role === 'condition'));
    if (notMet.length) {
      const list = el('ul');
      for (const r of notMet) list.append(el('li', say(`reason.${r.code}`)));
      section.append(list);
    }
    out.append(section);
  }
  const asked = questions(answers, options);
  if (asked.length) {
    out.append(el('h2', say('ui.missing')));
    const list = el('ol');
    for (const q of asked) list.append(el('li', q.question));
    out.append(list);
  }
}

await init();
$('edition').textContent = edition().id;
$('check').addEventListener('submit', (e) => {
  e.preventDefault();
  show();
});
$('go').disabled = false;
