import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { cardCodeFromLaunch, parseCardUrl } from '@mqlk/shared';
import { useState } from 'react';

import { routeOf } from '../constants/routes';
import { Btn } from './btn';

/** 扫一扫: WeChat's scanner reads the card's QR code (a link, or a mini-program code). */
export function CardEntry() {
  const [problem, setProblem] = useState('');

  const scan = async () => {
    setProblem('');
    let result: Taro.scanCode.SuccessCallbackResult;
    try {
      // WeChat also reads mini-program codes ('wxCode'); Taro's types do not list that value.
      const scanType = ['qrCode', 'wxCode'] as unknown as (keyof Taro.scanCode.ScanType)[];
      result = await Taro.scanCode({ scanType });
    } catch {
      return; // cancelled
    }
    const scene = /[?&]scene=([^&]+)/.exec(result.path ?? '')?.[1] ?? null;
    const check = scene ? cardCodeFromLaunch({ scene }) : parseCardUrl(result.result);
    if (!check.ok) {
      setProblem('这不是民情联系卡的二维码，请扫描干部发给您的联系卡');
      return;
    }
    await Taro.navigateTo({ url: routeOf('card', { code: check.code }) });
  };

  return (
    <View className="card-entry">
      <Btn kind="primary" size="big" onClick={scan}>
        扫一扫联系卡
      </Btn>
      {problem ? <Text className="mq-field-error">{problem}</Text> : null}
    </View>
  );
}
