import { Input, Text, View } from '@tarojs/components';
import {
  transferPostSchema,
  validate,
  type OfficeCadre,
  type TransferPostResult,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { useLoad } from '../../../hooks/use-load';
import { listCadres, transferPost } from '../../../services/api/office';
import { classNames } from '../../../utils/format';
import { ConfirmBox } from '../components/confirm-box';
import { FormProblem, TextAreaField, useConfirmStep, useOfficeForm } from '../components/form';
import { openPage } from '../components/office-page';
import { townshipOf, type UnitNode } from '../components/units';
import { pressable } from '../../../components/pressable';

/** Enough for a township's cadres on one screen; a search narrows a larger one. */
const CANDIDATES = 100;

/** The sentence the confirmation turns on: what goes, to whom, and what stays. */
export function transferSentence(from: OfficeCadre, to: { name: string }): string {
  return `${from.name} 的联系卡、结对的联户和 ${from.openRequests} 条未办结诉求将转给 ${to.name}，历史评价和走访记录仍归${from.name}`;
}

/**
 * 事随人转: a cadre leaves the post and an active cadre of the same township takes it over, with
 * the cards and the open requests. Said in full before it is done: it cannot be taken back.
 */
export function TransferPost({
  cadre,
  units,
  onDone,
}: {
  cadre: OfficeCadre;
  units: readonly UnitNode[];
  onDone: (result: TransferPostResult) => void;
}) {
  const township = townshipOf(units, cadre.unitId);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const form = useOfficeForm<{ successor: OfficeCadre | null; note: string }>({
    successor: null,
    note: '',
  });
  const candidates = useLoad(
    () =>
      listCadres(
        { active: true, ...(township ? { unitId: township.id } : {}), ...(q ? { q } : {}) },
        1,
        CANDIDATES,
      ),
    `${township?.id ?? 0}/${q}`,
  );
  const { successor } = form.values;

  const checked = () =>
    validate(transferPostSchema, {
      successorCadreId: successor?.id ?? 0,
      note: form.values.note,
    });

  const { confirming, next, back } = useConfirmStep(form, checked);

  const send = () =>
    void form.submit(checked(), async (input) => {
      onDone(await transferPost(cadre.id, input));
    });

  const others =
    candidates.state.status === 'ready'
      ? candidates.state.data.items.filter((c) => c.id !== cadre.id)
      : [];

  return (
    <View className="cadre-page__transfer">
      <Text className="office-page__intro">
        {cadre.name}
        调岗或离任时，选一位{township ? township.name : '同一乡镇'}
        的在岗干部接任：{cadre.name}
        的联系卡改由接任的干部接听，未办结的诉求转给接任的干部并重新计算时限；已经办结的诉求和群众的评价仍算
        {cadre.name}的。转交后{cadre.name}不再在岗。
      </Text>

      <Text className="mq-label">接任的干部</Text>
      <View className="office-filters__search">
        <View className="mq-field">
          <Input
            className="mq-input"
            value={typed}
            placeholder="输入姓名或职务查找"
            confirmType="search"
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => setQ(typed.trim())}
          />
        </View>
        <Btn kind="secondary" onClick={() => setQ(typed.trim())}>
          查找
        </Btn>
      </View>
      {candidates.state.status === 'loading' ? <Text className="mq-muted">正在加载…</Text> : null}
      {candidates.state.status === 'failed' ? (
        <Text className="office-problem">! {candidates.state.error.message}</Text>
      ) : null}
      {candidates.state.status === 'ready' && others.length === 0 ? (
        <Text className="mq-muted cadre-page__none">
          {q
            ? `没有找到“${q}”。`
            : `${township ? township.name : '本乡镇'}还没有其他在岗干部：请先在“干部”里新增接任的干部。`}
        </Text>
      ) : null}
      <View className="cadre-page__candidates">
        {others.map((c) => {
          const chosen = successor?.id === c.id;
          return (
            <View
              key={c.id}
              className={classNames('cadre-page__candidate', chosen && 'is-selected')}
              {...pressable({
                onPress: () => {
                  form.set('successor', c);
                  form.setIssues((list) => list.filter((i) => i.field !== 'successorCadreId'));
                  back();
                },
              })}
            >
              <Text className="cadre-page__candidate-name">
                {chosen ? '● ' : '○ '}
                {c.name}
              </Text>
              <Text className="cadre-page__candidate-meta">
                {c.post} · {c.unitName}
              </Text>
            </View>
          );
        })}
      </View>
      {form.issue('successorCadreId') ? (
        <Text className="mq-field-error">{form.issue('successorCadreId')}</Text>
      ) : null}

      <TextAreaField
        label="说明（可不填）"
        value={form.values.note}
        onInput={(v) => {
          form.set('note', v);
          back();
        }}
        error={form.issue('note')}
        placeholder="例如：调任镇综治办"
      />

      {confirming && successor ? (
        <ConfirmBox
          question="确定事随人转吗？"
          confirmLabel={`确定转给${successor.name}`}
          busyText="正在转交…"
          busy={form.busy}
          failure={form.failure}
          onConfirm={send}
          onCancel={back}
        >
          <Text className="cadre-page__sentence">{transferSentence(cadre, successor)}。</Text>
          <Text className="cadre-page__consequence">
            扫{cadre.name}的联系卡会找到{successor.name}，并看到“原联系人{cadre.name}已调整，现由
            {successor.name}联系”；{cadre.name}不再在岗，账号停用。这一步不能撤回。
          </Text>
        </ConfirmBox>
      ) : (
        <View>
          <FormProblem form={form} />
          <View className="office-form__buttons">
            <Btn kind="danger" onClick={next}>
              下一步
            </Btn>
          </View>
        </View>
      )}
    </View>
  );
}

/** What the page says once the post has passed on. */
export function TransferDone({ result }: { result: TransferPostResult }) {
  return (
    <View className="office-done cadre-page__transferred">
      <Text className="cadre-page__transferred-text">
        ✓ 已事随人转：{result.from.name}的{result.cards}张联系卡、{result.movedHouseholds}
        户结对联户和{result.movedRequests}条未办结诉求已转给{result.to.name}。
      </Text>
      <Btn
        kind="secondary"
        size="small"
        onClick={() => openPage('officeCadre', { id: result.to.id })}
      >
        打开{result.to.name}的页面
      </Btn>
    </View>
  );
}
