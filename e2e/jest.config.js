/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/flows/**/*.e2e.ts'],
  setupFilesAfterEnv: ['<rootDir>/csp-guard.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // One browser, one server: the flows run one after another.
  maxWorkers: 1,
  testTimeout: 120000,
};
