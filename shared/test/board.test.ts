import { BOARD_STATUSES, boardSince, boardStatusOf, boardUrl, isOnBoard } from '../src/board/board';
import { REQUEST_STATUSES } from '../src/lifecycle/status';

describe('the village board (公示栏)', () => {
  const shown = {
    category: 'difficulty',
    status: 'resolved',
    publicSummary: '村东头自来水管道已修复',
    publicHidden: false,
  } as const;

  it('shows a request with a summary, not hidden, not about conduct, in a public status', () => {
    expect(isOnBoard(shown)).toBe(true);
    expect(isOnBoard({ ...shown, publicSummary: null })).toBe(false);
    expect(isOnBoard({ ...shown, publicSummary: '' })).toBe(false);
    expect(isOnBoard({ ...shown, publicHidden: true })).toBe(false);
    expect(isOnBoard({ ...shown, category: 'conduct' })).toBe(false);
  });

  it.each(REQUEST_STATUSES.map((s) => [s]))('status %s', (status) => {
    const expected = (BOARD_STATUSES as readonly string[]).includes(status);
    expect(isOnBoard({ ...shown, status })).toBe(expected);
    expect(['pending_confirmation', 'withdrawn'].includes(status)).toBe(!expected);
  });

  it('never lets a rating show through the status', () => {
    expect(boardStatusOf('under_review')).toBe(boardStatusOf('closed'));
    expect(boardStatusOf('resolved')).toBe('done');
    expect(boardStatusOf('rectifying')).toBe(boardStatusOf('in_progress'));
    expect(boardStatusOf('submitted')).toBe('handling');
  });

  it('covers this month and the two before it, in local dates', () => {
    // 2026-12-07 10:00 Shanghai → from 2026-10-01 00:00 Shanghai (= 09-30 16:00 UTC)
    expect(boardSince(new Date('2026-12-07T02:00:00Z')).toISOString()).toBe(
      '2026-09-30T16:00:00.000Z',
    );
    // across a year: 2027-01-31 23:30 Shanghai → 2026-11-01
    expect(boardSince(new Date('2027-01-31T15:30:00Z')).toISOString()).toBe(
      '2026-10-31T16:00:00.000Z',
    );
    // still December 31 in UTC, already January 1 in Shanghai → from November 1
    expect(boardSince(new Date('2026-12-31T17:00:00Z')).toISOString()).toBe(
      '2026-10-31T16:00:00.000Z',
    );
  });

  it('links to /board/<unit id> on the public origin', () => {
    expect(boardUrl('https://mq.example.cn/', 12)).toBe('https://mq.example.cn/board/12');
    expect(() => boardUrl('https://mq.example.cn/app', 12)).toThrow(RangeError);
    expect(() => boardUrl('https://mq.example.cn', 0)).toThrow(RangeError);
  });

  it('takes unit 1, and names what it refuses', () => {
    expect(boardUrl('http://mq.example.cn', 1)).toBe('http://mq.example.cn/board/1');
    expect(() => boardUrl('https://mq.example.cn/app', 12)).toThrow(
      'Board base URL must be a bare http(s) origin, got "https://mq.example.cn/app"',
    );
    expect(() => boardUrl('https://mq.example.cn', 1.5)).toThrow('Not a unit id: 1.5');
  });

  it('pads a one-digit month: March 2026 starts from January 1', () => {
    expect(boardSince(new Date('2026-03-15T02:00:00Z')).toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
  });
});
