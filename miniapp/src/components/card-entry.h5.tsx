import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { checkCardCode, parseCardUrl } from '@mqlk/shared';
import { useState } from 'react';

import { routeOf } from '../constants/routes';
import { classNames } from '../utils/format';
import { Btn } from './btn';

/** A browser cannot scan: the code printed under the card's QR code is typed (or a link pasted). */
export function CardEntry() {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState('');

  const open = () => {
    const typed = value.trim();
    if (typed === '') {
      setProblem('请输入卡片上二维码下方的编码');
      return;
    }
    const check = /^https?:/i.test(typed) ? parseCardUrl(typed) : checkCardCode(typed);
    if (!check.ok) {
      setProblem('编码不对，请核对卡片上的字母和数字（区分大小写）');
      return;
    }
    setProblem('');
    void Taro.navigateTo({ url: routeOf('card', { code: check.code }) });
  };

  return (
    <View className="card-entry">
      <Text className="mq-label">输入联系卡编码</Text>
      <Input
        className={classNames('mq-input', problem !== '' && 'mq-input--invalid')}
        value={value}
        placeholder="卡片二维码下方的编码"
        maxlength={64}
        onInput={(e) => setValue(e.detail.value)}
        onConfirm={open}
      />
      {problem ? <Text className="mq-field-error">{problem}</Text> : null}
      <Btn kind="primary" size="big" onClick={open} className="card-entry__go">
        打开联系卡
      </Btn>
    </View>
  );
}
