import { Controller, Headers, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyHouseholdsQuery, MyVisitsQuery, RecordVisitInput } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { FieldworkService } from './fieldwork.service';

/** The cadre's half of the contact: their households and their visits (走访日记). */
@ApiTags('fieldwork')
@Controller()
export class FieldworkController {
  constructor(private readonly fieldwork: FieldworkService) {}

  @Endpoint('myHouseholds')
  myHouseholds(@CurrentActor() actor: RequestActor, @ValidQuery() query: MyHouseholdsQuery) {
    return this.fieldwork.mine(actor, query);
  }

  @Endpoint('myHousehold')
  myHousehold(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.fieldwork.one(actor, id);
  }

  @Endpoint('recordVisit')
  recordVisit(
    @CurrentActor() actor: RequestActor,
    @ValidBody() input: RecordVisitInput,
    @Headers('idempotency-key') idemKey: string | undefined,
  ) {
    return this.fieldwork.record(actor, input, idemKey);
  }

  @Endpoint('myVisits')
  myVisits(@CurrentActor() actor: RequestActor, @ValidQuery() query: MyVisitsQuery) {
    return this.fieldwork.myVisits(actor, query);
  }
}
