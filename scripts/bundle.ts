// npm run bundle: dist/ from src/index.ts with ncc, as `ncc build src/index.ts -o dist --license
// licenses.txt --transpile-only --no-cache` would, with one difference the CLI has no option for:
// packages resolve to their ES module build (package.json "module") before their CommonJS one
// ("main"). The AWS SDK's ES builds load what a run may never need (SSO, INI files, ...) with
// import(), so ncc leaves those in chunks that load on demand.
import ncc from '@vercel/ncc'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'

const out = path.join(repoRoot, 'dist')
// ncc is silent while it works (tens of seconds on a slow machine): say what is happening.
console.log('Bundling src/index.ts into dist/ with ncc…')
const started = performance.now()
const { code, assets } = await ncc(path.join(repoRoot, 'src/index.ts'), {
  license: 'licenses.txt',
  transpileOnly: true,
  mainFields: ['module', 'main'],
  quiet: true,
  // No filesystem cache: it is keyed by the working directory, so a cached build could differ
  // from a fresh clone's.
  cache: false
})

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
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(
  `dist/: index.js (${(code.length / 1024).toFixed(0)} KiB) and ${more} more files, in ${seconds} s`
)
