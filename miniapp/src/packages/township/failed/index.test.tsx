import Taro from '@tarojs/taro';
import { ERRORS, type FailedDelivery, type Page } from '@mqlk/shared';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { failedDelivery } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { listFailedDeliveries, retryDelivery } from '../../../services/api/notices';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import FailedNoticesPage from './index';

jest.mock('../../../services/api/notices', () => ({
  listFailedDeliveries: jest.fn(),
  retryDelivery: jest.fn(),
}));

const failed = jest.mocked(listFailedDeliveries);
const retry = jest.mocked(retryDelivery);

function page(items: FailedDelivery[], total = items.length, pageNo = 1): Page<FailedDelivery> {
  return { items, total, page: pageNo, pageSize: 20 };
}

function itemOf(text: string): HTMLElement {
  const item = screen.getByText(text).closest('.failed-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no failed item for ${text}`);
  return item;
}

const toCadre = failedDelivery();
const bySms = failedDelivery({
  id: 32,
  channel: 'sms',
  kind: 'resolved',
  recipientName: '张大爷',
  title: '诉求已办结',
  body: '您反映的饮水问题已办结，请评价。',
  requestId: null,
  requestNumber: null,
  attempts: 6,
  lastError: '短信平台拒收：号码不存在',
  lastAttemptAt: null,
});

beforeEach(() => {
  restoreSession();
  failed.mockReset();
  retry.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('FailedNoticesPage', () => {
  it('is for township staff only', () => {
    saveSession(signedIn('cadre'));
    render(<FailedNoticesPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(failed).not.toHaveBeenCalled();
  });

  it('shows to whom, by which channel, what, for which request, how often and why', async () => {
    saveSession(signedIn('staff'));
    failed.mockResolvedValueOnce(page([toCadre, bySms]));
    render(<FailedNoticesPage />);

    await screen.findByText('诉求已超期');
    const cadre = itemOf('诉求已超期');
    expect(failed).toHaveBeenCalledWith(1);
    expect(within(cadre).getByText('发给：李明 · 微信订阅消息')).toBeInTheDocument();
    expect(within(cadre).getByText(/请尽快办理/)).toBeInTheDocument();
    expect(within(cadre).getByText('已尝试6次，最后一次在11月21日 14:00')).toBeInTheDocument();
    expect(within(cadre).getByText('原因：对方没有订阅这类微信消息')).toBeInTheDocument();
    expect(within(cadre).getByText('发送失败').closest('.mq-badge')).toHaveTextContent('✕发送失败');

    const sms = itemOf('诉求已办结');
    expect(within(sms).getByText('发给：张大爷 · 短信')).toBeInTheDocument();
    expect(within(sms).getByText('已尝试6次')).toBeInTheDocument();
    expect(within(sms).queryByText(/^诉求 MQ/)).not.toBeInTheDocument();

    fireEvent.click(within(cadre).getByText('诉求 MQ-20261121-0042 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/request/index?id=42' });
  });

  it('sends one again, saying so while it works and once it is queued', async () => {
    saveSession(signedIn('staff'));
    failed.mockResolvedValueOnce(page([toCadre, bySms]));
    let answer: (value: FailedDelivery) => void = () => undefined;
    retry.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(<FailedNoticesPage />);
    await screen.findByText('诉求已超期');

    fireEvent.click(within(itemOf('诉求已超期')).getByText('重新发送'));

    expect(retry).toHaveBeenCalledWith(31);
    expect(within(itemOf('诉求已超期')).getByText('正在重新发送…')).toBeInTheDocument();
    await act(async () => answer({ ...toCadre, status: 'pending', attempts: 0 }));
    const item = itemOf('诉求已超期');
    expect(within(item).getByText('✓ 已重新加入发送队列，稍后会再发一次。')).toBeInTheDocument();
    expect(within(item).getByText('等待发送').closest('.mq-badge')).toHaveTextContent('↻等待发送');
    expect(within(item).queryByText('重新发送')).not.toBeInTheDocument();
    expect(within(itemOf('诉求已办结')).getByText('重新发送')).toBeInTheDocument();
  });

  it("shows the server's reason when sending again is refused, and lets staff try again", async () => {
    saveSession(signedIn('staff'));
    failed.mockResolvedValueOnce(page([toCadre]));
    retry
      .mockRejectedValueOnce(
        new ApiError('DELIVERY_NOT_FAILED', ERRORS.DELIVERY_NOT_FAILED.message, 409),
      )
      .mockResolvedValueOnce({ ...toCadre, status: 'pending' });
    render(<FailedNoticesPage />);

    fireEvent.click(await screen.findByText('重新发送'));

    expect(await screen.findByText(`! ${ERRORS.DELIVERY_NOT_FAILED.message}`)).toBeInTheDocument();
    fireEvent.click(screen.getByText('重新发送'));
    expect(await screen.findByText('✓ 已重新加入发送队列，稍后会再发一次。')).toBeInTheDocument();
    expect(retry).toHaveBeenCalledTimes(2);
  });

  it('says when nothing failed', async () => {
    saveSession(signedIn('staff'));
    failed.mockResolvedValueOnce(page([]));
    render(<FailedNoticesPage />);

    expect(await screen.findByText('没有发送失败的通知')).toBeInTheDocument();
  });

  it('loads more pages', async () => {
    saveSession(signedIn('staff'));
    failed.mockResolvedValueOnce(page([toCadre], 2)).mockResolvedValueOnce(page([bySms], 2, 2));
    render(<FailedNoticesPage />);

    fireEvent.click(await screen.findByText('加载更多（已显示1条，共2条）'));

    expect(await screen.findByText('诉求已办结')).toBeInTheDocument();
    expect(failed).toHaveBeenLastCalledWith(2);
  });
});
