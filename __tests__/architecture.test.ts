// The layout's contract (docs/architecture.md), checked on the source so that it stays true:
// what may import what, one lazy-load boundary, small files.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'

const srcDir = path.join(repoRoot, 'src')

interface Import {
  /** As written: './x.js', '@aws-sdk/client-s3', 'node:fs'. */
  specifier: string
  /** The source file it names, for a relative import (relative to src/). */
  target?: string
  typeOnly: boolean
  dynamic: boolean
}

function sourceFiles(dir = srcDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') ? [path.relative(srcDir, full)] : []
  })
}

/** Every import, export-from and import() of a file (relative to src/). */
function importsOf(file: string, text = read(file)): Import[] {
  const found: Import[] = []
  // The clause: { names }, * as name, a default name (with names after it), or * (re-export).
  const statement =
    /^\s*(import|export)\s+(type\s+)?(\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s*from\s*'([^']+)'/gm
  for (const match of text.matchAll(statement)) {
    const [, , typeKeyword, clause = '', specifier = ''] = match
    // `import { type A, type B }` imports only types too.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]?.split(',') ?? []
    const allTypes =
      names.length > 0 && names.every(name => /^\s*type\s/.test(name) || !name.trim())
    found.push(resolve(file, specifier, Boolean(typeKeyword) || allTypes, false))
  }
  for (const match of text.matchAll(/^\s*import\s+'([^']+)'/gm)) {
    found.push(resolve(file, match[1] ?? '', false, false))
  }
  for (const match of text.matchAll(/\bimport\s*\(\s*(['"`]?)([^'"`)]*)\1\s*\)/g)) {
    found.push(resolve(file, match[2] ?? '', false, true))
  }
  return found
}

function resolve(file: string, specifier: string, typeOnly: boolean, dynamic: boolean): Import {
  if (!specifier.startsWith('.')) return { specifier, typeOnly, dynamic }
  const target = path.normalize(path.join(path.dirname(file), specifier)).replace(/\.js$/, '.ts')
  return { specifier, target, typeOnly, dynamic }
}

function read(file: string): string {
  return readFileSync(path.join(srcDir, file), 'utf8')
}

const files = sourceFiles()
const under = (folder: string) => files.filter(file => file.startsWith(`${folder}/`))

describe('what may import what', () => {
  test('the layout has its folders', () => {
    for (const folder of ['domain', 'aws', 'slack', 'github', 'delivery']) {
      expect(under(folder).length).toBeGreaterThan(0)
    }
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'main.ts', 'inputs.ts']))
  })

  test.each(under('domain'))('src/%s is pure: values only from src/domain/', file => {
    const outside = importsOf(file).filter(
      imported => !imported.typeOnly && !imported.target?.startsWith('domain/')
    )
    expect(outside.map(imported => imported.specifier)).toEqual([])
  })

  test.each(under('domain'))('src/%s names no I/O package, not even for types', file => {
    const io = /^(@actions\/|@aws-sdk\/|@smithy\/|@slack\/|node:(fs|http|https|net)$)/
    const named = importsOf(file).filter(imported => io.test(imported.specifier))
    expect(named.map(imported => imported.specifier)).toEqual([])
  })

  test.each([...under('aws'), ...under('slack')])(
    'src/%s (an adapter) never reaches back into delivery/, github/ or main',
    file => {
      const back = importsOf(file).filter(({ target }) =>
        /^(delivery\/|github\/|main\.ts$|connect\.ts$)/.test(target ?? '')
      )
      expect(back.map(imported => imported.specifier)).toEqual([])
    }
  )

  test('one lazy-load boundary, in main.ts', () => {
    const lazy = files.flatMap(file =>
      importsOf(file)
        .filter(imported => imported.dynamic)
        .map(imported => `${file} → ${imported.specifier}`)
    )
    expect(lazy).toEqual(['main.ts → ./connect.js'])
  })

  test('nothing main.ts loads before the boundary reaches an SDK, Slack or HTTP', () => {
    // Every module main.ts loads statically, and what they load in turn.
    const loaded = new Set<string>()
    const packages = new Set<string>()
    const visit = (file: string) => {
      if (loaded.has(file)) return
      loaded.add(file)
      for (const imported of importsOf(file)) {
        if (imported.dynamic || imported.typeOnly) continue
        if (imported.target) visit(imported.target)
        else packages.add(imported.specifier)
      }
    }
    visit('main.ts')
    const adapters = /^(aws\/|slack\/|http\.ts$|connect\.ts$)/
    expect([...loaded].filter(file => adapters.test(file))).toEqual([])
    const heavy = /^(@aws-sdk\/|@smithy\/|@slack\/|undici$|node:https?$)/
    expect([...packages].filter(name => heavy.test(name))).toEqual([])
    // The closure is not empty by mistake: main's own pipeline is in it.
    expect([...loaded]).toEqual(expect.arrayContaining(['inputs.ts', 'delivery/render.ts']))
  })
})

describe('one HTTP stack per outside system', () => {
  test('only src/http.ts imports undici; node:http(s) only for the proxy agents of the SDK', () => {
    const users = files.flatMap(file =>
      importsOf(file)
        .filter(imported => /^(undici|node:https?|https?)$/.test(imported.specifier))
        .map(imported => `${file} → ${imported.specifier}`)
    )
    expect(users.sort()).toEqual(
      [
        'aws/proxy-agents.ts → node:http',
        'aws/proxy-agents.ts → node:https',
        'http.ts → undici'
      ].sort()
    )
  })

  test.each(files)('src/%s calls no global fetch(): requests go through httpFetch', file => {
    const code = read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    const calls = [...code.matchAll(/(?<![\w.])fetch\(/g)]
    expect(calls.map(match => match[0])).toEqual([])
  })

  test.each(under('aws'))('src/%s makes AWS clients only in aws/clients.ts', file => {
    if (file === 'aws/clients.ts') return
    expect(read(file)).not.toMatch(/new (CloudWatch|S3|SSM)Client\(/)
  })
})

describe('the log', () => {
  test.each(files)(
    'src/%s writes log lines only through logLine (text from outside is data)',
    file => {
      const raw = [...read(file).matchAll(/core\.info\((?!\s*logLine\()/g)]
      expect(raw.map(match => match[0])).toEqual([])
    }
  )
})

describe('small files', () => {
  const lines = (file: string) => read(file).split('\n').length - 1
  test.each(files)('src/%s has at most 250 lines', file => {
    expect(lines(file)).toBeLessThanOrEqual(250)
  })

  test('main.ts has under 120 lines', () => {
    expect(lines('main.ts')).toBeLessThan(120)
  })
})

describe('the import reader itself', () => {
  test('tells type-only imports, values, re-exports and import() apart', () => {
    const text = [
      "import type { A } from './a.js'",
      "import { type B, type C } from '../domain/b.js'",
      "import { type D, e } from './d.js'",
      "import * as core from '@actions/core'",
      "export { f } from './f.js'",
      "const g = await import('./g.js')",
      'const h = await import ("./h.js")'
    ].join('\n')
    expect(importsOf('delivery/x.ts', text)).toEqual([
      { specifier: './a.js', target: 'delivery/a.ts', typeOnly: true, dynamic: false },
      { specifier: '../domain/b.js', target: 'domain/b.ts', typeOnly: true, dynamic: false },
      { specifier: './d.js', target: 'delivery/d.ts', typeOnly: false, dynamic: false },
      { specifier: '@actions/core', typeOnly: false, dynamic: false },
      { specifier: './f.js', target: 'delivery/f.ts', typeOnly: false, dynamic: false },
      { specifier: './g.js', target: 'delivery/g.ts', typeOnly: false, dynamic: true },
      { specifier: './h.js', target: 'delivery/h.ts', typeOnly: false, dynamic: true }
    ])
  })
})
