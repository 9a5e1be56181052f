/**
 * In a phone browser a resident proves who they are with a one-time SMS code, typed into the form
 * at the moment they submit (see account.ts); nothing can happen silently here.
 */
export type ResidentSignInMethod = 'sms' | 'wechat';

export const RESIDENT_SIGN_IN_METHOD: ResidentSignInMethod = 'sms';

export async function signInResidentQuietly(): Promise<boolean> {
  return false;
}

/** A browser has no WeChat phone to offer: the SMS code already proves the phone there. */
export async function signInWithWechatPhone(_phoneCode: string): Promise<void> {
  throw new Error('微信手机号登录只在微信里可用');
}

/** A browser has no WeChat account to link: staff there get their notices in the app and by SMS. */
export async function staffWechatCode(): Promise<string | undefined> {
  return undefined;
}
