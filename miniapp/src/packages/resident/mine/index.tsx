import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestSummary } from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequestItem } from '../../../components/request-item';
import { routeOf } from '../../../constants/routes';
import { usePaged } from '../../../hooks/use-paged';
import { ensureResidentQuietly, isResidentSignedIn } from '../../../services/account';
import { listMyRequests } from '../../../services/api/requests';
import { asApiError } from '../../../services/http';
import { PhoneLink } from '../components/phone-link';
import { SmsSignIn } from '../components/sms-sign-in';
import { useSmsForm } from '../components/use-sms';
import './index.scss';

type Access = 'checking' | 'signed_in' | 'needs_sms';

/** 我反映的事情: every request this resident has made, newest first. */
export default function MinePage() {
  const [access, setAccess] = useState<Access>(() =>
    isResidentSignedIn() ? 'signed_in' : 'checking',
  );

  useEffect(() => {
    if (access !== 'checking') return;
    ensureResidentQuietly().then(
      (ok) => setAccess(ok ? 'signed_in' : 'needs_sms'),
      () => setAccess('needs_sms'),
    );
  }, [access]);

  return (
    <Page className="mine-page">
      {access === 'checking' ? <Text className="mine-page__loading">正在打开…</Text> : null}
      {access === 'needs_sms' ? <SignInFirst onSignedIn={() => setAccess('signed_in')} /> : null}
      {access === 'signed_in' ? <MyRequests /> : null}
    </Page>
  );
}

function MyRequests() {
  const list = usePaged(listMyRequests, 'mine');
  const open = (request: RequestSummary) =>
    void Taro.navigateTo({ url: routeOf('myRequest', { id: request.id }) });

  if (list.status === 'loading') return <Text className="mine-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0) {
    return (
      <MessageScreen tone="warning" icon="!" title="没有加载出来" body={list.error?.message}>
        <Btn kind="primary" size="big" onClick={list.reload}>
          重试
        </Btn>
      </MessageScreen>
    );
  }
  if (list.items.length === 0) {
    return (
      <View>
        <PhoneLink onLinked={list.reload} />
        <MessageScreen
          tone="neutral"
          icon="○"
          title="您还没有反映过事情"
          body="有困难、有问题、有建议，请扫一扫干部发给您的民情联系卡，点“我要反映”，写下来交给干部。"
        >
          <Btn kind="primary" size="big" onClick={() => Taro.reLaunch({ url: routeOf('home') })}>
            去扫联系卡
          </Btn>
        </MessageScreen>
      </View>
    );
  }
  return (
    <View>
      <PhoneLink onLinked={list.reload} />
      <Text className="mine-page__count">您一共反映了{list.total}件事，点开可以看办理进展</Text>
      {list.items.map((request) => (
        <RequestItem key={request.id} request={request} onOpen={open} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

function SignInFirst({ onSignedIn }: { onSignedIn: () => void }) {
  const sms = useSmsForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const signIn = async () => {
    const input = sms.check();
    if (!input) return;
    setBusy(true);
    setProblem('');
    try {
      await sms.signIn(input);
      onSignedIn();
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <SmsSignIn form={sms} reason="请用反映事情时验证过的手机号查看。" />
      {problem ? <Text className="mq-field-error mine-page__problem">! {problem}</Text> : null}
      <Btn kind="primary" size="big" busyText={busy && '正在验证…'} onClick={() => void signIn()}>
        查看我反映的事情
      </Btn>
    </View>
  );
}
