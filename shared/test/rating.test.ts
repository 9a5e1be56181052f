import {
  canRate,
  isBadReview,
  isRatingLevel,
  isSatisfied,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  type RateCheck,
  ratingWindowEndsAt,
  tagsForLevel,
} from '../src/rating';

describe('levels', () => {
  it('has the five national levels with their labels, best first', () => {
    expect(RATING_LEVELS.map((l) => `${l}${RATING_LEVEL_LABELS[l]}`)).toEqual([
      '5非常满意',
      '4满意',
      '3基本满意',
      '2不满意',
      '1非常不满意',
    ]);
  });
  it.each([
    [5, false, true],
    [4, false, true],
    [3, false, true],
    [2, true, false],
    [1, true, false],
  ] as const)('%i: bad review %s, satisfied %s', (level, bad, satisfied) => {
    expect(isBadReview(level)).toBe(bad);
    expect(isSatisfied(level)).toBe(satisfied);
  });
  it.each([0, 6, 2.5, '5', null, undefined, NaN])('%p is not a level', (v) => {
    expect(isRatingLevel(v)).toBe(false);
  });
  it.each([1, 2, 3, 4, 5])('%p is a level', (v) => {
    expect(isRatingLevel(v)).toBe(true);
  });
  it('offers praise tags for good levels and complaint tags for bad ones', () => {
    expect(tagsForLevel(5)).toContain('timely');
    expect(tagsForLevel(5)).not.toContain('passing_buck');
    expect(tagsForLevel(1)).toContain('passing_buck');
    expect(tagsForLevel(1)).not.toContain('friendly');
    expect(tagsForLevel(3).length).toBe(8);
  });
});

describe('canRate', () => {
  const resolvedAt = new Date('2026-11-02T10:00:00+08:00');
  const base: RateCheck = {
    isRequester: true,
    status: 'resolved',
    round: 1,
    ratedRounds: [],
    resolvedAt,
    now: new Date('2026-11-03T10:00:00+08:00'),
  };
  it('lets the requester rate a resolved request within the window', () => {
    expect(canRate(base)).toEqual({ ok: true });
  });
  it('lets the requester rate the second round after rating the first', () => {
    expect(canRate({ ...base, round: 2, ratedRounds: [1] })).toEqual({ ok: true });
  });
  it.each<[string, Partial<RateCheck>, string]>([
    ['someone else', { isRequester: false }, 'NOT_REQUESTER'],
    ['twice in a round', { ratedRounds: [1] }, 'RATING_ALREADY_GIVEN'],
    ['second round twice', { round: 2, ratedRounds: [1, 2] }, 'RATING_ALREADY_GIVEN'],
    ['before resolution', { status: 'in_progress', resolvedAt: null }, 'RATING_NOT_OPEN'],
    ['while submitted', { status: 'submitted' }, 'RATING_NOT_OPEN'],
    ['after closing', { status: 'closed' }, 'RATING_NOT_OPEN'],
    [
      'one ms after 7 days',
      { now: new Date(resolvedAt.getTime() + 7 * 86400e3 + 1) },
      'RATING_WINDOW_CLOSED',
    ],
  ])('refuses %s', (_name, patch, code) => {
    expect(canRate({ ...base, ...patch })).toEqual({ ok: false, code });
  });
  it('still allows the last moment of the window', () => {
    expect(canRate({ ...base, now: ratingWindowEndsAt(resolvedAt) })).toEqual({ ok: true });
    expect(ratingWindowEndsAt(resolvedAt).toISOString()).toBe('2026-11-09T02:00:00.000Z');
  });
});
