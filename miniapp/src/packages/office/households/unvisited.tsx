import { Text, View } from '@tarojs/components';
import { UNVISITED_DAYS, type UnvisitedHousehold } from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { WorkError } from '../../../components/work-access';
import { usePaged } from '../../../hooks/use-paged';
import { listUnvisited } from '../../../services/api/office-households';
import { Table, type Column } from '../components/table';
import { CadrePicker, type CadreChoice } from './cadre-picker';
import { HouseholdTags, lastVisitText, pairingText } from './pairing';

const UNVISITED_COLUMNS: readonly Column<UnvisitedHousehold>[] = [
  {
    key: 'address',
    label: '地址',
    width: '1.6fr',
    title: true,
    cell: (u) => u.household.address,
  },
  { key: 'head', label: '户主', width: '0.8fr', cell: (u) => u.household.headName },
  {
    key: 'tags',
    label: '特殊群体和标签',
    width: '1.4fr',
    cell: (u) => <HouseholdTags household={u.household} />,
  },
  {
    key: 'last',
    label: '最近走访',
    width: '1.2fr',
    cell: (u) =>
      u.household.lastVisitOn ? (
        lastVisitText(u.household)
      ) : (
        <Text className="households-page__never">从未走访</Text>
      ),
  },
  {
    key: 'days',
    label: '未走访天数',
    width: '0.9fr',
    cell: (u) => (u.daysSince === null ? '—' : `${u.daysSince}天`),
  },
  { key: 'cadre', label: '结对干部', width: '1.1fr', cell: (u) => pairingText(u.household) },
  {
    key: 'phone',
    label: '手机号',
    width: '1.1fr',
    cell: (u) => u.household.phoneMasked ?? '未留电话',
  },
];

/**
 * 90天未走访: households no one has visited for 90 days or more (or ever, once registered that
 * long), 特殊群体 first as the server orders them. A row opens the household.
 */
export function Unvisited({
  unitId,
  unitFilter,
  onOpen,
}: {
  unitId: number | null;
  unitFilter: ReactNode;
  onOpen: (householdId: number) => void;
}) {
  const [cadre, setCadre] = useState<CadreChoice | null>(null);
  const filter = { ...(unitId ? { unitId } : {}), ...(cadre ? { cadreId: cadre.id } : {}) };
  const list = usePaged((page) => listUnvisited(filter, page), JSON.stringify(filter));

  return (
    <View>
      <View className="office-filters households-page__filters">
        {unitFilter}
        <CadrePicker
          label="结对干部"
          unitId={unitId}
          value={cadre}
          onChange={setCadre}
          anyLabel="全部干部"
        />
      </View>
      <Text className="mq-muted households-page__count">
        {UNVISITED_DAYS}
        天以上没有走访过的联户，低保、五保等特殊群体排在前面。点一行打开这户。
      </Text>
      {list.status === 'loading' ? <Text className="office-page__loading">正在加载…</Text> : null}
      {list.status === 'failed' && list.items.length === 0 && list.error ? (
        <WorkError error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <MessageScreen
          tone="success"
          icon="✓"
          title={`没有${UNVISITED_DAYS}天以上未走访的联户`}
          body={`新登记的联户满${UNVISITED_DAYS}天仍没有走访记录，才会列在这里。`}
        />
      ) : null}
      {list.items.length > 0 ? (
        <View>
          <Text className="households-page__count">共{list.total}户</Text>
          <Table
            columns={UNVISITED_COLUMNS}
            rows={list.items}
            rowKey={(u) => u.household.id}
            onOpen={(u) => onOpen(u.household.id)}
          />
          <ListFooter list={list} />
        </View>
      ) : null}
    </View>
  );
}
