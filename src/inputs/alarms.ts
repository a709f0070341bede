// Which alarms to post: `firing` (every alarm now in ALARM), or alarm names, a name ending in `*`
// being a prefix. Checked here, before any call, as DescribeAlarms would check them.
import { InputError } from '../domain/errors.js'
import type { AlarmPattern, AlarmSelection } from '../domain/alarms.js'
import { input } from './values.js'

/** CloudWatch's limit on an alarm's name. */
const MAX_NAME = 255

/** The alarms input, read; undefined when not given. */
export function readAlarms(): AlarmSelection | undefined {
  return parseAlarms(input('alarms'))
}

export function parseAlarms(value: string): AlarmSelection | undefined {
  const items = value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(Boolean)
  if (items.length === 0) return undefined
  if (items.some(item => item.toLowerCase() === 'firing')) {
    if (items.length > 1) {
      throw new InputError(
        'alarms',
        "'firing' stands alone: give either 'firing' (every alarm in ALARM) or a list of alarm names"
      )
    }
    return { firing: true }
  }
  const patterns = items.map(readPattern)
  const seen = new Set<string>()
  for (const [index, pattern] of patterns.entries()) {
    const key = `${pattern.name}${pattern.prefix ? '*' : ''}`
    if (seen.has(key)) throw new InputError('alarms', `names '${items[index]}' twice`)
    seen.add(key)
  }
  return { firing: false, patterns }
}

function readPattern(item: string): AlarmPattern {
  if (item === '*') {
    throw new InputError(
      'alarms',
      "'*' alone would post every alarm of the region: give 'firing' for the alarms in ALARM, or a prefix such as 'prod-*'"
    )
  }
  // A control character cannot be typed into the console, and would end a line of the log.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(item)) {
    throw new InputError(
      'alarms',
      `${JSON.stringify(item)} has a control character; alarm names have none`
    )
  }
  const prefix = item.endsWith('*')
  const name = prefix ? item.slice(0, -1) : item
  if (name.includes('*')) {
    throw new InputError(
      'alarms',
      `'${item}': '*' may only end a name, as a prefix (such as 'prod-*'); CloudWatch has no other wildcard`
    )
  }
  if (name.length > MAX_NAME) {
    throw new InputError(
      'alarms',
      `'${name.slice(0, 40)}…' is ${name.length} characters; an alarm name has 1 to ${MAX_NAME}`
    )
  }
  return { name, prefix }
}
