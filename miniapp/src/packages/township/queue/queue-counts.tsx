import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StaffQueueCounts } from '@mqlk/shared';

import type { Tone } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { routeOf } from '../../../constants/routes';
import type { StaffQueue } from '../../../services/api/requests';
import { classNames } from '../../../utils/format';
import { TABS } from './queues';
import { pressable } from '../../../components/pressable';

type Counted = Exclude<StaffQueue, 'all'>;

/** Which count belongs to which queue (the answer spells due_soon as dueSoon). */
const COUNT_OF: Record<Counted, keyof StaffQueueCounts> = {
  review: 'review',
  conduct: 'conduct',
  due_soon: 'dueSoon',
  overdue: 'overdue',
  supervised: 'supervised',
  flagged: 'flagged',
  content: 'content',
};

/** What needs a hand today, drawn large, each with its own symbol: ! soon late, ⚠ late, ⚑ pressed. */
const URGENT: readonly { queue: Counted; icon: string; tone: Tone }[] = [
  { queue: 'due_soon', icon: '!', tone: 'warning' },
  { queue: 'overdue', icon: '⚠', tone: 'danger' },
  { queue: 'supervised', icon: '⚑', tone: 'danger' },
];
const OTHERS: readonly Counted[] = ['review', 'conduct', 'flagged', 'content'];

const labelOf = (queue: StaffQueue) => TABS.find((tab) => tab.key === queue)?.label ?? '';

interface QueueCountsProps {
  counts: StaffQueueCounts;
  current: StaffQueue;
  onChoose: (queue: StaffQueue) => void;
}

/** How many wait in each queue; tapping a count opens that queue. */
export function QueueCounts({ counts, current, onChoose }: QueueCountsProps) {
  return (
    // One set of tabs drawn as two rows: the rows themselves are only layout.
    <View className="queue-counts" role="tablist" aria-label="待办分类">
      <View className="queue-counts__urgent" role="none">
        {URGENT.map(({ queue, icon, tone }) => {
          const count = counts[COUNT_OF[queue]];
          return (
            <View
              key={queue}
              className={classNames(
                'queue-counts__tile',
                count > 0 && `queue-counts__tile--${tone}`,
                queue === current && 'is-current',
              )}
              {...pressable({
                role: 'tab',
                selected: queue === current,
                onPress: () => onChoose(queue),
              })}
            >
              <Text className="queue-counts__label">
                {icon} {labelOf(queue)}
              </Text>
              <Text className="queue-counts__number">{count}件</Text>
            </View>
          );
        })}
      </View>
      <View className="queue-counts__others" role="none">
        {OTHERS.map((queue) => (
          <View
            key={queue}
            className={classNames('queue-counts__other', queue === current && 'is-current')}
            {...pressable({
              role: 'tab',
              selected: queue === current,
              onPress: () => onChoose(queue),
            })}
          >
            <Text>
              {labelOf(queue)} {counts[COUNT_OF[queue]]}件
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The way to 发送失败的通知, with how many there are once the counts are in. */
export function FailedLink({ count }: { count: number | null }) {
  return (
    <Btn
      kind="secondary"
      className="queue-page__failed"
      onClick={() => void Taro.navigateTo({ url: routeOf('failedNotices') })}
    >
      {count ? `✕ 发送失败的通知（${count}条） ›` : '发送失败的通知 ›'}
    </Btn>
  );
}
