import { Text, View } from '@tarojs/components';
import {
  type Action,
  CLOCK_KIND_LABELS,
  HANDLING_LEVEL_LABELS,
  type ClockView,
  type RequestDetail,
} from '@mqlk/shared';

import { Badge, type Tone } from '../../../components/badge';
import { formatDateTime } from '../../../utils/format';

/** 督办: staff pressed for this request. Shown above everything else while it is there. */
export function SupervisionNotice({ request }: { request: RequestDetail }) {
  if (!request.supervisionNote) return null;
  const { supervision } = request;
  return (
    <View className="mq-section work-notice work-notice--supervision">
      <View className="work-notice__head">
        <Badge tone="danger" icon="!" label="督办" />
        <Text className="work-notice__title">乡镇督办意见</Text>
      </View>
      <Text className="work-notice__text">{request.supervisionNote}</Text>
      {supervision ? (
        <Text className="mq-muted work-notice__meta">
          {supervision.count > 1 ? `已督办${supervision.count}次` : '督办1次'} · 最近一次：
          {formatDateTime(supervision.lastAt)}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * 整改任务: what a founded bad review becomes for the cadre. Only the staff's finding and the
 * due time: never the rating or the resident's comment.
 */
export function RectificationNotice({ request }: { request: RequestDetail }) {
  const task = request.rectification;
  if (!task) return null;
  return (
    <View className="mq-section work-notice work-notice--rectify">
      <View className="work-notice__head">
        <Badge tone="danger" icon="↻" label="整改任务" />
        <Text className="work-notice__title">乡镇核实后要求整改</Text>
      </View>
      <Text className="mq-label">核实情况和整改要求</Text>
      <Text className="work-notice__text">{task.finding}</Text>
      <Text className="work-notice__due">整改时限：{formatDateTime(task.dueAt)}前办结</Text>
      <Text className="mq-muted work-notice__meta">
        核实时间：{formatDateTime(task.verifiedAt)}
      </Text>
    </View>
  );
}

const STANDING_LOOK: Record<ClockView['standing'], { tone: Tone; icon: string; label: string }> = {
  running: { tone: 'primary', icon: '◷', label: '进行中' },
  met: { tone: 'success', icon: '✓', label: '按时' },
  missed: { tone: 'danger', icon: '!', label: '超时' },
  void: { tone: 'neutral', icon: '→', label: '已交出' },
};

/** What ended a clock early: the move that stopped it. */
const VOID_LABELS: Partial<Record<Action, string>> = {
  escalate: '已上报',
  transfer: '已转办',
  withdraw: '已撤回',
  cancel: '已撤销',
};

/** 办理时限: every deadline clock, kept after it stops, so a missed one stays visible. */
export function ClocksSection({ request }: { request: RequestDetail }) {
  if (request.clocks.length === 0) return null;
  return (
    <View className="mq-section work-clocks">
      <Text className="mq-section__title">办理时限</Text>
      {request.clocks.map((clock, i) => {
        const look = STANDING_LOOK[clock.standing];
        const label =
          clock.standing === 'void' && clock.stoppedBy
            ? (VOID_LABELS[clock.stoppedBy] ?? look.label)
            : look.label;
        return (
          <View className="work-clocks__row" key={`${i}-${clock.kind}`}>
            <View className="work-clocks__head">
              <Text className="work-clocks__kind">{CLOCK_KIND_LABELS[clock.kind]}</Text>
              <Badge tone={look.tone} icon={look.icon} label={label} />
            </View>
            <Text className="mq-muted work-clocks__line">
              {clock.ownerName}（{HANDLING_LEVEL_LABELS[clock.level]}）
            </Text>
            <Text className="mq-muted work-clocks__line">到期：{formatDateTime(clock.dueAt)}</Text>
            {clock.stoppedAt ? (
              <Text className="mq-muted work-clocks__line">
                结束：{formatDateTime(clock.stoppedAt)}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
