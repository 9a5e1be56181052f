import { Text, Textarea, View } from '@tarojs/components';
import {
  RATING_LEVELS,
  RATING_LEVEL_LABELS,
  RATING_TAGS,
  SOLVED_ANSWERS,
  SOLVED_ANSWER_LABELS,
  isBadReview,
  rateSchema,
  tagsForLevel,
  validate,
  issueFor,
  type FieldIssue,
  type MoveResult,
  type RatingLevel,
  type RatingTag,
  type RequestDetail,
  type SolvedAnswer,
} from '@mqlk/shared';
import { useState } from 'react';

import { pressable } from '../../../components/pressable';
import { Btn } from '../../../components/btn';
import { rateRequest } from '../../../services/api/requests';
import { useSend } from './use-send';
import { classNames, formatDateTime } from '../../../utils/format';

const TAG_LABELS = Object.fromEntries(RATING_TAGS.map((t) => [t.code, t.label])) as Record<
  RatingTag,
  string
>;

/** A symbol for each answer, so the three differ by more than their words' colour. */
const SOLVED_ICONS: Record<SolvedAnswer, string> = {
  solved: '●',
  partly: '◐',
  unsolved: '○',
};

const LEVEL_ICONS: Record<RatingLevel, string> = {
  5: '★★★★★',
  4: '★★★★',
  3: '★★★',
  2: '★★',
  1: '★',
};

interface RatingFormProps {
  request: RequestDetail;
  onRated: (result: MoveResult) => void;
}

/**
 * 满意度评价: 问题解决了吗 (three big choices), then five levels, tags that fit the level, and an
 * optional comment. Both questions must be answered.
 */
export function RatingForm({ request, onRated }: RatingFormProps) {
  const [solved, setSolved] = useState<SolvedAnswer | null>(null);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const { sending, problem, send: sendMove } = useSend(onRated);

  const choose = (next: RatingLevel) => {
    setLevel(next);
    const offered = tagsForLevel(next);
    setTags((list) => list.filter((t) => offered.includes(t)));
    setIssues((list) => list.filter((i) => i.field !== 'level'));
  };
  const answer = (next: SolvedAnswer) => {
    setSolved(next);
    setIssues((list) => list.filter((i) => i.field !== 'solved'));
  };
  const toggle = (tag: RatingTag) =>
    setTags((list) => (list.includes(tag) ? list.filter((t) => t !== tag) : [...list, tag]));

  const send = async () => {
    const checked = validate(rateSchema, {
      level: level ?? undefined,
      solved: solved ?? undefined,
      tags,
      comment,
    });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    await sendMove(() => rateRequest(request.id, checked.value));
  };

  return (
    <View className="mq-section rating-form">
      <Text className="mq-section__title">请您评价这次办理</Text>
      {request.rateUntil ? (
        <Text className="mq-muted rating-form__until">
          评价截止：{formatDateTime(request.rateUntil)}。办理的干部看不到是谁评的，请放心评价。
        </Text>
      ) : null}

      <Text className="mq-label">1. 您反映的问题解决了吗？</Text>
      <View
        className="rating-form__solved-list"
        {...{ role: 'radiogroup', 'aria-label': '您反映的问题解决了吗' }}
      >
        {SOLVED_ANSWERS.map((value) => (
          <View
            key={value}
            className={classNames('rating-form__solved', solved === value && 'is-selected')}
            {...pressable({
              role: 'radio',
              checked: solved === value,
              onPress: () => answer(value),
            })}
          >
            <Text className="rating-form__solved-icon">{SOLVED_ICONS[value]}</Text>
            <Text className="rating-form__level-label">
              {solved === value ? '✓ ' : ''}
              {SOLVED_ANSWER_LABELS[value]}
            </Text>
          </View>
        ))}
      </View>
      {issueFor(issues, 'solved') ? (
        <Text className="mq-field-error">{issueFor(issues, 'solved')}</Text>
      ) : null}

      <Text className="mq-label rating-form__question">2. 您对这次办理满意吗？</Text>
      <View
        className="rating-form__levels"
        {...{ role: 'radiogroup', 'aria-label': '您对这次办理满意吗' }}
      >
        {RATING_LEVELS.map((value) => (
          <View
            key={value}
            className={classNames(
              'rating-form__level',
              isBadReview(value) && 'rating-form__level--bad',
              level === value && 'is-selected',
            )}
            {...pressable({
              role: 'radio',
              checked: level === value,
              onPress: () => choose(value),
            })}
          >
            <Text className="rating-form__level-label">
              {level === value ? '✓ ' : ''}
              {RATING_LEVEL_LABELS[value]}
            </Text>
            <Text className="rating-form__stars">{LEVEL_ICONS[value]}</Text>
          </View>
        ))}
      </View>
      {issueFor(issues, 'level') ? (
        <Text className="mq-field-error">{issueFor(issues, 'level')}</Text>
      ) : null}

      {level !== null ? (
        <View className="rating-form__tags">
          <Text className="mq-label">可以再选几个说法（可不选）</Text>
          <View className="rating-form__chips">
            {tagsForLevel(level).map((tag) => (
              <View
                key={tag}
                className={classNames('rating-form__chip', tags.includes(tag) && 'is-selected')}
                {...pressable({
                  role: 'checkbox',
                  checked: tags.includes(tag),
                  onPress: () => toggle(tag),
                })}
              >
                <Text>
                  {tags.includes(tag) ? '✓ ' : ''}
                  {TAG_LABELS[tag]}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <Text className="mq-label">还想说的话（可不填）</Text>
      <Textarea
        className="mq-textarea rating-form__comment"
        value={comment}
        maxlength={300}
        placeholder="想对办理的干部说什么"
        nativeProps={{ 'aria-label': '还想说的话（可不填）' }}
        onInput={(e) => setComment(e.detail.value)}
      />
      {issueFor(issues, 'comment') ? (
        <Text className="mq-field-error">{issueFor(issues, 'comment')}</Text>
      ) : null}
      {problem ? <Text className="mq-field-error">! {problem}</Text> : null}

      <Btn
        kind="primary"
        size="big"
        className="rating-form__send"
        busyText={sending && '正在提交评价…'}
        onClick={() => void send()}
      >
        提交评价
      </Btn>
    </View>
  );
}
