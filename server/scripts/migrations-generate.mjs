#!/usr/bin/env node
// Generates one migration per dialect from the entities:
//   pnpm --filter @mqlk/server migration:generate AddVisitTable
// For each set (sqlite, mysql) it takes a fresh database, runs the committed migrations, and asks
// TypeORM for the difference to the entities. Both files get the same timestamp. Review, then commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SETS, freshDatabase, migrationsDir, serverDir, typeorm } from './migration-tools.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: pnpm migration:generate <PascalCaseName>');
  process.exit(2);
}
const timestamp = String(Date.now());
let failed = false;

for (const set of SETS) {
  const db = await freshDatabase(set);
  try {
    const run = typeorm(db.url, ['migration:run']);
    if (run.status !== 0)
      throw new Error(`migration:run failed on a fresh ${set} database:\n${run.output}`);
    const before = new Set(fs.readdirSync(migrationsDir(set)));
    const target = path.join(migrationsDir(set), name);
    const generate = typeorm(db.url, ['migration:generate', target, '-t', timestamp]);
    const created = fs.readdirSync(migrationsDir(set)).filter((f) => !before.has(f));
    if (created.length === 0) {
      console.log(`${set}: no schema changes, nothing generated`);
      if (!/No changes in database schema/.test(generate.output)) throw new Error(generate.output);
      continue;
    }
    const files = created.map((f) => path.join(migrationsDir(set), f));
    spawnSync('npx', ['prettier', '--write', ...files], { cwd: serverDir, stdio: 'ignore' });
    console.log(`${set}: ${files.map((f) => path.relative(serverDir, f)).join(', ')}`);
  } catch (err) {
    failed = true;
    console.error(`${set}: ${err.message}`);
  } finally {
    await db.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
