// The environment a runner gives the action: INPUT_<NAME> for every input (action.yml's default
// when the workflow gives none), as the runner spells it (upper case, spaces to '_', '-' kept).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
  outputs: Record<string, { description: string }>
}

export function readActionYaml(): ActionYaml {
  return parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYaml
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** INPUT_* for the given inputs plus action.yml's defaults; unknown input names are a test bug. */
export function inputEnv(given: Record<string, string>): Record<string, string> {
  const { inputs } = readActionYaml()
  for (const name of Object.keys(given)) {
    if (!(name in inputs)) throw new Error(`action.yml has no input '${name}'`)
  }
  const env: Record<string, string> = {}
  for (const [name, spec] of Object.entries(inputs)) {
    const value = given[name] ?? spec.default
    if (value !== undefined) env[inputVariable(name)] = String(value)
  }
  return env
}
