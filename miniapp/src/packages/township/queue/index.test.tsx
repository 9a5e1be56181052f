import Taro from '@tarojs/taro';
import type { Page, RequestSummary } from '@mqlk/shared';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { requestSummary, staffQueueCounts } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { showAgain } from '../../../../test/taro-mock';
import { getStaffQueueCounts, listStaffQueue } from '../../../services/api/requests';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import QueuePage from './index';

jest.mock('../../../services/api/requests', () => ({
  listStaffQueue: jest.fn(),
  getStaffQueueCounts: jest.fn(),
}));

const queue = jest.mocked(listStaffQueue);
const counts = jest.mocked(getStaffQueueCounts);

const page = (items: RequestSummary[]): Page<RequestSummary> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

function tile(label: string): HTMLElement {
  const element = screen.getByText(label).closest('.queue-counts__tile');
  if (!(element instanceof HTMLElement)) throw new Error(`no count tile ${label}`);
  return element;
}

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('staff', '周敏'));
  queue.mockReset();
  counts.mockReset();
  counts.mockResolvedValue(staffQueueCounts());
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('QueuePage', () => {
  it('opens on 差评核实 and lists what awaits verification', async () => {
    queue.mockResolvedValueOnce(
      page([requestSummary({ id: 9, preview: '水管没修好', status: 'under_review' })]),
    );
    render(<QueuePage />);

    expect(await screen.findByText('水管没修好')).toBeInTheDocument();
    expect(queue).toHaveBeenCalledWith('review', 1);
    expect(screen.getByText('✓ 差评核实')).toBeInTheDocument();
    expect(screen.getByText('差评核实中')).toBeInTheDocument();
    fireEvent.click(screen.getByText('水管没修好'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/request/index?id=9' });
  });

  it('says for every queue what it means when it is empty', async () => {
    queue.mockResolvedValue(page([]));
    render(<QueuePage />);

    expect(await screen.findByText('没有待核实的差评')).toBeInTheDocument();
    expect(screen.getByText(/群众给出差评后，诉求会来到这里等您核实/)).toBeInTheDocument();

    const expected: [string, string, string, RegExp][] = [
      ['作风投诉', 'conduct', '没有反映干部作风的诉求', /直接来到这里，由您办理或转办/],
      ['即将超期', 'due_soon', '没有即将超期的诉求', /只剩不到一个工作日/],
      ['已超期', 'overdue', '没有超期的诉求', /请及时督办/],
      ['督办中', 'supervised', '没有督办中的诉求', /在办结之前会出现在这里/],
      ['二次差评', 'flagged', '没有二次差评', /标记“二次差评，已报县”/],
      ['内容待审', 'content', '没有待审核的内容', /被微信检测拦下时，诉求会来到这里等您审核/],
      ['全部', 'all', '辖区内还没有诉求', /都会出现在这里/],
    ];
    for (const [tab, key, empty, body] of expected) {
      fireEvent.click(within(document.querySelector('.mq-tabs') as HTMLElement).getByText(tab));
      expect(await screen.findByText(empty)).toBeInTheDocument();
      expect(screen.getByText(body)).toBeInTheDocument();
      expect(queue).toHaveBeenLastCalledWith(key, 1);
    }
  });

  it('counts 即将超期, 已超期 and 督办中 at the top, each with a symbol and words', async () => {
    queue.mockResolvedValue(page([]));
    render(<QueuePage />);

    expect(await screen.findByText('! 即将超期')).toBeInTheDocument();
    expect(tile('! 即将超期')).toHaveTextContent('! 即将超期3件');
    expect(tile('! 即将超期')).toHaveClass('queue-counts__tile--warning');
    expect(tile('⚠ 已超期')).toHaveTextContent('⚠ 已超期1件');
    expect(tile('⚠ 已超期')).toHaveClass('queue-counts__tile--danger');
    expect(tile('⚑ 督办中')).toHaveTextContent('⚑ 督办中4件');
    expect(screen.getByText('差评核实 2件')).toBeInTheDocument();
    expect(screen.getByText('作风投诉 0件')).toBeInTheDocument();
    expect(screen.getByText('二次差评 0件')).toBeInTheDocument();
    expect(screen.getByText('内容待审 0件')).toBeInTheDocument();
  });

  it('counts 内容待审 and opens that queue from its count', async () => {
    queue.mockResolvedValue(page([]));
    counts.mockResolvedValue(staffQueueCounts({ content: 2 }));
    render(<QueuePage />);

    const chip = await screen.findByText('内容待审 2件');
    expect(chip.closest('[role="tab"]')).toHaveAttribute('aria-selected', 'false');
    fireEvent.click(chip);

    expect(await screen.findByText('没有待审核的内容')).toBeInTheDocument();
    expect(queue).toHaveBeenLastCalledWith('content', 1);
    expect(screen.getByText(/误判的请放行，确实不宜转交的写明理由后不予转交/)).toBeInTheDocument();
    expect(screen.getByText('内容待审 2件').closest('[role="tab"]')).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('opens a queue from its count', async () => {
    queue.mockResolvedValue(page([]));
    render(<QueuePage />);

    fireEvent.click(await screen.findByText('⚠ 已超期'));
    expect(await screen.findByText('没有超期的诉求')).toBeInTheDocument();
    expect(queue).toHaveBeenLastCalledWith('overdue', 1);
    expect(screen.getByText('✓ 已超期')).toBeInTheDocument();

    fireEvent.click(screen.getByText('⚑ 督办中'));
    expect(await screen.findByText('没有督办中的诉求')).toBeInTheDocument();
    expect(queue).toHaveBeenLastCalledWith('supervised', 1);

    fireEvent.click(screen.getByText('作风投诉 0件'));
    expect(await screen.findByText('没有反映干部作风的诉求')).toBeInTheDocument();
  });

  it('links to the failed notices with their number, and counts again on coming back', async () => {
    queue.mockResolvedValue(page([]));
    counts
      .mockResolvedValueOnce(staffQueueCounts({ failedNotices: 2 }))
      .mockResolvedValueOnce(staffQueueCounts({ failedNotices: 0, overdue: 5 }));
    render(<QueuePage />);

    fireEvent.click(await screen.findByText('✕ 发送失败的通知（2条） ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/township/failed/index' });

    showAgain();

    expect(await screen.findByText('发送失败的通知 ›')).toBeInTheDocument();
    expect(tile('⚠ 已超期')).toHaveTextContent('5件');
    expect(queue).toHaveBeenCalledTimes(2);
  });

  it('still works when the counts do not load', async () => {
    queue.mockResolvedValue(page([requestSummary({ id: 9, preview: '水管没修好' })]));
    counts.mockReset();
    counts.mockRejectedValue(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    render(<QueuePage />);

    expect(await screen.findByText('水管没修好')).toBeInTheDocument();
    await act(async () => undefined);
    expect(screen.queryByText('! 即将超期')).not.toBeInTheDocument();
    expect(screen.getByText('发送失败的通知 ›')).toBeInTheDocument();
  });
});
