#!/usr/bin/env node
// WeChat's own code-quality review of the weapp build (the devtools' 代码质量 panel), offline with
// miniprogram-ci: package sizes, JS/WXML/WXSS compression, 组件按需注入, image sizes, unused
// files. Prints each check and fails when any does not pass. Needs `build:weapp` first.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const miniapp = fileURLToPath(new URL('../miniapp/', import.meta.url));
const ci = createRequire(join(miniapp, 'package.json'))('miniprogram-ci');

// The review reads only local files, but a Project wants a key: a throwaway one, never uploaded.
const dir = mkdtempSync(join(tmpdir(), 'mqlk-weapp-quality-'));
const privateKeyPath = join(dir, 'throwaway.key');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));

try {
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: miniapp,
    privateKeyPath,
    ignores: ['node_modules/**/*', 'src/**/*', 'h5/**/*', 'test/**/*'],
  });
  const results = await ci.checkCodeQuality(project);
  const failed = results.filter((r) => !r.success);
  for (const r of results) {
    // `text` words the problem ("JS compression is not turned on"): shown only when it is one.
    const problem = r.success ? '' : ` ${r.text ?? ''}`;
    const detail = r.detail ? ` ${JSON.stringify(r.detail)}` : '';
    console.log(`${r.success ? 'ok  ' : 'FAIL'} ${r.name}${problem}${detail}`);
  }
  console.log(
    `weapp code quality: ${results.length - failed.length} of ${results.length} checks pass`,
  );
  // WeChat's screen reader reads these from the View template, which Taro leaves them out of
  // unless config/index.ts has @tarojs/plugin-inject put them in (pressable() sets them).
  const template = readFileSync(join(miniapp, 'dist', 'base.wxml'), 'utf8');
  const aria = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled'];
  const missing = aria.filter((a) => !template.includes(`${a}="`));
  console.log(
    missing.length
      ? `FAIL screen reader attributes missing from the View template: ${missing.join(', ')}`
      : `ok   screen reader attributes in the View template: ${aria.join(', ')}`,
  );
  process.exitCode = failed.length || missing.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// miniprogram-ci leaves a file watcher running: the review is done, so the process ends here.
process.exit();
