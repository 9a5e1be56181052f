import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CalendarDayInput,
  CalendarQuery,
  DeadlinePolicyInput,
  YearScheduleInput,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { CalendarService } from './calendar.service';

/** The county's working-day calendar and deadline policy: staff read it, admins change it. */
@ApiTags('office')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Endpoint('countyCalendar')
  countyCalendar(@CurrentActor() actor: RequestActor, @ValidQuery() q: CalendarQuery) {
    return this.calendar.countyCalendar(actor, q);
  }

  @Endpoint('setYearSchedule')
  setYearSchedule(
    @CurrentActor() actor: RequestActor,
    @Param('year') year: string,
    @ValidBody() input: YearScheduleInput,
  ) {
    return this.calendar.setYearSchedule(actor, year, input);
  }

  @Endpoint('setCalendarDay')
  setCalendarDay(@CurrentActor() actor: RequestActor, @ValidBody() input: CalendarDayInput) {
    return this.calendar.setCalendarDay(actor, input);
  }

  @Endpoint('setDeadlinePolicy')
  setDeadlinePolicy(@CurrentActor() actor: RequestActor, @ValidBody() input: DeadlinePolicyInput) {
    return this.calendar.setDeadlinePolicy(actor, input);
  }
}
