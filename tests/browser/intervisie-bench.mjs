// Intervisie with 500 people taking part (`synth::roster(300, 200, 18)`,
// the roster of the native benchmark): the time from "Groepen vormen" to
// the groups drawn (formed in the worker's programme module, the first
// time with the module's download), the same again ("Opnieuw vormen",
// the module loaded), and the page's longest task meanwhile. Run by
// `cargo xtask bench` (it serves target/dist, writes the roster and sets
// the environment); prints FIGURE lines for its table, not a pass/fail
// test.
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
const ROSTER = process.env.DOORGROEI_INTERVISIE_ROSTER;
if (!URL_ || !ROSTER) throw new Error('run through `cargo xtask bench`');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(URL_);
await page.waitForSelector('main svg.ladder g.role');
await page.getByRole('tab', { name: 'Mentorkoppeling' }).click();
await page.setInputFiles('input[type=file]', ROSTER);
await page.waitForSelector('p.summary', { timeout: 120000 });
await page.getByRole('tab', { name: 'Intervisie' }).click();
await page.getByRole('button', { name: 'Groepen vormen' }).waitFor({ timeout: 60000 });
await page.evaluate(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
});
// From the click to the summary of the groups drawn.
const form = async (name) => page.evaluate(async (name) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const before = document.querySelector('#intervisie-summary')?.textContent;
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => {
      const now = document.querySelector('#intervisie-summary');
      if (now && !document.querySelector('.intervisie .busy') && (before === undefined || now.textContent !== before || performance.now() - t0 > 50)) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - t0;
}, name);
const first = await form('Groepen vormen');
const summary = await page.locator('#intervisie-summary').innerText();
const again = [];
for (let i = 0; i < 3; i++) again.push(await form('Opnieuw vormen (vastgezette groepen blijven)'));
again.sort((a, b) => a - b);
const tasks = await page.evaluate(() => window.longTasks);
console.log(`BENCH Intervisie, 500 people: ${summary}; first ${first.toFixed(0)} ms, again ${again.map((t) => t.toFixed(0)).join(', ')} ms; long tasks ${tasks.map((t) => t.toFixed(0)).join(', ') || 'none'} ms`);
console.log(`FIGURE|Intervisie, 500 people taking part: "Groepen vormen" to the groups drawn, the worker's module loaded first|browser|${(first / 1000).toFixed(2)} s|< 5 s`);
console.log(`FIGURE|Intervisie, 500 people taking part: "Opnieuw vormen" to the groups drawn (median of 3)|browser|${(again[1] / 1000).toFixed(2)} s|< 5 s`);
console.log(`FIGURE|Intervisie, 500 people taking part: longest task on the page while forming|browser|${Math.max(0, ...tasks).toFixed(0)} ms|< 200 ms`);
await browser.close();
