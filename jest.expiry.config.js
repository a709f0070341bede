// The slow proof that session-signed URLs die with the session on a real S3 (radosgw), while the IAM
// user's URLs live on. Not part of `npm test`: it waits for a 900-second session to end.
// Run it with `npm run test:expiry`.
import { common } from './jest.config.js'

export default {
  ...common,
  displayName: 'expiry',
  testMatch: ['<rootDir>/__tests__/radosgw/**/*.slow.test.ts'],
  testTimeout: 30 * 60 * 1000
}
