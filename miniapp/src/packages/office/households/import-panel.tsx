import { Text, View } from '@tarojs/components';
import type { ImportCounts } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { pickSpreadsheet } from '../../../platform/spreadsheet';
import { SPREADSHEET_MAX_BYTES, type PickedFile } from '../../../platform/spreadsheet-common';
import type { Downloaded } from '../../../services/download';
import { asApiError, type ApiError } from '../../../services/http';
import { importIssues, type ImportIssue } from '../cadres/import-issues';
import { DownloadStatus, sizeText, useDownload } from '../components/download';
import { Table, type Column } from '../components/table';

/** The household template's columns, by the field names the server's row issues use. */
const HOUSEHOLD_COLUMNS: Record<string, string> = {
  unitId: '所在村（社区）或网格',
  unit: '所在村（社区）或网格',
  groupName: '村民小组',
  houseNumber: '门牌号',
  headName: '户主姓名',
  phone: '联系电话',
  memberCount: '家庭人口',
  specialGroups: '特殊群体',
  freeTags: '自定义标签',
  cadre: '结对干部',
  cadreId: '结对干部',
  cadreUsername: '结对干部',
  pairing: '结对方式',
};

/** The two calls of the household import: the template, and the upload (`file`). */
export interface HouseholdImporter {
  template: (onProgress: (received: number, total: number | null) => void) => Promise<Downloaded>;
  upload: (file: PickedFile, onProgress: (percent: number) => void) => Promise<ImportCounts>;
}

type Upload =
  | { state: 'idle' }
  | { state: 'sending'; percent: number }
  | { state: 'done'; result: ImportCounts }
  | { state: 'failed'; error: ApiError };

const ISSUE_COLUMNS: readonly Column<ImportIssue>[] = [
  {
    key: 'row',
    label: '行',
    width: '7em',
    title: true,
    cell: (i) => (i.row ? `第${i.row}行` : '整个文件'),
  },
  { key: 'column', label: '列', width: '160px', cell: (i) => i.column || '—' },
  { key: 'problem', label: '问题', width: '1fr', cell: (i) => i.problem },
];

/**
 * 从Excel导入: the template, the file, the upload, and what came of it, as for the cadres.
 * Nothing is imported unless every row is right; the chosen file stays chosen for another try.
 */
export function HouseholdImportPanel({
  importer,
  onImported,
  onClose,
}: {
  importer: HouseholdImporter | null;
  onImported: () => void;
  onClose: () => void;
}) {
  const template = useDownload();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState('');
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const sending = upload.state === 'sending';

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
    if (!importer || !file || sending) return;
    setProblem('');
    setUpload({ state: 'sending', percent: 0 });
    try {
      const result = await importer.upload(file, (percent) =>
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
      <View className="office-fold__head">
        <Text className="mq-section__title">从Excel导入联户</Text>
        <Btn kind="plain" size="small" onClick={onClose}>
          收起
        </Btn>
      </View>
      <Text className="office-page__intro">
        第一步下载模板，按模板填好（每行一户：所在村（社区）或网格、村民小组、门牌号、户主姓名、联系电话、家庭人口、特殊群体、自定义标签、结对干部的登录账号、结对方式），再选择文件上传。整份文件都检查无误才会导入；已登记的门牌号会更新那一户，所以同一份文件重复导入不会重复添加。
      </Text>
      {importer ? null : (
        <Text className="office-warning">
          ⚠ 联户导入正在接入，暂时还不能上传。请先用“新增联户”逐户登记。
        </Text>
      )}

      <View className="office-form__buttons">
        <Btn
          kind="secondary"
          disabled={!importer}
          busyText={template.busy && '正在生成…'}
          onClick={() => {
            if (importer) void template.run((progress) => importer.template(progress));
          }}
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
          <Btn
            kind={file ? 'plain' : 'secondary'}
            disabled={!importer || sending}
            onClick={() => void choose()}
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
              onClick={() => void send()}
            >
              {tried ? '重新上传' : '上传并导入'}
            </Btn>
          ) : null}
        </View>
        {problem ? <Text className="office-problem">! {problem}</Text> : null}
      </View>

      {upload.state === 'done' ? (
        <Text className="office-done">
          ✓ 导入完成：新增{upload.result.created}户，更新{upload.result.updated}户，没有变化
          {upload.result.unchanged}户。
        </Text>
      ) : null}
      {upload.state === 'failed' ? <ImportFailed error={upload.error} /> : null}
    </View>
  );
}

function ImportFailed({ error }: { error: ApiError }) {
  const issues = importIssues(error.details, HOUSEHOLD_COLUMNS);
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
