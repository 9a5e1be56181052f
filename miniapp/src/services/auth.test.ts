import Taro from '@tarojs/taro';

import { wechatSignIn } from './api/auth';
import { signInResidentQuietly as inBrowser, staffWechatCode as codeInBrowser } from './auth.h5';
import { signInResidentQuietly as inWechat, staffWechatCode as codeInWechat } from './auth.weapp';
import { currentUser, restoreSession } from './session';

jest.mock('./api/auth', () => ({ wechatSignIn: jest.fn() }));

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
