#!/usr/bin/env node
// Drift check for CI: on a fresh database of each dialect, runs every committed migration, then asks
// TypeORM to generate again. Anything it would generate means the entities and the migrations
// disagree: the would-be migration is printed and the exit status is 1.
import { SETS, freshDatabase, typeorm } from './migration-tools.mjs';

let failed = false;
for (const set of SETS) {
  const started = Date.now();
  const db = await freshDatabase(set);
  try {
    const run = typeorm(db.url, ['migration:run']);
    if (run.status !== 0) {
      failed = true;
      console.error(`${set}: migration:run failed on a fresh database:\n${run.output}`);
      continue;
    }
    const check = typeorm(db.url, [
      'migration:generate',
      'src/database/migrations/drift',
      '--check',
    ]);
    if (check.status !== 0) {
      failed = true;
      console.error(`${set}: the entities and the migrations disagree:\n${check.output}`);
    } else {
      console.log(`${set}: migrations match the entities (${Date.now() - started} ms)`);
    }
  } finally {
    await db.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
