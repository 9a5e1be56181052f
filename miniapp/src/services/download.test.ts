import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';

import { fileNameOf } from './download-common';
import { DOWNLOAD_DONE_TEXT, downloadFile } from './download.h5';
import {
  ApiError,
  request,
  setApiBaseUrl,
  setAuthToken,
  setPasswordChangeRequiredHandler,
} from './http';

function reply(status: number, chunks: string[], headers: Record<string, string> = {}) {
  // jsdom has no TextEncoder; one byte a character is enough for these bodies.
  const queue = chunks.map((c) => Uint8Array.from(c, (ch) => ch.charCodeAt(0) & 0xff));
  return {
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: () => Promise.resolve(chunks.join('')),
    body: {
      getReader: () => ({
        read: () =>
          Promise.resolve(
            queue.length > 0
              ? { done: false, value: queue.shift()! }
              : { done: true, value: undefined },
          ),
      }),
    },
  };
}

const fetchMock = jest.fn();
const clicked: HTMLAnchorElement[] = [];

beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
  Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:sheet'), revokeObjectURL: jest.fn() });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this);
  });
});

beforeEach(() => {
  fetchMock.mockReset();
  clicked.length = 0;
  setApiBaseUrl('');
  setAuthToken('tok-staff');
});

afterAll(() => setAuthToken(null));

describe('downloadFile in a browser', () => {
  it('fetches with the session, reports progress and hands the file to the browser by its name', async () => {
    fetchMock.mockResolvedValueOnce(
      reply(200, ['%PDF-1.7 ', 'cards'], {
        'content-type': 'application/pdf',
        'content-length': '14',
        'content-disposition': `attachment; filename="cards.pdf"; filename*=UTF-8''${encodeURIComponent('民情联系卡.pdf')}`,
      }),
    );
    const progress = jest.fn();

    const file = await downloadFile({
      path: '/api/office/card-sheet',
      query: { unitId: 3, cardId: undefined },
      fileName: 'fallback.pdf',
      fileType: 'pdf',
      onProgress: progress,
    });

    expect(fetchMock).toHaveBeenCalledWith('/api/office/card-sheet?unitId=3', {
      headers: { Authorization: 'Bearer tok-staff' },
    });
    expect(progress.mock.calls).toEqual([
      [9, 14],
      [14, 14],
    ]);
    expect(file).toEqual({ fileName: '民情联系卡.pdf', size: 14 });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('民情联系卡.pdf');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:sheet');
    expect(DOWNLOAD_DONE_TEXT).toMatch(/下载/);
  });

  it("rejects with the server's message and saves nothing when it refuses", async () => {
    fetchMock.mockResolvedValueOnce(
      reply(409, [
        JSON.stringify({ code: 'NOTHING_TO_PRINT', message: ERRORS.NOTHING_TO_PRINT.message }),
      ]),
    );

    const failed = await downloadFile({
      path: '/api/office/card-sheet',
      fileName: 'x.pdf',
      fileType: 'pdf',
    }).catch((e: unknown) => e);

    expect(failed).toBeInstanceOf(ApiError);
    expect(failed).toMatchObject({
      code: 'NOTHING_TO_PRINT',
      status: 409,
      message: ERRORS.NOTHING_TO_PRINT.message,
    });
    expect(clicked).toHaveLength(0);
  });

  it('says the network failed when no answer came', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(
      downloadFile({ path: '/api/office/ledger', fileName: 'l.xlsx', fileType: 'xlsx' }),
    ).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});

describe('fileNameOf', () => {
  it.each([
    [`attachment; filename="a.xlsx"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.xlsx`, '台账.xlsx'],
    ['attachment; filename="cards.pdf"', 'cards.pdf'],
    ['attachment', null],
    [null, null],
  ])('reads %j', (header, name) => expect(fileNameOf(header)).toBe(name));
});

describe('an account that must change its password', () => {
  it('is sent to change it whenever the server refuses a call for that', async () => {
    const handler = jest.fn();
    setPasswordChangeRequiredHandler(handler);
    jest.mocked(Taro.request).mockResolvedValueOnce({
      statusCode: 403,
      data: { code: 'PASSWORD_CHANGE_REQUIRED', message: ERRORS.PASSWORD_CHANGE_REQUIRED.message },
    } as never);

    await expect(request({ path: '/api/office/units' })).rejects.toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
    expect(handler).toHaveBeenCalledTimes(1);
    setPasswordChangeRequiredHandler(null);
  });
});
