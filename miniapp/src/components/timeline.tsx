import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, REQUEST_STATUS_LABELS, type TimelineEntry } from '@mqlk/shared';

import { formatDateTime } from '../utils/format';
import './timeline.scss';

/** Who did what, when: newest first, since what happened last is what people look for. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const newestFirst = [...entries].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id - a.id,
  );
  return (
    <View className="mq-section mq-timeline">
      <Text className="mq-section__title">办理经过（最新的在最上面）</Text>
      {newestFirst.map((entry) => (
        <View className="mq-timeline__entry" key={entry.id}>
          <View className="mq-timeline__head">
            <Text className="mq-timeline__action">{ACTION_LABELS[entry.action]}</Text>
            {entry.handedTo ? (
              <Text className="mq-timeline__status">→ {entry.handedTo}</Text>
            ) : entry.fromStatus !== entry.toStatus ? (
              <Text className="mq-timeline__status">→ {REQUEST_STATUS_LABELS[entry.toStatus]}</Text>
            ) : null}
          </View>
          <Text className="mq-muted mq-timeline__meta">
            {entry.actorLabel} · {formatDateTime(entry.at)}
          </Text>
          {entry.note ? <Text className="mq-timeline__note">{entry.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
