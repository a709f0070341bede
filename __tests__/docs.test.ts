import { readFileSync } from 'node:fs'
import path from 'node:path'
import { readActionYaml, repoRoot } from '../test-support/action-env.js'
import { renderReadme } from '../scripts/docs.js'

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')

test('README.md inputs and outputs tables match action.yml (npm run docs rewrites them)', () => {
  expect(readme).toBe(renderReadme(readme))
})

test('README.md names every input and output of action.yml', () => {
  const { inputs, outputs } = readActionYaml()
  for (const name of [...Object.keys(inputs), ...Object.keys(outputs)]) {
    expect(readme).toContain(`| \`${name}\` |`)
  }
})

test('the README starts with the demo and test commands', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  expect(firstBlock).toContain('npm ci && npm run demo')
  expect(firstBlock).toContain('npm test')
})

test('action.yml leaves environment-derived defaults empty', () => {
  const { inputs } = readActionYaml()
  for (const name of ['aws-region', 's3-region', 'credential-expiration']) {
    expect(inputs[name]?.default).toBeUndefined()
  }
})

test('the README workflow and examples/workflows/daily-graphs.yml agree on the action step', () => {
  const example = readFileSync(
    path.join(repoRoot, 'examples', 'workflows', 'daily-graphs.yml'),
    'utf8'
  )
  const step = example.slice(example.indexOf('      - uses: my-org/cloudwatch-graphs-to-slack@v1'))
  expect(readme).toContain(step.trimEnd())
})
