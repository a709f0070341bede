// delivery: slack-upload's two steps against the Slack stand-in: the bytes of each graph to Slack
// (getUploadURLExternal, then the bytes to that URL, retried on a broken connection or a 5xx), then
// the files shared in the channel or a thread (completeUploadExternal), paced, stopping at the
// first refusal.
import { jest } from '@jest/globals'
import { createServer } from 'node:http'
import * as core from '../../__fixtures__/core.js'
import { closeServer, listenOnLoopback, sendJson } from '../../test-support/http.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'

jest.unstable_mockModule('@actions/core', () => core)
const { createSlackClient } = await import('../../src/slack/client.js')
const { FILES_PER_MESSAGE, shareFiles, uploadFiles } = await import('../../src/slack/files.js')

const CHANNEL = 'C0GRAPHS'
let slack: SlackStandIn

beforeAll(async () => {
  slack = await startSlackStandIn({
    channels: { [CHANNEL]: { joined: true }, C0ELSEWHERE: { joined: false } }
  })
})
afterAll(async () => {
  await slack.close()
})
beforeEach(() => {
  core.resetCore()
  slack.faults.clear()
  slack.uploads.length = 0
  slack.rejected.length = 0
})

const client = () => createSlackClient(slack.token, slack.apiUrl)
const png = (seed: number) => renderGraphPng({ width: 80, height: 40, title: `g${seed}`, seed })
const files = (...names: string[]) =>
  names.map((name, i) => ({ name, position: i + 1, png: new Uint8Array(png(i + 1)) }))

/** A sleep that waits for nothing and remembers what it was asked. */
function recordingSleep() {
  const calls: number[] = []
  return { calls, sleep: async (ms: number) => void calls.push(ms) }
}

describe('uploadFiles', () => {
  test("every graph's bytes reach Slack under its numbered name; nothing is shared yet", async () => {
    const graphs = files('CPU utilization', 'Memory')
    const results = await uploadFiles(client(), graphs)
    const byName = new Map(slack.uploads.map(u => [u.filename, u]))
    expect([...byName.keys()].sort()).toEqual(['01-cpu-utilization.png', '02-memory.png'])
    expect(results).toEqual([
      { id: byName.get('01-cpu-utilization.png')?.fileId, title: 'CPU utilization' },
      { id: byName.get('02-memory.png')?.fileId, title: 'Memory' }
    ])
    for (const [i, name] of ['01-cpu-utilization.png', '02-memory.png'].entries()) {
      const upload = byName.get(name)
      expect(upload?.length).toBe(graphs[i]?.png.length)
      expect(upload?.bytes).toEqual(Buffer.from(graphs[i]?.png ?? []))
      expect(upload?.completed).toBe(false)
    }
  })

  test('one refused upload costs only its own graph, and names it with the fix', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'missing_scope' },
      { operation: 'files.getUploadURLExternal' }
    )
    const graphs = files('CPU', 'Memory', 'Disk')
    const results = await uploadFiles(client(), graphs)
    const failures = results.flatMap((result, i) => (result instanceof Error ? [[i, result]] : []))
    expect(failures).toHaveLength(1)
    const [index, error] = failures[0] as [number, Error]
    expect(error.message).toBe(
      `Slack refused an upload of '${graphs[index]?.name}': missing_scope: the app lacks a scope: chat:write to post (files:write too with delivery: slack-upload); add it and reinstall the app`
    )
    expect(slack.uploads.filter(u => u.bytes)).toHaveLength(2)
  })

  test('a 5xx from the upload URL is retried after a pause, and the bytes arrive', async () => {
    slack.faults.inject({ kind: 'status', status: 503 }, { operation: 'upload' })
    const pause = recordingSleep()
    const [result] = await uploadFiles(client(), files('CPU'), { sleep: pause.sleep })
    expect(result).toEqual({ id: slack.uploads[0]?.fileId, title: 'CPU' })
    expect(slack.uploads[0]?.bytes?.length).toBeGreaterThan(0)
    expect(pause.calls).toEqual([1000])
  })

  test('a broken connection is retried too', async () => {
    slack.faults.inject({ kind: 'reset' }, { operation: 'upload' })
    const pause = recordingSleep()
    const [result] = await uploadFiles(client(), files('CPU'), { sleep: pause.sleep })
    expect(result).not.toBeInstanceOf(Error)
    expect(pause.calls).toEqual([1000])
  })

  test('three failed attempts, with growing pauses: the graph fails with the last cause', async () => {
    slack.faults.inject({ kind: 'status', status: 500 }, { operation: 'upload', times: 3 })
    const pause = recordingSleep()
    const [result] = await uploadFiles(client(), files('CPU'), { sleep: pause.sleep })
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toBe("Uploading 'CPU' to Slack failed: HTTP 500")
    expect(pause.calls).toEqual([1000, 2000])
  })

  test('a 4xx is not retried: the next attempt would meet the same answer', async () => {
    slack.faults.inject({ kind: 'status', status: 403 }, { operation: 'upload', times: 3 })
    const pause = recordingSleep()
    const [result] = await uploadFiles(client(), files('CPU'), { sleep: pause.sleep })
    expect((result as Error).message).toBe("Uploading 'CPU' to Slack failed: HTTP 403")
    expect(pause.calls).toEqual([])
  })

  test('Slack answering without an upload URL fails that graph', async () => {
    const api = createServer((req, res) => {
      req.resume().on('end', () => sendJson(res, 200, { ok: true, file_id: 'F0NOURL' }))
    })
    const base = await listenOnLoopback(api)
    try {
      const [result] = await uploadFiles(
        createSlackClient(slack.token, `${base}/api/`),
        files('CPU')
      )
      expect((result as Error).message).toBe("Slack gave no upload URL for 'CPU'")
    } finally {
      await closeServer(api)
    }
  })
})

describe('shareFiles', () => {
  /** Uploads `count` graphs through the stand-in, ready to share. */
  async function uploaded(count: number) {
    const names = Array.from({ length: count }, (_, i) => `Graph ${i + 1}`)
    const results = await uploadFiles(client(), files(...names))
    return results.map(result => {
      if (result instanceof Error) throw result
      return result
    })
  }

  test(`${FILES_PER_MESSAGE} files a message, in order, paced between messages, permalinks returned`, async () => {
    const ready = await uploaded(12)
    const shared: number[] = []
    const pause = {
      calls: [] as number[],
      sleep: async (ms: number) => {
        pause.calls.push(ms)
        shared.push(slack.uploads.filter(u => u.completed).length)
      }
    }
    const shares = () =>
      slack.timeline.events.filter(e => e.operation === 'files.completeUploadExternal').length
    const before = shares()
    const result = await shareFiles(client(), CHANNEL, ready, {
      perMessage: FILES_PER_MESSAGE,
      paceMs: 1000,
      sleep: pause.sleep
    })
    expect(result.failure).toBeUndefined()
    expect(shares() - before).toBe(2)
    expect(pause.calls).toEqual([1000])
    expect(shared).toEqual([10]) // the pause came after the first ten were shared
    const byId = new Map(slack.uploads.map(u => [u.fileId, u]))
    // Each file's own permalink, in the order given.
    expect(result.permalinks).toHaveLength(12)
    result.permalinks.forEach((link, i) => expect(link).toContain(`/${ready[i]?.id}/`))
    for (const file of ready) {
      expect(byId.get(file.id)).toMatchObject({
        completed: true,
        channel: CHANNEL,
        title: file.title,
        threadTs: undefined
      })
    }
  })

  test('one file a message as replies in a thread', async () => {
    const ready = await uploaded(3)
    const pause = recordingSleep()
    const result = await shareFiles(client(), CHANNEL, ready, {
      perMessage: 1,
      threadTs: '1764403200.000100',
      paceMs: 1000,
      sleep: pause.sleep
    })
    expect(result.permalinks.every(link => typeof link === 'string' && link !== '')).toBe(true)
    expect(pause.calls).toEqual([1000, 1000])
    expect(slack.uploads.map(u => u.threadTs)).toEqual(Array(3).fill('1764403200.000100'))
  })

  test('no pace asked: no pause', async () => {
    const ready = await uploaded(2)
    const pause = recordingSleep()
    await shareFiles(client(), CHANNEL, ready, { perMessage: 1, sleep: pause.sleep })
    expect(pause.calls).toEqual([])
  })

  test('a refusal stops the sharing: the files before it keep their permalinks, why is said', async () => {
    const ready = await uploaded(3)
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'not_in_channel' },
      { operation: 'files.completeUploadExternal', after: 1 }
    )
    const result = await shareFiles(client(), CHANNEL, ready, { perMessage: 1, paceMs: 0 })
    expect(result.permalinks[0]).toEqual(expect.stringContaining(ready[0]?.id ?? '?'))
    expect(result.permalinks.slice(1)).toEqual([undefined, undefined])
    expect(result.failure).toBe(
      'Slack refused to share it: not_in_channel: invite the Slack app to the channel (/invite @your-app)'
    )
    // The third file was not tried: it would meet the same refusal.
    expect(slack.rejected.map(r => r.method)).toEqual(['files.completeUploadExternal'])
    expect(slack.uploads.filter(u => u.completed)).toHaveLength(1)
  })

  test("a file Slack shared without a permalink gets '' (shared, link unknown)", async () => {
    const api = createServer((req, res) => {
      req.resume().on('end', () =>
        sendJson(res, 200, {
          ok: true,
          files: [{ id: 'F1', permalink: 'https://slack/F1' }, { id: 'F2' }]
        })
      )
    })
    const base = await listenOnLoopback(api)
    try {
      const result = await shareFiles(
        createSlackClient(slack.token, `${base}/api/`),
        CHANNEL,
        [
          { id: 'F1', title: 'CPU' },
          { id: 'F2', title: 'Memory' }
        ],
        { perMessage: 10 }
      )
      expect(result).toEqual({ permalinks: ['https://slack/F1', ''] })
    } finally {
      await closeServer(api)
    }
  })
})
