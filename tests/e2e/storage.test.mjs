// Never lose a keystroke: two tabs, a full disk, a killed browser, working offline, and the draft
// history behind 「新建空白草稿」. Each test drives the built app in real Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CHROMIUM, CHROMIUM_ARGS, startApp, startServer } from './harness.mjs';
import { workshopEnvelope, writeDraft } from './workshop.mjs';

const name = (page) => page.getByLabel('经营主体名称');
const saved = (page) => page.locator('.save-status', { hasText: '已自动保存' }).waitFor({ timeout: 20_000 });
/** Chromium on a profile directory that outlives it: what a browser killed and started again
 * finds on disk. */
async function persistent(profile) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, locale: 'zh-CN',
  });
}

async function toApplicant(page) {
  await page.locator('nav.steps').getByRole('link', { name: /申请主体/ }).click();
}

test('two tabs: one edits, the other follows live and can take over; nothing typed is lost', { timeout: 120_000 }, async () => {
  const app = await startApp();
  try {
    const a = await app.open();
    await toApplicant(a);
    await name(a).fill('甲标签页输入的名称');
    await saved(a);
    const b = await app.open(await app.newPage());
    // B follows: it says so, shows A's draft and cannot change it.
    await b.getByText('这份草稿正在本浏览器的另一个标签页中编辑').waitFor();
    await toApplicant(b).catch(() => {});
    assert.equal(await b.locator('main').getAttribute('inert'), '');
    assert.equal(await b.locator('#f-applicant-name').inputValue(), '甲标签页输入的名称');
    // A types more; B shows it once A has saved.
    await name(a).fill('甲标签页改过的名称');
    await saved(a);
    await b.waitForFunction(() => document.querySelector('#f-applicant-name')?.value === '甲标签页改过的名称');
    // B takes over: A saves what it had and follows.
    await b.getByRole('button', { name: '在此标签页编辑' }).click();
    await b.waitForFunction(() => !document.querySelector('main')?.hasAttribute('inert'));
    await a.getByText('这份草稿正在本浏览器的另一个标签页中编辑').waitFor();
    await toApplicant(b);
    await name(b).fill('乙标签页接手后输入的名称');
    await saved(b);
    await a.waitForFunction(() => document.querySelector('#f-applicant-name')?.value === '乙标签页接手后输入的名称');
    // A fresh tab after both sees the last word.
    await b.close();
    await a.waitForFunction(() => !document.querySelector('main')?.hasAttribute('inert'), null, { timeout: 20_000 });
    await a.reload();
    await a.locator('h1').waitFor();
    await toApplicant(a);
    assert.equal(await name(a).inputValue(), '乙标签页接手后输入的名称');
    app.assertNoExternalRequests();
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

test('a full disk: the failed save is said loudly, the draft stays in the page, and the next start says what it restored', { timeout: 120_000 }, async () => {
  const app = await startApp();
  try {
    // The browser's quota for this site: room for a small draft only (set before the app opens
    // its database, which keeps the quota it found).
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin, quotaSize: 150_000 });
    const page = await app.open();
    await toApplicant(page);
    await name(page).fill('存储空间满之前的名称');
    await saved(page);
    const env = workshopEnvelope({ people: 300 });
    const file = await writeDraft(env, 'big.json');
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await page.getByRole('button', { name: /确认打开草稿文件/ }).click();
    const alert = page.locator('.save-failed');
    await alert.waitFor({ timeout: 20_000 });
    assert.match(await alert.innerText(), /草稿没有保存！.*存储空间已满/s);
    // Kept in the page, and the draft-file download is one click away.
    await toApplicant(page);
    assert.equal(await name(page).inputValue(), env.draft.applicant.name);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: '立即保存草稿文件' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.json$/);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin });
    await page.reload();
    await page.locator('h1').waitFor();
    await page.getByText(/之后的修改未能保存到浏览器/).waitFor();
    await toApplicant(page);
    assert.equal(await name(page).inputValue(), '存储空间满之前的名称');
  } finally {
    await app.close();
  }
});

test('已自动保存 means on disk: the browser killed right after it loses nothing', { timeout: 180_000 }, async () => {
  const server = await startServer();
  const profile = await mkdtemp(join(tmpdir(), 'bangfu-kill-'));
  const launch = () => persistent(profile);
  try {
    let lost = 0;
    for (let run = 0; run < 3; run++) {
      const ctx = await launch();
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(server.url);
      await page.locator('h1').waitFor();
      await toApplicant(page);
      const value = `第${run + 1}次输入的名称`;
      await name(page).fill(value);
      await page.getByLabel('法定代表人（负责人）').fill(`负责人${run}`);
      await saved(page);
      // SIGKILL, no chance to flush anything.
      execFileSync('pkill', ['-9', '-f', profile]);
      await ctx.close().catch(() => {});
      const again = await launch();
      const p2 = again.pages()[0] ?? (await again.newPage());
      await p2.goto(server.url);
      await p2.locator('h1').waitFor();
      await toApplicant(p2);
      if ((await name(p2).inputValue()) !== value) lost++;
      await again.close();
    }
    assert.equal(lost, 0, `${lost} of 3 runs lost what was saved`);
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('offline: the app reloads from the service worker and, after 下载离线使用所需文件, prints a packet', { timeout: 300_000 }, async () => {
  const app = await startApp();
  try {
    const page = await app.open();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Controlled from the next load on.
    await page.reload();
    await page.locator('h1').waitFor();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    const env = workshopEnvelope({ people: 5 });
    const file = await writeDraft(env, 'offline.json');
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await page.getByText('本机数据与离线使用').click();
    await page.getByRole('button', { name: '下载离线使用所需文件' }).click();
    await page.getByText(/断网后也能生成申请材料/).waitFor({ timeout: 120_000 });

    await app.context.setOffline(true);
    await page.reload();
    await page.locator('h1').waitFor();
    await page.locator('nav.steps').getByRole('link', { name: /自评结果/ }).click();
    await page.getByRole('button', { name: '生成申请材料' }).click();
    const link = page.getByRole('link', { name: '下载' });
    await link.waitFor({ timeout: 180_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /\.pdf$/);
    await app.context.setOffline(false);
    app.assertNoExternalRequests();
  } finally {
    await app.context.setOffline(false).catch(() => {});
    await app.close();
  }
});

test('新建空白草稿 asks first, and the replaced draft is restorable from 草稿历史 after a reload', { timeout: 120_000 }, async () => {
  const app = await startApp();
  try {
    const page = await app.open();
    const env = workshopEnvelope({ people: 4 });
    const file = await writeDraft(env, 'history.json');
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await saved(page);
    await page.getByRole('button', { name: '新建空白草稿' }).click();
    const ask = page.getByRole('alertdialog');
    assert.match(await ask.innerText(), /4 名员工、20 条工资记录/);
    await ask.getByRole('button', { name: '确认新建空白草稿' }).click();
    await toApplicant(page);
    assert.equal(await name(page).inputValue(), '');
    await saved(page);
    await page.reload();
    await page.locator('h1').waitFor();
    await page.getByRole('button', { name: '草稿历史' }).click();
    const entry = page.locator('.history-list li', { hasText: '新建空白草稿前' });
    await entry.getByRole('button', { name: '恢复' }).click();
    await toApplicant(page);
    assert.equal(await name(page).inputValue(), env.draft.applicant.name);
    app.assertNoConsoleErrors();
  } finally {
    await app.close();
  }
});

/** Switches to 乡镇初审 and waits until its workspace is read and this tab edits it. */
async function toTownship(page) {
  await page.getByRole('button', { name: '乡镇初审' }).click();
  await page.locator('#township-main[data-loaded="true"][data-tab="editor"]').waitFor();
}
const townshipSaved = (page) =>
  page.locator('#township-main .save-status', { hasText: '已保存' }).waitFor({ timeout: 20_000 });

test('乡镇初审 on a full disk: a received file that cannot be saved stays on the page, is said loudly, and is saved with the next change', { timeout: 120_000 }, async () => {
  const app = await startApp();
  try {
    // Room for the app's own small records, not for a received draft of 300 people (the
    // database compresses it to ≈60 KB).
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin, quotaSize: 20_000 });
    const page = await app.open();
    await toTownship(page);
    const env = workshopEnvelope({ people: 300 });
    const file = await writeDraft(env, '大合作社.json');
    await page.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles(file);
    await page.getByText(/审查记录未能保存：浏览器存储空间已满。已输入的内容仍在页面上/).waitFor({ timeout: 30_000 });
    const rows = page.locator('table.applications tbody tr');
    assert.equal(await rows.count(), 1, 'the application stays on the page');
    // Room again: the next change writes the application with the file it holds.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: app.origin });
    await page.getByRole('button', { name: /^审查 / }).click();
    await page.getByLabel('实地审查地点').fill('合作社车间');
    await townshipSaved(page);
    await page.reload();
    await page.locator('#township-main[data-loaded="true"]').waitFor();
    assert.equal(await rows.count(), 1);
    await page.getByRole('button', { name: /^审查 / }).click();
    assert.equal(await page.getByLabel('实地审查地点').inputValue(), '合作社车间');
    await page.getByText('材料指纹').waitFor();
  } finally {
    await app.close();
  }
});

test('乡镇初审: 已保存 means on disk, the browser killed right after it loses nothing', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const profile = await mkdtemp(join(tmpdir(), 'bangfu-ws-kill-'));
  const launch = () => persistent(profile);
  const open = [];
  try {
    const ctx = await launch();
    open.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(server.url);
    await page.locator('h1').waitFor();
    await toTownship(page);
    const desk = page.locator('#township-main');
    await desk.getByLabel('苏木乡镇人民政府名称').fill('白海子镇人民政府');
    await desk.getByLabel('联系电话').fill('0474-5210000');
    await townshipSaved(page);
    // SIGKILL, no chance to flush anything.
    execFileSync('pkill', ['-9', '-f', profile]);
    await ctx.close().catch(() => {});
    const again = await launch();
    open.push(again);
    const p2 = again.pages()[0] ?? (await again.newPage());
    await p2.goto(server.url);
    await p2.locator('h1').waitFor();
    await toTownship(p2);
    const desk2 = p2.locator('#township-main');
    assert.equal(await desk2.getByLabel('苏木乡镇人民政府名称').inputValue(), '白海子镇人民政府');
    assert.equal(await desk2.getByLabel('联系电话').inputValue(), '0474-5210000');
  } finally {
    for (const ctx of open) await ctx.close().catch(() => {});
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});
