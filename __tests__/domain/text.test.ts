// Text from outside (titles, prefixes, services' errors) reaches the log as data: one line, never
// a workflow command, never of unbounded length.
import { MAX_LOG_LINE, cut, logLine, plural, truncate } from '../../src/domain/text.js'

describe('logLine', () => {
  test.each([
    ['a plain line stays as it is', 'CPU: 8.5 KiB', 'CPU: 8.5 KiB'],
    ['a line break is shown, not kept', 'CPU\n::warning::x', 'CPU ⏎ ::warning::x'],
    ['CR LF counts once', 'a\r\nb', 'a ⏎ b'],
    ['a lone CR', 'a\rb', 'a ⏎ b'],
    ['Unicode line separators', 'a\u2028b\u2029c\u0085d', 'a ⏎ b ⏎ c ⏎ d'],
    ['a line that starts like a command is marked', '::stop-commands::t', '› ::stop-commands::t'],
    ['after spaces too', '  ::error::x', '›   ::error::x'],
    ['the older ##[ form', '##[set-output name=x;]y', '› ##[set-output name=x;]y'],
    [
      'a leading line break shows as ⏎, so no command starts the line',
      '\n::add-mask::k',
      ' ⏎ ::add-mask::k'
    ],
    ['a colon in the middle is fine', 'Dashboard ops: 3 graphs', 'Dashboard ops: 3 graphs']
  ])('%s', (_case, text, line) => {
    expect(logLine(text)).toBe(line)
  })

  test('no output of logLine contains a line break or starts with a command, whatever the input', () => {
    const pieces = ['\n', '\r', '::', '##[', 'x', ' ', '\u2028', 'warning::']
    for (let seed = 0; seed < 2000; seed++) {
      let text = ''
      for (let i = 0, n = seed; i < 6; i++, n = Math.floor(n / pieces.length) + seed * 7) {
        text += pieces[n % pieces.length]
      }
      const line = logLine(text)
      expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
      expect(line).not.toMatch(/^\s*(::|##\[)/)
    }
  })

  test('a long line is cut, and says how much', () => {
    const line = logLine('y'.repeat(MAX_LOG_LINE + 123))
    expect(line).toBe(`${'y'.repeat(MAX_LOG_LINE)}… (123 more characters cut)`)
  })
})

test('cut keeps short text and says what it cut from long text', () => {
  expect(cut('abc', 3)).toBe('abc')
  expect(cut('abcdef', 3)).toBe('abc… (3 more characters cut)')
})

test('truncate keeps the length, the ellipsis included', () => {
  expect(truncate('abcdef', 4)).toBe('abc…')
  expect(truncate('abc', 4)).toBe('abc')
})

test('plural', () => {
  expect(plural(1, 'graph')).toBe('1 graph')
  expect(plural(0, 'graph')).toBe('0 graphs')
})
