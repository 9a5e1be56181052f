import type { RequestDetail } from '@mqlk/shared';
import { useState } from 'react';

import { ensureResidentQuietly, isResidentSignedIn } from '../../../services/account';
import { confirmOnSpot } from '../../../services/api/requests';
import { RESIDENT_SIGN_IN_METHOD } from '../../../services/auth';
import { asApiError, type ApiError } from '../../../services/http';
import { useSmsForm } from '../components/use-sms';

/** How a confirmation can end other than in success. */
export type Ending = 'expired' | 'not_found';

export type ConfirmPhase = 'idle' | 'signing_in' | 'sending';

const PHASE_TEXT: Record<ConfirmPhase, string> = {
  idle: '',
  signing_in: '正在验证手机号…',
  sending: '正在确认…',
};

/**
 * 确认，已经解决了: the code proves the resident stood before the cadre, the sign-in that the
 * matter is theirs, so the resident signs in (silently in WeChat, by SMS in a browser, or by SMS
 * with the recorded phone when the account they used is another one) and then confirms.
 */
export function useConfirm(token: string, onStale: () => void) {
  const [phase, setPhase] = useState<ConfirmPhase>('idle');
  const [needsSms, setNeedsSms] = useState(
    () => RESIDENT_SIGN_IN_METHOD === 'sms' && !isResidentSignedIn(),
  );
  const [otherPhone, setOtherPhone] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [ending, setEnding] = useState<Ending | null>(null);
  const [confirmed, setConfirmed] = useState<RequestDetail | null>(null);
  const sms = useSmsForm();

  const refused = (error: ApiError) => {
    switch (error.code) {
      case 'CONFIRMATION_EXPIRED':
        setEnding('expired');
        return;
      case 'CONFIRMATION_NOT_FOUND':
      case 'NOT_FOUND':
        setEnding('not_found');
        return;
      case 'OTP_INVALID':
        // Said under the code field already.
        return;
      case 'CONFIRMATION_OTHER_PHONE':
        setOtherPhone(true);
        setNeedsSms(true);
        break;
      case 'UNAUTHENTICATED':
      case 'SESSION_EXPIRED':
        setNeedsSms(true);
        break;
      case 'TRANSITION_NOT_ALLOWED':
        // Cancelled or confirmed meanwhile: the page shows which.
        onStale();
        break;
      default:
        break;
    }
    setFailure(error);
  };

  const confirm = async () => {
    if (phase !== 'idle') return;
    setFailure(null);
    const smsInput = needsSms ? sms.check() : null;
    if (needsSms && !smsInput) return;
    try {
      setPhase('signing_in');
      if (smsInput) await sms.signIn(smsInput);
      else if (!(await ensureResidentQuietly())) {
        setNeedsSms(true);
        setPhase('idle');
        return;
      }
      setNeedsSms(false);
      setPhase('sending');
      setConfirmed(await confirmOnSpot(token));
    } catch (error) {
      refused(asApiError(error));
    }
    setPhase('idle');
  };

  return {
    confirm,
    busyText: PHASE_TEXT[phase],
    needsSms,
    otherPhone,
    sms,
    failure,
    ending,
    confirmed,
  };
}
