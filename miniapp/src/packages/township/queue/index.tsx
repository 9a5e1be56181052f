import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestSummary } from '@mqlk/shared';
import { useState } from 'react';

import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequestItem } from '../../../components/request-item';
import { Tabs } from '../../../components/tabs';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged } from '../../../hooks/use-paged';
import { listStaffQueue, type StaffQueue } from '../../../services/api/requests';
import { STAFF_ROLES } from '../../../services/session';
import './index.scss';

const TABS = [
  { key: 'conduct', label: '作风投诉' },
  { key: 'overdue', label: '已超期' },
  { key: 'all', label: '全部诉求' },
] as const;

const EMPTY: Record<StaffQueue, string> = {
  conduct: '没有反映干部作风的诉求。',
  overdue: '没有超期的诉求。',
  all: '辖区内还没有诉求。',
};

/** The township's queues: conduct complaints (never shown to the cadre concerned), overdue, all. */
export default function QueuePage() {
  return (
    <Page className="queue-page" wide>
      <RequireRole roles={STAFF_ROLES}>
        <Queue />
      </RequireRole>
    </Page>
  );
}

function Queue() {
  const [queue, setQueue] = useState<StaffQueue>('conduct');
  const list = usePaged((page) => listStaffQueue(queue, page), queue);
  const open = (request: RequestSummary) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: request.id }) });

  return (
    <View>
      <Tabs tabs={TABS} current={queue} onChange={setQueue} />
      {queue === 'conduct' ? (
        <Text className="mq-muted queue-page__note">
          作风投诉由乡镇直接办理，被反映的干部看不到，也不计入他的满意率。
        </Text>
      ) : null}
      {list.status === 'loading' ? <Text className="queue-page__loading">正在加载…</Text> : null}
      {list.status === 'failed' && list.items.length === 0 && list.error ? (
        <WorkError error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <MessageScreen tone="success" icon="✓" title={EMPTY[queue]} />
      ) : null}
      {list.items.map((request) => (
        <RequestItem key={request.id} request={request} onOpen={open} forWork />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
