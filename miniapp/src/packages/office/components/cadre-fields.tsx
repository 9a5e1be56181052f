import { View } from '@tarojs/components';
import { createCadreSchema, updateCadreSchema, validate } from '@mqlk/shared';

import { TextAreaField, TextField, type OfficeForm } from './form';
import { UnitChooser } from './unit-chooser';
import type { UnitNode } from './units';

/** A cadre's profile as typed: the unit is null until one is chosen. */
export interface CadreValues {
  unitId: number | null;
  name: string;
  post: string;
  phone: string;
  duties: string;
  dutyDays: string;
  username: string;
}

export const EMPTY_CADRE: CadreValues = {
  unitId: null,
  name: '',
  post: '',
  phone: '',
  duties: '',
  dutyDays: '',
  username: '',
};

/** The new cadre, checked with the schema the server and the Excel import use. */
export const checkNewCadre = (values: CadreValues) =>
  validate(createCadreSchema, { ...values, unitId: values.unitId ?? 0 });

export const checkCadreEdit = ({ username: _username, ...values }: CadreValues) =>
  validate(updateCadreSchema, { ...values, unitId: values.unitId ?? 0 });

/** The fields of a cadre: 所属单位 from the tree, then what the card prints. */
export function CadreFields({
  form,
  units,
  withUsername,
}: {
  form: OfficeForm<CadreValues>;
  units: readonly UnitNode[];
  /** a new cadre gets a login account; an existing one keeps theirs */
  withUsername: boolean;
}) {
  const { values, set, issue } = form;
  return (
    <View className="office-form__grid">
      <View className="office-form__wide">
        <UnitChooser
          label="所属单位"
          units={units}
          value={values.unitId}
          onChange={(id) => set('unitId', id)}
          error={issue('unitId')}
          placeholder="请选择村（社区）、网格或乡镇"
        />
      </View>
      <TextField
        label="姓名"
        value={values.name}
        onInput={(v) => set('name', v)}
        error={issue('name')}
        placeholder="例如：张建国"
        maxlength={16}
      />
      <TextField
        label="职务"
        value={values.post}
        onInput={(v) => set('post', v)}
        error={issue('post')}
        placeholder="例如：网格员、包村干部、驻村第一书记"
        maxlength={32}
      />
      <TextField
        label="手机号"
        value={values.phone}
        onInput={(v) => set('phone', v)}
        error={issue('phone')}
        placeholder="11位手机号，印在联系卡上"
        maxlength={20}
      />
      <TextField
        label="一线工作日"
        value={values.dutyDays}
        onInput={(v) => set('dutyDays', v)}
        error={issue('dutyDays')}
        placeholder="例如：每周一、周四在村委会"
        maxlength={32}
      />
      <TextAreaField
        className="office-form__wide"
        label="职责"
        value={values.duties}
        onInput={(v) => set('duties', v)}
        error={issue('duties')}
        placeholder="例如：负责红星村三组、四组的民情走访和矛盾调解"
      />
      {withUsername ? (
        <TextField
          label="登录账号"
          value={values.username}
          onInput={(v) => set('username', v)}
          error={issue('username')}
          placeholder="4到32位字母、数字或 _ . -，例如 zhang.jg"
          hint="干部用这个账号和初始密码登录，首次登录须修改密码。"
          maxlength={32}
        />
      ) : null}
    </View>
  );
}
