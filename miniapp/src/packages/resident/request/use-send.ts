import type { MoveResult } from '@mqlk/shared';
import { useState } from 'react';

import { asApiError } from '../../../services/http';

/**
 * One of the resident's moves on their request (rate, confirm, withdraw): busy while it runs, the
 * server's message kept on failure, and the answer handed on on success.
 */
export function useSend(onDone: (result: MoveResult) => void) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState('');
  const send = async (move: () => Promise<MoveResult>) => {
    setSending(true);
    setProblem('');
    try {
      onDone(await move());
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setSending(false);
    }
  };
  return { sending, problem, send };
}
