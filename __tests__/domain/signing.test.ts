import { classifySigning, isTemporaryKeyId } from '../../src/domain/signing.js'

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
