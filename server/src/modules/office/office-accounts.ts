import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AccountListQuery,
  AccountWithPassword,
  CreateAccountInput,
  OfficeAccount,
  Page,
  SetAccountActiveInput,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { hashPassword } from '../../common/crypto/password';
import { pageOf, sliceOf } from '../../common/paging';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { OrgRepository } from '../org/org.repository';
import type { UserAccountEntity } from '../user/user-account.entity';
import { UserRepository } from '../user/user.repository';
import { initialPassword, OfficeScope } from './office-scope';

/**
 * Work accounts in a scope: staff and admins (created by a county admin), cadres (created with
 * their profile). Staff may reset a cadre's password; admins any account in their scope but their
 * own (which they change themselves). A reset ends every session of the account.
 */
@Injectable()
export class OfficeAccounts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly org: OrgRepository,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: RequestActor, query: AccountListQuery): Promise<Page<OfficeAccount>> {
    const slice = sliceOf(query);
    const [rows, total] = await this.users.pageWorkAccounts(
      {
        unitIds: await this.org.subtreeIds(this.scope.path(actor)),
        roles: query.role ? [query.role] : ['cadre', 'staff', 'admin'],
        q: query.q,
      },
      slice,
    );
    return pageOf(slice, await this.present(rows), total);
  }

  async create(actor: RequestActor, input: CreateAccountInput): Promise<AccountWithPassword> {
    const password = initialPassword();
    const passwordHash = await hashPassword(password);
    const id = await this.db.transaction(async (m) => {
      const unit = await this.scope.openUnit(actor, input.unitId, m);
      const created = await this.users.insertWorkAccount(m, {
        role: input.role,
        displayName: input.displayName,
        username: input.username,
        passwordHash,
        orgUnitId: unit.id,
      });
      await this.record(m, actor, 'account.create', created, unit.path, {
        username: input.username,
        role: input.role,
      });
      return created;
    });
    return { account: await this.one(id), initialPassword: password };
  }

  async resetPassword(actor: RequestActor, id: number): Promise<AccountWithPassword> {
    const password = initialPassword();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      const { user, unitPath } = await this.target(actor, id, m);
      if (actor.role !== 'admin' && user.role !== 'cadre') throw new AppError('FORBIDDEN');
      await this.users.setPassword(user.id, passwordHash, true, this.clock.now(), m);
      await this.record(m, actor, 'account.reset_password', user.id, unitPath, {
        username: user.username,
      });
    });
    return { account: await this.one(id), initialPassword: password };
  }

  async setActive(
    actor: RequestActor,
    id: number,
    input: SetAccountActiveInput,
  ): Promise<OfficeAccount> {
    await this.db.transaction(async (m) => {
      const { user, unitPath } = await this.target(actor, id, m);
      if (user.active === input.active) return;
      await this.users.update(m, id, {
        active: input.active,
        ...(input.active ? {} : { sessionsSince: this.clock.now() }),
      });
      const action = input.active ? 'account.enable' : 'account.disable';
      await this.record(m, actor, action, user.id, unitPath, { username: user.username });
    });
    return this.one(id);
  }

  /** A work account in scope that is not the actor's own. */
  private async target(actor: RequestActor, id: number, m: EntityManager) {
    const user = await this.users.findById(id, m);
    if (!user || user.role === 'resident' || user.orgUnitId === null)
      throw new AppError('NOT_FOUND');
    if (user.id === actor.userId) throw new AppError('FORBIDDEN');
    const unit = await this.scope.unit(actor, user.orgUnitId, m);
    return { user, unitPath: unit.path };
  }

  private async one(id: number): Promise<OfficeAccount> {
    const user = await this.users.findById(id);
    const [view] = await this.present([user!]);
    return view!;
  }

  private async present(rows: UserAccountEntity[]): Promise<OfficeAccount[]> {
    const units = new Map(
      (await this.org.findByIds(rows.map((r) => r.orgUnitId ?? 0))).map((u) => [u.id, u.name]),
    );
    return rows.map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      unitId: a.orgUnitId,
      unitName: a.orgUnitId === null ? null : (units.get(a.orgUnitId) ?? null),
      active: a.active,
      mustChangePassword: a.mustChangePassword,
      lockedUntil: a.lockedUntil ? a.lockedUntil.toISOString() : null,
      createdAt: a.createdAt.toISOString(),
    }));
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    action: string,
    targetId: number,
    unitPath: string,
    detail: Record<string, string | null>,
  ) {
    return this.audit.record(m, {
      ...auditActor(actor),
      action,
      targetType: 'user_account',
      targetId,
      unitPath,
      detail,
      at: this.clock.now(),
    });
  }
}
