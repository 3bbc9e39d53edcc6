// The draft survives what people do to it: a reload (even straight after typing), saving a
// draft file and opening it on a cleared browser, and opening a damaged file (nothing lost).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startApp } from './harness.mjs';
import { creditCode, idNumber } from './people.mjs';

const APPLICANT = '乌兰察布市丰收种养殖农民专业合作社';
const CODE = creditCode('93150902MA0Q7K3L2');
const PEOPLE = [
  { name: '张三', id: idNumber('150902', '19850312', 11), status: '脱贫人口' },
  { name: '李四', id: idNumber('150902', '19900707', 22), status: '监测对象' },
  { name: '王五', id: idNumber('152634', '19781101', 35), status: '其他' },
];

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), 'bangfu-e2e-'));
});
after(async () => {
  await app?.close();
});

async function fillApplicant(page) {
  await page.getByRole('link', { name: /申请主体/ }).click();
  await page.getByLabel('经营主体名称').fill(APPLICANT);
  await page.getByLabel('统一社会信用代码').fill(CODE);
  await page.getByLabel('主体类型').selectOption({ label: '农民专业合作社' });
  await page.getByLabel('法定代表人（负责人）').fill('赵六');
  await page.getByLabel('联系电话').fill('13904740000');
}

async function addPeople(page) {
  await page.getByRole('link', { name: /员工/ }).first().click();
  for (const p of PEOPLE) {
    await page.getByRole('button', { name: '添加员工' }).click();
    const editor = page.locator('[data-editor=employee]');
    await editor.getByLabel('姓名').fill(p.name);
    await editor.getByLabel('身份证号').fill(p.id);
    await editor.getByLabel('人员类别').selectOption({ label: p.status });
  }
}

async function expectEverything(page) {
  await page.getByRole('link', { name: /申请主体/ }).click();
  assert.equal(await page.getByLabel('经营主体名称').inputValue(), APPLICANT);
  assert.equal(await page.getByLabel('统一社会信用代码').inputValue(), CODE);
  assert.equal(await page.getByLabel('法定代表人（负责人）').inputValue(), '赵六');
  await page.getByRole('link', { name: /员工/ }).first().click();
  const rows = page.locator('table.roster tbody tr');
  assert.equal(await rows.count(), PEOPLE.length);
  for (const [i, p] of PEOPLE.entries()) {
    const text = await rows.nth(i).innerText();
    assert.ok(text.includes(p.name) && text.includes(p.id) && text.includes(p.status), text);
  }
}

test('what is typed survives a reload, even one straight after typing', { timeout: 120_000 }, async () => {
  const page = await app.open();
  await fillApplicant(page);
  await addPeople(page);
  // No waiting for the debounced autosave: the page-hide flush must catch the last keystrokes.
  await page.reload();
  await page.locator('h1').waitFor();
  await expectEverything(page);
  assert.match(await page.locator('.save-status').innerText(), /已自动保存/);
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});

test('a saved draft file brings everything back on a cleared browser', { timeout: 120_000 }, async () => {
  const page = await app.open(app.page, '/#employees');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '保存草稿文件' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^帮扶车间草稿-.*\.json$/);
  const file = join(dir, 'draft.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(saved.format, 'bangfu-draft');
  assert.equal(saved.draft.applicant.name, APPLICANT);

  // 「清除本机数据」, as on a shared computer: the draft, its history and the caches go.
  await page.getByText('本机数据与离线使用').click();
  await page.getByRole('button', { name: '清除本机数据' }).click();
  await page.getByRole('button', { name: '确认清除' }).click();
  await page.waitForEvent('load');
  await page.locator('h1').waitFor();
  await page.getByRole('link', { name: /申请主体/ }).click();
  assert.equal(await page.getByLabel('经营主体名称').inputValue(), '', 'storage was cleared');

  await page.getByLabel('打开草稿文件').setInputFiles(file);
  await expectEverything(page);
  // It is autosaved again: a reload keeps it.
  await page.reload();
  await page.locator('h1').waitFor();
  await expectEverything(page);
});

test('a damaged or wrong file is refused with a message and changes nothing', { timeout: 120_000 }, async () => {
  const page = await app.open();
  const damaged = join(dir, 'damaged.json');
  const good = await readFile(join(dir, 'draft.json'), 'utf8');
  await writeFile(damaged, good.slice(0, good.length / 2));
  await page.getByLabel('打开草稿文件').setInputFiles(damaged);
  await page.getByText(/未能打开「damaged\.json」：草稿文件已损坏/).waitFor();

  const picture = join(dir, 'photo.json');
  await writeFile(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
  await page.getByLabel('打开草稿文件').setInputFiles(picture);
  await page.getByText(/未能打开「photo\.json」：这不是草稿文件/).waitFor();

  await expectEverything(page);
  app.assertNoExternalRequests();
});

test('an unreadable stored draft is set aside once and offered for download, not overwritten', { timeout: 120_000 }, async () => {
  const page = await app.open();
  const damaged = '{"format":"bangfu-draft","schema_version":2,"draft":{"applicant":';
  // A damaged draft left by an earlier version in localStorage, found on three starts.
  await page.getByText('本机数据与离线使用').click();
  await page.getByRole('button', { name: '清除本机数据' }).click();
  await page.getByRole('button', { name: '确认清除' }).click();
  await page.waitForEvent('load');
  await page.locator('h1').waitFor();
  for (let i = 0; i < 3; i++) {
    await page.evaluate((t) => localStorage.setItem('bangfu.draft', t), damaged);
    await page.reload();
    await page.locator('h1').waitFor();
    await page.getByText(/浏览器中保存的草稿无法读取/).first().waitFor();
  }
  // One copy however often it was found (not one more per reload).
  assert.equal(await page.getByRole('button', { name: '下载原内容' }).count(), 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载原内容' }).first().click(),
  ]);
  const file = join(dir, 'aside.json');
  await download.saveAs(file);
  assert.equal(await readFile(file, 'utf8'), damaged);
});

test('a draft file saved in GBK is refused and the current draft is untouched', { timeout: 60_000 }, async () => {
  const page = await app.open();
  await page.getByRole('link', { name: /申请主体/ }).click();
  await page.getByLabel('经营主体名称').fill(APPLICANT);
  // 「乌兰察布」 in GBK inside an otherwise valid draft file.
  const gbk = Buffer.concat([
    Buffer.from('{"format":"bangfu-draft","schema_version":3,"draft":{"applicant":{"name":"'),
    Buffer.from([0xce, 0xda, 0xc0, 0xbc, 0xb2, 0xec, 0xb2, 0xbc]),
    Buffer.from('"}}}'),
  ]);
  const file = join(dir, 'gbk.json');
  await writeFile(file, gbk);
  await page.getByLabel('打开草稿文件').setInputFiles(file);
  await page.getByText(/未能打开「gbk\.json」：这个草稿文件的文字编码不是 UTF-8/).waitFor();
  assert.equal(await page.getByLabel('经营主体名称').inputValue(), APPLICANT);
});
