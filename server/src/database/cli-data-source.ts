// The data source the TypeORM CLI loads (`pnpm migration:run`, scripts/migrations-*.mjs):
// the same options as the app, from the same environment (and server/.env when present).
import 'reflect-metadata';
import * as fs from 'node:fs';
import { loadConfig } from '../config/config';
import { assertServerMatchesDialect, createDataSource } from './data-source';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);

const dataSource = createDataSource({ ...config.database, migrationsRun: false });

// The CLI initialises the data source itself; check the dialect on a separate short connection first.
async function checked() {
  if (config.database.dialect !== 'sqlite') {
    const probe = await createDataSource({ ...config.database, migrationsRun: false }).initialize();
    try {
      await assertServerMatchesDialect(probe);
    } finally {
      await probe.destroy();
    }
  }
  return dataSource;
}

export default checked();
