// The proof, on a real S3: one object, two presigned URLs asking for 7 days. One signed by a
// 900-second STS session (radosgw's minimum), one by the IAM user. After the session ends, radosgw
// refuses the first and still serves the second; the action had said so in `expires-at`.
// Slow (~16 minutes): `npm run test:expiry`, not part of `npm test`.
import { ensureCeph, radosgwTestsMode, skipMessage } from '../../test-support/ceph-install.js'
import { sleep } from '../../test-support/faults.js'
import { type Radosgw, type Session, startRadosgw } from '../../test-support/radosgw.js'
import {
  BUCKET,
  fetchUrl,
  type RadosgwRig,
  SSM_SIGNER,
  startRadosgwRig,
  toSecond
} from '../../test-support/radosgw-stand-ins.js'
import { runAction } from '../../test-support/run-action.js'

const SESSION_SECONDS = 900
/** After the session's end, before asking radosgw again (its clock is ours; this is slack). */
const MARGIN_MS = 20000
/** A URL must still work this close to the session's end. */
const STILL_ALIVE_MS = 5000

const available = await ensureCeph()
const suite = available ? describe : describe.skip
if (!available) {
  // One line, without the stack jest's console adds.
  process.stderr.write(`${skipMessage('session-expiry proof')}\n`)
  if (radosgwTestsMode() === 'require')
    test('Ceph radosgw is available (RADOSGW_TESTS=require)', () => {
      throw new Error(skipMessage('session-expiry proof'))
    })
}

/** Progress with a timestamp, straight to stderr: CI logs show it live, not at the end. */
function progress(message: string): void {
  process.stderr.write(`[expiry ${new Date().toISOString()}] ${message}\n`)
}

suite('on radosgw, a URL signed by a session dies with it; the IAM user’s lives on', () => {
  let rgw: Radosgw
  let rig: RadosgwRig | undefined
  afterAll(async () => {
    await rig?.close()
    await rgw?.stop()
  })

  test('the same object, two URLs, one session end', async () => {
    rgw = await startRadosgw()
    progress(`radosgw up in ${rgw.timings.total} ms at ${rgw.endpoint}`)
    await rgw.createBucket(BUCKET)
    const session: Session = await rgw.assumeRole(SESSION_SECONDS)
    const sessionEnd = session.expiration.getTime()
    progress(`session ${session.accessKeyId} ends at ${session.expiration.toISOString()}`)
    rig = await startRadosgwRig(rgw, session)

    // Same run id and attempt: both runs write the same key, so both URLs name one object.
    const widgets = JSON.stringify([{ metrics: [['AWS/EC2', 'CPUUtilization']], title: 'CPU' }])
    const run = (inputs: Record<string, string>) =>
      runAction({
        inputs: { ...rig!.inputs, widgets, 'expires-in': '7d', ...inputs },
        env: rig!.env,
        run: { id: 900900, attempt: 1 }
      })
    const bySession = await run({ 'credential-expiration': session.expiration.toISOString() })
    expect(bySession.errors).toEqual([])
    expect(bySession.exitCode).toBe(0)
    expect(bySession.outputs['signing-credentials']).toBe('temporary')
    expect(bySession.outputs['expires-at']).toBe(toSecond(session.expiration))
    const byUser = await run(SSM_SIGNER)
    expect(byUser.errors).toEqual([])
    expect(byUser.exitCode).toBe(0)
    expect(byUser.outputs['signing-credentials']).toBe('long-term')
    expect(byUser.outputs['object-keys']).toBe(bySession.outputs['object-keys'])

    const [sessionUrl] = JSON.parse(bySession.outputs['image-urls']!) as string[]
    const [userUrl] = JSON.parse(byUser.outputs['image-urls']!) as string[]
    for (const url of [sessionUrl!, userUrl!])
      expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('604800')
    // The object now holds the second run's render; both URLs must serve exactly that.
    const image = rig.aws.cloudwatchRequests.at(-1)!.image
    for (const url of [sessionUrl!, userUrl!]) {
      const answer = await fetchUrl(url)
      expect(answer.status).toBe(200)
      expect(answer.body.equals(image)).toBe(true)
    }
    // .ci/run waits for this line before it rebuilds dist/: the action runs are over.
    progress('both URLs served: waiting for the session to end')

    // Until the session ends, the session's URL keeps working; check once a minute and say so.
    while (Date.now() < sessionEnd - STILL_ALIVE_MS) {
      await sleep(Math.min(60000, sessionEnd - STILL_ALIVE_MS - Date.now()))
      const [bySessionNow, byUserNow] = await Promise.all([
        fetchUrl(sessionUrl!),
        fetchUrl(userUrl!)
      ])
      const left = Math.round((sessionEnd - Date.now()) / 1000)
      progress(
        `session ends in ${left} s; session URL ${bySessionNow.status}, IAM user URL ${byUserNow.status}`
      )
      if (Date.now() < sessionEnd) expect(bySessionNow.status).toBe(200)
      expect(byUserNow.status).toBe(200)
    }

    await sleep(Math.max(0, sessionEnd + MARGIN_MS - Date.now()))
    const [dead, alive] = await Promise.all([fetchUrl(sessionUrl!), fetchUrl(userUrl!)])
    progress(
      `session over: session URL ${dead.status} ${dead.code ?? ''}, IAM user URL ${alive.status}`
    )
    // radosgw with `rgw s3 auth use sts = true` answers every auth failure so (AWS: ExpiredToken).
    expect(dead.status).toBe(403)
    expect(dead.code).toBe('AccessDenied')
    expect(alive.status).toBe(200)
    expect(alive.body.equals(image)).toBe(true)
  })
})
