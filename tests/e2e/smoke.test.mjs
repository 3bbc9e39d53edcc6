// The release build loads in headless Chromium: Chinese title, a visible heading, nothing logged as
// an error, and not a single request beyond the local server (personal data never leaves the machine).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApp } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('the app opens with its title and heading, and makes no request beyond 127.0.0.1', { timeout: 90_000 }, async () => {
  const page = await app.open();
  assert.equal(await page.title(), '帮扶车间自评申报');
  assert.ok(await page.locator('h1').first().isVisible(), 'an <h1> is visible');
  assert.ok(app.server.requests.some((r) => r.url.endsWith('.wasm') && r.status === 200), 'the wasm module was served');
  app.assertNoConsoleErrors();
  app.assertNoExternalRequests();
});
