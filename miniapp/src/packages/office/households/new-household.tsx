import { Text, View } from '@tarojs/components';
import type { Household } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { createHousehold } from '../../../services/api/office-households';
import { FormProblem, useOfficeForm } from '../components/form';
import { townshipOf, type UnitNode } from '../components/units';
import { CadrePicker } from './cadre-picker';
import {
  EMPTY_HOUSEHOLD,
  HouseholdFields,
  checkNewHousehold,
  withFieldOf,
  type NewHouseholdValues,
} from './household-fields';
import { PAIRING_HINT, PairingChips, pairingText } from './pairing';

/**
 * 新增联户: the address, the head of household, the special groups, and if already known the
 * cadre it is linked to. A refusal (the house number registered already) keeps what was typed.
 */
export function NewHousehold({
  units,
  onCreated,
  onClose,
}: {
  units: readonly UnitNode[];
  onCreated: () => void;
  onClose: () => void;
}) {
  const form = useOfficeForm<NewHouseholdValues>(EMPTY_HOUSEHOLD);
  const [created, setCreated] = useState<Household | null>(null);
  const { values } = form;
  const township = values.unitId === null ? null : townshipOf(units, values.unitId);

  const save = () =>
    void form.submit(checkNewHousehold(values), async (input) => {
      try {
        setCreated(await createHousehold(input));
      } catch (error) {
        throw withFieldOf(error);
      }
      onCreated();
    });

  if (created) {
    return (
      <View className="mq-section new-household">
        <Text className="office-done">
          ✓ 已新增联户：{created.address}，户主{created.headName}，{pairingText(created)}
        </Text>
        <View className="office-form__buttons">
          <Btn
            kind="primary"
            onClick={() => {
              // The next household is usually in the same village and group.
              form.setValues({
                ...EMPTY_HOUSEHOLD,
                unitId: values.unitId,
                groupName: values.groupName,
                cadre: values.cadre,
                pairing: values.pairing,
              });
              setCreated(null);
            }}
          >
            再新增一户
          </Btn>
          <Btn kind="plain" onClick={onClose}>
            收起
          </Btn>
        </View>
      </View>
    );
  }

  return (
    <View className="mq-section new-household">
      <View className="office-fold__head">
        <Text className="mq-section__title">新增联户</Text>
        <Btn kind="plain" size="small" onClick={onClose}>
          收起
        </Btn>
      </View>
      <HouseholdFields form={form} units={units} />

      <Text className="household-form__part">结对（可以以后再定）</Text>
      {values.unitId === null ? (
        <Text className="mq-muted household-form__note">
          先选择所在的村（社区）或网格，再从本乡镇（街道）的在岗干部里选。
        </Text>
      ) : (
        <View className="office-form__grid">
          <CadrePicker
            label="结对干部"
            unitId={township?.id ?? null}
            value={values.cadre}
            onChange={(cadre) => {
              form.set('cadre', cadre);
              form.setIssues((list) => list.filter((i) => i.field !== 'cadreId'));
            }}
            placeholder="不结对"
            error={form.issue('cadreId')}
          />
          <PairingChips
            value={values.pairing}
            onChange={(pairing) => form.set('pairing', pairing)}
            error={form.issue('pairing')}
          />
          {values.cadre ? (
            <View className="office-form__wide household-form__unlink">
              <Text className="mq-muted household-form__hint">{PAIRING_HINT}</Text>
              <Btn
                kind="plain"
                size="small"
                onClick={() => form.setValues({ ...values, cadre: null, pairing: null })}
              >
                不结对
              </Btn>
            </View>
          ) : null}
        </View>
      )}

      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存联户
        </Btn>
      </View>
    </View>
  );
}
