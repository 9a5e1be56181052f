#!/usr/bin/env node
// Reports the weapp build's package sizes. WeChat refuses a main package over 2 MB; we aim for 400 KB.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../miniapp/dist/', import.meta.url).pathname;
const LIMIT = 2 * 1024 * 1024;
const AIM = 400 * 1024;

function sizeOf(dir) {
  return readdirSync(dir).reduce((sum, name) => {
    const p = join(dir, name);
    const s = statSync(p);
    return sum + (s.isDirectory() ? sizeOf(p) : s.size);
  }, 0);
}

const packagesDir = join(dist, 'packages');
const subpackages = readdirSync(packagesDir).map((name) => [name, sizeOf(join(packagesDir, name))]);
const main = sizeOf(dist) - subpackages.reduce((s, [, n]) => s + n, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`weapp main package: ${kb(main)} (limit 2048 KB, aim ${kb(AIM)})`);
for (const [name, n] of subpackages) console.log(`weapp subpackage ${name}: ${kb(n)}`);
if (main > LIMIT) {
  console.error('the main package is over WeChat’s 2 MB limit');
  process.exit(1);
}
