import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { CARD_CODE, requestDetail, residentSession } from '../../../../test/fixtures';
import { setRouterParams } from '../../../../test/taro-mock';
import { pickPhotos } from '../../../platform/image';
import { smsSignIn } from '../../../services/api/auth';
import { uploadPhoto } from '../../../services/api/photos';
import { submitRequest } from '../../../services/api/requests';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import SubmitPage from './index';

jest.mock('../../../services/api/requests', () => ({ submitRequest: jest.fn() }));
jest.mock('../../../services/api/auth', () => ({
  sendSmsCode: jest.fn(),
  smsSignIn: jest.fn(),
  wechatSignIn: jest.fn(),
}));
jest.mock('../../../services/api/photos', () => ({ uploadPhoto: jest.fn() }));
jest.mock('../../../platform/image', () => ({ pickPhotos: jest.fn() }));

const upload = jest.mocked(uploadPhoto);
const pick = jest.mocked(pickPhotos);
const submit = jest.mocked(submitRequest);

const resident = residentSession();

const photo = (id: number) => ({ id, url: `/api/photos/${id}`, width: 800, height: 600 });

async function fillForm() {
  fireEvent.click(screen.getByText('实际困难'));
  const textarea = await waitFor(() => {
    const element = document.querySelector('textarea');
    if (!element) throw new Error('no textarea yet');
    return element;
  });
  fireEvent.input(textarea, { target: { value: '村口的路灯坏了一个月' } });
  fireEvent.click(screen.getByText(/我已阅读并同意/));
}

beforeEach(() => {
  restoreSession();
  setRouterParams({ cardCode: CARD_CODE });
  upload.mockReset();
  pick.mockReset();
  submit.mockReset();
});

describe('photos on the submit form', () => {
  it('uploads each photo at once for a signed-in resident, showing progress', async () => {
    saveSession(resident);
    let report: (percent: number) => void = () => undefined;
    let finish: (value: ReturnType<typeof photo>) => void = () => undefined;
    pick.mockResolvedValueOnce(['blob:one']);
    upload.mockImplementationOnce((_path, onProgress) => {
      report = onProgress ?? report;
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    submit.mockResolvedValueOnce(requestDetail());
    render(<SubmitPage />);
    await fillForm();

    fireEvent.click(screen.getByText('拍照或选照片'));
    await waitFor(() => expect(upload).toHaveBeenCalledWith('blob:one', expect.any(Function)));
    act(() => report(40));
    expect(screen.getByText('上传中 40%')).toBeInTheDocument();
    await act(async () => finish(photo(9)));
    expect(screen.getByText('✓ 已上传')).toBeInTheDocument();

    fireEvent.click(screen.getByText('提交'));
    await screen.findByText('提交成功');
    expect(submit.mock.calls[0]?.[0]).toMatchObject({ photoIds: [9] });
  });

  it('keeps photos waiting until a browser resident has signed in, then uploads them', async () => {
    pick.mockResolvedValueOnce(['blob:one', 'blob:two']);
    upload.mockResolvedValueOnce(photo(1)).mockResolvedValueOnce(photo(2));
    jest.mocked(smsSignIn).mockResolvedValueOnce(resident);
    submit.mockResolvedValueOnce(requestDetail());
    render(<SubmitPage />);
    await fillForm();

    fireEvent.click(screen.getByText('拍照或选照片'));
    expect(await screen.findAllByText('提交时上传')).toHaveLength(2);
    expect(upload).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('请输入11位手机号'), {
      target: { value: '13900000000' },
    });
    fireEvent.input(screen.getByPlaceholderText('6位数字'), { target: { value: '123456' } });
    fireEvent.click(screen.getByText('提交'));

    await screen.findByText('提交成功');
    expect(upload.mock.calls.map(([path]) => path)).toEqual(['blob:one', 'blob:two']);
    expect(submit.mock.calls[0]?.[0]).toMatchObject({ photoIds: [1, 2] });
  });

  it('says why a photo was refused and lets it be tried again or removed', async () => {
    saveSession(resident);
    pick.mockResolvedValueOnce(['blob:big']);
    upload.mockRejectedValueOnce(
      new ApiError('PAYLOAD_TOO_LARGE', '照片太大了，每张不能超过5MB', 413),
    );
    render(<SubmitPage />);

    fireEvent.click(screen.getByText('拍照或选照片'));

    expect(await screen.findByText('✕ 照片太大了，每张不能超过5MB')).toBeInTheDocument();
    expect(screen.getByText('重新上传')).toBeInTheDocument();
    fireEvent.click(screen.getByText('删除'));
    expect(screen.queryByText('✕ 照片太大了，每张不能超过5MB')).not.toBeInTheDocument();
    expect(screen.getByText('拍照或选照片')).toBeInTheDocument();
  });
});
