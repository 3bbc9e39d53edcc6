// A person enters a qualifying workshop by hand, step by step, and sees every criterion met
// (on the way, a mistyped 银行卡号 is flagged at its field and changes no verdict); then removes
// one poverty-alleviated employee and sees 第七条第（一）项 fail with "还需 1 名".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp } from './harness.mjs';
import { creditCode, idNumber } from './people.mjs';

const ASSESSED = '2026-11-25';
const MONTHS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const PEOPLE = [
  ['乌兰其其格', '19880214'],
  ['张秀兰', '19790503'],
  ['李建军', '19920918'],
  ['王桂英', '19831127'],
  ['巴特尔', '19950630'],
].map(([name, birth], i) => ({
  name,
  id: idNumber('150902', birth, 101 + i * 2),
  // 19 digits, typed in groups of four as printed on the card.
  card: `6228 4800 0000 0${i}12 345`,
}));

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const step = (page, name) => page.locator('nav.steps').getByRole('link', { name: new RegExp(name) }).click();
async function pick(page, name) {
  // On the wages step, one person's months are folded under the payroll grid.
  const folded = page.locator('details.per-person:not([open]) > summary');
  if (await folded.count()) await folded.click();
  const value = await page.locator('#employee-picker option', { hasText: name }).getAttribute('value');
  await page.getByLabel('选择员工').selectOption(value);
}
const panel = (page) => page.locator('#verdict-panel');

/** The messages shown under a field: the element its input names in aria-describedby. */
async function messagesOf(page, input) {
  const id = await input.getAttribute('aria-describedby');
  return page.locator(`[id="${id}"] .msg`);
}

/** Typing a bad 银行卡号 shows the message at the field once the field is left; a good one clears it. */
async function cardIsCheckedAtTheField(page, editor, good) {
  await editor.getByLabel('工资发放方式').selectOption({ label: '银行代发' });
  const card = editor.getByLabel('银行卡号');
  assert.equal(await card.getAttribute('inputmode'), 'numeric');
  const msgs = await messagesOf(page, card);
  // 银行代发 without a card number: a warning, not an error.
  await msgs.filter({ hasText: '选择银行代发时请填写银行卡号' }).waitFor();
  assert.match(await msgs.first().getAttribute('class'), /\bwarn\b/);
  await card.fill('6222 0212');
  await card.blur();
  const error = msgs.filter({ hasText: '银行卡号应为 10–25 位数字，当前 8 位' });
  await error.waitFor();
  assert.match(await error.getAttribute('class'), /\berror\b/);
  assert.equal(await card.getAttribute('aria-invalid'), 'true');
  await card.fill('6222 0212 3456 789O');
  await card.blur();
  await msgs.filter({ hasText: '银行卡号只能包含数字，当前含有“O”' }).waitFor();
  await card.fill(good);
  await card.blur();
  await msgs.first().waitFor({ state: 'detached' });
  assert.equal(await card.getAttribute('aria-invalid'), 'false');
}

async function enterWorkshop(page) {
  await step(page, '申请主体');
  await page.getByLabel('经营主体名称').fill('察哈尔右翼前旗巧手编织有限公司');
  await page.getByLabel('统一社会信用代码').fill(creditCode('91150902MA0R5T6U7'));
  await page.getByLabel('主体类型').selectOption({ label: '公司（有限责任公司、股份有限公司）' });
  await page.getByLabel('法定代表人（负责人）').fill('高娜');
  await page.getByLabel('联系电话').fill('13904741234');
  await page.getByLabel('注册地址').fill('内蒙古自治区乌兰察布市集宁区新体路18号');

  await step(page, '车间场所');
  await page.getByLabel('盟市').selectOption({ label: '乌兰察布市' });
  await page.getByLabel('旗县（市、区）').selectOption({ label: '集宁区' });
  await page.getByLabel('苏木乡镇（街道）').selectOption({ index: 1 });
  await page.getByLabel('车间详细地址').fill('新体路街道工业园区3号厂房');
  await page.getByLabel('场所权属').selectOption({ label: '自有' });
  await page.getByLabel('场所面积（平方米）').fill('450');
  await page.getByLabel('产品类别（主要产品）').fill('羊毛编织品');
  await page.getByLabel('车间形式').selectOption({ label: '劳动密集型企业' });

  await step(page, '员工');
  for (const p of PEOPLE) {
    await page.getByRole('button', { name: '添加员工' }).click();
    const e = page.locator('[data-editor=employee]');
    await e.getByLabel('姓名').fill(p.name);
    await e.getByLabel('身份证号').fill(p.id);
    await e.getByLabel('人员类别').selectOption({ label: '脱贫人口' });
    await e.getByLabel('岗位').fill('编织工');
    await e.getByLabel('用工形式').selectOption({ label: '全日制' });
    await e.getByLabel('协议类型').selectOption({ label: '劳动合同' });
    await e.getByLabel('协议起始日期（入职日期）').fill('2026-06-01');
    if (p === PEOPLE[0]) {
      await cardIsCheckedAtTheField(page, e, p.card);
    } else {
      await e.getByLabel('工资发放方式').selectOption({ label: '银行代发' });
      await e.getByLabel('银行卡号').fill(p.card);
    }
    assert.equal(await e.getByLabel('银行卡号').inputValue(), p.card, 'kept as typed, spaces and all');
  }

  await step(page, '工资');
  await page.getByLabel('约定发薪日（每月几号发上月工资）').fill('15');
  for (const p of PEOPLE) {
    await pick(page, p.name);
    const w = page.locator('[data-editor=wages]');
    for (const [i, month] of MONTHS.entries()) {
      await w.getByRole('button', { name: '添加工资月份' }).click();
      const m = w.locator('fieldset.wage-month').nth(i);
      assert.equal(await m.getByLabel('工资月份').inputValue(), month, 'the next month is proposed');
      await m.getByLabel('出勤天数').fill('22');
      await m.getByLabel('应发工资（元）').fill('2,500');
      await m.getByLabel('代扣个人社保（元）').fill('262.50');
      await m.getByLabel('实发工资（元）').fill('2237.50');
      const [y, mm] = month.split('-').map(Number);
      const paid = mm === 12 ? `${y + 1}-01-10` : `${y}-${String(mm + 1).padStart(2, '0')}-10`;
      await m.getByLabel('发放日期').fill(paid);
    }
  }

  // Each month shows the standard applied to it: June 2026 falls under the 2025-12-01 standard,
  // second tier for 集宁区.
  const june = page.locator('[data-editor=wages] fieldset.wage-month').first().locator('.month-verdict');
  assert.equal(await june.getAttribute('data-month-status'), 'met');
  assert.match(await june.innerText(), /适用标准：2025年12月1日起 二类地区 月2,310\.00元/);

  await step(page, '参保');
  for (const p of PEOPLE) {
    await pick(page, p.name);
    const ins = page.locator('[data-editor=insurance]');
    await ins.getByRole('button', { name: '添加参保记录' }).click();
    await ins.getByLabel('参保类型').selectOption({ label: '工伤保险' });
    await ins.getByLabel('参保起始日期').fill('2026-06-01');
  }

  await step(page, '制度与声明');
  for (const label of [
    '已建立安全生产制度',
    '已建立劳动纪律制度',
    '已建立车间管理制度',
    '生产经营稳定',
    '本主体依法注册、合法经营（第六条）',
    '本主体履行社会责任（第六条）',
    '未从事违法生产经营活动',
    '未从事污染环境的生产经营活动',
    '未从事对人体身心健康有害的生产经营活动',
    '所填信息和所附材料真实、完整',
  ]) {
    await page.getByLabel(label).check();
  }
  await page.getByLabel('自评基准日').fill(ASSESSED);
}

async function statusOf(page, criterion) {
  return panel(page).locator(`[data-criterion="${criterion}"]`).getAttribute('data-status');
}

test('a qualifying workshop entered by hand meets every criterion', { timeout: 240_000 }, async () => {
  const page = await app.open();
  // Before anything is typed, nothing can be decided yet.
  assert.equal(await statusOf(page, 'overall'), 'incomplete');
  await enterWorkshop(page);
  const statuses = {};
  for (const c of ['art6', 'art7-1', 'art7-2', 'art7-3', 'art7-4', 'art7-5', 'overall']) {
    statuses[c] = await statusOf(page, c);
  }
  if (statuses.overall !== 'met') {
    await step(page, '自评结果');
    console.log(await page.locator('main').innerText());
  }
  assert.deepEqual(statuses, {
    art6: 'met', 'art7-1': 'met', 'art7-2': 'met', 'art7-3': 'met', 'art7-4': 'met', 'art7-5': 'met', overall: 'met',
  });
  // The full explanation on the results step says the same, with citations.
  await step(page, '自评结果');
  const results = page.locator('main');
  assert.equal(await results.locator('[data-criterion="art7-1"]').getAttribute('data-status'), 'met');
  assert.match(await results.locator('[data-criterion="art7-1"]').innerText(), /第七条第（一）项/);
  assert.match(await results.locator('[data-criterion="overall"]').innerText(), /符合认定条件/);
  app.assertNoExternalRequests();
  app.assertNoConsoleErrors();
});

test('removing one of five poverty-alleviated employees fails 7(1) with 还需 1 名', { timeout: 120_000 }, async () => {
  const page = app.page;
  await step(page, '员工');
  const row = page.locator('table.roster tbody tr', { hasText: PEOPLE[4].name });
  await row.getByRole('button', { name: '删除' }).click();
  const crit = panel(page).locator('[data-criterion="art7-1"]');
  await page.waitForFunction(() => document.querySelector('#verdict-panel [data-criterion="art7-1"]')?.dataset.status === 'not-met');
  assert.match(await crit.innerText(), /还需 1 名/);
  assert.equal(await statusOf(page, 'overall'), 'not-met');
  // Undo brings the person and the verdict back.
  await page.locator('.undo-bar').getByRole('button', { name: '撤销' }).click();
  await page.waitForFunction(() => document.querySelector('#verdict-panel [data-criterion="overall"]')?.dataset.status === 'met');
});
