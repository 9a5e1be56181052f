import { Inject, Injectable, Logger } from '@nestjs/common';
import { CardCodes } from './card-codes';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  type CardDetail,
  type CardSheetQuery,
  generateCardCode,
  householdAddress,
  localDateOf,
  type OfficeCard,
  type RevokeCardInput,
  type RevokeCardResult,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { isUniqueViolation } from '../../database/errors';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import type { CardEntity } from '../card/card.entity';
import { CardRepository } from '../card/card.repository';
import { CardService } from '../card/card.service';
import type { HouseholdEntity } from '../household/household.entity';
import { HouseholdRepository } from '../household/household.repository';
import { OrgRepository } from '../org/org.repository';
import { RequestRepository } from '../request/request.repository';
import { type CardFont, resolveCardFont } from '../print/card-font';
import { type CardSheetOptions, cardUrl, type PrintableCard } from '../print/card-sheet';
import { OfficeScope } from './office-scope';

const SCAN_DAYS = 30;
const CODE_ATTEMPTS = 5;

/** Cards from issue to retirement: issue, stop (with a new one in its place), scans, printing. */
@Injectable()
export class OfficeCards {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cards: CardRepository,
    private readonly answering: CardService,
    private readonly households: HouseholdRepository,
    private readonly cadres: CadreRepository,
    private readonly org: OrgRepository,
    private readonly requests: RequestRepository,
    private readonly phones: PhoneCipher,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly codes: CardCodes,
  ) {}

  private readonly logger = new Logger(OfficeCards.name);

  /** A cadre's own cards, and those that reach them from posts they took over (事随人转). */
  async ofCadre(cadreId: number): Promise<OfficeCard[]> {
    const before = (await this.cadres.predecessorsOf([cadreId])).get(cadreId) ?? [];
    const handedOver = before.length === 0 ? [] : await this.cards.activeOfCadres(before);
    return this.present([...(await this.cards.ofCadres([cadreId])), ...handedOver]);
  }

  async issue(actor: RequestActor, cadreId: number): Promise<OfficeCard> {
    const id = await this.db.transaction(async (m) => {
      const { cadre, unitPath } = await this.cadreInScope(actor, cadreId, m);
      return this.issueIn(m, actor, cadre, unitPath);
    });
    return this.one(id);
  }

  /**
   * 民困帮扶卡: the card of a household linked 结亲, naming it and its cadre. A household has one in
   * use at a time: asking again gives the same card (a lost one is stopped and re-issued).
   */
  async issueHelpCard(actor: RequestActor, householdId: number): Promise<OfficeCard> {
    const id = await this.db.transaction(async (m) => {
      const home = await this.households.findById(householdId, m);
      if (!home) throw new AppError('NOT_FOUND');
      const unit = await this.scope.unit(actor, home.orgUnitId, m);
      if (home.cadreId === null || home.pairing !== 'kin') throw new AppError('HELP_CARD_NOT_KIN');
      const inUse = (await this.cards.activeHelpCards([home.id], m)).get(home.id);
      if (inUse) return inUse.id;
      const cadre = (await this.cadres.findById(home.cadreId, m))!;
      return this.issueIn(m, actor, cadre, unit.path, {
        id: home.id,
        address: householdAddress(unit.name, home.groupName, home.houseNumber),
      });
    });
    return this.one(id);
  }

  /** A new code from `shared/`; a collision (≈71 random bits: never seen) draws again. */
  private async issueIn(
    m: EntityManager,
    actor: RequestActor,
    cadre: CadreEntity,
    unitPath: string,
    household: { id: number; address: string } | null = null,
  ): Promise<number> {
    if (!cadre.active) throw new AppError('CADRE_INACTIVE');
    const at = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      const code = generateCardCode();
      try {
        const id = await this.cards.insert(m, {
          code,
          cadreId: cadre.id,
          householdId: household?.id ?? null,
          issuedAt: at,
        });
        await this.record(m, actor, household ? 'card.issue_help' : 'card.issue', id, unitPath, {
          code,
          cadre: cadre.name,
          ...(household ? { household: household.address } : {}),
        });
        return id;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= CODE_ATTEMPTS) throw err;
      }
    }
  }

  async detail(actor: RequestActor, cardId: number): Promise<CardDetail> {
    const card = await this.cards.findById(cardId);
    if (!card) throw new AppError('NOT_FOUND');
    const { cadre } = await this.cadreInScope(actor, card.cadreId);
    const holder = await this.cadres.currentHolder(cadre);
    const today = localDateOf(this.clock.now());
    const from = addDays(today, -(SCAN_DAYS - 1));
    const scans = new Map(
      (await this.cards.scansSince(card.id, from)).map((s) => [s.day, s.scans]),
    );
    const unit = await this.org.findById(cadre.orgUnitId);
    return {
      card: (await this.present([card]))[0]!,
      cadreName: cadre.name,
      answeredBy: holder.id === cadre.id ? null : holder.name,
      unitName: unit?.name ?? '',
      scansByDay: Array.from({ length: SCAN_DAYS }, (_, i) => {
        const date = addDays(from, i);
        return { date, scans: scans.get(date) ?? 0 };
      }),
    };
  }

  /** 停用 (lost…), the reason kept; with `reissue`, a new card whose code the old one leads to. */
  async revoke(
    actor: RequestActor,
    cardId: number,
    input: RevokeCardInput,
  ): Promise<RevokeCardResult> {
    const issuedId = await this.db.transaction(async (m) => {
      const card = await this.cards.findById(cardId, m);
      if (!card) throw new AppError('NOT_FOUND');
      const { cadre, unitPath } = await this.cadreInScope(actor, card.cadreId, m);
      if (card.status !== 'active') throw new AppError('CARD_ALREADY_REVOKED');
      // 补卡 of a 民困帮扶卡 is again the household's.
      const home =
        input.reissue && card.householdId !== null
          ? await this.households.findById(card.householdId, m)
          : null;
      const newId = input.reissue
        ? await this.issueIn(
            m,
            actor,
            cadre,
            unitPath,
            home ? { id: home.id, address: await this.addressOf(home, m) } : null,
          )
        : null;
      if (!(await this.cards.revoke(m, card.id, input.reason, this.clock.now(), newId))) {
        throw new AppError('CARD_ALREADY_REVOKED');
      }
      await this.record(m, actor, 'card.revoke', card.id, unitPath, {
        code: card.code,
        reason: input.reason,
        reissuedCardId: newId,
      });
      return newId;
    });
    return {
      revoked: await this.one(cardId),
      issued: issuedId === null ? null : await this.one(issuedId),
    };
  }

  /** Every active card of a cadre who stops (deactivation), inside the caller's transaction. */
  async revokeAll(
    m: EntityManager,
    actor: RequestActor,
    cadre: CadreEntity,
    reason: string,
  ): Promise<number> {
    const unitPath = (await this.org.pathOf(cadre.orgUnitId))!;
    let n = 0;
    for (const card of await this.cards.ofCadres([cadre.id], m)) {
      if (card.status !== 'active') continue;
      if (await this.cards.revoke(m, card.id, reason.slice(0, 100), this.clock.now(), null)) {
        await this.record(m, actor, 'card.revoke', card.id, unitPath, { code: card.code, reason });
        n++;
      }
    }
    return n;
  }

  /**
   * The cards to print: one card, or every active card of the cadres in post in a unit's subtree,
   * in unit then cadre order. The print is on the audit log (it carries phone numbers).
   */
  async printable(actor: RequestActor, query: CardSheetQuery): Promise<PrintableCard[]> {
    let cards: CardEntity[];
    let unitPath: string;
    if (query.cardId) {
      const card = await this.cards.findById(query.cardId);
      if (!card) throw new AppError('NOT_FOUND');
      unitPath = (await this.cadreInScope(actor, card.cadreId)).unitPath;
      if (card.status !== 'active') throw new AppError('CARD_ALREADY_REVOKED');
      cards = [card];
    } else {
      unitPath = query.unitId
        ? (await this.scope.unit(actor, query.unitId)).path
        : this.scope.path(actor);
      const units = await this.org.findSubtree(unitPath);
      const order = new Map(units.map((u, i) => [u.id, i]));
      const cadres = (await this.cadres.findActiveInUnits(units.map((u) => u.id))).sort(
        (a, b) => order.get(a.orgUnitId)! - order.get(b.orgUnitId)! || a.id - b.id,
      );
      // Each cadre's cards, then those of the posts they took over: printed under their name.
      const before = await this.cadres.predecessorsOf(cadres.map((c) => c.id));
      const byCadre = await this.cards.activeOfCadres([
        ...cadres.map((c) => c.id),
        ...[...before.values()].flat(),
      ]);
      cards = cadres.flatMap((c) =>
        [c.id, ...(before.get(c.id) ?? [])].flatMap((id) =>
          byCadre.filter((k) => k.cadreId === id),
        ),
      );
    }
    if (cards.length === 0) throw new AppError('NOTHING_TO_PRINT');
    const printable = await this.toPrintable(cards);
    if (query.qr === 'wxacode') {
      for (const card of printable) {
        card.wxacode = await this.codes.of(card.code).catch((err: Error) => {
          this.logger.warn({ err: err.message, card: card.code }, 'mini-program code refused');
          throw new AppError('WXACODE_UNAVAILABLE');
        });
      }
    }
    await this.audit.recordNow({
      ...auditActor(actor),
      action: 'cards.print',
      targetType: query.cardId ? 'card' : 'org_unit',
      targetId: query.cardId ?? query.unitId ?? actor.orgUnitId,
      unitPath,
      detail: { cards: cards.length, qr: query.qr ?? 'link' },
      at: this.clock.now(),
    });
    return printable;
  }

  private async toPrintable(cards: CardEntity[]): Promise<PrintableCard[]> {
    const out: PrintableCard[] = [];
    const homes = new Map(
      (
        await this.households.findByIds(
          cards.map((c) => c.householdId).filter((x): x is number => x !== null),
        )
      ).map((h) => [h.id, h]),
    );
    for (const card of cards) {
      const { cadre } = await this.answering.holderOf(card);
      const home = card.householdId === null ? undefined : homes.get(card.householdId);
      const unit = (await this.org.findById(cadre.orgUnitId))!;
      const lineage = await this.org.findLineage(unit);
      const township = lineage.find((u) => u.kind === 'township') ?? null;
      out.push({
        code: card.code,
        name: cadre.name,
        post: cadre.post,
        unitName: unit.name,
        villageName: lineage.find((u) => u.kind === 'village')?.name ?? null,
        townshipName: township?.name ?? null,
        phone: this.phones.decrypt(cadre.phoneEnc),
        duties: cadre.duties,
        dutyDays: cadre.dutyDays,
        hotlines: township?.hotlines ?? [],
        household: home ? `${home.headName}户 · ${await this.addressOf(home)}` : null,
      });
    }
    return out;
  }

  /** How sheets are printed here: the public origin in the QR codes, the configured font. */
  sheetOptions(): CardSheetOptions {
    this.font ??= resolveCardFont({
      CARD_FONT_PATH: this.config.cardFont.path ?? undefined,
      CARD_FONT_FACE: this.config.cardFont.face ?? undefined,
    });
    return { publicBaseUrl: this.config.publicBaseUrl, font: this.font };
  }

  private font: CardFont | undefined;

  private async addressOf(home: HouseholdEntity, m?: EntityManager): Promise<string> {
    const unit = await this.org.findById(home.orgUnitId, m);
    return householdAddress(unit?.name ?? '', home.groupName, home.houseNumber);
  }

  private async cadreInScope(actor: RequestActor, cadreId: number, m?: EntityManager) {
    const cadre = await this.cadres.findById(cadreId, m);
    if (!cadre) throw new AppError('NOT_FOUND');
    const unit = await this.scope.unit(actor, cadre.orgUnitId, m);
    return { cadre, unitPath: unit.path };
  }

  private async one(id: number): Promise<OfficeCard> {
    return (await this.present([(await this.cards.findById(id))!]))[0]!;
  }

  private async present(cards: CardEntity[]): Promise<OfficeCard[]> {
    const ids = cards.map((c) => c.id);
    const [scans, requests] = await Promise.all([
      this.cards.scanTotals(ids),
      this.requests.countByCards(ids),
    ]);
    const replacements = new Map(
      (
        await this.cards.byIds(
          cards.map((c) => c.replacedByCardId).filter((x): x is number => x !== null),
        )
      ).map((c) => [c.id, c.code]),
    );
    return cards.map((c) => ({
      id: c.id,
      code: c.code,
      url: cardUrl(this.config.publicBaseUrl, c.code),
      cadreId: c.cadreId,
      status: c.status,
      issuedAt: c.issuedAt.toISOString(),
      revokedAt: c.revokedAt ? c.revokedAt.toISOString() : null,
      revokeReason: c.revokeReason,
      replacedByCode:
        c.replacedByCardId === null ? null : (replacements.get(c.replacedByCardId) ?? null),
      householdId: c.householdId,
      scans: scans.get(c.id) ?? 0,
      requests: requests.get(c.id) ?? 0,
    }));
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    action: string,
    cardId: number,
    unitPath: string,
    detail: Record<string, string | number | null>,
  ) {
    return this.audit.record(m, {
      ...auditActor(actor),
      action,
      targetType: 'card',
      targetId: cardId,
      unitPath,
      detail,
      at: this.clock.now(),
    });
  }
}
