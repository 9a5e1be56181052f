#!/usr/bin/env node
// Writes the OpenAPI document the server serves to docs/openapi.json, for API consumers to read and
// review in diffs. The contract test fails when the committed file and the served one differ.
//   pnpm --filter @mqlk/server openapi
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, ['scripts/ts-run.mjs', 'src/openapi-cli.ts'], {
  cwd: serverDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
});
process.exitCode = result.status ?? 1;
