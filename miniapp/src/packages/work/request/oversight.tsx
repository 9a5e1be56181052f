import { Text, View } from '@tarojs/components';
import {
  isConductComplaint,
  PUBLIC_SUMMARY_MAX,
  PUBLIC_SUMMARY_MIN,
  publicSummaryEditSchema,
  UNFOUNDED_REASONS,
  UNFOUNDED_REASON_LABELS,
  superviseSchema,
  validate,
  verifySchema,
  type UnfoundedReason,
} from '@mqlk/shared';
import { useState } from 'react';

import {
  editPublicSummary,
  getRequest,
  superviseRequest,
  verifyRequest,
} from '../../../services/api/requests';
import { ActionFold, Choice, FieldError, NoteField, SendButton } from './parts';
import { useMoveForm, type ActionProps } from './move';

/**
 * 差评核实 (staff, never on their own work): founded sends the request back for 整改 with the
 * finding, which is all the cadre will read of the bad review; unfounded takes the rating out
 * of every figure, for a reason from the fixed list and a written explanation.
 */
export function VerifyAction({ request, run }: ActionProps) {
  const [founded, setFounded] = useState<boolean | null>(null);
  const [finding, setFinding] = useState('');
  const [reason, setReason] = useState<UnfoundedReason | null>(null);
  const [note, setNote] = useState('');
  const form = useMoveForm();

  const input = () => {
    const version = request.version;
    if (founded === true) return { version, founded, finding };
    if (founded === false) return { version, founded, reason: reason ?? undefined, note };
    return { version };
  };
  const send = () =>
    form.submit(validate(verifySchema, input()), (value) =>
      run(() => verifyRequest(request.id, value), {
        done: value.founded
          ? '已核实为属实，已交办理人整改。办理人只看到您写的核实情况和整改要求。'
          : '已核实为不属实，这条评价不计入任何统计。',
      }),
    );
  const answer = (value: boolean) => {
    setFounded(value);
    form.clear('founded');
  };

  return (
    <View className="mq-section work-action work-action--oversight">
      <Text className="mq-section__title">差评核实</Text>
      <Text className="work-action__hint">
        群众对这次办理不满意。请核实后选择结果。属实的，办理人要在限期内整改；不属实的，这条评价不计入统计。
      </Text>
      <Text className="mq-label">核实结果</Text>
      <Choice selected={founded === true} onSelect={() => answer(true)}>
        <Text className="work-action__name">属实</Text>
        <Text className="work-action__meta">确实没办好，交办理人整改</Text>
      </Choice>
      <Choice selected={founded === false} onSelect={() => answer(false)}>
        <Text className="work-action__name">不属实</Text>
        <Text className="work-action__meta">评价不计入统计，需写明原因</Text>
      </Choice>
      <FieldError form={form} field="founded" />

      {founded === true ? (
        <NoteField
          form={form}
          field="finding"
          label="核实情况和整改要求"
          value={finding}
          placeholder="写清楚核实了什么、办理人要怎么整改。办理人只看到这段话，看不到群众的评价。"
          onInput={setFinding}
        />
      ) : null}

      {founded === false ? (
        <View>
          <Text className="mq-label">不属实的原因</Text>
          {UNFOUNDED_REASONS.map((value) => (
            <Choice
              key={value}
              selected={reason === value}
              onSelect={() => {
                setReason(value);
                form.clear('reason');
              }}
            >
              <Text>{UNFOUNDED_REASON_LABELS[value]}</Text>
            </Choice>
          ))}
          <FieldError form={form} field="reason" />
          <NoteField
            form={form}
            field="note"
            label="核实说明"
            value={note}
            placeholder="写清楚依据：核实了什么、为什么不属实"
            onInput={setNote}
          />
        </View>
      ) : null}

      <SendButton form={form} kind="primary" size="big" busyText="正在提交…" onSend={send}>
        提交核实结果
      </SendButton>
    </View>
  );
}

/** 督办: a note and a reminder to the owner; nothing else about the request changes. */
export function SuperviseAction({ request, run }: ActionProps) {
  const [note, setNote] = useState('');
  const form = useMoveForm();
  const send = async () => {
    const sent = await form.submit(validate(superviseSchema, { note }), (value) =>
      run(() => superviseRequest(request.id, value), {
        done: '已督办，办理人会收到提醒，并在诉求上看到督办意见。',
      }),
    );
    if (sent) setNote('');
  };
  return (
    <ActionFold
      title="督办"
      openLabel="督办这件事…"
      hint="提醒办理人抓紧办理。督办意见会显示在诉求最上面，不改变办理状态。"
    >
      <NoteField
        form={form}
        field="note"
        label="督办意见"
        value={note}
        placeholder="比如：请于本周五前办结，并向群众回复"
        onInput={setNote}
      />
      <SendButton form={form} kind="primary" busyText="正在发送…" onSend={send}>
        发出督办
      </SendButton>
    </ActionFold>
  );
}

/**
 * 公示: what the village board says of this request, for staff to correct or take down. Conduct
 * complaints never reach the board, whatever is written here.
 */
export function PublicSummaryAction({ request, run }: ActionProps) {
  const [summary, setSummary] = useState(request.publicSummary ?? '');
  const form = useMoveForm();
  const edit = (input: { summary?: string; hidden?: boolean }, done: string) =>
    form.submit(validate(publicSummaryEditSchema, input), (value) =>
      run(
        async () => {
          await editPublicSummary(request.id, value);
          return getRequest(request.id);
        },
        { done },
      ),
    );
  const conduct = isConductComplaint(request.category);
  const state = conduct
    ? '干部作风投诉不上公示栏。'
    : request.publicSummary === null
      ? '还没有公示摘要，这件事不在村公示栏上。'
      : request.publicHidden
        ? `已设为不公示：${request.publicSummary}`
        : `公示栏上写的是：${request.publicSummary}`;
  return (
    <ActionFold title="村务公示" openLabel="公示摘要…" hint={state}>
      <NoteField
        form={form}
        field="summary"
        label={`公示摘要（${PUBLIC_SUMMARY_MIN}到${PUBLIC_SUMMARY_MAX}个字）`}
        value={summary}
        placeholder="一句话写办了什么事，不写群众的姓名、电话和门牌"
        onInput={setSummary}
      />
      <SendButton
        form={form}
        kind="primary"
        busyText="正在保存…"
        onSend={() => edit({ summary }, '公示摘要已保存。')}
      >
        保存公示摘要
      </SendButton>
      {request.publicSummary !== null && !conduct ? (
        <SendButton
          form={form}
          kind="secondary"
          busyText="正在保存…"
          onSend={() =>
            request.publicHidden
              ? edit({ hidden: false }, '已恢复公示。')
              : edit({ hidden: true }, '已设为不公示，公示栏上不再显示这件事。')
          }
        >
          {request.publicHidden ? '恢复公示' : '不公示'}
        </SendButton>
      ) : null}
    </ActionFold>
  );
}
