// Mutation testing of the server's pure rule files (docs/testing.md, "Mutation testing"): the same
// tool and floor as shared/stryker.config.mjs, on the unit specs that test those files, no database.
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('../shared/src/', import.meta.url));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    // per-county deadlines: which calendar and policy a request's clocks use
    'src/modules/request/deadline-rules.ts',
    // the county calendars: national years replaced by the county's own, the cache
    'src/modules/calendar/county-calendars.ts',
    // the office's view of a county's year
    'src/modules/calendar/calendar-view.ts',
    'src/common/access/access-policy.ts',
    'src/modules/request/request-routing.ts',
  ],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // Only the specs of these files: the rest of the unit suite and the e2e tests need more than
    // a sandbox. shared is mapped to its source by an absolute path, as the sandbox copies only
    // server/.
    config: {
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: [
        '**/modules/request/deadline-rules.spec.ts',
        '**/modules/calendar/calendar-view.spec.ts',
        '**/common/access/access-policy.spec.ts',
        '**/modules/request/request-routing.spec.ts',
      ],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
      moduleNameMapper: {
        '^@mqlk/shared$': `${shared}index.ts`,
        '^@mqlk/shared/server$': `${shared}server.ts`,
      },
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  checkers: ['typescript'],
  tsconfigFile: 'stryker/tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  plugins: [
    '@stryker-mutator/jest-runner',
    '@stryker-mutator/typescript-checker',
    '../shared/stryker/chinese-copy.mjs',
  ],
  ignorers: ['ChineseCopy'],
  concurrency: 1,
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: '../.artifacts/mutation-server/index.html' },
  jsonReporter: { fileName: '../.artifacts/mutation-server/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  thresholds: { high: 98, low: 95, break: 95 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
