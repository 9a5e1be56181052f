import { Text, View } from '@tarojs/components';
import type { ImportResult } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { pickSpreadsheet } from '../../../platform/spreadsheet';
import { SPREADSHEET_MAX_BYTES, type PickedFile } from '../../../platform/spreadsheet-common';
import { downloadImportTemplate, importCadres } from '../../../services/api/office';
import { asApiError, type ApiError } from '../../../services/http';
import { DownloadStatus, sizeText, useDownload } from '../components/download';
import { PasswordBox } from '../components/password-box';
import { Table, type Column } from '../components/table';
import { importIssues, type ImportIssue } from './import-issues';

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; percent: number }
  | { state: 'done'; result: ImportResult }
  | { state: 'failed'; error: ApiError };

const ISSUE_COLUMNS: readonly Column<ImportIssue>[] = [
  {
    key: 'row',
    label: '行',
    width: '7em',
    title: true,
    cell: (i) => (i.row ? `第${i.row}行` : '整个文件'),
  },
  { key: 'column', label: '列', width: '140px', cell: (i) => i.column || '—' },
  { key: 'problem', label: '问题', width: '1fr', cell: (i) => i.problem },
];

/**
 * 导入 Excel: the template, the file, the upload, and what came of it. Nothing is imported unless
 * every row is right; the chosen file stays chosen, so after fixing it in Excel (and saving) one
 * tap uploads it again.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const template = useDownload();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState('');
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const sending = upload.state === 'sending';

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
    setUpload({ state: 'idle' });
  };

  const send = async () => {
    if (!file || sending) return;
    setProblem('');
    setUpload({ state: 'sending', percent: 0 });
    try {
      const result = await importCadres(file, (percent) =>
        setUpload({ state: 'sending', percent }),
      );
      setUpload({ state: 'done', result });
      onImported();
    } catch (error) {
      setUpload({ state: 'failed', error: asApiError(error) });
    }
  };

  const tried = upload.state === 'done' || upload.state === 'failed';
  return (
    <View className="mq-section import-panel">
      <Text className="mq-section__title">导入 Excel</Text>
      <Text className="office-page__intro">
        第一步下载模板，按模板填好（每行一位干部：所属单位、姓名、职务、手机号、职责、一线工作日、登录账号），再选择文件上传。整份文件都检查无误才会导入；登录账号已存在的行会更新那位干部，所以同一份文件重复导入不会重复添加。
      </Text>

      <View className="office-form__buttons">
        <Btn
          kind="secondary"
          busyText={template.busy && '正在生成…'}
          onClick={() => void template.run((progress) => downloadImportTemplate(progress))}
        >
          下载导入模板
        </Btn>
      </View>
      <DownloadStatus state={template.state} />

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
          <Btn kind={file ? 'plain' : 'secondary'} disabled={sending} onClick={() => void choose()}>
            {file ? '重新选择文件' : '选择文件（.xlsx）'}
          </Btn>
          {file ? (
            <Btn
              kind="primary"
              busyText={
                upload.state === 'sending' &&
                (upload.percent < 100 ? `正在上传 ${upload.percent}%…` : '正在检查和导入…')
              }
              onClick={() => void send()}
            >
              {tried ? '重新上传' : '上传并导入'}
            </Btn>
          ) : null}
        </View>
        {problem ? <Text className="office-problem">! {problem}</Text> : null}
      </View>

      {upload.state === 'done' ? <ImportDone result={upload.result} /> : null}
      {upload.state === 'failed' ? <ImportFailed error={upload.error} /> : null}
    </View>
  );
}

function ImportDone({ result }: { result: ImportResult }) {
  return (
    <View className="import-panel__result">
      <Text className="office-done">
        ✓ 导入完成：新增{result.created}位，更新{result.updated}位，没有变化{result.unchanged}位。
      </Text>
      {result.accounts.length > 0 ? (
        <PasswordBox
          title={`新增的${result.accounts.length}个登录账号`}
          rows={result.accounts.map((a) => ({
            name: a.name,
            username: a.username,
            password: a.initialPassword,
          }))}
        />
      ) : null}
    </View>
  );
}

function ImportFailed({ error }: { error: ApiError }) {
  const issues = importIssues(error.details);
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
            columns={ISSUE_COLUMNS}
            rows={issues}
            rowKey={(i) => `${i.row ?? 0}-${i.column}-${i.problem}`}
          />
        </View>
      ) : null}
    </View>
  );
}
