import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { figureSet, myFigures, rate } from '../../../../test/figure-fixtures';
import { signedIn } from '../../../../test/sessions';
import { getMyFigures } from '../../../services/api/stats';
import { restoreSession, saveSession } from '../../../services/session';
import { presetPeriod } from '../../../utils/period';
import MyFiguresPage from './index';

jest.mock('../../../services/api/stats', () => ({ getMyFigures: jest.fn() }));

const mine = jest.mocked(getMyFigures);

const lineOf = (scope: HTMLElement, figure: string) => {
  const line = scope.querySelector(`.my-figures__line--${figure}`);
  if (!(line instanceof HTMLElement)) throw new Error(`no ${figure}`);
  return line;
};
const groupOf = (title: string) => screen.getByText(title).closest('.mq-section') as HTMLElement;

async function openPage() {
  saveSession(signedIn('cadre', '李明'));
  render(<MyFiguresPage />);
  await screen.findByText(/李明 · 2026年11月1日至2026年11月21日/);
}

beforeEach(() => {
  restoreSession();
  mine.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('MyFiguresPage', () => {
  it('is for cadres', () => {
    saveSession(signedIn('staff'));

    render(<MyFiguresPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(mine).not.toHaveBeenCalled();
  });

  it('shows the rating figures over 5 ratings or more, none of them opening a list', async () => {
    mine.mockResolvedValue(myFigures());
    await openPage();

    expect(mine).toHaveBeenCalledWith(presetPeriod('this_month'));
    const ratings = groupOf('评价');
    expect(lineOf(ratings, 'satisfaction')).toHaveTextContent('满意率96.5%（193/200）');
    expect(lineOf(ratings, 'averageScore')).toHaveTextContent('平均分88.5分（200条评价）');
    fireEvent.click(within(lineOf(ratings, 'satisfaction')).getByText('193'));
    expect(Taro.navigateTo).not.toHaveBeenCalled();

    // Its own numbers that rest on no rating open their requests, as the cadre's own.
    const work = groupOf('办理');
    expect(lineOf(work, 'onTime')).toHaveTextContent('按时办结率90.0%（18/20）');
    fireEvent.click(within(lineOf(work, 'onTime')).getByText('20'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url:
        '/packages/work/figure-requests/index?figure=onTime&part=denominator&from=2026-11-01' +
        `&to=2026-11-21&n=20&who=${encodeURIComponent('李明')}`,
    });
  });

  it('says 评价不足5条，暂不显示 instead of any rating figure under 5 ratings', async () => {
    const few = figureSet({ received: 4, resolved: 3, onTime: rate(2, 3) });
    mine.mockResolvedValue(
      myFigures({
        figures: few,
        ratingsShown: false,
        months: [
          {
            month: '2026-11',
            period: { from: '2026-11-01', to: '2026-11-30' },
            figures: few,
            ratingsShown: false,
          },
        ],
      }),
    );
    await openPage();

    const ratings = groupOf('评价');
    expect(within(ratings).getByText('评价不足5条，暂不显示')).toBeInTheDocument();
    expect(ratings).not.toHaveTextContent('满意率');
    expect(ratings).not.toHaveTextContent('暂无数据');
    expect(lineOf(groupOf('办理'), 'received')).toHaveTextContent('受理诉求4');

    const november = screen.getByText('2026年11月').closest('.my-figures__month') as HTMLElement;
    expect(lineOf(november, 'satisfaction')).toHaveTextContent('满意率评价不足5条，暂不显示');
    expect(lineOf(november, 'onTime')).toHaveTextContent('按时办结率66.7%（2/3）');
    fireEvent.click(within(lineOf(november, 'received')).getByText('4'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: expect.stringContaining(
        'figure=received&part=numerator&from=2026-11-01&to=2026-11-30',
      ) as string,
    });
  });

  it('folds the months without work into one line, newest month first', async () => {
    const quiet = (month: string) => ({
      month,
      period: { from: `${month}-01`, to: `${month}-28` },
      figures: figureSet(),
      ratingsShown: false,
    });
    mine.mockResolvedValue(
      myFigures({
        months: [
          quiet('2026-08'),
          quiet('2026-09'),
          {
            month: '2026-10',
            period: { from: '2026-10-01', to: '2026-10-31' },
            figures: figureSet({ received: 1 }),
            ratingsShown: false,
          },
          quiet('2026-11'),
        ],
      }),
    );
    await openPage();

    const months = screen.getByText('近12个月').closest('.mq-section') as HTMLElement;
    const lines = [...months.children].slice(1).map((el) => el.textContent);
    expect(lines).toEqual([
      '2026年11月：没有受理、办结或到期的诉求',
      expect.stringMatching(/^2026年10月受理诉求1/),
      '2026年8月至2026年9月：没有受理、办结或到期的诉求',
    ]);
  });

  it('reloads for another period', async () => {
    mine.mockResolvedValue(myFigures());
    await openPage();

    fireEvent.click(screen.getByText('今年'));

    expect(mine).toHaveBeenLastCalledWith(presetPeriod('this_year'));
    expect(await screen.findByText('✓ 今年')).toBeInTheDocument();
  });
});
