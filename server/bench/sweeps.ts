/**
 * Benchmark, not a test: how long the scheduled sweeps (RequestSweeps.runOnce) take over
 * BENCH_REQUESTS (default 100,000) open requests on MariaDB, next to a bare mysql2 version of the
 * due-soon and overdue steps run in the same process on an identical second database.
 *
 *   pnpm --filter @mqlk/server bench:sweeps
 *   BENCH_REQUESTS=20000 pnpm --filter @mqlk/server bench:sweeps
 *
 * scripts/test-db.mjs provides TEST_DATABASE_URL (a real MariaDB); both benchmark databases are
 * made next to it (test/test-app.ts createTestDatabase) and dropped at the end, also on failure.
 *
 * The data, identical in both databases (fixed seed; ids given explicitly):
 *   one county, 10 townships (one staff account each, plus one county staff account),
 *   100 villages, 1,000 cadres (owner accounts, one card each), residents (one per 5 requests);
 *   N open requests (in_progress, accepted: accept clock stopped and met, one running resolve
 *   clock), with deadlines from the real working-day rules (village: 3 working days, 18:00), so
 *   that at NOW ~50% are overdue and not yet alerted (their due-soon warning given earlier),
 *   ~25% are in their warning window (warn_at <= NOW < due_at, not yet warned) and ~25% are not
 *   due yet; N/10 requests resolved more than 7 days before NOW (rating window passed); N/50 open
 *   requests (not due yet) with a 督办 reminder due (supervision_remind_at <= NOW).
 */
import 'reflect-metadata';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  acceptDueAt,
  addDays,
  addWorkingDays,
  CATEGORIES,
  type CategoryCode,
  childPath,
  type ClockKind,
  clockResult,
  createWorkCalendar,
  formatRequestNumber,
  generateCardCode,
  localDateOf,
  localTimeToInstant,
  NATIONAL_SCHEDULES,
  NOTICE_KIND_CHANNELS,
  type NoticeKind,
  noticeMatter,
  noticeText,
  RATING_WINDOW_DAYS,
  resolveDueAt,
  SUB_TOPIC_LABELS,
  type SubTopicCode,
  type SweepReport,
  warningAt,
} from '@mqlk/shared';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import mysql from 'mysql2/promise';
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';
import { createApp } from '../src/bootstrap';
import { benchConfig, connectMariadb, log, plus, positiveEnv, randomKit } from './bench-kit';
import { CLOCK, ControllableClock } from '../src/common/clock/clock';
import { hashPassword } from '../src/common/crypto/password';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import type { AppConfig } from '../src/config/config';
import { dataSourceOptions, openDataSource } from '../src/database/data-source';
import { ClockRepository } from '../src/modules/request/clock.repository';
import { RequestSweeps, SWEEP_BATCH } from '../src/modules/request/request-sweeps';
import { RequestRepository } from '../src/modules/request/request.repository';
import { createTestDatabase, type TestDatabase } from '../test/test-app';

/* ------------------------------------------------------------------ parameters */

const N = positiveEnv('BENCH_REQUESTS', 100_000);
/** Rows per multi-row INSERT while loading. */
const CHUNK = positiveEnv('BENCH_CHUNK', 2_000);
const TOWNSHIPS = 10;
const VILLAGES_PER_TOWNSHIP = 10;
const CADRES_PER_VILLAGE = 10;
/** The benchmark's "now": Wednesday 2026-12-09 20:00 in Asia/Shanghai. */
const NOW = new Date('2026-12-09T12:00:00.000Z');
const NOW_DATE = localDateOf(NOW);
const WINDOW_MS = RATING_WINDOW_DAYS * 24 * 3600 * 1000;
const calendar = createWorkCalendar(NATIONAL_SCHEDULES);

/* ------------------------------------------------------------------ small helpers */

const { random, pick, between } = randomKit(20261209);
const minutes = (n: number) => n * 60_000;
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => (ms / 1000).toFixed(2);
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssNowMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/* ------------------------------------------------------------------ statement counting */

/** Statements by shape (IN lists folded, SELECT lists cut): how many, and how long they took. */
class Profile {
  private readonly shapes = new Map<string, { count: number; ms: number }>();
  count = 0;
  ms = 0;

  add(sql: string, ms: number): void {
    this.count += 1;
    this.ms += ms;
    const shape = sql
      .replace(/\s+/g, ' ')
      .replace(/`/g, '')
      .replace(/^SELECT .*? FROM /, 'SELECT … FROM ')
      .replace(/\?(?:, ?\?)+/g, '?…')
      .replace(/\(\?…\)(?:, ?\(\?…\))+/g, '(?…)…')
      .trim()
      .slice(0, 118);
    const s = this.shapes.get(shape) ?? { count: 0, ms: 0 };
    s.count += 1;
    s.ms += ms;
    this.shapes.set(shape, s);
  }

  reset(): void {
    this.shapes.clear();
    this.count = 0;
    this.ms = 0;
  }

  top(n: number): { shape: string; count: number; ms: number }[] {
    return [...this.shapes.entries()]
      .map(([shape, s]) => ({ shape, ...s }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n);
  }
}

/** Counts every statement TypeORM sends on MySQL/MariaDB (this process only; nothing else changes). */
function profileTypeorm(profile: Profile): () => void {
  const proto = MysqlQueryRunner.prototype;
  const original = proto.query;
  proto.query = async function (
    this: MysqlQueryRunner,
    sql: string,
    parameters?: unknown[],
    structured?: boolean,
  ) {
    const t0 = performance.now();
    try {
      return await original.call(this, sql, parameters, structured);
    } finally {
      profile.add(sql, performance.now() - t0);
    }
  };
  return () => {
    proto.query = original;
  };
}

/* ------------------------------------------------------------------ databases */

type Sql = (sql: string, params?: unknown[]) => Promise<unknown>;

interface Db {
  name: string;
  conn: mysql.Connection;
  /** a statement on this connection, counted */
  q: Sql;
  profile: Profile;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A plain mysql2 connection in UTC (as the app's pool: `timezone: 'Z'` and a UTC session). */
async function connect(url: string, name: string): Promise<Db> {
  const conn = await connectMariadb(url);
  // The sweeps' isolation level (database/locking.ts claimTransaction), for every transaction here.
  await conn.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  const profile = new Profile();
  const q: Sql = async (sql, params) => {
    const t0 = performance.now();
    try {
      const [result] = await conn.query(sql, params);
      return result;
    } finally {
      profile.add(sql, performance.now() - t0);
    }
  };
  return {
    name,
    conn,
    q,
    profile,
    rows: async <T>(sql: string, params?: unknown[]) => (await q(sql, params)) as T[],
  };
}

async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.rows<{ n: number | string }>(sql, params);
  return Number(row?.n ?? 0);
}

async function insertRows(db: Db, table: string, columns: string, rows: unknown[][]) {
  if (rows.length > 0) await db.q(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows]);
}

/* ------------------------------------------------------------------ the data */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰'];
const GIVEN2 = ['', '华', '明', '平', '刚', '玲', '峰', '建国', '海燕', '红', '志强', '春梅'];
const TOWN_NAMES = ['城关', '东坪', '西岭', '南湖', '北山', '清溪', '石门', '桃源', '白沙', '金塘'];
const VILLAGE_WORDS = ['上', '下', '大', '小', '新', '老', '前', '后', '东', '西', '中', '高'];
const VILLAGE_ROOTS = ['坪', '湾', '岭', '溪', '田', '塘', '山', '桥', '庄', '坑', '源', '垄'];
const POSTS = ['网格员', '包村干部', '村党支部书记', '村委会主任', '驻村第一书记'];
const DUTY_DAYS = ['每周一', '每周二', '每周三', '每周一、周四', '每周二、周五'];
const CHANNELS = ['card_scan', 'card_scan', 'card_scan', 'visit', 'duty_day', 'phone'] as const;
const LIVELIHOOD_CATEGORIES = CATEGORIES.filter((c) => c.code !== 'conduct');
const DETAILS = [
  '已经反映过一次，希望尽快有人来看看。',
  '家里老人行动不便，麻烦干部上门了解一下情况。',
  '村里好几户都有同样的问题，影响日常生活。',
  '下雨天尤其严重，希望在汛期前解决。',
  '不清楚该找哪个部门办理，请帮忙问一下。',
  '',
];

const personName = () => `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN2)}`.slice(0, 3);
const phoneOf = (i: number) => `13${String(800_000_000 + i).padStart(9, '0')}`;

interface Cadre {
  id: number;
  userId: number;
  unitId: number;
  unitPath: string;
  cardId: number;
}

interface Resident {
  id: number;
  phoneEnc: string;
  phoneMasked: string;
}

interface World {
  orgUnits: unknown[][];
  users: unknown[][];
  cadreRows: unknown[][];
  cards: unknown[][];
  cadres: Cadre[];
  residents: Resident[];
  staffIds: number[];
}

const ORG_COLUMNS = 'id, parent_id, kind, name, path, hotlines, created_at';
const USER_COLUMNS =
  'id, role, display_name, username, password_hash, org_unit_id, wechat_openid, phone_hash, phone_enc, phone_masked, failed_logins, locked_until, created_at, updated_at';
const CADRE_COLUMNS =
  'id, user_id, org_unit_id, name, post, phone_enc, phone_masked, duties, duty_days, photo_url, successor_cadre_id, active, created_at';
const CARD_COLUMNS = 'id, code, cadre_id, status, issued_at, revoked_at';
const REQUEST_COLUMNS =
  'id, number, channel, category, sub_topic, text, contact_phone_enc, contact_phone_masked, location, requester_id, card_id, first_contact_cadre_id, subject_cadre_id, owner_user_id, owner_unit_id, owner_unit_path, level, status, round, accept_due_at, due_at, submitted_at, resolved_at, resolution_outcome, resolution_note, supervision_count, supervised_at, supervision_remind_at, flagged_to_county_at, version, created_at, updated_at';
const CLOCK_COLUMNS =
  'id, request_id, kind, round, owner_user_id, owner_unit_id, owner_unit_path, level, started_at, due_at, warn_at, warned_at, overdue_alerted_at, stopped_at, stop, stop_action, result';

async function buildWorld(config: AppConfig, residentCount: number): Promise<World> {
  const phones = new PhoneCipher(config);
  const passwordHash = await hashPassword('Bench@2026-pass');
  const setUpAt = new Date('2026-03-02T01:30:00.000Z');
  const orgUnits: unknown[][] = [];
  const users: unknown[][] = [];
  const cadreRows: unknown[][] = [];
  const cards: unknown[][] = [];
  const cadres: Cadre[] = [];
  const staffIds: number[] = [];

  const countyPath = childPath('/', 1);
  orgUnits.push([1, null, 'county', '青山县', countyPath, '[]', setUpAt]);
  let unitId = 1;
  let userId = 0;
  const villages: { id: number; path: string }[] = [];
  for (let t = 0; t < TOWNSHIPS; t++) {
    const townId = ++unitId;
    const townPath = childPath(countyPath, townId);
    const hotlines = JSON.stringify([
      { name: '便民服务中心', phone: `0571-880${String(t).padStart(5, '0')}` },
    ]);
    orgUnits.push([townId, 1, 'township', `${TOWN_NAMES[t % 10]}镇`, townPath, hotlines, setUpAt]);
    staffIds.push(++userId);
    users.push(staffRow(userId, townId, `staff_town${t + 1}`));
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      const id = ++unitId;
      const villagePath = childPath(townPath, id);
      const name = `${VILLAGE_WORDS[v % 12]}${VILLAGE_ROOTS[(t + v) % 12]}村`;
      orgUnits.push([id, townId, 'village', name, villagePath, '[]', setUpAt]);
      villages.push({ id, path: villagePath });
    }
  }
  users.push(staffRow(++userId, 1, 'staff_county'));

  function staffRow(id: number, unit: number, username: string): unknown[] {
    const name = personName();
    return [
      id,
      'staff',
      name,
      username,
      passwordHash,
      unit,
      null,
      null,
      null,
      null,
      0,
      null,
      setUpAt,
      setUpAt,
    ];
  }

  let cadreId = 0;
  for (const village of villages) {
    for (let k = 0; k < CADRES_PER_VILLAGE; k++) {
      const id = ++cadreId;
      const uid = ++userId;
      const name = personName();
      const phone = phones.protect(phoneOf(id));
      const openid = random() < 0.8 ? `oBench${String(uid).padStart(22, '0')}` : null;
      users.push([
        uid,
        'cadre',
        name,
        `cadre${String(id).padStart(4, '0')}`,
        passwordHash,
        village.id,
        openid,
        null,
        null,
        null,
        0,
        null,
        setUpAt,
        setUpAt,
      ]);
      cadreRows.push([
        id,
        uid,
        village.id,
        name,
        pick(POSTS),
        phone.enc,
        phone.masked,
        '走访联系群众，收集办理诉求',
        pick(DUTY_DAYS),
        null,
        null,
        1,
        setUpAt,
      ]);
      cards.push([id, generateCardCode(), id, 'active', setUpAt, null]);
      cadres.push({ id, userId: uid, unitId: village.id, unitPath: village.path, cardId: id });
    }
  }

  const residents: Resident[] = [];
  for (let i = 0; i < residentCount; i++) {
    const uid = ++userId;
    const phone = phones.protect(phoneOf(100_000 + i));
    const at = plus(setUpAt, minutes(i));
    const openid = random() < 0.7 ? `oBench${String(uid).padStart(22, '0')}` : null;
    users.push([
      uid,
      'resident',
      `群众${phone.masked.slice(-4)}`,
      null,
      null,
      null,
      openid,
      phone.hash,
      phone.enc,
      phone.masked,
      0,
      null,
      at,
      at,
    ]);
    residents.push({ id: uid, phoneEnc: phone.enc, phoneMasked: phone.masked });
  }
  return { orgUnits, users, cadreRows, cards, cadres, residents, staffIds };
}

type Group = 'overdue' | 'dueSoon' | 'notDue' | 'supervised' | 'resolved';

interface Spec {
  group: Group;
  submittedAt: Date;
}

/** Local dates whose requests (village level, 3 working days) fall in each group at NOW. */
function submissionDays(): Record<'overdue' | 'dueSoon' | 'notDue', string[]> {
  const out = { overdue: [] as string[], dueSoon: [] as string[], notDue: [] as string[] };
  for (let d = -45; d <= 0; d++) {
    const day = addDays(NOW_DATE, d);
    out[groupAt(localTimeToInstant(day, '10:00'))].push(day);
  }
  return out;
}

function groupAt(submittedAt: Date): 'overdue' | 'dueSoon' | 'notDue' {
  const due = resolveDueAt(calendar, submittedAt, 'village');
  if (due.getTime() < NOW.getTime()) return 'overdue';
  return warningAt(calendar, due).getTime() <= NOW.getTime() ? 'dueSoon' : 'notDue';
}

/** Every request to write, in submission order (ids and numbers follow it, as in production). */
function requestSpecs(): Spec[] {
  const days = submissionDays();
  // Submitted between 07:30 and 19:30 local (督办 cases by 13:30, so the 督办 falls the same day).
  const atOn = (day: string, span = 720) =>
    plus(localTimeToInstant(day, '07:30'), minutes(between(0, span)));
  const specs: Spec[] = [];
  const overdue = Math.round(N / 2);
  const dueSoon = Math.round(N / 4);
  const add = (group: Group, n: number, day: () => string, span?: number) => {
    for (let i = 0; i < n; i++) specs.push({ group, submittedAt: atOn(day(), span) });
  };
  add('overdue', overdue, () => pick(days.overdue.slice(-30)));
  add('dueSoon', dueSoon, () => pick(days.dueSoon));
  add('notDue', N - overdue - dueSoon, () => pick(days.notDue));
  // 督办 the day before NOW: the reminder falls due at 18:00 of the next working day (today).
  const supervisable = days.notDue.filter((d) => d < NOW_DATE);
  if (supervisable.length === 0) throw new Error('no submission day for supervised requests');
  add('supervised', Math.round(N / 50), () => pick(supervisable), 360);
  add('resolved', Math.round(N / 10), () => addDays(NOW_DATE, -between(20, 50)));
  for (const s of specs) {
    const expected = s.group === 'supervised' ? 'notDue' : s.group;
    if (s.group !== 'resolved' && groupAt(s.submittedAt) !== expected) {
      throw new Error(`bad spec: ${s.group} submitted ${s.submittedAt.toISOString()}`);
    }
  }
  return specs.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/** The request row and its two clock rows (accept: stopped and met; resolve). */
function requestRows(
  id: number,
  number: string,
  spec: Spec,
  world: World,
): { request: unknown[]; clocks: unknown[][] } {
  const cadre = pick(world.cadres);
  const resident = pick(world.residents);
  const channel = pick(CHANNELS);
  const category = pick(LIVELIHOOD_CATEGORIES);
  const subTopic: SubTopicCode | null = random() < 0.9 ? pick(category.subTopics) : null;
  const matter = subTopic ? SUB_TOPIC_LABELS[subTopic] : category.label;
  const text = `关于${matter}方面的问题：${pick(DETAILS)}联系人住在${pick(VILLAGE_WORDS)}组${between(1, 40)}号。`;
  const phone = channel === 'visit' || random() < 0.6;
  const s = spec.submittedAt;
  const acceptDue = acceptDueAt(calendar, s);
  const due = resolveDueAt(calendar, s, 'village');
  // Accepted within hours, before NOW and before the accept clock ran out.
  const acceptedAt = new Date(
    Math.min(
      s.getTime() + minutes(between(10, 300)),
      (s.getTime() + NOW.getTime()) / 2,
      acceptDue.getTime(),
    ),
  );
  const acceptWarn = warningAt(calendar, acceptDue);
  const acceptWarnAt = acceptWarn.getTime() > s.getTime() ? acceptWarn : null;
  const warnAt = warningAt(calendar, due);
  const sweptAt = (at: Date) => plus(at, 45_000);

  let status = 'in_progress';
  let version = 2;
  let updatedAt = acceptedAt;
  let resolvedAt: Date | null = null;
  let supervisedAt: Date | null = null;
  let remindAt: Date | null = null;
  let resolveClock: {
    warnedAt: Date | null;
    alertedAt: Date | null;
    stoppedAt: Date | null;
    result: string | null;
  } = { warnedAt: null, alertedAt: null, stoppedAt: null, result: null };

  if (spec.group === 'overdue') {
    resolveClock = { ...resolveClock, warnedAt: sweptAt(warnAt) };
  } else if (spec.group === 'supervised') {
    supervisedAt = plus(later(acceptedAt, s), minutes(between(20, 90)));
    remindAt = addWorkingDays(calendar, supervisedAt, 1);
    if (remindAt.getTime() > NOW.getTime()) throw new Error('supervision reminder not due');
    updatedAt = supervisedAt;
  } else if (spec.group === 'resolved') {
    resolvedAt = plus(acceptedAt, minutes(between(120, 4 * 24 * 60)));
    if (resolvedAt.getTime() + WINDOW_MS >= NOW.getTime()) throw new Error('rating window open');
    status = 'resolved';
    version = 3;
    updatedAt = resolvedAt;
    resolveClock = {
      warnedAt: warnAt.getTime() < resolvedAt.getTime() ? sweptAt(warnAt) : null,
      alertedAt: due.getTime() < resolvedAt.getTime() ? sweptAt(due) : null,
      stoppedAt: resolvedAt,
      result: clockResult(due, resolvedAt, 'goal'),
    };
  }

  const request = [
    id,
    number,
    channel,
    category.code,
    subTopic,
    text,
    phone ? resident.phoneEnc : null,
    phone ? resident.phoneMasked : null,
    null,
    resident.id,
    channel === 'card_scan' ? cadre.cardId : null,
    cadre.id,
    null,
    cadre.userId,
    cadre.unitId,
    cadre.unitPath,
    'village',
    status,
    1,
    acceptDue,
    due,
    s,
    resolvedAt,
    resolvedAt ? pick(['solved', 'solved', 'solved', 'explained']) : null,
    resolvedAt ? '已上门核实并协调相关站所处理，群众表示认可。' : null,
    supervisedAt ? 1 : 0,
    supervisedAt,
    remindAt,
    null,
    version,
    s,
    updatedAt,
  ];
  const owner = [cadre.userId, cadre.unitId, cadre.unitPath, 'village'];
  const clocks = [
    [
      2 * id - 1,
      id,
      'accept',
      1,
      ...owner,
      s,
      acceptDue,
      acceptWarnAt,
      acceptWarnAt && acceptWarnAt.getTime() < acceptedAt.getTime() ? sweptAt(acceptWarnAt) : null,
      null,
      acceptedAt,
      'goal',
      'accept',
      clockResult(acceptDue, acceptedAt, 'goal'),
    ],
    [
      2 * id,
      id,
      'resolve',
      1,
      ...owner,
      s,
      due,
      warnAt,
      resolveClock.warnedAt,
      resolveClock.alertedAt,
      resolveClock.stoppedAt,
      resolveClock.stoppedAt ? 'goal' : null,
      resolveClock.stoppedAt ? 'resolve' : null,
      resolveClock.result,
    ],
  ];
  return { request, clocks };
}

/** Loads the same rows into every database: multi-row INSERTs, one transaction per chunk. */
async function load(dbs: Db[], world: World, specs: Spec[]): Promise<void> {
  const each = async (fn: (db: Db) => Promise<void>) => {
    await Promise.all(dbs.map(fn));
  };
  const inTransaction = async (db: Db, fn: () => Promise<void>) => {
    await db.q('BEGIN');
    await fn();
    await db.q('COMMIT');
  };
  const chunked = async (db: Db, table: string, columns: string, rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await insertRows(db, table, columns, rows.slice(i, i + CHUNK));
    }
  };
  await each((db) =>
    inTransaction(db, async () => {
      await chunked(db, 'org_unit', ORG_COLUMNS, world.orgUnits);
      await chunked(db, 'user_account', USER_COLUMNS, world.users);
      await chunked(db, 'cadre', CADRE_COLUMNS, world.cadreRows);
      await chunked(db, 'card', CARD_COLUMNS, world.cards);
    }),
  );

  const perDay = new Map<string, number>();
  for (let start = 0; start < specs.length; start += CHUNK) {
    const requests: unknown[][] = [];
    const clocks: unknown[][] = [];
    specs.slice(start, start + CHUNK).forEach((spec, k) => {
      const id = start + k + 1;
      const day = localDateOf(spec.submittedAt);
      const seq = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, seq);
      const rows = requestRows(id, formatRequestNumber(day, seq), spec, world);
      requests.push(rows.request);
      clocks.push(...rows.clocks);
    });
    await each((db) =>
      inTransaction(db, async () => {
        await insertRows(db, 'request', REQUEST_COLUMNS, requests);
        await chunked(db, 'request_clock', CLOCK_COLUMNS, clocks);
      }),
    );
  }
  const days = [...perDay.keys()].sort();
  await each(async (db) => {
    await insertRows(
      db,
      'day_sequence',
      'day, last_value',
      days.map((d) => [d.replace(/-/g, ''), perDay.get(d)]),
    );
    await db.q('ANALYZE TABLE request, request_clock, user_account, notice, notice_delivery');
  });
}

interface DataCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  notDue: number;
  ratingPassed: number;
  supervision: number;
  clocks: number;
}

async function dataCounts(db: Db): Promise<DataCounts> {
  const running = 'FROM request_clock WHERE stopped_at IS NULL';
  return {
    open: await count(db, "SELECT COUNT(*) AS n FROM request WHERE status = 'in_progress'"),
    overdue: await count(
      db,
      `SELECT COUNT(*) AS n ${running} AND overdue_alerted_at IS NULL AND due_at < ?`,
      [NOW],
    ),
    dueSoon: await count(
      db,
      `SELECT COUNT(*) AS n ${running} AND warned_at IS NULL AND warn_at <= ? AND due_at >= ?`,
      [NOW, NOW],
    ),
    notDue: await count(db, `SELECT COUNT(*) AS n ${running} AND warn_at > ?`, [NOW]),
    ratingPassed: await count(
      db,
      "SELECT COUNT(*) AS n FROM request WHERE status = 'resolved' AND resolved_at < ?",
      [new Date(NOW.getTime() - WINDOW_MS)],
    ),
    supervision: await count(
      db,
      'SELECT COUNT(*) AS n FROM request WHERE supervision_remind_at <= ?',
      [NOW],
    ),
    clocks: await count(db, 'SELECT COUNT(*) AS n FROM request_clock'),
  };
}

/* ------------------------------------------------------------------ the project's sweeps */

type StepName = 'ratings' | 'dueSoon' | 'overdue' | 'supervision';
const STEPS: StepName[] = ['ratings', 'dueSoon', 'overdue', 'supervision'];

interface Pass {
  report: SweepReport;
  ms: number;
  /** wall time of each step: from its first claim to the next step's first claim */
  steps: Record<StepName, number>;
  statements: number;
}

/**
 * Marks when each step of runOnce makes its first claim (the steps run one after the other), by
 * wrapping the claim methods of the app's own repository instances.
 */
function instrumentSteps(app: NestFastifyApplication): Map<StepName, number> {
  const marks = new Map<StepName, number>();
  const mark = (step: StepName) => {
    if (!marks.has(step)) marks.set(step, performance.now());
  };
  const clocks = app.get(ClockRepository);
  const requests = app.get(RequestRepository);
  const warnings = clocks.claimWarnings.bind(clocks);
  const overdue = clocks.claimOverdue.bind(clocks);
  const unrated = requests.claimUnratedBefore.bind(requests);
  const reminders = requests.claimSupervisionReminders.bind(requests);
  clocks.claimWarnings = (...args) => (mark('dueSoon'), warnings(...args));
  clocks.claimOverdue = (...args) => (mark('overdue'), overdue(...args));
  requests.claimUnratedBefore = (...args) => (mark('ratings'), unrated(...args));
  requests.claimSupervisionReminders = (...args) => (mark('supervision'), reminders(...args));
  return marks;
}

async function timePass(
  sweeps: RequestSweeps,
  marks: Map<StepName, number>,
  profile: Profile,
): Promise<Pass> {
  marks.clear();
  profile.reset();
  const t0 = performance.now();
  const report = await sweeps.runOnce();
  const end = performance.now();
  const at = (i: number) => (i < STEPS.length ? (marks.get(STEPS[i]!) ?? end) : end);
  const steps = {} as Record<StepName, number>;
  STEPS.forEach((step, i) => (steps[step] = at(i + 1) - at(i)));
  return { report, ms: end - t0, steps, statements: profile.count };
}

/* ------------------------------------------------------------------ the bare baseline */

interface ClaimedClock {
  id: number;
  request_id: number;
  kind: ClockKind;
  owner_user_id: number;
  owner_unit_path: string;
  due_at: Date;
}

interface RequestFacts {
  id: number;
  number: string;
  category: CategoryCode;
  sub_topic: SubTopicCode | null;
}

const NOTICE_COLUMNS =
  'recipient_user_id, kind, request_id, unit_path, title, body, detail, dedupe_key, read_at, created_at';
const DELIVERY_COLUMNS =
  'notice_id, channel, status, attempts, next_attempt_at, last_attempt_at, last_error, delivered_at, created_at';

/**
 * One claiming transaction of the bare version: claim up to 200 clocks, read what the notices
 * say, write every notice in one INSERT and their deliveries in another, mark the clocks. The
 * notices are the project's to the byte (same recipients, words, detail and dedupe keys).
 */
async function bareBatch(db: Db, step: 'due_soon' | 'overdue', now: Date): Promise<number> {
  const condition =
    step === 'due_soon'
      ? 'warned_at IS NULL AND warn_at <= ? ORDER BY warn_at, id'
      : 'overdue_alerted_at IS NULL AND due_at < ? ORDER BY due_at, id';
  await db.q('BEGIN');
  try {
    const clocks = await db.rows<ClaimedClock>(
      `SELECT id, request_id, kind, owner_user_id, owner_unit_path, due_at FROM request_clock
       WHERE stopped_at IS NULL AND ${condition} LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (clocks.length === 0) {
      await db.q('COMMIT');
      return 0;
    }
    const due =
      step === 'due_soon' ? clocks.filter((c) => c.due_at.getTime() >= now.getTime()) : clocks;
    const notices: unknown[][] = [];
    if (due.length > 0) {
      const requests = new Map(
        (
          await db.rows<RequestFacts>(
            'SELECT id, number, category, sub_topic FROM request WHERE id IN (?)',
            [due.map((c) => c.request_id)],
          )
        ).map((r) => [r.id, r]),
      );
      const names = new Map<number, string>();
      const staff = new Map<number, number[]>();
      if (step === 'overdue') {
        const townships = [...new Set(due.map((c) => townshipOf(c.owner_unit_path)))];
        const users = await db.rows<{
          id: number;
          display_name: string;
          role: string;
          org_unit_id: number | null;
        }>(
          `SELECT id, display_name, role, org_unit_id FROM user_account
           WHERE id IN (?) OR (role = 'staff' AND org_unit_id IN (?)) ORDER BY id`,
          [[...new Set(due.map((c) => c.owner_user_id))], townships],
        );
        for (const u of users) {
          names.set(u.id, u.display_name);
          if (u.role === 'staff' && u.org_unit_id !== null) {
            staff.set(u.org_unit_id, [...(staff.get(u.org_unit_id) ?? []), u.id]);
          }
        }
      }
      for (const c of due) {
        const r = requests.get(c.request_id)!;
        const facts = {
          category: r.category,
          subTopic: r.sub_topic,
          number: r.number,
          dueAt: c.due_at,
          clock: c.kind,
        };
        const detail = JSON.stringify({
          matter: noticeMatter(r.category, r.sub_topic),
          number: r.number,
          time: c.due_at.toISOString(),
        });
        const notice = (kind: NoticeKind, to: number, ownerName?: string) => {
          const text = noticeText(kind, ownerName === undefined ? facts : { ...facts, ownerName });
          notices.push([
            to,
            kind,
            r.id,
            c.owner_unit_path,
            text.title,
            text.body,
            detail,
            `c${c.id}:${kind}:${to}`,
            null,
            now,
          ]);
        };
        if (step === 'due_soon') {
          notice('due_soon', c.owner_user_id);
        } else {
          const ownerName = names.get(c.owner_user_id) ?? '';
          notice('overdue', c.owner_user_id, ownerName);
          for (const to of staff.get(townshipOf(c.owner_unit_path)) ?? []) {
            if (to !== c.owner_user_id) notice('overdue_staff', to, ownerName);
          }
        }
      }
    }
    if (notices.length > 0) {
      const written = await db.rows<{ id: number; kind: NoticeKind }>(
        `INSERT IGNORE INTO notice (${NOTICE_COLUMNS}) VALUES ? RETURNING id, kind`,
        [notices],
      );
      const deliveries = written.flatMap((n) =>
        NOTICE_KIND_CHANNELS[n.kind].map((channel) => [
          n.id,
          channel,
          'pending',
          0,
          now,
          null,
          null,
          null,
          now,
        ]),
      );
      if (deliveries.length > 0) {
        await db.q(`INSERT IGNORE INTO notice_delivery (${DELIVERY_COLUMNS}) VALUES ?`, [
          deliveries,
        ]);
      }
    }
    const column = step === 'due_soon' ? 'warned_at' : 'overdue_alerted_at';
    await db.q(`UPDATE request_clock SET ${column} = ? WHERE id IN (?)`, [
      now,
      clocks.map((c) => c.id),
    ]);
    await db.q('COMMIT');
    return clocks.length;
  } catch (err) {
    await db.q('ROLLBACK');
    throw err;
  }
}

function townshipOf(unitPath: string): number {
  const ids = unitPath.split('/').filter(Boolean).map(Number);
  return ids[1] ?? ids[0]!;
}

async function bareStep(db: Db, step: 'due_soon' | 'overdue', now: Date) {
  const t0 = performance.now();
  let claimed = 0;
  for (;;) {
    const n = await bareBatch(db, step, now);
    claimed += n;
    if (n < SWEEP_BATCH) break;
  }
  return { claimed, ms: performance.now() - t0 };
}

async function barePass(db: Db, now: Date) {
  db.profile.reset();
  const warnings = await bareStep(db, 'due_soon', now);
  const overdue = await bareStep(db, 'overdue', now);
  return { warnings, overdue, statements: db.profile.count };
}

/* ------------------------------------------------------------------ comparing the outcome */

interface Written {
  notices: number;
  deliveries: number;
  byKind: Record<string, number>;
  /** a checksum over the deadline notices' content, to show both sides wrote the same */
  checksum: string;
}

async function written(db: Db): Promise<Written> {
  const byKind: Record<string, number> = {};
  for (const r of await db.rows<{ kind: string; n: number }>(
    'SELECT kind, COUNT(*) AS n FROM notice GROUP BY kind ORDER BY kind',
  )) {
    byKind[r.kind] = Number(r.n);
  }
  const [sum] = await db.rows<{ s: string | null; d: number }>(
    `SELECT SUM(CRC32(CONCAT_WS('|', n.recipient_user_id, n.kind, n.request_id, n.unit_path, n.title,
            n.body, n.detail, n.dedupe_key))) AS s,
            (SELECT COUNT(*) FROM notice_delivery d JOIN notice m ON m.id = d.notice_id
              WHERE m.kind IN ('due_soon', 'overdue', 'overdue_staff')) AS d
       FROM notice n WHERE n.kind IN ('due_soon', 'overdue', 'overdue_staff')`,
  );
  return {
    notices: await count(db, 'SELECT COUNT(*) AS n FROM notice'),
    deliveries: await count(db, 'SELECT COUNT(*) AS n FROM notice_delivery'),
    byKind,
    checksum: `${sum?.s ?? 0}/${sum?.d ?? 0}`,
  };
}

/** How MariaDB runs the sweeps' claims (rows examined, index). */
async function explainClaims(db: Db): Promise<string[]> {
  const claims: [string, string, Date][] = [
    [
      'ratings',
      "FROM request WHERE status = 'resolved' AND resolved_at < ? ORDER BY resolved_at, id",
      new Date(NOW.getTime() - WINDOW_MS),
    ],
    [
      'dueSoon',
      'FROM request_clock WHERE stopped_at IS NULL AND warned_at IS NULL AND warn_at <= ? ORDER BY warn_at, id',
      NOW,
    ],
    [
      'overdue',
      'FROM request_clock WHERE stopped_at IS NULL AND overdue_alerted_at IS NULL AND due_at < ? ORDER BY due_at, id',
      NOW,
    ],
    [
      'supervision',
      'FROM request WHERE supervision_remind_at <= ? ORDER BY supervision_remind_at, id',
      NOW,
    ],
  ];
  const out: string[] = [];
  for (const [name, tail, at] of claims) {
    const [plan] = await db.rows<Record<string, unknown>>(
      `EXPLAIN SELECT id ${tail} LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED`,
      [at],
    );
    out.push(
      `${name.padEnd(12)} type=${String(plan?.type)} key=${String(plan?.key)} rows=${String(plan?.rows)} extra=${String(plan?.Extra ?? '')}`,
    );
  }
  return out;
}

/* ------------------------------------------------------------------ main */

async function main(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm --filter @mqlk/server bench:sweeps`');
  }
  const dbs: TestDatabase[] = [];
  const conns: Db[] = [];
  let app: NestFastifyApplication | null = null;
  let restoreTypeorm = () => {};
  try {
    dbs.push(await createTestDatabase('mariadb'));
    dbs.push(await createTestDatabase('mariadb'));
    const [project, bare] = dbs as [TestDatabase, TestDatabase];
    const projectConfig = benchConfig(project.url, { DEV_CLOCK: 'true' });
    const bareConfig = benchConfig(bare.url, { DEV_CLOCK: 'true' });

    let t0 = performance.now();
    await Promise.all(
      [projectConfig, bareConfig].map(async (config) => {
        const ds = await openDataSource(dataSourceOptions(config.database));
        await ds.destroy();
      }),
    );
    conns.push(await connect(project.url, 'project'), await connect(bare.url, 'baseline'));
    const [db1, db2] = conns as [Db, Db];
    const [[server]] = (await db1.conn.query(
      'SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp, @@innodb_flush_log_at_trx_commit AS flush, @@innodb_autoinc_lock_mode AS ai',
    )) as unknown as [{ v: string; bp: number; flush: number; ai: number }[]];
    log(
      `sweeps benchmark: N=${fmt(N)} open requests, now=${NOW.toISOString()} (${NOW_DATE} 20:00 +08)`,
    );
    log(
      `MariaDB ${server?.v}, buffer pool ${Math.round(Number(server?.bp) / 2 ** 20)} MiB, ` +
        `flush_log_at_trx_commit=${server?.flush}; Node ${process.version}, ${os.cpus().length} CPUs; ` +
        `batch ${SWEEP_BATCH}`,
    );
    log(`migrated 2 databases in ${secs(performance.now() - t0)} s`);

    t0 = performance.now();
    const specs = requestSpecs();
    const world = await buildWorld(projectConfig, Math.max(1000, Math.round(specs.length / 5)));
    await load([db1, db2], world, specs);
    log(
      `loaded 2 x (${fmt(world.orgUnits.length)} org units, ${fmt(world.users.length)} accounts, ` +
        `${fmt(world.cadres.length)} cadres, ${fmt(specs.length)} requests) in ${secs(performance.now() - t0)} s`,
    );
    const [c1, c2] = [await dataCounts(db1), await dataCounts(db2)];
    if (JSON.stringify(c1) !== JSON.stringify(c2)) {
      throw new Error(`the databases differ: ${JSON.stringify(c1)} vs ${JSON.stringify(c2)}`);
    }
    log(
      `data at now (both): ${fmt(c1.open)} in_progress, ${fmt(c1.clocks)} clocks; running clocks: ` +
        `${fmt(c1.overdue)} overdue not alerted, ${fmt(c1.dueSoon)} in warning window, ` +
        `${fmt(c1.notDue)} not due; ${fmt(c1.ratingPassed)} resolved with rating window passed; ` +
        `${fmt(c1.supervision)} 督办 reminders due`,
    );
    // The times went in as UTC: the stored wall-clock text is the Date's ISO form.
    const [stored] = await db1.rows<{ at: string }>(
      "SELECT DATE_FORMAT(submitted_at, '%Y-%m-%dT%H:%i:%s.%fZ') AS at FROM request WHERE id = 1",
    );
    const expectedAt = specs[0]!.submittedAt.toISOString().replace('Z', '000Z');
    if (stored?.at !== expectedAt) throw new Error(`not UTC: ${stored?.at} vs ${expectedAt}`);
    log(`peak RSS after loading: ${rssMb()} MB (now ${rssNowMb()} MB)`);
    log();
    log('claim plans before the first pass (EXPLAIN, project DB):');
    for (const line of await explainClaims(db1)) log(`  ${line}`);

    // ---- project
    const typeorm = new Profile();
    restoreTypeorm = profileTypeorm(typeorm);
    t0 = performance.now();
    app = await createApp(projectConfig);
    const clock = app.get<ControllableClock>(CLOCK);
    if (!(clock instanceof ControllableClock)) throw new Error('DEV_CLOCK is not on');
    log(`\nproject app booted in ${secs(performance.now() - t0)} s`);
    const marks = instrumentSteps(app);
    const sweeps = app.get(RequestSweeps);
    clock.set(NOW);
    const first = await timePass(sweeps, marks, typeorm);
    const firstTop = typeorm.top(8);
    const projectWritten = await written(db1);
    const second = await timePass(sweeps, marks, typeorm);
    const r = first.report;
    const done = r.ratingsClosed + r.dueSoonWarned + r.overdueAlerted + r.supervisionReminded;
    log(`project first pass: ${secs(first.ms)} s, report ${JSON.stringify(r)}`);
    log(
      `  ${fmt(Math.round(done / (first.ms / 1000)))} rows/s (${fmt(done)} rows done), ` +
        `${fmt(projectWritten.notices)} notices and ${fmt(projectWritten.deliveries)} notice_delivery rows written ` +
        `(${fmt(Math.round(projectWritten.notices / (first.ms / 1000)))} notices/s), ${fmt(first.statements)} SQL statements`,
    );
    log(
      `  steps: ${STEPS.map((s) => `${s} ${secs(first.steps[s])} s`).join(', ')}; notices by kind ${JSON.stringify(projectWritten.byKind)}`,
    );
    log('  where the time went (TypeORM statements by shape, top 8 by total time):');
    for (const t of firstTop) {
      log(
        `    ${fmt(t.count).padStart(8)} x ${(t.ms / t.count).toFixed(3).padStart(7)} ms = ${secs(t.ms).padStart(7)} s  ${t.shape}`,
      );
    }
    log(
      `project second pass (nothing to do): ${second.ms.toFixed(1)} ms, ${second.statements} statements, ` +
        `report ${JSON.stringify(second.report)}`,
    );
    log(`peak RSS after the project's passes: ${rssMb()} MB (now ${rssNowMb()} MB)`);
    log('claim plans after the passes (EXPLAIN, project DB):');
    for (const line of await explainClaims(db1)) log(`  ${line}`);
    await app.close();
    app = null;
    restoreTypeorm();

    // ---- baseline
    const bare1 = await barePass(db2, NOW);
    const bareWritten = await written(db2);
    const bareTop = db2.profile.top(6);
    const bare2 = await barePass(db2, NOW);
    const bareMs = bare1.warnings.ms + bare1.overdue.ms;
    log(
      `\nbaseline first pass: due-soon ${fmt(bare1.warnings.claimed)} claimed in ${secs(bare1.warnings.ms)} s, ` +
        `overdue ${fmt(bare1.overdue.claimed)} claimed in ${secs(bare1.overdue.ms)} s; ` +
        `${fmt(bareWritten.notices)} notices, ${fmt(bareWritten.deliveries)} deliveries, ${fmt(bare1.statements)} statements`,
    );
    for (const t of bareTop) {
      log(
        `    ${fmt(t.count).padStart(8)} x ${(t.ms / t.count).toFixed(3).padStart(7)} ms = ${secs(t.ms).padStart(7)} s  ${t.shape}`,
      );
    }
    log(
      `baseline second pass (nothing to do): ${(bare2.warnings.ms + bare2.overdue.ms).toFixed(1)} ms, ${bare2.statements} statements`,
    );
    const same = projectWritten.checksum === bareWritten.checksum;
    log(
      `deadline notices identical in both DBs (CRC32 sum of rows / delivery count): ${same ? 'yes' : 'NO'} ` +
        `(project ${projectWritten.checksum}, baseline ${bareWritten.checksum})`,
    );

    // ---- table
    const projectDeadlineMs = first.steps.dueSoon + first.steps.overdue;
    const secondDeadlineMs = second.steps.dueSoon + second.steps.overdue;
    const bareSecondMs = bare2.warnings.ms + bare2.overdue.ms;
    const deadlineNotices = (w: Written) =>
      (w.byKind.due_soon ?? 0) + (w.byKind.overdue ?? 0) + (w.byKind.overdue_staff ?? 0);
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '-');
    const rows: [string, string, string, string][] = [
      ['', 'project', 'baseline', 'project/baseline'],
      ['due-soon clocks warned', fmt(r.dueSoonWarned), fmt(bare1.warnings.claimed), ''],
      [
        '  time (s)',
        secs(first.steps.dueSoon),
        secs(bare1.warnings.ms),
        ratio(first.steps.dueSoon, bare1.warnings.ms),
      ],
      ['overdue clocks alerted', fmt(r.overdueAlerted), fmt(bare1.overdue.claimed), ''],
      [
        '  time (s)',
        secs(first.steps.overdue),
        secs(bare1.overdue.ms),
        ratio(first.steps.overdue, bare1.overdue.ms),
      ],
      [
        'due-soon + overdue (s)',
        secs(projectDeadlineMs),
        secs(bareMs),
        ratio(projectDeadlineMs, bareMs),
      ],
      [
        '  deadline notices',
        fmt(deadlineNotices(projectWritten)),
        fmt(deadlineNotices(bareWritten)),
        '',
      ],
      [
        '  clocks/s',
        fmt(Math.round((r.dueSoonWarned + r.overdueAlerted) / (projectDeadlineMs / 1000))),
        fmt(Math.round((bare1.warnings.claimed + bare1.overdue.claimed) / (bareMs / 1000))),
        '',
      ],
      [
        'rating windows closed',
        `${fmt(r.ratingsClosed)} / ${secs(first.steps.ratings)} s`,
        '-',
        '',
      ],
      [
        '督办 reminders',
        `${fmt(r.supervisionReminded)} / ${secs(first.steps.supervision)} s`,
        '-',
        '',
      ],
      ['first pass, all steps (s)', secs(first.ms), '-', ''],
      [
        'SQL statements, 1st pass',
        fmt(first.statements),
        fmt(bare1.statements),
        ratio(first.statements, bare1.statements),
      ],
      [
        'notices / deliveries',
        `${fmt(projectWritten.notices)} / ${fmt(projectWritten.deliveries)}`,
        `${fmt(bareWritten.notices)} / ${fmt(bareWritten.deliveries)}`,
        '',
      ],
      [
        '2nd pass, due+overdue (ms)',
        secondDeadlineMs.toFixed(1),
        bareSecondMs.toFixed(1),
        ratio(secondDeadlineMs, bareSecondMs),
      ],
      ['2nd pass, all steps (ms)', second.ms.toFixed(1), '-', ''],
      ['peak RSS, process (MB)', String(rssMb()), '(same process)', ''],
    ];
    log('\n' + '='.repeat(94));
    log(
      `sweeps over ${fmt(N)} open requests on MariaDB — project: RequestSweeps.runOnce in the Nest app;`,
    );
    log('baseline: hand-written mysql2 due-soon + overdue steps, same data, same notices written');
    log('-'.repeat(94));
    for (const [a, b, c, d] of rows) {
      log(`${a.padEnd(28)}${b.padStart(22)}${c.padStart(22)}${d.padStart(20)}`);
    }
    log('='.repeat(94));
    log(
      'ratio row "due-soon + overdue" compares the same work: the project\'s two deadline steps ' +
        "(timed from their first claims inside runOnce) against the baseline's two loops.",
    );
    if (!same) throw new Error('the project and the baseline wrote different deadline notices');
  } finally {
    restoreTypeorm();
    if (app) await app.close().catch(() => {});
    for (const c of conns) await c.conn.end().catch(() => {});
    for (const db of dbs) {
      await db.drop().catch((err: Error) => log(`could not drop a bench database: ${err.message}`));
    }
    if (dbs.length > 0) log(`dropped ${dbs.length} bench database(s)`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
