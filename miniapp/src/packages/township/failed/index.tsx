import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DELIVERY_STATUS_LABELS, NOTICE_CHANNEL_LABELS, type FailedDelivery } from '@mqlk/shared';
import { useState } from 'react';

import { Badge } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged } from '../../../hooks/use-paged';
import { listFailedDeliveries, retryDelivery } from '../../../services/api/notices';
import { asApiError } from '../../../services/http';
import { STAFF_ROLES } from '../../../services/session';
import { formatDateTime } from '../../../utils/format';
import './index.scss';
import { pressable } from '../../../components/pressable';

/**
 * 发送失败: notices in the staff member's scope that WeChat or SMS would not take after every
 * attempt. The reason is shown as the server wrote it, so staff can fix the cause (a phone
 * number, a cadre who never linked WeChat) before sending again.
 */
export default function FailedNoticesPage() {
  return (
    <Page className="failed-page" wide>
      <RequireRole roles={STAFF_ROLES}>
        <FailedList />
      </RequireRole>
    </Page>
  );
}

function FailedList() {
  const list = usePaged(listFailedDeliveries, 'failed');

  if (list.status === 'loading') return <Text className="failed-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <MessageScreen
        tone="success"
        icon="✓"
        title="没有发送失败的通知"
        body="微信或短信多次发送都没有成功的通知会出现在这里，可以查看原因并重新发送。"
      />
    );
  }
  return (
    <View>
      <Text className="mq-muted failed-page__note">
        {`共${list.total}条。每条都已自动重试过几次：请先看原因，能解决的先解决（比如手机号不对），再重新发送。应用里的消息不受影响。`}
      </Text>
      {list.items.map((delivery) => (
        <FailedItem key={delivery.id} delivery={delivery} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

type Retry =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'queued'; delivery: FailedDelivery }
  | { state: 'failed'; message: string };

function FailedItem({ delivery }: { delivery: FailedDelivery }) {
  const [retry, setRetry] = useState<Retry>({ state: 'idle' });
  const requestId = delivery.requestId;

  const send = async () => {
    setRetry({ state: 'sending' });
    try {
      setRetry({ state: 'queued', delivery: await retryDelivery(delivery.id) });
    } catch (error) {
      setRetry({ state: 'failed', message: asApiError(error).message });
    }
  };

  return (
    <View className="failed-item">
      <View className="failed-item__top">
        <Text className="failed-item__title">{delivery.title}</Text>
        {retry.state === 'queued' ? (
          <Badge tone="primary" icon="↻" label={DELIVERY_STATUS_LABELS[retry.delivery.status]} />
        ) : (
          <Badge tone="danger" icon="✕" label={DELIVERY_STATUS_LABELS[delivery.status]} />
        )}
      </View>
      <Text className="failed-item__body">{delivery.body}</Text>
      <Text className="failed-item__line">
        发给：{delivery.recipientName} · {NOTICE_CHANNEL_LABELS[delivery.channel]}
      </Text>
      {requestId !== null && delivery.requestNumber ? (
        <Text
          className="failed-item__request"
          {...pressable({
            onPress: () => void Taro.navigateTo({ url: routeOf('workRequest', { id: requestId }) }),
          })}
        >
          诉求 {delivery.requestNumber} ›
        </Text>
      ) : null}
      <Text className="failed-item__line">
        已尝试{delivery.attempts}次
        {delivery.lastAttemptAt ? `，最后一次在${formatDateTime(delivery.lastAttemptAt)}` : ''}
      </Text>
      <Text className="failed-item__reason">原因：{delivery.lastError}</Text>
      {retry.state === 'queued' ? (
        <Text className="failed-item__queued">✓ 已重新加入发送队列，稍后会再发一次。</Text>
      ) : (
        <View>
          {retry.state === 'failed' ? (
            <Text className="mq-field-error">! {retry.message}</Text>
          ) : null}
          <Btn
            kind="primary"
            className="failed-item__retry"
            busyText={retry.state === 'sending' && '正在重新发送…'}
            onClick={() => void send()}
          >
            重新发送
          </Btn>
        </View>
      )}
    </View>
  );
}
