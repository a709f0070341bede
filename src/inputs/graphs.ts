// Which graphs to render: the widgets input or file, the dashboards to read, the alarms to post.
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { InputError, describeError } from '../domain/errors.js'
import { type Graph, parseGraphs } from '../domain/widgets.js'
import type { AlarmSelection } from '../domain/alarms.js'
import { readAlarms } from './alarms.js'
import { readDocument } from './document.js'
import { input } from './values.js'

/** Where the graphs come from: widgets (or widgets-file), dashboards, alarms. */
export function readSources(env: NodeJS.ProcessEnv): {
  graphs: Graph[]
  dashboards: string[]
  alarms?: AlarmSelection
} {
  const dashboards = readDashboards()
  const alarms = readAlarms()
  const graphs = readGraphs(env, dashboards.length > 0 || alarms !== undefined)
  return { graphs, dashboards, ...(alarms ? { alarms } : {}) }
}

/** Dashboard names, one per line or comma-separated. */
export function readDashboards(): string[] {
  const names = input('dashboard')
    .split(/[\n,]/)
    .map(name => name.trim())
    .filter(Boolean)
  for (const name of names) {
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
      throw new InputError(
        'dashboard',
        `'${name}' is not a dashboard name (letters, digits, '-' and '_'); give one name per line`
      )
    }
  }
  if (new Set(names).size !== names.length) {
    throw new InputError('dashboard', 'names a dashboard twice')
  }
  return names
}

/** The graphs of widgets or widgets-file; none is fine when dashboards or alarms give graphs. */
export function readGraphs(env: NodeJS.ProcessEnv, haveOthers: boolean): Graph[] {
  const inline = core.getInput('widgets')
  const file = input('widgets-file')
  if (inline.trim() && file) {
    throw new InputError('widgets', "give either 'widgets' or 'widgets-file', not both")
  }
  if (inline.trim()) return parseGraphs(readDocument(inline, 'widgets'), 'widgets')
  if (!file) {
    if (haveOthers) return []
    throw new InputError(
      'widgets',
      "is required: give the graphs inline in 'widgets' (YAML or JSON), a file in 'widgets-file', dashboard names in 'dashboard', or alarms in 'alarms'"
    )
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const full = path.resolve(workspace, file)
  let text: string
  try {
    text = readFileSync(full, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : describeError(error)
    throw new InputError(
      'widgets-file',
      `cannot read '${file}' (${why}); the path is relative to the workspace: did the workflow check out the repository (actions/checkout) first?`
    )
  }
  return parseGraphs(readDocument(text, 'widgets-file'), 'widgets-file')
}
