// Time to first render of the app in headless Chromium, median of 5 cold
// loads: from navigation start to the first role drawn. Run by
// `cargo xtask bench` (it serves target/dist and sets DOORGROEI_URL).
import { chromium } from 'playwright-core';

const URL_ = process.env.DOORGROEI_URL;
const CHROMIUM = process.env.DOORGROEI_CHROMIUM ?? '/usr/bin/chromium';
if (!URL_) throw new Error('DOORGROEI_URL is not set: run through `cargo xtask bench`');

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const times = [];
const heaps = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext(); // a fresh cache every time
  const page = await context.newPage();
  await page.goto(URL_);
  await page.waitForSelector('svg.ladder g.role');
  times.push(await page.evaluate(() => performance.now()));
  // Chromium's JavaScript heap once the app is up (wasm memory not included).
  heaps.push(await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`BENCH first render (navigation to the first role drawn), median of 5 cold loads: ${times[2].toFixed(0)} ms (all: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
console.log(`FIGURE|first render (navigation to the first role drawn), median of 5 cold loads|browser|${times[2].toFixed(0)} ms|< 1 s`);
console.log(`FIGURE|JavaScript heap after first render (largest of 5)|browser|${(Math.max(...heaps) / 1048576).toFixed(1)} MiB|—`);
