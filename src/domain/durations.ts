import { InputError } from './errors.js'

/** SigV4 caps a presigned URL's X-Amz-Expires at 7 days. */
export const MAX_EXPIRES_IN_SECONDS = 604800

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 }

/** Seconds from `3600`, `90m`, `12h` or `7d`. */
export function parseDuration(text: string, input: string): number {
  const match = /^(\d{1,9})\s*([smhd]?)$/i.exec(text.trim())
  if (!match) {
    throw new InputError(
      input,
      `'${text}' is not a duration: give seconds (3600) or a whole number with s, m, h or d (90m, 12h, 7d)`
    )
  }
  const [, amount = '', unit = ''] = match
  return Number(amount) * (UNIT_SECONDS[unit.toLowerCase()] ?? 1)
}

/** A presigned URL's lifetime: 1 second to 7 days. */
export function parseExpiresIn(text: string, input = 'expires-in'): number {
  const seconds = parseDuration(text, input)
  if (seconds < 1 || seconds > MAX_EXPIRES_IN_SECONDS) {
    throw new InputError(
      input,
      `'${text}' is ${seconds} s; presigned URLs last from 1 second to 7 days (604800 s, the SigV4 maximum)`
    )
  }
  return seconds
}

/** A short human form of a number of seconds: `7d`, `1h 30m`, `45s`. */
export function formatSeconds(seconds: number): string {
  const parts: string[] = []
  let rest = Math.round(seconds)
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60]
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`)
  return parts.join(' ')
}
