import { Text, View } from '@tarojs/components';
import {
  RATING_LEVEL_LABELS,
  RATING_TAGS,
  SOLVED_ANSWER_LABELS,
  type RatingView,
} from '@mqlk/shared';

import { formatDateTime } from '../utils/format';
import { Badge } from './badge';
import './ratings-list.scss';

const TAG_LABELS = new Map<string, string>(RATING_TAGS.map((t) => [t.code, t.label]));

interface RatingsListProps {
  ratings: RatingView[];
  title: string;
  /** Said after each rating's time, e.g. 谢谢您！ to the resident who gave it. */
  thanks?: string;
  /** Staff: mark a bad review verified unfounded, which counts in no figure. */
  showExcluded?: boolean;
}

/**
 * Ratings given to a request: the resident's own, or (for staff) the resident's. Never rendered
 * for cadres: a cadre never learns one resident's rating (the server sends them none anyway).
 */
export function RatingsList({
  ratings,
  title,
  thanks = '',
  showExcluded = false,
}: RatingsListProps) {
  if (ratings.length === 0) return null;
  return (
    <View className="mq-section ratings-given">
      <Text className="mq-section__title">{title}</Text>
      {ratings.map((rating) => (
        <View className="ratings-given__item" key={`${rating.round}-${rating.at}`}>
          <Text className="ratings-given__level">
            {ratings.length > 1 ? `第${rating.round}次：` : ''}
            {RATING_LEVEL_LABELS[rating.level]}
          </Text>
          {rating.solved ? (
            <Text className="ratings-given__solved">
              问题解决了吗：{SOLVED_ANSWER_LABELS[rating.solved]}
            </Text>
          ) : null}
          {showExcluded && rating.excluded ? (
            <Badge
              tone="neutral"
              icon="✕"
              label="核实不属实，不计入统计"
              className="ratings-given__excluded"
            />
          ) : null}
          {rating.tags.length > 0 ? (
            <Text className="ratings-given__tags">
              {rating.tags.map((tag) => TAG_LABELS.get(tag) ?? tag).join('、')}
            </Text>
          ) : null}
          {rating.comment ? <Text className="ratings-given__comment">{rating.comment}</Text> : null}
          <Text className="mq-muted">
            {formatDateTime(rating.at)}评价{thanks}
          </Text>
        </View>
      ))}
    </View>
  );
}
