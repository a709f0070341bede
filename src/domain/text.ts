// Small text helpers shared by the domain's builders.

/** At most `length` characters, the last one an ellipsis when cut. */
export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** `1 graph`, `3 graphs`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Past this, a log line is cut: a value from outside (a title, a service's error) can be huge. */
export const MAX_LOG_LINE = 4000

/**
 * Text as one line of the log that nothing in it can turn into a workflow command: line breaks
 * shown as ⏎, a line that would start like a command (`::` or the older `##[`) defused with a
 * leading mark, and at most `max` characters, the cut said. Everything logged goes through it:
 * graph titles, dashboard names, key prefixes and services' error texts are data, not commands.
 */
export function logLine(text: string, max = MAX_LOG_LINE): string {
  const line = text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ⏎ ')
  return cut(/^\s*(::|##\[)/.test(line) ? `› ${line}` : line, max)
}

/**
 * The first `max` characters, and when it cuts, a note of how much it cut (for logs and errors,
 * where the reader should know). `truncate` is for Slack's fields, which have a hard length.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, max)}… (${text.length - max} more characters cut)`
}

/** Slack's mrkdwn reads <, > and & as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
