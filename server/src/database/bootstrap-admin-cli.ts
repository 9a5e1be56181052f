// Sets a county up from nothing (no demo data): the county's org unit and its first admin
// account, with an initial password that must be changed at first sign-in.
//   pnpm --filter @mqlk/server bootstrap:admin -- --county 青山县 --username admin
//   node dist/database/bootstrap-admin-cli.js --county 青山县 --username admin
// Same configuration as the server (environment, then server/.env); runs pending migrations
// first. Prints the initial password once; `--json` prints { county, username, initialPassword }.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { childPath } from '@mqlk/shared';
import { hashPassword } from '../common/crypto/password';
import { loadProcessConfig } from '../config/config';
import { OrgUnitEntity } from '../modules/org/org-unit.entity';
import { initialPassword } from '../modules/office/office-scope';
import { UserAccountEntity } from '../modules/user/user-account.entity';
import { dataSourceOptions, openDataSource } from './data-source';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      county: { type: 'string' },
      username: { type: 'string', default: 'admin' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.county || !/^[A-Za-z0-9_.-]{4,32}$/.test(values.username)) {
    console.error(
      'usage: bootstrap-admin --county <县名> [--username admin] [--name 显示名] [--json]',
    );
    process.exit(2);
  }
  const config = loadProcessConfig();
  const db = await openDataSource({ ...dataSourceOptions(config.database), migrationsRun: true });
  try {
    const password = initialPassword();
    const hash = await hashPassword(password);
    await db.transaction(async (m) => {
      const users = m.getRepository(UserAccountEntity);
      if (await users.exists({ where: { username: values.username } })) {
        throw new Error(`an account named ${values.username} exists already`);
      }
      const units = m.getRepository(OrgUnitEntity);
      let county = await units.findOne({ where: { kind: 'county', name: values.county } });
      if (!county) {
        const inserted = await units.insert({
          parentId: null,
          kind: 'county',
          name: values.county,
          path: '/',
          hotlines: [],
          retiredAt: null,
        });
        const id = Number(inserted.identifiers[0]!.id);
        await units.update(id, { path: childPath('/', id) });
        county = await units.findOneByOrFail({ id });
      }
      await users.insert({
        role: 'admin',
        displayName: values.name ?? `${values.county}管理员`,
        username: values.username,
        passwordHash: hash,
        orgUnitId: county.id,
        mustChangePassword: true,
        active: true,
      });
    });
    if (values.json) {
      console.log(
        JSON.stringify({
          county: values.county,
          username: values.username,
          initialPassword: password,
        }),
      );
    } else {
      console.log(
        `${values.county} 管理员账号 ${values.username}，初始密码 ${password}（首次登录须修改）`,
      );
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
