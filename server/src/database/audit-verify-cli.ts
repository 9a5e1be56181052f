// Checks the audit log's hash chain: every row's hash is recomputed from its content and the row
// before it, so a changed, reordered or removed row shows up.
//   pnpm --filter @mqlk/server audit:verify        (from the sources)
//   node dist/database/audit-verify-cli.js         (built)
// Same configuration as the server (environment, then server/.env). Exit status 0 when intact, 1 when not.
import 'reflect-metadata';
import { loadProcessConfig } from '../config/config';
import { AuditRepository } from '../modules/audit/audit.repository';
import { dataSourceOptions, openDataSource } from './data-source';

async function main(): Promise<void> {
  const config = loadProcessConfig();
  const dataSource = await openDataSource({
    ...dataSourceOptions(config.database),
    migrationsRun: false,
  });
  try {
    const started = Date.now();
    const check = await new AuditRepository(dataSource).verify();
    const ms = Date.now() - started;
    if (check.intact) {
      console.log(`操作日志完整 / audit chain intact: ${check.rows} rows checked in ${ms} ms`);
    } else {
      console.log(
        `操作日志被改动 / audit chain BROKEN at row ${check.brokenAt}: ${check.problem} (${check.rows} rows intact before it)`,
      );
      process.exitCode = 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

void main();
