// Browser benchmark (not a test; run by scripts/bench.sh): keystroke to verdict, as the user
// feels it. A draft of 300, 2,000 and 4,000 people with 12 wage months each is opened; on the
// 工资 step one person's 应发工资 is typed (an input event, as a key press gives), alternating
// between a wage below the minimum and the original one, and the time until the verdict panel
// (自评结论) shows the change is taken. Median of 21. With it, what the keystroke costs the page's
// thread: the re-assessment and the autosave as the app times them (src/timing.rs, asked for by
// defining window.__bangfuTimings), and all the page's work for the keystroke — events, rules,
// redraw, autosave 400 ms later, garbage collection — from Chromium's own task accounting
// (CDP Performance.getMetrics TaskDuration, over the 21 keystrokes). Prints figures only.
// Usage: node tests/e2e/keystroke.bench.mjs [SIZES=300,2000,4000]
import { startApp } from './harness.mjs';
import { workshopEnvelope, writeDraft } from './workshop.mjs';

const sizes = (process.argv[2] ?? '300,2000,4000').split(',').map(Number);
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 10 + i, 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
});

for (const people of sizes) {
  const env = workshopEnvelope({ people });
  for (const e of env.draft.employees) {
    e.stints[0].start = '2025-11-01';
    e.insurance[0].start = '2025-11-01';
    const w = e.wages[0];
    e.wages = MONTHS.map(([y, m]) => ({
      ...w,
      month: `${y}-${String(m).padStart(2, '0')}`,
      paid_date: `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-10`,
    }));
  }
  const file = await writeDraft(env, `keystroke-${people}.json`);
  const app = await startApp();
  try {
    await app.context.addInitScript(() => { window.__bangfuTimings = []; });
    const page = await app.open();
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Seconds of the page's thread so far: all tasks, and of them style and layout.
    const taskSeconds = async () => {
      const m = (await cdp.send('Performance.getMetrics')).metrics;
      const get = (name) => m.find((x) => x.name === name)?.value ?? 0;
      return { task: get('TaskDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
    };
    await page.getByLabel('打开草稿文件').setInputFiles(file);
    await page.locator('#verdict-panel [data-criterion="overall"]').waitFor();
    await page.locator('nav.steps').getByRole('link', { name: /工资/ }).click();
    const grid = page.getByRole('region', { name: '按月录入工资' });
    await grid.getByLabel('工资月份').selectOption('2026-10');
    const label = `${env.draft.employees[0].name} 应发工资（元）`;
    await page.locator(`[aria-label="${label}"]`).waitFor();
    await page.waitForTimeout(1500);
    await page.evaluate(() => { window.__bangfuTimings.length = 0; });
    const busyBefore = await taskSeconds();
    const times = await page.evaluate(async (label) => {
      const input = document.querySelector(`[aria-label="${label}"]`);
      const panel = document.querySelector('#verdict-panel');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const out = [];
      for (let i = 0; i < 21; i++) {
        const before = panel.innerText;
        const changed = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (panel.innerText !== before) {
              obs.disconnect();
              resolve(performance.now());
            }
          });
          obs.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => { obs.disconnect(); resolve(NaN); }, 5000);
        });
        const t0 = performance.now();
        setter.call(input, i % 2 === 0 ? '100' : '2500');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const handled = performance.now() - t0;
        out.push([(await changed) - t0, handled]);
        // Past the autosave's 400 ms debounce, so each keystroke's save is done before the next.
        await new Promise((r) => setTimeout(r, 700));
      }
      return out;
    }, label);
    const busyAfter = await taskSeconds();
    const per = (k) => ((busyAfter[k] - busyBefore[k]) * 1000 / times.length).toFixed(1);
    const timings = await page.evaluate(() => window.__bangfuTimings);
    const median = (name, unit = 'ms') => {
      const v = timings.filter(([n]) => n === name).map(([, x]) => x).sort((a, b) => a - b);
      if (!v.length) return 'not measured';
      const m = v[v.length >> 1];
      return unit === 'ms' ? `${m.toFixed(2)} ms (n=${v.length})` : `${m} (n=${v.length})`;
    };
    const sorted = times.map((t) => t[0]).sort((a, b) => a - b);
    const handled = times.map((t) => t[1]).sort((a, b) => a - b);
    console.log(
      `keystroke to verdict, ${people} employees × 12 months: median ${sorted[10].toFixed(1)} ms ` +
        `(min ${sorted[0].toFixed(1)}, max ${sorted[20].toFixed(1)}, n=21); ` +
        `the input event's own handler ${handled[10].toFixed(1)} ms (median)`,
    );
    console.log(
      `  per keystroke on the page's thread, ${people} employees: re-assessment ${median('assess')} ` +
        `(rules ${median('assess: rules')}, comparing with the last ${median('assess: compare')}, ` +
        `publishing ${median('assess: publish')}; rows judged again ${median('assess: rows judged', 'rows')}), ` +
        `autosave ${median('autosave')}; all work (Chromium TaskDuration) ${per('task')} ms mean, ` +
        `of which style ${per('style')} ms and layout ${per('layout')} ms`,
    );
    if (app.externalRequests.length) throw new Error(`external requests: ${app.externalRequests}`);
  } finally {
    await app.close();
  }
}
