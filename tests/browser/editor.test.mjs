// End-to-end tests of the ladder editor ("Bewerken" in Functiehuis), a
// WebAssembly module of its own that the page loads when it is opened.
// Run by `cargo xtask test-browser` with app.test.mjs (same environment).
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.DOORGROEI_ARTIFACTS ?? 'target/browser';
const PATHWAYS = process.env.DOORGROEI_PATHWAYS ?? 'pathways';
if (!URL_) throw new Error('DOORGROEI_URL is not set: run these tests through `cargo xtask test-browser`');
const ORIGIN = new URL(URL_).origin;
const DRAFT = 'doorgroei.concept';

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

function watch(p) {
  p.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  p.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
}

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  problems = [];
  watch(page);
});

afterEach(async () => {
  await context?.close();
  assert.deepEqual(problems, [], 'no console errors, CSP violations or foreign requests');
});

const editorRoles = '#editor-host svg.ladder g.role';
const pageRoles = 'main svg.ladder g.role';

async function openEditor(p = page) {
  await p.goto(URL_);
  await p.waitForSelector(pageRoles);
  await p.getByRole('button', { name: 'Bewerken', exact: true }).click();
  await p.waitForSelector('#editor-host .editor');
}

async function draft(p = page) {
  return p.evaluate((key) => JSON.parse(localStorage.getItem(key)), DRAFT);
}

// Waits until the saved draft satisfies `ok` (it is saved after each render).
async function draftWhere(ok, p = page) {
  for (let i = 0; i < 50; i++) {
    const d = await draft(p);
    if (d && ok(d.draft)) return d;
    await p.waitForTimeout(50);
  }
  const last = (await draft(p))?.draft;
  assert.fail(`the draft never got there: roles ${last?.roles.map((r) => r.id)}, steps ${last?.transitions.length}`);
}

async function key(selector, ...keys) {
  await page.locator(selector).focus();
  for (const k of keys) await page.keyboard.press(k);
}

async function typeIn(selector, text) {
  await key(selector, 'Control+A');
  await page.keyboard.type(text);
}

test('the editor is a module of its own, loaded only when Bewerken is pressed', async () => {
  const wasm = [];
  page.on('request', (req) => {
    if (req.url().endsWith('.wasm')) wasm.push(new URL(req.url()).pathname);
  });
  await page.goto(URL_);
  await page.waitForSelector(pageRoles);
  assert.ok(!wasm.some((w) => w.includes('editor')), `loaded before it was opened: ${wasm}`);
  await page.getByRole('button', { name: 'Bewerken', exact: true }).click();
  await page.waitForSelector(editorRoles);
  assert.ok(wasm.some((w) => w.endsWith('/doorgroei_editor_bg.wasm')), `${wasm}`);
  // It starts from the ladder on the page, focus inside it; closing gives focus back.
  assert.equal(await page.locator(editorRoles).count(), await page.locator(pageRoles).count());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor-title');
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#editor-host').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bewerken');
});

test('a ladder of three roles and two steps built from empty with the keyboard only, then used on the page', async () => {
  await page.goto(URL_);
  await page.waitForSelector(pageRoles);
  await key('button:text-is("Bewerken")', 'Enter');
  await page.waitForSelector('#editor-host .editor');
  // Start from an empty ladder: the fourth choice of the list.
  await key('#editor-start', 'ArrowDown', 'ArrowDown', 'ArrowDown');
  assert.equal(await page.inputValue('#editor-start'), 'empty');
  await key('button:text-is("Beginnen")', 'Enter');
  await draftWhere((d) => d.roles.length === 0);
  await typeIn('#org-name', 'Buurtwerk Oost');

  // Role 1: a new role's name field has focus, its name selected.
  await key('#add-role', 'Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'role-name-nl');
  await page.keyboard.type('Buurtwerker');
  assert.equal(await page.inputValue('#role-id'), 'buurtwerker');
  // Role 2: a senior, scale 8–9.
  await key('#add-role', 'Enter');
  await page.keyboard.type('Senior buurtwerker');
  await key('#role-level', 'ArrowDown', 'ArrowDown');
  await typeIn('#role-scale-max', '9');
  await typeIn('#role-scale-min', '8');
  // Role 3: a team leader who manages people, all management.
  await key('#add-role', 'Enter');
  await page.keyboard.type('Teamleider');
  await key('#role-level', 'End');
  await key('#role-manages', 'Space');
  await typeIn('#role-mix-practice', '');
  await page.keyboard.press('Backspace');
  await typeIn('#role-mix-management', '90');
  // The sum is live, and the check says so at the field.
  assert.match(await page.locator('.editor .sum').textContent(), /Samen 90 van 100/);
  assert.ok(await page.locator('#role-mix-problems, .editor-role .field-problems').count() > 0);
  await typeIn('#role-mix-management', '100');
  await typeIn('#role-scale-min', '10');
  await typeIn('#role-scale-max', '11');

  // Two steps through the form: buurtwerker → senior, senior → teamleider.
  await key('#add-step-from', 'Home');
  await key('#add-step-to', 'Home', 'ArrowDown');
  await key('#add-step', 'Enter');
  await key('#add-step-from', 'Home', 'ArrowDown');
  await key('#add-step-to', 'End');
  await key('#add-step', 'Enter');

  const d = await draftWhere((f) => f.transitions.length === 2);
  assert.deepEqual(d.draft.roles.map((r) => r.id), ['buurtwerker', 'senior-buurtwerker', 'teamleider']);
  assert.deepEqual(d.draft.transitions.map((t) => `${t.from}>${t.to}:${t.kind}`),
    ['buurtwerker>senior-buurtwerker:promotion', 'senior-buurtwerker>teamleider:promotion']);
  assert.equal(await page.locator(editorRoles).count(), 3);
  assert.match(await page.locator('#editor-problems-h').textContent(), /\(0\)/);

  // Used on the page: read, checked and drawn there as a file opened.
  await key('button:text-is("Gebruiken")', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('main svg.ladder g.role').length === 3);
  assert.match(await page.locator('#ladder-heading').textContent(), /Buurtwerk Oost/);
});

test('dragging from one role to another adds a step; undo and redo, buttons and keys', async () => {
  await openEditor();
  const before = (await draft()).draft.transitions.length;
  const box = async (id) => page.locator(`${editorRoles}[data-role="${id}"]`).boundingBox();
  const [a, b] = [await box('ervaringsdeskundige'), await box('sw-hbo-start')];
  assert.ok(a && b, 'both roles are drawn');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  let d = await draftWhere((f) => f.transitions.length === before + 1);
  const added = d.draft.transitions.at(-1);
  assert.deepEqual([added.from, added.to], ['ervaringsdeskundige', 'sw-hbo-start']);

  await page.keyboard.press('Control+z');
  await draftWhere((f) => f.transitions.length === before);
  await page.keyboard.press('Control+Shift+Z');
  await draftWhere((f) => f.transitions.length === before + 1);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await draftWhere((f) => f.transitions.length === before);
  await page.getByRole('button', { name: 'Opnieuw' }).click();
  d = await draftWhere((f) => f.transitions.length === before + 1);

  // What changed, in a sentence, against the ladder as opened.
  await page.getByRole('button', { name: 'Wat is er veranderd?' }).click();
  const changes = await page.locator('#editor-changes ol').textContent();
  assert.match(changes, /Ervaringsdeskundige/);
  assert.match(changes, /Sociaal werker HBO startbekwaam/);
});

test('dragging with a finger adds a step too', async () => {
  await context.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  page = await context.newPage();
  watch(page);
  await openEditor();
  const before = (await draft()).draft.transitions.length;
  const centre = async (id) => {
    const b = await page.locator(`${editorRoles}[data-role="${id}"]`).boundingBox();
    return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
  };
  const [a, b] = [await centre('ervaringsdeskundige'), await centre('sw-hbo-start')];
  const cdp = await context.newCDPSession(page);
  const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [p] : [] });
  await touch('touchStart', a);
  for (let i = 1; i <= 5; i++) await touch('touchMove', { x: a.x + ((b.x - a.x) * i) / 5, y: a.y + ((b.y - a.y) * i) / 5 });
  await touch('touchEnd');
  const d = await draftWhere((f) => f.transitions.length === before + 1);
  const added = d.draft.transitions.at(-1);
  assert.deepEqual([added.from, added.to], ['ervaringsdeskundige', 'sw-hbo-start']);
});

test('a keyboard way to draw a step: "Overgang vanaf" a role, then where to', async () => {
  await openEditor();
  const before = (await draft()).draft.transitions.length;
  await page.selectOption('#role-pick', 'ervaringsdeskundige');
  await key('button:text-is("Overgang vanaf Ervaringsdeskundige")', 'Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-step-to');
  assert.equal(await page.inputValue('#add-step-from'), 'ervaringsdeskundige');
  await page.keyboard.press('End'); // the last role
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-step');
  await page.keyboard.press('Enter');
  const d = await draftWhere((f) => f.transitions.length === before + 1);
  const added = d.draft.transitions.at(-1);
  assert.deepEqual([added.from, added.to], ['ervaringsdeskundige', d.draft.roles.at(-1).id]);
});

test('the draft survives a reload; opening a file on the page asks first', async () => {
  await openEditor();
  await page.getByRole('button', { name: 'Functie toevoegen' }).click();
  await page.keyboard.type('Wijkcoach');
  await draftWhere((f) => f.roles.some((r) => r.id === 'wijkcoach'));
  await page.reload();
  await page.waitForSelector(pageRoles);
  await page.getByRole('button', { name: 'Bewerken', exact: true }).click();
  await page.waitForSelector(`${editorRoles}[data-role="wijkcoach"]`);
  await page.getByRole('button', { name: 'Sluiten' }).click();

  const asked = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    dialog.dismiss();
  });
  const flat = readFileSync(join(PATHWAYS, 'welzijn-vlak.yaml'));
  const roles = await page.locator(pageRoles).count();
  await page.setInputFiles('.toolbar input[type=file]', { name: 'welzijn-vlak.yaml', mimeType: 'text/yaml', buffer: flat });
  await page.waitForTimeout(300);
  assert.equal(asked.length, 1);
  assert.match(asked[0], /concept/);
  assert.equal(await page.locator(pageRoles).count(), roles, 'the file was not opened');
});

test('the downloaded YAML passes doorgroei check and draws the same', async () => {
  await openEditor();
  await page.getByRole('button', { name: 'Functie toevoegen' }).click();
  await page.keyboard.type('Wijkverbinder');
  await draftWhere((f) => f.roles.some((r) => r.id === 'wijkverbinder'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Functiehuis downloaden (YAML)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'welzijn-groeit.yaml');
  const path = join(ARTIFACTS, 'editor-download.yaml');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^# yaml-language-server: \$schema=/);
  execFileSync(process.env.DOORGROEI_CLI, ['check', path]); // throws on a non-zero exit
  const drawn = await page.locator(editorRoles).evaluateAll((gs) => gs.map((g) => g.dataset.role));
  // Nothing changed since the download.
  await page.getByRole('button', { name: 'Wat is er veranderd?' }).click();
  assert.match(await page.locator('#editor-changes').textContent(), /Niets veranderd/);
  await page.getByRole('button', { name: 'Sluiten' }).click();
  // The file opened on the page draws the same roles.
  page.once('dialog', (dialog) => dialog.accept());
  await page.setInputFiles('.toolbar input[type=file]', path);
  await page.waitForFunction((n) => document.querySelectorAll('main svg.ladder g.role').length === n, drawn.length);
  const onPage = await page.locator(pageRoles).evaluateAll((gs) => gs.map((g) => g.dataset.role));
  assert.deepEqual(onPage, drawn);
});

test('a ladder opened from a file with comments: the editor says a download does not keep them', async () => {
  await page.goto(URL_);
  await page.waitForSelector(pageRoles);
  const flat = readFileSync(join(PATHWAYS, 'welzijn-vlak.yaml'));
  await page.setInputFiles('.toolbar input[type=file]', { name: 'welzijn-vlak.yaml', mimeType: 'text/yaml', buffer: flat });
  await page.waitForFunction(() => document.querySelectorAll('main svg.ladder g.role').length === 4);
  await page.getByRole('button', { name: 'Bewerken', exact: true }).click();
  await page.waitForSelector(`${editorRoles}[data-role="teamleider"]`);
  assert.match(await page.locator('.editor-bar').textContent(), /opmerkingen \(#\)/);
  // The page under the editor takes no focus meanwhile.
  assert.ok(await page.evaluate(() => document.querySelector('main').closest('[inert]') !== null));
});

test('the editor passes axe-core at WCAG 2.1 A and AA, in both languages', async () => {
  const axeContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const p = await axeContext.newPage();
  watch(p);
  await openEditor(p);
  await p.getByRole('button', { name: 'Functie toevoegen' }).click();
  await p.getByRole('button', { name: 'Wat is er veranderd?' }).click();
  await p.addScriptTag({ path: new URL('./node_modules/axe-core/axe.min.js', import.meta.url).pathname });
  const run = () => p.evaluate(async () => {
    const result = await window.axe.run('#editor-host', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(await run(), [], 'Dutch');
  // In English: the page's language, then the editor opened again.
  await p.getByRole('button', { name: 'Sluiten' }).click();
  await p.locator('header button.lang').click();
  await p.getByRole('button', { name: 'Edit', exact: true }).click();
  await p.waitForSelector('#editor-host .editor h2:text-is("Edit the ladder")');
  await p.getByRole('button', { name: 'What changed?' }).click();
  assert.deepEqual(await run(), [], 'English');
  await axeContext.close();
});

test('a ladder begun in the editor downloads under a name in the interface language', async () => {
  for (const [lang, edit, start, download, expected] of [
    ['nl', 'Bewerken', 'Beginnen', 'Functiehuis downloaden (YAML)', 'functiehuis.yaml'],
    ['en', 'Edit', 'Start', 'Download ladder (YAML)', 'function-ladder.yaml'],
  ]) {
    await page.goto(URL_);
    await page.evaluate(() => localStorage.clear());
    await page.goto(URL_);
    await page.waitForSelector(pageRoles);
    if (lang === 'en') await page.locator('header button.lang').click();
    await page.getByRole('button', { name: edit, exact: true }).click();
    await page.waitForSelector('#editor-host .editor');
    await page.selectOption('#editor-start', 'empty');
    await page.getByRole('button', { name: start, exact: true }).click();
    await draftWhere((d) => d.roles.length === 0);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: download }).click(),
    ]);
    assert.equal(file.suggestedFilename(), expected, lang);
  }
});
