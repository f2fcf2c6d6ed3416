// The upload portal in a real browser: Debian's Chromium driven by playwright-core (scripts/playwright.sh),
// against `sendpipeline serve` started by tests/SendPipeline.Cli.Tests/PortalBrowserTests.cs, which passes:
//   PORTAL_URL, PORTAL_SHORT_URL (a second serve whose sessions last 2 s), KEY_A, KEY_B (two schools' upload
//   keys), FIXTURES (clean.csv, errors.csv, notes.txt), ARTIFACTS (where the screenshots go), REPO.
// Prints one line per step; exits non-zero at the first failed assertion.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const env = (name) => process.env[name] ?? assert.fail(`${name} is not set`);
const [url, shortUrl, keyA, keyB, fixtures, artifacts, repo] =
  ['PORTAL_URL', 'PORTAL_SHORT_URL', 'KEY_A', 'KEY_B', 'FIXTURES', 'ARTIFACTS', 'REPO'].map(env);
const { chromium } = createRequire(path.join(repo, '.tools/playwright/package.json'))('playwright-core');
const fixture = (name) => path.join(fixtures, name);
const step = (text) => console.log('- ' + text);

// The one finder the .NET tests use too (scripts/chromium.sh path); they pass its answer as SENDPIPELINE_CHROMIUM.
const chromiumPath = () => execFileSync(path.join(repo, 'scripts/chromium.sh'), ['path'], { encoding: 'utf8' }).trim();
const browser = await chromium.launch({ executablePath: process.env.SENDPIPELINE_CHROMIUM || chromiumPath(), headless: true, args: ['--no-sandbox'] });
const pages = [];
try {
  const viewport = { width: 1200, height: 900 };
  const open = async (options) => {
    const page = await (await browser.newContext({ viewport, ...options })).newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('browser console: ' + m.text()));
    pages.push(page);
    return page;
  };
  const shot = (page, name) => page.screenshot({ path: path.join(artifacts, name + '.png'), fullPage: true });

  // School A, by keyboard only: Tab past the skip link to the key, type it, Enter.
  const a = await open({ acceptDownloads: true });
  await a.goto(url);
  await a.locator('#sign-in').waitFor();
  const unlabelled = await a.evaluate(() => [...document.querySelectorAll('input, select')].filter((c) => c.labels.length === 0).map((c) => c.id));
  assert.deepEqual(unlabelled, [], 'every control has a label');
  await shot(a, '01-sign-in');
  await a.keyboard.press('Tab');
  assert.equal(await a.evaluate(() => document.activeElement.className), 'skip');
  await a.keyboard.press('Tab');
  assert.equal(await a.evaluate(() => document.activeElement.id), 'key', 'the key field is the first control');
  await a.keyboard.type(keyA);
  await a.keyboard.press('Enter');
  await a.getByText('Signed in as 8552001').waitFor();
  assert.equal(await a.evaluate(() => document.activeElement.id), 'upload-heading', 'focus moves to the upload form');
  assert.deepEqual(await a.locator('#return-type option').allTextContents(), ['school-census'], 'a school may send only the census');
  step('school A signed in with the keyboard; it is offered the census only');

  const send = async (page, file) => {
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Send the file' }).click();
  };

  await send(a, fixture('clean.csv'));
  await a.locator('#result[data-status="accepted"]').waitFor({ timeout: 20000 });
  assert.match(await a.locator('#result-status').innerText(), /^Accepted/);
  assert.equal(await a.evaluate(() => document.activeElement.id), 'result-heading', 'focus moves to the result');
  assert.match(await a.locator('#progress').innerText(), /accepted/);
  await shot(a, '02-accepted');
  step('a clean census ends in "accepted"');

  await send(a, fixture('errors.csv'));
  await a.getByText('Checking errors.csv').or(a.getByText('Checked errors.csv')).first().waitFor();
  await shot(a, '03-checking');
  await a.locator('#result[data-status="rejected"]').waitFor({ timeout: 20000 });
  const issueRows = await a.locator('#issues-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent)));
  const at = (row, column) => issueRows.find((r) => r[0] === String(row) && r[1] === column);
  assert.ok(at(3, 'Sex'), 'the bad Sex is reported at row 3: ' + JSON.stringify(issueRows));
  assert.equal(at(3, 'Sex')[2], 'Q', 'with the value as written');
  assert.ok(at(3, 'Sex')[6].length > 0, 'and how to fix it');
  assert.ok(at(5, 'NCYearActual'), 'the bad year group is reported at row 5: ' + JSON.stringify(issueRows));
  assert.ok(!issueRows.some((r) => r[0] === '2' || r[0] === '4'), 'clean rows have no issues');
  await shot(a, '04-rejected-issues');
  step('a census with errors shows them at rows 3 and 5, with value and fix');

  const download = a.waitForEvent('download');
  await a.getByRole('button', { name: 'Download the report for Excel (CSV)' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  assert.match(csv, /^\uFEFF?Row,Column,Value,Severity,RuleId,Message,HowToFix\r\n3,Sex,Q,error,/m);
  step('the CSV report downloads for Excel');

  const history = await a.locator('#history-table tbody tr').count();
  assert.equal(history, 2, 'both uploads are listed');
  assert.deepEqual(await a.locator('#history-table tbody td:nth-child(4)').allTextContents(), ['rejected', 'accepted'], 'newest first, with status');
  const idsA = await a.locator('#history-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.uploadId));
  await a.locator('#history').scrollIntoViewIfNeeded();
  await shot(a, '05-history');
  step('earlier uploads are listed with their status');

  await send(a, fixture('clean.csv'));
  await a.locator('#result[data-status="duplicate"]').waitFor({ timeout: 20000 });
  assert.match(await a.locator('#result-status').innerText(), /^Same as \d{8}-\d{9}-clean\.csv, received .*: nothing has changed\.$/);
  step('the same file sent again is shown as the same as the return in force, nothing changed');

  await send(a, fixture('notes.txt'));
  await a.locator('#notice').getByText('must be a .csv or .xlsx file').waitFor();
  assert.equal(await a.evaluate(() => document.activeElement.id), 'notice', 'the problem is announced and focused');
  await shot(a, '06-wrong-file-type');
  step('a .txt file is refused with a clear message');

  // A return type the school may not send: the form offers none, so add one as someone editing the page would.
  await a.evaluate(() => document.getElementById('return-type').add(new Option('placements', 'placements')));
  await a.getByLabel('Return type').selectOption('placements');
  await send(a, fixture('clean.csv'));
  await a.locator('#notice').getByText('8552001 may not upload placements; it may upload school-census').waitFor();
  await shot(a, '07-return-type-not-permitted');
  step('a return type the school may not send is refused, saying what it may send');

  const tooLarge = await a.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('portal-session'));
    const r = await fetch('/api/portal/uploads', { method: 'POST', headers: { Authorization: 'Bearer ' + token },
      body: JSON.stringify({ returnType: 'school-census', fileName: 'big.csv', size: 101 * 1024 * 1024 }) });
    return [r.status, (await r.json()).error];
  });
  assert.equal(tooLarge[0], 413);
  assert.match(tooLarge[1], /101 MB; the limit is 100 MB/);
  step('a file over 100 MB is refused (413) before any byte is sent');

  // School B sees none of A's uploads, and editing ids into the API's URLs finds nothing (404, not 403).
  const b = await open();
  await b.goto(url);
  await b.getByLabel('Upload key').fill(keyB);
  await b.getByRole('button', { name: 'Sign in' }).click();
  await b.getByText('Signed in as 8552002').waitFor();
  await b.locator('#history-list').getByText('None yet.').waitFor();
  await shot(b, '08-school-b-sees-nothing-of-a');
  const probes = await b.evaluate(async (ids) => {
    const { token } = JSON.parse(sessionStorage.getItem('portal-session'));
    const get = async (p, auth = true) => (await fetch('/api/portal' + p, { headers: auth ? { Authorization: 'Bearer ' + token } : {} })).status;
    const list = await (await fetch('/api/portal/uploads', { headers: { Authorization: 'Bearer ' + token } })).json();
    const out = { listed: list.length };
    for (const id of ids) {
      out[id] = [await get('/uploads/' + id), await get('/uploads/' + id + '/report.csv'), await get('/uploads/' + id, false)];
    }
    out.traversal = await get('/uploads/..%2F8552001%2F' + ids[0]);
    return out;
  }, idsA);
  assert.equal(probes.listed, 0);
  for (const id of idsA) assert.deepEqual(probes[id], [404, 404, 401], `B probing A's upload ${id}`);
  assert.equal(probes.traversal, 404);
  step("school B cannot see school A's uploads or reports, even by editing URLs (404)");

  // Signing out ends the session on the server: the token, though still signed and unexpired, is refused.
  const tokenB = await b.evaluate(() => JSON.parse(sessionStorage.getItem('portal-session')).token);
  await b.getByRole('button', { name: 'Sign out' }).click();
  await b.locator('#sign-in').waitFor();
  const reused = await b.evaluate(async (token) => {
    for (let i = 0; i < 50; i++) {
      const r = await fetch('/api/portal/session', { headers: { Authorization: 'Bearer ' + token } });
      if (r.status !== 200) return [r.status, (await r.json()).error];
      await new Promise((done) => setTimeout(done, 100));
    }
    return [200, 'still signed in'];
  }, tokenB);
  assert.equal(reused[0], 401);
  assert.match(reused[1], /signed out/);
  step('signing out ends the session: a copy of its token is refused (401)');

  // A session that has run out (the second serve's last 2 s): the next action says so and asks to sign in.
  const c = await open();
  await c.goto(shortUrl);
  await c.getByLabel('Upload key').fill(keyA);
  await c.getByRole('button', { name: 'Sign in' }).click();
  await c.getByText('Signed in as 8552001').waitFor();
  await c.waitForTimeout(3000);
  await send(c, fixture('clean.csv'));
  await c.locator('#notice').getByText('Your session has expired. Sign in again with your upload key.').waitFor();
  assert.ok(await c.locator('#sign-in').isVisible(), 'the sign-in form is back');
  await shot(c, '09-session-expired');
  step('an expired session says so and offers sign-in again');
} catch (error) {
  // What each page showed when it failed, to read with the error.
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: path.join(artifacts, `failed-${i + 1}.png`), fullPage: true }).catch(() => {});
    console.log(`page ${i + 1} notice: ${await page.locator('#notice').innerText().catch(() => '')}; progress: ${await page.locator('#progress').innerText().catch(() => '')}`);
  }
  throw error;
} finally {
  await browser.close();
}
console.log('portal browser tests passed');
