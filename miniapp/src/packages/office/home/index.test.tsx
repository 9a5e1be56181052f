import Taro from '@tarojs/taro';
import type { CountyCalendar } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { signedIn } from '../../../../test/sessions';
import { getCalendar } from '../../../services/api/office';
import { restoreSession, saveSession } from '../../../services/session';
import AuditPage from '../audit/index';
import OfficeHomePage from './index';

jest.mock('../../../services/api/office', () => ({ getCalendar: jest.fn(), listAudit: jest.fn() }));

const calendar = jest.mocked(getCalendar);

function countyCalendar(overrides: Partial<CountyCalendar> = {}): CountyCalendar {
  return {
    countyId: 1,
    countyName: '青山县',
    year: 2026,
    hasSchedule: true,
    missingNotice: null,
    scheduleSource: '国办发明电〔2025〕7号',
    days: [],
    policy: { acceptDays: 1, villageDays: 3, townshipDays: 7, countyDays: 15, rectifyDays: 15 },
    ...overrides,
  };
}

beforeEach(() => {
  restoreSession();
  calendar.mockReset();
  calendar.mockResolvedValue(countyCalendar());
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('OfficeHomePage', () => {
  it('says who is signed in and over what, and opens each section', async () => {
    saveSession(signedIn('staff'));
    render(<OfficeHomePage />);

    expect(screen.getByText('王芳')).toBeInTheDocument();
    expect(screen.getByText('乡镇/县工作人员 · 管辖范围：青山镇红星村')).toBeInTheDocument();
    expect(screen.queryByText('操作日志 ›')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('干部 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/office/cadres/index' });
    fireEvent.click(screen.getByText('修改密码'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/password/index?next=officeHome',
    });
    await screen.findByText('我的待办');
  });

  it("warns when next year's holidays are missing, and leads an admin to enter them", async () => {
    saveSession(signedIn('admin'));
    calendar.mockResolvedValueOnce(
      countyCalendar({ missingNotice: '2027年的节假日安排尚未录入，期限暂按周一至周五计算' }),
    );
    render(<OfficeHomePage />);

    expect(
      await screen.findByText('⚠ 2027年的节假日安排尚未录入，期限暂按周一至周五计算'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('请在“工作日历”里录入国务院公布的放假和调休安排。'),
    ).toBeInTheDocument();
    expect(screen.getByText('操作日志 ›')).toBeInTheDocument();
    expect(screen.queryByText('我的待办')).not.toBeInTheDocument();
  });

  it('sends an account with an initial password to change it first', () => {
    const session = signedIn('admin');
    saveSession({ ...session, user: { ...session.user, mustChangePassword: true } });
    render(<OfficeHomePage />);

    expect(screen.getByText('请先修改密码')).toBeInTheDocument();
    expect(calendar).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('去修改密码'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/work/password/index' });
  });

  it('is for staff and admins only; the audit log for admins only', () => {
    saveSession(signedIn('cadre'));
    const { unmount } = render(<OfficeHomePage />);
    expect(screen.getByText('请先登录')).toBeInTheDocument();
    unmount();

    saveSession(signedIn('staff'));
    render(<AuditPage />);
    expect(screen.getByText('只有县级系统管理员可以使用这里')).toBeInTheDocument();
  });
});
