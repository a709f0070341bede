// Ceph from Debian, for the tests on a real S3 (radosgw.md, "Install"). Installs only as root with
// apt-get; anywhere else the tests skip and say why.
//
// RADOSGW_TESTS: `skip` never installs nor runs them; `require` (CI) turns "not available" into a
// failure, so a broken install cannot pass as a skip.
import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const CEPH_PACKAGES = ['radosgw', 'ceph-mon', 'ceph-osd', 'ceph-common']
/** What bring-up runs (monmaptool comes with ceph-base, a dependency of ceph-mon). */
const BINARIES = [
  'radosgw',
  'ceph-mon',
  'ceph-osd',
  'ceph',
  'ceph-authtool',
  'monmaptool',
  'radosgw-admin'
]

export type RadosgwTestsMode = 'auto' | 'skip' | 'require'

export function radosgwTestsMode(): RadosgwTestsMode {
  const mode = process.env.RADOSGW_TESTS
  return mode === 'skip' || mode === 'require' ? mode : 'auto'
}

/** On PATH, as the bring-up spawns it. */
function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(':').some(dir => {
    try {
      accessSync(path.join(dir, binary), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

export function isCephInstalled(): boolean {
  return BINARIES.every(onPath)
}

/** Why Ceph is missing and stays missing, for the skip message. */
let unavailableReason: string | undefined

let installing: Promise<boolean> | undefined

/** Installs Ceph when missing and possible; true when the tests can run. Installs once. */
export function ensureCeph(): Promise<boolean> {
  installing ??= install()
  return installing
}

async function install(): Promise<boolean> {
  if (radosgwTestsMode() === 'skip') return unavailable('RADOSGW_TESTS=skip')
  if (isCephInstalled()) return true
  if (process.getuid?.() !== 0) return unavailable('not installed, and installing needs root')
  if (!onPath('apt-get')) return unavailable('not installed, and there is no apt-get here')
  // DPkg::Lock::Timeout: another test process may be installing at the same moment; wait for it.
  const apt = ['-o', 'DPkg::Lock::Timeout=600']
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const options = { env, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 }
  try {
    await run('apt-get', [...apt, 'update'], options)
    await run(
      'apt-get',
      [...apt, 'install', '-y', '--no-install-recommends', ...CEPH_PACKAGES],
      options
    )
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(-4).join(' ') : ''
    return unavailable(`apt-get install failed: ${detail}`)
  }
  return isCephInstalled() || unavailable('apt-get succeeded but the binaries are missing')
}

function unavailable(reason: string): false {
  unavailableReason = reason
  return false
}

/** The message a skipped suite prints: why, and how to run it. */
export function skipMessage(suite: string): string {
  const how =
    radosgwTestsMode() === 'skip'
      ? 'unset RADOSGW_TESTS'
      : `as root on Debian or Ubuntu, \`apt-get install --no-install-recommends ${CEPH_PACKAGES.join(' ')}\`` +
        ' (run as root, the tests install it themselves)'
  return `${suite}: skipped, Ceph radosgw is not available (${unavailableReason ?? 'not checked'}). To run them: ${how}.`
}
