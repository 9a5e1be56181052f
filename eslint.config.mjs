import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.artifacts/**',
      '**/.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Pages and services run in WeChat's webview and in browsers.
    files: ['miniapp/src/**/*.{ts,tsx}', 'miniapp/test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Taro, babel and jest load these as CommonJS.
    files: ['miniapp/*.js', 'miniapp/test/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // shared/ ships inside the mini-program: it may not reach for Node, Nest, TypeORM or Taro.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '@tarojs/*', 'react', 'node:*'],
              message: 'shared/ must stay pure.',
            },
            {
              group: ['fs', 'path', 'crypto', 'os', 'util', 'buffer'],
              message: 'shared/ must not use Node built-ins.',
            },
          ],
        },
      ],
    },
  },
);
