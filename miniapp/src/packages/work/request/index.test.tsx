import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { requestDetail } from '../../../../test/fixtures';
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
    });
  });
});
