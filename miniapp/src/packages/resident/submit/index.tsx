import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  REQUEST_TEXT_MAX,
  REQUEST_TEXT_MIN,
  checkCardCode,
  normalizeText,
  textLength,
  type RequestDetail,
} from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import { CategoryPicker } from '../../../components/category-picker';
import { Field, NUMERIC } from '../../../components/field';
import { FormFooter } from '../../../components/form-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { routeOf } from '../../../constants/routes';
import { ensureResidentQuietly } from '../../../services/account';
import { classNames } from '../../../utils/format';
import { PhotoPicker } from '../../../components/photo-picker';
import { VoiceRecorder } from '../../../components/voice-recorder';
import { SmsSignIn } from '../components/sms-sign-in';
import { PrivacyNotice } from './privacy-notice';
import { useSubmitForm } from './use-submit';
import './index.scss';

export default function SubmitPage() {
  const { params } = useRouter();
  const card = checkCardCode(params.cardCode ?? '');
  if (!card.ok) {
    return (
      <Page>
        <MessageScreen
          tone="warning"
          icon="?"
          title="请先扫描干部的联系卡"
          body="反映事情要先找到负责的干部：请扫描干部发给您的民情联系卡。"
        >
          <Btn kind="primary" onClick={() => Taro.reLaunch({ url: routeOf('home') })}>
            去首页
          </Btn>
        </MessageScreen>
      </Page>
    );
  }
  return <SubmitForm cardCode={card.code} />;
}

function SubmitForm({ cardCode }: { cardCode: string }) {
  const form = useSubmitForm(cardCode);
  if (form.result) return <Submitted request={form.result} />;
  const { draft, update, issue } = form;
  const length = textLength(normalizeText(draft.text));
  const tooLong = length > REQUEST_TEXT_MAX;

  return (
    <Page className="submit-page">
      <CategoryPicker
        category={draft.category}
        subTopic={draft.subTopic}
        onCategory={(category) => update({ category })}
        onSubTopic={(subTopic) => update({ subTopic })}
        categoryError={issue('category')}
        subTopicError={issue('subTopic')}
      />

      <Field
        label="2. 请说说是什么事"
        error={issue('text')}
        after={
          <Text className={classNames('submit-page__count', tooLong && 'is-over')}>
            已写{length}字（{form.voice.clip ? '录了语音，可以不写' : `至少${REQUEST_TEXT_MIN}字`}
            ，最多{REQUEST_TEXT_MAX}字）
            {tooLong ? `，超出${length - REQUEST_TEXT_MAX}字` : ''}
          </Text>
        }
      >
        {(a11y) => (
          <Textarea
            className={classNames(
              'mq-textarea mq-textarea--tall',
              issue('text') && 'mq-input--invalid',
            )}
            value={draft.text}
            maxlength={-1}
            placeholder="比如：什么地方、什么时候、出了什么问题、希望怎么解决"
            nativeProps={a11y}
            onInput={(e) => update({ text: e.detail.value })}
          />
        )}
      </Field>

      <VoiceRecorder voice={form.voice} error={issue('voiceId')} />

      <PhotoPicker
        photos={form.photos}
        onAdd={() => void form.photos.add(ensureResidentQuietly)}
        error={issue('photoIds')}
      />

      <Field label="联系电话（可不填）" error={issue('contactPhone')}>
        {(a11y) => (
          <Input
            className={classNames('mq-input', issue('contactPhone') && 'mq-input--invalid')}
            type="number"
            maxlength={11}
            value={draft.contactPhone}
            placeholder="方便干部打电话给您"
            nativeProps={{ ...a11y, ...NUMERIC, autoComplete: 'tel' }}
            onInput={(e) => update({ contactPhone: e.detail.value })}
          />
        )}
      </Field>

      <PrivacyNotice
        consent={draft.consent}
        onToggle={() => update({ consent: !draft.consent })}
        error={issue('consent')}
      />

      {form.needsSms ? (
        <SmsSignIn
          form={form.sms}
          reason="第一次提交需要验证手机号，以后用这个手机号就能查看办理进展。"
        />
      ) : null}

      <FormFooter
        form={form}
        label="提交"
        retryHint="您填写的内容已经保存在手机上。网络好了以后再点一次“提交”，不会重复提交。"
        reused={{
          label: '先看看是否已经提交过',
          open: () => void Taro.navigateTo({ url: routeOf('mine') }),
        }}
      />
    </Page>
  );
}

function Submitted({ request }: { request: RequestDetail }) {
  const open = () => Taro.redirectTo({ url: routeOf('myRequest', { id: request.id }) });
  const mine = () => Taro.redirectTo({ url: routeOf('mine') });
  return (
    <Page>
      <MessageScreen
        tone="success"
        icon="✓"
        title="提交成功"
        body="干部签收后会开始办理，办理进展可以随时查看。"
      >
        <View className="submit-page__number">
          <Text className="submit-page__number-label">您的诉求编号</Text>
          <Text className="submit-page__number-value">{request.number}</Text>
        </View>
        <Btn kind="primary" size="big" onClick={open}>
          查看这件事的进展
        </Btn>
        <Btn kind="secondary" size="big" onClick={mine}>
          我反映的事情
        </Btn>
      </MessageScreen>
    </Page>
  );
}
