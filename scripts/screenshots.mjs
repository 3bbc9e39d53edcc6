// Screenshots of every step at laptop (1366×768) and phone (390×844) size, in zh-CN, with a
// sample workshop loaded, into target/screenshots/: what to look at before resolving UI work.
//   node scripts/screenshots.mjs [steps…]   (after a release build; needs fonts-noto-cjk)
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startApp } from '../tests/e2e/harness.mjs';
import { workshopEnvelope } from '../tests/e2e/workshop.mjs';

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
  const file = join(tmpdir(), 'bangfu-screenshots.json');
  await writeFile(file, JSON.stringify(env));
  await page.getByLabel('打开草稿文件').setInputFiles(file);
  await page.locator('#verdict-panel [data-criterion="overall"]').waitFor();
  // Out of the way of the screens: the undo bar of the file just opened.
  await page.locator('.undo-bar').getByRole('button', { name: '关闭' }).click().catch(() => {});
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
} finally {
  await app.close();
}
