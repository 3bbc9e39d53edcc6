// Browser benchmark (not a test; run by scripts/bench.sh): how long the release build takes from
// navigation to a visible <h1> in headless Chromium with an empty cache, at full speed and with the
// CPU slowed 4x (old laptops and phones), and what the page downloaded. Prints figures only.
// Usage: node tests/e2e/load.bench.mjs [RUNS=5]
import { startApp } from './harness.mjs';

const runs = Number(process.argv[2] ?? 5);

async function once(cpuSlowdown) {
  const app = await startApp();
  try {
    const { page, context } = app;
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    const t0 = performance.now();
    await app.open(page);
    const visible = performance.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        domContentLoaded: n.domContentLoadedEventEnd,
        bytes: n.encodedBodySize + res.reduce((s, r) => s + r.encodedBodySize, 0),
        files: 1 + res.length,
      };
    });
    if (app.externalRequests.length) throw new Error(`external requests: ${app.externalRequests}`);
    return { visible, ...nav };
  } finally {
    await app.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const slowdown of [1, 4]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(slowdown));
  const v = results.map((r) => r.visible);
  console.log(
    `load, empty cache, CPU ${slowdown}x: <h1> visible after median ${median(v).toFixed(0)} ms ` +
      `(min ${Math.min(...v).toFixed(0)}, max ${Math.max(...v).toFixed(0)}, n=${runs}); ` +
      `DOMContentLoaded ${median(results.map((r) => r.domContentLoaded)).toFixed(0)} ms; ` +
      `${results[0].files} files, ${(results[0].bytes / 1024).toFixed(1)} KB uncompressed`,
  );
}
