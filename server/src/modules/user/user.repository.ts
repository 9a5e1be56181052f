import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Not, type Repository } from 'typeorm';
import { AppError } from '../../common/app-error';
import { isUniqueViolation } from '../../database/errors';
import { containsPattern } from '../../database/like';
import { UserAccountEntity, type UserRole } from './user-account.entity';

/** What a new resident account is made of: a verified phone, or a WeChat openid. */
export type ResidentKey = { phoneHash: string } | { wechatOpenid: string };

/** The account table's one home: sign-in, lockout, residents by phone, staff of a unit. */
@Injectable()
export class UserRepository {
  constructor(
    @InjectRepository(UserAccountEntity) private readonly users: Repository<UserAccountEntity>,
  ) {}

  findById(id: number, m?: EntityManager): Promise<UserAccountEntity | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /** A new work account with an initial password; USERNAME_TAKEN when the name is in use. */
  async insertWorkAccount(
    m: EntityManager,
    a: Pick<UserAccountEntity, 'role' | 'displayName' | 'username' | 'passwordHash' | 'orgUnitId'>,
  ): Promise<number> {
    const repo = m.getRepository(UserAccountEntity);
    if (await repo.exists({ where: { username: a.username! } }))
      throw new AppError('USERNAME_TAKEN');
    try {
      const inserted = await repo.insert({ ...a, mustChangePassword: true, active: true });
      return Number(inserted.identifiers[0]!.id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('USERNAME_TAKEN');
      throw err;
    }
  }

  async update(
    m: EntityManager,
    id: number,
    changes: Partial<
      Pick<UserAccountEntity, 'displayName' | 'orgUnitId' | 'active' | 'sessionsSince'>
    >,
  ): Promise<void> {
    await m.getRepository(UserAccountEntity).update(id, changes);
  }

  /** One page of the work accounts of these units; `q` searches username and name. */
  async pageWorkAccounts(
    filter: { unitIds: readonly number[]; roles: readonly UserRole[]; q?: string },
    slice: { offset: number; limit: number },
  ): Promise<[UserAccountEntity[], number]> {
    if (filter.unitIds.length === 0) return [[], 0];
    const q = this.users
      .createQueryBuilder('a')
      .where('a.role IN (:...roles) AND a.org_unit_id IN (:...units)', {
        roles: [...filter.roles],
        units: [...filter.unitIds],
      });
    if (filter.q) {
      q.andWhere("(a.username LIKE :q ESCAPE '!' OR a.display_name LIKE :q ESCAPE '!')", {
        q: containsPattern(filter.q),
      });
    }
    return q.orderBy('a.id', 'ASC').skip(slice.offset).take(slice.limit).getManyAndCount();
  }

  /** Work accounts whose username contains `q` (a cadre search by login name). */
  async idsByUsername(q: string): Promise<number[]> {
    const rows = await this.users
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where("a.username LIKE :q ESCAPE '!' AND a.role <> :resident", {
        q: containsPattern(q),
        resident: 'resident',
      })
      .limit(200)
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /** Usernames by account id. */
  async usernames(ids: readonly number[]): Promise<Map<number, string | null>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In(unique) }, select: ['id', 'username'] });
    return new Map(rows.map((u) => [u.id, u.username]));
  }

  findByUsernames(usernames: readonly string[]): Promise<UserAccountEntity[]> {
    if (usernames.length === 0) return Promise.resolve([]);
    return this.users.find({ where: { username: In([...usernames]) } });
  }

  findByUsername(username: string): Promise<UserAccountEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  /**
   * Reserves one failed-login slot before the slow hash check, so parallel guesses cannot outrun
   * the count; false when the account is locked or out of attempts.
   */
  async reserveLoginAttempt(id: number, maxFailures: number, now: Date): Promise<boolean> {
    const reserved = await this.users
      .createQueryBuilder()
      .update()
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where(
        'id = :id AND failed_logins < :max AND (locked_until IS NULL OR locked_until <= :now)',
        { id, max: maxFailures, now },
      )
      .execute();
    return reserved.affected === 1;
  }

  async failedLoginsOf(id: number): Promise<number> {
    const user = await this.users.findOneOrFail({ where: { id }, select: ['id', 'failedLogins'] });
    return user.failedLogins;
  }

  async clearLoginFailures(id: number): Promise<void> {
    await this.users.update(id, { failedLogins: 0, lockedUntil: null });
  }

  /**
   * A new password: `mustChange` for an initial one (a reset), which also ends every session
   * opened before `now`; a change by the person themselves ends the others too.
   */
  async setPassword(
    id: number,
    passwordHash: string,
    mustChange: boolean,
    now: Date,
    m?: EntityManager,
  ): Promise<void> {
    await this.repo(m).update(id, {
      passwordHash,
      mustChangePassword: mustChange,
      sessionsSince: now,
      failedLogins: 0,
      lockedUntil: null,
    });
  }

  async lockUntil(id: number, until: Date): Promise<void> {
    await this.users.update(id, { failedLogins: 0, lockedUntil: until });
  }

  /** One account per phone or openid, even when two sign-ins race (the unique index decides). */
  async findOrCreateResident(
    key: ResidentKey,
    fields: () => Partial<UserAccountEntity>,
  ): Promise<UserAccountEntity> {
    // Residents only: a work account is never reached by a phone code or a WeChat sign-in.
    const where = { ...key, role: 'resident' as const };
    const existing = await this.users.findOne({ where });
    if (existing) return existing;
    try {
      return await this.users.save(this.users.create({ role: 'resident', ...fields(), ...key }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.users.findOneOrFail({ where });
    }
  }

  /** Masked phones by account id (residents' accounts), for lists that must not show a number. */
  async phoneMasks(ids: readonly number[]): Promise<Map<number, string | null>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.users.find({
      where: { id: In(unique) },
      select: ['id', 'phoneMasked'],
    });
    return new Map(rows.map((u) => [u.id, u.phoneMasked ?? null]));
  }

  async phoneMaskOf(id: number): Promise<string | null> {
    const user = await this.users.findOne({ where: { id }, select: ['id', 'phoneMasked'] });
    return user?.phoneMasked ?? null;
  }

  /** Display names by account id, for lists (one query per page). */
  /** `m`: inside a transaction, read through it (a pooled read there could wait for a free connection forever). */
  async displayNames(ids: readonly number[], m?: EntityManager): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.repo(m).find({
      where: { id: In(unique) },
      select: ['id', 'displayName'],
    });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  /** The unit's first staff account: who handles what reaches the unit as a whole. */
  async firstStaffOf(unitId: number, exceptUserId?: number): Promise<number | null> {
    const row = await this.users.findOne({
      where: {
        role: 'staff',
        orgUnitId: unitId,
        ...(exceptUserId === undefined ? {} : { id: Not(exceptUserId) }),
      },
      select: ['id'],
      order: { id: 'ASC' },
    });
    return row?.id ?? null;
  }

  /** Staff and cadre accounts in these units (transfer targets). */
  findWorkAccountsIn(unitIds: readonly number[], roles: readonly UserRole[]) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.users.find({
      where: { orgUnitId: In([...unitIds]), role: In([...roles]) },
      select: ['id', 'role', 'displayName', 'orgUnitId'],
      order: { id: 'ASC' },
    });
  }

  /** How to reach these people: WeChat (openid) and phone; for notices. */
  async contactsOf(ids: readonly number[]) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<number, UserContact>();
    const rows = await this.users.find({
      where: { id: In(unique) },
      select: ['id', 'role', 'displayName', 'wechatOpenid', 'workWechatOpenid', 'phoneEnc'],
    });
    return new Map<number, UserContact>(rows.map((u) => [u.id, u]));
  }

  /** The staff accounts of these units (a township's, the county's): who is alerted there. */
  async staffIdsOf(unitIds: readonly number[], m?: EntityManager): Promise<Map<number, number[]>> {
    const unique = [...new Set(unitIds)];
    const out = new Map<number, number[]>(unique.map((id) => [id, []]));
    if (unique.length === 0) return out;
    const rows = await this.repo(m).find({
      where: { orgUnitId: In(unique), role: 'staff' },
      select: ['id', 'orgUnitId'],
      order: { id: 'ASC' },
    });
    for (const row of rows) out.get(row.orgUnitId!)?.push(row.id);
    return out;
  }

  private repo(m?: EntityManager): Repository<UserAccountEntity> {
    return m ? m.getRepository(UserAccountEntity) : this.users;
  }

  /** The resident account of a phone or an openid, read through `m` inside a transaction. */
  findResident(key: ResidentKey, m: EntityManager): Promise<UserAccountEntity | null> {
    return this.repo(m).findOne({ where: { ...key, role: 'resident' } });
  }

  async insertResident(m: EntityManager, fields: Partial<UserAccountEntity>): Promise<number> {
    const saved = await this.repo(m).insert({ role: 'resident', ...fields });
    return saved.identifiers[0]!.id as number;
  }

  /**
   * Sets what identifies a resident: a phone WeChat vouched for, or their openid (null to take it
   * off an account whose WeChat moved to the account of its phone).
   */
  async setResidentKeys(
    m: EntityManager,
    id: number,
    set: Partial<
      Pick<UserAccountEntity, 'wechatOpenid' | 'phoneHash' | 'phoneEnc' | 'phoneMasked'>
    >,
  ): Promise<void> {
    await this.repo(m).update({ id, role: 'resident' }, set);
  }

  /**
   * Binds a WeChat to a work account (a cadre signing in inside WeChat) for their reminders. A
   * WeChat bound to another work account moves to this one: the last sign-in on a phone decides
   * where the reminders go. It is never a way in (see `workWechatOpenid`).
   */
  async bindWorkOpenid(id: number, openid: string): Promise<void> {
    await this.users.manager.transaction(async (m) => {
      const repo = m.getRepository(UserAccountEntity);
      await repo
        .createQueryBuilder()
        .update()
        .set({ workWechatOpenid: null })
        .where('work_wechat_openid = :openid AND id <> :id', { openid, id })
        .execute();
      await repo.update({ id }, { workWechatOpenid: openid });
    });
  }
}

export type UserContact = Pick<
  UserAccountEntity,
  'id' | 'role' | 'displayName' | 'wechatOpenid' | 'workWechatOpenid' | 'phoneEnc'
>;
