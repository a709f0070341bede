// The builds measured: this checkout's dist/ (or BENCH_DIST) and, for an A/B in the same run,
// BENCH_BASELINE (another build, e.g. the previous one). Each is copied when the bench starts:
// `npm test` rebuilds dist/ (pretest), and a rebuild in the middle of the bench must not mix two
// builds in one table.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../test-support/action-env.js'

export interface BuildUnderTest {
  /** 'this' is judged against the targets; 'baseline' is only there to compare with. */
  role: 'this' | 'baseline'
  /** Its name in the table: 'this build', or the baseline as BENCH_BASELINE gives it. */
  label: string
  /** Where it came from, as given ('dist' or the variable's value), for the JSON. */
  source: string
  /** The private copy that is measured. */
  dir: string
  entry: string
}

/** 'dist' is this checkout's; a path from the environment is relative to the working directory. */
function directory(source: string): string {
  return source === 'dist' ? path.join(repoRoot, 'dist') : path.resolve(source)
}

function snapshot(role: BuildUnderTest['role'], label: string, source: string): BuildUnderTest {
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-bench-dist-'))
  cpSync(directory(source), dir, { recursive: true })
  return { role, label, source, dir, entry: path.join(dir, 'index.js') }
}

/** The build measured first; then, when BENCH_BASELINE is set, the baseline. */
export function snapshotBuilds(): [BuildUnderTest] | [BuildUnderTest, BuildUnderTest] {
  const measured = process.env.BENCH_DIST ?? 'dist'
  const baseline = process.env.BENCH_BASELINE
  // Both are checked before anything is copied, so a mistyped path leaves no snapshot behind.
  for (const source of baseline ? [measured, baseline] : [measured]) {
    if (!existsSync(path.join(directory(source), 'index.js'))) {
      throw new Error(`${source} is not a build of the action: it has no index.js`)
    }
  }
  const build = snapshot('this', 'this build', measured)
  return baseline ? [build, snapshot('baseline', baseline, baseline)] : [build]
}

export function removeSnapshots(builds: readonly BuildUnderTest[]): void {
  for (const build of builds) rmSync(build.dir, { recursive: true, force: true })
}

/**
 * `rounds` rounds of `run`, every build once per round in turn (A, B, A, B…) rather than all of A
 * then all of B: a machine that gets busier or quieter during the bench then weighs on both builds
 * alike. The results come back build by build, in the order of `builds`.
 */
export async function alternately<T>(
  builds: readonly BuildUnderTest[],
  rounds: number,
  run: (build: BuildUnderTest) => Promise<T>
): Promise<Array<{ build: BuildUnderTest; runs: T[] }>> {
  const results = builds.map(build => ({ build, runs: [] as T[] }))
  for (let round = 0; round < rounds; round++) {
    for (const result of results) result.runs.push(await run(result.build))
  }
  return results
}
