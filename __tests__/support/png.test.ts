import { PNG } from 'pngjs'
import { renderGraphPng } from '../../test-support/png.js'

function decode(bytes: Buffer): PNG {
  return PNG.sync.read(bytes)
}

function nonWhitePixels(png: PNG): number {
  let count = 0
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) count += 1
  }
  return count
}

describe('renderGraphPng', () => {
  test('is a real PNG of the requested size that shows something', () => {
    const bytes = renderGraphPng({ width: 600, height: 400, title: 'CPUUtilization', seed: 1 })
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    )
    const png = decode(bytes)
    expect([png.width, png.height]).toEqual([600, 400])
    // Axes, grid, title and at least one series: a few thousand pixels, yet mostly background.
    const drawn = nonWhitePixels(png)
    expect(drawn).toBeGreaterThan(1000)
    expect(drawn).toBeLessThan(600 * 400 * 0.5)
  })

  test('two seeds give different bytes and different pixels', () => {
    const a = renderGraphPng({ width: 600, height: 400, title: 'same', seed: 1 })
    const b = renderGraphPng({ width: 600, height: 400, title: 'same', seed: 2 })
    expect(a.equals(b)).toBe(false)
    expect(decode(a).data.equals(decode(b).data)).toBe(false)
  })

  test('the same seed renders the same image', () => {
    const options = { width: 320, height: 200, title: 'repeatable', seed: 42 }
    expect(renderGraphPng(options).equals(renderGraphPng(options))).toBe(true)
  })

  test('the title is drawn: a different title changes the top rows only', () => {
    const a = decode(renderGraphPng({ width: 400, height: 300, title: 'Errors', seed: 5 }))
    const b = decode(renderGraphPng({ width: 400, height: 300, title: 'Latency', seed: 5 }))
    const titleRows = 400 * 4 * 24
    expect(a.data.subarray(0, titleRows).equals(b.data.subarray(0, titleRows))).toBe(false)
    expect(a.data.subarray(titleRows).equals(b.data.subarray(titleRows))).toBe(true)
  })

  test.each([
    [1, 1],
    [7, 3],
    [2000, 30],
    [30, 2000],
    [1024, 1024]
  ])('renders %ix%i', (width, height) => {
    const png = decode(renderGraphPng({ width, height, title: 'Lambda λ 🚀 p99', seed: 3 }))
    expect([png.width, png.height]).toEqual([width, height])
  })

  // Speed is measured by npm run bench, not asserted here: timed tests flake on a busy machine.
  test('renders the largest size CloudWatch allows (2000x2000)', () => {
    const png = decode(renderGraphPng({ width: 2000, height: 2000, title: 'big', seed: 9 }))
    expect([png.width, png.height]).toEqual([2000, 2000])
    expect(nonWhitePixels(png)).toBeGreaterThan(1000)
  })

  test('refuses sizes no PNG can have', () => {
    expect(() => renderGraphPng({ width: 0, height: 10, title: '', seed: 1 })).toThrow(RangeError)
    expect(() => renderGraphPng({ width: 10.5, height: 10, title: '', seed: 1 })).toThrow(
      RangeError
    )
  })
})
