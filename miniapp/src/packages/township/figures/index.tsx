import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  FIGURE_LEVELS,
  FIGURE_LEVEL_LABELS,
  ORG_UNIT_KINDS,
  type FigureLevel,
  type FigureName,
  type FigureRef,
  type FigureSeries,
  type OrgUnitKind,
  type UnitFigures,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { PeriodPicker } from '../../../components/period-picker';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getUnits } from '../../../services/api/office';
import { getFigureSeries, getUnitFigures } from '../../../services/api/stats';
import { openFigureRequests } from '../../../utils/figure-links';
import type { FigurePart } from '../../../utils/figures';
import { classNames, formatLocalDay } from '../../../utils/format';
import { presetPeriod, type Period } from '../../../utils/period';
import { OfficePage, openPage } from '../../office/components/office-page';
import { UnitChooser } from '../../office/components/unit-chooser';
import { unitNodes } from '../../office/components/units';
import { CategoriesChart } from './charts/categories-chart';
import { LevelsChart } from './charts/levels-chart';
import { MonthlyReport } from './monthly-report';
import { TrendChart } from './charts/trend-chart';
import { FiguresTable, type TableRow } from './figures-table';
import { Ranking } from './ranking';
import './index.scss';
import { pressable } from '../../../components/pressable';

/** 统计指标: every figure of a unit's cadres or units for a period, the ranking and the trends. */
export default function FiguresPage() {
  return (
    <OfficePage title="统计指标" section="figures" className="figures-page">
      <Figures />
    </OfficePage>
  );
}

/** The levels a unit's rows can be: its cadres, or its units of a kind below its own. */
export function levelsBelow(kind: OrgUnitKind): FigureLevel[] {
  const depth = ORG_UNIT_KINDS.indexOf(kind);
  return FIGURE_LEVELS.filter(
    (level) => level === 'cadre' || ORG_UNIT_KINDS.indexOf(level) > depth,
  );
}

const isLevel = (value: string | undefined): value is FigureLevel =>
  (FIGURE_LEVELS as readonly string[]).includes(value ?? '');
const isDate = (value: string | undefined): value is string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** A bookmarked or linked page opens on its period, unit and level (`?from&to&unitId&level`). */
function startFrom(params: Partial<Record<string, string>>) {
  const { from, to, unitId, level } = params;
  return {
    period: isDate(from) && isDate(to) && from <= to ? { from, to } : presetPeriod('this_month'),
    unitId: unitId && /^\d+$/.test(unitId) ? Number(unitId) : null,
    level: isLevel(level) ? level : ('cadre' as const),
  };
}

function Figures() {
  const { params } = useRouter();
  const [start] = useState(() => startFrom(params));
  const [period, setPeriod] = useState<Period>(start.period);
  const [unitId, setUnitId] = useState<number | null>(start.unitId);
  const [level, setLevel] = useState<FigureLevel>(start.level);
  // The page of rows, back to the first whenever the period, the unit or the level changes.
  const [page, setPage] = useState({ of: '', page: 1 });
  const units = useLoad(getUnits, 'units');
  const query = `${period.from}/${period.to}/${unitId ?? ''}/${level}`;
  const currentPage = page.of === query ? page.page : 1;
  const figures = useLoad(
    () => getUnitFigures(period, level, unitId ?? undefined, currentPage),
    `${query}/${currentPage}`,
  );
  const series = useLoad(() => getFigureSeries(unitId ?? undefined), `series/${unitId ?? ''}`);

  const tree = units.state.status === 'ready' ? units.state.data : null;
  const nodes = tree ? unitNodes(tree) : [];
  const chosen =
    nodes.find((n) => n.id === unitId) ?? nodes.find((n) => n.id === tree?.scopeUnitId);
  const kind =
    chosen?.kind ?? (figures.state.status === 'ready' ? figures.state.data.scope.kind : 'grid');
  const levels = levelsBelow(kind);

  const chooseUnit = (id: number | null) => {
    const next = nodes.find((n) => n.id === id);
    setUnitId(id);
    if (next && !levelsBelow(next.kind).includes(level)) setLevel('cadre');
  };

  return (
    <View>
      <View className="figures-page__links">
        <Btn kind="secondary" size="small" onClick={() => openPage('queue')}>
          差评核实、作风投诉、超期和全部诉求 ›
        </Btn>
        <Btn
          kind="secondary"
          size="small"
          onClick={() => openPage('anomalies', unitId ? { unitId } : {})}
        >
          评价异常提示 ›
        </Btn>
      </View>

      <View className="figures-page__choices">
        <PeriodPicker period={period} onChange={setPeriod} />
        <View className="mq-section figures-page__scope">
          {units.state.status === 'ready' ? (
            <UnitChooser
              label="单位"
              units={nodes}
              value={chosen?.id ?? null}
              onChange={chooseUnit}
              // A retired unit keeps its past figures.
              selectable={() => true}
            />
          ) : null}
          {units.state.status === 'failed' ? (
            <Text className="mq-field-error">
              单位名单没有加载出来（{units.state.error.message}），先显示您管辖范围的数据。
            </Text>
          ) : null}
          <Text className="mq-label">每行是</Text>
          <View
            className="figures-page__levels"
            {...{ role: 'radiogroup', 'aria-label': '每行是' }}
          >
            {levels.map((option) => (
              <View
                key={option}
                className={classNames('figures-page__level', option === level && 'is-current')}
                {...pressable({
                  role: 'radio',
                  checked: option === level,
                  onPress: () => setLevel(option),
                })}
              >
                <Text>
                  {option === level ? '✓ ' : ''}
                  {FIGURE_LEVEL_LABELS[option]}
                </Text>
              </View>
            ))}
          </View>
        </View>
      </View>

      <MonthlyReport
        key={chosen?.id ?? 'scope'}
        unitId={chosen?.id}
        unitName={
          chosen?.name ??
          (figures.state.status === 'ready' ? figures.state.data.scope.name : '您管辖的范围')
        }
      />

      {figures.state.status === 'loading' ? (
        <Text className="office-page__loading">正在统计…</Text>
      ) : null}
      {figures.state.status === 'failed' ? (
        <WorkError error={figures.state.error} onRetry={figures.reload} />
      ) : null}
      {figures.state.status === 'ready' ? (
        <Report
          figures={figures.state.data}
          onPage={(next) => setPage({ of: query, page: next })}
        />
      ) : null}

      {series.state.status === 'ready' ? <Trend series={series.state.data} /> : null}
      {series.state.status === 'failed' ? (
        <View className="mq-section">
          <Text className="mq-section__title">近12个月走势</Text>
          <Text className="mq-field-error">没有加载出来：{series.state.error.message}</Text>
          <Btn kind="secondary" size="small" onClick={series.reload}>
            重试
          </Btn>
        </View>
      ) : null}
    </View>
  );
}

function Trend({ series }: { series: FigureSeries }) {
  return (
    <TrendChart
      series={series}
      onOpen={(figure, part, count, period) =>
        openFigureRequests({
          figure,
          part,
          count,
          period,
          unitId: series.scope.unitId,
          who: `${series.scope.name}（合计）`,
        })
      }
    />
  );
}

/** What one answer of unitFigures shows: the table, the ranking, the levels of resolution. */
function Report({ figures, onPage }: { figures: UnitFigures; onPage: (page: number) => void }) {
  const { scope, period } = figures;
  const open =
    (source: { unitId: number; cadreId?: number; staffUserId?: number }, who: string) =>
    (figure: FigureName, part: FigurePart, count: number) =>
      openFigureRequests({ figure, part, count, period, ...source, who });
  // A staff row is the work an account of the township did itself (`staff:<userId>`).
  const rowSource = (row: FigureRef) => {
    switch (row.kind) {
      case 'cadre':
        return { unitId: scope.unitId, cadreId: row.id };
      case 'staff':
        return { unitId: scope.unitId, staffUserId: row.id };
      case 'unit':
        return { unitId: row.id };
    }
  };
  const openRow = (row: FigureRef) => open(rowSource(row), row.name);

  const openTotal = open({ unitId: scope.unitId }, `${scope.name}（合计）`);
  const total: TableRow = {
    key: 'total',
    name: `${scope.name}（合计）`,
    note: '',
    figures: figures.total,
    total: true,
    onOpen: openTotal,
  };
  const { page: current, pageSize, total: rowCount } = figures.rows;
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  const rows: TableRow[] = figures.rows.items.map((row) => ({ ...row, onOpen: openRow(row) }));
  const what = FIGURE_LEVEL_LABELS[figures.level];
  const quiet =
    figures.total.received === 0 && figures.total.resolved === 0 && !figures.total.ratings;

  return (
    <View>
      <Text className="figures-page__caption">
        {scope.name} · {formatLocalDay(period.from)}至{formatLocalDay(period.to)} · 每行一个{what}
      </Text>
      {quiet ? (
        <Text className="office-warning">
          这段时间{scope.name}还没有受理、办结或评价的诉求。可以点“今年”或改开始日期，看更长的时间。
        </Text>
      ) : null}
      {rowCount === 0 ? (
        <Text className="office-empty">
          {scope.name}下面还没有{what}
          。可以换一个单位或层级，或在“管理后台”的“组织架构”“干部”里添加。
        </Text>
      ) : null}
      <Text className="mq-muted figures-page__hint">
        蓝色带下划线的数字可以点开，看它是由哪些诉求算出来的。表格较宽：在表格上左右拖动（或按住
        Shift 键滚动鼠标滚轮）可以看到全部16项指标，名称一列始终留在左边。
      </Text>
      <FiguresTable rows={[total, ...rows]} />
      {pages > 1 ? (
        <View className="figures-page__pager">
          <Btn
            kind="secondary"
            size="small"
            disabled={current === 1}
            onClick={() => onPage(current - 1)}
          >
            ‹ 上一页
          </Btn>
          <Text className="figures-page__page">
            第{current}/{pages}页，共{rowCount}个{what}
          </Text>
          <Btn
            kind="secondary"
            size="small"
            disabled={current === pages}
            onClick={() => onPage(current + 1)}
          >
            下一页 ›
          </Btn>
        </View>
      ) : null}
      <Text className="mq-muted figures-page__notes">
        满意率 = 基本满意及以上的评价 ÷ 全部评价；解决率 = 回答“已解决”的评价 ÷
        回答了“问题解决了吗”的评价；参评率 = 办结并被评价的诉求 ÷ 办结的诉求；按时办结率 =
        按时办结的诉求 ÷ 办结时限在这段时间到期的诉求；响应率 = 按时签收 ÷
        签收时限在这段时间到期的诉求。没有可算的数时显示“暂无数据”。核实不属实的差评不计入；反映干部作风的诉求不计入被反映干部的数据。“乡镇工作人员直接办理”的行是工作人员自己办理的诉求。
      </Text>
      <Ranking
        figures={figures}
        onOpen={(row, part, count) => openRow(row)('satisfaction', part, count)}
      />
      <View className="figures-page__charts">
        <LevelsChart total={figures.total} onOpen={openTotal} />
        <CategoriesChart categories={figures.categories} />
      </View>
    </View>
  );
}
