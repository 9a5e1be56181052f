import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  PAIRING_LABELS,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  type Household,
  type SpecialGroup,
} from '@mqlk/shared';
import { useRef, useState } from 'react';

import { Badge } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged } from '../../../hooks/use-paged';
import { listMyHouseholds } from '../../../services/api/households';
import { classNames } from '../../../utils/format';
import { HouseholdBadges } from './household-badges';
import { lastVisitText } from './visit-text';
import './index.scss';
import { pressable } from '../../../components/pressable';

/** 我的联户: the households this cadre is linked to (结对), each with its last visit and open matters. */
export default function HouseholdsPage() {
  return (
    <Page className="households-page">
      <RequireRole roles={['cadre']}>
        <Households />
      </RequireRole>
    </Page>
  );
}

function Households() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<SpecialGroup | undefined>(undefined);
  const list = usePaged<Household>((page) => listMyHouseholds(page, { q, group }), `${q}|${group}`);
  const shown = useRef(false);
  // Back from a household after recording a visit: its date is new.
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  const open = (h: Household) => void Taro.navigateTo({ url: routeOf('household', { id: h.id }) });

  return (
    <View>
      <View className="mq-section households-page__search">
        <Input
          className="mq-input households-page__input"
          type="text"
          value={typed}
          maxlength={32}
          confirmType="search"
          placeholder="户主姓名、门牌号或完整手机号"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
        />
        <Btn kind="secondary" onClick={() => setQ(typed.trim())}>
          搜索
        </Btn>
      </View>
      <View
        className="households-page__groups"
        {...{ role: 'radiogroup', 'aria-label': '户的分组' }}
      >
        <View
          className={classNames('households-page__chip', group === undefined && 'is-selected')}
          {...pressable({
            role: 'radio',
            checked: group === undefined,
            onPress: () => setGroup(undefined),
          })}
        >
          <Text>{group === undefined ? '✓ ' : ''}全部</Text>
        </View>
        {SPECIAL_GROUPS.map((g) => (
          <View
            key={g}
            className={classNames('households-page__chip', group === g && 'is-selected')}
            {...pressable({
              role: 'radio',
              checked: group === g,
              onPress: () => setGroup(group === g ? undefined : g),
            })}
          >
            <Text>
              {group === g ? '✓ ' : ''}
              {SPECIAL_GROUP_LABELS[g]}
            </Text>
          </View>
        ))}
      </View>
      <HouseholdList list={list} searching={q !== '' || group !== undefined} onOpen={open} />
    </View>
  );
}

function HouseholdList({
  list,
  searching,
  onOpen,
}: {
  list: ReturnType<typeof usePaged<Household>>;
  searching: boolean;
  onOpen: (h: Household) => void;
}) {
  if (list.status === 'loading') return <Text className="households-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return searching ? (
      <MessageScreen
        tone="neutral"
        icon="○"
        title="没有找到"
        body="换个词试试：户主姓名、门牌号，或者完整的11位手机号。"
      />
    ) : (
      <MessageScreen
        tone="neutral"
        icon="○"
        title="还没有结对的联户"
        body="联户由乡镇工作人员在管理后台登记并和您结对。结对以后，这里会列出每一户和最近一次走访。"
      />
    );
  }
  return (
    <View>
      <Text className="households-page__count">共{list.total}户，点开一户记走访</Text>
      {list.items.map((h) => (
        <HouseholdItem key={h.id} household={h} onOpen={onOpen} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

export function HouseholdItem({
  household: h,
  onOpen,
}: {
  household: Household;
  onOpen: (h: Household) => void;
}) {
  return (
    <View
      className="households-page__item"
      hoverClass="households-page__item--pressed"
      {...pressable({ onPress: () => onOpen(h) })}
    >
      <View className="households-page__top">
        <Text className="households-page__address">{h.address}</Text>
        {h.pairing ? (
          <Text className="households-page__pairing">{PAIRING_LABELS[h.pairing]}</Text>
        ) : null}
      </View>
      <Text className="households-page__head">
        户主 {h.headName} · {h.memberCount}人{h.phoneMasked ? ` · ${h.phoneMasked}` : ''}
      </Text>
      <HouseholdBadges household={h} className="households-page__tags" />
      <View className="households-page__meta">
        <Text className={classNames(!h.lastVisitOn && 'households-page__never')}>
          {lastVisitText(h.lastVisitOn)}
        </Text>
        {h.openRequests > 0 ? (
          <Badge tone="primary" icon="▶" label={`在办诉求${h.openRequests}件`} />
        ) : null}
      </View>
      <Text className="households-page__open">查看和记走访 ›</Text>
    </View>
  );
}
