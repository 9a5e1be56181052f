import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ConfirmationPreview,
  type ConfirmationTicket,
  CONFIRMATION_TOKEN_PATTERN,
  type OnBehalfInput,
  type OnSpotInput,
  type RequestChannel,
  type SubmitRequestInput,
  transition,
} from '@mqlk/shared';
import QRCode from 'qrcode';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { PhoneCipher } from '../../common/crypto/phone-cipher';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { SMS_SENDER, type SmsSender } from '../auth/external-services';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import { CardService } from '../card/card.service';
import { VisitRepository } from '../household/visit.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ContentCheckRepository, type NewContentCheck } from '../content/content-check.repository';
import { ContentChecker } from '../content/content-checker';
import { PhotoService } from '../photo/photo.service';
import { VoiceService } from '../voice/voice.service';
import { ResidentAccounts } from '../user/resident-accounts';
import { UserRepository } from '../user/user.repository';
import { RequestClocks } from './request-clocks';
import { RequestMoves } from './request-moves.service';
import { MetricLedger } from './metric-ledger';
import { RequestNotices } from './request-notices';
import { type Routing, RequestRouting } from './request-routing';
import { RequestRepository } from './request.repository';
import { type RequestRecord, writtenRecord } from './request-record';
import { TimelineRepository } from './timeline.repository';

/** How long a resident has to confirm a 当场解决 record with one code; a new code can be asked for. */
const CONFIRMATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** One SMS per record per minute at the most: every send reaches a resident's phone and costs money. */
const CONFIRMATION_SMS_GAP_MS = 60 * 1000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

interface NewRequestFields {
  channel: RequestChannel;
  category: SubmitRequestInput['category'];
  subTopic: SubmitRequestInput['subTopic'];
  text: string;
  photoIds: number[];
  /** a resident's recording, said instead of (or beside) the text */
  voiceId?: number;
  location: string | null;
  requesterId: number;
  contactPhoneEnc: string | null;
  contactPhoneMasked: string | null;
  cardId: number | null;
  /** the household (联户) and visit (走访) it came from, when known */
  householdId?: number | null;
  visitId?: number | null;
  /** 公示摘要, written with a 当场解决 record (as with any resolution) */
  publicSummary?: string;
}

interface Numbered {
  now: Date;
  number: string;
}

/** A new request's id, and its rows when this call wrote them. */
export interface Intake {
  id: number;
  fresh: RequestRecord | null;
}

const ownName = (actor: RequestActor) => new Map([[actor.userId, actor.displayName]]);

/**
 * How requests come in: a resident through a card, a cadre for a resident (代填), or a cadre's
 * record of a matter solved on the spot (当场解决), which counts once the resident confirms it.
 */
@Injectable()
export class RequestIntake {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: RequestRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: RequestClocks,
    private readonly moves: RequestMoves,
    private readonly routing: RequestRouting,
    private readonly cards: CardService,
    private readonly cadres: CadreRepository,
    private readonly users: UserRepository,
    private readonly residents: ResidentAccounts,
    private readonly idempotency: IdempotencyService,
    private readonly photos: PhotoService,
    private readonly voices: VoiceService,
    private readonly visits: VisitRepository,
    private readonly phones: PhoneCipher,
    private readonly policy: AccessPolicy,
    private readonly notices: RequestNotices,
    private readonly metricLedger: MetricLedger,
    private readonly contentChecks: ContentCheckRepository,
    private readonly contentChecker: ContentChecker,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A resident's submission through a card. Returns the request's id (the same on a retry) and,
   * when this call made it, its rows as written (`RequestQueries.created` answers from them).
   */
  async submit(
    actor: RequestActor,
    input: SubmitRequestInput,
    idemKey: string | undefined,
  ): Promise<Intake> {
    if (!input.cardCode) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'cardCode', message: '请先扫描干部的联系卡再反映' },
      ]);
    }
    const card = await this.cards.forSubmission(input.cardCode);
    const route = await this.routing.forCadre(card.cadre, input.category, 'card', card.unit);
    const phone = input.contactPhone ? this.phones.protect(input.contactPhone) : null;
    // Read before the transaction: a pooled read inside one can wait forever for a connection
    // when every connection is held by a transaction doing the same.
    const masked =
      phone?.masked ??
      (actor.phoneMasked !== undefined
        ? actor.phoneMasked
        : await this.users.phoneMaskOf(actor.userId));
    const known = new Map([[actor.userId, actor.displayName]]);
    if (card.accountName !== null) known.set(card.cadre.userId, card.accountName);
    const made = await this.once(actor, idemKey, 'POST /requests', input, (m, number) =>
      this.create(m, actor, 'submit', route, null, number, known, card.cadre.name, {
        channel: 'card_scan',
        category: input.category,
        subTopic: input.subTopic,
        text: input.text,
        photoIds: input.photoIds,
        voiceId: input.voiceId,
        location: input.location ? JSON.stringify(input.location) : null,
        requesterId: actor.userId,
        contactPhoneEnc: phone?.enc ?? null,
        contactPhoneMasked: masked,
        cardId: card.cardId,
        // A 民困帮扶卡 names its household: no address needed.
        householdId: card.householdId,
      }),
    );
    // Its words are sent to WeChat's content security now, after the commit (never inside it).
    if (made.fresh && actor.wechatOpenid !== null) this.contentChecker.soon();
    return made;
  }

  /** 代填: a cadre files for a resident; it is the resident's, by their phone, once they sign in. */
  async fileOnBehalf(
    actor: RequestActor,
    input: OnBehalfInput,
    idemKey: string | undefined,
  ): Promise<Intake> {
    const cadre = await this.cadreOf(actor);
    const route = await this.routing.forCadre(cadre, input.category, 'cadre');
    const fields = await this.forResident(actor, input);
    return this.once(actor, idemKey, 'POST /requests/on-behalf', input, (m, number) =>
      this.create(m, actor, 'submit', route, null, number, ownName(actor), cadre.name, fields),
    );
  }

  /** 当场解决: recorded as solved, counted nowhere until the resident confirms it. */
  async recordOnSpot(
    actor: RequestActor,
    input: OnSpotInput,
    idemKey: string | undefined,
  ): Promise<Intake> {
    const cadre = await this.cadreOf(actor);
    const route = await this.routing.forCadre(cadre, input.category, 'cadre');
    const fields = {
      ...(await this.forResident(actor, input)),
      publicSummary: input.publicSummary,
    };
    return this.once(actor, idemKey, 'POST /requests/on-spot', input, (m, number) =>
      this.create(
        m,
        actor,
        'record_on_spot',
        route,
        input.note,
        number,
        ownName(actor),
        cadre.name,
        fields,
      ),
    );
  }

  /**
   * A fresh confirmation code for a 当场解决 record, as a link and its QR code, for the cadre's
   * phone to show (and, if asked, sent by SMS to the resident). Any earlier code stops working.
   */
  async ticket(actor: RequestActor, id: number, sendSms: boolean): Promise<ConfirmationTicket> {
    const r = await this.requests.findById(id);
    const who = this.policy.requireVisible(actor, r);
    if (!who.relations.includes('owner') || actor.role === 'resident')
      throw new AppError('NOT_OWNER');
    if (r!.status !== 'pending_confirmation') throw new AppError('TRANSITION_NOT_ALLOWED');
    const now = this.clock.now();
    const last = sendSms ? await this.requests.lastConfirmationSmsAt(id) : null;
    if (last && now.getTime() - last.getTime() < CONFIRMATION_SMS_GAP_MS) {
      throw new AppError('SMS_RATE_LIMITED');
    }
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
    await this.db.transaction((m) =>
      this.requests.replaceConfirmation(
        m,
        id,
        { tokenHash: hashToken(token), expiresAt, bySms: sendSms && !!r!.contactPhoneEnc },
        now,
      ),
    );
    const link = `${this.config.publicBaseUrl}/confirm/${token}`;
    let smsSentTo: string | null = null;
    let devSms: string | undefined;
    if (sendSms && r!.contactPhoneEnc) {
      const sent = await this.sms.sendConfirmationLink(
        this.phones.decrypt(r!.contactPhoneEnc),
        link,
      );
      smsSentTo = r!.contactPhoneMasked;
      devSms = sent.devSms;
    }
    return {
      link,
      qrDataUrl: await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 320 }),
      expiresAt: expiresAt.toISOString(),
      smsSentTo,
      ...(devSms ? { devSms } : {}),
    };
  }

  /** What the confirmation link shows before sign-in: enough to recognise one's own matter. */
  async preview(token: string): Promise<ConfirmationPreview> {
    const { code, r } = await this.findByToken(token);
    // A code replaced by a newer one, or spent, shows nothing more of the resident's matter.
    if (code.spentAt !== null && r.status === 'pending_confirmation') {
      throw new AppError('CONFIRMATION_NOT_FOUND');
    }
    const owner = (await this.users.displayNames([r.ownerUserId])).get(r.ownerUserId) ?? '';
    return {
      state:
        r.status === 'pending_confirmation'
          ? 'pending'
          : r.status === 'withdrawn'
            ? 'cancelled'
            : 'confirmed',
      expiresAt: code.expiresAt.toISOString(),
      expired: code.expiresAt.getTime() < this.clock.now().getTime(),
      cadreName: owner,
      category: r.category,
      text: r.text,
      note: r.resolutionNote ?? '',
      phoneMasked: r.contactPhoneMasked ?? '',
      requestId: r.id,
    };
  }

  /**
   * The resident confirms, signed in with the phone the cadre recorded: the code proves they
   * stood before the cadre, the sign-in that the matter is theirs. Returns the request's id.
   */
  async confirm(actor: RequestActor, token: string): Promise<number> {
    const { code, r } = await this.findByToken(token);
    if (actor.userId !== r.requesterId) throw new AppError('CONFIRMATION_OTHER_PHONE');
    // A second tap after the first went through shows the result instead of an error.
    if (r.status !== 'pending_confirmation' && code.spentAt !== null) return r.id;
    if (code.spentAt !== null) throw new AppError('CONFIRMATION_NOT_FOUND');
    if (code.expiresAt.getTime() < this.clock.now().getTime()) {
      throw new AppError('CONFIRMATION_EXPIRED');
    }
    await this.moves.confirm(actor, r.id, async (m) => {
      if (!(await this.requests.spendConfirmation(m, code.id, this.clock.now()))) {
        throw new AppError('CONFIRMATION_NOT_FOUND');
      }
    });
    return r.id;
  }

  private async findByToken(token: string) {
    if (!CONFIRMATION_TOKEN_PATTERN.test(token)) throw new AppError('CONFIRMATION_NOT_FOUND');
    const code = await this.requests.findConfirmation(hashToken(token));
    const r = code ? await this.requests.findById(code.requestId) : null;
    if (!code || !r) throw new AppError('CONFIRMATION_NOT_FOUND');
    return { code, r };
  }

  private async cadreOf(actor: RequestActor): Promise<CadreEntity> {
    const cadre = actor.cadreId === null ? null : await this.cadres.findById(actor.cadreId);
    if (!cadre) throw new AppError('FORBIDDEN');
    return cadre;
  }

  /**
   * The resident a cadre enters a request for: their account by phone, created if need be. Written
   * down from one of the cadre's own visits, it names the visit and its household, and its channel
   * is the visit (入户走访) whatever the form said.
   */
  private async forResident(actor: RequestActor, input: OnBehalfInput): Promise<NewRequestFields> {
    const visit = input.visitId === undefined ? null : await this.visits.findById(input.visitId);
    if (input.visitId !== undefined && (!visit || visit.cadreId !== actor.cadreId)) {
      throw new AppError('NOT_FOUND');
    }
    const resident = await this.residents.byPhone(input.residentPhone);
    const phone = this.phones.protect(input.residentPhone);
    return {
      channel: visit ? 'visit' : input.channel,
      category: input.category,
      subTopic: input.subTopic,
      text: input.text,
      photoIds: input.photoIds,
      location: null,
      requesterId: resident.id,
      contactPhoneEnc: phone.enc,
      contactPhoneMasked: phone.masked,
      cardId: null,
      householdId: visit?.householdId ?? null,
      visitId: visit?.id ?? null,
    };
  }

  /**
   * A new request made once per idempotency key, numbered before its transaction (the moment
   * and the day's number). The rows are handed back only when this call wrote them: a retry
   * answered from an earlier call's record reads its request back.
   */
  private async once(
    actor: RequestActor,
    idemKey: string | undefined,
    route: string,
    input: unknown,
    make: (m: EntityManager, numbered: Numbered) => Promise<RequestRecord>,
  ): Promise<Intake> {
    let fresh: RequestRecord | null = null;
    const id = await this.idempotency.once(
      actor.userId,
      idemKey,
      route,
      input,
      async (m, numbered: Numbered) => {
        fresh = await make(m, numbered);
        return fresh.request.id;
      },
      async () => {
        const now = this.clock.now();
        return { now, number: await this.requests.takeNumber(now) };
      },
    );
    const made = fresh as RequestRecord | null;
    return { id, fresh: made?.request.id === id ? made : null };
  }

  /** One new request, its clocks, photos and first timeline step, in the caller's transaction. */
  private async create(
    m: EntityManager,
    actor: RequestActor,
    action: 'submit' | 'record_on_spot',
    route: Routing,
    onSpotNote: string | null,
    { now, number }: Numbered,
    /** display names already at hand (the actor's, the card cadre's account) */
    known: Map<number, string>,
    firstContactName: string,
    fields: NewRequestFields,
  ): Promise<RequestRecord> {
    const t = transition(
      { status: null, round: 1, level: route.level, category: fields.category },
      { role: actor.role, relations: actor.role === 'resident' ? ['requester'] : [] },
      { action },
    );
    if (!t.ok) throw new AppError(t.code);
    const clocks = await this.clocks.plan(action, t, route, now, m);
    const { photoIds, voiceId, ...columns } = fields;
    const { subjectUserId, ...holder } = route;
    const row = {
      ...columns,
      subTopic: fields.subTopic ?? null,
      ...holder,
      status: t.to,
      round: 1,
      acceptDueAt: clocks.copies.acceptDueAt ?? null,
      dueAt: clocks.copies.dueAt ?? null,
      submittedAt: now,
      resolvedAt: null,
      resolutionOutcome: onSpotNote === null ? null : ('solved' as const),
      resolutionNote: onSpotNote,
    };
    const { id } = await this.requests.insert(m, row, number);
    await this.clocks.write(m, id, clocks, now);
    await this.photos.attach(m, actor.userId, { requestId: id }, photoIds);
    await this.voices.attach(m, actor.userId, id, voiceId);
    // 内容安全 for what a resident sent (a cadre's entries are their own, on the record).
    if (actor.role === 'resident') {
      const items = contentItems(id, actor.userId, fields);
      await this.contentChecks.enqueue(m, items, now, actor.wechatOpenid !== null);
    }
    const event = {
      action,
      actorUserId: actor.userId,
      actorRole: actor.role,
      fromStatus: null,
      toStatus: t.to,
      note: onSpotNote,
      payload: { ownerUserId: route.ownerUserId },
    };
    const eventId = await this.timeline.append(m, { ...event, requestId: id, at: now });
    await this.notices.afterMove(m, {
      request: {
        id,
        number,
        category: fields.category,
        subTopic: fields.subTopic ?? null,
        requesterId: fields.requesterId,
        ownerUserId: route.ownerUserId,
        ownerUnitPath: route.ownerUnitPath,
        subjectCadreId: route.subjectCadreId,
        supervisedAt: null,
      },
      action,
      t,
      actor: { userId: actor.userId, displayName: actor.displayName },
      holder: route,
      note: onSpotNote,
      acceptDueAt: clocks.copies.acceptDueAt,
      eventId,
      now,
    });
    const names = new Map(known);
    const unnamed = [route.ownerUserId].filter((u) => !names.has(u));
    for (const [u, name] of await this.users.displayNames(unnamed, m)) names.set(u, name);
    const record = writtenRecord(
      id,
      { ...row, number },
      { ...event, id: eventId, createdAt: now },
      clocks.start,
      names,
      firstContactName,
    );
    await this.metricLedger.recordNew(m, record, subjectUserId);
    // Photo links are signed when read: the answer reads them.
    if (photoIds.length > 0) record.photos = null;
    if (voiceId !== undefined) delete record.voice;
    return record;
  }
}

/** The items of a resident's request that go to WeChat's content security. */
function contentItems(
  requestId: number,
  authorUserId: number,
  { text, photoIds, voiceId }: NewRequestFields,
): NewContentCheck[] {
  const item = (kind: NewContentCheck['item'], photoId: number | null, voice: number | null) => ({
    requestId,
    item: kind,
    photoId,
    voiceId: voice,
    authorUserId,
    content: kind === 'text' ? text : null,
  });
  return [
    ...(text.trim() ? [item('text', null, null)] : []),
    ...[...new Set(photoIds)].map((p) => item('photo', p, null)),
    ...(voiceId === undefined ? [] : [item('voice', null, voiceId)]),
  ];
}

function randomToken(): string {
  // 24 characters of 62: ~143 bits, drawn without modulo bias by rejecting bytes ≥ 248.
  let out = '';
  while (out.length < 24) {
    for (const byte of randomBytes(32)) {
      if (byte < 248 && out.length < 24) out += BASE62[byte % 62];
    }
  }
  return out;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
