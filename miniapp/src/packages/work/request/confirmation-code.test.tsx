import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { confirmationTicket as ticketOf, requestDetail } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { confirmationTicket, getRequest } from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { handOverTicket } from '../components/ticket-handoff';
import WorkRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  getRequest: jest.fn(),
  confirmationTicket: jest.fn(),
  cancelOnSpot: jest.fn(),
}));

const load = jest.mocked(getRequest);
const ticket = jest.mocked(confirmationTicket);

const pending = requestDetail({
  status: 'pending_confirmation',
  channel: 'visit',
  version: 2,
  allowedActions: ['cancel'],
});

const QR_ALT = '当场解决确认码（二维码），请群众用微信扫码确认';

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('cadre', '李明'));
  setRouterParams({ id: '42' });
  load.mockReset();
  ticket.mockReset();
});

describe('出示确认码', () => {
  it('shows the QR code large, with the link and until when it works', async () => {
    load.mockResolvedValueOnce(pending);
    ticket.mockResolvedValueOnce(ticketOf());
    render(<WorkRequestPage />);

    expect(await screen.findByText('待群众确认')).toBeInTheDocument();
    fireEvent.click(screen.getByText('出示确认码'));

    const qr = await screen.findByAltText(QR_ALT);
    expect(qr).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(ticket).toHaveBeenCalledWith(42, false);
    expect(
      screen.getByText('https://mq.example.gov.cn/confirm/Ab3dEf6hJk9mNp2qRs5tUv8w'),
    ).toBeInTheDocument();
    expect(screen.getByText('有效期至 11月22日 10:00')).toBeInTheDocument();
    expect(screen.getByText('换一个新的确认码')).toBeInTheDocument();
  });

  it('sends the link by SMS and says to which phone, with the trial text shown', async () => {
    load.mockResolvedValueOnce(pending);
    ticket.mockResolvedValueOnce(
      ticketOf({ smsSentTo: '138****5678', devSms: '【民情联系卡】请确认：https://…' }),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('短信发送给群众'));

    expect(await screen.findByText('✓ 已发送到 138****5678')).toBeInTheDocument();
    expect(screen.getByText('测试环境短信：【民情联系卡】请确认：https://…')).toBeInTheDocument();
    expect(ticket).toHaveBeenCalledWith(42, true);
    expect(screen.getByAltText(QR_ALT)).toBeInTheDocument();
  });

  it('shows at once the code handed over by the record page, without asking again', async () => {
    setRouterParams({ id: '42', filed: 'on_spot' });
    handOverTicket(42, ticketOf({ qrDataUrl: 'data:image/png;base64,HANDED' }));
    load.mockResolvedValueOnce(pending);
    render(<WorkRequestPage />);

    expect(await screen.findByAltText(QR_ALT)).toHaveAttribute(
      'src',
      'data:image/png;base64,HANDED',
    );
    expect(
      screen.getByText('✓ 已登记当场解决。请群众扫下面的确认码确认，确认后才算办结。'),
    ).toBeInTheDocument();
    expect(ticket).not.toHaveBeenCalled();
  });

  it('asks for a code at once when a new record came without one (e.g. after a reload)', async () => {
    setRouterParams({ id: '42', filed: 'on_spot' });
    load.mockResolvedValueOnce(pending);
    ticket.mockResolvedValueOnce(ticketOf());
    render(<WorkRequestPage />);

    expect(await screen.findByAltText(QR_ALT)).toBeInTheDocument();
    expect(ticket).toHaveBeenCalledTimes(1);
  });

  it('shows the request as it is now when the resident confirmed meanwhile', async () => {
    load
      .mockResolvedValueOnce(pending)
      .mockResolvedValueOnce({ ...pending, status: 'resolved', allowedActions: [] });
    ticket.mockRejectedValueOnce(
      new ApiError('TRANSITION_NOT_ALLOWED', ERRORS.TRANSITION_NOT_ALLOWED.message, 409),
    );
    render(<WorkRequestPage />);

    fireEvent.click(await screen.findByText('出示确认码'));

    expect(await screen.findByText('已办结')).toBeInTheDocument();
    expect(screen.getByText(`! ${ERRORS.TRANSITION_NOT_ALLOWED.message}`)).toBeInTheDocument();
    expect(screen.queryByText('出示确认码')).not.toBeInTheDocument();
  });
});
