// ESM mode: @actions/* are ESM-only, so ts-jest compiles to ESM and jest runs with
// NODE_OPTIONS=--experimental-vm-modules (set by the npm scripts).
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
}
export const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: tsJest
}

export default {
  // Unit coverage of the action's source (the end-to-end suites run the bundle in other processes,
  // so they add nothing here). `npm test` runs with --coverage and fails below these lines; a run
  // of a few files (npx jest <paths>) collects none and is judged by its tests alone.
  // delivery.ts holds only interfaces: nothing of it runs.
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/delivery/delivery.ts'],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  coverageThreshold: {
    global: { lines: 85 },
    './src/domain/': { lines: 95 }
  },
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/__tests__/e2e/',
        '<rootDir>/__tests__/radosgw/'
      ]
    },
    {
      ...common,
      displayName: 'e2e',
      // Each file sets its own timeout (jest.setTimeout): jest ignores testTimeout in a project.
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts']
    },
    {
      // The built action on a real S3 (Ceph radosgw); skipped where Ceph is missing and cannot be
      // installed (installing happens at module load, outside the test timeout).
      ...common,
      displayName: 'radosgw',
      testMatch: ['<rootDir>/__tests__/radosgw/**/*.test.ts'],
      // The session-expiry proof waits ~16 minutes: jest.expiry.config.js, `npm run test:expiry`.
      testPathIgnorePatterns: ['/node_modules/', '\\.slow\\.test\\.ts$']
    }
  ]
}
