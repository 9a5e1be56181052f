import Taro from '@tarojs/taro';
import type { Notice, Page } from '@mqlk/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { notice } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { storage } from '../../../../test/taro-mock';
import { ELDER_MODE_STORAGE_KEY, resetElderModeCache } from '../../../hooks/elder-mode';
import { getNoticeSummary, listNotices, readNotices } from '../../../services/api/notices';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import MessagesPage from './index';

jest.mock('../../../services/api/notices', () => ({
  listNotices: jest.fn(),
  getNoticeSummary: jest.fn(),
  readNotices: jest.fn(),
}));

const list = jest.mocked(listNotices);
const summary = jest.mocked(getNoticeSummary);
const read = jest.mocked(readNotices);

const networkDown = () => new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);

function page(items: Notice[], total = items.length): Page<Notice> {
  return { items, total, page: 1, pageSize: 20 };
}

function itemOf(title: string): HTMLElement {
  const item = screen.getByText(title).closest('.notice-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no notice item for ${title}`);
  return item;
}

const accepted = notice({ id: 2, createdAt: '2026-11-21T03:00:00.000Z' });
const resolved = notice({
  id: 3,
  kind: 'resolved',
  title: '诉求已办结',
  body: '您反映的饮水问题已办结，请评价。',
  createdAt: '2026-11-22T01:15:00.000Z',
});
const replied = notice({
  id: 1,
  kind: 'replied',
  title: '干部回复了您',
  body: '李明回复了您反映的饮水问题：明天上午来修。',
  readAt: '2026-11-21T02:30:00.000Z',
});

beforeEach(() => {
  restoreSession();
  resetElderModeCache();
  list.mockReset();
  summary.mockReset();
  read.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
  summary.mockResolvedValue({ unread: 2 });
});

describe('MessagesPage', () => {
  it('tells someone not signed in that messages come after signing in, and leads home', () => {
    render(<MessagesPage />);

    expect(screen.getByText('登录后才能看到消息')).toBeInTheDocument();
    fireEvent.click(screen.getByText('回首页'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(list).not.toHaveBeenCalled();
  });

  it('lists notices as the server orders them, unread ones marked in words and a symbol', async () => {
    saveSession(signedIn('resident'));
    list.mockResolvedValueOnce(page([resolved, accepted, replied]));
    render(<MessagesPage />);

    expect(await screen.findByText('诉求已办结')).toBeInTheDocument();
    expect(list).toHaveBeenCalledWith(1);
    const titles = Array.from(document.querySelectorAll('.notice-item__title')).map(
      (title) => title.textContent,
    );
    expect(titles).toEqual(['诉求已办结', '诉求已签收', '干部回复了您']);
    const first = itemOf('诉求已办结');
    expect(within(first).getByText('您反映的饮水问题已办结，请评价。')).toBeInTheDocument();
    expect(within(first).getByText('11月22日 09:15')).toBeInTheDocument();
    expect(within(first).getByText('未读').closest('.mq-badge')).toHaveTextContent('●未读');
    expect(within(itemOf('干部回复了您')).getByText('已读')).toBeInTheDocument();
    expect(within(itemOf('干部回复了您')).queryByText('未读')).not.toBeInTheDocument();
    expect(await screen.findByText('● 2条未读')).toBeInTheDocument();
    expect(screen.getByText('共3条，已全部显示')).toBeInTheDocument();
  });

  it("marks a tapped notice read and opens the resident's request", async () => {
    saveSession(signedIn('resident'));
    list.mockResolvedValueOnce(page([resolved, replied]));
    summary.mockResolvedValue({ unread: 1 });
    read.mockResolvedValueOnce({ marked: 1, unread: 0 });
    render(<MessagesPage />);
    await screen.findByText('● 1条未读');

    fireEvent.click(screen.getByText('诉求已办结'));

    expect(read).toHaveBeenCalledWith([3]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/resident/request/index?id=42',
    });
    expect(within(itemOf('诉求已办结')).getByText('已读')).toBeInTheDocument();
    expect(await screen.findByText('✓ 消息都已读过')).toBeInTheDocument();
    expect(screen.queryByText('全部标为已读')).not.toBeInTheDocument();
  });

  it('opens the work request page for cadres, and does not mark a read notice again', async () => {
    saveSession(signedIn('cadre'));
    list.mockResolvedValueOnce(
      page([notice({ id: 7, kind: 'new_request', title: '新诉求待签收', requestId: 9 }), replied]),
    );
    read.mockResolvedValueOnce({ marked: 1, unread: 1 });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('新诉求待签收'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/work/request/index?id=9' });
    expect(read).toHaveBeenCalledWith([7]);
    expect(await screen.findByText('● 1条未读')).toBeInTheDocument();

    fireEvent.click(screen.getByText('干部回复了您'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/work/request/index?id=42' });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shows a notice as unread again when the server did not take the mark', async () => {
    saveSession(signedIn('resident'));
    list.mockResolvedValueOnce(page([resolved]));
    read.mockRejectedValueOnce(networkDown());
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('诉求已办结'));

    await waitFor(() => expect(within(itemOf('诉求已办结')).getByText('未读')).toBeInTheDocument());
  });

  it('marks all read, saying so while it works', async () => {
    saveSession(signedIn('staff'));
    list.mockResolvedValueOnce(page([resolved, accepted]));
    let answer: (value: { marked: number; unread: number }) => void = () => undefined;
    read.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('全部标为已读'));

    expect(read).toHaveBeenCalledWith();
    expect(screen.getByText('正在标记…')).toBeInTheDocument();
    await act(async () => answer({ marked: 2, unread: 0 }));
    expect(screen.getByText('✓ 消息都已读过')).toBeInTheDocument();
    expect(screen.queryByText('未读')).not.toBeInTheDocument();
    expect(screen.getAllByText('已读')).toHaveLength(2);
  });

  it('says so when marking all fails, and lets the person try again', async () => {
    saveSession(signedIn('resident'));
    list.mockResolvedValueOnce(page([resolved, accepted]));
    read.mockRejectedValueOnce(networkDown()).mockResolvedValueOnce({ marked: 2, unread: 0 });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('全部标为已读'));

    expect(await screen.findByText(`! 没有标记成功：${NETWORK_ERROR_MESSAGE}`)).toBeInTheDocument();
    expect(screen.getAllByText('未读')).toHaveLength(2);
    fireEvent.click(screen.getByText('重试：全部标为已读'));
    expect(await screen.findByText('✓ 消息都已读过')).toBeInTheDocument();
    expect(screen.queryByText(/没有标记成功/)).not.toBeInTheDocument();
  });

  it('says what will appear here when there is nothing yet, for residents and for cadres', async () => {
    saveSession(signedIn('resident'));
    list.mockResolvedValue(page([]));
    const first = render(<MessagesPage />);
    expect(await screen.findByText('还没有消息')).toBeInTheDocument();
    expect(screen.getByText(/签收、转交、答复或办结时，会在这里告诉您/)).toBeInTheDocument();
    first.unmount();

    saveSession(signedIn('cadre'));
    render(<MessagesPage />);
    expect(await screen.findByText('还没有消息')).toBeInTheDocument();
    expect(screen.getByText(/有新诉求待签收、诉求即将超期或已超期/)).toBeInTheDocument();
  });

  it('offers a retry when the list does not load', async () => {
    saveSession(signedIn('resident'));
    list.mockRejectedValueOnce(networkDown()).mockResolvedValueOnce(page([resolved]));
    render(<MessagesPage />);

    expect(await screen.findByText('没有加载出来')).toBeInTheDocument();
    expect(screen.getByText(NETWORK_ERROR_MESSAGE)).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('诉求已办结')).toBeInTheDocument();
  });

  it('sends a cadre whose session ended to sign in again', async () => {
    saveSession(signedIn('cadre'));
    list.mockRejectedValueOnce(new ApiError('SESSION_EXPIRED', '登录已过期，请重新登录', 401));
    render(<MessagesPage />);

    expect(await screen.findByText('请重新登录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/work/sign-in/index' });
  });

  it('keeps the count hidden, not the page, when the unread count fails', async () => {
    saveSession(signedIn('resident'));
    summary.mockRejectedValue(networkDown());
    list.mockResolvedValueOnce(page([resolved, replied]));
    render(<MessagesPage />);

    expect(await screen.findByText('诉求已办结')).toBeInTheDocument();
    // Counted from what is on screen instead.
    expect(screen.getByText('● 1条未读')).toBeInTheDocument();
  });

  it('draws in 长辈模式 when it is on', async () => {
    storage.set(ELDER_MODE_STORAGE_KEY, 'on');
    saveSession(signedIn('resident'));
    list.mockResolvedValueOnce(page([resolved]));
    render(<MessagesPage />);

    const title = await screen.findByText('诉求已办结');
    expect(title.closest('.mq-page')).toHaveClass('mq-page--elder');
  });
});
