// Bring-up of the one-node cluster, step by step as radosgw.md measured it: keys, mon, memstore OSD,
// radosgw. Each daemon runs in the foreground (-f) under `Daemons`, which stops it by PID.
import { execFile } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { type ClusterLayout, cephConf, KEYS, monAddress } from './ceph-conf.js'
import type { Daemons } from './daemons.js'
import { sleep } from './faults.js'

const exec = promisify(execFile)

export interface Cluster {
  /** radosgw's S3 (and STS) endpoint: http://127.0.0.1:PORT. */
  endpoint: string
  /** Runs a Ceph command-line tool (ceph, radosgw-admin, …) on this cluster; resolves to stdout. */
  tool(command: string, args: string[]): Promise<string>
  /** Milliseconds per phase. */
  timings: Record<string, number>
}

export async function startCluster(dir: string, daemons: Daemons): Promise<Cluster> {
  const timings: Record<string, number> = {}
  let mark = performance.now()
  const phase = (name: string) => {
    const at = performance.now()
    timings[name] = Math.round(at - mark)
    mark = at
  }
  const [monV2Port, monV1Port, rgwPort] = (await freePorts(3)) as [number, number, number]
  const layout: ClusterLayout = {
    dir,
    fsid: randomUUID(),
    monV2Port,
    monV1Port,
    rgwPort,
    stsKey: randomToken(16)
  }
  for (const sub of ['run', 'log', 'mon', 'osd/0', 'rgw'])
    mkdirSync(path.join(dir, sub), { recursive: true })
  const conf = path.join(dir, 'ceph.conf')
  writeFileSync(conf, cephConf(layout))
  const tool = (command: string, args: string[]) =>
    exec(command, ['-c', conf, ...args], { timeout: 30000 }).then(({ stdout }) => stdout)
  const start = (name: string, command: string, args: string[]) =>
    daemons.start(name, command, ['-c', conf, '-f', ...args], path.join(dir, 'log', `${name}.out`))

  // Every key goes into one keyring, which the mon imports at mkfs and every daemon reads.
  const keyring = path.join(dir, 'keyring')
  for (const [index, { name, caps }] of KEYS.entries()) {
    const create = index === 0 ? ['--create-keyring'] : []
    const capArgs = Object.entries(caps).flatMap(([service, cap]) => ['--cap', service, cap])
    await exec('ceph-authtool', [keyring, ...create, '--gen-key', '-n', name, ...capArgs])
  }
  const monmap = path.join(dir, 'monmap')
  const address = monAddress(layout)
  await exec('monmaptool', ['--create', '--fsid', layout.fsid, '--addv', 'a', address, monmap])
  await tool('ceph-mon', ['--mkfs', '-i', 'a', '--monmap', monmap, '--keyring', keyring])
  phase('keys and mon mkfs')

  const mon = start('mon', 'ceph-mon', ['-i', 'a'])
  await until('the mon answers', 30000, async () => {
    if (!daemons.alive(mon)) throw new Error('ceph-mon exited')
    return tool('ceph', ['--connect-timeout', '3', 'status']).then(
      () => true,
      () => false
    )
  })
  phase('mon up')

  const osdUuid = randomUUID()
  const osdId = (await tool('ceph', ['osd', 'new', osdUuid])).trim()
  if (osdId !== '0') throw new Error(`ceph osd new gave id ${osdId}, expected 0`)
  await tool('ceph-osd', ['-i', '0', '--mkfs', '--osd-uuid', osdUuid])
  const osd = start('osd', 'ceph-osd', ['-i', '0'])
  await until('the OSD is up', 30000, async () => {
    if (!daemons.alive(osd)) throw new Error('ceph-osd exited')
    const stat = JSON.parse(await tool('ceph', ['osd', 'stat', '-f', 'json'])) as {
      num_up_osds?: number
    }
    return stat.num_up_osds === 1
  })
  phase('osd up')

  // radosgw creates its pools before it listens: that is most of its start.
  const endpoint = `http://127.0.0.1:${layout.rgwPort}`
  const rgw = start('rgw', 'radosgw', ['-n', 'client.rgw.0'])
  await until('radosgw answers HTTP', 60000, async () => {
    if (!daemons.alive(rgw)) throw new Error('radosgw exited')
    return fetch(endpoint).then(
      () => true,
      () => false
    )
  })
  phase('radosgw up')
  return { endpoint, tool, timings }
}

/** Ports free on 127.0.0.1 right now (the OS picks; the daemons bind them moments later). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => {
      const server = createServer()
      return new Promise<typeof server>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => resolve(server))
      })
    })
  )
  const ports = servers.map(server => (server.address() as { port: number }).port)
  await Promise.all(servers.map(server => new Promise(resolve => server.close(resolve))))
  return ports
}

async function until(
  what: string,
  timeoutMs: number,
  ready: () => Promise<boolean>
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms until ${what}`)
    await sleep(50)
  }
}

/** Letters and digits only: safe in ceph.conf and on radosgw-admin's command line. */
export function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(length), byte => alphabet[byte % alphabet.length]).join('')
}

/** The end of each daemon's logs, for the error message when bring-up fails. */
export function tailLogs(dir: string): string {
  const logDir = path.join(dir, 'log')
  try {
    return readdirSync(logDir)
      .map(name => {
        const lines = readFileSync(path.join(logDir, name), 'utf8').trimEnd().split('\n')
        return `--- ${name}\n${lines.slice(-15).join('\n')}`
      })
      .join('\n')
  } catch {
    return ''
  }
}
