import { InputError } from '../../src/domain/errors.js'
import { parseAlarms } from '../../src/inputs/alarms.js'

describe('parseAlarms', () => {
  test.each(['', '  ', '\n,\n'])('%j: no alarms', value => {
    expect(parseAlarms(value)).toBeUndefined()
  })

  test.each(['firing', 'FIRING', ' Firing \n'])('%j: every alarm in ALARM', value => {
    expect(parseAlarms(value)).toEqual({ firing: true })
  })

  test('names, comma or newline separated, in order; a name ending in * is a prefix', () => {
    expect(parseAlarms('api-5xx, prod-*\n  db-cpu  \n\ncost*')).toEqual({
      firing: false,
      patterns: [
        { name: 'api-5xx', prefix: false },
        { name: 'prod-', prefix: true },
        { name: 'db-cpu', prefix: false },
        { name: 'cost', prefix: true }
      ]
    })
  })

  test('a name and the same name as a prefix are two things', () => {
    expect(parseAlarms('api\napi*')).toMatchObject({
      patterns: [{ prefix: false }, { prefix: true }]
    })
  })

  test.each<[string, string, RegExp]>([
    [
      'a bare *',
      '*',
      /'\*' alone would post every alarm.*give 'firing'.*or a prefix such as 'prod-\*'/
    ],
    ['* inside a name', 'prod-*-cpu', /'\*' may only end a name/],
    ['** at the end', 'prod-**', /'\*' may only end a name/],
    ['a name twice', 'api, db, api', /names 'api' twice/],
    ['a prefix twice', 'api*\napi*', /names 'api\*' twice/],
    ['firing with names', 'firing, api', /'firing' stands alone/],
    ['a control character', 'api\tcpu', /has a control character/],
    ['a name over 255 characters', 'a'.repeat(256), /is 256 characters; an alarm name has 1 to 255/]
  ])('%s is refused, naming the input and the fix', (_case, value, message) => {
    let error: unknown
    try {
      parseAlarms(value)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('alarms')
    expect((error as Error).message).toMatch(/^Input 'alarms'/)
    expect((error as Error).message).toMatch(message)
  })

  test('255 characters is a name', () => {
    expect(parseAlarms('a'.repeat(255))).toMatchObject({ patterns: [{ name: 'a'.repeat(255) }] })
  })
})
