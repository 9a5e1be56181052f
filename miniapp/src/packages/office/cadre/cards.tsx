import { Text, View } from '@tarojs/components';
import { revokeCardSchema, validate, type CadreDetail, type OfficeCard } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { downloadCardSheet, issueCard, revokeCard } from '../../../services/api/office';
import { asApiError, type ApiError } from '../../../services/http';
import { formatDate } from '../../../utils/format';
import { ConfirmBox } from '../components/confirm-box';
import { DownloadStatus, useDownload } from '../components/download';
import {
  CheckLine,
  FormProblem,
  TextField,
  useConfirmStep,
  useOfficeForm,
} from '../components/form';
import { openPage } from '../components/office-page';
import { Table, type Column } from '../components/table';

export function cardStatusText(card: OfficeCard): string {
  if (card.status === 'active') return '● 在用';
  return `✕ 已停用${card.revokeReason ? `（${card.revokeReason}）` : ''}${
    card.replacedByCode ? `，补发 ${card.replacedByCode}` : ''
  }`;
}

/**
 * 联系卡: the cadre's cards with their scans and requests; 签发新卡, 打印 one card, 停用 one (with
 * 同时补发新卡), each said before it is done.
 */
export function CardsSection({
  detail,
  onChanged,
}: {
  detail: CadreDetail;
  onChanged: () => void;
}) {
  const { cadre, cards } = detail;
  const print = useDownload();
  const [issuing, setIssuing] = useState(false);
  const [issueFailure, setIssueFailure] = useState<ApiError | null>(null);
  const [revoking, setRevoking] = useState<OfficeCard | null>(null);
  const [done, setDone] = useState('');

  const issue = async () => {
    if (issuing) return;
    setIssuing(true);
    setIssueFailure(null);
    setDone('');
    try {
      const card = await issueCard(cadre.id);
      setDone(`已签发新卡 ${card.code}，可以打印了`);
      onChanged();
    } catch (error) {
      setIssueFailure(asApiError(error));
    }
    setIssuing(false);
  };

  const columns: Column<OfficeCard>[] = [
    { key: 'code', label: '卡号', width: '1.4fr', title: true, cell: (c) => c.code },
    { key: 'status', label: '状态', width: '1.6fr', cell: cardStatusText },
    { key: 'issued', label: '签发', width: '1.2fr', cell: (c) => formatDate(c.issuedAt) },
    { key: 'scans', label: '扫码', width: '0.6fr', cell: (c) => `${c.scans}次` },
    { key: 'requests', label: '诉求', width: '0.6fr', cell: (c) => `${c.requests}件` },
    {
      key: 'actions',
      label: '操作',
      width: '2fr',
      cell: (c) => (
        <>
          <Btn kind="plain" size="small" onClick={() => openPage('officeCard', { id: c.id })}>
            详情
          </Btn>
          {c.status === 'active' && cadre.active ? (
            <>
              <Btn
                kind="secondary"
                size="small"
                disabled={print.busy}
                onClick={() => void print.run((p) => downloadCardSheet({ cardId: c.id }, p))}
              >
                打印
              </Btn>
              <Btn
                kind="plain"
                size="small"
                onClick={() => {
                  setDone('');
                  setRevoking(c);
                }}
              >
                停用
              </Btn>
            </>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <View className="mq-section">
      <View className="office-section-head">
        <Text className="mq-section__title">联系卡</Text>
        {cadre.active ? (
          <Btn
            kind="primary"
            size="small"
            busyText={issuing && '正在签发…'}
            onClick={() => void issue()}
          >
            签发新卡
          </Btn>
        ) : null}
      </View>
      {issueFailure ? <Text className="office-problem">! {issueFailure.message}</Text> : null}
      {done ? <Text className="office-done">✓ {done}</Text> : null}
      <DownloadStatus state={print.state} />
      {cards.length === 0 ? (
        <Text className="office-empty">
          {cadre.active
            ? '还没有联系卡。点“签发新卡”生成一张，再打印出来交给干部。'
            : '这位干部没有联系卡。'}
        </Text>
      ) : (
        <Table
          columns={columns}
          rows={cards}
          rowKey={(c) => c.id}
          muted={(c) => c.status !== 'active'}
        />
      )}
      {revoking ? (
        <RevokeCard
          card={revoking}
          onCancel={() => setRevoking(null)}
          onDone={(message) => {
            setRevoking(null);
            setDone(message);
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}

function RevokeCard({
  card,
  onCancel,
  onDone,
}: {
  card: OfficeCard;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const form = useOfficeForm({ reason: '', reissue: false });
  const checked = () => validate(revokeCardSchema, form.values);

  const { confirming, next, back } = useConfirmStep(form, checked);

  const send = () =>
    void form.submit(checked(), async (input) => {
      const result = await revokeCard(card.id, input);
      onDone(
        result.issued
          ? `已停用 ${result.revoked.code}，补发的新卡 ${result.issued.code} 已签发，请打印`
          : `已停用 ${result.revoked.code}`,
      );
    });

  return (
    <View className="cadre-page__revoke">
      <Text className="mq-section__title">停用联系卡 {card.code}</Text>
      <TextField
        label="停用原因"
        value={form.values.reason}
        onInput={(v) => {
          form.set('reason', v);
          back();
        }}
        error={form.issue('reason')}
        placeholder="例如：群众反映卡片丢失"
        maxlength={100}
      />
      <CheckLine
        checked={form.values.reissue}
        onToggle={() => {
          form.set('reissue', !form.values.reissue);
          back();
        }}
      >
        同时补发新卡（扫旧卡的人会被引到新卡）
      </CheckLine>
      {confirming ? (
        <ConfirmBox
          question={`确定停用联系卡 ${card.code} 吗？`}
          confirmLabel={form.values.reissue ? '确定停用并补发' : '确定停用'}
          busyText="正在停用…"
          busy={form.busy}
          failure={form.failure}
          onConfirm={send}
          onCancel={back}
        >
          <Text>
            停用后，扫这张卡只能看到“已停用”，不能再通过它反映诉求；已经通过它反映的诉求照常办理。
            {form.values.reissue
              ? '同时签发一张新卡，扫旧卡的人会看到新卡的入口；新卡需要打印后交给干部。'
              : '没有补发新卡：如需新卡，之后点“签发新卡”。'}
          </Text>
        </ConfirmBox>
      ) : (
        <View>
          <FormProblem form={form} />
          <View className="office-form__buttons">
            <Btn kind="danger" onClick={next}>
              下一步
            </Btn>
            <Btn kind="plain" onClick={onCancel}>
              取消
            </Btn>
          </View>
        </View>
      )}
    </View>
  );
}
