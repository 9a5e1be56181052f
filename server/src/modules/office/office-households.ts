import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateHouseholdInput,
  type Household,
  householdAddress,
  type HouseholdDetail,
  type HouseholdFieldsInput,
  type HouseholdListQuery,
  type MoveHouseholdInput,
  type Page,
  type Pairing,
  PAIRING_LABELS,
  type UpdateHouseholdInput,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import { pageOf, sliceOf } from '../../common/paging';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import { HouseholdPresenter } from '../fieldwork/household-presenter';
import type { HouseholdEntity } from '../household/household.entity';
import {
  type HouseholdChanges,
  HouseholdRepository,
  type HouseholdTags,
} from '../household/household.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository } from '../org/org.repository';
import { HouseholdPlacement } from './household-placement';
import { OfficeScope } from './office-scope';

/**
 * The 联户台账 as the office keeps it: staff and county admins register, edit and re-pair
 * (调整结对) the households in their scope; each change, and each opening of a full phone number,
 * is on the audit log.
 */
@Injectable()
export class OfficeHouseholds {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly households: HouseholdRepository,
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly presenter: HouseholdPresenter,
    private readonly phones: PhoneCipher,
    private readonly scope: OfficeScope,
    private readonly placement: HouseholdPlacement,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: RequestActor, query: HouseholdListQuery): Promise<Page<Household>> {
    const slice = sliceOf(query);
    const under = query.unitId
      ? (await this.scope.unit(actor, query.unitId)).path
      : this.scope.path(actor);
    const [rows, total] = await this.households.page(
      {
        unitIds: await this.org.subtreeIds(under),
        cadreId: query.cadreId,
        linked: query.linked,
        group: query.group,
        ...this.presenter.search(query.q),
      },
      slice,
    );
    return pageOf(slice, await this.presenter.present(rows), total);
  }

  /** One household with its full phone number: the opening is on the audit log. */
  async detail(actor: RequestActor, id: number): Promise<HouseholdDetail> {
    const h = await this.inScope(actor, id);
    const detail = await this.presenter.detail(h);
    const unitPath = (await this.org.pathOf(h.orgUnitId))!;
    await this.audit.recordNow({
      ...auditActor(actor),
      action: 'household.view',
      targetType: 'household',
      targetId: h.id,
      unitPath,
      detail: { address: detail.household.address },
      at: this.clock.now(),
    });
    return detail;
  }

  async create(actor: RequestActor, input: CreateHouseholdInput): Promise<Household> {
    const id = await this.db.transaction(async (m) => {
      const unit = await this.placement.placeable(actor, input.unitId, m);
      const cadre =
        input.cadreId === null
          ? null
          : await this.placement.pairable(actor, unit, input.cadreId, m);
      const id = await this.insert(m, unit, input, cadre, input.pairing);
      await this.record(m, actor, 'household.create', id, unit.path, {
        address: householdAddress(unit.name, input.groupName, input.houseNumber),
        head: input.headName,
        toCadre: cadre?.name ?? null,
        pairing: cadre && input.pairing ? PAIRING_LABELS[input.pairing] : null,
      });
      return id;
    });
    return this.view(id);
  }

  /** A new household inside the caller's transaction (the import writes many), unaudited. */
  async insert(
    m: EntityManager,
    unit: OrgUnitEntity,
    input: HouseholdFieldsInput,
    cadre: CadreEntity | null,
    pairing: Pairing | null,
  ): Promise<number> {
    return this.households.insert(
      m,
      {
        orgUnitId: unit.id,
        groupName: input.groupName,
        houseNumber: input.houseNumber,
        headName: input.headName,
        memberCount: input.memberCount,
        ...this.storedPhone(input.phone),
        cadreId: cadre?.id ?? null,
        pairing: cadre ? pairing : null,
        linkedAt: cadre ? this.clock.now() : null,
      },
      { specialGroups: input.specialGroups, freeTags: input.freeTags },
    );
  }

  /**
   * Writes what changed and audits the names of the fields that did; an identical form writes
   * nothing and leaves no audit row. Moving it to another unit keeps its link only within the
   * same township.
   */
  async update(actor: RequestActor, id: number, input: UpdateHouseholdInput): Promise<Household> {
    await this.db.transaction(async (m) => {
      const h = await this.inScope(actor, id, m);
      let unit = (await this.org.findById(h.orgUnitId, m))!;
      if (input.unitId !== h.orgUnitId) {
        const to = await this.placement.placeable(actor, input.unitId, m);
        if (h.cadreId !== null && !(await this.placement.sameTownship(unit, to))) {
          throw new AppError('PAIRING_INVALID');
        }
        unit = to;
      }
      const changed = await this.applyFields(m, h, input);
      if (changed.length === 0) return;
      await this.record(m, actor, 'household.update', h.id, unit.path, {
        address: householdAddress(unit.name, input.groupName, input.houseNumber),
        fields: changed.join(','),
      });
    });
    return this.view(id);
  }

  /**
   * Writes a household's changed fields and tags inside the caller's transaction, unaudited; the
   * names of what changed (none: nothing written). The unit is the caller's to check; `known`:
   * its tags, when the caller has read them already.
   */
  async applyFields(
    m: EntityManager,
    h: HouseholdEntity,
    input: HouseholdFieldsInput,
    known?: HouseholdTags,
  ): Promise<string[]> {
    const phone = h.phoneEnc ? this.phones.decrypt(h.phoneEnc) : '';
    const tags = known ?? (await this.households.tagsOf([h.id], m)).get(h.id)!;
    const sameSet = (a: readonly string[], b: readonly string[]) =>
      [...a].sort().join('\n') === [...b].sort().join('\n');
    const tagsChanged =
      !sameSet(tags.specialGroups, input.specialGroups) || !sameSet(tags.freeTags, input.freeTags);
    const changed = (
      [
        ['unitId', h.orgUnitId, input.unitId],
        ['groupName', h.groupName, input.groupName],
        ['houseNumber', h.houseNumber, input.houseNumber],
        ['headName', h.headName, input.headName],
        ['phone', phone, input.phone],
        ['memberCount', h.memberCount, input.memberCount],
      ] as const
    )
      .filter(([, before, after]) => before !== after)
      .map(([field]): string => field);
    if (changed.length > 0) {
      const changes: HouseholdChanges = {
        orgUnitId: input.unitId,
        groupName: input.groupName,
        houseNumber: input.houseNumber,
        headName: input.headName,
        memberCount: input.memberCount,
      };
      if (changed.includes('phone')) Object.assign(changes, this.storedPhone(input.phone));
      await this.households.update(m, h.id, changes);
    }
    if (tagsChanged) {
      await this.households.replaceTags(m, h.id, {
        specialGroups: input.specialGroups,
        freeTags: input.freeTags,
      });
      changed.push('tags');
    }
    return changed;
  }

  /** 调整结对: another cadre of the same township, another kind of link, or none. */
  async move(actor: RequestActor, id: number, input: MoveHouseholdInput): Promise<Household> {
    await this.db.transaction(async (m) => {
      const h = await this.inScope(actor, id, m);
      if (h.cadreId === input.cadreId && h.pairing === input.pairing) return;
      const unit = (await this.org.findById(h.orgUnitId, m))!;
      const to =
        input.cadreId === null
          ? null
          : await this.placement.pairable(actor, unit, input.cadreId, m);
      const from = h.cadreId === null ? null : await this.cadres.findById(h.cadreId, m);
      await this.relink(m, h, to, input.pairing);
      await this.record(m, actor, 'household.move', h.id, unit.path, {
        address: householdAddress(unit.name, h.groupName, h.houseNumber),
        fromCadre: from?.name ?? null,
        toCadre: to?.name ?? null,
        pairing: to && input.pairing ? PAIRING_LABELS[input.pairing] : null,
        note: input.note || null,
      });
    });
    return this.view(id);
  }

  /**
   * Links a household to `to` (or to none) inside the caller's transaction, unaudited; a link to
   * the same cadre keeps the date it was made. False when it was so already.
   */
  async relink(
    m: EntityManager,
    h: HouseholdEntity,
    to: CadreEntity | null,
    pairing: Pairing | null,
  ): Promise<boolean> {
    const toPairing = to ? pairing : null;
    if (h.cadreId === (to?.id ?? null) && h.pairing === toPairing) return false;
    const linkedAt = to === null ? null : h.cadreId === to.id ? h.linkedAt : this.clock.now();
    await this.households.relink(m, h.id, to?.id ?? null, toPairing, linkedAt);
    return true;
  }

  /** A household whose unit is in the actor's scope. */
  private async inScope(
    actor: RequestActor,
    id: number,
    m?: EntityManager,
  ): Promise<HouseholdEntity> {
    const h = await this.households.findById(id, m);
    if (!h) throw new AppError('NOT_FOUND');
    await this.scope.unit(actor, h.orgUnitId, m);
    return h;
  }

  private storedPhone(phone: string) {
    if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
    const p = this.phones.protect(phone);
    return { phoneEnc: p.enc, phoneHash: p.hash, phoneMasked: p.masked };
  }

  private async view(id: number): Promise<Household> {
    const [view] = await this.presenter.present([(await this.households.findById(id))!]);
    return view!;
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    action: string,
    householdId: number,
    unitPath: string,
    detail: Record<string, string | number | null>,
  ) {
    return this.audit.record(m, {
      ...auditActor(actor),
      action,
      targetType: 'household',
      targetId: householdId,
      unitPath,
      detail,
      at: this.clock.now(),
    });
  }
}
