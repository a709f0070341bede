// The README, the example files and the workflows must not drift apart: what a reader copies has to
// work, and every input a workflow gives the action has to exist.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { readActionYaml, repoRoot } from '../test-support/action-env.js'
import { renderReadme } from '../scripts/docs.js'

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8')

/** This action as other repositories name it (`<owner>/cloudwatch-graphs-to-slack@<ref>`). */
const ACTION_USES = /^[\w.-]+\/cloudwatch-graphs-to-slack@[\w.-]+$/
/** The reusable workflow as other repositories name it. */
const REUSABLE_USES =
  /^[\w.-]+\/cloudwatch-graphs-to-slack\/\.github\/workflows\/post-graphs\.yml@[\w.-]+$/
const REUSABLE = '.github/workflows/post-graphs.yml'

interface Step {
  id?: string
  run?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  'timeout-minutes'?: number | string
  if?: string
  needs?: string | string[]
  uses?: string
  with?: Record<string, unknown>
  secrets?: Record<string, unknown> | 'inherit'
  outputs?: Record<string, string>
  steps?: Step[]
}
interface Workflow {
  on: Record<string, unknown> | string | string[]
  jobs: Record<string, Job>
}
interface CallSpec {
  inputs?: Record<
    string,
    { type: string; required?: boolean; default?: unknown; description?: string }
  >
  secrets?: Record<string, { required?: boolean; description?: string }>
  outputs?: Record<string, { value: string; description?: string }>
}

function yamlFiles(folder: string): string[] {
  const full = path.join(repoRoot, folder)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => path.posix.join(folder, name))
}

const exampleWorkflows = yamlFiles('examples/workflows')
const repositoryWorkflows = yamlFiles('.github/workflows')
const allWorkflows = [...exampleWorkflows, ...repositoryWorkflows]
const workflow = (file: string): Workflow => parse(read(file)) as Workflow

function actionSteps(file: string): Step[] {
  return Object.values(workflow(file).jobs).flatMap(job =>
    (job.steps ?? []).filter(step => step.uses !== undefined && ACTION_USES.test(step.uses))
  )
}

function callSpec(): CallSpec {
  const on = workflow(REUSABLE).on as Record<string, CallSpec | null>
  return on.workflow_call ?? {}
}

/** Every `<context>.<name>` inside `${{ … }}` of a value. */
function referenced(context: string, value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '')
  const names: string[] = []
  for (const [, expression] of text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    for (const [, name] of (expression ?? '').matchAll(
      new RegExp(`\\b${context}\\.([\\w-]+)`, 'g')
    )) {
      if (name) names.push(name)
    }
  }
  return names
}

describe('README.md', () => {
  test('inputs and outputs tables match action.yml (npm run docs rewrites them)', () => {
    expect(readme).toBe(renderReadme(readme))
  })

  test('names every input and output of action.yml', () => {
    const { inputs, outputs } = readActionYaml()
    for (const name of [...Object.keys(inputs), ...Object.keys(outputs)]) {
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })

  test('starts with the demo and test commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(firstBlock).toContain('npm ci && npm run demo')
    expect(firstBlock).toContain('npm test')
  })

  test('its copy-paste workflow is examples/workflows/daily-graphs.yml, verbatim', () => {
    const example = read('examples/workflows/daily-graphs.yml')
    expect(readme).toContain(example.slice(example.indexOf('name:')).trimEnd())
  })

  test('its reusable-workflow call is the one in examples/workflows/, verbatim', () => {
    const example = read('examples/workflows/graphs-via-reusable-workflow.yml')
    const start = example.indexOf('    uses: ')
    const end = example.indexOf('\n\n', start)
    expect(start).toBeGreaterThan(0)
    expect(readme).toContain(example.slice(start, end < 0 ? undefined : end).trimEnd())
  })

  test('every examples/ file it links exists, and every IAM policy parses as JSON', () => {
    const linked = new Set([...readme.matchAll(/\bexamples\/[\w./-]*\w/g)].map(([file]) => file))
    expect(linked.size).toBeGreaterThan(0)
    for (const file of linked) {
      expect({ file, exists: existsSync(path.join(repoRoot, file)) }).toEqual({
        file,
        exists: true
      })
      if (file.endsWith('.json')) expect(() => JSON.parse(read(file))).not.toThrow()
    }
  })

  test('links every IAM example and every example workflow', () => {
    const iam = readdirSync(path.join(repoRoot, 'examples', 'iam')).map(
      name => `examples/iam/${name}`
    )
    for (const file of [...iam, ...exampleWorkflows]) expect(readme).toContain(file)
  })

  test('every `file://` in its commands is a file of the repository, or standard input', () => {
    const files = [...readme.matchAll(/file:\/\/([\w./-]+)/g)]
      .map(([, file]) => file ?? '')
      .filter(file => file !== '/dev/stdin')
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      expect({ file, exists: existsSync(path.join(repoRoot, file)) }).toEqual({
        file,
        exists: true
      })
    }
  })
})

/**
 * Each command of the README's shell blocks, in reading order: continuation lines joined, comments
 * and here-document bodies left out.
 */
function readmeCommands(): string[] {
  const commands: string[] = []
  for (const [, block] of readme.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)) {
    let heredoc: string | undefined
    let current = ''
    for (const line of (block ?? '').split('\n')) {
      if (heredoc !== undefined) {
        if (line.trim() === heredoc) heredoc = undefined
        continue
      }
      heredoc = /<<-?\s*'?(\w+)'?/.exec(line)?.[1]
      const text = line.replace(/(^|\s)#.*$/, '').trimEnd()
      if (text.endsWith('\\')) {
        current += `${text.slice(0, -1).trim()} `
        continue
      }
      current = `${current}${text.trim()}`.trim()
      if (current) commands.push(current)
      current = ''
    }
  }
  return commands
}

/** The simple commands of a command line: split at pipes, lists and substitutions. */
function simpleCommands(command: string): string[] {
  return command
    .split(/\|\||&&|\||;|<\(|\$\(|\)/)
    .map(part => part.trim().replace(/^<\s*/, ''))
    .filter(part => part.length > 0)
}

/** A shell expansion whose name says it holds a secret. */
const SECRET_EXPANSION = /\$\{?\w*(SECRET|TOKEN|PASSWORD|PRIVATE)\w*\}?/i
/** Builtins of bash: they run in the shell itself, so no process shows their arguments. */
const BUILTINS = new Set(['printf', 'echo', 'read', 'unset', 'export', 'local'])

describe('README.md and action.yml agree with the code and the project', () => {
  const actionYaml = parse(read('action.yml')) as {
    author?: string
    runs: { using: string }
    inputs: Record<string, { description: string }>
  }
  const pkg = JSON.parse(read('package.json')) as {
    name: string
    author?: string
    engines: { node: string }
    scripts: Record<string, string>
    devDependencies: Record<string, string>
  }

  test('says up front which Node runs the action (action.yml) and which develops it (engines)', () => {
    const top = readme.slice(0, readme.indexOf('## Why'))
    const runs = /^node(\d+)$/.exec(actionYaml.runs.using)?.[1]
    expect(runs).toBe('24')
    expect(top).toContain(`the action runs on **Node ${runs}**`)
    const oldest = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1]
    expect(top).toContain(`Develop it on **Node ${runs}** too (${oldest} or later works`)
  })

  test("the widgets input says in one sentence what is required, as the code's error does", () => {
    const description = actionYaml.inputs.widgets?.description ?? ''
    const sentence =
      'At least one of `widgets`, `widgets-file`, `dashboard` and `alarms` is required, and `widgets` and `widgets-file` cannot both be given.'
    expect(description.replace(/\s+/g, ' ')).toContain(sentence)
    expect(description).not.toMatch(/exactly one/i)
    // The code names the same four when none is given (__tests__/inputs.test.ts runs it).
    const code = read('src/inputs/graphs.ts')
    for (const name of ["'widgets'", "'widgets-file'", "'dashboard'", "'alarms'"]) {
      expect(code).toContain(name)
    }
  })

  test('names a real author, the same in action.yml and package.json', () => {
    expect(actionYaml.author).toBe(pkg.author)
    expect(actionYaml.author).toMatch(/\S/)
    expect(actionYaml.author).not.toBe(pkg.name)
    expect(actionYaml.author).not.toMatch(/your name|todo|author|example|placeholder|<.*>/i)
  })

  test('says next to npm test that the radosgw suite installs Ceph with apt as root, else skips', () => {
    const contributing = readme.slice(readme.indexOf('## Contributing'))
    const block = /```sh\n([\s\S]*?)```/.exec(contributing)?.[1] ?? ''
    const note = block.slice(block.indexOf('npm test'), block.indexOf('npm run all'))
    expect(note).toMatch(/radosgw/)
    expect(note).toMatch(/Ceph/)
    expect(note).toMatch(/apt/)
    expect(note).toMatch(/root/)
    expect(note).toMatch(/skips/)
  })

  test('its local-action command runs an entry that exports run(), and reads outputs where they are', () => {
    expect(pkg.devDependencies['@github/local-action']).toBeDefined()
    const command = /npx @github\/local-action run \. (\S+) \.env/.exec(readme)
    const entry = command?.[1] ?? ''
    expect(read(entry)).toMatch(/^export async function run\(\)/m)
    const section = readme.slice(
      readme.indexOf('## Running it locally'),
      readme.indexOf('## Contributing')
    )
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    // local-action keeps outputs in memory: no GITHUB_OUTPUT file to read after it.
    expect(block).not.toMatch(/GITHUB_OUTPUT|local-output/)
    expect(block).toMatch(/^GITHUB_STEP_SUMMARY=(\S+)$/m)
    expect(section).toContain('Action Outputs')
  })

  test('npm run stand-ins exists and the README shows it with its .env', () => {
    expect(pkg.scripts['stand-ins']).toBe('tsx scripts/stand-ins.ts')
    expect(readme).toContain('npm run stand-ins')
    expect(readme).toContain(
      'npx @github/local-action run . src/main.ts stand-ins-output/stand-ins.env'
    )
  })
})

describe("the README's commands, pasted in order", () => {
  const commands = readmeCommands()

  test('are found', () => {
    expect(commands).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws iam create-role /)])
    )
  })

  test('never put a secret in the arguments of a process (only builtins see it)', () => {
    for (const command of commands) {
      for (const simple of simpleCommands(command)) {
        if (!SECRET_EXPANSION.test(simple)) continue
        const program = simple.split(/\s+/).find(word => !/^\w+=/.test(word)) ?? ''
        expect({ simple, builtin: BUILTINS.has(program) }).toEqual({ simple, builtin: true })
      }
    }
  })

  test('give no shell expansion after --value: values come on standard input', () => {
    for (const command of commands) {
      for (const [, value] of command.matchAll(/--value[=\s]+(\S+)/g)) {
        expect({ command, value: value?.includes('$') }).toEqual({ command, value: false })
      }
    }
  })

  test("store the signer's secret from standard input, also with a customer-managed key", () => {
    const secretPuts = commands.filter(command =>
      /^printf '%s' "\$SECRET" \| aws ssm put-parameter .*--type SecureString /.test(command)
    )
    expect(secretPuts.length).toBeGreaterThanOrEqual(2)
    for (const command of secretPuts) expect(command).toMatch(/--value file:\/\/\/dev\/stdin$/)
    expect(secretPuts.filter(command => / --key-id \S+/.test(command))).toHaveLength(1)
  })

  test('attach a policy to a role or user only after the command that creates it', () => {
    const created = new Set<string>()
    for (const command of commands) {
      const creates = /^aws iam create-(role|user) --(?:role|user)-name (\S+)/.exec(command)
      if (creates) created.add(`${creates[1]} ${creates[2]}`)
      const attaches = /^aws iam put-(role|user)-policy --(?:role|user)-name (\S+)/.exec(command)
      if (attaches) {
        const needed = `${attaches[1]} ${attaches[2]}`
        expect({ command, exists: created.has(needed) }).toEqual({ command, exists: true })
      }
    }
  })
})

describe('IAM examples', () => {
  test('every file parses as JSON', () => {
    for (const name of readdirSync(path.join(repoRoot, 'examples', 'iam'))) {
      expect(() => JSON.parse(read(`examples/iam/${name}`))).not.toThrow()
    }
  })

  test('the signer may only read objects, the workflow role never', () => {
    const statements = (file: string) =>
      (JSON.parse(read(file)) as { Statement: { Action: string | string[] }[] }).Statement.flatMap(
        statement => [statement.Action].flat()
      )
    expect(statements('examples/iam/signer-user-policy.json')).toEqual(['s3:GetObject'])
    expect(statements('examples/iam/workflow-role-policy.json').sort()).toEqual([
      'cloudwatch:DescribeAlarms',
      'cloudwatch:GetMetricWidgetImage',
      's3:PutObject',
      'ssm:GetParameters'
    ])
  })
})

describe('the OIDC trust policy', () => {
  type Conditions = Record<string, Record<string, string | string[]>>
  const conditions = (): Conditions[] =>
    (
      JSON.parse(read('examples/iam/github-oidc-trust-policy.json')) as {
        Statement: { Condition?: Conditions }[]
      }
    ).Statement.map(statement => statement.Condition ?? {})

  test('checks the exact audience and subject with StringEquals', () => {
    for (const condition of conditions()) {
      expect(Object.keys(condition.StringEquals ?? {}).sort()).toEqual([
        'token.actions.githubusercontent.com:aud',
        'token.actions.githubusercontent.com:sub'
      ])
    }
  })

  test('uses StringLike only for a value with a wildcard', () => {
    for (const condition of conditions()) {
      for (const [key, value] of Object.entries(condition.StringLike ?? {})) {
        for (const one of [value].flat()) {
          expect({ key, value: one, wildcard: /[*?]/.test(one) }).toEqual({
            key,
            value: one,
            wildcard: true
          })
        }
      }
    }
  })
})

describe('several accounts or regions', () => {
  /** The IAM examples that name a bucket (an S3 ARN) or a region. */
  const regional = readdirSync(path.join(repoRoot, 'examples', 'iam')).filter(name =>
    /arn:aws:s3:::|"[a-z]{2}(-[a-z]+)+-\d"|:[a-z]{2}(-[a-z]+)+-\d:/.test(
      read(`examples/iam/${name}`)
    )
  )

  test('finds the policies that name a bucket or a region', () => {
    expect(regional).toEqual(
      expect.arrayContaining(['signer-user-policy.json', 'workflow-role-policy.json'])
    )
  })

  test('the README section and the matrix example name every one of them', () => {
    const start = readme.indexOf('### Several accounts or regions')
    const section = readme.slice(start, readme.indexOf('\n## ', start))
    const example = read('examples/workflows/graphs-per-account.yml')
    for (const name of regional) {
      expect({ name, readme: section.includes(name), example: example.includes(name) }).toEqual({
        name,
        readme: true,
        example: true
      })
    }
  })
})

describe('workflows', () => {
  test('there are examples and repository workflows, and each parses as YAML with jobs', () => {
    expect(exampleWorkflows).toContain('examples/workflows/daily-graphs.yml')
    expect(repositoryWorkflows).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', REUSABLE])
    )
    for (const file of allWorkflows) {
      const parsed = workflow(file)
      expect(Object.keys(parsed.jobs ?? {}).length).toBeGreaterThan(0)
    }
  })

  test.each(allWorkflows)('%s gives the action only inputs that action.yml defines', file => {
    const { inputs } = readActionYaml()
    const required = Object.entries(inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name)
    for (const step of actionSteps(file)) {
      const given = Object.keys(step.with ?? {})
      expect(given.filter(name => !(name in inputs))).toEqual([])
      expect(required.filter(name => !given.includes(name))).toEqual([])
      expect(given.filter(name => name === 'widgets' || name === 'widgets-file')).not.toEqual([])
    }
  })

  test('every example workflow uses the action or the reusable workflow', () => {
    for (const file of exampleWorkflows) {
      const calls = Object.values(workflow(file).jobs).filter(
        job => job.uses !== undefined && REUSABLE_USES.test(job.uses)
      )
      expect({ file, uses: actionSteps(file).length + calls.length > 0 }).toEqual({
        file,
        uses: true
      })
    }
  })

  test.each(allWorkflows)('%s pins third-party actions by commit SHA, with the version', file => {
    const lines = read(file)
      .split('\n')
      .filter(line => /^\s*(-\s+)?uses:/.test(line))
    for (const line of lines) {
      const uses = /uses:\s*(\S+)/.exec(line)?.[1] ?? ''
      if (uses.startsWith('./') || ACTION_USES.test(uses) || REUSABLE_USES.test(uses)) continue
      expect({ line: line.trim(), pinned: /@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line) }).toEqual({
        line: line.trim(),
        pinned: true
      })
    }
  })

  test('the same third-party action is pinned to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const file of allWorkflows) {
      for (const [, action, sha] of read(file).matchAll(
        /uses:\s*([\w.-]+\/[\w./-]+)@([0-9a-f]{40})/g
      )) {
        if (!action || !sha) continue
        pins.set(action, (pins.get(action) ?? new Set()).add(sha))
      }
    }
    for (const [action, shas] of pins)
      expect({ action, shas: shas.size }).toEqual({ action, shas: 1 })
  })
})

/** A duration as action.yml's `timeout` takes it (`600`, `90s`, `10m`, `1h`), in minutes. */
function minutes(duration: string): number {
  const match = /^(\d+)\s*([smh]?)$/.exec(duration.trim())
  if (!match) throw new Error(`not a duration: ${duration}`)
  const perUnit = { '': 1 / 60, s: 1 / 60, m: 1, h: 60 }[match[2] as '' | 's' | 'm' | 'h']
  return Number(match[1]) * perUnit
}

/**
 * Minutes a job needs beyond the action's own deadline: the runner's set-up, the checkout and the OIDC
 * step run before the action's clock starts, and the action must have time to say why it stopped.
 */
const JOB_ROOM_MINUTES = 3

describe('schedules and time limits that survive real runs', () => {
  /** Every `cron:` of every workflow, and of the README's workflows. */
  const crons = (): { where: string; cron: string }[] => {
    const found: { where: string; cron: string }[] = []
    for (const file of allWorkflows) {
      const on = workflow(file).on
      const schedule =
        typeof on === 'object' && !Array.isArray(on)
          ? ((on.schedule as { cron: string }[] | undefined) ?? [])
          : []
      for (const { cron } of schedule) found.push({ where: file, cron })
    }
    for (const [, cron] of readme.matchAll(/^\s*-\s*cron:\s*'([^']*)'/gm)) {
      found.push({ where: 'README.md', cron: cron ?? '' })
    }
    return found
  }

  test('every schedule runs at one fixed minute that is not minute 0 (the busiest)', () => {
    const all = crons()
    expect(all.map(({ where }) => where)).toEqual(
      expect.arrayContaining(['README.md', 'examples/workflows/daily-graphs.yml'])
    )
    for (const { where, cron } of all) {
      const minute = cron.trim().split(/\s+/)[0] ?? ''
      expect({ where, cron, offTheHour: /^\d+$/.test(minute) && Number(minute) !== 0 }).toEqual({
        where,
        cron,
        offTheHour: true
      })
    }
  })

  /** Every job that runs the action, as `file: job`. */
  const actionJobs = allWorkflows.flatMap(file =>
    Object.entries(workflow(file).jobs)
      .filter(([, job]) =>
        (job.steps ?? []).some(step => step.uses !== undefined && ACTION_USES.test(step.uses))
      )
      .map(([name]) => ({ file, name }))
  )

  test('finds the jobs that run the action, the daily example and the reusable workflow among them', () => {
    expect(actionJobs).toEqual(
      expect.arrayContaining([
        { file: 'examples/workflows/daily-graphs.yml', name: 'graphs' },
        { file: REUSABLE, name: 'post' }
      ])
    )
  })

  test.each(actionJobs)(
    '$file: job $name has more time than the action takes, with room for what runs before',
    ({ file, name }) => {
      const { inputs } = readActionYaml()
      const needed = minutes(inputs.timeout?.default ?? '') + JOB_ROOM_MINUTES
      let limit = workflow(file).jobs[name]?.['timeout-minutes']
      // The reusable workflow's limit is its input's default (a caller may raise it).
      const [source] = referenced('inputs', limit)
      if (source) limit = callSpec().inputs?.[source]?.default as number | undefined
      expect({ limit, enough: typeof limit === 'number' && limit >= needed }).toEqual({
        limit,
        enough: true
      })
    }
  )
})

describe('the reusable workflow', () => {
  const job = () => workflow(REUSABLE).jobs.post as Job
  const step = () => actionSteps(REUSABLE)[0] as Step

  test('runs this action once, in its job `post`', () => {
    expect(actionSteps(REUSABLE)).toHaveLength(1)
    expect(job().steps).toContainEqual(step())
  })

  test('passes only inputs and secrets it declares', () => {
    const { inputs = {}, secrets = {} } = callSpec()
    const { jobs } = workflow(REUSABLE) // parsed: the usage example in the comments is not read
    expect(referenced('inputs', jobs).filter(name => !(name in inputs))).toEqual([])
    expect(referenced('secrets', jobs).filter(name => !(name in secrets))).toEqual([])
    expect(referenced('inputs', jobs).length).toBeGreaterThan(0)
  })

  test('gives the action the same defaults as action.yml (an empty value is not a default)', () => {
    const { inputs: actionInputs } = readActionYaml()
    const { inputs = {} } = callSpec()
    for (const [name, value] of Object.entries(step().with ?? {})) {
      const [source, ...more] = referenced('inputs', value)
      if (!source || more.length > 0) continue
      const mine = inputs[source]?.default
      const theirs = actionInputs[name]?.default
      expect({ name, default: mine === undefined ? '' : String(mine) }).toEqual({
        name,
        default: theirs ?? ''
      })
    }
  })

  test('exposes every output of the action, each from the action step', () => {
    const { outputs: actionOutputs } = readActionYaml()
    const { outputs = {} } = callSpec()
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(actionOutputs).sort())
    for (const [name, { value }] of Object.entries(outputs)) {
      expect(value).toBe(`\${{ jobs.post.outputs.${name} }}`)
      expect(job().outputs?.[name]).toBe(`\${{ steps.${step().id}.outputs.${name} }}`)
    }
  })

  test('takes every input of action.yml, with the same description and default', () => {
    const { inputs: actionInputs } = readActionYaml()
    const { inputs = {}, secrets = {} } = callSpec()
    for (const [name, spec] of Object.entries(actionInputs)) {
      const mine = inputs[name] ?? secrets[name]
      const theirs = { name, description: spec.description, default: spec.default ?? '' }
      expect({
        name,
        description: mine?.description,
        default: String(inputs[name]?.default ?? '')
      }).toEqual(theirs)
    }
  })

  test('only the Slack token, the signer secret and the proxy URL (it may hold a password) are secrets', () => {
    const { secrets = {} } = callSpec()
    expect(Object.keys(secrets).sort()).toEqual([
      'http-proxy',
      'presign-secret-access-key',
      'slack-token'
    ])
  })

  test('requires no input the action can do without (s3-bucket is optional: slack-upload)', () => {
    const { inputs = {} } = callSpec()
    const required = Object.entries(inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name)
    // The role and its region are what configure-aws-credentials needs before the action runs.
    expect(required.sort()).toEqual(['aws-region', 'role-to-assume'])
  })

  test('gives the action every input, each from its input or secret of the same name', () => {
    const { inputs: actionInputs } = readActionYaml()
    const { secrets = {} } = callSpec()
    const given = step().with ?? {}
    expect(Object.keys(given).sort()).toEqual(Object.keys(actionInputs).sort())
    for (const [name, value] of Object.entries(given)) {
      const context = name in secrets ? 'secrets' : 'inputs'
      expect({ name, value }).toEqual({ name, value: `\${{ ${context}.${name} }}` })
    }
  })

  test('describes each output as action.yml does', () => {
    const { outputs: actionOutputs } = readActionYaml()
    const { outputs = {} } = callSpec()
    for (const [name, spec] of Object.entries(actionOutputs)) {
      expect({ name, description: outputs[name]?.description }).toEqual({
        name,
        description: spec.description
      })
    }
  })

  test('every example that calls it gives only the inputs and secrets it declares', () => {
    const { inputs = {}, secrets = {} } = callSpec()
    const required = Object.entries(inputs)
      .filter(([, spec]) => spec.required)
      .map(([name]) => name)
    const calls = exampleWorkflows.flatMap(file =>
      Object.values(workflow(file).jobs).filter(
        call => call.uses !== undefined && REUSABLE_USES.test(call.uses)
      )
    )
    expect(calls.length).toBeGreaterThan(0)
    for (const call of calls) {
      const given = Object.keys(call.with ?? {})
      expect(given.filter(name => !(name in inputs))).toEqual([])
      expect(required.filter(name => !given.includes(name))).toEqual([])
      const passed = call.secrets === 'inherit' ? [] : Object.keys(call.secrets ?? {})
      expect(passed.filter(name => !(name in secrets))).toEqual([])
    }
  })

  test('names the action at the same major version as the callers name the workflow', () => {
    const major = (uses: string) => uses.slice(uses.lastIndexOf('@') + 1)
    const callers = exampleWorkflows.flatMap(file =>
      Object.values(workflow(file).jobs)
        .map(call => call.uses ?? '')
        .filter(uses => REUSABLE_USES.test(uses))
    )
    for (const uses of callers) expect(major(uses)).toBe(major(step().uses ?? ''))
  })
})

test('action.yml leaves environment-derived defaults empty', () => {
  const { inputs } = readActionYaml()
  for (const name of ['aws-region', 's3-region', 'credential-expiration']) {
    expect(inputs[name]?.default).toBeUndefined()
  }
})

describe('the release workflow', () => {
  const RELEASE = '.github/workflows/release.yml'
  const jobs = () => workflow(RELEASE).jobs
  const tagStep = () => (jobs().check?.steps ?? []).find(step => step.id === 'tag') ?? {}

  /** A `run:` script as the runner runs it (bash -eo pipefail), with the release's values. */
  function runScript(script: string, env: Record<string, string>) {
    const folder = mkdtempSync(path.join(tmpdir(), 'release-'))
    const output = path.join(folder, 'output')
    writeFileSync(output, '')
    try {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        env: {
          PATH: process.env.PATH ?? '',
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: path.join(folder, 'summary'),
          ...env
        },
        encoding: 'utf8'
      })
      return { status: result.status, output: readFileSync(output, 'utf8').trim() }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }

  test.each([
    ['v1.2.0', 'false', 'move-major=true'],
    ['v10.0.3', 'false', 'move-major=true'],
    ['v1.2.0', 'true', 'move-major=false'],
    ['v1.2.0-rc1', 'false', 'move-major=false'],
    ['v1.2.0-rc.1', 'true', 'move-major=false'],
    ['v2.0.0-beta', 'false', 'move-major=false']
  ])('tag %s, marked pre-release %s: %s', (tag, prerelease, expected) => {
    const script = tagStep().run ?? ''
    expect(script).not.toBe('')
    expect(runScript(script, { TAG: tag, PRERELEASE: prerelease })).toEqual({
      status: 0,
      output: expected
    })
  })

  test.each(['1.2.0', 'v1.2', 'v1.2.0.1', 'latest'])('refuses the tag %s', tag => {
    expect(runScript(tagStep().run ?? '', { TAG: tag, PRERELEASE: 'false' })).toEqual({
      status: 1,
      output: ''
    })
  })

  test("moves the major tag only on the check's verdict, and never for a suffixed tag", () => {
    const move = jobs()['move-major-tag'] ?? {}
    expect(move.needs).toBe('check')
    expect(move.if).toBe("${{ needs.check.outputs.move-major == 'true' }}")
    expect(jobs().check?.outputs?.['move-major']).toBe('${{ steps.tag.outputs.move-major }}')
    // The step that moves the tag stops by itself for a suffixed tag, before any git command (a
    // shell function stands in for git and writes down each call).
    const script = (move.steps ?? []).map(step => step.run ?? '').join('\n')
    const git = 'git() { echo "git $*" >> "$GITHUB_OUTPUT"; }\n'
    expect(runScript(git + script, { TAG: 'v1.2.0-rc1', GITHUB_SHA: 'abc' })).toEqual({
      status: 1,
      output: ''
    })
    expect(runScript(git + script, { TAG: 'v1.2.0', GITHUB_SHA: 'abc' })).toEqual({
      status: 0,
      output: 'git tag --force v1 abc\ngit push --force origin refs/tags/v1'
    })
  })
})
