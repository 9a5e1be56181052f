import { Text } from '@tarojs/components';
import { useRef, useState } from 'react';

import { DOWNLOAD_DONE_TEXT, type Downloaded } from '../../../services/download';
import { asApiError, type ApiError } from '../../../services/http';

export type DownloadState =
  | { status: 'idle' }
  | { status: 'running'; received: number; total: number | null }
  | { status: 'done'; file: Downloaded }
  | { status: 'failed'; error: ApiError };

type Start = (onProgress: (received: number, total: number | null) => void) => Promise<Downloaded>;

/** A file being made and fetched: the server builds it while it streams (台账, 联系卡). */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ status: 'idle' });
  const running = useRef(false);
  const run = async (start: Start) => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'running', received: 0, total: null });
    try {
      const file = await start((received, total) =>
        setState({ status: 'running', received, total }),
      );
      setState({ status: 'done', file });
    } catch (error) {
      setState({ status: 'failed', error: asApiError(error) });
    } finally {
      running.current = false;
    }
  };
  return {
    state,
    run,
    busy: state.status === 'running',
    reset: () => setState({ status: 'idle' }),
  };
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 正在生成…, how far it got, what came of it. */
export function DownloadStatus({ state }: { state: DownloadState }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return (
        <Text className="office-download office-download--running">
          正在生成…
          {state.received > 0
            ? `已收到 ${sizeText(state.received)}${state.total ? ` / ${sizeText(state.total)}` : ''}`
            : '文件较大时需要等一会儿，请不要关闭页面'}
        </Text>
      );
    case 'done':
      return (
        <Text className="office-download office-download--done">
          ✓ {state.file.fileName}
          {state.file.size > 0 ? `（${sizeText(state.file.size)}）` : ''}：{DOWNLOAD_DONE_TEXT}
        </Text>
      );
    case 'failed':
      return <Text className="office-problem">! {refusalText(state.error)}</Text>;
  }
}

/**
 * Why the server would not make the file. A refused query says it field by field (`details`,
 * e.g. 月报只能生成已经结束的月份…): that, rather than the general 填写的内容有误.
 */
export function refusalText(error: ApiError): string {
  return error.details.length > 0
    ? error.details.map((issue) => issue.message).join('；')
    : error.message;
}
