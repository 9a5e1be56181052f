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

const TABS: readonly { key: StaffQueue; label: string }[] = [
  { key: 'review', label: '差评核实' },
  { key: 'conduct', label: '作风投诉' },
  { key: 'overdue', label: '已超期' },
  { key: 'flagged', label: '二次差评' },
  { key: 'all', label: '全部' },
];

/** What each queue holds, said above it; and, when it is empty, what that means. */
const QUEUES: Record<StaffQueue, { note: string; empty: string; emptyBody: string }> = {
  review: {
    note: '群众评价“不满意”“非常不满意”的诉求。请逐条核实：属实的交办理人整改，不属实的写明原因，不计入统计。',
    empty: '没有待核实的差评',
    emptyBody: '群众给出差评后，诉求会来到这里等您核实。现在不需要做什么。',
  },
  conduct: {
    note: '作风投诉由乡镇直接办理，被反映的干部看不到，也不计入他的满意率。',
    empty: '没有反映干部作风的诉求',
    emptyBody: '群众反映干部作风问题时，诉求会直接来到这里，由您办理或转办。',
  },
  overdue: {
    note: '超过办理时限还没办结的诉求。可以打开后督办，或转给能办的人。',
    empty: '没有超期的诉求',
    emptyBody: '辖区内的诉求都在时限内。快到期和超期的会出现在这里，请及时督办。',
  },
  flagged: {
    note: '整改后群众仍然不满意的诉求，已报县里跟进。',
    empty: '没有二次差评',
    emptyBody: '整改后群众再次给出差评的诉求会标记“二次差评，已报县”，出现在这里。',
  },
  all: {
    note: '辖区内全部诉求，快到期的排在前面。',
    empty: '辖区内还没有诉求',
    emptyBody: '群众扫联系卡反映的、干部代为登记的诉求都会出现在这里。',
  },
};

/** The township's queues: bad reviews to verify first, then conduct, overdue, flagged, all. */
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
  const open = (request: RequestSummary) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: request.id }) });
  const about = QUEUES[queue];

  return (
    <View>
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
