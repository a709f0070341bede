// npm run docs: writes the inputs and outputs tables into README.md from action.yml, so the two
// never drift (a test fails when README.md is not what this would write).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readActionYaml, repoRoot } from '../test-support/action-env.js'

const readmePath = path.join(repoRoot, 'README.md')

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

export function inputsTable(): string {
  const { inputs } = readActionYaml()
  const rows = Object.entries(inputs).map(([name, spec]) => {
    const fallback = spec.default === undefined ? '' : `\`${spec.default}\``
    return `| \`${name}\` | ${spec.required ? 'yes' : 'no'} | ${fallback} | ${cell(spec.description)} |`
  })
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}

export function outputsTable(): string {
  const { outputs } = readActionYaml()
  const rows = Object.entries(outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/** README.md with both tables replaced between their markers. */
export function renderReadme(readme: string): string {
  return replaceBetween(replaceBetween(readme, 'inputs', inputsTable()), 'outputs', outputsTable())
}

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start (npm run docs) -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8')))
  console.log('README.md: inputs and outputs tables written from action.yml')
}
