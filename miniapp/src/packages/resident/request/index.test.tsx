import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { ratingView, requestDetail } from '../../../../test/fixtures';
import { setRouterParams } from '../../../../test/taro-mock';
import {
  confirmRequest,
  getRequest,
  rateRequest,
  withdrawRequest,
} from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import MyRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  confirmRequest: jest.fn(),
  getRequest: jest.fn(),
  rateRequest: jest.fn(),
  withdrawRequest: jest.fn(),
}));

const load = jest.mocked(getRequest);
const rate = jest.mocked(rateRequest);
const withdraw = jest.mocked(withdrawRequest);
const confirmOnList = jest.mocked(confirmRequest);

const resolved = requestDetail({
  status: 'resolved',
  resolvedAt: '2026-11-21T02:00:00.000Z',
  resolutionOutcome: 'solved',
  resolutionNote: '已联系供水站修好水管',
  rateUntil: '2026-11-28T02:00:00.000Z',
  allowedActions: ['rate'],
});

const chips = () =>
  Array.from(document.querySelectorAll('.rating-form__chip')).map((chip) => chip.textContent);

beforeEach(() => {
  setRouterParams({ id: '42' });
  load.mockReset();
  rate.mockReset();
  withdraw.mockReset();
});

describe('rating a resolved request', () => {
  it('offers five levels with their words and the deadline to rate', async () => {
    load.mockResolvedValueOnce(resolved);

    render(<MyRequestPage />);

    expect(await screen.findByText('请您评价这次办理')).toBeInTheDocument();
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    expect(screen.getByText(/评价截止：11月28日 10:00/)).toBeInTheDocument();
    expect(screen.getByText('办理结果：已解决')).toBeInTheDocument();
  });

  it('offers praise for a good rating, complaints for a bad one, and both in between', async () => {
    load.mockResolvedValueOnce(resolved);
    render(<MyRequestPage />);
    await screen.findByText('请您评价这次办理');

    fireEvent.click(screen.getByText('非常满意'));
    expect(chips()).toEqual(['响应及时', '态度好', '问题解决', '办事高效']);

    fireEvent.click(screen.getByText('响应及时'));
    fireEvent.click(screen.getByText('不满意'));
    expect(chips()).toEqual(['没解决', '推诿', '拖延', '态度差']);

    fireEvent.click(screen.getByText('✓ 不满意'));
    fireEvent.click(screen.getByText('基本满意'));
    expect(chips()).toHaveLength(8);
  });

  it('drops a chosen tag that no longer fits the level', async () => {
    load.mockResolvedValueOnce(resolved);
    rate.mockResolvedValueOnce(resolved);
    render(<MyRequestPage />);
    await screen.findByText('请您评价这次办理');

    fireEvent.click(screen.getByText('未解决'));
    fireEvent.click(screen.getByText('满意'));
    fireEvent.click(screen.getByText('态度好'));
    fireEvent.click(screen.getByText('✓ 满意'));
    fireEvent.click(screen.getByText('非常不满意'));
    fireEvent.click(screen.getByText('推诿'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(rate).toHaveBeenCalledWith(42, {
      level: 1,
      solved: 'unsolved',
      tags: ['passing_buck'],
      comment: '',
    });
    expect(await screen.findByText('提交评价')).toBeInTheDocument();
  });

  it('asks whether the problem was solved and for a level before sending', async () => {
    load.mockResolvedValueOnce(resolved);
    render(<MyRequestPage />);
    await screen.findByText('请您评价这次办理');

    fireEvent.click(screen.getByText('提交评价'));

    expect(screen.getByText('请选择满意程度')).toBeInTheDocument();
    expect(screen.getByText('请选择问题解决了没有')).toBeInTheDocument();
    expect(rate).not.toHaveBeenCalled();
  });

  it('offers 问题解决了吗 as three large choices, the chosen one marked in words', async () => {
    load.mockResolvedValueOnce(resolved);
    rate.mockResolvedValueOnce({ ...resolved, status: 'closed', allowedActions: [] });
    render(<MyRequestPage />);
    expect(await screen.findByText('1. 您反映的问题解决了吗？')).toBeInTheDocument();
    const choices = () =>
      Array.from(document.querySelectorAll('.rating-form__solved')).map((c) => c.textContent);
    expect(choices()).toEqual(['●已解决', '◐部分解决', '○未解决']);

    fireEvent.click(screen.getByText('部分解决'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(screen.getByText('✓ 部分解决').closest('.rating-form__solved')).toHaveClass(
      'is-selected',
    );
    expect(screen.queryByText('请选择问题解决了没有')).not.toBeInTheDocument();
    expect(screen.getByText('请选择满意程度')).toBeInTheDocument();
    fireEvent.click(screen.getByText('基本满意'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(rate).toHaveBeenCalledWith(42, { level: 3, solved: 'partly', tags: [], comment: '' });
    expect(await screen.findByText('已关闭')).toBeInTheDocument();
  });

  it('says so when the request moved out of sight after rating', async () => {
    load.mockResolvedValueOnce(resolved);
    rate.mockResolvedValueOnce({ id: 42, visible: false });
    render(<MyRequestPage />);
    await screen.findByText('请您评价这次办理');

    fireEvent.click(screen.getByText('已解决'));
    fireEvent.click(screen.getByText('非常满意'));
    fireEvent.click(screen.getByText('提交评价'));

    expect(
      await screen.findByText('这件事已转到其他部门办理，暂时不能在这里查看。'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByText('我反映的事情'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/resident/mine/index' });
  });

  it('shows the rating once given, in place of the form', async () => {
    load.mockResolvedValueOnce(resolved);
    rate.mockResolvedValueOnce({
      ...resolved,
      status: 'closed',
      allowedActions: [],
      ratings: [ratingView({ level: 5, solved: 'solved', tags: ['timely'], comment: '修得很快' })],
    });
    render(<MyRequestPage />);
    await screen.findByText('请您评价这次办理');

    fireEvent.click(screen.getByText('已解决'));
    fireEvent.click(screen.getByText('非常满意'));
    fireEvent.click(screen.getByText('响应及时'));
    fireEvent.click(screen.getByText('提交评价'));

    const given = (await screen.findByText('您的评价')).closest('.mq-section');
    if (!(given instanceof HTMLElement)) throw new Error('rating section missing');
    expect(within(given).getByText('非常满意')).toBeInTheDocument();
    expect(within(given).getByText('响应及时')).toBeInTheDocument();
    expect(within(given).getByText('修得很快')).toBeInTheDocument();
    expect(within(given).getByText('问题解决了吗：已解决')).toBeInTheDocument();
    expect(screen.queryByText('请您评价这次办理')).not.toBeInTheDocument();
    expect(screen.getByText('已关闭')).toBeInTheDocument();
  });
});

describe('withdrawing', () => {
  it('asks for confirmation on the page, then withdraws', async () => {
    load.mockResolvedValueOnce(requestDetail({ allowedActions: ['withdraw'] }));
    withdraw.mockResolvedValueOnce(requestDetail({ status: 'withdrawn', allowedActions: [] }));
    render(<MyRequestPage />);

    fireEvent.click(await screen.findByText('撤回这件事'));
    expect(screen.getByText('确定要撤回吗？')).toBeInTheDocument();
    expect(withdraw).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('不撤回了'));
    expect(screen.queryByText('确定要撤回吗？')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('撤回这件事'));
    fireEvent.click(screen.getByText('确定撤回'));

    expect(await screen.findByText('已撤回')).toBeInTheDocument();
    expect(withdraw).toHaveBeenCalledWith(42);
    expect(screen.queryByText('撤回这件事')).not.toBeInTheDocument();
  });

  it('shows the number, status with its words, and the timeline', async () => {
    load.mockResolvedValueOnce(requestDetail());

    render(<MyRequestPage />);

    expect(await screen.findByText('MQ-20261121-0042')).toBeInTheDocument();
    expect(screen.getByText('待签收')).toBeInTheDocument();
    expect(screen.getByText('○')).toBeInTheDocument();
    expect(screen.getByText('提交诉求')).toBeInTheDocument();
    expect(screen.getByText('群众 · 11月21日 09:30')).toBeInTheDocument();
    expect(screen.queryByText('撤回这件事')).not.toBeInTheDocument();
  });

  it('lets the resident confirm a matter recorded as solved on the spot, then rate it', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'pending_confirmation',
        channel: 'visit',
        allowedActions: ['confirm'],
      }),
    );
    confirmOnList.mockResolvedValueOnce(
      requestDetail({
        status: 'resolved',
        allowedActions: ['rate'],
        rateUntil: '2026-11-28T01:30:00.000Z',
      }),
    );

    render(<MyRequestPage />);

    expect(await screen.findByText('待群众确认')).toBeInTheDocument();
    expect(screen.getByText('请确认这件事已经解决')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认，已经解决了'));
    await waitFor(() => expect(confirmOnList).toHaveBeenCalledWith(42));
    expect(await screen.findByText('请您评价这次办理')).toBeInTheDocument();
    expect(screen.queryByText('请确认这件事已经解决')).not.toBeInTheDocument();
  });

  it('shows why a confirmation was refused and keeps the button', async () => {
    load.mockResolvedValueOnce(
      requestDetail({ status: 'pending_confirmation', allowedActions: ['confirm'] }),
    );
    confirmOnList.mockRejectedValueOnce(
      new ApiError('TRANSITION_NOT_ALLOWED', ERRORS.TRANSITION_NOT_ALLOWED.message, 409),
    );
    render(<MyRequestPage />);
    fireEvent.click(await screen.findByText('确认，已经解决了'));
    expect(
      await screen.findByText(`! ${ERRORS.TRANSITION_NOT_ALLOWED.message}`),
    ).toBeInTheDocument();
    expect(screen.getByText('确认，已经解决了')).toBeInTheDocument();
  });
});

describe('where the request stands, in words and aloud', () => {
  it('says the next step and offers 读给我听', async () => {
    load.mockResolvedValueOnce(requestDetail({ status: 'in_progress' }));
    render(<MyRequestPage />);
    expect(
      await screen.findByText('下一步：办理人正在办理，办好以后会告诉您结果。'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();
  });
});

describe('内容安全: what the resident sent is held for a look', () => {
  const HELD_LINE = '您提交的部分内容需要工作人员核实后再转交干部，诉求已经送达，不影响办理。';
  const textHold = {
    id: 5,
    item: 'text' as const,
    photoId: null,
    state: 'held' as const,
    reason: null,
    heldAt: '2026-11-21T01:00:00.000Z',
    reviewedAt: null,
    reviewerName: null,
    reviewNote: null,
    reviewable: false,
  };

  it('says gently that part of it waits, still showing all they sent, and never why', async () => {
    load.mockResolvedValueOnce(requestDetail({ status: 'in_progress', contentHolds: [textHold] }));
    render(<MyRequestPage />);

    expect(await screen.findByText(HELD_LINE)).toBeInTheDocument();
    expect(
      screen.getByText('三组的自来水停了三天了，老人挑水很困难，希望尽快修好。'),
    ).toBeInTheDocument();
    expect(screen.queryByText('待审核')).not.toBeInTheDocument();
  });

  it('says nothing once the held part was reviewed', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'in_progress',
        contentHolds: [{ ...textHold, state: 'withheld', reviewedAt: '2026-11-21T02:00:00.000Z' }],
      }),
    );
    render(<MyRequestPage />);

    expect(await screen.findByText('反映的内容')).toBeInTheDocument();
    expect(screen.queryByText(HELD_LINE)).not.toBeInTheDocument();
  });
});
