import {
  effectiveExpiry,
  formatInstant,
  resolveCredentialExpiry,
  temporaryCredentialsMessage
} from '../../src/domain/signing.js'

const signedAt = new Date('2026-11-29T08:00:00Z')
const week = 604800

describe('effectiveExpiry', () => {
  test('long-term keys: the full expires-in', () => {
    const expiry = effectiveExpiry({ signedAt, expiresInSeconds: week, kind: 'long-term' })
    expect(formatInstant(expiry.effective!)).toBe('2026-12-06T08:00:00Z')
    expect(expiry.cutShort).toBe(false)
  })

  test('long-term keys ignore a credential expiry', () => {
    const expiry = effectiveExpiry({
      signedAt,
      expiresInSeconds: 3600,
      kind: 'long-term',
      credentialExpiry: { at: new Date('2026-11-29T08:10:00Z'), source: 'credential-expiration' }
    })
    expect(formatInstant(expiry.effective!)).toBe('2026-11-29T09:00:00Z')
  })

  test('a session that ends first cuts the URLs short', () => {
    const at = new Date('2026-11-29T09:00:00Z')
    const expiry = effectiveExpiry({
      signedAt,
      expiresInSeconds: week,
      kind: 'temporary',
      credentialExpiry: { at, source: 'provider' }
    })
    expect(expiry.effective).toEqual(at)
    expect(expiry.cutShort).toBe(true)
    expect(formatInstant(expiry.requested)).toBe('2026-12-06T08:00:00Z')
  })

  test('a session that outlives expires-in does not', () => {
    const expiry = effectiveExpiry({
      signedAt,
      expiresInSeconds: 600,
      kind: 'temporary',
      credentialExpiry: { at: new Date('2026-11-29T09:00:00Z'), source: 'provider' }
    })
    expect(formatInstant(expiry.effective!)).toBe('2026-11-29T08:10:00Z')
    expect(expiry.cutShort).toBe(false)
  })

  test('a session of unknown end: no effective time', () => {
    const expiry = effectiveExpiry({ signedAt, expiresInSeconds: week, kind: 'temporary' })
    expect(expiry.effective).toBeUndefined()
    expect(expiry.cutShort).toBe(true)
  })
})

describe('resolveCredentialExpiry', () => {
  const a = new Date('2026-11-29T09:00:00Z')
  const b = new Date('2026-11-29T10:00:00Z')
  const c = new Date('2026-11-29T11:00:00Z')
  test('the input wins, then the environment, then the provider', () => {
    expect(resolveCredentialExpiry({ input: a, environment: b, provider: c })).toEqual({
      at: a,
      source: 'credential-expiration'
    })
    expect(resolveCredentialExpiry({ environment: b, provider: c })).toEqual({
      at: b,
      source: 'AWS_CREDENTIAL_EXPIRATION'
    })
    expect(resolveCredentialExpiry({ provider: c })).toEqual({ at: c, source: 'provider' })
    expect(resolveCredentialExpiry({})).toBeUndefined()
  })
})

describe('temporaryCredentialsMessage', () => {
  test('names the real expiry, the fix, and the dropped output when the workflow signs', () => {
    const credentialExpiry = { at: new Date('2026-11-29T09:00:00Z'), source: 'provider' as const }
    const expiry = effectiveExpiry({
      signedAt,
      expiresInSeconds: week,
      kind: 'temporary',
      credentialExpiry
    })
    const text = temporaryCredentialsMessage({
      expiry,
      expiresInSeconds: week,
      credentialExpiry,
      source: 'workflow',
      now: signedAt
    })
    expect(text).toContain('stop working at 2026-11-29T09:00:00Z (in 1h')
    expect(text).toContain('not after the 7d asked for')
    expect(text).toContain('IAM user')
    expect(text).toContain('SSM')
    expect(text).toContain('image-urls')
  })

  test('says when the end is unknown and how to report it', () => {
    const expiry = effectiveExpiry({ signedAt, expiresInSeconds: week, kind: 'temporary' })
    const text = temporaryCredentialsMessage({
      expiry,
      expiresInSeconds: week,
      source: 'workflow',
      now: signedAt
    })
    expect(text).toContain('unknown')
    expect(text).toContain('expires-at is empty')
    expect(text).toContain('1 hour')
    expect(text).toContain('credential-expiration')
  })
})
