import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import {
  CONFIRMATION_TOKEN,
  confirmationPreview,
  requestDetail,
  residentSession,
} from '../../../../test/fixtures';
import { setRouterParams } from '../../../../test/taro-mock';
import { smsSignIn } from '../../../services/api/auth';
import { confirmOnSpot, confirmationPreview as loadPreview } from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import { currentUser, restoreSession, saveSession } from '../../../services/session';
import ConfirmPage from './index';

jest.mock('../../../services/api/requests', () => ({
  confirmationPreview: jest.fn(),
  confirmOnSpot: jest.fn(),
}));
jest.mock('../../../services/api/auth', () => ({
  sendSmsCode: jest.fn(),
  smsSignIn: jest.fn(),
  wechatSignIn: jest.fn(),
}));

const preview = jest.mocked(loadPreview);
const confirm = jest.mocked(confirmOnSpot);
const signInBySms = jest.mocked(smsSignIn);

const refusal = (code: keyof typeof ERRORS) =>
  new ApiError(code, ERRORS[code].message, ERRORS[code].status);

function typeSms(phone: string) {
  fireEvent.input(screen.getByPlaceholderText('请输入11位手机号'), { target: { value: phone } });
  fireEvent.input(screen.getByPlaceholderText('6位数字'), { target: { value: '123456' } });
}

beforeEach(() => {
  restoreSession();
  window.history.replaceState(null, '', `/confirm/${CONFIRMATION_TOKEN}`);
  preview.mockReset();
  confirm.mockReset();
  signInBySms.mockReset();
});

describe('ConfirmPage', () => {
  it('reads the code from the link path and shows who recorded what, and what was done', async () => {
    preview.mockResolvedValueOnce(confirmationPreview());
    render(<ConfirmPage />);

    expect(await screen.findByText('请确认这件事已经解决')).toBeInTheDocument();
    expect(preview).toHaveBeenCalledWith(CONFIRMATION_TOKEN);
    expect(screen.getByText('李明登记了您反映的事情，并说已经当场解决。')).toBeInTheDocument();
    expect(screen.getByText('您反映的事（实际困难）')).toBeInTheDocument();
    expect(screen.getByText('家门口的下水道堵了，污水漫到路上。')).toBeInTheDocument();
    expect(screen.getByText('已联系保洁队当场疏通，现在排水正常。')).toBeInTheDocument();
    expect(screen.getByText('请用手机 138****5678 验证后确认')).toBeInTheDocument();
  });

  it('signs a browser resident in by SMS, confirms, then leads to rating it', async () => {
    preview.mockResolvedValueOnce(confirmationPreview());
    signInBySms.mockResolvedValueOnce(residentSession({ phoneMasked: '138****5678' }));
    confirm.mockResolvedValueOnce(requestDetail({ id: 42, status: 'resolved' }));
    render(<ConfirmPage />);
    await screen.findByText('验证手机号');

    fireEvent.click(screen.getByText('确认，已经解决了'));
    expect(screen.getByText('请填写手机号')).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();

    typeSms('13812345678');
    fireEvent.click(screen.getByText('确认，已经解决了'));

    expect(await screen.findByText('已确认，谢谢您')).toBeInTheDocument();
    expect(signInBySms).toHaveBeenCalledWith({ phone: '13812345678', code: '123456' });
    expect(confirm).toHaveBeenCalledWith(CONFIRMATION_TOKEN);
    fireEvent.click(screen.getByText('去评价这次办理'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/resident/request/index?id=42',
    });
  });

  it('confirms at once for a resident already signed in', async () => {
    saveSession(residentSession());
    preview.mockResolvedValueOnce(confirmationPreview());
    confirm.mockResolvedValueOnce(requestDetail({ status: 'resolved' }));
    render(<ConfirmPage />);

    fireEvent.click(await screen.findByText('确认，已经解决了'));

    expect(await screen.findByText('已确认，谢谢您')).toBeInTheDocument();
    expect(screen.queryByText('验证手机号')).not.toBeInTheDocument();
  });

  it('offers to sign in with the recorded phone when signed in with another one', async () => {
    saveSession(residentSession({ phoneMasked: '139****0000' }));
    preview.mockResolvedValueOnce(confirmationPreview());
    confirm
      .mockRejectedValueOnce(refusal('CONFIRMATION_OTHER_PHONE'))
      .mockResolvedValueOnce(requestDetail({ status: 'resolved' }));
    signInBySms.mockResolvedValueOnce(residentSession({ id: 9, phoneMasked: '138****5678' }));
    render(<ConfirmPage />);

    fireEvent.click(await screen.findByText('确认，已经解决了'));

    expect(
      await screen.findByText(`! ${ERRORS.CONFIRMATION_OTHER_PHONE.message}`),
    ).toBeInTheDocument();
    expect(
      screen.getByText('这件事登记的是手机 138****5678，请用这个手机号验证。'),
    ).toBeInTheDocument();
    typeSms('13812345678');
    fireEvent.click(screen.getByText('确认，已经解决了'));

    expect(await screen.findByText('已确认，谢谢您')).toBeInTheDocument();
    expect(currentUser()?.id).toBe(9);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('asks for a new code when it expired, before or while confirming', async () => {
    preview.mockResolvedValueOnce(confirmationPreview({ expired: true }));
    const first = render(<ConfirmPage />);
    expect(await screen.findByText('确认码已过期')).toBeInTheDocument();
    expect(screen.getByText(/请让干部重新生成/)).toBeInTheDocument();
    expect(screen.queryByText('确认，已经解决了')).not.toBeInTheDocument();
    first.unmount();

    saveSession(residentSession());
    preview.mockResolvedValueOnce(confirmationPreview());
    confirm.mockRejectedValueOnce(refusal('CONFIRMATION_EXPIRED'));
    render(<ConfirmPage />);
    fireEvent.click(await screen.findByText('确认，已经解决了'));

    expect(await screen.findByText('确认码已过期')).toBeInTheDocument();
  });

  it('links to the request when it was confirmed already', async () => {
    preview.mockResolvedValueOnce(confirmationPreview({ state: 'confirmed', requestId: 42 }));
    render(<ConfirmPage />);

    fireEvent.click(await screen.findByText('查看这件事'));

    expect(screen.getByText('这件事已经确认过了')).toBeInTheDocument();
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: '/packages/resident/request/index?id=42',
    });
  });

  it('says the record was cancelled', async () => {
    preview.mockResolvedValueOnce(confirmationPreview({ state: 'cancelled' }));
    render(<ConfirmPage />);

    expect(await screen.findByText('这次登记已撤销')).toBeInTheDocument();
    expect(screen.queryByText('确认，已经解决了')).not.toBeInTheDocument();
  });

  it('says when the code is unknown or used, and when the link is broken', async () => {
    preview.mockRejectedValueOnce(refusal('CONFIRMATION_NOT_FOUND'));
    const first = render(<ConfirmPage />);
    expect(await screen.findByText('没有找到这个确认码')).toBeInTheDocument();
    expect(screen.getByText(ERRORS.CONFIRMATION_NOT_FOUND.message)).toBeInTheDocument();
    first.unmount();

    window.history.replaceState(null, '', '/confirm/not-a-code');
    render(<ConfirmPage />);
    expect(screen.getByText('确认链接不完整')).toBeInTheDocument();
    expect(preview).toHaveBeenCalledTimes(1);
  });

  it('reads the code from ?token= too (our own navigation, and WeChat)', async () => {
    window.history.replaceState(null, '', '/');
    setRouterParams({ token: CONFIRMATION_TOKEN });
    preview.mockResolvedValueOnce(confirmationPreview());
    render(<ConfirmPage />);

    expect(await screen.findByText('请确认这件事已经解决')).toBeInTheDocument();
    expect(preview).toHaveBeenCalledWith(CONFIRMATION_TOKEN);
  });
});
