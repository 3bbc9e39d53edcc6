// Browser benchmark (not a test; run by scripts/bench.sh): importing a 5,000-row roster and then a
// 60,000-row payroll (5,000 people × 12 months) through the page, as CSV files, against the
// release build. Prints, for each: time from picking the file to the preview, time from 确认导入
// to the roster showing the result, and the longest the page's main thread was blocked
// (PerformanceObserver long tasks) — the reading itself happens in the import worker.
// Usage: node tests/e2e/import.bench.mjs
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './harness.mjs';
import { idNumber } from './people.mjs';

const PEOPLE = 5000;
const MONTHS = 12;
const dir = await mkdtemp(join(tmpdir(), 'bangfu-import-bench-'));

// Sequence numbers repeat every 1,000 people, so the birth day changes with each thousand: every
// ID is unique.
const ids = Array.from({ length: PEOPLE }, (_, i) => {
  const day = String(1 + Math.floor(i / 1000)).padStart(2, '0');
  return idNumber('150102', `19${String(70 + (i % 30)).padStart(2, '0')}01${day}`, i % 1000);
});
let roster = '姓名,身份证号,人员类别,岗位,用工形式,协议类型,协议起始日期,协议终止日期,离职日期,联系电话,参保类型,参保起始日期,参保终止日期\n';
ids.forEach((id, i) => {
  roster += `员工${i},${id},${i % 3 ? '其他' : '脱贫人口'},缝纫工,全日制,劳动合同,2024-03-01,,,,工伤保险,2024-03-01,\n`;
});
let payroll = '姓名,身份证号,工资月份,出勤天数,工时,应发工资,代扣个人社保,实发工资,发放日期\n';
for (let m = 1; m <= MONTHS; m++) {
  const month = `2025-${String(m).padStart(2, '0')}`;
  ids.forEach((id, i) => {
    payroll += `员工${i},${id},${month},22,,2500.00,250.00,2250.00,${month}-15\n`;
  });
}
const files = { roster: join(dir, '花名册.csv'), payroll: join(dir, '工资表.csv') };
await writeFile(files.roster, roster);
await writeFile(files.payroll, payroll);

const app = await startApp();
try {
  const page = await app.open(app.page, '/#employees');
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  for (const [what, file, rows] of [
    ['roster', files.roster, PEOPLE],
    ['payroll', files.payroll, PEOPLE * MONTHS],
  ]) {
    await page.evaluate(() => (window.__longest = 0));
    await page.locator('details.import > summary').click();
    const t0 = performance.now();
    await page.getByLabel('选择要导入的表格文件').setInputFiles(file);
    await page.locator('[data-import=preview]').waitFor({ timeout: 300_000 });
    const previewed = performance.now();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('[data-import=preview]').waitFor({ state: 'detached', timeout: 300_000 });
    const applied = performance.now();
    const longest = await page.evaluate(() => window.__longest);
    console.log(
      `import ${what} (${rows} rows, CSV): preview ${((previewed - t0) / 1000).toFixed(2)} s, ` +
        `apply ${((applied - previewed) / 1000).toFixed(2)} s; longest main-thread block ${longest.toFixed(0)} ms`,
    );
  }
  app.assertNoExternalRequests();
} finally {
  await app.close();
}
