import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { figureRequest } from '../../../../test/figure-fixtures';
import { pageOf } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { listFigureRequests } from '../../../services/api/stats';
import { restoreSession, saveSession } from '../../../services/session';
import FigureRequestsPage, { openedFrom } from './index';

jest.mock('../../../services/api/stats', () => ({ listFigureRequests: jest.fn() }));

const list = jest.mocked(listFigureRequests);

const ON_TIME_DENOMINATOR = {
  figure: 'onTime',
  part: 'denominator',
  from: '2026-11-01',
  to: '2026-11-21',
  unitId: '2',
  cadreId: '11',
  n: '2',
  // Still encoded, as WeChat and Taro's H5 router hand it over.
  who: encodeURIComponent('李明'),
};

const rowOf = (number: string) => {
  const row = screen.getByText(`${number} ›`).closest('.figure-requests__row');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${number}`);
  return row;
};

beforeEach(() => {
  restoreSession();
  list.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('FigureRequestsPage', () => {
  it('lists the requests behind the number, says the count equals it, and opens each one', async () => {
    saveSession(signedIn('staff'));
    setRouterParams(ON_TIME_DENOMINATOR);
    list.mockResolvedValue(
      pageOf([
        figureRequest(),
        figureRequest({
          requestId: 43,
          number: 'MQ-20261106-0043',
          status: 'in_progress',
          category: 'policy',
          clock: 'met',
          ratingLevel: null,
        }),
      ]),
    );

    render(<FigureRequestsPage />);

    expect(await screen.findByText('✓ 共2条，与统计页上的数字 2 一致')).toBeInTheDocument();
    expect(list).toHaveBeenCalledWith(
      {
        figure: 'onTime',
        part: 'denominator',
        from: '2026-11-01',
        to: '2026-11-21',
        unitId: 2,
        cadreId: 11,
      },
      1,
    );
    expect(screen.getByText('按时办结率的分母')).toBeInTheDocument();
    expect(
      screen.getByText('办结时限在这段时间内到期的诉求（已办结或已超期）'),
    ).toBeInTheDocument();
    expect(screen.getByText('李明 · 2026年11月1日至2026年11月21日')).toBeInTheDocument();

    const first = rowOf('MQ-20261105-0042');
    expect(first).toHaveTextContent('到期日期2026年11月10日');
    expect(first).toHaveTextContent('类别实际困难');
    expect(first).toHaveTextContent('状态✓已关闭');
    expect(first).toHaveTextContent('办理人李明');
    expect(first).toHaveTextContent('时限⚠ 超时');
    const second = rowOf('MQ-20261106-0043');
    expect(second).toHaveTextContent('时限✓ 按时');
    expect(second).toHaveTextContent('类别政策咨询');
    // Deadlines are not ratings: no column that would read — on every row.
    expect(screen.queryByText('评价')).not.toBeInTheDocument();

    fireEvent.click(first);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/request/index?id=42' });
    fireEvent.click(screen.getByText('‹ 返回统计'));
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it("shows staff each rating's level behind a rating figure", async () => {
    saveSession(signedIn('staff'));
    setRouterParams({ ...ON_TIME_DENOMINATOR, figure: 'satisfaction', n: '2' });
    list.mockResolvedValue(
      pageOf([
        figureRequest({ clock: null }),
        figureRequest({ requestId: 43, number: 'MQ-20261106-0043', clock: null, ratingLevel: 2 }),
      ]),
    );

    render(<FigureRequestsPage />);

    expect(await screen.findByText('满意率的分母')).toBeInTheDocument();
    expect(screen.getByText('计入统计的全部评价')).toBeInTheDocument();
    expect(rowOf('MQ-20261105-0042')).toHaveTextContent('评价4星 满意');
    expect(rowOf('MQ-20261106-0043')).toHaveTextContent('评价2星 不满意');
    expect(rowOf('MQ-20261106-0043')).toHaveTextContent('时限—');
  });

  it('warns when the list does not have as many requests as the number', async () => {
    saveSession(signedIn('staff'));
    setRouterParams({ ...ON_TIME_DENOMINATOR, n: '3' });
    list.mockResolvedValue(pageOf([figureRequest()], 2));

    render(<FigureRequestsPage />);

    expect(await screen.findByText(/⚠ 共2条，与统计页上的数字 3\s*不一致/)).toBeInTheDocument();
    fireEvent.click(screen.getByText(/加载更多/));
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ figure: 'onTime' }), 2);
    expect(await screen.findByText('共2条，已全部显示')).toBeInTheDocument();
  });

  it('shows a cadre no rating, and 已办结 for whatever followed a resolution', async () => {
    saveSession(signedIn('cadre'));
    setRouterParams({
      figure: 'resolved',
      part: 'numerator',
      from: '2026-11-01',
      to: '2026-11-21',
      n: '2',
    });
    list.mockResolvedValue(
      pageOf([
        figureRequest({ status: 'under_review', ratingLevel: null, clock: null }),
        figureRequest({ requestId: 44, number: 'MQ-20261107-0044', status: 'closed' }),
      ]),
    );

    render(<FigureRequestsPage />);

    await screen.findByText('✓ 共2条，与统计页上的数字 2 一致');
    expect(list).toHaveBeenCalledWith(
      { figure: 'resolved', part: 'numerator', from: '2026-11-01', to: '2026-11-21' },
      1,
    );
    expect(screen.getByText('办结诉求')).toBeInTheDocument();
    expect(screen.queryByText('评价')).not.toBeInTheDocument();
    expect(screen.queryByText(/满意/)).not.toBeInTheDocument();
    expect(screen.queryByText('差评核实中')).not.toBeInTheDocument();
    expect(screen.queryByText('已关闭')).not.toBeInTheDocument();
    expect(within(rowOf('MQ-20261105-0042')).getByText('已办结')).toBeInTheDocument();
    expect(within(rowOf('MQ-20261107-0044')).getByText('已办结')).toBeInTheDocument();
  });

  it('says a cut-off link is incomplete instead of guessing', () => {
    saveSession(signedIn('staff'));
    setRouterParams({ figure: 'onTime', part: 'half', from: '2026-11-01', to: '2026-11-21' });

    render(<FigureRequestsPage />);

    expect(screen.getByText('链接不完整')).toBeInTheDocument();
    expect(list).not.toHaveBeenCalled();
  });

  it('reads only what a link may carry', () => {
    expect(openedFrom({ ...ON_TIME_DENOMINATOR, figure: 'everything' })).toBeNull();
    expect(openedFrom({ ...ON_TIME_DENOMINATOR, from: '2026-11' })).toBeNull();
    expect(openedFrom({ ...ON_TIME_DENOMINATOR, unitId: 'x', n: 'many' })).toEqual({
      source: {
        figure: 'onTime',
        part: 'denominator',
        from: '2026-11-01',
        to: '2026-11-21',
        cadreId: 11,
      },
      count: null,
      who: '李明',
    });
    // A row of work done by township staff themselves: their account, not a cadre.
    expect(
      openedFrom({
        ...ON_TIME_DENOMINATOR,
        cadreId: undefined,
        staffUserId: '9',
        who: encodeURIComponent('石桥镇党政办'),
      }),
    ).toEqual({
      source: {
        figure: 'onTime',
        part: 'denominator',
        from: '2026-11-01',
        to: '2026-11-21',
        unitId: 2,
        staffUserId: 9,
      },
      count: 2,
      who: '石桥镇党政办',
    });
  });
});
