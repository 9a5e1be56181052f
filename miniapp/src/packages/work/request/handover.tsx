import { Text, View } from '@tarojs/components';
import {
  HANDLING_LEVEL_LABELS,
  ORG_UNIT_KIND_LABELS,
  cancelSchema,
  escalateSchema,
  nextHandlingLevel,
  transferSchema,
  validate,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { useLoad } from '../../../hooks/use-load';
import {
  cancelOnSpot,
  escalateRequest,
  getTransferTargets,
  transferRequest,
} from '../../../services/api/requests';
import { ActionFold, Choice, FieldError, FormFailure, NoteField, SendButton } from './parts';
import { useMoveForm, type ActionProps } from './move';

/** 上报: to the next level's staff, after a step that says what that means. */
export function EscalateAction({ request, run }: ActionProps) {
  const up = nextHandlingLevel(request.level);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useMoveForm();
  if (up === null) return null;
  const where = ORG_UNIT_KIND_LABELS[up];
  const checked = () => validate(escalateSchema, { version: request.version, reason });

  const next = () => {
    const result = checked();
    if (!result.ok) {
      form.setIssues(result.issues);
      return;
    }
    setConfirming(true);
  };
  const send = async () => {
    const sent = await form.submit(checked(), (value) =>
      run(() => escalateRequest(request.id, value), {
        away: {
          title: '已上报',
          body: `已上报到${where}，现在由对方办理。这件事不再出现在您的待办里。`,
        },
        done: (now) =>
          `已上报，现在由${now.ownerName}（${HANDLING_LEVEL_LABELS[now.level]}）办理。`,
      }),
    );
    if (!sent) setConfirming(false);
  };

  return (
    <ActionFold
      title={`上报${where}`}
      openLabel={`上报${where}…`}
      hint={`本级办不了的事，交给${where}办理（小事不出村、大事不出乡、难事不出县）。`}
    >
      <NoteField
        form={form}
        field="reason"
        label="上报理由"
        value={reason}
        placeholder="写清楚为什么本级办不了、已经做了什么"
        onInput={(value) => {
          setReason(value);
          setConfirming(false);
        }}
      />
      <FormFailure failure={form.failure} />
      {confirming ? (
        <View className="work-action__confirm">
          <Text className="work-action__question">确定上报到{where}吗？</Text>
          <Text className="work-action__hint">
            上报后，这件事交给{where}
            的工作人员办理，办理时限重新计算；您不再办理它，群众那边会看到由
            {where}办理。
          </Text>
          <Btn kind="primary" busyText={form.busy && '正在上报…'} onClick={() => void send()}>
            确定上报
          </Btn>
          <Btn kind="plain" className="work-action__back" onClick={() => setConfirming(false)}>
            再想想
          </Btn>
        </View>
      ) : (
        <Btn kind="secondary" onClick={next}>
          下一步
        </Btn>
      )}
    </ActionFold>
  );
}

/** 转办: to someone named, at the same level (county staff: at any level in the county). */
export function TransferAction({ request, run }: ActionProps) {
  return (
    <ActionFold
      title="转办"
      openLabel="转办给其他人…"
      hint="这件事该由别人办时，转给他（她）。转办后由对方签收办理，办理时限重新计算。"
    >
      <TransferForm request={request} run={run} />
    </ActionFold>
  );
}

function TransferForm({ request, run }: ActionProps) {
  const targets = useLoad(() => getTransferTargets(request.id), String(request.id));
  const [toUserId, setToUserId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const form = useMoveForm();

  if (targets.state.status === 'loading') {
    return <Text className="work-action__hint">正在加载可以转给的人…</Text>;
  }
  if (targets.state.status === 'failed') {
    return (
      <View>
        <Text className="mq-field-error">! {targets.state.error.message}</Text>
        <Btn kind="secondary" onClick={targets.reload}>
          重试
        </Btn>
      </View>
    );
  }
  const { items, acrossLevels } = targets.state.data;
  if (items.length === 0) {
    return (
      <Text className="work-action__hint">
        没有可以转给的人：本辖区同一层级没有其他干部或工作人员。本级办不了的，请上报。
      </Text>
    );
  }
  const chosen = items.find((t) => t.userId === toUserId) ?? null;
  const send = () =>
    form.submit(
      validate(transferSchema, {
        version: request.version,
        toUserId: toUserId ?? undefined,
        reason,
      }),
      (value) =>
        run(() => transferRequest(request.id, value), {
          away: {
            title: '已转办',
            body: `已转给${chosen?.name ?? '对方'}，现在由对方办理。这件事不再出现在您的待办里。`,
          },
          done: (now) => `已转办，现在由${now.ownerName}办理。`,
        }),
    );

  return (
    <View>
      <Text className="mq-label">转给谁</Text>
      {items.map((target) => (
        <Choice
          key={target.userId}
          selected={target.userId === toUserId}
          onSelect={() => {
            setToUserId(target.userId);
            form.clear('toUserId');
          }}
        >
          <Text className="work-action__name">{target.name}</Text>
          <Text className="work-action__meta">
            {target.post} · {target.unitName}
            {acrossLevels ? `（${HANDLING_LEVEL_LABELS[target.level]}）` : ''}
          </Text>
        </Choice>
      ))}
      <FieldError form={form} field="toUserId" />
      <NoteField
        form={form}
        field="reason"
        label="转办理由"
        value={reason}
        placeholder="比如：这件事归二组管，转给二组网格员"
        onInput={setReason}
      />
      <SendButton form={form} kind="primary" busyText="正在转办…" onSend={send}>
        {chosen ? `转办给${chosen.name}` : '确定转办'}
      </SendButton>
    </View>
  );
}

/** 撤销登记: a 当场解决 record the resident has not confirmed, e.g. entered by mistake. */
export function CancelAction({ request, run }: ActionProps) {
  const [reason, setReason] = useState('');
  const form = useMoveForm();
  const send = () =>
    form.submit(validate(cancelSchema, { version: request.version, reason }), (value) =>
      run(() => cancelOnSpot(request.id, value), {
        done: '已撤销这次登记，确认码不能再用了。',
      }),
    );
  return (
    <ActionFold
      title="撤销登记"
      openLabel="撤销这次登记…"
      hint="群众没有确认、或者登记错了，可以撤销。撤销后这件事不算办结，确认码也不能再用。"
    >
      <NoteField
        form={form}
        field="reason"
        label="撤销原因"
        value={reason}
        placeholder="比如：登记错了手机号，重新登记"
        onInput={setReason}
      />
      <SendButton form={form} kind="danger" busyText="正在撤销…" onSend={send}>
        确定撤销登记
      </SendButton>
    </ActionFold>
  );
}
