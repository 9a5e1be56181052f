import { Text, View } from '@tarojs/components';
import type { CadreDetail, OfficeCadre } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { updateCadre } from '../../../services/api/office';
import { CadreFields, checkCadreEdit, type CadreValues } from '../components/cadre-fields';
import { FormProblem, useOfficeForm } from '../components/form';
import type { UnitNode } from '../components/units';

const valuesOf = (detail: CadreDetail): CadreValues => ({
  unitId: detail.cadre.unitId,
  name: detail.cadre.name,
  post: detail.cadre.post,
  phone: detail.phone,
  duties: detail.cadre.duties,
  dutyDays: detail.cadre.dutyDays,
  username: detail.cadre.username ?? '',
});

/**
 * 基本信息: what the card prints. What was typed stays when the server refuses, with its
 * messages next to the fields they are about.
 */
export function ProfileForm({
  detail,
  units,
  onSaved,
}: {
  detail: CadreDetail;
  units: readonly UnitNode[];
  onSaved: (cadre: OfficeCadre) => void;
}) {
  const form = useOfficeForm<CadreValues>(() => valuesOf(detail));
  const [saved, setSaved] = useState(false);

  const save = () => {
    setSaved(false);
    void form.submit(checkCadreEdit(form.values), async (input) => {
      onSaved(await updateCadre(detail.cadre.id, input));
      setSaved(true);
    });
  };

  return (
    <View className="mq-section">
      <Text className="mq-section__title">基本信息</Text>
      <Text className="mq-muted cadre-page__note">
        姓名、职务、手机号、职责和一线工作日印在联系卡上，改了以后扫卡马上看到新的；已经印好的卡不用重印。
      </Text>
      <CadreFields form={form} units={units} withUsername={false} />
      <FormProblem form={form} />
      {saved && !form.failure ? <Text className="office-done">✓ 已保存</Text> : null}
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存修改
        </Btn>
      </View>
    </View>
  );
}
