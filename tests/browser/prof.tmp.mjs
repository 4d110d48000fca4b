import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto('http://127.0.0.1:8766/');
await page.waitForSelector('main svg.ladder g.role');
await page.getByRole('tab', { name: 'Mentorkoppeling' }).click();
await page.setInputFiles('input[type=file]', '/work/main/target/browser/rooster-2000.csv');
await page.waitForSelector('p.summary', { timeout: 120000 });
await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
await page.waitForSelector('table.pairs tbody tr', { timeout: 120000 });
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.evaluate(() => { window.lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' }); });
await page.getByRole('tab', { name: 'Besprekingen' }).click();
await page.locator('p.summary').waitFor({ timeout: 120000 });
await page.waitForTimeout(800);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', JSON.stringify(await page.evaluate(() => window.lt)));
// self time per function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; 
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45);
for (const [k, v] of top) console.log(v.toFixed(1).padStart(8), k.slice(0, 150));
// inclusive time for some functions: compute total per node including children
const total = new Map();
function incl(n) { let t = (n.hitCount ?? 0); for (const c of n.children ?? []) t += incl(byId.get(c)); total.set(n.id, t); return t; }
incl(profile.nodes[0]);
const agg = new Map();
for (const n of profile.nodes) { const k = n.callFrame.functionName; if (!k) continue; agg.set(k, Math.max(agg.get(k) ?? 0, total.get(n.id))); }
console.log('--- inclusive (samples*0.2ms) ---');
for (const [k, v] of [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v * 0.2).toFixed(1).padStart(8), k.slice(0, 150));
await browser.close();
