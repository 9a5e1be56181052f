import { Input, Text, View } from '@tarojs/components';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  auditQuerySchema,
  validate,
  type AuditAction,
  type AuditEntry,
  type OfficeAccount,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import { listAccounts, listAudit, type AuditFilter } from '../../../services/api/office';
import { classNames, formatDateTime } from '../../../utils/format';
import { FormProblem, TextField, useOfficeForm } from '../components/form';
import { OfficePage } from '../components/office-page';
import { Table, type Column } from '../components/table';
import './index.scss';
import { pressable } from '../../../components/pressable';

/** 操作日志: who did what, when, in the admin's county; append-only, newest first. */
export default function AuditPage() {
  return (
    <OfficePage title="操作日志" section="officeAudit" roles={['admin']}>
      <Audit />
    </OfficePage>
  );
}

const TARGETS: Record<string, string> = {
  user_account: '账号',
  cadre: '干部',
  card: '联系卡',
  org_unit: '单位',
  request: '诉求',
  county: '县（工作日历）',
  ledger: '民情台账',
  notice_delivery: '通知',
};

const COLUMNS: readonly Column<AuditEntry>[] = [
  { key: 'at', label: '时间', width: '1.1fr', cell: (e) => formatDateTime(e.at) },
  { key: 'actor', label: '人员', width: '0.9fr', title: true, cell: (e) => e.actorName },
  { key: 'action', label: '操作', width: '1.1fr', cell: (e) => e.actionLabel },
  {
    key: 'target',
    label: '对象',
    width: '0.9fr',
    cell: (e) => `${TARGETS[e.targetType] ?? e.targetType}${e.targetId ? ` #${e.targetId}` : ''}`,
  },
  { key: 'summary', label: '详情', width: '2fr', cell: (e) => e.summary || '—' },
];

interface Filters {
  actor: OfficeAccount | null;
  action: AuditAction | null;
  from: string;
  to: string;
}

function Audit() {
  const form = useOfficeForm<Filters>({ actor: null, action: null, from: '', to: '' });
  const [applied, setApplied] = useState<AuditFilter>({});
  const list = usePaged((page) => listAudit(applied, page), JSON.stringify(applied));

  const apply = () => {
    const { actor, action, from, to } = form.values;
    const checked = validate(auditQuerySchema, {
      ...(actor ? { actorId: String(actor.id) } : {}),
      ...(action ? { action } : {}),
      ...(from.trim() ? { from: from.trim() } : {}),
      ...(to.trim() ? { to: to.trim() } : {}),
    });
    if (!checked.ok) {
      form.setIssues(checked.issues);
      return;
    }
    if (checked.value.from && checked.value.to && checked.value.from > checked.value.to) {
      form.setIssues([{ field: 'to', message: '结束日期不能早于开始日期' }]);
      return;
    }
    form.setIssues([]);
    const { page: _page, pageSize: _size, ...filter } = checked.value;
    setApplied(filter);
  };

  return (
    <View>
      <Text className="office-page__intro">
        登录、查看诉求详情、导出、打印和每一次修改都记在这里，只能查看，不能修改或删除。
      </Text>
      <View className="office-filters">
        <View className="office-form__grid">
          <PersonChooser value={form.values.actor} onChange={(actor) => form.set('actor', actor)} />
          <ActionChooser
            value={form.values.action}
            onChange={(action) => form.set('action', action)}
          />
          <TextField
            label="开始日期"
            value={form.values.from}
            onInput={(v) => form.set('from', v)}
            error={form.issue('from')}
            placeholder="例如 2026-11-01，不填为不限"
            maxlength={10}
          />
          <TextField
            label="结束日期（含这一天）"
            value={form.values.to}
            onInput={(v) => form.set('to', v)}
            error={form.issue('to')}
            placeholder="例如 2026-11-30，不填为不限"
            maxlength={10}
          />
        </View>
        <FormProblem form={form} />
        <View className="office-form__buttons">
          <Btn kind="primary" busyText={list.status === 'loading' && '正在查询…'} onClick={apply}>
            查询
          </Btn>
        </View>
      </View>
      <AuditRows list={list} filtered={Object.keys(applied).length > 0} />
    </View>
  );
}

function AuditRows({ list, filtered }: { list: Paged<AuditEntry>; filtered: boolean }) {
  if (list.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <Text className="office-empty">
        {filtered ? '没有符合条件的记录。换个人员、操作或时间试试。' : '还没有操作记录。'}
      </Text>
    );
  }
  return (
    <View>
      <Text className="mq-muted audit-page__count">共{list.total}条，最新的在前</Text>
      <Table columns={COLUMNS} rows={list.items} rowKey={(e) => e.id} />
      <ListFooter list={list} />
    </View>
  );
}

/** 人员: found by name or login among the accounts in scope. */
function PersonChooser({
  value,
  onChange,
}: {
  value: OfficeAccount | null;
  onChange: (account: OfficeAccount | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useLoad(open ? () => listAccounts(q ? { q } : {}, 1, 20) : null, `${open}/${q}`);

  return (
    <View className="mq-field">
      <Text className="mq-label">人员</Text>
      <View
        className="office-units-chooser__current"
        {...pressable({ onPress: () => setOpen(!open) })}
      >
        <Text>{value ? `${value.displayName}（${value.username ?? '—'}）` : '全部人员'}</Text>
        <Text className="office-units-chooser__toggle">{open ? '收起 ▲' : '选择 ▼'}</Text>
      </View>
      {open ? (
        <View className="office-units-chooser__list">
          <View className="office-filters__search">
            <View className="mq-field">
              <Input
                className="mq-input"
                value={typed}
                placeholder="输入姓名或登录账号"
                confirmType="search"
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={() => setQ(typed.trim())}
              />
            </View>
            <Btn kind="secondary" size="small" onClick={() => setQ(typed.trim())}>
              查找
            </Btn>
          </View>
          <View
            className={classNames('office-units-chooser__option', !value && 'is-selected')}
            {...pressable({
              onPress: () => {
                onChange(null);
                setOpen(false);
              },
            })}
          >
            <Text>{value ? '' : '✓ '}全部人员</Text>
          </View>
          {found.state.status === 'loading' ? <Text className="mq-muted">正在查找…</Text> : null}
          {found.state.status === 'failed' ? (
            <Text className="mq-field-error">{found.state.error.message}</Text>
          ) : null}
          {found.state.status === 'ready'
            ? found.state.data.items.map((account) => (
                <View
                  key={account.id}
                  className={classNames(
                    'office-units-chooser__option',
                    value?.id === account.id && 'is-selected',
                  )}
                  {...pressable({
                    onPress: () => {
                      onChange(account);
                      setOpen(false);
                    },
                  })}
                >
                  <Text className="office-units-chooser__name">
                    {value?.id === account.id ? '✓ ' : ''}
                    {account.displayName}
                  </Text>
                  <Text className="office-units-chooser__kind">
                    {account.username ?? '—'} · {account.unitName ?? ''}
                  </Text>
                </View>
              ))
            : null}
          {found.state.status === 'ready' &&
          found.state.data.total > found.state.data.items.length ? (
            <Text className="mq-muted">只显示前20位，请输入姓名查找</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** 操作: one of the log's kinds, in words. */
function ActionChooser({
  value,
  onChange,
}: {
  value: AuditAction | null;
  onChange: (action: AuditAction | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const pick = (action: AuditAction | null) => {
    onChange(action);
    setOpen(false);
  };
  return (
    <View className="mq-field">
      <Text className="mq-label">操作</Text>
      <View
        className="office-units-chooser__current"
        {...pressable({ onPress: () => setOpen(!open) })}
      >
        <Text>{value ? AUDIT_ACTION_LABELS[value] : '全部操作'}</Text>
        <Text className="office-units-chooser__toggle">{open ? '收起 ▲' : '选择 ▼'}</Text>
      </View>
      {open ? (
        <View className="office-units-chooser__list audit-page__actions">
          {[null, ...AUDIT_ACTIONS].map((action) => (
            <View
              key={action ?? 'all'}
              className={classNames(
                'office-units-chooser__option',
                value === action && 'is-selected',
              )}
              {...pressable({ onPress: () => pick(action) })}
            >
              <Text className="office-units-chooser__name">
                {value === action ? '✓ ' : ''}
                {action ? AUDIT_ACTION_LABELS[action] : '全部操作'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
