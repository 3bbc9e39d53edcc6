// Trunk post-build step (Trunk.toml [[hooks]]), run on the staging directory before it becomes
// dist/:
// 1. moves Trunk's inline start-up script into a file, so the Content-Security-Policy needs no
//    'unsafe-inline' for scripts;
// 2. writes the service worker sw.js with the list of the app's own files and a version derived
//    from their contents (a new build is a new version; the page offers 「保存后刷新」);
// 3. writes the app icons (PNG, generated here: no binary in the repository), favicon.ico and
//    the web app manifest;
// 4. writes .gz and .br copies of every text and wasm file for a server to send precompressed;
// 5. (first) takes out of the packet worker the JavaScript API its PDF library exports and the
//    colour profile it never writes into a packet.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

async function walk(d) {
  const out = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}
const sha = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);

// 5b (below). printpdf carries a CMYK ICC profile (Coated FOGRA39, 654 KB, 486 KB gzip, with its
// licence text) for the PDF/X output intent, written only when a document's conformance requires
// one. The packet never asks for PDF/X (crates/packet/tests/packet.rs,
// `no_output_intent_and_no_colour_profile`), but the profile is data the code can reach, so the
// linker keeps it: well over a third of the worker's download. Its bytes are found in the wasm by
// content (the files themselves, from printpdf's sources in Cargo's registry) and zeroed;
// wasm-opt then drops the zeros (memory is zero-initialised). If they are not found the build
// says so and changes nothing.
async function printpdfBlobs() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', '--offline'],
    { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] }).toString());
  const pkg = meta.packages.find((p) => p.name === 'printpdf');
  if (!pkg) return [];
  const res = join(dirname(pkg.manifest_path), 'src', 'res');
  const out = [];
  for (const name of ['CoatedFOGRA39.icc', 'CoatedFOGRA39.icc.LICENSE.txt']) {
    if (existsSync(join(res, name))) out.push([name, await readFile(join(res, name))]);
  }
  return out;
}
function blank(bytes, blobs, file) {
  for (const [name, blob] of blobs) {
    const at = bytes.indexOf(blob);
    if (at < 0) {
      console.warn(`postbuild: ${file}: printpdf's ${name} not found in the wasm; left as it is`);
      continue;
    }
    bytes.fill(0, at, at + blob.length);
    console.log(`postbuild: ${file}: printpdf's ${name} (${blob.length} bytes, never written to a packet) zeroed`);
  }
}

// 5. printpdf (and azul-layout under it) export a JavaScript API from any wasm build that links
// them (`Pdf_HtmlToDocument`, `Pdf_PageToSvg`, `AzApp_…`, see printpdf's src/wasm/api.rs). Nothing
// of ours calls it, but as exports they keep alive everything they reach: PDF parsing, SVG and
// image decoding, ≈1 MB of the packet worker. wasm-metadce (binaryen 132, the wasm-opt we use)
// removes those exports and what only they reach; wasm-opt -Oz then optimises what is left. The
// worker's own exports (main, wasm-bindgen's) are all kept as roots.
const FOREIGN_API = /^(Pdf_|Az[A-Z])/;
// npm binaryen's tools (never Debian's binaryen 108, which corrupts wasm-bindgen's output).
const binaryen = (tool) => {
  const local = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', tool);
  return existsSync(local) ? local : tool;
};
for (const f of (await readdir(dir)).filter((n) => n.endsWith('_bg.wasm'))) {
  const path = join(dir, f);
  const bytes = await readFile(path);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  if (!exports.some((n) => FOREIGN_API.test(n))) continue;
  const graph = join(tmpdir(), `metadce-${process.pid}.json`);
  await writeFile(graph, JSON.stringify(exports.filter((n) => !FOREIGN_API.test(n))
    .map((n) => ({ name: `export:${n}`, export: n, root: true }))));
  const cut = `${path}.dce`;
  // It lists every removed function on stdout: kept out of the build log.
  execFileSync(binaryen('wasm-metadce'), ['-f', graph, path, '-o', cut], { stdio: ['ignore', 'ignore', 'inherit'] });
  const lean = await readFile(cut);
  blank(lean, await printpdfBlobs(), f);
  await writeFile(cut, lean);
  execFileSync(binaryen('wasm-opt'), ['-Oz', cut, '-o', path], { stdio: 'inherit' });
  await rm(cut);
  await rm(graph);
  const after = (await stat(path)).size;
  console.log(`postbuild: ${f}: foreign JS API removed, ${(bytes.length / 1e6).toFixed(2)} MB → ${(after / 1e6).toFixed(2)} MB`);
}

// 1. The inline module script.
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const inline = html.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
if (inline) {
  const name = `start-${sha(inline[1])}.js`;
  await writeFile(join(dir, name), inline[1]);
  html = html.replace(inline[0], `<script type=module src=/${name}></script>`);
}

// 3. Icons: a red square with a white workshop (roof, walls, door), drawn pixel by pixel.
function png(size) {
  const px = Buffer.alloc(size * (size * 4 + 1));
  const inHouse = (x, y) => {
    const u = x / size, v = y / size;
    const roof = v > 0.22 && v < 0.45 && Math.abs(u - 0.5) < (v - 0.22) * 1.6 + 0.02;
    const walls = v >= 0.45 && v < 0.8 && u > 0.24 && u < 0.76;
    const door = v > 0.58 && v < 0.8 && u > 0.44 && u < 0.56;
    return (roof || walls) && !door;
  };
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    px[row] = 0;
    for (let x = 0; x < size; x++) {
      const i = row + 1 + x * 4;
      const white = inHouse(x, y);
      px[i] = white ? 255 : 192; px[i + 1] = white ? 255 : 32; px[i + 2] = white ? 255 : 36; px[i + 3] = 255;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(px)), chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const size of [192, 512]) await writeFile(join(dir, `icon-${size}.png`), png(size));
{
  // favicon.ico holding one 32×32 PNG.
  const image = png(32);
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4);
  head[6] = 32; head[7] = 32; head[8] = 0; head[9] = 0; head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12);
  head.writeUInt32LE(image.length, 14); head.writeUInt32LE(22, 18);
  await writeFile(join(dir, 'favicon.ico'), Buffer.concat([head, image]));
}
await writeFile(join(dir, 'manifest.webmanifest'), JSON.stringify({
  name: '帮扶车间自评申报',
  short_name: '帮扶车间',
  description: '就业帮扶车间认定条件自评与申请材料生成，全部在本机浏览器中完成，数据不上传。',
  lang: 'zh-CN',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#c02024',
  icons: [
    { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
  ],
}, null, 2));
if (!html.includes('rel=manifest')) {
  html = html.replace('</head>', '<link rel=manifest href=/manifest.webmanifest><link rel=icon href=/favicon.ico></head>');
}
await writeFile(indexPath, html);

// 2. The service worker. The page's own files are cached on install (what the first load fetched
// anyway); the two workers, the township workspace and the fonts only as they are first used,
// or all at once by
// 「下载离线使用所需文件」, so a user who never prints downloads nothing more.
const files = (await walk(dir)).map((p) => '/' + relative(dir, p).split('\\').join('/'));
const onDemand = (f) => f.startsWith('/fonts/') || /^\/(packet|import)-worker|^\/township/.test(f);
const shell = files.filter((f) => !onDemand(f) && !/\.(gz|br)$/.test(f) && f !== '/sw.js').sort();
const versioned = files.filter((f) => !/\.(gz|br)$/.test(f)).sort();
const hash = createHash('sha256');
for (const f of versioned) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 12);
const sw = `// Written by scripts/postbuild.mjs: keeps the app for offline use. Version ${version}.
const VERSION = ${JSON.stringify(version)};
const SHELL = ${JSON.stringify(['/', ...shell.filter((f) => f !== '/index.html'), '/index.html'])};
const APP = 'bangfu-app-' + VERSION;
// Workers and fonts have fixed names: cached per version, so an update never mixes them.
const LATER = 'bangfu-later-' + VERSION;
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(APP).then((c) => c.addAll(SHELL)));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bangfu-') && k !== APP && k !== LATER).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
// The page says when: a new version never takes over under the user's feet.
self.addEventListener('message', (e) => {
  if (e.data === 'skip-waiting') self.skipWaiting();
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  const key = req.mode === 'navigate' ? '/index.html' : url.pathname;
  e.respondWith((async () => {
    const hit = (await caches.match(key, { cacheName: APP })) ?? (await caches.match(key, { cacheName: LATER }));
    if (hit) return hit;
    const resp = await fetch(req);
    if (resp.ok && !SHELL.includes(key)) {
      const c = await caches.open(LATER);
      await c.put(key, resp.clone());
    }
    return resp;
  })());
});
`;
await writeFile(join(dir, 'sw.js'), sw);

// 4. Precompressed copies.
let raw = 0, gz = 0;
for (const f of await walk(dir)) {
  if (!/\.(html|js|css|wasm|json|webmanifest|txt|ttf|ico)$/.test(f)) continue;
  const data = await readFile(f);
  if (data.length < 1024) continue;
  const g = gzipSync(data, { level: 9 });
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: /\.ttf$/.test(f) ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  await writeFile(f + '.gz', g);
  await writeFile(f + '.br', b);
  raw += data.length; gz += g.length;
}
console.log(`postbuild: ${shell.length} app files (version ${version}), ${(raw / 1e6).toFixed(1)} MB → ${(gz / 1e6).toFixed(1)} MB gzip`);
