import fc from 'fast-check';
import {
  ACTIONS,
  type Actor,
  allowedActions,
  canView,
  type Move,
  PROBE_MOVES,
  REQUEST_STATUSES,
  type RequestState,
  type RequestStatus,
  transition,
} from '../src/lifecycle';

/** The actors the table is checked against, each standing in a different relation to the request. */
const PROFILES = {
  requester: { role: 'resident', relations: ['requester'] },
  otherResident: { role: 'resident', relations: [] },
  ownerCadre: { role: 'cadre', relations: ['owner'] },
  ownerStaff: { role: 'staff', relations: ['owner', 'staff_in_scope'] },
  firstContact: { role: 'cadre', relations: ['first_contact'] },
  otherCadre: { role: 'cadre', relations: [] },
  staffInScope: { role: 'staff', relations: ['staff_in_scope'] },
  staffOutOfScope: { role: 'staff', relations: [] },
  admin: { role: 'admin', relations: [] },
  system: { role: 'system', relations: [] },
} satisfies Record<string, Actor>;
type Profile = keyof typeof PROFILES;
const ALL = Object.keys(PROFILES) as Profile[];

const OWNERS: Profile[] = ['ownerCadre', 'ownerStaff'];
const OVERSEERS: Profile[] = ['staffInScope'];
const CADRES: Profile[] = ['ownerCadre', 'firstContact', 'otherCadre'];
const SUBMITTERS: Profile[] = ['requester', 'otherResident', ...CADRES];

/**
 * DESIGN.md §3's table, written out by hand: `status|action` → who may do it and where it leads.
 * Everything not listed here must be refused.
 */
const ALLOWED: Record<string, { who: Profile[]; to: RequestStatus }> = {
  'null|submit': { who: SUBMITTERS, to: 'submitted' },
  'null|record_on_spot': { who: CADRES, to: 'pending_confirmation' },
  'pending_confirmation|confirm': { who: ['requester'], to: 'resolved' },
  'submitted|withdraw': { who: ['requester'], to: 'withdrawn' },
  'submitted|accept': { who: OWNERS, to: 'in_progress' },
  'submitted|reply': { who: OWNERS, to: 'submitted' },
  'in_progress|reply': { who: OWNERS, to: 'in_progress' },
  'rectifying|reply': { who: OWNERS, to: 'rectifying' },
  'submitted|escalate': { who: OWNERS, to: 'submitted' },
  'in_progress|escalate': { who: OWNERS, to: 'submitted' },
  'submitted|transfer': { who: [...OWNERS, 'staffInScope'], to: 'submitted' },
  'in_progress|transfer': { who: [...OWNERS, 'staffInScope'], to: 'submitted' },
  'in_progress|resolve': { who: OWNERS, to: 'resolved' },
  'rectifying|resolve': { who: OWNERS, to: 'resolved' },
  'resolved|rate': { who: ['requester'], to: 'closed' },
  'resolved|expire_rating': { who: ['system'], to: 'closed' },
  // Oversight is someone else's: the staff member who owns the request cannot verify or supervise it.
  'under_review|verify': { who: OVERSEERS, to: 'rectifying' },
  'submitted|supervise': { who: OVERSEERS, to: 'submitted' },
  'in_progress|supervise': { who: OVERSEERS, to: 'in_progress' },
  'rectifying|supervise': { who: OVERSEERS, to: 'rectifying' },
  // Staff may clear a record the resident never confirmed, e.g. after its cadre moved on.
  'pending_confirmation|cancel': { who: [...OWNERS, 'staffInScope'], to: 'withdrawn' },
};

const PROBE = PROBE_MOVES;

const STATUSES: (RequestStatus | null)[] = [null, ...REQUEST_STATUSES];
const state = (status: RequestStatus | null, extra: Partial<RequestState> = {}): RequestState => ({
  status,
  round: 1,
  level: 'village',
  category: 'difficulty',
  ...extra,
});

const cases = STATUSES.flatMap((status) =>
  ACTIONS.flatMap((action) => ALL.map((profile) => ({ status, action, profile }))),
);

describe('transition: the whole table, every status × action × actor', () => {
  const allowed = cases.filter((c) => ALLOWED[`${c.status}|${c.action}`]?.who.includes(c.profile));
  const forbidden = cases.filter(
    (c) => !ALLOWED[`${c.status}|${c.action}`]?.who.includes(c.profile),
  );

  it('has both kinds of case', () => {
    expect(allowed.length).toBe(41);
    expect(forbidden.length).toBe(cases.length - 41);
  });

  it.each(allowed)('$profile may $action from $status', ({ status, action, profile }) => {
    const result = transition(state(status), PROFILES[profile], PROBE[action]);
    expect(result).toMatchObject({ ok: true, to: ALLOWED[`${status}|${action}`]!.to });
  });

  it.each(forbidden)('$profile may not $action from $status', ({ status, action, profile }) => {
    expect(transition(state(status), PROFILES[profile], PROBE[action]).ok).toBe(false);
  });
});

describe('refusal codes say why', () => {
  const cases: [RequestStatus | null, Profile, Move, string][] = [
    ['submitted', 'otherResident', { action: 'withdraw' }, 'NOT_REQUESTER'],
    ['submitted', 'firstContact', { action: 'accept' }, 'NOT_OWNER'],
    ['submitted', 'requester', { action: 'accept' }, 'NOT_OWNER'],
    ['in_progress', 'ownerCadre', { action: 'accept' }, 'ALREADY_ACCEPTED'],
    ['in_progress', 'requester', { action: 'withdraw' }, 'TRANSITION_NOT_ALLOWED'],
    ['in_progress', 'requester', { action: 'rate', level: 5 }, 'RATING_NOT_OPEN'],
    ['closed', 'requester', { action: 'rate', level: 5 }, 'RATING_NOT_OPEN'],
    ['resolved', 'otherResident', { action: 'rate', level: 5 }, 'NOT_REQUESTER'],
    ['under_review', 'staffOutOfScope', { action: 'verify', founded: true }, 'OUT_OF_SCOPE'],
    ['under_review', 'ownerCadre', { action: 'verify', founded: true }, 'FORBIDDEN'],
    ['under_review', 'ownerStaff', { action: 'verify', founded: true }, 'OWN_WORK'],
    ['in_progress', 'ownerStaff', { action: 'supervise' }, 'OWN_WORK'],
    ['pending_confirmation', 'staffOutOfScope', { action: 'cancel' }, 'NOT_OWNER'],
    ['pending_confirmation', 'requester', { action: 'cancel' }, 'NOT_OWNER'],
    ['submitted', 'ownerCadre', { action: 'cancel' }, 'TRANSITION_NOT_ALLOWED'],
    ['in_progress', 'staffOutOfScope', { action: 'supervise' }, 'OUT_OF_SCOPE'],
    ['resolved', 'staffInScope', { action: 'supervise' }, 'TRANSITION_NOT_ALLOWED'],
    ['resolved', 'ownerCadre', { action: 'expire_rating' }, 'FORBIDDEN'],
    [null, 'admin', { action: 'submit' }, 'FORBIDDEN'],
    [null, 'requester', { action: 'record_on_spot' }, 'FORBIDDEN'],
    ['submitted', 'requester', { action: 'submit' }, 'TRANSITION_NOT_ALLOWED'],
  ];
  it.each(cases)('%s: %s %j → %s', (status, profile, move, code) => {
    expect(transition(state(status), PROFILES[profile], move)).toEqual({ ok: false, code });
  });
});

describe('verification at the top', () => {
  it('lets county staff verify a bad review of their own work: nobody stands above them', () => {
    const atCounty = state('under_review', { level: 'county' });
    expect(
      transition(atCounty, PROFILES.ownerStaff, { action: 'verify', founded: true }),
    ).toMatchObject({
      ok: true,
      to: 'rectifying',
    });
    expect(transition(atCounty, PROFILES.ownerStaff, { action: 'supervise' })).toEqual({
      ok: false,
      code: 'OWN_WORK',
    });
    const atTownship = state('under_review', { level: 'township' });
    expect(
      transition(atTownship, PROFILES.ownerStaff, { action: 'verify', founded: false }),
    ).toEqual({ ok: false, code: 'OWN_WORK' });
  });
});

describe('escalate and transfer hand the request on', () => {
  it('escalates one level up, to a new owner, restarting both clocks', () => {
    const r = transition(state('in_progress'), PROFILES.ownerCadre, { action: 'escalate' });
    expect(r).toEqual({
      ok: true,
      to: 'submitted',
      round: 1,
      level: 'township',
      ownerChanges: true,
      clock: 'accept_and_resolve',
      flagToCounty: false,
      excludesRating: false,
    });
    const again = transition(state('submitted', { level: 'township' }), PROFILES.ownerStaff, {
      action: 'escalate',
    });
    expect(again).toMatchObject({ ok: true, level: 'county' });
  });

  it('cannot escalate past the county', () => {
    const r = transition(state('in_progress', { level: 'county' }), PROFILES.ownerStaff, {
      action: 'escalate',
    });
    expect(r).toEqual({ ok: false, code: 'ESCALATION_TOP_LEVEL' });
  });

  it('transfers at the same level, to a new owner, restarting both clocks', () => {
    const r = transition(state('in_progress', { level: 'township' }), PROFILES.staffInScope, {
      action: 'transfer',
    });
    expect(r).toMatchObject({ ok: true, to: 'submitted', level: 'township', ownerChanges: true });
    expect(r).toMatchObject({ clock: 'accept_and_resolve' });
  });

  it('a submission names an owner and starts the clocks; accepting changes neither', () => {
    expect(transition(state(null), PROFILES.requester, { action: 'submit' })).toMatchObject({
      ownerChanges: true,
      clock: 'accept_and_resolve',
    });
    expect(transition(state('submitted'), PROFILES.ownerCadre, { action: 'accept' })).toMatchObject(
      {
        ownerChanges: false,
        clock: 'none',
      },
    );
  });
});

describe('ratings, the bad-review check and the rectification round', () => {
  const rate = (level: 1 | 2 | 3 | 4 | 5, round: 1 | 2 = 1) =>
    transition(state('resolved', { round }), PROFILES.requester, { action: 'rate', level });

  it.each([5, 4, 3] as const)('a first-round %i closes the request', (level) => {
    expect(rate(level)).toMatchObject({ ok: true, to: 'closed', flagToCounty: false });
  });
  it.each([2, 1] as const)('a first-round %i goes to verification (差评核实)', (level) => {
    expect(rate(level)).toMatchObject({ ok: true, to: 'under_review', round: 1 });
  });
  it('verified founded: rectifying, second round, rectification clock', () => {
    const r = transition(state('under_review'), PROFILES.staffInScope, {
      action: 'verify',
      founded: true,
    });
    expect(r).toMatchObject({ ok: true, to: 'rectifying', round: 2, clock: 'rectify' });
  });
  it('verified unfounded: closed, and the rating is excluded', () => {
    const r = transition(state('under_review'), PROFILES.staffInScope, {
      action: 'verify',
      founded: false,
    });
    expect(r).toMatchObject({ ok: true, to: 'closed', excludesRating: true, round: 1 });
  });
  it('rectification resolved: resolved again in round 2', () => {
    const r = transition(state('rectifying', { round: 2 }), PROFILES.ownerCadre, {
      action: 'resolve',
      outcome: 'solved',
    });
    expect(r).toMatchObject({ ok: true, to: 'resolved', round: 2 });
  });
  it.each([1, 2, 3, 4, 5] as const)(
    'a second-round %i closes the request whatever it is',
    (level) => {
      expect(rate(level, 2)).toMatchObject({ ok: true, to: 'closed', flagToCounty: level <= 2 });
    },
  );
  it('the rating window passing closes a resolved request', () => {
    const r = transition(state('resolved'), PROFILES.system, { action: 'expire_rating' });
    expect(r).toMatchObject({ ok: true, to: 'closed', excludesRating: false });
  });
});

describe('conduct complaints (干部作风)', () => {
  const conduct = (status: RequestStatus | null) => state(status, { category: 'conduct' });
  const subjectOwner: Actor = { role: 'cadre', relations: ['owner', 'subject'] };
  const subjectFirstContact: Actor = { role: 'cadre', relations: ['first_contact', 'subject'] };

  it.each(STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a] as const)))(
    'the cadre it is about can never %s → %s it',
    (status, action) => {
      expect(transition(conduct(status), subjectOwner, PROBE[action])).toEqual({
        ok: false,
        code: 'CONDUCT_SUBJECT',
      });
    },
  );

  it('is hidden from the cadre it is about, even as its first contact', () => {
    expect(canView(conduct('submitted'), subjectFirstContact)).toBe(false);
    expect(canView(conduct('submitted'), { role: 'cadre', relations: ['owner', 'subject'] })).toBe(
      false,
    );
    // The cadre who filed it for a resident, about someone else, follows it (首访负责制).
    expect(canView(conduct('submitted'), PROFILES.firstContact)).toBe(true);
    expect(canView(state('submitted'), PROFILES.firstContact)).toBe(true);
  });

  it('is handled by township staff as usual, and overseen by other staff', () => {
    expect(allowedActions(conduct('submitted'), PROFILES.ownerStaff)).toEqual([
      'accept',
      'reply',
      'escalate',
      'transfer',
    ]);
    expect(allowedActions(conduct('submitted'), PROFILES.staffInScope)).toEqual([
      'transfer',
      'supervise',
    ]);
  });
});

describe('canView', () => {
  it.each([
    ['requester', true],
    ['otherResident', false],
    ['ownerCadre', true],
    ['firstContact', true],
    ['otherCadre', false],
    ['staffInScope', true],
    ['staffOutOfScope', false],
    ['admin', false],
  ] as [Profile, boolean][])('%s → %s', (profile, expected) => {
    expect(canView(state('in_progress'), PROFILES[profile])).toBe(expected);
  });
});

describe('allowedActions (what the buttons offer)', () => {
  it('offers the owner what the table allows, and the requester only their moves', () => {
    expect(allowedActions(state('submitted'), PROFILES.ownerCadre)).toEqual([
      'accept',
      'reply',
      'escalate',
      'transfer',
    ]);
    expect(allowedActions(state('submitted'), PROFILES.requester)).toEqual(['withdraw']);
    expect(allowedActions(state('resolved'), PROFILES.requester)).toEqual(['rate']);
    expect(allowedActions(state('closed'), PROFILES.requester)).toEqual([]);
  });
});

describe('properties', () => {
  const arbActor = fc.record({
    role: fc.constantFrom('resident', 'cadre', 'staff', 'admin', 'system' as const),
    relations: fc.subarray([
      'requester',
      'owner',
      'first_contact',
      'staff_in_scope',
      'subject',
    ] as const),
  });
  const arbState = fc.record({
    status: fc.constantFrom(...STATUSES),
    round: fc.constantFrom(1 as const, 2 as const),
    level: fc.constantFrom('village', 'township', 'county' as const),
    category: fc.constantFrom(
      'difficulty',
      'shortcoming',
      'suggestion',
      'conduct',
      'policy' as const,
    ),
  });
  const arbMove: fc.Arbitrary<Move> = fc.oneof(
    fc.constantFrom(...Object.values(PROBE)),
    fc.record({
      action: fc.constant('rate' as const),
      level: fc.constantFrom(1, 2, 3, 4, 5 as const),
    }),
    fc.record({ action: fc.constant('verify' as const), founded: fc.boolean() }),
  );

  it('never leaves the status set, and never moves a terminal request', () => {
    fc.assert(
      fc.property(arbState, arbActor, arbMove, (s, a, m) => {
        const r = transition(s, a, m);
        if (!r.ok) return true;
        expect(REQUEST_STATUSES).toContain(r.to);
        expect(s.status === 'closed' || s.status === 'withdrawn').toBe(false);
        return true;
      }),
    );
  });

  it('the level goes one step up by escalation, changes by a reassignment, and stays otherwise', () => {
    const order = ['village', 'township', 'county'];
    const arbAnyMove = fc.oneof(
      arbMove,
      fc.record({
        action: fc.constant('transfer' as const),
        level: fc.constantFrom('village', 'township', 'county' as const),
      }),
    );
    fc.assert(
      fc.property(arbState, arbActor, arbAnyMove, (s, a, m) => {
        const r = transition(s, a, m);
        if (!r.ok) return true;
        const delta = order.indexOf(r.level) - order.indexOf(s.level);
        if (m.action === 'escalate') return delta === 1;
        if (m.action === 'transfer') return r.level === (m.level ?? s.level);
        return delta === 0;
      }),
    );
  });

  it('the subject of a conduct complaint is always refused', () => {
    fc.assert(
      fc.property(arbState, arbActor, arbMove, (s, a, m) => {
        const actor = { ...a, relations: [...a.relations, 'subject' as const] };
        const r = transition({ ...s, category: 'conduct' }, actor, m);
        return !r.ok && r.code === 'CONDUCT_SUBJECT';
      }),
    );
  });
});

describe('the conduct guard holds whatever else the cadre is to the request', () => {
  const conduct = state('submitted', { category: 'conduct' });
  const ordinary = state('submitted');

  it.each([
    ['owner', { role: 'cadre', relations: ['owner', 'subject'] }],
    ['requester', { role: 'cadre', relations: ['requester', 'subject'] }],
    ['staff in scope', { role: 'staff', relations: ['staff_in_scope', 'subject'] }],
  ] as [string, Actor][])('a subject who is also %s does not see the complaint', (_name, actor) => {
    expect(canView(conduct, actor)).toBe(false);
  });

  it('being the subject hides nothing but a conduct complaint', () => {
    expect(canView(ordinary, { role: 'cadre', relations: ['owner', 'subject'] })).toBe(true);
    expect(canView(ordinary, { role: 'cadre', relations: ['requester', 'subject'] })).toBe(true);
    expect(
      transition(ordinary, { role: 'cadre', relations: ['owner', 'subject'] }, PROBE.accept),
    ).toMatchObject({ ok: true, to: 'in_progress' });
  });

  it('a conduct complaint stays visible to everyone else who may see it', () => {
    expect(canView(conduct, PROFILES.requester)).toBe(true);
    expect(canView(conduct, PROFILES.ownerStaff)).toBe(true);
    expect(canView(conduct, PROFILES.staffInScope)).toBe(true);
  });
});

describe('a relation counts only in the role it belongs to', () => {
  const cadreAsRequester: Actor = { role: 'cadre', relations: ['requester'] };
  const residentAsOwner: Actor = { role: 'resident', relations: ['owner'] };

  it.each([
    ['resolved', { action: 'rate', level: 5 }],
    ['pending_confirmation', { action: 'confirm' }],
    ['submitted', { action: 'withdraw' }],
  ] as [RequestStatus, Move][])('a cadre holding requester cannot %s → %j', (status, move) => {
    expect(transition(state(status), cadreAsRequester, move)).toEqual({
      ok: false,
      code: 'NOT_REQUESTER',
    });
  });

  it.each([
    ['submitted', { action: 'accept' }],
    ['in_progress', { action: 'resolve', outcome: 'solved' }],
    ['submitted', { action: 'transfer' }],
    ['pending_confirmation', { action: 'cancel' }],
  ] as [RequestStatus, Move][])('a resident holding owner cannot %s → %j', (status, move) => {
    expect(transition(state(status), residentAsOwner, move)).toEqual({
      ok: false,
      code: 'NOT_OWNER',
    });
  });
});

describe('a relation counts only for the role that can hold it (view and oversight)', () => {
  it.each([
    ['a cadre holding staff_in_scope', { role: 'cadre', relations: ['staff_in_scope'] }],
    ['a resident holding staff_in_scope', { role: 'resident', relations: ['staff_in_scope'] }],
    ['a resident holding first_contact', { role: 'resident', relations: ['first_contact'] }],
    ['staff holding first_contact', { role: 'staff', relations: ['first_contact'] }],
  ] as [string, Actor][])('%s does not see the request, nor transfer it', (_name, actor) => {
    expect(canView(state('in_progress'), actor)).toBe(false);
    expect(transition(state('in_progress'), actor, PROBE.transfer).ok).toBe(false);
  });

  it.each(['resolved', 'closed', 'withdrawn', 'rectifying'] as RequestStatus[])(
    'accepting from %s is a refused move, not a second acceptance',
    (status) => {
      expect(transition(state(status), PROFILES.ownerCadre, PROBE.accept)).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
      });
    },
  );
});
