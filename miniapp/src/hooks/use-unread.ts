import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

import { getNoticeSummary } from '../services/api/notices';

export interface Unread {
  /** null until known, and whenever the last fetch failed: the entry then shows no count. */
  count: number | null;
  /** An answer that already carries the count (e.g. after marking notices read). */
  set: (count: number) => void;
  refresh: () => void;
}

/**
 * The signed-in person's unread notices, fetched when the page opens and again each time it is
 * shown (back from the 消息 page or from a request the notice was about). A count is a nicety:
 * a failure hides it and never breaks the page.
 */
export function useUnreadCount(enabled: boolean): Unread {
  const [count, setCount] = useState<number | null>(null);
  const run = useRef(0);
  const shown = useRef(false);

  const refresh = useCallback(() => {
    if (!enabled) return;
    const id = ++run.current;
    getNoticeSummary().then(
      (summary) => {
        if (id === run.current) setCount(summary.unread);
      },
      () => {
        if (id === run.current) setCount(null);
      },
    );
  }, [enabled]);

  useEffect(() => {
    refresh();
    return () => {
      run.current++;
    };
  }, [refresh]);

  // Taro also calls this on the first show, which the mount above already covered.
  useDidShow(() => {
    if (shown.current) refresh();
    shown.current = true;
  });

  const set = useCallback((next: number) => {
    run.current++;
    setCount(next);
  }, []);

  return { count: enabled ? count : null, set, refresh };
}

/** 我的消息（3条未读）: the count in words, so it never rests on a coloured dot. */
export function unreadLabel(label: string, count: number | null): string {
  return count ? `${label}（${count}条未读）` : label;
}
