import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { UnvisitedQuery, VisitCoverageQuery } from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidQuery } from '../../common/contract/endpoint';
import { OfficeVisits } from './office-visits';

/** Visits as the office oversees them: coverage per cadre, households long unvisited. */
@ApiTags('office')
@Controller()
export class OfficeVisitsController {
  constructor(private readonly visits: OfficeVisits) {}

  @Endpoint('visitCoverage')
  visitCoverage(@CurrentActor() actor: RequestActor, @ValidQuery() query: VisitCoverageQuery) {
    return this.visits.coverage(actor, query);
  }

  @Endpoint('unvisitedHouseholds')
  unvisitedHouseholds(@CurrentActor() actor: RequestActor, @ValidQuery() query: UnvisitedQuery) {
    return this.visits.unvisited(actor, query);
  }
}
