import Taro from '@tarojs/taro';
import type { Page, RequestSummary } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { requestSummary } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { listInbox } from '../../../services/api/requests';
import { restoreSession, saveSession } from '../../../services/session';
import InboxPage from './index';

jest.mock('../../../services/api/requests', () => ({ listInbox: jest.fn() }));

const inbox = jest.mocked(listInbox);

function page(items: RequestSummary[], total = items.length, pageNo = 1): Page<RequestSummary> {
  return { items, total, page: pageNo, pageSize: 20 };
}

function itemOf(text: string): HTMLElement {
  const item = screen.getByText(text).closest('.mq-request-item');
  if (!(item instanceof HTMLElement)) throw new Error(`no request item for ${text}`);
  return item;
}

beforeEach(() => {
  restoreSession();
  inbox.mockReset();
});

describe('InboxPage', () => {
  it('sends someone who is not signed in to 干部登录', () => {
    render(<InboxPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/work/sign-in/index' });
    expect(inbox).not.toHaveBeenCalled();
  });

  it('lists open requests with their deadline in words, symbol and colour', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(
      page([
        requestSummary({
          id: 1,
          preview: '路灯坏了',
          deadline: 'overdue',
          deadlineText: '已超期',
        }),
        requestSummary({
          id: 2,
          preview: '低保怎么申请',
          deadline: 'due_soon',
          deadlineText: '今天18:00前到期',
        }),
        requestSummary({ id: 3, preview: '垃圾没人收', deadlineText: '还剩2个工作日' }),
      ]),
    );

    render(<InboxPage />);

    expect(await screen.findByText('待办3件，按到期时间排列')).toBeInTheDocument();
    expect(inbox).toHaveBeenCalledWith('open', 1);
    const overdue = within(itemOf('路灯坏了')).getByText('已超期').closest('.mq-badge');
    expect(overdue).toHaveClass('mq-badge--danger');
    expect(overdue).toHaveTextContent('!已超期');
    expect(
      within(itemOf('低保怎么申请')).getByText('今天18:00前到期').closest('.mq-badge'),
    ).toHaveClass('mq-badge--warning');
    expect(within(itemOf('垃圾没人收')).getByText('还剩2个工作日')).toBeInTheDocument();
    expect(screen.getByText('王芳')).toBeInTheDocument();
    expect(screen.queryByText(/乡镇工作台/)).not.toBeInTheDocument();
  });

  it('loads more pages on request and says when all are shown', async () => {
    saveSession(signedIn('cadre'));
    inbox
      .mockResolvedValueOnce(page([requestSummary({ id: 1, preview: '第一件' })], 2))
      .mockResolvedValueOnce(page([requestSummary({ id: 2, preview: '第二件' })], 2, 2));
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('加载更多（已显示1条，共2条）'));

    expect(await screen.findByText('第二件')).toBeInTheDocument();
    expect(screen.getByText('第一件')).toBeInTheDocument();
    expect(inbox).toHaveBeenLastCalledWith('open', 2);
    expect(screen.getByText('共2条，已全部显示')).toBeInTheDocument();
  });

  it('switches to 已办 and says when there is nothing there', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([])).mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    expect(await screen.findByText('没有待办的诉求')).toBeInTheDocument();

    fireEvent.click(screen.getByText('已办'));

    expect(await screen.findByText('还没有办结的诉求')).toBeInTheDocument();
    expect(inbox).toHaveBeenLastCalledWith('done', 1);
    expect(screen.getByText('✓ 已办')).toBeInTheDocument();
  });

  it('shows township staff the way to the 乡镇工作台', async () => {
    saveSession(signedIn('staff'));
    inbox.mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    fireEvent.click(screen.getByText('乡镇工作台：满意度、超期和作风投诉'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/township/figures/index' });
  });
});
