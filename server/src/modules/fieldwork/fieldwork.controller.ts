import { Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MyHouseholdsQuery } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { FieldworkService } from './fieldwork.service';

/** The cadre's half of the contact: their households (visits join later). */
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
}
