import type { ErrorCode } from '../errors/codes';
import type { RatingLevel, Round } from '../lifecycle/transition';
import type { RequestStatus } from '../lifecycle/status';

/** The five levels of the national 好差评 system, best first (the order the form shows them in). */
export const RATING_LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** Levels 1–2 are a 差评 (bad review); 3 and above count as satisfied. */
export function isBadReview(level: RatingLevel): boolean {
  return level <= 2;
}

export function isSatisfied(level: RatingLevel): boolean {
  return level >= 3;
}

export function isRatingLevel(value: unknown): value is RatingLevel {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * 问题解决了吗: asked beside the level, as the 接诉即办 follow-up does. A resident can be satisfied
 * with how they were treated while the problem itself is only partly solved; 解决率 counts this.
 */
export const SOLVED_ANSWERS = ['solved', 'partly', 'unsolved'] as const;
export type SolvedAnswer = (typeof SOLVED_ANSWERS)[number];

export const SOLVED_ANSWER_LABELS: Record<SolvedAnswer, string> = {
  solved: '已解决',
  partly: '部分解决',
  unsolved: '未解决',
};

export const RATING_TAGS = [
  { code: 'timely', label: '响应及时', positive: true },
  { code: 'friendly', label: '态度好', positive: true },
  { code: 'solved', label: '问题解决', positive: true },
  { code: 'efficient', label: '办事高效', positive: true },
  { code: 'unsolved', label: '没解决', positive: false },
  { code: 'passing_buck', label: '推诿', positive: false },
  { code: 'slow', label: '拖延', positive: false },
  { code: 'rude', label: '态度差', positive: false },
] as const;
export type RatingTag = (typeof RATING_TAGS)[number]['code'];
export const RATING_TAG_CODES = RATING_TAGS.map((t) => t.code) as RatingTag[];

/** The tags worth offering for a level: praise for good ratings, complaints for bad ones. */
export function tagsForLevel(level: RatingLevel): RatingTag[] {
  if (level === 3) return RATING_TAG_CODES;
  const positive = isSatisfied(level);
  return RATING_TAGS.filter((t) => t.positive === positive).map((t) => t.code);
}

/** Residents have 7 days (7 × 24 hours) after a resolution to rate it; then the request closes. */
export const RATING_WINDOW_DAYS = 7;
const WINDOW_MS = RATING_WINDOW_DAYS * 24 * 3600 * 1000;

export function ratingWindowEndsAt(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + WINDOW_MS);
}

/** Cadres only ever see aggregates of at least this many ratings (nobody can be singled out). */
export const MIN_RATINGS_SHOWN_TO_CADRE = 5;

export interface RateCheck {
  isRequester: boolean;
  status: RequestStatus;
  round: Round;
  /** rounds in which this request already has a rating */
  ratedRounds: readonly Round[];
  resolvedAt: Date | null;
  now: Date;
}

/** Only the requester, only when resolved, once per round, within 7 days of the resolution. */
export function canRate(c: RateCheck): { ok: true } | { ok: false; code: ErrorCode } {
  if (!c.isRequester) return { ok: false, code: 'NOT_REQUESTER' };
  if (c.ratedRounds.includes(c.round)) return { ok: false, code: 'RATING_ALREADY_GIVEN' };
  if (c.status !== 'resolved' || c.resolvedAt === null)
    return { ok: false, code: 'RATING_NOT_OPEN' };
  if (c.now.getTime() > ratingWindowEndsAt(c.resolvedAt).getTime()) {
    return { ok: false, code: 'RATING_WINDOW_CLOSED' };
  }
  return { ok: true };
}
