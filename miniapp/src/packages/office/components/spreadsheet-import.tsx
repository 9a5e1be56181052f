import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { pickSpreadsheet } from '../../../platform/spreadsheet';
import { SPREADSHEET_MAX_BYTES, type PickedFile } from '../../../platform/spreadsheet-common';
import type { Downloaded } from '../../../services/download';
import { asApiError, type ApiError } from '../../../services/http';
import { DownloadStatus, sizeText, useDownload } from './download';
import { importIssues, type ImportIssue } from './import-issues';
import { Table, type Column } from './table';

/** Sends the chosen file, saying how much of it went (0–100); what the import made of it. */
export type SpreadsheetUpload<R> = (
  file: PickedFile,
  onProgress: (percent: number) => void,
) => Promise<R>;

/** Makes and fetches the import's template, saying how much of it came. */
export type TemplateFetch = (
  onProgress: (received: number, total: number | null) => void,
) => Promise<Downloaded>;

export type Upload<R> =
  | { state: 'idle' }
  | { state: 'sending'; percent: number }
  | { state: 'done'; result: R }
  | { state: 'failed'; error: ApiError };

export interface SpreadsheetImport<R> {
  file: PickedFile | null;
  /** why the chosen file was not taken, '' when it was */
  problem: string;
  upload: Upload<R>;
  sending: boolean;
  /** uploaded at least once since the file was chosen (its button then says 重新上传) */
  tried: boolean;
  choose: () => Promise<void>;
  send: () => Promise<void>;
}

/**
 * An Excel import's file and upload. Nothing is imported unless every row is right; the chosen
 * file stays chosen, so after fixing it in Excel (and saving) one tap uploads it again.
 */
export function useSpreadsheetImport<R>(
  upload: SpreadsheetUpload<R>,
  onImported: () => void,
): SpreadsheetImport<R> {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState('');
  const [state, setState] = useState<Upload<R>>({ state: 'idle' });
  const sending = state.state === 'sending';

  // Not awaited with a busy button: a browser may never say the dialog was closed.
  const choose = async () => {
    const picked = await pickSpreadsheet();
    if (!picked) return;
    if (!/\.xlsx$/i.test(picked.name)) {
      setProblem(
        `“${picked.name}”不是 .xlsx 文件：请用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”后再选`,
      );
      return;
    }
    if (picked.size > SPREADSHEET_MAX_BYTES) {
      setProblem(`文件有${sizeText(picked.size)}，太大了：不能超过5MB`);
      return;
    }
    setProblem('');
    setFile(picked);
    setState({ state: 'idle' });
  };

  const send = async () => {
    if (!file || sending) return;
    setProblem('');
    setState({ state: 'sending', percent: 0 });
    try {
      const result = await upload(file, (percent) => setState({ state: 'sending', percent }));
      setState({ state: 'done', result });
      onImported();
    } catch (error) {
      setState({ state: 'failed', error: asApiError(error) });
    }
  };

  return {
    file,
    problem,
    upload: state,
    sending,
    tried: state.state === 'done' || state.state === 'failed',
    choose,
    send,
  };
}

/** 下载导入模板 and how the download went. */
export function TemplateDownload({ download }: { download: TemplateFetch }) {
  const template = useDownload();
  return (
    <>
      <View className="office-form__buttons">
        <Btn
          kind="secondary"
          busyText={template.busy && '正在生成…'}
          onClick={() => void template.run(download)}
        >
          下载导入模板
        </Btn>
      </View>
      <DownloadStatus state={template.state} />
    </>
  );
}

/** 要导入的文件: which one is chosen, choosing (another), uploading it and how far that got. */
export function SpreadsheetFile<R>({ sheet }: { sheet: SpreadsheetImport<R> }) {
  const { file, upload } = sheet;
  return (
    <View className="import-panel__file">
      <Text className="mq-label">要导入的文件</Text>
      {file ? (
        <Text className="import-panel__name">
          已选：{file.name}（{sizeText(file.size)}）
        </Text>
      ) : (
        <Text className="mq-muted">还没有选择文件</Text>
      )}
      <View className="office-form__buttons">
        <Btn
          kind={file ? 'plain' : 'secondary'}
          disabled={sheet.sending}
          onClick={() => void sheet.choose()}
        >
          {file ? '重新选择文件' : '选择文件（.xlsx）'}
        </Btn>
        {file ? (
          <Btn
            kind="primary"
            busyText={
              upload.state === 'sending' &&
              (upload.percent < 100 ? `正在上传 ${upload.percent}%…` : '正在检查和导入…')
            }
            onClick={() => void sheet.send()}
          >
            {sheet.tried ? '重新上传' : '上传并导入'}
          </Btn>
        ) : null}
      </View>
      {sheet.problem ? <Text className="office-problem">! {sheet.problem}</Text> : null}
    </View>
  );
}

function issueColumns(columnWidth: string): readonly Column<ImportIssue>[] {
  return [
    {
      key: 'row',
      label: '行',
      width: '7em',
      title: true,
      cell: (i) => (i.row ? `第${i.row}行` : '整个文件'),
    },
    { key: 'column', label: '列', width: columnWidth, cell: (i) => i.column || '—' },
    { key: 'problem', label: '问题', width: '1fr', cell: (i) => i.problem },
  ];
}

/**
 * A refused import: the server's message and, when it named them, the rows to fix, one a line.
 * `columns` names the template's columns by the field names of the server's row issues;
 * `columnWidth` is the 列 column's track on a desktop, as wide as the longest of those names.
 */
export function ImportIssues({
  error,
  columns,
  columnWidth,
}: {
  error: ApiError;
  columns: Record<string, string>;
  columnWidth: string;
}) {
  const issues = importIssues(error.details, columns);
  return (
    <View className="import-panel__result">
      <Text className="office-problem">! {error.message}</Text>
      {issues.length > 0 ? (
        <View>
          <Text className="import-panel__count">
            共{issues.length}处要修改。在 Excel 里改好、保存后，点“重新上传”。
          </Text>
          <Table
            className="import-panel__issues"
            columns={issueColumns(columnWidth)}
            rows={issues}
            rowKey={(i) => `${i.row ?? 0}-${i.column}-${i.problem}`}
          />
        </View>
      ) : null}
    </View>
  );
}
