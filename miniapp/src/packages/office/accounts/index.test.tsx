import { ERRORS, type OfficeAccount } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { pageOf, unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import {
  createAccount,
  getUnits,
  listAccounts,
  resetPassword,
  setAccountActive,
} from '../../../services/api/office';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import AccountsPage from './index';

jest.mock('../../../services/api/office', () => ({
  getUnits: jest.fn(),
  listAccounts: jest.fn(),
  createAccount: jest.fn(),
  resetPassword: jest.fn(),
  setAccountActive: jest.fn(),
}));

const accounts = jest.mocked(listAccounts);
const reset = jest.mocked(resetPassword);
const activate = jest.mocked(setAccountActive);
const create = jest.mocked(createAccount);

function account(overrides: Partial<OfficeAccount> = {}): OfficeAccount {
  return {
    id: 21,
    username: 'zhang.san',
    displayName: '张三',
    role: 'cadre',
    unitId: 3,
    unitName: '红星村',
    active: true,
    mustChangePassword: false,
    lockedUntil: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    ...overrides,
  };
}

const staffAccount = account({
  id: 22,
  username: 'zhao.liu',
  displayName: '赵六',
  role: 'staff',
  unitName: '青山镇',
});

const rowOf = (name: string) => screen.getByText(name).closest('.office-table__row') as HTMLElement;

beforeEach(() => {
  restoreSession();
  for (const mock of [accounts, reset, activate, create]) mock.mockReset();
  jest.mocked(getUnits).mockResolvedValue(unitTree());
  accounts.mockResolvedValue(pageOf([account(), staffAccount]));
});

describe('AccountsPage', () => {
  it('resets a password only after asking, then shows the new initial password once', async () => {
    saveSession(signedIn('staff'));
    reset.mockResolvedValueOnce({
      account: account({ mustChangePassword: true }),
      initialPassword: 'Xn4Rt8Kp2W',
    });
    render(<AccountsPage />);
    await screen.findByText('张三');
    expect(screen.queryByText('＋ 新增工作人员/管理员账号')).not.toBeInTheDocument();
    expect(within(rowOf('张三')).queryByText('停用')).not.toBeInTheDocument();

    fireEvent.click(within(rowOf('张三')).getByText('重置密码'));
    expect(screen.getByText('确定重置 张三（zhang.san） 的密码吗？')).toBeInTheDocument();
    expect(reset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确定重置'));

    expect(await screen.findByText('Xn4Rt8Kp2W')).toBeInTheDocument();
    expect(screen.getByText(/请抄下来交给本人，首次登录须修改/)).toBeInTheDocument();
    expect(reset).toHaveBeenCalledWith(21);
  });

  it("shows the server's word when staff may not reset an account", async () => {
    saveSession(signedIn('staff'));
    reset.mockRejectedValueOnce(new ApiError('FORBIDDEN', ERRORS.FORBIDDEN.message, 403));
    render(<AccountsPage />);
    await screen.findByText('赵六');

    fireEvent.click(within(rowOf('赵六')).getByText('重置密码'));
    fireEvent.click(screen.getByText('确定重置'));

    expect(await screen.findByText(`! ${ERRORS.FORBIDDEN.message}`)).toBeInTheDocument();
  });

  it('lets an admin stop an account after asking', async () => {
    saveSession(signedIn('admin'));
    activate.mockResolvedValueOnce(account({ active: false }));
    render(<AccountsPage />);
    await screen.findByText('张三');

    fireEvent.click(within(rowOf('张三')).getByText('停用'));
    fireEvent.click(screen.getByText('确定停用'));

    expect(await screen.findByText('✓ 已停用 张三 的账号')).toBeInTheDocument();
    expect(activate).toHaveBeenCalledWith(21, false);
  });

  it('lets an admin add a staff account, checked field by field', async () => {
    saveSession(signedIn('admin'));
    create.mockResolvedValueOnce({
      account: account({ id: 30, username: 'qian.qi', displayName: '钱七', role: 'staff' }),
      initialPassword: 'Q7wE4rT9yU',
    });
    render(<AccountsPage />);
    await screen.findByText('张三');

    fireEvent.click(screen.getByText('＋ 新增工作人员/管理员账号'));
    fireEvent.click(screen.getByText('保存，生成初始密码'));
    expect(screen.getByText('请填写姓名')).toBeInTheDocument();
    expect(screen.getByText('请选择所属单位')).toBeInTheDocument();

    fireEvent.input(screen.getByPlaceholderText('例如：王芳'), { target: { value: '钱七' } });
    fireEvent.input(screen.getByPlaceholderText('4到32位字母、数字或 _ . -'), {
      target: { value: 'qian.qi' },
    });
    fireEvent.click(await screen.findByText('请选择县或乡镇'));
    fireEvent.click(
      screen.getAllByText('青山镇').find((el) => el.closest('.office-units-chooser__option'))!,
    );
    fireEvent.click(screen.getByText('保存，生成初始密码'));

    expect(await screen.findByText('Q7wE4rT9yU')).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({
      username: 'qian.qi',
      displayName: '钱七',
      role: 'staff',
      unitId: 2,
    });
  });
});
