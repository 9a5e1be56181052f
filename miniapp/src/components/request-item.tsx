import { Text, View } from '@tarojs/components';
import { SUB_TOPIC_LABELS, categoryLabel, isOpenStatus, type RequestSummary } from '@mqlk/shared';
import type { ReactNode } from 'react';

import { formatDateTime } from '../utils/format';
import { Badge, DeadlineBadge, StatusBadge } from './badge';
import './request-item.scss';
import { pressable } from './pressable';

interface RequestItemProps {
  request: RequestSummary;
  onOpen: (request: RequestSummary) => void;
  /** Cadres and staff work by deadline; residents see who handles their matter. */
  forWork?: boolean;
  /** A line of its own under the text, e.g. who holds it now (经手). */
  note?: ReactNode;
}

export function RequestItem({ request, onOpen, forWork = false, note }: RequestItemProps) {
  const topic = request.subTopic ? ` · ${SUB_TOPIC_LABELS[request.subTopic]}` : '';
  const supervised = forWork && request.supervision !== null && isOpenStatus(request.status);
  return (
    <View
      className="mq-request-item"
      hoverClass="mq-request-item--pressed"
      {...pressable({ onPress: () => onOpen(request) })}
    >
      <View className="mq-request-item__top">
        <Text className="mq-request-item__category">
          {categoryLabel(request.category)}
          {topic}
        </Text>
        <StatusBadge status={request.status} />
      </View>
      <Text className="mq-request-item__preview">{request.preview}</Text>
      {note ? <Text className="mq-request-item__note">{note}</Text> : null}
      {forWork ? (
        <View className="mq-request-item__deadline">
          <DeadlineBadge state={request.deadline} text={request.deadlineText} />
          {supervised && request.supervision ? (
            <Badge
              tone="danger"
              icon="!"
              label={request.supervision.count > 1 ? `督办${request.supervision.count}次` : '督办'}
              className="mq-request-item__supervised"
            />
          ) : null}
        </View>
      ) : null}
      <Text className="mq-request-item__meta">
        {request.number} · {formatDateTime(request.submittedAt)}提交
        {forWork ? '' : ` · 办理人：${request.ownerName}`}
      </Text>
      <Text className="mq-request-item__open">查看详情 ›</Text>
    </View>
  );
}
