import type { AnomalyKind } from '../schemas/figures';

/**
 * Patterns in ratings that may mean they were arranged rather than given. They only warn the
 * county: no rule here changes a figure. Each threshold is a plain number, so a county can say
 * why a flag was raised.
 */
export const ANOMALY_RULES = {
  /** one cadre receives this many ratings within this many minutes */
  burst: { ratings: 5, minutes: 60 },
  /** one rating account rates the requests of this many different cadres in the period */
  manyCadres: { cadres: 3 },
  /** a rating within this many seconds of the resolution it judges, this often for one cadre */
  instant: { seconds: 60, times: 3 },
  /** requests a cadre filed for a resident (代填), rated at least this level, this often */
  proxyHigh: { level: 4, times: 3 },
} as const;

export interface AnomalyRating {
  ratingId: number;
  requestId: number;
  /** who the rating counts for */
  ownerId: number;
  raterId: number;
  level: number;
  at: Date;
  /** the resolution the rating judges */
  resolvedAt: Date | null;
  /** filed by the cadre for the resident (visit, duty day, phone) rather than by a card scan */
  proxy: boolean;
}

export interface AnomalyHit {
  kind: AnomalyKind;
  ownerId: number | null;
  raterId: number | null;
  ratings: AnomalyRating[];
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byTime = (a: AnomalyRating, b: AnomalyRating) =>
  a.at.getTime() - b.at.getTime() || a.ratingId - b.ratingId;

/** The longest run of a cadre's ratings inside one window, if it reaches the threshold. */
function burstOf(ratings: AnomalyRating[]): AnomalyRating[] | null {
  const sorted = [...ratings].sort(byTime);
  const windowMs = ANOMALY_RULES.burst.minutes * 60_000;
  let best: AnomalyRating[] = [];
  for (let start = 0, end = 0; start < sorted.length; start++) {
    while (
      end < sorted.length &&
      sorted[end]!.at.getTime() - sorted[start]!.at.getTime() < windowMs
    )
      end++;
    if (end - start > best.length) best = sorted.slice(start, end);
  }
  return best.length >= ANOMALY_RULES.burst.ratings ? best : null;
}

/** Every pattern found among a period's ratings, cadre by cadre and account by account. */
export function detectAnomalies(ratings: readonly AnomalyRating[]): AnomalyHit[] {
  const hits: AnomalyHit[] = [];
  const byOwner = [...groupBy(ratings, (r) => r.ownerId).entries()].sort(([a], [b]) => a - b);
  for (const [ownerId, mine] of byOwner) {
    const burst = burstOf(mine);
    if (burst) hits.push({ kind: 'burst', ownerId, raterId: null, ratings: burst });
    const instant = mine.filter(
      (r) =>
        r.resolvedAt !== null &&
        r.at.getTime() >= r.resolvedAt.getTime() &&
        r.at.getTime() - r.resolvedAt.getTime() <= ANOMALY_RULES.instant.seconds * 1000,
    );
    if (instant.length >= ANOMALY_RULES.instant.times) {
      hits.push({ kind: 'instant', ownerId, raterId: null, ratings: instant.sort(byTime) });
    }
    const proxyHigh = mine.filter((r) => r.proxy && r.level >= ANOMALY_RULES.proxyHigh.level);
    if (proxyHigh.length >= ANOMALY_RULES.proxyHigh.times) {
      hits.push({ kind: 'proxy_high', ownerId, raterId: null, ratings: proxyHigh.sort(byTime) });
    }
  }
  const byRater = [...groupBy(ratings, (r) => r.raterId).entries()].sort(([a], [b]) => a - b);
  for (const [raterId, given] of byRater) {
    const cadres = new Set(given.map((r) => r.ownerId));
    if (cadres.size >= ANOMALY_RULES.manyCadres.cadres) {
      hits.push({ kind: 'many_cadres', ownerId: null, raterId, ratings: [...given].sort(byTime) });
    }
  }
  return hits;
}
