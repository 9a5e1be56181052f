import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  type DayRange,
  emptyTotals,
  localDateOf,
  localDay,
  METRIC_MEASURES,
  type MetricFact,
  type MetricMeasure,
  type MetricTotals,
  monthOfDay,
  startOfLocalDay,
} from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { subtreePattern } from '../../common/access/access-policy';
import { inBatches } from '../../database/batches';
import { isSqlite } from '../../database/locking';
import { MetricFactEntity } from './metric-fact.entity';
import { MEASURE_COLUMNS } from './metric-measure-columns';

/** next_day of a fact that has no next resolution: after every period. */
export const NO_NEXT_DAY = 2_000_000_000;

/** A fact as stored: numbers where the shared fact has nulls. */
export interface StoredFact {
  day: number;
  ownerUserId: number;
  unitPath: string;
  selfSubject: boolean;
  nextDay: number;
  dueAt: number;
  measures: Partial<MetricTotals>;
}

export function storedFact(f: MetricFact): StoredFact {
  return {
    day: f.day,
    ownerUserId: f.ownerId === null ? 0 : Number(f.ownerId),
    unitPath: f.unitPath ?? '',
    selfSubject: f.selfSubject,
    nextDay: f.nextDay ?? NO_NEXT_DAY,
    dueAt: f.dueAt ?? 0,
    measures: f.measures,
  };
}

/** The columns a read's cells may be told apart by (besides month and next day, for series). */
export type SumCell = 'owner_user_id' | 'unit_path' | 'self_subject';
const ALL_CELLS: readonly SumCell[] = ['owner_user_id', 'unit_path', 'self_subject'];

/**
 * Sums of one cell: an owner in a unit (and a month with its next-resolution day, for series).
 * A cell of clocks not yet due comes back negative, to be added like any other. A column the
 * read did not group by (`SumFilter.by`) reads 0, '' or false.
 */
export interface SumRow {
  month: number;
  ownerUserId: number;
  unitPath: string;
  selfSubject: boolean;
  /** For series, the day of the next resolution of the cell's resolutions; otherwise null. */
  nextDay: number | null;
  totals: MetricTotals;
}

export interface SumFilter {
  /** Whole months (both ends included) read from the monthly rollup. */
  months: { first: number; last: number } | null;
  /** Day ranges read from the daily rollup. */
  days: readonly DayRange[];
  /** Clocks count once due: due_at before this (epoch ms); the daily rollup holds them all. */
  nowMs: number;
  /** Facts of units in this subtree only. */
  unitPath: string;
  /** One owner's facts only (never those where they are the complaint's subject). */
  ownerUserId?: number;
  /**
   * A resolution counts for a period only when the request's next one falls after the period:
   * cells whose next resolution is on or before this day (the period's last) are left out.
   */
  countedAfter: number;
  /**
   * What the cells are told apart by; default all three. A page per cadre needs no unit, a page
   * per unit no owner, a total neither: fewer columns, far fewer rows to send and add up.
   */
  by?: readonly SumCell[];
}

const KEY = ['owner_user_id', 'unit_path', 'self_subject', 'next_day'] as const;
/** metric_due's key: the instant first, then the cell (unit before owner, the order a read groups in). */
const DUE_KEY = ['due_at', 'unit_path', 'owner_user_id', 'self_subject', 'next_day'] as const;
const COLUMNS = METRIC_MEASURES.map((k) => MEASURE_COLUMNS[k]);
const MEASURES_BY_COLUMN = METRIC_MEASURES.map((k) => [k, MEASURE_COLUMNS[k]] as const);
/** The measures a clock's fact adds to (and the only ones a fact with a due time has). */
const CLOCK_MEASURES = ['acceptDue', 'acceptMet', 'deadlineDue', 'deadlineMet'] as const;
const CLOCK_COLUMNS = CLOCK_MEASURES.map((k) => MEASURE_COLUMNS[k]);
/** metric_fact's columns besides the measures, in the order `insertFacts` writes them. */
const FACT_KEY_COLUMNS = [
  'request_id',
  'seq',
  'day',
  'month',
  'owner_user_id',
  'unit_path',
  'self_subject',
  'next_day',
  'due_at',
] as const;

/**
 * SUM of an integer column for the figures' reads. MariaDB and MySQL add integers in DECIMAL,
 * which made grouping a year's monthly cells about twice as slow; a double is exact far beyond
 * any count here (2^53), and SQLite adds integers as integers anyway.
 */
function sum(db: DataSource, column: string): string {
  return isSqlite(db.manager) ? `SUM(${column})` : `SUM(CAST(${column} AS DOUBLE))`;
}

/**
 * The figures' tables: each request's facts (metric_fact) and their daily and monthly sums
 * (metric_daily, metric_monthly), changed together in the request's own transaction.
 */
@Injectable()
export class MetricRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  factsOf(m: EntityManager, requestIds: readonly number[]): Promise<MetricFactEntity[]> {
    return inBatches(requestIds, (batch) =>
      m
        .getRepository(MetricFactEntity)
        .createQueryBuilder('f')
        .where('f.request_id IN (:...batch)', { batch })
        .orderBy('f.request_id')
        .addOrderBy('f.seq')
        .getMany(),
    );
  }

  /** Whether stored fact rows say the same as freshly computed facts. */
  sameAsStored(before: readonly MetricFactEntity[], after: readonly StoredFact[]): boolean {
    return sameFacts(
      before.map((f) => ({ ...f, measures: measuresOf(f) })),
      after,
    );
  }

  /** Empties the facts and both rollups (before a rebuild). */
  async clear(): Promise<void> {
    for (const table of [
      'metric_daily',
      'metric_monthly',
      'metric_due',
      'metric_category_daily',
      'metric_category_monthly',
      'metric_fact',
    ]) {
      await this.db.query(`DELETE FROM ${table}`);
    }
  }

  /**
   * Stores the facts of many requests at once and adds them to the category rollups, leaving the
   * daily and monthly rollups to `fillRollups` (a rebuild).
   */
  async insertFacts(
    m: EntityManager,
    facts: readonly { requestId: number; category: string; facts: readonly StoredFact[] }[],
  ): Promise<void> {
    await this.writeFacts(m, facts);
    // The category is the request's own, which metric_fact does not carry.
    await this.addToCategories(
      m,
      facts.flatMap(({ category, facts: list }) =>
        list.map((fact) => ({ fact, category, sign: 1 })),
      ),
    );
  }

  /** Writes fact rows, in multi-row INSERTs of up to 500. */
  private async writeFacts(
    m: EntityManager,
    facts: readonly { requestId: number; facts: readonly StoredFact[] }[],
  ): Promise<void> {
    // Plain multi-row INSERTs: TypeORM's insert builder spent most of a rebuild's time on its
    // parameters (thousands per statement).
    const columns = [...FACT_KEY_COLUMNS, ...COLUMNS];
    const rows = facts.flatMap(({ requestId, facts: list }) =>
      list.map((f, seq) => {
        const t = totalsOf(f.measures);
        return [
          requestId,
          seq,
          f.day,
          monthOfDay(f.day),
          f.ownerUserId,
          f.unitPath,
          f.selfSubject ? 1 : 0,
          f.nextDay,
          f.dueAt,
          ...METRIC_MEASURES.map((k) => t[k]),
        ];
      }),
    );
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      await m.query(
        `INSERT INTO metric_fact (${columns.join(', ')}) VALUES ${batch.map(() => placeholders).join(', ')}`,
        batch.flat(),
      );
    }
  }

  /**
   * Fills the emptied daily, monthly and due-time rollups from metric_fact in one INSERT…SELECT
   * each (a rebuild): the same sums `addToRollups` keeps one request at a time, in one pass.
   */
  async fillRollups(): Promise<void> {
    const fill = (table: string, key: string, columns: readonly string[], where = '') =>
      this.db.query(
        `INSERT INTO ${table} (${key}, ${columns.join(', ')}) SELECT ${key}, ${columns.map((c) => `SUM(${c})`).join(', ')} FROM metric_fact ${where} GROUP BY ${key}`,
      );
    await fill('metric_daily', ['day', ...KEY, 'month'].join(', '), COLUMNS);
    await fill('metric_monthly', ['month', ...KEY].join(', '), COLUMNS);
    await fill('metric_due', DUE_KEY.join(', '), CLOCK_COLUMNS, 'WHERE due_at > 0');
  }

  /**
   * Where the rollups of a subtree disagree with the facts they should add up to: every daily
   * and monthly cell whose sums differ, as `table key: rollup ≠ facts`.
   */
  async rollupDifferences(unitPath: string): Promise<string[]> {
    const like = subtreePattern(unitPath);
    const problems: string[] = [];
    const compare = async (
      table: string,
      key: readonly string[],
      columns: readonly string[] = COLUMNS,
      factFilter = '',
    ) => {
      const sums = columns.map((c) => `SUM(${c}) AS ${c}`).join(', ');
      const fromFacts: Record<string, unknown>[] = await this.db.query(
        `SELECT ${key.join(', ')}, ${sums} FROM metric_fact WHERE unit_path LIKE ? ${factFilter} GROUP BY ${key.join(', ')}`,
        [like],
      );
      const fromRollup: Record<string, unknown>[] = await this.db.query(
        `SELECT ${key.join(', ')}, ${columns.join(', ')} FROM ${table} WHERE unit_path LIKE ?`,
        [like],
      );
      const index = (rows: Record<string, unknown>[]) =>
        new Map(
          rows.map((r) => [
            key.map((k) => String(Number.isNaN(Number(r[k])) ? r[k] : Number(r[k]))).join('|'),
            columns.map((c) => Number(r[c] ?? 0)).join(','),
          ]),
        );
      const a = index(fromRollup);
      const b = index(fromFacts);
      const zero = columns.map(() => 0).join(',');
      for (const k of new Set([...a.keys(), ...b.keys()])) {
        const [x, y] = [a.get(k) ?? zero, b.get(k) ?? zero];
        if (x !== y) problems.push(`${table} ${k}: ${x} ≠ ${y}`);
      }
    };
    await compare('metric_daily', ['day', ...KEY]);
    await compare('metric_monthly', ['month', ...KEY]);
    await compare('metric_due', DUE_KEY, CLOCK_COLUMNS, 'AND due_at > 0');
    return problems;
  }

  /**
   * Replaces a request's facts and moves the difference into the rollups. Rows are written in
   * key order, so two transactions touching the same rows take their locks in the same order.
   */
  async replace(
    m: EntityManager,
    requestId: number,
    category: string,
    before: readonly MetricFactEntity[],
    after: readonly StoredFact[],
  ): Promise<void> {
    const old = before.map((f) => ({ ...f, measures: measuresOf(f) }));
    if (sameFacts(old, after)) return;
    if (before.length > 0) {
      await m.query('DELETE FROM metric_fact WHERE request_id = ?', [requestId]);
    }
    if (after.length > 0) {
      await this.writeFacts(m, [{ requestId, facts: after }]);
    }
    // A request's category never changes, so its old facts had the same one.
    await this.addToRollups(m, [
      ...old.map((f) => ({ fact: f, category, sign: -1 })),
      ...after.map((f) => ({ fact: f, category, sign: 1 })),
    ]);
  }

  /** Adds signed facts into both rollups. */
  async addToRollups(
    m: EntityManager,
    changes: readonly { fact: StoredFact; category: string; sign: number }[],
  ): Promise<void> {
    await this.addToCategories(m, changes);
    const daily = new Map<string, { key: (string | number)[]; totals: MetricTotals }>();
    const monthly = new Map<string, { key: (string | number)[]; totals: MetricTotals }>();
    const due = new Map<string, { key: (string | number)[]; totals: MetricTotals }>();
    for (const { fact: f, sign } of changes) {
      const self = f.selfSubject ? 1 : 0;
      const cell = [f.ownerUserId, f.unitPath, self, f.nextDay];
      add(daily, [f.day, ...cell, monthOfDay(f.day)], f.measures, sign);
      add(monthly, [monthOfDay(f.day), ...cell], f.measures, sign);
      // Only a clock has a due time, and it adds to the clock measures alone.
      if (f.dueAt > 0) {
        add(due, [f.dueAt, f.unitPath, f.ownerUserId, self, f.nextDay], f.measures, sign);
      }
    }
    await this.upsert(m, 'metric_daily', ['day', ...KEY, 'month'], ['day', ...KEY], daily);
    await this.upsert(m, 'metric_monthly', ['month', ...KEY], ['month', ...KEY], monthly);
    await this.upsert(m, 'metric_due', DUE_KEY, DUE_KEY, due, CLOCK_MEASURES);
  }

  /** Adds the signed received counts of facts into the category rollups. */
  private async addToCategories(
    m: EntityManager,
    changes: readonly { fact: StoredFact; category: string; sign: number }[],
  ): Promise<void> {
    const categoryDaily = new Map<string, { key: (string | number)[]; received: number }>();
    const categoryMonthly = new Map<string, { key: (string | number)[]; received: number }>();
    for (const { fact: f, category, sign } of changes) {
      if (!f.measures.received) continue;
      const received = sign * f.measures.received;
      count(categoryDaily, [f.day, f.unitPath, category, monthOfDay(f.day)], received);
      count(categoryMonthly, [monthOfDay(f.day), f.unitPath, category], received);
    }
    await this.upsertCounts(
      m,
      'metric_category_daily',
      ['day', 'unit_path', 'category', 'month'],
      3,
      categoryDaily,
    );
    await this.upsertCounts(
      m,
      'metric_category_monthly',
      ['month', 'unit_path', 'category'],
      3,
      categoryMonthly,
    );
  }

  private async upsertCounts(
    m: EntityManager,
    table: string,
    keyColumns: readonly string[],
    conflictLength: number,
    cells: Map<string, { key: (string | number)[]; received: number }>,
  ): Promise<void> {
    const rows = [...cells.values()]
      .filter((c) => c.received !== 0)
      .sort((a, b) => compareKeys(a.key, b.key));
    if (rows.length === 0) return;
    const columns = [...keyColumns, 'received'];
    const conflict = keyColumns.slice(0, conflictLength);
    const update = isSqlite(m)
      ? `ON CONFLICT(${conflict.join(', ')}) DO UPDATE SET received = received + excluded.received`
      : 'ON DUPLICATE KEY UPDATE received = received + VALUES(received)';
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')} ${update}`,
      rows.flatMap((r) => [...r.key, r.received]),
    );
  }

  /** Requests received per category over the months and days of `filter`, in a subtree. */
  async categorySums(
    filter: Omit<SumFilter, 'ownerUserId' | 'nowMs' | 'countedAfter'>,
  ): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    const like = subtreePattern(filter.unitPath);
    const parts: { sql: string; params: (string | number)[] }[] = [];
    if (filter.months) {
      parts.push({
        sql: `SELECT category, ${sum(this.db, 'received')} AS received FROM metric_category_monthly WHERE month BETWEEN ? AND ? AND unit_path LIKE ? GROUP BY category`,
        params: [filter.months.first, filter.months.last, like],
      });
    }
    for (const range of filter.days) {
      parts.push({
        sql: `SELECT category, ${sum(this.db, 'received')} AS received FROM metric_category_daily WHERE day BETWEEN ? AND ? AND unit_path LIKE ? GROUP BY category`,
        params: [range.first, range.last, like],
      });
    }
    const rows = await this.readParts<{ category: string; received: string | number }>(parts);
    for (const r of rows) {
      totals.set(r.category, (totals.get(r.category) ?? 0) + Number(r.received));
    }
    return totals;
  }

  /**
   * The parts of one read, side by side on the pool's connections: MariaDB runs one statement on
   * one core, so a UNION ALL of a year's months, this month's days and today's pending clocks
   * took their sum; apart they take about the longest of them.
   */
  private async readParts<T>(
    parts: readonly { sql: string; params: (string | number)[] }[],
  ): Promise<T[]> {
    const results: T[][] = await Promise.all(parts.map((p) => this.db.query(p.sql, p.params)));
    return results.flat();
  }

  private async upsert(
    m: EntityManager,
    table: string,
    keyColumns: readonly string[],
    conflict: readonly string[],
    cells: Map<string, { key: (string | number)[]; totals: MetricTotals }>,
    measures: readonly MetricMeasure[] = METRIC_MEASURES,
  ): Promise<void> {
    const rows = [...cells.values()]
      .filter((c) => measures.some((k) => c.totals[k] !== 0))
      .sort((a, b) => compareKeys(a.key, b.key));
    if (rows.length === 0) return;
    const values = measures.map((k) => MEASURE_COLUMNS[k]);
    const columns = [...keyColumns, ...values];
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const update = isSqlite(m)
      ? `ON CONFLICT(${conflict.join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`
      : `ON DUPLICATE KEY UPDATE ${values.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
    await m.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')} ${update}`,
      rows.flatMap((r) => [...r.key, ...measures.map((k) => r.totals[k])]),
    );
  }

  /**
   * One page of the facts that count in a period and scope with any of `measures`, by day then
   * request, and how many there are: the rows behind a number, each adding 1 to it.
   */
  async factPage(
    filter: { range: DayRange; nowMs: number; unitPath: string; ownerUserId?: number },
    measures: readonly MetricMeasure[],
    slice: { offset: number; limit: number },
  ): Promise<[MetricFactEntity[], number]> {
    const q = this.db
      .getRepository(MetricFactEntity)
      .createQueryBuilder('f')
      .where('f.day BETWEEN :first AND :last', filter.range)
      .andWhere('f.next_day > :last', { last: filter.range.last })
      .andWhere('f.due_at < :now', { now: filter.nowMs })
      .andWhere('f.unit_path LIKE :path', { path: subtreePattern(filter.unitPath) })
      .andWhere(`(${measures.map((k) => `f.${MEASURE_COLUMNS[k]} > 0`).join(' OR ')})`);
    if (filter.ownerUserId !== undefined) {
      q.andWhere('f.owner_user_id = :owner AND f.self_subject = :self', {
        owner: filter.ownerUserId,
        self: false,
      });
    }
    return q
      .orderBy('f.day')
      .addOrderBy('f.request_id')
      .addOrderBy('f.seq')
      .skip(slice.offset)
      .take(slice.limit)
      .getManyAndCount();
  }

  /**
   * Sums per owner, unit and subject flag over the months and days of `filter`, only what counts
   * in a period ending on `countedAfter`. With `byMonth`, per month and next-resolution day too:
   * the caller applies the next-resolution rule of each month, where the month ends.
   */
  async sums(filter: SumFilter, byMonth = false): Promise<SumRow[]> {
    const cell = ALL_CELLS.filter((c) => (filter.by ?? ALL_CELLS).includes(c));
    const group = byMonth ? ['month', ...cell, 'next_day'] : cell;
    const select = [
      ...group.map((c) => `${c} AS ${c}`),
      ...COLUMNS.map((c) => `${sum(this.db, c)} AS ${c}`),
    ].join(', ');
    const scope = ['unit_path LIKE ?', 'next_day > ?'];
    const scopeParams: (string | number)[] = [subtreePattern(filter.unitPath), filter.countedAfter];
    if (filter.ownerUserId !== undefined) {
      scope.push('owner_user_id = ?', 'self_subject = ?');
      scopeParams.push(filter.ownerUserId, 0);
    }
    const parts: { sql: string; params: (string | number)[] }[] = [];
    if (filter.months) {
      parts.push({
        sql: `SELECT ${select} FROM metric_monthly WHERE month BETWEEN ? AND ? AND ${scope.join(' AND ')}${groupBy(group)}`,
        params: [filter.months.first, filter.months.last, ...scopeParams],
      });
    }
    const now = new Date(filter.nowMs);
    const today = localDay(now);
    // Today's clocks not yet due, from metric_due: it holds only the four clock measures, and
    // no month (every clock it returns falls due today, in this month).
    const clockColumns: readonly string[] = CLOCK_COLUMNS;
    const dueGroup = group.filter((c) => c !== 'month');
    const pending = [
      ...group.map((c) => (c === 'month' ? `${monthOfDay(today)} AS month` : `${c} AS ${c}`)),
      ...COLUMNS.map((c) =>
        clockColumns.includes(c) ? `-${sum(this.db, c)} AS ${c}` : `0 AS ${c}`,
      ),
    ].join(', ');
    for (const range of filter.days) {
      // Days after today hold nothing but clocks not yet due (everything else has happened by
      // now): not read at all. Today's clocks due later today are subtracted: a range of
      // metric_due, one instant's rows per day whatever the size of the data.
      const last = Math.min(range.last, today);
      if (last < range.first) continue;
      parts.push({
        sql: `SELECT ${select} FROM metric_daily WHERE day BETWEEN ? AND ? AND ${scope.join(' AND ')}${groupBy(group)}`,
        params: [range.first, last, ...scopeParams],
      });
      if (last === today) {
        const tomorrow = startOfLocalDay(addDays(localDateOf(now), 1)).getTime();
        parts.push({
          sql: `SELECT ${pending} FROM metric_due WHERE due_at >= ? AND due_at < ? AND ${scope.join(' AND ')}${groupBy(dueGroup)}`,
          params: [filter.nowMs, tomorrow, ...scopeParams],
        });
      }
    }
    const rows: SumRow[] = [];
    for (const r of await this.readParts<Record<string, string | number>>(parts)) {
      const totals = emptyTotals();
      for (const [k, column] of MEASURES_BY_COLUMN) totals[k] = Number(r[column] ?? 0);
      rows.push({
        month: byMonth ? Number(r.month) : 0,
        ownerUserId: Number(r.owner_user_id ?? 0),
        unitPath: String(r.unit_path ?? ''),
        selfSubject: Number(r.self_subject) === 1 || r.self_subject === 'true',
        nextDay: byMonth ? Number(r.next_day) : null,
        totals,
      });
    }
    return rows;
  }
}

/** A GROUP BY clause, or none for a single total. */
const groupBy = (columns: readonly string[]) =>
  columns.length > 0 ? ` GROUP BY ${columns.join(', ')}` : '';

function measuresOf(f: MetricFactEntity): Partial<MetricTotals> {
  const out: Partial<MetricTotals> = {};
  for (const k of METRIC_MEASURES) if (Number(f[k]) !== 0) out[k] = Number(f[k]);
  return out;
}

function totalsOf(measures: Partial<MetricTotals>): MetricTotals {
  const t = emptyTotals();
  for (const k of METRIC_MEASURES) t[k] = measures[k] ?? 0;
  return t;
}

function add(
  cells: Map<string, { key: (string | number)[]; totals: MetricTotals }>,
  key: (string | number)[],
  measures: Partial<MetricTotals>,
  sign: number,
): void {
  const id = JSON.stringify(key);
  let cell = cells.get(id);
  if (!cell) cells.set(id, (cell = { key, totals: emptyTotals() }));
  for (const k of METRIC_MEASURES) {
    const v = measures[k];
    if (v) cell.totals[k] += sign * v;
  }
}

function count(
  cells: Map<string, { key: (string | number)[]; received: number }>,
  key: (string | number)[],
  n: number,
): void {
  const id = JSON.stringify(key);
  const cell = cells.get(id);
  if (cell) cell.received += n;
  else cells.set(id, { key, received: n });
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const factKey = (f: StoredFact) =>
  JSON.stringify([
    f.day,
    f.ownerUserId,
    f.unitPath,
    f.selfSubject,
    f.nextDay,
    Number(f.dueAt),
    METRIC_MEASURES.map((k) => Number(f.measures[k] ?? 0)),
  ]);

function sameFacts(a: readonly StoredFact[], b: readonly StoredFact[]): boolean {
  return a.length === b.length && a.every((f, i) => factKey(f) === factKey(b[i]!));
}
