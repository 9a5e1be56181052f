import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { requireWithEsbuild } from '@tarojs/helper';

import type * as Routes from '../src/constants/routes';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * @mqlk/shared is consumed as TypeScript source: webpack resolves it straight to shared/src and
 * Taro's babel rule (which only covers src/ and Taro's own packages) is widened to compile it.
 */
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src');
const sharedEntry = path.join(sharedSrc, 'index.ts');

// Taro transpiles only config/ when it loads this file, so the route table under src/ is loaded
// the way Taro loads app.config.ts: bundled by esbuild.
const { H5_PATHS, PAGE_PATHS } = requireWithEsbuild(
  path.resolve(__dirname, '..', 'src', 'constants', 'routes.ts'),
  { customSwcConfig: { module: { type: 'commonjs' } } },
) as typeof Routes;

const h5CustomRoutes = Object.fromEntries(
  (Object.keys(PAGE_PATHS) as Routes.PageName[]).map((page) => [
    `/${PAGE_PATHS[page]}`,
    [...H5_PATHS[page]],
  ]),
);

// The weapp build talks to an absolute API origin (set MQLK_API_BASE_URL when building); the H5
// build is served by the API server itself and calls `/api` on its own origin.
const weappApiBaseUrl = process.env.MQLK_API_BASE_URL ?? 'https://mqlk.example.gov.cn';

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'mqlk-miniapp',
    date: '2026-11-21',
    // Written sizes are CSS px on a 375-wide phone: weapp turns 1px into 2rpx (18px reads as 18px
    // there), and the H5 build keeps px as px (see h5.postcss) so text never shrinks below them.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Two output dirs so both builds coexist; both fall under the repo's ignored `dist` pattern.
    outputRoot: process.env.TARO_ENV === 'h5' ? 'h5/dist' : 'dist',
    // The weapp's screen reader (读屏) reads aria-* from its own attributes, which Taro's View
    // template leaves out unless asked for (H5 passes them through as they are).
    plugins: [
      [
        '@tarojs/plugin-inject',
        {
          components: {
            View: {
              'aria-role': "''",
              'aria-label': "''",
              'aria-checked': "''",
              'aria-selected': "''",
              'aria-disabled': "''",
            },
          },
        },
      ],
    ],
    defineConstants: {
      WEAPP_API_BASE_URL: JSON.stringify(weappApiBaseUrl),
    },
    alias: {
      '@mqlk/shared': sharedEntry,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // WeChat templates cannot recurse: Taro writes one set of templates per level of nesting and
    // hands anything deeper to its `comp` component. 12 levels instead of 16 keep the main
    // package under 400 KB with the screen reader's aria-* in every View template; deeper parts
    // still render, through `comp`.
    baseLevel: 12,
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      // Component styles are scoped by class name, so their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        // shared/ is pure (STYLE.md), so a page carries only the shared modules it uses.
        chain.module.rule('mqlk-shared-pure').test(sharedSrc).set('sideEffects', false);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSrc] },
      webpackChain(chain) {
        chain.module.rule('mqlk-shared-pure').test(sharedSrc).set('sideEffects', false);
      },
      publicPath: '/',
      staticDirectory: 'static',
      // The card page is what a scan opens in a phone browser: give it a short, printable path.
      // basename is left unset: Taro 4.2.1 renders a blank page in browser mode with basename '/'.
      router: {
        mode: 'browser',
        customRoutes: h5CustomRoutes,
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // px stay px in the browser: a 360-wide phone must not scale 18px text down to 17px, and
        // a desktop must not blow it up to 36px.
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
