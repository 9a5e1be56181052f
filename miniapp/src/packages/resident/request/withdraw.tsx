import { Text, View } from '@tarojs/components';
import type { MoveResult, RequestDetail } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { withdrawRequest } from '../../../services/api/requests';
import { useSend } from './use-send';

interface WithdrawProps {
  request: RequestDetail;
  onWithdrawn: (result: MoveResult) => void;
}

/** 撤回, confirmed on the page itself rather than in a pop-up. */
export function Withdraw({ request, onWithdrawn }: WithdrawProps) {
  const [confirming, setConfirming] = useState(false);
  const { sending, problem, send } = useSend(onWithdrawn);
  const confirm = () => send(() => withdrawRequest(request.id));

  if (!confirming) {
    return (
      <View className="withdraw">
        <Btn kind="plain" onClick={() => setConfirming(true)}>
          撤回这件事
        </Btn>
      </View>
    );
  }
  return (
    <View className="mq-section withdraw withdraw--confirm">
      <Text className="withdraw__question">确定要撤回吗？</Text>
      <Text className="withdraw__hint">
        撤回后干部就不再办理这件事了。如果事情已经解决，可以撤回。
      </Text>
      {problem ? <Text className="mq-field-error">! {problem}</Text> : null}
      <Btn kind="danger" busyText={sending && '正在撤回…'} onClick={() => void confirm()}>
        确定撤回
      </Btn>
      <Btn kind="secondary" className="withdraw__keep" onClick={() => setConfirming(false)}>
        不撤回了
      </Btn>
    </View>
  );
}
