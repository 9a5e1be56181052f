import { Text, View } from '@tarojs/components';
import type { Household, HouseholdDetail } from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { Btn } from '../../../components/btn';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import {
  getHousehold,
  issueHelpCard,
  updateHousehold,
} from '../../../services/api/office-households';
import { asApiError } from '../../../services/http';
import { openPage } from '../components/office-page';
import { FormProblem, useOfficeForm } from '../components/form';
import type { UnitNode } from '../components/units';
import {
  HouseholdFields,
  checkHouseholdEdit,
  householdValues,
  withFieldOf,
  type HouseholdValues,
} from './household-fields';
import { MoveForm } from './move-form';
import { HouseholdTags, lastVisitText, pairingText } from './pairing';

type Mode = 'view' | 'edit' | 'move';

/**
 * One household, opened from the list: everything about it with the full phone number (the
 * opening is on the audit log, and the page says so), 修改信息 and 调整结对.
 */
export function HouseholdPanel({
  id,
  units,
  backLabel,
  onChanged,
  onClose,
}: {
  id: number;
  units: readonly UnitNode[];
  backLabel: string;
  /** the list should show what changed */
  onChanged: () => void;
  onClose: () => void;
}) {
  const detail = useLoad(() => getHousehold(id), String(id));
  const [mode, setMode] = useState<Mode>('view');
  const [done, setDone] = useState('');

  const changed = (next: HouseholdDetail, what: string) => {
    detail.replace(next);
    setMode('view');
    setDone(what);
    onChanged();
  };
  const open = (next: Mode) => {
    setDone('');
    setMode(next);
  };
  const data = detail.state.status === 'ready' ? detail.state.data : null;

  return (
    <View className="household-panel">
      <View className="office-form__buttons household-panel__top">
        <Btn kind="plain" size="small" onClick={onClose}>
          {backLabel}
        </Btn>
      </View>
      {detail.state.status === 'loading' ? (
        <Text className="office-page__loading">正在加载…</Text>
      ) : null}
      {detail.state.status === 'failed' ? (
        <WorkError error={detail.state.error} onRetry={detail.reload} />
      ) : null}
      {data ? (
        <View>
          <Summary detail={data} />
          {done ? <Text className="office-done">✓ {done}</Text> : null}
          {mode === 'view' ? (
            <View className="office-form__buttons">
              <Btn kind="primary" onClick={() => open('edit')}>
                修改信息
              </Btn>
              <Btn kind="secondary" onClick={() => open('move')}>
                调整结对
              </Btn>
              <HelpCardButton household={data.household} />
            </View>
          ) : null}
          {mode === 'edit' ? (
            <EditForm
              detail={data}
              units={units}
              onSaved={(next) => changed(next, '已保存修改')}
              onCancel={() => setMode('view')}
            />
          ) : null}
          {mode === 'move' ? (
            <MoveForm
              household={data.household}
              units={units}
              onMoved={(household) =>
                changed(
                  { household, phone: data.phone },
                  household.cadreId ? `已调整结对：${pairingText(household)}` : '已解除结对',
                )
              }
              onCancel={() => setMode('view')}
            />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 民困帮扶卡, for a household linked 结亲: issued on the first tap (the one in use after that),
 * then its page, where it is printed or stopped.
 */
function HelpCardButton({ household }: { household: Household }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  if (household.pairing !== 'kin') return null;
  const go = async () => {
    setBusy(true);
    setProblem('');
    try {
      const card = await issueHelpCard(household.id);
      openPage('officeCard', { id: card.id });
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Btn kind="secondary" busyText={busy && '正在发卡…'} onClick={() => void go()}>
        {household.helpCardCode ? '民困帮扶卡：查看和打印' : '发民困帮扶卡'}
      </Btn>
      {problem ? <Text className="office-problem">! {problem}</Text> : null}
    </View>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="household-panel__line">
      <Text className="household-panel__label">{label}</Text>
      <View className="household-panel__value">{children}</View>
    </View>
  );
}

function Summary({ detail }: { detail: HouseholdDetail }) {
  const h = detail.household;
  return (
    <View className="mq-section household-panel__summary">
      <Text className="household-panel__title">{h.address}</Text>
      <Line label="户主">
        <Text>{h.headName}</Text>
      </Line>
      <Line label="手机号">
        <Text className="household-panel__phone" userSelect>
          {detail.phone ?? '未留电话'}
        </Text>
        <Text className="mq-muted household-panel__audit">
          完整手机号只在这里显示，打开本户已记入操作日志。
        </Text>
      </Line>
      <Line label="家庭人口">
        <Text>{h.memberCount}人</Text>
      </Line>
      <Line label="标签">
        <HouseholdTags household={h} />
      </Line>
      <Line label="结对干部">
        <Text>{pairingText(h)}</Text>
      </Line>
      <Line label="最近走访">
        <Text>{lastVisitText(h)}</Text>
      </Line>
      <Line label="在办诉求">
        <Text>{h.openRequests}件</Text>
      </Line>
      {h.helpCardCode ? (
        <Line label="民困帮扶卡">
          <Text>已发放（卡号 {h.helpCardCode}）</Text>
        </Line>
      ) : null}
    </View>
  );
}

/** 修改信息: the fields of 新增联户; the link is changed with 调整结对. */
function EditForm({
  detail,
  units,
  onSaved,
  onCancel,
}: {
  detail: HouseholdDetail;
  units: readonly UnitNode[];
  onSaved: (detail: HouseholdDetail) => void;
  onCancel: () => void;
}) {
  const form = useOfficeForm<HouseholdValues>(() =>
    householdValues(detail.household, detail.phone),
  );
  const save = () =>
    void form.submit(checkHouseholdEdit(form.values), async (input) => {
      let household: Household;
      try {
        household = await updateHousehold(detail.household.id, input);
      } catch (error) {
        throw withFieldOf(error);
      }
      onSaved({ household, phone: input.phone || null });
    });
  return (
    <View className="mq-section household-edit">
      <Text className="mq-section__title">修改信息</Text>
      <HouseholdFields form={form} units={units} />
      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存修改
        </Btn>
        <Btn kind="plain" disabled={form.busy} onClick={onCancel}>
          取消
        </Btn>
      </View>
    </View>
  );
}
