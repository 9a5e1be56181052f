import { ERRORS, type VillageBoard } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { setRouterParams } from '../../../../test/taro-mock';
import { getVillageBoard } from '../../../services/api/board';
import { ApiError } from '../../../services/http';
import VillageBoardPage from './index';

jest.mock('../../../services/api/board', () => ({ getVillageBoard: jest.fn() }));

const fetchBoard = jest.mocked(getVillageBoard);

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
});

const board = (over: Partial<VillageBoard> = {}): VillageBoard => ({
  unitId: 7,
  villageName: '东岭村',
  townshipName: '石桥镇',
  since: '2026-10-01',
  items: [
    {
      category: '实际困难',
      summary: '村东头自来水管道已修复',
      status: '已办结',
      ownerName: '张建国',
      submittedOn: '2026-12-01',
      dueOn: '2026-12-04',
      outcome: '已解决',
    },
    {
      category: '发展建议',
      summary: '三组路灯更换正在协调',
      status: '办理中',
      ownerName: '李秀英',
      submittedOn: '2026-12-05',
      dueOn: '2026-12-10',
      outcome: null,
    },
  ],
  more: false,
  months: [
    {
      month: '2026-10',
      received: 0,
      resolved: 0,
      onTime: rate(0, 0),
      ratings: 0,
      satisfaction: null,
      participation: rate(0, 0),
    },
    {
      month: '2026-11',
      received: 12,
      resolved: 10,
      onTime: rate(9, 10),
      ratings: 6,
      satisfaction: rate(5, 6),
      participation: rate(6, 10),
    },
    {
      month: '2026-12',
      received: 3,
      resolved: 1,
      onTime: rate(1, 1),
      ratings: 1,
      satisfaction: null,
      participation: rate(1, 1),
    },
  ],
  ...over,
});

beforeEach(() => {
  fetchBoard.mockReset();
});

describe('the village board page (公示栏)', () => {
  it('shows the village, each month’s figures and each request by its summary', async () => {
    setRouterParams({ id: '7' });
    fetchBoard.mockResolvedValueOnce(board());
    render(<VillageBoardPage />);

    expect(await screen.findByText('东岭村')).toBeInTheDocument();
    expect(fetchBoard).toHaveBeenCalledWith(7);
    expect(screen.getByText('石桥镇')).toBeInTheDocument();
    expect(screen.getByText('10月1日以来的诉求办理情况')).toBeInTheDocument();
    expect(screen.getByText('村东头自来水管道已修复')).toBeInTheDocument();
    expect(
      screen.getByText('承办：张建国 · 结果：已解决 · 时限：12月4日 · 12月1日反映'),
    ).toBeInTheDocument();
    expect(screen.getByText('承办：李秀英 · 时限：12月10日 · 12月5日反映')).toBeInTheDocument();
    // 满意率 over 6 ratings; 样本不足 below 5, with how many there were.
    expect(screen.getByText('83.3%（6条评价）')).toBeInTheDocument();
    expect(screen.getByText('样本不足（1条评价）')).toBeInTheDocument();
    // No rating at all: nothing to show, as anywhere else (暂无数据).
    expect(screen.queryByText('样本不足（0条评价）')).not.toBeInTheDocument();
    expect(screen.getByText('90.0%')).toBeInTheDocument();
    expect(screen.getByText('12件')).toBeInTheDocument();
    // The latest month first.
    const months = screen.getAllByText(/^2026年\d+月$/).map((e) => e.textContent);
    expect(months).toEqual(['2026年12月', '2026年11月', '2026年10月']);
  });

  it('says so when nothing is on the board yet', async () => {
    setRouterParams({ id: '7' });
    fetchBoard.mockResolvedValueOnce(board({ items: [] }));
    render(<VillageBoardPage />);

    expect(await screen.findByText('近三个月还没有公示的事项。')).toBeInTheDocument();
  });

  it('answers an unknown village plainly, and a failed load with a retry', async () => {
    setRouterParams({ id: '99' });
    fetchBoard.mockRejectedValueOnce(
      new ApiError('NOT_FOUND', ERRORS.NOT_FOUND.message, ERRORS.NOT_FOUND.status),
    );
    const { unmount } = render(<VillageBoardPage />);
    expect(await screen.findByText('没有找到这个村的公示栏')).toBeInTheDocument();
    unmount();

    setRouterParams({ id: '7' });
    fetchBoard
      .mockRejectedValueOnce(new ApiError('INTERNAL', '服务暂时不可用，请稍后再试', 500))
      .mockResolvedValueOnce(board());
    render(<VillageBoardPage />);
    fireEvent.click(await screen.findByText('再试一次'));
    expect(await screen.findByText('东岭村')).toBeInTheDocument();
  });

  it('opens from the poster’s link /board/<id> without any query', async () => {
    setRouterParams({});
    window.history.replaceState(null, '', '/board/7');
    fetchBoard.mockResolvedValueOnce(board());
    render(<VillageBoardPage />);

    expect(await screen.findByText('东岭村')).toBeInTheDocument();
    expect(fetchBoard).toHaveBeenCalledWith(7);
  });
});
