import type {
  ChangePasswordInput,
  SessionUser,
  SignInResult,
  SmsCodeRequestInput,
  SmsSent,
  SmsSignInInput,
  StaffSignInInput,
} from '@mqlk/shared';

import { call } from './call';

/** `devCode` is only present when the server runs its local SMS stand-in (never in production). */
export type SmsSentAnswer = SmsSent;

export function staffSignIn(input: StaffSignInInput): Promise<SignInResult> {
  return call('staffSignIn', { body: input });
}

export function sendSmsCode(input: SmsCodeRequestInput): Promise<SmsSentAnswer> {
  return call('sendSmsCode', { body: input });
}

export function smsSignIn(input: SmsSignInInput): Promise<SignInResult> {
  return call('smsSignIn', { body: input });
}

export function wechatSignIn(code: string): Promise<SignInResult> {
  return call('wechatSignIn', { body: { code } });
}

/** 微信手机号登录: wx.login's code and the getPhoneNumber button's code. */
export function wechatPhoneSignIn(code: string, phoneCode: string): Promise<SignInResult> {
  return call('wechatPhoneSignIn', { body: { code, phoneCode } });
}

export function me(): Promise<SessionUser> {
  return call('me', {});
}

/** Answers a fresh session: the old token stops working once the password changed. */
export function changePassword(input: ChangePasswordInput): Promise<SignInResult> {
  return call('changePassword', { body: input });
}
