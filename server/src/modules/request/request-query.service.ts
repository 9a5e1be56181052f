import { Inject, Injectable } from '@nestjs/common';
import {
  type ContentHoldView,
  contentLabelReason,
  type HandledItem,
  HIDDEN_TEXT_PREVIEW,
  hidesContent,
  householdAddress,
  type InboxQuery,
  type MoveResult,
  type Page,
  type PageQuery,
  type RequestDetail,
  type RequestSummary,
  ratingWindowEndsAt,
  seesHeldContent,
  seesRatings,
  type StaffQueue,
  type StaffQueueCounts,
  type StaffQueueQuery,
  type TransferTargets,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { type PageSlice, pageOf, sliceOf } from '../../common/paging';
import { CadreRepository } from '../cadre/cadre.repository';
import type { ContentCheckEntity } from '../content/content-check.entity';
import { ContentCheckRepository } from '../content/content-check.repository';
import { OrgRepository } from '../org/org.repository';
import { PhotoService } from '../photo/photo.service';
import { VoiceService } from '../voice/voice.service';
import { RatingRepository } from '../rating/rating.repository';
import { UserRepository } from '../user/user.repository';
import { NoticeService } from '../notice/notice.service';
import { ClockRepository } from './clock.repository';
import { DeadlineRules } from './deadline-rules';
import { HouseholdRepository } from '../household/household.repository';
import { RequestPresenter } from './request-presenter';
import { RequestRouting } from './request-routing';
import type { RequestEntity } from './request.entity';
import { RequestRepository } from './request.repository';
import { TimelineRepository } from './timeline.repository';
import { namedIn, type RequestRecord } from './request-record';

/** Reads of requests: the lists, one request, and whom it may be transferred to. */
@Injectable()
export class RequestQueries {
  constructor(
    private readonly requests: RequestRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: ClockRepository,
    private readonly ratings: RatingRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
    private readonly households: HouseholdRepository,
    private readonly org: OrgRepository,
    private readonly photos: PhotoService,
    private readonly voices: VoiceService,
    private readonly routing: RequestRouting,
    private readonly presenter: RequestPresenter,
    private readonly policy: AccessPolicy,
    private readonly deadlines: DeadlineRules,
    private readonly noticeService: NoticeService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditRepository,
    private readonly contentChecks: ContentCheckRepository,
  ) {}

  /**
   * A request's page as its reader opens it. Staff and admins read residents' personal data
   * here, so each opening is on the audit log.
   */
  async open(actor: RequestActor, id: number): Promise<RequestDetail> {
    const detail = await this.detail(actor, id);
    if (actor.role === 'staff' || actor.role === 'admin') {
      await this.audit.recordNow({
        ...auditActor(actor),
        action: 'request.view',
        targetType: 'request',
        targetId: id,
        unitPath: (await this.requests.findById(id))!.ownerUnitPath,
        detail: { number: detail.number },
        at: this.clock.now(),
      });
    }
    return detail;
  }

  /** 我的诉求: what this resident submitted, or a cadre filed for them, newest first. */
  mine(actor: RequestActor, q: PageQuery): Promise<Page<RequestSummary>> {
    const slice = sliceOf(q);
    return this.summaries(actor, slice, this.requests.mine(actor.userId, slice));
  }

  /** A cadre's or staff member's own work: open (most urgent first) or done. */
  inbox(actor: RequestActor, q: InboxQuery): Promise<Page<RequestSummary>> {
    const slice = sliceOf(q);
    const rows = this.requests.inbox(actor.userId, actor.cadreId, q.status === 'open', slice);
    return this.summaries(actor, slice, rows);
  }

  /** 经手 (首访负责制): what this cadre first received and someone else now holds. */
  async handled(actor: RequestActor, q: PageQuery): Promise<Page<HandledItem>> {
    if (actor.cadreId === null) return { items: [], page: 1, pageSize: sliceOf(q).limit, total: 0 };
    const slice = sliceOf(q);
    const { rows, total } = await this.requests.handledBy(actor.cadreId, actor.userId, slice);
    const page = await this.summaries(actor, slice, Promise.resolve({ rows, total }));
    const units = new Map(
      (await this.org.findByIds(rows.map((r) => r.ownerUnitId))).map((u) => [u.id, u.name]),
    );
    return {
      ...page,
      items: page.items.map((item, i) => ({
        ...item,
        ownerUnitName: units.get(rows[i]!.ownerUnitId) ?? '',
      })),
    };
  }

  /** Township or county staff: everything held inside their subtree, or one of its queues. */
  async staffQueue(actor: RequestActor, q: StaffQueueQuery): Promise<Page<RequestSummary>> {
    const scope = this.policy.requireStaffScope(actor);
    const slice = sliceOf(q);
    const time = (await this.deadlines.for(scope)).queueTime(this.clock.now());
    const rows = this.requests.staffQueue(scope, actor, q.queue, time, slice);
    return this.summaries(actor, slice, rows);
  }

  /** The counts at the top of the staff queue: what needs a look now. */
  async staffQueueCounts(actor: RequestActor): Promise<StaffQueueCounts> {
    const scope = this.policy.requireStaffScope(actor);
    const time = (await this.deadlines.for(scope)).queueTime(this.clock.now());
    const count = (queue: StaffQueue) => this.requests.countStaffQueue(scope, actor, queue, time);
    const [review, conduct, dueSoon, overdue, supervised, flagged, content, failedNotices] =
      await Promise.all([
        count('review'),
        count('conduct'),
        count('due_soon'),
        count('overdue'),
        count('supervised'),
        count('flagged'),
        count('content'),
        this.noticeService.countFailed(scope, actor),
      ]);
    return { review, conduct, dueSoon, overdue, supervised, flagged, content, failedNotices };
  }

  async detail(actor: RequestActor, id: number): Promise<RequestDetail> {
    const r = await this.requests.findById(id);
    this.policy.requireVisible(actor, r);
    return this.present(actor, await this.load(r!));
  }

  /**
   * The answer to a new request: from what its transaction just wrote (`fresh`) when that is at
   * hand, so a submission does not read back its own rows; from the database otherwise (a retry
   * answered from the idempotency record, or a submission with photos, whose links are read).
   */
  async created(
    actor: RequestActor,
    { id, fresh }: { id: number; fresh: RequestRecord | null },
  ): Promise<RequestDetail> {
    if (!fresh) return this.detail(actor, id);
    this.policy.requireVisible(actor, fresh.request);
    return this.present(actor, fresh);
  }

  /** Everything a request's page is made of, read after `r`. */
  private async load(r: RequestEntity): Promise<RequestRecord> {
    const id = r.id;
    const [events, clocks, ratings, photos] = await Promise.all([
      this.timeline.forRequest(id),
      this.clocks.forRequest(id),
      this.ratings.forRequest(id),
      this.photos.viewsFor('requestId', [id]),
    ]);
    const names = await this.users.displayNames(namedIn(r, events, clocks));
    const firstContact = r.firstContactCadreId
      ? await this.cadres.namesByIds([r.firstContactCadreId])
      : new Map<number, string>();
    return {
      request: r,
      events,
      clocks,
      ratings,
      photos: photos.get(id) ?? [],
      names,
      firstContactName: firstContact.get(r.firstContactCadreId ?? 0) ?? null,
    };
  }

  /** A request's page as `actor` may see it. */
  private async present(actor: RequestActor, record: RequestRecord): Promise<RequestDetail> {
    const { request, events, clocks, ratings, names } = record;
    const who = this.policy.actorFor(actor, request);
    const now = this.clock.now();
    const verification = events.filter((e) => e.action === 'verify').at(-1);
    const rectify = clocks.filter((c) => c.kind === 'rectify').at(-1);
    const supervision = events.filter((e) => e.action === 'supervise').at(-1);
    const rateOpen =
      request.status === 'resolved' &&
      request.resolvedAt !== null &&
      !ratings.some((x) => x.round === request.round);
    const deadlines = await this.deadlines.for(request.ownerUnitPath);
    // A fresh request has no verdict yet: its checks are sent after the commit.
    const holds = record.fresh ? [] : await this.contentChecks.holdsOf([request.id]);
    const hidden = seesHeldContent(actor.role, who.relations.includes('requester'))
      ? []
      : holds.filter((h) => hidesContent(h.state as ContentHoldView['state']));
    const textHold = hidden.find((h) => h.item === 'text');
    const summary = this.presenter.summary(
      request,
      who,
      names.get(request.ownerUserId) ?? '',
      now,
      deadlines,
    );
    const photos =
      record.photos ??
      (await this.photos.viewsFor('requestId', [request.id])).get(request.id) ??
      [];
    return {
      ...summary,
      preview: textHold
        ? HIDDEN_TEXT_PREVIEW[textHold.state as 'held' | 'withheld']
        : summary.preview,
      text: textHold ? '' : request.text,
      photos: photos.filter((p) => !hidden.some((h) => h.photoId === p.id)),
      voice:
        record.voice === null || hidden.some((h) => h.item === 'voice')
          ? null
          : await this.voices.viewFor(request.id),
      contactPhoneMasked: this.presenter.contactPhone(request, who),
      firstContactName: record.firstContactName,
      round: request.round === 2 ? 2 : 1,
      resolvedAt: request.resolvedAt?.toISOString() ?? null,
      resolutionOutcome: request.resolutionOutcome,
      resolutionNote: request.resolutionNote,
      rateUntil:
        rateOpen && who.relations.includes('requester') && request.resolvedAt
          ? ratingWindowEndsAt(request.resolvedAt).toISOString()
          : null,
      ratings: this.presenter.ratings(ratings, who, request),
      rectification:
        verification?.payload?.founded === true && rectify
          ? {
              finding: verification.note ?? '',
              verifiedAt: verification.createdAt.toISOString(),
              dueAt: rectify.dueAt.toISOString(),
            }
          : null,
      supervisionNote: supervision?.note ?? null,
      publicSummary: request.publicSummary,
      publicHidden: request.publicHidden,
      // A second bad review is the county's to know, never the rated owner's.
      flaggedToCounty:
        actor.role === 'staff' && seesRatings(who, request.level)
          ? request.flaggedToCountyAt !== null
          : false,
      clocks: this.presenter.clocks(clocks, who, names, now),
      timeline: this.presenter.timeline(events, request, who, actor.userId, names),
      household: actor.role === 'resident' ? null : await this.householdOf(request),
      contentHolds: await this.holdViews(actor, holds),
      allowedActions: this.policy.allowedActions(who, request),
    };
  }

  /** The flagged items as the reader may see them: reasons and notes are for the office. */
  private async holdViews(
    actor: RequestActor,
    holds: ContentCheckEntity[],
  ): Promise<ContentHoldView[]> {
    const office = actor.role === 'staff' || actor.role === 'admin';
    const reviewers = office
      ? await this.users.displayNames(holds.flatMap((h) => h.reviewerUserId ?? []))
      : new Map<number, string>();
    return holds.map((h) => ({
      id: h.id,
      item: h.item,
      photoId: h.photoId,
      state: h.state as ContentHoldView['state'],
      reason: office ? contentLabelReason(h.label ?? 0) : null,
      heldAt: (h.checkedAt ?? h.createdAt).toISOString(),
      reviewedAt: h.reviewedAt?.toISOString() ?? null,
      reviewerName: office && h.reviewerUserId ? (reviewers.get(h.reviewerUserId) ?? '') : null,
      reviewNote: office ? h.reviewNote : null,
      reviewable: office && h.state === 'held',
    }));
  }

  /** The household (联户) a request came from, as its handlers see it. */
  private async householdOf(r: RequestEntity): Promise<RequestDetail['household']> {
    const home = r.householdId === null ? null : await this.households.findById(r.householdId);
    if (!home) return null;
    const unit = await this.org.findById(home.orgUnitId);
    return {
      id: home.id,
      address: householdAddress(unit?.name ?? '', home.groupName, home.houseNumber),
      headName: home.headName,
    };
  }

  /** The answer to a move: the request as the mover may now see it, or that it is out of sight. */
  async afterMove(actor: RequestActor, id: number): Promise<MoveResult> {
    try {
      return await this.detail(actor, id);
    } catch (err) {
      // e.g. staff who escalated it to the county: the move succeeded, the request is out of sight.
      if (err instanceof AppError && err.code === 'REQUEST_NOT_FOUND')
        return { id, visible: false };
      throw err;
    }
  }

  async transferTargets(actor: RequestActor, id: number): Promise<TransferTargets> {
    const r = await this.requests.findById(id);
    this.policy.requireMove(actor, r, { action: 'transfer' });
    const { acrossLevels, items } = await this.routing.transferTargets(actor, r!);
    return {
      acrossLevels,
      items: items.map(({ userId, name, post, unitName, unitKind, level }) => ({
        userId,
        name,
        post,
        unitName,
        unitKind,
        level,
      })),
    };
  }

  private async summaries(
    actor: RequestActor,
    slice: PageSlice,
    query: Promise<{ rows: RequestEntity[]; total: number }>,
  ): Promise<Page<RequestSummary>> {
    const { rows, total } = await query;
    const names = await this.users.displayNames(rows.map((r) => r.ownerUserId));
    // Words held by 内容安全 are not previewed to a cadre (residents list only their own).
    const heldText = new Map(
      actor.role === 'cadre'
        ? (await this.contentChecks.holdsOf(rows.map((r) => r.id)))
            .filter((h) => h.item === 'text' && hidesContent(h.state as ContentHoldView['state']))
            .map((h) => [h.requestId, HIDDEN_TEXT_PREVIEW[h.state as 'held' | 'withheld']])
        : [],
    );
    const deadlinesOf = await this.deadlines.forAll(rows.map((r) => r.ownerUnitPath));
    const now = this.clock.now();
    const items = rows.map((r) => {
      const item = this.presenter.summary(
        r,
        this.policy.actorFor(actor, r),
        names.get(r.ownerUserId) ?? '',
        now,
        deadlinesOf(r.ownerUnitPath),
      );
      const preview = heldText.get(r.id);
      return preview === undefined ? item : { ...item, preview };
    });
    return pageOf(slice, items, total);
  }
}
