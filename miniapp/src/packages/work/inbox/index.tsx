import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { HandledItem, InboxFilter, RequestSummary } from '@mqlk/shared';
import { useRef, useState } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequestItem } from '../../../components/request-item';
import { Tabs } from '../../../components/tabs';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import { unreadLabel, useUnreadCount } from '../../../hooks/use-unread';
import { signOut } from '../../../services/account';
import { listHandled, listInbox } from '../../../services/api/requests';
import { STAFF_ROLES, WORK_ROLES, currentUser, isSignedInAs } from '../../../services/session';
import './index.scss';

/** 经手: what a cadre first received that has moved on (上报, 转办), followed to the end. */
type Tab = InboxFilter | 'handled';
type Item = RequestSummary | HandledItem;

const TABS: readonly { key: Tab; label: string }[] = [
  { key: 'open', label: '待办' },
  { key: 'done', label: '已办' },
];
const CADRE_TABS: readonly { key: Tab; label: string }[] = [
  ...TABS,
  { key: 'handled', label: '经手' },
];

const isHandled = (item: Item): item is HandledItem => 'ownerUnitName' in item;

/** 干部工作台: the requests this cadre (or staff member) owns, soonest deadline first. */
export default function InboxPage() {
  return (
    <Page className="inbox-page" wide>
      <RequireRole roles={WORK_ROLES}>
        <Inbox />
      </RequireRole>
    </Page>
  );
}

function Inbox() {
  const [tab, setTab] = useState<Tab>('open');
  const list = usePaged<Item>(
    (page) => (tab === 'handled' ? listHandled(page) : listInbox(tab, page)),
    tab,
  );
  const user = currentUser();
  const cadre = user?.role === 'cadre';
  const unread = useUnreadCount(true);
  const shown = useRef(false);

  // Back from a request the cadre just handled: show the list as it is now.
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  const open = (request: Item) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: request.id }) });
  const record = (mode: 'on_behalf' | 'on_spot') =>
    void Taro.navigateTo({ url: routeOf('record', { mode }) });
  const leave = () => {
    signOut();
    void Taro.reLaunch({ url: routeOf('home') });
  };

  return (
    <View>
      <View className="mq-section inbox-page__who">
        <View className="inbox-page__name">
          <Text className="inbox-page__user">{user?.displayName}</Text>
          <Text className="mq-muted">{user?.orgUnitName}</Text>
        </View>
        <View className="inbox-page__actions">
          <Btn
            kind="secondary"
            size="small"
            onClick={() => Taro.navigateTo({ url: routeOf('messages') })}
          >
            {unreadLabel('消息', unread.count)}
          </Btn>
          <Btn
            kind="plain"
            size="small"
            onClick={() => Taro.navigateTo({ url: routeOf('password', { next: 'inbox' }) })}
          >
            修改密码
          </Btn>
          <Btn kind="plain" size="small" onClick={leave}>
            退出登录
          </Btn>
        </View>
      </View>

      {isSignedInAs(STAFF_ROLES) ? (
        <Btn
          kind="secondary"
          className="inbox-page__township"
          onClick={() => Taro.navigateTo({ url: routeOf('figures') })}
        >
          乡镇工作台：满意度、超期和作风投诉
        </Btn>
      ) : null}
      {isSignedInAs(STAFF_ROLES) ? (
        <Btn
          kind="secondary"
          className="inbox-page__township"
          onClick={() => Taro.navigateTo({ url: routeOf('officeHome') })}
        >
          管理后台：组织架构、干部、联系卡、台账
        </Btn>
      ) : null}

      {cadre ? (
        <Btn
          kind="secondary"
          className="inbox-page__township"
          onClick={() => Taro.navigateTo({ url: routeOf('myFigures') })}
        >
          我的指标：办结、按时办结率、满意率 ›
        </Btn>
      ) : null}

      {cadre ? (
        <Btn
          kind="secondary"
          className="inbox-page__township"
          onClick={() => Taro.navigateTo({ url: routeOf('households') })}
        >
          我的联户：走访日记、在办诉求 ›
        </Btn>
      ) : null}

      {cadre ? (
        <View className="mq-section inbox-page__record">
          <View className="inbox-page__record-buttons">
            <Btn
              kind="primary"
              className="inbox-page__record-button"
              onClick={() => record('on_behalf')}
            >
              代群众登记
            </Btn>
            <Btn
              kind="secondary"
              className="inbox-page__record-button"
              onClick={() => record('on_spot')}
            >
              登记当场解决
            </Btn>
          </View>
          <Text className="mq-muted">
            走访、一线工作日或电话里听到的事，替群众登记；当场已经办好的，登记后请群众扫码确认。
          </Text>
        </View>
      ) : null}

      <Tabs tabs={user?.cadreId ? CADRE_TABS : TABS} current={tab} onChange={setTab} />
      <InboxList list={list} tab={tab} onOpen={open} />
    </View>
  );
}

const COUNT_TEXT: Record<Tab, (total: number) => string> = {
  open: (total) => `待办${total}件，按到期时间排列`,
  done: (total) => `已办${total}件`,
  handled: (total) => `经手${total}件，现由别人办理`,
};

function InboxList({
  list,
  tab,
  onOpen,
}: {
  list: Paged<Item>;
  tab: Tab;
  onOpen: (request: Item) => void;
}) {
  if (list.status === 'loading') return <Text className="inbox-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    if (tab === 'handled') {
      return (
        <MessageScreen
          tone="neutral"
          icon="○"
          title="还没有经手的诉求"
          body="您先接到、后来上报或转给别人办理的诉求会出现在这里，可以一直看到办理进展。"
        />
      );
    }
    return tab === 'open' ? (
      <MessageScreen
        tone="success"
        icon="✓"
        title="没有待办的诉求"
        body="群众扫您的联系卡反映的事情会出现在这里，快到期的排在最前面。"
      />
    ) : (
      <MessageScreen
        tone="neutral"
        icon="○"
        title="还没有办结的诉求"
        body="办结的诉求会出现在这里。"
      />
    );
  }
  return (
    <View>
      <Text className="inbox-page__count">{COUNT_TEXT[tab](list.total)}</Text>
      {list.items.map((request) => (
        <RequestItem
          key={request.id}
          request={request}
          onOpen={onOpen}
          forWork
          note={
            isHandled(request) ? `现由${request.ownerName}（${request.ownerUnitName}）办理` : null
          }
        />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
