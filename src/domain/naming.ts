// Where each PNG is stored: <prefix><YYYY>/<MM>/<DD>/<run folder>/<NN>-<slug>.png
// The key is predictable from the run, so a re-run (new attempt) never overwrites an earlier one.
import { cut } from './text.js'
import type { Graph } from './widgets.js'

export interface RunIdentity {
  /** GITHUB_RUN_ID; 0 or NaN outside Actions. */
  runId: number
  /** GITHUB_RUN_ATTEMPT; 0 or NaN outside Actions. */
  runAttempt: number
}

/** Long enough to recognise a graph; short enough that a key stays far below S3's 1024 bytes. */
const MAX_SLUG = 100

/** Lowercase ASCII letters and digits joined by '-' (at most 100); 'graph' when nothing is left. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, their letters stay: 'Café' -> 'cafe'
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return slug || 'graph'
}

/** `<run id>-<attempt>`, or `local-<YYYYMMDDTHHMMSSZ>` for a run outside Actions. */
export function runFolder(run: RunIdentity, now: Date): string {
  if (Number.isInteger(run.runId) && run.runId > 0) {
    const attempt = Number.isInteger(run.runAttempt) && run.runAttempt > 0 ? run.runAttempt : 1
    return `${run.runId}-${attempt}`
  }
  return `local-${now.toISOString().replace(/[-:]|\.\d{3}/g, '')}`
}

/** The object key of every graph, in order; NN counts from 01, as wide as the count needs. */
export function objectKeys(
  prefix: string,
  names: readonly string[],
  run: RunIdentity,
  now: Date
): string[] {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '/')
  const folder = `${prefix}${date}/${runFolder(run, now)}`
  return names.map((name, index) => `${folder}/${fileName(index + 1, name, names.length)}`)
}

/** `NN-<slug>.png`: NN counts from 01, as wide as `count` needs. */
export function fileName(position: number, name: string, count: number): string {
  const width = Math.max(2, String(count).length)
  return `${String(position).padStart(width, '0')}-${slugify(name)}.png`
}

/** `03 CPU`: the graph's number and name (cut past 200 characters), as the log and errors name it. */
export function label(graph: Pick<Graph, 'position' | 'name'>): string {
  return `${String(graph.position).padStart(2, '0')} ${cut(graph.name, MAX_NAME_IN_TEXT)}`
}

/** A graph's name in a log line or an error: a dashboard's title can be of any length. */
const MAX_NAME_IN_TEXT = 200
