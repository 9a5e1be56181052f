import { Inject, Injectable } from '@nestjs/common';
import {
  type Household,
  type HouseholdDetail,
  isDutyDay,
  localDateOf,
  type MyHouseholdsQuery,
  type MyVisitsQuery,
  type Page,
  type RecordVisitInput,
  type Visit,
  visitDateProblem,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { pageOf, sliceOf } from '../../common/paging';
import { CadreRepository } from '../cadre/cadre.repository';
import { HouseholdRepository } from '../household/household.repository';
import { VisitRepository } from '../household/visit.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { PhotoService } from '../photo/photo.service';
import { HouseholdPresenter } from './household-presenter';
import { VisitPresenter } from './visit-presenter';

/**
 * A cadre's own households (联户) and visits (走访日记): theirs only; another cadre's do not exist
 * for them.
 */
@Injectable()
export class FieldworkService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly households: HouseholdRepository,
    private readonly visits: VisitRepository,
    private readonly cadres: CadreRepository,
    private readonly photos: PhotoService,
    private readonly idempotency: IdempotencyService,
    private readonly presenter: HouseholdPresenter,
    private readonly visitPresenter: VisitPresenter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async mine(actor: RequestActor, query: MyHouseholdsQuery): Promise<Page<Household>> {
    const cadreId = this.policy.requireCadre(actor);
    const slice = sliceOf(query);
    const [rows, total] = await this.households.pageOfCadre(
      cadreId,
      { group: query.group, ...this.presenter.search(query.q) },
      slice,
    );
    return pageOf(slice, await this.presenter.present(rows), total);
  }

  /** One of the cadre's households, with the full phone to call. */
  async one(actor: RequestActor, id: number): Promise<HouseholdDetail> {
    const h = await this.households.findById(id);
    this.policy.requireOwnHousehold(actor, h);
    return this.presenter.detail(h!);
  }

  /**
   * A visit to one of the cadre's households, on a date from 30 days ago to today, marked when it
   * fell on their 一线工作日. Once per idempotency key, as a submission is.
   */
  async record(actor: RequestActor, input: RecordVisitInput, idemKey: string | undefined) {
    const cadreId = this.policy.requireCadre(actor);
    this.policy.requireOwnHousehold(actor, await this.households.findById(input.householdId));
    const problem = visitDateProblem(input.visitedOn, localDateOf(this.clock.now()));
    if (problem)
      throw new AppError('VALIDATION_FAILED', [{ field: 'visitedOn', message: problem }]);
    const cadre = (await this.cadres.findById(cadreId))!;
    const id = await this.idempotency.once(
      actor.userId,
      idemKey,
      'POST /visits',
      input,
      async (m) => {
        const id = await this.visits.insert(m, {
          householdId: input.householdId,
          cadreId,
          visitedOn: input.visitedOn,
          onDutyDay: isDutyDay(cadre.dutyDays, input.visitedOn),
          met: input.met,
          found: input.found,
          recordedAt: this.clock.now(),
        });
        await this.photos.attach(m, actor.userId, { visitId: id }, input.photoIds);
        return id;
      },
    );
    const [view] = await this.visitPresenter.present([(await this.visits.findById(id))!]);
    return view!;
  }

  /**
   * The cadre's own visits, the latest first; or every visit to one of their households, those
   * of the cadre before them included (事随人转 keeps the history).
   */
  async myVisits(actor: RequestActor, query: MyVisitsQuery): Promise<Page<Visit>> {
    const cadreId = this.policy.requireCadre(actor);
    if (query.householdId !== undefined) {
      this.policy.requireOwnHousehold(actor, await this.households.findById(query.householdId));
    }
    const slice = sliceOf(query);
    const [rows, total] = await this.visits.page(
      query.householdId === undefined ? { cadreId } : { householdId: query.householdId },
      slice,
    );
    return pageOf(slice, await this.visitPresenter.present(rows), total);
  }
}
