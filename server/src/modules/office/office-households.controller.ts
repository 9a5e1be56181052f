import { Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CreateHouseholdInput,
  HouseholdListQuery,
  MoveHouseholdInput,
  UpdateHouseholdInput,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { OfficeCards } from './office-cards';
import { OfficeHouseholds } from './office-households';

/** The 联户台账 in the office: staff and county admins, inside their scope; every change audited. */
@ApiTags('office')
@Controller()
export class OfficeHouseholdsController {
  constructor(
    private readonly households: OfficeHouseholds,
    private readonly cards: OfficeCards,
  ) {}

  @Endpoint('officeHouseholds')
  officeHouseholds(@CurrentActor() actor: RequestActor, @ValidQuery() query: HouseholdListQuery) {
    return this.households.list(actor, query);
  }

  @Endpoint('createHousehold')
  createHousehold(@CurrentActor() actor: RequestActor, @ValidBody() input: CreateHouseholdInput) {
    return this.households.create(actor, input);
  }

  @Endpoint('householdDetail')
  householdDetail(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.households.detail(actor, id);
  }

  @Endpoint('updateHousehold')
  updateHousehold(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: UpdateHouseholdInput,
  ) {
    return this.households.update(actor, id, input);
  }

  @Endpoint('moveHousehold')
  moveHousehold(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: MoveHouseholdInput,
  ) {
    return this.households.move(actor, id, input);
  }

  @Endpoint('issueHelpCard')
  issueHelpCard(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.cards.issueHelpCard(actor, id);
  }
}
