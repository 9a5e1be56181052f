import Taro from '@tarojs/taro';
import type { Page, RequestSummary } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { handledItem, requestSummary } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { showAgain } from '../../../../test/taro-mock';
import { getNoticeSummary } from '../../../services/api/notices';
import { listHandled, listInbox } from '../../../services/api/requests';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import InboxPage from './index';

jest.mock('../../../services/api/requests', () => ({
  listInbox: jest.fn(),
  listHandled: jest.fn(),
}));
jest.mock('../../../services/api/notices', () => ({ getNoticeSummary: jest.fn() }));

const inbox = jest.mocked(listInbox);
const handled = jest.mocked(listHandled);
const summary = jest.mocked(getNoticeSummary);

function page<T = RequestSummary>(items: T[], total = items.length, pageNo = 1): Page<T> {
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
  handled.mockReset();
  summary.mockReset();
  summary.mockResolvedValue({ unread: 0 });
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
          status: 'in_progress',
          deadline: 'overdue',
          deadlineText: '已超期',
        }),
        requestSummary({
          id: 4,
          preview: '没人签收的',
          deadline: 'overdue',
          deadlineText: '已超期未签收',
        }),
        requestSummary({
          id: 2,
          preview: '低保怎么申请',
          deadline: 'due_soon',
          deadlineText: '签收：今天18:00前到期',
        }),
        requestSummary({ id: 3, preview: '垃圾没人收', deadlineText: '还剩2个工作日' }),
      ]),
    );

    render(<InboxPage />);

    expect(await screen.findByText('待办4件，按到期时间排列')).toBeInTheDocument();
    expect(inbox).toHaveBeenCalledWith('open', 1);
    const overdue = within(itemOf('路灯坏了')).getByText('已超期').closest('.mq-badge');
    expect(overdue).toHaveClass('mq-badge--danger');
    expect(overdue).toHaveTextContent('⚠已超期');
    const unaccepted = within(itemOf('没人签收的')).getByText('已超期未签收').closest('.mq-badge');
    expect(unaccepted).toHaveClass('mq-badge--danger');
    expect(unaccepted).toHaveTextContent('⚠已超期未签收');
    const dueSoon = within(itemOf('低保怎么申请'))
      .getByText('即将超期 · 签收：今天18:00前到期')
      .closest('.mq-badge');
    expect(dueSoon).toHaveClass('mq-badge--warning');
    expect(dueSoon).toHaveTextContent('!即将超期 · 签收：今天18:00前到期');
    expect(within(itemOf('垃圾没人收')).getByText('还剩2个工作日')).toBeInTheDocument();
    expect(screen.getByText('王芳')).toBeInTheDocument();
    expect(screen.queryByText(/乡镇工作台/)).not.toBeInTheDocument();
  });

  it('shows the unread messages in words beside the name, and counts again on coming back', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValue(page([]));
    summary.mockReset();
    summary.mockResolvedValueOnce({ unread: 3 }).mockResolvedValueOnce({ unread: 1 });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('消息（3条未读）'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notice/list/index' });

    showAgain();

    expect(await screen.findByText('消息（1条未读）')).toBeInTheDocument();
    expect(summary).toHaveBeenCalledTimes(2);
    expect(inbox).toHaveBeenCalledTimes(2);
  });

  it('keeps the page working when the count cannot be fetched', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([requestSummary({ id: 1, preview: '路灯坏了' })]));
    summary.mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    render(<InboxPage />);

    expect(await screen.findByText('路灯坏了')).toBeInTheDocument();
    expect(screen.getByText('消息')).toBeInTheDocument();
    expect(screen.queryByText(/条未读/)).not.toBeInTheDocument();
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

  it('shows a cadre 经手: who holds each request now, and its status', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([]));
    handled.mockResolvedValueOnce(
      page([
        handledItem({ id: 5, preview: '桥要修', ownerName: '张伟', ownerUnitName: '青山镇' }),
        handledItem({
          id: 6,
          preview: '低保',
          status: 'resolved',
          ownerName: '赵敏',
          ownerUnitName: '城关县民政局',
        }),
      ]),
    );
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    fireEvent.click(screen.getByText('经手'));

    expect(await screen.findByText('现由张伟（青山镇）办理')).toBeInTheDocument();
    expect(handled).toHaveBeenCalledWith(1);
    expect(screen.getByText('经手2件，现由别人办理')).toBeInTheDocument();
    expect(within(itemOf('桥要修')).getByText('待签收')).toBeInTheDocument();
    expect(within(itemOf('低保')).getByText('现由赵敏（城关县民政局）办理')).toBeInTheDocument();
    expect(within(itemOf('低保')).getByText('已办结')).toBeInTheDocument();

    fireEvent.click(screen.getByText('桥要修'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/work/request/index?id=5' });
  });

  it('says what 经手 is when there is nothing there', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([]));
    handled.mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    fireEvent.click(screen.getByText('经手'));

    expect(await screen.findByText('还没有经手的诉求')).toBeInTheDocument();
  });

  it('has no 经手 tab for staff, who have no cadre card', async () => {
    saveSession(signedIn('staff'));
    inbox.mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    expect(screen.queryByText('经手')).not.toBeInTheDocument();
    expect(screen.queryByText('代群众登记')).not.toBeInTheDocument();
    expect(screen.queryByText(/我的指标/)).not.toBeInTheDocument();
  });

  it('marks 督办 on open items only, and pending 当场解决 records as 待群众确认', async () => {
    saveSession(signedIn('cadre'));
    const pressed = { count: 2, lastAt: '2026-11-21T06:00:00.000Z' };
    inbox.mockResolvedValueOnce(
      page([
        requestSummary({ id: 1, preview: '路灯坏了', status: 'in_progress', supervision: pressed }),
        requestSummary({ id: 2, preview: '已经办完的', status: 'resolved', supervision: pressed }),
        requestSummary({
          id: 3,
          preview: '下水道疏通了',
          status: 'pending_confirmation',
          deadline: 'none',
          deadlineText: '',
        }),
      ]),
    );
    render(<InboxPage />);

    const supervised = (await screen.findByText('督办2次')).closest('.mq-badge');
    expect(supervised).toHaveTextContent('!督办2次');
    expect(within(itemOf('路灯坏了')).getByText('督办2次')).toBeInTheDocument();
    expect(within(itemOf('已经办完的')).queryByText(/督办/)).not.toBeInTheDocument();
    expect(within(itemOf('下水道疏通了')).getByText('待群众确认')).toBeInTheDocument();
  });

  it('opens the record page for 代群众登记 and 登记当场解决', async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    fireEvent.click(screen.getByText('代群众登记'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/record/index?mode=on_behalf',
    });
    fireEvent.click(screen.getByText('登记当场解决'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/work/record/index?mode=on_spot',
    });
  });

  it("opens a cadre's own figures from 我的指标, which staff do not have", async () => {
    saveSession(signedIn('cadre'));
    inbox.mockResolvedValueOnce(page([]));
    render(<InboxPage />);
    await screen.findByText('没有待办的诉求');

    fireEvent.click(screen.getByText('我的指标：办结、按时办结率、满意率 ›'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/work/figures/index' });
  });
});
