// 乡镇初审 as a township clerk uses it: receive three applicants' files at once, review one fully
// with three members and a 抽查 of three, conclude 拟公示, print the 审查意见表 and the 公示 and
// read both back; conclude 不符合 for a second with its 书面说明; receive a newer version of the
// third and see what changed; reload and find everything; export the review record and open it
// in a fresh browser. The applicant's draft in the same browser is untouched throughout.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { startApp } from './harness.mjs';
import { creditCode } from './people.mjs';
import { APPLICANT, workshopEnvelope, writeDraft } from './workshop.mjs';

let app;
let dir;
before(async () => {
  app = await startApp({ browser: { args: ['--lang=zh-CN'] } });
  dir = await mkdtemp(join(tmpdir(), 'bangfu-township-'));
});
after(async () => {
  await app?.close();
});

/** The browser's local date (its time zone may not be this process's). */
function browserToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

async function draftFile(name, { people, applicant, code, change } = {}) {
  const env = workshopEnvelope({ people });
  env.draft.applicant.name = applicant;
  env.draft.applicant.credit_code = code;
  change?.(env);
  return { path: await writeDraft(env, name), env };
}

async function pdfText(page, buttonName) {
  const box = page.locator('.review');
  await box.getByRole('button', { name: buttonName }).click();
  const link = box.getByRole('link', { name: '下载' });
  await link.waitFor({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** One file of a zip archive (an XLSX) as text, through its central directory. */
function zipEntry(zip, name) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const [method, size] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20)];
    const [nameLen, extraLen, commentLen] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in the archive`);
}

/** Every record of the applicant's draft store, to see that the township never touched it. */
function draftRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('bangfu');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('draft');
      const store = tx.objectStore('draft');
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        const out = Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]]));
        open.result.close();
        resolve(out);
      };
    };
  }));
}

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `axe on ${what}`);
}

test('a township receives, reviews, prints, reloads and hands off; the draft stays untouched', { timeout: 600_000 }, async () => {
  const page = await app.open();
  // The applicant's own draft in this browser.
  const mine = await draftFile('mine.json', { people: 5, applicant: APPLICANT, code: creditCode('91150902MA0R5T6U7') });
  await page.getByLabel('打开草稿文件').setInputFiles(mine.path);
  await page.locator('#verdict-panel [data-criterion="overall"]').waitFor();
  await page.locator('.app-header .save-status.ok').waitFor();
  const today = await browserToday(page);
  const draftBefore = await draftRecords(page);
  assert.ok(Object.keys(draftBefore).length > 1, 'the draft is stored');

  // The workspace is its own module, fetched only when someone switches to it; nothing of it
  // shows to the applicant.
  assert.equal(await page.getByText('正在载入乡镇初审工作区').isVisible(), false);
  assert.ok(!app.server.requests.some((r) => r.url.includes('township')), 'not loaded with the page');
  await page.getByRole('button', { name: '乡镇初审' }).click();
  await page.locator('main[data-role="township"][data-loaded="true"]').waitFor();
  assert.ok(app.server.requests.some((r) => r.url.includes('township_bg.wasm')), 'loaded on demand');
  const desk = page.locator('#township-main');
  await desk.getByLabel('苏木乡镇人民政府名称').fill('白海子镇人民政府');
  await desk.getByLabel('异议受理单位').fill('白海子镇乡村振兴办公室');
  await desk.getByLabel('地址', { exact: true }).fill('白海子镇政府路1号');
  await desk.getByLabel('联系电话').fill('0474-5210000');

  const a = await draftFile('a.json', { people: 6, applicant: '白海子镇巧手编织合作社', code: creditCode('93150902MA0R5T6A1') });
  const b = await draftFile('b.json', { people: 4, applicant: '白海子镇塞外食品厂', code: creditCode('92150902MA0R5T6B2') });
  const c = await draftFile('c.json', { people: 5, applicant: '白海子镇民族服饰店', code: creditCode('92150902MA0R5T6C3') });
  await desk.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles([a.path, b.path, c.path]);
  const rows = page.locator('table.applications tbody tr');
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(0).innerText(), /001[\s\S]*白海子镇巧手编织合作社[\s\S]*已受理/);
  // The same file again is refused, naming the application.
  await desk.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles(a.path);
  await page.getByText(/这份材料已经接收过：与受理编号 \d{4}-001/).waitFor();
  await axe(page, 'the list');

  // Review 甲 fully.
  await desk.getByRole('button', { name: /审查 \d{4}-001/ }).click();
  const review = page.locator('.review');
  await review.getByText('材料指纹').waitFor();
  // A review just opened is a form to fill in: no field is marked wrong before it is worked on.
  await review.getByText(/尚需完成 \d+ 项后才能作出结论/).waitFor();
  assert.equal(await review.locator('.msgs .msg.error').count(), 0, 'no errors before any input');
  // What the applicant filled in, read-only, with the rules' standing of each person.
  await review.getByText('申请单位填报的内容（只读，6 人）').click();
  const first = a.env.draft.employees[0];
  await review.locator('.submitted').getByText(first.id_number).waitFor();
  assert.equal(await review.locator('.submitted input, .submitted select, .submitted textarea').count(), 0, 'nothing to edit');
  assert.match(await review.locator('.submitted tbody tr').first().innerText(), /计入/);
  const members = [['乌兰', '镇党委副书记'], ['张海燕', '乡村振兴办主任'], ['李志强', '人社所所长']];
  // Two members only: a conclusion is blocked, citing the article.
  for (const [i, [name, role]] of members.entries()) {
    await review.getByLabel(`审查组成员 ${i + 1} 姓名`).fill(i < 2 ? name : '');
    await review.getByLabel(`审查组成员 ${i + 1} 单位/职务`).fill(role);
  }
  await review.getByText('审查组须不少于3人（第八条第（二）项），现有 2 人').waitFor();
  await review.getByLabel('审查组成员 3 姓名').fill(members[2][0]);
  await review.getByLabel('实地审查日期').fill(today);
  await review.getByLabel('实地审查地点').fill('合作社车间');
  await review.getByLabel('审查日期', { exact: true }).fill(today);
  for (const fs of await review.locator('fieldset.criterion').all()) {
    await fs.getByLabel('查阅资料').check();
    await fs.getByLabel('实地查看').check();
    await fs.getByLabel('审查组已核实并确认此项').check();
  }
  // 依据材料: the checklist's materials ticked from the prefill; untick one, add what was seen.
  const wages = review.locator('fieldset.criterion[data-criterion="art7-3"]');
  const slip = wages.getByLabel('工资发放凭证（银行代发流水或签字工资表）');
  assert.equal(await slip.isChecked(), true);
  await slip.uncheck();
  assert.doesNotMatch(await wages.getByLabel('依据材料', { exact: true }).inputValue(), /工资发放凭证/);
  await slip.check();
  const evidence = wages.getByLabel('依据材料', { exact: true });
  await evidence.fill(`${await evidence.inputValue()}；现场查看工资表原件`);
  assert.equal(await evidence.inputValue(), '工资发放凭证（银行代发流水或签字工资表）；现场查看工资表原件');
  await review.getByLabel('抽查人数').fill('3');
  await review.getByRole('button', { name: '随机抽取' }).click();
  const reached = review.getByLabel('是否联系上');
  await reached.nth(2).waitFor();
  for (let i = 0; i < 3; i++) await reached.nth(i).selectOption({ label: '已联系上' });
  await review.getByLabel('结论', { exact: true }).selectOption({ label: '符合条件，拟公示' });
  await review.getByText('结论已生效。').waitFor();
  await axe(page, 'an application');

  const sheet = await pdfText(page, '打印审查意见表');
  const flat = sheet.replace(/\s+/g, '');
  for (const needle of ['初审审查意见表', '参考格式', '白海子镇巧手编织合作社', '乌兰', '张海燕', '李志强', '符合条件，拟公示', '白海子镇人民政府（盖章）']) {
    assert.ok(flat.includes(needle), `«${needle}» on the 审查意见表`);
  }
  const [y, m, d] = today.split('-').map(Number);
  assert.ok(flat.includes(`${y}年${m}月${d}日`), 'the review date on the sheet');

  await review.getByLabel('公示开始日期').fill(today);
  await review.getByRole('button', { name: '按5个工作日填入结束日期' }).click();
  assert.notEqual(await review.getByLabel('公示结束日期').inputValue(), '');
  const notice = await pdfText(page, '打印公示');
  const nflat = notice.replace(/\s+/g, '');
  assert.ok(nflat.includes('关于拟认定就业帮扶车间的公示'));
  assert.ok(nflat.includes('白海子镇巧手编织合作社'));
  assert.match(nflat, /公示期：.*个工作日/);
  for (const e of a.env.draft.employees) {
    assert.ok(!nflat.includes(e.id_number), `no ID number ${e.id_number} in the 公示`);
  }
  await review.getByRole('button', { name: '← 返回申请一览' }).click();

  // 乙 (four people) does not qualify: 不符合 with the written reasons, pre-filled.
  await desk.getByRole('button', { name: /审查 \d{4}-002/ }).click();
  for (const [i, [name, role]] of members.entries()) {
    await review.getByLabel(`审查组成员 ${i + 1} 姓名`).fill(name);
    await review.getByLabel(`审查组成员 ${i + 1} 单位/职务`).fill(role);
  }
  await review.getByLabel('实地审查日期').fill(today);
  await review.getByLabel('审查日期', { exact: true }).fill(today);
  for (const fs of await review.locator('fieldset.criterion').all()) {
    await fs.getByLabel('查阅资料').check();
    await fs.getByLabel('审查组已核实并确认此项').check();
  }
  // Typed one character at a time, as a person types: the field keeps the focus and every
  // character (each keystroke saves and re-checks the review).
  const typed = review.getByLabel('审查组成员 1 单位/职务');
  await typed.fill('');
  await typed.pressSequentially('镇党委副书记');
  assert.equal(await typed.inputValue(), '镇党委副书记');
  await review.getByLabel('结论', { exact: true }).selectOption({ label: '不符合' });
  assert.match(await review.getByLabel(/不符合的原因及整改事项/).inputValue(), /第七条第（一）项/);
  await review.getByText('结论已生效。').waitFor();
  const letter = (await pdfText(page, '打印不予通过书面说明')).replace(/\s+/g, '');
  assert.ok(letter.includes('白海子镇塞外食品厂：'));
  assert.ok(letter.includes('第八条第（五）项'));
  assert.ok(letter.includes('重新'));
  await review.getByRole('button', { name: '← 返回申请一览' }).click();

  // A newer file of 丙: one more person.
  const c2 = await draftFile('c2.json', {
    people: 6, applicant: '白海子镇民族服饰店', code: creditCode('92150902MA0R5T6C3'),
  });
  await desk.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles(c2.path);
  await page.getByText(/是受理编号 \d{4}-003 的新版本，已作为新版本保存：新增 1 人/).waitFor();

  // Reload: everything is there; the applicant's draft is as it was.
  await page.reload();
  await page.locator('main[data-role="township"][data-loaded="true"]').waitFor();
  await rows.nth(2).waitFor();
  const stages = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.stage));
  assert.deepEqual(stages, ['publishing', 'rejected', 'received']);
  assert.match(await rows.nth(2).innerText(), /第 2 版/);
  await page.getByRole('button', { name: '申请单位自评' }).click();
  assert.equal(await page.getByLabel('经营主体名称').inputValue(), APPLICANT);
  assert.deepEqual(await draftRecords(page), draftBefore, 'the applicant draft is untouched');

  await page.getByRole('button', { name: '乡镇初审' }).click();
  // The list as a spreadsheet, with the 第十一条 columns.
  const [sheetFile] = await Promise.all([
    page.waitForEvent('download'),
    desk.getByRole('button', { name: '导出一览（Excel，含第十一条台账项）' }).click(),
  ]);
  assert.match(sheetFile.suggestedFilename(), /^初审申请一览-\d{8}\.xlsx$/);
  const xlsx = join(dir, 'list.xlsx');
  await sheetFile.saveAs(xlsx);
  const listed = zipEntry(await readFile(xlsx), 'xl/sharedStrings.xml');
  for (const needle of ['从业人员数量', '监测对象数', '白海子镇巧手编织合作社', '公示中', '不符合']) {
    assert.ok(listed.includes(needle), `«${needle}» in the exported list`);
  }

  // A second tab follows the first: read-only, showing what the first saves, until it takes
  // over editing (then the first follows); closing it hands editing back.
  await page.locator('#township-main[data-tab="editor"]').waitFor();
  const tab2 = await app.newPage();
  await app.open(tab2);
  await tab2.locator('#township-main[data-tab="follower"]').waitFor();
  await tab2.getByText('乡镇初审工作区正在本浏览器的另一个标签页中编辑').waitFor();
  assert.equal(await tab2.locator('#t-name').getAttribute('readonly'), '');
  await desk.getByRole('button', { name: /审查 \d{4}-003/ }).click();
  await tab2.locator('#township-main').getByRole('button', { name: /审查 \d{4}-003/ }).click();
  await review.getByLabel('实地审查地点').fill('服饰店后院');
  await tab2.waitForFunction(() => document.querySelector('#visit-place')?.value === '服饰店后院');
  await tab2.getByRole('button', { name: '在此标签页编辑' }).click();
  await tab2.locator('#township-main[data-tab="editor"]').waitFor();
  await page.locator('#township-main[data-tab="follower"]').waitFor();
  await tab2.getByLabel('实地审查地点').fill('服饰店车间');
  await page.waitForFunction(() => document.querySelector('#visit-place')?.value === '服饰店车间');
  await tab2.close();
  await page.locator('#township-main[data-tab="editor"]').waitFor({ timeout: 20_000 });
  assert.equal(await review.getByLabel('实地审查地点').inputValue(), '服饰店车间');
  await review.getByRole('button', { name: '← 返回申请一览' }).click();

  // On a phone: the list and an application fit the width and pass axe.
  await page.setViewportSize({ width: 390, height: 844 });
  await rows.nth(2).waitFor();
  await axe(page, 'the list on a phone');
  await desk.getByRole('button', { name: /审查 \d{4}-001/ }).click();
  await review.getByText('材料指纹').waitFor();
  await axe(page, 'an application on a phone');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `no sideways scrolling on a phone (${wide}px)`);
  await review.getByRole('button', { name: '← 返回申请一览' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });

  // Hand-off: export everything and open it in a fresh browser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出全部审查记录' }).click(),
  ]);
  const handoff = join(dir, 'handoff.json');
  await download.saveAs(handoff);
  const other = await startApp({ browser: { args: ['--lang=zh-CN'] } });
  try {
    const p2 = await other.open();
    await p2.getByRole('button', { name: '乡镇初审' }).click();
    await p2.locator('main[data-role="township"][data-loaded="true"]').waitFor();
    await p2.getByLabel('打开审查记录文件').setInputFiles(handoff);
    await p2.getByRole('button', { name: '确定打开' }).click();
    await p2.locator('table.applications tbody tr').nth(2).waitFor();
    assert.equal(await p2.locator('#township-main').getByLabel('苏木乡镇人民政府名称').inputValue(), '白海子镇人民政府');
    assert.match(await p2.locator('table.applications tbody tr').nth(0).innerText(), /白海子镇巧手编织合作社[\s\S]*公示中/);
    // Opened by mistake? It can be undone, also after a reload.
    await p2.reload();
    await p2.locator('main[data-role="township"][data-loaded="true"]').waitFor();
    const banner = p2.locator('.undo-open');
    await banner.getByText(/打开审查记录「handoff\.json」：新增 3 件，填入了本乡镇信息/).waitFor();
    await banner.getByRole('button', { name: '撤销这次打开' }).click();
    await banner.getByRole('button', { name: '确定撤销' }).click();
    await p2.getByText('还没有接收任何申请。').waitFor();
    await p2.reload();
    await p2.locator('main[data-role="township"][data-loaded="true"]').waitFor();
    await p2.getByText('还没有接收任何申请。').waitFor();
    assert.equal(await p2.locator('.undo-open').count(), 0);
    assert.equal(await p2.locator('#township-main').getByLabel('苏木乡镇人民政府名称').inputValue(), '');
    other.assertNoExternalRequests();
  } finally {
    await other.close();
  }
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});
