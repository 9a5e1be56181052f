import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  addDays,
  localDateOf,
  PAIRING_LABELS,
  VISIT_BACKDATE_DAYS,
  type HouseholdDetail,
  type Visit,
} from '@mqlk/shared';
import { useRef, useState } from 'react';

import { Badge } from '../../../components/badge';
import { Btn } from '../../../components/btn';
import { CallButton } from '../../../components/call-button';
import { DescribedImage } from '../../../components/described-image';
import { FormFooter } from '../../../components/form-footer';
import { ListFooter } from '../../../components/list-footer';
import { Page } from '../../../components/page';
import { PhotoPicker } from '../../../components/photo-picker';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { usePaged } from '../../../hooks/use-paged';
import { getMyHousehold, listVisits } from '../../../services/api/households';
import { assetUrl } from '../../../services/assets';
import { currentUser } from '../../../services/session';
import { classNames, formatLocalDay } from '../../../utils/format';
import { HouseholdBadges } from '../households/household-badges';
import { lastVisitText } from '../households/visit-text';
import { quickDates, useVisitForm } from './visit-form';
import './index.scss';
import { pressable } from '../../../components/pressable';

/** One of the cadre's households: who lives there, how to call, and its 走访日记. */
export default function HouseholdPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="household-page">
      <RequireRole roles={['cadre']}>
        <HouseholdView id={id} />
      </RequireRole>
    </Page>
  );
}

function HouseholdView({ id }: { id: number }) {
  const detail = useLoad(() => getMyHousehold(id), String(id));
  const diary = usePaged<Visit>((page) => listVisits(page, id), String(id));
  const [writing, setWriting] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const shown = useRef(false);
  // Back from filing a request from a visit: the visit now names it, the household counts it.
  useDidShow(() => {
    if (shown.current) {
      diary.reload();
      detail.refresh();
    }
    shown.current = true;
  });

  if (detail.state.status === 'loading') {
    return <Text className="household-page__loading">正在加载…</Text>;
  }
  if (detail.state.status === 'failed') {
    return <WorkError error={detail.state.error} onRetry={detail.reload} />;
  }
  const recorded = () => {
    setWriting(false);
    setFormKey((k) => k + 1);
    diary.reload();
    detail.refresh();
    void Taro.showToast({ title: '走访已记下', icon: 'success' }).catch(() => undefined);
  };
  return (
    <View>
      <HouseholdCard detail={detail.state.data} />
      {writing ? (
        <VisitForm
          key={formKey}
          householdId={id}
          onRecorded={recorded}
          onCancel={() => setWriting(false)}
        />
      ) : (
        <Btn
          kind="primary"
          size="big"
          className="household-page__write"
          onClick={() => setWriting(true)}
        >
          记一次走访
        </Btn>
      )}
      <Diary diary={diary} householdId={id} />
    </View>
  );
}

function HouseholdCard({ detail }: { detail: HouseholdDetail }) {
  const h = detail.household;
  return (
    <View className="mq-section household-page__card">
      <Text className="household-page__address">{h.address}</Text>
      <Text className="household-page__line">
        户主 {h.headName} · 家庭人口{h.memberCount}人
        {h.pairing ? ` · ${PAIRING_LABELS[h.pairing]}` : ''}
      </Text>
      <HouseholdBadges household={h} className="household-page__tags" />
      <Text className="household-page__line household-page__muted">
        {lastVisitText(h.lastVisitOn)}
        {h.openRequests > 0 ? ` · 在办诉求${h.openRequests}件` : ''}
      </Text>
      {detail.phone ? (
        <CallButton phone={detail.phone} label={`打电话给${h.headName}`} tone="soft" />
      ) : (
        <Text className="household-page__muted">这一户没有留电话</Text>
      )}
    </View>
  );
}

function VisitForm({
  householdId,
  onRecorded,
  onCancel,
}: {
  householdId: number;
  onRecorded: (visit: Visit) => void;
  onCancel: () => void;
}) {
  const form = useVisitForm(householdId, onRecorded);
  const { draft, update, issue } = form;
  const quick = quickDates();
  const today = localDateOf(new Date());
  const earlier = !quick.some((q) => q.date === draft.visitedOn);
  return (
    <View className="mq-section household-page__form">
      <Text className="household-page__title">记一次走访</Text>
      <View className="mq-field">
        <Text className="mq-label">走访日期</Text>
        <View className="household-page__dates">
          {quick.map((q) => (
            <View
              key={q.date}
              className={classNames(
                'household-page__chip',
                draft.visitedOn === q.date && 'is-selected',
              )}
              {...pressable({ onPress: () => update({ visitedOn: q.date }) })}
            >
              <Text>
                {draft.visitedOn === q.date ? '✓ ' : ''}
                {q.label}
              </Text>
            </View>
          ))}
          <Picker
            mode="date"
            value={draft.visitedOn}
            start={addDays(today, -VISIT_BACKDATE_DAYS)}
            end={today}
            onChange={(e) => update({ visitedOn: String(e.detail.value) })}
          >
            <View className={classNames('household-page__chip', earlier && 'is-selected')}>
              <Text>{earlier ? `✓ ${formatLocalDay(draft.visitedOn)}` : '更早…'}</Text>
            </View>
          </Picker>
        </View>
        <Text className="mq-muted">可以补记{VISIT_BACKDATE_DAYS}天内的走访</Text>
        {issue('visitedOn') ? <Text className="mq-field-error">{issue('visitedOn')}</Text> : null}
      </View>
      <View className="mq-field">
        <Text className="mq-label">见到了谁</Text>
        <Input
          className={classNames('mq-input', issue('met') && 'mq-input--invalid')}
          type="text"
          maxlength={32}
          value={draft.met}
          placeholder="例如：户主本人、老伴、儿媳"
          onInput={(e) => update({ met: e.detail.value })}
        />
        {issue('met') ? <Text className="mq-field-error">{issue('met')}</Text> : null}
      </View>
      <View className="mq-field">
        <Text className="mq-label">走访情况</Text>
        <Textarea
          className={classNames('mq-textarea', issue('found') && 'mq-input--invalid')}
          value={draft.found}
          maxlength={-1}
          placeholder="家里的情况、群众说了什么、有什么困难"
          onInput={(e) => update({ found: e.detail.value })}
        />
        {issue('found') ? <Text className="mq-field-error">{issue('found')}</Text> : null}
      </View>
      <PhotoPicker
        photos={form.photos}
        onAdd={() => void form.photos.add(() => Promise.resolve(true))}
        error={issue('photoIds')}
      />
      <FormFooter
        form={form}
        label="保存走访"
        retryHint="填写的内容还在。网络好了以后再点一次，不会重复记录。"
        reused={{ label: '看看下面的走访日记', open: onCancel }}
      />
      <Btn kind="plain" onClick={onCancel}>
        先不记了
      </Btn>
    </View>
  );
}

function Diary({
  diary,
  householdId,
}: {
  diary: ReturnType<typeof usePaged<Visit>>;
  householdId: number;
}) {
  const me = currentUser()?.cadreId ?? null;
  if (diary.status === 'loading')
    return <Text className="household-page__loading">正在加载走访日记…</Text>;
  if (diary.status === 'failed' && diary.items.length === 0 && diary.error) {
    return <WorkError error={diary.error} onRetry={diary.reload} />;
  }
  return (
    <View className="household-page__diary">
      <Text className="household-page__title">
        走访日记{diary.total > 0 ? `（${diary.total}次）` : ''}
      </Text>
      {diary.items.length === 0 ? (
        <Text className="mq-muted">还没有走访记录。走访后点上面的“记一次走访”。</Text>
      ) : null}
      {diary.items.map((v) => (
        <VisitCard key={v.id} visit={v} mine={v.cadreId === me} householdId={householdId} />
      ))}
      <ListFooter list={diary} />
    </View>
  );
}

function VisitCard({
  visit: v,
  mine,
  householdId,
}: {
  visit: Visit;
  mine: boolean;
  householdId: number;
}) {
  const file = (mode: 'on_behalf' | 'on_spot') =>
    void Taro.navigateTo({ url: routeOf('record', { mode, visitId: v.id, householdId }) });
  return (
    <View className="household-page__visit">
      <View className="household-page__visit-top">
        <Text className="household-page__visit-date">{formatLocalDay(v.visitedOn)}</Text>
        {v.onDutyDay ? <Badge tone="success" icon="✓" label="一线工作日" /> : null}
      </View>
      <Text className="household-page__line">见到：{v.met}</Text>
      <Text className="household-page__found">{v.found}</Text>
      {v.photos.length > 0 ? (
        <View className="household-page__photos">
          {v.photos.map((p, i) => (
            <DescribedImage
              key={p.id}
              className="household-page__photo"
              src={assetUrl(p.url)}
              alt={`走访照片${i + 1}`}
              mode="aspectFill"
            />
          ))}
        </View>
      ) : null}
      {!mine ? <Text className="household-page__muted">{v.cadreName}记录</Text> : null}
      {v.requests.map((r) => (
        <Text
          key={r.id}
          className="household-page__request"
          {...pressable({
            onPress: () => void Taro.navigateTo({ url: routeOf('workRequest', { id: r.id }) }),
          })}
        >
          已登记诉求 {r.number} ›
        </Text>
      ))}
      {mine ? (
        <View className="household-page__visit-actions">
          <Btn kind="secondary" size="small" onClick={() => file('on_behalf')}>
            转为诉求（代登记）
          </Btn>
          <Btn kind="plain" size="small" onClick={() => file('on_spot')}>
            当场解决了，请群众确认
          </Btn>
        </View>
      ) : null}
    </View>
  );
}
