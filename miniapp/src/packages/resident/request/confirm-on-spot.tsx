import { Text, View } from '@tarojs/components';
import type { MoveResult, RequestDetail } from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import { confirmRequest } from '../../../services/api/requests';
import { useSend } from './use-send';

interface ConfirmOnSpotProps {
  request: RequestDetail;
  onConfirmed: (result: MoveResult) => void;
}

/**
 * 当场解决, confirmed from the resident's own list: they signed in with the phone the cadre
 * recorded, which is the proof the scan would give. Afterwards they can rate it.
 */
export function ConfirmOnSpot({ request, onConfirmed }: ConfirmOnSpotProps) {
  const { sending, problem, send } = useSend(onConfirmed);
  const confirm = () => send(() => confirmRequest(request.id));
  return (
    <View className="mq-section my-request-page__pending">
      <Text className="mq-section__title">请确认这件事已经解决</Text>
      <Text className="my-request-page__pending-text">
        {request.ownerName}
        登记了这件事已经当场解决（见下面的办理结果）。确实解决了的，请点确认；确认后可以评价。
        没有解决的，请不要确认，直接告诉{request.ownerName}。
      </Text>
      {problem ? <Text className="mq-field-error">! {problem}</Text> : null}
      <Btn
        kind="primary"
        size="big"
        busyText={sending && '正在确认…'}
        onClick={() => void confirm()}
      >
        确认，已经解决了
      </Btn>
    </View>
  );
}
