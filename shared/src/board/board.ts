import { localDateOf, startOfLocalDay } from '../calendar/local-date';
import type { RequestStatus, ResolutionOutcome } from '../lifecycle/status';
import { RESOLUTION_OUTCOME_LABELS } from '../lifecycle/status';
import { RANKING_MIN_RATINGS } from '../metrics/ranking';
import { type CategoryCode, isConductComplaint } from '../vocabulary/categories';

/**
 * The village board (公示栏): what the public may read about a village's requests, and nothing
 * more. The rules here decide which requests appear and how their status reads; the server's one
 * board query selects only the columns these need.
 */

/** The board covers this month and the two before it (local dates). */
export const BOARD_MONTHS = 3;

/** At most this many requests, the latest first: the page stays small on a weak connection. */
export const BOARD_MAX_ITEMS = 100;

/**
 * 满意率 is shown only over at least this many ratings, as a cadre's own is: over fewer, a
 * neighbour could work out one resident's rating.
 */
export const BOARD_MIN_RATINGS = RANKING_MIN_RATINGS;

/**
 * The statuses a request may appear in. Never one awaiting the resident's confirmation (当场解决
 * not yet confirmed) or withdrawn by the resident.
 */
export const BOARD_STATUSES = [
  'submitted',
  'in_progress',
  'resolved',
  'under_review',
  'rectifying',
  'closed',
] as const satisfies readonly RequestStatus[];

/** How a status reads on the board: two words, so that no rating shows through. */
export type BoardStatus = 'handling' | 'done';

export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  handling: '办理中',
  done: '已办结',
};

/**
 * 差评核实 and 整改 would tell the public a resident rated it badly: under review reads 已办结 (as
 * it does for a cadre), and rectifying reads 办理中 (work is owed again).
 */
export function boardStatusOf(status: RequestStatus): BoardStatus {
  return status === 'resolved' || status === 'under_review' || status === 'closed'
    ? 'done'
    : 'handling';
}

export const BOARD_OUTCOME_LABELS: Record<ResolutionOutcome, string> = {
  solved: RESOLUTION_OUTCOME_LABELS.solved,
  explained: '已解释说明',
};

/** Whether a request may appear at all: a summary, not hidden, not a conduct complaint. */
export function isOnBoard(r: {
  category: CategoryCode;
  status: RequestStatus;
  publicSummary: string | null;
  publicHidden: boolean;
}): boolean {
  return (
    !isConductComplaint(r.category) &&
    !r.publicHidden &&
    r.publicSummary !== null &&
    r.publicSummary !== '' &&
    (BOARD_STATUSES as readonly RequestStatus[]).includes(r.status)
  );
}

/** The first instant the board covers: 00:00 local on the 1st of the month two before `now`'s. */
export function boardSince(now: Date): Date {
  const [year, month] = localDateOf(now).split('-').map(Number) as [number, number];
  const first = year * 12 + month - 1 - (BOARD_MONTHS - 1);
  const y = Math.floor(first / 12);
  const m = (first % 12) + 1;
  return startOfLocalDay(`${y}-${String(m).padStart(2, '0')}-01`);
}

const ORIGIN_PATTERN = /^https?:\/\/[^/?#\s]+\/?$/i;

/** The board's public link, printed as the poster's QR code: `<origin>/board/<unit id>`. */
export function boardUrl(baseUrl: string, unitId: number): string {
  if (!ORIGIN_PATTERN.test(baseUrl)) {
    throw new RangeError(`Board base URL must be a bare http(s) origin, got "${baseUrl}"`);
  }
  if (!Number.isInteger(unitId) || unitId < 1) throw new RangeError(`Not a unit id: ${unitId}`);
  return `${baseUrl.replace(/\/$/, '')}/board/${unitId}`;
}
