import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { issueFor, staffSignInSchema, validate, type FieldIssue } from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { Btn } from '../../../components/btn';
import { Page } from '../../../components/page';
import { routeOf } from '../../../constants/routes';
import { askSubscription, prefetchSubscribeTemplates } from '../../../platform/subscribe';
import { signInStaff } from '../../../services/account';
import { asApiError } from '../../../services/http';
import { workLandingPage } from '../../../services/session';
import { classNames } from '../../../utils/format';
import './index.scss';

/** 干部登录: the same account works in WeChat and in a browser. */
export default function SignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  // The template ids must be at hand when 登录 is tapped (see platform/subscribe).
  useEffect(prefetchSubscribeTemplates, []);

  const signIn = async () => {
    if (busy) return;
    const checked = validate(staffSignInSchema, { username, password });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    // WeChat shows the subscribe dialog only within the tap, before anything is awaited: new
    // requests and due-time reminders then reach the cadre outside the app.
    void askSubscription(['newRequest', 'reminder']);
    setIssues([]);
    setProblem('');
    setBusy(true);
    try {
      // An initial password is changed first; county admins work in the 管理后台.
      const user = await signInStaff(checked.value);
      await Taro.redirectTo({ url: routeOf(workLandingPage(user)) });
    } catch (error) {
      setProblem(asApiError(error).message);
      setBusy(false);
    }
  };

  const usernameIssue = issueFor(issues, 'username');
  const passwordIssue = issueFor(issues, 'password');
  return (
    <Page className="sign-in-page">
      <View className="mq-section">
        <Text className="sign-in-page__title">干部登录</Text>
        <Text className="mq-muted">村（社区）干部、乡镇和县里的工作人员，用单位发的账号登录。</Text>
      </View>
      <View className="mq-section">
        <View className="mq-field">
          <Text className="mq-label">账号</Text>
          <Input
            className={classNames('mq-input', usernameIssue && 'mq-input--invalid')}
            value={username}
            placeholder="请输入账号"
            onInput={(e) => setUsername(e.detail.value)}
          />
          {usernameIssue ? <Text className="mq-field-error">{usernameIssue}</Text> : null}
        </View>
        <View className="mq-field">
          <Text className="mq-label">密码</Text>
          <Input
            className={classNames('mq-input', passwordIssue && 'mq-input--invalid')}
            password
            value={password}
            placeholder="请输入密码"
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={() => void signIn()}
          />
          {passwordIssue ? <Text className="mq-field-error">{passwordIssue}</Text> : null}
        </View>
        {problem ? <Text className="sign-in-page__problem">! {problem}</Text> : null}
        <Btn kind="primary" size="big" busyText={busy && '正在登录…'} onClick={() => void signIn()}>
          登录
        </Btn>
      </View>
    </Page>
  );
}
