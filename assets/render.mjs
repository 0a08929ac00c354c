// `node assets/render.mjs`: renders the PNGs in this folder from their SVG sources with headless Chromium
// (playwright-core, already installed with @playwright/test; no browser is downloaded).
//
// - icon.svg → icon.png (512 px) and icon-256.png (256 px): transparent outside the tile.
// - receipt-logo.svg → receipt-logo.png: thresholded to pure black and white and written as a 1-bit
//   grayscale PNG, which is what a thermal printer prints (one bit per dot).
//
// CHROMIUM_PATH overrides the browser (default /usr/bin/chromium). `--preview DIR` also writes the icon at
// 16, 32 and 48 px into DIR, to check how it reads at small sizes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/* global Image, document -- the callback of page.evaluate runs in the page */

const here = import.meta.dirname;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const previewAt = process.argv.indexOf('--preview');
const previewDir = previewAt === -1 ? null : process.argv[previewAt + 1];

const dataUrl = (file) =>
  `data:image/svg+xml;base64,${readFileSync(path.join(here, file)).toString('base64')}`;

/** Renders `svgFile` at `size`×`size` CSS pixels (scale 1) with a transparent background. */
async function renderIcon(page, svgFile, size, outFile) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">` +
      `<img id="i" src="${dataUrl(svgFile)}" width="${size}" height="${size}" style="display:block">` +
      `</body></html>`,
  );
  await page.locator('#i').evaluate((img) => img.decode());
  const png = await page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  writeFileSync(outFile, png);
  console.log(`wrote ${path.relative(process.cwd(), outFile)} (${size}×${size}, ${png.length} bytes)`);
}

/** Draws `svgFile` on a white canvas at its own size and returns its luminance per pixel. */
async function rasterise(page, svgFile) {
  await page.setContent('<html><body></body></html>');
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const luma = [];
    for (let i = 0; i < data.length; i += 4)
      luma.push((data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000);
    return { width: canvas.width, height: canvas.height, luma };
  }, dataUrl(svgFile));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes black (true) / white (false) pixels as a 1-bit grayscale PNG (bit 0 = black, 1 = white). */
function oneBitPng(width, height, isBlack) {
  const stride = Math.ceil(width / 8);
  const raw = Buffer.alloc((stride + 1) * height, 0);
  for (let y = 0; y < height; y += 1) {
    const row = y * (stride + 1); // first byte of each row: filter type 0 (none)
    for (let x = 0; x < width; x += 1) {
      if (!isBlack(x, y)) raw[row + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await renderIcon(page, 'icon.svg', 512, path.join(here, 'icon.png'));
  await renderIcon(page, 'icon.svg', 256, path.join(here, 'icon-256.png'));
  if (previewDir) {
    for (const size of [16, 32, 48]) {
      await renderIcon(page, 'icon.svg', size, path.join(previewDir, `icon-${size}.png`));
    }
  }

  const { width, height, luma } = await rasterise(page, 'receipt-logo.svg');
  const png = oneBitPng(width, height, (x, y) => luma[y * width + x] < 128);
  writeFileSync(path.join(here, 'receipt-logo.png'), png);
  console.log(`wrote receipt-logo.png (${width}×${height}, 1 bit, ${png.length} bytes)`);
} finally {
  await browser.close();
}
