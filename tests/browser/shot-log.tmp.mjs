import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[1280, 800], [390, 844]]) {
  for (const lang of ['nl', 'en']) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto('http://127.0.0.1:8765/');
    await page.waitForSelector('svg.ladder g.role');
    await page.getByRole('tab', { name: 'Mentorkoppeling' }).click();
    await page.getByRole('button', { name: 'Voorbeeldrooster gebruiken' }).click();
    await page.getByRole('button', { name: 'Koppelen', exact: true }).click();
    await page.waitForSelector('table.pairs tbody tr');
    await page.getByRole('tab', { name: 'Besprekingen' }).click();
    await page.locator('p.summary').waitFor();
    await page.locator('#schedule-start').fill('1-6-2026');
    await page.locator('#schedule-start').dispatchEvent('change');
    await page.locator('p.progress-totals').waitFor();
    const pair = page.locator('details.pair').first();
    await pair.locator('summary').click();
    const ch = pair.locator('select.log-choice');
    for (let i = 0; i < 4; i++) await ch.nth(i).selectOption(i === 2 ? 'workload' : 'held');
    await ch.nth(4).selectOption('moved');
    await page.getByLabel('Nieuwe datum').fill('morgen');
    await page.getByLabel('Nieuwe datum').dispatchEvent('change');
    if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForTimeout(500);
    await page.evaluate(() => document.querySelector('section.progress').scrollIntoView());
    await page.screenshot({ path: `/work/shots/log/progress-${w}-${lang}.png` });
    await page.evaluate(() => document.querySelector('details.pair').scrollIntoView());
    await page.screenshot({ path: `/work/shots/log/pair-${w}-${lang}.png` });
    await page.evaluate(() => document.querySelector('table.month-grid').scrollIntoView());
    await page.screenshot({ path: `/work/shots/log/grid-${w}-${lang}.png` });
    await page.close();
  }
}
await browser.close();
