import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CalendarChangeEntity, CalendarYearEntity, DeadlinePolicyEntity } from './calendar.entity';

/** Everything a county has entered about its working days and time limits. */
export interface CountyCalendarData {
  years: CalendarYearEntity[];
  changes: CalendarChangeEntity[];
  policy: DeadlinePolicyEntity | null;
}

export type YearRow = Omit<CalendarYearEntity, 'updatedAt'>;
export type ChangeRow = Omit<CalendarChangeEntity, 'updatedAt'>;
export type PolicyRow = Omit<DeadlinePolicyEntity, 'updatedAt'>;

/**
 * The county calendar tables' one home. Reads take the caller's EntityManager inside a
 * transaction: a pooled read there would wait for a second connection while holding the first.
 */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async countyData(countyId: number, m?: EntityManager): Promise<CountyCalendarData> {
    const em = m ?? this.db.manager;
    const years = await em
      .getRepository(CalendarYearEntity)
      .find({ where: { countyId }, order: { year: 'ASC' } });
    const changes = await em
      .getRepository(CalendarChangeEntity)
      .find({ where: { countyId }, order: { date: 'ASC' } });
    const policy = await em.getRepository(DeadlinePolicyEntity).findOne({ where: { countyId } });
    return { years, changes, policy };
  }

  /** The year's schedule as given, in place of whatever the county had entered for that year. */
  async replaceYear(m: EntityManager, row: YearRow): Promise<void> {
    const repo = m.getRepository(CalendarYearEntity);
    await repo.delete({ countyId: row.countyId, year: row.year });
    await repo.insert(row);
  }

  async setChange(m: EntityManager, row: ChangeRow): Promise<void> {
    const repo = m.getRepository(CalendarChangeEntity);
    await repo.delete({ countyId: row.countyId, date: row.date });
    await repo.insert(row);
  }

  /** Takes a county's own change back; true when there was one. */
  async removeChange(m: EntityManager, countyId: number, date: string): Promise<boolean> {
    const result = await m.getRepository(CalendarChangeEntity).delete({ countyId, date });
    return (result.affected ?? 0) > 0;
  }

  async setPolicy(m: EntityManager, row: PolicyRow): Promise<void> {
    const repo = m.getRepository(DeadlinePolicyEntity);
    await repo.delete({ countyId: row.countyId });
    await repo.insert(row);
  }
}
