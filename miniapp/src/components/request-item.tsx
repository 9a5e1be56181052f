import { Text, View } from '@tarojs/components';
import { SUB_TOPIC_LABELS, categoryLabel, type RequestSummary } from '@mqlk/shared';

import { formatDateTime } from '../utils/format';
import { DeadlineBadge, StatusBadge } from './badge';
import './request-item.scss';

interface RequestItemProps {
  request: RequestSummary;
  onOpen: (request: RequestSummary) => void;
  /** Cadres and staff work by deadline; residents see who handles their matter. */
  forWork?: boolean;
}

export function RequestItem({ request, onOpen, forWork = false }: RequestItemProps) {
  const topic = request.subTopic ? ` · ${SUB_TOPIC_LABELS[request.subTopic]}` : '';
  return (
    <View
      className="mq-request-item"
      hoverClass="mq-request-item--pressed"
      onClick={() => onOpen(request)}
    >
      <View className="mq-request-item__top">
        <Text className="mq-request-item__category">
          {categoryLabel(request.category)}
          {topic}
        </Text>
        <StatusBadge status={request.status} />
      </View>
      <Text className="mq-request-item__preview">{request.preview}</Text>
      {forWork ? (
        <View className="mq-request-item__deadline">
          <DeadlineBadge state={request.deadline} text={request.deadlineText} />
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
