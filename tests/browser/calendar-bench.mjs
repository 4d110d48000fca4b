// Reading and matching 2,000 juniors (the page's longest frame and task
// meanwhile), then Besprekingen's speed with the 2,000 pairs: the page's
// longest task while the room opens (its module, the roster handed over,
// the schedule read from the worker and drawn) and the time from
// "Volgende maand" to the next month drawn (median of 5), and a reload with
// the roster saved. Run by
// `cargo xtask bench` (it serves target/dist, writes the 2,000-junior
// roster and sets the environment); prints FIGURE lines for its table,
// not a pass/fail test.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
const ROSTER = process.env.DOORGROEI_BIG_ROSTER;
if (!URL_ || !ROSTER) throw new Error('run through `cargo xtask bench`');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
// Records the page's long tasks (the Long Tasks API: 50 ms or more) in
// `window[name]`, from now on.
const recordLongTasks = (name) => page.evaluate((key) => {
  window[key] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window[key].push(e.duration);
  }).observe({ type: 'longtask' });
}, name);
await page.goto(URL_);
await page.waitForSelector('main svg.ladder g.role');
await page.getByRole('tab', { name: 'Mentorkoppeling' }).click();
// Reading and matching the 2,000 juniors in the worker: the page's long
// tasks (Chromium's Long Tasks API) and its frames while the worker matches.
await recordLongTasks('matchTasks');
await page.setInputFiles('input[type=file]', ROSTER);
await page.waitForSelector('p.summary', { timeout: 120000 });
await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
await page.waitForSelector('p.busy progress');
const frames = [];
while (await page.locator('p.busy').count() > 0 && frames.length < 200) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  frames.push(Date.now() - t0);
}
await page.waitForSelector('table.pairs tbody tr', { timeout: 120000 });
await page.waitForFunction(() => (localStorage.getItem('doorgroei.rooster') ?? '').includes('"locked"'));
const matchTasks = await page.evaluate(() => window.matchTasks);
console.log(`FIGURE|2,000 juniors read and matched in the worker: longest frame on the page while matching|browser|${Math.max(0, ...frames)} ms|< 200 ms`);
console.log(`FIGURE|2,000 juniors read, matched, drawn and saved: longest task on the page|browser|${Math.max(0, ...matchTasks).toFixed(0)} ms|< 200 ms`);
await page.waitForTimeout(1000);
await recordLongTasks('longTasks');
// (A trace of the page's tasks, their lengths only, for all the work the
// opening does; the Long Tasks API sees only tasks of 50 ms or more.)
const tracePath = join(tmpdir(), `doorgroei-opening-${process.pid}.json`);
await browser.startTracing(page, { path: tracePath, categories: ['toplevel'] });
await page.getByRole('tab', { name: 'Besprekingen' }).click();
await page.locator('p.summary').waitFor({ timeout: 120000 });
await page.waitForTimeout(500);
const opening = await page.evaluate(() => window.longTasks);
const longest = Math.max(0, ...opening);
await browser.stopTracing();
const work = openingWork(tracePath);
rmSync(tracePath, { force: true });
const steps = [];
for (let i = 0; i < 5; i++) {
  steps.push(await page.evaluate(async () => {
    const title = document.querySelector('#month-title').textContent;
    const t0 = performance.now();
    document.querySelector('.month-nav button:last-of-type').click();
    await new Promise((resolve) => {
      const check = () => (document.querySelector('#month-title').textContent !== title ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }));
  await page.waitForTimeout(200);
}
steps.sort((a, b) => a - b);
const median = steps[Math.floor(steps.length / 2)];
console.log(`BENCH Besprekingen, 2,000 pairs: opening, long tasks ${opening.map((t) => t.toFixed(0)).join(', ') || 'none'} ms; a month step ${steps.map((t) => t.toFixed(0)).join(', ')} ms`);
// (The Long Tasks API reports only tasks of 50 ms or more.)
console.log(`FIGURE|Besprekingen with 2,000 pairs: longest task while the room opens|browser|${opening.length ? `${longest.toFixed(0)} ms` : 'none of 50 ms or more'}|< 100 ms`);
console.log(`FIGURE|Besprekingen with 2,000 pairs: all the page's work while the room opens (its module, the roster, the schedule read and drawn)|browser|${work.total.toFixed(0)} ms in ${work.tasks} tasks over 1 ms|— (the target is on the longest task)`);
console.log(`FIGURE|Besprekingen with 2,000 pairs: "Volgende maand" to the next month drawn (median of 5)|browser|${median.toFixed(0)} ms|< 100 ms`);
// The saved roster of 3,000 people and its pairs come back with the page.
await page.getByRole('tab', { name: 'Mentorkoppeling' }).click();
await page.reload();
await page.waitForSelector('p.summary');
const ready = await page.evaluate(() => performance.now());
console.log(`FIGURE|reload with the 3,000-person roster saved: the workspace drawn|browser|${ready.toFixed(0)} ms|< 1 s`);
// A mentor leaves (yesterday, set in the person form); "Koppelen" then
// matches only the mentees left without a mentor: from the click to the
// pairs drawn with the ended ones listed (the roster written for the
// worker, matched there, read back and drawn). Five times, a different
// mentor each time (the first pair's), each once the page is idle; the
// median is the figure (one re-match is a few frames, and a frame more or
// less is a fifth of it).
await page.waitForSelector('table.pairs tbody tr');
const yesterday = new Date(Date.now() - 86400000);
const rounds = [];
for (let round = 0; round < 5; round++) {
  // The first pair's mentor, by id (two people may share a name).
  const first = await page.locator('table.pairs tbody tr').first().getAttribute('data-mentee');
  const mentorId = await page.evaluate((mentee) => JSON.parse(localStorage.getItem('doorgroei.rooster'))
    .pairs.find((p) => p.mentee === mentee && !p.ended).mentor, first);
  const endedBefore = await page.locator('ul.ended li').count();
  await page.locator('#people-search').fill(mentorId);
  if (await page.locator('details.people[open]').count() === 0) await page.locator('details.people > summary').click();
  await page.locator(`tr[data-person="${mentorId}"] button[aria-expanded]`).click();
  const form = page.locator('form.person-form');
  await form.getByLabel('Uit dienst per (leeg: blijft)').fill(`${yesterday.getDate()}-${yesterday.getMonth() + 1}-${yesterday.getFullYear()}`);
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await form.waitFor({ state: 'detached' });
  await page.locator('#people-search').fill('');
  // (The edit's review in the worker lists the mentor's pairs as ended;
  // then the page saves, and hands the roster to the worker, after it has
  // painted: the click comes when all that is done.)
  await page.waitForFunction((n) => document.querySelectorAll('ul.ended li').length > n, endedBefore);
  await page.locator('table.pairs[aria-busy="false"]').waitFor();
  await page.waitForFunction((id) => JSON.parse(localStorage.getItem('doorgroei.rooster')).people
    .some((p) => p.id === id && p.leaves), mentorId);
  await page.waitForTimeout(300);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
  // (One observer for all rounds, its list emptied for each.)
  if (round === 0) await recordLongTasks('rematchTasks');
  else await page.evaluate(() => { window.rematchTasks = []; });
  const without = await page.locator('ul.unmatched li').count();
  const rematch = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Koppelen');
    let busy = false;
    const done = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('p.busy')) busy = true;
        else if (busy) {
          watch.disconnect();
          resolve();
        }
      });
      watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    const t0 = performance.now();
    button.click();
    await done;
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return performance.now() - t0;
  });
  const matchedAgain = without - await page.locator('ul.unmatched li').count();
  const ended = await page.locator('ul.ended li').count() - endedBefore;
  const tasks = await page.evaluate(() => window.rematchTasks);
  rounds.push({ rematch, ended, matchedAgain, without, tasks });
}
const times = rounds.map((r) => r.rematch).sort((a, b) => a - b);
const medianRematch = times[Math.floor(times.length / 2)];
for (const r of rounds) {
  console.log(`BENCH one mentor leaves (${r.ended} pairs ended, ${r.matchedAgain} of ${r.without} without a mentor matched again): re-match ${r.rematch.toFixed(0)} ms; long tasks ${r.tasks.map((t) => t.toFixed(0)).join(', ') || 'none'} ms`);
}
console.log(`FIGURE|2,000 × 1,000: one mentor leaves, "Koppelen" to their mentees matched again and drawn (median of 5 mentors: ${times.map((t) => t.toFixed(0)).join(', ')} ms)|browser|${medianRematch.toFixed(0)} ms|< 100 ms`);
await browser.close();

// The page's thread's tasks of over 1 ms in a trace: their number and
// their time in all.
function openingWork(path) {
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && main
    && e.pid === main.pid && e.tid === main.tid && e.dur > 1000);
  return { tasks: tasks.length, total: tasks.reduce((sum, e) => sum + e.dur, 0) / 1000 };
}
