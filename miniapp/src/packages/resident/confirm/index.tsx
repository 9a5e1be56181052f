import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ERRORS, categoryLabel, type ConfirmationPreview } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { confirmTokenOfPage } from '../../../platform/confirm-launch';
import { confirmationPreview } from '../../../services/api/requests';
import { SmsSignIn } from '../components/sms-sign-in';
import { useConfirm, type Ending } from './use-confirm';
import './index.scss';

/**
 * What the QR code on the cadre's phone (or the SMS link) opens: the matter the cadre recorded as
 * solved on the spot, for the resident to confirm, after which they can rate it.
 */
export default function ConfirmPage() {
  const { params } = useRouter();
  const [token] = useState(() => confirmTokenOfPage(params));
  return (
    <Page className="confirm-page">
      {token ? (
        <Confirm token={token} />
      ) : (
        <MessageScreen
          tone="danger"
          icon="!"
          title="确认链接不完整"
          body="确认码格式不对，请重新扫干部手机上的二维码，或打开短信里的链接。"
        >
          <HomeButton />
        </MessageScreen>
      )}
    </Page>
  );
}

function Confirm({ token }: { token: string }) {
  const { state, reload, refresh } = useLoad(() => confirmationPreview(token), token);
  const flow = useConfirm(token, refresh);

  const openRequest = (id: number) => void Taro.redirectTo({ url: routeOf('myRequest', { id }) });

  if (flow.confirmed) {
    const id = flow.confirmed.id;
    return (
      <MessageScreen
        tone="success"
        icon="✓"
        title="已确认，谢谢您"
        body="这件事已记为当场解决。请您评价一下这次办理，干部看不到是谁评的，请放心评价。"
      >
        <Btn kind="primary" size="big" onClick={() => openRequest(id)}>
          去评价这次办理
        </Btn>
      </MessageScreen>
    );
  }
  if (flow.ending) return <Ended ending={flow.ending} />;
  if (state.status === 'loading') return <Text className="confirm-page__loading">正在打开…</Text>;
  if (state.status === 'failed') {
    const code = state.error.code;
    if (code === 'CONFIRMATION_EXPIRED') return <Ended ending="expired" />;
    if (code === 'CONFIRMATION_NOT_FOUND' || code === 'NOT_FOUND') {
      return <Ended ending="not_found" />;
    }
    return (
      <MessageScreen tone="warning" icon="!" title="没有打开" body={state.error.message}>
        <Btn kind="primary" size="big" onClick={reload}>
          重试
        </Btn>
      </MessageScreen>
    );
  }

  const preview = state.data;
  if (preview.state === 'confirmed') {
    return (
      <MessageScreen
        tone="success"
        icon="✓"
        title="这件事已经确认过了"
        body="可以查看这件事的办理情况；还没有评价的，可以去评价。"
      >
        <Btn kind="primary" size="big" onClick={() => openRequest(preview.requestId)}>
          查看这件事
        </Btn>
      </MessageScreen>
    );
  }
  if (preview.state === 'cancelled') {
    return (
      <MessageScreen
        tone="neutral"
        icon="✕"
        title="这次登记已撤销"
        body="干部已撤销这次当场解决的登记，不需要再确认。问题还没解决的，可以扫干部的联系卡再反映。"
      >
        <HomeButton />
      </MessageScreen>
    );
  }
  if (preview.expired) return <Ended ending="expired" />;

  return (
    <View>
      <Matter preview={preview} />
      {flow.needsSms ? (
        <SmsSignIn
          form={flow.sms}
          reason={
            flow.otherPhone
              ? `这件事登记的是手机 ${preview.phoneMasked}，请用这个手机号验证。`
              : `请用手机 ${preview.phoneMasked} 验证，以后用这个手机号可以查看和评价这件事。`
          }
        />
      ) : null}
      {flow.failure ? (
        <Text className="confirm-page__problem">! {flow.failure.message}</Text>
      ) : null}
      <Btn kind="primary" size="big" busyText={flow.busyText} onClick={() => void flow.confirm()}>
        确认，已经解决了
      </Btn>
      <Text className="mq-muted confirm-page__hint">
        如果问题还没有解决，请不要确认，直接告诉{preview.cadreName}。
      </Text>
    </View>
  );
}

function Matter({ preview }: { preview: ConfirmationPreview }) {
  return (
    <View className="mq-section confirm-page__matter">
      <Text className="confirm-page__title">请确认这件事已经解决</Text>
      <Text className="confirm-page__who">
        {preview.cadreName}登记了您反映的事情，并说已经当场解决。
      </Text>
      <Text className="mq-label">您反映的事（{categoryLabel(preview.category)}）</Text>
      <Text className="confirm-page__text">{preview.text}</Text>
      <Text className="mq-label">当场解决的情况</Text>
      <Text className="confirm-page__text">{preview.note}</Text>
      <Text className="confirm-page__phone">请用手机 {preview.phoneMasked} 验证后确认</Text>
    </View>
  );
}

function Ended({ ending }: { ending: Ending }) {
  return ending === 'expired' ? (
    <MessageScreen
      tone="warning"
      icon="◷"
      title="确认码已过期"
      body={`${ERRORS.CONFIRMATION_EXPIRED.message}，再扫一次新的二维码。`}
    >
      <HomeButton />
    </MessageScreen>
  ) : (
    <MessageScreen
      tone="warning"
      icon="?"
      title="没有找到这个确认码"
      body={ERRORS.CONFIRMATION_NOT_FOUND.message}
    >
      <HomeButton />
    </MessageScreen>
  );
}

function HomeButton() {
  return (
    <Btn kind="secondary" onClick={() => Taro.reLaunch({ url: routeOf('home') })}>
      去首页
    </Btn>
  );
}
