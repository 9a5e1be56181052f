import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { signedIn } from '../../../test/sessions';
import { showAgain } from '../../../test/taro-mock';
import { getNoticeSummary } from '../../services/api/notices';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { restoreSession, saveSession } from '../../services/session';
import HomePage from './index';

jest.mock('../../services/api/notices', () => ({ getNoticeSummary: jest.fn() }));

const summary = jest.mocked(getNoticeSummary);

beforeEach(() => {
  restoreSession();
  summary.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('HomePage', () => {
  it('shows a signed-in resident 我的消息 with the unread count in words', async () => {
    saveSession(signedIn('resident'));
    summary.mockResolvedValueOnce({ unread: 3 });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('我的消息（3条未读）'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notice/list/index' });
  });

  it('counts again when the resident comes back, and shows no count when none are unread', async () => {
    saveSession(signedIn('resident'));
    summary.mockResolvedValueOnce({ unread: 2 }).mockResolvedValueOnce({ unread: 0 });
    render(<HomePage />);
    await screen.findByText('我的消息（2条未读）');

    showAgain();

    expect(await screen.findByText('我的消息')).toBeInTheDocument();
    expect(summary).toHaveBeenCalledTimes(2);
  });

  it('keeps the entry, without a count, when the count cannot be fetched', async () => {
    saveSession(signedIn('resident'));
    summary.mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    render(<HomePage />);

    await act(async () => undefined);
    expect(screen.getByText('我的消息')).toBeInTheDocument();
    expect(screen.getByText('我反映的事情')).toBeInTheDocument();
  });

  it('has no 我的消息 before a resident signs in, and shows it once they have', async () => {
    render(<HomePage />);
    expect(screen.queryByText(/我的消息/)).not.toBeInTheDocument();
    expect(screen.getByText('干部登录')).toBeInTheDocument();
    expect(summary).not.toHaveBeenCalled();

    // Signed in on the submit page, then back here.
    saveSession(signedIn('resident'));
    summary.mockResolvedValueOnce({ unread: 1 });
    showAgain();

    expect(await screen.findByText('我的消息（1条未读）')).toBeInTheDocument();
  });

  it('leads a signed-in cadre to the 干部工作台, where their own 消息 entry is', () => {
    saveSession(signedIn('cadre'));
    render(<HomePage />);

    expect(screen.queryByText(/我的消息/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('进入干部工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/inbox/index' });
    expect(summary).not.toHaveBeenCalled();
  });
});
