import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  ANOMALY_LABELS,
  ANOMALY_RULES,
  RATING_LEVEL_LABELS,
  type Anomaly,
  type AnomalyKind,
  type RatingLevel,
} from '@mqlk/shared';
import { useState } from 'react';

import { Badge } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { routeOf } from '../../../constants/routes';
import { formatDateTime } from '../../../utils/format';
import { Table, type Column } from '../../office/components/table';
import { pressable } from '../../../components/pressable';

type FlaggedRequest = Anomaly['requests'][number];

const { burst, manyCadres, instant, proxyHigh } = ANOMALY_RULES;
const levelText = (level: number) =>
  `${level}星 ${RATING_LEVEL_LABELS[level as RatingLevel] ?? ''}`.trim();

/** When each kind is raised, in plain words, and what a person can check about it. */
export const ANOMALY_EXPLAINED: Record<AnomalyKind, { rule: string; check: string }> = {
  burst: {
    rule: `同一名干部在${burst.minutes}分钟内收到${burst.ratings}条或更多评价。`,
    check: '这些评价是否来自不同的群众，是否是集中走访后群众当场给出的。',
  },
  many_cadres: {
    rule: `同一个评价账号在这段时间内评价了${manyCadres.cadres}名或更多干部办理的诉求。`,
    check: '这个账号是不是群众本人的，有没有人用同一个账号替多位群众评价。',
  },
  instant: {
    rule: `诉求办结后${instant.seconds}秒内就被评价，同一名干部在这段时间内有${instant.times}次或更多。`,
    check: '群众是不是在干部在场时当场评价的，评价是否出于本人意愿。',
  },
  proxy_high: {
    rule: `干部代群众登记（上门、值班、电话等，不是群众扫码提交）的诉求得到${proxyHigh.level}星（${RATING_LEVEL_LABELS[proxyHigh.level]}）或更高评价，同一名干部在这段时间内有${proxyHigh.times}条或更多。`,
    check: '回访这些群众，确认诉求和评价都是本人的意思。',
  },
};

/** 12秒, 5分钟, 3小时20分, 2天4小时: how long after the resolution the rating came. */
export function gapText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 1) return '不到1秒';
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}天${hours % 24}小时` : `${days}天`;
}

/** `12月4日 09:00:03`: flags are about minutes and seconds. */
export function timeText(iso: string): string {
  const seconds = new Date(iso).getUTCSeconds();
  return `${formatDateTime(iso)}:${String(seconds).padStart(2, '0')}`;
}

function afterResolution(item: FlaggedRequest): string {
  if (!item.resolvedAt) return '—';
  const ms = new Date(item.ratedAt).getTime() - new Date(item.resolvedAt).getTime();
  const text = `办结后${gapText(ms)}`;
  return ms <= instant.seconds * 1000 ? `⚠ ${text}` : text;
}

const COLUMNS: readonly Column<FlaggedRequest>[] = [
  {
    key: 'number',
    label: '诉求编号',
    title: true,
    width: '1.6fr',
    cell: (item) => <Text className="anomaly-card__number">{item.number}</Text>,
  },
  { key: 'owner', label: '办理人', width: '0.9fr', cell: (item) => <Text>{item.ownerName}</Text> },
  {
    key: 'resolved',
    label: '办结时间',
    width: '1.9fr',
    cell: (item) => <Text>{item.resolvedAt ? timeText(item.resolvedAt) : '—'}</Text>,
  },
  {
    key: 'rated',
    label: '评价时间',
    width: '1.9fr',
    cell: (item) => <Text>{timeText(item.ratedAt)}</Text>,
  },
  {
    key: 'gap',
    label: '办结到评价',
    width: '1.3fr',
    cell: (item) => <Text>{afterResolution(item)}</Text>,
  },
  {
    key: 'level',
    label: '评价',
    width: '1.2fr',
    cell: (item) => <Text>{levelText(item.level)}</Text>,
  },
];

/** Requests a card lists before 显示全部: a burst can run to dozens. */
export const CARD_ROWS = 5;

interface AnomalyCardProps {
  anomaly: Anomaly;
  /** opens the cadre's ratings of the period (the requests behind their 评价数) */
  onOpenCadre?: (cadre: { id: number; name: string }) => void;
}

/** One flag: what was seen, whose, by which rule, and the requests behind it. */
export function AnomalyCard({ anomaly, onOpenCadre }: AnomalyCardProps) {
  const [all, setAll] = useState(false);
  const explained = ANOMALY_EXPLAINED[anomaly.kind];
  const { cadre, requests } = anomaly;
  const shown = all ? requests : requests.slice(0, CARD_ROWS);
  return (
    <View className="mq-section anomaly-card">
      <Badge tone="warning" icon="!" label={ANOMALY_LABELS[anomaly.kind]} />
      <Text className="anomaly-card__summary">{anomaly.summary}</Text>
      <View className="anomaly-card__facts">
        {cadre ? (
          <View className="anomaly-card__fact">
            <Text className="anomaly-card__label">干部</Text>
            <View className="anomaly-card__value">
              <Text className="anomaly-card__name">{cadre.name}</Text>
              {onOpenCadre ? (
                <Text
                  className="anomaly-card__link"
                  {...pressable({ onPress: () => onOpenCadre(cadre) })}
                >
                  查看这段时间计入统计的全部评价 ›
                </Text>
              ) : null}
            </View>
          </View>
        ) : null}
        {anomaly.rater ? (
          <View className="anomaly-card__fact">
            <Text className="anomaly-card__label">评价账号</Text>
            <Text className="anomaly-card__value">{anomaly.rater}</Text>
          </View>
        ) : null}
        <View className="anomaly-card__fact">
          <Text className="anomaly-card__label">提示规则</Text>
          <Text className="anomaly-card__value">{explained.rule}</Text>
        </View>
        <View className="anomaly-card__fact">
          <Text className="anomaly-card__label">可以核查</Text>
          <Text className="anomaly-card__value">{explained.check}</Text>
        </View>
      </View>
      <Text className="anomaly-card__count">
        涉及{requests.length}条诉求（点一行查看这条诉求）：
      </Text>
      <Table
        className="anomaly-card__requests"
        columns={COLUMNS}
        rows={shown}
        rowKey={(item) => `${item.requestId}-${item.ratedAt}`}
        onOpen={(item) =>
          void Taro.navigateTo({ url: routeOf('workRequest', { id: item.requestId }) })
        }
      />
      {requests.length > CARD_ROWS ? (
        <Btn kind="plain" size="small" onClick={() => setAll(!all)}>
          {all ? `只看前${CARD_ROWS}条 ▲` : `显示全部${requests.length}条 ▼`}
        </Btn>
      ) : null}
    </View>
  );
}
