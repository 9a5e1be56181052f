import { Input, Text, View } from '@tarojs/components';
import { ORG_UNIT_KIND_LABELS } from '@mqlk/shared';
import { useState } from 'react';

import { classNames } from '../../../utils/format';
import { isOpenUnit, type UnitNode } from './units';
import { pressable } from '../../../components/pressable';

interface UnitChooserProps {
  label: string;
  units: readonly UnitNode[];
  value: number | null;
  onChange: (id: number | null) => void;
  /** which units may be chosen (others are shown, greyed, for the tree's sake); open ones by default */
  selectable?: (unit: UnitNode) => boolean;
  /** a first choice meaning "no unit": 全部单位 in a filter */
  anyLabel?: string;
  placeholder?: string;
  error?: string | undefined;
  hint?: string;
}

/** Above this many units, a box to find one by name. */
const SEARCH_FROM = 10;

/**
 * A unit from the tree: the chosen one in a box; tapped, the tree opens below it, indented by
 * level, with a search box for a county's hundreds of units. Works the same with a mouse and a
 * finger, which a native picker of several hundred names does not.
 */
export function UnitChooser({
  label,
  units,
  value,
  onChange,
  selectable = isOpenUnit,
  anyLabel,
  placeholder = '请选择单位',
  error,
  hint,
}: UnitChooserProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const chosen = units.find((u) => u.id === value) ?? null;
  const q = query.trim();
  const shown = q ? units.filter((u) => u.label.includes(q)) : units;

  const pick = (id: number | null) => {
    onChange(id);
    setOpen(false);
    setQuery('');
  };

  return (
    <View className="mq-field office-units-chooser">
      <Text className="mq-label">{label}</Text>
      <View
        className={classNames('office-units-chooser__current', error && 'is-invalid')}
        {...pressable({ onPress: () => setOpen(!open) })}
      >
        <Text className={chosen || anyLabel ? '' : 'office-units-chooser__empty'}>
          {chosen ? chosen.label : (anyLabel ?? placeholder)}
        </Text>
        <Text className="office-units-chooser__toggle">{open ? '收起 ▲' : '选择 ▼'}</Text>
      </View>
      {hint ? <Text className="mq-muted office-hint">{hint}</Text> : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
      {open ? (
        <View className="office-units-chooser__list">
          {units.length > SEARCH_FROM ? (
            <Input
              className="mq-input office-units-chooser__search"
              value={query}
              placeholder="输入名称查找单位"
              onInput={(e) => setQuery(e.detail.value)}
            />
          ) : null}
          {anyLabel && !q ? (
            <View
              className={classNames(
                'office-units-chooser__option',
                value === null && 'is-selected',
              )}
              {...pressable({ onPress: () => pick(null) })}
            >
              <Text className="office-units-chooser__name">
                {value === null ? '✓ ' : ''}
                {anyLabel}
              </Text>
            </View>
          ) : null}
          {shown.length === 0 ? (
            <Text className="mq-muted office-units-chooser__none">没有名称里含“{q}”的单位</Text>
          ) : null}
          {shown.map((unit) => {
            const ok = selectable(unit);
            const selected = unit.id === value;
            return (
              <View
                key={unit.id}
                className={classNames(
                  'office-units-chooser__option',
                  !q && `is-depth-${Math.min(unit.depth, 4)}`,
                  selected && 'is-selected',
                  !ok && 'is-disabled',
                )}
                {...pressable({ onPress: ok ? () => pick(unit.id) : undefined })}
              >
                <Text className="office-units-chooser__name">
                  {selected ? '✓ ' : ''}
                  {q ? unit.label : unit.name}
                </Text>
                <Text className="office-units-chooser__kind">
                  {ORG_UNIT_KIND_LABELS[unit.kind]}
                  {unit.retiredAt ? ' · 已撤销' : ''}
                </Text>
              </View>
            );
          })}
        </View>
      ) : null}
    </View>
  );
}
