import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CalendarDayInput,
  type CalendarQuery,
  type CountyCalendar,
  type DeadlinePolicyInput,
  localDateOf,
  type YearScheduleInput,
  yearOf,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import type { AuditDetail } from '../audit/audit-log.entity';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { OrgRepository } from '../org/org.repository';
import {
  checkChange,
  checkedDateYear,
  checkedPolicy,
  checkedSchedule,
  checkedYear,
} from './calendar-input';
import { countyCalendarView, policyView } from './calendar-view';
import { CalendarRepository } from './calendar.repository';
import { CountyCalendars, countyIdOf } from './county-calendars';

type CalendarAction = 'calendar.year' | 'calendar.day' | 'calendar.policy';

/**
 * A county's working-day calendar and deadline policy: staff and admins read their county's,
 * admins change it. A change counts for clocks started after it; running clocks keep their due
 * times (they were promised to someone). Other instances pick a change up within a minute.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: CalendarRepository,
    private readonly calendars: CountyCalendars,
    private readonly org: OrgRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The reader's county (a township's staff read their county's), for `year` or this year. */
  countyCalendar(actor: RequestActor, q: CalendarQuery): Promise<CountyCalendar> {
    const countyId = this.countyOf(actor);
    const year = q.year === undefined ? this.currentYear() : checkedYear(q.year);
    return this.view(countyId, year);
  }

  /** 全年放假和调休安排: replaces what the county had for that year (the national one included). */
  async setYearSchedule(
    actor: RequestActor,
    rawYear: string,
    input: YearScheduleInput,
  ): Promise<CountyCalendar> {
    const countyId = this.countyOf(actor);
    const year = checkedYear(rawYear);
    const schedule = checkedSchedule(year, input);
    const source = input.source || null;
    return this.write(actor, countyId, year, 'calendar.year', async (m) => {
      await this.store.replaceYear(m, { countyId, ...schedule, source });
      return {
        year,
        holidays: schedule.holidays.length,
        makeupWorkdays: schedule.makeupWorkdays.length,
        source,
      };
    });
  }

  /** One day: the county's own holiday or working day, or `default` to take its change back. */
  async setCalendarDay(actor: RequestActor, input: CalendarDayInput): Promise<CountyCalendar> {
    const countyId = this.countyOf(actor);
    const year = checkedDateYear(input.date);
    const { date, kind } = input;
    const note = input.note || null;
    if (kind !== 'default') checkChange(date, kind);
    return this.write(actor, countyId, year, 'calendar.day', async (m): Promise<AuditDetail> => {
      if (kind === 'default') {
        const removed = await this.store.removeChange(m, countyId, date);
        return { date, kind, removed };
      }
      await this.store.setChange(m, { countyId, date, kind, note });
      return { date, kind, note };
    });
  }

  async setDeadlinePolicy(
    actor: RequestActor,
    input: DeadlinePolicyInput,
  ): Promise<CountyCalendar> {
    const countyId = this.countyOf(actor);
    const policy = policyView(checkedPolicy(input));
    return this.write(actor, countyId, this.currentYear(), 'calendar.policy', async (m) => {
      const before = policyView((await this.calendars.load(countyId, m)).policy);
      await this.store.setPolicy(m, { countyId, ...policy });
      return { from: Object.values(before).join('/'), ...policy };
    });
  }

  /** Staff and admins only; the county is the first unit of their scope's path. */
  private countyOf(actor: RequestActor): number {
    return countyIdOf(this.policy.requireOfficeScope(actor));
  }

  private currentYear(): number {
    return yearOf(localDateOf(this.clock.now()));
  }

  /**
   * The change, its audit row, and the answer, in one transaction; then this instance's cached
   * copy of the county is dropped (after the commit, so nothing can cache the old rows again).
   */
  private async write(
    actor: RequestActor,
    countyId: number,
    year: number,
    action: CalendarAction,
    change: (m: EntityManager) => Promise<AuditDetail>,
  ): Promise<CountyCalendar> {
    const answer = await this.db.transaction(async (m) => {
      const detail = await change(m);
      await this.audit.record(m, {
        ...auditActor(actor),
        action,
        targetType: 'county',
        targetId: countyId,
        unitPath: `/${countyId}/`,
        detail,
        at: this.clock.now(),
      });
      return this.view(countyId, year, m);
    });
    this.calendars.forget(countyId);
    return answer;
  }

  /** Always read afresh: the page shows a change at once, whatever the deadline cache holds. */
  private async view(countyId: number, year: number, m?: EntityManager): Promise<CountyCalendar> {
    const county = await this.org.findById(countyId, m);
    if (!county) throw new AppError('NOT_FOUND');
    const rules = await this.calendars.load(countyId, m);
    return countyCalendarView(county, year, rules, this.currentYear());
  }
}
