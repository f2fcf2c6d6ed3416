// The officers' dashboard on a phone and a desktop: Debian's Chromium driven by playwright-core
// (scripts/playwright.sh), started by tests/SendPipeline.Cli.Tests/DashboardBrowserTests.cs, which passes:
//   DASHBOARD (the index.html a demo wrote), ARTIFACTS (where the screenshots go), REPO.
// Prints one line per step and the smallest chart text it measured; exits non-zero at the first failed assertion.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const env = (name) => process.env[name] ?? assert.fail(`${name} is not set`);
const [dashboard, artifacts, repo] = ['DASHBOARD', 'ARTIFACTS', 'REPO'].map(env);
const { chromium } = createRequire(path.join(repo, '.tools/playwright/package.json'))('playwright-core');
const step = (text) => console.log('- ' + text);

// The size each chart text is drawn at on screen, in CSS px: its font size times the scale of the SVG
// (and any rotation) it sits in. getComputedStyle alone would say 11px however small the chart is drawn.
const measure = () => [...document.querySelectorAll('svg.chart text')].map((t) => {
  const m = t.getScreenCTM();
  return { px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), text: t.textContent, chart: t.closest('svg').id };
});

// The one finder the .NET tests use too (scripts/chromium.sh path); they pass its answer as SENDPIPELINE_CHROMIUM.
const chromiumPath = () => execFileSync(path.join(repo, 'scripts/chromium.sh'), ['path'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath: process.env.SENDPIPELINE_CHROMIUM || chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  for (const width of [400, 1200]) {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(dashboard).href);
    await page.locator('body[data-script-ran="yes"]').waitFor();
    assert.deepEqual(errors, [], 'no script error');
    const texts = await page.evaluate(measure);
    assert.ok(texts.length > 100, `chart text found (${texts.length})`);
    const smallest = texts.reduce((a, b) => (b.px < a.px ? b : a));
    console.log(`smallest chart text at ${width} px: ${smallest.px.toFixed(2)} px ("${smallest.text}" in ${smallest.chart})`);
    assert.ok(smallest.px >= 11, `chart text at ${width} px wide is at least 11 px, not ${smallest.px} ("${smallest.text}" in ${smallest.chart})`);
    // The page itself never scrolls sideways: only a chart's or a table's own wrapper does.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is no wider than the window at ${width} px (it overflows by ${overflow} px)`);
    const hint = await page.locator('.scroll-hint').isVisible();
    assert.equal(hint, width < 768, 'the narrow layout (and only it) says the charts scroll sideways');
    await page.screenshot({ path: path.join(artifacts, `dashboard-${width}.png`), fullPage: true });
    step(`at ${width} px wide every chart's text is at least 11 px and the page does not overflow`);

    if (width === 400) {
      // The detector itself: charts shrunk to the window, as the page drew them before, must fail the measure.
      await page.addStyleTag({ content: 'svg.chart{max-width:100% !important;height:auto !important}' });
      const shrunk = (await page.evaluate(measure)).reduce((a, b) => Math.min(a, b.px), Infinity);
      assert.ok(shrunk < 11, `charts shrunk to fit draw text under 11 px (${shrunk.toFixed(2)}), so the measure can fail`);
      await page.screenshot({ path: path.join(artifacts, 'dashboard-400-shrunk.png') });
      step(`charts shrunk to fit 400 px would draw text at ${shrunk.toFixed(2)} px: the measure catches it`);
    }
  }
  console.log('dashboard browser tests passed');
} finally {
  await browser.close();
}
