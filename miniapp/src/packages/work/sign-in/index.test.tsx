import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { signedIn } from '../../../../test/sessions';
import { staffSignIn } from '../../../services/api/auth';
import { ApiError } from '../../../services/http';
import { currentUser, restoreSession } from '../../../services/session';
import SignInPage from './index';

jest.mock('../../../services/api/auth', () => ({ staffSignIn: jest.fn() }));

const signIn = jest.mocked(staffSignIn);

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

beforeEach(() => {
  restoreSession();
  signIn.mockReset();
});

describe('SignInPage', () => {
  it('asks for both fields before calling the server', () => {
    render(<SignInPage />);

    fireEvent.click(screen.getByText('登录'));

    expect(screen.getByText('请填写账号')).toBeInTheDocument();
    expect(screen.getByText('请填写密码')).toBeInTheDocument();
    expect(signIn).not.toHaveBeenCalled();
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
});
