// Draws the app's icons from app/icon.svg with the system Chromium, for the file conventions
// Next.js reads (app/favicon.ico, app/apple-icon.png) and the web manifest (public/icons).
// Run after changing the SVG: npm run icons. The outputs are committed.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumPath } from "./chromium";

const svg = readFileSync("app/icon.svg", "utf8");
// A maskable icon fills its square and keeps the drawing inside the middle 80%.
const maskable = svg
  .replace('rx="12" ', "")
  .replace(/(<circle|<g)/, '<g transform="translate(6.4 6.4) scale(0.8)">$1')
  .replace("</svg>", "</g></svg>");

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
const page = await browser.newPage();

async function png(source: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  const data = Buffer.from(source).toString("base64");
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${data}">`);
  await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An .ico file holding PNG images, as every current browser reads. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

const favicon = [];
for (const size of [16, 32, 48]) favicon.push({ size, data: await png(svg, size) });
writeFileSync("app/favicon.ico", ico(favicon));
writeFileSync("app/apple-icon.png", await png(svg.replace('rx="12" ', ""), 180));
writeFileSync("public/icons/icon-192.png", await png(svg, 192));
writeFileSync("public/icons/icon-512.png", await png(svg, 512));
writeFileSync("public/icons/maskable-512.png", await png(maskable, 512));
await browser.close();
console.log("Icons written: app/favicon.ico, app/apple-icon.png, public/icons/*.png");
