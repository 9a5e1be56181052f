import { Input, Text, View } from '@tarojs/components';

import { Btn } from '../../../components/btn';
import { Field, NUMERIC } from '../../../components/field';
import { classNames } from '../../../utils/format';
import { smsIssue, type SmsForm } from './use-sms';
import './sms-sign-in.scss';

interface SmsSignInProps {
  form: SmsForm;
  /** Why the phone is asked for, in this place. */
  reason: string;
}

export function SmsSignIn({ form, reason }: SmsSignInProps) {
  const phoneIssue = smsIssue(form, 'phone');
  const codeIssue = smsIssue(form, 'code');
  const sendLabel = form.sending
    ? '正在发送…'
    : form.countdown > 0
      ? `${form.countdown}秒后重发`
      : '获取验证码';
  return (
    <View className="mq-section sms-sign-in">
      <Text className="mq-section__title">验证手机号</Text>
      <Text className="mq-muted sms-sign-in__reason">{reason}</Text>

      <Field label="手机号" error={phoneIssue}>
        {(a11y) => (
          <Input
            className={classNames('mq-input', phoneIssue && 'mq-input--invalid')}
            type="number"
            maxlength={11}
            value={form.phone}
            placeholder="请输入11位手机号"
            nativeProps={{ ...a11y, ...NUMERIC, autoComplete: 'tel' }}
            onInput={(e) => form.setPhone(e.detail.value)}
          />
        )}
      </Field>

      <Field
        label="短信验证码"
        error={codeIssue}
        after={
          <>
            {form.notice ? (
              <Text className="mq-muted sms-sign-in__notice">{form.notice}</Text>
            ) : null}
            {form.devCode ? (
              <Text className="sms-sign-in__dev">测试环境验证码：{form.devCode}</Text>
            ) : null}
          </>
        }
      >
        {(a11y) => (
          <View className="sms-sign-in__row">
            <Input
              className={classNames('mq-input sms-sign-in__code', codeIssue && 'mq-input--invalid')}
              type="number"
              maxlength={6}
              value={form.code}
              placeholder="6位数字"
              nativeProps={{ ...a11y, ...NUMERIC, autoComplete: 'one-time-code' }}
              onInput={(e) => form.setCode(e.detail.value)}
            />
            <Btn
              kind="secondary"
              className="sms-sign-in__send"
              disabled={form.countdown > 0}
              busyText={form.sending ? sendLabel : false}
              onClick={() => void form.sendCode()}
            >
              {sendLabel}
            </Btn>
          </View>
        )}
      </Field>
    </View>
  );
}
