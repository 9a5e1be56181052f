import {
  issueFor,
  smsCodeRequestSchema,
  smsSignInSchema,
  validate,
  type FieldIssue,
  type SmsSignInInput,
} from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { sendSmsCode, signInWithSms } from '../../../services/account';
import { asApiError } from '../../../services/http';

const DEFAULT_RESEND_SECONDS = 60;

export interface SmsForm {
  phone: string;
  code: string;
  setPhone: (phone: string) => void;
  setCode: (code: string) => void;
  issues: FieldIssue[];
  /** Seconds until 获取验证码 may be tapped again; 0 when it may. */
  countdown: number;
  sending: boolean;
  /** e.g. 验证码已发送到138****5678 */
  notice: string;
  /** Only from the server's local SMS stand-in, so the demo can be signed into. */
  devCode: string;
  sendCode: () => Promise<void>;
  /** The typed phone and code, checked; issues are shown under the fields when they are wrong. */
  check: () => SmsSignInInput | null;
  signIn: (input: SmsSignInInput) => Promise<void>;
  setIssues: (issues: FieldIssue[]) => void;
}

/** Phone + one-time code, for residents in a browser. */
export function useSmsForm(): SmsForm {
  const [phone, setPhoneValue] = useState('');
  const [code, setCodeValue] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [countdown, setCountdown] = useState(0);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState('');
  const [devCode, setDevCode] = useState('');

  useEffect(() => {
    if (countdown <= 0) return undefined;
    const timer = setTimeout(() => setCountdown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown]);

  const clearIssue = (field: string) => setIssues((list) => list.filter((i) => i.field !== field));

  const sendCode = async () => {
    if (sending || countdown > 0) return;
    const checked = validate(smsCodeRequestSchema, { phone });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setSending(true);
    try {
      const sent = await sendSmsCode(checked.value);
      setCountdown(sent.resendAfterSeconds > 0 ? sent.resendAfterSeconds : DEFAULT_RESEND_SECONDS);
      setNotice(`验证码已发送到${sent.phoneMasked}，请查看短信`);
      setDevCode(sent.devCode ?? '');
      clearIssue('phone');
    } catch (error) {
      setIssues([{ field: 'phone', message: asApiError(error).message }]);
    } finally {
      setSending(false);
    }
  };

  const check = (): SmsSignInInput | null => {
    const checked = validate(smsSignInSchema, { phone, code });
    if (checked.ok) return checked.value;
    setIssues(checked.issues);
    return null;
  };

  const signIn = async (input: SmsSignInInput) => {
    try {
      await signInWithSms(input);
    } catch (error) {
      const failure = asApiError(error);
      if (failure.code === 'OTP_INVALID') setIssues([{ field: 'code', message: failure.message }]);
      throw failure;
    }
  };

  return {
    phone,
    code,
    setPhone: (value) => {
      setPhoneValue(value);
      clearIssue('phone');
    },
    setCode: (value) => {
      setCodeValue(value);
      clearIssue('code');
    },
    issues,
    countdown,
    sending,
    notice,
    devCode,
    sendCode,
    check,
    signIn,
    setIssues,
  };
}

export function smsIssue(form: SmsForm, field: 'phone' | 'code'): string | undefined {
  return issueFor(form.issues, field);
}
