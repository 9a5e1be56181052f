import { Text, View } from '@tarojs/components';
import {
  DEADLINE_STATE_LABELS,
  REQUEST_STATUS_LABELS,
  type DeadlineState,
  type RequestStatus,
} from '@mqlk/shared';

import { classNames } from '../utils/format';
import './badge.scss';

export type Tone = 'primary' | 'success' | 'danger' | 'warning' | 'neutral' | 'review';

/** Colour is never the only signal: every badge has a symbol and its words. */
export const STATUS_LOOK: Record<RequestStatus, { tone: Tone; icon: string }> = {
  pending_confirmation: { tone: 'warning', icon: '?' },
  submitted: { tone: 'warning', icon: '○' },
  in_progress: { tone: 'primary', icon: '▶' },
  resolved: { tone: 'success', icon: '✓' },
  under_review: { tone: 'review', icon: '!' },
  rectifying: { tone: 'danger', icon: '↻' },
  closed: { tone: 'neutral', icon: '✓' },
  withdrawn: { tone: 'neutral', icon: '✕' },
};

interface BadgeProps {
  tone: Tone;
  icon: string;
  label: string;
  className?: string;
}

export function Badge({ tone, icon, label, className }: BadgeProps) {
  return (
    <View className={classNames('mq-badge', `mq-badge--${tone}`, className)}>
      <Text className="mq-badge__icon">{icon}</Text>
      <Text className="mq-badge__label">{label}</Text>
    </View>
  );
}

export function StatusBadge({ status }: { status: RequestStatus }) {
  const look = STATUS_LOOK[status];
  return <Badge tone={look.tone} icon={look.icon} label={REQUEST_STATUS_LABELS[status]} />;
}

/** Each state its own symbol: ! before it is late, ⚠ once it is. */
const DEADLINE_LOOK: Record<Exclude<DeadlineState, 'none'>, { tone: Tone; icon: string }> = {
  on_time: { tone: 'neutral', icon: '◷' },
  due_soon: { tone: 'warning', icon: '!' },
  overdue: { tone: 'danger', icon: '⚠' },
};

/**
 * The server's words (还剩2个工作日, 签收：今天18:00前到期, 已超期, 已超期未签收); 即将超期 is said
 * before the due time, so it reads as a warning and not as one more date.
 */
function deadlineLabel(state: Exclude<DeadlineState, 'none'>, text: string): string {
  if (state === 'due_soon') {
    return text ? `${DEADLINE_STATE_LABELS.due_soon} · ${text}` : DEADLINE_STATE_LABELS.due_soon;
  }
  return text || DEADLINE_STATE_LABELS[state];
}

export function DeadlineBadge({ state, text }: { state: DeadlineState; text: string }) {
  if (state === 'none' || (state === 'on_time' && text === '')) return null;
  const look = DEADLINE_LOOK[state];
  return (
    <Badge
      tone={look.tone}
      icon={look.icon}
      label={deadlineLabel(state, text)}
      className="mq-badge--deadline"
    />
  );
}
