import { Input, Text, View } from '@tarojs/components';

import { Btn } from '../../../components/btn';
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

      <View className="mq-field">
        <Text className="mq-label">手机号</Text>
        <Input
          className={classNames('mq-input', phoneIssue && 'mq-input--invalid')}
          type="number"
          maxlength={11}
          value={form.phone}
          placeholder="请输入11位手机号"
          onInput={(e) => form.setPhone(e.detail.value)}
        />
        {phoneIssue ? <Text className="mq-field-error">{phoneIssue}</Text> : null}
      </View>

      <View className="mq-field">
        <Text className="mq-label">短信验证码</Text>
        <View className="sms-sign-in__row">
          <Input
            className={classNames('mq-input sms-sign-in__code', codeIssue && 'mq-input--invalid')}
            type="number"
            maxlength={6}
            value={form.code}
            placeholder="6位数字"
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
        {codeIssue ? <Text className="mq-field-error">{codeIssue}</Text> : null}
        {form.notice ? <Text className="mq-muted sms-sign-in__notice">{form.notice}</Text> : null}
        {form.devCode ? (
          <Text className="sms-sign-in__dev">测试环境验证码：{form.devCode}</Text>
        ) : null}
      </View>
    </View>
  );
}
