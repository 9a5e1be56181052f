#!/usr/bin/env node
// Stryker's incremental record (stryker-incremental.json, ~10 MB of indented JSON for shared) is
// kept in git gzipped (~0.6 MB): `unpack` writes the JSON Stryker reads from the committed .gz
// before a run, `pack` writes the .gz back from the JSON the run updated. Run in the package dir.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

const json = 'stryker-incremental.json';
const gz = `${json}.gz`;
const step = process.argv[2];
if (step === 'unpack') {
  if (existsSync(gz)) writeFileSync(json, gunzipSync(readFileSync(gz)));
} else if (step === 'pack') {
  // gzipSync writes no time or name into the header: the same record packs to the same bytes.
  if (existsSync(json)) writeFileSync(gz, gzipSync(readFileSync(json), { level: 9 }));
} else {
  console.error('usage: node scripts/stryker-incremental.mjs unpack|pack');
  process.exit(2);
}
