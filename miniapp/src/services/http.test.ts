import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';

import {
  ApiError,
  NETWORK_ERROR,
  NETWORK_ERROR_MESSAGE,
  http,
  request,
  setApiBaseUrl,
  setAuthToken,
  upload,
} from './http';

const taroRequest = jest.mocked(Taro.request);

function answer(statusCode: number, data: unknown) {
  taroRequest.mockResolvedValueOnce({
    statusCode,
    data,
    header: {},
    errMsg: 'request:ok',
  } as never);
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the request to reject');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function sentOptions() {
  const call = taroRequest.mock.calls.at(-1);
  if (!call) throw new Error('Taro.request was not called');
  return call[0];
}

beforeEach(() => {
  taroRequest.mockReset();
  setApiBaseUrl('https://api.example.test/');
  setAuthToken(null);
});

describe('request', () => {
  it('resolves with the body of a 2xx answer', async () => {
    answer(200, { id: 7 });

    await expect(http.get('/api/cards/ABC', { query: { page: 2, q: '低保' } })).resolves.toEqual({
      id: 7,
    });
    expect(sentOptions()).toMatchObject({
      url: 'https://api.example.test/api/cards/ABC?page=2&q=%E4%BD%8E%E4%BF%9D',
      method: 'GET',
    });
  });

  it.each([
    [404, 'CARD_NOT_FOUND', '没有找到这张联系卡'],
    [409, 'VERSION_CONFLICT', '刚刚被处理过'],
    [500, 'INTERNAL', '服务器内部错误（请求号 r-1）'],
    [503, 'SERVICE_UNAVAILABLE', '维护中'],
  ])('rejects on %i with the server code and message', async (status, code, message) => {
    answer(status, { code, message, requestId: 'r-1' });

    const error = await failureOf(http.get('/api/anything'));

    expect(error).toMatchObject({ code, message, status, requestId: 'r-1' });
  });

  it('keeps the per-field details of a validation error', async () => {
    const details = [{ field: 'text', message: '内容太短了，请再多说几句' }];
    answer(400, { code: 'VALIDATION_FAILED', message: '填写的内容有误', details });

    const error = await failureOf(http.post('/api/requests', { text: '短' }));

    expect(error.details).toEqual(details);
  });

  it('falls back to the shared message when the body has no message', async () => {
    answer(410, { code: 'CARD_REVOKED' });

    const error = await failureOf(http.get('/api/cards/OLD'));

    expect(error).toMatchObject({
      code: 'CARD_REVOKED',
      status: 410,
      message: ERRORS.CARD_REVOKED.message,
    });
  });

  it('derives a code from the status when the body is not ours', async () => {
    answer(502, '<html>Bad Gateway</html>');

    const error = await failureOf(http.get('/api/anything'));

    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      status: 502,
      message: ERRORS.SERVICE_UNAVAILABLE.message,
    });
  });

  it('maps a network failure or timeout to the network message', async () => {
    taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });

    const error = await failureOf(http.get('/api/anything'));

    expect(error).toMatchObject({ code: NETWORK_ERROR, status: 0, message: NETWORK_ERROR_MESSAGE });
    expect(error.message).toBe('网络不太好，请检查网络后重试');
  });

  it('sends no Authorization header without a token', async () => {
    answer(200, {});

    await request({ path: '/api/me' });

    expect(sentOptions().header).not.toHaveProperty('Authorization');
    expect(sentOptions().header).not.toHaveProperty('Idempotency-Key');
  });

  it('sends the bearer token and the idempotency key when given', async () => {
    setAuthToken('tok-123');
    answer(201, { id: 1 });

    await http.post('/api/requests', { text: '路灯坏了' }, { idempotencyKey: 'key-abc' });

    expect(sentOptions()).toMatchObject({
      method: 'POST',
      data: { text: '路灯坏了' },
      header: { Authorization: 'Bearer tok-123', 'Idempotency-Key': 'key-abc' },
    });
  });
});

describe('upload', () => {
  const taroUpload = jest.mocked(Taro.uploadFile);

  function uploadAnswer(statusCode: number, data: string, progress: number[] = []) {
    taroUpload.mockImplementationOnce((() => {
      let report: (update: { progress: number }) => void = () => undefined;
      const answer = Promise.resolve().then(() => {
        progress.forEach((value) => report({ progress: value }));
        return { statusCode, data, errMsg: 'uploadFile:ok' };
      });
      return Object.assign(answer, {
        progress: (callback: typeof report) => {
          report = callback;
        },
      });
    }) as never);
  }

  beforeEach(() => taroUpload.mockReset());

  it('sends the file as multipart with the token, reports progress, parses the JSON answer', async () => {
    setAuthToken('tok-9');
    uploadAnswer(201, '{"id":3,"url":"/api/photos/3","width":10,"height":20}', [30, 100]);
    const seen: number[] = [];

    const photo = await upload({
      path: '/api/photos',
      filePath: 'blob:1',
      name: 'file',
      onProgress: (percent) => seen.push(percent),
    });

    expect(photo).toEqual({ id: 3, url: '/api/photos/3', width: 10, height: 20 });
    expect(seen).toEqual([30, 100]);
    expect(taroUpload.mock.calls[0]?.[0]).toMatchObject({
      url: 'https://api.example.test/api/photos',
      filePath: 'blob:1',
      name: 'file',
      header: { Authorization: 'Bearer tok-9' },
    });
  });

  it('rejects with the server message, e.g. a photo that is too large', async () => {
    uploadAnswer(413, '{"code":"PAYLOAD_TOO_LARGE","message":"照片太大了，每张不能超过5MB"}');

    const error = await failureOf(upload({ path: '/api/photos', filePath: 'x', name: 'file' }));

    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(error.message).toBe('照片太大了，每张不能超过5MB');
  });

  it('maps a failed upload to the network message', async () => {
    taroUpload.mockImplementationOnce((() =>
      Object.assign(Promise.reject(new Error('fail')), { progress: () => undefined })) as never);

    const error = await failureOf(upload({ path: '/api/photos', filePath: 'x', name: 'file' }));

    expect(error).toMatchObject({ code: NETWORK_ERROR, message: NETWORK_ERROR_MESSAGE });
  });
});
