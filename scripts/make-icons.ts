/**
 * Draws the toolbar icons (a lens over lines of text) as PNGs at 16, 32, 48 and 128 px into
 * public/icons. Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { resolve } from 'node:path';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function draw(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const px = Buffer.alloc(size * size * 4);
  const s = size;
  const cx = 0.42 * s, cy = 0.42 * s, r = 0.30 * s, ring = Math.max(1.2, 0.085 * s);
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      let cover = 0, lens = 0, line = 0;
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) {
        const fx = x + (sx + 0.5) / ss, fy = y + (sy + 0.5) / ss;
        const d = Math.hypot(fx - cx, fy - cy);
        const onRing = Math.abs(d - r) <= ring / 2;
        // handle: a thick segment from the ring towards the bottom-right corner
        const t = ((fx - cx) + (fy - cy)) / 2;
        const off = Math.abs((fx - cx) - (fy - cy)) / Math.SQRT2;
        const onHandle = t * Math.SQRT2 > r && t * Math.SQRT2 < 0.58 * s * Math.SQRT2 && off < ring * 0.75;
        const inside = d < r - ring / 2;
        const lineRow = inside && Math.floor(((fy - (cy - r)) / (2 * r)) * 5) % 2 === 1 && Math.abs(fx - cx) < r * 0.6;
        if (onRing || onHandle) cover++;
        else if (lineRow) line++;
        else if (inside) lens++;
      }
      const n = ss * ss;
      const i = (y * s + x) * 4;
      // ink #1d4e89, lens fill #e8f1fb, text lines #f2a541 (a highlighter mark)
      const a = (cover + lens + line) / n;
      const rC = (cover * 0x1d + lens * 0xe8 + line * 0xf2) / Math.max(1, cover + lens + line);
      const gC = (cover * 0x4e + lens * 0xf1 + line * 0xa5) / Math.max(1, cover + lens + line);
      const bC = (cover * 0x89 + lens * 0xfb + line * 0x41) / Math.max(1, cover + lens + line);
      px[i] = Math.round(rC); px[i + 1] = Math.round(gC); px[i + 2] = Math.round(bC); px[i + 3] = Math.round(a * 255);
    }
  }
  const raw = Buffer.alloc((s * 4 + 1) * s);
  for (let y = 0; y < s; y++) {
    raw[y * (s * 4 + 1)] = 0;
    px.copy(raw, y * (s * 4 + 1) + 1, y * s * 4, (y + 1) * s * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s, 0); ihdr.writeUInt32BE(s, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = resolve(import.meta.dirname, '..', 'public', 'icons');
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(resolve(dir, `icon-${size}.png`), draw(size));
console.log(`icons written to ${dir}`);
