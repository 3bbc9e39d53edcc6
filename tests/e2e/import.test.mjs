// Importing the spreadsheets people keep: an XLSX roster with a title row and merged cells and a
// GBK CSV as Chinese Excel saves it. Preview first, nothing changes until 确认导入; the verdict
// panel follows; a reload keeps the import; templates and exports download; a broken file changes
// nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { after, before, test } from 'node:test';
import { ROOT, startApp } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests', 'fixtures');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const counts = (page) => page.locator('#verdict-panel .counts:not(.blank-note)').innerText();

test('an XLSX roster is previewed, confirmed, counted by the rules and kept across a reload', { timeout: 180_000 }, async () => {
  const page = await app.open(app.page, '/#employees');
  assert.match(await counts(page), /登记脱贫人口 0 名/);
  await page.locator('details.import > summary').click();
  await page.getByLabel('选择要导入的表格文件').setInputFiles(join(FIXTURES, 'roster-title-merged.xlsx'));
  const preview = page.locator('[data-import=preview]');
  await preview.waitFor();
  const text = await preview.innerText();
  assert.match(text, /新增 3 人/);
  assert.match(text, /表头在第 3 行/);
  assert.match(text, /未导入的列：序号、备注/);
  // Nothing has changed before confirmation.
  assert.equal(await page.locator('table.roster tbody tr').count(), 0);
  assert.match(await counts(page), /登记脱贫人口 0 名/);

  await page.getByRole('button', { name: '确认导入' }).click();
  await page.locator('table.roster tbody tr').nth(2).waitFor();
  assert.equal(await page.locator('table.roster tbody tr').count(), 3);
  assert.match(await page.locator('table.roster').innerText(), /乌力吉/);
  assert.match(await counts(page), /登记脱贫人口 3 名/);
  assert.match(await page.locator('.undo-bar').innerText(), /已导入：新增 3 人/);

  await page.reload();
  await page.locator('main[data-role="editor"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('table.roster tbody tr').count(), 3);
  assert.match(await counts(page), /登记脱贫人口 3 名/);
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});

test('templates and exports are made in the import worker and downloaded', { timeout: 120_000 }, async () => {
  const page = app.page; // still the three people imported above
  await page.locator('details.tables > summary').click();
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const path = join(await mkdtemp(join(tmpdir(), 'bangfu-export-')), d.suggestedFilename());
    await d.saveAs(path);
    return { name: d.suggestedFilename(), bytes: await readFile(path) };
  };
  const template = await download('花名册模板（Excel）');
  assert.match(template.name, /\.xlsx$/);
  assert.equal(template.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');
  const roster = await download('导出花名册（CSV）');
  assert.match(roster.name, /员工花名册.*\.csv$/);
  const text = roster.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFF姓名,身份证号'), text.slice(0, 40));
  assert.match(text, /乌力吉/);
  const ledger = await download('导出台账（第十一条，Excel）');
  assert.equal(ledger.bytes.subarray(0, 2).toString('latin1'), 'PK');
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});

test('a GBK CSV is detected and previewed with rejected rows (row, column, reason); 取消 changes nothing', { timeout: 120_000 }, async () => {
  const page = app.page;
  await page.locator('details.import > summary').click();
  await page.getByLabel('选择要导入的表格文件').setInputFiles(join(FIXTURES, 'roster-gbk.csv'));
  const preview = page.locator('[data-import=preview]');
  await preview.waitFor();
  const text = await preview.innerText();
  assert.match(text, /编码 GB18030|编码 GBK/);
  assert.match(text, /无法导入的行/);
  assert.match(text, /第 \d+ 行.*入职日期|协议起始日期/);
  await page.getByRole('button', { name: '取消' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.equal(await page.locator('table.roster tbody tr').count(), 3, 'cancel changes nothing');
});

test('a broken file gets a clear message and changes nothing', { timeout: 60_000 }, async () => {
  const page = app.page;
  const dir = await mkdtemp(join(tmpdir(), 'bangfu-import-'));
  const junk = join(dir, '花名册.xlsx');
  await writeFile(junk, Buffer.from('PK\u0003\u0004 this is not really a workbook', 'latin1'));
  await page.locator('details.import > summary').click();
  await page.getByLabel('选择要导入的表格文件').setInputFiles(junk);
  const err = page.locator('[data-import=error]');
  await err.waitFor();
  assert.ok((await err.innerText()).length > 10, await err.innerText());
  assert.equal(await page.locator('table.roster tbody tr').count(), 3);
});
