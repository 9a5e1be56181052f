import { toRate } from './rates';
import type { Rate } from './types';

/** m in 排名分: how many ratings' worth of the scope's own 满意率 every unit starts with. */
export const RANKING_PRIOR_WEIGHT = 10;
/** Units with fewer ratings are listed as 样本不足 beside the ranking, not in it. */
export const RANKING_MIN_RATINGS = 5;

export interface RankingEntry {
  /** A cadre id or a unit path: whatever is being ranked. */
  key: string;
  /** Ratings of level ≥ 3: the numerator of the entry's 满意率. */
  satisfied: number;
  /** Counted ratings: the denominator of the entry's 满意率 (n). */
  rated: number;
}

export interface RankingOptions {
  m?: number;
  minRatings?: number;
  /**
   * 满意率 of the whole scope being ranked (p₀), as counts. Pass it when the entries do not add up
   * to the scope (ratings of the township's own staff when ranking its villages, nested units);
   * without it p₀ is taken from the sum of all entries, the 样本不足 ones included.
   */
  baseline?: { satisfied: number; rated: number };
}

export interface RankedEntry extends RankingEntry {
  /** Competition ranking: equal scores share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number;
  /** 排名分 = (m·p₀ + n·p) ÷ (m + n), in [0, 1]. */
  score: number;
  /** p, the entry's own 满意率. */
  satisfaction: number;
}

/**
 * Only the number of ratings: a 满意率 over fewer than 5 ratings could let a cadre work out who
 * gave which rating, which DESIGN.md forbids.
 */
export interface InsufficientEntry {
  key: string;
  rated: number;
}

export interface Ranking {
  baseline: Rate;
  m: number;
  ranked: RankedEntry[];
  /** 样本不足, in key order so that their position suggests no ranking. */
  insufficient: InsufficientEntry[];
}

function requireCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Integer quotient and remainder; a rounded-up float quotient is stepped back. */
function divide(a: number, b: number): [number, number] {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  return [q, a - q * b];
}

/**
 * Sign of a/b − c/d for non-negative integers (b, d > 0), exactly: by the cross products a·d
 * and c·b while they are exact, else by comparing continued fraction terms (the products pass
 * 2^53 at province scale), so that no rounding can split a tie or merge two different scores.
 */
export function compareFractions(a: number, b: number, c: number, d: number): number {
  // The cross products, when both stay below 2^53, are exact: the common case, in one step. A
  // float product at or past 2^53 means the exact one is too (rounding keeps order).
  const left = a * d;
  const right = c * b;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) {
    return left === right ? 0 : left < right ? -1 : 1;
  }
  for (;;) {
    const [qa, ra] = divide(a, b);
    const [qc, rc] = divide(c, d);
    if (qa !== qc) return qa < qc ? -1 : 1;
    if (ra === 0 || rc === 0) return ra === rc ? 0 : ra === 0 ? -1 : 1;
    // a/b − q = ra/b and c/d − q = rc/d; comparing those is comparing d/rc with b/ra.
    [a, b, c, d] = [d, rc, b, ra];
  }
}

const byKey = (a: { key: string }, b: { key: string }): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

function checkEntries(entries: readonly RankingEntry[]): void {
  const keys = new Set<string>();
  for (const e of entries) {
    requireCount(`satisfied of ${e.key}`, e.satisfied);
    requireCount(`rated of ${e.key}`, e.rated);
    if (e.satisfied > e.rated) throw new RangeError(`${e.key}: more satisfied than rated`);
    if (keys.has(e.key)) throw new RangeError(`Duplicate ranking key: ${e.key}`);
    keys.add(e.key);
  }
}

function baselineOf(entries: readonly RankingEntry[], options: RankingOptions): Rate {
  const base = options.baseline ?? {
    satisfied: entries.reduce((sum, e) => sum + e.satisfied, 0),
    rated: entries.reduce((sum, e) => sum + e.rated, 0),
  };
  requireCount('baseline.satisfied', base.satisfied);
  requireCount('baseline.rated', base.rated);
  if (base.satisfied > base.rated) throw new RangeError('baseline: more satisfied than rated');
  return toRate(base.satisfied, base.rated);
}

/** 排名分 ranking of DESIGN.md §3, for cadres or units alike. */
export function rankUnits(entries: readonly RankingEntry[], options: RankingOptions = {}): Ranking {
  const m = options.m ?? RANKING_PRIOR_WEIGHT;
  const minRatings = options.minRatings ?? RANKING_MIN_RATINGS;
  requireCount('m', m);
  requireCount('minRatings', minRatings);
  if (minRatings < 1) throw new RangeError('minRatings must be at least 1');
  checkEntries(entries);
  const baseline = baselineOf(entries, options);
  const { numerator: S, denominator: R } = baseline;
  const qualified = entries.filter((e) => e.rated >= minRatings);
  if (qualified.length > 0 && R === 0) {
    throw new RangeError('Cannot rank against a baseline without ratings');
  }
  // score = (m·S/R + s) / (m + n) = (m·S + s·R) / (R·(m + n)); R is common to all, so entries
  // compare exactly on (m·S + s·R) / (m + n).
  const top = (e: RankingEntry): number => m * S + e.satisfied * R;
  const compareScores = (x: RankingEntry, y: RankingEntry): number =>
    compareFractions(top(x), m + x.rated, top(y), m + y.rated);
  const sorted = [...qualified].sort(
    (x, y) => compareScores(y, x) || y.rated - x.rated || byKey(x, y),
  );
  const ranked: RankedEntry[] = [];
  sorted.forEach((e, i) => {
    const previous = ranked[i - 1];
    const rank = previous && compareScores(e, previous) === 0 ? previous.rank : i + 1;
    const score = top(e) / (R * (m + e.rated));
    ranked.push({ ...e, rank, score, satisfaction: e.satisfied / e.rated });
  });
  const insufficient = entries
    .filter((e) => e.rated < minRatings)
    .map((e) => ({ key: e.key, rated: e.rated }))
    .sort(byKey);
  return { baseline, m, ranked, insufficient };
}
