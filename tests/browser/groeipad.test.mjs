// End-to-end tests of Mijn groeipad for the yearly conversation (issue
// 19): the first visit's question, the self-assessment and its chart, two
// roles side by side, agreements, the printed ontwikkelplan and the
// conversation mode. The room is a WebAssembly module of its own
// (web/groeipad) that the page loads when the tab is first opened.
// Run by `cargo xtask test-browser` with app.test.mjs (same environment).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.DOORGROEI_ARTIFACTS ?? 'target/browser';
const PATHWAYS = process.env.DOORGROEI_PATHWAYS ?? 'pathways';
if (!URL_) throw new Error('DOORGROEI_URL is not set: run these tests through `cargo xtask test-browser`');
const ORIGIN = new URL(URL_).origin;

let browser;
let context;
let page;
let problems;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

after(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, serviceWorkers: 'block', acceptDownloads: true });
  page = await context.newPage();
  problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
});

afterEach(async () => {
  await context?.close();
  assert.deepEqual(problems, [], 'no console errors, CSP violations or foreign requests');
});

async function openGrowth() {
  await page.goto(URL_);
  await page.waitForSelector('svg.ladder g.role');
  await page.getByRole('tab', { name: 'Mijn groeipad' }).click();
  await page.waitForSelector('.growth-form #current-role');
}

// The plan worked out (no "being worked out" left).
async function planned() {
  await page.waitForFunction(() => document.querySelector('section.plan') && !document.querySelector('.side .busy'));
}

// The room's drawing: its own copy in the module, with the current role.
const rowOf = (name) => page.locator(`svg.chart g.row[data-competency="${name}"]`);
const ownLevel = async (name) => Number(await rowOf(name).locator('rect.own').getAttribute('data-level'));
const rate = (name, level) => page.getByRole('group', { name, exact: true }).getByLabel(level, { exact: true }).check();
const gapOf = (name) => page.getByRole('group', { name, exact: true }).locator('p.gap');

// Both compared roles' names and values in the viewport, the table not
// scrolled sideways (issue 19: the second role was cut off).
async function bothRolesShow(nameA, nameB) {
  const compare = page.locator('section.compare-roles table.compare');
  await compare.scrollIntoViewIfNeeded();
  const seen = await compare.evaluate((table) => {
    const width = document.documentElement.clientWidth;
    const box = (el) => el.getBoundingClientRect();
    const heads = [...table.querySelectorAll('thead th')].slice(1);
    const cells = [...table.querySelectorAll('tbody tr:first-child td')];
    const inside = (el) => box(el).left >= 0 && box(el).right <= width + 0.5 && box(el).width > 20;
    const scroller = table.parentElement;
    return {
      names: heads.map((th) => th.textContent),
      inside: [...heads, ...cells].map(inside),
      sideways: scroller.scrollWidth > scroller.clientWidth + 1 || document.documentElement.scrollWidth > width + 1,
    };
  });
  assert.deepEqual(seen.names, [nameA, nameB]);
  assert.deepEqual(seen.inside, [true, true, true, true], `both roles in view at ${page.viewportSize().width} px`);
  assert.equal(seen.sideways, false, 'nothing scrolls sideways');
}

test('Mijn groeipad: a first visit asks for the current role, and the ranking says what it ranks by', async () => {
  const loaded = [];
  page.on('request', (req) => loaded.push(new URL(req.url()).pathname));
  await page.goto(URL_);
  await page.waitForSelector('svg.ladder g.role');
  assert.ok(!loaded.some((p) => p.includes('doorgroei_groeipad')), 'the room is not loaded before it is opened');
  await page.getByRole('tab', { name: 'Mijn groeipad' }).click();
  await page.waitForSelector('.growth-form #current-role');
  assert.ok(loaded.includes('/doorgroei_groeipad_bg.wasm'), loaded.join(' '));
  // No role assumed: the question, an empty choice, nothing highlighted.
  await page.locator('.growth-form p.ask', { hasText: 'Welke functie heb je nu?' }).waitFor();
  assert.equal(await page.locator('#current-role').inputValue(), '');
  assert.equal(await page.locator('g.role.selected').count(), 0);
  await planned();
  assert.match(await page.locator('section.targets .ranked-by').innerText(), /kies eerst je huidige functie/);
  assert.equal(await page.locator('section.targets li').count(), 0);
  // Two roles side by side: none assumed, so it asks (no route of a role to itself).
  const compare = page.locator('section.compare-roles');
  await compare.locator('p.hint', { hasText: 'Kies twee functies om ze naast elkaar te zien.' }).waitFor();
  assert.equal(await compare.locator('table').count(), 0);
  assert.doesNotMatch(await compare.innerText(), /0 maanden/);
  // A role chosen: ranked by closeness until wishes are given, then by them.
  await page.selectOption('#current-role', 'sw-hbo-vak');
  await page.waitForSelector('g.role.selected[data-role="sw-hbo-vak"]');
  await page.locator('section.targets .ranked-by', { hasText: 'Gerangschikt op nabijheid' }).waitFor();
  assert.ok(await page.locator('section.targets li').count() > 0);
  // Without a goal the second role is the first next step, not the first again.
  await compare.locator('table.compare').waitFor();
  assert.equal(await page.locator('#compare-a').inputValue(), 'sw-hbo-vak');
  const second = await page.locator('#compare-b').inputValue();
  const firstNext = await page.locator('section.next ul.steps li button').first().innerText();
  assert.notEqual(second, 'sw-hbo-vak');
  assert.equal(await page.locator('#compare-b option:checked').innerText(), firstNext);
  await page.waitForFunction(() => !document.querySelector('section.compare-roles .ways').textContent.includes('…'));
  assert.doesNotMatch(await compare.innerText(), /: 0 maanden/);
  // The same role twice: said so, no routes of 0 months.
  await page.selectOption('#compare-b', 'sw-hbo-vak');
  await compare.locator('p.hint', { hasText: 'Dat is twee keer dezelfde functie' }).waitFor();
  assert.equal(await compare.locator('table, .ways').count(), 0);
  assert.equal(await page.locator('.growth-form p.ask').count(), 0);
  await page.locator('.growth-form fieldset.tracks').getByLabel('opleiden').check();
  await page.locator('section.targets .ranked-by', { hasText: 'Gerangschikt op je wensen' }).waitFor();
  assert.match(await page.locator('section.targets li').first().innerText(), /— \d+% in je gewenste sporen, schaal [+-]\d+, \d+ maand(en)?$/);
  assert.match(await page.locator('section.plan .plan-head').textContent(), /Wensen: sporen: opleiden/);
  // Nothing was saved before the role was chosen; now the role is.
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('doorgroei')));
  assert.equal(saved.profile.current_role, 'sw-hbo-vak');
});

test('Mijn groeipad: rate three competencies, see the gap and the chart change, compare two roles, add an agreement, print, reload', async () => {
  await openGrowth();
  await page.getByLabel('Naam (voor het afgedrukte plan)').fill('Noor Bakker');
  await page.getByLabel('Naam (voor het afgedrukte plan)').press('Tab');
  await page.selectOption('#current-role', 'sw-hbo-vak');
  await page.selectOption('#goal', 'praktijkopleider');
  await page.getByLabel('Jaren in deze functie').fill('2');
  await page.getByLabel('Jaren in deze functie').press('Tab');
  await page.waitForSelector('ol.route');
  await planned();

  // What the route's steps and the goal ask, once each at the highest level.
  const asked = await page.locator('svg.chart g.row').evaluateAll((gs) => gs.map((g) => g.dataset.competency));
  assert.deepEqual(asked, ['Complexe casuïstiek', 'Veiligheidstaxatie', 'Coachen', 'Begeleiden van stagiairs', 'Intervisie begeleiden']);
  assert.match(await gapOf('Coachen').innerText(), /Coachen: niet beoordeeld, gevraagd voldoende/);
  assert.equal(await ownLevel('Coachen'), 0);

  // Three ratings: each gap in words, and the chart follows.
  await rate('Coachen', 'basis');
  await page.waitForFunction(() => document.querySelector('svg.chart g.row[data-competency="Coachen"] rect.own').dataset.level === '1');
  assert.match(await gapOf('Coachen').innerText(), /Coachen: basis, gevraagd voldoende/);
  assert.match(await rowOf('Coachen').getAttribute('class'), /missing/);
  await rate('Coachen', 'voldoende');
  await page.waitForFunction(() => document.querySelector('svg.chart g.row[data-competency="Coachen"] rect.own').dataset.level === '2');
  assert.match(await rowOf('Coachen').getAttribute('class'), /\bmet\b/);
  await rate('Begeleiden van stagiairs', 'voldoende');
  await page.waitForFunction(() => document.querySelector('svg.chart g.row[data-competency="Begeleiden van stagiairs"] rect.own').dataset.level === '2');
  assert.match(await gapOf('Begeleiden van stagiairs').innerText(), /Begeleiden van stagiairs: voldoende, gevraagd sterk/);
  await rate('Veiligheidstaxatie', 'sterk');
  await page.waitForFunction(() => document.querySelector('svg.chart g.row[data-competency="Veiligheidstaxatie"] rect.own').dataset.level === '3');
  // The table for screen readers says the same.
  const table = await page.locator('.assessment-chart table').evaluate((t) => t.textContent);
  assert.match(table, /Coachen\s*voldoende\s*voldoende/);
  assert.match(table, /Begeleiden van stagiairs\s*voldoende\s*sterk/);
  // Each step of the route shows its role's competencies against the ratings.
  await page.locator('ol.route li.competency', { hasText: 'Begeleiden van stagiairs: voldoende, gevraagd sterk' }).waitFor();

  // Two roles side by side: mine and my goal, then another.
  const compare = page.locator('section.compare-roles');
  assert.equal(await page.locator('#compare-a').inputValue(), 'sw-hbo-vak');
  assert.equal(await page.locator('#compare-b').inputValue(), 'praktijkopleider');
  await page.waitForFunction(() => !document.querySelector('section.compare-roles .ways').textContent.includes('…'));
  const text = await compare.innerText();
  assert.match(text, /Salaris \(bruto per maand\)/);
  assert.match(text, /€\u00a0\d\.\d{3}/, 'no break after the euro sign');
  assert.doesNotMatch(text, /€ \d/);
  await bothRolesShow('Sociaal werker HBO vakbekwaam', 'Praktijkopleider');
  assert.match(text, /Sociaal werker HBO vakbekwaam → Praktijkopleider: \d+ maanden/);
  assert.match(text, /Praktijkopleider → Sociaal werker HBO vakbekwaam: (\d+ maand(en)?|geen route)/);
  assert.equal(await compare.locator('svg.mixbar').count(), 2, 'the mix of work as bars');
  await page.selectOption('#compare-b', 'teamleider');
  await compare.locator('thead', { hasText: 'Teamleider' }).waitFor();
  assert.match(await compare.innerText(), /Geeft leiding\s*nee\s*ja/);
  await page.selectOption('#compare-a', 'ervaringsdeskundige');
  await compare.locator('thead', { hasText: 'Ervaringsdeskundige' }).waitFor();
  await bothRolesShow('Ervaringsdeskundige', 'Teamleider');
  await page.setViewportSize({ width: 390, height: 844 });
  await bothRolesShow('Ervaringsdeskundige', 'Teamleider');
  await page.setViewportSize({ width: 1400, height: 1000 });

  // Agreements: one overdue, one ticked off.
  await page.locator('#agreement-action').fill('Cursus coachen volgen');
  await page.locator('#agreement-by').fill('31-1-2020');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  const overdue = page.locator('li.agreement.overdue', { hasText: 'Cursus coachen volgen' });
  await overdue.waitFor();
  assert.match(await overdue.innerText(), /uiterlijk op 31 januari 2020/);
  assert.match(await overdue.innerText(), /te laat/);
  await page.locator('#agreement-action').fill('Twee stagiairs begeleiden');
  await page.locator('#agreement-by').fill('2030-05-01');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  const later = page.locator('li.agreement', { hasText: 'Twee stagiairs begeleiden' });
  await later.waitFor();
  assert.doesNotMatch(await later.getAttribute('class'), /overdue/);
  await later.getByRole('checkbox').check();
  await page.waitForSelector('li.agreement.done');
  // A date that is none, or half typed, is refused in the app's words,
  // the field marked and focused.
  const by = page.locator('#agreement-by');
  for (const typed of ['31-2-2027', '15']) {
    await page.locator('#agreement-action').fill('Een datum die er niet is');
    await by.fill(typed);
    await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await page.locator('#agreement-problem[role=alert]', { hasText: `‘${typed}’ is geen datum: schrijf dag-maand-jaar, bijvoorbeeld 4-1-2027.` }).waitFor();
    assert.equal(await by.getAttribute('aria-invalid'), 'true');
    assert.equal(await by.getAttribute('aria-describedby'), 'agreement-problem');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'agreement-by');
    assert.equal(await page.locator('li.agreement').count(), 2);
  }
  // Without a date: no date part at all.
  await by.fill('');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  const undated = page.locator('li.agreement', { hasText: 'Een datum die er niet is' });
  await undated.waitFor();
  assert.doesNotMatch(await undated.innerText(), /uiterlijk|geen datum/);
  assert.equal(await by.getAttribute('aria-invalid'), 'false');
  // An empty one is refused, with a reason.
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await page.locator('.add-agreement [role=alert]', { hasText: 'Schrijf eerst' }).waitFor();
  assert.equal(await page.locator('#agreement-action').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'agreement-action');
  assert.equal(await page.locator('li.agreement').count(), 3);

  // The printed plan: the plan's parts, no screen-only text or buttons.
  await page.emulateMedia({ media: 'print' });
  const head = await page.locator('section.plan .print-only').innerText();
  assert.match(head, /Naam: Noor Bakker/);
  assert.match(head, /Afgedrukt op: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
  assert.match(head, /Mijn functie nu: Sociaal werker HBO vakbekwaam · 2 jaar in deze functie/);
  assert.equal((await page.locator('section.plan').innerText()).match(/Mijn doel: Praktijkopleider/g)?.length, 1, 'the goal named once');
  assert.match(head, /Wensen: /);
  for (const hidden of ['.growth-form', '.drawing', '.toolbar', '.route-choice', '.ratings', '.add-agreement', 'section.compare-roles', 'section.targets']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  for (const shown of ['ol.route', 'section.next', '.assessment-chart svg', 'li.agreement.overdue', '.signatures']) {
    assert.equal(await page.locator(shown).first().isVisible(), true, `${shown} is printed`);
  }
  const printed = await page.locator('body').innerText();
  assert.doesNotMatch(printed, /ingebouwde voorbeeld|functies en overgangen|Afspraak toevoegen|Verwijderen/);
  assert.doesNotMatch(printed, /\d{4}-\d{2}-\d{2}/, 'dates written out');
  assert.match(printed, /€\u00a0\d\.\d{3}/);
  assert.doesNotMatch(printed, /€[ \u00a0]\d{4}\b/);
  assert.doesNotMatch(printed, /€ \d/);
  assert.match(printed, /Cursus coachen volgen\s*— uiterlijk op 31 januari 2020\s*\(open\)\s*te laat/);
  assert.match(printed, /Twee stagiairs begeleiden\s*— uiterlijk op 1 mei 2030\s*\(gedaan\)/);
  assert.match(printed, /Handtekening leidinggevende/);
  await page.emulateMedia({ media: 'screen' });

  // All of it survives a reload.
  await page.reload();
  await page.waitForSelector('svg.chart g.row');
  assert.equal(await page.locator('#profile-name').inputValue(), 'Noor Bakker');
  assert.equal(await page.getByRole('group', { name: 'Coachen', exact: true }).getByLabel('voldoende', { exact: true }).isChecked(), true);
  assert.equal(await ownLevel('Veiligheidstaxatie'), 3);
  assert.equal(await page.locator('li.agreement').count(), 3);
  assert.equal(await page.locator('li.agreement.done', { hasText: 'Twee stagiairs begeleiden' }).count(), 1);
  // In English: the same, in English words and dates.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.locator('h3', { hasText: 'Self-assessment' }).waitFor();
  assert.match(await gapOf('Begeleiden van stagiairs').innerText(), /voldoende|sufficient, asked strong/);
  assert.match(await page.locator('li.agreement.overdue').innerText(), /by 31 January 2020/);
  assert.match(await page.locator('section.plan .plan-head').textContent(), /2 years in this role/);
  await page.locator('#agreement-action').fill('Read a book');
  await page.locator('#agreement-by').fill('30-2-2027');
  await page.getByRole('button', { name: 'Add agreement' }).click();
  await page.locator('#agreement-problem', { hasText: '‘30-2-2027’ is not a date: write day-month-year, for example 4-1-2027.' }).waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.selectOption('#compare-b', 'teamleider');
  await bothRolesShow('Social worker (HBO) competent', 'Team leader');
});

test('Mijn groeipad: the example profile prints on at most two A4 pages', async () => {
  await openGrowth();
  await page.locator('.growth-form input[type=file]').setInputFiles(join(PATHWAYS, 'profiel-sanne.yaml'));
  await page.waitForFunction(() => document.querySelector('#current-role').value === 'sw-hbo-vak');
  await page.waitForSelector('ol.route');
  await planned();
  await page.locator('li.agreement', { hasText: 'Een intervisiegroep voorzitten' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.match(await page.locator('section.plan .print-only').innerText(), /Naam: Sanne de Vries/);
});

test('Mijn groeipad: in conversation mode a manager opens a profile file, sees it read-only, changes the agreements and saves the file back', async () => {
  await openGrowth();
  // The manager's own profile in this browser.
  await page.selectOption('#current-role', 'teamleider');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('doorgroei') ?? 'null')?.profile?.current_role === 'teamleider');
  await page.getByRole('button', { name: 'Gespreksmodus (leidinggevende)' }).click();
  await page.locator('.growth-form .conversation', { hasText: 'open het profielbestand van je medewerker' }).waitFor();
  await page.locator('.growth-form input[type=file]').setInputFiles(join(PATHWAYS, 'profiel-sanne.yaml'));
  await page.waitForFunction(() => document.querySelector('#current-role').value === 'sw-hbo-vak');
  await page.waitForSelector('ol.route');
  // The plan, the self-assessment and the agreements, read-only but for the agreements.
  assert.equal(await page.locator('#current-role').isDisabled(), true);
  assert.equal(await page.locator('#goal').isDisabled(), true);
  assert.equal(await page.getByRole('group', { name: 'Coachen', exact: true }).getByLabel('basis', { exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('group', { name: 'Coachen', exact: true }).getByLabel('sterk', { exact: true }).isDisabled(), true);
  assert.equal(await ownLevel('Coachen'), 1);
  assert.equal(await page.locator('li.agreement').count(), 3);
  // A click on the drawing changes nothing.
  await page.locator('g.role[data-role="teamleider"]').click();
  assert.equal(await page.locator('#current-role').inputValue(), 'sw-hbo-vak');
  // The manager adds one and ticks one off.
  await page.locator('#agreement-action').fill('Een casus inbrengen bij de specialist');
  await page.locator('#agreement-by').fill('2027-03-01');
  await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
  await page.locator('li.agreement', { hasText: 'Een casus inbrengen bij de specialist' }).waitFor();
  await page.locator('li.agreement', { hasText: 'Twee stagiairs begeleiden' }).getByRole('checkbox').check();
  await page.waitForSelector('li.agreement.done >> text=Twee stagiairs begeleiden');
  // Saved back as a file: the social worker's profile with the agreements changed.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Profiel opslaan (YAML)' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'profiel-sanne.yaml', 'saved back under its own name');
  const yaml = readFileSync(await file.path(), 'utf8');
  assert.match(yaml, /name: Sanne de Vries/);
  assert.match(yaml, /current_role: sw-hbo-vak/);
  assert.match(yaml, /Coachen: basis/);
  assert.match(yaml, /action: Een casus inbrengen bij de specialist/);
  assert.match(yaml, /by: 2027-03-01/);
  assert.match(yaml, /action: Twee stagiairs begeleiden met de praktijkopleider\s+by: 2026-06-30\s+done: true/);
  // The manager's own profile is untouched, and comes back.
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('doorgroei')));
  assert.equal(saved.profile.current_role, 'teamleider');
  assert.equal(saved.profile.agreements, undefined);
  await page.getByRole('button', { name: 'Gespreksmodus verlaten' }).click();
  await page.waitForFunction(() => document.querySelector('#current-role').value === 'teamleider');
  assert.equal(await page.locator('#current-role').isDisabled(), false);
  assert.equal(await page.locator('li.agreement').count(), 0);
});
