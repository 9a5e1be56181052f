import Taro from '@tarojs/taro';

import { wechatPhoneSignIn, wechatSignIn } from './api/auth';
import { ApiError, NETWORK_ERROR } from './http';
import { saveSession } from './session';

/** Inside WeChat the resident is known by their WeChat account: no form, no code to type. */
export type ResidentSignInMethod = 'sms' | 'wechat';

export const RESIDENT_SIGN_IN_METHOD: ResidentSignInMethod = 'wechat';

export async function signInResidentQuietly(): Promise<boolean> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError(NETWORK_ERROR, '微信登录没有成功，请检查网络后重试', 0);
  }
  saveSession(await wechatSignIn(code));
  return true;
}

/**
 * 微信手机号登录: the code of the getPhoneNumber button's answer, with wx.login's. The account
 * becomes the one of that phone, so what a cadre filed for it (代填) shows at once.
 */
export async function signInWithWechatPhone(phoneCode: string): Promise<void> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError(NETWORK_ERROR, '微信登录没有成功，请检查网络后重试', 0);
  }
  saveSession(await wechatPhoneSignIn(code, phoneCode));
}

/**
 * Sent with a cadre's sign-in so the server can link their WeChat account and reach them with
 * subscribe messages. A failed wx.login must not stop the sign-in itself: they go without.
 */
export async function staffWechatCode(): Promise<string | undefined> {
  try {
    const { code } = await Taro.login();
    return code || undefined;
  } catch {
    return undefined;
  }
}
