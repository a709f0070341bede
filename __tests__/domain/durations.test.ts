import { formatSeconds, parseExpiresIn } from '../../src/domain/durations.js'
import { InputError } from '../../src/domain/errors.js'

describe('parseExpiresIn', () => {
  test.each([
    ['1', 1],
    ['3600', 3600],
    ['45s', 45],
    ['90m', 5400],
    ['12h', 43200],
    ['7d', 604800],
    ['7D', 604800],
    [' 2 h ', 7200],
    ['604800', 604800]
  ])('%j is %d seconds', (text, seconds) => {
    expect(parseExpiresIn(text)).toBe(seconds)
  })

  test.each([
    '0',
    '0s',
    '604801',
    '8d',
    '169h',
    '-5',
    '1.5h',
    '7days',
    'h',
    '',
    'soon',
    '1e3',
    '1h30m'
  ])('%j is refused with an error naming the input', text => {
    expect(() => parseExpiresIn(text)).toThrow(InputError)
    expect(() => parseExpiresIn(text)).toThrow(/^Input 'expires-in'/)
  })

  test('the error says what is accepted', () => {
    expect(() => parseExpiresIn('8d')).toThrow(/1 second to 7 days \(604800 s/)
    expect(() => parseExpiresIn('soon')).toThrow(/90m, 12h, 7d/)
  })
})

describe('formatSeconds', () => {
  test.each([
    [604800, '7d'],
    [5400, '1h 30m'],
    [45, '45s'],
    [0, '0s'],
    [90061, '1d 1h 1m 1s']
  ])('%d -> %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text)
  })
})
