import { Text, View } from '@tarojs/components';
import type { ImportCounts } from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import {
  ImportIssues,
  SpreadsheetFile,
  TemplateDownload,
  useSpreadsheetImport,
  type SpreadsheetUpload,
  type TemplateFetch,
} from '../components/spreadsheet-import';

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
  template: TemplateFetch;
  upload: SpreadsheetUpload<ImportCounts>;
}

/**
 * 从Excel导入: the template, the file, the upload, and what came of it, as for the cadres.
 * Nothing is imported unless every row is right; the chosen file stays chosen for another try.
 */
export function HouseholdImportPanel({
  importer,
  onImported,
  onClose,
}: {
  importer: HouseholdImporter;
  onImported: () => void;
  onClose: () => void;
}) {
  const sheet = useSpreadsheetImport(importer.upload, onImported);
  const { upload } = sheet;
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
      <TemplateDownload download={importer.template} />
      <SpreadsheetFile sheet={sheet} />

      {upload.state === 'done' ? (
        <Text className="office-done">
          ✓ 导入完成：新增{upload.result.created}户，更新{upload.result.updated}户，没有变化
          {upload.result.unchanged}户。
        </Text>
      ) : null}
      {upload.state === 'failed' ? (
        <ImportIssues error={upload.error} columns={HOUSEHOLD_COLUMNS} columnWidth="160px" />
      ) : null}
    </View>
  );
}
