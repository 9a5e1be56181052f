import { NATIONAL_SCHEDULE_2026, createWorkCalendar } from '../src/calendar';

/**
 * An Asia/Shanghai wall-clock reading, `YYYY-MM-DDTHH:mm[:ss.SSS]`, as an instant. Built from an
 * explicit +08:00 offset, not with the helpers under test, so expected values stay independent.
 */
export function sh(local: string): Date {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  const instant = new Date(`${withSeconds}+08:00`);
  if (Number.isNaN(instant.getTime())) throw new Error(`Bad fixture time ${local}`);
  return instant;
}

/** The national 2026 schedule alone; 2025 and 2027 have no schedule and fall back to Mon–Fri. */
export const cal2026 = createWorkCalendar([NATIONAL_SCHEDULE_2026]);

export function ms(instant: Date, delta: number): Date {
  return new Date(instant.getTime() + delta);
}
