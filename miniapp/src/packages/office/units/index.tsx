import { Text, View } from '@tarojs/components';
import {
  MAX_HOTLINES,
  ORG_UNIT_KINDS,
  ORG_UNIT_KIND_LABELS,
  createUnitSchema,
  updateUnitSchema,
  validate,
  type OrgUnitKind,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { createUnit, getUnits, retireUnit, updateUnit } from '../../../services/api/office';
import { asApiError, type ApiError } from '../../../services/http';
import { classNames } from '../../../utils/format';
import { ConfirmBox } from '../components/confirm-box';
import { FormProblem, TextField, useOfficeForm } from '../components/form';
import { OfficePage } from '../components/office-page';
import { unitNodes, type UnitNode } from '../components/units';
import './index.scss';

/** 组织架构: the tree under the reader's scope; add, rename, a township's hotlines, 撤销. */
export default function UnitsPage() {
  return (
    <OfficePage title="组织架构" section="officeUnits">
      <Units />
    </OfficePage>
  );
}

type Editing = { id: number; mode: 'add' | 'edit' | 'retire' } | null;

const childKind = (kind: OrgUnitKind): OrgUnitKind | null =>
  ORG_UNIT_KINDS[ORG_UNIT_KINDS.indexOf(kind) + 1] ?? null;

function Units() {
  const { state, reload, refresh } = useLoad(getUnits, 'units');
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState('');

  if (state.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (state.status === 'failed') return <WorkError error={state.error} onRetry={reload} />;

  const nodes = unitNodes(state.data);
  const finished = (message: string) => {
    setEditing(null);
    setDone(message);
    refresh();
  };
  const open = (next: Editing) => {
    setDone('');
    setEditing(next);
  };

  return (
    <View>
      <Text className="office-page__intro">
        县（区）→ 乡镇（街道）→ 村（社区）→
        网格。撤销的单位保留在这里（灰色），过去的诉求和统计仍用它的名字，但不能再添加干部和下级单位。
      </Text>
      {done ? <Text className="office-done">✓ {done}</Text> : null}
      <View className="units-tree">
        {nodes.map((unit) => (
          <UnitRow
            key={unit.id}
            unit={unit}
            isScope={unit.id === state.data.scopeUnitId}
            editing={editing?.id === unit.id ? editing.mode : null}
            onEdit={(mode) => open(mode ? { id: unit.id, mode } : null)}
            onDone={finished}
          />
        ))}
      </View>
    </View>
  );
}

function UnitRow({
  unit,
  isScope,
  editing,
  onEdit,
  onDone,
}: {
  unit: UnitNode;
  isScope: boolean;
  editing: 'add' | 'edit' | 'retire' | null;
  onEdit: (mode: 'add' | 'edit' | 'retire' | null) => void;
  onDone: (message: string) => void;
}) {
  const retired = unit.retiredAt !== null;
  const below = childKind(unit.kind);
  return (
    <View
      className={classNames(
        'units-tree__unit',
        `is-depth-${Math.min(unit.depth, 3)}`,
        retired && 'is-retired',
      )}
    >
      <View className="units-tree__line">
        <View className="units-tree__name">
          <Text className="units-tree__title">{unit.name}</Text>
          <Text className="units-tree__meta">
            {ORG_UNIT_KIND_LABELS[unit.kind]} · 在岗干部{unit.cadreCount}人
            {unit.kind === 'township' ? ` · 服务热线${unit.hotlines.length}条` : ''}
          </Text>
          {retired ? <Text className="office-tag office-tag--off">✕ 已撤销</Text> : null}
        </View>
        {retired ? null : (
          <View className="units-tree__actions">
            {below ? (
              <Btn kind="secondary" size="small" onClick={() => onEdit('add')}>
                添加{ORG_UNIT_KIND_LABELS[below]}
              </Btn>
            ) : null}
            <Btn kind="plain" size="small" onClick={() => onEdit('edit')}>
              {unit.kind === 'township' ? '改名、服务热线' : '改名'}
            </Btn>
            {isScope ? null : (
              <Btn kind="plain" size="small" onClick={() => onEdit('retire')}>
                撤销
              </Btn>
            )}
          </View>
        )}
      </View>
      {editing === 'add' && below ? (
        <AddChild parent={unit} kind={below} onCancel={() => onEdit(null)} onDone={onDone} />
      ) : null}
      {editing === 'edit' ? (
        <EditUnit unit={unit} onCancel={() => onEdit(null)} onDone={onDone} />
      ) : null}
      {editing === 'retire' ? (
        <RetireUnit unit={unit} onCancel={() => onEdit(null)} onDone={onDone} />
      ) : null}
    </View>
  );
}

interface EditorProps {
  onCancel: () => void;
  onDone: (message: string) => void;
}

function AddChild({
  parent,
  kind,
  onCancel,
  onDone,
}: EditorProps & { parent: UnitNode; kind: OrgUnitKind }) {
  const form = useOfficeForm({ name: '' });
  const label = ORG_UNIT_KIND_LABELS[kind];
  const save = () =>
    void form.submit(
      validate(createUnitSchema, { parentId: parent.id, name: form.values.name }),
      async (input) => {
        const created = await createUnit(input);
        onDone(`已在${parent.name}下添加${label}：${created.name}`);
      },
    );
  return (
    <View className="mq-section units-tree__editor">
      <Text className="mq-section__title">
        在{parent.name}下添加{label}
      </Text>
      <TextField
        label={`${label}名称`}
        value={form.values.name}
        onInput={(name) => form.set('name', name)}
        error={form.issue('name') ?? form.issue('parentId')}
        placeholder={
          kind === 'grid' ? '例如：第一网格' : kind === 'village' ? '例如：前进村' : '例如：石桥镇'
        }
        maxlength={32}
        onConfirm={save}
      />
      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在添加…'} onClick={save}>
          添加
        </Btn>
        <Btn kind="plain" onClick={onCancel}>
          取消
        </Btn>
      </View>
    </View>
  );
}

function EditUnit({ unit, onCancel, onDone }: EditorProps & { unit: UnitNode }) {
  const township = unit.kind === 'township';
  const form = useOfficeForm({
    name: unit.name,
    hotlines: unit.hotlines.map((h) => ({ ...h })),
  });
  const { hotlines } = form.values;
  const setHotline = (index: number, field: 'name' | 'phone', value: string) => {
    form.setValues((v) => ({
      ...v,
      hotlines: v.hotlines.map((h, i) => (i === index ? { ...h, [field]: value } : h)),
    }));
    form.setIssues((list) => list.filter((i) => i.field !== `hotlines.${index}.${field}`));
  };
  const save = () =>
    void form.submit(
      validate(updateUnitSchema, township ? form.values : { name: form.values.name }),
      async (input) => {
        const saved = await updateUnit(unit.id, input);
        onDone(`已保存：${saved.name}`);
      },
    );
  return (
    <View className="mq-section units-tree__editor">
      <Text className="mq-section__title">修改 {unit.name}</Text>
      <TextField
        label="名称"
        value={form.values.name}
        onInput={(name) => form.set('name', name)}
        error={form.issue('name')}
        maxlength={32}
      />
      {township ? (
        <View className="mq-field">
          <Text className="mq-label">服务热线（印在联系卡背面的“民众服务卡”）</Text>
          {hotlines.length === 0 ? (
            <Text className="mq-muted office-hint">
              还没有服务热线。可以添加卫生院、供电所、派出所、社保等电话，最多{MAX_HOTLINES}条。
            </Text>
          ) : null}
          {hotlines.map((hotline, index) => (
            <View key={index} className="units-hotline">
              <TextField
                className="units-hotline__name"
                label={`第${index + 1}条 名称`}
                value={hotline.name}
                onInput={(value) => setHotline(index, 'name', value)}
                error={form.issue(`hotlines.${index}.name`)}
                placeholder="例如：镇卫生院"
                maxlength={20}
              />
              <TextField
                className="units-hotline__phone"
                label="电话"
                value={hotline.phone}
                onInput={(value) => setHotline(index, 'phone', value)}
                error={form.issue(`hotlines.${index}.phone`)}
                placeholder="例如：0371-12345"
                maxlength={20}
              />
              <Btn
                kind="plain"
                size="small"
                className="units-hotline__remove"
                onClick={() => {
                  form.setValues((v) => ({
                    ...v,
                    hotlines: v.hotlines.filter((_, i) => i !== index),
                  }));
                  // The rows below move up a place: their messages would point at the wrong ones.
                  form.setIssues((list) => list.filter((i) => !i.field.startsWith('hotlines')));
                }}
              >
                删除这条
              </Btn>
            </View>
          ))}
          {form.issue('hotlines') ? (
            <Text className="mq-field-error">{form.issue('hotlines')}</Text>
          ) : null}
          {hotlines.length < MAX_HOTLINES ? (
            <Btn
              kind="secondary"
              size="small"
              onClick={() =>
                form.setValues((v) => ({
                  ...v,
                  hotlines: [...v.hotlines, { name: '', phone: '' }],
                }))
              }
            >
              ＋ 添加一条热线
            </Btn>
          ) : null}
        </View>
      ) : null}
      <FormProblem form={form} />
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存
        </Btn>
        <Btn kind="plain" onClick={onCancel}>
          取消
        </Btn>
      </View>
    </View>
  );
}

function RetireUnit({ unit, onCancel, onDone }: EditorProps & { unit: UnitNode }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const retire = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await retireUnit(unit.id);
      onDone(`已撤销：${unit.name}`);
    } catch (error) {
      setFailure(asApiError(error));
      setBusy(false);
    }
  };
  return (
    <ConfirmBox
      question={`确定撤销“${unit.name}”吗？`}
      confirmLabel="确定撤销"
      busyText="正在撤销…"
      busy={busy}
      failure={failure}
      onConfirm={() => void retire()}
      onCancel={onCancel}
    >
      <Text>
        撤销后，{unit.name}
        不能再添加干部和下级单位，也不再出现在选择单位的名单里；过去的诉求、台账和统计仍然保留它的名字。
        {unit.cadreCount > 0
          ? `它下面还有${unit.cadreCount}位在岗干部：请先把他们调到别的单位或停用，否则不能撤销。`
          : '单位下还有在岗干部或未撤销的下级单位时，不能撤销。'}
      </Text>
    </ConfirmBox>
  );
}
