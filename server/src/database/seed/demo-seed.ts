import { type OrgUnitKind, cardUrl, childPath } from '@mqlk/shared';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { hashPassword } from '../../common/crypto/password';
import type { PhoneCipher } from '../../common/crypto/phone-cipher';
import { CadreEntity } from '../../modules/cadre/cadre.entity';
import { CardEntity, type CardStatus } from '../../modules/card/card.entity';
import { type Hotline, OrgUnitEntity } from '../../modules/org/org-unit.entity';
import { UserAccountEntity, type UserRole } from '../../modules/user/user-account.entity';
import {
  DEMO_CADRES,
  DEMO_CARD_CODES,
  DEMO_COUNTY,
  DEMO_PASSWORD,
  DEMO_REVOKED_CARD_CODE,
  DEMO_REVOKED_CARD_OWNER,
  DEMO_STAFF,
  DEMO_TOWNSHIPS,
} from './demo-data';

export {
  DEMO_CARD_CODES,
  DEMO_PASSWORD,
  DEMO_REVOKED_CARD_CODE,
  deterministicRandom,
} from './demo-data';

export interface DemoCard {
  code: string;
  url: string;
  status: CardStatus;
  cadreName: string;
  post: string;
  /** village or township */
  unit: string;
  township: string;
}

export interface DemoSignIn {
  username: string;
  password: string;
  role: UserRole;
  displayName: string;
  unit: string;
}

export interface DemoSummary {
  /** false when the database already had org units: nothing was written */
  created: boolean;
  /** the demo cards found in the database (all of them right after seeding) */
  cards: DemoCard[];
  /** the demo accounts found in the database; the password is the demo one unless changed since */
  signIns: DemoSignIn[];
}

export interface SeedDemoOptions {
  /** Origin printed in card URLs (config.publicBaseUrl). */
  publicBaseUrl?: string;
}

/**
 * Fills an empty database with the demo county (青山县), so the product can be tried at once. Does
 * nothing when any org unit exists, so it is safe to run on every start; either way it reports the
 * demo cards and accounts that are present.
 */
export async function seedDemo(
  dataSource: DataSource,
  phoneCipher: PhoneCipher,
  options: SeedDemoOptions = {},
): Promise<DemoSummary> {
  const publicBaseUrl = options.publicBaseUrl ?? 'http://localhost:3000';
  if ((await dataSource.getRepository(OrgUnitEntity).count()) > 0) {
    return { created: false, ...(await describeDemo(dataSource.manager, publicBaseUrl)) };
  }
  // Hashing is deliberately slow (scrypt): do it before the transaction, not inside it.
  const usernames = [...DEMO_CADRES.map((c) => c.username), ...DEMO_STAFF.map((s) => s.username)];
  const hashes = new Map(
    await Promise.all(usernames.map(async (u) => [u, await hashPassword(DEMO_PASSWORD)] as const)),
  );
  const created = await dataSource.transaction(async (manager) => {
    // Checked again inside the transaction. Two servers seeding at the very same moment cannot
    // both succeed either: the second trips over the unique usernames and card codes, and rolls back.
    if ((await manager.getRepository(OrgUnitEntity).count()) > 0) return false;
    await insertDemo(manager, phoneCipher, hashes);
    return true;
  });
  return { created, ...(await describeDemo(dataSource.manager, publicBaseUrl)) };
}

async function insertDemo(
  manager: EntityManager,
  phoneCipher: PhoneCipher,
  hashes: Map<string, string>,
): Promise<void> {
  const units = new Map<string, OrgUnitEntity>();
  const county = await insertUnit(manager, null, 'county', DEMO_COUNTY.name, DEMO_COUNTY.hotlines);
  units.set(county.name, county);
  for (const township of DEMO_TOWNSHIPS) {
    const t = await insertUnit(manager, county, 'township', township.name, township.hotlines);
    units.set(t.name, t);
    for (const village of township.villages) {
      const v = await insertUnit(manager, t, 'village', village.name, []);
      units.set(v.name, v);
      for (const grid of village.grids) await insertUnit(manager, v, 'grid', grid, []);
    }
  }

  const unitOf = (name: string) => {
    const unit = units.get(name);
    if (!unit) throw new Error(`demo data names an unknown unit: ${name}`);
    return unit;
  };
  const users = manager.getRepository(UserAccountEntity);
  const now = new Date();
  for (const demo of DEMO_CADRES) {
    const unit = unitOf(demo.unit);
    const user = await users.save(
      users.create({
        role: 'cadre',
        displayName: demo.name,
        username: demo.username,
        passwordHash: hashes.get(demo.username) ?? null,
        orgUnitId: unit.id,
      }),
    );
    const phone = phoneCipher.protect(demo.phone);
    const cadre = await manager.getRepository(CadreEntity).save({
      userId: user.id,
      orgUnitId: unit.id,
      name: demo.name,
      post: demo.post,
      phoneEnc: phone.enc,
      phoneMasked: phone.masked,
      duties: demo.duties,
      dutyDays: demo.dutyDays,
      photoUrl: null,
      successorCadreId: null,
      active: true,
    });
    const cards = manager.getRepository(CardEntity);
    if (demo.username === DEMO_REVOKED_CARD_OWNER) {
      // The lost card was issued before the one in use.
      const issuedAt = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
      await cards.insert({
        code: DEMO_REVOKED_CARD_CODE,
        cadreId: cadre.id,
        status: 'revoked',
        issuedAt,
        revokedAt: new Date(now.getTime() - 24 * 3600 * 1000),
      });
    }
    await cards.insert({
      code: codeOf(demo.username),
      cadreId: cadre.id,
      status: 'active',
      issuedAt: now,
      revokedAt: null,
    });
  }
  for (const demo of DEMO_STAFF) {
    await users.insert({
      role: demo.role ?? 'staff',
      displayName: demo.displayName,
      username: demo.username,
      passwordHash: hashes.get(demo.username) ?? null,
      orgUnitId: unitOf(demo.unit).id,
    });
  }
}

/** Inserts a unit, then writes its path, which holds its own id. */
async function insertUnit(
  manager: EntityManager,
  parent: OrgUnitEntity | null,
  kind: OrgUnitKind,
  name: string,
  hotlines: Hotline[],
): Promise<OrgUnitEntity> {
  const repo = manager.getRepository(OrgUnitEntity);
  const unit = await repo.save(
    repo.create({ parentId: parent?.id ?? null, kind, name, path: '/', hotlines }),
  );
  unit.path = childPath(parent?.path ?? '/', unit.id);
  await repo.update(unit.id, { path: unit.path });
  return unit;
}

function codeOf(username: string): string {
  const code = DEMO_CARD_CODES[username];
  if (code === undefined) throw new Error(`no demo card code for ${username}`);
  return code;
}

interface DemoCardRow {
  code: string;
  status: CardStatus;
  name: string;
  post: string;
  unit: string;
  unit_path: string;
}

/** The demo cards and accounts present in the database, in the demo data's order. */
async function describeDemo(
  manager: EntityManager,
  publicBaseUrl: string,
): Promise<Omit<DemoSummary, 'created'>> {
  const codes = [...DEMO_CADRES.map((c) => codeOf(c.username)), DEMO_REVOKED_CARD_CODE];
  const rows: DemoCardRow[] = await manager
    .createQueryBuilder(CardEntity, 'card')
    .innerJoin(CadreEntity, 'cadre', 'cadre.id = card.cadre_id')
    .innerJoin(OrgUnitEntity, 'unit', 'unit.id = cadre.org_unit_id')
    .select([
      'card.code AS code',
      'card.status AS status',
      'cadre.name AS name',
      'cadre.post AS post',
      'unit.name AS unit',
      'unit.path AS unit_path',
    ])
    .where('card.code IN (:...codes)', { codes })
    .getRawMany();
  const units = await manager.getRepository(OrgUnitEntity).find({ where: { kind: 'township' } });
  const townshipOf = (path: string) => units.find((t) => path.startsWith(t.path))?.name ?? '';
  // MySQL compares codes case-insensitively: keep exact matches only.
  const byCode = new Map(rows.filter((r) => codes.includes(r.code)).map((r) => [r.code, r]));
  const cards = codes.flatMap((code) => {
    const row = byCode.get(code);
    if (!row) return [];
    return [
      {
        code,
        url: cardUrl(publicBaseUrl, code),
        status: row.status,
        cadreName: row.name,
        post: row.post,
        unit: row.unit,
        township: townshipOf(row.unit_path),
      },
    ];
  });

  const accounts = await manager.getRepository(UserAccountEntity).find({
    where: { username: In([...DEMO_CADRES, ...DEMO_STAFF].map((d) => d.username)) },
    order: { id: 'ASC' },
  });
  const unitNames = new Map(
    (await manager.getRepository(OrgUnitEntity).find()).map((u) => [u.id, u.name]),
  );
  const signIns = accounts.map((a) => ({
    username: a.username ?? '',
    password: DEMO_PASSWORD,
    role: a.role,
    displayName: a.displayName,
    unit: a.orgUnitId === null ? '' : (unitNames.get(a.orgUnitId) ?? ''),
  }));
  return { cards, signIns };
}

/** The summary as a plain-text table for a terminal. */
export function formatDemoSummary(summary: DemoSummary): string {
  const lines: string[] = [];
  lines.push(
    summary.created
      ? '已创建演示数据（青山县）/ Demo data created (fictional county 青山县)'
      : '数据库已有数据，未改动 / Database already has data: left as it is',
  );
  if (summary.cards.length > 0) {
    lines.push('', '演示联系卡 / Demo cards (open in a phone browser, or scan the QR of the URL):');
    for (const card of summary.cards) {
      const state = card.status === 'revoked' ? '  [已停用 / revoked]' : '';
      const unit = card.unit === card.township ? card.unit : `${card.township}${card.unit}`;
      const who = `${unit} ${card.cadreName} ${card.post}`;
      lines.push(`  ${card.url}  ${who}${state}`);
    }
  }
  if (summary.signIns.length > 0) {
    lines.push('', `演示账号 / Demo sign-ins (password 密码: ${DEMO_PASSWORD}):`);
    for (const s of summary.signIns) {
      const role =
        s.role === 'admin' ? '管理员 admin' : s.role === 'staff' ? '工作人员 staff' : '干部 cadre';
      lines.push(`  ${s.username.padEnd(10)} ${role.padEnd(14)} ${s.unit} ${s.displayName}`);
    }
  }
  return lines.join('\n');
}
