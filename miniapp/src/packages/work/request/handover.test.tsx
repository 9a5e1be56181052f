import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { typeInto } from '../../../../test/dom';
import { requestDetail, transferTarget } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import {
  cancelOnSpot,
  escalateRequest,
  getRequest,
  getTransferTargets,
  transferRequest,
} from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import WorkRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  getRequest: jest.fn(),
  escalateRequest: jest.fn(),
  transferRequest: jest.fn(),
  getTransferTargets: jest.fn(),
  cancelOnSpot: jest.fn(),
  confirmationTicket: jest.fn(),
}));

const load = jest.mocked(getRequest);
const escalate = jest.mocked(escalateRequest);
const transfer = jest.mocked(transferRequest);
const targets = jest.mocked(getTransferTargets);
const cancel = jest.mocked(cancelOnSpot);

const inProgress = requestDetail({
  status: 'in_progress',
  version: 4,
  allowedActions: ['reply', 'resolve', 'escalate', 'transfer'],
});

const ESCALATE_REASON = '写清楚为什么本级办不了、已经做了什么';
const TRANSFER_REASON = '比如：这件事归二组管，转给二组网格员';

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('cadre', '李明'));
  setRouterParams({ id: '42' });
  for (const mock of [load, escalate, transfer, targets, cancel]) mock.mockReset();
});

describe('上报', () => {
  it('checks the reason, explains where it goes, then leaves the inbox when out of sight', async () => {
    load.mockResolvedValueOnce(inProgress);
    escalate.mockResolvedValueOnce({ id: 42, visible: false });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('上报乡镇（街道）…'));
    const reason = await typeInto(ESCALATE_REASON, '修不了');
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('上报理由至少要5个字，现在只有3个字')).toBeInTheDocument();
    expect(screen.queryByText('确定上报')).not.toBeInTheDocument();

    fireEvent.input(reason, { target: { value: '主水管在村外，村里没有权限维修' } });
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('确定上报到乡镇（街道）吗？')).toBeInTheDocument();
    expect(screen.getByText(/交给乡镇（街道）的工作人员办理/)).toBeInTheDocument();
    expect(escalate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('确定上报'));

    expect(await screen.findByText('已上报')).toBeInTheDocument();
    expect(screen.getByText(/已上报到乡镇（街道），现在由对方办理/)).toBeInTheDocument();
    expect(escalate).toHaveBeenCalledWith(42, {
      version: 4,
      reason: '主水管在村外，村里没有权限维修',
    });
    fireEvent.click(screen.getByText('回到待办'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/work/inbox/index' });
  });

  it('shows the request as the first-contact cadre still sees it, with who has it now', async () => {
    load.mockResolvedValueOnce(inProgress);
    escalate.mockResolvedValueOnce(
      requestDetail({ ownerName: '青山镇政府', level: 'township', version: 0, allowedActions: [] }),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('上报乡镇（街道）…'));
    await typeInto(ESCALATE_REASON, '主水管在村外，村里没有权限维修');
    fireEvent.click(screen.getByText('下一步'));
    fireEvent.click(screen.getByText('确定上报'));

    expect(
      await screen.findByText('✓ 已上报，现在由青山镇政府（乡镇级）办理。'),
    ).toBeInTheDocument();
    expect(screen.queryByText('上报乡镇（街道）…')).not.toBeInTheDocument();
  });

  it('offers no 上报 at county level', async () => {
    load.mockResolvedValueOnce({ ...inProgress, level: 'county' });
    render(<WorkRequestPage />);

    await screen.findByText('转办给其他人…');
    expect(screen.queryByText(/^上报/)).not.toBeInTheDocument();
  });
});

describe('转办', () => {
  it('loads who it can go to, asks for a choice, and sends the one chosen', async () => {
    load.mockResolvedValueOnce(inProgress);
    targets.mockResolvedValueOnce({
      acrossLevels: false,
      items: [
        transferTarget({ userId: 21, name: '张伟', post: '网格员', unitName: '红星村二组' }),
        transferTarget({ userId: 22, name: '赵敏', post: '包村干部', unitName: '红星村' }),
      ],
    });
    transfer.mockResolvedValueOnce({ id: 42, visible: false });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('转办给其他人…'));
    expect(await screen.findByText('网格员 · 红星村二组')).toBeInTheDocument();
    expect(screen.getByText('包村干部 · 红星村')).toBeInTheDocument();
    expect(targets).toHaveBeenCalledWith(42);

    await typeInto(TRANSFER_REASON, '这件事归二组管');
    fireEvent.click(screen.getByText('确定转办'));
    expect(screen.getByText('请选择转给谁')).toBeInTheDocument();
    expect(transfer).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('张伟'));
    expect(screen.queryByText('请选择转给谁')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('转办给张伟'));

    expect(await screen.findByText('已转办')).toBeInTheDocument();
    expect(screen.getByText(/已转给张伟，现在由对方办理/)).toBeInTheDocument();
    expect(transfer).toHaveBeenCalledWith(42, {
      version: 4,
      toUserId: 21,
      reason: '这件事归二组管',
    });
  });

  it('names the level of each person when county staff reassign across levels', async () => {
    saveSession(signedIn('staff', '周县'));
    load.mockResolvedValueOnce({ ...inProgress, allowedActions: ['transfer'] });
    targets.mockResolvedValueOnce({
      acrossLevels: true,
      items: [
        transferTarget({ name: '钱镇', post: '工作人员', unitName: '青山镇', level: 'township' }),
      ],
    });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('转办给其他人…'));

    expect(await screen.findByText('工作人员 · 青山镇（乡镇级）')).toBeInTheDocument();
  });

  it('says when there is nobody to transfer to', async () => {
    load.mockResolvedValueOnce(inProgress);
    targets.mockResolvedValueOnce({ acrossLevels: false, items: [] });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('转办给其他人…'));

    expect(await screen.findByText(/没有可以转给的人/)).toBeInTheDocument();
  });

  it("shows the server's refusal beside the button and keeps what was typed", async () => {
    load.mockResolvedValueOnce(inProgress);
    targets.mockResolvedValueOnce({ acrossLevels: false, items: [transferTarget()] });
    transfer.mockRejectedValueOnce(
      new ApiError('TRANSFER_TARGET_INVALID', ERRORS.TRANSFER_TARGET_INVALID.message, 409),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('转办给其他人…'));
    fireEvent.click(await screen.findByText('张伟'));
    const reason = await typeInto(TRANSFER_REASON, '这件事归二组管');
    fireEvent.click(screen.getByText('转办给张伟'));

    expect(
      await screen.findByText(`! ${ERRORS.TRANSFER_TARGET_INVALID.message}`),
    ).toBeInTheDocument();
    expect(reason).toHaveValue('这件事归二组管');
    expect(screen.getByText('转办给张伟')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('撤销登记', () => {
  it('cancels a pending 当场解决 record with a reason', async () => {
    const pending = requestDetail({
      status: 'pending_confirmation',
      version: 2,
      allowedActions: ['cancel'],
    });
    load.mockResolvedValueOnce(pending);
    cancel.mockResolvedValueOnce({ ...pending, status: 'withdrawn', allowedActions: [] });
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('撤销这次登记…'));
    fireEvent.click(screen.getByText('确定撤销登记'));
    expect(screen.getByText('请填写撤销原因')).toBeInTheDocument();

    await typeInto('比如：登记错了手机号，重新登记', '手机号登记错了');
    fireEvent.click(screen.getByText('确定撤销登记'));

    expect(await screen.findByText('✓ 已撤销这次登记，确认码不能再用了。')).toBeInTheDocument();
    expect(cancel).toHaveBeenCalledWith(42, { version: 2, reason: '手机号登记错了' });
    const header = screen.getByText('MQ-20261121-0042').closest('.mq-section');
    if (!(header instanceof HTMLElement)) throw new Error('no header');
    expect(within(header).getByText('已撤回')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('请群众确认')).not.toBeInTheDocument());
  });
});
