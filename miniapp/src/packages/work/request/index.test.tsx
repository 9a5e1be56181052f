import { ERRORS } from '@mqlk/shared';
import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { sectionOf } from '../../../../test/dom';
import { clockView, ratingView, requestDetail } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { acceptRequest, getRequest, resolveRequest } from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import WorkRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  getRequest: jest.fn(),
  acceptRequest: jest.fn(),
  replyToRequest: jest.fn(),
  resolveRequest: jest.fn(),
}));

const load = jest.mocked(getRequest);
const accept = jest.mocked(acceptRequest);
const resolve = jest.mocked(resolveRequest);

/** The 公示摘要 field of the resolve form. */
const summaryField = async () => {
  const found = (await textareas()).find((t) =>
    t.getAttribute('placeholder')?.includes('管道已修复'),
  );
  if (!found) throw new Error('no 公示摘要 field');
  return found;
};

const textareas = () =>
  waitFor(() => {
    const found = Array.from(document.querySelectorAll('textarea'));
    if (found.length === 0) throw new Error('no textarea yet');
    return found;
  });

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('cadre', '李明'));
  setRouterParams({ id: '42' });
  load.mockReset();
  accept.mockReset();
  resolve.mockReset();
});

describe('WorkRequestPage', () => {
  it('accepts with the version it was shown', async () => {
    load.mockResolvedValueOnce(requestDetail({ version: 3, allowedActions: ['accept', 'reply'] }));
    accept.mockResolvedValueOnce(
      requestDetail({ status: 'in_progress', version: 4, allowedActions: ['reply', 'resolve'] }),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('签收，开始办理'));

    expect(accept).toHaveBeenCalledWith(42, 3);
    expect(await screen.findByText('办理中')).toBeInTheDocument();
    expect(screen.getByText('办结')).toBeInTheDocument();
    expect(screen.queryByText('签收，开始办理')).not.toBeInTheDocument();
  });

  it('says when someone else accepted first and shows the request as it is now', async () => {
    load
      .mockResolvedValueOnce(requestDetail({ version: 3, allowedActions: ['accept'] }))
      .mockResolvedValueOnce(
        requestDetail({ status: 'in_progress', version: 4, ownerName: '张伟', allowedActions: [] }),
      );
    accept.mockRejectedValueOnce(
      new ApiError('ALREADY_ACCEPTED', ERRORS.ALREADY_ACCEPTED.message, 409),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('签收，开始办理'));

    expect(await screen.findByText('! 这条诉求已经被签收了')).toBeInTheDocument();
    expect(await screen.findByText('办理人：张伟（村级办理）')).toBeInTheDocument();
    expect(screen.getByText('下面已经是最新的情况。')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('asks for real reasons when the matter cannot be solved', async () => {
    load.mockResolvedValueOnce(
      requestDetail({ status: 'in_progress', version: 4, allowedActions: ['reply', 'resolve'] }),
    );
    render(<WorkRequestPage />);
    await screen.findByText('办结');

    fireEvent.click(screen.getByText('已解释说明（暂不能解决）'));
    const [note] = await textareas();
    if (!note) throw new Error('no note field');
    fireEvent.input(note, { target: { value: '不符合政策' } });
    fireEvent.input(await summaryField(), { target: { value: '已向群众解释政策' } });
    fireEvent.click(screen.getByText('办结，请群众评价'));

    expect(screen.getByText('不能解决的，请写清楚原因（至少10个字）')).toBeInTheDocument();
    expect(resolve).not.toHaveBeenCalled();
  });

  it('keeps the note typed when the request changed meanwhile (VERSION_CONFLICT)', async () => {
    const inProgress = requestDetail({
      status: 'in_progress',
      version: 4,
      allowedActions: ['resolve'],
    });
    load.mockResolvedValueOnce(inProgress).mockResolvedValueOnce({ ...inProgress, version: 5 });
    resolve
      .mockRejectedValueOnce(new ApiError('VERSION_CONFLICT', ERRORS.VERSION_CONFLICT.message, 409))
      .mockResolvedValueOnce({ ...inProgress, status: 'resolved', allowedActions: [] });
    render(<WorkRequestPage />);
    await screen.findByText('办结');

    fireEvent.click(screen.getByText('已解决'));
    const [note] = await textareas();
    if (!note) throw new Error('no note field');
    fireEvent.input(note, { target: { value: '水管已经修好，恢复供水' } });
    fireEvent.input(await summaryField(), { target: { value: '村东头水管已修好' } });
    fireEvent.click(screen.getByText('办结，请群众评价'));

    expect(await screen.findByText(`! ${ERRORS.VERSION_CONFLICT.message}`)).toBeInTheDocument();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(note).toHaveValue('水管已经修好，恢复供水');

    fireEvent.click(screen.getByText('办结，请群众评价'));
    expect(await screen.findByText('已办结')).toBeInTheDocument();
    expect(resolve).toHaveBeenLastCalledWith(42, {
      version: 5,
      outcome: 'solved',
      note: '水管已经修好，恢复供水',
      publicSummary: '村东头水管已修好',
    });
  });
});

describe('what the owner must see first', () => {
  it('boxes the 督办 note with how often and when it was pressed', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'in_progress',
        supervisionNote: '群众反映三次了，请本周内办结',
        supervision: { count: 2, lastAt: '2026-11-21T06:00:00.000Z' },
        allowedActions: ['reply', 'resolve'],
      }),
    );
    render(<WorkRequestPage />);

    const box = sectionOf(await screen.findByText('乡镇督办意见'));
    expect(within(box).getByText('督办')).toBeInTheDocument();
    expect(within(box).getByText('群众反映三次了，请本周内办结')).toBeInTheDocument();
    expect(within(box).getByText('已督办2次 · 最近一次：11月21日 14:00')).toBeInTheDocument();
  });

  it('shows a founded bad review only as the 整改 task: the finding and the due time', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'rectifying',
        round: 2,
        version: 7,
        rectification: {
          finding: '水管只修了一半，三天内修好并回访群众',
          verifiedAt: '2026-11-22T02:00:00.000Z',
          dueAt: '2026-12-11T10:00:00.000Z',
        },
        allowedActions: ['reply', 'resolve'],
      }),
    );
    resolve.mockResolvedValueOnce(requestDetail({ status: 'resolved', round: 2 }));
    render(<WorkRequestPage />);

    const task = sectionOf(await screen.findByText('乡镇核实后要求整改'));
    expect(within(task).getByText('整改任务')).toBeInTheDocument();
    expect(within(task).getByText('水管只修了一半，三天内修好并回访群众')).toBeInTheDocument();
    expect(within(task).getByText('整改时限：12月11日 18:00前办结')).toBeInTheDocument();
    expect(screen.queryByText('群众评价')).not.toBeInTheDocument();
    expect(screen.queryByText(/满意/)).not.toBeInTheDocument();

    expect(screen.getByText('整改完成、再次办结')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已解决'));
    const [note] = await textareas();
    if (!note) throw new Error('no note field');
    fireEvent.input(note, { target: { value: '水管已全部换新，回访群众满意' } });
    fireEvent.click(screen.getByText('整改完成，再次办结'));
    // Without a 公示摘要 nothing is sent, and the form says why.
    expect(await screen.findByText('请填写公示摘要')).toBeInTheDocument();
    expect(resolve).not.toHaveBeenCalled();
    fireEvent.input(await summaryField(), { target: { value: '村东头水管已全部换新' } });
    fireEvent.click(screen.getByText('整改完成，再次办结'));

    expect(await screen.findByText('✓ 已再次办结，群众会再评价一次。')).toBeInTheDocument();
    expect(resolve).toHaveBeenCalledWith(42, {
      version: 7,
      outcome: 'solved',
      note: '水管已全部换新，回访群众满意',
      publicSummary: '村东头水管已全部换新',
    });
  });

  it('never shows a cadre a ratings section, even if one arrived', async () => {
    load.mockResolvedValueOnce(
      requestDetail({ status: 'resolved', ratings: [ratingView({ comment: '很好' })] }),
    );
    render(<WorkRequestPage />);

    await screen.findByText('已办结');
    expect(screen.queryByText('群众评价')).not.toBeInTheDocument();
    expect(screen.queryByText('很好')).not.toBeInTheDocument();
  });

  it('lists every deadline clock: whose, due when, and how it stands', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'submitted',
        level: 'township',
        clocks: [
          clockView({ kind: 'accept', standing: 'missed', stoppedAt: '2026-11-24T02:00:00.000Z' }),
          clockView({
            kind: 'resolve',
            standing: 'void',
            stoppedAt: '2026-11-24T02:00:00.000Z',
            stoppedBy: 'escalate',
          }),
          clockView({ kind: 'accept', ownerName: '青山镇政府', level: 'township' }),
          clockView({
            kind: 'resolve',
            standing: 'met',
            ownerName: '青山镇政府',
            level: 'township',
          }),
        ],
      }),
    );
    render(<WorkRequestPage />);

    const clocks = sectionOf(await screen.findByText('办理时限'));
    const rows = Array.from(clocks.querySelectorAll('.work-clocks__row')).map((r) => r.textContent);
    expect(rows).toEqual([
      '签收时限!超时李明（村级）到期：11月23日 18:00结束：11月24日 10:00',
      '办结时限→已上报李明（村级）到期：11月23日 18:00结束：11月24日 10:00',
      '签收时限◷进行中青山镇政府（乡镇级）到期：11月23日 18:00',
      '办结时限✓按时青山镇政府（乡镇级）到期：11月23日 18:00',
    ]);
  });

  it('leaves for the inbox when a move takes the request out of sight', async () => {
    load.mockResolvedValueOnce(requestDetail({ version: 3, allowedActions: ['accept'] }));
    accept.mockResolvedValueOnce({ id: 42, visible: false });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('签收，开始办理'));

    expect(await screen.findByText('已交给别人办理')).toBeInTheDocument();
    fireEvent.click(screen.getByText('回到待办'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/work/inbox/index' });
  });
});
