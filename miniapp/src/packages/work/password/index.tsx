import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  PASSWORD_MIN,
  changePasswordSchema,
  issueFor,
  validate,
  type FieldIssue,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { Page } from '../../../components/page';
import { RequireRole } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { changePassword, signOut } from '../../../services/account';
import { asApiError, type ApiError } from '../../../services/http';
import { WORK_ROLES, currentUser, workLandingPage } from '../../../services/session';
import { classNames } from '../../../utils/format';
import './index.scss';

/** Where a page that links here may ask to be taken back to afterwards. */
const NEXT_PAGES = ['officeHome', 'inbox'] as const;
type NextPage = (typeof NEXT_PAGES)[number];

/**
 * 修改密码: the one page an account with an initial (or reset) password can use. The server ends
 * every older session on a change and answers a new one, which is kept at once.
 */
export default function PasswordPage() {
  return (
    <Page className="password-page">
      <RequireRole roles={WORK_ROLES} passwordPage>
        <PasswordForm />
      </RequireRole>
    </Page>
  );
}

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** The shared schema's checks, and the second entry typed the same as the first. */
function checkPassword(values: Values) {
  const checked = validate(changePasswordSchema, {
    oldPassword: values.oldPassword,
    newPassword: values.newPassword,
  });
  const issues: FieldIssue[] = checked.ok ? [] : [...checked.issues];
  if (values.confirm === '') {
    issues.push({ field: 'confirm', message: '请再输入一次新密码' });
  } else if (values.confirm !== values.newPassword) {
    issues.push({ field: 'confirm', message: '两次输入的新密码不一样，请重新输入' });
  }
  return checked.ok && issues.length === 0
    ? { ok: true as const, value: checked.value }
    : { ok: false as const, issues };
}

function PasswordForm() {
  const { params } = useRouter();
  const user = currentUser();
  const forced = user?.mustChangePassword ?? false;
  const [values, setValues] = useState<Values>({ oldPassword: '', newPassword: '', confirm: '' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setIssues((list) => list.filter((i) => i.field !== field));
  };

  const save = async () => {
    if (busy) return;
    const checked = checkPassword(values);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    setFailure(null);
    setBusy(true);
    try {
      const signedIn = await changePassword(checked.value);
      const next = (NEXT_PAGES as readonly string[]).includes(params.next ?? '')
        ? (params.next as NextPage)
        : workLandingPage(signedIn);
      await Taro.redirectTo({ url: routeOf(next) });
    } catch (error) {
      const failed = asApiError(error);
      setIssues(failed.details);
      setFailure(failed);
      setBusy(false);
    }
  };

  const leave = () => {
    signOut();
    void Taro.reLaunch({ url: routeOf('signIn') });
  };

  const field = (
    name: keyof Values,
    label: string,
    placeholder: string,
    onConfirm?: () => void,
  ) => {
    const error = issueFor(issues, name);
    return (
      <View className="mq-field">
        <Text className="mq-label">{label}</Text>
        <Input
          className={classNames('mq-input', error && 'mq-input--invalid')}
          password
          value={values[name]}
          placeholder={placeholder}
          onInput={(e) => set(name)(e.detail.value)}
          {...(onConfirm ? { onConfirm } : {})}
        />
        {error ? <Text className="mq-field-error">{error}</Text> : null}
      </View>
    );
  };

  return (
    <View>
      <View className="mq-section">
        <Text className="password-page__title">修改密码</Text>
        <Text className="password-page__who">
          {user?.displayName}
          {user?.orgUnitName ? ` · ${user.orgUnitName}` : ''}
        </Text>
        {forced ? (
          <Text className="password-page__forced">
            !
            您现在用的是单位发的初始密码（或刚被重置的密码）。请先改成只有您自己知道的密码，改好后才能继续使用。
          </Text>
        ) : null}
      </View>
      <View className="mq-section">
        {field(
          'oldPassword',
          forced ? '初始密码' : '原密码',
          forced ? '单位发给您的初始密码' : '现在用的密码',
        )}
        {field('newPassword', '新密码', `至少${PASSWORD_MIN}位，字母和数字都要有`)}
        {field('confirm', '再输一次新密码', '和上面的新密码一样', () => void save())}
        <Text className="mq-muted password-page__rule">
          新密码至少{PASSWORD_MIN}
          位，要同时包含字母和数字，不能和原密码一样。改好后，其他手机或电脑上的登录会失效，需要用新密码重新登录。
        </Text>
        {failure ? <Text className="password-page__problem">! {failure.message}</Text> : null}
        <Btn kind="primary" size="big" busyText={busy && '正在修改…'} onClick={() => void save()}>
          确定修改
        </Btn>
      </View>
      <Btn kind="plain" className="password-page__leave" onClick={leave}>
        退出登录
      </Btn>
    </View>
  );
}
