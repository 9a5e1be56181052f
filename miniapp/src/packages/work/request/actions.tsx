import { Text, Textarea, View } from '@tarojs/components';
import {
  RESOLUTION_OUTCOMES,
  RESOLUTION_OUTCOME_LABELS,
  issueFor,
  replySchema,
  resolveSchema,
  validate,
  type FieldIssue,
  type RequestDetail,
  type ResolutionOutcome,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { acceptRequest, replyToRequest, resolveRequest } from '../../../services/api/requests';
import { classNames } from '../../../utils/format';

/** Runs one action; resolves false when it failed (the page shows why and reloads). */
export type Run = (action: () => Promise<RequestDetail>) => Promise<boolean>;

interface ActionProps {
  request: RequestDetail;
  run: Run;
}

export function AcceptAction({ request, run }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const accept = async () => {
    setBusy(true);
    // The version the cadre saw: if someone else acted first, the server refuses instead.
    await run(() => acceptRequest(request.id, request.version));
    setBusy(false);
  };
  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">签收</Text>
      <Text className="work-action__hint">
        签收表示您已看到这件事、开始办理，群众那边会显示“办理中”。
      </Text>
      <Btn kind="primary" size="big" busyText={busy && '正在签收…'} onClick={() => void accept()}>
        签收，开始办理
      </Btn>
    </View>
  );
}

export function ReplyAction({ request, run }: ActionProps) {
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const checked = validate(replySchema, { text });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setBusy(true);
    if (await run(() => replyToRequest(request.id, checked.value.text))) setText('');
    setBusy(false);
  };
  const issue = issueFor(issues, 'text');
  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">答复群众</Text>
      <Text className="work-action__hint">告诉群众办到哪一步了；答复不会改变办理状态。</Text>
      <Textarea
        className={classNames('mq-textarea work-action__text', issue && 'mq-input--invalid')}
        value={text}
        maxlength={-1}
        placeholder="比如：已联系供水站，明天上午来修"
        onInput={(e) => {
          setText(e.detail.value);
          setIssues([]);
        }}
      />
      {issue ? <Text className="mq-field-error">{issue}</Text> : null}
      <Btn kind="secondary" busyText={busy && '正在发送…'} onClick={() => void send()}>
        发送答复
      </Btn>
    </View>
  );
}

export function ResolveAction({ request, run }: ActionProps) {
  const [outcome, setOutcome] = useState<ResolutionOutcome | null>(null);
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const checked = validate(resolveSchema, {
      version: request.version,
      outcome: outcome ?? undefined,
      note,
    });
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setBusy(true);
    await run(() => resolveRequest(request.id, checked.value));
    setBusy(false);
  };
  const choose = (value: ResolutionOutcome) => {
    setOutcome(value);
    setIssues((list) => list.filter((i) => i.field !== 'outcome'));
  };
  return (
    <View className="mq-section work-action">
      <Text className="mq-section__title">办结</Text>
      <Text className="mq-label">办理结果</Text>
      {RESOLUTION_OUTCOMES.map((value) => (
        <View
          key={value}
          className={classNames('work-action__choice', outcome === value && 'is-selected')}
          onClick={() => choose(value)}
        >
          <Text className="work-action__radio">{outcome === value ? '●' : '○'}</Text>
          <Text>{RESOLUTION_OUTCOME_LABELS[value]}</Text>
        </View>
      ))}
      {issueFor(issues, 'outcome') ? (
        <Text className="mq-field-error">{issueFor(issues, 'outcome')}</Text>
      ) : null}
      <Text className="mq-label work-action__note-label">
        {outcome === 'explained' ? '不能解决的原因（至少10个字）' : '办理情况'}
      </Text>
      <Textarea
        className={classNames(
          'mq-textarea work-action__text',
          issueFor(issues, 'note') && 'mq-input--invalid',
        )}
        value={note}
        maxlength={-1}
        placeholder={
          outcome === 'explained'
            ? '写清楚为什么暂时不能解决、政策依据、下一步怎么办'
            : '怎么办的、办成什么样'
        }
        onInput={(e) => {
          setNote(e.detail.value);
          setIssues((list) => list.filter((i) => i.field !== 'note'));
        }}
      />
      {issueFor(issues, 'note') ? (
        <Text className="mq-field-error">{issueFor(issues, 'note')}</Text>
      ) : null}
      <Btn kind="primary" size="big" busyText={busy && '正在办结…'} onClick={() => void send()}>
        办结，请群众评价
      </Btn>
    </View>
  );
}
