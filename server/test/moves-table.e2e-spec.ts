import {
  ACTIONS,
  type Action,
  type Actor,
  canRate,
  canView,
  type ErrorCode,
  httpStatusOf,
  PROBE_MOVES,
  type Relation,
  type RequestState,
  ROUTES,
  type RouteName,
  transition,
} from '@mqlk/shared';
import { bearer, uniquePhone } from './factories';
import { idemKey, Loop } from './loop';
import { type TestApp, startTestApp, testDialects } from './test-app';

/**
 * The whole state machine over HTTP: for every status a request can be in (and the levels and
 * categories that change who may act), every actor, and every move that has a route, the answer
 * is exactly what the shared `transition()` says — the next status when it allows the move, its
 * refusal code (with its HTTP status) when it does not, and 404 for whoever may not see the
 * request. Relations are written out by hand per state, so the server's own access policy is
 * what is being checked, not reused.
 */

type Profile =
  | 'requester'
  | 'otherResident'
  | 'cardCadre'
  | 'otherCadre'
  | 'cadreElsewhere'
  | 'staffA'
  | 'staffB'
  | 'county'
  | 'admin';
const PROFILES: Profile[] = [
  'requester',
  'otherResident',
  'cardCadre',
  'otherCadre',
  'cadreElsewhere',
  'staffA',
  'staffB',
  'county',
  'admin',
];
const ROLE: Record<Profile, Actor['role']> = {
  requester: 'resident',
  otherResident: 'resident',
  cardCadre: 'cadre',
  otherCadre: 'cadre',
  cadreElsewhere: 'cadre',
  staffA: 'staff',
  staffB: 'staff',
  county: 'staff',
  admin: 'admin',
};

/** The moves with a route on an existing request (creation and the system's sweep are apart). */
const MOVES: Exclude<Action, 'submit' | 'record_on_spot' | 'expire_rating'>[] = [
  'confirm',
  'withdraw',
  'accept',
  'reply',
  'escalate',
  'transfer',
  'resolve',
  'rate',
  'verify',
  'supervise',
  'cancel',
];
const ROUTE_OF: Record<(typeof MOVES)[number], RouteName> = {
  confirm: 'confirmRequest',
  withdraw: 'withdraw',
  accept: 'accept',
  reply: 'reply',
  escalate: 'escalate',
  transfer: 'transfer',
  resolve: 'resolve',
  rate: 'rate',
  verify: 'verify',
  supervise: 'supervise',
  cancel: 'cancel',
};

interface Reached {
  id: number;
  requesterToken: string;
}

interface StateDef {
  name: string;
  state: RequestState;
  /** rounds the requester has rated (canRate answers before the state machine does) */
  rated: (1 | 2)[];
  /** how each profile stands to a request in this state */
  relations: Partial<Record<Profile, Relation[]>>;
  /** the account a transfer goes to, for this state's level */
  transferTo: 'cadreA2' | 'staffA2';
  reach: (l: Loop, tokens: Tokens) => Promise<Reached>;
}

type Tokens = Record<Exclude<Profile, 'requester'>, string> & { staffA2: string; cadreA2: string };

const village = (relations: Partial<Record<Profile, Relation[]>> = {}) => ({
  requester: ['requester'] as Relation[],
  cardCadre: ['owner', 'first_contact'] as Relation[],
  staffA: ['staff_in_scope'] as Relation[],
  county: ['staff_in_scope'] as Relation[],
  ...relations,
});
const st = (status: RequestState['status'], extra: Partial<RequestState> = {}): RequestState => ({
  status,
  round: 1,
  level: 'village',
  category: 'difficulty',
  ...extra,
});

async function submitted(
  l: Loop,
  _t: Tokens,
  body: Record<string, unknown> = {},
): Promise<Reached> {
  const requesterToken = await l.resident();
  const r = await l.submit(requesterToken, body);
  return { id: r.id, requesterToken };
}
async function step(l: Loop, token: string, id: number, action: string, body: object = {}) {
  const now = await l.get(token, id);
  return l.move(token, id, action, { version: now.version, ...body });
}
async function resolved(l: Loop, t: Tokens): Promise<Reached> {
  const r = await submitted(l, t);
  await l.handle(t.cardCadre, r.id);
  return r;
}
async function underReview(l: Loop, t: Tokens): Promise<Reached> {
  const r = await resolved(l, t);
  await l.rate(r.requesterToken, r.id, 1);
  return r;
}
async function rectifying(l: Loop, t: Tokens): Promise<Reached> {
  const r = await underReview(l, t);
  await step(l, t.staffA, r.id, 'verify', { founded: true, finding: '核实属实，请整改' });
  return r;
}
async function townshipSubmitted(l: Loop, t: Tokens): Promise<Reached> {
  const r = await submitted(l, t);
  await step(l, t.cardCadre, r.id, 'escalate', { reason: '需要镇里协调处理' });
  return r;
}

const STATES: StateDef[] = [
  {
    name: 'pending_confirmation (当场解决)',
    state: st('pending_confirmation'),
    rated: [],
    relations: village(),
    transferTo: 'cadreA2',
    reach: async (l, t) => {
      const phone = uniquePhone();
      const res = await l.t
        .http()
        .post('/api/requests/on-spot')
        .set(bearer(t.cardCadre))
        .set('Idempotency-Key', idemKey())
        .send({
          channel: 'visit',
          category: 'difficulty',
          text: '门口的路灯不亮了，晚上看不见',
          note: '当场换了灯泡',
          publicSummary: '门口路灯已修好',
          residentPhone: phone,
          consent: true,
        })
        .expect(201);
      return { id: res.body.request.id, requesterToken: await l.resident(phone) };
    },
  },
  {
    name: 'submitted',
    state: st('submitted'),
    rated: [],
    relations: village(),
    transferTo: 'cadreA2',
    reach: (l, t) => submitted(l, t),
  },
  {
    name: 'in_progress',
    state: st('in_progress'),
    rated: [],
    relations: village(),
    transferTo: 'cadreA2',
    reach: async (l, t) => {
      const r = await submitted(l, t);
      await step(l, t.cardCadre, r.id, 'accept');
      return r;
    },
  },
  {
    name: 'resolved, round 1',
    state: st('resolved'),
    rated: [],
    relations: village(),
    transferTo: 'cadreA2',
    reach: resolved,
  },
  {
    name: 'under_review',
    state: st('under_review'),
    rated: [1],
    relations: village(),
    transferTo: 'cadreA2',
    reach: underReview,
  },
  {
    name: 'rectifying',
    state: st('rectifying', { round: 2 }),
    rated: [1],
    relations: village(),
    transferTo: 'cadreA2',
    reach: rectifying,
  },
  {
    name: 'resolved, round 2',
    state: st('resolved', { round: 2 }),
    rated: [1],
    relations: village(),
    transferTo: 'cadreA2',
    reach: async (l, t) => {
      const r = await rectifying(l, t);
      await l.handle(t.cardCadre, r.id, '整改完成，已重新修好');
      return r;
    },
  },
  {
    name: 'closed',
    state: st('closed'),
    rated: [1],
    relations: village(),
    transferTo: 'cadreA2',
    reach: async (l, t) => {
      const r = await resolved(l, t);
      await l.rate(r.requesterToken, r.id, 5);
      return r;
    },
  },
  {
    name: 'withdrawn',
    state: st('withdrawn'),
    rated: [],
    relations: village(),
    transferTo: 'cadreA2',
    reach: async (l, t) => {
      const r = await submitted(l, t);
      await l.move(r.requesterToken, r.id, 'withdraw', {});
      return r;
    },
  },
  {
    name: 'submitted, township level (escalated)',
    state: st('submitted', { level: 'township' }),
    rated: [],
    relations: village({ cardCadre: ['first_contact'], staffA: ['owner', 'staff_in_scope'] }),
    transferTo: 'staffA2',
    reach: townshipSubmitted,
  },
  {
    name: 'in_progress, county level',
    state: st('in_progress', { level: 'county' }),
    rated: [],
    relations: village({
      cardCadre: ['first_contact'],
      staffA: [],
      county: ['owner', 'staff_in_scope'],
    }),
    transferTo: 'staffA2',
    reach: async (l, t) => {
      const r = await townshipSubmitted(l, t);
      await step(l, t.staffA, r.id, 'escalate', { reason: '需要县里协调处理' });
      await step(l, t.county, r.id, 'accept');
      return r;
    },
  },
  {
    name: 'submitted conduct complaint about the card’s cadre',
    state: st('submitted', { level: 'township', category: 'conduct' }),
    rated: [],
    relations: village({
      cardCadre: ['first_contact', 'subject'],
      staffA: ['owner', 'staff_in_scope'],
    }),
    transferTo: 'staffA2',
    reach: (l, t) =>
      submitted(l, t, {
        category: 'conduct',
        subTopic: 'attitude',
        text: '这位干部态度很差，推来推去',
      }),
  },
];

function actorOf(def: StateDef, profile: Profile): Actor {
  return { role: ROLE[profile], relations: def.relations[profile] ?? [] };
}

/** What the server must answer: the state machine's verdict, seen through who may see what. */
function expected(def: StateDef, profile: Profile, action: (typeof MOVES)[number]) {
  const actor = actorOf(def, profile);
  if (!canView(def.state, actor))
    return { ok: false as const, code: 'REQUEST_NOT_FOUND' as ErrorCode };
  if (action === 'rate' && actor.role === 'resident' && actor.relations.includes('requester')) {
    const check = canRate({
      isRequester: true,
      status: def.state.status!,
      round: def.state.round,
      ratedRounds: def.rated,
      resolvedAt: new Date(),
      now: new Date(),
    });
    if (!check.ok && check.code === 'RATING_ALREADY_GIVEN') return check;
  }
  const t = transition(def.state, actor, PROBE_MOVES[action]);
  return t.ok ? { ok: true as const, to: t.to } : { ok: false as const, code: t.code };
}

describe.each(testDialects())('the whole state machine over HTTP on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let tokens: Tokens;
  let staffA2Id: number;
  const tally = { allowed: 0, refused: 0, notVisible: 0 };

  beforeAll(async () => {
    t = await startTestApp({ dialect });
    l = await Loop.start(t);
    const staffA2 = await l.f.account('staff', l.w.townA);
    const admin = await l.f.account('admin', l.w.county);
    staffA2Id = staffA2.id;
    tokens = {
      otherResident: await l.resident(),
      cardCadre: await l.as(l.w.cadreA.user),
      otherCadre: await l.as(l.w.cadreA2.user),
      cadreA2: await l.as(l.w.cadreA2.user),
      cadreElsewhere: await l.as(l.w.cadreB.user),
      staffA: await l.as(l.w.staffA),
      staffA2: await l.as(staffA2),
      staffB: await l.as(l.w.staffB),
      county: await l.as(l.w.countyStaff),
      admin: await l.as(admin),
    };
  });
  afterAll(async () => {
    // The figures for the note: how many (status, action, role) triples went over HTTP.
    console.log(
      `[${dialect}] state machine over HTTP: ${tally.allowed} allowed, ${tally.refused} refused, ` +
        `${tally.notVisible} refused as not visible (404)`,
    );
    await t.close();
  });

  const tokenOf = (profile: Profile, r: Reached) =>
    profile === 'requester' ? r.requesterToken : tokens[profile];

  function bodyOf(def: StateDef, action: (typeof MOVES)[number], version: number): object {
    switch (action) {
      case 'confirm':
      case 'withdraw':
        return {};
      case 'accept':
        return { version };
      case 'reply':
        return { text: '已经在联系相关部门' };
      case 'resolve':
        return {
          version,
          outcome: 'solved',
          note: '已经处理好了',
          publicSummary: '反映的事已处理',
        };
      case 'escalate':
        return { version, reason: '需要上级协调处理' };
      case 'transfer':
        return {
          version,
          toUserId: def.transferTo === 'cadreA2' ? l.w.cadreA2.user.id : staffA2Id,
          reason: '请同事就近办理',
        };
      case 'rate':
        return { level: 4, solved: 'solved' };
      case 'verify':
        return { version, founded: true, finding: '核实属实，请整改' };
      case 'supervise':
        return { note: '请尽快办理此事' };
      case 'cancel':
        return { version, reason: '群众不需要了' };
    }
  }

  async function call(def: StateDef, r: Reached, profile: Profile, action: (typeof MOVES)[number]) {
    const real = await l.get(tokens.county, r.id);
    const path = ROUTES[ROUTE_OF[action]].path.replace(':id', String(r.id));
    return t
      .http()
      .post(path)
      .set(bearer(tokenOf(profile, r)))
      .send(bodyOf(def, action, real.version));
  }

  describe.each(STATES)('$name', (def) => {
    let probe: Reached;
    beforeAll(async () => {
      probe = await def.reach(l, tokens);
      expect((await l.get(tokens.county, probe.id)).status).toBe(def.state.status);
    });

    it.each(PROFILES)('as %s, every move answers what the state machine says', async (profile) => {
      for (const action of MOVES) {
        const want = expected(def, profile, action);
        const label = `${def.name} / ${profile} / ${action}`;
        if (want.ok) {
          const fresh = await def.reach(l, tokens);
          const res = await call(def, fresh, profile, action);
          expect({ label, status: res.status, body: res.body }).toMatchObject({
            label,
            status: 200,
          });
          expect({ label, real: (await l.get(tokens.county, fresh.id)).status }).toEqual({
            label,
            real: want.to,
          });
          tally.allowed += 1;
        } else {
          const before = await l.get(tokens.county, probe.id);
          const code: ErrorCode = want.code;
          const res = await call(def, probe, profile, action);
          expect({ label, status: res.status, code: res.body.code }).toEqual({
            label,
            status: httpStatusOf(code),
            code,
          });
          const after = await l.get(tokens.county, probe.id);
          expect({ label, version: after.version }).toEqual({ label, version: before.version });
          if (want.code === 'REQUEST_NOT_FOUND') tally.notVisible += 1;
          else tally.refused += 1;
        }
      }
    });

    it.each(PROFILES)(
      'as %s, allowedActions lists exactly the moves that work',
      async (profile) => {
        const actor = actorOf(def, profile);
        const res = await t
          .http()
          .get(`/api/requests/${probe.id}`)
          .set(bearer(tokenOf(profile, probe)));
        if (!canView(def.state, actor)) {
          expect(res.status).toBe(404);
          return;
        }
        expect(res.status).toBe(200);
        const offered = res.body.allowedActions as Action[];
        const working = MOVES.filter((a) => expected(def, profile, a).ok);
        expect({ profile, offered }).toEqual({ profile, offered: working });
        for (const action of offered) expect(MOVES).toContain(action);
      },
    );
  });

  it('offers no move without a route: the system’s sweep is never a button', () => {
    const routed = new Set<string>(MOVES);
    for (const action of ACTIONS) {
      if (action === 'submit' || action === 'record_on_spot' || action === 'expire_rating')
        continue;
      expect(routed.has(action)).toBe(true);
    }
  });
});
