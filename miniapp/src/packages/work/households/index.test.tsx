import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { household, pageOf } from '../../../../test/household-fixtures';
import { signedIn } from '../../../../test/sessions';
import { listMyHouseholds } from '../../../services/api/households';
import { restoreSession, saveSession } from '../../../services/session';
import HouseholdsPage from './index';
import { lastVisitText } from './visit-text';

jest.mock('../../../services/api/households', () => ({ listMyHouseholds: jest.fn() }));

const list = jest.mocked(listMyHouseholds);

beforeEach(() => {
  restoreSession();
  list.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('我的联户', () => {
  it('is for cadres only', () => {
    saveSession(signedIn('staff'));
    render(<HouseholdsPage />);
    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(list).not.toHaveBeenCalled();
  });

  it('lists each household with its tags, last visit and open requests, and opens one', async () => {
    saveSession(signedIn('cadre', '李明'));
    list.mockResolvedValue(
      pageOf([
        household(),
        household({
          id: 32,
          address: '红星村三组15号',
          headName: '钱大山',
          specialGroups: [],
          freeTags: [],
          pairing: 'acquaint',
          lastVisitOn: '2026-12-01',
          openRequests: 2,
        }),
      ]),
    );
    render(<HouseholdsPage />);
    expect(await screen.findByText('红星村三组12号')).toBeInTheDocument();
    expect(screen.getByText('共2户，点开一户记走访')).toBeInTheDocument();
    expect(screen.getByText('户主 周玉芬 · 2人 · 139****0001')).toBeInTheDocument();
    const first = within(
      screen.getByText('红星村三组12号').closest('.households-page__item') as HTMLElement,
    );
    expect(first.getByText('空巢老人')).toBeInTheDocument();
    expect(first.getByText('独居')).toBeInTheDocument();
    expect(first.getByText('结亲')).toBeInTheDocument();
    expect(first.getByText('还没有走访过')).toBeInTheDocument();
    expect(first.queryByText(/在办诉求/)).not.toBeInTheDocument();
    expect(screen.getByText('在办诉求2件')).toBeInTheDocument();
    fireEvent.click(screen.getByText('红星村三组15号'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/household/index?id=32' });
  });

  it('searches and filters by special group, and says so when nothing is found', async () => {
    saveSession(signedIn('cadre', '李明'));
    list.mockResolvedValue(pageOf([]));
    render(<HouseholdsPage />);
    expect(await screen.findByText('还没有结对的联户')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText('户主姓名、门牌号或完整手机号'), {
      target: { value: ' 周玉芬 ' },
    });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('没有找到')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith(1, { q: '周玉芬', group: undefined });
    fireEvent.click(screen.getByText('低保'));
    expect(await screen.findByText('✓ 低保')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith(1, { q: '周玉芬', group: 'subsistence' });
  });
});

describe('最近走访 in words', () => {
  const now = new Date('2026-12-07T10:00:00+08:00');
  it('says the date, how long ago, and when it is time to go again', () => {
    expect(lastVisitText(null, now)).toBe('还没有走访过');
    expect(lastVisitText('2026-12-07', now)).toBe('最近走访：12月7日（今天）');
    expect(lastVisitText('2026-12-01', now)).toBe('最近走访：12月1日（6天前）');
    expect(lastVisitText('2026-09-08', now)).toBe('最近走访：9月8日（90天前），该去走访了');
  });
});
