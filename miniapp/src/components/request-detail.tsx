import { Image, Text, View } from '@tarojs/components';
import {
  HANDLING_LEVEL_LABELS,
  RESOLUTION_OUTCOME_LABELS,
  SUB_TOPIC_LABELS,
  categoryLabel,
  type RequestDetail,
} from '@mqlk/shared';
import { Fragment, type ReactNode } from 'react';

import { assetUrl } from '../services/assets';
import { formatDateTime } from '../utils/format';
import { DeadlineBadge, StatusBadge } from './badge';
import { VoicePlayer } from './voice-player';
import './request-detail.scss';

interface HeaderProps {
  request: RequestDetail;
  /** Cadres and staff see the deadline and the handling level. */
  forWork?: boolean;
}

/** Number (large), status, category, and who handles it. */
export function RequestHeader({ request, forWork = false }: HeaderProps) {
  const topic = request.subTopic ? ` · ${SUB_TOPIC_LABELS[request.subTopic]}` : '';
  return (
    <View className="mq-section mq-request-header">
      <Text className="mq-request-header__label">诉求编号</Text>
      <Text className="mq-request-header__number">{request.number}</Text>
      <View className="mq-request-header__badges">
        <StatusBadge status={request.status} />
        {forWork ? <DeadlineBadge state={request.deadline} text={request.deadlineText} /> : null}
      </View>
      <Text className="mq-request-header__category">
        {categoryLabel(request.category)}
        {topic}
      </Text>
      <Text className="mq-request-header__line">
        提交时间：{formatDateTime(request.submittedAt)}
      </Text>
      <Text className="mq-request-header__line">
        办理人：{request.ownerName}
        {forWork ? `（${HANDLING_LEVEL_LABELS[request.level]}办理）` : ''}
      </Text>
      {forWork && request.firstContactName ? (
        <Text className="mq-request-header__line">首接干部：{request.firstContactName}</Text>
      ) : null}
      {forWork && request.household ? (
        <Text className="mq-request-header__line">
          来自联户：{request.household.address}（户主{request.household.headName}）
        </Text>
      ) : null}
      {forWork && request.contactPhoneMasked ? (
        <Text className="mq-request-header__line">联系电话：{request.contactPhoneMasked}</Text>
      ) : null}
    </View>
  );
}

/** The outcome, once resolved: read before rating it. */
export function RequestResult({ request }: { request: RequestDetail }) {
  if (!request.resolutionOutcome) return null;
  return (
    <View className="mq-section mq-request-result">
      <Text className="mq-section__title">
        办理结果：{RESOLUTION_OUTCOME_LABELS[request.resolutionOutcome]}
      </Text>
      {request.resolutionNote ? (
        <Text className="mq-request-body__text">{request.resolutionNote}</Text>
      ) : null}
      {request.resolvedAt ? (
        <Text className="mq-muted">办结时间：{formatDateTime(request.resolvedAt)}</Text>
      ) : null}
    </View>
  );
}

/**
 * What a page adds to the body where WeChat's content security held an item (内容安全): a mark
 * beside it for staff, or the line a cadre reads in its place.
 */
export interface BodyMarks {
  text?: ReactNode;
  voice?: ReactNode;
  /** Under one photo, by its id. */
  photo?: (photoId: number) => ReactNode;
  /** After the photos: those the reader does not get. */
  photos?: ReactNode;
}

/** What was written, and the photos. */
export function RequestBody({
  request,
  marks = {},
}: {
  request: RequestDetail;
  marks?: BodyMarks;
}) {
  return (
    <View>
      <View className="mq-section">
        <Text className="mq-section__title">反映的内容</Text>
        {marks.text}
        {request.text ? <Text className="mq-request-body__text">{request.text}</Text> : null}
        {marks.voice}
        <VoicePlayer voice={request.voice} />
        {request.photos.length > 0 ? (
          <View className="mq-request-body__photos">
            {request.photos.map((photo) => (
              <Fragment key={photo.id}>
                <Image
                  className="mq-request-body__photo"
                  src={assetUrl(photo.url)}
                  mode="widthFix"
                />
                {marks.photo?.(photo.id)}
              </Fragment>
            ))}
          </View>
        ) : null}
        {marks.photos}
      </View>
    </View>
  );
}
