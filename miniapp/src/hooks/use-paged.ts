import type { Page } from '@mqlk/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

import { asApiError, type ApiError } from '../services/http';

export interface Paged<T> {
  items: T[];
  total: number;
  /** `loading`: the first page; `more`: a further page is on its way. */
  status: 'loading' | 'more' | 'ready' | 'failed';
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A list read page by page (加载更多); `key` starts it over (e.g. another tab). */
export function usePaged<T>(fetchPage: ((page: number) => Promise<Page<T>>) | null, key: string) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<Paged<T>['status']>('loading');
  const [error, setError] = useState<ApiError | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const run = useRef(0);

  const load = useCallback((next: number, append: boolean) => {
    const fetcher = fetchRef.current;
    if (!fetcher) return;
    const id = ++run.current;
    setStatus(append ? 'more' : 'loading');
    setError(null);
    fetcher(next).then(
      (answer) => {
        if (id !== run.current) return;
        setItems((list) => (append ? [...list, ...answer.items] : answer.items));
        setTotal(answer.total);
        setPage(next);
        setStatus('ready');
      },
      (failure: unknown) => {
        if (id !== run.current) return;
        setError(asApiError(failure));
        setStatus('failed');
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    load(1, false);
  }, [key, load]);

  return {
    items,
    total,
    status,
    error,
    hasMore: items.length < total,
    loadMore: () => load(page + 1, true),
    reload: () => load(1, false),
  } satisfies Paged<T>;
}
