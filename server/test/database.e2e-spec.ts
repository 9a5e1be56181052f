import { DataSource } from 'typeorm';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { type TestApp, createTestDatabase, startTestApp, testDialects } from './test-app';

describe.each(testDialects())('the database on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ dialect });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores Chinese text, emoji and JSON text columns as given', async () => {
    const units = t.app.get(DataSource).getRepository(OrgUnitEntity);
    const saved = await units.save(
      units.create({
        parentId: null,
        kind: 'township',
        name: '𠮷溪镇 🌾',
        path: '/',
        hotlines: [{ name: '供水', phone: '0571-88888888' }],
      }),
    );
    const loaded = await units.findOneByOrFail({ id: saved.id });
    expect(loaded).toMatchObject({
      name: '𠮷溪镇 🌾',
      hotlines: [{ name: '供水', phone: '0571-88888888' }],
    });
  });

  it('fills created_at in UTC, whatever the server’s time zone', async () => {
    const dataSource = t.app.get(DataSource);
    const before = Date.now();
    const units = dataSource.getRepository(OrgUnitEntity);
    const { id } = await units.save(
      units.create({ parentId: null, kind: 'county', name: '县', path: '/', hotlines: [] }),
    );
    const { createdAt } = await units.findOneByOrFail({ id });
    // SQLite's datetime('now') has whole seconds.
    expect(createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    if (dialect === 'mariadb') {
      const [row] = await dataSource.query('SELECT @@session.time_zone AS tz');
      expect(row.tz).toBe('+00:00');
    }
  });
});

if (testDialects().includes('mariadb')) {
  describe('a MySQL-family URL naming the wrong server', () => {
    it('stops the start with a clear message', async () => {
      const db = await createTestDatabase('mariadb');
      try {
        const mysqlUrl = db.url.replace(/^mariadb:/, 'mysql:');
        await expect(
          startTestApp({ dialect: 'sqlite', env: { DATABASE_URL: mysqlUrl } }),
        ).rejects.toThrow(
          /^DATABASE_URL says mysql:\/\/ but the server is MariaDB .*: use mariadb:\/\/…$/,
        );
      } finally {
        await db.drop();
      }
    });
  });
}
