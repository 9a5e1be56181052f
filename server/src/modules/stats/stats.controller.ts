import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { isLocalDate } from '@mqlk/shared';
import * as v from 'valibot';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor, Roles } from '../../common/auth/decorators';
import { ValibotPipe } from '../../common/validation';
import { type FiguresQuery, StatsService } from './stats.service';

const date = v.optional(
  v.pipe(
    v.string(),
    v.check((s: string) => isLocalDate(s), '日期格式应为 2026-11-01'),
  ),
);
const figuresSchema = v.object({
  from: date,
  to: date,
  unitId: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, '单位编号不对'), v.transform(Number))),
});

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Roles('staff')
  @Get('cadres')
  cadres(
    @CurrentActor() actor: RequestActor,
    @Query(new ValibotPipe(figuresSchema)) q: FiguresQuery,
  ) {
    return this.stats.cadreFigures(actor, q);
  }
}
