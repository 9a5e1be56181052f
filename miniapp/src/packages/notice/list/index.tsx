import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Notice } from '@mqlk/shared';
import { useState } from 'react';

import { Badge } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged } from '../../../hooks/use-paged';
import { useUnreadCount } from '../../../hooks/use-unread';
import { listNotices, readNotices } from '../../../services/api/notices';
import { asApiError, type ApiError } from '../../../services/http';
import { currentUser } from '../../../services/session';
import { classNames, formatDateTime } from '../../../utils/format';
import './index.scss';
import { pressable } from '../../../components/pressable';

const goHome = () => void Taro.reLaunch({ url: routeOf('home') });

/** 消息: what happened to the reader's requests (residents) or needs their hand (cadres, staff). */
export default function MessagesPage() {
  const [user] = useState(currentUser);
  return (
    <Page className="messages-page" wide>
      {user ? <Messages resident={user.role === 'resident'} /> : <SignedOut />}
    </Page>
  );
}

function SignedOut() {
  return (
    <MessageScreen
      tone="warning"
      icon="!"
      title="登录后才能看到消息"
      body="您反映的事情有了进展，或者有新的诉求要您办理，消息都会出现在这里。请先回首页，反映事情或登录后再来看。"
    >
      <Btn kind="primary" size="big" onClick={goHome}>
        回首页
      </Btn>
    </MessageScreen>
  );
}

/** What a tap changed before the server's next page says so: read ones, or all of them. */
interface ReadHere {
  ids: ReadonlySet<number>;
  all: boolean;
}

function Messages({ resident }: { resident: boolean }) {
  const list = usePaged(listNotices, 'notices');
  const unread = useUnreadCount(true);
  const [readHere, setReadHere] = useState<ReadHere>({ ids: new Set(), all: false });
  const isUnread = (notice: Notice) =>
    notice.readAt === null && !readHere.all && !readHere.ids.has(notice.id);

  const markRead = (id: number, read: boolean) =>
    setReadHere((was) => {
      const ids = new Set(was.ids);
      if (read) ids.add(id);
      else ids.delete(id);
      return { ...was, ids };
    });

  // Marked at once and the request opened without waiting; should the server not take it, the
  // notice shows 未读 again on the way back.
  const open = (notice: Notice) => {
    if (isUnread(notice)) {
      markRead(notice.id, true);
      readNotices([notice.id]).then(
        (answer) => unread.set(answer.unread),
        () => markRead(notice.id, false),
      );
    }
    if (notice.requestId !== null) {
      const page = resident ? 'myRequest' : 'workRequest';
      void Taro.navigateTo({ url: routeOf(page, { id: notice.requestId }) });
    }
  };

  if (list.status === 'loading') return <Text className="messages-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <LoadError error={list.error} resident={resident} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <MessageScreen
        tone="neutral"
        icon="○"
        title="还没有消息"
        body={
          resident
            ? '您反映的事情有人签收、转交、答复或办结时，会在这里告诉您。'
            : '有新诉求待签收、诉求即将超期或已超期、被督办或收到差评时，会在这里提醒您。'
        }
      />
    );
  }

  const unreadCount = unread.count ?? list.items.filter(isUnread).length;
  return (
    <View>
      <MarkAll
        unreadCount={unreadCount}
        onMarked={(left) => {
          setReadHere({ ids: new Set(), all: true });
          unread.set(left);
        }}
      />
      {list.items.map((notice) => (
        <NoticeItem
          key={notice.id}
          notice={notice}
          unread={isUnread(notice)}
          onOpen={() => open(notice)}
        />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

function MarkAll({
  unreadCount,
  onMarked,
}: {
  unreadCount: number;
  onMarked: (unreadLeft: number) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const markAll = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onMarked((await readNotices()).unread);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="mq-section messages-page__head">
      <Text className="messages-page__count">
        {unreadCount > 0 ? `● ${unreadCount}条未读` : '✓ 消息都已读过'}
      </Text>
      {failure ? <Text className="mq-field-error">! 没有标记成功：{failure.message}</Text> : null}
      {unreadCount > 0 || failure ? (
        <Btn
          kind="secondary"
          className="messages-page__mark-all"
          busyText={busy && '正在标记…'}
          onClick={() => void markAll()}
        >
          {failure ? '重试：全部标为已读' : '全部标为已读'}
        </Btn>
      ) : null}
    </View>
  );
}

function NoticeItem({
  notice,
  unread,
  onOpen,
}: {
  notice: Notice;
  unread: boolean;
  onOpen: () => void;
}) {
  return (
    <View
      className={classNames('notice-item', unread && 'notice-item--unread')}
      hoverClass="notice-item--pressed"
      {...pressable({ onPress: onOpen })}
    >
      <View className="notice-item__top">
        <Text className="notice-item__title">{notice.title}</Text>
        {unread ? (
          <Badge tone="primary" icon="●" label="未读" />
        ) : (
          <Text className="notice-item__read">已读</Text>
        )}
      </View>
      <Text className="notice-item__body">{notice.body}</Text>
      <View className="notice-item__foot">
        <Text className="notice-item__time">{formatDateTime(notice.createdAt)}</Text>
        {notice.requestId !== null ? <Text className="notice-item__open">查看诉求 ›</Text> : null}
      </View>
    </View>
  );
}

const SESSION_ENDED = ['UNAUTHENTICATED', 'SESSION_EXPIRED'];

/** Residents have no work sign-in page to be sent to; cadres and staff do. */
function LoadError({
  error,
  resident,
  onRetry,
}: {
  error: ApiError;
  resident: boolean;
  onRetry: () => void;
}) {
  if (!resident) return <WorkError error={error} onRetry={onRetry} />;
  if (SESSION_ENDED.includes(error.code)) return <SignedOut />;
  return (
    <MessageScreen tone="warning" icon="!" title="没有加载出来" body={error.message}>
      <Btn kind="primary" size="big" onClick={onRetry}>
        重试
      </Btn>
      <Btn kind="secondary" size="big" onClick={goHome}>
        回首页
      </Btn>
    </MessageScreen>
  );
}
