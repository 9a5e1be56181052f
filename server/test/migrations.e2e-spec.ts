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
