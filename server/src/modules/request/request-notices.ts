import { Injectable } from '@nestjs/common';
import {
  type Action,
  type ClockKind,
  NOTICE_KIND_CHANNELS,
  type NoticeFacts,
  type NoticeKind,
  noticeMatter,
  noticeText,
  type Transition,
} from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { CadreRepository } from '../cadre/cadre.repository';
import { type NoticeDraft, NoticeRepository } from '../notice/notice.repository';
import { UserRepository } from '../user/user.repository';
import type { Holder } from './request-routing';
import type { RequestEntity } from './request.entity';

/** What a notice may say of its request, and whom it may not reach. */
export type NoticeSubject = Pick<
  RequestEntity,
  | 'id'
  | 'number'
  | 'category'
  | 'subTopic'
  | 'requesterId'
  | 'ownerUserId'
  | 'ownerUnitPath'
  | 'subjectCadreId'
  | 'supervisedAt'
>;

/** What the notices of one move need to know about it. */
export interface MoveFacts {
  /** the request as it was before the move */
  request: NoticeSubject;
  action: Action;
  t: Transition;
  /** who moved (null for the system's sweeps) */
  actor: { userId: number; displayName: string } | null;
  /** the holder after the move */
  holder: Holder;
  note: string | null;
  /** the new running clocks' due times */
  acceptDueAt?: Date;
  rectifyDueAt?: Date;
  /** the timeline event the move wrote: the cause each of its notices is unique to */
  eventId: number;
  now: Date;
}

/** One notice to write: kind, recipient and the facts its words take. */
interface Addressed {
  kind: NoticeKind;
  to: number;
  facts?: Partial<NoticeFacts>;
  /** the time a WeChat message shows: the due time it is about, else when it happened */
  time?: Date;
}

/**
 * Who hears what when a request moves or time passes (shared `noticeText` has the words). The
 * resident hears of progress; the owner of new work, deadlines and 督办; staff of their
 * township's overdue work and bad reviews; the county of second bad reviews. Nobody hears of
 * their own move, and the cadre a conduct complaint is about hears nothing of it.
 */
@Injectable()
export class RequestNotices {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
  ) {}

  /** Writes the notices of a move, in the move's transaction. */
  async afterMove(m: EntityManager, f: MoveFacts): Promise<void> {
    const r = f.request;
    const owner = f.holder.ownerUserId;
    const actorName = f.actor?.displayName ?? '';
    const out: Addressed[] = [];
    switch (f.action) {
      case 'submit':
      case 'escalate':
      case 'transfer': {
        // A hand-over tells the resident whose hands it is in now; the new owner hears of it either way.
        if (f.action !== 'submit') {
          const name = (await this.users.displayNames([owner], m)).get(owner) ?? '';
          out.push({ kind: 'handed_over', to: r.requesterId, facts: { ownerName: name } });
        }
        out.push({
          kind: 'new_request',
          to: owner,
          facts: { fromName: f.action === 'submit' ? undefined : actorName, dueAt: f.acceptDueAt },
          time: f.acceptDueAt,
        });
        break;
      }
      case 'accept':
        out.push({ kind: 'accepted', to: r.requesterId, facts: { ownerName: actorName } });
        break;
      case 'reply':
        out.push({
          kind: 'replied',
          to: r.requesterId,
          facts: { ownerName: actorName, note: f.note ?? '' },
        });
        break;
      case 'resolve':
        out.push({ kind: 'resolved', to: r.requesterId });
        break;
      case 'withdraw':
        out.push({ kind: 'withdrawn', to: owner });
        break;
      case 'supervise':
        out.push({ kind: 'supervised', to: owner, facts: { note: f.note ?? '' } });
        break;
      case 'verify':
        if (f.t.to === 'rectifying') {
          out.push({
            kind: 'rectify',
            to: owner,
            facts: { dueAt: f.rectifyDueAt },
            time: f.rectifyDueAt,
          });
        }
        break;
      case 'rate':
        // Staff in scope verify a bad review; never the owner, whose rating it is.
        if (f.t.to === 'under_review') {
          for (const to of await this.staffAround(m, r.ownerUnitPath, 'township')) {
            if (to !== r.ownerUserId) out.push({ kind: 'bad_review', to });
          }
        }
        if (f.t.flagToCounty) {
          for (const to of await this.staffAround(m, r.ownerUnitPath, 'county')) {
            if (to !== r.ownerUserId) out.push({ kind: 'flagged', to });
          }
        }
        break;
      default:
        break;
    }
    // The request's earlier notices follow it to the unit that holds it now (their failures too).
    if (f.t.ownerChanges && f.holder.ownerUnitPath !== r.ownerUnitPath) {
      await this.notices.moveRequest(m, r.id, f.holder.ownerUnitPath);
    }
    await this.writeFor(
      m,
      r,
      f.holder.ownerUnitPath,
      out,
      `e${f.eventId}`,
      f.actor?.userId ?? null,
      f.now,
    );
  }

  /** A running clock is one working day from its due time: the owner is warned. */
  dueSoon(
    m: EntityManager,
    r: NoticeSubject,
    clock: ClockFacts,
    now: Date,
  ): Promise<NoticeDraft[]> {
    return this.drafts(
      m,
      r,
      clock.ownerUnitPath,
      [
        {
          kind: 'due_soon',
          to: clock.ownerUserId,
          facts: { dueAt: clock.dueAt, clock: clock.kind },
          time: clock.dueAt,
        },
      ],
      `c${clock.id}`,
      null,
      now,
    );
  }

  /**
   * A running clock passed its due time: the owner, and the staff of the owner's township
   * (`staff`: from `townshipStaff`, looked up once for a whole batch of clocks).
   */
  overdue(
    m: EntityManager,
    r: NoticeSubject,
    clock: ClockFacts,
    ownerName: string,
    staff: readonly number[],
    now: Date,
  ): Promise<NoticeDraft[]> {
    const facts = { dueAt: clock.dueAt, clock: clock.kind, ownerName };
    const out: Addressed[] = [
      { kind: 'overdue', to: clock.ownerUserId, facts, time: clock.dueAt },
      ...staff
        .filter((to) => to !== clock.ownerUserId)
        .map((to) => ({ kind: 'overdue_staff' as const, to, facts, time: clock.dueAt })),
    ];
    return this.drafts(m, r, clock.ownerUnitPath, out, `c${clock.id}`, null, now);
  }

  /** The staff of the township each unit lies in, in one query for all of them. */
  async townshipStaff(m: EntityManager, unitPaths: readonly string[]) {
    const units = new Map(unitPaths.map((p) => [p, aroundUnit(p, 'township')]));
    const staff = await this.users.staffIdsOf(
      [...units.values()].filter((id): id is number => id !== undefined),
      m,
    );
    return (unitPath: string) => staff.get(units.get(unitPath) ?? -1) ?? [];
  }

  /** The 督办 is a working day old and the request still open: the owner is reminded. */
  supervisionReminder(m: EntityManager, r: NoticeSubject, now: Date): Promise<NoticeDraft[]> {
    const cause = `s${r.id}-${r.supervisedAt?.getTime() ?? 0}`;
    return this.drafts(
      m,
      r,
      r.ownerUnitPath,
      [{ kind: 'supervise_reminder', to: r.ownerUserId }],
      cause,
      null,
      now,
    );
  }

  /**
   * 内容安全 held an item of the request (check `checkId`): the staff of the owner's township
   * review it. The owner hears nothing new: the request reached them already.
   */
  async contentHeld(m: EntityManager, r: NoticeSubject, checkId: number, now: Date) {
    const staff = await this.staffAround(m, r.ownerUnitPath, 'township');
    const out = staff.map((to) => ({ kind: 'content_held' as const, to }));
    await this.writeFor(m, r, r.ownerUnitPath, out, `h${checkId}`, null, now);
  }

  write(m: EntityManager, drafts: NoticeDraft[], now: Date): Promise<void> {
    return this.notices.write(m, drafts, now);
  }

  /** The staff accounts of the township (or county) the unit lies in. */
  private async staffAround(
    m: EntityManager,
    unitPath: string,
    level: 'township' | 'county',
  ): Promise<number[]> {
    const unitId = aroundUnit(unitPath, level);
    if (unitId === undefined) return [];
    return (await this.users.staffIdsOf([unitId], m)).get(unitId) ?? [];
  }

  private async writeFor(
    m: EntityManager,
    r: NoticeSubject,
    unitPath: string,
    out: Addressed[],
    cause: string,
    actorUserId: number | null,
    now: Date,
  ): Promise<void> {
    const drafts = await this.drafts(m, r, unitPath, out, cause, actorUserId, now);
    if (drafts.length > 0) await this.notices.write(m, drafts, now);
  }

  private async drafts(
    m: EntityManager,
    r: NoticeSubject,
    unitPath: string,
    out: Addressed[],
    cause: string,
    actorUserId: number | null,
    now: Date,
  ): Promise<NoticeDraft[]> {
    const subject =
      r.subjectCadreId === null
        ? null
        : ((await this.cadres.userIdsByCadreIds([r.subjectCadreId], m)).get(r.subjectCadreId) ??
          null);
    const base = { category: r.category, subTopic: r.subTopic, number: r.number };
    return out
      .filter((a) => a.to !== actorUserId && a.to !== subject)
      .map((a) => ({
        recipientUserId: a.to,
        kind: a.kind,
        requestId: r.id,
        ownerUserId: r.ownerUserId,
        subjectCadreId: r.subjectCadreId,
        unitPath,
        text: noticeText(a.kind, { ...base, ...a.facts }),
        detail: {
          matter: noticeMatter(r.category, r.subTopic),
          number: r.number,
          time: (a.time ?? now).toISOString(),
        },
        channels: NOTICE_KIND_CHANNELS[a.kind],
        dedupeKey: `${cause}:${a.kind}:${a.to}`,
      }));
  }
}

/** What the deadline notices need of a clock. */
export interface ClockFacts {
  id: number;
  kind: ClockKind;
  ownerUserId: number;
  ownerUnitPath: string;
  dueAt: Date;
}

/**
 * The township (or county) a unit lies in, by its materialised path: the first id is its county,
 * the second its township; a unit at the county itself has the county.
 */
function aroundUnit(unitPath: string, level: 'township' | 'county'): number | undefined {
  const ids = unitPath.split('/').filter(Boolean).map(Number);
  return level === 'county' ? ids[0] : (ids[1] ?? ids[0]);
}
