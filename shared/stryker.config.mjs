// Mutation testing of the domain rules (docs/testing.md, "Mutation testing").
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    // The logic with a recorded baseline in stryker-incremental.json; docs/testing.md lists what
    // is not recorded yet and how to add it.
    'src/board/**/*.ts',
    'src/codes/**/*.ts',
    'src/errors/**/*.ts',
    'src/households/**/*.ts',
    'src/lifecycle/**/*.ts',
    'src/notices/**/*.ts',
    'src/org/**/*.ts',
    'src/rating/**/*.ts',
    'src/schemas/**/*.ts',
    'src/text/**/*.ts',
    'src/vocabulary/**/*.ts',
    'src/calendar/**/*.ts',
    'src/metrics/**/*.ts',
    'src/speech/**/*.ts',
    'src/content/**/*.ts',
    // re-export barrels: nothing to mutate
    '!src/**/index.ts',
  ],
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'stryker/jest.config.mjs',
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // Mutants of module-level constants ("static") rerun every related test file each; see docs/testing.md.
  ignoreStatic: true,
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  plugins: [
    '@stryker-mutator/jest-runner',
    '@stryker-mutator/typescript-checker',
    './stryker/chinese-copy.mjs',
  ],
  ignorers: ['ChineseCopy'],
  // This machine has 2 cores shared with others: one test runner, one checker.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: '../.artifacts/mutation/index.html' },
  jsonReporter: { fileName: '../.artifacts/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  thresholds: { high: 98, low: 95, break: 95 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
