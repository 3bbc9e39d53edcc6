// 生成申请材料 in the browser: the worker and fonts are fetched only once 自评结果 is open (ahead
// of the click, silently), the page shows progress, and the download is a PDF whose text carries
// the applicant and every employee.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, startApp } from './harness.mjs';
import { APPLICANT, workshopEnvelope, writeDraft } from './workshop.mjs';

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), 'bangfu-packet-'));
});
after(async () => {
  await app?.close();
});

test('生成申请材料 downloads a PDF with the applicant and every employee in its text', { timeout: 240_000 }, async () => {
  const page = await app.open(app.page, '/');
  const env = workshopEnvelope({ people: 6 });
  const file = await writeDraft(env, 'workshop.json');
  await page.getByLabel('打开草稿文件').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#verdict-panel [data-criterion="overall"]')?.dataset.status === 'met');
  await page.waitForTimeout(2000);
  const workerOrFonts = (u) => u.includes('packet-worker') || u.includes('fonts/');
  assert.ok(!app.server.requests.some((r) => workerOrFonts(r.url)), 'neither the worker nor fonts are loaded with the page or the other steps');

  // Looking at 自评结果 fetches the worker and this draft's fonts in the background, silently.
  await page.locator('nav.steps').getByRole('link', { name: /自评结果/ }).click();
  const fetchedNow = () => app.server.requests.map((r) => r.url);
  for (let i = 0; i < 100 && !fetchedNow().some((u) => u.includes('fonts/NotoSerifSC-Bold')); i++) await page.waitForTimeout(100);
  assert.ok(fetchedNow().some((u) => u.includes('packet-worker')), 'the worker is fetched once 自评结果 is open');
  assert.ok(fetchedNow().some((u) => u.includes('fonts/manifest.json')), 'the fonts are fetched once 自评结果 is open');
  assert.equal(await page.locator('.packet-progress').innerText(), '', 'the warm-up shows nothing');
  await page.getByRole('button', { name: '生成申请材料' }).click();
  const link = page.getByRole('link', { name: '下载' });
  await link.waitFor({ timeout: 180_000 });
  assert.match(await page.locator('.packet-progress').innerText(), /已生成：共 \d+ 页/);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^就业帮扶车间认定申请材料-.*\.pdf$/);
  const pdf = join(dir, 'packet.pdf');
  await download.saveAs(pdf);
  const bytes = await readFile(pdf);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.ok(text.includes(APPLICANT), 'the applicant is named in the PDF');
  // The card is printed in groups of four on its own line of the 发放方式/银行卡号 cell.
  const squashed = text.replace(/\s+/g, '');
  for (const e of env.draft.employees) {
    assert.ok(text.includes(e.name), `${e.name} is in the PDF`);
    assert.ok(text.includes(e.id_number), `${e.id_number} is in the PDF`);
    assert.ok(squashed.includes(e.bank_account), `card ${e.bank_account} is in the PDF`);
  }
  assert.ok(!text.includes('自评未通过'), 'no failure banner on a qualifying workshop');

  // The PDF's dates are the real ones (printpdf alone writes 1970 in the browser).
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.doesNotMatch(info, /CreationDate:.*1970/, info);

  // The screen and the packet agree on each person: the standing the results page shows is the
  // one the packet prints, and the 花名册's 累计就业月数 is the results page's.
  const rows = await page.locator('table.roster tbody tr[data-key]').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
  assert.equal(rows.length, env.draft.employees.length);
  const rosterPage = text.split('\f').find((p) => p.includes('吸纳脱贫人口就业花名册') && p.includes('累计就业'));
  assert.ok(rosterPage, 'the PDF has the 吸纳脱贫人口就业花名册');
  const lines = rosterPage.split('\n');
  for (const [name, standing, months] of rows) {
    assert.ok(squashed.includes(standing.replace(/\s+/g, '')), `${name}: «${standing}» is in the PDF`);
    const e = env.draft.employees.find((x) => x.name === name);
    const at = lines.findIndex((l) => l.includes(e.id_number));
    if (e.poverty_status === 'other') continue;
    assert.ok(at >= 0, `${name} is on the 花名册`);
    const row = lines.slice(Math.max(0, at - 2), at + 3).join(' ');
    assert.match(row, new RegExp(`\\s${months}\\s+[\\d,]+\\.\\d{2}`), `${name}: ${months} months in «${row}»`);
  }
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});

test('with Save-Data on, 自评结果 fetches nothing ahead: the worker and fonts come with the click', { timeout: 240_000 }, async () => {
  const own = await startApp();
  try {
    // What Chromium reports when the user saves data (Lite mode, metered plans).
    await own.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'connection', {
        configurable: true,
        get: () => ({ saveData: true, effectiveType: '4g' }),
      });
    });
    const page = await own.open();
    const file = await writeDraft(workshopEnvelope({ people: 6 }), 'save-data.json');
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await page.locator('#verdict-panel [data-criterion="overall"]').waitFor();
    await page.locator('nav.steps').getByRole('link', { name: /自评结果/ }).click();
    await page.getByRole('button', { name: '生成申请材料' }).waitFor();
    // Twice the warm-up's delay.
    await page.waitForTimeout(3000);
    const workerOrFonts = () => own.server.requests.filter((r) => r.url.includes('packet-worker') || r.url.includes('fonts/'));
    assert.deepEqual(workerOrFonts(), [], 'nothing fetched before the click');
    await page.getByRole('button', { name: '生成申请材料' }).click();
    await page.getByRole('link', { name: '下载' }).waitFor({ timeout: 180_000 });
    assert.ok(workerOrFonts().some((r) => r.url.includes('packet-worker')), 'the click fetched the worker');
    assert.match(await page.locator('.packet-progress').innerText(), /已生成：共 \d+ 页，\d+ KB，用时 [\d.]+ 秒/);
  } finally {
    await own.close();
  }
});

test('dist/fonts holds only what the worker can fetch: the manifest, its font files and the licence', async () => {
  const fonts = join(DIST, 'fonts');
  const manifest = JSON.parse(await readFile(join(fonts, 'manifest.json'), 'utf8'));
  const expected = [
    'manifest.json',
    manifest.licence,
    manifest.regular.file,
    manifest.bold.file,
    ...manifest.slices.map((s) => s.file),
  ].sort();
  assert.ok(manifest.slices.length > 0, 'the manifest names on-demand slices');
  // Besides each file, its precompressed copies (.gz, .br) for the server.
  const listed = (await readdir(fonts)).filter((f) => !/\.(gz|br)$/.test(f)).sort();
  assert.deepEqual(listed, expected);
  for (const f of await readdir(fonts)) {
    const base = f.replace(/\.(gz|br)$/, '');
    assert.ok(expected.includes(base), `${f} belongs to a listed file`);
  }
});
