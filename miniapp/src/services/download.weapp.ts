import Taro from '@tarojs/taro';

import {
  ApiError,
  apiUrl,
  authHeader,
  NETWORK_ERROR,
  NETWORK_ERROR_MESSAGE,
  transferFailure,
} from './http';
import type { DownloadRequest, Downloaded } from './download-common';

export type { DownloadRequest, Downloaded } from './download-common';

/** What the page says once the file is there. */
export const DOWNLOAD_DONE_TEXT: string = '已打开文件，可点右上角“…”转发到电脑或用其他应用打开';

const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * A file route in WeChat: downloaded with the session to a temporary file, then opened in
 * WeChat's document viewer, whose menu forwards or saves it. (The API origin must also be a
 * registered downloadFile domain of the mini-program.)
 */
export async function downloadFile(request: DownloadRequest): Promise<Downloaded> {
  let result: { statusCode: number; tempFilePath: string };
  try {
    const task = Taro.downloadFile({
      url: apiUrl(request.path, request.query),
      header: authHeader(),
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    const { onProgress } = request;
    if (onProgress) {
      task.progress((update) =>
        onProgress(update.totalBytesWritten, update.totalBytesExpectedToWrite || null),
      );
    }
    result = await task;
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }
  if (result.statusCode >= 400)
    throw transferFailure(result.statusCode, readText(result.tempFilePath));

  let size = 0;
  try {
    size = Taro.getFileSystemManager().statSync(result.tempFilePath).size;
  } catch {
    // The size is only said on the page; the file opens without it.
  }
  try {
    await Taro.openDocument({
      filePath: result.tempFilePath,
      fileType: request.fileType,
      showMenu: true,
    });
  } catch {
    throw new ApiError('INTERNAL', '文件已下载，但没能打开，请再试一次或在电脑上下载', 0);
  }
  return { fileName: request.fileName, size };
}

/** An error answer lands in the temporary file as well: its JSON says why. */
function readText(path: string): string {
  try {
    return String(Taro.getFileSystemManager().readFileSync(path, 'utf8'));
  } catch {
    return '';
  }
}
