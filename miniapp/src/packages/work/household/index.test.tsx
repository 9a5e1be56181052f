import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { addDays, localDateOf } from '@mqlk/shared';

import { typeInto } from '../../../../test/dom';
import { householdDetail, pageOf, visit } from '../../../../test/household-fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { getMyHousehold, listVisits, recordVisit } from '../../../services/api/households';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import HouseholdPage from './index';

jest.mock('../../../services/api/households', () => ({
  getMyHousehold: jest.fn(),
  listVisits: jest.fn(),
  recordVisit: jest.fn(),
}));
jest.mock('../../../services/api/photos', () => ({ uploadPhoto: jest.fn() }));

const detail = jest.mocked(getMyHousehold);
const diary = jest.mocked(listVisits);
const record = jest.mocked(recordVisit);

const FOUND = '家里的情况、群众说了什么、有什么困难';
const MET = '例如：户主本人、老伴、儿媳';

async function openPage() {
  saveSession(signedIn('cadre', '李明'));
  setRouterParams({ id: '31' });
  render(<HouseholdPage />);
  await screen.findByText('红星村三组12号');
}

beforeEach(() => {
  restoreSession();
  detail.mockReset().mockResolvedValue(householdDetail());
  diary.mockReset().mockResolvedValue(pageOf([]));
  record.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('一户联户', () => {
  it('shows the household, a call button and an empty diary that says what to do', async () => {
    await openPage();
    expect(screen.getByText('户主 周玉芬 · 家庭人口2人 · 结亲')).toBeInTheDocument();
    expect(screen.getByText('打电话给周玉芬')).toBeInTheDocument();
    expect(screen.getByText('还没有走访记录。走访后点上面的“记一次走访”。')).toBeInTheDocument();
    expect(detail).toHaveBeenCalledWith(31);
    expect(diary).toHaveBeenCalledWith(1, 31);
  });

  it('lists visits, the duty day marked, a predecessor’s named, and turns one into a request', async () => {
    diary.mockResolvedValue(
      pageOf([
        visit({ requests: [{ id: 900, number: 'MQ-20261207-0001' }] }),
        visit({
          id: 400,
          visitedOn: '2026-11-02',
          onDutyDay: false,
          cadreId: 5,
          cadreName: '张三',
        }),
      ]),
    );
    await openPage();
    expect(await screen.findByText('走访日记（2次）')).toBeInTheDocument();
    expect(screen.getAllByText('一线工作日')).toHaveLength(1);
    expect(screen.getByText('张三记录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已登记诉求 MQ-20261207-0001 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/request/index?id=900',
    });
    // Only the cadre's own visits offer the moves: one action pair on the page.
    expect(screen.getAllByText('转为诉求（代登记）')).toHaveLength(1);
    fireEvent.click(screen.getByText('转为诉求（代登记）'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/record/index?mode=on_behalf&visitId=501&householdId=31',
    });
    fireEvent.click(screen.getByText('当场解决了，请群众确认'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/record/index?mode=on_spot&visitId=501&householdId=31',
    });
  });
});

describe('记一次走访', () => {
  it('says what is missing in Chinese before sending anything', async () => {
    await openPage();
    fireEvent.click(screen.getByText('记一次走访'));
    fireEvent.click(screen.getByText('保存走访'));
    expect(screen.getByText('请填写见到的人')).toBeInTheDocument();
    expect(screen.getByText('请填写走访情况')).toBeInTheDocument();
    expect(record).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the network fails, and sends the same key again', async () => {
    record
      .mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0))
      .mockResolvedValueOnce(visit());
    await openPage();
    fireEvent.click(screen.getByText('记一次走访'));
    fireEvent.click(screen.getByText('昨天'));
    fireEvent.input(screen.getByPlaceholderText(MET), { target: { value: '老伴' } });
    await typeInto(FOUND, '老人腿疼，想问问医保报销');
    fireEvent.click(screen.getByText('保存走访'));
    expect(await screen.findByText(`! ${NETWORK_ERROR_MESSAGE}`)).toBeInTheDocument();
    expect(screen.getByPlaceholderText(MET)).toHaveValue('老伴');
    const yesterday = addDays(localDateOf(new Date()), -1);
    expect(record).toHaveBeenLastCalledWith(
      {
        householdId: 31,
        visitedOn: yesterday,
        met: '老伴',
        found: '老人腿疼，想问问医保报销',
        photoIds: [],
      },
      expect.any(String),
    );
    const key = record.mock.calls[0]![1];
    fireEvent.click(screen.getByText('重新保存走访'));
    await waitFor(() => expect(record).toHaveBeenCalledTimes(2));
    expect(record.mock.calls[1]![1]).toBe(key);
    // Saved: the form closes and the diary is read again.
    expect(await screen.findByText('记一次走访')).toBeInTheDocument();
    await waitFor(() => expect(diary).toHaveBeenCalledTimes(2));
  });

  it('shows the server’s refusal of the date under the field', async () => {
    record.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '填写的内容有误', 400, {
        details: [{ field: 'visitedOn', message: '只能补记30天内的走访' }],
      }),
    );
    await openPage();
    fireEvent.click(screen.getByText('记一次走访'));
    fireEvent.input(screen.getByPlaceholderText(MET), { target: { value: '户主本人' } });
    await typeInto(FOUND, '一切都好');
    fireEvent.click(screen.getByText('保存走访'));
    const form = within(
      screen
        .getByText('记一次走访', { selector: '.household-page__title' })
        .closest('.mq-section') as HTMLElement,
    );
    expect(await form.findByText('只能补记30天内的走访')).toBeInTheDocument();
  });
});
