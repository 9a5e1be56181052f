import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { requestSummary } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { listMyRequests } from '../../../services/api/requests';
import { restoreSession, saveSession } from '../../../services/session';
import MinePage from './index';

jest.mock('../../../services/api/requests', () => ({ listMyRequests: jest.fn() }));
jest.mock('../../../services/api/auth', () => ({ sendSmsCode: jest.fn(), smsSignIn: jest.fn() }));

const mine = jest.mocked(listMyRequests);

beforeEach(() => {
  restoreSession();
  mine.mockReset();
});

describe('MinePage', () => {
  it('tells a resident with no requests what to do next', async () => {
    saveSession(signedIn('resident'));
    mine.mockResolvedValueOnce({ items: [], page: 1, pageSize: 20, total: 0 });

    render(<MinePage />);

    expect(await screen.findByText('您还没有反映过事情')).toBeInTheDocument();
    expect(screen.getByText(/请扫一扫干部发给您的民情联系卡/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('去扫联系卡'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('lists requests with their status in words and who handles them', async () => {
    saveSession(signedIn('resident'));
    mine.mockResolvedValueOnce({
      items: [
        requestSummary({ id: 1, status: 'in_progress', preview: '路灯坏了' }),
        requestSummary({ id: 2, status: 'resolved', preview: '垃圾清运' }),
      ],
      page: 1,
      pageSize: 20,
      total: 2,
    });

    render(<MinePage />);

    expect(await screen.findByText('您一共反映了2件事，点开可以看办理进展')).toBeInTheDocument();
    expect(screen.getByText('办理中').closest('.mq-badge')).toHaveTextContent('▶办理中');
    expect(screen.getByText('已办结').closest('.mq-badge')).toHaveTextContent('✓已办结');
    fireEvent.click(screen.getByText('垃圾清运'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/resident/request/index?id=2' });
  });

  it('asks a browser resident without a session for their phone first', async () => {
    render(<MinePage />);

    expect(await screen.findByText('验证手机号')).toBeInTheDocument();
    expect(screen.getByText('查看我反映的事情')).toBeInTheDocument();
    expect(mine).not.toHaveBeenCalled();
  });
});
