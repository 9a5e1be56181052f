import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';

import {
  figureRow,
  figureSeries,
  rowsPage,
  figureSet,
  rate,
  unitFigures,
} from '../../../../test/figure-fixtures';
import { unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { getUnits } from '../../../services/api/office';
import { FIGURE_PAGE_ROWS, getFigureSeries, getUnitFigures } from '../../../services/api/stats';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { presetPeriod } from '../../../utils/period';
import FiguresPage, { levelsBelow } from './index';

jest.mock('../../../services/api/stats', () => ({
  ...jest.requireActual<object>('../../../services/api/stats'),
  getUnitFigures: jest.fn(),
  getFigureSeries: jest.fn(),
}));
jest.mock('../../../services/api/office', () => ({ getUnits: jest.fn() }));
// Canvas drawing is for the browser flows; here the chart is its label and the numbers beside it.
jest.mock('./charts/chart-canvas', () => ({
  ChartCanvas: ({ label }: { label: string }) => <div data-testid="chart">{label}</div>,
}));

const figuresOf = jest.mocked(getUnitFigures);
const seriesOf = jest.mocked(getFigureSeries);
const units = jest.mocked(getUnits);

function rowOf(name: string): HTMLElement {
  const row = screen
    .getAllByText(name)
    .map((el) => el.closest('.figures-table__row'))
    .find((el): el is HTMLElement => el instanceof HTMLElement);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

const cell = (row: HTMLElement, figure: string) => {
  const found = row.querySelector(`.figures-table__cell--${figure}`);
  if (!(found instanceof HTMLElement)) throw new Error(`no ${figure} in the row`);
  return found;
};

/** Opens the unit chooser and picks a unit in its tree. */
function chooseUnit(name: string) {
  fireEvent.click(screen.getByText('选择 ▼'));
  fireEvent.click(screen.getByText(name));
}

/** Until the figures, the unit list and the months have all arrived. */
async function settled() {
  await screen.findByText(/青山镇 · 2026年11月1日至2026年11月21日/);
  // The unit list has arrived: the chooser shows.
  await screen.findByText('选择 ▼');
  await screen.findByText('近12个月走势');
}

async function openPage() {
  saveSession(signedIn('staff'));
  render(<FiguresPage />);
  await settled();
}

beforeEach(() => {
  restoreSession();
  for (const mock of [figuresOf, seriesOf, units]) mock.mockReset();
  figuresOf.mockResolvedValue(unitFigures());
  seriesOf.mockResolvedValue(figureSeries());
  units.mockResolvedValue(unitTree());
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('FiguresPage', () => {
  it('is for township and county staff only', () => {
    saveSession(signedIn('cadre'));

    render(<FiguresPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(figuresOf).not.toHaveBeenCalled();
  });

  it('loads this month of the scope, one row per cadre, every rate with its numerator and denominator', async () => {
    await openPage();

    const thisMonth = presetPeriod('this_month');
    expect(figuresOf).toHaveBeenCalledWith(thisMonth, 'cadre', undefined, 1);
    const li = rowOf('李明');
    expect(within(li).getByText('网格员 · 红星村')).toBeInTheDocument();
    expect(cell(li, 'received')).toHaveTextContent('受理诉求230');
    expect(cell(li, 'satisfaction')).toHaveTextContent('满意率96.5%（193/200）');
    expect(cell(li, 'onTime')).toHaveTextContent('按时办结率90.0%（18/20）');
    expect(cell(li, 'averageScore')).toHaveTextContent('平均分88.5分（200条评价）');
    expect(cell(li, 'acceptanceHours')).toHaveTextContent('平均签收时长3.5小时（40次签收）');
    expect(cell(li, 'levelVillage')).toHaveTextContent('村级办结71.4%（150/210）');

    // An empty base is 暂无数据, never 0% — and there is nothing to open.
    const zhao = rowOf('赵丽');
    expect(cell(zhao, 'onTime')).toHaveTextContent('按时办结率暂无数据');
    expect(cell(zhao, 'onTime')).not.toHaveTextContent('0%');
    expect(within(cell(zhao, 'onTime')).queryByText('0')).not.toBeInTheDocument();
    expect(cell(zhao, 'averageScore')).toHaveTextContent('平均分暂无数据');

    const total = rowOf('青山镇（合计）');
    expect(total).toHaveClass('figures-table__row--total');
    expect(cell(total, 'satisfaction')).toHaveTextContent('96.5%（193/200）');
  });

  it("opens the requests behind a number: the row's cadre, the figure, the part and the count", async () => {
    await openPage();

    fireEvent.click(within(cell(rowOf('李明'), 'onTime')).getByText('20'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url:
        '/packages/work/figure-requests/index?figure=onTime&part=denominator&from=2026-11-01' +
        `&to=2026-11-21&unitId=2&cadreId=11&n=20&who=${encodeURIComponent('李明')}`,
    });

    fireEvent.click(within(cell(rowOf('青山镇（合计）'), 'received')).getByText('230'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url:
        '/packages/work/figure-requests/index?figure=received&part=numerator&from=2026-11-01' +
        `&to=2026-11-21&unitId=2&n=230&who=${encodeURIComponent('青山镇（合计）')}`,
    });
  });

  it('a unit row opens its own unit; a row of staff work opens their own requests', async () => {
    figuresOf.mockResolvedValue(
      unitFigures({
        level: 'village',
        rows: [
          figureRow({ key: 'unit:3', kind: 'unit', id: 3, name: '红星村', note: '青山镇' }),
          figureRow({
            key: 'staff:9',
            kind: 'staff',
            id: 9,
            name: '青山镇党政办',
            note: '乡镇工作人员直接办理',
            figures: figureSet({ received: 5 }),
          }),
        ],
      }),
    );
    await openPage();

    fireEvent.click(within(cell(rowOf('红星村'), 'satisfaction')).getByText('193'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: expect.stringContaining('figure=satisfaction&part=numerator') as string,
    });
    expect(jest.mocked(Taro.navigateTo).mock.calls[0]?.[0].url).toContain('&unitId=3&n=193');

    // `staff:9` is the account 9: its work inside the page's unit.
    fireEvent.click(within(cell(rowOf('青山镇党政办'), 'received')).getByText('5'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url:
        '/packages/work/figure-requests/index?figure=received&part=numerator&from=2026-11-01' +
        `&to=2026-11-21&unitId=2&staffUserId=9&n=5&who=${encodeURIComponent('青山镇党政办')}`,
    });
  });

  it('leads to the anomaly list and offers last month’s report of the chosen unit', async () => {
    await openPage();

    const report = screen.getByText('月报').closest('.monthly-report') as HTMLElement;
    expect(within(report).getByText('青山镇')).toBeInTheDocument();
    expect(within(report).getByText('下载月报（PDF，可打印）')).toBeInTheDocument();

    chooseUnit('前进村');
    await settled();
    expect(
      within(screen.getByText('月报').closest('.monthly-report') as HTMLElement).getByText(
        '前进村',
      ),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByText('评价异常提示 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/township/anomalies/index?unitId=4',
    });
  });

  it('offers only the levels below the unit, and reloads for another level, unit and period', async () => {
    await openPage();

    const levels = screen.getByText('每行是').parentElement!;
    expect(within(levels).getByText('✓ 干部')).toBeInTheDocument();
    expect(within(levels).getByText('网格')).toBeInTheDocument();
    expect(within(levels).getByText('村（社区）')).toBeInTheDocument();
    expect(within(levels).queryByText('乡镇（街道）')).not.toBeInTheDocument();

    fireEvent.click(within(levels).getByText('村（社区）'));
    const thisMonth = presetPeriod('this_month');
    expect(figuresOf).toHaveBeenLastCalledWith(thisMonth, 'village', undefined, 1);
    await screen.findByText(/2026年11月21日 · 每行一个/);

    // A village has no villages under it: the rows go back to its cadres.
    chooseUnit('前进村');
    expect(figuresOf).toHaveBeenLastCalledWith(thisMonth, 'cadre', 4, 1);
    expect(seriesOf).toHaveBeenLastCalledWith(4);
    await settled();

    fireEvent.click(screen.getByText('上月'));
    expect(figuresOf).toHaveBeenLastCalledWith(presetPeriod('last_month'), 'cadre', 4, 1);
    await settled();
  });

  it('levels below each kind of unit', () => {
    expect(levelsBelow('county')).toEqual(['cadre', 'grid', 'village', 'township']);
    expect(levelsBelow('township')).toEqual(['cadre', 'grid', 'village']);
    expect(levelsBelow('village')).toEqual(['cadre', 'grid']);
    expect(levelsBelow('grid')).toEqual(['cadre']);
  });

  it('ranks with 排名分 and n beside each score, and lists 样本不足 apart, unranked', async () => {
    await openPage();

    const ranking = screen.getByText('排名（按干部）').closest('.mq-section') as HTMLElement;
    const first = ranking.querySelector('.figures-ranking__row') as HTMLElement;
    expect(first).toHaveTextContent('第1名');
    expect(first).toHaveTextContent('李明');
    expect(first).toHaveTextContent('排名分96.5');
    expect(first).toHaveTextContent('满意率96.5%（193/200）');
    expect(first).toHaveTextContent('评价数n = 200');
    expect(ranking.querySelectorAll('.figures-ranking__row')).toHaveLength(1);
    expect(within(ranking).getByTestId('chart')).toHaveTextContent('第1名李明96.5分');

    const apart = ranking.querySelector('.figures-ranking__apart') as HTMLElement;
    expect(apart).toHaveTextContent('样本不足（评价不足5条，不参加排名）');
    expect(apart).toHaveTextContent('赵丽（n = 3）');
    expect(within(ranking).getByTestId('chart')).not.toHaveTextContent('赵丽');

    // p₀ is the whole scope's 满意率, with its numbers.
    expect(ranking).toHaveTextContent('青山镇全部的满意率96.1%（195/203');
  });

  it('draws the trend and the levels of resolution with their numbers beside them', async () => {
    await openPage();

    const trend = (await screen.findByText('近12个月走势')).closest('.mq-section') as HTMLElement;
    expect(within(trend).getByTestId('chart')).toBeInTheDocument();
    const november = within(trend).getByText('2026年11月').closest('.figures-numbers__row');
    expect(november).toHaveTextContent('满意率96.5%（193/200）');
    expect(november).toHaveTextContent('按时办结率90.0%（18/20）');
    expect(november).toHaveTextContent('解决率94.7%（180/190）');
    const october = within(trend).getByText('2026年10月').closest('.figures-numbers__row');
    expect(october).toHaveTextContent('满意率暂无数据');

    fireEvent.click(within(november as HTMLElement).getByText('18'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: expect.stringContaining(
        'figure=onTime&part=numerator&from=2026-11-01&to=2026-11-30&unitId=2&n=18',
      ) as string,
    });

    const levels = screen.getByText('解决层级（小事不出村）').closest('.mq-section') as HTMLElement;
    expect(within(levels).getByTestId('chart')).toHaveTextContent(
      '解决层级：村级71.4%，乡镇级23.8%，县级4.8%',
    );
    expect(levels).toHaveTextContent('县级办结4.8%（10/210）');

    const categories = screen.getByText('诉求类别').closest('.mq-section') as HTMLElement;
    expect(within(categories).getByTestId('chart')).toHaveTextContent(
      '诉求类别：实际困难150件，政策咨询50件，发展建议30件',
    );
    expect(categories).toHaveTextContent('实际困难150件（65.2%）');
  });

  it('pages through many rows, asking the server for one page at a time', async () => {
    const many = Array.from({ length: FIGURE_PAGE_ROWS + 3 }, (_, i) =>
      figureRow({ key: `cadre:${100 + i}`, id: 100 + i, name: `干部${i + 1}号` }),
    );
    const total = many.length;
    figuresOf.mockImplementation((_period, _level, _unitId, page = 1) =>
      Promise.resolve(
        unitFigures({
          rows: rowsPage(many.slice((page - 1) * FIGURE_PAGE_ROWS, page * FIGURE_PAGE_ROWS), {
            page,
            total,
          }),
        }),
      ),
    );
    await openPage();

    expect(screen.getByText('第1/2页，共23个干部')).toBeInTheDocument();
    expect(rowOf('干部20号')).toBeInTheDocument();
    expect(document.querySelector('.figures-table')).not.toHaveTextContent('干部21号');
    fireEvent.click(screen.getByText('下一页 ›'));
    expect(await screen.findByText('第2/2页，共23个干部')).toBeInTheDocument();
    expect(rowOf('干部23号')).toBeInTheDocument();
    expect(document.querySelector('.figures-table')).not.toHaveTextContent('干部20号');
    expect(figuresOf).toHaveBeenLastCalledWith(presetPeriod('this_month'), 'cadre', undefined, 2);
  });

  it('says what to do when there is nothing to show, and retries after a failure', async () => {
    figuresOf.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络不太好，请稍后再试', 0));
    saveSession(signedIn('staff'));
    render(<FiguresPage />);

    expect(await screen.findByText('没有加载出来')).toBeInTheDocument();
    await screen.findByText('近12个月走势');
    expect(screen.getByText('网络不太好，请稍后再试')).toBeInTheDocument();

    figuresOf.mockResolvedValueOnce(
      unitFigures({
        total: figureSet(),
        rows: [],
        ranking: { baseline: rate(0, 0), m: 10, ranked: [], insufficient: [] },
        categories: [],
      }),
    );
    fireEvent.click(screen.getByText('重试'));

    expect(
      await screen.findByText(/这段时间青山镇还没有受理、办结或评价的诉求/),
    ).toBeInTheDocument();
    expect(screen.getByText(/青山镇下面还没有干部/)).toBeInTheDocument();
    expect(screen.getByText(/这段时间没有评价满5条的干部，暂不排名/)).toBeInTheDocument();
    expect(screen.getByText('这段时间还没有办结的诉求，暂无数据。')).toBeInTheDocument();
    expect(screen.getByText('这段时间还没有受理的诉求。')).toBeInTheDocument();
  });
});
