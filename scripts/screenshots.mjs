// Screenshots of every step at laptop (1366×768) and phone (390×844) size, in zh-CN, with a
// sample workshop loaded, into target/screenshots/: what to look at before resolving UI work.
// Step `township`: the 乡镇初审 list (with the undo notice of an opened review file), one
// application's review just opened, and a second tab following the first.
//   node scripts/screenshots.mjs [steps…]   (after a release build; needs fonts-noto-cjk)
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startApp } from '../tests/e2e/harness.mjs';
import { workshopEnvelope, writeDraft } from '../tests/e2e/workshop.mjs';

const STEPS = {
  applicant: '申请主体', site: '车间场所', employees: '员工', wages: '工资', insurance: '参保',
  declarations: '制度与声明', results: '自评结果',
};
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
const wanted = process.argv.slice(2);
const out = join(ROOT, 'target', 'screenshots');
await mkdir(out, { recursive: true });
const app = await startApp({ browser: { args: ['--lang=zh-CN'] } });
try {
  const page = await app.open();
  const env = workshopEnvelope({ people: 6 });
  // One person not counted yet, so the screens show a reason as well.
  env.draft.employees[5].insurance = [];
  const file = await writeDraft(env, 'screenshots.json');
  await page.getByLabel('打开草稿文件').setInputFiles(file);
  await page.locator('#verdict-panel [data-criterion="overall"]').waitFor();
  // Out of the way of the screens: the undo bar of the file just opened.
  await page.locator('.undo-bar').getByRole('button', { name: '关闭' }).click().catch(() => {});
  const shot = async (p, name) => {
    await p.waitForTimeout(300);
    const path = join(out, `${name}.png`);
    await p.screenshot({ path, fullPage: true });
    console.log(path);
  };
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [step, label] of Object.entries(STEPS).filter(([s]) => wanted.length === 0 || wanted.includes(s))) {
      await page.locator('nav.steps').getByRole('link', { name: new RegExp(label) }).click();
      await page.locator('h2#step-title', { hasText: label }).waitFor();
      await page.waitForTimeout(300);
      const path = join(out, `${step}-${size.name}.png`);
      await page.screenshot({ path, fullPage: true });
      console.log(path);
    }
  }
  if (wanted.length === 0 || wanted.includes('township')) {
    // The applicant's draft, saved as a file, handed to the township inside a review file.
    await page.getByRole('button', { name: '乡镇初审' }).click();
    const desk = page.locator('#township-main[data-loaded="true"][data-tab="editor"]');
    await desk.waitFor();
    await desk.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles(file);
    await desk.locator('table.applications tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      desk.getByRole('button', { name: '导出全部审查记录' }).click(),
    ]);
    const review = join(tmpdir(), 'bangfu-screenshots-review.json');
    await download.saveAs(review);
    await desk.getByRole('button', { name: /^审查 / }).click();
    await desk.getByLabel('审查组成员 1 姓名').fill('乌兰');
    await desk.getByRole('button', { name: '← 返回申请一览' }).click();
    await desk.getByLabel('打开审查记录文件').setInputFiles(review);
    await desk.getByRole('button', { name: '确定打开' }).click();
    await desk.locator('.undo-open').waitFor();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await shot(page, `township-list-${size.name}`);
      await desk.getByRole('button', { name: /^审查 / }).click();
      await desk.locator('.review').waitFor();
      await shot(page, `township-review-${size.name}`);
      await desk.getByRole('button', { name: '← 返回申请一览' }).click();
    }
    const other = await app.open(await app.newPage());
    await other.setViewportSize({ width: 390, height: 844 });
    await other.locator('#township-main[data-tab="follower"]').waitFor();
    await other.getByRole('button', { name: /^审查 / }).click();
    await shot(other, 'township-follower-phone');
  }
} finally {
  await app.close();
}
