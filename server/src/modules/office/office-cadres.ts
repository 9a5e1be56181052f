import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CadreCreated,
  type CadreDetail,
  type CadreFieldsInput,
  type CadreListQuery,
  type CreateCadreInput,
  type DeactivateCadreInput,
  HANDOVER_STATUSES,
  type OfficeCadre,
  type Page,
  type TransferPostInput,
  type TransferPostResult,
  type UpdateCadreInput,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { hashPassword } from '../../common/crypto/password';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { pageOf, sliceOf } from '../../common/paging';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import { CardRepository } from '../card/card.repository';
import { HouseholdRepository } from '../household/household.repository';
import { PhotoService } from '../photo/photo.service';
import { OrgRepository } from '../org/org.repository';
import { LEVEL_OF_UNIT } from '../request/request-routing';
import { RequestMoves } from '../request/request-moves.service';
import { RequestRepository } from '../request/request.repository';
import { UserRepository } from '../user/user.repository';
import { OfficeCards } from './office-cards';
import { initialPassword, OfficeScope } from './office-scope';

/** Cadres as the office manages them: profiles, accounts, leaving a post, handing it over. */
@Injectable()
export class OfficeCadres {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly users: UserRepository,
    private readonly cards: CardRepository,
    private readonly households: HouseholdRepository,
    private readonly officeCards: OfficeCards,
    private readonly requests: RequestRepository,
    private readonly moves: RequestMoves,
    private readonly phones: PhoneCipher,
    private readonly photos: PhotoService,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: RequestActor, query: CadreListQuery): Promise<Page<OfficeCadre>> {
    const slice = sliceOf(query);
    const under = query.unitId
      ? (await this.scope.unit(actor, query.unitId)).path
      : this.scope.path(actor);
    const [rows, total] = await this.cadres.page(
      {
        unitIds: await this.org.subtreeIds(under),
        active: query.active,
        q: query.q,
        userIds: query.q ? await this.users.idsByUsername(query.q) : undefined,
      },
      slice,
    );
    return pageOf(slice, await this.present(rows), total);
  }

  async detail(actor: RequestActor, id: number): Promise<CadreDetail> {
    const cadre = await this.inScope(actor, id);
    const [view] = await this.present([cadre]);
    return {
      cadre: view!,
      phone: this.phones.decrypt(cadre.phoneEnc),
      cards: await this.officeCards.ofCadre(cadre.id),
    };
  }

  /** A cadre and their account (initial password, to be changed at first sign-in). */
  async create(actor: RequestActor, input: CreateCadreInput): Promise<CadreCreated> {
    const password = initialPassword();
    const passwordHash = await hashPassword(password);
    const id = await this.db.transaction(async (m) => {
      const { cadreId } = await this.insert(m, actor, input, passwordHash);
      return cadreId;
    });
    const [cadre] = await this.present([(await this.byId(id))!]);
    return { cadre: cadre!, initialPassword: password };
  }

  /** Inside the caller's transaction (the import writes many): the account, the profile, the audit row. */
  async insert(
    m: EntityManager,
    actor: RequestActor,
    input: CreateCadreInput,
    passwordHash: string,
  ): Promise<{ cadreId: number; userId: number }> {
    const unit = await this.scope.openUnit(actor, input.unitId, m);
    const userId = await this.users.insertWorkAccount(m, {
      role: 'cadre',
      displayName: input.name,
      username: input.username,
      passwordHash,
      orgUnitId: unit.id,
    });
    const phone = this.phones.protect(input.phone);
    const cadreId = await this.cadres.insert(m, {
      userId,
      orgUnitId: unit.id,
      name: input.name,
      post: input.post,
      phoneEnc: phone.enc,
      phoneMasked: phone.masked,
      duties: input.duties,
      dutyDays: input.dutyDays,
    });
    await this.record(m, actor, 'cadre.create', cadreId, unit.path, {
      name: input.name,
      username: input.username,
    });
    return { cadreId, userId };
  }

  async update(actor: RequestActor, id: number, input: UpdateCadreInput): Promise<OfficeCadre> {
    await this.db.transaction(async (m) => {
      const cadre = await this.inScope(actor, id, m);
      const changed = await this.apply(m, actor, cadre, input);
      if (changed.length > 0) {
        const unitPath = (await this.org.pathOf(input.unitId))!;
        await this.record(m, actor, 'cadre.update', cadre.id, unitPath, {
          fields: changed.join(','),
        });
      }
    });
    const [view] = await this.present([(await this.byId(id))!]);
    return view!;
  }

  /** Writes a profile's changes; the names of the fields that changed (none: nothing written). */
  async apply(
    m: EntityManager,
    actor: RequestActor,
    cadre: CadreEntity,
    input: CadreFieldsInput,
  ): Promise<string[]> {
    if (!cadre.active) throw new AppError('CADRE_INACTIVE');
    if (input.unitId !== cadre.orgUnitId) await this.scope.openUnit(actor, input.unitId, m);
    const phone = this.phones.decrypt(cadre.phoneEnc);
    const changed = (
      [
        ['unitId', cadre.orgUnitId, input.unitId],
        ['name', cadre.name, input.name],
        ['post', cadre.post, input.post],
        ['phone', phone, input.phone],
        ['duties', cadre.duties, input.duties],
        ['dutyDays', cadre.dutyDays, input.dutyDays],
      ] as const
    )
      .filter(([, before, after]) => before !== after)
      .map(([field]) => field);
    if (changed.length === 0) return [];
    const stored = this.phones.protect(input.phone);
    await this.cadres.update(m, cadre.id, {
      orgUnitId: input.unitId,
      name: input.name,
      post: input.post,
      phoneEnc: stored.enc,
      phoneMasked: stored.masked,
      duties: input.duties,
      dutyDays: input.dutyDays,
    });
    await this.users.update(m, cadre.userId, { displayName: input.name, orgUnitId: input.unitId });
    return changed;
  }

  /**
   * Sets or removes the portrait the card shows. The file is checked and stored before the row
   * changes; the old file stays in storage but is no longer served.
   */
  async setPhoto(actor: RequestActor, id: number, file: Buffer | null): Promise<OfficeCadre> {
    const before = await this.inScope(actor, id);
    if (!before.active) throw new AppError('CADRE_INACTIVE');
    const photoUrl = file ? await this.photos.storeCadrePhoto(file) : null;
    await this.db.transaction(async (m) => {
      const cadre = await this.inScope(actor, id, m);
      if (!cadre.active) throw new AppError('CADRE_INACTIVE');
      if (cadre.photoUrl === photoUrl) return;
      await this.cadres.update(m, cadre.id, { photoUrl });
      const unitPath = (await this.org.pathOf(cadre.orgUnitId))!;
      await this.record(m, actor, 'cadre.photo', cadre.id, unitPath, {
        photo: photoUrl ? (cadre.photoUrl ? '更换' : '上传') : '删除',
      });
    });
    const [view] = await this.present([(await this.byId(id))!]);
    return view!;
  }

  /**
   * Leaving without a successor: refused while requests still wait on the cadre (they would have
   * nobody to move them), otherwise the profile, the account and the cards stop, and the cadre's
   * households are unlinked (未结对) for the office to pair again.
   */
  async deactivate(
    actor: RequestActor,
    id: number,
    input: DeactivateCadreInput,
  ): Promise<OfficeCadre> {
    await this.db.transaction(async (m) => {
      const cadre = await this.inScope(actor, id, m);
      if (!cadre.active) throw new AppError('CADRE_INACTIVE');
      const open = await this.requests.lockOwned(m, cadre.userId, HANDOVER_STATUSES);
      if (open.length > 0) throw new AppError('CADRE_HAS_OPEN_WORK');
      const now = this.clock.now();
      await this.cadres.update(m, cadre.id, {
        active: false,
        endedAt: now,
        endReason: input.reason,
      });
      await this.users.update(m, cadre.userId, { active: false, sessionsSince: now });
      const revoked = await this.officeCards.revokeAll(
        m,
        actor,
        cadre,
        `干部停用：${input.reason}`,
      );
      const unlinked = await this.households.unlinkAll(m, cadre.id);
      const unitPath = (await this.org.pathOf(cadre.orgUnitId))!;
      await this.record(m, actor, 'cadre.deactivate', cadre.id, unitPath, {
        reason: input.reason,
        cardsRevoked: revoked,
        householdsUnlinked: unlinked,
      });
    });
    const [view] = await this.present([(await this.byId(id))!]);
    return view!;
  }

  /**
   * 事随人转: the successor takes the post. The cadre's cards now reach the successor (the card
   * page says who took over), their waiting requests move with new clocks and a timeline step,
   * their linked households move with their kind of link, and what they resolved and whom they
   * visited stays theirs, ratings included.
   */
  async transfer(
    actor: RequestActor,
    id: number,
    input: TransferPostInput,
  ): Promise<TransferPostResult> {
    const moved = await this.db.transaction(async (m) => {
      const from = await this.inScope(actor, id, m);
      const to = await this.inScope(actor, input.successorCadreId, m);
      if (!from.active) throw new AppError('CADRE_INACTIVE');
      if (!to.active || to.id === from.id) throw new AppError('SUCCESSOR_INVALID');
      const [fromUnit, toUnit] = [
        await this.org.findById(from.orgUnitId, m),
        await this.org.findById(to.orgUnitId, m),
      ];
      if ((await this.scope.townshipOf(fromUnit!)) !== (await this.scope.townshipOf(toUnit!)))
        throw new AppError('SUCCESSOR_INVALID');
      const now = this.clock.now();
      const note = `事随人转：原联系人${from.name}已调整，现由${to.name}联系${input.note ? `（${input.note}）` : ''}`;
      const holder = {
        ownerUserId: to.userId,
        ownerUnitId: toUnit!.id,
        ownerUnitPath: toUnit!.path,
        level: LEVEL_OF_UNIT[toUnit!.kind],
      };
      let count = 0;
      for (const r of await this.requests.lockOwned(m, from.userId, HANDOVER_STATUSES)) {
        if (await this.moves.handOver(m, actor, r, holder, note, now)) count++;
      }
      await this.cadres.update(m, from.id, {
        active: false,
        successorCadreId: to.id,
        endedAt: now,
        endReason: `事随人转，由${to.name}接任`,
      });
      // Out of the post, out of its residents' data: the account stops and its sessions end.
      await this.users.update(m, from.userId, { active: false, sessionsSince: now });
      const cards = await this.cards.countActive(from.id, m);
      // Their households (联户) go with the post; the visits stay as they were made.
      const households = await this.households.relinkAll(m, from.id, to.id, now);
      await this.record(m, actor, 'cadre.transfer', from.id, fromUnit!.path, {
        successorCadreId: to.id,
        successor: to.name,
        movedRequests: count,
        cards,
        movedHouseholds: households,
      });
      return { count, cards, households };
    });
    const [from, to] = await this.present([
      (await this.byId(id))!,
      (await this.byId(input.successorCadreId))!,
    ]);
    return {
      from: from!,
      to: to!,
      movedRequests: moved.count,
      cards: moved.cards,
      movedHouseholds: moved.households,
    };
  }

  /** A cadre whose unit is in the actor's scope. */
  async inScope(actor: RequestActor, id: number, m?: EntityManager): Promise<CadreEntity> {
    const cadre = await this.byId(id, m);
    if (!cadre) throw new AppError('NOT_FOUND');
    await this.scope.unit(actor, cadre.orgUnitId, m);
    return cadre;
  }

  private byId(id: number, m?: EntityManager): Promise<CadreEntity | null> {
    return this.cadres.findById(id, m);
  }

  async present(rows: CadreEntity[]): Promise<OfficeCadre[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((c) => c.id);
    const units = new Map(
      (await this.org.findByIds(rows.map((c) => c.orgUnitId))).map((u) => [u.id, u.name]),
    );
    const accounts = await this.users.usernames(rows.map((c) => c.userId));
    const successors = await this.cadres.namesByIds(
      rows.map((c) => c.successorCadreId).filter((x): x is number => x !== null),
    );
    // Cards reach whoever holds the post now: a successor counts those they took over.
    const before = await this.cadres.predecessorsOf(ids);
    const cards = await this.cards.ofCadres([...ids, ...[...before.values()].flat()]);
    const openBy = await this.requests.countOwned(
      rows.map((c) => c.userId),
      HANDOVER_STATUSES,
    );
    return rows.map((c) => ({
      id: c.id,
      userId: c.userId,
      username: accounts.get(c.userId) ?? null,
      unitId: c.orgUnitId,
      unitName: units.get(c.orgUnitId) ?? '',
      name: c.name,
      post: c.post,
      phoneMasked: c.phoneMasked,
      duties: c.duties,
      dutyDays: c.dutyDays,
      photoUrl: c.photoUrl,
      active: c.active,
      successorName:
        c.successorCadreId === null ? null : (successors.get(c.successorCadreId) ?? null),
      activeCards: c.active
        ? cards.filter(
            (k) => k.status === 'active' && [c.id, ...(before.get(c.id) ?? [])].includes(k.cadreId),
          ).length
        : 0,
      // A cadre who handed over holds nothing open any more; their account may still own resolved work.
      openRequests: c.active ? (openBy.get(c.userId) ?? 0) : 0,
    }));
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    action: string,
    cadreId: number,
    unitPath: string,
    detail: Record<string, string | number | null>,
  ) {
    return this.audit.record(m, {
      ...auditActor(actor),
      action,
      targetType: 'cadre',
      targetId: cadreId,
      unitPath,
      detail,
      at: this.clock.now(),
    });
  }
}
