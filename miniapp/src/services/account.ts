import type {
  ChangePasswordInput,
  SessionUser,
  SmsSignInInput,
  StaffSignInInput,
} from '@mqlk/shared';

import * as authApi from './api/auth';
import { signInResidentQuietly, staffWechatCode } from './auth';
import { clearSession, currentUser, saveSession } from './session';

/** Sign-in flows built on the API and the stored session; pages call these, never the API. */

/** In WeChat the sign-in carries wx.login's code, linking the account for subscribe messages. */
export async function signInStaff(input: StaffSignInInput): Promise<SessionUser> {
  const wechatCode = await staffWechatCode();
  return saveSession(await authApi.staffSignIn(wechatCode ? { ...input, wechatCode } : input));
}

/** The server ends every older session on a change, so the new token it answers is kept. */
export async function changePassword(input: ChangePasswordInput): Promise<SessionUser> {
  return saveSession(await authApi.changePassword(input));
}

export async function signInWithSms(input: SmsSignInInput): Promise<SessionUser> {
  return saveSession(await authApi.smsSignIn(input));
}

export function isResidentSignedIn(): boolean {
  return currentUser()?.role === 'resident';
}

/**
 * True once a resident session exists: already there, or obtained without asking (WeChat). False
 * means the page has to ask for the SMS code.
 */
export async function ensureResidentQuietly(): Promise<boolean> {
  if (isResidentSignedIn()) return true;
  return signInResidentQuietly();
}

export function signOut(): void {
  clearSession();
}

export { sendSmsCode, type SmsSentAnswer } from './api/auth';
