import { Text, View } from '@tarojs/components';
import {
  createHouseholdSchema,
  type Household,
  MAX_FREE_TAGS,
  type Pairing,
  type SpecialGroup,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  updateHouseholdSchema,
  validate,
} from '@mqlk/shared';

import { ApiError, asApiError } from '../../../services/http';
import { CheckLine, TextField, type OfficeForm } from '../components/form';
import { UnitChooser } from '../components/unit-chooser';
import { isOpenUnit, type UnitNode } from '../components/units';
import type { CadreChoice } from './cadre-picker';

/** A household as typed: the unit null until chosen, 家庭人口 and 自定义标签 as text. */
export interface HouseholdValues {
  unitId: number | null;
  groupName: string;
  houseNumber: string;
  headName: string;
  phone: string;
  memberCount: string;
  specialGroups: SpecialGroup[];
  /** several tags in one box, split at spaces and commas */
  freeTags: string;
}

/** A new household may be linked (结对) at once. */
export interface NewHouseholdValues extends HouseholdValues {
  cadre: CadreChoice | null;
  pairing: Pairing | null;
}

export const EMPTY_HOUSEHOLD: NewHouseholdValues = {
  unitId: null,
  groupName: '',
  houseNumber: '',
  headName: '',
  phone: '',
  memberCount: '',
  specialGroups: [],
  freeTags: '',
  cadre: null,
  pairing: null,
};

/** A household as the edit form starts: what the detail says, with its full phone. */
export function householdValues(household: Household, phone: string | null): HouseholdValues {
  return {
    unitId: household.unitId,
    groupName: household.groupName,
    houseNumber: household.houseNumber,
    headName: household.headName,
    phone: phone ?? '',
    memberCount: String(household.memberCount),
    specialGroups: [...household.specialGroups],
    freeTags: household.freeTags.join(' '),
  };
}

export const splitTags = (typed: string): string[] =>
  typed.split(/[\s,，、;；]+/).filter((tag) => tag !== '');

/** What the schema reads: an empty 家庭人口 is not a number (请填写家庭人口), not 0. */
function fieldsOf(values: HouseholdValues) {
  const members = values.memberCount.trim();
  return {
    unitId: values.unitId ?? 0,
    groupName: values.groupName,
    houseNumber: values.houseNumber,
    headName: values.headName,
    phone: values.phone,
    memberCount: members === '' ? Number.NaN : Number(members),
    specialGroups: values.specialGroups,
    freeTags: splitTags(values.freeTags),
  };
}

/** Checked with the schema the server uses, before anything is sent. */
export const checkNewHousehold = (values: NewHouseholdValues) =>
  validate(createHouseholdSchema, {
    ...fieldsOf(values),
    cadreId: values.cadre?.id ?? null,
    pairing: values.pairing,
  });

export const checkHouseholdEdit = (values: HouseholdValues) =>
  validate(updateHouseholdSchema, fieldsOf(values));

/** Refusals that are about one field although the server sends no `details` for them. */
const FIELD_OF_CODE: Partial<Record<ApiError['code'], string>> = {
  HOUSEHOLD_EXISTS: 'houseNumber',
  PAIRING_INVALID: 'cadreId',
};

/** The server's refusal with its message put under the field it is about, where there is one. */
export function withFieldOf(error: unknown): ApiError {
  const failed = asApiError(error);
  const field = FIELD_OF_CODE[failed.code];
  if (!field || failed.details.length > 0) return failed;
  return new ApiError(failed.code, failed.message, failed.status, {
    details: [{ field, message: failed.message }],
    ...(failed.requestId ? { requestId: failed.requestId } : {}),
  });
}

/** The first message about a field or one of its items (`freeTags.2`). */
export function issueUnder<V extends object>(form: OfficeForm<V>, field: string) {
  return form.issues.find((i) => i.field === field || i.field.startsWith(`${field}.`))?.message;
}

/** A household lives in a village (社区) or a grid, not a township. */
export const householdUnit = (unit: UnitNode) =>
  isOpenUnit(unit) && (unit.kind === 'village' || unit.kind === 'grid');

/** The fields of a household, the same for 新增 and 编辑 (and the columns of the import). */
export function HouseholdFields<V extends HouseholdValues>({
  form,
  units,
}: {
  form: OfficeForm<V>;
  units: readonly UnitNode[];
}) {
  // The fields are the same in both forms; what a new one adds (结对) is set by NewHousehold.
  const values = form.values as HouseholdValues;
  const set = form.set as <K extends keyof HouseholdValues>(
    key: K,
    value: HouseholdValues[K],
  ) => void;
  const { issue } = form;
  const toggle = (group: SpecialGroup) => {
    const has = values.specialGroups.includes(group);
    set(
      'specialGroups',
      has
        ? values.specialGroups.filter((g) => g !== group)
        : SPECIAL_GROUPS.filter((g) => g === group || values.specialGroups.includes(g)),
    );
  };
  return (
    <View className="office-form__grid">
      <View className="office-form__wide">
        <UnitChooser
          label="所在村（社区）或网格"
          units={units}
          value={values.unitId}
          onChange={(id) => set('unitId', id)}
          selectable={householdUnit}
          error={issue('unitId')}
          placeholder="请选择村（社区）或网格"
        />
      </View>
      <TextField
        label="村民小组"
        value={values.groupName}
        onInput={(v) => set('groupName', v)}
        error={issue('groupName')}
        placeholder="例如：三组（社区可不填）"
        maxlength={16}
      />
      <TextField
        label="门牌号"
        value={values.houseNumber}
        onInput={(v) => set('houseNumber', v)}
        error={issue('houseNumber')}
        placeholder="例如：12号"
        maxlength={16}
      />
      <TextField
        label="户主姓名"
        value={values.headName}
        onInput={(v) => set('headName', v)}
        error={issue('headName')}
        placeholder="例如：王秀兰"
        maxlength={16}
      />
      <TextField
        label="手机号（可不填）"
        value={values.phone}
        onInput={(v) => set('phone', v)}
        error={issue('phone')}
        placeholder="户主或家人的11位手机号"
        hint="列表里只显示部分号码。"
        maxlength={20}
      />
      <TextField
        label="家庭人口"
        value={values.memberCount}
        onInput={(v) => set('memberCount', v)}
        error={issue('memberCount')}
        placeholder="例如：4"
        maxlength={3}
      />
      <TextField
        label="自定义标签（可不填）"
        value={values.freeTags}
        onInput={(v) => set('freeTags', v)}
        error={issueUnder(form, 'freeTags')}
        placeholder="例如：独居 退役军人"
        hint={`多个标签用空格或逗号隔开，最多${MAX_FREE_TAGS}个，每个1到8个字。`}
        maxlength={80}
      />
      <View className="mq-field office-form__wide">
        <Text className="mq-label">特殊群体（可多选）</Text>
        <View className="household-groups">
          {SPECIAL_GROUPS.map((group) => (
            <CheckLine
              key={group}
              checked={values.specialGroups.includes(group)}
              onToggle={() => toggle(group)}
            >
              {SPECIAL_GROUP_LABELS[group]}
            </CheckLine>
          ))}
        </View>
        {issueUnder(form, 'specialGroups') ? (
          <Text className="mq-field-error">{issueUnder(form, 'specialGroups')}</Text>
        ) : null}
      </View>
    </View>
  );
}
