// Daemons that must not outlive the tests. Each is stopped by its PID (SIGTERM, then SIGKILL).
// process.on('exit') cannot guard them: jest hands test code a copy of `process` whose 'exit' never
// fires (measured), and a worker killed by SIGKILL or a timeout runs no handler at all. So a
// watchdog shell, in its own process group, holds a pipe from this process: when the pipe closes
// for any reason other than a clean stop, it kills the daemons by PID and removes their folder.
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'

const WATCHDOG = `
pids=""
while read -r line; do
  case "$line" in
    done) exit 0 ;;
    *) pids="$line $pids" ;;
  esac
done
kill -9 $pids 2>/dev/null
rm -rf "$1"
`

export class Daemons {
  private readonly running: { name: string; child: ChildProcess }[] = []
  private readonly watchdog: ChildProcess

  /** `dir` is removed by the watchdog if this process dies before stop(). */
  constructor(dir: string) {
    this.watchdog = spawn('sh', ['-c', WATCHDOG, 'watchdog', dir], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore']
    })
    // Neither the watchdog nor its pipe may keep the test process alive.
    this.watchdog.unref()
    const stdin = this.watchdog.stdin as unknown as { unref?: () => void } | null
    stdin?.unref?.()
  }

  /** Starts `command` in the foreground mode (-f), its output appended to `logFile`. */
  start(name: string, command: string, args: string[], logFile: string): ChildProcess {
    const log = openSync(logFile, 'a')
    const child = spawn(command, args, { stdio: ['ignore', log, log] })
    closeSync(log) // the daemon holds its own copy
    if (child.pid === undefined) throw new Error(`${name} did not start (${command})`)
    this.watchdog.stdin?.write(`${child.pid}\n`)
    this.running.push({ name, child })
    // A daemon that dies early is reported by the waits of the caller (they time out with its log).
    child.on('error', () => undefined)
    return child
  }

  /** Whether the daemon is still running. */
  alive(child: ChildProcess): boolean {
    return child.exitCode === null && child.signalCode === null
  }

  /** Stops the daemons newest first (radosgw, OSD, mon), each by its PID. */
  async stopAll(graceMs = 5000): Promise<void> {
    for (const { child } of [...this.running].reverse()) await stop(child, graceMs)
    this.running.length = 0
    this.watchdog.stdin?.end('done\n')
  }
}

async function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  process.kill(child.pid, 'SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>(resolve => {
    timer = setTimeout(() => resolve('late'), graceMs)
  })
  if ((await Promise.race([exited, late])) === 'late') {
    process.kill(child.pid, 'SIGKILL')
    await exited
  }
  clearTimeout(timer)
}
