import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Tabs } from '../../../components/tabs';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getUnits } from '../../../services/api/office';
import { OfficePage } from '../components/office-page';
import { UnitChooser } from '../components/unit-chooser';
import { unitNodes, type UnitNode } from '../components/units';
import { Coverage } from './coverage';
import { HouseholdList } from './household-list';
import { Unvisited } from './unvisited';
import './index.scss';

/** 联户台账: the households in scope and their links (结对), visit coverage, households unvisited. */
export default function HouseholdsPage() {
  return (
    <OfficePage title="联户台账" section="officeHouseholds">
      <Households />
    </OfficePage>
  );
}

type Tab = 'list' | 'coverage' | 'unvisited';

const TABS: readonly { key: Tab; label: string }[] = [
  { key: 'list', label: '联户台账' },
  { key: 'coverage', label: '走访覆盖率' },
  { key: 'unvisited', label: '90天未走访' },
];

function Households() {
  const units = useLoad(getUnits, 'units');
  if (units.state.status === 'loading')
    return <Text className="office-page__loading">正在加载…</Text>;
  if (units.state.status === 'failed') {
    return <WorkError error={units.state.error} onRetry={units.reload} />;
  }
  return <Board units={unitNodes(units.state.data)} />;
}

/** The three tabs share the unit chosen at the top, and 90天未走访 opens a household in the list. */
function Board({ units }: { units: UnitNode[] }) {
  const [tab, setTab] = useState<Tab>('list');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [opened, setOpened] = useState<number | null>(null);
  // Back from a household to where it was opened: the list, or 90天未走访.
  const [from, setFrom] = useState<Tab>('list');

  const open = (id: number) => {
    setFrom(tab);
    setOpened(id);
    setTab('list');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  // Each tab shows it in its own filters.
  const unitFilter = (
    <UnitChooser
      label="单位"
      units={units}
      value={unitId}
      onChange={setUnitId}
      selectable={() => true}
      anyLabel="管辖范围内全部"
    />
  );
  const close = () => {
    setOpened(null);
    setTab(from);
  };

  return (
    <View>
      <Tabs
        tabs={TABS}
        current={tab}
        onChange={(next) => {
          setOpened(null);
          setTab(next);
        }}
      />
      {tab === 'list' ? (
        <HouseholdList
          units={units}
          unitId={unitId}
          unitFilter={unitFilter}
          opened={opened}
          backLabel={from === 'unvisited' ? '‹ 返回90天未走访' : '‹ 返回联户列表'}
          onOpen={open}
          onClose={close}
        />
      ) : null}
      {tab === 'coverage' ? <Coverage unitId={unitId} unitFilter={unitFilter} /> : null}
      {tab === 'unvisited' ? (
        <Unvisited unitId={unitId} unitFilter={unitFilter} onOpen={open} />
      ) : null}
    </View>
  );
}
