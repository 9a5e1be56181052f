import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  CATEGORIES,
  PROXY_CHANNELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_TEXT_MAX,
  REQUEST_TEXT_MIN,
  isConductComplaint,
  PUBLIC_SUMMARY_MAX,
  PUBLIC_SUMMARY_MIN,
  type HouseholdDetail,
  normalizeText,
  textLength,
} from '@mqlk/shared';
import { useEffect, useRef, useState } from 'react';

import { CategoryPicker } from '../../../components/category-picker';
import { ConsentBox } from '../../../components/consent-box';
import { FormFooter } from '../../../components/form-footer';
import { Page } from '../../../components/page';
import { PhotoPicker } from '../../../components/photo-picker';
import { RequireRole } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { getMyHousehold } from '../../../services/api/households';
import { currentUser } from '../../../services/session';
import { classNames } from '../../../utils/format';
import { RECORD_MODES, type RecordMode } from './draft';
import { useRecordForm } from './use-record';
import './index.scss';
import { pressable } from '../../../components/pressable';

const TITLES: Record<RecordMode, { title: string; intro: string; button: string }> = {
  on_behalf: {
    title: '代群众登记',
    intro:
      '替群众登记他（她）反映的事，由您签收办理。群众用登记的手机号登录后，就能看到办理进展并评价。',
    button: '登记',
  },
  on_spot: {
    title: '登记当场解决',
    intro:
      '已经当场办好的事，登记下来请群众确认。群众扫码或打开短信链接确认后才算办结，群众还可以评价。',
    button: '登记，出示确认码',
  },
};

/** A conduct complaint goes to the township, never "solved on the spot" by a cadre. */
const ON_SPOT_CATEGORIES = CATEGORIES.filter((c) => !isConductComplaint(c.code));

/** A positive whole number from the address, or null. */
const idParam = (value: string | undefined) =>
  value && /^\d{1,9}$/.test(value) ? Number(value) : null;

export default function RecordPage() {
  const { params } = useRouter();
  const mode = (RECORD_MODES as readonly string[]).includes(params.mode ?? '')
    ? (params.mode as RecordMode)
    : 'on_behalf';
  // From a visit (走访日记): the request names the visit, and the household fills in the phone.
  const visitId = idParam(params.visitId);
  const householdId = visitId === null ? null : idParam(params.householdId);
  return (
    <Page className="record-page">
      <RequireRole roles={['cadre']}>
        <RecordOrRefuse mode={mode} visitId={visitId} householdId={householdId} />
      </RequireRole>
    </Page>
  );
}

interface FromVisit {
  visitId: number | null;
  householdId: number | null;
}

function RecordOrRefuse({ mode, visitId, householdId }: { mode: RecordMode } & FromVisit) {
  const user = currentUser();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLES[mode].title }).catch(() => undefined);
  }, [mode]);
  if (!user) return null;
  return (
    <RecordFormView userId={user.id} mode={mode} visitId={visitId} householdId={householdId} />
  );
}

function RecordFormView({
  userId,
  mode,
  visitId,
  householdId,
}: { userId: number; mode: RecordMode } & FromVisit) {
  const form = useRecordForm(userId, mode, visitId);
  const { draft, update, issue } = form;
  const length = textLength(normalizeText(draft.text));
  const onSpot = mode === 'on_spot';
  const household = useVisitHousehold(householdId, (phone) => {
    if (draft.residentPhone.trim() === '') update({ residentPhone: phone });
  });

  return (
    <View>
      <View className="mq-section">
        <Text className="record-page__title">{TITLES[mode].title}</Text>
        <Text className="record-page__intro">{TITLES[mode].intro}</Text>
      </View>

      {visitId !== null ? (
        <View className="mq-field record-page__visit">
          <Text className="mq-label">在哪里了解到的：入户走访</Text>
          {household ? (
            <Text className="record-page__visit-home">
              {household.household.address} · 户主{household.household.headName}
            </Text>
          ) : null}
          <Text className="mq-muted">这件事会记在这次走访下面，办理人能看到是哪一户反映的。</Text>
        </View>
      ) : (
        <View className="mq-field">
          <Text className="mq-label">在哪里了解到的</Text>
          <View className="record-page__chips">
            {PROXY_CHANNELS.map((channel) => {
              const selected = draft.channel === channel;
              return (
                <View
                  key={channel}
                  className={classNames('record-page__chip', selected && 'is-selected')}
                  {...pressable({
                    role: 'radio',
                    checked: selected,
                    onPress: () => update({ channel }),
                  })}
                >
                  <Text>
                    {selected ? '✓ ' : ''}
                    {REQUEST_CHANNEL_LABELS[channel]}
                  </Text>
                </View>
              );
            })}
          </View>
          {issue('channel') ? <Text className="mq-field-error">{issue('channel')}</Text> : null}
        </View>
      )}

      <CategoryPicker
        label="群众反映的是哪一类事情"
        categories={onSpot ? ON_SPOT_CATEGORIES : CATEGORIES}
        category={draft.category}
        subTopic={draft.subTopic}
        onCategory={(category) => update({ category })}
        onSubTopic={(subTopic) => update({ subTopic })}
        categoryError={issue('category')}
        subTopicError={issue('subTopic')}
      />
      {onSpot ? (
        <Text className="mq-muted record-page__note">
          反映干部作风的事不能登记为当场解决，请用“代群众登记”，由乡镇办理。
        </Text>
      ) : null}

      <View className="mq-field">
        <Text className="mq-label">群众反映的内容</Text>
        <Textarea
          className={classNames(
            'mq-textarea mq-textarea--tall',
            issue('text') && 'mq-input--invalid',
          )}
          value={draft.text}
          maxlength={-1}
          placeholder="用群众自己的话写：什么地方、什么事、希望怎么解决"
          onInput={(e) => update({ text: e.detail.value })}
        />
        <Text className={classNames('record-page__count', length > REQUEST_TEXT_MAX && 'is-over')}>
          已写{length}字（至少{REQUEST_TEXT_MIN}字，最多{REQUEST_TEXT_MAX}字）
        </Text>
        {issue('text') ? <Text className="mq-field-error">{issue('text')}</Text> : null}
      </View>

      {onSpot ? (
        <View className="mq-field">
          <Text className="mq-label">当场解决的情况</Text>
          <Textarea
            className={classNames('mq-textarea', issue('note') && 'mq-input--invalid')}
            value={draft.note}
            maxlength={-1}
            placeholder="当场怎么解决的，群众确认时会看到这段话"
            onInput={(e) => update({ note: e.detail.value })}
          />
          {issue('note') ? <Text className="mq-field-error">{issue('note')}</Text> : null}
        </View>
      ) : null}

      {onSpot ? (
        <View className="mq-field">
          <Text className="mq-label">
            公示摘要（{PUBLIC_SUMMARY_MIN}到{PUBLIC_SUMMARY_MAX}个字）
          </Text>
          <Input
            className={classNames('mq-input', issue('publicSummary') && 'mq-input--invalid')}
            type="text"
            maxlength={PUBLIC_SUMMARY_MAX + 10}
            value={draft.publicSummary}
            placeholder="比如：老人家里老化的电线已更换"
            onInput={(e) => update({ publicSummary: e.detail.value })}
          />
          <Text className="mq-muted record-page__hint">
            会贴在村公示栏上，所有人都能看到：一句话写办了什么事，不写群众的姓名、电话和门牌。
          </Text>
          {issue('publicSummary') ? (
            <Text className="mq-field-error">{issue('publicSummary')}</Text>
          ) : null}
        </View>
      ) : null}

      <View className="mq-field">
        <Text className="mq-label">群众的手机号</Text>
        <Input
          className={classNames('mq-input', issue('residentPhone') && 'mq-input--invalid')}
          type="text"
          maxlength={20}
          value={draft.residentPhone}
          placeholder="群众本人的11位手机号"
          onInput={(e) => update({ residentPhone: e.detail.value })}
        />
        <Text className="mq-muted record-page__hint">
          {onSpot
            ? '群众用这个手机号验证后确认；确认短信也发到这个号码。'
            : '群众用这个手机号登录后，就能看到这件事。'}
        </Text>
        {issue('residentPhone') ? (
          <Text className="mq-field-error">{issue('residentPhone')}</Text>
        ) : null}
      </View>

      <PhotoPicker photos={form.photos} onAdd={form.addPhotos} error={issue('photoIds')} />

      <View className="mq-section record-page__privacy">
        <Text className="mq-label">请先告诉群众</Text>
        <Text className="record-page__privacy-text">
          登记的内容和手机号，只有办理的干部和乡镇（县）工作人员能看到，电话只显示部分数字；村里公示不写群众的姓名、电话和原话。事情办结后保存3年。
        </Text>
        <ConsentBox
          checked={draft.consent}
          onToggle={() => update({ consent: !draft.consent })}
          error={issue('consent')}
        >
          已向群众说明个人信息保护说明，群众同意
        </ConsentBox>
      </View>

      <FormFooter
        form={form}
        label={TITLES[mode].button}
        retryHint="填写的内容已经保存在手机上。网络好了以后再点一次，不会重复登记。"
        reused={{
          label: '先看看待办里是否已经登记过',
          open: () => void Taro.redirectTo({ url: routeOf('inbox') }),
        }}
      />
    </View>
  );
}

/**
 * The household a visit was made to, once loaded; its phone goes into an empty phone field. Not
 * loading it (no signal) costs nothing but typing the phone.
 */
function useVisitHousehold(householdId: number | null, onPhone: (phone: string) => void) {
  const [household, setHousehold] = useState<HouseholdDetail | null>(null);
  const onPhoneRef = useRef(onPhone);
  onPhoneRef.current = onPhone;
  useEffect(() => {
    if (householdId === null) return;
    let live = true;
    getMyHousehold(householdId).then(
      (found) => {
        if (!live) return;
        setHousehold(found);
        if (found.phone) onPhoneRef.current(found.phone);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [householdId]);
  return household;
}
