import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { changePassword } from '../../../services/api/auth';
import { ApiError, request } from '../../../services/http';
import { currentUser, restoreSession, saveSession } from '../../../services/session';
import PasswordPage from './index';

jest.mock('../../../services/api/auth', () => ({ changePassword: jest.fn() }));

const change = jest.mocked(changePassword);

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

function mustChange(role: 'cadre' | 'staff' | 'admin') {
  const session = signedIn(role);
  return { ...session, user: { ...session.user, mustChangePassword: true } };
}

const fresh = (role: 'cadre' | 'staff' | 'admin') => ({ ...signedIn(role), token: 'tok-new' });

beforeEach(() => {
  restoreSession();
  change.mockReset();
  jest.mocked(Taro.redirectTo).mockClear();
  jest.mocked(Taro.request).mockReset();
});

describe('PasswordPage', () => {
  it('says what is missing or does not match before calling the server', () => {
    saveSession(signedIn('staff'));
    render(<PasswordPage />);

    fireEvent.click(screen.getByText('确定修改'));
    expect(screen.getByText('请填写原密码')).toBeInTheDocument();
    expect(screen.getByText('新密码至少8位')).toBeInTheDocument();
    expect(screen.getByText('请再输入一次新密码')).toBeInTheDocument();

    type('现在用的密码', 'Old2026x');
    type('至少8位，字母和数字都要有', '12345678');
    type('和上面的新密码一样', '12345679');
    fireEvent.click(screen.getByText('确定修改'));

    expect(screen.queryByText('请填写原密码')).not.toBeInTheDocument();
    expect(screen.getByText('新密码要同时包含字母和数字')).toBeInTheDocument();
    expect(screen.getByText('两次输入的新密码不一样，请重新输入')).toBeInTheDocument();
    expect(change).not.toHaveBeenCalled();
  });

  it('with an initial password: says why, changes it, keeps the new session and opens the office', async () => {
    saveSession(mustChange('admin'));
    change.mockResolvedValueOnce(fresh('admin'));
    render(<PasswordPage />);

    expect(screen.getByText(/您现在用的是单位发的初始密码/)).toBeInTheDocument();
    type('单位发给您的初始密码', 'K7mQ2xR9pT');
    type('至少8位，字母和数字都要有', 'Qingshan2027');
    type('和上面的新密码一样', 'Qingshan2027');
    fireEvent.click(screen.getByText('确定修改'));

    expect(await screen.findByText('正在修改…')).toBeInTheDocument();
    expect(change).toHaveBeenCalledWith({ oldPassword: 'K7mQ2xR9pT', newPassword: 'Qingshan2027' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(currentUser()).toMatchObject({ role: 'admin', mustChangePassword: false });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/office/home/index' });

    // The new token is the one the next call carries.
    jest.mocked(Taro.request).mockResolvedValueOnce({ statusCode: 200, data: {} } as never);
    await request({ path: '/api/auth/me' });
    expect(jest.mocked(Taro.request).mock.calls[0]![0].header).toMatchObject({
      Authorization: 'Bearer tok-new',
    });
  });

  it('goes back to the page that sent the person here', async () => {
    saveSession(signedIn('staff'));
    setRouterParams({ next: 'officeHome' });
    change.mockResolvedValueOnce(fresh('staff'));
    render(<PasswordPage />);

    type('现在用的密码', 'Old2026x');
    type('至少8位，字母和数字都要有', 'New2026xy');
    type('和上面的新密码一样', 'New2026xy');
    fireEvent.click(screen.getByText('确定修改'));

    await screen.findByText('正在修改…');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/office/home/index' });
  });

  it("shows the server's word on the old password beside it, keeping what was typed", async () => {
    saveSession(signedIn('cadre'));
    change.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', ERRORS.VALIDATION_FAILED.message, 400, {
        details: [{ field: 'oldPassword', message: '原密码不正确' }],
      }),
    );
    render(<PasswordPage />);

    type('现在用的密码', 'Wrong2026');
    type('至少8位，字母和数字都要有', 'New2026xy');
    type('和上面的新密码一样', 'New2026xy');
    fireEvent.click(screen.getByText('确定修改'));

    expect(await screen.findByText('原密码不正确')).toBeInTheDocument();
    expect(screen.getByText(`! ${ERRORS.VALIDATION_FAILED.message}`)).toBeInTheDocument();
    expect(screen.getByPlaceholderText('至少8位，字母和数字都要有')).toHaveValue('New2026xy');
    expect(screen.getByText('确定修改')).toBeInTheDocument();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
