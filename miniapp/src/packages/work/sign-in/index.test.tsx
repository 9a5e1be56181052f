import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { signedIn } from '../../../../test/sessions';
import { askSubscription, prefetchSubscribeTemplates } from '../../../platform/subscribe';
import { staffSignIn } from '../../../services/api/auth';
import { staffWechatCode } from '../../../services/auth';
import { ApiError } from '../../../services/http';
import { currentUser, restoreSession } from '../../../services/session';
import SignInPage from './index';

jest.mock('../../../services/api/auth', () => ({ staffSignIn: jest.fn() }));
jest.mock('../../../platform/subscribe', () => ({
  askSubscription: jest.fn(() => Promise.resolve()),
  prefetchSubscribeTemplates: jest.fn(),
}));
// The platform pair: in a browser there is no WeChat code, in WeChat there is (see auth.test.ts).
jest.mock('../../../services/auth', () => ({
  signInResidentQuietly: jest.fn(),
  staffWechatCode: jest.fn(),
}));

const signIn = jest.mocked(staffSignIn);
const subscribe = jest.mocked(askSubscription);
const wechatCode = jest.mocked(staffWechatCode);

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

beforeEach(() => {
  restoreSession();
  signIn.mockReset();
  subscribe.mockClear();
  wechatCode.mockReset();
  wechatCode.mockResolvedValue(undefined);
});

describe('SignInPage', () => {
  it('asks for both fields before calling the server', () => {
    render(<SignInPage />);

    fireEvent.click(screen.getByText('登录'));

    expect(screen.getByText('请填写账号')).toBeInTheDocument();
    expect(screen.getByText('请填写密码')).toBeInTheDocument();
    expect(signIn).not.toHaveBeenCalled();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('signs in and opens the inbox', async () => {
    signIn.mockResolvedValueOnce(signedIn('cadre', '李明'));
    render(<SignInPage />);

    type('请输入账号', ' liming ');
    type('请输入密码', 'secret-pass');
    fireEvent.click(screen.getByText('登录'));

    await screen.findByText('正在登录…');
    expect(signIn).toHaveBeenCalledWith({ username: 'liming', password: 'secret-pass' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(currentUser()).toMatchObject({ displayName: '李明', role: 'cadre' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/work/inbox/index' });
  });

  it.each([
    ['a county admin, into the 管理后台', 'admin', false, '/packages/office/home/index'],
    ['township staff, into their inbox as before', 'staff', false, '/packages/work/inbox/index'],
    [
      'anyone with an initial password, to change it first',
      'staff',
      true,
      '/packages/work/password/index',
    ],
  ] as const)('takes %s', async (_who, role, mustChangePassword, url) => {
    const answer = signedIn(role);
    signIn.mockResolvedValueOnce({ ...answer, user: { ...answer.user, mustChangePassword } });
    render(<SignInPage />);

    type('请输入账号', 'wangfang');
    type('请输入密码', 'secret-pass');
    fireEvent.click(screen.getByText('登录'));

    await screen.findByText('正在登录…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url });
  });

  it("shows the server's reason when it refuses", async () => {
    signIn.mockRejectedValueOnce(
      new ApiError('ACCOUNT_LOCKED', '密码错误次数过多，账号已临时锁定，请15分钟后再试', 423),
    );
    render(<SignInPage />);

    type('请输入账号', 'liming');
    type('请输入密码', 'wrong');
    fireEvent.click(screen.getByText('登录'));

    expect(
      await screen.findByText('! 密码错误次数过多，账号已临时锁定，请15分钟后再试'),
    ).toBeInTheDocument();
    expect(screen.getByText('登录')).toBeInTheDocument();
  });

  it('asks for new-request and reminder messages within the tap, before anything is awaited', async () => {
    signIn.mockResolvedValueOnce(signedIn('cadre', '李明'));
    render(<SignInPage />);
    expect(prefetchSubscribeTemplates).toHaveBeenCalled();

    type('请输入账号', 'liming');
    type('请输入密码', 'secret-pass');
    fireEvent.click(screen.getByText('登录'));

    expect(subscribe).toHaveBeenCalledWith(['newRequest', 'reminder']);
    const asked = subscribe.mock.invocationCallOrder[0]!;
    expect(asked).toBeLessThan(wechatCode.mock.invocationCallOrder[0]!);
    await screen.findByText('正在登录…');
    expect(asked).toBeLessThan(signIn.mock.invocationCallOrder[0]!);
  });

  it("in WeChat, sends wx.login's code with the sign-in", async () => {
    wechatCode.mockResolvedValueOnce('wx-code');
    signIn.mockResolvedValueOnce(signedIn('cadre', '李明'));
    render(<SignInPage />);

    type('请输入账号', 'liming');
    type('请输入密码', 'secret-pass');
    fireEvent.click(screen.getByText('登录'));

    await screen.findByText('正在登录…');
    expect(signIn).toHaveBeenCalledWith({
      username: 'liming',
      password: 'secret-pass',
      wechatCode: 'wx-code',
    });
  });
});
