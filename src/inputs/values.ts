// Readers for single inputs: each returns a typed value or throws an InputError that names the
// input and says what is accepted. No I/O beyond the inputs themselves.
import * as core from '@actions/core'
import { InputError } from '../domain/errors.js'
import { accessKeyIdProblem } from '../domain/signing.js'

/** The input's value, trimmed ('' when not given). */
export function input(name: string): string {
  return core.getInput(name).trim()
}

/** us-east-1, us-gov-west-1, cn-northwest-1, eusc-de-east-1: a prefix, words, a number. */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/

export function readRegion(name: string, value: string): string {
  if (!value) {
    throw new InputError(
      name,
      'is required: set it, or AWS_REGION / AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials sets AWS_REGION)'
    )
  }
  if (!REGION.test(value)) {
    throw new InputError(
      name,
      `'${value}' is not an AWS region code such as us-east-1 or eu-west-2`
    )
  }
  return value
}

/**
 * What S3 would store under another key than the one the action then reads, or refuse: a leading
 * '/', '.' and '..' segments (normalised away by URLs, so the URL check would read another key),
 * control characters, and more than half of S3's 1024 bytes a key.
 */
export function checkKeyPrefix(value: string): void {
  const problem = value.startsWith('/')
    ? "starts with '/'; S3 keys have no leading slash"
    : value.split('/').some(segment => segment === '.' || segment === '..')
      ? "has a '.' or '..' segment, which URLs resolve away: the upload and the URL check would use different keys"
      : [...value].some(char => char < ' ' || char === '\u007f')
        ? 'has a control character (a line break, a tab…); S3 keys should not'
        : new TextEncoder().encode(value).length > MAX_PREFIX_BYTES
          ? `is longer than ${MAX_PREFIX_BYTES} bytes in UTF-8; S3 keys hold 1024 bytes in all`
          : undefined
  if (problem) throw new InputError('s3-key-prefix', `'${value}' ${problem}`)
}

const MAX_PREFIX_BYTES = 512

export function readBucket(value: string): string {
  if (!value)
    throw new InputError('s3-bucket', 'is required: the private bucket that stores the PNGs')
  if (/^(s3|https?):\/\//i.test(value)) {
    throw new InputError(
      's3-bucket',
      `'${value}' is a URL; give the bucket's name only (my-bucket)`
    )
  }
  const valid =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) &&
    !/\.\.|\.-|-\./.test(value) &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(value)
  if (!valid) {
    throw new InputError(
      's3-bucket',
      `'${value}' is not a valid bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, no '..', '.-' or '-.'`
    )
  }
  const reserved = RESERVED_BUCKET_NAMES.find(([, pattern]) => pattern.test(value))
  if (reserved) {
    throw new InputError('s3-bucket', `'${value}' ${reserved[0]}, which S3 reserves`)
  }
  return value
}

/** Names S3 keeps for its own kinds of bucket and access point. */
const RESERVED_BUCKET_NAMES: [string, RegExp][] = [
  ["starts with 'xn--'", /^xn--/],
  ["starts with 'sthree-'", /^sthree-/],
  ["starts with 'amzn-s3-demo-'", /^amzn-s3-demo-/],
  ["ends with '-s3alias'", /-s3alias$/],
  ["ends with '--ol-s3'", /--ol-s3$/],
  ["ends with '--x-s3'", /--x-s3$/],
  ["ends with '--table-s3'", /--table-s3$/],
  ["ends with '.mrap'", /\.mrap$/]
]

export function checkAccessKeyId(name: string, accessKeyId: string): void {
  const problem = accessKeyIdProblem(accessKeyId)
  if (problem) throw new InputError(name, problem)
}

export function checkParameterName(name: string, value: string): void {
  // A name (/team/graphs/key-id) or an ARN; SSM allows letters, digits and .-_/ in names.
  if (!/^(arn:[\w-]+:ssm:[\w-]+:\d{12}:parameter)?[\w./-]{1,2048}$/.test(value)) {
    throw new InputError(
      name,
      `'${value}' is not an SSM parameter name such as /graphs/signer/key-id`
    )
  }
}

export function readApiUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('slack-api-url', `'${value}' is not a URL such as https://slack.com/api/`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    // The token travels with every request: plain http only to this machine (a local stand-in).
    throw new InputError(
      'slack-api-url',
      `'${value}' must be an https URL (plain http only for 127.0.0.1 or localhost)`
    )
  }
  // The client appends the method name, so the base must end with '/'.
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

export function readBoolean(name: string, fallback: boolean): boolean {
  const value = input(name)
  if (!value) return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, `'${value}' is not a boolean: use true or false`)
}

export function readInteger(name: string, fallback: number, min: number, max: number): number {
  const value = input(name)
  if (!value) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(name, `'${value}' is not a whole number from ${min} to ${max}`)
  }
  return Number(value)
}

export function readChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = input(name).toLowerCase()
  if (!value) return fallback
  const found = choices.find(choice => choice === value)
  if (!found) throw new InputError(name, `'${value}' is not one of: ${choices.join(', ')}`)
  return found
}

/**
 * ISO 8601 with a time zone. Tolerates the quotes that configure-aws-credentials' aws-expiration
 * output carries (it is a Date serialised as JSON).
 */
export function readInstant(name: string, raw: string): Date | undefined {
  const value = raw.replace(/^"(.*)"$/, '$1').trim()
  if (!value) return undefined
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
  const date = new Date(value)
  // Date rolls 2026-02-30 over to March: the written day and time must survive the round trip.
  const [, year, month, day, hour, minute] =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value) ?? []
  const exists =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() &&
    Number(hour) <= 23 &&
    Number(minute) <= 59
  if (!iso.test(value) || Number.isNaN(date.getTime()) || !exists) {
    throw new InputError(
      name,
      `'${value}' is not an ISO 8601 time with a zone, such as 2026-11-29T10:00:00Z`
    )
  }
  return date
}
