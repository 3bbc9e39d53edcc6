// Browser benchmark (not a test; run by scripts/bench.sh): 生成申请材料 in the packet worker for
// 300 and 3,000 employees against the release build, timed from the click to the 下载 link, with
// what the worker and its fonts cost to download. Prints figures only.
// Usage: node tests/e2e/packet.bench.mjs [SIZES=300,3000]
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './harness.mjs';
import { workshopEnvelope } from './workshop.mjs';

const sizes = (process.argv[2] ?? '300,3000').split(',').map(Number);
const dir = await mkdtemp(join(tmpdir(), 'bangfu-packet-bench-'));

for (const people of sizes) {
  const app = await startApp();
  try {
    const page = await app.open(app.page, '/#results');
    const file = join(dir, `draft-${people}.json`);
    await writeFile(file, JSON.stringify(workshopEnvelope({ people })));
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await page.waitForFunction((n) => document.querySelectorAll('table.roster tbody tr').length >= Math.min(n, 1), people);
    const before = app.server.requests.length;
    const t0 = performance.now();
    await page.getByRole('button', { name: '生成申请材料' }).click();
    await page.getByRole('link', { name: '下载' }).waitFor({ timeout: 300_000 });
    const ms = performance.now() - t0;
    const summary = await page.locator('.packet-progress p.ok').innerText();
    const fetched = await page.evaluate(() =>
      performance.getEntriesByType('resource')
        .filter((r) => /packet-worker|fonts\//.test(r.name))
        .reduce((s, r) => s + r.encodedBodySize, 0));
    console.log(
      `packet in browser worker, ${people} employees: ${(ms / 1000).toFixed(2)} s from click to download link ` +
        `(first run: includes loading the worker and fonts, ${(fetched / 1024 / 1024).toFixed(2)} MB uncompressed); ${summary}; ` +
        `${app.server.requests.length - before} files fetched on demand`,
    );
    if (app.externalRequests.length) throw new Error(`external requests: ${app.externalRequests}`);
  } finally {
    await app.close();
  }
}
