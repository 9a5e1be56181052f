import { useCallback, useEffect, useRef, useState } from 'react';

import { asApiError, type ApiError } from '../services/http';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError };

/**
 * Loads once on mount (and again when `key` changes); `reload` retries, `refresh` fetches again
 * while the current copy stays on screen (and any half-typed form under it), `replace` swaps in a
 * fresh copy an action returned (e.g. the request after 签收) without another round trip.
 */
export function useLoad<T>(
  load: (() => Promise<T>) | null,
  key: string,
): {
  state: LoadState<T>;
  reload: () => void;
  refresh: () => void;
  replace: (data: T) => void;
} {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useRef(0);

  const fetchNow = useCallback((quiet: boolean) => {
    const fn = loadRef.current;
    if (!fn) return;
    const id = ++run.current;
    if (!quiet) setState({ status: 'loading' });
    fn().then(
      (data) => {
        if (id === run.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (id === run.current && !quiet) setState({ status: 'failed', error: asApiError(error) });
      },
    );
  }, []);
  const reload = useCallback(() => fetchNow(false), [fetchNow]);
  const refresh = useCallback(() => fetchNow(true), [fetchNow]);

  useEffect(() => {
    reload();
    return () => {
      run.current++;
    };
  }, [key, reload]);

  const replace = useCallback((data: T) => {
    run.current++;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, refresh, replace };
}
