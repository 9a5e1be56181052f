import { randomBytes } from 'node:crypto';
import {
  childPath,
  generateCardCode,
  type OrgUnitKind,
  type Pairing,
  type SpecialGroup,
} from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import type supertest from 'supertest';
import { hashPassword } from '../src/common/crypto/password';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import type { AppConfig } from '../src/config/config';
import { CadreEntity } from '../src/modules/cadre/cadre.entity';
import { CardEntity } from '../src/modules/card/card.entity';
import { HouseholdTagEntity } from '../src/modules/household/household-tag.entity';
import { HouseholdEntity } from '../src/modules/household/household.entity';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { UserAccountEntity } from '../src/modules/user/user-account.entity';

export const TEST_PASSWORD = 'Test@2026-pass';

/** Unique per call, so no test depends on another's rows. */
export const unique = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

export function uniquePhone(): string {
  return `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
}

export class Factory {
  private readonly phones: PhoneCipher;
  private passwordHash: Promise<string> | null = null;

  constructor(
    private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.phones = new PhoneCipher(config);
  }

  async unit(
    kind: OrgUnitKind,
    parent: OrgUnitEntity | null,
    name = unique(kind),
  ): Promise<OrgUnitEntity> {
    const repo = this.db.getRepository(OrgUnitEntity);
    const saved = await repo.save(
      repo.create({
        kind,
        name,
        parentId: parent?.id ?? null,
        path: '/',
        hotlines: kind === 'township' ? [{ name: '便民服务中心', phone: '0571-88000001' }] : [],
      }),
    );
    saved.path = childPath(parent?.path ?? '/', saved.id);
    await repo.update(saved.id, { path: saved.path });
    return saved;
  }

  async account(
    role: UserAccountEntity['role'],
    unit: OrgUnitEntity | null,
    displayName = unique(role),
  ) {
    this.passwordHash ??= hashPassword(TEST_PASSWORD);
    const repo = this.db.getRepository(UserAccountEntity);
    return repo.save(
      repo.create({
        role,
        displayName,
        username: unique(role),
        passwordHash: await this.passwordHash,
        orgUnitId: unit?.id ?? null,
      }),
    );
  }

  async cadre(unit: OrgUnitEntity, name = unique('干部')) {
    const user = await this.account('cadre', unit, name);
    const phone = this.phones.protect(uniquePhone());
    const cadres = this.db.getRepository(CadreEntity);
    const cadre = await cadres.save(
      cadres.create({
        userId: user.id,
        orgUnitId: unit.id,
        name,
        post: '网格员',
        phoneEnc: phone.enc,
        phoneMasked: phone.masked,
        duties: '走访联系群众，收集办理诉求',
        dutyDays: '每周一',
        photoUrl: null,
        successorCadreId: null,
        active: true,
      }),
    );
    const card = await this.card(cadre);
    return { user, cadre, card };
  }

  async card(cadre: CadreEntity, status: CardEntity['status'] = 'active') {
    const repo = this.db.getRepository(CardEntity);
    return repo.save(
      repo.create({
        code: generateCardCode(),
        cadreId: cadre.id,
        status,
        issuedAt: new Date(),
        revokedAt: status === 'revoked' ? new Date() : null,
      }),
    );
  }

  /** A household (联户) of `unit`, linked to `cadre` when given (结交 unless said). */
  async household(
    unit: OrgUnitEntity,
    o: {
      cadre?: CadreEntity;
      pairing?: Pairing;
      headName?: string;
      houseNumber?: string;
      groupName?: string;
      phone?: string | null;
      groups?: SpecialGroup[];
    } = {},
  ): Promise<HouseholdEntity> {
    const phone = o.phone === null ? null : this.phones.protect(o.phone ?? uniquePhone());
    const repo = this.db.getRepository(HouseholdEntity);
    const saved = await repo.save(
      repo.create({
        orgUnitId: unit.id,
        groupName: o.groupName ?? '一组',
        houseNumber: o.houseNumber ?? unique('号'),
        headName: o.headName ?? unique('户主'),
        memberCount: 3,
        phoneEnc: phone?.enc ?? null,
        phoneHash: phone?.hash ?? null,
        phoneMasked: phone?.masked ?? null,
        cadreId: o.cadre?.id ?? null,
        pairing: o.cadre ? (o.pairing ?? 'acquaint') : null,
        linkedAt: o.cadre ? new Date() : null,
      }),
    );
    const groups = o.groups ?? [];
    if (groups.length > 0) {
      await this.db
        .getRepository(HouseholdTagEntity)
        .insert(groups.map((tag) => ({ householdId: saved.id, kind: 'group' as const, tag })));
    }
    return saved;
  }

  /** Two townships of one county, a village in each, cadres and staff: enough for every scope test. */
  async world() {
    const county = await this.unit('county', null);
    const townA = await this.unit('township', county);
    const townB = await this.unit('township', county);
    const villageA = await this.unit('village', townA);
    const villageB = await this.unit('village', townB);
    return {
      county,
      townA,
      townB,
      villageA,
      villageB,
      cadreA: await this.cadre(villageA),
      cadreA2: await this.cadre(villageA),
      cadreB: await this.cadre(villageB),
      staffA: await this.account('staff', townA),
      staffB: await this.account('staff', townB),
      countyStaff: await this.account('staff', county),
    };
  }
}

type Http = ReturnType<typeof supertest>;

export async function signInWithPassword(http: Http, username: string | null): Promise<string> {
  const res = await http
    .post('/api/auth/staff/sign-in')
    .send({ username, password: TEST_PASSWORD })
    .expect(200);
  return res.body.token as string;
}

/** A resident signs in the H5 way: the local SMS stand-in hands back the code. */
export async function signInResident(http: Http, phone = uniquePhone()): Promise<string> {
  const sent = await http.post('/api/auth/sms/send').send({ phone }).expect(200);
  const res = await http
    .post('/api/auth/sms/sign-in')
    .send({ phone, code: sent.body.devCode })
    .expect(200);
  return res.body.token as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The cadre's half of the loop, for tests about what comes after it: accept, then resolve. */
export async function acceptAndResolve(
  http: Http,
  cadreToken: string,
  request: { id: number; version: number },
  resolution: { outcome: 'solved' | 'explained'; note: string; publicSummary?: string },
): Promise<void> {
  const path = `/api/requests/${request.id}`;
  await http
    .post(`${path}/accept`)
    .set(bearer(cadreToken))
    .send({ version: request.version })
    .expect(200);
  await http
    .post(`${path}/resolve`)
    .set(bearer(cadreToken))
    .send({ version: request.version + 1, publicSummary: '反映的事已办理', ...resolution })
    .expect(200);
}
