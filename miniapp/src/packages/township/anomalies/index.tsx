import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ANOMALY_KINDS, ANOMALY_LABELS, type AnomalyList } from '@mqlk/shared';
import { useState } from 'react';

import { PeriodPicker } from '../../../components/period-picker';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getUnits } from '../../../services/api/office';
import { getAnomalies } from '../../../services/api/stats';
import { openFigureRequests } from '../../../utils/figure-links';
import { formatLocalDay } from '../../../utils/format';
import { lastDays, samePeriod, type Period } from '../../../utils/period';
import { OfficePage } from '../../office/components/office-page';
import { UnitChooser } from '../../office/components/unit-chooser';
import { unitNodes } from '../../office/components/units';
import { AnomalyCard } from './anomaly-card';
import './index.scss';

/** The server's own default: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;

/**
 * 评价异常提示: rating patterns in a unit that may mean ratings were arranged rather than given,
 * each with the requests behind it. Hints for a person to check; no figure changes because of them.
 */
export default function AnomaliesPage() {
  return (
    <OfficePage title="评价异常提示" section="anomalies" className="anomalies-page">
      <Anomalies />
    </OfficePage>
  );
}

const isDate = (value: string | undefined): value is string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');

/** Opened from 统计指标 on its unit (`?unitId`), or bookmarked with its dates (`?from&to`). */
function startFrom(params: Partial<Record<string, string>>) {
  const { from, to, unitId } = params;
  return {
    period: isDate(from) && isDate(to) && from <= to ? { from, to } : lastDays(DEFAULT_DAYS),
    unitId: unitId && /^\d+$/.test(unitId) ? Number(unitId) : null,
  };
}

function Anomalies() {
  const { params } = useRouter();
  const [start] = useState(() => startFrom(params));
  const [period, setPeriod] = useState<Period>(start.period);
  const [unitId, setUnitId] = useState<number | null>(start.unitId);
  const units = useLoad(getUnits, 'units');
  const list = useLoad(
    () => getAnomalies(period, unitId ?? undefined),
    `${period.from}/${period.to}/${unitId ?? ''}`,
  );
  const tree = units.state.status === 'ready' ? units.state.data : null;
  const nodes = tree ? unitNodes(tree) : [];
  const chosen =
    nodes.find((n) => n.id === unitId) ?? nodes.find((n) => n.id === tree?.scopeUnitId);

  return (
    <View>
      <View className="anomalies-page__notice">
        <Text className="anomalies-page__notice-title">仅供核查，不改变任何指标</Text>
        <Text className="anomalies-page__notice-text">
          这些是按固定规则找出的情况，只是提示：被提示的评价照常计入满意率等各项指标，不说明有人弄虚作假，请逐条核实。
        </Text>
      </View>

      <View className="anomalies-page__choices">
        <PeriodPicker period={period} onChange={setPeriod} />
        <View className="mq-section">
          {units.state.status === 'ready' ? (
            <UnitChooser
              label="单位"
              units={nodes}
              value={chosen?.id ?? null}
              onChange={setUnitId}
              selectable={() => true}
            />
          ) : null}
          {units.state.status === 'failed' ? (
            <Text className="mq-field-error">
              单位名单没有加载出来（{units.state.error.message}），先显示您管辖范围的提示。
            </Text>
          ) : null}
        </View>
      </View>

      {list.state.status === 'loading' ? (
        <Text className="office-page__loading">正在查找…</Text>
      ) : null}
      {list.state.status === 'failed' ? (
        <WorkError error={list.state.error} onRetry={list.reload} />
      ) : null}
      {list.state.status === 'ready' ? <Flags list={list.state.data} /> : null}
    </View>
  );
}

function Flags({ list }: { list: AnomalyList }) {
  const { scope, period, anomalies } = list;
  const counts = ANOMALY_KINDS.map((kind) => ({
    kind,
    n: anomalies.filter((a) => a.kind === kind).length,
  })).filter((c) => c.n > 0);
  const openCadre = (cadre: { id: number; name: string }) =>
    openFigureRequests({
      figure: 'ratings',
      part: 'numerator',
      period,
      unitId: scope.unitId,
      cadreId: cadre.id,
      who: cadre.name,
    });

  return (
    <View>
      <Text className="anomalies-page__caption">
        {scope.name} · {samePeriod(period, lastDays(DEFAULT_DAYS)) ? `最近${DEFAULT_DAYS}天：` : ''}
        {formatLocalDay(period.from)}至{formatLocalDay(period.to)}
        {anomalies.length > 0 ? ` · 共${anomalies.length}条提示` : ''}
      </Text>
      {anomalies.length === 0 ? (
        <View className="office-empty anomalies-page__empty">
          <Text className="anomalies-page__empty-title">这段时间没有发现异常</Text>
          <Text className="mq-muted">可以把时间放长一些，或换一个单位再看。</Text>
        </View>
      ) : (
        <Text className="anomalies-page__counts">
          {counts.map((c) => `${ANOMALY_LABELS[c.kind]}：${c.n}条`).join('；')}
        </Text>
      )}
      {anomalies.map((anomaly, index) => (
        <AnomalyCard
          key={`${anomaly.kind}-${anomaly.cadre?.id ?? anomaly.rater ?? ''}-${index}`}
          anomaly={anomaly}
          onOpenCadre={openCadre}
        />
      ))}
    </View>
  );
}
