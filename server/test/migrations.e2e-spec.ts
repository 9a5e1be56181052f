import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createDataSource } from '../src/database/data-source';
import { loadConfig } from '../src/config/config';
import { createTestDatabase, testDialects } from './test-app';

/**
 * Migrations vs entities, on a fresh database of each dialect: every migration runs, TypeORM then has
 * nothing left to generate (no drift), and every migration reverts cleanly.
 * `pnpm migration:check` is the same check through the TypeORM CLI.
 */
describe.each(testDialects())('migrations on %s', (dialect) => {
  it('run, match the entities, and revert', async () => {
    const db = await createTestDatabase(dialect);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url });
    const dataSource = createDataSource({ ...config.database, migrationsRun: false });
    try {
      await dataSource.initialize();
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      expect(ran.length).toBeGreaterThan(0);

      const drift = await dataSource.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < ran.length; i++) await dataSource.undoLastMigration();
      const queryRunner = dataSource.createQueryRunner();
      const left = await queryRunner.getTables(dataSource.entityMetadatas.map((m) => m.tablePath));
      await queryRunner.release();
      expect(left.map((t) => t.name)).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });
});

/**
 * Requests made before clocks were rows get theirs from what the row held: an accepted request
 * keeps its acceptance as a met (or missed) accept clock, a resolved one its resolution.
 */
describe.each(testDialects())('the clock backfill on %s', (dialect) => {
  it('gives existing requests their accept and resolve clocks', async () => {
    const db = await createTestDatabase(dialect);
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url });
    const options = createDataSource({ ...config.database, migrationsRun: false }).options;
    const dir = path.dirname((options.migrations as string[])[0]!);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d+-\w+\.ts$/.test(f))
      .sort();
    const older = new DataSource({
      ...options,
      migrations: files
        .slice(
          0,
          files.findIndex((f) => f.includes('ClocksVerificationConfirmation')),
        )
        .map((f) => path.join(dir, f)),
    } as DataSourceOptions);
    const now = new DataSource(options);
    try {
      await older.initialize();
      await older.runMigrations({ transaction: 'each' });
      const q = (sql: string) => older.query(sql);
      await q(
        "INSERT INTO org_unit (id, parent_id, kind, name, path, hotlines) VALUES (1, NULL, 'village', '东岭村', '/1/', '[]')",
      );
      await q(
        "INSERT INTO user_account (id, role, display_name, failed_logins) VALUES (1, 'cadre', '张建国', 0), (2, 'resident', '群众', 0)",
      );
      const row = (id: number, status: string, accepted: string | null, resolved: string | null) =>
        `(${id}, 'MQ-20261110-000${id}', 'card_scan', 'difficulty', '自来水停了三天', 2, 1, 1, '/1/', 'village', '${status}', 1,
          '2026-11-11 10:00:00.000000', '2026-11-13 10:00:00.000000', '2026-11-10 02:00:00.000000',
          ${accepted ? `'${accepted}'` : 'NULL'}, ${resolved ? `'${resolved}'` : 'NULL'}, 3)`;
      await q(`INSERT INTO request (id, number, channel, category, text, requester_id, owner_user_id, owner_unit_id, owner_unit_path, level, status, round,
                 accept_due_at, due_at, submitted_at, accepted_at, resolved_at, version) VALUES
               ${row(1, 'closed', '2026-11-10 03:00:00.000000', '2026-11-12 03:00:00.000000')},
               ${row(2, 'in_progress', '2026-11-12 03:00:00.000000', null)},
               ${row(3, 'submitted', null, null)}`);
      await older.destroy();
      await now.initialize();
      await now.runMigrations({ transaction: 'each' });
      const clocks = await now.query(
        'SELECT request_id, kind, stop, result, stopped_at IS NULL AS running FROM request_clock ORDER BY request_id, id',
      );
      expect(
        clocks.map((c: Record<string, unknown>) => [
          Number(c.request_id),
          c.kind,
          c.stop,
          c.result,
          Boolean(Number(c.running)),
        ]),
      ).toEqual([
        [1, 'accept', 'goal', 'met', false],
        [1, 'resolve', 'goal', 'met', false],
        [2, 'accept', 'goal', 'missed', false],
        [2, 'resolve', null, null, true],
        [3, 'accept', null, null, true],
        [3, 'resolve', null, null, true],
      ]);
    } finally {
      if (older.isInitialized) await older.destroy();
      if (now.isInitialized) await now.destroy();
      await db.drop();
    }
  });
});
