import { ANOMALY_RULES, detectAnomalies, type AnomalyRating } from '../src/metrics';

let nextId = 1;
const T0 = Date.parse('2026-03-10T09:00:00+08:00');
const rating = (fields: Partial<AnomalyRating> & { minutes?: number }): AnomalyRating => {
  const id = nextId++;
  const at = new Date(T0 + (fields.minutes ?? 0) * 60_000);
  return {
    ratingId: id,
    requestId: id,
    ownerId: 1,
    raterId: 100 + id,
    level: 5,
    at,
    resolvedAt: new Date(at.getTime() - 2 * 86_400_000),
    proxy: false,
    ...fields,
  };
};

describe('detectAnomalies: warnings for the county, never a change to a figure', () => {
  it('flags 5 ratings for one cadre inside an hour, and not 4, nor 5 spread over more', () => {
    const five = [0, 10, 20, 30, 59].map((minutes) => rating({ minutes }));
    expect(detectAnomalies(five).map((h) => [h.kind, h.ownerId, h.ratings.length])).toEqual([
      ['burst', 1, 5],
    ]);
    expect(detectAnomalies(five.slice(0, 4))).toEqual([]);
    const spread = [0, 15, 30, 45, 60].map((minutes) => rating({ minutes }));
    expect(detectAnomalies(spread)).toEqual([]);
    expect(ANOMALY_RULES.burst).toEqual({ ratings: 5, minutes: 60 });
  });

  it('flags one account rating the requests of three cadres, not two', () => {
    const raterId = 7;
    const three = [1, 2, 3].map((ownerId) => rating({ ownerId, raterId, minutes: ownerId * 300 }));
    expect(detectAnomalies(three)).toEqual([
      { kind: 'many_cadres', ownerId: null, raterId: 7, ratings: three },
    ]);
    expect(detectAnomalies(three.slice(0, 2))).toEqual([]);
  });

  it('flags ratings within a minute of the resolution, three times for one cadre', () => {
    const quick = (minutes: number, seconds: number) => {
      const r = rating({ minutes });
      return { ...r, resolvedAt: new Date(r.at.getTime() - seconds * 1000) };
    };
    const hits = detectAnomalies([quick(400, 30), quick(0, 5), quick(600, 61), quick(200, 60)]);
    expect(hits.map((h) => [h.kind, h.ratings.map((r) => r.at.getTime() - T0)])).toEqual([
      ['instant', [0, 200, 400].map((m) => m * 60_000)],
    ]);
    expect(detectAnomalies([quick(0, 5), quick(200, 61), quick(400, 30)])).toEqual([]);
  });

  it('flags high ratings on three requests the cadre filed for residents (代填)', () => {
    const filed = (level: number, minutes: number) => rating({ proxy: true, level, minutes });
    const hits = detectAnomalies([filed(5, 0), filed(4, 200), filed(3, 400), filed(5, 600)]);
    expect(hits.map((h) => [h.kind, h.ratings.map((r) => r.level)])).toEqual([
      ['proxy_high', [5, 4, 5]],
    ]);
    expect(detectAnomalies([filed(5, 0), filed(4, 200), filed(3, 400)])).toEqual([]);
  });

  it('finds a burst in ratings given in any order, and keeps the first of two equal bursts', () => {
    const first = [40, 0, 30, 10, 20].map((minutes) => rating({ minutes }));
    const second = [300, 310, 320, 330, 340].map((minutes) => rating({ minutes }));
    const [hit, ...rest] = detectAnomalies([...second, ...first]);
    expect(rest).toEqual([]);
    expect(hit?.kind).toBe('burst');
    expect(hit?.ratings.map((r) => r.at.getTime())).toEqual(
      [0, 10, 20, 30, 40].map((m) => T0 + m * 60_000),
    );
  });

  it('lists the ratings of every hit by time, then by rating id, whatever the input order', () => {
    const at = (minutes: number, ratingId: number, fields: Partial<AnomalyRating> = {}) => ({
      ...rating({ minutes, ...fields }),
      ratingId,
    });
    const proxy = { proxy: true, raterId: 9 };
    // Cadre 1: five ratings inside an hour (two at the same minute) and three 代填 high ones.
    const ratings = [
      at(30, 15, proxy),
      at(10, 12, proxy),
      at(10, 11),
      at(0, 14, proxy),
      at(20, 13),
    ];
    const hits = detectAnomalies(ratings);
    expect(hits.map((h) => [h.kind, h.ratings.map((r) => r.ratingId)])).toEqual([
      ['burst', [14, 11, 12, 13, 15]],
      ['proxy_high', [14, 12, 15]],
    ]);
    // The same account rating three cadres, given late first.
    const given = [3, 1, 2].map((ownerId) =>
      at(1000 - ownerId * 100, 20 + ownerId, { ownerId, raterId: 8 }),
    );
    expect(detectAnomalies(given)[0]?.ratings.map((r) => r.ratingId)).toEqual([23, 22, 21]);
  });

  it('lists hits cadre by cadre, then account by account, in id order', () => {
    const burstFor = (ownerId: number) =>
      [0, 1, 2, 3, 4].map((minutes) => rating({ ownerId, minutes, raterId: 50 }));
    const other = [1, 2, 3].map((ownerId) => rating({ ownerId, raterId: 40, minutes: 500 }));
    const hits = detectAnomalies([...burstFor(12), ...burstFor(3), ...burstFor(7), ...other]);
    expect(hits.map((h) => [h.kind, h.ownerId, h.raterId])).toEqual([
      ['burst', 3, null],
      ['burst', 7, null],
      ['burst', 12, null],
      ['many_cadres', null, 40],
      ['many_cadres', null, 50],
    ]);
  });

  it('counts a rating at the very second of the resolution as instant, and none before it', () => {
    const offset = (minutes: number, seconds: number) => {
      const r = rating({ minutes });
      return { ...r, resolvedAt: new Date(r.at.getTime() + seconds * 1000) };
    };
    // Rated 0 s after the resolution: instant. Stamped before its resolution: not "within a minute after".
    expect(detectAnomalies([offset(0, 0), offset(200, 0), offset(400, 0)])).toHaveLength(1);
    expect(detectAnomalies([offset(0, 0), offset(200, 0), offset(400, 5)])).toEqual([]);
  });
});
