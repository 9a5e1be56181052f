import type {
  SessionUser,
  SignInResult,
  SmsCodeRequestInput,
  SmsSent,
  SmsSignInInput,
  StaffSignInInput,
} from '@mqlk/shared';

import { http } from '../http';

/** `devCode` is only present when the server runs its local SMS stand-in (never in production). */
export type SmsSentAnswer = SmsSent;

export function staffSignIn(input: StaffSignInInput): Promise<SignInResult> {
  return http.post<SignInResult>('/api/auth/staff/sign-in', input);
}

export function sendSmsCode(input: SmsCodeRequestInput): Promise<SmsSentAnswer> {
  return http.post<SmsSentAnswer>('/api/auth/sms/send', input);
}

export function smsSignIn(input: SmsSignInInput): Promise<SignInResult> {
  return http.post<SignInResult>('/api/auth/sms/sign-in', input);
}

export function wechatSignIn(code: string): Promise<SignInResult> {
  return http.post<SignInResult>('/api/auth/wechat/sign-in', { code });
}

export function me(): Promise<SessionUser> {
  return http.get<SessionUser>('/api/auth/me');
}
