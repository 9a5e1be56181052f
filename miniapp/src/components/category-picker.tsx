import { Text, View } from '@tarojs/components';
import {
  CATEGORIES,
  SUB_TOPIC_LABELS,
  type CategoryDefinition,
  type CategoryCode,
  type SubTopicCode,
} from '@mqlk/shared';

import { classNames } from '../utils/format';
import { pressable } from './pressable';
import './category-picker.scss';

interface CategoryPickerProps {
  category: CategoryCode | null;
  subTopic: SubTopicCode | null;
  onCategory: (category: CategoryCode) => void;
  onSubTopic: (subTopic: SubTopicCode | null) => void;
  categoryError?: string;
  subTopicError?: string;
  /** The question above the tiles, in the words of whoever fills the form in. */
  label?: string;
  /** The categories offered; all of them unless a form may not take some. */
  categories?: readonly CategoryDefinition[];
}

/** Big tiles, each with a plain line saying what belongs there; then the matching sub-topics. */
export function CategoryPicker(props: CategoryPickerProps) {
  const { category, subTopic, onCategory, onSubTopic } = props;
  const offered = props.categories ?? CATEGORIES;
  const chosen = offered.find((c) => c.code === category);
  const question = props.label ?? '1. 您要反映哪一类事情？';
  return (
    <View className="mq-field">
      <Text className="mq-label">{question}</Text>
      <View
        className="category-picker"
        {...{ role: 'radiogroup', 'aria-label': question }}
        {...(props.categoryError ? { 'aria-invalid': 'true' } : {})}
      >
        {offered.map((c) => {
          const selected = c.code === category;
          return (
            <View
              key={c.code}
              className={classNames('category-picker__tile', selected && 'is-selected')}
              {...pressable({
                role: 'radio',
                checked: selected,
                onPress: () => onCategory(c.code),
              })}
            >
              <Text className="category-picker__label">
                {selected ? '✓ ' : ''}
                {c.label}
              </Text>
              <Text className="category-picker__hint">{c.hint}</Text>
            </View>
          );
        })}
      </View>
      {props.categoryError ? <Text className="mq-field-error">{props.categoryError}</Text> : null}

      {chosen ? (
        <View className="category-picker__topics">
          <Text className="mq-label">具体是哪方面？（可不选）</Text>
          <View
            className="category-picker__chips"
            {...{ role: 'radiogroup', 'aria-label': '具体是哪方面（可不选）' }}
          >
            {chosen.subTopics.map((code) => {
              const selected = code === subTopic;
              return (
                <View
                  key={code}
                  className={classNames('category-picker__chip', selected && 'is-selected')}
                  {...pressable({
                    role: 'radio',
                    checked: selected,
                    onPress: () => onSubTopic(selected ? null : code),
                  })}
                >
                  <Text>
                    {selected ? '✓ ' : ''}
                    {SUB_TOPIC_LABELS[code]}
                  </Text>
                </View>
              );
            })}
          </View>
          {props.subTopicError ? (
            <Text className="mq-field-error">{props.subTopicError}</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
