import { Inject, Injectable } from '@nestjs/common';
import {
  ANOMALY_RULES,
  type AnomalyHit,
  type AnomalyList,
  type AnomalyQuery,
  detectAnomalies,
  isWithinPath,
  localDateOf,
  startOfLocalDay,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { CadreRepository } from '../cadre/cadre.repository';
import { OrgRepository } from '../org/org.repository';
import { RatingRepository } from '../rating/rating.repository';
import { RequestRepository } from '../request/request.repository';
import { TimelineRepository } from '../request/timeline.repository';
import { UserRepository } from '../user/user.repository';

const DAY_MS = 86_400_000;

/**
 * The county's anomaly flags (issue 9): rating patterns worth a look, each with the requests
 * behind it. Read from the period's ratings only, so the cost follows the period, not the years.
 */
@Injectable()
export class AnomalyService {
  constructor(
    private readonly org: OrgRepository,
    private readonly ratings: RatingRepository,
    private readonly requests: RequestRepository,
    private readonly timeline: TimelineRepository,
    private readonly cadres: CadreRepository,
    private readonly users: UserRepository,
    private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: RequestActor, q: AnomalyQuery, now = this.clock.now()): Promise<AnomalyList> {
    const scope = this.policy.requireOfficeScope(actor);
    const unit = await this.org.findById(q.unitId ?? actor.orgUnitId ?? 0);
    if (!unit) throw new AppError('NOT_FOUND');
    if (!isWithinPath(unit.path, scope)) throw new AppError('OUT_OF_SCOPE');
    const to = q.to ?? localDateOf(now);
    const from = q.from ?? localDateOf(new Date(startOfLocalDay(to).getTime() - 29 * DAY_MS));
    if (from > to) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    // The flags are about recent weeks; a year at most keeps one call's work bounded.
    if (startOfLocalDay(to).getTime() - startOfLocalDay(from).getTime() > 366 * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'from', message: '一次最多查看一年' }]);
    }
    const given = await this.ratings.countedBetween(
      unit.path,
      startOfLocalDay(from),
      new Date(startOfLocalDay(to).getTime() + DAY_MS),
    );
    const ids = [...new Set(given.map((r) => r.requestId))];
    const requests = new Map((await this.requests.findByIds(ids)).map((r) => [r.id, r]));
    // Each request's resolutions, oldest first (events come in id order).
    const resolutions = new Map<number, Date[]>();
    for (const e of await this.timeline.metricEventsOf(ids)) {
      if (e.action === 'verify') continue;
      const list = resolutions.get(e.requestId);
      if (list) list.push(e.createdAt);
      else resolutions.set(e.requestId, [e.createdAt]);
    }
    const hits = detectAnomalies(
      given.map((r) => ({
        ratingId: r.id,
        requestId: r.requestId,
        ownerId: r.ownerUserId,
        raterId: r.raterUserId,
        level: r.level,
        at: r.createdAt,
        // The resolution the rating judges: the latest one before it.
        resolvedAt:
          (resolutions.get(r.requestId) ?? []).filter((at) => at <= r.createdAt).at(-1) ?? null,
        proxy: requests.get(r.requestId)?.channel !== 'card_scan',
      })),
    );
    const owners = [...new Set(given.map((r) => r.ownerUserId))];
    const names = await this.users.displayNames(owners);
    const cadres = new Map((await this.cadres.findByUserIds(owners)).map((c) => [c.userId, c]));
    const masks = await this.users.phoneMasks(
      hits.flatMap((h) => (h.raterId === null ? [] : [h.raterId])),
    );
    return {
      period: { from, to },
      scope: { unitId: unit.id, name: unit.name },
      anomalies: hits.map((hit) => {
        const cadre = hit.ownerId === null ? undefined : cadres.get(hit.ownerId);
        return {
          kind: hit.kind,
          summary: summaryOf(hit, hit.ownerId === null ? '' : (names.get(hit.ownerId) ?? '')),
          cadre: cadre ? { id: cadre.id, name: cadre.name } : null,
          rater: hit.raterId === null ? null : (masks.get(hit.raterId) ?? '（无手机号）'),
          requests: hit.ratings.map((r) => {
            const request = requests.get(r.requestId)!;
            return {
              requestId: request.id,
              number: request.number,
              ownerName: names.get(r.ownerId) ?? '—',
              resolvedAt: r.resolvedAt?.toISOString() ?? null,
              ratedAt: r.at.toISOString(),
              level: r.level,
            };
          }),
        };
      }),
    };
  }
}

function summaryOf(hit: AnomalyHit, owner: string): string {
  const n = hit.ratings.length;
  switch (hit.kind) {
    case 'burst':
      return `${owner}在${ANOMALY_RULES.burst.minutes}分钟内收到${n}条评价`;
    case 'many_cadres':
      return `同一评价账号评价了${new Set(hit.ratings.map((r) => r.ownerId)).size}名干部的${n}条诉求`;
    case 'instant':
      return `${owner}有${n}条诉求在办结后${ANOMALY_RULES.instant.seconds}秒内就被评价`;
    case 'proxy_high':
      return `${owner}代群众登记的诉求中有${n}条得到${ANOMALY_RULES.proxyHigh.level}档及以上评价`;
  }
}
