import { Text, View } from '@tarojs/components';
import {
  CONTENT_HOLD_STATE_NAMES,
  CONTENT_ITEM_NAMES,
  contentReviewSchema,
  validate,
  type ContentDecision,
  type ContentHoldState,
  type ContentHoldView,
  type RequestDetail,
} from '@mqlk/shared';
import { useState } from 'react';

import { Badge, type Tone } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import type { BodyMarks } from '../../../components/request-detail';
import { reviewContent } from '../../../services/api/requests';
import { formatDateTime } from '../../../utils/format';
import { FormFailure, NoteField } from './parts';
import { useMoveForm, type ActionProps } from './move';

const HOLD_LOOK: Record<ContentHoldState, { tone: Tone; icon: string }> = {
  held: { tone: 'warning', icon: '?' },
  released: { tone: 'success', icon: '✓' },
  withheld: { tone: 'danger', icon: '✕' },
};

function HoldBadge({ state, label }: { state: ContentHoldState; label?: string }) {
  const look = HOLD_LOOK[state];
  return (
    <Badge
      tone={look.tone}
      icon={look.icon}
      label={label ?? CONTENT_HOLD_STATE_NAMES[state]}
      className="work-held__badge"
    />
  );
}

/** 文字, 录音, or 照片 with its place among the photos (staff see them all). */
function itemName(hold: ContentHoldView, request: RequestDetail): string {
  if (hold.item !== 'photo') return CONTENT_ITEM_NAMES[hold.item];
  const place = request.photos.findIndex((photo) => photo.id === hold.photoId);
  return place < 0 ? CONTENT_ITEM_NAMES.photo : `${CONTENT_ITEM_NAMES.photo} ${place + 1}`;
}

/** The hold on the text or the recording that still keeps it from the cadre, if any. */
const hiddenHold = (holds: ContentHoldView[], item: 'text' | 'voice') =>
  holds.find((hold) => hold.item === item && hold.state !== 'released');

const TEXT_LINES: Record<Exclude<ContentHoldState, 'released'>, string> = {
  held: '群众的文字内容正由乡镇工作人员审核，审核通过后显示。可先电话联系群众了解情况。',
  withheld: '经乡镇审核，这段文字不予转交。可电话联系群众了解情况。',
};

const VOICE_LINES: Record<Exclude<ContentHoldState, 'released'>, string> = {
  held: '群众的录音正由乡镇工作人员审核，审核通过后可以收听。可先电话联系群众了解情况。',
  withheld: '经乡镇审核，这段录音不予转交。可电话联系群众了解情况。',
};

/** A line said in place of what the cadre does not get: plain words, never the reason. */
function HiddenLine({ text }: { text: string }) {
  return <Text className="work-held__line">{text}</Text>;
}

/**
 * 内容安全 in the body. A cadre reads, where a held or withheld item would be, that it is held
 * and how to reach the resident instead; staff see every item, each held one marked.
 */
export function contentMarks(request: RequestDetail, seesHeld: boolean): BodyMarks {
  const holds = request.contentHolds;
  if (holds.length === 0) return {};
  if (seesHeld) {
    const marked = (hold: ContentHoldView | undefined) =>
      hold && hold.state !== 'released' ? (
        <View className="work-held__mark">
          <HoldBadge state={hold.state} />
        </View>
      ) : null;
    return {
      text: marked(hiddenHold(holds, 'text')),
      voice: marked(hiddenHold(holds, 'voice')),
      photo: (photoId) => {
        const hold = holds.find((h) => h.item === 'photo' && h.photoId === photoId);
        return marked(hold);
      },
    };
  }
  const text = hiddenHold(holds, 'text');
  const voice = hiddenHold(holds, 'voice');
  const photos = holds.filter((hold) => hold.item === 'photo');
  const held = photos.filter((hold) => hold.state === 'held').length;
  const withheld = photos.filter((hold) => hold.state === 'withheld').length;
  return {
    text: text && text.state !== 'released' ? <HiddenLine text={TEXT_LINES[text.state]} /> : null,
    voice:
      voice && voice.state !== 'released' ? <HiddenLine text={VOICE_LINES[voice.state]} /> : null,
    photos:
      held + withheld > 0 ? (
        <View>
          {held > 0 ? <HiddenLine text={`有${held}张照片待审核，审核通过后显示。`} /> : null}
          {withheld > 0 ? <HiddenLine text={`有${withheld}张照片经乡镇审核不予转交。`} /> : null}
        </View>
      ) : null,
  };
}

/**
 * 内容审核 (staff): every item WeChat held on this request, what became of it, and for one still
 * held the two answers: 放行 (误判, the cadre sees it) or 不予转交 (with the reason, for the record).
 */
export function ContentReviewSection({ request, run }: ActionProps) {
  if (request.contentHolds.length === 0) return null;
  return (
    <View className="mq-section work-action work-action--oversight work-content">
      <Text className="mq-section__title">内容审核</Text>
      <Text className="work-action__hint">
        微信内容安全检测拦下了下面的内容。诉求已送到办理人手上，被拦下的内容审核前办理人看不到。
      </Text>
      {request.contentHolds.map((hold) => (
        <HoldRow key={hold.id} hold={hold} name={itemName(hold, request)} run={run} />
      ))}
    </View>
  );
}

/** One held item, its name as staff read it, and how a decision is sent. */
interface HoldProps {
  hold: ContentHoldView;
  name: string;
  run: ActionProps['run'];
}

function HoldRow({ hold, name, run }: HoldProps) {
  return (
    <View className="work-content__hold">
      <View className="work-content__head">
        <Text className="work-content__item">{name}</Text>
        <HoldBadge state={hold.state} />
      </View>
      {hold.reason ? <Text className="work-content__line">微信检测结果：{hold.reason}</Text> : null}
      <Text className="mq-muted work-content__meta">拦下时间：{formatDateTime(hold.heldAt)}</Text>
      {hold.reviewedAt ? (
        <Text className="mq-muted work-content__meta">
          审核：{hold.reviewerName ?? '工作人员'} · {formatDateTime(hold.reviewedAt)}
        </Text>
      ) : null}
      {hold.reviewNote ? (
        <Text className="work-content__line">审核说明：{hold.reviewNote}</Text>
      ) : null}
      {hold.reviewable ? <ReviewForm hold={hold} name={name} run={run} /> : null}
    </View>
  );
}

const DONE: Record<ContentDecision, (name: string) => string> = {
  release: (name) => `${name}已放行，办理人现在可以看到。`,
  withhold: (name) => `${name}不予转交，办理人看不到，理由已记录。`,
};

function ReviewForm({ hold, name, run }: HoldProps) {
  const [note, setNote] = useState('');
  const [sending, setSending] = useState<ContentDecision | null>(null);
  const form = useMoveForm();
  const send = async (decision: ContentDecision) => {
    setSending(decision);
    await form.submit(validate(contentReviewSchema, { decision, note }), (value) =>
      run(() => reviewContent(hold.id, value), { done: DONE[decision](name) }),
    );
    setSending(null);
  };
  const busy = (decision: ContentDecision) => form.busy && sending === decision && '正在提交…';
  return (
    <View className="work-content__form">
      <NoteField
        form={form}
        field="note"
        label="审核说明（不予转交时必填）"
        value={note}
        placeholder="不予转交的，写明理由，比如：含辱骂内容，已电话联系群众了解情况"
        onInput={setNote}
      />
      <FormFailure failure={form.failure} />
      <View className="work-content__buttons">
        <Btn
          kind="primary"
          className="work-content__button"
          busyText={busy('release')}
          disabled={form.busy && sending !== 'release'}
          onClick={() => void send('release')}
        >
          放行
        </Btn>
        <Btn
          kind="danger"
          className="work-content__button"
          busyText={busy('withhold')}
          disabled={form.busy && sending !== 'withhold'}
          onClick={() => void send('withhold')}
        >
          不予转交
        </Btn>
      </View>
    </View>
  );
}
