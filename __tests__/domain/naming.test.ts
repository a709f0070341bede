import { objectKeys, runFolder, slugify } from '../../src/domain/naming.js'

const now = new Date('2026-11-29T07:05:09.123Z')

describe('slugify', () => {
  test.each([
    ['CPU Utilization', 'cpu-utilization'],
    ['  ALB 5xx / p99 (ms)  ', 'alb-5xx-p99-ms'],
    ['Café Latency', 'cafe-latency'],
    ['λ Matcher', 'matcher'],
    ['🔥🔥', 'graph'],
    ['', 'graph'],
    ['---', 'graph'],
    ['Über-Größe', 'uber-gro-e'],
    [`${'a'.repeat(99)} b`, 'a'.repeat(99)],
    ['x'.repeat(2000), 'x'.repeat(100)]
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug)
  })
})

describe('runFolder', () => {
  test('run id and attempt on GitHub', () => {
    expect(runFolder({ runId: 123456789, runAttempt: 2 }, now)).toBe('123456789-2')
  })
  test('attempt 1 when the attempt is unknown', () => {
    expect(runFolder({ runId: 42, runAttempt: NaN }, now)).toBe('42-1')
  })
  test.each([NaN, 0])('a local run (run id %p) is named by its UTC time', runId => {
    expect(runFolder({ runId, runAttempt: NaN }, now)).toBe('local-20261129T070509Z')
  })
})

describe('objectKeys', () => {
  test('prefix, UTC date, run folder, zero-padded number and slug', () => {
    expect(
      objectKeys('cloudwatch-graphs/', ['CPU', 'Memory used'], { runId: 99, runAttempt: 1 }, now)
    ).toEqual([
      'cloudwatch-graphs/2026/11/29/99-1/01-cpu.png',
      'cloudwatch-graphs/2026/11/29/99-1/02-memory-used.png'
    ])
  })

  test('numbers are as wide as the count needs', () => {
    const names = Array.from({ length: 120 }, (_, i) => `g${i}`)
    const keys = objectKeys('', names, { runId: 1, runAttempt: 3 }, now)
    expect(keys[0]).toBe('2026/11/29/1-3/001-g0.png')
    expect(keys[119]).toBe('2026/11/29/1-3/120-g119.png')
  })

  test('the date is the UTC date, not the local one', () => {
    const lateEvening = new Date('2026-12-31T23:30:00-05:00') // already 2027 in UTC
    expect(objectKeys('p/', ['x'], { runId: 5, runAttempt: 1 }, lateEvening)[0]).toBe(
      'p/2027/01/01/5-1/01-x.png'
    )
  })

  test('a re-run (new attempt) gets new keys', () => {
    const first = objectKeys('p/', ['x'], { runId: 5, runAttempt: 1 }, now)
    const second = objectKeys('p/', ['x'], { runId: 5, runAttempt: 2 }, now)
    expect(first).not.toEqual(second)
  })

  test('two graphs with the same name still get distinct keys', () => {
    const keys = objectKeys('p/', ['CPU', 'CPU'], { runId: 5, runAttempt: 1 }, now)
    expect(new Set(keys).size).toBe(2)
  })
})
