import type { SessionUser, SmsSignInInput, StaffSignInInput } from '@mqlk/shared';

import * as authApi from './api/auth';
import { signInResidentQuietly } from './auth';
import { clearSession, currentUser, saveSession } from './session';

/** Sign-in flows built on the API and the stored session; pages call these, never the API. */

export async function signInStaff(input: StaffSignInInput): Promise<SessionUser> {
  return saveSession(await authApi.staffSignIn(input));
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
