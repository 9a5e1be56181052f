import type { ClockKind, ClockStop } from '../src/lifecycle';
import type {
  MetricClock,
  MetricRating,
  MetricRatingLevel,
  MetricRequest,
  MetricResolution,
  MetricRound,
} from '../src/metrics';
import type { HandlingLevel } from '../src/org/levels';

/** An instant given as Asia/Shanghai wall time, e.g. at('2026-03-01 00:00'). */
export function at(local: string): Date {
  const [date, time = '12:00'] = local.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${withSeconds}+08:00`);
}

export const UNITS = {
  county: '/1/',
  township12: '/1/12/',
  village130: '/1/12/130/',
  village131: '/1/12/131/',
  township13: '/1/13/',
  village140: '/1/13/140/',
} as const;

let nextId = 1;

export function request(fields: Partial<MetricRequest> = {}): MetricRequest {
  return {
    id: `R${nextId++}`,
    category: 'difficulty',
    status: 'closed',
    subjectCadreId: null,
    submittedAt: at('2026-01-01 09:00'),
    ownerId: 'A',
    unitPath: UNITS.village130,
    clocks: [],
    resolutions: [],
    ratings: [],
    verification: null,
    ...fields,
  };
}

export function resolution(
  local: string,
  fields: { round?: MetricRound; level?: HandlingLevel; ownerId?: string; unitPath?: string } = {},
): MetricResolution {
  return {
    at: at(local),
    round: fields.round ?? 1,
    level: fields.level ?? 'village',
    ownerId: fields.ownerId ?? 'A',
    unitPath: fields.unitPath ?? UNITS.village130,
  };
}

/** A deadline clock due at `dueLocal`; stopped by its goal unless `stop` says otherwise. */
export function clock(
  kind: ClockKind,
  dueLocal: string,
  fields: {
    startedAt?: string;
    stoppedAt?: string | null;
    stop?: ClockStop;
    ownerId?: string;
    unitPath?: string;
  } = {},
): MetricClock {
  const stoppedAt = fields.stoppedAt ?? null;
  return {
    kind,
    ownerId: fields.ownerId ?? 'A',
    unitPath: fields.unitPath ?? UNITS.village130,
    startedAt: at(fields.startedAt ?? '2026-03-01 09:00'),
    dueAt: at(dueLocal),
    stoppedAt: stoppedAt === null ? null : at(stoppedAt),
    stop: stoppedAt === null ? null : (fields.stop ?? 'goal'),
  };
}

export function rating(
  local: string,
  level: MetricRatingLevel,
  fields: { round?: MetricRound; excluded?: boolean } = {},
): MetricRating {
  return { at: at(local), level, round: fields.round ?? 1, excluded: fields.excluded ?? false };
}

/** A closed request resolved by A at village 130 and rated once, both in the given instants. */
export function rated(
  resolvedAt: string,
  ratedAt: string,
  level: MetricRatingLevel,
): MetricRequest {
  return request({ resolutions: [resolution(resolvedAt)], ratings: [rating(ratedAt, level)] });
}

export const MARCH = { from: '2026-03-01', to: '2026-03-31' };
export const ALL = { kind: 'all' } as const;
