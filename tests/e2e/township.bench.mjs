// Browser benchmark (not a test; run by scripts/bench.sh): the township workspace receiving 20
// applications of 300 employees each at once, then a reload that reads them back and shows the
// overview, and how much the workspace takes in IndexedDB. Prints figures only.
// Usage: node tests/e2e/township.bench.mjs
import { startApp } from './harness.mjs';
import { creditCode } from './people.mjs';
import { workshopEnvelope, writeDraft } from './workshop.mjs';

const files = [];
for (let i = 0; i < 20; i++) {
  const env = workshopEnvelope({ people: 300 });
  env.draft.applicant.name = `第${i}号帮扶车间合作社`;
  env.draft.applicant.credit_code = creditCode(`93150902MA0R${String(1000 + i).slice(1)}A`.slice(0, 17).padEnd(17, '1'));
  files.push(await writeDraft(env, `township-${i}.json`));
}
const app = await startApp();
try {
  const page = await app.open();
  const t0 = performance.now();
  await page.getByRole('button', { name: '乡镇初审' }).click();
  await page.locator('main[data-role="township"][data-loaded="true"]').waitFor();
  const loaded = performance.now() - t0;
  const desk = page.locator('#township-main');
  const t1 = performance.now();
  await desk.getByLabel('接收申请材料（草稿文件，可多选）').setInputFiles(files);
  await page.locator('table.applications tbody tr').nth(19).waitFor({ timeout: 600_000 });
  const received = performance.now() - t1;
  await page.locator('[data-bytes]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-bytes]')?.dataset.bytes) > 0, null, { timeout: 120_000 });
  const t2 = performance.now();
  await page.reload();
  await page.locator('table.applications tbody tr').nth(19).waitFor({ timeout: 600_000 });
  const reopened = performance.now() - t2;
  const t3 = performance.now();
  await desk.getByRole('button', { name: /^审查 / }).first().click();
  await page.locator('.review').getByText('材料指纹').waitFor();
  const opened = performance.now() - t3;
  const bytes = await page.locator('[data-bytes]').getAttribute('data-bytes');
  console.log(`township workspace first load (switch to 乡镇初审 until ready): ${loaded.toFixed(0)} ms`);
  console.log(`receive 20 × 300 employees at once until all 20 rows show: ${received.toFixed(0)} ms`);
  console.log(`reload until the overview shows all 20: ${reopened.toFixed(0)} ms`);
  console.log(`open one application (findings on both dates, review form): ${opened.toFixed(0)} ms`);
  console.log(`IndexedDB bytes of the workspace (records, UTF-16): ${(Number(bytes) / 1048576).toFixed(1)} MB`);
} finally {
  await app.close();
}
