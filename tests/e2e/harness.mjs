// End-to-end harness for node's built-in test runner (`node --test tests/e2e/`).
//
// - `startServer()`: a small node:http static server for dist/ on 127.0.0.1, port 0 (the OS picks
//   a free one), so no stray server process outlives a test.
// - `launchBrowser()`: Debian's /usr/bin/chromium through playwright-core (no browser download),
//   headless, with a fresh user-data-dir that is deleted at close.
// - `startApp()`: both, plus a fresh page, a record of every request that did not go to the local
//   server (the app must make none: personal data never leaves the machine) and of console errors.
//
//   import { test, after } from 'node:test';
//   import { startApp } from './harness.mjs';
//   const app = await startApp();
//   after(() => app.close());
//   test('…', async () => {
//     await app.page.goto(app.url);
//     app.assertNoExternalRequests();
//   });
//
// Run directly it is the static server used by scripts/serve.sh:
//   node tests/e2e/harness.mjs serve [DIR=dist] [PORT=8080]

import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/// Flags that work headless as root on these machines; the background-networking ones stop
/// Chromium from flooding a closed network with its own requests.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Serves `root` on http://host:port/. Paths without an extension fall back to index.html (one-page
 * app); a missing file with an extension is a 404. Resolves once listening.
 */
export async function startServer({ root = DIST, host = '127.0.0.1', port = 0, log = false } = {}) {
  root = resolve(root);
  const index = join(root, 'index.html');
  if (!(await isFile(index))) {
    throw new Error(`${index} not found: build first (scripts/test.sh or trunk build --release)`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    let status = 200;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        status = 405;
        return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        status = 403;
        return void res.writeHead(403).end();
      }
      if (!(await isFile(file))) {
        if (extname(pathname) === '' || pathname.endsWith('/')) {
          file = index;
        } else {
          status = 404;
          return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        }
      }
      // A precompressed copy (scripts/postbuild.mjs) when the browser takes it.
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accepts.includes(enc) && (await isFile(file + ext))) {
          encoding = enc;
          break;
        }
      }
      const served = encoding ? file + (encoding === 'br' ? '.br' : '.gz') : file;
      const { size } = await stat(served);
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(served).pipe(res);
    } catch (err) {
      status = 500;
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    } finally {
      requests.push({ method: req.method, url: req.url, status });
      if (log) console.log(`${req.method} ${req.url} ${status}`);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  return {
    origin,
    url: `${origin}/`,
    port: actualPort,
    requests,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** Launches headless Chromium with a fresh profile directory; `close()` also deletes it. */
export async function launchBrowser({ args = [], ...options } = {}) {
  // Loaded lazily so that `serve` needs nothing from node_modules.
  const { chromium } = await import('playwright-core');
  const userDataDir = await mkdtemp(join(tmpdir(), 'bangfu-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
      ...options,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    context,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the server and the browser and opens a fresh page. Every request that is not to the
 * local server is aborted and recorded in `externalRequests`; console errors and uncaught page
 * errors are recorded in `consoleErrors` (for every page opened in this app's browser).
 */
export async function startApp({ root = DIST, browser: browserOptions = {} } = {}) {
  const server = await startServer({ root });
  let browser;
  try {
    browser = await launchBrowser(browserOptions);
  } catch (err) {
    await server.close();
    throw err;
  }
  const { context } = browser;
  const externalRequests = [];
  const consoleErrors = [];

  const isLocal = (url) => {
    const u = new URL(url);
    return u.origin === server.origin || ['data:', 'blob:', 'about:'].includes(u.protocol);
  };
  context.on('request', (req) => {
    if (!isLocal(req.url())) externalRequests.push(`${req.method()} ${req.url()}`);
  });
  await context.route((url) => !isLocal(url.href), (route) => route.abort('blockedbyclient'));

  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${err.message}`));
    page.on('websocket', (ws) => {
      if (!isLocal(ws.url().replace(/^ws/, 'http'))) externalRequests.push(`WEBSOCKET ${ws.url()}`);
    });
    page.setDefaultTimeout(30_000);
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] ?? (await context.newPage());

  return {
    url: server.url,
    origin: server.origin,
    server,
    context,
    page,
    externalRequests,
    consoleErrors,
    /** Another tab in the same browser (same storage). */
    newPage: () => context.newPage(),
    /** Loads the app in `p` and waits until the UI has mounted (an <h1> is visible). */
    async open(p = page, path = '/') {
      await p.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      await p.locator('h1').first().waitFor({ state: 'visible' });
      // Ready: the stored draft has been read and this tab knows whether it edits or follows.
      await p.locator('main[data-role="editor"], main[data-role="follower"]').waitFor({ state: 'attached' });
      return p;
    },
    assertNoExternalRequests() {
      assert.deepEqual(externalRequests, [], 'the app made requests that left 127.0.0.1');
    },
    assertNoConsoleErrors() {
      assert.deepEqual(consoleErrors, [], 'the page logged errors');
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

// CLI: node tests/e2e/harness.mjs serve [DIR] [PORT]
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [cmd, dir = DIST, port = process.env.PORT ?? '8080'] = process.argv.slice(2);
  if (cmd !== 'serve') {
    console.error('usage: node tests/e2e/harness.mjs serve [DIR] [PORT]');
    process.exit(2);
  }
  try {
    const s = await startServer({ root: dir, port: Number(port), log: process.env.QUIET !== '1' });
    console.log(`\n  帮扶车间自评申报 is being served from ${resolve(dir)}\n\n    ${s.url}\n\n  Open that address in a browser. Ctrl-C stops the server.\n`);
    const stop = () => s.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err.code === 'EADDRINUSE' ? `port ${port} is in use: pass another, e.g. scripts/serve.sh 8081` : String(err.message ?? err));
    process.exit(1);
  }
}
