import { Button, Text, View } from '@tarojs/components';
import { type ReactElement, useState } from 'react';

import { signInWithWechatPhone } from '../../../services/auth';
import { currentUser } from '../../../services/session';
import { asApiError } from '../../../services/http';
import type { PhoneLinkProps } from './phone-link-props';
import './phone-link.scss';

interface PhoneNumberEvent {
  detail: { code?: string; errMsg?: string };
}

/**
 * 用微信手机号登录, for a resident known only by their WeChat: a cadre may have filed a request
 * for their phone (代填), which shows once WeChat tells the server the phone is theirs.
 */
export function PhoneLink({ onLinked }: PhoneLinkProps): ReactElement | null {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const user = currentUser();
  if (!user || user.role !== 'resident' || user.phoneMasked) return null;

  const got = async (e: PhoneNumberEvent) => {
    const phoneCode = e.detail.code;
    // Declined, or an account WeChat cannot vouch for: nothing changes, they may try again.
    if (!phoneCode) {
      setProblem('没有取到手机号。干部帮您登记过的事情，也可以用短信验证码在网页上查看。');
      return;
    }
    setBusy(true);
    setProblem('');
    try {
      await signInWithWechatPhone(phoneCode);
      onLinked();
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="mq-section phone-link">
      <Text className="phone-link__text">
        干部帮您登记过事情？用微信绑定的手机号登录，就能在这里看到。
      </Text>
      <Button
        className="mq-btn mq-btn--secondary mq-btn--big phone-link__button"
        openType="getPhoneNumber"
        disabled={busy}
        onGetPhoneNumber={(e) => void got(e as unknown as PhoneNumberEvent)}
      >
        {busy ? '正在登录…' : '用微信手机号登录'}
      </Button>
      {problem ? <Text className="mq-field-error phone-link__problem">! {problem}</Text> : null}
    </View>
  );
}
