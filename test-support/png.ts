// Real PNGs for the CloudWatch stand-in: a white canvas with axes, grid, a title and a line chart of
// synthetic data. The data comes from the seed, so every request yields different bytes and a test
// can tell which render ended up where (S3 object, Slack download).
import { constants, deflateSync } from 'node:zlib'
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphColumns } from './font5x7.js'

export interface GraphOptions {
  width: number
  height: number
  title: string
  seed: number
}

type Rgb = readonly [number, number, number]

const AXIS: Rgb = [96, 96, 96]
const GRID: Rgb = [230, 230, 230]
const TEXT: Rgb = [33, 33, 33]
// CloudWatch's own default series colours.
const PALETTE: Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189]
]

/**
 * An RGB raster, laid out as PNG's raw image data: each row is a filter byte (0, none) and then the
 * pixels, so the encoder deflates it as it is. Every write is clipped, so tiny images (1x1) draw
 * what fits and never throw.
 */
class Canvas {
  readonly data: Buffer
  private readonly rowBytes: number

  constructor(
    readonly width: number,
    readonly height: number
  ) {
    this.rowBytes = width * 3 + 1
    this.data = Buffer.alloc(this.rowBytes * height, 255)
    for (let y = 0; y < height; y++) this.data[y * this.rowBytes] = 0
  }

  pixel(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return
    const i = Math.floor(y) * this.rowBytes + 1 + Math.floor(x) * 3
    this.data[i] = r
    this.data[i + 1] = g
    this.data[i + 2] = b
  }

  rect(x0: number, y0: number, w: number, h: number, colour: Rgb): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x0 + w); x++) this.pixel(x, y, colour)
    }
  }

  /** Bresenham, two pixels thick so the series reads like CloudWatch's. */
  line(x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
    let [x, y] = [Math.round(x0), Math.round(y0)]
    const [tx, ty] = [Math.round(x1), Math.round(y1)]
    const dx = Math.abs(tx - x)
    const dy = -Math.abs(ty - y)
    const sx = x < tx ? 1 : -1
    const sy = y < ty ? 1 : -1
    let err = dx + dy
    for (;;) {
      this.pixel(x, y, colour)
      this.pixel(x, y + 1, colour)
      if (x === tx && y === ty) return
      const e2 = 2 * err
      if (e2 >= dy) {
        err += dy
        x += sx
      }
      if (e2 <= dx) {
        err += dx
        y += sy
      }
    }
  }

  /** Draws text with the 5x7 font at an integer scale; returns the width used. */
  text(x0: number, y0: number, text: string, scale: number, colour: Rgb): number {
    let x = x0
    for (const char of text) {
      glyphColumns(char).forEach((bits, column) => {
        for (let row = 0; row < GLYPH_HEIGHT; row++) {
          if ((bits >> row) & 1)
            this.rect(x + column * scale, y0 + row * scale, scale, scale, colour)
        }
      })
      x += (GLYPH_WIDTH + 1) * scale
    }
    return x - x0
  }
}

/** mulberry32: tiny, fast, good enough to make each seed's chart look different. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fitText(text: string, maxChars: number): string {
  const chars = [...text]
  if (chars.length <= maxChars) return text
  return chars.slice(0, Math.max(0, maxChars - 2)).join('') + '..'
}

export function renderGraphPng({ width, height, title, seed }: GraphOptions): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`bad image size ${width}x${height}`)
  }
  const canvas = new Canvas(width, height)
  const next = random(seed)

  // Title: twice the font size when it fits, else the plain font, else truncated.
  const chars = [...title].length
  const scale = chars * (GLYPH_WIDTH + 1) * 2 <= width - 16 ? 2 : 1
  const shown = fitText(title, Math.floor((width - 16) / ((GLYPH_WIDTH + 1) * scale)))
  canvas.text(8, 6, shown, scale, TEXT)

  const left = Math.min(44, Math.floor(width / 6))
  const top = 6 + GLYPH_HEIGHT * scale + 10
  const right = width - Math.min(16, Math.floor(width / 20))
  const bottom = height - Math.min(24, Math.floor(height / 8))
  const plotW = right - left
  const plotH = bottom - top

  if (plotW > 4 && plotH > 4) {
    // Horizontal grid lines with their value, like the y axis of a metric graph.
    const max = 10 + Math.floor(next() * 990)
    for (let i = 0; i <= 4; i++) {
      const y = bottom - Math.round((plotH * i) / 4)
      canvas.rect(left, y, plotW, 1, GRID)
      if (left >= 30) canvas.text(4, y - 3, String(Math.round((max * i) / 4)), 1, AXIS)
    }
    canvas.rect(left, top, 1, plotH + 1, AXIS)
    canvas.rect(left, bottom, plotW, 1, AXIS)

    const series = 1 + Math.floor(next() * 3)
    const points = Math.max(2, Math.min(120, Math.floor(plotW / 4)))
    for (let s = 0; s < series; s++) {
      const colour = PALETTE[(seed + s) % PALETTE.length] ?? AXIS
      const level = 0.2 + next() * 0.6
      let value = level
      let previous: [number, number] | undefined
      for (let p = 0; p < points; p++) {
        // A random walk pulled back towards its level, so lines wander without hugging the edges.
        value += (next() - 0.5) * 0.15 + (level - value) * 0.1
        value = Math.min(0.98, Math.max(0.02, value))
        const x = left + 1 + ((plotW - 2) * p) / (points - 1)
        const y = bottom - 1 - (plotH - 3) * value
        if (previous) canvas.line(previous[0], previous[1], x, y, colour)
        previous = [x, y]
      }
    }
  } else {
    // Too small for a chart: still make the pixels depend on the seed.
    canvas.pixel(0, 0, PALETTE[seed % PALETTE.length] ?? AXIS)
  }

  return encodePng(canvas)
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * An 8-bit RGB PNG: every row with filter 0 (none) and one RLE-deflated IDAT, the bytes pngjs wrote
 * with these settings. Mostly-white charts compress best this way, and deflating the canvas as it
 * is, without pngjs's per-byte filter loop, makes a 600x400 render about three times cheaper: the
 * stand-in answers while the action waits.
 */
function encodePng(canvas: Canvas): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(canvas.width, 0)
  header.writeUInt32BE(canvas.height, 4)
  header[8] = 8 // bits per sample
  header[9] = 2 // truecolour
  const data = deflateSync(canvas.data, { level: 6, strategy: constants.Z_RLE })
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0))
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
