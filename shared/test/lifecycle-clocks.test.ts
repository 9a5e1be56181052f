import {
  ACTIONS,
  type Action,
  type ClockStop,
  clockPlan,
  clockResult,
  clockStanding,
  type Move,
  transition,
  type Transition,
} from '../src/lifecycle';

const due = new Date('2026-03-10T18:00:00+08:00');
const ms = (delta: number) => new Date(due.getTime() + delta);

describe('clockResult', () => {
  const cases: [string, Date, ClockStop, string][] = [
    ['goal reached a day early', ms(-86_400_000), 'goal', 'met'],
    ['goal reached at the due instant', due, 'goal', 'met'],
    ['goal reached one millisecond late', ms(1), 'goal', 'missed'],
    ['handed over before the due time', ms(-1), 'other', 'void'],
    ['handed over at the due instant', due, 'other', 'void'],
    ['handed over after the due time: the miss stays', ms(1), 'other', 'missed'],
  ];
  it.each(cases)('%s → %s', (_name, stoppedAt, stop, expected) => {
    expect(clockResult(due, stoppedAt, stop)).toBe(expected);
  });
});

describe('clockStanding', () => {
  it('a running clock is running until its due time, then missed', () => {
    expect(clockStanding({ dueAt: due, stoppedAt: null, stop: null }, due)).toBe('running');
    expect(clockStanding({ dueAt: due, stoppedAt: null, stop: null }, ms(1))).toBe('missed');
  });
  it('a stopped clock keeps its result whatever the time now', () => {
    const met = { dueAt: due, stoppedAt: ms(-5), stop: 'goal' as const };
    expect(clockStanding(met, ms(86_400_000))).toBe('met');
    const voided = { dueAt: due, stoppedAt: ms(-5), stop: 'other' as const };
    expect(clockStanding(voided, ms(86_400_000))).toBe('void');
  });
});

describe('clockPlan: which clocks each move stops and starts', () => {
  const ok = (
    status: Parameters<typeof transition>[0]['status'],
    move: Move,
    relations = ['owner'],
  ) => {
    const t = transition(
      { status, round: 1, level: 'village', category: 'difficulty' },
      { role: status === null ? 'resident' : 'cadre', relations: relations as never },
      move,
    );
    if (!t.ok) throw new Error(`${move.action} from ${status} refused: ${t.code}`);
    return t;
  };
  const cases: [string, Action, Transition, string[], string[]][] = [
    ['submit', 'submit', ok(null, { action: 'submit' }, ['requester']), [], ['accept', 'resolve']],
    ['accept', 'accept', ok('submitted', { action: 'accept' }), ['accept:goal'], []],
    [
      'resolve',
      'resolve',
      ok('in_progress', { action: 'resolve', outcome: 'solved' }),
      ['resolve:goal', 'rectify:goal'],
      [],
    ],
    [
      'escalate',
      'escalate',
      ok('in_progress', { action: 'escalate' }),
      ['accept:other', 'resolve:other', 'rectify:other'],
      ['accept', 'resolve'],
    ],
    [
      'transfer',
      'transfer',
      ok('submitted', { action: 'transfer' }),
      ['accept:other', 'resolve:other', 'rectify:other'],
      ['accept', 'resolve'],
    ],
    ['reply', 'reply', ok('in_progress', { action: 'reply' }), [], []],
  ];
  it.each(cases)('%s', (_name, action, t, stops, starts) => {
    const plan = clockPlan(action, t);
    expect(plan.stop.map((s) => `${s.kind}:${s.stop}`)).toEqual(stops);
    expect(plan.start).toEqual(starts);
  });

  it('a founded verification starts the rectification clock and stops nothing', () => {
    const t = transition(
      { status: 'under_review', round: 1, level: 'village', category: 'difficulty' },
      { role: 'staff', relations: ['staff_in_scope'] },
      { action: 'verify', founded: true },
    );
    expect(t.ok && clockPlan('verify', t)).toEqual({ stop: [], start: ['rectify'] });
  });

  it('a move that ends the request stops every running clock as void-or-missed', () => {
    for (const action of ['withdraw', 'cancel'] as const) {
      const t = transition(
        {
          status: action === 'withdraw' ? 'submitted' : 'pending_confirmation',
          round: 1,
          level: 'village',
          category: 'difficulty',
        },
        action === 'withdraw'
          ? { role: 'resident', relations: ['requester'] }
          : { role: 'cadre', relations: ['owner'] },
        { action },
      );
      expect(t.ok && clockPlan(action, t).stop.every((s) => s.stop === 'other')).toBe(true);
    }
  });

  it('no move starts a clock without the transition asking for it', () => {
    for (const action of ACTIONS) {
      const none = {
        ok: true,
        to: 'submitted',
        round: 1,
        level: 'village',
        ownerChanges: false,
        clock: 'none',
        flagToCounty: false,
        excludesRating: false,
      } as Transition;
      expect(clockPlan(action, none).start).toEqual([]);
    }
  });
});
