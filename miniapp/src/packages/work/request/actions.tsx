import { Text, View } from '@tarojs/components';
import {
  PUBLIC_SUMMARY_MAX,
  PUBLIC_SUMMARY_MIN,
  RESOLUTION_OUTCOMES,
  RESOLUTION_OUTCOME_LABELS,
  replySchema,
  resolveSchema,
  validate,
  type ResolutionOutcome,
} from '@mqlk/shared';
import { useState } from 'react';

import { acceptRequest, replyToRequest, resolveRequest } from '../../../services/api/requests';
import { Choice, FieldError, NoteField, SendButton } from './parts';
import { useMoveForm, type ActionProps } from './move';

export function AcceptAction({ request, run }: ActionProps) {
  const form = useMoveForm();
  // The version the cadre saw: if someone else acted first, the server refuses instead.
  const accept = () =>
    form.submit({ ok: true, value: request.version }, (version) =>
      run(() => acceptRequest(request.id, version), { done: '已签收，群众那边显示“办理中”。' }),
    );
  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">签收</Text>
      <Text className="work-action__hint">
        签收表示您已看到这件事、开始办理，群众那边会显示“办理中”。
      </Text>
      <SendButton form={form} kind="primary" size="big" busyText="正在签收…" onSend={accept}>
        签收，开始办理
      </SendButton>
    </View>
  );
}

export function ReplyAction({ request, run }: ActionProps) {
  const [text, setText] = useState('');
  const form = useMoveForm();
  const send = async () => {
    const sent = await form.submit(validate(replySchema, { text }), (value) =>
      run(() => replyToRequest(request.id, value.text), { done: '答复已发出，群众可以看到。' }),
    );
    if (sent) setText('');
  };
  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">答复群众</Text>
      <Text className="work-action__hint">告诉群众办到哪一步了；答复不会改变办理状态。</Text>
      <NoteField
        form={form}
        field="text"
        label="答复内容"
        value={text}
        placeholder="比如：已联系供水站，明天上午来修"
        onInput={setText}
      />
      <SendButton form={form} kind="secondary" busyText="正在发送…" onSend={send}>
        发送答复
      </SendButton>
    </View>
  );
}

/** 办结; in 整改中 the same move closes the rectification round. */
export function ResolveAction({ request, run }: ActionProps) {
  const [outcome, setOutcome] = useState<ResolutionOutcome | null>(null);
  const [note, setNote] = useState('');
  // A second round starts from what the board says now.
  const [publicSummary, setPublicSummary] = useState(request.publicSummary ?? '');
  const form = useMoveForm();
  const rectifying = request.status === 'rectifying';

  const send = () =>
    form.submit(
      validate(resolveSchema, {
        version: request.version,
        outcome: outcome ?? undefined,
        note,
        publicSummary,
      }),
      (value) =>
        run(() => resolveRequest(request.id, value), {
          done: rectifying
            ? '已再次办结，群众会再评价一次。'
            : '已办结，群众可以看到办理结果并评价。',
        }),
    );
  const choose = (value: ResolutionOutcome) => {
    setOutcome(value);
    form.clear('outcome');
  };

  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">{rectifying ? '整改完成、再次办结' : '办结'}</Text>
      {rectifying ? (
        <Text className="work-action__hint">
          按上面的整改要求办好以后，写明整改了什么。办结后群众会再评价一次。
        </Text>
      ) : null}
      <Text className="mq-label">办理结果</Text>
      {RESOLUTION_OUTCOMES.map((value) => (
        <Choice key={value} selected={outcome === value} onSelect={() => choose(value)}>
          <Text>{RESOLUTION_OUTCOME_LABELS[value]}</Text>
        </Choice>
      ))}
      <FieldError form={form} field="outcome" />
      <NoteField
        form={form}
        field="note"
        label={
          outcome === 'explained'
            ? '不能解决的原因（至少10个字）'
            : rectifying
              ? '整改情况'
              : '办理情况'
        }
        value={note}
        placeholder={
          outcome === 'explained'
            ? '写清楚为什么暂时不能解决、政策依据、下一步怎么办'
            : '怎么办的、办成什么样'
        }
        onInput={setNote}
      />
      <Text className="work-action__hint">
        公示摘要会贴在村公示栏上，所有人都能看到：用一句话写办了什么事，不写群众的姓名、电话和门牌。
      </Text>
      <NoteField
        form={form}
        field="publicSummary"
        label={`公示摘要（${PUBLIC_SUMMARY_MIN}到${PUBLIC_SUMMARY_MAX}个字）`}
        value={publicSummary}
        placeholder="比如：村东头自来水管道已修复，恢复供水"
        onInput={setPublicSummary}
      />
      <SendButton form={form} kind="primary" size="big" busyText="正在办结…" onSend={send}>
        {rectifying ? '整改完成，再次办结' : '办结，请群众评价'}
      </SendButton>
    </View>
  );
}
