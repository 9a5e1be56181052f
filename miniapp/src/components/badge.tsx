import { Text, View } from '@tarojs/components';
import { REQUEST_STATUS_LABELS, type DeadlineState, type RequestStatus } from '@mqlk/shared';

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

const DEADLINE_LOOK: Record<Exclude<DeadlineState, 'none'>, { tone: Tone; icon: string }> = {
  on_time: { tone: 'neutral', icon: '◷' },
  due_soon: { tone: 'warning', icon: '!' },
  overdue: { tone: 'danger', icon: '!' },
};

/** 还剩N个工作日 / 今天18:00前到期 / 已超期, as the server words it for the list. */
export function DeadlineBadge({ state, text }: { state: DeadlineState; text: string }) {
  if (state === 'none' || text === '') return null;
  const look = DEADLINE_LOOK[state];
  return <Badge tone={look.tone} icon={look.icon} label={text} className="mq-badge--deadline" />;
}
