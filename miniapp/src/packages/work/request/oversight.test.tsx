import { fireEvent, render, screen, within } from '@testing-library/react';

import { sectionOf, textareaWith, typeInto } from '../../../../test/dom';
import { ratingView, requestDetail } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import {
  editPublicSummary,
  getRequest,
  superviseRequest,
  verifyRequest,
} from '../../../services/api/requests';
import { restoreSession, saveSession } from '../../../services/session';
import WorkRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  getRequest: jest.fn(),
  verifyRequest: jest.fn(),
  superviseRequest: jest.fn(),
  getTransferTargets: jest.fn(),
  editPublicSummary: jest.fn(),
}));

const load = jest.mocked(getRequest);
const verify = jest.mocked(verifyRequest);
const supervise = jest.mocked(superviseRequest);
const editPublic = jest.mocked(editPublicSummary);

const FINDING = '写清楚核实了什么、办理人要怎么整改。办理人只看到这段话，看不到群众的评价。';
const NOTE = '写清楚依据：核实了什么、为什么不属实';

const underReview = requestDetail({
  status: 'under_review',
  version: 6,
  resolutionOutcome: 'solved',
  resolutionNote: '已修好水管',
  ratings: [
    ratingView({ level: 1, solved: 'unsolved', tags: ['passing_buck'], comment: '根本没修' }),
  ],
  allowedActions: ['verify', 'supervise', 'transfer'],
});

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('staff', '周敏'));
  setRouterParams({ id: '42' });
  load.mockReset();
  verify.mockReset();
  supervise.mockReset();
  editPublic.mockReset();
});

describe('差评核实', () => {
  it("shows staff the resident's rating, with whether it was solved, before the form", async () => {
    load.mockResolvedValueOnce(underReview);
    render(<WorkRequestPage />);

    const ratings = sectionOf(await screen.findByText('群众评价'));
    expect(within(ratings).getByText('非常不满意')).toBeInTheDocument();
    expect(within(ratings).getByText('问题解决了吗：未解决')).toBeInTheDocument();
    expect(within(ratings).getByText('推诿')).toBeInTheDocument();
    expect(within(ratings).getByText('根本没修')).toBeInTheDocument();
    expect(screen.getByText('差评核实中')).toBeInTheDocument();
  });

  it('asks for a result first', async () => {
    load.mockResolvedValueOnce(underReview);
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('提交核实结果'));

    expect(screen.getByText('请选择核实结果：属实或不属实')).toBeInTheDocument();
    expect(verify).not.toHaveBeenCalled();
  });

  it('founded: asks for the finding and sends it for rectification', async () => {
    load.mockResolvedValueOnce(underReview);
    verify.mockResolvedValueOnce({ ...underReview, status: 'rectifying', allowedActions: [] });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('属实'));
    const finding = await typeInto(FINDING, '没修');
    fireEvent.click(screen.getByText('提交核实结果'));
    expect(screen.getByText('核实情况和整改要求至少要5个字，现在只有2个字')).toBeInTheDocument();
    expect(verify).not.toHaveBeenCalled();

    fireEvent.input(finding, { target: { value: '水管只修了一半，三天内修好并回访群众' } });
    fireEvent.click(screen.getByText('提交核实结果'));

    expect(await screen.findByText(/已核实为属实，已交办理人整改/)).toBeInTheDocument();
    expect(verify).toHaveBeenCalledWith(42, {
      version: 6,
      founded: true,
      finding: '水管只修了一半，三天内修好并回访群众',
    });
    expect(screen.getByText('整改中')).toBeInTheDocument();
  });

  it('unfounded: asks for one of the four reasons and a note', async () => {
    load.mockResolvedValueOnce(underReview);
    verify.mockResolvedValueOnce({ ...underReview, status: 'closed', allowedActions: [] });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('不属实'));
    for (const label of ['恶意评价', '超出职责范围', '重复诉求', '其他']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
    await textareaWith(NOTE);
    fireEvent.click(screen.getByText('提交核实结果'));
    expect(screen.getByText('请选择不属实的原因')).toBeInTheDocument();
    expect(screen.getByText('请填写核实说明')).toBeInTheDocument();

    fireEvent.click(screen.getByText('超出职责范围'));
    await typeInto(NOTE, '群众要求的是修县道，不归村里管');
    fireEvent.click(screen.getByText('提交核实结果'));

    expect(await screen.findByText(/已核实为不属实，这条评价不计入任何统计/)).toBeInTheDocument();
    expect(verify).toHaveBeenCalledWith(42, {
      version: 6,
      founded: false,
      reason: 'out_of_scope',
      note: '群众要求的是修县道，不归村里管',
    });
  });

  it('keeps the finding typed when switching between the two answers', async () => {
    load.mockResolvedValueOnce(underReview);
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('属实'));
    await typeInto(FINDING, '水管只修了一半');
    fireEvent.click(screen.getByText('不属实'));
    fireEvent.click(screen.getByText('属实'));

    expect(await textareaWith(FINDING)).toHaveValue('水管只修了一半');
  });
});

describe('督办 and what staff see', () => {
  it('sends a 督办 note without touching the version', async () => {
    const open = requestDetail({ status: 'in_progress', allowedActions: ['supervise'] });
    load.mockResolvedValueOnce(open);
    supervise.mockResolvedValueOnce({
      ...open,
      supervisionNote: '请于本周五前办结',
      supervision: { count: 1, lastAt: '2026-11-21T06:00:00.000Z' },
    });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('督办这件事…'));
    fireEvent.click(screen.getByText('发出督办'));
    expect(screen.getByText('请填写督办意见')).toBeInTheDocument();
    const note = await typeInto('比如：请于本周五前办结，并向群众回复', '请于本周五前办结');
    fireEvent.click(screen.getByText('发出督办'));

    expect(await screen.findByText(/已督办，办理人会收到提醒/)).toBeInTheDocument();
    expect(supervise).toHaveBeenCalledWith(42, { note: '请于本周五前办结' });
    expect(note).toHaveValue('');
    const box = sectionOf(screen.getByText('乡镇督办意见'));
    expect(within(box).getByText('请于本周五前办结')).toBeInTheDocument();
  });

  it('marks a second bad review flagged to the county, and an excluded rating', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        status: 'closed',
        round: 2,
        flaggedToCounty: true,
        ratings: [
          ratingView({ round: 1, level: 2, excluded: true }),
          ratingView({ round: 2, level: 1, solved: 'partly' }),
        ],
      }),
    );
    render(<WorkRequestPage />);

    expect(await screen.findByText('二次差评，已报县')).toBeInTheDocument();
    const ratings = sectionOf(screen.getByText('群众评价'));
    expect(within(ratings).getByText('第1次：不满意')).toBeInTheDocument();
    expect(within(ratings).getByText('第2次：非常不满意')).toBeInTheDocument();
    expect(within(ratings).getAllByText('核实不属实，不计入统计')).toHaveLength(1);
    expect(within(ratings).getByText('问题解决了吗：部分解决')).toBeInTheDocument();
  });
});

describe('村务公示 (staff)', () => {
  const SUMMARY = '一句话写办了什么事，不写群众的姓名、电话和门牌';
  const resolved = requestDetail({
    status: 'resolved',
    resolutionOutcome: 'solved',
    publicSummary: '村东头自来水管道已修复',
    allowedActions: [],
  });

  it('shows what the board says, and saves a corrected summary', async () => {
    load
      .mockResolvedValueOnce(resolved)
      .mockResolvedValueOnce({ ...resolved, publicSummary: '村东头供水管道已修复' });
    editPublic.mockResolvedValueOnce({
      requestId: 42,
      summary: '村东头供水管道已修复',
      hidden: false,
      onBoard: true,
    });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('公示摘要…'));
    expect(screen.getByText('公示栏上写的是：村东头自来水管道已修复')).toBeInTheDocument();
    const field = await textareaWith(SUMMARY);
    expect(field).toHaveValue('村东头自来水管道已修复');
    await typeInto(SUMMARY, '修');
    fireEvent.click(screen.getByText('保存公示摘要'));
    expect(await screen.findByText('公示摘要至少要4个字，现在只有1个字')).toBeInTheDocument();
    expect(editPublic).not.toHaveBeenCalled();

    await typeInto(SUMMARY, '村东头供水管道已修复');
    fireEvent.click(screen.getByText('保存公示摘要'));
    expect(await screen.findByText('✓ 公示摘要已保存。')).toBeInTheDocument();
    expect(editPublic).toHaveBeenCalledWith(42, { summary: '村东头供水管道已修复' });
  });

  it('takes a request off the board, and says a conduct complaint never goes on it', async () => {
    load.mockResolvedValueOnce(resolved).mockResolvedValueOnce({ ...resolved, publicHidden: true });
    editPublic.mockResolvedValueOnce({
      requestId: 42,
      summary: '村东头自来水管道已修复',
      hidden: true,
      onBoard: false,
    });
    const { unmount } = render(<WorkRequestPage />);
    fireEvent.click(await screen.findByText('公示摘要…'));
    fireEvent.click(screen.getByText('不公示'));
    expect(await screen.findByText('✓ 已设为不公示，公示栏上不再显示这件事。')).toBeInTheDocument();
    expect(editPublic).toHaveBeenCalledWith(42, { hidden: true });
    expect(screen.getByText('恢复公示')).toBeInTheDocument();
    unmount();

    load.mockResolvedValueOnce(requestDetail({ category: 'conduct', status: 'closed' }));
    render(<WorkRequestPage />);
    fireEvent.click(await screen.findByText('公示摘要…'));
    expect(screen.getByText('干部作风投诉不上公示栏。')).toBeInTheDocument();
    expect(screen.queryByText('不公示')).not.toBeInTheDocument();
  });
});
