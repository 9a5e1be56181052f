/**
 * The data of the figures benchmark (bench/figures.ts): one county of 10 townships with 20
 * villages each, 2 cadres per village (one card each), 2 staff accounts per township and 2 at the
 * county, one resident per 5 requests; and N requests submitted over the two years up to `now`,
 * each with the rows the server itself writes for its history (request, request_clock,
 * request_event, rating, day_sequence), loaded with multi-row INSERTs. Notices, audit rows and
 * the outbox are left out: the figures never read them.
 *
 * The histories follow the moves' own code (request-intake.service.ts, request-moves.service.ts,
 * request-clocks.ts, rating.repository.ts), checked against a request walked through the real
 * API: the same statuses, versions, clock stops and results, event payloads and rating
 * attribution. Each move happens only if it comes before `now`, so recent requests stand open,
 * with running clocks, as they would. The mix (fixed seed): 60% through a card, 35% filed by a
 * cadre (代填), 5% solved on the spot (当场解决, confirmed by the resident); 1% of card requests are
 * conduct complaints (to the township's staff); 2% withdrawn, 1.5% transferred to another cadre
 * before acceptance; 8% escalated to the township after acceptance, a tenth of those on to the
 * county; 6% accepted late, 10% resolved late; 72% of resolutions rated within the 7-day window
 * (the rest closed by the sweep), levels 5/4/3/2/1 at 50/26/12/7/5%; bad reviews verified, 55%
 * founded (a rectification round with its own clock, resolved again and maybe rated again), the
 * rest excluded as unfounded.
 */
import {
  type ActorRole,
  addDays,
  addWorkingDays,
  CATEGORIES,
  type CategoryCode,
  childPath,
  clockResult,
  type ClockKind,
  type ClockStop,
  createWorkCalendar,
  DEFAULT_DEADLINE_POLICY,
  formatRequestNumber,
  generateCardCode,
  type HandlingLevel,
  isWorkingDay,
  localDateOf,
  localTimeToInstant,
  NATIONAL_SCHEDULES,
  nextHandlingLevel,
  type RequestStatus,
  type ResolutionOutcome,
  type SolvedAnswer,
  SUB_TOPIC_LABELS,
  tagsForLevel,
  UNFOUNDED_REASON_LABELS,
  type UnfoundedReason,
  warningAt,
} from '@mqlk/shared';
import type mysql from 'mysql2/promise';
import { plus, randomKit } from './bench-kit';
import { hashPassword } from '../src/common/crypto/password';
import { PhoneCipher } from '../src/common/crypto/phone-cipher';
import type { AppConfig } from '../src/config/config';

export const TOWNSHIPS = 10;
export const VILLAGES_PER_TOWNSHIP = 20;
export const CADRES_PER_VILLAGE = 2;
const STAFF_PER_UNIT = 2;
/** Submissions spread over this many local days up to today. */
export const DAYS = 730;
export const BENCH_PASSWORD = 'Bench@2026-pass';
/** The accounts the benchmark signs in with: the county's first staff and the first township's. */
export const COUNTY_USERNAME = 'staff_county_1';
export const TOWNSHIP_USERNAME = 'staff_town1_1';
/** Requests per loading transaction; each table's rows go in statements of at most ROWS_PER_INSERT. */
const CHUNK = 2_000;
const ROWS_PER_INSERT = 4_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RATING_WINDOW_MS = 7 * DAY;

/* ------------------------------------------------------------------ the county */

export interface Holder {
  userId: number;
  unitId: number;
  unitPath: string;
  level: HandlingLevel;
}

interface Cadre extends Holder {
  cadreId: number;
  cardId: number;
  township: number;
}

interface Resident {
  id: number;
  phoneEnc: string;
  phoneMasked: string;
}

export interface World {
  countyPath: string;
  countyStaff: Holder[];
  townships: { id: number; name: string; path: string; staff: Holder[] }[];
  cadres: Cadre[];
  residents: Resident[];
  /** rows for org_unit, user_account, cadre, card */
  rows: Record<'orgUnits' | 'users' | 'cadres' | 'cards', unknown[][]>;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰'];
const TOWN_NAMES = ['城关', '东坪', '西岭', '南湖', '北山', '清溪', '石门', '桃源', '白沙', '金塘'];
const VILLAGE_WORDS = ['上', '下', '大', '小', '新', '老', '前', '后', '东', '西', '中', '高'];
const VILLAGE_ROOTS = ['坪', '湾', '岭', '溪', '田', '塘', '山', '桥', '庄', '坑', '源', '垄'];
const POSTS = ['网格员', '包村干部', '村党支部书记', '村委会主任', '驻村第一书记'];

const ORG_COLUMNS = 'id, parent_id, kind, name, path, hotlines, created_at';
const USER_COLUMNS =
  'id, role, display_name, username, password_hash, org_unit_id, phone_hash, phone_enc, phone_masked, created_at, updated_at';
const CADRE_COLUMNS =
  'id, user_id, org_unit_id, name, post, phone_enc, phone_masked, duties, duty_days, active, created_at';
const CARD_COLUMNS = 'id, code, cadre_id, status, issued_at';

export async function buildWorld(
  config: AppConfig,
  residentCount: number,
  seed: number,
): Promise<World> {
  const { pick } = randomKit(seed);
  const phones = new PhoneCipher(config);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const setUpAt = new Date('2024-06-03T01:30:00.000Z');
  const name = () => `${pick(SURNAMES)}${pick(GIVEN)}`;
  const rows: World['rows'] = { orgUnits: [], users: [], cadres: [], cards: [] };
  let unitId = 0;
  let userId = 0;
  const staffOf = (unit: number, path: string, level: HandlingLevel, prefix: string) =>
    Array.from({ length: STAFF_PER_UNIT }, (_, k) => {
      const id = ++userId;
      rows.users.push([id, 'staff', name(), `${prefix}_${k + 1}`, passwordHash, unit]);
      return { userId: id, unitId: unit, unitPath: path, level };
    });

  const countyId = ++unitId;
  const countyPath = childPath('/', countyId);
  rows.orgUnits.push([countyId, null, 'county', '青山县', countyPath, '[]', setUpAt]);
  const countyStaff = staffOf(countyId, countyPath, 'county', 'staff_county');
  const townships: World['townships'] = [];
  const villages: { id: number; path: string; township: number }[] = [];
  for (let t = 0; t < TOWNSHIPS; t++) {
    const id = ++unitId;
    const path = childPath(countyPath, id);
    const hotlines = JSON.stringify([{ name: '便民服务中心', phone: `0571-8800${t}000` }]);
    const townName = `${TOWN_NAMES[t % TOWN_NAMES.length]}镇`;
    rows.orgUnits.push([id, countyId, 'township', townName, path, hotlines, setUpAt]);
    townships.push({
      id,
      name: townName,
      path,
      staff: staffOf(id, path, 'township', `staff_town${t + 1}`),
    });
  }
  for (const [t, town] of townships.entries()) {
    for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
      const id = ++unitId;
      const path = childPath(town.path, id);
      const villageName = `${VILLAGE_WORDS[v % 12]}${VILLAGE_ROOTS[(t + v) % 12]}${v >= 12 ? '二' : ''}村`;
      rows.orgUnits.push([id, town.id, 'village', villageName, path, '[]', setUpAt]);
      villages.push({ id, path, township: t });
    }
  }
  const cadres: Cadre[] = [];
  for (const village of villages) {
    for (let k = 0; k < CADRES_PER_VILLAGE; k++) {
      const cadreId = cadres.length + 1;
      const uid = ++userId;
      const cadreName = name();
      const phone = phones.protect(`138${String(10_000_000 + cadreId).padStart(8, '0')}`);
      const username = `cadre${String(cadreId).padStart(4, '0')}`;
      rows.users.push([uid, 'cadre', cadreName, username, passwordHash, village.id]);
      rows.cadres.push([
        cadreId,
        uid,
        village.id,
        cadreName,
        pick(POSTS),
        phone.enc,
        phone.masked,
        '走访联系群众，收集办理诉求',
        '每周一、周四',
        1,
        setUpAt,
      ]);
      rows.cards.push([cadreId, generateCardCode(), cadreId, 'active', setUpAt]);
      cadres.push({
        cadreId,
        cardId: cadreId,
        userId: uid,
        unitId: village.id,
        unitPath: village.path,
        level: 'village',
        township: village.township,
      });
    }
  }
  // Work accounts have no phone of their own here; residents sign in with theirs.
  for (const row of rows.users) row.push(null, null, null, setUpAt, setUpAt);
  const residents: Resident[] = [];
  for (let i = 0; i < residentCount; i++) {
    const uid = ++userId;
    const phone = phones.protect(`139${String(i).padStart(8, '0')}`);
    const at = plus(setUpAt, i * 1000);
    rows.users.push([
      uid,
      'resident',
      `群众${phone.masked.slice(-4)}`,
      null,
      null,
      null,
      phone.hash,
      phone.enc,
      phone.masked,
      at,
      at,
    ]);
    residents.push({ id: uid, phoneEnc: phone.enc, phoneMasked: phone.masked });
  }
  return { countyPath, countyStaff, townships, cadres, residents, rows };
}

export async function insertWorld(conn: mysql.Connection, world: World): Promise<void> {
  await conn.query('BEGIN');
  await insertRows(conn, 'org_unit', ORG_COLUMNS, world.rows.orgUnits);
  await insertRows(conn, 'user_account', USER_COLUMNS, world.rows.users);
  await insertRows(conn, 'cadre', CADRE_COLUMNS, world.rows.cadres);
  await insertRows(conn, 'card', CARD_COLUMNS, world.rows.cards);
  await conn.query('COMMIT');
}

async function insertRows(
  conn: mysql.Connection,
  table: string,
  columns: string,
  rows: unknown[][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await conn.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [
      rows.slice(i, i + ROWS_PER_INSERT),
    ]);
  }
}

/* ------------------------------------------------------------------ deadlines */

const calendar = createWorkCalendar(NATIONAL_SCHEDULES);
const policy = DEFAULT_DEADLINE_POLICY;
/** Due times depend only on the local day a clock starts: 18:00 of the n-th working day after. */
const dueCache = new Map<string, Date>();
const warnCache = new Map<number, Date>();

function dueAfter(start: Date, workingDays: number): Date {
  const key = `${localDateOf(start)}|${workingDays}`;
  let due = dueCache.get(key);
  if (!due) dueCache.set(key, (due = addWorkingDays(calendar, start, workingDays)));
  return due;
}

/** The due-soon warning, or null when it would not come after the clock started. */
function warnAtFor(due: Date, startedAt: Date): Date | null {
  let at = warnCache.get(due.getTime());
  if (!at) warnCache.set(due.getTime(), (at = warningAt(calendar, due)));
  return at.getTime() > startedAt.getTime() ? at : null;
}

/* ------------------------------------------------------------------ one request's history */

interface ClockRow {
  kind: ClockKind;
  round: number;
  holder: Holder;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date | null;
  stoppedAt: Date | null;
  stop: ClockStop | null;
  stopAction: string | null;
  result: string | null;
}

interface EventRow {
  action: string;
  actorUserId: number | null;
  actorRole: ActorRole;
  from: RequestStatus | null;
  to: RequestStatus;
  note: string | null;
  payload: Record<string, unknown> | null;
  at: Date;
}

interface RatingRow {
  round: number;
  level: number;
  solved: SolvedAnswer;
  tags: string[];
  comment: string | null;
  holder: Holder;
  at: Date;
  excluded: boolean;
  reason: UnfoundedReason | null;
  reasonNote: string | null;
}

interface Actor {
  userId: number | null;
  role: ActorRole;
}

const roleOf = (h: Holder): ActorRole => (h.level === 'village' ? 'cadre' : 'staff');
const actorOf = (h: Holder): Actor => ({ userId: h.userId, role: roleOf(h) });
const SYSTEM: Actor = { userId: null, role: 'system' };

/**
 * A request as its moves leave it. Every move is written only if it comes before `now`;
 * `move` answers whether it did, and a history stops at the first one that did not.
 */
class Story {
  status: RequestStatus;
  round = 1;
  version = 1;
  holder: Holder;
  acceptDueAt: Date | null = null;
  dueAt: Date | null = null;
  resolvedAt: Date | null = null;
  outcome: ResolutionOutcome | null = null;
  resolutionNote: string | null = null;
  flaggedAt: Date | null = null;
  updatedAt: Date;
  readonly clocks: ClockRow[] = [];
  readonly events: EventRow[] = [];
  readonly ratings: RatingRow[] = [];

  constructor(
    readonly now: Date,
    readonly submittedAt: Date,
    holder: Holder,
    submitter: Actor,
    onSpotNote: string | null,
  ) {
    this.holder = holder;
    this.updatedAt = submittedAt;
    this.status = onSpotNote ? 'pending_confirmation' : 'submitted';
    this.resolutionNote = onSpotNote;
    if (!onSpotNote) this.startClocks(['accept', 'resolve'], submittedAt);
    this.events.push({
      action: onSpotNote ? 'record_on_spot' : 'submit',
      actorUserId: submitter.userId,
      actorRole: submitter.role,
      from: null,
      to: this.status,
      note: onSpotNote,
      payload: { ownerUserId: holder.userId },
      at: submittedAt,
    });
  }

  move(
    at: Date,
    action: string,
    actor: Actor,
    to: RequestStatus,
    note: string | null = null,
    payload: Record<string, unknown> | null = null,
  ): boolean {
    if (at.getTime() >= this.now.getTime()) return false;
    this.events.push({
      action,
      actorUserId: actor.userId,
      actorRole: actor.role,
      from: this.status,
      to,
      note,
      payload,
      at,
    });
    this.status = to;
    this.version += 1;
    this.updatedAt = at;
    return true;
  }

  startClocks(kinds: ClockKind[], at: Date): void {
    for (const kind of kinds) {
      const days =
        kind === 'accept'
          ? policy.acceptDays
          : kind === 'resolve'
            ? policy.resolveDays[this.holder.level]
            : policy.rectifyDays;
      const dueAt = dueAfter(at, days);
      this.clocks.push({
        kind,
        round: this.round,
        holder: this.holder,
        startedAt: at,
        dueAt,
        warnAt: warnAtFor(dueAt, at),
        stoppedAt: null,
        stop: null,
        stopAction: null,
        result: null,
      });
      if (kind === 'accept') this.acceptDueAt = dueAt;
      else this.dueAt = dueAt;
    }
  }

  stopClocks(kinds: ClockKind[], stop: ClockStop, at: Date, action: string): void {
    for (const c of this.clocks) {
      if (c.stoppedAt === null && kinds.includes(c.kind)) {
        Object.assign(c, { stoppedAt: at, stop, stopAction: action });
        c.result = clockResult(c.dueAt, at, stop);
      }
    }
  }

  running(kind: ClockKind): ClockRow | undefined {
    return this.clocks.find((c) => c.kind === kind && c.stoppedAt === null);
  }

  /** 上报 or 转办: to a new holder, with new clocks for them. */
  handOver(at: Date, action: 'escalate' | 'transfer', to: Holder, note: string): boolean {
    const from = this.holder;
    const payload = { fromUserId: from.userId, toUserId: to.userId, toLevel: to.level };
    if (!this.move(at, action, actorOf(from), 'submitted', note, payload)) return false;
    this.stopClocks(['accept', 'resolve', 'rectify'], 'other', at, action);
    this.holder = to;
    this.startClocks(['accept', 'resolve'], at);
    return true;
  }

  accept(at: Date): boolean {
    if (!this.move(at, 'accept', actorOf(this.holder), 'in_progress')) return false;
    this.stopClocks(['accept'], 'goal', at, 'accept');
    return true;
  }

  resolve(at: Date, outcome: ResolutionOutcome, note: string): boolean {
    const h = this.holder;
    const payload = {
      outcome,
      ownerUserId: h.userId,
      unitPath: h.unitPath,
      level: h.level,
      round: this.round,
    };
    if (!this.move(at, 'resolve', actorOf(h), 'resolved', note, payload)) return false;
    this.stopClocks(['resolve', 'rectify'], 'goal', at, 'resolve');
    Object.assign(this, { resolvedAt: at, outcome, resolutionNote: note });
    return true;
  }

  /** 当场解决 confirmed by the resident. */
  confirm(at: Date, resident: Actor): boolean {
    const h = this.holder;
    const payload = {
      outcome: 'solved',
      ownerUserId: h.userId,
      unitPath: h.unitPath,
      level: h.level,
      round: this.round,
    };
    if (!this.move(at, 'confirm', resident, 'resolved', null, payload)) return false;
    this.resolvedAt = at;
    return true;
  }

  rate(at: Date, resident: Actor, level: number, solved: SolvedAnswer, tags: string[]): boolean {
    const bad = level <= 2;
    const to: RequestStatus = this.round === 2 || !bad ? 'closed' : 'under_review';
    const comment = bad
      ? '办得太慢了，问题也没解决好。'
      : level === 5
        ? '感谢干部，办得很好！'
        : null;
    const payload = { level, round: this.round, solved, tags };
    if (!this.move(at, 'rate', resident, to, comment, payload)) return false;
    this.ratings.push({
      round: this.round,
      level,
      solved,
      tags,
      comment,
      holder: this.holder,
      at,
      excluded: false,
      reason: null,
      reasonNote: null,
    });
    if (this.round === 2 && bad) this.flaggedAt = at;
    return true;
  }

  /** The sweep closes a resolution whose rating window ran out. */
  expireRating(at: Date): boolean {
    return this.move(at, 'expire_rating', SYSTEM, 'closed');
  }

  verify(at: Date, reviewer: Holder, founded: boolean, reason: UnfoundedReason): boolean {
    if (founded) {
      if (
        !this.move(at, 'verify', actorOf(reviewer), 'rectifying', '情况属实，请限期整改到位。', {
          founded: true,
        })
      )
        return false;
      this.round = 2;
      this.startClocks(['rectify'], at);
      return true;
    }
    const note = '经走访核实，评价所述情况与事实不符。';
    const said = `${UNFOUNDED_REASON_LABELS[reason]}：${note}`;
    if (!this.move(at, 'verify', actorOf(reviewer), 'closed', said, { founded: false, reason }))
      return false;
    const rating = this.ratings.find((r) => r.round === this.round)!;
    Object.assign(rating, { excluded: true, reason, reasonNote: note });
    return true;
  }
}

/* ------------------------------------------------------------------ the mix */

const LIVELIHOOD = CATEGORIES.filter((c) => c.code !== 'conduct');
const CONDUCT = CATEGORIES.find((c) => c.code === 'conduct')!;
const DETAILS = [
  '已经反映过一次，希望尽快有人来看看。',
  '家里老人行动不便，麻烦干部上门了解一下情况。',
  '村里好几户都有同样的问题，影响日常生活。',
  '下雨天尤其严重，希望在汛期前解决。',
  '不清楚该找哪个部门办理，请帮忙问一下。',
];
const LEVEL_MIX: [number, number][] = [
  [5, 0.5],
  [4, 0.76],
  [3, 0.88],
  [2, 0.95],
  [1, 1],
];

export interface Mix {
  statuses: Partial<Record<RequestStatus, number>>;
  escalated: number;
  transferred: number;
  onSpot: number;
  conduct: number;
  rectified: number;
  excludedRatings: number;
}

export interface Loaded {
  requests: number;
  clocks: number;
  events: number;
  ratings: number;
  mix: Mix;
}

/** Loads `n` requests over the DAYS days up to `now`, in submission order; `onChunk` after each transaction. */
export async function loadRequests(
  conn: mysql.Connection,
  world: World,
  n: number,
  now: Date,
  seed: number,
  onChunk: (done: number) => void,
): Promise<Loaded> {
  const { random, pick, between } = randomKit(seed);
  const ids = { clock: 0, event: 0, rating: 0 };
  const loaded: Loaded = {
    requests: 0,
    clocks: 0,
    events: 0,
    ratings: 0,
    mix: {
      statuses: {},
      escalated: 0,
      transferred: 0,
      onSpot: 0,
      conduct: 0,
      rectified: 0,
      excludedRatings: 0,
    },
  };
  const mix = loaded.mix;
  const perDay = new Map<string, number>();
  const rows = {
    requests: [] as unknown[][],
    clocks: [] as unknown[][],
    events: [] as unknown[][],
  };
  const ratingRows: unknown[][] = [];
  const minutes = (lo: number, hi: number) => between(lo, hi) * MINUTE + between(0, 59_999);

  const flush = async () => {
    await conn.query('BEGIN');
    await insertRows(conn, 'request', REQUEST_COLUMNS, rows.requests);
    await insertRows(conn, 'request_clock', CLOCK_COLUMNS, rows.clocks);
    await insertRows(conn, 'request_event', EVENT_COLUMNS, rows.events);
    await insertRows(conn, 'rating', RATING_COLUMNS, ratingRows);
    await conn.query('COMMIT');
    loaded.clocks += rows.clocks.length;
    loaded.events += rows.events.length;
    loaded.ratings += ratingRows.length;
    rows.requests.length = rows.clocks.length = rows.events.length = ratingRows.length = 0;
    onChunk(loaded.requests);
  };

  /** Accepted within the day mostly; 6% after the accept clock ran out. */
  const acceptAt = (reached: Date, due: Date) => {
    if (random() < 0.06) return plus(due, minutes(30, 48 * 60));
    const window = Math.min(due.getTime() - reached.getTime(), 26 * HOUR) - 5 * MINUTE;
    return plus(reached, 5 * MINUTE + random() ** 2 * Math.max(window, 0));
  };
  /** Resolved early in the allowed time mostly; 10% late. */
  const resolveAt = (from: Date, due: Date) => {
    if (random() < 0.1) return plus(due, minutes(60, 6 * 24 * 60));
    const window = due.getTime() - from.getTime() - 30 * MINUTE;
    return plus(from, 30 * MINUTE + random() ** 1.5 * Math.max(window, 0));
  };
  const ratingLevel = () => LEVEL_MIX.find(([, upTo]) => random() < upTo)?.[0] ?? 5;
  const solvedFor = (level: number): SolvedAnswer =>
    level >= 4 ? (random() < 0.93 ? 'solved' : 'partly') : level === 3 ? 'partly' : 'unsolved';
  const resolveNote = (outcome: ResolutionOutcome) =>
    outcome === 'solved'
      ? '已上门核实并协调相关站所处理，群众表示认可。'
      : '经核实属于政策范围以外的事项，已向群众当面解释清楚原因和办理渠道。';

  /** After a resolution: rated within the window (72%), or closed when it runs out. */
  const rateOrExpire = (s: Story, resident: Actor): 'rated' | 'bad' | 'stop' => {
    const resolvedAt = s.resolvedAt!;
    const share = s.round === 2 ? 0.7 : 0.72;
    if (random() < share) {
      const after = Math.min(10 * MINUTE - Math.log(1 - random()) * 18 * HOUR, 6.9 * DAY);
      const level = ratingLevel();
      const tags = tagsForLevel(level as 1 | 2 | 3 | 4 | 5).filter(() => random() < 0.3);
      if (!s.rate(plus(resolvedAt, after), resident, level, solvedFor(level), tags)) return 'stop';
      return level <= 2 && s.round === 1 ? 'bad' : 'rated';
    }
    s.expireRating(plus(resolvedAt, RATING_WINDOW_MS + between(1_000, 60_000)));
    return 'stop';
  };

  const reviewerOf = (s: Story, township: World['townships'][number]): Holder => {
    if (s.holder.level === 'county') return world.countyStaff[0]!;
    return s.holder.userId === township.staff[0]!.userId ? township.staff[1]! : township.staff[0]!;
  };

  const tell = (s: Story, cadre: Cadre, resident: Actor, conduct: boolean, card: boolean) => {
    const township = world.townships[cadre.township]!;
    let t = s.submittedAt;
    if (card && random() < 0.02) {
      const at = plus(t, minutes(5, 120));
      if (s.move(at, 'withdraw', resident, 'withdrawn')) {
        s.stopClocks(['accept', 'resolve', 'rectify'], 'other', at, 'withdraw');
      }
      return;
    }
    if (!conduct && random() < 0.015) {
      const peers = world.cadres.filter(
        (c) => c.township === cadre.township && c.userId !== cadre.userId,
      );
      const at = plus(t, minutes(10, 300));
      if (!s.handOver(at, 'transfer', pick(peers), '该事项由我村另一位干部负责，转交办理。'))
        return;
      mix.transferred += 1;
      t = at;
    }
    for (;;) {
      const accepted = acceptAt(t, s.acceptDueAt!);
      if (!s.accept(accepted)) return;
      t = accepted;
      const up = nextHandlingLevel(s.holder.level);
      const share = s.holder.level === 'village' ? 0.08 : 0.1;
      if (up === null || random() >= share) break;
      const at = plus(t, minutes(60, 2 * 24 * 60));
      const to = up === 'township' ? township.staff[0]! : world.countyStaff[0]!;
      if (!s.handOver(at, 'escalate', to, '涉及多个部门，本级难以协调解决，申请上级协调。')) return;
      mix.escalated += 1;
      t = at;
    }
    const outcome: ResolutionOutcome = random() < 0.12 ? 'explained' : 'solved';
    if (s.resolve(resolveAt(t, s.dueAt!), outcome, resolveNote(outcome))) {
      afterResolution(s, township, resident);
    }
  };

  /** Rated or not; a bad review verified, and a founded one rectified, resolved and maybe rated again. */
  const afterResolution = (s: Story, township: World['townships'][number], resident: Actor) => {
    if (rateOrExpire(s, resident) !== 'bad') return;
    const bad = s.ratings.at(-1)!;
    const verifiedAt = plus(bad.at, minutes(60, 72 * 60));
    const founded = random() < 0.55;
    if (!s.verify(verifiedAt, reviewerOf(s, township), founded, pick(UNFOUNDED))) return;
    if (!founded) {
      mix.excludedRatings += 1;
      return;
    }
    const rectified =
      random() < 0.85
        ? resolveAt(plus(verifiedAt, DAY), s.dueAt!)
        : plus(s.dueAt!, minutes(24 * 60, 5 * 24 * 60));
    if (!s.resolve(rectified, 'solved', '已按核实意见整改到位，并回访群众。')) return;
    mix.rectified += 1;
    rateOrExpire(s, resident);
  };

  for (const submittedAt of submissions(n, now, random)) {
    const id = ++loaded.requests;
    const day = localDateOf(submittedAt);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const cadre = pick(world.cadres);
    const township = world.townships[cadre.township]!;
    const person = pick(world.residents);
    const resident: Actor = { userId: person.id, role: 'resident' };
    const roll = random();
    const card = roll < 0.6;
    const onSpot = roll >= 0.95;
    const conduct = card && random() < 0.01;
    const category = conduct ? CONDUCT : pick(LIVELIHOOD);
    const subTopic =
      category.subTopics.length > 0 && random() < 0.9 ? pick(category.subTopics) : null;
    const matter = subTopic ? SUB_TOPIC_LABELS[subTopic] : category.label;
    const text = `关于${matter}方面的问题：${pick(DETAILS)}联系人住在${between(1, 12)}组${between(1, 40)}号。`;
    // A conduct complaint goes to the township's first staff member, its subject named.
    const holder: Holder = conduct ? township.staff[0]! : cadre;
    const submitter: Actor = card ? resident : actorOf(cadre);
    const s = new Story(
      now,
      submittedAt,
      holder,
      submitter,
      onSpot ? '已当场联系相关人员处理完毕，群众表示满意。' : null,
    );
    if (onSpot) {
      mix.onSpot += 1;
      if (s.confirm(plus(submittedAt, minutes(10, 24 * 60)), resident)) {
        afterResolution(s, township, resident);
      }
    } else {
      if (conduct) mix.conduct += 1;
      tell(s, cadre, resident, conduct, card);
    }
    mix.statuses[s.status] = (mix.statuses[s.status] ?? 0) + 1;
    const channel = card ? 'card_scan' : pick(['visit', 'duty_day', 'phone'] as const);
    pushRows(rows, ratingRows, ids, id, s, {
      number: formatRequestNumber(day, seq),
      channel,
      category: category.code,
      subTopic,
      text,
      contactPhoneEnc: card ? null : person.phoneEnc,
      contactPhoneMasked: person.phoneMasked,
      requesterId: person.id,
      cardId: card ? cadre.cardId : null,
      firstContactCadreId: cadre.cadreId,
      subjectCadreId: conduct ? cadre.cadreId : null,
    });
    if (rows.requests.length >= CHUNK) await flush();
  }
  if (rows.requests.length > 0) await flush();
  await insertRows(
    conn,
    'day_sequence',
    'day, last_value',
    [...perDay.entries()].map(([day, last]) => [day.replace(/-/g, ''), last]),
  );
  return loaded;
}

const UNFOUNDED: UnfoundedReason[] = ['malicious', 'out_of_scope', 'duplicate', 'other'];

/**
 * Submission instants in order: DAYS local days up to today, weekends at a third of a working
 * day's load, 07:30 to 21:30 local, none later than ten minutes before `now`.
 */
function* submissions(n: number, now: Date, random: () => number): Generator<Date> {
  const today = localDateOf(now);
  const latest = now.getTime() - 10 * MINUTE;
  const days: { from: number; span: number; weight: number }[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    const date = addDays(today, -d);
    const from = localTimeToInstant(date, '07:30').getTime();
    const to = Math.min(localTimeToInstant(date, '21:30').getTime(), latest);
    if (to <= from) continue;
    const weight = (isWorkingDay(calendar, date) ? 1 : 0.35) * ((to - from) / (14 * HOUR));
    days.push({ from, span: to - from, weight });
  }
  const total = days.reduce((sum, d) => sum + d.weight, 0);
  let carried = 0;
  let given = 0;
  for (const day of days) {
    carried += (n * day.weight) / total;
    const count = Math.round(carried) - given;
    given += count;
    const times = Array.from({ length: count }, () => day.from + Math.floor(random() * day.span));
    for (const t of times.sort((a, b) => a - b)) yield new Date(t);
  }
}

/* ------------------------------------------------------------------ rows */

const REQUEST_COLUMNS =
  'id, number, channel, category, sub_topic, text, contact_phone_enc, contact_phone_masked, location, requester_id, card_id, first_contact_cadre_id, subject_cadre_id, owner_user_id, owner_unit_id, owner_unit_path, level, status, round, accept_due_at, due_at, submitted_at, resolved_at, resolution_outcome, resolution_note, supervision_count, flagged_to_county_at, version, created_at, updated_at';
const CLOCK_COLUMNS =
  'id, request_id, kind, round, owner_user_id, owner_unit_id, owner_unit_path, level, started_at, due_at, warn_at, warned_at, overdue_alerted_at, stopped_at, stop, stop_action, result';
const EVENT_COLUMNS =
  'id, request_id, action, actor_user_id, actor_role, from_status, to_status, note, payload, created_at';
const RATING_COLUMNS =
  'id, request_id, round, level, solved, tags, comment, rater_user_id, owner_user_id, owner_unit_id, owner_unit_path, excluded, exclusion_reason, exclusion_note, created_at';

interface Fields {
  number: string;
  channel: string;
  category: CategoryCode;
  subTopic: string | null;
  text: string;
  contactPhoneEnc: string | null;
  contactPhoneMasked: string;
  requesterId: number;
  cardId: number | null;
  firstContactCadreId: number;
  subjectCadreId: number | null;
}

/** The sweeps mark a warning or an overdue alert about a minute after it falls due. */
const SWEEP_LAG = 45_000;

function pushRows(
  rows: { requests: unknown[][]; clocks: unknown[][]; events: unknown[][] },
  ratings: unknown[][],
  ids: { clock: number; event: number; rating: number },
  id: number,
  s: Story,
  f: Fields,
): void {
  const h = s.holder;
  rows.requests.push([
    id,
    f.number,
    f.channel,
    f.category,
    f.subTopic,
    f.text,
    f.contactPhoneEnc,
    f.contactPhoneMasked,
    null,
    f.requesterId,
    f.cardId,
    f.firstContactCadreId,
    f.subjectCadreId,
    h.userId,
    h.unitId,
    h.unitPath,
    h.level,
    s.status,
    s.round,
    s.acceptDueAt,
    s.dueAt,
    s.submittedAt,
    s.resolvedAt,
    s.outcome,
    s.resolutionNote,
    0,
    s.flaggedAt,
    s.version,
    s.submittedAt,
    s.updatedAt,
  ]);
  const until = (c: ClockRow) => (c.stoppedAt ?? s.now).getTime();
  for (const c of s.clocks) {
    const warned = c.warnAt && c.warnAt.getTime() + SWEEP_LAG < until(c);
    const alerted = c.dueAt.getTime() + SWEEP_LAG < until(c);
    rows.clocks.push([
      ++ids.clock,
      id,
      c.kind,
      c.round,
      c.holder.userId,
      c.holder.unitId,
      c.holder.unitPath,
      c.holder.level,
      c.startedAt,
      c.dueAt,
      c.warnAt,
      warned ? plus(c.warnAt!, SWEEP_LAG) : null,
      alerted ? plus(c.dueAt, SWEEP_LAG) : null,
      c.stoppedAt,
      c.stop,
      c.stopAction,
      c.result,
    ]);
  }
  for (const e of s.events) {
    rows.events.push([
      ++ids.event,
      id,
      e.action,
      e.actorUserId,
      e.actorRole,
      e.from,
      e.to,
      e.note,
      e.payload ? JSON.stringify(e.payload) : null,
      e.at,
    ]);
  }
  for (const r of s.ratings) {
    ratings.push([
      ++ids.rating,
      id,
      r.round,
      r.level,
      r.solved,
      r.tags.join(','),
      r.comment,
      f.requesterId,
      r.holder.userId,
      r.holder.unitId,
      r.holder.unitPath,
      r.excluded ? 1 : 0,
      r.reason,
      r.reasonNote,
      r.at,
    ]);
  }
}
