import { Input, Text, View } from '@tarojs/components';
import {
  ACTOR_ROLE_LABELS,
  WORK_ACCOUNT_ROLES,
  createAccountSchema,
  validate,
  type AccountWithPassword,
  type OfficeAccount,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import {
  createAccount,
  getUnits,
  listAccounts,
  resetPassword,
  setAccountActive,
  type AccountFilter,
} from '../../../services/api/office';
import { asApiError, type ApiError } from '../../../services/http';
import { currentUser } from '../../../services/session';
import { formatDateTime } from '../../../utils/format';
import { ConfirmBox } from '../components/confirm-box';
import { Chips, FormProblem, TextField, useOfficeForm } from '../components/form';
import { OfficePage, isAdmin } from '../components/office-page';
import { PasswordBox } from '../components/password-box';
import { Table, type Column } from '../components/table';
import { UnitChooser } from '../components/unit-chooser';
import { unitNodes, type UnitNode } from '../components/units';
import './index.scss';

/** 账号: every work account in scope; admins add staff and admins, stop and restart accounts. */
export default function AccountsPage() {
  return (
    <OfficePage title="账号" section="officeAccounts">
      <Accounts />
    </OfficePage>
  );
}

type RoleFilter = 'all' | 'cadre' | 'staff' | 'admin';

const ROLE_OPTIONS: readonly { key: RoleFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'cadre', label: '干部' },
  { key: 'staff', label: '工作人员' },
  { key: 'admin', label: '系统管理员' },
];

type Acting = { account: OfficeAccount; kind: 'reset' | 'disable' } | null;

function statusText(account: OfficeAccount): string {
  if (!account.active) return '✕ 已停用';
  if (account.lockedUntil && Date.parse(account.lockedUntil) > Date.now()) {
    return `! 已锁定至${formatDateTime(account.lockedUntil)}`;
  }
  return account.mustChangePassword ? '● 在用 · 还没改初始密码' : '● 在用';
}

function Accounts() {
  const admin = isAdmin();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<Acting>(null);
  const [password, setPassword] = useState<AccountWithPassword | null>(null);
  const [done, setDone] = useState('');
  const [actionFailure, setActionFailure] = useState<ApiError | null>(null);
  const [enabling, setEnabling] = useState<number | null>(null);

  const filter: AccountFilter = { ...(q ? { q } : {}), ...(role === 'all' ? {} : { role }) };
  const list = usePaged((page) => listAccounts(filter, page), JSON.stringify(filter));
  const me = currentUser()?.id;

  const act = (next: Acting) => {
    setPassword(null);
    setDone('');
    setActionFailure(null);
    setActing(next);
  };

  const enable = async (account: OfficeAccount) => {
    if (enabling !== null) return;
    setEnabling(account.id);
    setPassword(null);
    setActing(null);
    setActionFailure(null);
    try {
      await setAccountActive(account.id, true);
      setDone(`已启用 ${account.displayName} 的账号`);
      list.reload();
    } catch (error) {
      setDone('');
      setActionFailure(asApiError(error));
    }
    setEnabling(null);
  };

  const columns: Column<OfficeAccount>[] = [
    { key: 'name', label: '姓名', width: '1fr', title: true, cell: (a) => a.displayName },
    { key: 'username', label: '登录账号', width: '1.2fr', cell: (a) => a.username ?? '—' },
    { key: 'role', label: '类型', width: '1.1fr', cell: (a) => ACTOR_ROLE_LABELS[a.role] },
    { key: 'unit', label: '单位', width: '1.2fr', cell: (a) => a.unitName ?? '—' },
    { key: 'status', label: '状态', width: '1.3fr', cell: statusText },
    {
      key: 'actions',
      label: '操作',
      width: '1.8fr',
      cell: (a) =>
        a.id === me ? (
          <Text className="mq-muted">本人（在“修改密码”里改）</Text>
        ) : (
          <>
            <Btn kind="secondary" size="small" onClick={() => act({ account: a, kind: 'reset' })}>
              重置密码
            </Btn>
            {admin && a.active ? (
              <Btn kind="plain" size="small" onClick={() => act({ account: a, kind: 'disable' })}>
                停用
              </Btn>
            ) : null}
            {admin && !a.active ? (
              <Btn
                kind="plain"
                size="small"
                busyText={enabling === a.id && '正在启用…'}
                onClick={() => void enable(a)}
              >
                启用
              </Btn>
            ) : null}
          </>
        ),
    },
  ];

  return (
    <View>
      {admin ? (
        <View className="office-form__buttons">
          <Btn kind="primary" onClick={() => setCreating(!creating)}>
            ＋ 新增工作人员/管理员账号
          </Btn>
        </View>
      ) : (
        <Text className="office-page__intro">
          可以为干部重置密码；新增、停用账号请找县里的系统管理员。干部的账号在“干部”里新增。
        </Text>
      )}
      {admin && creating ? (
        <NewAccount
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setActing(null);
            setPassword(created);
            list.reload();
          }}
        />
      ) : null}

      {password ? (
        <PasswordBox
          title={`${password.account.displayName} 的初始密码`}
          rows={[
            {
              name: password.account.displayName,
              username: password.account.username ?? '',
              password: password.initialPassword,
            },
          ]}
        />
      ) : null}
      {done ? <Text className="office-done">✓ {done}</Text> : null}
      {actionFailure ? <Text className="office-problem">! {actionFailure.message}</Text> : null}
      {acting ? (
        <AccountAction
          acting={acting}
          onCancel={() => setActing(null)}
          onReset={(answer) => {
            setActing(null);
            setPassword(answer);
            list.reload();
          }}
          onDisabled={(account) => {
            setActing(null);
            setDone(`已停用 ${account.displayName} 的账号`);
            list.reload();
          }}
        />
      ) : null}

      <View className="office-filters">
        <View className="office-filters__search">
          <View className="mq-field">
            <Input
              className="mq-input"
              value={typed}
              placeholder="搜索姓名或登录账号"
              confirmType="search"
              onInput={(e) => setTyped(e.detail.value)}
              onConfirm={() => setQ(typed.trim())}
            />
          </View>
          <Btn kind="secondary" onClick={() => setQ(typed.trim())}>
            搜索
          </Btn>
        </View>
        <Chips label="类型" options={ROLE_OPTIONS} value={role} onChange={setRole} />
      </View>

      <AccountRows list={list} columns={columns} filtered={Boolean(q) || role !== 'all'} />
    </View>
  );
}

function AccountRows({
  list,
  columns,
  filtered,
}: {
  list: Paged<OfficeAccount>;
  columns: Column<OfficeAccount>[];
  filtered: boolean;
}) {
  if (list.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <Text className="office-empty">
        {filtered
          ? '没有符合条件的账号。换个搜索词，或把类型改成“全部”试试。'
          : '还没有账号。干部的账号在“干部”里新增干部时一起生成。'}
      </Text>
    );
  }
  return (
    <View>
      <Text className="mq-muted accounts-page__count">共{list.total}个账号</Text>
      <Table columns={columns} rows={list.items} rowKey={(a) => a.id} muted={(a) => !a.active} />
      <ListFooter list={list} />
    </View>
  );
}

/** 重置密码 or 停用, said before it is done. */
function AccountAction({
  acting,
  onCancel,
  onReset,
  onDisabled,
}: {
  acting: NonNullable<Acting>;
  onCancel: () => void;
  onReset: (answer: AccountWithPassword) => void;
  onDisabled: (account: OfficeAccount) => void;
}) {
  const { account, kind } = acting;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const who = `${account.displayName}（${account.username ?? '无登录账号'}）`;

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      if (kind === 'reset') onReset(await resetPassword(account.id));
      else onDisabled(await setAccountActive(account.id, false));
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };

  return kind === 'reset' ? (
    <ConfirmBox
      question={`确定重置 ${who} 的密码吗？`}
      confirmLabel="确定重置"
      busyText="正在重置…"
      busy={busy}
      failure={failure}
      onConfirm={() => void run()}
      onCancel={onCancel}
    >
      <Text>
        重置后会生成一个新的初始密码，只显示这一次；{account.displayName}
        原来的密码立即失效，已登录的手机和电脑都要用新密码重新登录，首次登录须修改密码。
      </Text>
    </ConfirmBox>
  ) : (
    <ConfirmBox
      question={`确定停用 ${who} 的账号吗？`}
      confirmLabel="确定停用"
      busyText="正在停用…"
      busy={busy}
      failure={failure}
      onConfirm={() => void run()}
      onCancel={onCancel}
    >
      <Text>
        停用后{account.displayName}
        不能再登录，已登录的也会退出；账号和操作记录都保留，以后可以再启用。干部调岗、离任请在干部的页面用“事随人转”。
      </Text>
    </ConfirmBox>
  );
}

const ROLE_CHOICES = WORK_ACCOUNT_ROLES.map((role) => ({
  key: role,
  label: role === 'admin' ? '系统管理员（县级）' : '工作人员（乡镇或县）',
}));

function NewAccount({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (created: AccountWithPassword) => void;
}) {
  const units = useLoad(getUnits, 'units');
  const form = useOfficeForm<{
    username: string;
    displayName: string;
    role: (typeof WORK_ACCOUNT_ROLES)[number];
    unitId: number | null;
  }>({ username: '', displayName: '', role: 'staff', unitId: null });
  const { values, set, issue } = form;
  const nodes: UnitNode[] = units.state.status === 'ready' ? unitNodes(units.state.data) : [];

  const save = () =>
    void form.submit(
      validate(createAccountSchema, { ...values, unitId: values.unitId ?? 0 }),
      async (input) => onCreated(await createAccount(input)),
    );

  return (
    <View className="mq-section">
      <View className="office-fold__head">
        <Text className="mq-section__title">新增工作人员/管理员账号</Text>
        <Btn kind="plain" size="small" onClick={onClose}>
          收起
        </Btn>
      </View>
      <Text className="office-page__intro">
        工作人员能看到所属单位及以下的诉求、统计和管理后台；系统管理员还能新增、停用账号，修改工作日历，查看操作日志。
      </Text>
      {units.state.status === 'failed' ? (
        <Text className="office-problem">! {units.state.error.message}</Text>
      ) : null}
      <View className="office-form__grid">
        <TextField
          label="姓名"
          value={values.displayName}
          onInput={(v) => set('displayName', v)}
          error={issue('displayName')}
          placeholder="例如：王芳"
          maxlength={16}
        />
        <TextField
          label="登录账号"
          value={values.username}
          onInput={(v) => set('username', v)}
          error={issue('username')}
          placeholder="4到32位字母、数字或 _ . -"
          maxlength={32}
        />
        <View className="office-form__wide">
          <Chips
            label="账号类型"
            options={ROLE_CHOICES}
            value={values.role}
            onChange={(role) => set('role', role)}
            error={issue('role')}
          />
        </View>
        <View className="office-form__wide">
          <UnitChooser
            label="所属单位（管辖范围）"
            units={nodes}
            value={values.unitId}
            onChange={(id) => set('unitId', id)}
            error={issue('unitId')}
            placeholder={units.state.status === 'loading' ? '正在加载单位…' : '请选择县或乡镇'}
          />
        </View>
      </View>
      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存，生成初始密码
        </Btn>
      </View>
    </View>
  );
}
