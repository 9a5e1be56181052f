import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  BOARD_MAX_ITEMS,
  BOARD_MIN_RATINGS,
  type BoardItem,
  type BoardMonth,
  formatRate,
  parseLocalDate,
  type VillageBoard,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { ElderSwitch } from '../../../components/elder-switch';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { useLoad } from '../../../hooks/use-load';
import { boardUnitOfPage } from '../../../platform/board-launch';
import { getVillageBoard } from '../../../services/api/board';
import { classNames } from '../../../utils/format';
import './index.scss';

/** 村务公示栏: what the poster's QR code opens, for anyone, without signing in. */
export default function VillageBoardPage() {
  const { params } = useRouter();
  const [unitId] = useState(() => boardUnitOfPage(params));
  const { state, reload } = useLoad(
    unitId ? () => getVillageBoard(unitId) : null,
    String(unitId ?? ''),
  );

  return (
    <Page className="board-page" ownElderSwitch>
      {unitId === null ? <NotFound /> : null}
      {unitId !== null && state.status === 'loading' ? (
        <Text className="board-page__loading">正在打开公示栏…</Text>
      ) : null}
      {unitId !== null && state.status === 'failed' ? (
        state.error.code === 'NOT_FOUND' ? (
          <NotFound />
        ) : (
          <MessageScreen tone="danger" icon="!" title="公示栏没有打开" body={state.error.message}>
            <Btn kind="primary" onClick={reload}>
              再试一次
            </Btn>
          </MessageScreen>
        )
      ) : null}
      {state.status === 'ready' ? <Board board={state.data} /> : null}
      <View className="board-page__footer">
        <ElderSwitch />
      </View>
    </Page>
  );
}

function NotFound() {
  return (
    <MessageScreen
      tone="neutral"
      icon="?"
      title="没有找到这个村的公示栏"
      body="请重新扫描村务公开栏上的二维码，或向村（社区）询问。"
    />
  );
}

function Board({ board }: { board: VillageBoard }) {
  return (
    <View>
      <View className="board-page__head">
        <Text className="board-page__township">{board.townshipName}</Text>
        <Text className="board-page__village">{board.villageName}</Text>
        <Text className="board-page__title">村务公示 · 民情办理</Text>
        <Text className="board-page__since">{monthDay(board.since)}以来的诉求办理情况</Text>
      </View>
      <Figures months={board.months} />
      <View className="mq-section">
        <Text className="mq-section__title">办理情况（{board.items.length}件）</Text>
        {board.items.length === 0 ? (
          <Text className="board-page__empty">近三个月还没有公示的事项。</Text>
        ) : (
          board.items.map((item, i) => <Item key={i} item={item} />)
        )}
        {board.more ? (
          <Text className="board-page__more">只列出最近的{BOARD_MAX_ITEMS}件。</Text>
        ) : null}
      </View>
      <Text className="board-page__privacy">
        本页只公开办理情况，不显示群众的姓名、电话、住址和反映的具体内容。
      </Text>
    </View>
  );
}

/**
 * The village's figures, a small table per month, the latest first: a label and its value on one
 * line, so that even 长辈模式's large print never breaks a number across lines on a phone.
 */
function Figures({ months }: { months: BoardMonth[] }) {
  const rows: { label: string; value: (m: BoardMonth) => string }[] = [
    { label: '受理', value: (m) => `${m.received}件` },
    { label: '办结', value: (m) => `${m.resolved}件` },
    { label: '按时办结率', value: (m) => formatRate(m.onTime) },
    {
      label: '满意率',
      value: (m) =>
        m.ratings === 0
          ? '暂无数据'
          : `${m.satisfaction ? formatRate(m.satisfaction) : '样本不足'}（${m.ratings}条评价）`,
    },
    { label: '参评率', value: (m) => formatRate(m.participation) },
  ];
  return (
    <View className="mq-section board-figures">
      <Text className="mq-section__title">每月情况</Text>
      {[...months].reverse().map((m) => (
        <View key={m.month} className="board-figures__month">
          <Text className="board-figures__month-name">{monthName(m.month)}</Text>
          {rows.map((row) => (
            <View key={row.label} className="board-figures__row">
              <Text className="board-figures__label">{row.label}</Text>
              <Text className="board-figures__value">{row.value(m)}</Text>
            </View>
          ))}
        </View>
      ))}
      <Text className="board-figures__hint">
        满意率少于{BOARD_MIN_RATINGS}条评价时不显示（样本不足），以免推算出某一户的评价。
      </Text>
    </View>
  );
}

function Item({ item }: { item: BoardItem }) {
  const done = item.status === '已办结';
  return (
    <View className="board-item">
      <View className="board-item__tags">
        <Text className="board-item__category">{item.category}</Text>
        <Text className={classNames('board-item__status', done && 'board-item__status--done')}>
          {done ? '✓ ' : '▶ '}
          {item.status}
        </Text>
      </View>
      <Text className="board-item__summary">{item.summary}</Text>
      <Text className="board-item__meta">
        {[
          `承办：${item.ownerName}`,
          item.outcome ? `结果：${item.outcome}` : null,
          item.dueOn ? `时限：${monthDay(item.dueOn)}` : null,
          `${monthDay(item.submittedOn)}反映`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </View>
  );
}

/** `2026-12` → `2026年12月`. */
function monthName(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
}

/** `2026-12-07` → `12月7日`. */
function monthDay(date: string): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日`;
}
