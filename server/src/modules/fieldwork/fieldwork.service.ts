import { Injectable } from '@nestjs/common';
import {
  type Household,
  type HouseholdDetail,
  type MyHouseholdsQuery,
  type Page,
} from '@mqlk/shared';
import { AccessPolicy } from '../../common/access/access-policy';
import type { RequestActor } from '../../common/auth/actor';
import { pageOf, sliceOf } from '../../common/paging';
import { HouseholdRepository } from '../household/household.repository';
import { HouseholdPresenter } from './household-presenter';

/** A cadre's own households (联户): theirs only; another cadre's do not exist for them. */
@Injectable()
export class FieldworkService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly households: HouseholdRepository,
    private readonly presenter: HouseholdPresenter,
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
}
