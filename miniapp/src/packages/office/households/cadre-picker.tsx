import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { useLoad } from '../../../hooks/use-load';
import { listCadres } from '../../../services/api/office';
import { classNames } from '../../../utils/format';
import { pressable } from '../../../components/pressable';

/** A cadre as the forms and filters hold one: enough to say who it is. */
export interface CadreChoice {
  id: number;
  name: string;
}

/** A township's cadres fit on one list; the search narrows a county's. */
const SHOWN = 100;

interface CadrePickerProps {
  label: string;
  /** whose cadres: a township (a household is linked within its township), or the whole scope */
  unitId: number | null;
  value: CadreChoice | null;
  onChange: (cadre: CadreChoice | null) => void;
  /** a first choice meaning "any cadre", in a filter */
  anyLabel?: string;
  placeholder?: string;
  error?: string | undefined;
  hint?: string;
}

/**
 * A cadre in post: the chosen one in a box; tapped, the list opens below it, loaded only then
 * (the office's cadres in post under the given unit), with a box that narrows it by name or post.
 */
export function CadrePicker({
  label,
  unitId,
  value,
  onChange,
  anyLabel,
  placeholder = '请选择干部',
  error,
  hint,
}: CadrePickerProps) {
  const [open, setOpen] = useState(false);
  const pick = (cadre: CadreChoice | null) => {
    onChange(cadre);
    setOpen(false);
  };
  return (
    <View className="mq-field office-units-chooser cadre-picker">
      <Text className="mq-label">{label}</Text>
      <View
        className={classNames('office-units-chooser__current', error && 'is-invalid')}
        {...pressable({ onPress: () => setOpen(!open) })}
      >
        <Text className={value || anyLabel ? '' : 'office-units-chooser__empty'}>
          {value ? value.name : (anyLabel ?? placeholder)}
        </Text>
        <Text className="office-units-chooser__toggle">{open ? '收起 ▲' : '选择 ▼'}</Text>
      </View>
      {hint ? <Text className="mq-muted office-hint">{hint}</Text> : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
      {open ? <CadreList unitId={unitId} value={value} anyLabel={anyLabel} onPick={pick} /> : null}
    </View>
  );
}

function CadreList({
  unitId,
  value,
  anyLabel,
  onPick,
}: {
  unitId: number | null;
  value: CadreChoice | null;
  anyLabel: string | undefined;
  onPick: (cadre: CadreChoice | null) => void;
}) {
  const [typed, setTyped] = useState('');
  const { state } = useLoad(
    () => listCadres({ active: true, ...(unitId ? { unitId } : {}) }, 1, SHOWN),
    String(unitId ?? 0),
  );
  const q = typed.trim();
  const shown =
    state.status === 'ready'
      ? state.data.items.filter((c) => !q || c.name.includes(q) || c.post.includes(q))
      : [];
  return (
    <View className="office-units-chooser__list">
      <Input
        className="mq-input office-units-chooser__search"
        value={typed}
        placeholder="输入姓名或职务查找干部"
        onInput={(e) => setTyped(e.detail.value)}
      />
      {anyLabel && !q ? (
        <View
          className={classNames('office-units-chooser__option', value === null && 'is-selected')}
          {...pressable({ onPress: () => onPick(null) })}
        >
          <Text className="office-units-chooser__name">
            {value === null ? '✓ ' : ''}
            {anyLabel}
          </Text>
        </View>
      ) : null}
      {state.status === 'loading' ? (
        <Text className="mq-muted office-units-chooser__none">正在加载…</Text>
      ) : null}
      {state.status === 'failed' ? (
        <Text className="office-problem">! {state.error.message}</Text>
      ) : null}
      {state.status === 'ready' && shown.length === 0 ? (
        <Text className="mq-muted office-units-chooser__none">
          {q ? `没有找到“${q}”` : '这里还没有在岗干部：请先在“干部”里新增'}
        </Text>
      ) : null}
      {shown.map((cadre) => {
        const selected = cadre.id === value?.id;
        return (
          <View
            key={cadre.id}
            className={classNames('office-units-chooser__option', selected && 'is-selected')}
            {...pressable({ onPress: () => onPick({ id: cadre.id, name: cadre.name }) })}
          >
            <Text className="office-units-chooser__name">
              {selected ? '✓ ' : ''}
              {cadre.name}
            </Text>
            <Text className="office-units-chooser__kind">
              {cadre.post} · {cadre.unitName}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
