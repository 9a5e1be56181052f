import { Text, View } from '@tarojs/components';
import {
  type Household,
  moveHouseholdSchema,
  PAIRING_LABELS,
  type Pairing,
  validate,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { moveHousehold } from '../../../services/api/office-households';
import { ConfirmBox } from '../components/confirm-box';
import { FormProblem, TextAreaField, useOfficeForm } from '../components/form';
import { townshipOf, type UnitNode } from '../components/units';
import { CadrePicker, type CadreChoice } from './cadre-picker';
import { withFieldOf } from './household-fields';
import { PAIRING_HINT, PairingChips } from './pairing';

interface MoveValues {
  cadre: CadreChoice | null;
  pairing: Pairing | null;
  note: string;
}

/**
 * 调整结对: another cadre of the same township, another kind of link, or 解除结对. The visits
 * already made stay with whoever made them.
 */
export function MoveForm({
  household,
  units,
  onMoved,
  onCancel,
}: {
  household: Household;
  units: readonly UnitNode[];
  onMoved: (household: Household) => void;
  onCancel: () => void;
}) {
  const township = townshipOf(units, household.unitId);
  const form = useOfficeForm<MoveValues>({
    cadre:
      household.cadreId && household.cadreName
        ? { id: household.cadreId, name: household.cadreName }
        : null,
    pairing: household.pairing,
    note: '',
  });
  const [unlinking, setUnlinking] = useState(false);
  const { values } = form;

  const send = (cadre: CadreChoice | null, pairing: Pairing | null) =>
    void form.submit(
      validate(moveHouseholdSchema, { cadreId: cadre?.id ?? null, pairing, note: values.note }),
      async (input) => {
        try {
          onMoved(await moveHousehold(household.id, input));
        } catch (error) {
          throw withFieldOf(error);
        }
      },
    );

  const save = () => {
    // Both empty would be 解除结对, which has its own button and question.
    if (!values.cadre) {
      form.setIssues([{ field: 'cadreId', message: '请选择结对干部' }]);
      return;
    }
    send(values.cadre, values.pairing);
  };

  return (
    <View className="mq-section household-move">
      <Text className="mq-section__title">调整结对</Text>
      <Text className="office-page__intro">
        从{township ? township.name : '本乡镇（街道）'}
        的在岗干部里选一位联系这户；已有的走访记录仍归记录的干部。
      </Text>
      <View className="office-form__grid">
        <CadrePicker
          label="结对干部"
          unitId={township?.id ?? null}
          value={values.cadre}
          onChange={(cadre) => {
            form.set('cadre', cadre);
            form.setIssues((list) => list.filter((i) => i.field !== 'cadreId'));
          }}
          error={form.issue('cadreId')}
        />
        <PairingChips
          value={values.pairing}
          onChange={(pairing) => form.set('pairing', pairing)}
          error={form.issue('pairing')}
        />
        <Text className="mq-muted household-form__hint office-form__wide">{PAIRING_HINT}</Text>
        <TextAreaField
          className="office-form__wide"
          label="说明（可不填）"
          value={values.note}
          onInput={(v) => form.set('note', v)}
          error={form.issue('note')}
          placeholder="例如：原结对干部调岗"
        />
      </View>

      {unlinking ? (
        <ConfirmBox
          question="确定解除结对吗？"
          confirmLabel="解除结对"
          busyText="正在解除…"
          busy={form.busy}
          failure={form.failure}
          onConfirm={() => send(null, null)}
          onCancel={() => setUnlinking(false)}
        >
          <Text>
            {household.address}将不再由{household.cadreName}
            {household.pairing ? `（${PAIRING_LABELS[household.pairing]}）` : ''}
            联系，变成“未结对”；已有的走访记录保留。
          </Text>
        </ConfirmBox>
      ) : (
        <View>
          <FormProblem form={form} />
          <View className="office-form__buttons">
            <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
              保存结对
            </Btn>
            {household.cadreId ? (
              <Btn kind="danger" disabled={form.busy} onClick={() => setUnlinking(true)}>
                解除结对
              </Btn>
            ) : null}
            <Btn kind="plain" disabled={form.busy} onClick={onCancel}>
              取消
            </Btn>
          </View>
        </View>
      )}
    </View>
  );
}
