import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestSummary } from '@mqlk/shared';
import { useRef, useState } from 'react';

import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequestItem } from '../../../components/request-item';
import { Tabs } from '../../../components/tabs';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { usePaged } from '../../../hooks/use-paged';
import {
  getStaffQueueCounts,
  listStaffQueue,
  type StaffQueue,
} from '../../../services/api/requests';
import { STAFF_ROLES } from '../../../services/session';
import { FailedLink, QueueCounts } from './queue-counts';
import { QUEUES, TABS } from './queues';
import './index.scss';

/**
 * The township's queues: bad reviews to verify first, then conduct, the deadlines (即将超期,
 * 已超期), 督办中, flagged, 内容待审, all; counted at the top so what needs a look today stands out.
 */
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
  const [queue, setQueue] = useState<StaffQueue>('review');
  const list = usePaged((page) => listStaffQueue(queue, page), queue);
  const counts = useLoad(getStaffQueueCounts, 'counts');
  const shown = useRef(false);

  // Back from a request just supervised or verified: its queue and the counts have moved.
  useDidShow(() => {
    if (shown.current) {
      counts.refresh();
      list.reload();
    }
    shown.current = true;
  });
  const open = (request: RequestSummary) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: request.id }) });
  const about = QUEUES[queue];

  return (
    <View>
      {counts.state.status === 'ready' ? (
        <QueueCounts counts={counts.state.data} current={queue} onChoose={setQueue} />
      ) : null}
      <FailedLink
        count={counts.state.status === 'ready' ? counts.state.data.failedNotices : null}
      />
      <Tabs tabs={TABS} current={queue} onChange={setQueue} />
      <Text className="mq-muted queue-page__note">{about.note}</Text>
      {list.status === 'loading' ? <Text className="queue-page__loading">正在加载…</Text> : null}
      {list.status === 'failed' && list.items.length === 0 && list.error ? (
        <WorkError error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <MessageScreen tone="success" icon="✓" title={about.empty} body={about.emptyBody} />
      ) : null}
      {list.items.map((request) => (
        <RequestItem key={request.id} request={request} onOpen={open} forWork />
      ))}
      <ListFooter list={list} />
    </View>
  );
}
