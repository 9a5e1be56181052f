#!/usr/bin/env node
// Runs a TypeScript entry point of the server (or a package bin, e.g. typeorm/cli.js) without a build:
// ts-node compiles server/src on the fly (transpile only: `pnpm typecheck` is the type check) and
// @mqlk/shared resolves to shared's sources, as in jest.
//   node scripts/ts-run.mjs src/main.ts
//   node scripts/ts-run.mjs typeorm/cli.js migration:run -d src/database/cli-data-source.ts
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(serverDir, 'package.json'));

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/ts-run.mjs <file.ts | package/bin.js> [args…]');
  process.exit(2);
}

require('ts-node').register({
  project: path.join(serverDir, 'tsconfig.json'),
  transpileOnly: true,
});

// Both of shared's entries: the main one, and the server's (`@mqlk/shared/server`).
const sharedEntries = {
  '@mqlk/shared': path.resolve(serverDir, '../shared/src/index.ts'),
  '@mqlk/shared/server': path.resolve(serverDir, '../shared/src/server.ts'),
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, sharedEntries[request] ?? request, ...rest);
};

const target = require.resolve(
  entry.startsWith('.') || entry.startsWith('src/') ? path.resolve(entry) : entry,
);
process.argv = [process.argv[0], target, ...args];
require(target);
