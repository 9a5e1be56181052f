import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { Page } from '../../../components/page';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { getCadreFigures } from '../../../services/api/stats';
import { STAFF_ROLES } from '../../../services/session';
import { formatLocalDay } from '../../../utils/format';
import { FiguresTable } from './figures-table';
import { presetPeriod, type Period } from './period';
import { PeriodPicker } from './period-picker';
import './index.scss';

/** 乡镇工作台: each cadre's requests and satisfaction over a period. */
export default function FiguresPage() {
  return (
    <Page className="figures-page" wide>
      <RequireRole roles={STAFF_ROLES}>
        <Figures />
      </RequireRole>
    </Page>
  );
}

function Figures() {
  const [period, setPeriod] = useState<Period>(() => presetPeriod('this_month'));
  const { state, reload } = useLoad(
    () => getCadreFigures(period.from, period.to),
    `${period.from}/${period.to}`,
  );

  return (
    <View>
      <Btn
        kind="secondary"
        className="figures-page__queue"
        onClick={() => Taro.navigateTo({ url: routeOf('queue') })}
      >
        差评核实、作风投诉、超期和全部诉求 ›
      </Btn>
      <Btn
        kind="secondary"
        className="figures-page__queue"
        onClick={() => Taro.navigateTo({ url: routeOf('officeHome') })}
      >
        管理后台：组织架构、干部、联系卡、台账 ›
      </Btn>
      <PeriodPicker period={period} onChange={setPeriod} />

      {state.status === 'loading' ? <Text className="figures-page__loading">正在统计…</Text> : null}
      {state.status === 'failed' ? <WorkError error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <View>
          <Text className="figures-page__caption">
            {state.data.scope.name} · {formatLocalDay(state.data.period.from)}至
            {formatLocalDay(state.data.period.to)}
          </Text>
          {state.data.rows.length === 0 ? (
            <Text className="figures-page__empty">这段时间范围内还没有干部的数据。</Text>
          ) : null}
          <FiguresTable figures={state.data} />
          <Text className="mq-muted figures-page__notes">
            满意率 = 基本满意及以上的评价 ÷ 全部评价；参评率 = 办结并被评价的诉求 ÷
            办结的诉求。没有可算的数时显示“暂无数据”。反映干部作风的诉求不计入被反映干部的满意率。
          </Text>
        </View>
      ) : null}
    </View>
  );
}
