// The ladder editor's speed in headless Chromium: the time from an edit
// (a role's Dutch name typed) to the redrawn drawing and findings, for
// generated ladders of 200 and 500 roles. Run by `cargo xtask bench`
// (it serves target/dist, writes the ladders and sets the environment);
// prints FIGURE lines for its table, not a pass/fail test.
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
const LADDERS = (process.env.DOORGROEI_BENCH_LADDERS ?? '').split(',').filter(Boolean);
if (!URL_ || LADDERS.length === 0) throw new Error('run through `cargo xtask bench`');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
for (const path of LADDERS) {
  const roles = Number(path.match(/(\d+)\.yaml$/)[1]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(URL_);
  await page.waitForSelector('main svg.ladder g.role');
  await page.setInputFiles('.toolbar input[type=file]', path);
  await page.waitForFunction((n) => document.querySelectorAll('main svg.ladder g.role').length === n, roles, { timeout: 60000 });
  await page.getByRole('button', { name: 'Bewerken', exact: true }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#editor-host svg.ladder g.role').length === n, roles, { timeout: 60000 });
  await page.selectOption('#role-pick', 'r3');
  await page.waitForSelector('#role-name-nl');
  const times = await page.evaluate(async () => {
    const input = document.querySelector('#role-name-nl');
    const root = document.querySelector('#editor-host');
    const out = [];
    for (let k = 0; k < 12; k++) {
      const name = `Gemeten ${k}`;
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const seen = () => root.querySelector('svg.ladder g.role.selected')?.textContent.includes(name)
          && root.querySelector('#editor-problems-h');
        const observer = new MutationObserver(() => {
          if (seen()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      });
      input.value = name;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await done;
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out.slice(2); // the first two warm up
  });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`BENCH editor, ${roles} roles: an edit to the redrawn drawing and findings: median ${median.toFixed(0)} ms (all: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  console.log(`FIGURE|ladder editor: an edit to the redrawn drawing and findings, ${roles} roles (median of 10)|browser|${median.toFixed(0)} ms|${roles <= 200 ? '< 100 ms' : '—'}`);
  await context.close();
}
await browser.close();
