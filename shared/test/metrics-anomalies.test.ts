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
    const hits = detectAnomalies([quick(0, 5), quick(200, 60), quick(400, 30), quick(600, 61)]);
    expect(hits.map((h) => [h.kind, h.ratings.length])).toEqual([['instant', 3]]);
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
});
