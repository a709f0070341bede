import {
  type SigningCredentials,
  type SigningPolicy,
  accessKeyIdProblem,
  classifySigning,
  describeSource,
  isTemporaryKeyId,
  judgeSigning
} from '../../src/domain/signing.js'

describe('classifySigning', () => {
  test.each([
    [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' }, 'long-term'],
    [{ accessKeyId: 'ASIAIOSFODNN7EXAMPLE' }, 'temporary'],
    [{ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'token' }, 'temporary'],
    // S3-compatible STS (radosgw, MinIO) hands out other key ids: the token gives it away.
    [{ accessKeyId: 'ZXCVBNMASDFGHJKL1234', sessionToken: 'token' }, 'temporary'],
    [{ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', sessionToken: '' }, 'long-term']
  ])('%j is %s', (credentials, kind) => {
    expect(classifySigning(credentials)).toBe(kind)
  })

  test('ASIA is the STS prefix', () => {
    expect(isTemporaryKeyId('ASIA1234567890123456')).toBe(true)
    expect(isTemporaryKeyId('AKIA1234567890123456')).toBe(false)
  })
})

describe('accessKeyIdProblem', () => {
  test('a long-term key id is fine', () => {
    expect(accessKeyIdProblem('AKIAIOSFODNN7EXAMPLE')).toBeUndefined()
  })

  test.each([
    [
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      /is not an AWS access key id .* the secret key by mistake\?$/
    ],
    ['akiaiosfodnn7example', /is not an AWS access key id/],
    ['AKIA123', /is not an AWS access key id \(16 to 128/],
    ['ASIAIOSFODNN7EXAMPLE', /is a temporary \(ASIA…\) key id: .* long-term \(AKIA…\) keys$/]
  ])('%s: %p', (keyId, problem) => {
    expect(accessKeyIdProblem(keyId)).toMatch(problem)
  })
})

test('describeSource names where the keys came from, never the keys', () => {
  expect(describeSource('inputs')).toBe('presign-access-key-id / presign-secret-access-key')
  expect(describeSource('ssm')).toBe(
    'the SSM parameters presign-access-key-id-parameter / presign-secret-access-key-parameter'
  )
  expect(describeSource('workflow')).toBe("the workflow's own AWS credentials")
})

describe('judgeSigning', () => {
  const signedAt = new Date('2026-11-29T08:00:00Z')
  const policy: SigningPolicy = { expiresInSeconds: 604800, temporaryCredentials: 'warn' }
  const longTerm: SigningCredentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'long-term-secret',
    source: 'ssm'
  }
  const session: SigningCredentials = {
    accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'session-secret',
    sessionToken: 'session-token',
    source: 'workflow'
  }

  test('long-term keys: the full expires-in, a note, no warning', () => {
    const verdict = judgeSigning(longTerm, policy, signedAt)
    expect(verdict).toEqual({
      kind: 'long-term',
      expiry: {
        requested: new Date('2026-12-06T08:00:00Z'),
        effective: new Date('2026-12-06T08:00:00Z'),
        cutShort: false
      },
      note: 'Signing with the SSM parameters presign-access-key-id-parameter / presign-secret-access-key-parameter: key id AKIAIOSFODNN7EXAMPLE, long-term; links work until 2026-12-06T08:00:00Z'
    })
  })

  test('a session that ends first: temporary, cut to its end, with a warning that says so', () => {
    const verdict = judgeSigning(
      { ...session, expiration: new Date('2026-11-29T09:00:00Z') },
      policy,
      signedAt
    )
    expect(verdict.kind).toBe('temporary')
    expect(verdict.expiry.effective).toEqual(new Date('2026-11-29T09:00:00Z'))
    expect(verdict.note).toBe(
      "Signing with the workflow's own AWS credentials: key id ASIAIOSFODNN7EXAMPLE, temporary; links work until 2026-11-29T09:00:00Z"
    )
    expect(verdict.warning).toContain(
      'These URLs stop working at 2026-11-29T09:00:00Z (in 1h, from provider), not after the 7d asked for.'
    )
  })

  test('the credential-expiration input wins over the environment and the provider', () => {
    const verdict = judgeSigning(
      { ...session, expiration: new Date('2026-11-29T12:00:00Z') },
      {
        ...policy,
        credentialExpiration: new Date('2026-11-29T08:30:00Z'),
        environmentCredentialExpiration: new Date('2026-11-29T10:00:00Z')
      },
      signedAt
    )
    expect(verdict.expiry.effective).toEqual(new Date('2026-11-29T08:30:00Z'))
    expect(verdict.warning).toContain('(in 30m, from credential-expiration)')
  })

  test('a session of unknown end: no time in the note, expires-at explained in the warning', () => {
    const verdict = judgeSigning(session, policy, signedAt)
    expect(verdict.expiry.effective).toBeUndefined()
    expect(verdict.note).toBe(
      "Signing with the workflow's own AWS credentials: key id ASIAIOSFODNN7EXAMPLE, temporary"
    )
    expect(verdict.warning).toContain('expires-at is empty')
  })

  test('a session that outlives expires-in: the URLs last as asked, and the warning says why', () => {
    const verdict = judgeSigning(
      { ...session, source: 'inputs', expiration: new Date('2026-11-29T12:00:00Z') },
      { ...policy, expiresInSeconds: 600 },
      signedAt
    )
    expect(verdict.expiry.effective).toEqual(new Date('2026-11-29T08:10:00Z'))
    expect(verdict.warning).toContain(
      'The session lasts until 2026-11-29T12:00:00Z (from provider), so these URLs last the 10m asked for, but only because the session outlives them.'
    )
    // Only the workflow's own session puts its token in every URL.
    expect(verdict.warning).not.toContain('image-urls')
  })

  test('the note and the warning never hold the secret or the session token', () => {
    const verdict = judgeSigning(session, policy, signedAt)
    for (const text of [verdict.note, verdict.warning]) {
      expect(text).not.toContain('session-secret')
      expect(text).not.toContain('session-token')
    }
  })

  test('credentials already expired: refused, every URL would be dead on arrival', () => {
    const verdict = judgeSigning(
      { ...session, expiration: new Date('2026-11-29T08:00:00Z') },
      policy,
      signedAt
    )
    expect(verdict.refusal).toBe(
      "The signing credentials expired at 2026-11-29T08:00:00Z (from provider): every URL would be dead on arrival. Refresh them, or sign with an IAM user's long-term keys."
    )
    // What signed is still said, so the log shows which key was refused.
    expect(verdict.note).toMatch(/^Signing with .*: key id ASIA/)
  })

  test('temporary-credentials: fail turns the warning into a refusal', () => {
    const verdict = judgeSigning(session, { ...policy, temporaryCredentials: 'fail' }, signedAt)
    expect(verdict.refusal).toMatch(
      /^temporary-credentials is 'fail'\. The presigned URLs are signed with temporary credentials/
    )
    expect(verdict.warning).toBeUndefined()
  })

  test('a provider expiry that is not a time is no expiry: the end is unknown, not a crash', () => {
    const verdict = judgeSigning({ ...session, expiration: new Date('tomorrow') }, policy, signedAt)
    expect(verdict.expiry.effective).toBeUndefined()
    expect(verdict.warning).toMatch(/Their end is unknown/)
  })

  test('long-term keys are never refused, whatever the policy', () => {
    expect(judgeSigning(longTerm, { ...policy, temporaryCredentials: 'fail' }, signedAt).kind).toBe(
      'long-term'
    )
  })
})
