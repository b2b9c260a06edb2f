// Draws LokerAman's icon (a teal shield with a white check mark) at the sizes the manifest lists.
// Pure Node (zlib) so a fresh machine needs no image tools; the PNGs are committed under public/icons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const SHIELD = [0x0f, 0x76, 0x6e];
const CHECK = [0xff, 0xff, 0xff];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function insideShield(x, y) {
  // Unit square coordinates: flat top with rounded shoulders, sides curving into a point at the bottom.
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.4) ** 2));
  return Math.abs(x - 0.5) <= halfWidth;
}

function onCheck(x, y, thickness) {
  const distanceToSegment = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  return Math.min(distanceToSegment(0.3, 0.48, 0.45, 0.64), distanceToSegment(0.45, 0.64, 0.72, 0.33)) < thickness;
}

function png(size) {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let check = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (insideShield(x, y)) {
            shield++;
            if (onCheck(x, y, size <= 16 ? 0.085 : 0.065)) check++;
          }
        }
      }
      const coverage = shield / samples ** 2;
      const mix = shield ? check / shield : 0;
      const offset = py * (size * 4 + 1) + 1 + px * 4;
      for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(SHIELD[c] * (1 - mix) + CHECK[c] * mix);
      raw[offset + 3] = Math.round(coverage * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, png(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to public/icons`);
