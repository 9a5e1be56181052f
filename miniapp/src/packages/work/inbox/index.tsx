import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestSummary } from '@mqlk/shared';
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
import { signOut } from '../../../services/account';
import { listInbox, type InboxStatus } from '../../../services/api/requests';
import { STAFF_ROLES, WORK_ROLES, currentUser, isSignedInAs } from '../../../services/session';
import './index.scss';

const TABS = [
  { key: 'open', label: '待办' },
  { key: 'done', label: '已办' },
] as const;

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
  const [tab, setTab] = useState<InboxStatus>('open');
  const list = usePaged((page) => listInbox(tab, page), tab);
  const user = currentUser();
  const shown = useRef(false);

  // Back from a request the cadre just handled: show the list as it is now.
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  const open = (request: RequestSummary) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: request.id }) });
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
        <Btn kind="plain" size="small" onClick={leave}>
          退出登录
        </Btn>
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

      <Tabs tabs={TABS} current={tab} onChange={setTab} />
      <InboxList list={list} tab={tab} onOpen={open} />
    </View>
  );
}

function InboxList({
  list,
  tab,
  onOpen,
}: {
  list: Paged<RequestSummary>;
  tab: InboxStatus;
  onOpen: (request: RequestSummary) => void;
}) {
  if (list.status === 'loading') return <Text className="inbox-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
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
      <Text className="inbox-page__count">
        {tab === 'open' ? `待办${list.total}件，按到期时间排列` : `已办${list.total}件`}
      </Text>
      {list.items.map((request) => (
        <RequestItem key={request.id} request={request} onOpen={onOpen} forWork />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
