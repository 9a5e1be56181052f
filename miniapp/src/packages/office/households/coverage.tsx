import { Text, View } from '@tarojs/components';
import {
  addDays,
  formatRate,
  type Quarter,
  quarterLabel,
  quarterOf,
  type VisitCoverage,
  type VisitCoverageRow,
} from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { ListFooter } from '../../../components/list-footer';
import { WorkError } from '../../../components/work-access';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import { getVisitCoverage } from '../../../services/api/office-households';
import { formatLocalDay } from '../../../utils/format';
import { Chips } from '../components/form';
import { Table, type Column } from '../components/table';

/** This quarter and the three before it, newest first. */
export function recentQuarters(today: string, count = 4): Quarter[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) quarters.push(quarterOf(addDays(quarters.at(-1)!.from, -1)));
  return quarters;
}

/** 75.0%, rounded as every figure of the product is. */
const percent = (n: number, d: number) =>
  formatRate({ numerator: n, denominator: d, value: d === 0 ? null : n / d });

/** 3/4户 · 75.0% */
const shareText = (n: number, d: number) => `${n}/${d}户 · ${percent(n, d)}`;

const COVERAGE_COLUMNS: readonly Column<VisitCoverageRow>[] = [
  { key: 'cadre', label: '干部', width: '1fr', title: true, cell: (r) => r.cadreName },
  { key: 'unit', label: '单位', width: '1.2fr', cell: (r) => r.unitName },
  {
    key: 'coverage',
    label: '覆盖率',
    width: '1.4fr',
    cell: (r) =>
      r.coverage.denominator === 0 ? (
        <Text className="mq-muted">暂无结对</Text>
      ) : (
        shareText(r.coverage.numerator, r.coverage.denominator)
      ),
  },
  {
    key: 'special',
    label: '特殊群体',
    width: '1.4fr',
    cell: (r) =>
      r.specialCoverage.denominator === 0
        ? '—'
        : shareText(r.specialCoverage.numerator, r.specialCoverage.denominator),
  },
  { key: 'visits', label: '走访次数', width: '0.8fr', cell: (r) => `${r.visits}次` },
  {
    key: 'duty',
    label: '其中一线工作日',
    width: '1fr',
    cell: (r) => `${r.dutyDayVisits}次`,
  },
];

/**
 * 走访覆盖率: for each cadre, the share of their linked households visited in the quarter,
 * lowest first as the server orders them, with the whole unit's share above. The first answer
 * (no quarter asked) says which quarter is the current one by the server's clock; the picker
 * offers it and the three before.
 */
export function Coverage({ unitId, unitFilter }: { unitId: number | null; unitFilter: ReactNode }) {
  const [current, setCurrent] = useState<Quarter | null>(null);
  const [quarter, setQuarter] = useState<string | null>(null);
  const [answer, setAnswer] = useState<VisitCoverage | null>(null);
  const filter = { ...(quarter ? { quarter } : {}), ...(unitId ? { unitId } : {}) };
  const list = usePaged(
    (page) =>
      getVisitCoverage(filter, page).then((got) => {
        setAnswer(got);
        setCurrent((known) => known ?? { key: got.quarter, from: got.from, to: got.to });
        return got.rows;
      }),
    JSON.stringify(filter),
  );
  const shown = quarter ?? current?.key;

  return (
    <View>
      <View className="office-filters households-page__filters">
        {unitFilter}
        {current && shown ? (
          <Chips
            label="季度"
            options={recentQuarters(current.from).map((q) => ({
              key: q.key,
              label: quarterLabel(q),
            }))}
            value={shown}
            onChange={setQuarter}
          />
        ) : null}
      </View>
      {list.status === 'loading' ? <Text className="office-page__loading">正在加载…</Text> : null}
      {list.status === 'failed' && list.items.length === 0 && list.error ? (
        <WorkError error={list.error} onRetry={list.reload} />
      ) : null}
      {list.status !== 'loading' && answer ? (
        <CoverageRows answer={answer} current={answer.quarter === current?.key} list={list} />
      ) : null}
    </View>
  );
}

function CoverageRows({
  answer,
  current,
  list,
}: {
  answer: VisitCoverage;
  current: boolean;
  list: Paged<VisitCoverageRow>;
}) {
  const { total } = answer;
  if (list.items.length === 0) {
    return (
      <Text className="office-empty">
        这里还没有结对的联户，所以没有覆盖率可算。先在“联户台账”里登记联户、选好结对干部；干部在“走访日记”里记下走访后，这里按季度统计。
      </Text>
    );
  }
  return (
    <View>
      <Text className="households-page__total">
        {current ? '本季度' : answer.label}已走访 {total.numerator}/{total.denominator} 户 ·{' '}
        {percent(total.numerator, total.denominator)}
      </Text>
      <Text className="mq-muted households-page__count">
        {formatLocalDay(answer.from)}至{formatLocalDay(answer.to)}；覆盖率 = 季度内走访过的结对联户
        ÷ 现在结对的联户，低的在前。
      </Text>
      <Table columns={COVERAGE_COLUMNS} rows={list.items} rowKey={(r) => r.cadreId} />
      <ListFooter list={list} />
    </View>
  );
}
