import { Injectable } from '@nestjs/common';
import {
  type Actor,
  clockStanding,
  type ClockView,
  isStatusMasked,
  type RatingTag,
  type RatingView,
  type RequestSummary,
  seesRatings,
  statusSeenBy,
  type TimelineEntry,
  timelineStepSeenBy,
} from '@mqlk/shared';
import type { RatingEntity } from '../rating/rating.entity';
import type { CountyDeadlines } from './deadline-rules';
import type { RequestClockEntity } from './request-clock.entity';
import type { RequestEventEntity } from './request-event.entity';
import type { RequestEntity } from './request.entity';

const PREVIEW_CHARS = 40;

/**
 * Turns rows into the shapes of the contract, as one reader may see them: fair to the people
 * rated (shared `statusSeenBy`, `timelineStepSeenBy`) and showing personal data only to those
 * who need it.
 */
@Injectable()
export class RequestPresenter {
  /** `deadlines`: the request's county's (`DeadlineRules.for(r.ownerUnitPath)`). */
  summary(
    r: RequestEntity,
    who: Actor,
    ownerName: string,
    now: Date,
    deadlines: CountyDeadlines,
  ): RequestSummary {
    const status = statusSeenBy(r.status, who, r.level);
    const masked = isStatusMasked(r.status, who, r.level);
    return {
      id: r.id,
      number: r.number,
      category: r.category,
      subTopic: r.subTopic,
      preview: preview(r.text),
      status,
      level: r.level,
      channel: r.channel,
      submittedAt: r.submittedAt.toISOString(),
      acceptDueAt: r.acceptDueAt?.toISOString() ?? null,
      dueAt: r.dueAt?.toISOString() ?? null,
      ...deadlines.describe(status, r.acceptDueAt, r.dueAt, now),
      ownerName,
      supervision:
        r.supervisionCount > 0 && r.supervisedAt
          ? { count: r.supervisionCount, lastAt: r.supervisedAt.toISOString() }
          : null,
      // Whoever sees a masked status has no move to make; the version would tell a rating apart.
      version: masked ? 0 : r.version,
    };
  }

  /** Masked phone: to the resident, staff, and the owner while there is work to do. */
  contactPhone(r: RequestEntity, who: Actor): string | null {
    if (seesRatings(who, r.level)) return r.contactPhoneMasked;
    const owner = who.relations.includes('owner');
    return owner && !isStatusMasked(r.status, who, r.level) ? r.contactPhoneMasked : null;
  }

  ratings(rows: RatingEntity[], who: Actor, r: RequestEntity): RatingView[] {
    if (!seesRatings(who, r.level)) return [];
    return rows.map((x) => ({
      round: x.round === 2 ? 2 : 1,
      level: x.level as RatingView['level'],
      solved: x.solved,
      tags: (x.tags ? x.tags.split(',') : []) as RatingTag[],
      comment: x.comment ?? '',
      at: x.createdAt.toISOString(),
      excluded: Boolean(x.excluded),
    }));
  }

  /** Who did what, as this reader may see it: residents appear as 群众 to everyone but themselves. */
  timeline(
    events: RequestEventEntity[],
    r: RequestEntity,
    who: Actor,
    readerUserId: number,
    names: Map<number, string>,
  ): TimelineEntry[] {
    const out: TimelineEntry[] = [];
    for (const e of events) {
      const step = timelineStepSeenBy(
        {
          action: e.action as TimelineEntry['action'],
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          note: e.note,
          founded: e.payload?.founded === true,
        },
        who,
        r.level,
      );
      if (!step) continue;
      out.push({
        id: e.id,
        action: step.action,
        actorLabel: actorLabel(e, readerUserId, names),
        fromStatus: step.fromStatus,
        toStatus: step.toStatus,
        note: step.note,
        handedTo:
          typeof e.payload?.toUserId === 'number' ? (names.get(e.payload.toUserId) ?? null) : null,
        at: e.createdAt.toISOString(),
      });
    }
    return out;
  }

  clocks(
    rows: RequestClockEntity[],
    who: Actor,
    names: Map<number, string>,
    now: Date,
  ): ClockView[] {
    if (who.role === 'resident') return [];
    return rows.map((c) => ({
      kind: c.kind,
      ownerName: names.get(c.ownerUserId) ?? '',
      level: c.level,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
      stoppedBy: c.stopAction,
      standing: clockStanding(c, now),
    }));
  }
}

function preview(text: string): string {
  // Only a request said in a recording has no text (voice-only submissions).
  if (text === '') return '（语音诉求）';
  const chars = Array.from(text);
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : text;
}

function actorLabel(e: RequestEventEntity, readerUserId: number, names: Map<number, string>) {
  if (e.actorRole === 'resident') return e.actorUserId === readerUserId ? '我' : '群众';
  if (e.actorRole === 'system' || e.actorUserId === null) return '系统';
  const name = names.get(e.actorUserId) ?? '';
  return e.actorRole === 'staff' ? `${name}（工作人员）` : name;
}
