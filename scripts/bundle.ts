// npm run bundle: dist/ from src/index.ts with ncc, as `ncc build src/index.ts -o dist
// --license licenses.txt --transpile-only` would, with one difference: packages resolve to their
// ES module build (package.json "module") before their CommonJS one ("main"). The CLI has no
// option for that; ncc's API does.
//
// Why: the AWS SDK's ES builds load the credential providers it may never need (SSO, STS, INI
// files, ...) with import(), so ncc splits them into chunks loaded on demand, and webpack drops
// what is not imported. The chunk the first CloudWatch request waits for shrinks from 1018 to 612
// KiB and that request leaves about 30 ms sooner (npm run bench). @smithy/core and @aws-sdk/core
// pick their CommonJS build through the "node" export condition whatever the main fields say, so
// the build's tsconfig paths point them at their ES builds too, and each is bundled once.
import ncc from '@vercel/ncc'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'

const out = path.join(repoRoot, 'dist')
/** Packages whose "exports" send the "node" condition to CommonJS: their ES build, by path. */
const ES_BUILDS = ['@smithy/core', '@aws-sdk/core']

/**
 * ncc resolves `paths` with the tsconfig.json of the working directory. The repository's own
 * tsconfig.json cannot carry the ES-build paths: TypeScript would then type these packages from
 * their .js files (untyped) instead of their declarations. So the build runs from a directory
 * whose tsconfig.json has the repository's paths plus those. It sits at a fixed place in the
 * checkout because webpack names modules relative to the working directory: the same dist/ from
 * every clone.
 */
function buildDirectory(): string {
  const dir = path.join(repoRoot, '.bundle')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir)
  const project = path.join(repoRoot, 'tsconfig.json')
  const own = (JSON.parse(readFileSync(project, 'utf8')) as TsConfig).compilerOptions.paths ?? {}
  const paths: Record<string, string[]> = {}
  for (const [name, targets] of Object.entries(own)) {
    paths[name] = targets.map(target => path.join(repoRoot, target))
  }
  for (const name of ES_BUILDS) {
    const root = path.join(repoRoot, 'node_modules', name, 'dist-es')
    paths[name] = [path.join(root, 'index.js')]
    paths[`${name}/*`] = [path.join(root, 'submodules', '*', 'index.js')]
  }
  const config = { extends: project, compilerOptions: { paths } }
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2))
  return dir
}

interface TsConfig {
  compilerOptions: { paths?: Record<string, string[]> }
}

const build = buildDirectory()
process.chdir(build)
let result
try {
  result = await ncc(path.join(repoRoot, 'src/index.ts'), {
    license: 'licenses.txt',
    transpileOnly: true,
    mainFields: ['module', 'main'],
    quiet: true,
    // No filesystem cache: it is keyed by the working directory, and it does not notice a change
    // of tsconfig paths, so a cached build could differ from a fresh clone's.
    cache: false
  })
} finally {
  process.chdir(repoRoot)
  rmSync(build, { recursive: true, force: true })
}
const { code, assets } = result

// A clean directory: chunk names change between builds, and a stale chunk must not survive.
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
writeFileSync(path.join(out, 'index.js'), code)
for (const [name, asset] of Object.entries(assets)) {
  const file = path.join(out, name)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, asset.source)
}
const more = Object.keys(assets).length
console.log(`dist/: index.js (${(code.length / 1024).toFixed(0)} KiB) and ${more} more files`)
