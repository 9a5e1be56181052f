/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  resolver: '<rootDir>/test/jest-resolver.js',
  // Build-time switches Taro's webpack plugins define; components pull in the runtime that reads them.
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    ...Object.fromEntries(
      [
        'INNER_HTML',
        'ADJACENT_HTML',
        'SIZE_APIS',
        'TEMPLATE_CONTENT',
        'CLONE_NODE',
        'CONTAINS',
        'MUTATION_OBSERVER',
      ].map((name) => [`ENABLE_${name}`, true]),
    ),
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  moduleNameMapper: {
    '^@mqlk/shared$': '<rootDir>/../shared/src/index.ts',
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '\\.(css|scss)$': '<rootDir>/test/style-mock.js',
  },
  transform: { '^.+\\.(t|j)sx?$|^.+\\.mjs$': 'babel-jest' },
  // Taro's packages and their helpers ship ES modules; pnpm nests them under node_modules/.pnpm.
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm|@tarojs|@stencil|swiper|ssr-window|dom7|tslib)/)',
  ],
};
