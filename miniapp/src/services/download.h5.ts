import {
  ApiError,
  apiUrl,
  authHeader,
  NETWORK_ERROR,
  NETWORK_ERROR_MESSAGE,
  transferFailure,
} from './http';
import { fileNameOf, type DownloadRequest, type Downloaded } from './download-common';

export type { DownloadRequest, Downloaded } from './download-common';

/** What the page says once the file is there. */
export const DOWNLOAD_DONE_TEXT: string = '已下载，请在浏览器的“下载”里打开';

const BROKEN_TEXT = '文件没有下载完整，请再试一次';

/**
 * A file route in a browser: fetched with the session (a plain link cannot send it), read with
 * progress as it streams, then handed to the browser's own download through a Blob link.
 */
export async function downloadFile(request: DownloadRequest): Promise<Downloaded> {
  let response: Response;
  try {
    response = await fetch(apiUrl(request.path, request.query), { headers: authHeader() });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }
  if (response.status >= 400) {
    throw transferFailure(response.status, await response.text().catch(() => ''));
  }

  const total = Number(response.headers.get('content-length')) || null;
  const chunks: BlobPart[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        request.onProgress?.(received, total);
      }
    } else {
      const bytes = await response.arrayBuffer();
      chunks.push(bytes);
      received = bytes.byteLength;
    }
  } catch {
    // The server stops the stream when writing the file fails half-way.
    throw new ApiError(NETWORK_ERROR, BROKEN_TEXT, 0);
  }

  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? request.fileName;
  const blob = new Blob(chunks, { type: response.headers.get('content-type') ?? '' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the bytes once the click returns; a minute is ample for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName, size: received };
}
