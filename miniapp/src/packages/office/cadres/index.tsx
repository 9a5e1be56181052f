import { Input, Text, View } from '@tarojs/components';
import type { OfficeCadre } from '@mqlk/shared';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';

import { Btn } from '../../../components/btn';
import { ListFooter } from '../../../components/list-footer';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import { getUnits, listCadres, type CadreFilter } from '../../../services/api/office';
import { Chips } from '../components/form';
import { OfficePage, openPage } from '../components/office-page';
import { Table, type Column } from '../components/table';
import { UnitChooser } from '../components/unit-chooser';
import { unitNodes, type UnitNode } from '../components/units';
import { ImportPanel } from './import-panel';
import { NewCadre } from './new-cadre';
import './index.scss';

/** 干部: search and filter the cadres in scope, add one, or import a spreadsheet of them. */
export default function CadresPage() {
  return (
    <OfficePage title="干部" section="officeCadres">
      <Cadres />
    </OfficePage>
  );
}

type Status = 'active' | 'inactive' | 'all';

const STATUS_OPTIONS: readonly { key: Status; label: string }[] = [
  { key: 'active', label: '在岗' },
  { key: 'inactive', label: '已停用' },
  { key: 'all', label: '全部' },
];

const CADRE_COLUMNS: readonly Column<OfficeCadre>[] = [
  { key: 'name', label: '姓名', width: '1fr', title: true, cell: (c) => c.name },
  { key: 'post', label: '职务', width: '1.2fr', cell: (c) => c.post },
  { key: 'unit', label: '单位', width: '1.4fr', cell: (c) => c.unitName },
  { key: 'phone', label: '手机号', width: '1.2fr', cell: (c) => c.phoneMasked },
  { key: 'cards', label: '联系卡', width: '0.7fr', cell: (c) => `${c.activeCards}张` },
  { key: 'open', label: '未办结', width: '0.7fr', cell: (c) => `${c.openRequests}件` },
  {
    key: 'status',
    label: '状态',
    width: '1.2fr',
    cell: (c) =>
      c.active ? (
        <Text className="office-tag office-tag--on">● 在岗</Text>
      ) : (
        <Text className="office-tag office-tag--off">
          ✕ 已停用{c.successorName ? `，由${c.successorName}接任` : ''}
        </Text>
      ),
  },
];

function Cadres() {
  const units = useLoad(getUnits, 'units');
  if (units.state.status === 'loading')
    return <Text className="office-page__loading">正在加载…</Text>;
  if (units.state.status === 'failed') {
    return <WorkError error={units.state.error} onRetry={units.reload} />;
  }
  return <CadreList units={unitNodes(units.state.data)} />;
}

function CadreList({ units }: { units: UnitNode[] }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>('active');
  const [panel, setPanel] = useState<'new' | 'import' | null>(null);

  const filter: CadreFilter = {
    ...(q ? { q } : {}),
    ...(unitId ? { unitId } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
  };
  const list = usePaged((page) => listCadres(filter, page), JSON.stringify(filter));
  const shown = useRef(false);
  // Back from a cadre's page: cards issued, a post handed over, and the one-time passwords and
  // import results shown here must not be shown again.
  useDidShow(() => {
    if (shown.current) {
      list.reload();
      setPanel(null);
    }
    shown.current = true;
  });
  const filtered = Boolean(q || unitId || status !== 'active');

  return (
    <View>
      <View className="office-form__buttons cadres-page__top">
        <Btn kind="primary" onClick={() => setPanel(panel === 'new' ? null : 'new')}>
          ＋ 新增干部
        </Btn>
        <Btn kind="secondary" onClick={() => setPanel(panel === 'import' ? null : 'import')}>
          导入 Excel
        </Btn>
      </View>
      {panel === 'new' ? (
        <NewCadre units={units} onCreated={list.reload} onClose={() => setPanel(null)} />
      ) : null}
      {panel === 'import' ? <ImportPanel onImported={list.reload} /> : null}

      <View className="office-filters">
        <View className="office-filters__search">
          <View className="mq-field">
            <Input
              className="mq-input"
              value={typed}
              placeholder="搜索姓名、职务或登录账号"
              confirmType="search"
              onInput={(e) => setTyped(e.detail.value)}
              onConfirm={() => setQ(typed.trim())}
            />
          </View>
          <Btn kind="secondary" onClick={() => setQ(typed.trim())}>
            搜索
          </Btn>
        </View>
        <View className="cadres-page__filters">
          <UnitChooser
            label="单位"
            units={units}
            value={unitId}
            onChange={setUnitId}
            selectable={() => true}
            anyLabel="全部单位"
          />
          <Chips label="状态" options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        </View>
      </View>

      <CadreRows list={list} filtered={filtered} onAdd={() => setPanel('new')} />
    </View>
  );
}

function CadreRows({
  list,
  filtered,
  onAdd,
}: {
  list: Paged<OfficeCadre>;
  filtered: boolean;
  onAdd: () => void;
}) {
  if (list.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return filtered ? (
      <Text className="office-empty">
        没有符合条件的干部。换个搜索词，或把单位、状态改成“全部”试试。
      </Text>
    ) : (
      <View className="office-empty">
        <Text className="cadres-page__empty-text">
          还没有干部。点“新增干部”一位一位添加，或用“导入 Excel”一次导入一个村（乡镇）的干部。
        </Text>
        <Btn kind="primary" onClick={onAdd}>
          ＋ 新增干部
        </Btn>
      </View>
    );
  }
  return (
    <View>
      <Text className="mq-muted cadres-page__count">共{list.total}位，点一行打开干部的页面</Text>
      <Table
        columns={CADRE_COLUMNS}
        rows={list.items}
        rowKey={(c) => c.id}
        muted={(c) => !c.active}
        onOpen={(c) => openPage('officeCadre', { id: c.id })}
      />
      <ListFooter list={list} />
    </View>
  );
}
