import { Input, Text, View } from '@tarojs/components';
import {
  type Household,
  type SpecialGroup,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
} from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { WorkError } from '../../../components/work-access';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import {
  downloadHouseholdTemplate,
  importHouseholds,
  listHouseholds,
  type HouseholdFilter,
} from '../../../services/api/office-households';
import { classNames } from '../../../utils/format';
import { Chips } from '../components/form';
import { Table, type Column } from '../components/table';
import type { UnitNode } from '../components/units';
import { CadrePicker, type CadreChoice } from './cadre-picker';
import { HouseholdPanel } from './household-panel';
import { type HouseholdImporter, HouseholdImportPanel } from './import-panel';
import { NewHousehold } from './new-household';
import { HouseholdTags, lastVisitText, pairingText } from './pairing';

const HOUSEHOLD_IMPORTER: HouseholdImporter = {
  template: (onProgress) => downloadHouseholdTemplate(onProgress),
  upload: (file, onProgress) => importHouseholds(file, onProgress),
};

type Linked = 'all' | 'linked' | 'unlinked';

const LINKED_OPTIONS: readonly { key: Linked; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'linked', label: '已结对' },
  { key: 'unlinked', label: '未结对' },
];

const GROUP_OPTIONS: readonly { key: SpecialGroup | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  ...SPECIAL_GROUPS.map((g) => ({ key: g, label: SPECIAL_GROUP_LABELS[g] })),
];

const HOUSEHOLD_COLUMNS: readonly Column<Household>[] = [
  { key: 'address', label: '地址', width: '1.6fr', title: true, cell: (h) => h.address },
  { key: 'head', label: '户主', width: '0.8fr', cell: (h) => h.headName },
  { key: 'phone', label: '手机号', width: '1.1fr', cell: (h) => h.phoneMasked ?? '未留电话' },
  { key: 'members', label: '人口', width: '0.5fr', cell: (h) => `${h.memberCount}人` },
  { key: 'tags', label: '标签', width: '1.4fr', cell: (h) => <HouseholdTags household={h} /> },
  {
    key: 'cadre',
    label: '结对干部',
    width: '1.1fr',
    cell: (h) =>
      h.cadreId ? pairingText(h) : <Text className="households-page__unlinked">未结对</Text>,
  },
  { key: 'visit', label: '最近走访', width: '1.1fr', cell: (h) => lastVisitText(h) },
  { key: 'open', label: '在办诉求', width: '0.7fr', cell: (h) => `${h.openRequests}件` },
];

/**
 * 联户台账: search and filter the households in scope, add one, import a spreadsheet of them,
 * and open one (its full phone, 修改信息, 调整结对). The opened household takes the list's place;
 * the list stays as it was underneath, page and filters included.
 */
export function HouseholdList({
  units,
  unitId,
  unitFilter,
  opened,
  backLabel,
  onOpen,
  onClose,
}: {
  units: readonly UnitNode[];
  unitId: number | null;
  unitFilter: ReactNode;
  /** the household shown in the list's place */
  opened: number | null;
  backLabel: string;
  onOpen: (id: number) => void;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [group, setGroup] = useState<SpecialGroup | 'all'>('all');
  const [linked, setLinked] = useState<Linked>('all');
  const [cadre, setCadre] = useState<CadreChoice | null>(null);
  const [panel, setPanel] = useState<'new' | 'import' | null>(null);

  const filter: HouseholdFilter = {
    ...(q ? { q } : {}),
    ...(unitId ? { unitId } : {}),
    ...(group === 'all' ? {} : { group }),
    ...(linked === 'all' ? {} : { linked: linked === 'linked' }),
    ...(cadre ? { cadreId: cadre.id } : {}),
  };
  const list = usePaged((page) => listHouseholds(filter, page), JSON.stringify(filter));
  const filtered = Object.keys(filter).length > 0;

  return (
    <View>
      {opened !== null ? (
        <HouseholdPanel
          key={opened}
          id={opened}
          units={units}
          backLabel={backLabel}
          onChanged={list.reload}
          onClose={onClose}
        />
      ) : null}
      <View className={classNames(opened !== null && 'households-page__hidden')}>
        <View className="office-form__buttons households-page__top">
          <Btn kind="primary" onClick={() => setPanel(panel === 'new' ? null : 'new')}>
            ＋ 新增联户
          </Btn>
          <Btn kind="secondary" onClick={() => setPanel(panel === 'import' ? null : 'import')}>
            从Excel导入
          </Btn>
        </View>
        {panel === 'new' ? (
          <NewHousehold units={units} onCreated={list.reload} onClose={() => setPanel(null)} />
        ) : null}
        {panel === 'import' ? (
          <HouseholdImportPanel
            importer={HOUSEHOLD_IMPORTER}
            onImported={list.reload}
            onClose={() => setPanel(null)}
          />
        ) : null}

        <View className="office-filters">
          <View className="office-filters__search">
            <View className="mq-field">
              <Input
                className="mq-input"
                value={typed}
                placeholder="姓名、门牌号或完整手机号"
                confirmType="search"
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={() => setQ(typed.trim())}
              />
            </View>
            <Btn kind="secondary" onClick={() => setQ(typed.trim())}>
              搜索
            </Btn>
          </View>
          <View className="households-page__filters">
            {unitFilter}
            <CadrePicker
              label="结对干部"
              unitId={unitId}
              value={cadre}
              onChange={setCadre}
              anyLabel="全部干部"
            />
            <Chips label="结对" options={LINKED_OPTIONS} value={linked} onChange={setLinked} />
            <Chips label="特殊群体" options={GROUP_OPTIONS} value={group} onChange={setGroup} />
          </View>
        </View>

        <HouseholdRows
          list={list}
          filtered={filtered}
          onAdd={() => setPanel('new')}
          onImport={() => setPanel('import')}
          onOpen={(h) => onOpen(h.id)}
        />
      </View>
    </View>
  );
}

function HouseholdRows({
  list,
  filtered,
  onAdd,
  onImport,
  onOpen,
}: {
  list: Paged<Household>;
  filtered: boolean;
  onAdd: () => void;
  onImport: () => void;
  onOpen: (household: Household) => void;
}) {
  if (list.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return filtered ? (
      <Text className="office-empty">
        没有符合条件的联户。换个搜索词，或把单位、结对、特殊群体改成“全部”试试。
      </Text>
    ) : (
      <View className="office-empty">
        <Text className="households-page__empty-text">
          这里还没有登记联户。点“新增联户”一户一户登记，或用“从Excel导入”一次导入一个村的联户；登记时可以同时选好结对干部。
        </Text>
        <View className="office-form__buttons">
          <Btn kind="primary" onClick={onAdd}>
            ＋ 新增联户
          </Btn>
          <Btn kind="secondary" onClick={onImport}>
            从Excel导入
          </Btn>
        </View>
      </View>
    );
  }
  return (
    <View>
      <Text className="mq-muted households-page__count">
        共{list.total}户，点一行查看完整信息、修改或调整结对
      </Text>
      <Table columns={HOUSEHOLD_COLUMNS} rows={list.items} rowKey={(h) => h.id} onOpen={onOpen} />
      <ListFooter list={list} />
    </View>
  );
}
