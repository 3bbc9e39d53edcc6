// Browser benchmark (not a test; run by scripts/bench.sh): 生成申请材料 in the packet worker for
// 25, 300 and 3,000 employees against the release build, timed from the click to the 下载 link,
// with what the worker and its fonts cost to download (gzip -9, what a server sends). The first packet of a session is timed twice,
// each in a fresh browser: clicked at once, and clicked after 自评结果 has been open 3 s (the page
// fetches the worker and fonts meanwhile, as a user reads the results). Prints figures only.
// Usage: node tests/e2e/packet.bench.mjs [SIZES=25,300,3000]
import { join } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { DIST, startApp } from './harness.mjs';
import { workshopEnvelope, writeDraft } from './workshop.mjs';

const sizes = (process.argv[2] ?? '25,300,3000').split(',').map(Number);

for (const people of sizes) {
  for (const wait of [0, 3000]) {
    const app = await startApp();
    try {
      const page = await app.open(app.page, '/#results');
      const file = await writeDraft(workshopEnvelope({ people }), `packet-${people}.json`);
      await page.getByLabel('打开草稿文件').setInputFiles(file);
      await page.waitForFunction((n) => document.querySelectorAll('table.roster tbody tr').length >= Math.min(n, 1), people);
      await page.waitForTimeout(wait);
      const before = app.server.requests.length;
      const times = [];
      const splits = [];
      let summary = '';
      // First run loads the worker and fonts (unless the page did); the second shows the cost
      // of the packet alone.
      for (let run = 0; run < (wait ? 1 : 2); run++) {
        const t0 = performance.now();
        await page.getByRole('button', { name: '生成申请材料' }).click();
        await page.getByRole('link', { name: '下载' }).waitFor({ timeout: 300_000 });
        times.push((performance.now() - t0) / 1000);
        summary = await page.locator('.packet-progress p.ok').innerText();
        // The worker's own split: fetching fonts, assessing, building the PDF (ms).
        const [fonts, assess, packet] = (await page.locator('.packet-progress p.ok').getAttribute('data-timings')).split(' ');
        splits.push(`fonts ${fonts} ms, assess ${assess} ms, PDF ${packet} ms`);
        await page.getByRole('button', { name: '生成申请材料' }).waitFor();
      }
      const fetched = app.server.requests.map((r) => new URL(r.url, app.url).pathname)
        .filter((p) => p.includes('packet-worker') || p.startsWith('/fonts/'));
      let bytes = 0;
      let gzipped = 0;
      for (const path of new Set(fetched)) {
        bytes += (await stat(join(DIST, path)).catch(() => ({ size: 0 }))).size;
        const raw = await readFile(join(DIST, path)).catch(() => Buffer.alloc(0));
        gzipped += gzipSync(raw, { level: 9 }).length;
      }
      if (!wait) {
        console.log(`first packet download, ${people} employees (sample workshop names): ` +
          `${(gzipped / 1024).toFixed(0)} KB gzip, ${new Set(fetched).size} files (packet worker, font manifest, core, bold, name slices)`);
      }
      const afterClick = app.server.requests.slice(before).length;
      console.log(wait
        ? `packet in browser worker, ${people} employees, clicked after 自评结果 was open ${wait / 1000} s: first ${times[0].toFixed(2)} s ` +
            `(${afterClick} files fetched after the click); in the worker: ${splits[0]}`
        : `packet in browser worker, ${people} employees, clicked at once: first ${times[0].toFixed(2)} s (incl. loading worker and fonts, ` +
            `${new Set(fetched).size} files, ${(bytes / 1024 / 1024).toFixed(2)} MB uncompressed), again ${times[1].toFixed(2)} s; ${summary}\n` +
            `  in the worker: first run ${splits[0]}; again ${splits[1]}`);
      if (app.externalRequests.length) throw new Error(`external requests: ${app.externalRequests}`);
    } finally {
      await app.close();
    }
  }
}
