// Unit tests: src/**/*.spec.ts. E2E tests (the real app over HTTP): test/**/*.e2e-spec.ts.
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // shared is TypeScript source: tests use it as is, like the type checker does.
  moduleNameMapper: {
    '^@mqlk/shared$': '<rootDir>/../shared/src/index.ts',
    '^@mqlk/shared/server$': '<rootDir>/../shared/src/server.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
    },
  ],
};
