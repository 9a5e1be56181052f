import { Text, View } from '@tarojs/components';
import {
  CATEGORIES,
  REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  ledgerQuerySchema,
  localDateOf,
  validate,
  type CategoryCode,
  type RequestStatus,
} from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { downloadLedger, getUnits } from '../../../services/api/office';
import { DownloadStatus, useDownload } from '../components/download';
import { CheckLine, Chips, FormProblem, TextField, useOfficeForm } from '../components/form';
import { OfficePage } from '../components/office-page';
import { UnitChooser } from '../components/unit-chooser';
import { unitNodes, type UnitNode } from '../components/units';

/** 民情台账: the requests in scope as an Excel sheet, filtered; names and phones masked. */
export default function LedgerPage() {
  return (
    <OfficePage title="民情台账" section="officeLedger">
      <Ledger />
    </OfficePage>
  );
}

const STATUS_OPTIONS: readonly { key: RequestStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  ...REQUEST_STATUSES.map((s) => ({ key: s, label: REQUEST_STATUS_LABELS[s] })),
];

const CATEGORY_OPTIONS: readonly { key: CategoryCode | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  ...CATEGORIES.map((c) => ({ key: c.code, label: c.label })),
];

interface Filters {
  from: string;
  to: string;
  status: RequestStatus | 'all';
  category: CategoryCode | 'all';
  unitId: number | null;
  overdue: boolean;
}

function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** The filters as the query string carries them, checked with the server's own schema. */
function checkLedger(f: Filters) {
  const checked = validate(ledgerQuerySchema, {
    ...(f.from.trim() ? { from: f.from.trim() } : {}),
    ...(f.to.trim() ? { to: f.to.trim() } : {}),
    ...(f.status === 'all' ? {} : { status: f.status }),
    ...(f.category === 'all' ? {} : { category: f.category }),
    ...(f.unitId ? { unitId: String(f.unitId) } : {}),
    ...(f.overdue ? { overdue: 'true' } : {}),
  });
  if (
    checked.ok &&
    checked.value.from &&
    checked.value.to &&
    checked.value.from > checked.value.to
  ) {
    return { ok: false as const, issues: [{ field: 'to', message: '结束日期不能早于开始日期' }] };
  }
  return checked;
}

function Ledger() {
  const units = useLoad(getUnits, 'units');
  if (units.state.status === 'loading')
    return <Text className="office-page__loading">正在加载…</Text>;
  if (units.state.status === 'failed') {
    return <WorkError error={units.state.error} onRetry={units.reload} />;
  }
  return <LedgerForm units={unitNodes(units.state.data)} />;
}

function LedgerForm({ units }: { units: UnitNode[] }) {
  const today = localDateOf(new Date());
  const form = useOfficeForm<Filters>({
    from: monthStart(today),
    to: today,
    status: 'all',
    category: 'all',
    unitId: null,
    overdue: false,
  });
  const file = useDownload();
  const { values, set, issue } = form;

  const exportNow = () => {
    if (file.busy) return;
    const checked = checkLedger(values);
    if (!checked.ok) {
      form.setIssues(checked.issues);
      return;
    }
    form.setIssues([]);
    void file.run((progress) => downloadLedger(checked.value, progress));
  };

  return (
    <View className="mq-section">
      <Text className="office-page__intro">
        按条件导出诉求台账（Excel）：编号、渠道、类别、内容、办理人、时限、状态等。群众的姓名和电话只显示部分；导出会记入操作日志。
      </Text>
      <View className="office-form__grid">
        <TextField
          label="开始日期（反映日期）"
          value={values.from}
          onInput={(v) => set('from', v)}
          error={issue('from')}
          placeholder="例如 2026-11-01，不填为不限"
          maxlength={10}
        />
        <TextField
          label="结束日期（含这一天）"
          value={values.to}
          onInput={(v) => set('to', v)}
          error={issue('to')}
          placeholder="例如 2026-11-30，不填为不限"
          maxlength={10}
        />
        <View className="office-form__wide">
          <Chips
            label="状态"
            options={STATUS_OPTIONS}
            value={values.status}
            onChange={(v) => set('status', v)}
            error={issue('status')}
          />
        </View>
        <View className="office-form__wide">
          <Chips
            label="类别"
            options={CATEGORY_OPTIONS}
            value={values.category}
            onChange={(v) => set('category', v)}
            error={issue('category')}
          />
        </View>
        <UnitChooser
          label="单位"
          units={units}
          value={values.unitId}
          onChange={(id) => set('unitId', id)}
          selectable={() => true}
          anyLabel="全部（我管辖的范围）"
          error={issue('unitId')}
        />
        <View className="mq-field">
          <Text className="mq-label">超期</Text>
          <CheckLine checked={values.overdue} onToggle={() => set('overdue', !values.overdue)}>
            只导出已超期的诉求
          </CheckLine>
        </View>
      </View>
      <FormProblem form={form} />
      <Btn kind="primary" size="big" busyText={file.busy && '正在生成…'} onClick={exportNow}>
        导出 Excel
      </Btn>
      <DownloadStatus state={file.state} />
    </View>
  );
}
