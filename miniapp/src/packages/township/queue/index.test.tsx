import Taro from '@tarojs/taro';
import type { Page, RequestSummary } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { requestSummary } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { listStaffQueue } from '../../../services/api/requests';
import { restoreSession, saveSession } from '../../../services/session';
import QueuePage from './index';

jest.mock('../../../services/api/requests', () => ({ listStaffQueue: jest.fn() }));

const queue = jest.mocked(listStaffQueue);

const page = (items: RequestSummary[]): Page<RequestSummary> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('staff', '周敏'));
  queue.mockReset();
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
      ['已超期', 'overdue', '没有超期的诉求', /请及时督办/],
      ['二次差评', 'flagged', '没有二次差评', /标记“二次差评，已报县”/],
      ['全部', 'all', '辖区内还没有诉求', /都会出现在这里/],
    ];
    for (const [tab, key, empty, body] of expected) {
      fireEvent.click(screen.getByText(tab));
      expect(await screen.findByText(empty)).toBeInTheDocument();
      expect(screen.getByText(body)).toBeInTheDocument();
      expect(queue).toHaveBeenLastCalledWith(key, 1);
    }
  });
});
