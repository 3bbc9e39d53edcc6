// Data entry a clerk can finish: dates as typed, the payroll grid with a block pasted from a
// spreadsheet, an unknown column mapped in the import preview, the start panel and first input
// above the fold on a phone, no sideways scrolling of the roster, and axe-core on every step at
// laptop and phone size.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { startApp } from './harness.mjs';
import { idNumber } from './people.mjs';
import { workshopEnvelope, writeDraft } from './workshop.mjs';

const STEPS = ['申请主体', '车间场所', '员工', '工资', '参保', '制度与声明', '自评结果'];
const step = (page, name) => page.locator('nav.steps').getByRole('link', { name: new RegExp(name) }).click();

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), 'bangfu-entry-'));
});
after(async () => {
  await app?.close();
});

// A blank draft: 新建空白草稿, confirmed when the app asks (it asks only over a draft with something in it).
async function newBlankDraft(page) {
  const button = page.getByRole('button', { name: '新建空白草稿' });
  await button.click();
  const confirm = page.getByRole('button', { name: '确认新建空白草稿' });
  const blank = page.locator('#verdict-panel .blank-note');
  await confirm.or(blank).first().waitFor({ state: 'attached' });
  if (await confirm.isVisible()) await confirm.click();
  await page.locator('#verdict-panel .blank-note').waitFor({ state: 'attached' });
}

async function openWorkshop(page, people = 4) {
  const env = workshopEnvelope({ people });
  const file = await writeDraft(env, `w${people}.json`);
  await page.getByLabel('打开草稿文件').setInputFiles(file);
  // Over a draft with something in it, the app asks first.
  const ask = page.getByRole('button', { name: /确认打开草稿文件/ });
  const loaded = page.locator('#verdict-panel .counts:not(.blank-note)', { hasText: `务工总人数 ${people} 人` });
  await ask.or(loaded).first().waitFor({ state: 'attached' });
  if (await ask.isVisible()) await ask.click();
  await loaded.waitFor({ state: 'attached' });
  return env;
}

test('every date field keeps a date typed as clerks type it and says what it read', { timeout: 180_000 }, async () => {
  const page = await app.open();
  await openWorkshop(page);
  const forms = ['2018-05-16', '2018/5/16', '2018.5.16', '20180516', '2018年5月16日'];
  const fields = [
    ['申请主体', (p) => p.getByLabel('成立日期')],
    ['员工', (p) => p.locator('[data-editor=employee]').getByLabel('协议起始日期（入职日期）')],
    ['员工', (p) => p.locator('[data-editor=employee]').getByLabel('协议终止日期')],
    ['员工', (p) => p.locator('[data-editor=employee]').getByLabel('离职日期')],
    ['制度与声明', (p) => p.getByLabel('自评基准日')],
  ];
  for (const [where, field] of fields) {
    await step(page, where);
    if (where === '员工') await page.locator('table.roster tbody tr').first().getByRole('button', { name: /^编辑/ }).click();
    const input = field(page);
    for (const typed of forms) {
      await input.fill(typed);
      await input.blur();
      assert.equal(await input.inputValue(), typed, `${where}: «${typed}» kept as typed`);
      if (typed !== '2018-05-16') {
        const read = input.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.read-as');
        assert.match(await read.innerText(), /识别为 2018年5月16日/, `${where}: «${typed}»`);
      }
    }
    // An impossible date stays visible with its message, never an empty picker.
    await input.fill('2026-02-30');
    await input.blur();
    assert.equal(await input.inputValue(), '2026-02-30');
    await input.fill('');
  }
  // The calendar stays available.
  await step(page, '申请主体');
  const calendar = page.getByLabel('成立日期').locator('xpath=ancestor::div[contains(@class,"field")][1]').getByRole('button', { name: '日历' });
  assert.equal(await calendar.count(), 1);
  const describedBy = await calendar.getAttribute('aria-describedby');
  assert.equal(await page.locator(`[id="${describedBy}"]`).innerText(), '成立日期', 'the calendar button says which date it picks');
});

test('a block pasted from a spreadsheet into the payroll grid becomes wage records', { timeout: 120_000 }, async () => {
  const page = await app.open();
  const env = await openWorkshop(page, 3);
  await step(page, '工资');
  const grid = page.getByRole('region', { name: '按月录入工资' });
  await grid.getByLabel('工资月份').selectOption('2026-11');
  const [a, b] = env.draft.employees;
  const block = `姓名\t身份证号\t出勤天数\t应发工资\t代扣个人社保\t实发工资\t发放日期\n${a.name}\t${a.id_number}\t22\t2600\t273\t2327\t2026-12-10\n${b.name}\t${b.id_number}\t21\t2500\t262.50\t2237.50\t2026-12-10\n`;
  const cell = page.getByLabel(`${a.name} 出勤天数`);
  await cell.focus();
  await cell.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await page.waitForFunction((name) => document.querySelector(`[aria-label="${name} 应发工资（元）"]`)?.value === '2600', a.name);
  assert.equal(await page.getByLabel(`${b.name} 实发工资（元）`).inputValue(), '2237.50');
  assert.equal(await page.getByLabel(`${b.name} 发放日期`).inputValue(), '2026-12-10');
  // Keyboard: Enter moves down a row in the same column.
  await page.getByLabel(`${a.name} 出勤天数`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `${b.name} 出勤天数`);
  // 复制上月 into December fills from November.
  await grid.getByLabel('工资月份').selectOption('2026-12');
  await page.getByRole('button', { name: '复制上月' }).click();
  assert.equal(await page.getByLabel(`${a.name} 应发工资（元）`).inputValue(), '2600');
  assert.equal(await page.getByLabel(`${a.name} 发放日期`).inputValue(), '2027-01-10');
  app.assertNoConsoleErrors();
});

test('an unknown column is mapped in the preview and the rules then see the start dates', { timeout: 120_000 }, async () => {
  const page = await app.open();
  await newBlankDraft(page);
  await step(page, '员工');
  const rows = ['姓名,身份证号,人员类别,用工形式,协议类型,入职时间'];
  for (let i = 0; i < 3; i++) rows.push(`员工${i},${idNumber('150902', `1990010${i + 1}`, 10 + i)},脱贫人口,全日制,劳动合同,2026-03-0${i + 1}`);
  const file = join(dir, 'roster.csv');
  await writeFile(file, rows.join('\n') + '\n');
  await page.locator('details.import > summary').click();
  await page.getByLabel('选择要导入的表格文件').setInputFiles(file);
  const preview = page.locator('[data-import=preview]');
  await preview.waitFor();
  assert.match(await preview.locator('.plan-missing').innerText(), /缺少“协议起始日期”列/);
  await preview.getByRole('button', { name: '按“协议起始日期”导入' }).click();
  await page.locator('[data-import=preview]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.plan-missing'));
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.locator('table.roster tbody tr').nth(2).waitFor();
  // The rules see employment: three people in the workforce.
  await page.waitForFunction(() => /务工总人数 3 人/.test(document.querySelector('#verdict-panel .counts:not(.blank-note)')?.textContent ?? ''));
  // Remembered: the same file again needs no mapping.
  await page.locator('details.import > summary').click().catch(() => {});
  await page.getByLabel('选择要导入的表格文件').setInputFiles(file);
  await page.locator('[data-import=preview]').waitFor();
  assert.equal(await page.locator('.plan-missing').count(), 0);
  await page.getByRole('button', { name: '取消' }).click();
});

test('on a phone the start panel and the first input are above the fold; neither the roster nor the payroll grid scrolls the page sideways', { timeout: 120_000 }, async () => {
  // The same tab, resized: a second tab would only follow this one (one tab edits).
  const page = app.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open(page);
  await newBlankDraft(page);
  await step(page, '申请主体');
  // A one-time notice from the reload (e.g. 「已恢复关闭页面前最后输入的内容」) is read and closed
  // first: this test is about the layout a clerk works in, not about that notice.
  for (const ok of await page.locator('.notices').getByRole('button', { name: '知道了' }).all()) await ok.click();
  await page.evaluate(() => window.scrollTo(0, 0));
  const start = await page.locator('section.start').boundingBox();
  const first = await page.getByLabel('经营主体名称').boundingBox();
  assert.ok(start && start.y < 844, 'the start panel is on the first screen');
  // Above the fold means above the verdict bar fixed at the bottom of a phone screen.
  const bar = await page.locator('.verdict-bar').boundingBox();
  assert.ok(bar && bar.y > 700, `the verdict bar sits at the bottom (top at ${bar?.y})`);
  assert.ok(first && first.y + first.height <= bar.y, `the first input is above the fold (bottom at ${first?.y + first?.height}, bar at ${bar.y}; banners: ${await page.locator('.notices').innerText()})`);
  await openWorkshop(page, 6);
  await step(page, '员工');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  const buttons = await page.locator('table.roster tbody tr').first().getByRole('button', { name: /^编辑/ }).boundingBox();
  assert.ok(buttons && buttons.x + buttons.width <= 390, '编辑 is within the screen');
  // The payroll grid stays a table, scrolled inside its own box: the page itself does not move.
  await step(page, '工资');
  await page.getByRole('region', { name: '按月录入工资' }).locator('table').waitFor();
  const wagesOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wagesOverflow <= 0, `the wages step scrolls sideways by ${wagesOverflow} px`);
  await page.setViewportSize({ width: 1280, height: 800 });
});

for (const size of [{ name: 'laptop', width: 1366, height: 768 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`axe-core finds nothing serious on any step at ${size.name} size`, { timeout: 180_000 }, async () => {
    // The same tab, resized: a second tab would only follow this one (one tab edits).
  const page = app.page;
    await page.setViewportSize({ width: size.width, height: size.height });
    await app.open(page);
    await openWorkshop(page, 5);
    const found = [];
    for (const s of STEPS) {
      await step(page, s);
      await page.locator('h2#step-title', { hasText: s }).waitFor();
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))) {
        found.push(`${s}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    assert.deepEqual(found, [], found.join('\n'));
    await page.setViewportSize({ width: 1280, height: 800 });
  });
}
