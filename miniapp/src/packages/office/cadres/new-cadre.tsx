import { Text, View } from '@tarojs/components';
import type { CadreCreated } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { createCadre } from '../../../services/api/office';
import {
  CadreFields,
  EMPTY_CADRE,
  checkNewCadre,
  type CadreValues,
} from '../components/cadre-fields';
import { FormProblem, useOfficeForm } from '../components/form';
import { openPage } from '../components/office-page';
import { PasswordBox } from '../components/password-box';
import type { UnitNode } from '../components/units';

/**
 * 新增干部: the profile and a login account; the answer carries the initial password, shown here
 * once. A refusal (the account taken, a unit retired meanwhile) keeps everything typed.
 */
export function NewCadre({
  units,
  onCreated,
  onClose,
}: {
  units: readonly UnitNode[];
  onCreated: () => void;
  onClose: () => void;
}) {
  const form = useOfficeForm<CadreValues>(EMPTY_CADRE);
  const [created, setCreated] = useState<CadreCreated | null>(null);

  const save = () =>
    void form.submit(checkNewCadre(form.values), async (input) => {
      setCreated(await createCadre(input));
      onCreated();
    });

  if (created) {
    const { cadre } = created;
    return (
      <View className="mq-section">
        <PasswordBox
          title={`已新增干部 ${cadre.name}（${cadre.unitName} · ${cadre.post}）`}
          rows={[
            { name: cadre.name, username: cadre.username ?? '', password: created.initialPassword },
          ]}
        >
          <View className="office-form__buttons">
            <Btn kind="primary" onClick={() => openPage('officeCadre', { id: cadre.id })}>
              打开{cadre.name}的页面，签发联系卡
            </Btn>
            <Btn
              kind="secondary"
              onClick={() => {
                // The next cadre is often in the same village.
                form.setValues({ ...EMPTY_CADRE, unitId: form.values.unitId });
                setCreated(null);
              }}
            >
              再新增一位
            </Btn>
          </View>
        </PasswordBox>
      </View>
    );
  }

  return (
    <View className="mq-section new-cadre">
      <View className="office-fold__head">
        <Text className="mq-section__title">新增干部</Text>
        <Btn kind="plain" size="small" onClick={onClose}>
          收起
        </Btn>
      </View>
      <CadreFields form={form} units={units} withUsername />
      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存，生成初始密码
        </Btn>
      </View>
    </View>
  );
}
