/**
 * Writes the app's logos as PNG files without any image dependency: an RGBA raster encoded with
 * Node's zlib, so the build needs no download and no binary tool.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export type Rgba = [number, number, number, number];

/** Encodes `size`×`size` pixels, each given by `pixel(x, y)`, as an 8-bit RGBA PNG. */
export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parley's mark: two overlapping speech bubbles (blue and green) on white. */
export function parleyLogo(size: number): Buffer {
  const r = size * 0.3;
  const bubbles: { cx: number; cy: number; color: Rgba }[] = [
    { cx: size * 0.4, cy: size * 0.42, color: [31, 115, 183, 255] },
    { cx: size * 0.62, cy: size * 0.58, color: [3, 129, 98, 255] },
  ];
  return encodePng(size, (x, y) => {
    for (const { cx, cy, color } of [...bubbles].reverse()) {
      const inCircle = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      // a tail below-left of the first bubble, below-right of the second
      const tailDx = cx < size / 2 ? cx - r * 0.6 - x : x - (cx + r * 0.6);
      const inTail =
        y > cy + r * 0.5 && y < cy + r * 1.15 && tailDx >= 0 && tailDx < (cy + r * 1.15 - y) * 0.5;
      if (inCircle || inTail) return color;
    }
    return [255, 255, 255, 255];
  });
}
