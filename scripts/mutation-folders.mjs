#!/usr/bin/env node
// The mutation score per folder, from Stryker's JSON report, and the floor applied to each folder:
// Stryker's own break threshold is over all files together, where one rule losing its tests
// among some 1,700 mutants hardly moves the total. Usage: mutation-folders.mjs <report> <floor>.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [report, floorArg] = process.argv.slice(2);
const floor = Number(floorArg);
if (!report || !Number.isFinite(floor)) {
  console.error('usage: mutation-folders.mjs <mutation.json> <floor>');
  process.exit(2);
}

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const folders = new Map();
for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
  const folder = dirname(file).replace(/^src\//, '');
  const f = folders.get(folder) ?? { detected: 0, counted: 0 };
  for (const { status } of mutants) {
    if (COUNTED.has(status)) f.counted += 1;
    if (DETECTED.has(status)) f.detected += 1;
  }
  folders.set(folder, f);
}

let failed = 0;
console.log(`\nmutation score per folder (floor ${floor}):`);
for (const [folder, { detected, counted }] of [...folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (counted === 0) continue;
  const score = (100 * detected) / counted;
  const low = score < floor;
  if (low) failed += 1;
  const line = `${folder.padEnd(20)} ${score.toFixed(2).padStart(6)}  ${detected}/${counted}`;
  console.log(`${low ? 'LOW ' : '    '}${line}`);
}
if (failed > 0) {
  console.error(`${failed} folder(s) under the floor of ${floor}`);
  process.exit(1);
}
