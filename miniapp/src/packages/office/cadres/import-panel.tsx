import { Text, View } from '@tarojs/components';
import type { ImportResult } from '@mqlk/shared';

import { downloadImportTemplate, importCadres } from '../../../services/api/office';
import { PasswordBox } from '../components/password-box';
import {
  ImportIssues,
  SpreadsheetFile,
  TemplateDownload,
  useSpreadsheetImport,
} from '../components/spreadsheet-import';

/** The cadre template's columns, by the field names the server's row issues use. */
const CADRE_COLUMNS: Record<string, string> = {
  unitId: '所属单位',
  unit: '所属单位',
  name: '姓名',
  post: '职务',
  phone: '手机号',
  duties: '职责',
  dutyDays: '一线工作日',
  username: '登录账号',
};

/**
 * 导入 Excel: the template, the file, the upload, and what came of it. Nothing is imported unless
 * every row is right; the chosen file stays chosen, so after fixing it in Excel (and saving) one
 * tap uploads it again.
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const sheet = useSpreadsheetImport(importCadres, onImported);
  const { upload } = sheet;
  return (
    <View className="mq-section import-panel">
      <Text className="mq-section__title">导入 Excel</Text>
      <Text className="office-page__intro">
        第一步下载模板，按模板填好（每行一位干部：所属单位、姓名、职务、手机号、职责、一线工作日、登录账号），再选择文件上传。整份文件都检查无误才会导入；登录账号已存在的行会更新那位干部，所以同一份文件重复导入不会重复添加。
      </Text>

      <TemplateDownload download={downloadImportTemplate} />
      <SpreadsheetFile sheet={sheet} />

      {upload.state === 'done' ? <ImportDone result={upload.result} /> : null}
      {upload.state === 'failed' ? (
        <ImportIssues error={upload.error} columns={CADRE_COLUMNS} columnWidth="140px" />
      ) : null}
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
