import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { anomalyList, burstAnomaly } from '../../../../test/figure-fixtures';
import { unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { getUnits } from '../../../services/api/office';
import { getAnomalies } from '../../../services/api/stats';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { lastDays, presetPeriod } from '../../../utils/period';
import { gapText } from './anomaly-card';
import AnomaliesPage, { DEFAULT_DAYS } from './index';

jest.mock('../../../services/api/stats', () => ({ getAnomalies: jest.fn() }));
jest.mock('../../../services/api/office', () => ({ getUnits: jest.fn() }));

const anomaliesOf = jest.mocked(getAnomalies);
const units = jest.mocked(getUnits);

function cardOf(label: string): HTMLElement {
  const card = screen
    .getAllByText(label)
    .map((el) => el.closest('.anomaly-card'))
    .find((el): el is HTMLElement => el instanceof HTMLElement);
  if (!card) throw new Error(`no card ${label}`);
  return card;
}

async function openPage(role: 'staff' | 'admin' = 'admin') {
  saveSession(signedIn(role));
  render(<AnomaliesPage />);
  await screen.findByText(/青山镇 · .*2026年10月23日至2026年11月21日/);
  await screen.findByText('单位');
}

beforeEach(() => {
  restoreSession();
  setRouterParams({});
  anomaliesOf.mockReset();
  units.mockReset();
  anomaliesOf.mockResolvedValue(anomalyList());
  units.mockResolvedValue(unitTree());
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('AnomaliesPage', () => {
  it('is for township and county staff only', () => {
    saveSession(signedIn('cadre'));

    render(<AnomaliesPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(anomaliesOf).not.toHaveBeenCalled();
  });

  it('says first that these are hints that change no figure, and loads the last 30 days', async () => {
    await openPage();

    expect(anomaliesOf).toHaveBeenCalledWith(lastDays(DEFAULT_DAYS), undefined);
    const notice = screen.getByText('仅供核查，不改变任何指标').parentElement!;
    expect(notice).toHaveTextContent('被提示的评价照常计入满意率等各项指标');
    expect(screen.getByText(/共2条提示/)).toBeInTheDocument();
    expect(
      screen.getByText('短时间内集中收到评价：1条；同一账号评价多名干部的诉求：1条'),
    ).toBeInTheDocument();
  });

  it('shows each flag as a card: kind, summary, cadre, rule in words and the requests behind it', async () => {
    await openPage();

    const burst = cardOf('短时间内集中收到评价');
    expect(burst).toHaveTextContent('李明在60分钟内收到5条评价');
    expect(burst).toHaveTextContent('干部李明');
    expect(burst).toHaveTextContent('提示规则同一名干部在60分钟内收到5条或更多评价。');
    expect(burst).toHaveTextContent('涉及5条诉求');
    const rows = burst.querySelectorAll('.office-table__row:not(.office-table__head)');
    expect(rows).toHaveLength(5);
    expect(burst).not.toHaveTextContent('显示全部');
    const first = rows[0] as HTMLElement;
    expect(first).toHaveTextContent('MQ-20261105-0040');
    expect(first).toHaveTextContent(/办结时间(2026年)?11月5日 10:00:00/);
    expect(first).toHaveTextContent(/评价时间(2026年)?11月5日 10:00:12/);
    expect(first).toHaveTextContent('办结到评价⚠ 办结后12秒');
    expect(first).toHaveTextContent('评价5星 非常满意');
    // Three hours is not "within seconds": no warning sign.
    expect(rows[4]).toHaveTextContent('办结到评价办结后3小时评价');
    expect(rows[4]).not.toHaveTextContent('⚠');

    // A number opens the staff request page.
    fireEvent.click(within(first).getByText('MQ-20261105-0040'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/request/index?id=40' });

    // The cadre's ratings of the period, inside the flags' unit.
    fireEvent.click(within(burst).getByText('查看这段时间计入统计的全部评价 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url:
        '/packages/work/figure-requests/index?figure=ratings&part=numerator&from=2026-10-23' +
        `&to=2026-11-21&unitId=2&cadreId=11&who=${encodeURIComponent('李明')}`,
    });
  });

  it('names the rating account of a flag about one account, and no cadre', async () => {
    await openPage('staff');

    const many = cardOf('同一账号评价多名干部的诉求');
    expect(many).toHaveTextContent('同一评价账号评价了3名干部的3条诉求');
    expect(many).toHaveTextContent('评价账号139****0001');
    expect(many).not.toHaveTextContent('干部李明');
    expect(many).toHaveTextContent('同一个评价账号在这段时间内评价了3名或更多干部办理的诉求。');
    expect(many).toHaveTextContent('办结到评价—');
    expect(many).toHaveTextContent('王强');
  });

  it('reloads for another period and unit, and opens on the unit it was linked with', async () => {
    setRouterParams({ unitId: '4' });
    await openPage();
    expect(anomaliesOf).toHaveBeenLastCalledWith(lastDays(DEFAULT_DAYS), 4);

    fireEvent.click(screen.getByText('上月'));
    expect(anomaliesOf).toHaveBeenLastCalledWith(presetPeriod('last_month'), 4);
    await screen.findByText(/共2条提示/);

    fireEvent.click(screen.getByText('前进村'));
    fireEvent.click(screen.getByText('红星村'));
    expect(anomaliesOf).toHaveBeenLastCalledWith(presetPeriod('last_month'), 3);
    await screen.findByText(/共2条提示/);
  });

  it('names the default period as the last 30 days', async () => {
    // The server answers for the dates asked.
    anomaliesOf.mockImplementation((asked) =>
      Promise.resolve(anomalyList({ period: { from: asked.from!, to: asked.to! } })),
    );
    saveSession(signedIn('admin'));
    render(<AnomaliesPage />);

    expect(await screen.findByText(/^青山镇 · 最近30天：.+ · 共2条提示$/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('今年'));
    expect(await screen.findByText(/^青山镇 · \d{4}年1月1日至/)).toBeInTheDocument();
  });

  it('lists the first 5 requests of a long flag, and all of them on demand', async () => {
    const seven = burstAnomaly().requests.concat(
      [5, 6].map((i) => ({
        ...burstAnomaly().requests[0]!,
        requestId: 40 + i,
        number: `MQ-2026110${i}`,
      })),
    );
    anomaliesOf.mockResolvedValue(
      anomalyList({
        anomalies: [burstAnomaly({ summary: '李明在60分钟内收到7条评价', requests: seven })],
      }),
    );
    await openPage();

    const card = cardOf('李明在60分钟内收到7条评价');
    const rows = () => card.querySelectorAll('.office-table__row:not(.office-table__head)');
    expect(card).toHaveTextContent('涉及7条诉求');
    expect(rows()).toHaveLength(5);
    fireEvent.click(within(card).getByText('显示全部7条 ▼'));
    expect(rows()).toHaveLength(7);
    fireEvent.click(within(card).getByText('只看前5条 ▲'));
    expect(rows()).toHaveLength(5);
  });

  it('says when nothing was found', async () => {
    anomaliesOf.mockResolvedValue(anomalyList({ anomalies: [] }));
    await openPage();

    expect(screen.getByText('这段时间没有发现异常')).toBeInTheDocument();
    expect(screen.getByText('可以把时间放长一些，或换一个单位再看。')).toBeInTheDocument();
    expect(document.querySelector('.anomaly-card')).toBeNull();
    expect(screen.queryByText(/条提示/)).not.toBeInTheDocument();
  });

  it('says in Chinese when it could not load, and retries', async () => {
    anomaliesOf.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络不太好，请稍后再试', 0));
    saveSession(signedIn('admin'));
    render(<AnomaliesPage />);

    expect(await screen.findByText('没有加载出来')).toBeInTheDocument();
    expect(screen.getByText('网络不太好，请稍后再试')).toBeInTheDocument();

    anomaliesOf.mockResolvedValueOnce(anomalyList({ anomalies: [burstAnomaly()] }));
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('李明在60分钟内收到5条评价')).toBeInTheDocument();
    expect(anomaliesOf).toHaveBeenCalledTimes(2);
  });

  it('says how long after the resolution a rating came', () => {
    expect(gapText(12_400)).toBe('12秒');
    expect(gapText(5 * 60_000 + 3000)).toBe('5分钟');
    expect(gapText(3 * 3_600_000)).toBe('3小时');
    expect(gapText(3 * 3_600_000 + 20 * 60_000)).toBe('3小时20分');
    expect(gapText(2 * 86_400_000 + 4 * 3_600_000)).toBe('2天4小时');
    expect(gapText(400)).toBe('不到1秒');
    expect(gapText(-5000)).toBe('不到1秒');
  });
});
