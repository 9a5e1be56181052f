import Taro from '@tarojs/taro';

import { wechatPhoneSignIn, wechatSignIn } from './api/auth';
import {
  signInResidentQuietly as inBrowser,
  signInWithWechatPhone as phoneInBrowser,
  staffWechatCode as codeInBrowser,
} from './auth.h5';
import {
  signInResidentQuietly as inWechat,
  signInWithWechatPhone as phoneInWechat,
  staffWechatCode as codeInWechat,
} from './auth.weapp';
import { currentUser, restoreSession } from './session';

jest.mock('./api/auth', () => ({ wechatSignIn: jest.fn(), wechatPhoneSignIn: jest.fn() }));

beforeEach(() => restoreSession());

describe('resident sign-in without a form', () => {
  it('in WeChat, signs in with the Taro.login code', async () => {
    jest.mocked(wechatSignIn).mockResolvedValueOnce({
      token: 'tok-wx',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: 9,
        role: 'resident',
        displayName: '群众',
        phoneMasked: null,
        orgUnitId: null,
        orgUnitName: null,
        cadreId: null,
        mustChangePassword: false,
      },
    });

    await expect(inWechat()).resolves.toBe(true);

    expect(wechatSignIn).toHaveBeenCalledWith('wx-code');
    expect(currentUser()).toMatchObject({ id: 9, role: 'resident' });
  });

  it('in WeChat, says so plainly when WeChat login fails', async () => {
    jest.mocked(Taro.login).mockRejectedValueOnce({ errMsg: 'login:fail' });

    await expect(inWechat()).rejects.toMatchObject({
      message: '微信登录没有成功，请检查网络后重试',
    });
  });

  it('in a browser, cannot: the page asks for an SMS code', async () => {
    await expect(inBrowser()).resolves.toBe(false);
  });
});

describe('the WeChat code a cadre signs in with', () => {
  it('in WeChat, is the Taro.login code', async () => {
    await expect(codeInWechat()).resolves.toBe('wx-code');
  });

  it('in WeChat, is left out when WeChat login fails: the sign-in goes on without it', async () => {
    jest.mocked(Taro.login).mockRejectedValueOnce({ errMsg: 'login:fail' });

    await expect(codeInWechat()).resolves.toBeUndefined();
  });

  it('in a browser, is never there', async () => {
    await expect(codeInBrowser()).resolves.toBeUndefined();
  });
});

describe('微信手机号登录', () => {
  it('in WeChat, sends the getPhoneNumber code with the Taro.login code and keeps the session', async () => {
    jest.mocked(wechatPhoneSignIn).mockResolvedValueOnce({
      token: 'tok-phone',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: {
        id: 12,
        role: 'resident',
        displayName: '群众5678',
        phoneMasked: '138****5678',
        orgUnitId: null,
        orgUnitName: null,
        cadreId: null,
        mustChangePassword: false,
      },
    });

    await phoneInWechat('phone-code');

    expect(wechatPhoneSignIn).toHaveBeenCalledWith('wx-code', 'phone-code');
    expect(currentUser()).toMatchObject({ id: 12, phoneMasked: '138****5678' });
  });

  it('in a browser, is not offered', async () => {
    await expect(phoneInBrowser('phone-code')).rejects.toThrow('只在微信里可用');
  });
});
